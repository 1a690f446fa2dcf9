//! GitHub Actions workflow commands: each active finding becomes an annotation that GitHub
//! shows on the run summary and on the pull request's diff.
//!
//! ```text
//! ::error file=config/production.env,line=4,col=23,endLine=4,endColumn=63,title=palisade aws-secret-access-key (critical)::AWS secret access key%3A ...
//! ```
//!
//! - one line per active finding, most severe first (GitHub shows only the first few
//!   annotations of each level per step), report order within a severity: critical and high
//!   are `error`, medium is `warning`, low and info are `notice`; `col` and `endColumn` only
//!   for a single-line span (GitHub ignores them otherwise);
//! - the message is the finding's message, then where else it occurs and, for a finding
//!   from git history, the commit that introduced it;
//! - then one line per diagnostic (`error`, `warning` or `notice`, with `file` and `line`
//!   when known), so a scan that did not look at everything says so in the run;
//! - suppressed findings are left out: an annotation asks for action.
//!
//! Escaping follows GitHub's rules for workflow commands: in the message `%`, `\r` and `\n`
//! become `%25`, `%0D` and `%0A`; in properties `:` and `,` also become `%3A` and `%2C`.
//! Other control and bidirectional-override characters are written as visible `\u{..}`
//! escapes, as in the terminal format, so text from a scanned file can
//! neither start a command of its own (`::add-mask::`, `::stop-commands::`) nor drive the
//! log viewer.

use std::fmt::Write as _;
use std::io::Write;

use palisade_core::{Diagnostic, DiagnosticLevel, Finding, Report, Severity};

use crate::terminal::clean;

/// Related locations named in a message before the rest are counted.
const MAX_RELATED_IN_MESSAGE: usize = 3;

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    for sev in Severity::ALL_DESCENDING {
        for f in report
            .findings
            .iter()
            .filter(|f| f.is_active() && f.severity == sev)
        {
            out.write_all(finding_command(f).as_bytes())?;
        }
    }
    for d in &report.diagnostics {
        out.write_all(diagnostic_command(d).as_bytes())?;
    }
    Ok(())
}

fn command_level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "notice",
    }
}

fn finding_command(f: &Finding) -> String {
    let l = &f.location;
    let mut props: Vec<(&str, String)> =
        vec![("file", l.path.clone()), ("line", l.start_line.to_string())];
    if l.end_line == l.start_line {
        props.push(("col", l.start_column.to_string()));
        props.push(("endLine", l.end_line.to_string()));
        props.push(("endColumn", l.end_column.to_string()));
    } else if l.end_line > l.start_line {
        props.push(("endLine", l.end_line.to_string()));
    }
    props.push((
        "title",
        format!("palisade {} ({})", f.rule_id, f.severity.as_str()),
    ));

    let mut message = if f.message.is_empty() {
        f.title.clone()
    } else {
        f.message.clone()
    };
    if !f.related_locations.is_empty() {
        let shown: Vec<String> = f
            .related_locations
            .iter()
            .take(MAX_RELATED_IN_MESSAGE)
            .map(|r| format!("{}:{}", r.path, r.start_line))
            .collect();
        let more = f.related_locations.len() - shown.len();
        let _ = write!(message, " (also in: {}", shown.join(", "));
        if more > 0 {
            let _ = write!(message, " and {more} more");
        }
        message.push(')');
    }
    if let Some(c) = &l.commit {
        let short: String = c.id.chars().take(12).collect();
        let _ = write!(message, " (introduced in commit {short})");
    }
    command(command_level(f.severity), &props, &message)
}

fn diagnostic_command(d: &Diagnostic) -> String {
    let level = match d.level {
        DiagnosticLevel::Error => "error",
        DiagnosticLevel::Warning => "warning",
        DiagnosticLevel::Note => "notice",
    };
    let mut props: Vec<(&str, String)> = Vec::new();
    if let Some(p) = &d.path {
        props.push(("file", p.clone()));
        if let Some(line) = d.line {
            props.push(("line", line.to_string()));
        }
    }
    props.push(("title", format!("palisade {}", d.code)));
    command(level, &props, &d.message)
}

/// `::level k=v,k=v::message\n`, escaped.
fn command(level: &str, props: &[(&str, String)], message: &str) -> String {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!("::{level} {}::{}\n", props.join(","), escape_data(message))
}

/// Escape a command's message (GitHub's `escapeData`), then make any other control or
/// bidirectional-override character visible.
pub(crate) fn escape_data(s: &str) -> String {
    clean(
        &s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A"),
    )
}

/// Escape a command property value (GitHub's `escapeProperty`), then make any other
/// control or bidirectional-override character visible.
pub(crate) fn escape_property(s: &str) -> String {
    clean(
        &s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
            .replace(':', "%3A")
            .replace(',', "%2C"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_github_rules() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(escape_data("x\u{1b}[2J\u{202e}"), "x\\u{1b}[2J\\u{202e}");
        // An escape is never undone by a later one.
        assert_eq!(escape_data("%0A"), "%250A");
    }
}
