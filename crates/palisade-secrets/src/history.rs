//! Git modes: every blob in history (`--git-history`) and the staged content (`--staged`).
//!
//! Both read blobs in parallel, one blob per thread in memory at a time. An object that
//! cannot be read fails the scan closed ([`GitScanError`], exit code 3), but only after every
//! other blob was scanned: the error carries the findings and diagnostics of everything that
//! could be read, so the report still shows them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::Ordering;

use palisade_core::{Diagnostic, DiagnosticLevel, Finding, ScanContext, ScanOutput};
use rayon::prelude::*;

use crate::engine::{Engine, FileInfo};
use crate::git::{self, BlobReader, GitError, HistoryBlob, HistoryOptions};
use crate::rule::Matcher;

/// A git-mode scan that did not complete: the scanner fails and the gate fails closed.
#[derive(Debug)]
pub struct GitScanError {
    /// The (first) failure, naming the object and where it was needed.
    pub error: GitError,
    /// How many further objects could not be read (each has an error diagnostic in
    /// `partial`).
    pub more: usize,
    /// Findings, diagnostics and coverage of everything that could be scanned (empty when
    /// the failure came before any blob was read).
    pub partial: Box<ScanOutput>,
}

impl std::fmt::Display for GitScanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.error)?;
        if self.more > 0 {
            write!(
                f,
                " (and {} more unreadable git object{})",
                self.more,
                if self.more == 1 { "" } else { "s" }
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for GitScanError {}

impl From<GitError> for GitScanError {
    fn from(error: GitError) -> Self {
        Self {
            error,
            more: 0,
            partial: Box::default(),
        }
    }
}

/// `out`, or a [`GitScanError`] holding it when some objects could not be read.
fn fail_closed(out: ScanOutput, mut failures: Vec<GitError>) -> Result<ScanOutput, GitScanError> {
    if failures.is_empty() {
        return Ok(out);
    }
    let error = failures.swap_remove(0);
    Err(GitScanError {
        error,
        more: failures.len(),
        partial: Box::new(out),
    })
}

fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

/// Scan every blob reachable from every ref, each read once. Excludes, the test/fixture
/// heuristics and path rules are judged at every path the blob occurs at (up to
/// [`git::MAX_PATHS`]); each finding reports where its secret was first introduced (earliest
/// commit, at a path where its rule applies), with the other places as related locations.
///
/// A shallow clone is scanned down to its boundary with a `git-shallow` warning, and the
/// output's [`ScanOutput::git`] says so; with `scan.fail-on-shallow` the scan fails closed
/// ([`GitError::Shallow`]), keeping everything it found.
pub fn scan_history(
    engine: &Engine,
    repo: &Path,
    range: Option<&git::CommitRange>,
    ctx: &ScanContext<'_>,
) -> Result<ScanOutput, GitScanError> {
    let exclude = |p: &str, is_dir: bool| ctx.excludes.is_excluded(p, is_dir);
    let opts = HistoryOptions {
        exclude: Some(&exclude),
        range,
        ..HistoryOptions::new(ctx.config.max_file_size)
    };
    let (blobs, stats) = git::history_blobs(repo, &opts)?;
    let reader = BlobReader::open(repo)?;
    let path_rules: BTreeSet<&str> = engine
        .rules()
        .iter()
        .filter(|r| matches!(r.matcher, Matcher::Path(_)))
        .map(|r| r.meta.id.as_str())
        .collect();
    let results: Vec<Result<BlobScan, GitError>> = blobs
        .par_iter()
        .map(|blob| {
            let data = reader.read(&blob.id)?;
            ctx.progress.fetch_add(data.len() as u64, Ordering::Relaxed);
            Ok(scan_blob(engine, &path_rules, &data, blob))
        })
        .collect();
    let mut out = ScanOutput::default();
    let mut occurrences = Vec::new();
    let mut failures = Vec::new();
    for (blob, res) in blobs.iter().zip(results) {
        let Some(first) = blob.occurrences.first() else {
            continue;
        };
        match res {
            Ok(scan) => {
                if scan.binary {
                    out.skipped.push(palisade_core::Skipped {
                        path: first.path.clone(),
                        reason: palisade_core::SkipReason::Binary,
                        detail: None,
                    });
                } else {
                    out.files_scanned += 1;
                    out.bytes_scanned += scan.bytes;
                }
                occurrences.extend(scan.findings);
                out.diagnostics.extend(scan.diagnostics);
            }
            Err(e) => {
                let e = e.context(&format!(
                    "blob `{}` of commit {}",
                    first.path,
                    short(&first.commit.id)
                ));
                out.diagnostics.push(
                    Diagnostic::new("git-error", DiagnosticLevel::Error, e.to_string())
                        .at(first.path.clone(), None),
                );
                failures.push(e);
            }
        }
    }
    if stats.skipped_large > 0 {
        out.diagnostics.push(Diagnostic::new(
            "file-too-large",
            DiagnosticLevel::Warning,
            format!(
                "{} blob(s) in history over the {}-byte cap were not scanned (scan.max-file-size)",
                stats.skipped_large, ctx.config.max_file_size
            ),
        ));
    }
    if stats.capped_blobs + stats.capped_trees > 0 {
        out.diagnostics.push(Diagnostic::new(
            "git-paths-capped",
            DiagnosticLevel::Note,
            format!(
                "{} blob(s) and {} directory tree(s) occur at more than {} paths in history; \
                 their content was scanned, but excludes, test-path heuristics and path rules \
                 were judged only at the first {} non-excluded paths of each",
                stats.capped_blobs,
                stats.capped_trees,
                git::MAX_PATHS,
                git::MAX_PATHS
            ),
        ));
    }
    out.findings = first_introductions(occurrences);
    out.git = Some(palisade_core::report::GitCoverage {
        range: range.map(git::CommitRange::display),
        shallow: stats.shallow,
        commits: stats.commits,
    });
    if stats.shallow {
        out.diagnostics.push(Diagnostic::new(
            "git-shallow",
            DiagnosticLevel::Warning,
            shallow_message(stats.commits),
        ));
        // Unreadable objects fail the scan anyway; the warning says it is shallow, too.
        if ctx.config.fail_on_shallow && failures.is_empty() {
            failures.push(GitError::Shallow {
                repo: git::repo_root(repo).unwrap_or_else(|_| repo.to_path_buf()),
                commits: stats.commits,
            });
        }
    }
    tracing::debug!(
        commits = stats.commits,
        blobs = stats.blobs,
        paths = stats.paths,
        shallow = stats.shallow,
        "scanned git history"
    );
    fail_closed(out, failures)
}

/// The `git-shallow` warning: what was not scanned, and how to fetch it.
fn shallow_message(commits: u64) -> String {
    format!(
        "the repository is a shallow clone: {commits} commit{} scanned, but the history before \
         the shallow boundary is not in the clone and was not scanned; fetch the full history \
         first (`git fetch --unshallow`; GitHub Actions: `actions/checkout` with \
         `fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`), or set `scan.fail-on-shallow = true` \
         (`--fail-on-shallow`) to fail the scan instead of warning",
        if commits == 1 { " was" } else { "s were" }
    )
}

/// The results of one history blob at all its paths.
struct BlobScan {
    /// One finding per (secret, path) at which its rule applies, each with that path's
    /// commit and its position in the walk ([`git::Occurrence::order`]).
    findings: Vec<(u64, Finding)>,
    diagnostics: Vec<Diagnostic>,
    binary: bool,
    bytes: u64,
}

/// Do two paths get the same treatment from the engine?
fn same_class(a: &FileInfo<'_>, b: &FileInfo<'_>) -> bool {
    (a.test_like, a.lockfile, a.docs) == (b.test_like, b.lockfile, b.docs)
}

/// Scan `data` (the blob) once per distinct path classification among its paths, and judge
/// path rules at every path on its own.
fn scan_blob(
    engine: &Engine,
    path_rules: &BTreeSet<&str>,
    data: &[u8],
    blob: &HistoryBlob,
) -> BlobScan {
    // Paths grouped by classification, in order of introduction.
    let mut classes: Vec<(FileInfo<'_>, Vec<&git::Occurrence>)> = Vec::new();
    for o in &blob.occurrences {
        let info = FileInfo::from_path(&o.path);
        match classes.iter_mut().find(|(c, _)| same_class(c, &info)) {
            Some((_, group)) => group.push(o),
            None => classes.push((info, vec![o])),
        }
    }
    let mut scan = BlobScan {
        findings: Vec::new(),
        diagnostics: Vec::new(),
        binary: false,
        bytes: data.len() as u64,
    };
    for (info, group) in &classes {
        let res = engine.scan_bytes(data, *info);
        scan.binary |= res.binary;
        for f in res.findings {
            // Path-rule findings are about one path's name: judged per path below.
            if path_rules.contains(f.rule_id.as_str()) {
                continue;
            }
            for o in group {
                let mut f = f.clone();
                o.path.clone_into(&mut f.location.path);
                f.location.commit = Some((*o.commit).clone());
                scan.findings.push((o.order, f));
            }
        }
        let commit = group.first().map_or("", |o| short(&o.commit.id));
        for mut d in res.diagnostics {
            d.message = format!(
                "{} (blob {} in commit {commit})",
                d.message,
                short(&blob.id)
            );
            scan.diagnostics.push(d);
        }
    }
    if !path_rules.is_empty() {
        for o in &blob.occurrences {
            // Empty content: exactly the path-rule findings of this path.
            for mut f in engine
                .scan_bytes(b"", FileInfo::from_path(&o.path))
                .findings
            {
                if path_rules.contains(f.rule_id.as_str()) {
                    f.location.commit = Some((*o.commit).clone());
                    scan.findings.push((o.order, f));
                }
            }
        }
    }
    scan
}

/// Reduce history occurrences, each with the walk position of its commit: per fingerprint,
/// the earliest (commit in walk order, path, line) becomes the primary location and the
/// earliest occurrence at every other path becomes a related location.
fn first_introductions(occurrences: Vec<(u64, Finding)>) -> Vec<Finding> {
    let mut groups: BTreeMap<String, Vec<(u64, Finding)>> = BTreeMap::new();
    for (order, f) in occurrences {
        groups
            .entry(f.fingerprint.clone())
            .or_default()
            .push((order, f));
    }
    let mut out = Vec::with_capacity(groups.len());
    for (_, mut group) in groups {
        group.sort_by(|(a, f), (b, g)| {
            (
                a,
                &f.location.path,
                f.location.start_line,
                f.location.start_column,
            )
                .cmp(&(
                    b,
                    &g.location.path,
                    g.location.start_line,
                    g.location.start_column,
                ))
        });
        let mut it = group.into_iter().map(|(_, f)| f);
        let Some(mut primary) = it.next() else {
            continue;
        };
        let mut seen_paths = BTreeSet::from([primary.location.path.clone()]);
        let mut any_active = primary.is_active();
        for f in it {
            any_active |= f.is_active();
            if seen_paths.insert(f.location.path.clone()) {
                primary.related_locations.push(f.location);
            }
        }
        if any_active {
            primary.suppression = None;
        }
        out.push(primary);
    }
    out
}

/// Scan exactly the staged content of the repository containing `repo` (added and
/// modified files, and every side of a merge conflict), for pre-commit hooks. `index_file`
/// overrides the repository's index: `git commit -a` runs hooks with `GIT_INDEX_FILE`
/// pointing at a temporary index. Blobs are read while scanning, one per thread.
pub fn scan_staged(
    engine: &Engine,
    repo: &Path,
    index_file: Option<&Path>,
    ctx: &ScanContext<'_>,
) -> Result<ScanOutput, GitScanError> {
    let staged = git::staged(repo, index_file, ctx.config.max_file_size)?;
    let mut out = ScanOutput::default();
    for (path, size) in staged.too_large {
        if !ctx.excludes.is_excluded(&path, false) {
            let (skipped, diagnostic) =
                palisade_core::discovery::too_large(&path, size, ctx.config.max_file_size);
            out.skipped.push(skipped);
            out.diagnostics.push(diagnostic);
        }
    }
    let files: Vec<&git::StagedFile> = staged
        .files
        .iter()
        .filter(|f| !ctx.excludes.is_excluded(&f.path, false))
        .collect();
    if files.is_empty() {
        return Ok(out);
    }
    let reader = BlobReader::open(repo)?;
    let results: Vec<Result<crate::FileResult, GitError>> = files
        .par_iter()
        .map(|f| {
            let data = reader.read(&f.id)?;
            ctx.progress.fetch_add(data.len() as u64, Ordering::Relaxed);
            Ok(engine.scan_bytes(&data, FileInfo::from_path(&f.path)))
        })
        .collect();
    let mut failures = Vec::new();
    for (f, res) in files.iter().zip(results) {
        match res {
            Ok(r) => r.merge_into(&mut out, &f.path),
            Err(e) => {
                let e = e.context(&format!("staged blob `{}`", f.path));
                out.diagnostics.push(
                    Diagnostic::new("git-error", DiagnosticLevel::Error, e.to_string())
                        .at(f.path.clone(), None),
                );
                failures.push(e);
            }
        }
    }
    fail_closed(out, failures)
}
