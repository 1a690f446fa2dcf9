//! The concise format: one line per finding, in the `path:line:col: message` shape that
//! compilers, editors, `grep` and CI problem matchers understand (ruff's `concise`):
//!
//! ```text
//! config/production.env:4:23: critical aws-secret-access-key AWS secret access key: `wJal…[sha256:3f2a91c0]`
//! ```
//!
//! - active findings in report order (path, line, column, rule); a finding found in several
//!   places is one line at its first place, ending `(also in N other locations)`;
//! - with `show_suppressed`, suppressed findings in the same order, ending
//!   `[suppressed (source): reason]`;
//! - then one line per diagnostic: `path:line: level[code] message`, or `level[code]:
//!   message` when it has no path.
//!
//! No summary line: the CLI prints the summary on stderr when stdout is not the terminal
//! report. Text from the report is escaped as for the terminal (control and bidirectional
//! characters become `\u{..}`), so every item stays on its own line.

use std::fmt::Write as _;
use std::io::Write;

use palisade_core::{Diagnostic, Finding, Report};

use crate::WriteOptions;
use crate::terminal::clean;

pub(crate) fn write(
    report: &Report,
    opts: &WriteOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for f in &report.findings {
        if f.is_active() || opts.show_suppressed {
            out.write_all(finding_line(f).as_bytes())?;
        }
    }
    for d in &report.diagnostics {
        out.write_all(diagnostic_line(d).as_bytes())?;
    }
    Ok(())
}

fn finding_line(f: &Finding) -> String {
    let l = &f.location;
    let message = if f.message.is_empty() {
        &f.title
    } else {
        &f.message
    };
    let mut s = format!(
        "{}:{}:{}: {} {} {}",
        clean(&l.path),
        l.start_line,
        l.start_column,
        f.severity.as_str(),
        clean(&f.rule_id),
        clean(message)
    );
    match f.related_locations.len() {
        0 => {}
        1 => s.push_str(" (also in 1 other location)"),
        n => {
            let _ = write!(s, " (also in {n} other locations)");
        }
    }
    if let Some(sup) = &f.suppression {
        let _ = write!(
            s,
            " [suppressed ({}): {}]",
            sup.kind.as_str(),
            clean(&sup.reason)
        );
    }
    s.push('\n');
    s
}

fn diagnostic_line(d: &Diagnostic) -> String {
    let head = format!("{}[{}]", d.level.as_str(), clean(&d.code));
    match (&d.path, d.line) {
        (Some(path), Some(line)) => {
            format!("{}:{line}: {head} {}\n", clean(path), clean(&d.message))
        }
        (Some(path), None) => format!("{}: {head} {}\n", clean(path), clean(&d.message)),
        _ => format!("{head}: {}\n", clean(&d.message)),
    }
}
