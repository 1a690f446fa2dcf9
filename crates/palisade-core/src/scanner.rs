//! The `Scanner` trait every scanner implements.

use std::sync::atomic::AtomicU64;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discovery::{Inventory, Skipped};
use crate::model::{Finding, RuleMeta};

/// What a scanner gets besides the inventory.
#[derive(Debug)]
#[non_exhaustive]
pub struct ScanContext<'a> {
    /// The loaded configuration.
    pub config: &'a Config,
    /// Bytes processed so far, for progress display.
    pub progress: &'a AtomicU64,
    /// Exclude patterns, for scanners that list paths themselves (git history, staged).
    pub excludes: &'a crate::discovery::Excludes,
}

impl<'a> ScanContext<'a> {
    /// Build a context.
    pub fn new(
        config: &'a Config,
        progress: &'a AtomicU64,
        excludes: &'a crate::discovery::Excludes,
    ) -> Self {
        Self {
            config,
            progress,
            excludes,
        }
    }
}

/// What a scanner returns: findings (one per occurrence; merging happens later),
/// diagnostics, and coverage.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct ScanOutput {
    /// Findings, one per occurrence.
    pub findings: Vec<Finding>,
    /// Problems met while scanning.
    pub diagnostics: Vec<Diagnostic>,
    /// Files this scanner skipped (e.g. binary).
    pub skipped: Vec<Skipped>,
    /// Files scanned.
    pub files_scanned: u64,
    /// Bytes scanned.
    pub bytes_scanned: u64,
    /// The git history walked, for scanners that walk it.
    pub git: Option<crate::report::GitCoverage>,
    /// The advisory database used, for scanners that use one.
    pub database: Option<crate::report::DatabaseInfo>,
}

/// A scanner failure that makes the gate fail closed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScanError {
    /// The scanner's own rules or state are broken.
    #[error("scanner {scanner} failed: {message}")]
    Internal {
        /// Scanner name.
        scanner: &'static str,
        /// What went wrong.
        message: String,
    },
}

impl ScanError {
    /// What went wrong, without the "scanner X failed" prefix (for messages that name the
    /// scanner themselves).
    pub fn detail(&self) -> &str {
        match self {
            Self::Internal { message, .. } => message,
        }
    }
}

/// A scanner: turns an inventory into findings. Scanners never execute target code.
pub trait Scanner: Send + Sync {
    /// Short lowercase name (`secrets`, `sast`, ...).
    fn name(&self) -> &'static str;
    /// Every rule this scanner can report (enabled or not).
    fn rules(&self) -> Vec<RuleMeta>;
    /// Documentation of every rule.
    fn rule_docs(&self) -> Vec<crate::docs::RuleDoc>;
    /// Scan the inventory.
    fn scan(&self, inventory: &Inventory, ctx: &ScanContext<'_>) -> Result<ScanOutput, ScanError>;
}
