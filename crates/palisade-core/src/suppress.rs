//! Suppressions: inline comments, config entries and baselines. None of them hides a finding
//! silently: suppressed findings stay in the report, marked, and suppressions that match
//! nothing (or have expired) are reported.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use globset::Glob;
use serde::{Deserialize, Serialize};

use crate::config::{ConfigSuppression, FILE_NAME, ReadError, read_user_file, safe_parser_message};
use crate::diagnostic::{Diagnostic, DiagnosticLevel};
use crate::model::{Finding, Suppression, SuppressionKind};
use crate::text::{escape_control, escape_os, truncate_chars};
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

/// Apply the `palisade:ignore[rule] reason` comments of one file (on the finding's line or
/// the line above) to the findings in that file of rules in `mine`; report malformed
/// comments, comments without a reason, and comments that matched nothing. `lines` are the
/// file's lines; a marker right after a quote or backtick (documentation about the marker)
/// is not a suppression.
pub fn apply_inline(
    findings: &mut [Finding],
    diagnostics: &mut Vec<Diagnostic>,
    rel: &str,
    lines: &[&str],
    mine: &BTreeSet<String>,
) {
    let mut marks: Vec<(InlineSuppression, bool)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.contains(INLINE_MARKER) {
            continue;
        }
        let line = i as u32 + 1;
        let at = l.find(INLINE_MARKER).unwrap_or(0);
        if at > 0 && matches!(l.as_bytes()[at - 1], b'`' | b'"' | b'\'') {
            continue;
        }
        if let Some(s) = parse_inline(l, line) {
            if !s.rules.iter().any(|r| mine.contains(r)) {
                continue;
            }
            if s.reason.is_none() {
                diagnostics.push(
                    Diagnostic::new(
                        "suppression-missing-reason",
                        DiagnosticLevel::Warning,
                        "inline suppression without a reason does not apply: write `palisade:ignore[rule-id] reason`",
                    )
                    .at(rel.to_owned(), Some(line)),
                );
                continue;
            }
            marks.push((s, false));
        } else if let Some(problem) = inline_problem(l) {
            diagnostics.push(
                Diagnostic::new("suppression-invalid", DiagnosticLevel::Warning, problem)
                    .at(rel.to_owned(), Some(line)),
            );
        }
    }
    if marks.is_empty() {
        return;
    }
    for f in findings.iter_mut().filter(|f| f.location.path == rel) {
        if let Some((s, used)) = marks
            .iter_mut()
            .find(|(s, _)| s.covers(&f.rule_id, f.location.start_line))
        {
            *used = true;
            f.suppression = Some(Suppression {
                kind: SuppressionKind::Inline,
                reason: s.reason.clone().unwrap_or_default(),
                owner: None,
                expires: None,
            });
        }
    }
    for (s, used) in marks {
        if !used {
            diagnostics.push(
                Diagnostic::new(
                    "suppression-unused",
                    DiagnosticLevel::Warning,
                    format!(
                        "inline suppression of {} matched no finding",
                        s.rules.join(", ")
                    ),
                )
                .at(rel.to_owned(), Some(s.line)),
            );
        }
    }
}

/// What is wrong with an inline suppression that [`parse_inline`] does not accept, when the
/// text reads as an attempt at one: the marker followed by a space, a colon or the end of
/// the line (no brackets), by empty brackets, or by a bracket that is not closed. The marker
/// inside a word or a string (`"palisade:ignore"`) is not a suppression and gets `None`.
pub fn inline_problem(line_text: &str) -> Option<&'static str> {
    let at = line_text.find(INLINE_MARKER)?;
    let rest = &line_text[at + INLINE_MARKER.len()..];
    match rest.chars().next() {
        Some('[') => {
            let inner = &rest[1..];
            match inner.find(']') {
                None => Some(
                    "`palisade:ignore[` is not closed and does not apply: write \
                     `palisade:ignore[rule-id] reason`",
                ),
                Some(close) if inner[..close].split(',').all(|r| r.trim().is_empty()) => Some(
                    "`palisade:ignore[]` names no rule and does not apply: write \
                         `palisade:ignore[rule-id] reason`",
                ),
                Some(_) => None,
            }
        }
        None | Some(' ' | '\t' | ':' | '=') => Some(
            "`palisade:ignore` without `[rule-id]` does not apply: write \
             `palisade:ignore[rule-id] reason`",
        ),
        Some(_) => None,
    }
}

/// Could `id` be meant as a rule id (kebab case)? Text such as `{}` in a format string is
/// not, and is not judged.
pub fn looks_like_rule_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// How one part of a config suppression (its rule or its path) matches text.
enum Pattern {
    /// No glob metacharacters: equality, no compiled matcher needed.
    Literal(String),
    /// A compiled glob.
    Glob(globset::GlobMatcher),
    /// An invalid glob (config validation rejects these): matches nothing.
    Never,
}

impl Pattern {
    fn new(text: &str) -> Self {
        if !text.contains(['*', '?', '[', ']', '{', '}', '\\']) {
            return Self::Literal(text.to_owned());
        }
        Glob::new(text).map_or(Self::Never, |g| Self::Glob(g.compile_matcher()))
    }

    fn is_match(&self, s: &str) -> bool {
        match self {
            Self::Literal(l) => l == s,
            Self::Glob(g) => g.is_match(s),
            Self::Never => false,
        }
    }
}

/// Config suppressions indexed so that each finding looks at the entries that can match it
/// rather than at every entry: by fingerprint, by exact rule id, and only the entries whose
/// rule is a real glob (and that have no fingerprint) are tried one by one. A glob used by
/// many entries is compiled once.
struct ConfigIndex {
    patterns: Vec<Pattern>,
    /// Per entry: its rule and path, as indexes into `patterns`.
    rules: Vec<usize>,
    paths: Vec<Option<usize>>,
    by_fingerprint: BTreeMap<String, Vec<usize>>,
    /// Lengths of the fingerprints (or fingerprint prefixes, 8 characters or more) given.
    fp_lengths: std::collections::BTreeSet<usize>,
    by_rule: BTreeMap<String, Vec<usize>>,
    rule_globs: Vec<usize>,
}

impl ConfigIndex {
    fn new(entries: &[ConfigSuppression]) -> Self {
        let mut index = Self {
            patterns: Vec::new(),
            rules: Vec::with_capacity(entries.len()),
            paths: Vec::with_capacity(entries.len()),
            by_fingerprint: BTreeMap::new(),
            fp_lengths: std::collections::BTreeSet::new(),
            by_rule: BTreeMap::new(),
            rule_globs: Vec::new(),
        };
        let mut compiled: BTreeMap<&str, usize> = BTreeMap::new();
        let mut intern = |text, patterns: &mut Vec<Pattern>| -> usize {
            *compiled.entry(text).or_insert_with(|| {
                patterns.push(Pattern::new(text));
                patterns.len() - 1
            })
        };
        for (i, entry) in entries.iter().enumerate() {
            let rule = intern(entry.rule.as_str(), &mut index.patterns);
            let path = entry
                .path
                .as_deref()
                .map(|p| intern(p, &mut index.patterns));
            match (&entry.fingerprint, &index.patterns[rule]) {
                (Some(fp), _) => {
                    index.fp_lengths.insert(fp.len());
                    index.by_fingerprint.entry(fp.clone()).or_default().push(i);
                }
                (None, Pattern::Literal(r)) => index.by_rule.entry(r.clone()).or_default().push(i),
                (None, Pattern::Glob(_)) => index.rule_globs.push(i),
                (None, Pattern::Never) => {}
            }
            index.rules.push(rule);
            index.paths.push(path);
        }
        index
    }

    /// Indexes of the entries that match `f`, in entry order.
    fn matching(&self, f: &Finding, out: &mut Vec<usize>) {
        out.clear();
        // An entry may give the fingerprint whole or a prefix of it (the terminal shows 8).
        let by_fp = self
            .fp_lengths
            .iter()
            .filter_map(|&n| f.fingerprint.get(..n))
            .filter_map(|prefix| self.by_fingerprint.get(prefix));
        let lists = by_fp.chain(
            [self.by_rule.get(&f.rule_id), Some(&self.rule_globs)]
                .into_iter()
                .flatten(),
        );
        for &i in lists.flatten() {
            let rule_ok = self.patterns[self.rules[i]].is_match(&f.rule_id);
            let path_ok = self.paths[i].is_none_or(|p| self.patterns[p].is_match(&f.location.path));
            if rule_ok && path_ok {
                out.push(i);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// Apply config suppressions to per-occurrence findings. Returns diagnostics for expired and
/// unused entries.
///
/// Every matching entry counts the finding; the first matching entry that has not expired
/// (in file order) suppresses it, unless it was suppressed already. The work grows with
/// findings plus entries (and with findings times the entries whose rule is a glob), not with
/// findings times entries.
pub fn apply_config(
    findings: &mut [Finding],
    entries: &[ConfigSuppression],
    config_path: Option<&Path>,
    today: Date,
) -> Vec<Diagnostic> {
    let cfg_name = config_path.map_or_else(|| FILE_NAME.to_owned(), |p| escape_os(p.as_os_str()));
    let index = ConfigIndex::new(entries);
    let mut matched = vec![0usize; entries.len()];
    let mut hits = Vec::new();
    for f in findings.iter_mut() {
        index.matching(f, &mut hits);
        for &i in &hits {
            matched[i] += 1;
            let entry = &entries[i];
            if entry.expires >= today && f.suppression.is_none() {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::Config,
                    reason: entry.reason.clone(),
                    owner: Some(entry.owner.clone()),
                    expires: Some(entry.expires.to_string()),
                });
            }
        }
    }
    let mut diags = Vec::new();
    for (entry, matched) in entries.iter().zip(matched) {
        let rule = quote(&entry.rule);
        if entry.expires < today {
            diags.push(
                Diagnostic::new(
                    "suppression-expired",
                    DiagnosticLevel::Warning,
                    format!(
                        "suppression for {rule} (owner {}) expired on {}; it no longer applies \
                         ({matched} finding{} now active): fix them, or renew the entry with a new \
                         expiry date",
                        escape_control(&truncate_chars(&entry.owner, 64)),
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
                    format!("suppression for {rule} matched no finding; remove it"),
                )
                .at(cfg_name.clone(), Some(entry.line)),
            );
        }
    }
    diags
}

/// A rule id or glob from the config, quoted for a message: capped and escaped.
fn quote(s: &str) -> String {
    format!("`{}`", escape_control(&truncate_chars(s, 64)))
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

/// Largest baseline file palisade reads (256 MiB, about two million entries).
pub const MAX_BASELINE_SIZE: u64 = 256 * 1024 * 1024;

/// Baseline read failure.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BaselineError {
    /// Cannot read the file (or it is not a regular file, or too large).
    #[error("cannot read baseline {path}: {error}")]
    Io {
        /// Path, escaped for display.
        path: String,
        /// Cause (in the message, so not also a `source`).
        error: ReadError,
    },
    /// Not a baseline.
    #[error("invalid baseline {path}: {message} (create one with `palisade baseline create`)")]
    Invalid {
        /// Path, escaped for display.
        path: String,
        /// Cause.
        message: String,
    },
}

impl Baseline {
    /// A baseline of every finding in `findings`: one entry per fingerprint and path, its
    /// related locations included, so a copy of a known secret in a new place is noticed.
    pub fn from_findings(findings: &[Finding]) -> Self {
        let mut entries: Vec<BaselineEntry> = findings
            .iter()
            .flat_map(|f| {
                std::iter::once(&f.location)
                    .chain(&f.related_locations)
                    .map(|l| BaselineEntry {
                        fingerprint: f.fingerprint.clone(),
                        rule_id: f.rule_id.clone(),
                        path: l.path.clone(),
                    })
            })
            .collect();
        entries.sort();
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.path == b.path);
        Self {
            version: 1,
            findings: entries,
        }
    }

    /// Load a baseline file. Only regular files of at most [`MAX_BASELINE_SIZE`] bytes are
    /// read.
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let shown = escape_os(path.as_os_str());
        let bytes = read_user_file(path, MAX_BASELINE_SIZE).map_err(|error| BaselineError::Io {
            path: shown.clone(),
            error,
        })?;
        let b: Self = serde_json::from_slice(&bytes).map_err(|e| BaselineError::Invalid {
            path: shown.clone(),
            // serde_json quotes values it did not expect: they are masked.
            message: safe_parser_message(&e.to_string()),
        })?;
        if b.version != 1 {
            return Err(BaselineError::Invalid {
                path: shown,
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
        let mut known: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for e in &self.findings {
            known
                .entry(e.fingerprint.as_str())
                .or_default()
                .insert(e.path.as_str());
        }
        for f in findings.iter_mut() {
            let Some(paths) = known.get(f.fingerprint.as_str()) else {
                continue;
            };
            used.insert(f.fingerprint.clone());
            if f.suppression.is_some() {
                continue;
            }
            // A known secret in a place the baseline did not list is a new leak of it:
            // reported (at info severity), not accepted silently.
            let new: Vec<String> = std::iter::once(&f.location)
                .chain(&f.related_locations)
                .map(|l| l.path.clone())
                .filter(|p| !paths.contains(p.as_str()))
                .collect();
            if new.is_empty() {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::Baseline,
                    reason: format!("present in baseline {baseline_path}"),
                    owner: None,
                    expires: None,
                });
                continue;
            }
            let was: Vec<&str> = paths.iter().copied().take(3).collect();
            f.severity = crate::model::Severity::Info;
            f.message = format!(
                "new location of a known secret (baselined at {}): {}",
                was.join(", "),
                f.message
            );
            f.properties
                .insert("baseline_new_locations".to_owned(), new.into());
        }
        let unused = self
            .findings
            .iter()
            .filter(|e| !used.contains(&e.fingerprint))
            .count();
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
            scanner: "secrets".into(),
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
            flow: vec![],
            fingerprint: fp.into(),
            properties: BTreeMap::new(),
            suppression: None,
        }
    }

    #[test]
    fn inline_parsing() {
        // Built at run time, so palisade's scan of its own sources sees no suppression here.
        let marker = concat!("palisade", ":ignore");
        let s =
            parse_inline(&format!("x = 1 # {marker}[a, b] test value only"), 3).expect("parsed");
        assert_eq!(s.rules, ["a", "b"]);
        assert_eq!(s.reason.as_deref(), Some("test value only"));
        assert!(s.covers("a", 4) && !s.covers("a", 5) && !s.covers("c", 3));
        let s = parse_inline(&format!("/* {marker}[a] */"), 1).expect("parsed");
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
            rule_line: 8,
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

    fn entry(rule: &str, path: Option<&str>, fp: Option<&str>, expires: &str) -> ConfigSuppression {
        ConfigSuppression {
            rule: rule.into(),
            path: path.map(Into::into),
            fingerprint: fp.map(Into::into),
            reason: format!("reason {rule}"),
            owner: "me".into(),
            expires: Date::parse(expires).expect("date"),
            line: 1,
            rule_line: 2,
        }
    }

    /// The definition: every entry against every finding, in entry order.
    fn apply_naive(
        findings: &mut [Finding],
        entries: &[ConfigSuppression],
        today: Date,
    ) -> Vec<usize> {
        let mut counts = Vec::new();
        for e in entries {
            let rule = Glob::new(&e.rule).ok().map(|g| g.compile_matcher());
            let path = e
                .path
                .as_deref()
                .map(|p| Glob::new(p).ok().map(|g| g.compile_matcher()));
            let mut n = 0;
            for f in findings.iter_mut() {
                let ok = rule.as_ref().is_some_and(|g| g.is_match(&f.rule_id))
                    && path
                        .as_ref()
                        .is_none_or(|p| p.as_ref().is_some_and(|g| g.is_match(&f.location.path)))
                    && e.fingerprint
                        .as_deref()
                        .is_none_or(|fp| fp == f.fingerprint);
                if ok {
                    n += 1;
                    if e.expires >= today && f.suppression.is_none() {
                        f.suppression = Some(Suppression {
                            kind: SuppressionKind::Config,
                            reason: e.reason.clone(),
                            owner: Some(e.owner.clone()),
                            expires: Some(e.expires.to_string()),
                        });
                    }
                }
            }
            counts.push(n);
        }
        counts
    }

    #[test]
    fn issue5_16_config_suppressions_are_indexed() {
        let today = Date::parse("2026-06-01").expect("date");
        let n = 40_000;
        let mut entries: Vec<ConfigSuppression> = (0..n)
            .map(|i| {
                let fp = format!("fp-{i:05}");
                let rule = format!("rule-{}", i % 7);
                match i % 4 {
                    // Expired: counts its finding, does not suppress it.
                    0 => entry(&rule, None, Some(&fp), "2026-01-01"),
                    1 => entry(
                        &rule,
                        Some(&format!("src/{i}.txt")),
                        Some(&fp),
                        "2999-01-01",
                    ),
                    // Does not match: wrong rule for that fingerprint.
                    2 => entry("other-rule", None, Some(&fp), "2999-01-01"),
                    _ => entry(&rule, Some("src/*.txt"), Some(&fp), "2999-01-01"),
                }
            })
            .collect();
        // Exact rule ids and globs without fingerprints; the later of two matching entries
        // counts the finding but the first one suppresses it.
        entries.push(entry("rule-0", Some("src/0.txt"), None, "2999-01-01"));
        entries.push(entry("rule-[0]", Some("src/0.txt"), None, "2999-01-01"));
        entries.push(entry("never-*", None, None, "2999-01-01"));
        let mut findings: Vec<Finding> = (0..n)
            .map(|i| {
                let mut f = finding(&format!("src/{i}.txt"), 1, &format!("fp-{i:05}"));
                f.rule_id = format!("rule-{}", i % 7);
                f
            })
            .collect();
        let diags = apply_config(&mut findings, &entries, None, today);

        for (i, f) in findings.iter().enumerate() {
            let expected = match i % 4 {
                0 if i == 0 => Some("reason rule-0"),
                0 | 2 => None,
                _ => Some(entries[i].reason.as_str()),
            };
            assert_eq!(
                f.suppression.as_ref().map(|s| s.reason.as_str()),
                expected,
                "finding {i}"
            );
        }
        let expired = diags
            .iter()
            .filter(|d| d.code == "suppression-expired")
            .count();
        let unused: Vec<&str> = diags
            .iter()
            .filter(|d| d.code == "suppression-unused")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(expired, n / 4);
        assert_eq!(
            unused.len(),
            n / 4 + 1,
            "the other-rule entries and never-*"
        );
        assert!(unused.iter().any(|m| m.contains("`never-*`")));
    }

    proptest::proptest! {
        /// Issue 5: a file passed as a baseline that is not one (a `.env`, a SARIF or JSON
        /// report with snippets, broken JSON) gives an error that shows no value from it.
        #[test]
        fn issue5_04_baseline_errors_show_no_values(
            shape in 0..5u8,
            key in "[a-z_]{1,10}",
            value in "[A-Za-z0-9+/_\\-]{12,60}",
        ) {
            let text = match shape {
                0 => format!("{key}={value}\n"),
                1 => format!("{{\"{key}\": \"{value}\"}}"),
                2 => format!("{{\"version\": 1, \"findings\": [{{\"fingerprint\": {value}}}]}}"),
                3 => format!("{{\"version\": \"{value}\", \"findings\": []}}"),
                _ => format!("[\"{value}\""),
            };
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("base.json");
            std::fs::write(&path, &text).expect("write");
            if let Err(e) = Baseline::load(&path) {
                let shown = format!("{e}\n{e:?}");
                for w in value.as_bytes().windows(8) {
                    let w = std::str::from_utf8(w).expect("ascii");
                    proptest::prop_assert!(!shown.contains(w), "`{}` in {}", w, shown);
                }
            }
        }

        #[test]
        fn issue5_16_indexed_apply_matches_the_definition(
            specs in proptest::collection::vec(
                (0..5usize, proptest::option::of(0..4usize), proptest::option::of(0..4usize), proptest::bool::ANY),
                0..12,
            ),
            found in proptest::collection::vec((0..3usize, 0..3usize, 0..4usize, proptest::bool::ANY), 0..12),
        ) {
            let today = Date::parse("2026-06-01").expect("date");
            let rules = ["r-a", "r-b", "r-*", "r-[ab]", "x"];
            let paths = ["a.txt", "*.txt", "b/c.txt", "b/*"];
            let entries: Vec<ConfigSuppression> = specs
                .iter()
                .map(|&(r, p, fp, expired)| {
                    entry(
                        rules[r],
                        p.map(|p| paths[p]),
                        fp.map(|fp| ["f0", "f1", "f2", "f3"][fp]),
                        if expired { "2020-01-01" } else { "2999-01-01" },
                    )
                })
                .collect();
            let make = || -> Vec<Finding> {
                found
                    .iter()
                    .map(|&(r, p, fp, inline)| {
                        let mut f = finding(["a.txt", "b/c.txt", "d.txt"][p], 1, ["f0", "f1", "f2", "f3"][fp]);
                        f.rule_id = ["r-a", "r-b", "x"][r].to_owned();
                        if inline {
                            f.suppression = Some(Suppression {
                                kind: SuppressionKind::Inline,
                                reason: "inline".into(),
                                owner: None,
                                expires: None,
                            });
                        }
                        f
                    })
                    .collect()
            };
            let mut fast = make();
            let mut slow = make();
            let diags = apply_config(&mut fast, &entries, None, today);
            let counts = apply_naive(&mut slow, &entries, today);
            proptest::prop_assert_eq!(&fast, &slow);
            let expected: Vec<String> = entries
                .iter()
                .zip(&counts)
                .filter_map(|(e, &n)| {
                    if e.expires < today {
                        Some(format!("suppression-expired {n} finding"))
                    } else if n == 0 {
                        Some("suppression-unused".to_owned())
                    } else {
                        None
                    }
                })
                .collect();
            let got: Vec<String> = diags
                .iter()
                .map(|d| {
                    if d.code == "suppression-expired" {
                        let n = d.message.split('(').nth(2).and_then(|s| s.split(' ').next()).unwrap_or("?");
                        format!("suppression-expired {n} finding")
                    } else {
                        d.code.clone()
                    }
                })
                .collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn issue5_17_non_regular_baseline_is_refused() {
        let err = Baseline::load(Path::new("/dev/zero")).expect_err("device");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let dir = tempfile::tempdir().expect("tempdir");
        let err = Baseline::load(dir.path()).expect_err("directory");
        assert!(err.to_string().contains("a directory"), "{err}");
    }

    #[test]
    fn issue5_04_invalid_baseline_does_not_quote_values() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.json");
        std::fs::write(
            &path,
            "{\"version\": \"ghp_PaLiSaDeTeSt\\u001b[2J\", \"findings\": []}",
        )
        .expect("write");
        let err = Baseline::load(&path).expect_err("invalid").to_string();
        assert!(err.contains("invalid type: string \"***\""), "{err}");
        assert!(!err.contains("PaLiSaDe") && !err.contains('\x1b'), "{err}");
    }

    #[test]
    fn issue5_04_read_error_is_shown_once() {
        let err = Baseline::load(Path::new("/nonexistent/base.json")).expect_err("missing");
        assert!(
            std::error::Error::source(&err).is_none(),
            "the cause is in the message"
        );
        assert_eq!(err.to_string().matches("os error").count(), 1, "{err}");
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
