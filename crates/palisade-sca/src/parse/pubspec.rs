//! Dart/Flutter `pubspec.lock`: `dependency: direct main | direct dev | transitive`,
//! `source: hosted | git | path | sdk`. Read line by line by indentation.

use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

fn unq(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(s)
}

#[derive(Default)]
struct Entry {
    line: u32,
    name: String,
    dependency: String,
    source: String,
    version: String,
    sha256: String,
    url: String,
    path: String,
}

pub(crate) fn parse(text: &str) -> Result<Lockfile, ParseError> {
    let mut in_packages = false;
    let mut entries: Vec<Entry> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        let (k, v) = line
            .split_once(':')
            .map_or((line, ""), |(k, v)| (k.trim(), unq(v)));
        if indent == 0 {
            in_packages = k == "packages";
            continue;
        }
        if !in_packages {
            continue;
        }
        if indent == 2 {
            entries.push(Entry {
                line: n,
                name: unq(k).to_owned(),
                ..Entry::default()
            });
            continue;
        }
        let Some(e) = entries.last_mut() else {
            continue;
        };
        match (indent, k) {
            (4, "dependency") => e.dependency = v.to_owned(),
            (4, "source") => e.source = v.to_owned(),
            (4, "version") => e.version = v.to_owned(),
            (6, "sha256") => e.sha256 = v.to_owned(),
            (6, "url") => e.url = v.to_owned(),
            (6, "path") => e.path = v.to_owned(),
            _ => {}
        }
    }
    if !text.lines().any(|l| l.trim_end() == "packages:") {
        return Err(ParseError::new(1, "not a pubspec.lock: no packages"));
    }
    let mut lf = Lockfile::default();
    for e in entries {
        if e.source == "sdk" {
            // Flutter SDK packages ship with the SDK, not from pub.dev.
            continue;
        }
        if e.version.is_empty() {
            lf.malformed(e.line, format!("{}: no version", e.name));
            continue;
        }
        let mut p = Package::new(Ecosystem::Pub, &e.name, &e.version, e.line);
        p.direct = Some(e.dependency.starts_with("direct"));
        p.scope = if e.dependency == "direct dev" {
            Scope::Dev
        } else if e.dependency.starts_with("direct") {
            Scope::Runtime
        } else {
            Scope::Unknown
        };
        p.source = match e.source.as_str() {
            "git" => Source::Git(e.url.clone()),
            "path" => Source::Path(e.path.clone()),
            _ => Source::Registry,
        };
        if e.sha256.len() == 64 {
            p.hashes.push(format!("sha256:{}", e.sha256));
        }
        lf.packages.push(p);
    }
    Ok(lf)
}
