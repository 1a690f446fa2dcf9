//! palisade's secrets scanner.
//!
//! Rules are data (`rules/*.toml`, embedded at build time). The [`Engine`] finds candidates
//! with one case-insensitive Aho-Corasick pass over keywords, runs each rule's regex only near
//! its own keyword hits, and filters candidates through placeholder allowlists, entropy and
//! checksum validators. Output is always redacted unless `--show-secrets` is given.
#![warn(missing_docs)]

pub use palisade_core::decode;
pub mod engine;
pub mod filter;
#[cfg(feature = "git")]
pub use palisade_core::git;
#[cfg(feature = "git")]
pub mod history;
pub mod rule;
pub mod validate;

use std::io::Read;
use std::sync::atomic::Ordering;

use palisade_core::discovery::{FileEntry, FileKind, Opened, open_regular, special_file};
use palisade_core::text::escape_control;
use palisade_core::{
    Diagnostic, DiagnosticLevel, Inventory, RuleMeta, ScanContext, ScanError, ScanOutput, Scanner,
    SkipReason, Skipped,
};
use rayon::prelude::*;

pub use engine::{Engine, EngineOptions, FileInfo, FileResult, redact};
pub use rule::{Rule, RuleError, builtin_rules};

/// The scanner name used in `--scanners` and reports.
pub const NAME: &str = "secrets";

/// Why the scanner could not be set up.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SetupError {
    /// A built-in rule file does not compile.
    #[error(transparent)]
    Rules(#[from] RuleError),
    /// `[secrets] disable` names a rule that does not exist.
    #[error("unknown rule `{0}` in [secrets] disable; `palisade rules` lists every rule")]
    UnknownRule(String),
}

/// The secrets scanner over a directory inventory.
#[derive(Debug)]
pub struct SecretsScanner {
    engine: Engine,
    /// Every built-in rule, enabled or not (for listings and docs).
    all: Vec<Rule>,
}

impl SecretsScanner {
    /// Build the scanner from the embedded rules. Disabling a rule that does not exist is an
    /// error, so a typo cannot silently leave a rule running.
    pub fn new(opts: &EngineOptions) -> Result<Self, SetupError> {
        let all = builtin_rules()?;
        if let Some(unknown) = opts
            .disabled
            .iter()
            .find(|id| !all.iter().any(|r| &r.meta.id == *id))
        {
            return Err(SetupError::UnknownRule(unknown.clone()));
        }
        Ok(Self {
            engine: Engine::new(all.clone(), opts),
            all,
        })
    }

    /// The engine (for history and staged scans).
    pub fn engine(&self) -> &Engine {
        &self.engine
    }
}

/// How one file of an inventory was read.
enum Scanned {
    /// Read to the end (at most the size cap).
    Whole(FileResult),
    /// Read up to the size cap, with more data after it (the file grew after discovery, or
    /// a stream is longer than the cap): the rest was not scanned.
    Capped(FileResult),
    /// Not a regular file when opened (replaced after discovery): not read.
    Special(&'static str),
}

/// Scan one file, reading at most `max` bytes whatever its size now. Files found in a
/// directory are opened without waiting and read only if they are regular files; a stream
/// target (a pipe, device or stdin named on the command line) is read as it is.
fn scan_file(engine: &Engine, file: &FileEntry, max: u64) -> std::io::Result<Scanned> {
    let handle = if file.stream {
        std::fs::File::open(&file.path)?
    } else {
        match open_regular(&file.path)? {
            Opened::Regular(handle, _) => handle,
            Opened::Special(kind) => return Ok(Scanned::Special(kind)),
        }
    };
    let info = FileInfo {
        rel: &file.rel,
        test_like: file.test_like,
        lockfile: file.kind == FileKind::Lockfile,
        docs: file.kind == FileKind::Docs,
    };
    let mut capped = (&handle).take(max);
    let res = engine.scan_reader(&mut capped, info)?;
    if res.binary || capped.limit() > 0 {
        return Ok(Scanned::Whole(res));
    }
    // Exactly `max` bytes were read: is there more?
    let mut probe = [0u8; 1];
    let more = loop {
        match (&handle).read(&mut probe) {
            Ok(n) => break n > 0,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    };
    Ok(if more {
        Scanned::Capped(res)
    } else {
        Scanned::Whole(res)
    })
}

/// Scan files of an inventory in parallel.
fn scan_inventory(engine: &Engine, inventory: &Inventory, ctx: &ScanContext<'_>) -> ScanOutput {
    let max = ctx.config.max_file_size;
    let results: Vec<(usize, std::io::Result<Scanned>)> = inventory
        .files
        .par_iter()
        .enumerate()
        .map(|(i, file)| {
            let res = scan_file(engine, file, max);
            ctx.progress.fetch_add(file.size, Ordering::Relaxed);
            (i, res)
        })
        .collect();
    let mut out = ScanOutput::default();
    for (i, res) in results {
        let file = &inventory.files[i];
        match res {
            Ok(Scanned::Whole(r)) => r.merge_into(&mut out, &file.rel),
            Ok(Scanned::Capped(r)) => {
                // What was read is reported; the file counts as skipped, not scanned.
                out.bytes_scanned += r.bytes;
                out.findings.extend(r.findings);
                out.diagnostics.extend(r.diagnostics);
                let why = if file.stream {
                    String::new()
                } else {
                    format!(
                        " (it grew after discovery, when it had {} bytes)",
                        file.size
                    )
                };
                out.skipped.push(Skipped {
                    path: file.rel.clone(),
                    reason: SkipReason::TooLarge,
                    detail: Some(format!("only the first {max} bytes were scanned")),
                });
                out.diagnostics.push(
                    Diagnostic::new(
                        "file-too-large",
                        DiagnosticLevel::Warning,
                        format!(
                            "read stopped at the {max}-byte cap (scan.max-file-size){why}; \
                             the rest was not scanned"
                        ),
                    )
                    .at(file.rel.clone(), None),
                );
            }
            Ok(Scanned::Special(kind)) => out.skipped.push(special_file(&file.rel, kind)),
            Err(e) => {
                let e = escape_control(&e.to_string());
                out.skipped.push(Skipped {
                    path: file.rel.clone(),
                    reason: SkipReason::Unreadable,
                    detail: Some(e.clone()),
                });
                out.diagnostics.push(
                    Diagnostic::new(
                        "file-unreadable",
                        DiagnosticLevel::Warning,
                        format!("cannot read file: {e}"),
                    )
                    .at(file.rel.clone(), None),
                );
            }
        }
    }
    out
}

impl Scanner for SecretsScanner {
    fn name(&self) -> &'static str {
        NAME
    }

    fn rules(&self) -> Vec<RuleMeta> {
        self.all.iter().map(|r| r.meta.clone()).collect()
    }

    fn rule_docs(&self) -> Vec<palisade_core::docs::RuleDoc> {
        self.all.iter().map(Rule::doc).collect()
    }

    fn scan(&self, inventory: &Inventory, ctx: &ScanContext<'_>) -> Result<ScanOutput, ScanError> {
        Ok(scan_inventory(&self.engine, inventory, ctx))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU64;

    use palisade_core::Config;
    use palisade_core::discovery::{DiscoveryOptions, discover};

    use super::*;

    use palisade_core::discovery::Excludes;
    use palisade_test_support::gh_token;
    #[cfg(unix)]
    use palisade_test_support::{FifoWriter, mkfifo};

    fn secret_line(body: &str) -> String {
        format!("GITHUB_TOKEN = \"{}\"\n", gh_token(body))
    }

    fn scan(inv: &Inventory, max_file_size: u64) -> ScanOutput {
        let scanner = SecretsScanner::new(&EngineOptions::default()).expect("rules");
        let mut config = Config::default();
        config.max_file_size = max_file_size;
        let progress = AtomicU64::new(0);
        scanner
            .scan(
                inv,
                &ScanContext::new(&config, &progress, &Excludes::default()),
            )
            .expect("scan")
    }

    fn skipped(out: &ScanOutput) -> Vec<(&str, SkipReason)> {
        out.skipped
            .iter()
            .map(|s| (s.path.as_str(), s.reason.clone()))
            .collect()
    }

    #[test]
    fn issue5_18_a_file_that_grew_is_read_up_to_the_cap_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("grow.env");
        std::fs::write(&path, "# growing\n").expect("write");
        let opts = DiscoveryOptions {
            max_file_size: 100,
            ..DiscoveryOptions::default()
        };
        let inv = discover(dir.path(), &opts);
        assert_eq!(inv.files[0].size, 10);
        // After discovery it grows past the cap: a secret first, then much more.
        let mut text = secret_line("PaLiSaDeTeStToKeNgRoWiNg012345");
        text.push_str(&"x".repeat(1000));
        std::fs::write(&path, text).expect("grow");
        let out = scan(&inv, 100);
        assert!(out.bytes_scanned <= 100, "{} bytes read", out.bytes_scanned);
        assert_eq!(out.findings.len(), 1, "what was read is still reported");
        assert_eq!(out.files_scanned, 0);
        assert_eq!(skipped(&out), [("grow.env", SkipReason::TooLarge)]);
        assert!(
            out.diagnostics
                .iter()
                .any(|d| d.code == "file-too-large" && d.message.contains("grew")),
            "{:?}",
            out.diagnostics
        );
    }

    #[test]
    fn a_file_of_exactly_the_cap_is_scanned_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.txt"), "x".repeat(100)).expect("write");
        let out = scan(&discover(dir.path(), &DiscoveryOptions::default()), 100);
        assert_eq!((out.files_scanned, out.bytes_scanned), (1, 100));
        assert!(out.skipped.is_empty() && out.diagnostics.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn issue5_17_a_file_replaced_by_a_fifo_after_discovery_is_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::write(root.join("a.env"), "x = 1\n").expect("write");
        std::fs::write(
            root.join("b.env"),
            secret_line("PaLiSaDeTeStToKeNbEnV012345678"),
        )
        .expect("write");
        let inv = discover(root, &DiscoveryOptions::default());
        assert_eq!(inv.files.len(), 2);
        std::fs::remove_file(root.join("a.env")).expect("remove");
        mkfifo(&root.join("a.env"));
        let line = secret_line("PaLiSaDeTeStToKeNfIfO012345678");
        let _feed = FifoWriter::new(&root.join("a.env"), line.into_bytes());
        let out = scan(&inv, palisade_core::config::DEFAULT_MAX_FILE_SIZE);
        assert_eq!(skipped(&out), [("a.env", SkipReason::SpecialFile)]);
        assert_eq!(out.files_scanned, 1);
        assert_eq!(out.findings.len(), 1);
        assert_eq!(out.findings[0].location.path, "b.env");
    }
}
