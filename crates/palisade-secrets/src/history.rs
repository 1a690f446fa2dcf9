//! Git modes: every blob in history (`--git-history`) and the staged content (`--staged`).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::Ordering;

use palisade_core::{Diagnostic, DiagnosticLevel, Finding, ScanContext, ScanOutput};
use rayon::prelude::*;

use crate::engine::{Engine, FileInfo};
use crate::git::{self, BlobReader};

/// Scan every blob reachable from every ref, once each. Each finding reports where its
/// secret was first introduced (earliest commit), with later occurrences at other paths as
/// related locations.
pub fn scan_history(
    engine: &Engine,
    repo: &Path,
    ctx: &ScanContext<'_>,
) -> Result<ScanOutput, git::GitError> {
    let (mut blobs, stats) = git::history_blobs(repo, ctx.config.max_file_size)?;
    let excludes =
        palisade_core::discovery::exclude_matcher(&ctx.config.exclude).unwrap_or_default();
    blobs.retain(|b| !excludes.is_match(&b.path));
    let reader = BlobReader::open(repo)?;
    let results: Vec<(usize, Result<crate::FileResult, git::GitError>)> = blobs
        .par_iter()
        .enumerate()
        .map(|(i, blob)| {
            let res = reader.read(&blob.id).map(|data| {
                ctx.progress.fetch_add(data.len() as u64, Ordering::Relaxed);
                engine.scan_bytes(&data, FileInfo::from_path(&blob.path))
            });
            (i, res)
        })
        .collect();
    let mut out = ScanOutput::default();
    for (i, res) in results {
        let blob = &blobs[i];
        match res {
            Ok(mut r) => {
                for f in &mut r.findings {
                    f.location.commit = Some(blob.commit.clone());
                }
                for d in &mut r.diagnostics {
                    d.message = format!(
                        "{} (blob {} in commit {})",
                        d.message,
                        &blob.id[..blob.id.len().min(12)],
                        &blob.commit.id[..blob.commit.id.len().min(12)]
                    );
                }
                r.merge_into(&mut out, &blob.path);
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
    out.findings = first_introductions(std::mem::take(&mut out.findings));
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
) -> Result<ScanOutput, git::GitError> {
    let staged = git::staged(repo, index_file, ctx.config.max_file_size)?;
    let excludes =
        palisade_core::discovery::exclude_matcher(&ctx.config.exclude).unwrap_or_default();
    let mut out = ScanOutput::default();
    for (path, size) in staged.too_large {
        if !excludes.is_match(&path) {
            let (skipped, diagnostic) =
                palisade_core::discovery::too_large(&path, size, ctx.config.max_file_size);
            out.skipped.push(skipped);
            out.diagnostics.push(diagnostic);
        }
    }
    for (path, data) in &staged.files {
        if excludes.is_match(path) {
            continue;
        }
        ctx.progress.fetch_add(data.len() as u64, Ordering::Relaxed);
        engine
            .scan_bytes(data, FileInfo::from_path(path))
            .merge_into(&mut out, path);
    }
    Ok(out)
}
