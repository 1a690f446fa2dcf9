//! `pnpm-lock.yaml`, lockfile versions 5.x (`/name/1.0.0_peer`), 6.x (`/name@1.0.0(peer)`)
//! and 9.x (`name@1.0.0` in `packages`, dependencies in `snapshots`). Read line by line by
//! indentation, as pnpm writes it; not parsed as general YAML (no anchors or aliases).

use std::collections::{BTreeMap, HashMap};

use super::{hashes_from_sri, reachable_from};
use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

fn unq(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .or_else(|| s.strip_prefix('"').and_then(|x| x.strip_suffix('"')))
        .unwrap_or(s)
}

/// (name, version) of a package key in any lockfile version; peer suffixes removed.
fn key_parts(key: &str) -> Option<(String, String)> {
    let k = key.strip_prefix('/').unwrap_or(key);
    let k = k.split('(').next().unwrap_or(k);
    let from = usize::from(k.starts_with('@'));
    if let Some(i) = k[from..].find('@') {
        // v6 / v9: name@version
        let (n, v) = (&k[..from + i], &k[from + i + 1..]);
        if !n.contains('/') || n.starts_with('@') && n.matches('/').count() == 1 {
            return Some((n.to_owned(), v.to_owned()));
        }
    }
    // v5: name/version_peers
    let (n, v) = k.rsplit_once('/')?;
    let v = v.split('_').next().unwrap_or(v);
    Some((n.to_owned(), v.to_owned()))
}

/// The version an importer or dependency entry resolves to, peers removed; `None` for
/// links to workspace folders.
fn dep_version(v: &str) -> Option<String> {
    let v = unq(v);
    if v.starts_with("link:") || v.starts_with("file:") || v.starts_with("workspace:") {
        return None;
    }
    Some(
        v.split('(')
            .next()
            .unwrap_or(v)
            .split('_')
            .next()
            .unwrap_or(v)
            .to_owned(),
    )
}

struct Entry {
    line: u32,
    key: String,
    dev: Option<bool>,
    integrity: Option<String>,
    deps: Vec<(String, String)>,
}

pub(crate) fn parse(text: &str) -> Result<Lockfile, ParseError> {
    if !text.lines().any(|l| l.starts_with("lockfileVersion")) {
        return Err(ParseError::new(
            1,
            "not a pnpm lockfile: no lockfileVersion",
        ));
    }
    let mut section = String::new();
    let mut packages: Vec<Entry> = Vec::new();
    let mut snapshot_deps: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    // (dev, name, version)
    let mut roots: Vec<(bool, String, String)> = Vec::new();
    let mut sub = String::new(); // field at indent 4 (packages) or importer section
    let mut current_snapshot: Option<String> = None;
    let mut importer_dep: Option<(bool, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        let (k, v) = line
            .split_once(':')
            .map_or((line, ""), |(k, v)| (k, v.trim()));
        // Keys may hold ':' inside quotes (`'name@npm:x'`): split after the closing quote.
        let (k, v) = if line.starts_with('\'') || line.starts_with('"') {
            let q = &line[..1];
            match line[1..].find(q) {
                Some(e) => (&line[..e + 2], line[e + 2..].trim_start_matches(':').trim()),
                None => (k, v),
            }
        } else {
            (k, v)
        };
        if indent == 0 {
            section = k.to_owned();
            sub.clear();
            continue;
        }
        match section.as_str() {
            "packages" | "snapshots" => {
                if indent == 2 {
                    sub.clear();
                    if section == "packages" {
                        packages.push(Entry {
                            line: n,
                            key: unq(k).to_owned(),
                            dev: None,
                            integrity: None,
                            deps: Vec::new(),
                        });
                        current_snapshot = None;
                    } else {
                        current_snapshot = Some(unq(k).to_owned());
                    }
                } else if indent == 4 {
                    sub = k.to_owned();
                    if section == "packages"
                        && let Some(e) = packages.last_mut()
                    {
                        match k {
                            "dev" => e.dev = Some(v == "true"),
                            "resolution" => {
                                if let Some(x) = v.split("integrity:").nth(1) {
                                    e.integrity =
                                        Some(x.trim().trim_end_matches('}').trim().to_owned());
                                }
                            }
                            _ => {}
                        }
                    }
                } else if indent == 6
                    && matches!(sub.as_str(), "dependencies" | "optionalDependencies")
                {
                    let dep = (unq(k).to_owned(), unq(v).to_owned());
                    match (&current_snapshot, section.as_str()) {
                        (Some(s), "snapshots") => {
                            snapshot_deps.entry(s.clone()).or_default().push(dep);
                        }
                        (_, "packages") => {
                            if let Some(e) = packages.last_mut() {
                                e.deps.push(dep);
                            }
                        }
                        _ => {}
                    }
                }
            }
            "importers" => {
                if indent == 2 {
                    sub.clear();
                } else if indent == 4 {
                    sub = k.to_owned();
                    importer_dep = None;
                } else if matches!(
                    sub.as_str(),
                    "dependencies" | "devDependencies" | "optionalDependencies"
                ) {
                    let dev = sub == "devDependencies";
                    if indent == 6 {
                        if v.is_empty() {
                            importer_dep = Some((dev, unq(k).to_owned()));
                        } else if let Some(ver) = dep_version(v) {
                            roots.push((dev, unq(k).to_owned(), ver));
                        }
                    } else if indent == 8
                        && k == "version"
                        && let (Some((dev, name)), Some(ver)) =
                            (importer_dep.take(), dep_version(v))
                    {
                        roots.push((dev, name, ver));
                    }
                }
            }
            // Lockfile v5 of a single project: top-level dependency maps.
            "dependencies" | "devDependencies" | "optionalDependencies" if indent == 2 => {
                if let Some(ver) = dep_version(v) {
                    roots.push((section == "devDependencies", unq(k).to_owned(), ver));
                }
            }
            _ => {}
        }
    }
    let mut lf = Lockfile::default();
    if let Some(v) = text
        .lines()
        .find_map(|l| l.strip_prefix("lockfileVersion:"))
    {
        let v = v.trim().trim_matches(|c| c == '\'' || c == '"');
        if v.split('.')
            .next()
            .and_then(|m| m.parse::<u32>().ok())
            .is_some_and(|m| m > 9)
        {
            super::note_unknown_version(&mut lf, text, "lockfileVersion", v, "9.0");
        }
    }
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut pending = Vec::new();
    for e in packages {
        let Some((name, version)) = key_parts(&e.key) else {
            lf.malformed(e.line, format!("cannot read package key {}", e.key));
            continue;
        };
        if let Some(&j) = index.get(&(name.clone(), version.clone())) {
            // Another peer-dependency variant of a package already listed.
            pending.push((j, e.deps));
            continue;
        }
        let mut p = Package::new(Ecosystem::Npm, &name, &version, e.line);
        if version.contains(':')
            || version.contains('/')
            || !e.key.starts_with('/') && e.key.contains("github.com/")
        {
            p.source = Source::Other(version.clone());
        }
        if let Some(i) = &e.integrity {
            p.hashes = hashes_from_sri(i);
        }
        p.scope = match e.dev {
            Some(true) => Scope::Dev,
            Some(false) => Scope::Runtime,
            None => Scope::Unknown,
        };
        let mut deps = e.deps;
        if let Some(s) = snapshot_deps.get(&e.key) {
            deps.extend(s.iter().cloned());
        }
        index.insert((name, version), lf.packages.len());
        pending.push((lf.packages.len(), deps));
        lf.packages.push(p);
    }
    // v9: snapshot keys carry peer suffixes; merge their dependencies into the package.
    for (key, deps) in &snapshot_deps {
        if let Some((n, v)) = key_parts(key)
            && let Some(&j) = index.get(&(n, v))
        {
            pending.push((j, deps.clone()));
        }
    }
    for (i, deps) in pending {
        for (name, ver) in deps {
            let Some(ver) = dep_version(&ver) else {
                continue;
            };
            // An alias value names the real package: `/real-name/1.0.0` or `real-name@1.0.0`.
            let target = if ver.contains('@') || ver.starts_with('/') {
                key_parts(&ver)
            } else {
                Some((name, ver))
            };
            if let Some(&j) = target.and_then(|t| index.get(&t))
                && j != i
                && !lf.packages[i].deps.contains(&j)
            {
                lf.packages[i].deps.push(j);
            }
        }
    }
    let find = |name: &str, ver: &str| -> Option<usize> {
        let t = if ver.contains('@') || ver.starts_with('/') {
            key_parts(ver)?
        } else {
            (name.to_owned(), ver.to_owned())
        };
        index.get(&t).copied()
    };
    let runtime_roots: Vec<usize> = roots
        .iter()
        .filter(|r| !r.0)
        .filter_map(|r| find(&r.1, &r.2))
        .collect();
    let dev_roots: Vec<usize> = roots
        .iter()
        .filter(|r| r.0)
        .filter_map(|r| find(&r.1, &r.2))
        .collect();
    if !runtime_roots.is_empty() || !dev_roots.is_empty() {
        let runtime = reachable_from(&lf, &runtime_roots);
        let any = reachable_from(&lf, &[runtime_roots.clone(), dev_roots.clone()].concat());
        for (i, p) in lf.packages.iter_mut().enumerate() {
            p.direct = Some(runtime_roots.contains(&i) || dev_roots.contains(&i));
            if p.scope == Scope::Unknown || any[i] {
                p.scope = if runtime[i] {
                    Scope::Runtime
                } else if any[i] {
                    Scope::Dev
                } else {
                    p.scope
                };
            }
        }
    }
    Ok(lf)
}
