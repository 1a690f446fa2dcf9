//! Bundler `Gemfile.lock` (`GEM`, `GIT`, `PATH` sections, `DEPENDENCIES`, `CHECKSUMS`).

use std::collections::{HashMap, HashSet};

use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

/// `name (version)` or `name (version-platform)` → (name, version).
fn spec(line: &str) -> Option<(&str, &str)> {
    let (name, rest) = line.split_once(" (")?;
    let v = rest.strip_suffix(')')?;
    // Platform-specific gems: `1.16.5-arm64-darwin`. Gem versions have no `-` of their own
    // in a lockfile (pre-releases use `.`), so the platform starts at the first `-`.
    let v = v.split('-').next().unwrap_or(v);
    Some((name.trim(), v.trim()))
}

pub(crate) fn parse(text: &str) -> Result<Lockfile, ParseError> {
    let mut lf = Lockfile::default();
    let mut section = String::new();
    let mut remote = String::new();
    let mut revision = String::new();
    let mut declared: HashSet<String> = HashSet::new();
    let mut checksums: HashMap<String, String> = HashMap::new();
    let mut deps: Vec<Vec<String>> = Vec::new();
    let mut saw_section = false;
    for (i, raw) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        if raw.trim().is_empty() {
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if indent == 0 {
            section = line.to_owned();
            saw_section = true;
            remote.clear();
            revision.clear();
            continue;
        }
        match section.as_str() {
            "GEM" | "GIT" | "PATH" | "PLUGIN SOURCE" => {
                if indent == 2 {
                    if let Some(r) = line.strip_prefix("remote: ") {
                        remote = r.to_owned();
                    } else if let Some(r) = line.strip_prefix("revision: ") {
                        revision = r.to_owned();
                    }
                } else if indent == 4 {
                    let Some((name, version)) = spec(line) else {
                        lf.malformed(n, format!("cannot read spec {line:?}"));
                        continue;
                    };
                    let mut p = Package::new(Ecosystem::RubyGems, name, version, n);
                    p.source = match section.as_str() {
                        "GIT" => Source::Git(format!("{remote}@{revision}")),
                        "PATH" => Source::Path(remote.clone()),
                        _ => Source::Registry,
                    };
                    // Several platform variants of one gem version: keep the first.
                    if lf
                        .packages
                        .iter()
                        .any(|q| q.name == p.name && q.version == p.version)
                    {
                        continue;
                    }
                    lf.packages.push(p);
                    deps.push(Vec::new());
                } else if indent == 6 {
                    let name = line.split(" (").next().unwrap_or(line).trim();
                    if let Some(d) = deps.last_mut() {
                        d.push(name.to_owned());
                    }
                }
            }
            "DEPENDENCIES" if indent == 2 => {
                let name = line
                    .split(" (")
                    .next()
                    .unwrap_or(line)
                    .trim()
                    .trim_end_matches('!');
                declared.insert(name.to_owned());
            }
            "CHECKSUMS" if indent == 2 => {
                if let (Some((name, version)), Some(sum)) = (
                    spec(
                        line.split(' ')
                            .take(2)
                            .collect::<Vec<_>>()
                            .join(" ")
                            .as_str(),
                    ),
                    line.split("sha256=").nth(1),
                ) {
                    checksums.insert(format!("{name}@{version}"), sum.trim().to_owned());
                }
            }
            _ => {}
        }
    }
    if !saw_section {
        return Err(ParseError::new(1, "not a Gemfile.lock: no sections"));
    }
    super::link_by_name(&mut lf, &deps, str::to_owned);
    for p in &mut lf.packages {
        if let Some(c) = checksums.get(&format!("{}@{}", p.name, p.version)) {
            p.hashes.push(format!("sha256:{c}"));
        }
    }
    if !declared.is_empty() {
        let mut roots: Vec<usize> = (0..lf.packages.len())
            .filter(|&i| declared.contains(&lf.packages[i].name))
            .collect();
        // Gems a declared PATH gem (the gem being developed) depends on are direct too.
        let path_gems: Vec<usize> = roots
            .iter()
            .copied()
            .filter(|&i| matches!(lf.packages[i].source, Source::Path(_)))
            .collect();
        for i in path_gems {
            let deps = lf.packages[i].deps.clone();
            roots.extend(deps);
        }
        for (i, p) in lf.packages.iter_mut().enumerate() {
            p.direct = Some(roots.contains(&i));
            // The lockfile does not record Bundler groups.
            p.scope = Scope::Unknown;
        }
    }
    Ok(lf)
}
