//! Analysis of one file: parse once, run every rule of its language, within a time budget.

use std::time::{Duration, Instant};

use ast_grep_core::tree_sitter::StrDoc;
use ast_grep_core::{AstGrep, Node};

use crate::lang::Lang;
use crate::rule::Check;
use crate::rule::Rule;
use crate::taint::Step;

/// One match of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the rule in the slice given to [`analyse`].
    pub rule: usize,
    /// 1-based first line.
    pub start_line: u32,
    /// 1-based first column, in characters.
    pub start_column: u32,
    /// 1-based last line.
    pub end_line: u32,
    /// 1-based column one past the end, in characters.
    pub end_column: u32,
    /// The rule's message with its metavariables filled in (safe to print).
    pub message: String,
    /// The matched code with whitespace runs collapsed, for fingerprints (never printed).
    pub code: String,
    /// Byte range of the matched code.
    pub range: std::ops::Range<usize>,
    /// The rule's fix for this match: the replacement of `range`.
    pub fix: Option<String>,
    /// Taint rules: the path from the source to the sink.
    pub flow: Vec<Step>,
}

/// What analysing one file found.
#[derive(Debug, Default)]
pub struct FileResult {
    /// Matches, in rule order then position.
    pub hits: Vec<Hit>,
    /// Line of the first syntax error, when the file did not parse cleanly.
    pub syntax_error: Option<u32>,
    /// How many rules ran to completion, when the budget ran out before the last.
    pub stopped_after: Option<usize>,
}

/// Analyse `text` as `lang` with `rules` (each with its matcher for `lang`). Rules run in
/// order; when `budget` is spent, the remaining rules are skipped and `stopped_after` says
/// how many ran.
pub fn analyse(text: &str, lang: Lang, rules: &[(&Rule, &Check)], budget: Duration) -> FileResult {
    let started = Instant::now();
    let grep = AstGrep::new(text, lang);
    let root = grep.root();
    let mut out = FileResult {
        syntax_error: first_error(&root),
        ..FileResult::default()
    };
    for (i, (rule, check)) in rules.iter().enumerate() {
        if started.elapsed() > budget {
            out.stopped_after = Some(i);
            break;
        }
        let matcher = match check {
            Check::Match(m) => m,
            Check::Taint(spec) => {
                for flow in crate::taint::analyse(&root, lang, spec) {
                    let Some(node) = root.dfs().find(|n| n.range() == flow.range) else {
                        continue;
                    };
                    let (start, end) = (node.start_pos(), node.end_pos());
                    out.hits.push(Hit {
                        rule: i,
                        start_line: start.line() as u32 + 1,
                        start_column: start.column(&node) as u32 + 1,
                        end_line: end.line() as u32 + 1,
                        end_column: end.column(&node) as u32 + 1,
                        message: rule.message.clone(),
                        code: node.text().split_whitespace().collect::<Vec<_>>().join(" "),
                        range: node.range(),
                        fix: None,
                        flow: flow.steps,
                    });
                }
                continue;
            }
        };
        for m in root.find_all(matcher) {
            let node: &Node<'_, StrDoc<Lang>> = &m;
            let (start, end) = (node.start_pos(), node.end_pos());
            out.hits.push(Hit {
                rule: i,
                start_line: start.line() as u32 + 1,
                start_column: start.column(node) as u32 + 1,
                end_line: end.line() as u32 + 1,
                end_column: end.column(node) as u32 + 1,
                message: interpolate(&rule.message, |name| {
                    let env = m.get_env();
                    if let Some(n) = env.get_match(name) {
                        return Some(shown(n));
                    }
                    let many = env.get_multiple_matches(name);
                    (!many.is_empty()).then(|| {
                        many.iter()
                            .filter(|n| n.is_named())
                            .map(shown)
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                }),
                code: node.text().split_whitespace().collect::<Vec<_>>().join(" "),
                range: node.range(),
                fix: rule.fix.as_deref().map(|t| {
                    let bytes = ast_grep_core::replacer::Replacer::generate_replacement(t, &m);
                    String::from_utf8_lossy(&bytes).into_owned()
                }),
                flow: Vec::new(),
            });
        }
    }
    out
}

/// The line of the first syntax error or missing node, if any.
fn first_error(root: &Node<'_, StrDoc<Lang>>) -> Option<u32> {
    if !root.get_inner_node().has_error() {
        return None;
    }
    root.dfs()
        .find(|n| n.is_error() || n.is_missing())
        .map(|n| n.start_pos().line() as u32 + 1)
        .or(Some(1))
}

/// How a metavariable's code appears in a message: its first line, at most 60 characters,
/// control characters escaped; a string literal (which may hold a credential) is never shown.
fn shown(n: &Node<'_, StrDoc<Lang>>) -> String {
    let kind = n.kind();
    if kind.contains("string") || kind.contains("char_literal") || kind == "template_string" {
        return "<string>".to_owned();
    }
    let text = n.text();
    let first = text.lines().next().unwrap_or_default();
    let mut s: String = first.chars().take(60).collect();
    if s.chars().count() < text.chars().count() {
        s.push('…');
    }
    palisade_core::text::escape_control(&s)
}

/// `message` with each `$NAME` (and `$$$NAME`) replaced by what `lookup` gives; names
/// without a binding stay as written.
pub fn interpolate(message: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(message.len());
    let bytes = message.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'$' {
            let mut j = i;
            while j < bytes.len() && bytes[j] == b'$' && j - i < 3 {
                j += 1;
            }
            let name_end = bytes[j..]
                .iter()
                .position(|b| !(b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_'))
                .map_or(bytes.len(), |p| j + p);
            if name_end > j
                && let Some(v) = lookup(&message[j..name_end])
            {
                out.push_str(&v);
                i = name_end;
                continue;
            }
        }
        let c = message[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(c);
        i += c.len_utf8();
    }
    out
}
