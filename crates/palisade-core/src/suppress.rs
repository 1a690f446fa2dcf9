//! Suppressions: inline comments, config entries and baselines. None of them hides a finding
//! silently: suppressed findings stay in the report, marked, and suppressions that match
//! nothing (or have expired) are reported.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use globset::Glob;
use serde::{Deserialize, Serialize};

use crate::config::{ConfigSuppression, FILE_NAME};
use crate::diagnostic::{Diagnostic, DiagnosticLevel};
use crate::model::{Finding, Suppression, SuppressionKind};
use crate::time::Date;

/// The inline marker, followed by `[rule-id, ...]` and a reason.
pub const INLINE_MARKER: &str = "palisade:ignore";

/// An inline `palisade:ignore[rule] reason` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineSuppression {
    /// 1-based line of the comment. It covers findings on this line and the next.
    pub line: u32,
    /// Rule ids named in brackets.
    pub rules: Vec<String>,
    /// The reason, if one was written.
    pub reason: Option<String>,
}

impl InlineSuppression {
    /// Does this comment cover a finding of `rule` on `line`?
    pub fn covers(&self, rule: &str, line: u32) -> bool {
        (line == self.line || line == self.line + 1) && self.rules.iter().any(|r| r == rule)
    }
}

/// Parse the inline suppression on one line of text, if any.
pub fn parse_inline(line_text: &str, line: u32) -> Option<InlineSuppression> {
    let at = line_text.find(INLINE_MARKER)?;
    let rest = &line_text[at + INLINE_MARKER.len()..];
    let rest = rest.strip_prefix('[')?;
    let close = rest.find(']')?;
    let rules: Vec<String> = rest[..close]
        .split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    if rules.is_empty() {
        return None;
    }
    let mut reason = rest[close + 1..].trim();
    for closer in ["*/", "-->", "#}", "%>", "--}}"] {
        reason = reason.strip_suffix(closer).unwrap_or(reason).trim();
    }
    let reason = reason.trim_start_matches([':', '-', '—']).trim();
    Some(InlineSuppression {
        line,
        rules,
        reason: (!reason.is_empty()).then(|| reason.to_owned()),
    })
}

/// Apply config suppressions to per-occurrence findings. Returns diagnostics for expired and
/// unused entries.
pub fn apply_config(
    findings: &mut [Finding],
    entries: &[ConfigSuppression],
    config_path: Option<&Path>,
    today: Date,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let cfg_name = config_path.map_or_else(|| FILE_NAME.to_owned(), |p| p.display().to_string());
    for entry in entries {
        let rule_glob = Glob::new(&entry.rule).ok().map(|g| g.compile_matcher());
        let path_glob = entry
            .path
            .as_deref()
            .and_then(|p| Glob::new(p).ok())
            .map(|g| g.compile_matcher());
        let expired = entry.expires < today;
        let mut matched = 0usize;
        for f in findings.iter_mut() {
            let rule_ok = rule_glob.as_ref().is_some_and(|g| g.is_match(&f.rule_id));
            let path_ok = path_glob
                .as_ref()
                .is_none_or(|g| g.is_match(&f.location.path));
            let fp_ok = entry
                .fingerprint
                .as_deref()
                .is_none_or(|fp| fp == f.fingerprint);
            if !(rule_ok && path_ok && fp_ok) {
                continue;
            }
            matched += 1;
            if !expired && f.suppression.is_none() {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::Config,
                    reason: entry.reason.clone(),
                    owner: Some(entry.owner.clone()),
                    expires: Some(entry.expires.to_string()),
                });
            }
        }
        if expired {
            diags.push(
                Diagnostic::new(
                    "suppression-expired",
                    DiagnosticLevel::Warning,
                    format!(
                        "suppression for `{}` (owner {}) expired on {}; it no longer applies \
                         ({matched} finding{} now active): fix them, or renew the entry with a new \
                         expiry date",
                        entry.rule,
                        entry.owner,
                        entry.expires,
                        if matched == 1 { "" } else { "s" }
                    ),
                )
                .at(cfg_name.clone(), Some(entry.line)),
            );
        } else if matched == 0 {
            diags.push(
                Diagnostic::new(
                    "suppression-unused",
                    DiagnosticLevel::Warning,
                    format!(
                        "suppression for `{}` matched no finding; remove it",
                        entry.rule
                    ),
                )
                .at(cfg_name.clone(), Some(entry.line)),
            );
        }
    }
    diags
}

/// Merge occurrences that share a fingerprint into one finding. The primary location is the
/// first active occurrence in sort order (or the first occurrence when all are suppressed);
/// the others become related locations. A merged finding is suppressed only when every
/// occurrence is.
pub fn merge_by_fingerprint(findings: Vec<Finding>) -> Vec<Finding> {
    let mut groups: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for f in findings {
        groups.entry(f.fingerprint.clone()).or_default().push(f);
    }
    let mut out = Vec::with_capacity(groups.len());
    for (_, mut group) in groups {
        group.sort_by(|a, b| a.location.cmp(&b.location));
        let primary_idx = group.iter().position(Finding::is_active).unwrap_or(0);
        let mut primary = group.swap_remove(primary_idx);
        group.sort_by(|a, b| a.location.cmp(&b.location));
        let any_active = primary.is_active();
        let mut related: Vec<_> = primary.related_locations.drain(..).collect();
        for other in group {
            related.push(other.location);
            related.extend(other.related_locations);
        }
        related.sort();
        related.dedup();
        related.retain(|l| *l != primary.location);
        primary.related_locations = related;
        if any_active {
            primary.suppression = None;
        }
        out.push(primary);
    }
    out
}

/// A baseline: fingerprints of accepted findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Baseline format version (1).
    pub version: u32,
    /// Entries, sorted by fingerprint.
    pub findings: Vec<BaselineEntry>,
}

/// One baselined finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// Finding fingerprint.
    pub fingerprint: String,
    /// Rule id (informational).
    pub rule_id: String,
    /// Primary path when created (informational).
    pub path: String,
}

/// Baseline read failure.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BaselineError {
    /// Cannot read the file.
    #[error("cannot read baseline {path}: {source}")]
    Io {
        /// Path.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
    /// Not a baseline.
    #[error("invalid baseline {path}: {message} (create one with `palisade baseline create`)")]
    Invalid {
        /// Path.
        path: String,
        /// Cause.
        message: String,
    },
}

impl Baseline {
    /// A baseline of every finding (active or not) in `findings`.
    pub fn from_findings(findings: &[Finding]) -> Self {
        let mut entries: Vec<BaselineEntry> = findings
            .iter()
            .map(|f| BaselineEntry {
                fingerprint: f.fingerprint.clone(),
                rule_id: f.rule_id.clone(),
                path: f.location.path.clone(),
            })
            .collect();
        entries.sort();
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Self {
            version: 1,
            findings: entries,
        }
    }

    /// Load a baseline file.
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError::Io {
            path: path.display().to_string(),
            source: e,
        })?;
        let b: Self = serde_json::from_str(&text).map_err(|e| BaselineError::Invalid {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        if b.version != 1 {
            return Err(BaselineError::Invalid {
                path: path.display().to_string(),
                message: format!("unsupported version {}", b.version),
            });
        }
        Ok(b)
    }

    /// Serialize as pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Mark active findings whose fingerprint is in the baseline. Returns a note for
    /// entries that matched nothing (fixed since the baseline was made).
    pub fn apply(&self, findings: &mut [Finding], baseline_path: &str) -> Vec<Diagnostic> {
        let mut used = BTreeSet::new();
        let known: BTreeMap<&str, &BaselineEntry> = self
            .findings
            .iter()
            .map(|e| (e.fingerprint.as_str(), e))
            .collect();
        for f in findings.iter_mut() {
            if known.contains_key(f.fingerprint.as_str()) {
                used.insert(f.fingerprint.clone());
                if f.suppression.is_none() {
                    f.suppression = Some(Suppression {
                        kind: SuppressionKind::Baseline,
                        reason: format!("present in baseline {baseline_path}"),
                        owner: None,
                        expires: None,
                    });
                }
            }
        }
        let unused = self.findings.len() - used.len().min(self.findings.len());
        if unused == 0 {
            return Vec::new();
        }
        vec![
            Diagnostic::new(
                "suppression-unused",
                DiagnosticLevel::Note,
                format!(
                    "{unused} baseline entr{} matched no finding (fixed since the baseline was \
                     made?); refresh it with `palisade baseline create`",
                    if unused == 1 { "y" } else { "ies" }
                ),
            )
            .at(baseline_path.to_owned(), None),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Confidence, Location, Severity};

    fn finding(path: &str, line: u32, fp: &str) -> Finding {
        Finding {
            rule_id: "r".into(),
            title: "t".into(),
            category: Category::Secrets,
            severity: Severity::High,
            confidence: Confidence::High,
            cwe: vec![],
            message: "m".into(),
            location: Location {
                path: path.into(),
                start_line: line,
                start_column: 1,
                end_line: line,
                end_column: 2,
                commit: None,
            },
            related_locations: vec![],
            snippet: None,
            fingerprint: fp.into(),
            properties: BTreeMap::new(),
            suppression: None,
        }
    }

    #[test]
    fn inline_parsing() {
        let s = parse_inline("x = 1 # palisade:ignore[a, b] test value only", 3).expect("parsed");
        assert_eq!(s.rules, ["a", "b"]);
        assert_eq!(s.reason.as_deref(), Some("test value only"));
        assert!(s.covers("a", 4) && !s.covers("a", 5) && !s.covers("c", 3));
        let s = parse_inline("/* palisade:ignore[a] */", 1).expect("parsed");
        assert_eq!(s.reason, None);
        assert!(parse_inline("palisade:ignore", 1).is_none());
    }

    #[test]
    fn merge_groups_and_keeps_active_primary() {
        let mut b = finding("b.txt", 1, "x");
        let mut a = finding("a.txt", 9, "x");
        a.suppression = Some(Suppression {
            kind: SuppressionKind::Inline,
            reason: "r".into(),
            owner: None,
            expires: None,
        });
        b.message = "b".into();
        let merged = merge_by_fingerprint(vec![a, b, finding("c.txt", 1, "y")]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].location.path, "b.txt");
        assert!(merged[0].is_active());
        assert_eq!(merged[0].related_locations[0].path, "a.txt");
    }

    #[test]
    fn config_expiry_and_unused() {
        let mut fs = vec![finding("a.txt", 1, "x")];
        let entry = |expires: &str| ConfigSuppression {
            rule: "r".into(),
            path: None,
            fingerprint: None,
            reason: "why".into(),
            owner: "me".into(),
            expires: Date::parse(expires).expect("date"),
            line: 7,
        };
        let today = Date::parse("2026-06-01").expect("date");
        let d = apply_config(&mut fs, &[entry("2026-01-01")], None, today);
        assert!(fs[0].is_active());
        assert_eq!(d[0].code, "suppression-expired");
        let d = apply_config(&mut fs, &[entry("2027-01-01")], None, today);
        assert!(!fs[0].is_active() && d.is_empty());
        let mut none: Vec<Finding> = vec![];
        let d = apply_config(&mut none, &[entry("2027-01-01")], None, today);
        assert_eq!(d[0].code, "suppression-unused");
        assert_eq!(d[0].line, Some(7));
    }

    #[test]
    fn baseline_roundtrip() {
        let mut fs = vec![finding("a.txt", 1, "x"), finding("b.txt", 1, "y")];
        let b = Baseline::from_findings(&fs[..1]);
        let b2: Baseline = serde_json::from_str(&b.to_json()).expect("json");
        assert_eq!(b, b2);
        let d = b2.apply(&mut fs, "base.json");
        assert!(d.is_empty());
        assert!(!fs[0].is_active() && fs[1].is_active());
    }
}
