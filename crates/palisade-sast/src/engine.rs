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
    /// Rules (indexes) that reached [`MAX_HITS_PER_RULE`] in this file: later matches of
    /// theirs were not looked for.
    pub capped: Vec<usize>,
}

/// Most matches one rule reports in one file. Past it the rule stops for that file (and
/// says so): a generated or hostile file with a match per statement would otherwise hold
/// hundreds of thousands of findings in memory.
pub const MAX_HITS_PER_RULE: usize = 1000;

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

/// The nodes of a tree in pre-order, leaving out each node (and everything under it) whose
/// text holds none of a set of words: no probe can match there.
struct Pruned<'t> {
    grep: &'t AstGrep<StrDoc<Lang>>,
    cursor: tree_sitter::TreeCursor<'t>,
    keep: Option<crate::matcher::Occurrences>,
    done: bool,
}

impl<'t> Pruned<'t> {
    /// Every node of `grep`'s tree, or (with `keep`) those whose text holds an occurrence.
    fn new(grep: &'t AstGrep<StrDoc<Lang>>, keep: Option<crate::matcher::Occurrences>) -> Self {
        Self {
            grep,
            cursor: grep.root().get_inner_node().walk(),
            keep,
            done: false,
        }
    }

    /// Move to the next node in pre-order, into the current node's children when `enter`.
    fn advance(&mut self, enter: bool) {
        if enter && self.cursor.goto_first_child() {
            return;
        }
        while !self.cursor.goto_next_sibling() {
            if !self.cursor.goto_parent() {
                self.done = true;
                return;
            }
        }
    }
}

impl<'t> Iterator for Pruned<'t> {
    type Item = Node<'t, StrDoc<Lang>>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let n = self.cursor.node();
            let wanted = self
                .keep
                .as_ref()
                .is_none_or(|o| o.within(n.start_byte(), n.end_byte()));
            self.advance(wanted);
            if wanted {
                return Some(self.grep.adopt(n));
            }
        }
        None
    }
}

/// The words one of which each match of `matchers` holds, as occurrences in the current
/// file; None (walk every node) when one of them has no such words.
fn occurrences<'m>(
    matchers: impl IntoIterator<Item = &'m Matcher>,
) -> Option<crate::matcher::Occurrences> {
    let mut words = Vec::new();
    for m in matchers {
        words.extend(m.needs()?);
    }
    crate::matcher::Occurrences::of(&words)
}

/// What to try on a node of some kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Probe {
    /// A structural rule (its index).
    Rule(usize),
    /// The sources of a group of taint rules (the group's index).
    Source(usize),
    /// A sink of a taint rule (its index).
    Sink(usize),
}

/// How often (in nodes visited) the time budget is checked.
const BUDGET_CHECK: usize = 2048;

/// Character columns of byte offsets, remembering the last one asked for: matches come in
/// file order, so on a long line (minified code) each costs the characters since the last
/// one instead of all those since the line's start.
#[derive(Default)]
struct Columns {
    /// (line start, byte offset, its 0-based character column).
    last: Option<(usize, usize, usize)>,
}

impl Columns {
    /// The 0-based character column of byte offset `at`, on the line starting at `ls`.
    fn at(&mut self, src: &str, ls: usize, at: usize) -> usize {
        let col = match self.last {
            Some((l, b, c)) if l == ls && b <= at => c + src[b..at].chars().count(),
            _ => src[ls..at].chars().count(),
        };
        self.last = Some((ls, at, col));
        col
    }

    /// 1-based (start line, start column, end line, end column) of `node`.
    fn of(&mut self, node: &Node<'_, StrDoc<Lang>>) -> (u32, u32, u32, u32) {
        let src = node.get_doc().src.as_str();
        let inner = node.get_inner_node();
        let (s, e) = (inner.start_position(), inner.end_position());
        let (at, end) = (inner.start_byte(), inner.end_byte());
        let start_col = self.at(src, at - s.column, at);
        let end_col = if e.row == s.row {
            start_col + src[at..end].chars().count()
        } else {
            src[end - e.column..end].chars().count()
        };
        (
            s.row as u32 + 1,
            start_col as u32 + 1,
            e.row as u32 + 1,
            end_col as u32 + 1,
        )
    }
}

impl Hit {
    /// A hit of rule `rule` on `node`, without a fix or a flow.
    fn at(
        rule: usize,
        node: &Node<'_, StrDoc<Lang>>,
        message: String,
        columns: &mut Columns,
    ) -> Self {
        let (start_line, start_column, end_line, end_column) = columns.of(node);
        Self {
            rule,
            start_line,
            start_column,
            end_line,
            end_column,
            message,
            code: collapsed(node),
            range: node.range(),
            fix: None,
            flow: Vec::new(),
            snippet: snippet(node),
        }
    }
}

/// Longest part of a line a snippet shows, in bytes of source (longer lines, such as
/// minified code, are cut around the match).
const SNIPPET_MAX: usize = 160;

/// Most source bytes a snippet looks at (literals in it are shown shorter).
const SNIPPET_RAW_MAX: usize = 1024;

/// The line a match starts on, as printed: every string and character literal and every
/// comment on it shown as `<string>` / `…` (they are where passwords and tokens sit), cut
/// to [`SNIPPET_MAX`] bytes around the match, which is highlighted. Only the nodes that
/// overlap the shown part are visited, so a file with many matches on one long line costs
/// no more per match than a short line.
fn snippet(node: &Node<'_, StrDoc<Lang>>) -> palisade_core::model::Snippet {
    let doc = node.get_doc();
    let src = doc.src.as_str();
    let at = node.range().start;
    // Line start from the parser's byte column, and the end searched for only as far as
    // shown: neither scans the rest of a long line.
    let ls = at - node.get_inner_node().start_position().column;
    let mut ws = ls.max(at.saturating_sub(SNIPPET_MAX / 4));
    while !src.is_char_boundary(ws) {
        ws -= 1;
    }
    // Source looked at: enough for a shown line of SNIPPET_MAX whose literals (shown as
    // `<string>`) are long.
    let mut limit = src.len().min(ws + SNIPPET_RAW_MAX);
    while !src.is_char_boundary(limit) {
        limit += 1;
    }
    let (we, mut more) = match src[at.min(limit)..limit].find('\n') {
        Some(i) => {
            let nl = at.min(limit) + i;
            (
                if src[..nl].ends_with('\r') {
                    nl - 1
                } else {
                    nl
                },
                false,
            )
        }
        None => (
            limit,
            limit < src.len() && !src[limit..].starts_with(['\n', '\r']),
        ),
    };
    let match_end = node.range().end.min(we);
    let hidden = hidden_spans(&doc.tree, ws, we);
    let mut text = String::new();
    if ws > ls {
        text.push('…');
    }
    let mut pos = ws;
    let full = text.len() + SNIPPET_MAX;
    // Source bytes `pos..upto` as they are, noting where the match starts and ends; false
    // when the shown text is full.
    let copy = |pos: usize, upto: usize, text: &mut String, marks: &mut [Option<usize>; 2]| {
        for (i, c) in src[pos..upto].char_indices() {
            if text.len() >= full {
                return false;
            }
            for (m, x) in marks.iter_mut().zip([at, match_end]) {
                if pos + i == x {
                    m.get_or_insert(text.len());
                }
            }
            text.push(c);
        }
        true
    };
    let mut marks = [None, None];
    let mut room = true;
    for (r, shown) in &hidden {
        if r.start > pos && !copy(pos, r.start, &mut text, &mut marks) || text.len() >= full {
            room = false;
            break;
        }
        // A match that starts in a hidden span starts before it; one that ends in it (or at
        // its end) ends after it; one that ends where it starts ends before it.
        let start = text.len();
        text.push_str(shown);
        if (r.start..r.end.max(r.start + 1)).contains(&at) {
            marks[0].get_or_insert(start);
        }
        if match_end == r.start {
            marks[1].get_or_insert(start);
        } else if r.start < match_end && match_end <= r.end {
            marks[1].get_or_insert(text.len());
        }
        pos = r.end.max(pos);
    }
    if !(room && copy(pos, we, &mut text, &mut marks)) {
        more = true;
    }
    let end = text.len();
    if more {
        text.push('…');
    }
    let from = marks[0].unwrap_or(0);
    let to = marks[1].unwrap_or(end).max(from);
    palisade_core::model::Snippet {
        line: node.start_pos().line() as u32 + 1,
        text,
        highlight: (from as u32 + 1, to as u32 + 1),
    }
}

/// The string and character literals (shown as `<string>`) and comments (`…`) that overlap
/// `ws..we`, clipped to it, in order. Descends only into nodes that overlap the range.
fn hidden_spans(
    tree: &tree_sitter::Tree,
    ws: usize,
    we: usize,
) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let mut out = Vec::new();
    let Some(top) = tree.root_node().descendant_for_byte_range(ws, we) else {
        return out;
    };
    let mut stack = vec![top];
    while let Some(n) = stack.pop() {
        let r = n.byte_range();
        if r.end <= ws || r.start >= we {
            continue;
        }
        let clipped = r.start.max(ws)..r.end.min(we);
        if is_literal(n.kind()) {
            out.push((clipped, "<string>"));
            continue;
        }
        if n.kind().contains("comment") {
            out.push((clipped, "…"));
            continue;
        }
        let mut child = n.first_child_for_byte(ws);
        while let Some(c) = child {
            if c.start_byte() >= we {
                break;
            }
            stack.push(c);
            child = c.next_sibling();
        }
    }
    out.sort_by_key(|(r, _)| (r.start, r.end));
    out
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

/// Whether a node kind is a string or character literal (in any of the grammars: strings,
/// template and interpolated strings, raw strings, heredocs and nowdocs, Java text blocks,
/// character and rune literals), whose content may be a credential.
fn is_literal(kind: &str) -> bool {
    kind.contains("string")
        || kind.contains("char_literal")
        || kind.contains("heredoc")
        || matches!(kind, "nowdoc" | "text_block" | "rune_literal")
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

/// What [`analyse`] prepares once for one language's rules: the automaton that finds
/// every word the rules need in a file (the word index and the whole-file prefilter), the
/// rules tried on each node kind, and taint rules grouped by their sources.
pub struct Plan {
    /// Find every word (overlapping) in one pass each: the case-sensitive words, and those
    /// found ignoring ASCII case; each with its automaton pattern -> word id.
    words: Vec<(aho_corasick::AhoCorasick, Vec<u32>)>,
    /// Node kind -> what is tried on nodes of that kind.
    table: Vec<Vec<Probe>>,
    /// What is tried on every node.
    every: Vec<Probe>,
    /// Node kind -> the taint rules with a sink of that kind, and the rules with a sink of
    /// any kind: looked for only in files where the rules' sources are.
    sink_table: Vec<Vec<Probe>>,
    sink_every: Vec<Probe>,
    /// Per rule: its source group (taint rules with the same sources share one).
    group_of: Vec<usize>,
    /// Per source group: the rule whose sources stand for the group.
    group_rule: Vec<usize>,
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field(
                "words",
                &self.words.iter().map(|(_, ids)| ids.len()).sum::<usize>(),
            )
            .field("rules", &self.group_of.len())
            .field("source_groups", &self.group_rule.len())
            .finish_non_exhaustive()
    }
}

impl Plan {
    /// The plan for `rules` (each with its check for `lang`); pass the same rules to
    /// [`analyse`].
    pub fn new(lang: Lang, rules: &[(&Rule, &Check)]) -> Self {
        use ast_grep_core::Matcher as _;
        use ast_grep_core::tree_sitter::LanguageExt as _;

        let mut words: Vec<crate::matcher::Word> = Vec::new();
        let mut group_of = Vec::with_capacity(rules.len());
        let mut group_rule: Vec<usize> = Vec::new();
        let mut group_keys: Vec<Option<&str>> = Vec::new();
        for (i, (_, check)) in rules.iter().enumerate() {
            let mut used = Vec::new();
            for m in check.matchers() {
                m.words(&mut used);
            }
            words.extend(used.into_iter().cloned());
            let key = match check {
                Check::Taint(spec) => spec.source_key.as_deref(),
                Check::Match(_) => None,
            };
            let group = match key {
                Some(k) => group_keys.iter().position(|g| *g == Some(k)),
                None => None,
            };
            group_of.push(group.unwrap_or_else(|| {
                group_keys.push(key);
                group_rule.push(i);
                group_rule.len() - 1
            }));
        }
        words.sort_by_key(|w| w.id);
        words.dedup_by_key(|w| w.id);
        let automata = [false, true]
            .into_iter()
            .filter_map(|ci| {
                let these: Vec<&crate::matcher::Word> =
                    words.iter().filter(|w| w.ci == ci).collect();
                let ac = aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::Standard)
                    .ascii_case_insensitive(ci)
                    .build(these.iter().map(|w| &*w.text))
                    .ok()?;
                (!these.is_empty()).then(|| (ac, these.iter().map(|w| w.id).collect()))
            })
            .collect();

        let kinds = lang.get_ts_language().node_kind_count();
        let mut table: Vec<Vec<Probe>> = vec![Vec::new(); kinds];
        let mut every: Vec<Probe> = Vec::new();
        let mut sink_table: Vec<Vec<Probe>> = vec![Vec::new(); kinds];
        let mut sink_every: Vec<Probe> = Vec::new();
        // A taint rule's many sources (or sinks) of one kind probe the node once.
        let add = |table: &mut Vec<Vec<Probe>>, every: &mut Vec<Probe>, m: &Matcher, probe| match m
            .potential_kinds()
        {
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
            match check {
                Check::Match(m) => add(&mut table, &mut every, m, Probe::Rule(i)),
                Check::Taint(spec) => {
                    for m in &spec.sources {
                        add(&mut table, &mut every, m, Probe::Source(group_of[i]));
                    }
                    for (m, _) in &spec.sinks {
                        add(&mut sink_table, &mut sink_every, m, Probe::Sink(i));
                    }
                }
            }
        }
        Self {
            words: automata,
            table,
            every,
            sink_table,
            sink_every,
            group_of,
            group_rule,
        }
    }
}

/// Analyse `text` as `lang` with `rules` (each with its check for `lang`; `plan` made from
/// the same rules).
///
/// The tree is walked once: each node is tried only against the rules whose patterns can
/// match a node of its kind, and the walk also notes which taint rules have a source and a
/// sink in the file; only those run their data-flow analysis afterwards. When `budget` is
/// spent the walk stops (`stopped_at`) and the remaining taint rules are skipped.
pub fn analyse(
    text: &str,
    lang: Lang,
    rules: &[(&Rule, &Check)],
    plan: &Plan,
    budget: Duration,
) -> FileResult {
    analyse_with(text, lang, rules, plan, budget, true)
}

/// [`analyse`], with the budget applied to the walk only when `limit_parse` is false (so
/// tests can stop the walk of a file that was parsed).
#[doc(hidden)]
pub fn analyse_with(
    text: &str,
    lang: Lang,
    rules: &[(&Rule, &Check)],
    plan: &Plan,
    budget: Duration,
    limit_parse: bool,
) -> FileResult {
    use ast_grep_core::matcher::MatcherExt as _;

    let started = Instant::now();
    // Where every word the rules need occurs, in one pass over the text.
    let _index = crate::matcher::index_words(
        text,
        plan.words.iter().flat_map(|(ac, ids)| {
            ac.find_overlapping_iter(text)
                .map(|m| (ids[m.pattern().as_usize()], m.start()))
        }),
    );
    // A rule that needs words the file does not contain is not tried (a taint rule: for
    // each of its sources, or for each of its sinks). A file no rule can match is not parsed.
    let active: Vec<bool> = rules
        .iter()
        .map(|(_, check)| match check {
            Check::Match(m) => m.admitted_by_file(),
            Check::Taint(spec) => spec.admitted_by_file(),
        })
        .collect();
    if !active.contains(&true) {
        return FileResult::default();
    }
    // A source group is looked for when any of its rules is active.
    let mut group_active = vec![false; plan.group_rule.len()];
    for (i, &a) in active.iter().enumerate() {
        group_active[plan.group_of[i]] |= a;
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
    let mut columns = Columns::default();
    let mut hits_of = vec![0usize; rules.len()];
    let mut out = FileResult {
        syntax_error: first_error(&root),
        ..FileResult::default()
    };
    let (table, every) = (&plan.table, &plan.every);
    // Probes borrow this empty environment: a failed match (the common case) copies and
    // allocates nothing.
    let empty = ast_grep_core::meta_var::MetaVarEnv::new();
    let mut has_source_group = vec![false; plan.group_rule.len()];
    let mut has_sink = vec![false; rules.len()];
    // Only the subtrees holding a word one of the active rules needs are walked.
    let probed = rules
        .iter()
        .zip(&active)
        .filter(|(_, a)| **a)
        .flat_map(|((_, check), _)| match check {
            Check::Match(m) => std::slice::from_ref(m),
            Check::Taint(spec) => &spec.sources[..],
        });
    for (visited, node) in Pruned::new(&grep, occurrences(probed)).enumerate() {
        if visited % BUDGET_CHECK == BUDGET_CHECK - 1 && started.elapsed() > budget {
            out.stopped_at = Some(node.start_pos().line() as u32 + 1);
            break;
        }
        let k = usize::from(node.kind_id());
        for probe in table.get(k).into_iter().flatten().chain(every) {
            match *probe {
                Probe::Rule(i) => {
                    let (rule, Check::Match(matcher)) = rules[i] else {
                        continue;
                    };
                    if !active[i]
                        || hits_of[i] >= MAX_HITS_PER_RULE
                        || !matcher.matches(&node, &empty)
                    {
                        continue;
                    }
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
                    let mut hit = Hit::at(i, &m, message, &mut columns);
                    hit.fix = rule.fix.as_deref().map(|t| {
                        let bytes = ast_grep_core::replacer::Replacer::generate_replacement(t, &m);
                        String::from_utf8_lossy(&bytes).into_owned()
                    });
                    out.hits.push(hit);
                    hits_of[i] += 1;
                }
                Probe::Source(g) if group_active[g] && !has_source_group[g] => {
                    if let Check::Taint(spec) = rules[plan.group_rule[g]].1 {
                        has_source_group[g] = spec.sources.iter().any(|m| m.matches(&node, &empty));
                    }
                }
                Probe::Source(_) | Probe::Sink(_) => {}
            }
        }
    }
    // Sinks are looked for only for the taint rules whose sources are in the file (in most
    // files, none): one more walk, over the nodes of the kinds those sinks can be.
    let mut pending = 0usize;
    let want: Vec<bool> = (0..rules.len())
        .map(|i| {
            let w = matches!(rules[i].1, Check::Taint(_))
                && active[i]
                && has_source_group[plan.group_of[i]];
            pending += usize::from(w);
            w
        })
        .collect();
    if pending > 0 && out.stopped_at.is_none() {
        let sinks = rules
            .iter()
            .zip(&want)
            .filter(|(_, w)| **w)
            .flat_map(|((_, check), _)| match check {
                Check::Taint(spec) => spec.sinks.iter().map(|(m, _)| m).collect(),
                Check::Match(_) => Vec::new(),
            });
        for (visited, node) in Pruned::new(&grep, occurrences(sinks)).enumerate() {
            if visited % BUDGET_CHECK == BUDGET_CHECK - 1 && started.elapsed() > budget {
                out.stopped_at = Some(node.start_pos().line() as u32 + 1);
                break;
            }
            let k = usize::from(node.kind_id());
            let probes = plan.sink_table.get(k).into_iter().flatten();
            for probe in probes.chain(&plan.sink_every) {
                let Probe::Sink(i) = *probe else { continue };
                if !want[i] || has_sink[i] {
                    continue;
                }
                if let Check::Taint(spec) = rules[i].1
                    && spec.sinks.iter().any(|(m, _)| m.matches(&node, &empty))
                {
                    has_sink[i] = true;
                    pending -= 1;
                }
            }
            if pending == 0 {
                break;
            }
        }
    }
    // The file's functions, and each source group's places, are found once.
    let mut functions = None;
    let mut sources_at: Vec<Option<Vec<std::ops::Range<usize>>>> =
        vec![None; plan.group_rule.len()];
    for (i, (rule, check)) in rules.iter().enumerate() {
        let Check::Taint(spec) = check else {
            continue;
        };
        if !(active[i] && has_source_group[plan.group_of[i]] && has_sink[i]) {
            continue;
        }
        if out.stopped_at.is_some() || started.elapsed() > budget {
            out.stopped_at.get_or_insert(1);
            break;
        }
        let file = functions.get_or_insert_with(|| crate::taint::FileFunctions::new(&root, lang));
        let at = sources_at[plan.group_of[i]]
            .get_or_insert_with(|| crate::taint::sources_at(&root, spec));
        for flow in crate::taint::flows_in(&root, lang, spec, file, at) {
            let Some(node) = root.dfs().find(|n| n.range() == flow.range) else {
                continue;
            };
            if hits_of[i] >= MAX_HITS_PER_RULE {
                break;
            }
            let mut hit = Hit::at(i, &node, rule.message.clone(), &mut columns);
            hit.flow = flow.steps;
            out.hits.push(hit);
            hits_of[i] += 1;
        }
    }
    out.hits
        .sort_by_key(|h| (h.rule, h.range.start, h.range.end));
    out.capped = (0..rules.len())
        .filter(|&i| hits_of[i] >= MAX_HITS_PER_RULE)
        .collect();
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
