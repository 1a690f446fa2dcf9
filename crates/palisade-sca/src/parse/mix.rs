//! Elixir `mix.lock`: `"name": {:hex, :name, "1.2.3", "inner-hash", [managers], [deps],
//! "repo", "outer-hash"}` and `{:git, "url", "sha", opts}` entries, one per line.

use crate::model::{Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

/// The double-quoted strings of a line, in order.
fn strings(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(s) = rest.find('"') {
        let after = &rest[s + 1..];
        let Some(e) = after.find('"') else { break };
        out.push(&after[..e]);
        rest = &after[e + 1..];
    }
    out
}

pub(crate) fn parse(text: &str) -> Result<Lockfile, ParseError> {
    if !text.trim_start().starts_with("%{") {
        return Err(ParseError::new(1, "not a mix.lock: does not start with %{"));
    }
    let mut lf = Lockfile::default();
    let mut deps: Vec<Vec<String>> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        let t = line.trim();
        if !t.starts_with('"') {
            continue;
        }
        let s = strings(t);
        let Some(key) = s.first() else { continue };
        let body = t.split_once(": {").map_or("", |(_, b)| b);
        if body.starts_with(":hex,") {
            // {:hex, :name, "version", "hash", ...}
            let name = body
                .trim_start_matches(":hex,")
                .trim_start()
                .trim_start_matches(':')
                .split(',')
                .next()
                .unwrap_or(key)
                .trim();
            let Some(version) = s.get(1) else {
                lf.malformed(n, format!("{key}: no version"));
                continue;
            };
            let mut p = Package::new(Ecosystem::Hex, name, *version, n);
            if let Some(h) = s.last().filter(|h| h.len() == 64) {
                p.hashes.push(format!("sha256:{h}"));
            }
            p.scope = Scope::Unknown;
            // Dependencies: `{:dep, "~> 1.0", [hex: :dep, ...]}`.
            let names = body
                .match_indices("[hex: :")
                .map(|(k, _)| {
                    body[k + 7..]
                        .split([',', ']'])
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })
                .collect();
            deps.push(names);
            lf.packages.push(p);
        } else if body.starts_with(":git,") {
            let mut p = Package::new(Ecosystem::Hex, *key, "", n);
            p.source = Source::Git(format!(
                "{}@{}",
                s.get(1).unwrap_or(&""),
                s.get(2).unwrap_or(&"")
            ));
            deps.push(Vec::new());
            lf.packages.push(p);
        }
    }
    super::link_by_name(&mut lf, &deps, str::to_owned);
    Ok(lf)
}
