//! NuGet `packages.lock.json`: per target framework, `Direct`, `Transitive`,
//! `CentralTransitive` and `Project` entries with `contentHash` (SHA-512).

use std::collections::HashMap;

use base64::Engine as _;
use serde_json::Value;

use super::json::{Seg, value_lines};
use super::{hex, json_doc};
use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

pub(crate) fn parse(text: &str) -> Result<Lockfile, ParseError> {
    let doc = json_doc(text)?;
    let Some(frameworks) = doc.get("dependencies").and_then(Value::as_object) else {
        return Err(ParseError::new(
            1,
            "not a packages.lock.json: no dependencies",
        ));
    };
    let lines = value_lines(text, &["dependencies"], 3);
    let mut lf = Lockfile::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut pending = Vec::new();
    for (fw, entries) in frameworks {
        let Some(entries) = entries.as_object() else {
            continue;
        };
        for (name, v) in entries {
            let line = lines
                .get(&vec![
                    Seg::Key("dependencies".into()),
                    Seg::Key(fw.clone()),
                    Seg::Key(name.clone()),
                ])
                .copied()
                .unwrap_or(1);
            let kind = v.get("type").and_then(Value::as_str).unwrap_or("");
            let key = name.to_lowercase();
            if let Some(&j) = index.get(&key) {
                // Listed again for another framework: direct in any makes it direct.
                if kind == "Direct" {
                    lf.packages[j].direct = Some(true);
                }
                pending.push((j, v.get("dependencies").cloned()));
                continue;
            }
            let version = v.get("resolved").and_then(Value::as_str).unwrap_or("");
            if kind == "Project" {
                continue;
            }
            if version.is_empty() {
                lf.malformed(line, format!("{name}: no resolved version"));
                continue;
            }
            let mut p = Package::new(Ecosystem::NuGet, name, version, line);
            p.direct = Some(kind == "Direct");
            p.scope = Scope::Runtime;
            p.source = Source::Registry;
            if let Some(h) = v.get("contentHash").and_then(Value::as_str)
                && let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(h)
            {
                p.hashes.push(format!("sha512:{}", hex(&raw)));
            }
            index.insert(key, lf.packages.len());
            pending.push((lf.packages.len(), v.get("dependencies").cloned()));
            lf.packages.push(p);
        }
    }
    for (i, deps) in pending {
        if let Some(o) = deps.as_ref().and_then(Value::as_object) {
            for d in o.keys() {
                if let Some(&j) = index.get(&d.to_lowercase())
                    && !lf.packages[i].deps.contains(&j)
                {
                    lf.packages[i].deps.push(j);
                }
            }
        }
    }
    Ok(lf)
}
