//! palisade's software composition analysis.
//!
//! - [`parse`]: lockfile and manifest parsers into [`Lockfile`]s of [`Package`]s.
//! - [`version`]: version ordering per ecosystem, exact to each ecosystem's rules.

pub mod db;
pub mod model;
pub mod parse;
pub mod purl;
pub mod version;

pub use model::{Issue, IssueKind, Lockfile, Package, ParseError, Scope, Source};
pub use parse::{Format, Siblings};

pub use version::{Ecosystem, Version, VersionError};
