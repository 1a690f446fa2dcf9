//! `yarn.lock`: classic (v1, `# yarn lockfile v1`) and Berry (v2+, `__metadata:`). Both are
//! blocks headed by the requested specs at column 0 with indented fields; neither is parsed as
//! general YAML (no anchors or aliases to expand).

use std::collections::HashMap;

use super::{Siblings, hashes_from_sri, source_from_url};
use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

struct Block {
    line: u32,
    specs: Vec<String>,
    fields: HashMap<String, String>,
    deps: Vec<(String, String)>,
}

fn unq(s: &str) -> String {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(s)
        .to_owned()
}

/// Splits `name@range` at the `@` after the name (a scoped name starts with `@`).
pub(crate) fn split_spec(spec: &str) -> (&str, &str) {
    let from = usize::from(spec.starts_with('@'));
    match spec[from..].find('@') {
        Some(i) => (&spec[..from + i], &spec[from + i + 1..]),
        None => (spec, ""),
    }
}

fn blocks(text: &str, berry: bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut in_deps = false;
    for (i, raw) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if indent == 0 {
            in_deps = false;
            let header = line.strip_suffix(':').unwrap_or(line);
            let specs = header.split(", ").map(unq).collect();
            out.push(Block {
                line: n,
                specs,
                fields: HashMap::new(),
                deps: Vec::new(),
            });
            continue;
        }
        let Some(b) = out.last_mut() else { continue };
        if indent <= 2 {
            in_deps = matches!(
                line,
                "dependencies:" | "optionalDependencies:" | "peerDependencies:"
            );
            let (k, v) = if berry {
                line.split_once(':').map_or((line, ""), |(k, v)| (k, v))
            } else {
                line.split_once(' ').map_or((line, ""), |(k, v)| (k, v))
            };
            if !v.trim().is_empty() {
                b.fields.insert(unq(k), unq(v));
            }
        } else if in_deps && !line.starts_with("peerDependencies") {
            let (k, v) = if berry {
                line.split_once(": ").map_or((line, ""), |(k, v)| (k, v))
            } else {
                line.rsplit_once(' ').map_or((line, ""), |(k, v)| (k, v))
            };
            b.deps.push((unq(k), unq(v)));
        }
    }
    out
}

pub(crate) fn parse(text: &str, siblings: &dyn Siblings) -> Result<Lockfile, ParseError> {
    let berry = text.lines().any(|l| l.starts_with("__metadata:"));
    if !berry
        && !text.lines().any(|l| l.contains("yarn lockfile v1"))
        && !text.lines().any(|l| l.starts_with('"') || l.ends_with(':'))
    {
        return Err(ParseError::new(1, "not a yarn lockfile"));
    }
    let mut lf = Lockfile::default();
    let mut spec_index: HashMap<String, usize> = HashMap::new();
    let mut pending = Vec::new();
    let mut workspace_deps: Vec<String> = Vec::new();
    for b in blocks(text, berry) {
        if b.specs.iter().any(|s| s == "__metadata") {
            continue;
        }
        let resolution = b.fields.get("resolution").cloned().unwrap_or_default();
        if berry
            && (resolution.contains("@workspace:")
                || b.fields.get("linkType").is_some_and(|l| l == "soft"))
        {
            // The project itself or a workspace member: its dependencies are direct.
            workspace_deps.extend(b.deps.iter().map(|(k, v)| format!("{k}@{v}")));
            continue;
        }
        let Some(version) = b.fields.get("version").cloned() else {
            lf.malformed(
                b.line,
                format!(
                    "{}: no version",
                    b.specs.first().map_or("entry", String::as_str)
                ),
            );
            continue;
        };
        let name = if berry && !resolution.is_empty() {
            split_spec(&resolution).0.to_owned()
        } else {
            let first = b.specs.first().cloned().unwrap_or_default();
            let (n, range) = split_spec(&first);
            // `alias@npm:real-name@^1.0.0`
            match range.strip_prefix("npm:") {
                Some(r) if r.contains('@') && !r.starts_with('@') || r.matches('@').count() > 1 => {
                    split_spec(r).0.to_owned()
                }
                Some(r) if r.starts_with('@') && r[1..].contains('@') => split_spec(r).0.to_owned(),
                _ => n.to_owned(),
            }
        };
        let mut p = Package::new(Ecosystem::Npm, name, version, b.line);
        if let Some(i) = b.fields.get("integrity") {
            p.hashes = hashes_from_sri(i);
        }
        if let Some(r) = b.fields.get("resolved") {
            p.source = source_from_url(r);
        }
        if berry {
            let proto = split_spec(&resolution).1;
            if proto.starts_with("git") || proto.contains("github:") || proto.contains(".git#") {
                p.source = Source::Git(proto.to_owned());
            } else if proto.starts_with("file:")
                || proto.starts_with("link:")
                || proto.starts_with("portal:")
            {
                p.source = Source::Path(proto.to_owned());
            }
        }
        for s in &b.specs {
            spec_index.insert(s.clone(), lf.packages.len());
        }
        pending.push((lf.packages.len(), b.deps));
        lf.packages.push(p);
    }
    for (i, deps) in pending {
        for (name, range) in deps {
            if let Some(&j) = spec_index.get(&format!("{name}@{range}")) {
                lf.packages[i].deps.push(j);
            }
        }
    }
    // Direct dependencies and their scope, from the project's package.json (and, for Berry,
    // the workspace entries).
    let mut runtime_roots = Vec::new();
    let mut dev_roots = Vec::new();
    if let Some(pj) = siblings
        .read("package.json")
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
    {
        for (field, dev) in [
            ("dependencies", false),
            ("optionalDependencies", false),
            ("devDependencies", true),
        ] {
            if let Some(o) = pj.get(field).and_then(serde_json::Value::as_object) {
                for (k, v) in o {
                    let range = v.as_str().unwrap_or("");
                    let candidates = [format!("{k}@{range}"), format!("{k}@npm:{range}")];
                    if let Some(&j) = candidates.iter().find_map(|c| spec_index.get(c)) {
                        if dev {
                            dev_roots.push(j);
                        } else {
                            runtime_roots.push(j);
                        }
                    }
                }
            }
        }
    }
    for s in &workspace_deps {
        if let Some(&j) = spec_index.get(s)
            && !dev_roots.contains(&j)
        {
            runtime_roots.push(j);
        }
    }
    if !runtime_roots.is_empty() || !dev_roots.is_empty() {
        let runtime = super::reachable_from(&lf, &runtime_roots);
        let any = super::reachable_from(&lf, &[runtime_roots.clone(), dev_roots.clone()].concat());
        for (i, p) in lf.packages.iter_mut().enumerate() {
            p.direct = Some(runtime_roots.contains(&i) || dev_roots.contains(&i));
            p.scope = if runtime[i] {
                Scope::Runtime
            } else if any[i] {
                Scope::Dev
            } else {
                Scope::Unknown
            };
        }
    }
    Ok(lf)
}
