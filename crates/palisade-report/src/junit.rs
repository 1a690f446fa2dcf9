//! JUnit XML: one `<testsuite>` per scanner, one `<testcase>` per finding, so a CI
//! test-report view (GitLab's test widget, Jenkins, Azure Pipelines, GitHub test reporters)
//! agrees with the gate and the job's status.
//!
//! - each finding is a test case: `name` = `severity rule-id at path:line:col`, `classname`
//!   = `category.rule-id`, and `file` and `line` attributes for views that link to code;
//! - a finding that fails the gate (unsuppressed, at or above `fail_on`) holds a
//!   `<failure>` (`message` = `path:line: message`, `type` = severity, body = details);
//! - a suppressed finding holds `<skipped message="suppressed (source): reason"/>`;
//! - an unsuppressed finding below the gate threshold passes; its details are in the test
//!   case's `<system-out>`, which says why it passes;
//! - a failed scanner gets a `scanner-failed` test case holding an `<error>`;
//! - a scanner that completed with no findings gets one passing test case, `no findings`.
//!
//! `tests`, `failures`, `errors` and `skipped` count test cases (so `tests - failures -
//! errors - skipped` passed): `failures` is the number of findings that fail the gate. Each
//! suite's `<properties>` also gives the finding counts and the threshold. Diagnostics go to
//! the suite's `<system-err>`.

use std::fmt::Write as _;
use std::io::Write;

use palisade_core::report::Gate;
use palisade_core::{Finding, Location, Report, RuleMeta};

use crate::group::{self, Group};

/// Related locations listed in a failure's body before counting the rest.
const MAX_RELATED_IN_BODY: usize = 20;

#[derive(Default)]
struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Counts {
    fn add(&mut self, o: &Self) {
        self.tests += o.tests;
        self.failures += o.failures;
        self.errors += o.errors;
        self.skipped += o.skipped;
    }

    fn attrs(&self) -> String {
        format!(
            "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"",
            self.tests, self.failures, self.errors, self.skipped
        )
    }
}

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let mut total = Counts::default();
    let mut suites = String::new();
    for g in group::groups(report) {
        let (body, counts) = suite(&g, &report.gate);
        total.add(&counts);
        suites.push_str(&body);
    }
    let mut doc = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(doc, "<testsuites name=\"palisade\" {}>", total.attrs());
    doc.push_str(&suites);
    doc.push_str("</testsuites>\n");
    out.write_all(doc.as_bytes())
}

fn suite(g: &Group<'_>, gate: &Gate) -> (String, Counts) {
    let mut counts = Counts::default();
    let mut cases = String::new();

    if let Some(err) = g.error() {
        counts.tests += 1;
        counts.errors += 1;
        let _ = writeln!(
            cases,
            "    <testcase name=\"scanner-failed\" classname=\"{}\">\n      <error message=\"{}\" \
             type=\"scanner-failed\"/>\n    </testcase>",
            attr(g.name),
            attr(&format!(
                "scanner `{}` failed, results are incomplete: {err}",
                g.name
            )),
        );
    }

    // One test case per finding, in report order.
    for f in &g.findings {
        counts.tests += 1;
        let l = &f.location;
        let _ = writeln!(
            cases,
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\">",
            attr(&format!(
                "{} {} at {}:{}:{}",
                f.severity.as_str(),
                f.rule_id,
                l.path,
                l.start_line,
                l.start_column
            )),
            attr(&format!("{}.{}", f.category.as_str(), f.rule_id)),
            attr(&l.path),
            l.start_line,
        );
        if let Some(sup) = &f.suppression {
            counts.skipped += 1;
            let _ = writeln!(
                cases,
                "      <skipped message=\"{}\"/>",
                attr(&format!(
                    "suppressed ({}): {}",
                    sup.kind.as_str(),
                    sup.reason
                )),
            );
        } else if gate.blocks(f) {
            counts.failures += 1;
            let _ = writeln!(
                cases,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                attr(&format!("{}:{}: {}", l.path, l.start_line, f.message)),
                f.severity.as_str(),
                text(&details(f)),
            );
        } else {
            let _ = writeln!(
                cases,
                "      <system-out>{}</system-out>",
                text(&format!(
                    "passes the gate: severity {} is below fail-on {}\n{}",
                    f.severity.as_str(),
                    gate.fail_on,
                    details(f)
                )),
            );
        }
        cases.push_str("    </testcase>\n");
    }

    if g.findings.is_empty() && !g.failed() {
        counts.tests += 1;
        let _ = writeln!(
            cases,
            "    <testcase name=\"no findings\" classname=\"{}\"/>",
            attr(g.name)
        );
    }

    let active = g.findings.iter().filter(|f| f.is_active()).count();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "  <testsuite name=\"{}\" {}>",
        attr(g.name),
        counts.attrs()
    );
    s.push_str("    <properties>\n");
    let status = if g.failed() { "failed" } else { "ok" };
    for (name, value) in [
        ("status", status.to_owned()),
        ("findings", g.findings.len().to_string()),
        ("active", active.to_string()),
        ("suppressed", (g.findings.len() - active).to_string()),
        ("fail-on", gate.fail_on.to_string()),
    ] {
        let _ = writeln!(
            s,
            "      <property name=\"{name}\" value=\"{}\"/>",
            attr(&value)
        );
    }
    s.push_str("    </properties>\n");
    s.push_str(&cases);
    if !g.diagnostics.is_empty() {
        let lines: Vec<String> = g.diagnostics.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            s,
            "    <system-err>{}</system-err>",
            text(&lines.join("\n"))
        );
    }
    s.push_str("  </testsuite>\n");
    (s, counts)
}

fn details(f: &Finding) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "{}", f.title);
    let mut meta = format!(
        "severity: {}, confidence: {}",
        f.severity.as_str(),
        f.confidence.as_str()
    );
    for c in &f.cwe {
        let _ = write!(meta, ", {c}");
    }
    let _ = writeln!(b, "{meta}");
    let _ = writeln!(b, "at {}", loc(&f.location));
    if !f.related_locations.is_empty() {
        let shown: Vec<String> = f
            .related_locations
            .iter()
            .take(MAX_RELATED_IN_BODY)
            .map(loc)
            .collect();
        let more = f.related_locations.len() - shown.len();
        let _ = write!(b, "also in: {}", shown.join(", "));
        if more > 0 {
            let _ = write!(b, " (+{more} more)");
        }
        b.push('\n');
    }
    if let Some(c) = &f.location.commit {
        let _ = writeln!(
            b,
            "introduced in {} by {} <{}> on {}",
            c.id, c.author, c.email, c.date
        );
    }
    let _ = writeln!(b, "fingerprint: {}", f.fingerprint);
    let _ = write!(b, "help: {}", RuleMeta::help_uri(&f.rule_id));
    b
}

fn loc(l: &Location) -> String {
    format!("{}:{}:{}", l.path, l.start_line, l.start_column)
}

/// Escape for an attribute value: markup characters, and whitespace that attribute
/// normalisation would otherwise fold.
pub(crate) fn attr(s: &str) -> String {
    escape(s, true)
}

/// Escape for element text.
pub(crate) fn text(s: &str) -> String {
    escape(s, false)
}

/// XML 1.0 escaping. Characters XML 1.0 cannot hold at all (C0 controls other than tab,
/// newline and carriage return, U+FFFE, U+FFFF) are written as a visible `\u{..}` escape.
fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\'' if in_attr => out.push_str("&apos;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{attr, text};

    #[test]
    fn escapes_markup_and_invalid_characters() {
        assert_eq!(
            attr("a<b>&\"c\"'d'\n\te\r"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;&#9;e&#13;"
        );
        assert_eq!(
            text("x\u{1b}[31m\u{0}y\n\"q\""),
            "x\\u{1b}[31m\\u{0}y\n\"q\""
        );
        assert_eq!(text("\u{FFFF}ok"), "\\u{ffff}ok");
        assert_eq!(text("é…✓"), "é…✓");
    }
}
