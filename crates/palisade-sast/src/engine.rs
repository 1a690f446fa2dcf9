//! Analysis of one file: parse once, run every rule of its language, within a time budget.

use std::time::{Duration, Instant};

use ast_grep_core::tree_sitter::StrDoc;
use ast_grep_core::{AstGrep, Node};

use crate::lang::Lang;
use crate::matcher::Matcher;
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
    /// The first line of the match, safe to print (see [`snippet`]).
    pub snippet: palisade_core::model::Snippet,
}

/// What analysing one file found.
#[derive(Debug, Default)]
pub struct FileResult {
    /// Matches, in rule order then position.
    pub hits: Vec<Hit>,
    /// Line of the first syntax error, when the file did not parse cleanly.
    pub syntax_error: Option<u32>,
    /// When the time budget ran out: the line the analysis had reached (structural rules
    /// saw the file up to there; taint rules not yet run were skipped).
    pub stopped_at: Option<u32>,
    /// The parser did not finish within the time budget: nothing was analysed.
    pub parse_timed_out: bool,
}

/// Parse `text` as `lang`, giving up when `deadline` passes (None then). tree-sitter
/// reports its progress often, so a pathological file cannot hold a worker past it.
fn parse(text: &str, lang: Lang, deadline: Option<Instant>) -> Option<AstGrep<StrDoc<Lang>>> {
    use ast_grep_core::tree_sitter::LanguageExt as _;
    use std::ops::ControlFlow;

    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&lang.get_ts_language()).ok()?;
    let bytes = text.as_bytes();
    let mut progress = |_: &tree_sitter::ParseState| {
        if deadline.is_some_and(|d| Instant::now() > d) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let options = tree_sitter::ParseOptions::new().progress_callback(&mut progress);
    let tree = parser.parse_with_options(
        &mut |at, _| bytes.get(at..).unwrap_or_default(),
        None,
        Some(options),
    )?;
    Some(AstGrep::doc(StrDoc {
        src: text.to_owned(),
        lang,
        tree,
    }))
}

/// What to try on a node of some kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Probe {
    /// A structural rule (its index).
    Rule(usize),
    /// A source of a taint rule.
    Source(usize),
    /// A sink of a taint rule.
    Sink(usize),
}

/// How often (in nodes visited) the time budget is checked.
const BUDGET_CHECK: usize = 2048;

impl Hit {
    /// A hit of rule `rule` on `node`, without a fix or a flow.
    fn at(rule: usize, node: &Node<'_, StrDoc<Lang>>, message: String) -> Self {
        let (start, end) = (node.start_pos(), node.end_pos());
        Self {
            rule,
            start_line: start.line() as u32 + 1,
            start_column: start.column(node) as u32 + 1,
            end_line: end.line() as u32 + 1,
            end_column: end.column(node) as u32 + 1,
            message,
            code: collapsed(node),
            range: node.range(),
            fix: None,
            flow: Vec::new(),
            snippet: snippet(node),
        }
    }
}

/// Longest snippet line shown, in bytes (longer lines are cut around the match).
const SNIPPET_MAX: usize = 160;

/// The line a match starts on, as printed: every string and character literal and every
/// comment on it shown as `<string>` / `…` (they are where passwords and tokens sit), cut
/// to [`SNIPPET_MAX`] bytes around the match, which is highlighted.
fn snippet(node: &Node<'_, StrDoc<Lang>>) -> palisade_core::model::Snippet {
    let src = node.get_doc().src.as_str();
    let at = node.range().start;
    let ls = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let le = src[at..].find('\n').map_or(src.len(), |i| at + i);
    let le = if src[..le].ends_with('\r') {
        le - 1
    } else {
        le
    };
    let match_end = node.range().end.min(le);
    // The smallest node that holds the whole line, then what on the line must be hidden.
    let mut holder = node.clone();
    while holder.range().start > ls || holder.range().end < le {
        match holder.parent() {
            Some(p) => holder = p,
            None => break,
        }
    }
    let mut hidden: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut skip_until = 0;
    for d in holder.dfs() {
        let r = d.range();
        if r.end <= ls || r.start >= le || r.start < skip_until {
            continue;
        }
        let kind = d.kind();
        if is_literal(&kind) {
            hidden.push((r.start.max(ls)..r.end.min(le), "<string>"));
            skip_until = r.end;
        } else if kind.contains("comment") {
            hidden.push((r.start.max(ls)..r.end.min(le), "…"));
            skip_until = r.end;
        }
    }
    let mut text = String::new();
    let (mut from, mut to) = (None, None);
    let mut pos = ls;
    let mark = |pos: usize, text: &str, from: &mut Option<usize>, to: &mut Option<usize>| {
        if pos == at && from.is_none() {
            *from = Some(text.len());
        }
        if pos == match_end && to.is_none() {
            *to = Some(text.len());
        }
    };
    for (r, shown) in &hidden {
        if r.start > pos {
            let chunk = &src[pos..r.start];
            for (i, c) in chunk.char_indices() {
                mark(pos + i, &text, &mut from, &mut to);
                text.push(c);
            }
        }
        mark(r.start, &text, &mut from, &mut to);
        text.push_str(shown);
        pos = r.end;
        if (r.start..r.end).contains(&match_end) && to.is_none() {
            to = Some(text.len());
        }
    }
    for (i, c) in src[pos..le].char_indices() {
        mark(pos + i, &text, &mut from, &mut to);
        text.push(c);
    }
    mark(le, &text, &mut from, &mut to);
    let from = from.unwrap_or(0);
    let to = to.unwrap_or(text.len()).max(from);
    // Cut long lines (minified code) around the match.
    let (mut a, mut b) = (0, text.len());
    if text.len() > SNIPPET_MAX {
        a = from.saturating_sub(SNIPPET_MAX / 4);
        b = (a + SNIPPET_MAX).min(text.len());
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        while !text.is_char_boundary(b) {
            b += 1;
        }
    }
    let mut shown = String::new();
    if a > 0 {
        shown.push('…');
    }
    let offset = shown.len();
    shown.push_str(&text[a..b]);
    if b < text.len() {
        shown.push('…');
    }
    let col = |x: usize| (x.clamp(a, b) - a + offset) as u32 + 1;
    palisade_core::model::Snippet {
        line: node.start_pos().line() as u32 + 1,
        text: shown,
        highlight: (col(from), col(to)),
    }
}

/// The matched code for fingerprints: string literals left out (see [`redacted`]) and
/// whitespace runs collapsed, so a finding keeps its identity when code is reformatted and
/// no fast hash of a literal (which may be a password) reaches a report.
fn collapsed(node: &Node<'_, StrDoc<Lang>>) -> String {
    redacted(node)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a node kind is a string or character literal, whose content may be a credential.
fn is_literal(kind: &str) -> bool {
    kind.contains("string") || kind.contains("char_literal")
}

/// A node's code with every string and character literal in it replaced by `<string>`:
/// the only form of matched code palisade prints or hashes.
pub(crate) fn redacted(n: &Node<'_, StrDoc<Lang>>) -> String {
    let base = n.range().start;
    let text = n.text();
    let mut out = String::with_capacity(text.len());
    let (mut at, mut skip_until) = (0, 0);
    for d in n.dfs() {
        let r = d.range();
        if r.start < skip_until || !is_literal(&d.kind()) {
            continue;
        }
        out.push_str(&text[at..r.start - base]);
        out.push_str("<string>");
        at = r.end - base;
        skip_until = r.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Analyse `text` as `lang` with `rules` (each with its check for `lang`).
///
/// The tree is walked once: each node is tried only against the rules whose patterns can
/// match a node of its kind, and the walk also notes which taint rules have a source and a
/// sink in the file; only those run their data-flow analysis afterwards. When `budget` is
/// spent the walk stops (`stopped_at`) and the remaining taint rules are skipped.
pub fn analyse(text: &str, lang: Lang, rules: &[(&Rule, &Check)], budget: Duration) -> FileResult {
    analyse_with(text, lang, rules, budget, true)
}

/// [`analyse`], with the budget applied to the walk only when `limit_parse` is false (so
/// tests can stop the walk of a file that was parsed).
#[doc(hidden)]
pub fn analyse_with(
    text: &str,
    lang: Lang,
    rules: &[(&Rule, &Check)],
    budget: Duration,
    limit_parse: bool,
) -> FileResult {
    use ast_grep_core::Matcher as _;
    use ast_grep_core::matcher::MatcherExt as _;
    use ast_grep_core::tree_sitter::LanguageExt as _;

    let started = Instant::now();
    // A rule whose patterns all need a word the file does not contain is not tried; a
    // taint rule needs a word of one of its sources. A file no rule can match is not parsed.
    let present = |ks: Option<Vec<&str>>| ks.is_none_or(|ks| ks.iter().any(|k| text.contains(k)));
    let active: Vec<bool> = rules
        .iter()
        .map(|(_, check)| match check {
            Check::Match(m) => present(m.keywords()),
            Check::Taint(spec) => present(spec.source_keywords()),
        })
        .collect();
    if !active.contains(&true) {
        return FileResult::default();
    }
    let Some(grep) = parse(
        text,
        lang,
        started.checked_add(budget).filter(|_| limit_parse),
    ) else {
        return FileResult {
            parse_timed_out: true,
            ..FileResult::default()
        };
    };
    let root = grep.root();
    let mut out = FileResult {
        syntax_error: first_error(&root),
        ..FileResult::default()
    };
    let kinds = lang.get_ts_language().node_kind_count();
    let mut table: Vec<Vec<Probe>> = vec![Vec::new(); kinds];
    let mut every: Vec<Probe> = Vec::new();
    // A taint rule's many sources (or sinks) of one kind probe the node once.
    let mut add = |m: &Matcher, probe: Probe| match m.potential_kinds() {
        Some(set) => {
            for k in set.iter().filter(|&k| k < kinds) {
                if !table[k].contains(&probe) {
                    table[k].push(probe);
                }
            }
        }
        None => {
            if !every.contains(&probe) {
                every.push(probe);
            }
        }
    };
    for (i, (_, check)) in rules.iter().enumerate() {
        if !active[i] {
            continue;
        }
        match check {
            Check::Match(m) => add(m, Probe::Rule(i)),
            Check::Taint(spec) => {
                for m in &spec.sources {
                    add(m, Probe::Source(i));
                }
                for (m, _) in &spec.sinks {
                    add(m, Probe::Sink(i));
                }
            }
        }
    }
    let mut has_source = vec![false; rules.len()];
    let mut has_sink = vec![false; rules.len()];
    for (visited, node) in root.dfs().enumerate() {
        if visited % BUDGET_CHECK == BUDGET_CHECK - 1 && started.elapsed() > budget {
            out.stopped_at = Some(node.start_pos().line() as u32 + 1);
            break;
        }
        let k = usize::from(node.kind_id());
        for probe in table.get(k).into_iter().flatten().chain(&every) {
            match *probe {
                Probe::Rule(i) => {
                    let (rule, Check::Match(matcher)) = rules[i] else {
                        continue;
                    };
                    let Some(m) = matcher.match_node(node.clone()) else {
                        continue;
                    };
                    let message = interpolate(&rule.message, |name| {
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
                    });
                    let mut hit = Hit::at(i, &m, message);
                    hit.fix = rule.fix.as_deref().map(|t| {
                        let bytes = ast_grep_core::replacer::Replacer::generate_replacement(t, &m);
                        String::from_utf8_lossy(&bytes).into_owned()
                    });
                    out.hits.push(hit);
                }
                Probe::Source(i) if !has_source[i] => {
                    if let Check::Taint(spec) = rules[i].1 {
                        has_source[i] = spec
                            .sources
                            .iter()
                            .any(|m| m.match_node(node.clone()).is_some());
                    }
                }
                Probe::Sink(i) if !has_sink[i] => {
                    if let Check::Taint(spec) = rules[i].1 {
                        has_sink[i] = spec
                            .sinks
                            .iter()
                            .any(|(m, _)| m.match_node(node.clone()).is_some());
                    }
                }
                Probe::Source(_) | Probe::Sink(_) => {}
            }
        }
    }
    for (i, (rule, check)) in rules.iter().enumerate() {
        let Check::Taint(spec) = check else {
            continue;
        };
        if !(has_source[i] && has_sink[i]) {
            continue;
        }
        if out.stopped_at.is_some() || started.elapsed() > budget {
            out.stopped_at.get_or_insert(1);
            break;
        }
        for flow in crate::taint::flows(&root, lang, spec) {
            let Some(node) = root.dfs().find(|n| n.range() == flow.range) else {
                continue;
            };
            let mut hit = Hit::at(i, &node, rule.message.clone());
            hit.flow = flow.steps;
            out.hits.push(hit);
        }
    }
    out.hits
        .sort_by_key(|h| (h.rule, h.range.start, h.range.end));
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
pub(crate) fn shown(n: &Node<'_, StrDoc<Lang>>) -> String {
    let text = redacted(n);
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
