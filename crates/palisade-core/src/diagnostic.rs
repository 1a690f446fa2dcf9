//! Scan diagnostics: problems that are not findings (unreadable files, bad config, unused
//! suppressions). Each has a stable kebab-case code.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticLevel {
    /// Something could not be done; results may be incomplete.
    Error,
    /// Something the user should look at.
    Warning,
    /// Informational.
    Note,
}

impl DiagnosticLevel {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Note => "note",
        }
    }
}

/// Every diagnostic code palisade emits, with a one-line meaning. Kept sorted; a test
/// checks uniqueness and snapshots the list.
pub const CODES: &[(&str, &str)] = &[
    (
        "advisory-db-missing",
        "no vulnerability database was found; only local advisories were used",
    ),
    (
        "advisory-db-stale",
        "the vulnerability database is older than sca.max-db-age-days",
    ),
    (
        "advisory-not-understood",
        "part of an advisory (a range event version) could not be read and was ignored",
    ),
    (
        "baseline-invalid",
        "the baseline file could not be read or parsed",
    ),
    (
        "changed-since",
        "`--changed-since`: how many files differ from the commit and were scanned (the others were not)",
    ),
    (
        "exclude-unused",
        "an exclude pattern (scan.exclude or --exclude) left nothing out",
    ),
    (
        "file-too-large",
        "a file was larger than the size cap: skipped, or read only up to the cap",
    ),
    ("file-unreadable", "a file or directory could not be read"),
    (
        "findings-limit",
        "a rule matched more often in one file than are listed; one finding stands for the rest",
    ),
    (
        "fingerprint-limit",
        "a file held more password-like values than get a memory-hard fingerprint",
    ),
    (
        "git-error",
        "a git repository, object or index could not be read",
    ),
    (
        "git-paths-capped",
        "a blob or tree occurs at more paths in git history than are judged one by one",
    ),
    (
        "git-shallow",
        "the git repository is a shallow clone: history past its boundary was not scanned",
    ),
    (
        "iac-evaluation-limit",
        "Terraform expressions built more values than the evaluation budget; the rest were left unknown",
    ),
    (
        "iac-module-not-followed",
        "a Terraform module source was not followed: remote sources are never fetched, or a local one was not found",
    ),
    (
        "iac-parse-error",
        "an IaC or pipeline file could not be parsed (or hit a nesting or alias limit); it was not checked, or only in part",
    ),
    (
        "iac-template-skipped",
        "a Helm template was skipped: it is not YAML until rendered",
    ),
    (
        "ignore-file-too-large",
        "an ignore file was over its size or pattern limit and was not applied",
    ),
    (
        "line-number-overflow",
        "a line or column number did not fit in 32 bits and was saturated",
    ),
    (
        "lockfile-entry-skipped",
        "an entry of a lockfile could not be read and was left out",
    ),
    (
        "lockfile-invalid",
        "a lockfile or manifest could not be parsed; its packages were not checked",
    ),
    (
        "lockfile-not-followed",
        "a lockfile names something palisade does not resolve (a remote parent POM, a missing include)",
    ),
    (
        "package-version-invalid",
        "a package version is not valid under its ecosystem's rules and was not matched",
    ),
    (
        "sast-partial",
        "a source file was not fully analysed by SAST: it ran out of the per-file time budget, is over the SAST size cap, or a rule stopped after 1,000 matches in it",
    ),
    (
        "sast-syntax-error",
        "a source file did not fully parse; SAST analysed it as far as the parser recovered",
    ),
    ("scanner-failed", "a scanner failed; the gate fails closed"),
    (
        "suppression-expired",
        "a config suppression is past its expiry date and no longer applies",
    ),
    (
        "suppression-invalid",
        "an inline suppression is malformed or names an unknown rule",
    ),
    (
        "suppression-missing-reason",
        "an inline suppression has no reason and does not apply",
    ),
    ("suppression-unused", "a suppression matched no finding"),
    (
        "symlink-loop",
        "a symbolic link loop was found and not followed",
    ),
    ("walk-error", "the directory walk reported an error"),
];

/// A problem found while scanning that is not a finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable kebab-case code (see [`CODES`]).
    pub code: String,
    /// Level.
    pub level: DiagnosticLevel,
    /// Path relative to the scanned root, if the problem is in a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 1-based line, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Lowercase message naming what failed.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic without a location.
    pub fn new(code: &str, level: DiagnosticLevel, message: impl Into<String>) -> Self {
        debug_assert!(CODES.iter().any(|(c, _)| *c == code), "unknown code {code}");
        Self {
            code: code.to_owned(),
            level,
            path: None,
            line: None,
            message: message.into(),
        }
    }

    /// Attach a path.
    #[must_use]
    pub fn at(mut self, path: impl Into<String>, line: Option<u32>) -> Self {
        self.path = Some(path.into());
        self.line = line;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: ", self.level.as_str(), self.code)?;
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{p}:{l}: ")?,
            (Some(p), None) => write!(f, "{p}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::CODES;

    #[test]
    fn codes_are_unique_sorted_and_kebab_case() {
        let mut sorted: Vec<_> = CODES.iter().map(|(c, _)| *c).collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), CODES.len(), "duplicate diagnostic code");
        assert_eq!(
            sorted,
            CODES.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            "keep CODES sorted"
        );
        for c in sorted {
            assert!(
                c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{c}"
            );
        }
    }

    /// The user-facing table of codes in docs/configuration.md lists every code, in order.
    #[test]
    fn every_code_is_documented() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/configuration.md");
        let docs = std::fs::read_to_string(path).expect("docs/configuration.md");
        let section = docs
            .split("## Diagnostic codes")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .expect("a `## Diagnostic codes` section");
        let listed: Vec<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split_once("` |").map(|(c, _)| c))
            .collect();
        let codes: Vec<&str> = CODES.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            listed, codes,
            "docs/configuration.md `Diagnostic codes` table"
        );
    }
}
