//! `composer.lock`: `packages` (run time) and `packages-dev`.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::json::{Seg, value_lines};
use super::{Siblings, json_doc};
use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

pub(crate) fn parse(text: &str, siblings: &dyn Siblings) -> Result<Lockfile, ParseError> {
    let doc = json_doc(text)?;
    if doc.get("packages").is_none() {
        return Err(ParseError::new(1, "not a composer.lock: no packages"));
    }
    let lines = value_lines(text, &[], 3);
    let mut lf = Lockfile::default();
    let mut requires: Vec<Vec<String>> = Vec::new();
    for (section, scope) in [("packages", Scope::Runtime), ("packages-dev", Scope::Dev)] {
        let Some(arr) = doc.get(section).and_then(Value::as_array) else {
            continue;
        };
        for (i, v) in arr.iter().enumerate() {
            // The line of `"name"`, else of the entry's `{`.
            let at = |k: Option<&str>| {
                let mut path = vec![Seg::Key(section.to_owned()), Seg::Index(i)];
                path.extend(k.map(|k| Seg::Key(k.to_owned())));
                lines.get(&path).copied()
            };
            let line = at(Some("name")).or_else(|| at(None)).unwrap_or(1);
            let (Some(name), Some(version)) = (
                v.get("name").and_then(Value::as_str),
                v.get("version").and_then(Value::as_str),
            ) else {
                lf.malformed(line, "package without name or version");
                continue;
            };
            let mut p = Package::new(Ecosystem::Packagist, name, version, line);
            p.scope = scope;
            if version.starts_with("dev-") {
                let reference = v
                    .pointer("/source/reference")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let url = v
                    .pointer("/source/url")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                p.source = Source::Git(format!("{url}@{reference}"));
            }
            if let Some(sha) = v
                .pointer("/dist/shasum")
                .and_then(Value::as_str)
                .filter(|s| s.len() == 40)
            {
                p.hashes.push(format!("sha1:{sha}"));
            }
            if let Some(l) = v.get("license").and_then(Value::as_array) {
                let ids: Vec<&str> = l.iter().filter_map(Value::as_str).collect();
                if !ids.is_empty() {
                    // Composer lists alternatives: the user may pick any.
                    p.license = Some(if ids.len() == 1 {
                        ids[0].to_owned()
                    } else {
                        format!("({})", ids.join(" OR "))
                    });
                }
            }
            requires.push(
                v.get("require")
                    .and_then(Value::as_object)
                    .map(|o| o.keys().cloned().collect())
                    .unwrap_or_default(),
            );
            lf.packages.push(p);
        }
    }
    let index: HashMap<String, usize> = lf
        .packages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.to_lowercase(), i))
        .collect();
    for (i, names) in requires.iter().enumerate() {
        for n in names {
            if let Some(&j) = index.get(&n.to_lowercase()) {
                lf.packages[i].deps.push(j);
            }
        }
    }
    if let Some(cj) = siblings
        .read("composer.json")
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
    {
        let mut declared = HashSet::new();
        for f in ["require", "require-dev"] {
            if let Some(o) = cj.get(f).and_then(Value::as_object) {
                declared.extend(o.keys().map(|k| k.to_lowercase()));
            }
        }
        for p in &mut lf.packages {
            p.direct = Some(declared.contains(&p.name.to_lowercase()));
        }
    }
    Ok(lf)
}
