//! Git modes: every blob in history (`--git-history`) and the staged content (`--staged`).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::Ordering;

use palisade_core::{Diagnostic, DiagnosticLevel, Finding, ScanContext, ScanOutput};
use rayon::prelude::*;

use crate::engine::{Engine, FileInfo};
use crate::git::{self, BlobReader};

fn info(rel: &str) -> FileInfo<'_> {
    FileInfo::from_path(rel)
}

fn git_failure(e: &git::GitError, repo: &Path) -> ScanOutput {
    let mut out = ScanOutput::default();
    out.diagnostics.push(
        Diagnostic::new("git-error", DiagnosticLevel::Error, e.to_string())
            .at(repo.display().to_string(), None),
    );
    out
}

/// Scan every blob reachable from every ref, once each. Each finding reports where its
/// secret was first introduced (earliest commit), with later occurrences at other paths as
/// related locations.
pub fn scan_history(
    engine: &Engine,
    repo: &Path,
    ctx: &ScanContext<'_>,
) -> Result<ScanOutput, git::GitError> {
    let (mut blobs, stats) = git::history_blobs(repo, ctx.config.max_file_size)?;
    let excludes = palisade_core::discovery::exclude_matcher(&ctx.config.exclude);
    blobs.retain(|b| !excludes.is_match(&b.path));
    let reader = BlobReader::open(repo)?;
    let results: Vec<(usize, Result<crate::FileResult, git::GitError>)> = blobs
        .par_iter()
        .enumerate()
        .map(|(i, blob)| {
            let res = reader.read(&blob.id).map(|data| {
                ctx.progress.fetch_add(data.len() as u64, Ordering::Relaxed);
                let mut r = engine.scan_bytes(&data, info(&blob.path));
                r.findings.extend(engine.scan_path(&blob.path));
                r
            });
            (i, res)
        })
        .collect();
    let mut out = ScanOutput::default();
    let mut occurrences: Vec<Finding> = Vec::new();
    for (i, res) in results {
        let blob = &blobs[i];
        match res {
            Ok(r) => {
                if !r.binary {
                    out.files_scanned += 1;
                    out.bytes_scanned += r.bytes;
                }
                for mut f in r.findings {
                    f.location.commit = Some(blob.commit.clone());
                    occurrences.push(f);
                }
                out.diagnostics
                    .extend(r.diagnostics.into_iter().map(|mut d| {
                        d.message = format!(
                            "{} (blob {} in commit {})",
                            d.message,
                            &blob.id[..blob.id.len().min(12)],
                            &blob.commit.id[..blob.commit.id.len().min(12)]
                        );
                        d
                    }));
            }
            Err(e) => out.diagnostics.push(
                Diagnostic::new("git-error", DiagnosticLevel::Warning, e.to_string())
                    .at(blob.path.clone(), None),
            ),
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
    out.findings = first_introductions(occurrences);
    tracing::debug!(
        commits = stats.commits,
        blobs = stats.blobs,
        "scanned git history"
    );
    Ok(out)
}

/// Reduce history occurrences: per fingerprint, the earliest (commit time, commit, path,
/// line) becomes the primary location and the earliest occurrence at every other path
/// becomes a related location.
fn first_introductions(occurrences: Vec<Finding>) -> Vec<Finding> {
    let key = |f: &Finding| {
        let c = f.location.commit.as_ref();
        (
            c.map_or(i64::MAX, |c| c.time),
            c.map(|c| c.id.clone()).unwrap_or_default(),
            f.location.path.clone(),
            f.location.start_line,
            f.location.start_column,
        )
    };
    let mut groups: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for f in occurrences {
        groups.entry(f.fingerprint.clone()).or_default().push(f);
    }
    let mut out = Vec::with_capacity(groups.len());
    for (_, mut group) in groups {
        group.sort_by_key(|f| key(f));
        let mut it = group.into_iter();
        let Some(mut primary) = it.next() else {
            continue;
        };
        let mut seen_paths = std::collections::BTreeSet::from([primary.location.path.clone()]);
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
/// modified files), for pre-commit hooks. `index_file` overrides the repository's index:
/// `git commit -a` runs hooks with `GIT_INDEX_FILE` pointing at a temporary index.
pub fn scan_staged(
    engine: &Engine,
    repo: &Path,
    index_file: Option<&Path>,
    ctx: &ScanContext<'_>,
) -> ScanOutput {
    let staged = match git::staged(repo, index_file, ctx.config.max_file_size) {
        Ok(s) => s,
        Err(e) => return git_failure(&e, repo),
    };
    let files = staged.files;
    let excludes = palisade_core::discovery::exclude_matcher(&ctx.config.exclude);
    let mut out = ScanOutput::default();
    for (path, size) in staged.too_large {
        if excludes.is_match(&path) {
            continue;
        }
        let max = ctx.config.max_file_size;
        out.diagnostics.push(
            Diagnostic::new(
                "file-too-large",
                DiagnosticLevel::Warning,
                format!("skipped: {size} bytes is over the {max}-byte cap (scan.max-file-size)"),
            )
            .at(path.clone(), None),
        );
        out.skipped.push(palisade_core::Skipped {
            path,
            reason: palisade_core::SkipReason::TooLarge,
            detail: Some(format!("{size} bytes")),
        });
    }
    for (path, data) in &files {
        if excludes.is_match(path) {
            continue;
        }
        ctx.progress.fetch_add(data.len() as u64, Ordering::Relaxed);
        let mut r = engine.scan_bytes(data, info(path));
        r.findings.extend(engine.scan_path(path));
        if !r.binary {
            out.files_scanned += 1;
            out.bytes_scanned += r.bytes;
        }
        out.findings.extend(r.findings);
        out.diagnostics.extend(r.diagnostics);
    }
    out
}

/// Turn a git error into a diagnostic-only output (fail closed is decided by the caller).
pub fn failure(e: &git::GitError, repo: &Path) -> ScanOutput {
    git_failure(e, repo)
}
