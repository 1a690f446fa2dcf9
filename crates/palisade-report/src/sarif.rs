//! SARIF 2.1.0: one run per scanner, read by code scanning UIs, CI systems and our own
//! evaluation.
//!
//! Small hand-written serde structs cover the part of the spec we emit. The output stays
//! within GitHub code scanning's upload limits: at most [`MAX_RESULTS_PER_RUN`] results per
//! run (the most severe active findings are kept, and the run says it was truncated), at
//! most [`MAX_RELATED_LOCATIONS`] related locations per result and [`MAX_TAGS_PER_RULE`]
//! tags per rule. Each run has its own `automationDetails.id`, so several runs of the same
//! tool in one file are not merged or rejected.
//!
//! A result's `region.snippet` is the region's own text, redacted: for a secret, the
//! redacted form of the secret; the redacted line around it goes to `contextRegion`. A
//! finding found in several places lists them in `relatedLocations` and links each from its
//! message (`... (also at [path:line](1), ...)`), and `helpUri` points at the rule's page
//! for this release ([`RuleMeta::help_uri`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;

use palisade_core::report::ScannerStatus;
use palisade_core::{
    Confidence, Diagnostic, DiagnosticLevel, Finding, Location, Report, RuleMeta, Severity,
    Snippet, SuppressionKind,
};
use serde::Serialize;
use serde_json::Value;

use crate::group::{self, Group};

/// `$schema` of the log.
pub(crate) const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// GitHub rejects runs with more results than this.
pub(crate) const MAX_RESULTS_PER_RUN: usize = 25_000;
/// GitHub rejects results with more locations than this.
pub(crate) const MAX_RELATED_LOCATIONS: usize = 1_000;
/// GitHub shows at most this many locations of a result; the message links as many.
pub(crate) const MAX_LINKED_IN_MESSAGE: usize = 100;
/// GitHub rejects rules with more tags than this (and shows the first 10).
pub(crate) const MAX_TAGS_PER_RULE: usize = 20;
/// The key of our fingerprint in `partialFingerprints`.
const FINGERPRINT_KEY: &str = "palisade/v1";
const INFORMATION_URI: &str = "https://github.com/palisade-dev/palisade";
const SRCROOT: &str = "%SRCROOT%";

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let log = build(report, MAX_RESULTS_PER_RUN);
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

// ---------------------------------------------------------------------------------------
// The SARIF object model (the subset we write).

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    /// Columns count Unicode code points (palisade's `Location` convention).
    column_kind: &'static str,
    automation_details: AutomationDetails,
    invocations: Vec<Invocation>,
    results: Vec<SarifResult>,
    properties: BTreeMap<&'static str, Value>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    semantic_version: String,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
struct AutomationDetails {
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    name: String,
    short_description: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    help_uri: String,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
    precision: &'static str,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

impl Message {
    fn new(text: impl Into<String>) -> Self {
        Self { text: text.into() }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    code_flows: Vec<Value>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<SarifSuppression>,
    properties: BTreeMap<String, Value>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context_region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Message>,
}

#[derive(Serialize)]
struct SarifSuppression {
    kind: &'static str,
    status: &'static str,
    justification: String,
    properties: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    descriptor: Descriptor,
    level: &'static str,
    message: Message,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<SarifLocation>,
}

#[derive(Serialize)]
struct Descriptor {
    id: String,
}

// ---------------------------------------------------------------------------------------
// Building the log.

fn build(report: &Report, max_results: usize) -> Log {
    let runs = group::groups(report)
        .iter()
        .map(|g| build_run(report, g, max_results))
        .collect();
    Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs,
    }
}

fn build_run(report: &Report, g: &Group<'_>, max_results: usize) -> Run {
    let (kept, truncated) = select_results(&g.findings, max_results);

    // Rules used by this run's results, sorted by id; ruleIndex points into this list.
    let used: BTreeSet<&str> = kept.iter().map(|f| f.rule_id.as_str()).collect();
    let rule_ids: Vec<&str> = used.into_iter().collect();
    let rules = rule_ids
        .iter()
        .map(|id| {
            let meta = report.rules.iter().find(|r| r.id == *id).cloned();
            let meta = meta.or_else(|| {
                kept.iter()
                    .find(|f| f.rule_id == *id)
                    .map(|f| rule_from_finding(f))
            });
            meta.as_ref().map_or_else(|| bare_rule(id), sarif_rule)
        })
        .collect();

    let results = kept
        .iter()
        .map(|f| {
            let rule_index = rule_ids
                .binary_search(&f.rule_id.as_str())
                .unwrap_or_default();
            sarif_result(f, rule_index)
        })
        .collect();

    let mut notifications: Vec<Notification> =
        g.diagnostics.iter().map(|d| notification(d)).collect();
    if let Some(err) = g.error().filter(|_| !g.has_failure_diagnostic()) {
        notifications.push(Notification {
            descriptor: Descriptor {
                id: "scanner-failed".to_owned(),
            },
            level: "error",
            message: Message::new(format!("scanner `{}` failed: {err}", g.name)),
            locations: Vec::new(),
        });
    }
    let mut properties = BTreeMap::new();
    properties.insert("scanner", Value::from(g.name));
    let status = g.run.map_or(ScannerStatus::Ok, |r| r.status);
    properties.insert(
        "status",
        Value::from(match status {
            ScannerStatus::Ok => "ok",
            ScannerStatus::Failed => "failed",
        }),
    );
    if let Some(err) = g.error() {
        properties.insert("error", Value::from(err));
    }
    if truncated > 0 {
        let total = g.findings.len();
        let message = format!(
            "results truncated: {} of {total} findings written; GitHub code scanning accepts at \
             most {max_results} results per run, so the most severe active findings were kept \
             (see the JSON report for all of them)",
            total - truncated
        );
        properties.insert(
            "truncated",
            serde_json::json!({
                "code": "results-truncated",
                "message": message,
                "findings": total,
                "written": total - truncated,
                "limit": max_results,
            }),
        );
        notifications.push(Notification {
            descriptor: Descriptor {
                id: "results-truncated".to_owned(),
            },
            level: "warning",
            message: Message::new(message),
            locations: Vec::new(),
        });
    }

    Run {
        column_kind: "unicodeCodePoints",
        tool: Tool {
            driver: Driver {
                name: "palisade",
                semantic_version: report.tool.version.clone(),
                information_uri: INFORMATION_URI,
                rules,
            },
        },
        automation_details: AutomationDetails {
            id: format!("palisade/{}/", g.name),
        },
        invocations: vec![Invocation {
            execution_successful: !g.failed(),
            tool_execution_notifications: notifications,
        }],
        results,
        properties,
    }
}

/// Keep at most `max` findings: active before suppressed, then most severe first, then
/// report order. The kept findings stay in report order. Returns how many were dropped.
fn select_results<'a>(findings: &[&'a Finding], max: usize) -> (Vec<&'a Finding>, usize) {
    if findings.len() <= max {
        return (findings.to_vec(), 0);
    }
    let mut ranked: Vec<usize> = (0..findings.len()).collect();
    ranked.sort_by_key(|&i| {
        findings
            .get(i)
            .map(|f| (!f.is_active(), std::cmp::Reverse(f.severity), i))
    });
    ranked.truncate(max);
    ranked.sort_unstable();
    let kept: Vec<&Finding> = ranked
        .iter()
        .filter_map(|&i| findings.get(i).copied())
        .collect();
    let dropped = findings.len() - kept.len();
    (kept, dropped)
}

fn sarif_rule(meta: &RuleMeta) -> Rule {
    let mut tags: Vec<String> = vec!["security".to_owned()];
    tags.extend(meta.cwe.iter().map(|c| format!("external/cwe/cwe-{}", c.0)));
    tags.extend(meta.tags.iter().cloned());
    let mut seen = BTreeSet::new();
    tags.retain(|t| seen.insert(t.clone()));
    tags.truncate(MAX_TAGS_PER_RULE);

    let help = if meta.description.is_empty() && meta.remediation.is_empty() {
        None
    } else {
        let text = join_nonempty(&[&meta.description, &meta.remediation], "\n\n");
        let remediation = if meta.remediation.is_empty() {
            String::new()
        } else {
            format!("## Remediation\n\n{}", meta.remediation)
        };
        Some(Help {
            text,
            markdown: join_nonempty(&[&meta.description, &remediation], "\n\n"),
        })
    };
    Rule {
        id: meta.id.clone(),
        name: pascal_case(&meta.id),
        short_description: Message::new(meta.title.clone()),
        full_description: (!meta.description.is_empty())
            .then(|| Message::new(meta.description.clone())),
        help,
        help_uri: RuleMeta::help_uri(&meta.id),
        default_configuration: Configuration {
            level: level(meta.severity),
        },
        properties: RuleProperties {
            tags,
            security_severity: security_severity(meta.severity),
            precision: precision(meta.confidence),
        },
    }
}

/// Rule metadata from a finding, for a finding whose rule is missing from `report.rules`.
fn rule_from_finding(f: &Finding) -> RuleMeta {
    RuleMeta::new(
        f.rule_id.clone(),
        f.title.clone(),
        f.category,
        f.severity,
        f.confidence,
        f.cwe.clone(),
        String::new(),
        String::new(),
    )
}

fn bare_rule(id: &str) -> Rule {
    Rule {
        id: id.to_owned(),
        name: pascal_case(id),
        short_description: Message::new(id),
        full_description: None,
        help: None,
        help_uri: RuleMeta::help_uri(id),
        default_configuration: Configuration { level: "warning" },
        properties: RuleProperties {
            tags: vec!["security".to_owned()],
            security_severity: security_severity(Severity::Medium),
            precision: precision(Confidence::Medium),
        },
    }
}

fn sarif_result(f: &Finding, rule_index: usize) -> SarifResult {
    let mut primary = location(&f.location, None);
    if let Some(sn) = &f.snippet {
        let physical = &mut primary.physical_location;
        if let Some(region) = physical.region.as_mut() {
            region.snippet = region_text(sn, &f.location).map(Message::new);
        }
        // The (redacted) line around a single-line region, for viewers that show context.
        if f.location.start_line == f.location.end_line && sn.line == f.location.start_line {
            physical.context_region = Some(Region {
                start_line: sn.line,
                start_column: None,
                end_line: None,
                end_column: None,
                snippet: Some(Message::new(sn.text.clone())),
            });
        }
    }
    let related_locations: Vec<SarifLocation> = f
        .related_locations
        .iter()
        .take(MAX_RELATED_LOCATIONS)
        .enumerate()
        .map(|(i, l)| location(l, Some(i + 1)))
        .collect();

    let mut properties: BTreeMap<String, Value> = f.properties.clone();
    properties.insert("severity".to_owned(), Value::from(f.severity.as_str()));
    properties.insert("confidence".to_owned(), Value::from(f.confidence.as_str()));
    properties.insert(
        "cwe".to_owned(),
        Value::from(f.cwe.iter().map(ToString::to_string).collect::<Vec<_>>()),
    );
    properties.insert("category".to_owned(), Value::from(f.category.as_str()));
    if let Some(c) = &f.location.commit {
        properties.insert("commit".to_owned(), Value::from(c.id.clone()));
        properties.insert(
            "author".to_owned(),
            Value::from(format!("{} <{}>", c.author, c.email)),
        );
        properties.insert("date".to_owned(), Value::from(c.date.clone()));
    }
    if f.related_locations.len() > MAX_RELATED_LOCATIONS {
        properties.insert(
            "relatedLocationsTotal".to_owned(),
            Value::from(f.related_locations.len()),
        );
    }

    let suppressions = f
        .suppression
        .iter()
        .map(|s| {
            let mut properties = BTreeMap::new();
            properties.insert("source", s.kind.as_str().to_owned());
            if let Some(o) = &s.owner {
                properties.insert("owner", o.clone());
            }
            if let Some(e) = &s.expires {
                properties.insert("expires", e.clone());
            }
            SarifSuppression {
                kind: match s.kind {
                    SuppressionKind::Inline => "inSource",
                    SuppressionKind::Config | SuppressionKind::Baseline | SuppressionKind::Vex => {
                        "external"
                    }
                },
                status: "accepted",
                justification: s.reason.clone(),
                properties,
            }
        })
        .collect();

    let mut partial_fingerprints = BTreeMap::new();
    partial_fingerprints.insert(FINGERPRINT_KEY, f.fingerprint.clone());
    SarifResult {
        rule_id: f.rule_id.clone(),
        rule_index,
        level: level(f.severity),
        message: Message::new(result_message(f)),
        locations: vec![primary],
        related_locations,
        code_flows: code_flows(f),
        partial_fingerprints,
        suppressions,
        properties,
    }
}

/// A taint finding's path as one SARIF code flow with one thread flow: each step a location
/// with its message, source first.
fn code_flows(f: &Finding) -> Vec<Value> {
    if f.flow.is_empty() {
        return Vec::new();
    }
    let locations: Vec<Value> = f
        .flow
        .iter()
        .map(|s| {
            serde_json::json!({
                "location": {
                    "physicalLocation": {
                        "artifactLocation": artifact(&s.path),
                        "region": { "startLine": s.line, "startColumn": s.column },
                    },
                    "message": { "text": s.message },
                }
            })
        })
        .collect();
    vec![serde_json::json!({ "threadFlows": [{ "locations": locations }] })]
}

/// The result's message: the finding's message, and when the finding occurs in other
/// places, a sentence that links each of them (`[path:line](id)`, SARIF's embedded links to
/// `relatedLocations`), so code scanning UIs show every copy. GitHub displays at most
/// [`MAX_LINKED_IN_MESSAGE`] locations per result; the rest are counted. With links in the
/// message, literal `\`, `[` and `]` are escaped with a backslash, as SARIF requires.
fn result_message(f: &Finding) -> String {
    let text = if f.message.is_empty() {
        &f.title
    } else {
        &f.message
    };
    let related = f.related_locations.len().min(MAX_RELATED_LOCATIONS);
    if related == 0 {
        return text.clone();
    }
    let links: Vec<String> = f
        .related_locations
        .iter()
        .take(related.min(MAX_LINKED_IN_MESSAGE))
        .enumerate()
        .map(|(i, l)| {
            format!(
                "[{}]({})",
                escape_link_text(&format!("{}:{}", l.path, l.start_line)),
                i + 1
            )
        })
        .collect();
    let more = f.related_locations.len() - links.len();
    let mut out = format!("{} (also at {}", escape_link_text(text), links.join(", "));
    if more > 0 {
        let _ = write!(out, " and {more} more");
    }
    out.push(')');
    out
}

/// `\`, `[` and `]` escaped with a backslash (SARIF §3.11.6).
fn escape_link_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text of the region itself: the part of the (redacted) snippet its highlight marks,
/// when the snippet is on the region's first line. For a secret this is the redacted form
/// of the secret, never the whole line. `None` when the highlight does not fit the text.
fn region_text(sn: &Snippet, l: &Location) -> Option<String> {
    if sn.line != l.start_line {
        return None;
    }
    let (start, end) = (sn.highlight.0 as usize, sn.highlight.1 as usize);
    if start == 0 || end <= start {
        return None;
    }
    sn.text.get(start - 1..end - 1).map(str::to_owned)
}

fn location(l: &Location, id: Option<usize>) -> SarifLocation {
    let region = (l.start_line >= 1).then(|| Region {
        start_line: l.start_line,
        start_column: (l.start_column >= 1).then_some(l.start_column),
        end_line: (l.end_line >= l.start_line).then_some(l.end_line),
        end_column: (l.end_column >= 1).then_some(l.end_column),
        snippet: None,
    });
    SarifLocation {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact(&l.path),
            region,
            context_region: None,
        },
    }
}

fn artifact(path: &str) -> ArtifactLocation {
    if path.contains("://") {
        // DAST: the location is a URL, not a path under the scanned root.
        ArtifactLocation {
            uri: path.to_owned(),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: encode_uri_path(path),
            uri_base_id: Some(SRCROOT),
        }
    }
}

fn notification(d: &Diagnostic) -> Notification {
    let locations = d
        .path
        .as_deref()
        .map(|p| {
            vec![SarifLocation {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: artifact(p),
                    region: d.line.filter(|l| *l >= 1).map(|l| Region {
                        start_line: l,
                        start_column: None,
                        end_line: None,
                        end_column: None,
                        snippet: None,
                    }),
                    context_region: None,
                },
            }]
        })
        .unwrap_or_default();
    Notification {
        descriptor: Descriptor { id: d.code.clone() },
        level: match d.level {
            DiagnosticLevel::Error => "error",
            DiagnosticLevel::Warning => "warning",
            DiagnosticLevel::Note => "note",
        },
        message: Message::new(d.message.clone()),
        locations,
    }
}

// ---------------------------------------------------------------------------------------
// Small mappings.

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.0",
        Severity::High => "7.0",
        Severity::Medium => "5.0",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
}

fn precision(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

/// `aws-secret-access-key` → `AwsSecretAccessKey`.
pub(crate) fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// Percent-encode a relative path for `artifactLocation.uri`: unreserved characters,
/// sub-delimiters, `@` and `/` stay; everything else (spaces, `%`, `#`, `?`, `:`, non-ASCII
/// as UTF-8 bytes) is encoded. `:` is encoded so a first segment never reads as a scheme.
pub(crate) fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            );
        if keep {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn join_nonempty(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_of_ids() {
        assert_eq!(pascal_case("aws-secret-access-key"), "AwsSecretAccessKey");
        assert_eq!(pascal_case("tf-aws-s3-public-read"), "TfAwsS3PublicRead");
        assert_eq!(pascal_case("x"), "X");
        assert_eq!(pascal_case(""), "");
    }

    #[test]
    fn uri_encoding() {
        assert_eq!(encode_uri_path("src/a b.py"), "src/a%20b.py");
        assert_eq!(encode_uri_path("c:/x#1?%"), "c%3A/x%231%3F%25");
        assert_eq!(encode_uri_path("docs/ré.md"), "docs/r%C3%A9.md");
        assert_eq!(
            encode_uri_path(".github/workflows/ci.yml"),
            ".github/workflows/ci.yml"
        );
    }

    #[test]
    fn truncation_keeps_the_most_severe_active_findings_in_order() {
        let mk = |sev: Severity, line: u32, suppressed: bool| Finding {
            rule_id: "r".into(),
            scanner: "secrets".into(),
            title: "t".into(),
            category: palisade_core::Category::Secrets,
            severity: sev,
            confidence: Confidence::High,
            cwe: Vec::new(),
            message: "m".into(),
            location: Location {
                path: "a".into(),
                start_line: line,
                start_column: 1,
                end_line: line,
                end_column: 2,
                commit: None,
            },
            related_locations: Vec::new(),
            flow: Vec::new(),
            snippet: None,
            fingerprint: format!("fp{line}"),
            properties: BTreeMap::new(),
            suppression: suppressed.then(|| palisade_core::Suppression {
                kind: SuppressionKind::Inline,
                reason: "x".into(),
                owner: None,
                expires: None,
            }),
        };
        let fs = [
            mk(Severity::Low, 1, false),
            mk(Severity::Critical, 2, true),
            mk(Severity::High, 3, false),
            mk(Severity::Medium, 4, false),
            mk(Severity::High, 5, false),
        ];
        let refs: Vec<&Finding> = fs.iter().collect();
        let (kept, dropped) = select_results(&refs, 3);
        assert_eq!(dropped, 2);
        let lines: Vec<u32> = kept.iter().map(|f| f.location.start_line).collect();
        assert_eq!(lines, [3, 4, 5]);
        let (kept, dropped) = select_results(&refs, 10);
        assert_eq!((kept.len(), dropped), (5, 0));
    }
}
