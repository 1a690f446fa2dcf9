//! npm `package-lock.json` (lockfileVersion 1, 2, 3) and `npm-shrinkwrap.json`.

use std::collections::HashMap;

use serde_json::Value;

use super::json::{Seg, keys, value_lines};
use super::{hashes_from_sri, source_from_url};
use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

pub(crate) fn parse(text: &str) -> Result<Lockfile, ParseError> {
    let doc: Value = super::json_doc(text)?;
    let mut lf = Lockfile::default();
    if let Some(v) = doc.get("lockfileVersion").and_then(Value::as_u64)
        && v > 3
    {
        super::note_unknown_version(&mut lf, text, "\"lockfileVersion\"", &v.to_string(), "3");
    }
    if let Some(packages) = doc.get("packages").and_then(Value::as_object) {
        v2(text, packages, &mut lf);
    } else if let Some(deps) = doc.get("dependencies").and_then(Value::as_object) {
        v1(text, deps, &mut lf);
    } else if doc.get("lockfileVersion").is_none() {
        return Err(ParseError::new(
            1,
            "not an npm lockfile: no lockfileVersion, packages or dependencies",
        ));
    }
    Ok(lf)
}

/// `"dev": true` marks a development-only package (v1 and v2/v3 alike).
fn scope_of(v: &Value) -> Scope {
    if v.get("dev").and_then(Value::as_bool) == Some(true) {
        Scope::Dev
    } else {
        Scope::Runtime
    }
}

/// The package name in a `packages` key: what follows the last `node_modules/`.
fn name_of_key(key: &str) -> Option<&str> {
    key.rfind("node_modules/")
        .map(|i| &key[i + "node_modules/".len()..])
}

fn dep_names(v: &Value, fields: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for f in fields {
        if let Some(o) = v.get(*f).and_then(Value::as_object) {
            out.extend(o.keys().cloned());
        }
    }
    out
}

fn v2(text: &str, packages: &serde_json::Map<String, Value>, lf: &mut Lockfile) {
    let lines = value_lines(text, &["packages"], 2);
    let root = packages.get("").cloned().unwrap_or(Value::Null);
    let direct: std::collections::HashSet<String> = dep_names(
        &root,
        &[
            "dependencies",
            "devDependencies",
            "optionalDependencies",
            "peerDependencies",
        ],
    )
    .into_iter()
    .collect();
    // Workspace members are linked from node_modules: their own dependencies are direct too.
    let mut workspace_direct = direct.clone();
    for (key, v) in packages {
        if !key.is_empty() && !key.contains("node_modules/") {
            workspace_direct.extend(dep_names(
                v,
                &["dependencies", "devDependencies", "optionalDependencies"],
            ));
        }
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut pending: Vec<(usize, &str, Vec<String>)> = Vec::new();
    for (key, v) in packages {
        let Some(key_name) = name_of_key(key) else {
            continue;
        };
        let line = lines
            .get(&[keys(&["packages"]), vec![Seg::Key(key.clone())]].concat())
            .copied()
            .unwrap_or(1);
        if v.get("link").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let name = v.get("name").and_then(Value::as_str).unwrap_or(key_name);
        let Some(version) = v.get("version").and_then(Value::as_str) else {
            // Optional packages for other platforms may have no version; nothing is installed.
            continue;
        };
        let mut p = Package::new(Ecosystem::Npm, name, version, line);
        let top_level = key == &format!("node_modules/{key_name}");
        p.direct = Some(top_level && workspace_direct.contains(key_name));
        p.scope = scope_of(v);
        if let Some(i) = v.get("integrity").and_then(Value::as_str) {
            p.hashes = hashes_from_sri(i);
        }
        if let Some(l) = v.get("license").and_then(Value::as_str) {
            p.license = Some(l.to_owned());
        }
        if let Some(r) = v.get("resolved").and_then(Value::as_str) {
            p.source = source_from_url(r);
        }
        let deps = dep_names(
            v,
            &["dependencies", "optionalDependencies", "peerDependencies"],
        );
        index.insert(key.as_str(), lf.packages.len());
        pending.push((lf.packages.len(), key.as_str(), deps));
        lf.packages.push(p);
    }
    // Node's resolution: `<key>/node_modules/<dep>`, then each parent folder's, up to the root.
    for (i, key, deps) in pending {
        for d in deps {
            let mut base = key;
            loop {
                let candidate = format!("{base}/node_modules/{d}");
                if let Some(&j) = index.get(candidate.as_str()) {
                    lf.packages[i].deps.push(j);
                    break;
                }
                let top = format!("node_modules/{d}");
                if base.is_empty() {
                    break;
                }
                if let Some(k) = base.rfind("/node_modules/") {
                    base = &base[..k];
                } else {
                    if let Some(&j) = index.get(top.as_str()) {
                        lf.packages[i].deps.push(j);
                    }
                    break;
                }
            }
        }
    }
}

fn v1(text: &str, deps: &serde_json::Map<String, Value>, lf: &mut Lockfile) {
    let lines = value_lines(text, &["dependencies"], 64);
    let mut path = keys(&["dependencies"]);
    walk_v1(deps, &mut path, &lines, lf, true, None);
}

/// The names visible at one level of a v1 tree: this level's packages, then the enclosing
/// levels' (a chain, so no level copies another's map).
struct Names<'a> {
    names: HashMap<String, usize>,
    parent: Option<&'a Self>,
}

impl Names<'_> {
    fn get(&self, name: &str) -> Option<usize> {
        let mut s = Some(self);
        while let Some(scope) = s {
            if let Some(&i) = scope.names.get(name) {
                return Some(i);
            }
            s = scope.parent;
        }
        None
    }
}

/// Walks a v1 `dependencies` tree; returns this level's (name, index) pairs. `outer` holds
/// the names visible from the enclosing levels, for resolving `requires`.
fn walk_v1(
    deps: &serde_json::Map<String, Value>,
    path: &mut Vec<Seg>,
    lines: &HashMap<Vec<Seg>, u32>,
    lf: &mut Lockfile,
    top: bool,
    outer: Option<&Names<'_>>,
) -> Vec<(String, usize)> {
    let mut here = Vec::new();
    if path.len() > 64 {
        return here;
    }
    let mut level = Names {
        names: HashMap::new(),
        parent: outer,
    };
    for (name, v) in deps {
        path.push(Seg::Key(name.clone()));
        let line = lines.get(path).copied().unwrap_or(1);
        path.pop();
        let Some(raw) = v.get("version").and_then(Value::as_str) else {
            lf.malformed(line, format!("{name}: no version"));
            continue;
        };
        // `npm:real-name@1.2.3` aliases.
        let (real, version) = match raw.strip_prefix("npm:").and_then(|s| s.rsplit_once('@')) {
            Some((n, ver)) => (n.to_owned(), ver.to_owned()),
            None => (name.clone(), raw.to_owned()),
        };
        let mut p = Package::new(Ecosystem::Npm, real, version, line);
        if raw.starts_with("git") || raw.contains("://") {
            p.source = Source::Git(raw.to_owned());
        } else if raw.starts_with("file:") {
            p.source = Source::Path(raw.trim_start_matches("file:").to_owned());
        }
        // Without package.json, v1 does not say which top-level entries were declared.
        p.direct = if top { None } else { Some(false) };
        p.scope = scope_of(v);
        if let Some(i) = v.get("integrity").and_then(Value::as_str) {
            p.hashes = hashes_from_sri(i);
        }
        level.names.insert(name.clone(), lf.packages.len());
        here.push((name.clone(), lf.packages.len()));
        lf.packages.push(p);
    }
    for (name, idx) in &here {
        let Some(v) = deps.get(name) else { continue };
        // A package's own nested packages come first, then this level, then the outer ones.
        let mut inner = Names {
            names: HashMap::new(),
            parent: Some(&level),
        };
        if let Some(nested) = v.get("dependencies").and_then(Value::as_object) {
            path.push(Seg::Key(name.clone()));
            path.push(Seg::Key("dependencies".into()));
            for (n, j) in walk_v1(nested, path, lines, lf, false, Some(&level)) {
                inner.names.insert(n, j);
            }
            path.pop();
            path.pop();
        }
        if let Some(req) = v.get("requires").and_then(Value::as_object) {
            for r in req.keys() {
                if let Some(j) = inner.get(r) {
                    lf.packages[*idx].deps.push(j);
                }
            }
        }
    }
    here
}
