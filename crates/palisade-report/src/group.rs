//! Which scanner run a finding or diagnostic belongs to.
//!
//! The core model records the scanners that ran (`Report::scanners`) but a `Finding` or a
//! `Diagnostic` does not name its scanner. Writers that split output per scanner (SARIF
//! runs, JUnit suites) attribute them here, in one place:
//!
//! - a finding goes to the scanner it names (`Finding::scanner`), else to the scanner whose
//!   name equals its category (`secrets`, `sast`, ...), then to `sca` for `license`
//!   findings, and otherwise to the first scanner;
//! - a `scanner-failed` diagnostic goes to the scanner it names in backticks; every other
//!   diagnostic goes to the first scanner.
//!
//! Nothing is dropped: with no scanners at all, one synthetic group named `palisade`
//! holds everything.

use palisade_core::report::{ScannerRun, ScannerStatus};
use palisade_core::{Category, Diagnostic, Finding, Report};

/// One scanner's share of a report.
pub(crate) struct Group<'a> {
    /// Scanner name.
    pub(crate) name: &'a str,
    /// The scanner run, `None` for the synthetic group of a report without scanners.
    pub(crate) run: Option<&'a ScannerRun>,
    /// Findings in report order.
    pub(crate) findings: Vec<&'a Finding>,
    /// Diagnostics in report order.
    pub(crate) diagnostics: Vec<&'a Diagnostic>,
}

impl Group<'_> {
    /// True when the scanner did not run to completion.
    pub(crate) fn failed(&self) -> bool {
        self.run.is_some_and(|r| r.status == ScannerStatus::Failed)
    }

    /// The scanner's error message, when it failed.
    pub(crate) fn error(&self) -> Option<&str> {
        self.run
            .filter(|r| r.status == ScannerStatus::Failed)
            .map(|r| r.error.as_deref().unwrap_or("unknown error"))
    }

    /// True when a `scanner-failed` diagnostic about this scanner is attached.
    pub(crate) fn has_failure_diagnostic(&self) -> bool {
        self.diagnostics.iter().any(|d| d.code == SCANNER_FAILED)
    }
}

const SCANNER_FAILED: &str = "scanner-failed";

/// Split `report` into one group per scanner, in `report.scanners` order.
pub(crate) fn groups(report: &Report) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = report
        .scanners
        .iter()
        .map(|run| Group {
            name: &run.name,
            run: Some(run),
            findings: Vec::new(),
            diagnostics: Vec::new(),
        })
        .collect();
    if groups.is_empty() {
        groups.push(Group {
            name: "palisade",
            run: None,
            findings: Vec::new(),
            diagnostics: Vec::new(),
        });
    }
    for f in &report.findings {
        let i = finding_owner(&groups, f);
        if let Some(g) = groups.get_mut(i) {
            g.findings.push(f);
        }
    }
    for d in &report.diagnostics {
        let i = diagnostic_owner(&groups, d);
        if let Some(g) = groups.get_mut(i) {
            g.diagnostics.push(d);
        }
    }
    groups
}

fn finding_owner(groups: &[Group<'_>], f: &Finding) -> usize {
    let by_name = |name: &str| groups.iter().position(|g| g.name == name);
    by_name(&f.scanner)
        .or_else(|| by_name(f.category.as_str()))
        .or_else(|| match f.category {
            Category::License => by_name(Category::Sca.as_str()),
            _ => None,
        })
        .unwrap_or(0)
}

fn diagnostic_owner(groups: &[Group<'_>], d: &Diagnostic) -> usize {
    if d.code != SCANNER_FAILED {
        return 0;
    }
    groups
        .iter()
        .position(|g| d.message.contains(&format!("`{}`", g.name)))
        .unwrap_or(0)
}
