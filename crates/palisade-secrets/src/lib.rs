//! palisade's secrets scanner.
//!
//! Rules are data (`rules/*.toml`, embedded at build time). The [`Engine`] finds candidates
//! with one case-insensitive Aho-Corasick pass over keywords, runs each rule's regex only near
//! its own keyword hits, and filters candidates through placeholder allowlists, entropy and
//! checksum validators. Output is always redacted unless `--show-secrets` is given.
#![warn(missing_docs)]

pub mod engine;
pub mod filter;
#[cfg(feature = "git")]
pub mod git;
#[cfg(feature = "git")]
pub mod history;
pub mod rule;
pub mod validate;

use std::sync::atomic::Ordering;

use palisade_core::discovery::FileKind;
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

/// Scan files of an inventory in parallel.
fn scan_inventory(engine: &Engine, inventory: &Inventory, ctx: &ScanContext<'_>) -> ScanOutput {
    let results: Vec<(usize, Result<FileResult, std::io::Error>)> = inventory
        .files
        .par_iter()
        .enumerate()
        .map(|(i, file)| {
            let info = FileInfo {
                rel: &file.rel,
                test_like: file.test_like,
                lockfile: file.kind == FileKind::Lockfile,
                docs: file.kind == FileKind::Docs,
            };
            let res =
                std::fs::File::open(&file.path).and_then(|mut f| engine.scan_reader(&mut f, info));
            ctx.progress.fetch_add(file.size, Ordering::Relaxed);
            (i, res)
        })
        .collect();
    let mut out = ScanOutput::default();
    for (i, res) in results {
        let file = &inventory.files[i];
        match res {
            Ok(r) => r.merge_into(&mut out, &file.rel),
            Err(e) => {
                out.skipped.push(Skipped {
                    path: file.rel.clone(),
                    reason: SkipReason::Unreadable,
                    detail: Some(e.to_string()),
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
