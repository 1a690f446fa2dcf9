//! Turns validated settings into a finished report: discovery, scanners, suppressions,
//! baseline, gate.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use palisade_core::SkipReason;
use palisade_core::discovery::{DiscoveryOptions, ExcludeList, Excludes, discover_targets};
use palisade_core::project::{ConfigChoice, Project};
use palisade_core::report::{
    Coverage, Gate, GateStatus, ScanMode, ScannerRun, ScannerStatus, Summary, Target, ToolInfo,
};
use palisade_core::suppress::{Baseline, apply_config, merge_by_fingerprint};
use palisade_core::time::{Date, rfc3339_utc};
use palisade_core::{
    Config, Diagnostic, DiagnosticLevel, Report, ScanContext, ScanOutput, Scanner, Severity,
};
use palisade_secrets::{EngineOptions, SecretsScanner};

use crate::cli::{ScanArgs, SeverityArg, TargetArgs};

/// Scanners this build can run.
pub(crate) const AVAILABLE: &[&str] = &["secrets", "sast", "sca", "iac", "pipeline"];
/// Scanners that read git history and the index (`--git-history`, `--staged`).
const GIT_CAPABLE: &[&str] = &["secrets"];
/// Scanners on the roadmap, not in this build yet.
const PLANNED: &[&str] = &["image", "dast"];

/// Validated scan settings.
#[derive(Debug)]
pub(crate) struct Settings {
    /// The project: its root, repository, config file and scanned paths.
    pub(crate) project: Project,
    /// The project root as reached from the working directory (`.`, `..`, `sub`), for
    /// paths shown in the terminal and the report's target.
    pub(crate) root_shown: PathBuf,
    /// The working directory relative to the project root, when it is inside the project.
    pub(crate) cwd_in_project: Option<String>,
    pub(crate) mode: ScanMode,
    /// Scanners to run, built (rules compiled and checked) before any file is read.
    pub(crate) scanners: Vec<BuiltScanner>,
    pub(crate) config: Config,
    /// Exclude patterns of the config file and the command line.
    pub(crate) excludes: Arc<Excludes>,
    pub(crate) fail_on: Severity,
    /// The baseline file and its contents, loaded before scanning.
    pub(crate) baseline: Option<(PathBuf, Baseline)>,
    pub(crate) respect_ignore_files: bool,
    /// List each entry left out by an ignore file (`-v`), not only count them.
    pub(crate) list_ignored: bool,
    pub(crate) progress: bool,
    /// `GIT_INDEX_FILE`, set by git for hooks of `git commit -a` / `git commit PATH`.
    pub(crate) index_file: Option<PathBuf>,
    /// The commit range of a `--git-history` scan (`--since`, `--commits`).
    pub(crate) range: Option<palisade_secrets::git::CommitRange>,
    /// The `--policy` files (`path`, `source`): user policies and gate rules, read once.
    pub(crate) policy: Option<Vec<(String, String)>>,
    /// `--changed-since REV`: the commit's files, to scan only what differs from it.
    pub(crate) changed_since: Option<palisade_core::git::ChangedSince>,
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
pub(crate) fn settings(
    args: &ScanArgs,
    progress: bool,
    global: &crate::cli::GlobalArgs,
) -> Result<Settings> {
    settings_with(args, progress, global, true)
}

/// Settings for commands that read the targets' files without scanning them
/// (`trace`, `threats`): the project, config and excludes, and no scanner built.
pub(crate) fn file_settings(args: &ScanArgs, global: &crate::cli::GlobalArgs) -> Result<Settings> {
    settings_with(args, false, global, false)
}

fn settings_with(
    args: &ScanArgs,
    progress: bool,
    global: &crate::cli::GlobalArgs,
    build: bool,
) -> Result<Settings> {
    let target = &args.target;
    let mode = if target.git_history {
        ScanMode::GitHistory
    } else if target.staged {
        ScanMode::Staged
    } else {
        ScanMode::Directory
    };
    let (project, cwd) = project(target, mode)?;
    let range = commit_range(target, &project)?;
    let mut config = match &project.config {
        // Loaded by the path the user can open from here, which errors then show.
        Some(p) => Config::load(&palisade_core::project::relative_from(&cwd, p))?,
        None => Config::default(),
    };
    config.fail_on_shallow |= args.fail_on_shallow;
    let excludes = excludes(&project, &config, &target.exclude, &cwd)?;
    rebase_suppressions(&project, &mut config);
    let chosen = target.scanners.clone().or_else(|| config.scanners.clone());
    let explicit = chosen.is_some();
    let mut names = chosen.unwrap_or_else(|| AVAILABLE.iter().map(|s| (*s).to_owned()).collect());
    // Git modes read blobs, not a working tree: by default only the scanners that can.
    if mode != ScanMode::Directory && !explicit {
        names.retain(|n| GIT_CAPABLE.contains(&n.as_str()));
    }
    // A scanner named twice runs once, where it was first named.
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|n| seen.insert(n.clone()));
    if !build {
        names.clear();
    } else if names.is_empty() {
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
        if mode != ScanMode::Directory && !GIT_CAPABLE.contains(&s.as_str()) {
            bail!(
                "scanner `{s}` reads the working tree, not git history or the index; \
                 run it without --staged/--git-history (git modes run: {})",
                GIT_CAPABLE.join(", ")
            );
        }
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
    // `--policy` is read and compiled once, before anything is scanned: a policy that does
    // not compile is a configuration error (exit 2) whichever scanners run, and the iac
    // scanner and the gate see the same bytes (the gate records their digests).
    let policy = match &args.policy {
        Some(dir) => {
            let sources = palisade_policy::user::read_dir(dir)
                .map_err(|e| anyhow::anyhow!(crate::commands::policy::explain(&e)))?;
            let compiled = palisade_policy::user::UserPolicies::from_sources(sources.clone())
                .map_err(|e| anyhow::anyhow!(crate::commands::policy::explain(&e)))?;
            Some((sources, compiled))
        }
        None => None,
    };
    let t = Instant::now();
    let scanners = names
        .iter()
        .map(|name| {
            build_scanner(
                name,
                &config,
                args,
                global,
                &project,
                policy.as_ref().map(|p| &p.1),
            )
        })
        .collect::<Result<Vec<_>>>()?;
    if build {
        check_suppress_rules(&config, &scanners)?;
    }
    let changed_since = match &target.changed_since {
        None => None,
        Some(rev) => {
            let c = palisade_core::git::changed_since(&project.root, rev).map_err(|e| {
                anyhow::anyhow!(
                    "--changed-since {}: {e}",
                    palisade_core::text::escape_control(rev)
                )
            })?;
            if std::fs::canonicalize(&c.root).ok() != std::fs::canonicalize(&project.root).ok() {
                bail!(
                    "--changed-since needs the project root to be the repository root ({})",
                    palisade_core::text::escape_os(c.root.as_os_str())
                );
            }
            Some(c)
        }
    };
    log_settings(&project, &config, &excludes, fail_on, &names);
    tracing::debug!(
        "scanners built (rules compiled) in {} ms",
        t.elapsed().as_millis()
    );
    Ok(Settings {
        root_shown: project.root_from(&cwd),
        cwd_in_project: std::fs::canonicalize(&cwd)
            .ok()
            .filter(|c| c.starts_with(&project.root))
            .map(|c| palisade_core::project::rel_to(&project.root, &c)),
        project,
        mode,
        scanners,
        config,
        excludes: Arc::new(excludes),
        fail_on,
        baseline,
        respect_ignore_files: !target.no_ignore,
        list_ignored: false,
        progress: progress && !args.no_progress,
        #[allow(clippy::disallowed_methods)] // the CLI is where the environment is read
        index_file: std::env::var_os("GIT_INDEX_FILE").map(PathBuf::from),
        range,
        policy: policy.map(|p| p.0),
        changed_since,
    })
}

/// Leave only the files that differ from the `--changed-since` commit (streams are kept:
/// they have no committed version). A file that cannot be read is kept, so the scanner
/// reports it.
fn keep_changed(
    inv: &mut palisade_core::discovery::Inventory,
    changed: &palisade_core::git::ChangedSince,
    max: u64,
) {
    use rayon::prelude::*;
    let before = inv.files.len();
    let keep: Vec<bool> = inv
        .files
        .par_iter()
        .map(|f| {
            f.stream
                || palisade_core::config::read_user_file(&f.path, max)
                    .map_or(true, |bytes| changed.is_changed(&f.rel, &bytes))
        })
        .collect();
    let mut k = keep.iter();
    inv.files.retain(|_| k.next().copied().unwrap_or(true));
    inv.diagnostics.push(Diagnostic::new(
        "changed-since",
        palisade_core::DiagnosticLevel::Note,
        format!(
            "--changed-since {}: {} of {} files differ from it and were scanned",
            &changed.commit[..changed.commit.len().min(12)],
            inv.files.len(),
            before
        ),
    ));
}

/// Resolve `--since REV` / `--commits START..END` before anything is scanned: a revision
/// that names no commit is a usage error (exit code 2).
fn commit_range(
    target: &TargetArgs,
    project: &Project,
) -> Result<Option<palisade_secrets::git::CommitRange>> {
    let (start, end) = match (&target.since, &target.commits) {
        (Some(since), _) => (Some(since.as_str()), None),
        (None, Some(range)) => {
            let Some((a, b)) = range.split_once("..") else {
                bail!(
                    "--commits takes START..END (two revisions), not `{}`",
                    palisade_core::text::escape_control(&palisade_core::text::truncate_chars(
                        range, 80
                    ))
                );
            };
            if b.starts_with('.') {
                bail!("--commits takes START..END; `...` (symmetric difference) is not supported");
            }
            (Some(a), (!b.is_empty()).then_some(b))
        }
        (None, None) => return Ok(None),
    };
    let range = palisade_secrets::git::resolve_range(&project.root, start, end)?;
    Ok(Some(range))
}

/// A `[[suppress]]` entry must name a rule that exists (or a glob that matches one), like
/// `[secrets] disable`: a typo would otherwise suppress nothing, silently.
fn check_suppress_rules(config: &Config, scanners: &[BuiltScanner]) -> Result<()> {
    let ids: Vec<String> = scanners
        .iter()
        .flat_map(|b| b.as_scanner().rules())
        .map(|r| r.id)
        .collect();
    for s in &config.suppressions {
        let matches = if s.rule.contains(['*', '?', '[', '{']) {
            globset::Glob::new(&s.rule).is_ok_and(|g| {
                let m = g.compile_matcher();
                ids.iter().any(|id| m.is_match(id))
            })
        } else {
            ids.contains(&s.rule)
        };
        if !matches {
            let source = config.source.as_deref().map_or_else(
                || "palisade.toml".to_owned(),
                |p| palisade_core::text::escape_os(p.as_os_str()),
            );
            bail!(
                "{source}:{}: [[suppress]] rule `{}` matches no rule id (`palisade rules` lists \
                 them; a glob such as `generic-*` may name several)",
                s.rule_line,
                palisade_core::text::escape_control(&palisade_core::text::truncate_chars(
                    &s.rule, 64
                ))
            );
        }
    }
    Ok(())
}

/// `-v`: where the settings came from.
fn log_settings(
    project: &Project,
    config: &Config,
    excludes: &Excludes,
    fail_on: Severity,
    scanners: &[String],
) {
    let shown = |p: &Path| palisade_core::text::escape_os(p.as_os_str());
    tracing::info!("project root: {}", shown(&project.root));
    let repository = project
        .repository
        .as_deref()
        .map_or_else(|| "none".to_owned(), shown);
    tracing::info!("git repository: {repository}");
    let source = config
        .source
        .as_deref()
        .map_or_else(|| "none (built-in defaults)".to_owned(), shown);
    tracing::info!("config file: {source}");
    let paths: Vec<&str> = project.targets.iter().map(|t| t.rel.as_str()).collect();
    tracing::info!(
        "scanning {} (scanners: {}; fail-on {fail_on}; {} exclude patterns)",
        paths.join(", "),
        scanners.join(", "),
        excludes.patterns().len()
    );
}

/// Work out the project of a scan (and return the working directory it was resolved
/// from). Staged and history scans cover the whole repository, so their project is the
/// repository and their config is found from its root.
pub(crate) fn project(target: &TargetArgs, mode: ScanMode) -> Result<(Project, PathBuf)> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let choice = if target.isolated {
        ConfigChoice::Isolated
    } else if let Some(p) = &target.config {
        ConfigChoice::File(p.clone())
    } else {
        ConfigChoice::Discover
    };
    let mut paths = target.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    if target.stdin_filename.is_some() && !paths.iter().any(|p| p.as_os_str() == "-") {
        bail!("--stdin-filename names standard input, but `-` is not among the paths to scan");
    }
    if mode != ScanMode::Directory {
        let flag = if mode == ScanMode::Staged {
            "--staged"
        } else {
            "--git-history"
        };
        let [path] = paths.as_slice() else {
            bail!("{flag} scans the whole repository: give at most one path (a folder inside it)");
        };
        if path.as_os_str() == "-" {
            bail!("{flag} reads a git repository, not standard input");
        }
        let project = Project::resolve(&paths, None, &cwd, &ConfigChoice::Isolated)?;
        let root = check_repository(&project.root, mode)?;
        let project = Project::resolve(&[root], None, &cwd, &choice)?;
        return Ok((project, cwd));
    }
    let project = Project::resolve(&paths, target.stdin_filename.as_deref(), &cwd, &choice)?;
    Ok((project, cwd))
}

/// `folder` relative to the project root as a prefix (`svc/`, or empty for the root or a
/// folder outside it).
fn prefix_in(project: &Project, folder: &Path) -> String {
    match folder.strip_prefix(&project.root) {
        Ok(rel) if !rel.as_os_str().is_empty() => {
            format!(
                "{}/",
                palisade_core::discovery::rel_path(&project.root, folder)
            )
        }
        _ => String::new(),
    }
}

/// The folder of the config file, canonical.
pub(crate) fn config_folder(config: &Config) -> Option<PathBuf> {
    let folder = config.source.as_deref()?.parent()?;
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    std::fs::canonicalize(folder).ok()
}

/// Compile the excludes of the config file (relative to its folder) and of `--exclude`
/// (relative to the working directory).
fn excludes(project: &Project, config: &Config, cli: &[String], cwd: &Path) -> Result<Excludes> {
    let config_base = config_folder(config).map_or_else(String::new, |f| prefix_in(project, &f));
    let cwd = std::fs::canonicalize(cwd).unwrap_or_else(|_| cwd.to_owned());
    let lists = vec![
        ExcludeList {
            origin: "scan.exclude".to_owned(),
            base: config_base,
            patterns: config.exclude.clone(),
        },
        ExcludeList {
            origin: "--exclude".to_owned(),
            base: prefix_in(project, &cwd),
            patterns: cli.to_vec(),
        },
    ];
    // The config's own patterns were checked when it was loaded; the message names the
    // list at fault.
    Excludes::new(lists).map_err(|e| anyhow::anyhow!("{e}"))
}

/// `[[suppress]]` path globs are relative to the config file's folder; findings are
/// relative to the project root. Rebase the globs once, here.
fn rebase_suppressions(project: &Project, config: &mut Config) {
    let Some(folder) = config_folder(config) else {
        return;
    };
    let prefix = prefix_in(project, &folder);
    if prefix.is_empty() {
        return;
    }
    let escaped = globset::escape(&prefix);
    for s in &mut config.suppressions {
        if let Some(p) = &mut s.path {
            *p = format!("{escaped}{}", p.trim_start_matches("./"));
        }
    }
}

/// `--staged` and `--git-history` need a git repository: without one it is a usage error
/// (exit code 2), found here before anything is scanned. A repository that is there but
/// broken is the scanner's to report: it fails closed (exit code 3).
fn check_repository(root: &Path, mode: ScanMode) -> Result<PathBuf> {
    use palisade_secrets::git::{GitError, repo_root};
    let found = repo_root(root);
    if let Err(GitError::NotARepository { .. }) = found {
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
    // A repository that cannot be opened is the scanner's to report (fail closed).
    Ok(found.unwrap_or_else(|_| root.to_path_buf()))
}

/// The scanners this build knows, by concrete type (git modes need the secrets engine).
#[derive(Debug)]
pub(crate) enum BuiltScanner {
    Secrets(SecretsScanner),
    Sca(palisade_sca::ScaScanner),
    Iac(Box<palisade_iac::IacScanner>),
    Sast(palisade_sast::SastScanner),
}

impl BuiltScanner {
    /// The scanner's name.
    pub(crate) fn name(&self) -> &'static str {
        self.as_scanner().name()
    }

    fn as_scanner(&self) -> &dyn Scanner {
        match self {
            Self::Secrets(s) => s,
            Self::Sca(s) => s,
            Self::Iac(s) => s.as_ref(),
            Self::Sast(s) => s,
        }
    }
}

fn build_scanner(
    name: &str,
    config: &Config,
    args: &ScanArgs,
    global: &crate::cli::GlobalArgs,
    project: &Project,
    user: Option<&palisade_policy::user::UserPolicies>,
) -> Result<BuiltScanner> {
    match name {
        "sca" => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            let mut opts = palisade_sca::ScaOptions::new(project.root.clone(), now);
            opts.db = crate::commands::db::db_path(global);
            opts.advisories.clone_from(&config.sca.advisories);
            if let Some(s) = config.sca.unknown_severity {
                opts.unknown_severity = s;
            }
            opts.max_db_age_days = config.sca.max_db_age_days;
            opts.fail_on_stale_db = config.sca.fail_on_stale_db;
            opts.licenses.allow.clone_from(&config.sca.license_allow);
            opts.licenses.deny.clone_from(&config.sca.license_deny);
            for path in config.sca.vex.iter().chain(&args.vex) {
                opts.vex.extend(palisade_sca::vex::load(path)?);
            }
            Ok(BuiltScanner::Sca(palisade_sca::ScaScanner::new(opts)))
        }
        "secrets" => {
            let opts = EngineOptions::new(
                config.secrets.disable.clone(),
                config.secrets.allow_values.clone(),
                args.show_secrets,
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
        "iac" | "pipeline" => {
            let family = if name == "iac" {
                palisade_iac::Family::Iac
            } else {
                palisade_iac::Family::Pipeline
            };
            let mut opts = palisade_iac::IacOptions::default();
            if name == "iac"
                && let Some(user) = user
            {
                opts.user = Some(user.clone());
                opts.namespaces =
                    crate::commands::policy::namespaces(&args.namespace, args.all_namespaces);
            }
            let scanner = palisade_iac::IacScanner::new(family, opts)
                .with_context(|| format!("cannot set up the {name} scanner"))?;
            Ok(BuiltScanner::Iac(Box::new(scanner)))
        }
        "sast" => {
            let opts = palisade_sast::SastOptions::from(&config.sast);
            let scanner = palisade_sast::SastScanner::new(&opts)
                .map_err(|e| anyhow::anyhow!("cannot set up the sast scanner: {e}"))?;
            Ok(BuiltScanner::Sast(scanner))
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

    // Lives until the scanners are done: removing it deletes the spooled copies.
    let spooled;
    let inventory = if settings.mode == ScanMode::Directory {
        let opts = DiscoveryOptions {
            excludes: Arc::clone(&settings.excludes),
            max_file_size: settings.config.max_file_size,
            respect_ignore_files: settings.respect_ignore_files,
            list_ignored: settings.list_ignored,
            threads: 0,
        };
        let t = Instant::now();
        let mut inv = discover_targets(&settings.project.root, &settings.project.targets, &opts);
        if let Some(changed) = &settings.changed_since {
            keep_changed(&mut inv, changed, settings.config.max_file_size);
        }
        log_inventory(&inv, t.elapsed());
        // A pipe or stdin can be read once; with more than one scanner reading files, it is
        // read once here into a private temporary file that every scanner then reads.
        spooled = spool_streams(&mut inv, settings);
        coverage.files_discovered = (inv.files.len() + inv.skipped.len()) as u64;
        coverage.skipped.extend(inv.skipped.iter().cloned());
        coverage.ignored.clone_from(&inv.ignored);
        diagnostics.extend(inv.diagnostics.iter().cloned());
        Some(inv)
    } else {
        spooled = Spooled(Vec::new());
        None
    };
    let _keep = &spooled;
    let total_bytes: u64 = inventory
        .as_ref()
        .map_or(0, |i| i.files.iter().map(|f| f.size).sum());

    std::thread::scope(|scope| {
        if settings.progress {
            scope.spawn(|| progress_bar(&progress, &done, total_bytes));
        }
        let ctx = ScanContext::new(&settings.config, &progress, &settings.excludes);
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
                BuiltScanner::Sca(s) => s.rules().len(),
                BuiltScanner::Iac(s) => s.rules().len(),
                BuiltScanner::Sast(s) => s.enabled().len(),
            };
            let mut run = ScannerRun {
                name: name.to_owned(),
                status,
                rules: enabled,
                findings: 0,
                error,
                duration_ms: Some(t.elapsed().as_millis() as u64),
                database: output.database.clone(),
            };
            // Scanners read the same files (every scanner reads a Dockerfile as text for
            // secrets and as a document for IaC): the report counts files, not readings.
            coverage.files_scanned = coverage.files_scanned.max(output.files_scanned);
            coverage.bytes_scanned = coverage.bytes_scanned.max(output.bytes_scanned);
            coverage.skipped.extend(output.skipped);
            if let Some(git) = output.git {
                coverage.git = Some(match coverage.git.take() {
                    Some(g) => g.merge(git),
                    None => git,
                });
            }
            diagnostics.extend(output.diagnostics);
            let mut scanned = output.findings;
            for f in &mut scanned {
                name.clone_into(&mut f.scanner);
            }
            // Diagnostics name the config file relative to the project root, like findings.
            let cfg_path = settings.config.source.as_deref().map(|p| {
                let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                PathBuf::from(palisade_core::project::rel_to(&settings.project.root, &abs))
            });
            diagnostics.extend(apply_config(
                &mut scanned,
                &settings.config.suppressions,
                cfg_path.as_deref(),
                Date::today(),
            ));
            let merged = merge_by_fingerprint(scanned);
            run.findings = merged.len();
            tracing::info!(
                "scanner {name}: {} files, {} bytes, {} findings ({} ms)",
                output.files_scanned,
                output.bytes_scanned,
                run.findings,
                run.duration_ms.unwrap_or(0)
            );
            findings.extend(merged);
            scanner_runs.push(run);
        }
        done.store(true, Ordering::Relaxed);
    });

    diagnostics.extend(unused_excludes(settings));
    if let Some(inv) = &inventory {
        link_requirements(&mut findings, settings, inv);
    }
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
            path: palisade_core::text::escape_os(settings.root_shown.as_os_str()),
            paths: match settings.mode {
                ScanMode::Directory => settings
                    .project
                    .targets
                    .iter()
                    .map(|t| t.rel.clone())
                    .collect(),
                _ => vec![".".to_owned()],
            },
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
            policies: Vec::new(),
        },
    };
    report.finalize(settings.fail_on);
    crate::commands::gate::apply(
        &mut report,
        settings.policy.as_deref().unwrap_or_default(),
        settings.config.gate_default_policy,
        settings.config.gate_fail_on_partial,
    );
    tracing::info!(
        "gate {}: {} active, {} suppressed findings (fail-on {}; {} ms in all)",
        if report.gate.status == GateStatus::Passed {
            "passed"
        } else {
            "failed"
        },
        report.summary.active,
        report.summary.suppressed,
        settings.fail_on,
        started.elapsed().as_millis()
    );
    report
}

/// Each finding names the security requirements it violates: the specification items
/// (Markdown, YAML item files) in the scanned paths whose `Verified-by` names its rule or
/// one of its CWEs (`properties.requirements`, in every output).
fn link_requirements(
    findings: &mut [palisade_core::model::Finding],
    settings: &Settings,
    inv: &palisade_core::discovery::Inventory,
) {
    let mut files = Vec::new();
    for f in &inv.files {
        let lower = f.rel.to_ascii_lowercase();
        let spec = lower.ends_with(".md")
            || lower.ends_with(".markdown")
            || palisade_trace::yaml::is_item_file(&f.rel);
        if !spec {
            continue;
        }
        let Ok(bytes) =
            palisade_core::config::read_user_file(&f.path, settings.config.max_file_size)
        else {
            continue;
        };
        let text = String::from_utf8_lossy(&palisade_core::decode::decode(&bytes)).into_owned();
        if text.contains("erified-by") || text.contains("erified by") {
            files.push((f.rel.clone(), text));
        }
    }
    if files.is_empty() {
        return;
    }
    let items = palisade_trace::collect(&files).items;
    for f in findings {
        let cwes: Vec<String> = f.cwe.iter().map(ToString::to_string).collect();
        let mut ids: Vec<String> = palisade_trace::violated_by(&items, &f.rule_id, &cwes)
            .map(ToString::to_string)
            .collect();
        ids.sort();
        ids.dedup();
        if !ids.is_empty() {
            f.properties
                .insert("requirements".to_owned(), serde_json::Value::from(ids));
        }
    }
}

/// The inventory of the settings' targets, for commands that read files without running
/// the scanners (`sbom`, `trace`).
pub(crate) fn inventory(settings: &Settings) -> palisade_core::discovery::Inventory {
    let opts = DiscoveryOptions {
        excludes: Arc::clone(&settings.excludes),
        max_file_size: settings.config.max_file_size,
        respect_ignore_files: settings.respect_ignore_files,
        list_ignored: false,
        threads: 0,
    };
    let mut inv = discover_targets(&settings.project.root, &settings.project.targets, &opts);
    if let Some(changed) = &settings.changed_since {
        keep_changed(&mut inv, changed, settings.config.max_file_size);
    }
    inv
}

/// Temporary copies of stream targets, removed when dropped.
struct Spooled(Vec<PathBuf>);

impl Drop for Spooled {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Read every stream target (a pipe, a device, stdin) once, up to one byte past the size
/// cap, into a temporary file only this user can read, and point the inventory at it, so
/// each scanner reads the same bytes. Only when more than one scanner runs; a stream that
/// cannot be read stays as it is (the scanners report it).
fn spool_streams(inv: &mut palisade_core::discovery::Inventory, settings: &Settings) -> Spooled {
    use std::io::{Read as _, Write as _};
    let mut out = Spooled(Vec::new());
    if settings.scanners.len() < 2 {
        return out;
    }
    let max = settings.config.max_file_size;
    for f in inv.files.iter_mut().filter(|f| f.stream) {
        let mut buf = Vec::new();
        let Ok(file) = std::fs::File::open(&f.path) else {
            continue;
        };
        if file.take(max + 1).read_to_end(&mut buf).is_err() {
            continue;
        }
        let name = format!("palisade-stdin-{}-{}", std::process::id(), out.0.len());
        let path = std::env::temp_dir().join(name);
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let Ok(mut tmp) = opts.open(&path) else {
            continue;
        };
        if tmp.write_all(&buf).is_err() {
            let _ = std::fs::remove_file(&path);
            continue;
        }
        out.0.push(path.clone());
        f.path = path;
        f.size = buf.len() as u64;
        f.stream = false;
    }
    out
}

/// A warning for each exclude pattern that left nothing out: a typo (`vendr/`) would
/// otherwise go unnoticed.
fn unused_excludes(settings: &Settings) -> Vec<Diagnostic> {
    let covered: Vec<String> = match settings.mode {
        ScanMode::Directory => settings
            .project
            .targets
            .iter()
            .filter(|t| t.is_dir)
            .map(|t| {
                if t.rel == "." {
                    String::new()
                } else {
                    format!("{}/", t.rel)
                }
            })
            .collect(),
        _ => vec![String::new()],
    };
    // A config pattern counts only when its folder was scanned whole (a pattern for
    // `svc/gen` is not unused in a scan of `lib`); a command-line one always does.
    settings
        .excludes
        .unused()
        .into_iter()
        .filter(|(origin, base, _)| {
            origin == "--exclude" || covered.iter().any(|c| base.starts_with(c.as_str()))
        })
        .map(|(origin, base, pattern)| {
            let folder = if base.is_empty() {
                "the project root".to_owned()
            } else {
                format!("`{base}`")
            };
            Diagnostic::new(
                "exclude-unused",
                DiagnosticLevel::Warning,
                format!(
                    "{origin} pattern `{}` (relative to {folder}) matched nothing; check it \
                     for a typo, or remove it",
                    palisade_core::text::escape_control(&palisade_core::text::truncate_chars(
                        &pattern, 64
                    ))
                ),
            )
        })
        .collect()
}

/// `-v`: what discovery found, by outcome; `-vv`: every file.
fn log_inventory(inv: &palisade_core::Inventory, took: Duration) {
    let mut reasons: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    // Ignored entries are counted below (with -v they are listed as skipped too).
    for s in inv
        .skipped
        .iter()
        .filter(|s| s.reason != SkipReason::Ignored)
    {
        *reasons.entry(s.reason.as_str()).or_default() += 1;
    }
    let reasons: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
    let ignored: Vec<String> = inv
        .ignored
        .iter()
        .map(|c| {
            format!(
                "{} by {} ({} files, {} folders)",
                c.files + c.folders,
                c.source,
                c.files,
                c.folders
            )
        })
        .collect();
    tracing::info!(
        "discovery: {} files to scan; skipped: {}; ignored: {} ({} ms)",
        inv.files.len(),
        if reasons.is_empty() {
            "none".to_owned()
        } else {
            reasons.join(", ")
        },
        if ignored.is_empty() {
            "none".to_owned()
        } else {
            ignored.join(", ")
        },
        took.as_millis()
    );
    for f in &inv.files {
        tracing::debug!("to scan: {} ({} bytes)", f.rel, f.size);
    }
    for s in &inv.skipped {
        tracing::debug!("skipped: {} ({})", s.path, s.reason.as_str());
    }
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
            .map_err(|e| (e.detail().to_owned(), Box::default())),
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
    let BuiltScanner::Secrets(secrets) = built else {
        return Err((
            format!(
                "scanner {} does not read git history or the index",
                built.name()
            ),
            Box::default(),
        ));
    };
    let engine = secrets.engine();
    match settings.mode {
        ScanMode::GitHistory => palisade_secrets::history::scan_history(
            engine,
            &settings.project.root,
            settings.range.as_ref(),
            ctx,
        )
        .map_err(git_failure),
        ScanMode::Staged => palisade_secrets::history::scan_staged(
            engine,
            &settings.project.root,
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
