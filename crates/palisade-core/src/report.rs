//! The versioned report document every writer renders.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::discovery::Skipped;
use crate::model::{Finding, RuleMeta, Severity};

/// Version of the JSON report schema (`docs/report-format.md`). Bump the minor version for
/// added fields, the major version for changed or removed ones.
pub const SCHEMA_VERSION: &str = "1.6.0";

/// The tool that wrote the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolInfo {
    /// `palisade`.
    pub name: String,
    /// Version.
    pub version: String,
}

/// What was scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScanMode {
    /// The working tree of a directory.
    Directory,
    /// The staged content of a git repository.
    Staged,
    /// Every blob reachable from every ref.
    GitHistory,
}

impl ScanMode {
    /// Kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Directory => "directory",
            Self::Staged => "staged",
            Self::GitHistory => "git-history",
        }
    }
}

/// The scan target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The project root, as reached from the directory palisade ran in (`.` when it ran
    /// there). Finding paths are relative to it.
    pub path: String,
    /// The scanned paths, relative to the project root (`.` for the whole project).
    #[serde(default)]
    pub paths: Vec<String>,
    /// Mode.
    pub mode: ScanMode,
}

/// Did a scanner run to completion?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScannerStatus {
    /// Completed (possibly with diagnostics).
    Ok,
    /// Failed; results are incomplete and the gate fails closed.
    Failed,
}

/// One scanner's run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScannerRun {
    /// Scanner name.
    pub name: String,
    /// Status.
    pub status: ScannerStatus,
    /// Enabled rules.
    pub rules: usize,
    /// Findings reported (after merging, including suppressed).
    pub findings: usize,
    /// Error message when failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Wall time in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// The advisory database it used and how fresh it is (SCA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<DatabaseInfo>,
}

/// Which advisories a scan matched against, and how old they were.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DatabaseInfo {
    /// The database file, when one was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// When its oldest source was imported (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    /// Days since then, at scan time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_days: Option<u64>,
    /// Sources in it (OSV ecosystems, `KEV`) with their advisory counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<(String, u64)>,
    /// Local advisory folders merged in (`[sca] advisories`), as configured.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_advisories: Vec<String>,
}

/// Which files were and were not scanned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Files found by discovery (before scanner-level skips).
    pub files_discovered: u64,
    /// Files scanned.
    pub files_scanned: u64,
    /// Bytes scanned.
    pub bytes_scanned: u64,
    /// Files skipped and why.
    pub skipped: Vec<Skipped>,
    /// Entries left out by ignore files, per kind of ignore file (directory scans).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<crate::discovery::IgnoredCount>,
    /// The git history walked (`--git-history` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub git: Option<GitCoverage>,
}

/// How much git history a `--git-history` scan saw.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GitCoverage {
    /// The repository is a shallow clone: commits past its shallow boundary are not in it
    /// and were not scanned.
    pub shallow: bool,
    /// Commits walked: every commit reachable from any ref, down to the shallow boundary
    /// (with a range, the commits in it).
    pub commits: u64,
    /// The commit range walked (`--since`, `--commits`), as full ids `START..END` (`..END`
    /// for everything up to END); absent for the whole history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<String>,
}

impl GitCoverage {
    /// Both walks together (two scanners over the same history): shallow if either was.
    #[must_use]
    pub fn merge(self, other: Self) -> Self {
        Self {
            shallow: self.shallow || other.shallow,
            commits: self.commits.max(other.commits),
            range: self.range.or(other.range),
        }
    }
}

/// Counts of findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// All findings.
    pub total: usize,
    /// Not suppressed.
    pub active: usize,
    /// Suppressed or baselined.
    pub suppressed: usize,
    /// Active findings per severity.
    pub by_severity: BTreeMap<Severity, usize>,
}

/// The gate outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GateStatus {
    /// No active finding at or above the threshold, and every scanner completed.
    Passed,
    /// Active findings at or above the threshold.
    Failed,
    /// A scanner failed (fail closed).
    Error,
}

/// The gate decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    /// Threshold.
    pub fail_on: Severity,
    /// Outcome.
    pub status: GateStatus,
    /// Why it failed (empty when passed).
    pub reasons: Vec<String>,
    /// Every policy file the gate evaluated, with its SHA-256 (`builtin:gate.rego` for the
    /// built-in policy), so the record shows exactly which rules decided.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<PolicyDigest>,
}

/// A policy file and the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PolicyDigest {
    /// Path as given (`builtin:<name>` for built-in policies).
    pub path: String,
    /// Hex SHA-256.
    pub sha256: String,
}

impl Gate {
    /// True when `finding` counts against this gate: unsuppressed and at or above
    /// `fail_on`. Writers that mark findings as failing (JUnit) ask this, so they agree
    /// with the gate's decision.
    pub fn blocks(&self, finding: &Finding) -> bool {
        finding.is_active()
            && finding.severity >= self.fail_on
            && finding
                .properties
                .get("policy_effect")
                .and_then(|v| v.as_str())
                != Some("warn")
    }

    /// The documented exit code: 0 passed, 1 failed, 3 scanner error.
    pub fn exit_code(&self) -> u8 {
        match self.status {
            GateStatus::Passed => 0,
            GateStatus::Failed => 1,
            GateStatus::Error => 3,
        }
    }
}

/// The report: one JSON document per scan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Report schema version.
    pub schema_version: String,
    /// Tool.
    pub tool: ToolInfo,
    /// Target.
    pub target: Target,
    /// Start time (RFC 3339 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    /// Total wall time in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// Scanners run.
    pub scanners: Vec<ScannerRun>,
    /// Metadata of every rule referenced by a finding, sorted by id.
    pub rules: Vec<RuleMeta>,
    /// Findings, sorted; suppressed ones included and marked.
    pub findings: Vec<Finding>,
    /// Diagnostics, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Coverage.
    pub coverage: Coverage,
    /// Counts.
    pub summary: Summary,
    /// Gate decision.
    pub gate: Gate,
}

impl Report {
    /// A copy whose paths are reached from the directory palisade runs in, so the terminal
    /// shows paths the user can open from there. `cwd` is that directory relative to the
    /// project root (`svc/api`, `.` for the root) when it is inside the project; otherwise
    /// `base` (the project root as seen from there) is put in front of each path. JSON, SARIF
    /// and the CI formats keep project-relative paths.
    #[must_use]
    pub fn rebased(&self, cwd: Option<&str>, base: &str) -> Self {
        let mut out = self.clone();
        let here: Vec<&str> = match cwd {
            Some(c) => c
                .split('/')
                .filter(|s| !s.is_empty() && *s != ".")
                .collect(),
            None if base.is_empty() || base == "." => return out,
            None => Vec::new(),
        };
        let join = |p: &mut String| {
            if p.starts_with('/') {
                return;
            }
            let parts: Vec<&str> = p
                .split('/')
                .filter(|s| !s.is_empty() && *s != ".")
                .collect();
            let mut shown: Vec<&str> = Vec::new();
            if cwd.is_some() {
                let shared = here.iter().zip(&parts).take_while(|(a, b)| a == b).count();
                shown.extend(std::iter::repeat_n("..", here.len() - shared));
                shown.extend(&parts[shared..]);
            } else {
                shown.push(base.trim_end_matches('/'));
                shown.extend(&parts);
            }
            *p = if shown.is_empty() {
                ".".to_owned()
            } else {
                shown.join("/")
            };
        };
        for f in &mut out.findings {
            join(&mut f.location.path);
            for l in &mut f.related_locations {
                join(&mut l.path);
            }
            for st in &mut f.flow {
                join(&mut st.path);
            }
        }
        for d in &mut out.diagnostics {
            if let Some(p) = &mut d.path {
                join(p);
            }
        }
        for s in &mut out.coverage.skipped {
            let dir = s.path.ends_with('/');
            join(&mut s.path);
            if dir && !s.path.ends_with('/') {
                s.path.push('/');
            }
        }
        out
    }

    /// Sort findings and diagnostics, keep only referenced rules, compute the summary and
    /// the gate decision.
    pub fn finalize(&mut self, fail_on: Severity) {
        crate::model::sort_findings(&mut self.findings);
        self.diagnostics.sort();
        self.diagnostics.dedup();
        self.coverage.skipped.sort();
        self.coverage.skipped.dedup();
        let used: std::collections::BTreeSet<&str> =
            self.findings.iter().map(|f| f.rule_id.as_str()).collect();
        self.rules.retain(|r| used.contains(r.id.as_str()));
        self.rules.sort_by(|a, b| a.id.cmp(&b.id));
        self.rules.dedup_by(|a, b| a.id == b.id);

        let mut summary = Summary {
            total: self.findings.len(),
            ..Summary::default()
        };
        for f in &self.findings {
            if f.is_active() {
                summary.active += 1;
                *summary.by_severity.entry(f.severity).or_default() += 1;
            } else {
                summary.suppressed += 1;
            }
        }
        self.summary = summary;

        let mut reasons = Vec::new();
        let failed: Vec<&ScannerRun> = self
            .scanners
            .iter()
            .filter(|s| s.status == ScannerStatus::Failed)
            .collect();
        for s in &failed {
            reasons.push(format!(
                "scanner `{}` failed: {}",
                s.name,
                s.error.as_deref().unwrap_or("unknown error")
            ));
        }
        let blocking: usize = self
            .summary
            .by_severity
            .iter()
            .filter(|(sev, _)| **sev >= fail_on)
            .map(|(_, n)| *n)
            .sum();
        if blocking > 0 {
            reasons.push(format!(
                "{blocking} unsuppressed finding{} at or above severity {fail_on}",
                if blocking == 1 { "" } else { "s" }
            ));
        }
        let status = if !failed.is_empty() {
            GateStatus::Error
        } else if blocking > 0 {
            GateStatus::Failed
        } else {
            GateStatus::Passed
        };
        self.gate = Gate {
            fail_on,
            status,
            reasons,
            policies: Vec::new(),
        };
    }
}
