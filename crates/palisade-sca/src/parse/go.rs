//! Go modules: `go.mod` (`require` with `// indirect`, `replace`, `exclude`), and `go.sum`
//! for modules older go.mod files (before Go 1.17) do not list.

use std::collections::HashMap;

use super::Siblings;
use crate::model::{Issue, IssueKind, Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

/// `replace old [version] => new [version]` (and its line).
type Replace = (String, Option<String>, String, Option<String>, u32);

/// Strips a `//` comment, returning (code, comment).
fn split_comment(l: &str) -> (&str, &str) {
    match l.find("//") {
        Some(i) => (l[..i].trim(), l[i + 2..].trim()),
        None => (l.trim(), ""),
    }
}

/// Unquotes a module path written as a Go string.
fn unquote(s: &str) -> String {
    s.trim_matches(|c| c == '"' || c == '`').to_owned()
}

pub(crate) fn parse(text: &str, siblings: &dyn Siblings) -> Result<Lockfile, ParseError> {
    let mut lf = Lockfile::default();
    let mut block: Option<String> = None;
    let mut go_version: Option<String> = None;
    let mut requires: Vec<(String, String, bool, u32)> = Vec::new();
    // module (and optional version) => (new path, new version)
    let mut replaces: Vec<Replace> = Vec::new();
    let mut saw_module = false;
    for (i, raw) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        let (code, comment) = split_comment(raw);
        if code.is_empty() {
            continue;
        }
        if code == ")" {
            block = None;
            continue;
        }
        let (verb, rest) = if let Some(b) = &block {
            (b.as_str(), code)
        } else {
            let (v, r) = code.split_once(char::is_whitespace).unwrap_or((code, ""));
            let r = r.trim();
            if r == "(" {
                block = Some(v.to_owned());
                continue;
            }
            (v, r)
        };
        match verb {
            "module" => saw_module = true,
            "go" => go_version = Some(rest.to_owned()),
            "require" => {
                let mut w = rest.split_whitespace();
                match (w.next(), w.next()) {
                    (Some(m), Some(v)) => {
                        let indirect = comment.split(';').any(|c| c.trim() == "indirect");
                        requires.push((unquote(m), v.to_owned(), indirect, n));
                    }
                    _ => lf.malformed(n, "require without module and version"),
                }
            }
            "replace" => {
                let Some((old, new)) = rest.split_once("=>") else {
                    lf.malformed(n, "replace without =>");
                    continue;
                };
                let mut o = old.split_whitespace();
                let mut w = new.split_whitespace();
                let (Some(om), Some(nm)) = (o.next(), w.next()) else {
                    lf.malformed(n, "replace without module paths");
                    continue;
                };
                replaces.push((
                    unquote(om),
                    o.next().map(str::to_owned),
                    unquote(nm),
                    w.next().map(str::to_owned),
                    n,
                ));
            }
            _ => {} // exclude, retract, toolchain, godebug, tool
        }
    }
    if !saw_module && requires.is_empty() {
        return Err(ParseError::new(1, "not a go.mod file: no module directive"));
    }
    let mut index: HashMap<String, usize> = HashMap::new();
    for (module, version, indirect, line) in requires {
        let mut p = Package::new(Ecosystem::Go, &module, &version, line);
        p.direct = Some(!indirect);
        p.scope = Scope::Runtime;
        if let Some((_, _, nm, nv, _)) = replaces
            .iter()
            .find(|(om, ov, ..)| *om == module && ov.as_ref().is_none_or(|ov| *ov == version))
        {
            match nv {
                Some(nv) => {
                    p.name.clone_from(nm);
                    p.version.clone_from(nv);
                }
                None => {
                    // Replaced by a local directory: not a published module version.
                    p.source = Source::Path(nm.clone());
                }
            }
        }
        index.insert(module, lf.packages.len());
        lf.packages.push(p);
    }
    // Before Go 1.17, go.mod lists only what the module needs directly; go.sum names the
    // rest of the build list. Take the highest version go.sum names for each such module.
    let old = go_version
        .as_deref()
        .and_then(|v| {
            let mut p = v.split('.');
            Some((
                p.next()?.parse::<u32>().ok()?,
                p.next().and_then(|m| m.parse::<u32>().ok()).unwrap_or(0),
            ))
        })
        .is_some_and(|(maj, min)| maj == 1 && min < 17);
    if old && let Some(sum) = siblings.read("go.sum") {
        let mut best: HashMap<String, String> = HashMap::new();
        for l in sum.lines() {
            let mut w = l.split_whitespace();
            let (Some(m), Some(v)) = (w.next(), w.next()) else {
                continue;
            };
            let v = v.trim_end_matches("/go.mod");
            if index.contains_key(m) {
                continue;
            }
            let newer = best.get(m).is_none_or(|b| {
                Ecosystem::Go
                    .compare(v, b)
                    .is_ok_and(std::cmp::Ordering::is_gt)
            });
            if newer {
                best.insert(m.to_owned(), v.to_owned());
            }
        }
        let mut extra: Vec<_> = best.into_iter().collect();
        extra.sort();
        for (m, v) in extra {
            let mut p = Package::new(Ecosystem::Go, m, v, 1);
            p.direct = Some(false);
            p.scope = Scope::Runtime;
            lf.packages.push(p);
        }
        lf.issues.push(Issue {
                line: 1,
                message: "go.mod predates Go 1.17: modules only go.sum names are included at the highest version it lists".into(),
                kind: IssueKind::NotFollowed,
            });
    }
    Ok(lf)
}
