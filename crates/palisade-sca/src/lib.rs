//! palisade's software composition analysis.
//!
//! - [`parse`]: lockfile and manifest parsers into [`Lockfile`]s of [`Package`]s.
//! - [`version`]: version ordering per ecosystem, exact to each ecosystem's rules.

pub mod cvss;
pub mod db;
pub mod license;
pub mod model;
pub mod osv;
pub mod parse;
pub mod purl;
pub mod rules;
pub mod sbom;
pub mod scanner;
pub mod version;
pub mod vex;

pub use model::{Issue, IssueKind, Lockfile, Package, ParseError, Scope, Source};
pub use parse::{Format, Siblings};
pub use scanner::{ScaOptions, ScaScanner};

pub use version::{Ecosystem, Version, VersionError};

/// Removes credentials from URLs (see [`palisade_core::text::redact_urls`]).
pub use palisade_core::text::redact_urls;
