//! The terminal format: what a person sees by default, in the style of rustc and ruff.
//!
//! Active findings grouped by severity (critical first, report order within a severity),
//! each with its location, the redacted source line with carets under the match, related
//! locations, git provenance and a pointer to `palisade explain`; then suppressed findings
//! (only with `show_suppressed`), diagnostics, and one summary line.
//!
//! Everything taken from the report is sanitised before it reaches the terminal: control
//! characters (an ANSI escape planted in a scanned file, say) and bidirectional overrides
//! are shown as `\u{..}` escapes. Colour is hand-written ANSI, used only with
//! `WriteOptions::color`; without it the output holds no escape sequences and no
//! non-ASCII characters beyond the report's own text and `…`, `✓` and `✗`.

use std::fmt::Write as _;
use std::io::Write;

use palisade_core::report::{GateStatus, ScannerStatus};
use palisade_core::{Diagnostic, DiagnosticLevel, Finding, Report, Severity, Snippet};

use crate::WriteOptions;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "1";
const DIM: &str = "2";
const GUTTER: &str = "1;34";
const RED: &str = "1;31";
const GREEN: &str = "1;32";
const YELLOW: &str = "1;33";
const CYAN: &str = "1;36";

/// Applies ANSI styles when colour is on; a no-op otherwise.
#[derive(Clone, Copy)]
struct Paint {
    color: bool,
}

impl Paint {
    fn style(self, code: &str, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("\x1b[{code}m{s}{RESET}")
        } else {
            s.to_owned()
        }
    }
}

pub(crate) fn write(
    report: &Report,
    opts: &WriteOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let paint = Paint { color: opts.color };
    let mut first: Option<&Finding> = None;
    for sev in Severity::ALL_DESCENDING {
        for f in report
            .findings
            .iter()
            .filter(|f| f.is_active() && f.severity == sev)
        {
            first.get_or_insert(f);
            let mut s = String::new();
            finding(&mut s, f, opts, paint);
            s.push('\n');
            out.write_all(s.as_bytes())?;
        }
    }
    if let Some(f) = first {
        let mut s = String::new();
        suppress_hint(&mut s, f, paint);
        out.write_all(s.as_bytes())?;
    }
    if opts.show_suppressed {
        for f in report.findings.iter().filter(|f| !f.is_active()) {
            let mut s = String::new();
            suppressed(&mut s, f, paint);
            s.push('\n');
            out.write_all(s.as_bytes())?;
        }
    }
    if !report.diagnostics.is_empty() {
        let mut s = String::new();
        // Errors in full; other levels at most DIAGNOSTICS_PER_CODE per code, so one noisy
        // code cannot bury the rest.
        let mut per_code: std::collections::BTreeMap<&str, usize> =
            std::collections::BTreeMap::new();
        for d in &report.diagnostics {
            let n = per_code.entry(d.code.as_str()).or_default();
            *n += 1;
            if d.level == DiagnosticLevel::Error || *n <= DIAGNOSTICS_PER_CODE {
                diagnostic(&mut s, d, paint);
            }
        }
        for (code, n) in &per_code {
            if *n > DIAGNOSTICS_PER_CODE {
                let hidden = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == *code && d.level != DiagnosticLevel::Error)
                    .count()
                    .saturating_sub(DIAGNOSTICS_PER_CODE);
                if hidden > 0 {
                    let _ = writeln!(
                        s,
                        "  ... and {hidden} more `{}` diagnostics (--format json lists them all)",
                        clean(code)
                    );
                }
            }
        }
        s.push('\n');
        out.write_all(s.as_bytes())?;
    }
    write_summary(report, opts, out)
}

pub(crate) fn write_summary(
    report: &Report,
    opts: &WriteOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut s = summary(report, Paint { color: opts.color });
    s.push('\n');
    out.write_all(s.as_bytes())
}

// ---------------------------------------------------------------------------------------

fn severity_style(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "1;97;41",
        Severity::High => RED,
        Severity::Medium => YELLOW,
        Severity::Low => "1;94",
        Severity::Info => DIM,
    }
}

/// Carets and labels: like the badge, but never on a background.
fn mark_style(s: Severity) -> &'static str {
    match s {
        Severity::Critical => RED,
        other => severity_style(other),
    }
}

fn finding(s: &mut String, f: &Finding, opts: &WriteOptions, p: Paint) {
    let badge = format!(" {} ", f.severity.as_str().to_ascii_uppercase());
    let _ = writeln!(
        s,
        "{} {}  {}",
        p.style(severity_style(f.severity), &badge),
        p.style(BOLD, &clean(&f.rule_id)),
        clean(&f.title)
    );
    let line_no = f
        .snippet
        .as_ref()
        .map_or(f.location.start_line, |sn| sn.line);
    let width = line_no.max(1).to_string().len();
    let arrow_pad = " ".repeat(width + 1);
    let pad = " ".repeat(width + 2);
    let _ = writeln!(
        s,
        "{}{} {}:{}:{}",
        arrow_pad,
        p.style(GUTTER, "-->"),
        clean(&f.location.path),
        f.location.start_line,
        f.location.start_column
    );
    let bar = p.style(GUTTER, "|");
    let eq = p.style(GUTTER, "=");
    match &f.snippet {
        Some(sn) => {
            let (line, prefix, marked) = split_snippet(sn);
            let _ = writeln!(s, "{pad}{bar}");
            let _ = writeln!(
                s,
                " {} {bar} {line}",
                p.style(GUTTER, &format!("{:>width$}", sn.line))
            );
            // The header already names the rule; label the span only with what it adds.
            let carets = "^".repeat(marked.max(1));
            let marks = if f.message.starts_with(&f.title) {
                carets
            } else {
                format!("{carets} {}", clean(&f.message))
            };
            let _ = writeln!(
                s,
                "{pad}{bar} {}{}",
                " ".repeat(prefix),
                p.style(mark_style(f.severity), &marks)
            );
        }
        None => {
            let _ = writeln!(s, "{pad}{eq} {}", clean(&f.message));
        }
    }
    if !f.related_locations.is_empty() {
        let shown: Vec<String> = f
            .related_locations
            .iter()
            .take(opts.max_related)
            .map(|l| format!("{}:{}", clean(&l.path), l.start_line))
            .collect();
        let more = f.related_locations.len() - shown.len();
        let text = if shown.is_empty() {
            format!(
                "also in {more} other location{}",
                if more == 1 { "" } else { "s" }
            )
        } else if more > 0 {
            format!("also in: {} (+{more} more)", shown.join(", "))
        } else {
            format!("also in: {}", shown.join(", "))
        };
        let _ = writeln!(s, "{pad}{eq} {text}");
    }
    // Taint findings: the path from the source to the sink, a step a line.
    if !f.flow.is_empty() {
        let _ = writeln!(s, "{pad}{eq} data flow:");
        for (i, st) in f.flow.iter().enumerate() {
            let at = if st.path == f.location.path {
                format!("{}:{}", st.line, st.column)
            } else {
                format!("{}:{}:{}", clean(&st.path), st.line, st.column)
            };
            let _ = writeln!(s, "{pad}    {}. {at} {}", i + 1, clean(&st.message));
        }
    }
    if let Some(c) = &f.location.commit {
        let short: String = c.id.chars().take(7).collect();
        let day: String = c.date.chars().take(10).collect();
        let _ = writeln!(
            s,
            "{pad}{eq} introduced in {} by {} <{}> on {}",
            clean(&short),
            clean(&c.author),
            clean(&c.email),
            clean(&day)
        );
    }
    // Security requirements whose `Verified-by` names this finding's rule or CWE.
    if let Some(reqs) = f.properties.get("requirements").and_then(|r| r.as_array()) {
        let ids: Vec<String> = reqs.iter().filter_map(|r| r.as_str()).map(clean).collect();
        if !ids.is_empty() {
            let _ = writeln!(s, "{pad}{eq} violates {}", ids.join(", "));
        }
    }
    // An SCA finding points at its advisory, which `explain` prints from the database.
    let topic = f
        .properties
        .get("advisory")
        .and_then(|a| a.as_str())
        .unwrap_or(&f.rule_id);
    let _ = writeln!(
        s,
        "{pad}{eq} {}: palisade explain {} · fingerprint {}",
        p.style(BOLD, "help"),
        clean(topic),
        clean(short_fingerprint(&f.fingerprint))
    );
}

/// The first 8 characters of a fingerprint: what the terminal shows, and enough for a
/// `[[suppress]]` entry.
fn short_fingerprint(fp: &str) -> &str {
    fp.get(..8).unwrap_or(fp)
}

/// How to accept a finding: a `[[suppress]]` entry for the first one listed, ready to paste.
fn suppress_hint(s: &mut String, f: &Finding, p: Paint) {
    let _ = writeln!(
        s,
        "{} to accept a finding, add to palisade.toml (with a real reason, owner and date):",
        p.style(BOLD, "hint:")
    );
    let _ = writeln!(s, "  [[suppress]]");
    let _ = writeln!(s, "  rule = \"{}\"", clean(&f.rule_id));
    let _ = writeln!(
        s,
        "  fingerprint = \"{}\"",
        clean(short_fingerprint(&f.fingerprint))
    );
    let _ = writeln!(s, "  reason = \"why this is not a risk\"");
    let _ = writeln!(s, "  owner = \"team@example.org\"");
    let _ = writeln!(s, "  expires = YYYY-MM-DD");
    s.push('\n');
}

fn suppressed(s: &mut String, f: &Finding, p: Paint) {
    let dim = |t: &str| p.style(DIM, t);
    let _ = writeln!(
        s,
        "{}",
        dim(&format!(
            " SUPPRESSED  {}  {} ({})",
            clean(&f.rule_id),
            clean(&f.title),
            f.severity.as_str()
        ))
    );
    let width = f.location.start_line.max(1).to_string().len();
    let pad = " ".repeat(width + 1);
    let _ = writeln!(
        s,
        "{}",
        dim(&format!(
            "{pad}--> {}:{}:{}",
            clean(&f.location.path),
            f.location.start_line,
            f.location.start_column
        ))
    );
    if let Some(sup) = &f.suppression {
        let mut source = sup.kind.as_str().to_owned();
        if let Some(o) = &sup.owner {
            let _ = write!(source, ", owner {}", clean(o));
        }
        if let Some(e) = &sup.expires {
            let _ = write!(source, ", expires {}", clean(e));
        }
        let _ = writeln!(
            s,
            "{}",
            dim(&format!(
                "{pad} = suppressed ({source}): {}",
                clean(&sup.reason)
            ))
        );
    }
}

/// Diagnostics of one code shown in terminal output before the rest are summarised.
const DIAGNOSTICS_PER_CODE: usize = 10;

fn diagnostic(s: &mut String, d: &Diagnostic, p: Paint) {
    let style = match d.level {
        DiagnosticLevel::Error => RED,
        DiagnosticLevel::Warning => YELLOW,
        DiagnosticLevel::Note => CYAN,
    };
    let head = format!("{}[{}]", d.level.as_str(), clean(&d.code));
    let mut rest = String::new();
    match (&d.path, d.line) {
        (Some(path), Some(line)) => {
            let _ = write!(rest, "{}:{line}: ", clean(path));
        }
        (Some(path), None) => {
            let _ = write!(rest, "{}: ", clean(path));
        }
        _ => {}
    }
    rest.push_str(&clean(&d.message));
    let _ = writeln!(s, "{}: {rest}", p.style(style, &head));
}

fn summary(report: &Report, p: Paint) -> String {
    let sum = &report.summary;
    let passed = report.gate.status == GateStatus::Passed;
    let mut s = if passed {
        p.style(GREEN, "✓")
    } else {
        p.style(RED, "✗")
    };
    s.push(' ');
    if sum.active == 0 {
        s.push_str("no findings");
    } else {
        let parts: Vec<String> = Severity::ALL_DESCENDING
            .iter()
            .filter_map(|sev| {
                sum.by_severity
                    .get(sev)
                    .filter(|n| **n > 0)
                    .map(|n| format!("{n} {}", sev.as_str()))
            })
            .collect();
        let _ = write!(s, "{}", plural(sum.active, "finding"));
        if !parts.is_empty() {
            let _ = write!(s, " ({})", parts.join(", "));
        }
    }
    if sum.suppressed > 0 {
        let _ = write!(s, ", {} suppressed", sum.suppressed);
    }
    let cov = &report.coverage;
    let _ = write!(
        s,
        " · {} scanned",
        plural(cov.files_scanned as usize, "file")
    );
    // With -v, ignored entries are also listed as skipped: count them once.
    let skipped = cov
        .skipped
        .iter()
        .filter(|k| k.reason != palisade_core::SkipReason::Ignored)
        .count();
    if skipped > 0 {
        let _ = write!(s, ", {skipped} skipped");
    }
    let ignored: u64 = cov.ignored.iter().map(|c| c.files + c.folders).sum();
    if ignored > 0 {
        let _ = write!(s, ", {ignored} ignored");
    }
    s.push_str(" · ");
    let gate = match report.gate.status {
        GateStatus::Passed => p.style(GREEN, "gate passed"),
        // The threshold is the usual reason; a failure for another reason only (a policy's
        // deny, an expired suppression, a rule of the user's gate) names that reason.
        GateStatus::Failed => {
            let threshold = report
                .gate
                .reasons
                .iter()
                .any(|r| r.contains(" at or above severity "));
            match report.gate.reasons.first() {
                Some(first) if !threshold => {
                    let more = report.gate.reasons.len() - 1;
                    format!(
                        "{}: {}{}",
                        p.style(RED, "gate failed"),
                        clean(&palisade_core::text::truncate_chars(first, 120)),
                        if more > 0 {
                            format!(" (+{more} more)")
                        } else {
                            String::new()
                        }
                    )
                }
                _ => format!(
                    "{}: fail-on {}",
                    p.style(RED, "gate failed"),
                    report.gate.fail_on
                ),
            }
        }
        GateStatus::Error => {
            let failed: Vec<String> = report
                .scanners
                .iter()
                .filter(|r| r.status == ScannerStatus::Failed)
                .map(|r| clean(&r.name))
                .collect();
            let why = if failed.is_empty() {
                report
                    .gate
                    .reasons
                    .iter()
                    .find(|r| r.starts_with("the gate policy"))
                    .map_or_else(
                        || "the gate policy could not be evaluated".to_owned(),
                        |r| clean(&palisade_core::text::truncate_chars(r, 200)),
                    )
            } else {
                format!(
                    "scanner{} {} failed",
                    if failed.len() == 1 { "" } else { "s" },
                    failed.join(", ")
                )
            };
            format!("{}: {why}", p.style(RED, "gate failed"))
        }
    };
    s.push_str(&gate);
    s
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

// ---------------------------------------------------------------------------------------
// Text handling.

/// Split a snippet into (display text, caret offset, caret count). `highlight` holds
/// 1-based byte columns `[start, end)` into the redacted text; out-of-range or mid-character
/// columns are clamped, never trusted.
fn split_snippet(sn: &Snippet) -> (String, usize, usize) {
    let text = sn.text.as_str();
    let start = floor_boundary(text, (sn.highlight.0 as usize).saturating_sub(1));
    let end = floor_boundary(text, (sn.highlight.1 as usize).saturating_sub(1)).max(start);
    let before = text.get(..start).unwrap_or("");
    let marked = text.get(start..end).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let (before, marked, after) = (display(before), display(marked), display(after));
    let prefix = before.chars().count();
    let count = marked.chars().count();
    (format!("{before}{marked}{after}"), prefix, count)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Source text for display: tabs become four spaces, then [`clean`].
fn display(s: &str) -> String {
    clean(&s.replace('\t', "    "))
}

/// Make report text safe to print on a terminal: control characters and bidirectional
/// formatting characters become visible `\u{..}` escapes.
pub(crate) fn clean(s: &str) -> String {
    if !s.chars().any(unsafe_char) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_escapes_controls_and_bidi() {
        assert_eq!(clean("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(clean("x\u{202E}y\u{7f}"), "x\\u{202e}y\\u{7f}");
        assert_eq!(clean("wJal…[sha256:3f]"), "wJal…[sha256:3f]");
    }

    #[test]
    fn carets_follow_highlight_in_characters() {
        let sn = Snippet {
            line: 1,
            text: "k=\tab…cd".to_owned(),
            // bytes: k(1) =(2) \t(3) a(4) b(5) …(6..8) c(9) d(10)
            highlight: (4, 10),
        };
        let (line, prefix, count) = split_snippet(&sn);
        assert_eq!(line, "k=    ab…cd");
        assert_eq!((prefix, count), (6, 4));
        // Out-of-range and mid-character columns are clamped.
        let sn = Snippet {
            line: 1,
            text: "a…".to_owned(),
            highlight: (3, 99),
        };
        let (_, prefix, count) = split_snippet(&sn);
        assert_eq!((prefix, count), (1, 1));
    }
}
