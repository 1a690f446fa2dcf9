//! `palisade trace`: specification items (OpenFastTrace notation) and coverage tags under
//! the paths, traced; ends with OpenFastTrace's one-line verdict.

use anyhow::{Context as _, Result};
use palisade_core::text::escape_control;

use crate::cli::{GlobalArgs, ScanArgs, TraceArgs, TraceFormat};
use crate::{output, pipeline};

pub(crate) fn run(global: &GlobalArgs, args: &TraceArgs) -> Result<u8> {
    let mut scan = ScanArgs::of(args.target.clone());
    scan.target.scanners = Some(vec!["secrets".to_owned()]);
    let settings = pipeline::settings(&scan, false, global)?;
    let inv = pipeline::inventory(&settings);
    let mut files = Vec::new();
    for f in &inv.files {
        match palisade_core::config::read_user_file(&f.path, settings.config.max_file_size) {
            Ok(bytes) => {
                let text = palisade_core::decode::decode(&bytes);
                // Binary files hold no items.
                if text.contains(&0) {
                    continue;
                }
                files.push((f.rel.clone(), String::from_utf8_lossy(&text).into_owned()));
            }
            Err(e) => output::warning(&format!("{}: cannot read, not traced: {e}", f.rel)),
        }
    }
    let (items, problems) = palisade_trace::collect(&files);
    for p in &problems {
        output::warning(&format!(
            "{}:{}: {}",
            p.path,
            p.line,
            escape_control(&p.message)
        ));
    }
    let mut t = palisade_trace::trace(items);
    if !args.junit.is_empty() {
        let mut cases = Vec::new();
        for path in &args.junit {
            let mut files: Vec<std::path::PathBuf> = Vec::new();
            if path.is_dir() {
                for e in std::fs::read_dir(path)
                    .with_context(|| format!("cannot read {}", path.display()))?
                {
                    let p = e?.path();
                    if p.extension().is_some_and(|x| x == "xml") {
                        files.push(p);
                    }
                }
                files.sort();
            } else {
                files.push(path.clone());
            }
            for f in files {
                let bytes =
                    palisade_core::config::read_user_file(&f, settings.config.max_file_size)
                        .map_err(|e| {
                            anyhow::anyhow!("cannot read test results {}: {e}", f.display())
                        })?;
                let shown = f.display().to_string();
                let (c, problem) =
                    palisade_trace::junit::parse(&shown, &String::from_utf8_lossy(&bytes));
                if let Some(p) = problem {
                    output::warning(&format!(
                        "{}:{}: {}",
                        escape_control(&p.path),
                        p.line,
                        escape_control(&p.message)
                    ));
                }
                cases.extend(c);
            }
        }
        t = palisade_trace::verify(t, &cases);
    }
    match args.format {
        TraceFormat::Json => {
            let text = serde_json::to_string_pretty(&t)?;
            output::stdout_with(|w| writeln!(w, "{text}"))?;
        }
        TraceFormat::Terminal => output::stdout_with(|w| {
            for it in t.items.iter().filter(|i| !i.defects.is_empty()) {
                let what: Vec<String> = it
                    .defects
                    .iter()
                    .map(|d| match d {
                        palisade_trace::Defect::Uncovered { needs } => {
                            format!("uncovered: needs {needs}")
                        }
                        palisade_trace::Defect::Orphaned { target } => {
                            format!("orphaned: covers {target}, which does not exist")
                        }
                        palisade_trace::Defect::Outdated { target, current } => {
                            format!("outdated: covers {target}, now at revision {current}")
                        }
                        palisade_trace::Defect::Predated { target, current } => {
                            format!(
                                "predated: covers {target}, which is only at revision {current}"
                            )
                        }
                        palisade_trace::Defect::Unwanted { kind } => {
                            format!("unwanted coverage by {kind}")
                        }
                        palisade_trace::Defect::Duplicate { other } => {
                            format!("duplicate of {other}")
                        }
                        palisade_trace::Defect::Failing { test } => {
                            format!("failing: test {test} failed")
                        }
                    })
                    .collect();
                writeln!(
                    w,
                    "not ok {} ({}:{}): {}",
                    escape_control(&it.item.id.to_string()),
                    escape_control(&it.item.path),
                    it.item.line,
                    escape_control(&what.join("; "))
                )?;
            }
            writeln!(
                w,
                "{} items, {} of {} expected links present (trace score {:.0}%)",
                t.total,
                t.links.valid,
                t.links.expected,
                t.trace_score * 100.0
            )?;
            writeln!(w, "{}", t.verdict())
        })?,
    }
    Ok(u8::from(t.defects > 0))
}
