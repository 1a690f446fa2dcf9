//! `Cargo.lock` (versions 1 to 4).

use std::collections::HashMap;

use serde::Deserialize;

use super::{toml_doc, toml_table_lines};
use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

#[derive(Deserialize)]
struct Doc {
    version: Option<i64>,
    #[serde(default)]
    package: Vec<Entry>,
    /// Version 1 kept checksums here: `"checksum name version (source)" = "hex"`.
    #[serde(default)]
    metadata: HashMap<String, String>,
}

#[derive(Deserialize)]
struct Entry {
    name: Option<String>,
    version: Option<String>,
    source: Option<String>,
    checksum: Option<String>,
    #[serde(default)]
    dependencies: Vec<String>,
}

pub(crate) fn parse(text: &str) -> Result<Lockfile, ParseError> {
    let doc: Doc = toml_doc(text)?;
    let lines = toml_table_lines(text, "[[package]]");
    let mut lf = Lockfile::default();
    if let Some(v) = doc.version.filter(|v| *v > 4) {
        super::note_unknown_version(&mut lf, text, "version", &v.to_string(), "4");
    }
    // (entry index, package index) for resolving dependencies.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for (n, e) in doc.package.iter().enumerate() {
        let line = lines.get(n).copied().unwrap_or(1);
        let (Some(name), Some(version)) = (&e.name, &e.version) else {
            lf.malformed(line, "[[package]] without name or version");
            continue;
        };
        let mut p = Package::new(Ecosystem::CratesIo, name, version, line);
        p.scope = Scope::Unknown;
        p.source = match e.source.as_deref() {
            None => Source::Path(String::new()),
            Some(s) if s.starts_with("registry+") || s.starts_with("sparse+") => Source::Registry,
            Some(s) if s.starts_with("git+") => {
                Source::Git(s.trim_start_matches("git+").to_owned())
            }
            Some(s) => Source::Other(s.to_owned()),
        };
        let checksum = e.checksum.clone().or_else(|| {
            let src = e.source.as_deref().unwrap_or("");
            doc.metadata
                .get(&format!("checksum {name} {version} ({src})"))
                .cloned()
        });
        if let Some(c) =
            checksum.filter(|c| c.len() == 64 && c.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            p.hashes.push(format!("sha256:{c}"));
        }
        by_name
            .entry(name.clone())
            .or_default()
            .push(lf.packages.len());
        kept.push((n, lf.packages.len()));
        lf.packages.push(p);
    }
    for (n, i) in kept {
        for d in &doc.package[n].dependencies {
            // "name", "name version" or "name version (source)".
            let mut parts = d.splitn(3, ' ');
            let name = parts.next().unwrap_or("");
            let version = parts.next();
            let Some(cands) = by_name.get(name) else {
                continue;
            };
            let j = match version {
                None => cands.first().copied(),
                Some(v) => cands.iter().copied().find(|&j| lf.packages[j].version == v),
            };
            if let Some(j) = j {
                lf.packages[i].deps.push(j);
            }
        }
    }
    // Workspace members have no source: what they depend on is direct, the rest transitive.
    let members: Vec<usize> = (0..lf.packages.len())
        .filter(|&i| matches!(lf.packages[i].source, Source::Path(_)))
        .collect();
    let mut direct = vec![false; lf.packages.len()];
    for &m in &members {
        for &d in &lf.packages[m].deps {
            direct[d] = true;
        }
    }
    if !members.is_empty() {
        for (p, d) in lf.packages.iter_mut().zip(direct) {
            p.direct = Some(d);
        }
    }
    Ok(lf)
}
