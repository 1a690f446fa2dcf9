//! palisade's core model and shared machinery.
//!
//! Everything that more than one scanner or writer needs lives here: rule metadata,
//! findings and locations, the versioned [`Report`], the [`Scanner`] trait, discovery of
//! files to scan ([`Inventory`]), configuration (`palisade.toml`), suppressions and
//! baselines. Keep this crate small: every other crate rebuilds when it changes.
#![warn(missing_docs)]

pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod discovery;
pub mod doc;
pub mod docs;
pub mod fingerprint;
#[cfg(feature = "git")]
pub mod git;
pub mod model;
pub mod project;
pub mod report;
pub mod scanner;
pub mod suppress;
pub mod text;
pub mod time;
pub mod yaml;

pub use config::Config;
pub use diagnostic::{Diagnostic, DiagnosticLevel};
pub use discovery::{FileEntry, FileKind, Inventory, SkipReason, Skipped};
pub use model::{
    Category, CommitInfo, Confidence, Cwe, Finding, FlowStep, Location, RuleMeta, Severity,
    Snippet, Suppression, SuppressionKind,
};
pub use report::Report;
pub use scanner::{ScanContext, ScanError, ScanOutput, Scanner};
