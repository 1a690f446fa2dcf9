//! Fixture annotations: a comment line `ruleid: ID` marks the next code line as one where
//! rule ID must report, `ok: ID` as one where it must not (a documented negative example).
//! Every other line must not be reported either; the harness fails on any missing or extra
//! finding.

use crate::lang::Lang;

/// One annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// The rule.
    pub rule: String,
    /// True for `ruleid:` (must report), false for `ok:` (must not).
    pub expected: bool,
    /// 1-based line of the annotation comment.
    pub line: u32,
    /// 1-based line it is about: the next non-blank line that is not an annotation.
    pub target: u32,
}

fn parse(line: &str, lang: Lang) -> Option<(bool, Vec<String>)> {
    let rest = line.trim_start().strip_prefix(lang.line_comment())?.trim();
    let (expected, ids) = if let Some(ids) = rest.strip_prefix("ruleid:") {
        (true, ids)
    } else {
        (false, rest.strip_prefix("ok:")?)
    };
    let ids: Vec<String> = ids
        .split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    (!ids.is_empty()).then_some((expected, ids))
}

/// The annotations of a fixture, in line order.
pub fn annotations(text: &str, lang: Lang) -> Vec<Annotation> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut pending: Vec<(bool, String, u32)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let n = i as u32 + 1;
        if let Some((expected, ids)) = parse(l, lang) {
            pending.extend(ids.into_iter().map(|id| (expected, id, n)));
        } else if !pending.is_empty() && !l.trim().is_empty() {
            out.extend(pending.drain(..).map(|(expected, rule, line)| Annotation {
                rule,
                expected,
                line,
                target: n,
            }));
        }
    }
    out
}
