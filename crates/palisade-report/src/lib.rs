//! palisade's report writers.
//!
//! Every writer renders a finished [`palisade_core::Report`] and nothing else: no writer
//! reads files, the clock or the environment, so the same report always gives the same
//! bytes. Secrets are redacted upstream (in the scanners); writers only escape what they
//! print for the format at hand.
//!
//! | format | module | contract |
//! |---|---|---|
//! | [`Format::Terminal`] | `terminal` | rustc/ruff-style text for people |
//! | [`Format::Concise`] | `concise` | one line per finding, `path:line:col: severity rule message` |
//! | [`Format::Json`] | `json` | the report document itself (`report.schema.json`) |
//! | [`Format::Sarif`] | `sarif` | SARIF 2.1.0, one run per scanner |
//! | [`Format::Junit`] | `junit` | JUnit XML, one test case per finding |
//! | [`Format::Github`] | `github` | GitHub Actions workflow commands (annotations) |
//! | [`Format::Gitlab`] | `gitlab` | GitLab secret-detection report (`gl-secret-detection-report.json`) |
//! | [`Format::GitlabSast`] | `gitlab-sast` | GitLab SAST report for SAST, IaC, pipeline and policy findings (`gl-sast-report.json`) |
//! | [`Format::GitlabDependencyScanning`] | `gitlab-dependency-scanning` | GitLab dependency-scanning report (`gl-dependency-scanning-report.json`) |
#![warn(missing_docs)]

use std::io::Write;

use palisade_core::Report;

mod concise;
mod github;
mod gitlab;
mod group;
mod json;
mod junit;
mod sarif;
mod terminal;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human-readable text grouped by severity (the default).
    Terminal,
    /// One line per finding: `path:line:col: severity rule-id message`.
    Concise,
    /// The report document as pretty-printed JSON.
    Json,
    /// SARIF 2.1.0 for code scanning UIs and CI systems.
    Sarif,
    /// JUnit XML for CI test-report views.
    Junit,
    /// GitHub Actions workflow commands: one `::error file=...::` annotation per finding.
    Github,
    /// GitLab's secret-detection security report (JSON).
    Gitlab,
    /// GitLab's SAST security report (JSON): SAST, IaC, pipeline and policy findings.
    GitlabSast,
    /// GitLab's dependency-scanning security report (JSON): SCA and licence findings.
    GitlabDependencyScanning,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Self; 9] = [
        Self::Terminal,
        Self::Concise,
        Self::Json,
        Self::Sarif,
        Self::Junit,
        Self::Github,
        Self::Gitlab,
        Self::GitlabSast,
        Self::GitlabDependencyScanning,
    ];

    /// The lowercase name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Terminal => "terminal",
            Self::Concise => "concise",
            Self::Json => "json",
            Self::Sarif => "sarif",
            Self::Junit => "junit",
            Self::Github => "github",
            Self::Gitlab => "gitlab",
            Self::GitlabSast => "gitlab-sast",
            Self::GitlabDependencyScanning => "gitlab-dependency-scanning",
        }
    }

    /// Parse a name as written by [`Format::as_str`] (ASCII case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Options for [`write()`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// Use ANSI colours (terminal format only; other formats ignore it).
    pub color: bool,
    /// Related locations listed per finding in terminal output; the rest are counted.
    pub max_related: usize,
    /// Terminal and concise only: also list suppressed findings (with the reason).
    pub show_suppressed: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        Self {
            color: false,
            max_related: 3,
            show_suppressed: false,
        }
    }
}

/// Render `report` in `format` to `out`.
///
/// The output is deterministic: it holds no timestamps, durations or absolute paths
/// beyond what the report itself carries (the JSON format keeps the report's
/// `started_at` and `duration_ms`; the GitLab format derives the start and end times its
/// schema requires from them).
pub fn write(
    report: &Report,
    format: Format,
    opts: &WriteOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Terminal => terminal::write(report, opts, out),
        Format::Concise => concise::write(report, opts, out),
        Format::Json => json::write(report, out),
        Format::Sarif => sarif::write(report, out),
        Format::Junit => junit::write(report, out),
        Format::Github => github::write(report, out),
        Format::Gitlab => gitlab::write(report, gitlab::Kind::Secrets, out),
        Format::GitlabSast => gitlab::write(report, gitlab::Kind::Sast, out),
        Format::GitlabDependencyScanning => gitlab::write(report, gitlab::Kind::Dependencies, out),
    }
}

/// Write only the terminal summary line (`✗ 3 findings (...) · ... · gate failed: ...`),
/// for the CLI to print on stderr when the report itself goes to a file.
pub fn write_summary(
    report: &Report,
    opts: &WriteOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    terminal::write_summary(report, opts, out)
}
