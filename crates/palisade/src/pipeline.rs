//! Turns validated settings into a finished report: discovery, scanners, suppressions,
//! baseline, gate.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use palisade_core::discovery::{DiscoveryOptions, discover};
use palisade_core::report::{
    Coverage, Gate, GateStatus, ScanMode, ScannerRun, ScannerStatus, Summary, Target, ToolInfo,
};
use palisade_core::suppress::{Baseline, apply_config, merge_by_fingerprint};
use palisade_core::time::{Date, rfc3339_utc};
use palisade_core::{
    Config, Diagnostic, DiagnosticLevel, Report, ScanContext, ScanOutput, Scanner, Severity,
};
use palisade_secrets::{EngineOptions, SecretsScanner};

use crate::cli::{ScanArgs, SeverityArg};

/// Scanners this build can run.
pub(crate) const AVAILABLE: &[&str] = &["secrets"];
/// Scanners on the roadmap, not in this build yet.
const PLANNED: &[&str] = &["sast", "sca", "iac", "pipeline", "image", "dast"];

/// Validated scan settings.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) root: PathBuf,
    pub(crate) mode: ScanMode,
    /// Scanners to run, built (rules compiled and checked) before any file is read.
    pub(crate) scanners: Vec<BuiltScanner>,
    pub(crate) config: Config,
    pub(crate) fail_on: Severity,
    /// The baseline file and its contents, loaded before scanning.
    pub(crate) baseline: Option<(PathBuf, Baseline)>,
    pub(crate) respect_ignore_files: bool,
    pub(crate) progress: bool,
    /// `GIT_INDEX_FILE`, set by git for hooks of `git commit -a` / `git commit PATH`.
    pub(crate) index_file: Option<PathBuf>,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Critical => Self::Critical,
            SeverityArg::High => Self::High,
            SeverityArg::Medium => Self::Medium,
            SeverityArg::Low => Self::Low,
            SeverityArg::Info => Self::Info,
        }
    }
}

/// Load config and validate arguments before any work starts.
pub(crate) fn settings(args: &ScanArgs, progress: bool) -> Result<Settings> {
    let root = args.path.clone();
    if !root.exists() {
        bail!(
            "scan target {} does not exist",
            palisade_core::text::escape_os(root.as_os_str())
        );
    }
    let mut config = match &args.config {
        Some(p) => Config::load(p)?,
        None => Config::discover(&root)?,
    };
    config.exclude.extend(args.exclude.iter().cloned());
    config.fail_on_shallow |= args.fail_on_shallow;
    for g in &args.exclude {
        if let Err(e) = palisade_core::discovery::check_glob(g) {
            bail!("invalid --exclude glob `{g}`: {e}");
        }
    }
    // Config excludes alone were checked when the config was loaded.
    if !args.exclude.is_empty()
        && let Err(e) = palisade_core::discovery::exclude_matcher(&config.exclude)
    {
        bail!("--exclude: {e}");
    }
    let mut names = args
        .scanners
        .clone()
        .or_else(|| config.scanners.clone())
        .unwrap_or_else(|| AVAILABLE.iter().map(|s| (*s).to_owned()).collect());
    // A scanner named twice runs once, where it was first named.
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|n| seen.insert(n.clone()));
    if names.is_empty() {
        bail!("no scanner to run (available: {})", AVAILABLE.join(", "));
    }
    for s in &names {
        if PLANNED.contains(&s.as_str()) {
            bail!(
                "scanner `{s}` is not available in this version of palisade (available: {})",
                AVAILABLE.join(", ")
            );
        }
        if !AVAILABLE.contains(&s.as_str()) {
            bail!(
                "unknown scanner `{s}` (available: {})",
                AVAILABLE.join(", ")
            );
        }
    }
    let mode = if args.git_history {
        ScanMode::GitHistory
    } else if args.staged {
        ScanMode::Staged
    } else {
        ScanMode::Directory
    };
    if mode != ScanMode::Directory {
        check_repository(&root, mode)?;
    }
    let baseline = match &args.baseline {
        Some(p) => Some((p.clone(), Baseline::load(p)?)),
        None => None,
    };
    let fail_on = args
        .fail_on
        .map(Severity::from)
        .or(config.fail_on)
        .unwrap_or(Severity::High);
    let scanners = names
        .iter()
        .map(|name| build_scanner(name, &config, args.show_secrets))
        .collect::<Result<Vec<_>>>()?;
    Ok(Settings {
        root,
        mode,
        scanners,
        config,
        fail_on,
        baseline,
        respect_ignore_files: !args.no_ignore,
        progress: progress && !args.no_progress,
        #[allow(clippy::disallowed_methods)] // the CLI is where the environment is read
        index_file: std::env::var_os("GIT_INDEX_FILE").map(PathBuf::from),
    })
}

/// `--staged` and `--git-history` need a git repository: without one it is a usage error
/// (exit code 2), found here before anything is scanned. A repository that is there but
/// broken is the scanner's to report: it fails closed (exit code 3).
fn check_repository(root: &Path, mode: ScanMode) -> Result<()> {
    use palisade_secrets::git::{GitError, repo_root};
    if let Err(GitError::NotARepository { .. }) = repo_root(root) {
        let flag = match mode {
            ScanMode::Staged => "--staged",
            _ => "--git-history",
        };
        let shown = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        bail!(
            "{flag} needs a git repository: {} is not inside one",
            palisade_core::text::escape_os(shown.as_os_str())
        );
    }
    Ok(())
}

/// The scanners this build knows, by concrete type (git modes need the secrets engine).
#[derive(Debug)]
pub(crate) enum BuiltScanner {
    Secrets(SecretsScanner),
}

impl BuiltScanner {
    fn as_scanner(&self) -> &dyn Scanner {
        match self {
            Self::Secrets(s) => s,
        }
    }
}

fn build_scanner(name: &str, config: &Config, show_secrets: bool) -> Result<BuiltScanner> {
    match name {
        "secrets" => {
            let opts = EngineOptions::new(
                config.secrets.disable.clone(),
                config.secrets.allow_values.clone(),
                show_secrets,
            );
            let scanner = SecretsScanner::new(&opts).with_context(|| {
                let source = config.source.as_deref().map_or_else(
                    || "built-in defaults".to_owned(),
                    |p| p.display().to_string(),
                );
                format!("cannot set up the secrets scanner (config: {source})")
            })?;
            Ok(BuiltScanner::Secrets(scanner))
        }
        other => bail!("unknown scanner `{other}`"),
    }
}

/// Run the scan and build the finished report. Everything that can be wrong with the
/// settings was checked when they were built; scanner failures end up in the report.
pub(crate) fn run(settings: &Settings) -> Report {
    let started = Instant::now();
    let started_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let progress = AtomicU64::new(0);
    let done = AtomicBool::new(false);

    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut coverage = Coverage::default();
    let mut scanner_runs = Vec::new();
    let mut findings = Vec::new();
    let mut rules = Vec::new();

    let inventory = if settings.mode == ScanMode::Directory {
        let opts = DiscoveryOptions {
            exclude: settings.config.exclude.clone(),
            max_file_size: settings.config.max_file_size,
            respect_ignore_files: settings.respect_ignore_files,
            threads: 0,
        };
        let inv = discover(&settings.root, &opts);
        coverage.files_discovered = (inv.files.len() + inv.skipped.len()) as u64;
        coverage.skipped.extend(inv.skipped.iter().cloned());
        diagnostics.extend(inv.diagnostics.iter().cloned());
        Some(inv)
    } else {
        None
    };
    let total_bytes: u64 = inventory
        .as_ref()
        .map_or(0, |i| i.files.iter().map(|f| f.size).sum());

    std::thread::scope(|scope| {
        if settings.progress {
            scope.spawn(|| progress_bar(&progress, &done, total_bytes));
        }
        let ctx = ScanContext::new(&settings.config, &progress);
        for built in &settings.scanners {
            let t = Instant::now();
            let scanner = built.as_scanner();
            let name = scanner.name();
            rules.extend(scanner.rules());
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_one(built, settings, inventory.as_ref(), &ctx)
            }));
            let (status, error, output) = match result {
                Ok(Ok(out)) => (ScannerStatus::Ok, None, out),
                Ok(Err((msg, partial))) => (ScannerStatus::Failed, Some(msg), *partial),
                Err(panic) => {
                    let msg = panic
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "internal error".to_owned());
                    (
                        ScannerStatus::Failed,
                        Some(format!("internal error: {msg}")),
                        ScanOutput::default(),
                    )
                }
            };
            if let Some(e) = &error {
                diagnostics.push(Diagnostic::new(
                    "scanner-failed",
                    DiagnosticLevel::Error,
                    format!("scanner `{name}` failed, results are incomplete: {e}"),
                ));
            }
            let enabled = match built {
                BuiltScanner::Secrets(s) => s.engine().rules().len(),
            };
            let mut run = ScannerRun {
                name: name.to_owned(),
                status,
                rules: enabled,
                findings: 0,
                error,
                duration_ms: Some(t.elapsed().as_millis() as u64),
            };
            coverage.files_scanned += output.files_scanned;
            coverage.bytes_scanned += output.bytes_scanned;
            coverage.skipped.extend(output.skipped);
            if let Some(git) = output.git {
                coverage.git = Some(coverage.git.map_or(git, |g| g.merge(git)));
            }
            diagnostics.extend(output.diagnostics);
            let mut scanned = output.findings;
            let cfg_path = settings.config.source.as_deref();
            diagnostics.extend(apply_config(
                &mut scanned,
                &settings.config.suppressions,
                cfg_path,
                Date::today(),
            ));
            let merged = merge_by_fingerprint(scanned);
            run.findings = merged.len();
            findings.extend(merged);
            scanner_runs.push(run);
        }
        done.store(true, Ordering::Relaxed);
    });

    if let Some((path, baseline)) = &settings.baseline {
        diagnostics.extend(baseline.apply(&mut findings, &path.display().to_string()));
    }

    let mut report = Report {
        schema_version: palisade_core::report::SCHEMA_VERSION.to_owned(),
        tool: ToolInfo {
            name: "palisade".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
        target: Target {
            path: palisade_core::text::escape_os(settings.root.as_os_str()),
            mode: settings.mode,
        },
        started_at: Some(rfc3339_utc(started_at)),
        duration_ms: Some(started.elapsed().as_millis() as u64),
        scanners: scanner_runs,
        rules,
        findings,
        diagnostics,
        coverage,
        summary: Summary::default(),
        gate: Gate {
            fail_on: settings.fail_on,
            status: GateStatus::Passed,
            reasons: Vec::new(),
        },
    };
    report.finalize(settings.fail_on);
    report
}

fn run_one(
    built: &BuiltScanner,
    settings: &Settings,
    inventory: Option<&palisade_core::Inventory>,
    ctx: &ScanContext<'_>,
) -> std::result::Result<ScanOutput, Failure> {
    let scanner = built.as_scanner();
    match (settings.mode, inventory) {
        (ScanMode::Directory, Some(inv)) => scanner
            .scan(inv, ctx)
            .map_err(|e| (e.to_string(), Box::default())),
        (ScanMode::GitHistory | ScanMode::Staged, _) => git_mode(built, settings, ctx),
        (ScanMode::Directory, None) => Err(("no inventory".to_owned(), Box::default())),
    }
}

/// Why a scanner failed, and what it found before or despite the failure.
type Failure = (String, Box<ScanOutput>);

fn git_failure(e: palisade_secrets::history::GitScanError) -> Failure {
    (e.to_string(), e.partial)
}

fn git_mode(
    built: &BuiltScanner,
    settings: &Settings,
    ctx: &ScanContext<'_>,
) -> std::result::Result<ScanOutput, Failure> {
    let BuiltScanner::Secrets(secrets) = built;
    let engine = secrets.engine();
    match settings.mode {
        ScanMode::GitHistory => {
            palisade_secrets::history::scan_history(engine, &settings.root, ctx)
                .map_err(git_failure)
        }
        ScanMode::Staged => palisade_secrets::history::scan_staged(
            engine,
            &settings.root,
            settings.index_file.as_deref(),
            ctx,
        )
        .map_err(git_failure),
        ScanMode::Directory => Err(("not a git mode".to_owned(), Box::default())),
    }
}

fn progress_bar(progress: &AtomicU64, done: &AtomicBool, total: u64) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) {
        if done.load(Ordering::Relaxed) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let bar = if total > 0 {
        indicatif::ProgressBar::new(total)
    } else {
        indicatif::ProgressBar::new_spinner()
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    let style = if total > 0 {
        indicatif::ProgressStyle::with_template(
            "{spinner} scanning {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        )
    } else {
        indicatif::ProgressStyle::with_template("{spinner} scanning {bytes} ({bytes_per_sec})")
    };
    if let Ok(style) = style {
        bar.set_style(style);
    }
    while !done.load(Ordering::Relaxed) {
        bar.set_position(progress.load(Ordering::Relaxed));
        bar.tick();
        std::thread::sleep(Duration::from_millis(100));
    }
    bar.finish_and_clear();
}
