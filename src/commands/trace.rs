//! `palisade trace`: specification items (OpenFastTrace notation in Markdown, YAML item
//! files), threats derived from threat models, and coverage tags under the paths, traced;
//! suspect links against palisade-trace.lock; verification by JUnit results and by a scan.
//! Ends with OpenFastTrace's one-line verdict. Also `trace review`, `trace import-reqif`
//! and `palisade threats`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, Result, anyhow};
use palisade_core::text::escape_control;
use palisade_trace::{Collected, LOCK_FILE, Lock, Model, Trace};

use crate::cli::{
    GlobalArgs, ImportReqifArgs, ScanArgs, TargetArgs, ThreatsArgs, ThreatsFormat, TraceArgs,
    TraceCommand, TraceFormat, TraceReviewArgs,
};
use crate::{output, pipeline};

fn warn(p: &palisade_trace::ReadProblem) {
    output::warning(&format!(
        "{}:{}: {}",
        escape_control(&p.path),
        p.line,
        escape_control(&p.message)
    ));
}

/// The project's settings and what its files hold.
fn read_project(
    target: &TargetArgs,
    global: &GlobalArgs,
) -> Result<(pipeline::Settings, Collected)> {
    if target.changed_since.is_some() {
        anyhow::bail!(
            "--changed-since does not apply here: a trace links items across the whole project"
        );
    }
    let settings = pipeline::file_settings(&ScanArgs::of(target.clone()), global)?;
    let clock = Instant::now();
    let inv = pipeline::inventory(&settings);
    let files = read_texts(&settings, &inv);
    tracing::info!(
        "read {} files in {} ms",
        files.len(),
        clock.elapsed().as_millis()
    );
    let clock = Instant::now();
    let collected = palisade_trace::collect(&files);
    tracing::info!(
        "collected {} items and {} threat models in {} ms",
        collected.items.len(),
        collected.models.len(),
        clock.elapsed().as_millis()
    );
    for p in &collected.problems {
        warn(p);
    }
    Ok((settings, collected))
}

/// `(project-relative path, text)` of the inventory's text files.
pub(crate) fn read_texts(
    settings: &pipeline::Settings,
    inv: &palisade_core::discovery::Inventory,
) -> Vec<(String, String)> {
    use rayon::prelude::*;
    let read: Vec<Result<Option<String>, String>> = inv
        .files
        .par_iter()
        .map(|f| {
            let bytes =
                palisade_core::config::read_user_file(&f.path, settings.config.max_file_size)
                    .map_err(|e| e.to_string())?;
            let text = palisade_core::decode::decode(&bytes);
            // Binary files hold no items.
            Ok((!text.contains(&0)).then(|| String::from_utf8_lossy(&text).into_owned()))
        })
        .collect();
    let mut files = Vec::new();
    for (f, r) in inv.files.iter().zip(read) {
        match r {
            Ok(Some(text)) => files.push((f.rel.clone(), text)),
            Ok(None) => {}
            Err(e) => output::warning(&format!(
                "{}: cannot read, not traced: {e}",
                escape_control(&f.rel)
            )),
        }
    }
    files
}

fn model(settings: &pipeline::Settings) -> Model {
    let c = &settings.config.trace;
    let mut m = Model::default();
    if let Some(needs) = &c.needs {
        m.needs.clone_from(needs);
    }
    if let Some(a) = &c.approved {
        m.approved.clone_from(a);
    }
    m.suspect_upstream = c.suspect_upstream.unwrap_or(false);
    m
}

/// Beside the config file in use (a demo or sub-project with its own palisade.toml keeps its
/// own lock), else at the project root.
fn lock_path(settings: &pipeline::Settings) -> PathBuf {
    pipeline::config_folder(&settings.config)
        .unwrap_or_else(|| settings.project.root.clone())
        .join(LOCK_FILE)
}

fn read_lock(path: &Path, max: u64) -> Result<Option<Lock>> {
    if !path.exists() {
        return Ok(None);
    }
    let bytes = palisade_core::config::read_user_file(path, max)
        .map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    let clock = Instant::now();
    let (lock, problems) = Lock::parse(LOCK_FILE, &String::from_utf8_lossy(&bytes));
    for p in &problems {
        warn(p);
    }
    tracing::info!(
        "read {} locked links in {} ms",
        lock.links.len(),
        clock.elapsed().as_millis()
    );
    Ok(Some(lock))
}

fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, text).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        anyhow!("cannot write {}: {e}", path.display())
    })
}

fn read_junit(paths: &[PathBuf], max: u64) -> Result<Vec<palisade_trace::junit::TestCase>> {
    let mut cases = Vec::new();
    for path in paths {
        let mut files: Vec<PathBuf> = Vec::new();
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
            let bytes = palisade_core::config::read_user_file(&f, max)
                .map_err(|e| anyhow!("cannot read test results {}: {e}", f.display()))?;
            let shown = f.display().to_string();
            let (c, problem) =
                palisade_trace::junit::parse(&shown, &String::from_utf8_lossy(&bytes));
            if let Some(p) = problem {
                warn(&p);
            }
            cases.extend(c);
        }
    }
    Ok(cases)
}

/// What a palisade report says about rules run and open findings.
fn evidence(report: &palisade_core::report::Report) -> palisade_trace::ScanEvidence {
    palisade_trace::ScanEvidence {
        rules: report
            .rules
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    r.cwe.iter().map(ToString::to_string).collect(),
                )
            })
            .collect(),
        findings: report
            .findings
            .iter()
            .filter(|f| f.is_active())
            .map(|f| palisade_trace::OpenFinding {
                rule: f.rule_id.clone(),
                cwes: f.cwe.iter().map(ToString::to_string).collect(),
                at: format!("{}:{}", f.location.path, f.location.start_line),
            })
            .collect(),
    }
}

pub(crate) fn run(global: &GlobalArgs, args: &TraceArgs) -> Result<u8> {
    match &args.command {
        Some(TraceCommand::Review(r)) => return review(global, r),
        Some(TraceCommand::ImportReqif(r)) => return import_reqif(r),
        None => {}
    }
    let (settings, collected) = read_project(&args.target, global)?;
    let max = settings.config.max_file_size;
    let lock_file = lock_path(&settings);
    let old = read_lock(&lock_file, max)?;
    let Collected { items, models, .. } = collected;
    let needs_scan = items.iter().any(|i| !i.verified_by.is_empty());
    let export_items = (args.format == TraceFormat::Reqif).then(|| {
        items
            .iter()
            .filter(|i| !i.from_tag)
            .cloned()
            .collect::<Vec<_>>()
    });
    let clock = Instant::now();
    let mut t = palisade_trace::trace_with(items, &model(&settings), old.as_ref());
    tracing::info!(
        "traced {} links ({} suspect) in {} ms",
        t.links.valid,
        t.links.suspect,
        clock.elapsed().as_millis()
    );
    if !args.junit.is_empty() {
        t = palisade_trace::verify(t, &read_junit(&args.junit, max)?);
    }
    if needs_scan && !args.no_scan {
        let report = if let Some(path) = &args.report {
            let bytes = palisade_core::config::read_user_file(path, max)
                .map_err(|e| anyhow!("cannot read report {}: {e}", path.display()))?;
            serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is not a palisade JSON report", path.display()))?
        } else {
            let mut scan = ScanArgs::of(args.target.clone());
            scan.no_progress = true;
            let full = pipeline::settings(&scan, false, global)?;
            pipeline::run(&full)
        };
        t = palisade_trace::verify_scan(t, &evidence(&report));
    }
    let clock = Instant::now();
    let mut stale_lock = false;
    if !old.as_ref().is_some_and(|old| t.lock_is_current(old)) {
        let new = t.lock(old.as_ref().unwrap_or(&Lock::default()));
        if args.locked {
            stale_lock = true;
            output::warning(&format!(
                "{LOCK_FILE} is not current (links were added or removed); run `palisade trace` and commit it"
            ));
        } else {
            write_atomic(&lock_file, &new.render())?;
            tracing::info!("wrote {}", lock_file.display());
        }
    }
    tracing::info!("lock compared in {} ms", clock.elapsed().as_millis());
    let title = format!(
        "Traceability: {}",
        settings
            .project
            .root
            .file_name()
            .map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned())
    );
    let text = match args.format {
        TraceFormat::Json => serde_json::to_string_pretty(&t)? + "\n",
        TraceFormat::Csv => palisade_trace::matrix::csv(&t),
        TraceFormat::Html => {
            let diagrams: Vec<(String, String)> = models
                .iter()
                .map(|m| {
                    let threats = palisade_trace::threats::derive(m);
                    (
                        if m.title.is_empty() {
                            m.path.clone()
                        } else {
                            m.title.clone()
                        },
                        palisade_trace::diagram::svg(m, &threats),
                    )
                })
                .collect();
            palisade_trace::matrix::html(&t, &title, args.link_base.as_deref(), &diagrams)
        }
        TraceFormat::Reqif => palisade_trace::reqif::export(
            export_items.as_deref().unwrap_or_default(),
            &title,
            &now_rfc3339(),
        ),
        TraceFormat::Terminal => terminal(&t),
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, &text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            if args.format != TraceFormat::Terminal {
                output::stdout_with(|w| writeln!(w, "{}", t.verdict()))?;
            }
        }
        None => output::stdout_with(|w| write!(w, "{text}"))?,
    }
    Ok(u8::from(t.defects > 0 || stale_lock))
}

fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    palisade_core::time::rfc3339_utc(secs)
}

fn terminal(t: &Trace) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for it in t.items.iter().filter(|i| !i.defects.is_empty()) {
        // Many open findings against one requirement read as a count and the first few.
        let violated: Vec<String> = it
            .defects
            .iter()
            .filter_map(|d| match d {
                palisade_trace::Defect::Violated { rule, at } => Some(format!("{rule} at {at}")),
                _ => None,
            })
            .collect();
        let mut what: Vec<String> = it
            .defects
            .iter()
            .filter(|d| violated.len() <= 3 || d.kind() != "violated")
            .map(palisade_trace::Defect::describe)
            .collect();
        if violated.len() > 3 {
            what.push(format!(
                "violated: {} open findings ({}, and {} more)",
                violated.len(),
                violated[..3].join(", "),
                violated.len() - 3
            ));
        }
        let _ = writeln!(
            s,
            "not ok {} ({}:{}): {}",
            escape_control(&it.item.id.to_string()),
            escape_control(&it.item.path),
            it.item.line,
            escape_control(&what.join("; "))
        );
    }
    let verified = t
        .items
        .iter()
        .filter(|i| i.verification == Some("verified") || i.security == Some("verified"))
        .count();
    let _ = writeln!(
        s,
        "{} items, {} of {} expected links present and valid (trace score {:.0}%), {} suspect, {} verified by tests or scans",
        t.total,
        t.links.valid.saturating_sub(t.links.suspect),
        t.links.expected,
        t.trace_score * 100.0,
        t.links.suspect,
        verified
    );
    let _ = writeln!(s, "{}", t.verdict());
    s
}

fn review(global: &GlobalArgs, args: &TraceReviewArgs) -> Result<u8> {
    let target = TargetArgs {
        paths: args.path.clone().into_iter().collect(),
        ..TargetArgs::default()
    };
    let (settings, collected) = read_project(&target, global)?;
    let lock_file = lock_path(&settings);
    let old = read_lock(&lock_file, settings.config.max_file_size)?.unwrap_or_default();
    let t = palisade_trace::trace_with(collected.items, &model(&settings), Some(&old));
    let selectors: Vec<String> = if args.all {
        t.current.iter().map(|l| l.down.to_string()).collect()
    } else {
        args.ids.clone()
    };
    for s in &selectors {
        let known = t.current.iter().any(|l| {
            [&*l.down, &*l.up]
                .iter()
                .any(|k| *k == s || k.rsplit_once('~').is_some_and(|(x, _)| x == s))
        }) || t.items.iter().any(|i| &i.item.path == s);
        if !known && !args.all {
            return Err(anyhow!(
                "no link has an end named {} (give an item id, type~name, or a file with coverage tags)",
                escape_control(s)
            ));
        }
    }
    let (lock, changed) = t.review(&old, &selectors);
    if lock != old {
        write_atomic(&lock_file, &lock.render())?;
    }
    output::stdout_with(|w| {
        writeln!(
            w,
            "reviewed: {changed} suspect link{} cleared in {LOCK_FILE}",
            if changed == 1 { "" } else { "s" }
        )
    })?;
    Ok(0)
}

fn import_reqif(args: &ImportReqifArgs) -> Result<u8> {
    if palisade_trace::ItemId::parse(&format!("{}~x~1", args.kind)).is_none() {
        return Err(anyhow!(
            "--kind {} is not an artifact type (letters, digits, _)",
            escape_control(&args.kind)
        ));
    }
    let bytes = palisade_core::config::read_user_file(
        &args.file,
        palisade_core::config::Config::default()
            .max_file_size
            .max(256 << 20),
    )
    .map_err(|e| anyhow!("cannot read {}: {e}", args.file.display()))?;
    let shown = args.file.display().to_string();
    let (items, problems) =
        palisade_trace::reqif::import(&shown, &String::from_utf8_lossy(&bytes), &args.kind);
    for p in &problems {
        warn(p);
    }
    let yaml = palisade_trace::yaml::render(
        &items,
        &format!(
            "Items imported from {} by palisade trace import-reqif ({} items).",
            args.file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            items.len()
        ),
    );
    match &args.output {
        Some(p) => {
            std::fs::write(p, yaml).with_context(|| format!("cannot write {}", p.display()))?;
        }
        None => output::stdout_with(|w| write!(w, "{yaml}"))?,
    }
    Ok(u8::from(!problems.is_empty()))
}

/// `palisade threats`.
pub(crate) fn threats(global: &GlobalArgs, args: &ThreatsArgs) -> Result<u8> {
    let (_, collected) = read_project(&args.target, global)?;
    if collected.models.is_empty() {
        return Err(anyhow!(
            "no threat model found (a YAML file with a top-level `threat-model:` key, or a Threagile model)"
        ));
    }
    let text = match args.format {
        ThreatsFormat::Svg | ThreatsFormat::Dot => {
            let m = match &args.model {
                Some(name) => collected
                    .models
                    .iter()
                    .find(|m| m.path == *name || m.path.ends_with(name.as_str()))
                    .ok_or_else(|| anyhow!("no threat model at {}", escape_control(name)))?,
                None if collected.models.len() == 1 => &collected.models[0],
                None => {
                    return Err(anyhow!(
                        "{} threat models found; name one with --model PATH",
                        collected.models.len()
                    ));
                }
            };
            if args.format == ThreatsFormat::Svg {
                palisade_trace::diagram::svg(m, &palisade_trace::threats::derive(m))
            } else {
                palisade_trace::diagram::dot(m)
            }
        }
        ThreatsFormat::Json => {
            let all: Vec<serde_json::Value> = collected
                .models
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "model": m,
                        "threats": palisade_trace::threats::derive(m),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&all)? + "\n"
        }
        ThreatsFormat::Terminal => {
            use std::fmt::Write as _;
            let mut s = String::new();
            let mut n = 0;
            for m in &collected.models {
                let threats = palisade_trace::threats::derive(m);
                n += threats.len();
                let _ = writeln!(
                    s,
                    "{} ({}): {} elements, {} flows, {} boundaries, {} threats",
                    escape_control(if m.title.is_empty() {
                        &m.path
                    } else {
                        &m.title
                    }),
                    escape_control(&m.path),
                    m.elements.len(),
                    m.flows.len(),
                    m.boundaries.len(),
                    threats.len()
                );
                for t in threats {
                    let _ = writeln!(
                        s,
                        "  {:<8} {:<6} {} ({}:{})\n           {}",
                        t.severity,
                        t.stride,
                        escape_control(&t.id.to_string()),
                        escape_control(&m.path),
                        t.line,
                        escape_control(&t.title)
                    );
                }
            }
            let _ = writeln!(
                s,
                "{n} threats; `palisade trace` shows which a requirement mitigates (Covers: threat~...)"
            );
            s
        }
    };
    match &args.output {
        Some(p) => {
            std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display()))?;
        }
        None => output::stdout_with(|w| write!(w, "{text}"))?,
    }
    Ok(0)
}
