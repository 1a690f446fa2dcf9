//! GitLab's security reports, which GitLab shows in merge requests, the pipeline's security
//! tab and the vulnerability report: the secret-detection report (the `secret_detection`
//! artefact, conventionally `gl-secret-detection-report.json`, format `gitlab`), the SAST
//! report for SAST, IaC, pipeline and policy findings (`sast`, `gl-sast-report.json`, format
//! `gitlab-sast`; GitLab files its own IaC scanning under SAST), and the
//! dependency-scanning report for SCA and licence findings (`dependency_scanning`,
//! `gl-dependency-scanning-report.json`, format `gitlab-dependency-scanning`). The three
//! share the structure below; they differ in `scan.type`, the categories of findings they
//! hold, and the `location` of a vulnerability (a dependency-scanning location names the
//! lockfile and the package and version instead of lines).
//!
//! The document follows GitLab's published schema, `dist/secret-detection-report-format.json`
//! of `security-report-schemas`, and declares [`SCHEMA_VERSION`]: a version GitLab 16 and 17
//! list as supported (GitLab does not ingest a report whose version it does not know, and
//! validates against the declared version before it ingests anything). The mapping:
//!
//! - `scan`: `analyzer` and `scanner` (palisade and its secrets scanner, with version and
//!   vendor), `type` `secret_detection`, `start_time` and `end_time` (`yyyy-mm-ddThh:mm:ss`
//!   UTC, the only timestamps, derived from the report's `started_at` and `duration_ms`; the
//!   schema requires them), `status` (`failure` when a scanner failed), and `messages`: the
//!   report's diagnostics, and what this document leaves out and why;
//! - one vulnerability per place a secret was found: a finding's first location and each of
//!   its related locations, because GitLab has no notion of one finding in several places;
//! - each vulnerability has a deterministic `id` (UUID-shaped, derived from the finding's
//!   fingerprint and the place), `category` `secret_detection`, `name` (the rule title),
//!   `message`, `description`, `severity` (`Critical` ... `Info`), `confidence`, `solution`
//!   (the remediation), `scanner`, `location` `{file, start_line, end_line, commit}` and
//!   `identifiers` (the palisade rule id first, then CWEs), and `links`;
//! - `location.commit.sha` is the commit that introduced the secret for findings from git
//!   history, and `0000000` otherwise (the convention of GitLab's own secrets analyzer for a
//!   scan outside git history; the schema requires a commit);
//! - suppressed findings are left out (GitLab would show them as open vulnerabilities),
//!   and so are findings of other categories (they belong in other GitLab report types);
//!   `scan.messages` counts both.
//!
//! Secrets stay redacted: only the finding's message (which carries the redacted form),
//! titles, paths and rule metadata are written, never the finding's free properties, the
//! snippet, or `raw_source_code_extract`.

use std::fmt::Write as _;
use std::io::Write;

use palisade_core::fingerprint::sha256_hex;
use palisade_core::report::{GateStatus, ScannerStatus};
use palisade_core::text::truncate_chars;
use palisade_core::time::{Date, rfc3339_utc};
use palisade_core::{
    Category, Confidence, Diagnostic, DiagnosticLevel, Finding, Location, Report, RuleMeta,
    Severity,
};
use serde::Serialize;

/// The schema version this document declares.
pub(crate) const SCHEMA_VERSION: &str = "15.0.6";

/// Which GitLab report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `secret_detection`: secrets findings.
    Secrets,
    /// `sast`: IaC, pipeline, SAST and policy findings.
    Sast,
    /// `dependency_scanning`: SCA and licence findings.
    Dependencies,
}

impl Kind {
    fn report_type(self) -> &'static str {
        match self {
            Self::Secrets => "secret_detection",
            Self::Sast => "sast",
            Self::Dependencies => "dependency_scanning",
        }
    }

    fn schema_uri(self) -> &'static str {
        match self {
            Self::Secrets => {
                "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.0.6/dist/secret-detection-report-format.json"
            }
            Self::Sast => {
                "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.0.6/dist/sast-report-format.json"
            }
            Self::Dependencies => {
                "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.0.6/dist/dependency-scanning-report-format.json"
            }
        }
    }

    fn scanner(self) -> (&'static str, &'static str) {
        match self {
            Self::Secrets => ("palisade-secrets", "palisade secrets"),
            Self::Sast => ("palisade-iac", "palisade IaC, pipeline and policy checks"),
            Self::Dependencies => ("palisade-sca", "palisade dependencies"),
        }
    }

    fn holds(self, c: Category) -> bool {
        match self {
            Self::Secrets => c == Category::Secrets,
            Self::Sast => matches!(
                c,
                Category::Iac
                    | Category::Pipeline
                    | Category::Sast
                    | Category::Policy
                    | Category::Image
            ),
            Self::Dependencies => matches!(c, Category::Sca | Category::License),
        }
    }

    fn what(self) -> &'static str {
        match self {
            Self::Secrets => "secrets",
            Self::Sast => "IaC, pipeline, SAST and policy findings",
            Self::Dependencies => "dependency and licence findings",
        }
    }
}
const TOOL_URI: &str = "https://github.com/palisade-dev/palisade";
/// `location.commit.sha` of a finding that was not found in a commit.
const NO_COMMIT: &str = "0000000";
/// Schema limits, in characters.
const MAX_NAME: usize = 255;
const MAX_SOLUTION: usize = 7_000;
const MAX_DESCRIPTION: usize = 1_048_576;

pub(crate) fn write(report: &Report, kind: Kind, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &build(report, kind))?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct Document {
    version: &'static str,
    schema: &'static str,
    scan: Scan,
    vulnerabilities: Vec<Vulnerability>,
    /// Dependency scanning only (optional since 15.0, kept empty: the packages are in the
    /// SBOM palisade writes).
    #[serde(skip_serializing_if = "Option::is_none")]
    dependency_files: Option<Vec<serde_json::Value>>,
}

#[derive(Serialize)]
struct Scan {
    analyzer: Tool,
    scanner: Tool,
    #[serde(rename = "type")]
    kind: &'static str,
    start_time: String,
    end_time: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    messages: Vec<ScanMessage>,
}

#[derive(Serialize)]
struct Tool {
    id: &'static str,
    name: &'static str,
    url: &'static str,
    version: String,
    vendor: Vendor,
}

#[derive(Serialize)]
struct Vendor {
    name: &'static str,
}

#[derive(Serialize)]
struct ScanMessage {
    level: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Vulnerability {
    id: String,
    category: &'static str,
    name: String,
    message: String,
    description: String,
    severity: &'static str,
    confidence: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    solution: String,
    scanner: ScannerRef,
    location: GlLocation,
    identifiers: Vec<Identifier>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link>,
}

#[derive(Serialize)]
struct ScannerRef {
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum GlLocation {
    Lines {
        file: String,
        start_line: u32,
        end_line: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        commit: Option<Commit>,
    },
    Dependency {
        file: String,
        dependency: Dependency,
    },
}

#[derive(Serialize)]
struct Dependency {
    package: Package,
    version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    direct: Option<bool>,
}

#[derive(Serialize)]
struct Package {
    name: String,
}

#[derive(Serialize)]
struct Commit {
    sha: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

#[derive(Serialize)]
struct Identifier {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
    value: String,
    url: String,
}

#[derive(Serialize)]
struct Link {
    name: String,
    url: String,
}

const ANALYZER_ID: &str = "palisade";

fn build(report: &Report, kind: Kind) -> Document {
    let (scanner_id, scanner_name) = kind.scanner();
    let version = report.tool.version.clone();
    let (start_time, end_time) = scan_times(report);
    let failed = report.gate.status == GateStatus::Error
        || report
            .scanners
            .iter()
            .any(|s| s.status == ScannerStatus::Failed);

    let mut vulnerabilities = Vec::new();
    let (mut suppressed, mut other) = (0usize, 0usize);
    for f in &report.findings {
        if !kind.holds(f.category) {
            other += 1;
        } else if !f.is_active() {
            suppressed += 1;
        } else {
            let rule = report.rules.iter().find(|r| r.id == f.rule_id);
            let total = 1 + f.related_locations.len();
            vulnerabilities.push(vulnerability(f, rule, &f.location, 1, total, kind));
            for (i, l) in f.related_locations.iter().enumerate() {
                vulnerabilities.push(vulnerability(f, rule, l, i + 2, total, kind));
            }
        }
    }

    let mut messages: Vec<ScanMessage> = report.diagnostics.iter().map(scan_message).collect();
    if suppressed > 0 {
        messages.push(ScanMessage {
            level: "info",
            value: format!(
                "{suppressed} suppressed or baselined finding{} not listed (see the palisade \
                 JSON report)",
                if suppressed == 1 { " is" } else { "s are" }
            ),
        });
    }
    if other > 0 {
        messages.push(ScanMessage {
            level: "info",
            value: format!(
                "{other} finding{} of other categories {} not listed (this report holds {} \
                 only; see the palisade JSON report)",
                if other == 1 { "" } else { "s" },
                if other == 1 { "is" } else { "are" },
                kind.what()
            ),
        });
    }

    Document {
        version: SCHEMA_VERSION,
        schema: kind.schema_uri(),
        scan: Scan {
            analyzer: Tool {
                id: ANALYZER_ID,
                name: "palisade",
                url: TOOL_URI,
                version: version.clone(),
                vendor: Vendor { name: "palisade" },
            },
            scanner: Tool {
                id: scanner_id,
                name: scanner_name,
                url: TOOL_URI,
                version,
                vendor: Vendor { name: "palisade" },
            },
            kind: kind.report_type(),
            start_time,
            end_time,
            status: if failed { "failure" } else { "success" },
            messages,
        },
        vulnerabilities,
        dependency_files: (kind == Kind::Dependencies).then(Vec::new),
    }
}

fn vulnerability(
    f: &Finding,
    rule: Option<&RuleMeta>,
    at: &Location,
    copy: usize,
    copies: usize,
    kind: Kind,
) -> Vulnerability {
    let (scanner_id, scanner_name) = kind.scanner();
    let help = RuleMeta::help_uri(&f.rule_id);
    let message = if f.message.is_empty() {
        f.title.clone()
    } else {
        f.message.clone()
    };
    let mut description = message.clone();
    if copies > 1 {
        let _ = write!(
            description,
            "\n\nThe same secret is in {copies} places; this is place {copy} of {copies}."
        );
    }
    if let Some(d) = rule
        .map(|r| r.description.as_str())
        .filter(|d| !d.is_empty())
    {
        description.push_str("\n\n");
        description.push_str(d);
    }
    let solution = rule.map_or("", |r| r.remediation.as_str());

    let mut identifiers = vec![Identifier {
        kind: "palisade_rule_id",
        name: format!("palisade rule {}", f.rule_id),
        value: f.rule_id.clone(),
        url: help.clone(),
    }];
    // Advisory ids first for dependency findings: GitLab takes the first identifier as the
    // primary one and matches vulnerabilities across scanners by it.
    if kind == Kind::Dependencies {
        let prop = |k: &str| {
            f.properties
                .get(k)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let aliases: Vec<String> = f
            .properties
            .get("aliases")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        for (at, id) in prop("advisory").into_iter().chain(aliases).enumerate() {
            let (kind, url) = if id.starts_with("CVE-") {
                ("cve", format!("https://nvd.nist.gov/vuln/detail/{id}"))
            } else if id.starts_with("GHSA-") {
                ("ghsa", format!("https://github.com/advisories/{id}"))
            } else {
                ("osv", format!("https://osv.dev/vulnerability/{id}"))
            };
            identifiers.insert(
                at,
                Identifier {
                    kind,
                    name: id.clone(),
                    value: id,
                    url,
                },
            );
        }
    }
    identifiers.extend(f.cwe.iter().map(|c| Identifier {
        kind: "cwe",
        name: c.to_string(),
        value: c.0.to_string(),
        url: format!("https://cwe.mitre.org/data/definitions/{}.html", c.0),
    }));
    let mut links = vec![Link {
        name: format!("palisade rule {}", f.rule_id),
        url: help,
    }];
    links.extend(
        rule.iter()
            .flat_map(|r| r.references.iter())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .map(|u| Link {
                name: u.clone(),
                url: u.clone(),
            }),
    );
    let commit = match &at.commit {
        Some(c) => Commit {
            sha: c.id.clone(),
            author: Some(format!("{} <{}>", c.author, c.email)),
            date: Some(c.date.clone()),
        },
        None => Commit {
            sha: NO_COMMIT.to_owned(),
            author: None,
            date: None,
        },
    };
    let location = match kind {
        Kind::Dependencies => GlLocation::Dependency {
            file: at.path.clone(),
            dependency: Dependency {
                package: Package {
                    name: f
                        .properties
                        .get("package")
                        .and_then(|v| v.as_str())
                        .unwrap_or(&f.title)
                        .to_owned(),
                },
                version: f
                    .properties
                    .get("version")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned(),
                direct: f
                    .properties
                    .get("direct")
                    .and_then(serde_json::Value::as_bool),
            },
        },
        Kind::Sast => GlLocation::Lines {
            file: at.path.clone(),
            start_line: at.start_line.max(1),
            end_line: at.end_line.max(at.start_line).max(1),
            commit: None,
        },
        Kind::Secrets => GlLocation::Lines {
            file: at.path.clone(),
            start_line: at.start_line.max(1),
            end_line: at.end_line.max(at.start_line).max(1),
            commit: Some(commit),
        },
    };

    Vulnerability {
        id: vulnerability_id(f, at),
        category: kind.report_type(),
        name: limit(&f.title, MAX_NAME),
        message,
        description: limit(&description, MAX_DESCRIPTION),
        severity: severity(f.severity),
        confidence: confidence(f.confidence),
        solution: limit(solution, MAX_SOLUTION),
        scanner: ScannerRef {
            id: scanner_id,
            name: scanner_name,
        },
        location,
        identifiers,
        links,
    }
}

/// A stable UUID-shaped id for one place of one finding: the same finding at the same
/// place gets the same id in every run. Derived from the fingerprint, never from the secret.
fn vulnerability_id(f: &Finding, at: &Location) -> String {
    let key = format!(
        "palisade-gitlab-v1\0{}\0{}\0{}\0{}\0{}",
        f.fingerprint,
        at.path,
        at.start_line,
        at.start_column,
        at.commit.as_ref().map_or("", |c| c.id.as_str())
    );
    let h: Vec<char> = sha256_hex(key.as_bytes()).chars().take(32).collect();
    let mut hex: String = h.into_iter().collect();
    // Version 8 (custom) and the RFC 4122 variant, so it parses as a UUID.
    hex.replace_range(12..13, "8");
    let variant = u8::from_str_radix(&hex[16..17], 16).unwrap_or(0) & 0x3 | 0x8;
    hex.replace_range(16..17, &format!("{variant:x}"));
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn scan_message(d: &Diagnostic) -> ScanMessage {
    let level = match d.level {
        DiagnosticLevel::Error if d.code == "scanner-failed" => "fatal",
        DiagnosticLevel::Error | DiagnosticLevel::Warning => "warn",
        DiagnosticLevel::Note => "info",
    };
    let at = match (&d.path, d.line) {
        (Some(p), Some(l)) => format!("{p}:{l}: "),
        (Some(p), None) => format!("{p}: "),
        _ => String::new(),
    };
    ScanMessage {
        level,
        value: format!("{}: {at}{}", d.code, d.message),
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Info",
    }
}

fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "High",
        Confidence::Medium => "Medium",
        Confidence::Low => "Low",
    }
}

/// At most `max` characters (the schema's `maxLength`), `…` included.
fn limit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        truncate_chars(s, max.saturating_sub(1))
    }
}

/// `start_time` and `end_time` in the schema's `yyyy-mm-ddThh:mm:ss` form (UTC), from the
/// report's `started_at` and `duration_ms`. A report without a start time gets the Unix
/// epoch: the writer never reads the clock.
fn scan_times(report: &Report) -> (String, String) {
    let start = report
        .started_at
        .as_deref()
        .and_then(parse_utc)
        .unwrap_or(0);
    let secs = report
        .duration_ms
        .map_or(0, |ms| i64::try_from(ms.div_ceil(1000)).unwrap_or(0));
    (plain_utc(start), plain_utc(start.saturating_add(secs)))
}

fn plain_utc(secs: i64) -> String {
    let mut s = rfc3339_utc(secs);
    s.pop(); // the `Z`
    s
}

/// Seconds since the Unix epoch of an RFC 3339 UTC time (`2024-05-01T12:00:00Z`, with an
/// optional fraction, `Z` or `+00:00`).
fn parse_utc(s: &str) -> Option<i64> {
    let date = Date::parse(s.get(..10)?)?;
    let time = s.get(10..19)?;
    let rest = s.get(19..)?;
    let mut t = time.strip_prefix('T')?.split(':');
    let (h, m, sec): (i64, i64, i64) = (
        t.next()?.parse().ok()?,
        t.next()?.parse().ok()?,
        t.next()?.parse().ok()?,
    );
    let zone = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    if !matches!(zone, "Z" | "z" | "+00:00") || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(date) * 86_400 + h * 3600 + m * 60 + sec)
}

// Howard Hinnant's days-from-civil algorithm (the inverse of `Date::from_unix`).
fn days_from_civil(d: Date) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_round_trip() {
        for secs in [0, 951_782_400, 1_700_000_000, 1_714_564_800] {
            let s = rfc3339_utc(secs);
            assert_eq!(parse_utc(&s), Some(secs), "{s}");
        }
        assert_eq!(parse_utc("2024-05-01T12:00:00.123Z"), Some(1_714_564_800));
        assert_eq!(parse_utc("2024-05-01T12:00:00+00:00"), Some(1_714_564_800));
        assert_eq!(parse_utc("2024-05-01T12:00:00+02:00"), None);
        assert_eq!(parse_utc("2024-05-01"), None);
        assert_eq!(plain_utc(1_714_564_800), "2024-05-01T12:00:00");
    }

    #[test]
    fn limits_count_characters() {
        assert_eq!(limit("abc", 3), "abc");
        assert_eq!(limit("abcd", 3), "ab…");
        assert_eq!(limit("ééééé", 4).chars().count(), 4);
    }
}
