//! `palisade explain ID`.

use std::fmt::Write as _;

use anyhow::{Result, bail};
use palisade_core::docs::render;

use crate::cli::{ExplainArgs, GlobalArgs};
use crate::commands::rules::all_docs;
use crate::output;

pub(crate) fn run(global: &GlobalArgs, args: &ExplainArgs) -> Result<u8> {
    let docs = all_docs()?;
    let Some(doc) = docs.iter().find(|d| d.meta.id == args.id) else {
        if looks_like_advisory(&args.id) {
            return explain_advisory(global, &args.id);
        }
        let mut close: Vec<&str> = docs
            .iter()
            .map(|d| d.meta.id.as_str())
            .filter(|id| id.contains(args.id.as_str()) || args.id.contains(id))
            .take(5)
            .collect();
        close.sort_unstable();
        if close.is_empty() {
            bail!(
                "unknown rule `{}`; `palisade rules` lists every rule",
                args.id
            );
        }
        bail!(
            "unknown rule `{}`; did you mean: {}?",
            args.id,
            close.join(", ")
        );
    };
    let text = render(doc);
    output::stdout_with(|out| out.write_all(text.as_bytes()))?;
    Ok(0)
}

/// `GHSA-…`, `CVE-…`, `PYSEC-…`, `RUSTSEC-…`, `GO-…`: an upper-case prefix and a dash.
fn looks_like_advisory(id: &str) -> bool {
    id.split_once('-').is_some_and(|(prefix, rest)| {
        !prefix.is_empty()
            && !rest.is_empty()
            && prefix
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    })
}

/// Prints the advisories stored under `id` (as id or alias): from the vulnerability
/// database and from the local advisories named by the nearest palisade.toml.
fn explain_advisory(global: &GlobalArgs, id: &str) -> Result<u8> {
    use palisade_core::text::escape_control as esc;
    use palisade_sca::db::Db;
    let mut dbs = Vec::new();
    if let Some(path) = crate::commands::db::db_path(global).filter(|p| p.is_file()) {
        dbs.push(Db::open(&path)?);
    }
    let cwd = std::env::current_dir()?;
    let stop = palisade_core::project::find_repository(&cwd);
    if let Some(cfg) = palisade_core::project::find_config(&cwd, stop.as_deref()) {
        let config = palisade_core::Config::load(&cfg)?;
        if !config.sca.advisories.is_empty() {
            let mut local = Db::in_memory()?;
            for a in &config.sca.advisories {
                local.import(a, "local")?;
            }
            dbs.push(local);
        }
    }
    let mut text = String::new();
    let mut seen = std::collections::BTreeSet::new();
    for db in &dbs {
        for found in db.lookup(id)? {
            if !seen.insert(found.clone()) {
                continue;
            }
            let Some(json) = db.advisory_json(&found)? else {
                continue;
            };
            let Ok(a) = serde_json::from_str::<palisade_sca::osv::Advisory>(&json) else {
                continue;
            };
            let _ = writeln!(text, "# {}\n", esc(&a.id));
            if let Some(s) = &a.summary {
                let _ = writeln!(text, "{}\n", esc(s.trim()));
            }
            if !a.aliases.is_empty() {
                let _ = writeln!(text, "aliases: {}", esc(&a.aliases.join(", ")));
            }
            if let Some((sev, source)) = a.severity() {
                let _ = writeln!(text, "severity: {} ({})", sev.as_str(), esc(&source));
            }
            if let Some(w) = &a.withdrawn {
                let _ = writeln!(text, "withdrawn: {} (no longer applies)", esc(w));
            }
            let _ = writeln!(text, "modified: {}", esc(&a.modified));
            for aff in &a.affected {
                let Some(p) = &aff.package else { continue };
                let mut ranges = Vec::new();
                for r in &aff.ranges {
                    let ev: Vec<String> = r
                        .events
                        .iter()
                        .filter_map(|e| {
                            e.introduced
                                .as_ref()
                                .map(|v| format!("introduced {v}"))
                                .or_else(|| e.fixed.as_ref().map(|v| format!("fixed {v}")))
                                .or_else(|| {
                                    e.last_affected
                                        .as_ref()
                                        .map(|v| format!("last affected {v}"))
                                })
                                .or_else(|| e.limit.as_ref().map(|v| format!("limit {v}")))
                        })
                        .collect();
                    ranges.push(format!("{}: {}", r.kind, ev.join(", ")));
                }
                if !aff.versions.is_empty() {
                    ranges.push(format!("{} listed versions", aff.versions.len()));
                }
                let _ = writeln!(
                    text,
                    "affected: {} {} ({})",
                    esc(&p.ecosystem),
                    esc(&p.name),
                    esc(&ranges.join("; "))
                );
            }
            if let Some(d) = &a.details {
                let d = palisade_core::text::truncate_chars(d.trim(), 4000);
                let lines: Vec<String> = d.lines().map(esc).collect();
                let _ = writeln!(text, "\n{}", lines.join("\n"));
            }
            for r in a.references.iter().take(10) {
                let _ = writeln!(text, "reference: {}", esc(&r.url));
            }
            text.push('\n');
        }
    }
    if text.is_empty() {
        bail!(
            "`{}` is neither a rule nor an advisory in the vulnerability database{}",
            esc(id),
            if dbs.is_empty() {
                " (no database: palisade db import PATH)"
            } else {
                ""
            }
        );
    }
    output::stdout_with(|out| out.write_all(text.as_bytes()))?;
    Ok(0)
}
