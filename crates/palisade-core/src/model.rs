//! The finding and rule model shared by every scanner and writer.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How bad a finding is if it is real. Ordered: `Info < Low < Medium < High < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational; never fails a gate unless asked to.
    Info,
    /// Low impact.
    Low,
    /// Medium impact.
    Medium,
    /// High impact.
    High,
    /// Critical impact: broad access or direct compromise.
    Critical,
}

impl Severity {
    /// All severities from most to least severe.
    pub const ALL_DESCENDING: [Self; 5] = [
        Self::Critical,
        Self::High,
        Self::Medium,
        Self::Low,
        Self::Info,
    ];

    /// The lowercase name used in configs, JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Ok(Self::Info),
            "low" => Ok(Self::Low),
            "medium" => Ok(Self::Medium),
            "high" => Ok(Self::High),
            "critical" => Ok(Self::Critical),
            other => Err(format!(
                "unknown severity `{other}` (expected critical, high, medium, low or info)"
            )),
        }
    }
}

/// How sure a rule is that a match is a true positive. Separate from severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Heuristic; expect false positives.
    Low,
    /// Context-dependent format.
    Medium,
    /// Self-identifying format or validated (checksum, structure).
    High,
}

impl Confidence {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The scanner family a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Hard-coded credentials.
    Secrets,
    /// Static analysis of source code.
    Sast,
    /// Vulnerable dependencies.
    Sca,
    /// Infrastructure-as-code misconfiguration.
    Iac,
    /// CI pipeline misconfiguration.
    Pipeline,
    /// Container image issues.
    Image,
    /// Dynamic testing of a running application.
    Dast,
    /// License compliance.
    License,
    /// Policy decisions.
    Policy,
}

impl Category {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Secrets => "secrets",
            Self::Sast => "sast",
            Self::Sca => "sca",
            Self::Iac => "iac",
            Self::Pipeline => "pipeline",
            Self::Image => "image",
            Self::Dast => "dast",
            Self::License => "license",
            Self::Policy => "policy",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A CWE identifier, written `CWE-798`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cwe(pub u32);

impl fmt::Display for Cwe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CWE-{}", self.0)
    }
}

impl FromStr for Cwe {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.strip_prefix("CWE-")
            .and_then(|n| n.parse::<u32>().ok())
            .map(Cwe)
            .ok_or_else(|| format!("invalid CWE `{s}` (expected the form CWE-798)"))
    }
}

impl Serialize for Cwe {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Cwe {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Metadata every rule carries, whatever scanner it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleMeta {
    /// Stable kebab-case id, unique across palisade.
    pub id: String,
    /// One-line title.
    pub title: String,
    /// Scanner family.
    pub category: Category,
    /// Default severity.
    pub severity: Severity,
    /// Default confidence.
    pub confidence: Confidence,
    /// CWE identifiers.
    pub cwe: Vec<Cwe>,
    /// Free tags (provider, kind).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Reference URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// Markdown: what the rule detects and why it matters.
    pub description: String,
    /// Markdown: how to fix it.
    pub remediation: String,
}

impl RuleMeta {
    /// Build rule metadata; `tags` and `references` start empty.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        category: Category,
        severity: Severity,
        confidence: Confidence,
        cwe: Vec<Cwe>,
        description: impl Into<String>,
        remediation: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            category,
            severity,
            confidence,
            cwe,
            tags: Vec::new(),
            references: Vec::new(),
            description: description.into(),
            remediation: remediation.into(),
        }
    }

    /// The documentation URL of a rule, derived from its id, at the tag of this release
    /// (`.../blob/v0.1.0/docs/rules/<id>.md`), so a report links to the page that describes
    /// the rule as this version applied it, not to whatever `main` says later.
    pub fn help_uri(id: &str) -> String {
        format!(
            "https://github.com/palisade-dev/palisade/blob/v{}/docs/rules/{id}.md",
            env!("CARGO_PKG_VERSION")
        )
    }
}

/// Git provenance of a finding found in history: where the content was first introduced.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CommitInfo {
    /// Full commit id (hex).
    pub id: String,
    /// Author name.
    pub author: String,
    /// Author e-mail.
    pub email: String,
    /// Author date, RFC 3339 in UTC.
    pub date: String,
    /// Commit time as seconds since the Unix epoch (for ordering).
    pub time: i64,
}

/// Where a finding is. Paths are relative to the scanned root, with `/` separators.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// Path relative to the scanned root.
    pub path: String,
    /// 1-based first line.
    pub start_line: u32,
    /// 1-based first column, in Unicode code points.
    pub start_column: u32,
    /// 1-based last line.
    pub end_line: u32,
    /// 1-based column one past the end, in Unicode code points.
    pub end_column: u32,
    /// Commit that introduced the content (git-history mode only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<CommitInfo>,
}

/// One step of a data-flow path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowStep {
    /// Path relative to the scanned root.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in Unicode code points.
    pub column: u32,
    /// What happens there (`source: request.args`, `assigned to host`, `sink: ...`).
    pub message: String,
}

/// A redacted excerpt of the source line a finding is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// 1-based line number of `text`.
    pub line: u32,
    /// The line, with any secret redacted, trimmed to a bounded length.
    pub text: String,
    /// 1-based byte columns in `text` of the marked span, `[start, end)`.
    pub highlight: (u32, u32),
}

/// Why a finding does not count against the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionKind {
    /// `palisade:ignore[rule] reason` comment in the source.
    Inline,
    /// `[[suppress]]` entry in `palisade.toml`.
    Config,
    /// Present in the baseline file.
    Baseline,
    /// A VEX statement says the vulnerability does not affect the component (`not_affected`)
    /// or is fixed in it.
    Vex,
}

impl SuppressionKind {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inline => "inline",
            Self::Vex => "vex",
            Self::Config => "config",
            Self::Baseline => "baseline",
        }
    }
}

/// A suppression applied to a finding. Suppressed findings stay in every report, marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// Where the suppression came from.
    pub kind: SuppressionKind,
    /// Why it is suppressed (always present).
    pub reason: String,
    /// Who owns the decision (config suppressions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Expiry date `YYYY-MM-DD` (config suppressions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// One problem found by a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id.
    pub rule_id: String,
    /// The scanner that produced it (`secrets`, `sca`, ...).
    #[serde(default)]
    pub scanner: String,
    /// Rule title.
    pub title: String,
    /// Scanner family.
    pub category: Category,
    /// Severity.
    pub severity: Severity,
    /// Confidence.
    pub confidence: Confidence,
    /// CWE identifiers.
    pub cwe: Vec<Cwe>,
    /// Human-readable message for this occurrence (never contains a secret in clear).
    pub message: String,
    /// Primary location (the first occurrence in sort order).
    pub location: Location,
    /// Other places where the same finding identity occurs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<Location>,
    /// Redacted source excerpt of the primary location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
    /// Taint findings: the path the data takes, source first, the finding's location last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flow: Vec<FlowStep>,
    /// Content-based identity that survives line moves; stable across scan modes.
    pub fingerprint: String,
    /// Free properties (for secrets: `secret_prefix`, `secret_sha256`, `validated`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, serde_json::Value>,
    /// Present when the finding is suppressed or baselined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
}

impl Finding {
    /// A finding of `rule` at `location`, with the rule's title, category, severity,
    /// confidence and CWEs; no snippet, properties, related locations or suppression yet.
    pub fn new(rule: &RuleMeta, message: String, location: Location, fingerprint: String) -> Self {
        Self {
            rule_id: rule.id.clone(),
            scanner: String::new(),
            title: rule.title.clone(),
            category: rule.category,
            severity: rule.severity,
            confidence: rule.confidence,
            cwe: rule.cwe.clone(),
            message,
            location,
            related_locations: Vec::new(),
            snippet: None,
            flow: Vec::new(),
            fingerprint,
            properties: BTreeMap::new(),
            suppression: None,
        }
    }

    /// True when the finding counts against the gate.
    pub fn is_active(&self) -> bool {
        self.suppression.is_none()
    }

    /// The deterministic sort key: path, line, column, rule, fingerprint.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (
            &self.location.path,
            self.location.start_line,
            self.location.start_column,
            &self.rule_id,
            &self.fingerprint,
        )
    }
}

/// Sort findings deterministically.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}
