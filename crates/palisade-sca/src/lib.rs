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

/// Removes credentials from URLs in `text` (`https://user:token@host` → `https://host`), so
/// a lockfile line with an index URL never carries a token into a report.
pub fn redact_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '/' | '"' | '\'' | '>' | ')'))
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => out.push_str(&authority[at + 1..]),
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}
