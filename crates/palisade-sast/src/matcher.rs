//! The rule language's matchers over syntax trees.
//!
//! A structural `pattern` is ast-grep-core's (code in the target language with `$X`
//! metavariables and `$$$` sequences); the combinators (`all`, `any`, `not`) and relations
//! (`inside`, `has`, `follows`, `precedes`) and the metavariable constraints are ours, built
//! on its `Matcher` trait so that metavariables bind across every part of a rule.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use ast_grep_core::matcher::KindMatcher;
use ast_grep_core::meta_var::MetaVarEnv;
use ast_grep_core::{Doc, Matcher as AgMatcher, Node, Pattern};
use std::sync::{Arc, OnceLock};

use regex::Regex;

use crate::lang::Lang;

/// One matcher of a rule.
#[derive(Clone)]
pub enum Matcher {
    /// Code with metavariables, and the literal words of that code (every match contains
    /// each), when the pattern is the whole matched code.
    Pattern(Pattern, Vec<Word>),
    /// A node of this tree-sitter kind.
    Kind(KindMatcher),
    /// A node whose whole text matches, and literals one of which every match contains.
    Regex(Re, Option<Vec<Word>>),
    /// Every one matches the same node (metavariables bind across them, in order).
    All(Vec<Self>),
    /// At least one matches (the first that does binds its metavariables).
    Any(Vec<Self>),
    /// It does not match (binds nothing).
    Not(Box<Self>),
    /// An enclosing node matches.
    Inside(Box<Self>),
    /// A node within matches (with a field name: within that field's child only, e.g. a
    /// function's `declarator` and not its body).
    Has(Box<Self>, Option<Box<str>>),
    /// A statement before the node's statement, in the same block, is or contains a match.
    Follows(Box<Self>, Lang),
    /// A statement after the node's statement, in the same block, is or contains a match.
    Precedes(Box<Self>, Lang),
    /// The inner matcher, then constraints on what its metavariables bound.
    Where(Box<Self>, Vec<Constraint>),
    /// The inner matcher, trying its alternatives until one passes its constraints (see
    /// [`Matcher::prepared`]).
    Backtrack(Box<Self>),
}

impl Matcher {
    /// Whether the file being analysed can hold a match at all, judged from the words
    /// the match (or what its relations find) must contain: every word of a pattern, one of
    /// a regex's literals, one of the literals of a `where` regex on a metavariable every
    /// match binds. A file no rule admits is not parsed. True when no word index is live.
    pub(crate) fn admitted_by_file(&self) -> bool {
        match self {
            Self::Pattern(_, words) => words.iter().all(in_file),
            Self::Regex(_, Some(words)) => words.iter().any(in_file),
            Self::Regex(_, None) | Self::Kind(_) | Self::Not(_) => true,
            Self::All(ms) => ms.iter().all(Self::admitted_by_file),
            Self::Any(ms) => ms.iter().any(Self::admitted_by_file),
            Self::Where(m, constraints) => admitted_with(m, constraints),
            // A relation's match lies in the file too.
            Self::Backtrack(m)
            | Self::Inside(m)
            | Self::Has(m, _)
            | Self::Follows(m, _)
            | Self::Precedes(m, _) => m.admitted_by_file(),
        }
    }

    /// A regex matcher, with the literals its matches must contain (for the prefilter).
    pub fn regex(re: Re) -> Self {
        let words = required_words(re.as_str());
        Self::Regex(re, words)
    }

    /// Every regex in this matcher (to compile them all up front, see [`Re`]).
    pub(crate) fn regexes<'a>(&'a self, out: &mut Vec<&'a Re>) {
        match self {
            Self::Regex(re, _) => out.push(re),
            Self::Pattern(..) | Self::Kind(_) => {}
            Self::All(ms) | Self::Any(ms) => ms.iter().for_each(|m| m.regexes(out)),
            Self::Where(m, constraints) => {
                m.regexes(out);
                for c in constraints {
                    out.extend(c.regex.iter().chain(&c.not_regex));
                }
            }
            Self::Backtrack(m)
            | Self::Not(m)
            | Self::Inside(m)
            | Self::Has(m, _)
            | Self::Follows(m, _)
            | Self::Precedes(m, _) => m.regexes(out),
        }
    }

    /// Every word any part of this matcher checks against the file's word index.
    pub(crate) fn words<'a>(&'a self, out: &mut Vec<&'a Word>) {
        match self {
            Self::Pattern(_, words) => out.extend(words),
            Self::Regex(_, words) => out.extend(words.iter().flatten()),
            Self::Kind(_) => {}
            Self::All(ms) | Self::Any(ms) => ms.iter().for_each(|m| m.words(out)),
            Self::Where(m, constraints) => {
                m.words(out);
                out.extend(
                    constraints
                        .iter()
                        .filter_map(|c| c.words.as_ref())
                        .flatten(),
                );
            }
            Self::Backtrack(m)
            | Self::Not(m)
            | Self::Inside(m)
            | Self::Has(m, _)
            | Self::Follows(m, _)
            | Self::Precedes(m, _) => m.words(out),
        }
    }

    /// Whether `node` can match at all, judged only from the words its text must contain
    /// (the word index): cheap, so checked before any structural comparison or relation
    /// search. True when there is no index or nothing to judge by.
    pub(crate) fn admits<D: Doc>(&self, node: &Node<'_, D>) -> bool {
        match self {
            Self::Pattern(_, words) => {
                words.is_empty() || indexed(node, words, false) != Some(false)
            }
            Self::Regex(_, Some(words)) => indexed(node, words, true) != Some(false),
            Self::All(ms) => ms.iter().all(|m| m.admits(node)),
            Self::Any(ms) => ms.iter().any(|m| m.admits(node)),
            // What `has` finds lies within the node, so its words do too.
            Self::Where(m, _) | Self::Backtrack(m) | Self::Has(m, _) => m.admits(node),
            Self::Regex(_, None)
            | Self::Kind(_)
            | Self::Not(_)
            | Self::Inside(_)
            | Self::Follows(..)
            | Self::Precedes(..) => true,
        }
    }

    /// Whether this matcher matches `node`, keeping no bindings: judged by its words first
    /// ([`Matcher::admits`]), then matched from the borrowed `empty` environment (copied
    /// only when something binds).
    pub(crate) fn matches<'t, D: Doc>(
        &self,
        node: &Node<'t, D>,
        empty: &MetaVarEnv<'t, D>,
    ) -> bool {
        self.admits(node)
            && self
                .match_node_with_env(node.clone(), &mut Cow::Borrowed(empty))
                .is_some()
    }

    /// Words one of which the text of every node this matcher matches contains; None when
    /// there is no such set. A subtree whose text holds none of them holds no match (see
    /// [`Occurrences`]).
    pub(crate) fn needs(&self) -> Option<Vec<&Word>> {
        match self {
            Self::Pattern(_, words) => longest(words).map(|w| vec![w]),
            Self::Regex(_, Some(words)) if !words.is_empty() => Some(words.iter().collect()),
            Self::All(ms) => ms.iter().filter_map(Self::needs).min_by_key(Vec::len),
            Self::Any(ms) => {
                let mut all = Vec::new();
                for m in ms {
                    all.extend(m.needs()?);
                }
                Some(all)
            }
            // A constraint's literals, when the text it constrains lies within the match.
            Self::Where(m, constraints) => m.needs().or_else(|| {
                constraints.iter().find_map(|c| {
                    let words = c.words.as_ref().filter(|ws| !ws.is_empty())?;
                    m.binds(&c.var, true).then(|| words.iter().collect())
                })
            }),
            // What `has` finds lies within the node.
            Self::Backtrack(m) | Self::Has(m, _) => m.needs(),
            Self::Regex(..)
            | Self::Kind(_)
            | Self::Not(_)
            | Self::Inside(_)
            | Self::Follows(..)
            | Self::Precedes(..) => None,
        }
    }

    /// Whether every match binds metavariable `var` (without `$`); with `within`, to a
    /// node inside the matched node (not one an `inside`, `follows` or `precedes` found).
    fn binds(&self, var: &str, within: bool) -> bool {
        match self {
            Self::Pattern(p, _) => p.defined_vars().contains(var),
            Self::All(ms) => ms.iter().any(|m| m.binds(var, within)),
            Self::Any(ms) => ms.iter().all(|m| m.binds(var, within)),
            Self::Where(m, _) | Self::Backtrack(m) | Self::Has(m, _) => m.binds(var, within),
            Self::Inside(m) | Self::Follows(m, _) | Self::Precedes(m, _) => {
                !within && m.binds(var, within)
            }
            Self::Kind(_) | Self::Regex(..) | Self::Not(_) => false,
        }
    }
}

/// [`Matcher::admitted_by_file`] for `m` under `where` constraints: a constraint on a
/// metavariable that a match binds needs one of its regex's literals in the file. Over an
/// `any`, each alternative is judged with the constraints on what it binds.
fn admitted_with(m: &Matcher, constraints: &[Constraint]) -> bool {
    match m {
        Matcher::Any(ms) => ms.iter().any(|m| admitted_with(m, constraints)),
        _ => {
            m.admitted_by_file()
                && constraints.iter().all(|c| {
                    c.words
                        .as_ref()
                        .is_none_or(|ws| !m.binds(&c.var, false) || ws.iter().any(in_file))
                })
        }
    }
}

/// Words (of three or more bytes) one of which every match of the regex `pattern`
/// contains, as interned words (case-insensitive ones for `(?i)` parts). None when there
/// is no such set.
pub(crate) fn required_words(pattern: &str) -> Option<Vec<Word>> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    // The few literals every match starts with.
    let prefixes = regex_syntax::hir::literal::Extractor::new().extract(&hir);
    let starts = prefixes.literals().and_then(|literals| {
        let words: Vec<Lit> = literals
            .iter()
            .filter_map(|l| std::str::from_utf8(l.as_bytes()).ok())
            .filter(|w| w.len() >= 3)
            .map(|w| Lit {
                text: w.to_owned(),
                ci: false,
            })
            .collect();
        (!literals.is_empty() && words.len() == literals.len()).then_some(words)
    });
    // More than 32 literals (a case-insensitive prefix spelled every way) is no filter.
    let small = |set: &Vec<Lit>| set.len() <= 32;
    let lits = match (required(&hir).filter(small), starts.filter(small)) {
        (Some(a), Some(b)) if selectivity(&b) > selectivity(&a) => b,
        (Some(a), _) => a,
        (None, b) => b?,
    };
    Some(lits.iter().map(|l| intern_as(&l.text, l.ci)).collect())
}

/// A literal of a regex; `ci`: matched ignoring ASCII case (`text` is then lower-case).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Lit {
    text: String,
    ci: bool,
}

/// The literals one of which every match of `h` contains (each of three or more bytes):
/// a literal (or case-insensitive letters) run of a sequence, the union over an
/// alternation's branches, through groups and repetitions of at least one. Of several sets
/// that hold, the most selective.
fn required(h: &regex_syntax::hir::Hir) -> Option<Vec<Lit>> {
    use regex_syntax::hir::HirKind;
    match h.kind() {
        HirKind::Literal(_) | HirKind::Class(_) => {
            let mut run = Run::default();
            run.push(h).then_some(())?;
            run.take()
        }
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Concat(parts) => {
            let mut best: Option<Vec<Lit>> = None;
            let mut consider = |set: Option<Vec<Lit>>| {
                if let Some(set) = set {
                    best = Some(match best.take() {
                        Some(b) if selectivity(&b) >= selectivity(&set) => b,
                        _ => set,
                    });
                }
            };
            let mut run = Run::default();
            for part in parts {
                if !run.push(part) {
                    consider(run.take());
                    consider(required(part));
                }
            }
            consider(run.take());
            best
        }
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for b in branches {
                all.extend(required(b)?);
            }
            all.dedup();
            Some(all)
        }
        _ => None,
    }
}

/// How selective a set of literals is: its shortest literal's length (words of six bytes
/// or more count as equally rare), then fewer literals.
fn selectivity(set: &[Lit]) -> (usize, usize) {
    (
        set.iter().map(|l| l.text.len()).min().unwrap_or(0).min(6),
        usize::MAX - set.len(),
    )
}

/// A run of literal characters in a sequence.
#[derive(Default)]
struct Run {
    text: String,
    ci: bool,
}

impl Run {
    /// Add `h` when it is a literal or one letter in both cases; false otherwise.
    fn push(&mut self, h: &regex_syntax::hir::Hir) -> bool {
        use regex_syntax::hir::{Class, HirKind};
        match h.kind() {
            HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
                Ok(t) => {
                    self.text.push_str(t);
                    true
                }
                Err(_) => false,
            },
            // `(?i)a` is the class [Aa].
            HirKind::Class(Class::Unicode(class)) => {
                let pairs: Vec<(char, char)> = class
                    .ranges()
                    .iter()
                    .map(|g| (g.start(), g.end()))
                    .collect();
                self.push_folded(&pairs)
            }
            HirKind::Class(Class::Bytes(class)) => {
                let pairs: Vec<(char, char)> = class
                    .ranges()
                    .iter()
                    .map(|g| (char::from(g.start()), char::from(g.end())))
                    .collect();
                self.push_folded(&pairs)
            }
            _ => false,
        }
    }

    /// Add the letter whose upper and lower case the class ranges `ranges` are exactly;
    /// false otherwise. `(?i)k` also matches the Kelvin sign and `(?i)s` the long s, which
    /// an ASCII-case-insensitive search does not find: those letters are added too, and a
    /// word holding them counts as found anywhere in a file that holds either sign (see
    /// [`Word::folds`]).
    fn push_folded(&mut self, ranges: &[(char, char)]) -> bool {
        let letter = match ranges {
            [(upper, upper_end), (lower, lower_end)]
                if upper == upper_end && lower == lower_end =>
            {
                (*upper, *lower)
            }
            [(upper, upper_end), (lower, lower_end), (other, other_end)]
                if upper == upper_end
                    && lower == lower_end
                    && other == other_end
                    && FOLDS.contains(&(*lower, *other)) =>
            {
                (*upper, *lower)
            }
            _ => return false,
        };
        let (upper, lower) = letter;
        if !(upper.is_ascii_uppercase() && lower == upper.to_ascii_lowercase()) {
            return false;
        }
        self.text.push(lower);
        self.ci = true;
        true
    }

    /// The run so far as a literal set (when three or more bytes long), emptied.
    fn take(&mut self) -> Option<Vec<Lit>> {
        let text = std::mem::take(&mut self.text);
        let ci = std::mem::take(&mut self.ci);
        (text.len() >= 3).then(|| {
            vec![Lit {
                text: if ci { text.to_ascii_lowercase() } else { text },
                ci,
            }]
        })
    }
}

impl Matcher {
    /// The matcher to run: a matcher with `where` constraints is wrapped to run as a
    /// backtracking search that checks each constraint as soon as its metavariable is bound
    /// (see [`Matcher::solve`]); one without runs unchanged.
    #[must_use]
    pub fn prepared(self) -> Self {
        if self.has_constraints() {
            Self::Backtrack(Box::new(self))
        } else {
            self
        }
    }

    fn has_constraints(&self) -> bool {
        match self {
            Self::Pattern(..) | Self::Kind(_) | Self::Regex(..) | Self::Backtrack(_) => false,
            Self::Where(..) => true,
            Self::All(ms) | Self::Any(ms) => ms.iter().any(Self::has_constraints),
            Self::Not(m)
            | Self::Inside(m)
            | Self::Has(m, _)
            | Self::Follows(m, _)
            | Self::Precedes(m, _) => m.has_constraints(),
        }
    }

    /// Try every way this matcher matches `node` starting from `env`, in order, handing
    /// the bindings of each to `k` until `k` accepts one (true: then the search stops).
    /// This is the backtracking search: a `where` that rejects one alternative's bindings
    /// makes the search go on to the next, and nothing more is tried once one is accepted.
    /// `guard` holds the constraints of the `where`s around this matcher: each is checked
    /// as soon as a pattern binds its metavariable, so a call whose name is wrong is dropped
    /// before its `inside` or `has` search runs.
    fn solve<'t, D: Doc>(
        &self,
        node: &Node<'t, D>,
        env: &MetaVarEnv<'t, D>,
        guard: &[&Constraint],
        k: &mut dyn FnMut(&MetaVarEnv<'t, D>) -> bool,
    ) -> bool {
        match self {
            Self::Pattern(..) | Self::Kind(_) | Self::Regex(..) => {
                // Borrowed: a failed match (the common case) copies nothing.
                let mut e = Cow::Borrowed(env);
                self.match_node_with_env(node.clone(), &mut e).is_some()
                    && guard.iter().all(|c| c.holds(&e))
                    && k(&e)
            }
            Self::All(ms) => self.admits(node) && solve_all(ms, node, env, guard, k),
            Self::Any(ms) => ms.iter().any(|m| m.solve(node, env, guard, k)),
            // What the inner matcher binds is dropped: the constraints around do not apply.
            Self::Not(m) => !m.solve(node, env, &[], &mut |_| true) && k(env),
            Self::Inside(m) => node.ancestors().any(|a| m.solve(&a, env, guard, k)),
            Self::Has(m, field) => {
                within(node, field.as_deref()).any(|d| m.solve(&d, env, guard, k))
            }
            Self::Follows(m, lang) => statement(node, *lang)
                .prev_all()
                .any(|s| s.dfs().any(|d| m.solve(&d, env, guard, k))),
            Self::Precedes(m, lang) => statement(node, *lang)
                .next_all()
                .any(|s| s.dfs().any(|d| m.solve(&d, env, guard, k))),
            Self::Where(m, constraints) => {
                let mut all: Vec<&Constraint> = guard.to_vec();
                all.extend(constraints.iter());
                m.solve(node, env, &all, &mut |e| {
                    constraints.iter().all(|c| c.holds(e)) && k(e)
                })
            }
            Self::Backtrack(m) => m.solve(node, env, guard, k),
        }
    }
}

/// The nodes `has` looks at: every node below `node`, or only the child in `field` and
/// the nodes below it.
fn within<'a, 't: 'a, D: Doc>(
    node: &'a Node<'t, D>,
    field: Option<&'a str>,
) -> Box<dyn Iterator<Item = Node<'t, D>> + 'a> {
    match field {
        None => Box::new(node.dfs().skip(1)),
        Some(f) => Box::new(
            node.field_children(f)
                .collect::<Vec<_>>()
                .into_iter()
                .flat_map(|c| c.dfs().collect::<Vec<_>>()),
        ),
    }
}

/// [`Matcher::solve`] for `all`: each matcher in turn, on the bindings of the ones before.
fn solve_all<'t, D: Doc>(
    ms: &[Matcher],
    node: &Node<'t, D>,
    env: &MetaVarEnv<'t, D>,
    guard: &[&Constraint],
    k: &mut dyn FnMut(&MetaVarEnv<'t, D>) -> bool,
) -> bool {
    match ms.split_first() {
        None => k(env),
        Some((first, rest)) => first.solve(node, env, guard, &mut |e| {
            solve_all(rest, node, e, guard, k)
        }),
    }
}

/// The literal words (identifier-like runs that are not metavariables, with the `$` of a
/// name such as `$where` that is not one) of a pattern's code: those of three or more
/// bytes, or else the longest of two. Every match of the pattern contains each of them.
pub fn pattern_words(code: &str) -> Vec<Word> {
    let mut all: Vec<&str> = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            // `$X`, `$_X` and `$$$X` are metavariables; a `$` before a lower-case name is
            // text (`"$where"` in a string, PHP's `$this`), and part of the word.
            if start > 0 && bytes[start - 1] == b'$' {
                if c.is_ascii_lowercase() {
                    all.push(&code[start - 1..i]);
                }
            } else {
                all.push(&code[start..i]);
            }
        } else {
            i += 1;
        }
    }
    let mut long: Vec<&str> = all.iter().copied().filter(|w| w.len() >= 3).collect();
    if long.is_empty() {
        long.extend(all.into_iter().filter(|w| w.len() == 2).take(1));
    }
    long.sort_unstable();
    long.dedup();
    long.into_iter().map(intern).collect()
}

/// The longest of `words` (the most selective for the whole-file prefilter).
fn longest(words: &[Word]) -> Option<&Word> {
    words
        .iter()
        .fold(None, |best: Option<&Word>, w| match best {
            Some(b) if b.text.len() >= w.text.len() => Some(b),
            _ => Some(w),
        })
}

/// The ASCII letters whose Unicode simple case folding also holds a non-ASCII character
/// (lower-case letter, that character): `(?i)k` matches the Kelvin sign, `(?i)s` the long
/// s. Python identifiers are NFKC-normalised, so `API_\u{212A}EY` names `API_KEY`.
const FOLDS: [(char, char); 2] = [('k', '\u{212A}'), ('s', '\u{17F}')];

/// Whether `text` holds a non-ASCII character of [`FOLDS`].
fn has_fold_sign(text: &str) -> bool {
    FOLDS.iter().any(|&(_, sign)| text.contains(sign))
}

/// A literal word a matcher needs, with its process-wide id in the word index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Its id (dense, from 0).
    pub(crate) id: u32,
    /// The word (lower-case when `ci`).
    pub(crate) text: Box<str>,
    /// Found ignoring ASCII case.
    pub(crate) ci: bool,
}

impl Word {
    /// Whether a match may spell the word with a non-ASCII character an
    /// ASCII-case-insensitive search does not find ([`FOLDS`]): such a word counts as found
    /// anywhere in a file that holds one of those characters.
    fn folds(&self) -> bool {
        self.ci
            && self
                .text
                .bytes()
                .any(|b| FOLDS.iter().any(|&(c, _)| b == c as u8))
    }
}

/// The same id for the same word, process-wide.
pub(crate) fn intern(text: &str) -> Word {
    intern_as(text, false)
}

/// [`intern`], found ignoring ASCII case when `ci` (`text` is then lower-case).
fn intern_as(text: &str, ci: bool) -> Word {
    type Ids = HashMap<(Box<str>, bool), u32>;
    static IDS: Mutex<Option<Ids>> = Mutex::new(None);
    let mut ids = IDS.lock().unwrap_or_else(PoisonError::into_inner);
    let ids = ids.get_or_insert_with(HashMap::new);
    let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    let id = *ids.entry((text.into(), ci)).or_insert(next);
    Word {
        id,
        text: text.into(),
        ci,
    }
}

thread_local! {
    /// Where each word occurs in the file this thread is analysing (see [`WordIndex`]).
    static INDEX: RefCell<WordIndex> = RefCell::new(WordIndex::default());
}

/// The byte offsets at which each word occurs in one file, found in one pass before the
/// walk: "does this node's text contain the word" is then a binary search, not a scan of
/// the node's text (which for the many nodes enclosing a large one is quadratic).
#[derive(Default)]
pub(crate) struct WordIndex {
    live: bool,
    /// The file holds a character of [`FOLDS`]: words that [`Word::folds`] count as found
    /// everywhere.
    fold_signs: bool,
    /// Word id -> sorted start offsets.
    at: Vec<Vec<u32>>,
    touched: Vec<u32>,
}

impl WordIndex {
    fn has(&self, w: &Word, start: usize, end: usize) -> bool {
        if self.fold_signs && w.folds() {
            return true;
        }
        let Some(at) = self.at.get(w.id as usize) else {
            return false;
        };
        let i = at.partition_point(|&p| (p as usize) < start);
        at.get(i).is_some_and(|&p| p as usize + w.text.len() <= end)
    }
}

/// Record the occurrences of words (id, start offset; found in order of their end) in
/// `text`, the file about to be walked on this thread; they hold until the returned guard
/// drops.
pub(crate) fn index_words(text: &str, found: impl Iterator<Item = (u32, usize)>) -> IndexGuard {
    INDEX.with_borrow_mut(|ix| {
        ix.fold_signs = has_fold_sign(text);
        for (id, start) in found {
            let Ok(start) = u32::try_from(start) else {
                // Offsets past 4 GiB: no index (the checks fall back to the text).
                for id in ix.touched.drain(..) {
                    ix.at[id as usize].clear();
                }
                ix.live = false;
                return;
            };
            let slot = id as usize;
            if ix.at.len() <= slot {
                ix.at.resize_with(slot + 1, Vec::new);
            }
            if ix.at[slot].is_empty() {
                ix.touched.push(id);
            }
            ix.at[slot].push(start);
        }
        for &id in &ix.touched {
            // Found in order of their end: for one word, that is also the order of starts.
            debug_assert!(ix.at[id as usize].is_sorted());
        }
        ix.live = true;
    });
    IndexGuard(())
}

/// Whether the current file may hold `word` (true when no index is live).
pub(crate) fn in_file(word: &Word) -> bool {
    INDEX.with_borrow(|ix| {
        !ix.live
            || (ix.fold_signs && word.folds())
            || ix.at.get(word.id as usize).is_some_and(|a| !a.is_empty())
    })
}

/// Where the words of a set occur in the file being analysed, to tell whether a node's
/// text holds one of them without visiting the nodes under it.
pub(crate) struct Occurrences {
    /// Start offsets, sorted.
    starts: Vec<u32>,
    /// For each start, the least end offset of the occurrences from it on.
    min_end: Vec<u32>,
}

impl Occurrences {
    /// The occurrences of `words` in the current file, from the word index. None when it
    /// cannot tell: no index is live, or the file holds a character a word may be spelled
    /// with that the index does not see ([`Word::folds`]).
    pub(crate) fn of(words: &[&Word]) -> Option<Self> {
        INDEX.with_borrow(|ix| {
            if !ix.live || ix.fold_signs && words.iter().any(|w| w.folds()) {
                return None;
            }
            let mut all: Vec<(u32, u32)> = Vec::new();
            for w in words {
                let len = u32::try_from(w.text.len()).ok()?;
                let at = ix.at.get(w.id as usize).map_or(&[][..], Vec::as_slice);
                all.extend(at.iter().map(|&s| (s, s.saturating_add(len))));
            }
            all.sort_unstable();
            all.dedup();
            let mut min_end = vec![0; all.len()];
            let mut least = u32::MAX;
            for (i, &(_, e)) in all.iter().enumerate().rev() {
                least = least.min(e);
                min_end[i] = least;
            }
            Some(Self {
                starts: all.into_iter().map(|(s, _)| s).collect(),
                min_end,
            })
        })
    }

    /// Whether an occurrence lies within bytes `start..end`.
    pub(crate) fn within(&self, start: usize, end: usize) -> bool {
        let i = self.starts.partition_point(|&s| (s as usize) < start);
        self.min_end.get(i).is_some_and(|&e| e as usize <= end)
    }
}

/// Clears the word index when the file's analysis ends (or unwinds).
pub(crate) struct IndexGuard(());

impl Drop for IndexGuard {
    fn drop(&mut self) {
        INDEX.with_borrow_mut(|ix| {
            for id in ix.touched.drain(..) {
                ix.at[id as usize].clear();
            }
            ix.live = false;
            ix.fold_signs = false;
        });
    }
}

/// Whether the node's text contains every one of `words` (`any`: at least one), from the
/// word index (None: no index is live).
fn indexed<D: Doc>(node: &Node<'_, D>, words: &[Word], any: bool) -> Option<bool> {
    let r = node.range();
    INDEX.with_borrow(|ix| {
        ix.live.then(|| {
            if any {
                words.iter().any(|w| ix.has(w, r.start, r.end))
            } else {
                words.iter().all(|w| ix.has(w, r.start, r.end))
            }
        })
    })
}

/// Whether the node's text contains every one of `words` (`any`: at least one), from the
/// word index when one is live, else from the text (the longest word only).
fn node_has<D: Doc>(node: &Node<'_, D>, words: &[Word], any: bool) -> bool {
    if words.is_empty() {
        return true;
    }
    indexed(node, words, any).unwrap_or_else(|| {
        let text = node.text();
        let has = |w: &Word| {
            if w.ci {
                (w.folds() && has_fold_sign(&text)) || text.to_ascii_lowercase().contains(&*w.text)
            } else {
                text.contains(&*w.text)
            }
        };
        if any {
            words.iter().any(has)
        } else {
            longest(words).is_none_or(has)
        }
    })
}

/// A rule's regex, checked for syntax when the rule loads and compiled when first used:
/// compiling every built-in rule's regexes (Unicode classes such as `\w` make large
/// automata) took most of the SAST scanner's start-up, mostly for languages a scan never
/// meets. Custom rules compile theirs at load ([`Re::compile`]), so a regex over the size
/// limit is a load error there; the built-in ones are all compiled by the tests.
#[derive(Debug, Clone)]
pub struct Re {
    src: Box<str>,
    /// Shared by clones (a rule's matchers are cloned during analysis), so that it is
    /// compiled once.
    compiled: Arc<OnceLock<Result<Regex, String>>>,
}

impl Re {
    /// A regex whose syntax is valid (else the parser's message).
    pub fn new(src: &str) -> Result<Self, String> {
        regex_syntax::Parser::new()
            .parse(src)
            .map_err(|e| e.to_string())?;
        Ok(Self {
            src: src.into(),
            compiled: Arc::new(OnceLock::new()),
        })
    }

    /// The regex as written.
    pub fn as_str(&self) -> &str {
        &self.src
    }

    /// Compile it now (once): an error is one `regex` reports beyond syntax (its size).
    pub fn compile(&self) -> Result<&Regex, &str> {
        self.compiled
            .get_or_init(|| {
                regex::RegexBuilder::new(&self.src)
                    .size_limit(1 << 20)
                    .build()
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(String::as_str)
    }

    /// Whether it matches `text`. A regex that does not compile matches nothing; rules
    /// are only used once all their regexes compiled (see the type's documentation).
    pub fn is_match(&self, text: &str) -> bool {
        self.compile().is_ok_and(|r| r.is_match(text))
    }
}

/// A constraint on a metavariable's text or kind.
#[derive(Debug, Clone)]
pub struct Constraint {
    /// Metavariable name without `$`.
    pub var: String,
    /// Its text must match.
    pub regex: Option<Re>,
    /// Its text must not match.
    pub not_regex: Option<Re>,
    /// Its node kind must be one of these.
    pub kinds: Vec<String>,
    /// Literals one of which its text contains when `regex` holds (for the prefilter).
    pub words: Option<Vec<Word>>,
}

impl Constraint {
    fn holds<D: Doc>(&self, env: &MetaVarEnv<'_, D>) -> bool {
        let (text, kind) = if let Some(n) = env.get_match(&self.var) {
            (n.text().into_owned(), Some(n.kind().into_owned()))
        } else {
            let nodes = env.get_multiple_matches(&self.var);
            if nodes.is_empty() {
                // Not bound (an `any` branch that does not use it): nothing to check.
                return true;
            }
            let text = nodes
                .iter()
                .map(|n| n.text().into_owned())
                .collect::<Vec<_>>()
                .join(", ");
            (text, None)
        };
        self.regex.as_ref().is_none_or(|r| r.is_match(&text))
            && self.not_regex.as_ref().is_none_or(|r| !r.is_match(&text))
            && (self.kinds.is_empty() || kind.is_some_and(|k| self.kinds.contains(&k)))
    }
}

/// The statement `node` is part of: the ancestor-or-self whose parent is a block of
/// statements of `lang` (itself when there is none).
fn statement<'t, D: Doc>(node: &Node<'t, D>, lang: Lang) -> Node<'t, D> {
    let mut cur = node.clone();
    while let Some(parent) = cur.parent() {
        if lang.is_block(&parent.kind()) {
            return cur;
        }
        cur = parent;
    }
    node.clone()
}

fn try_with<'t, D: Doc>(
    m: &Matcher,
    node: Node<'t, D>,
    env: &mut Cow<'_, MetaVarEnv<'t, D>>,
) -> Option<Node<'t, D>> {
    let mut trial = env.clone();
    let found = m.match_node_with_env(node, &mut trial)?;
    *env = trial;
    Some(found)
}

impl AgMatcher for Matcher {
    fn match_node_with_env<'t, D: Doc>(
        &self,
        node: Node<'t, D>,
        env: &mut Cow<'_, MetaVarEnv<'t, D>>,
    ) -> Option<Node<'t, D>> {
        match self {
            Self::Backtrack(m) => {
                let mut accepted = None;
                m.solve(&node, env, &[], &mut |e| {
                    accepted = Some(e.clone());
                    true
                });
                *env = Cow::Owned(accepted?);
                Some(node)
            }
            Self::Pattern(p, words) => {
                // Cheaper than the structural comparison, and most nodes fail it.
                if !node_has(&node, words, false) {
                    return None;
                }
                p.match_node_with_env(node, env)
            }
            Self::Kind(k) => k.match_node_with_env(node, env),
            Self::Regex(r, words) => {
                if words.as_ref().is_some_and(|ws| !node_has(&node, ws, true)) {
                    return None;
                }
                r.is_match(&node.text()).then_some(node)
            }
            Self::All(ms) => {
                if !self.admits(&node) {
                    return None;
                }
                let mut trial = env.clone();
                for m in ms {
                    m.match_node_with_env(node.clone(), &mut trial)?;
                }
                *env = trial;
                Some(node)
            }
            Self::Any(ms) => ms
                .iter()
                .find_map(|m| try_with(m, node.clone(), env))
                .map(|_| node),
            Self::Not(m) => {
                let mut trial = env.clone();
                m.match_node_with_env(node.clone(), &mut trial)
                    .is_none()
                    .then_some(node)
            }
            Self::Inside(m) => {
                let found = node.ancestors().find_map(|a| try_with(m, a, env));
                found.map(|_| node)
            }
            Self::Has(m, field) => {
                let found = within(&node, field.as_deref()).find_map(|d| try_with(m, d, env));
                found.map(|_| node)
            }
            Self::Follows(m, lang) => {
                let stmt = statement(&node, *lang);
                let found = stmt
                    .prev_all()
                    .find_map(|s| s.dfs().find_map(|d| try_with(m, d, env)));
                found.map(|_| node)
            }
            Self::Precedes(m, lang) => {
                let stmt = statement(&node, *lang);
                let found = stmt
                    .next_all()
                    .find_map(|s| s.dfs().find_map(|d| try_with(m, d, env)));
                found.map(|_| node)
            }
            Self::Where(m, constraints) => {
                let mut trial = env.clone();
                let found = m.match_node_with_env(node, &mut trial)?;
                if constraints.iter().all(|c| c.holds(&trial)) {
                    *env = trial;
                    Some(found)
                } else {
                    None
                }
            }
        }
    }

    fn potential_kinds(&self) -> Option<bit_set::BitSet> {
        match self {
            Self::Pattern(p, _) => p.potential_kinds(),
            Self::Kind(k) => k.potential_kinds(),
            Self::All(ms) => ms.iter().find_map(AgMatcher::potential_kinds),
            Self::Any(ms) => {
                let mut all = bit_set::BitSet::new();
                for m in ms {
                    all.union_with(&m.potential_kinds()?);
                }
                Some(all)
            }
            Self::Where(m, _) | Self::Backtrack(m) => m.potential_kinds(),
            Self::Regex(..)
            | Self::Not(_)
            | Self::Inside(_)
            | Self::Has(..)
            | Self::Follows(..)
            | Self::Precedes(..) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{pattern_words, required_words};

    fn texts(code: &str) -> Vec<String> {
        pattern_words(code)
            .iter()
            .map(|w| w.text.to_string())
            .collect()
    }

    #[test]
    fn pattern_words_skip_metavariables_and_keep_other_dollar_names() {
        assert_eq!(texts("$CUR.execute($SQL, $$$ARGS)"), vec!["execute"]);
        assert_eq!(texts("$_X = os.$F()"), vec!["os"]);
        // `$where` is not a metavariable (those are upper case): its `$` is text.
        assert_eq!(texts(r#"{"$where": $JS}"#), vec!["$where"]);
        assert_eq!(texts("$this->query($Q)"), vec!["$this", "query"]);
    }

    fn words(re: &str) -> Option<Vec<String>> {
        required_words(re).map(|ws| {
            ws.iter()
                .map(|w| {
                    if w.ci {
                        format!("(?i){}", w.text)
                    } else {
                        w.text.to_string()
                    }
                })
                .collect()
        })
    }

    #[test]
    fn regex_literals_for_the_prefilter() {
        // A literal in the top-level sequence is in every match.
        assert_eq!(
            words(r#"^["'](node:)?child_process["']$"#),
            Some(vec!["child_process".into()])
        );
        // An alternation of literals: one of them is.
        assert_eq!(
            words("^(pickle|dill|marshal)$"),
            Some(vec!["pickle".into(), "dill".into(), "marshal".into()])
        );
        // Too short or optional: no guarantee.
        assert_eq!(words("^(f|rf)[\"'].*"), None);
        assert_eq!(words("(abc)?x"), None);
        // An alternation inside a sequence; branches give their own best literal.
        assert_eq!(
            words(r#"\[\s*['"](SESSION_COOKIE_SECURE|CSRF_COOKIE_SECURE)['"]\s*\]"#),
            Some(vec![
                "SESSION_COOKIE_SECURE".into(),
                "CSRF_COOKIE_SECURE".into()
            ])
        );
        assert_eq!(
            words(r"\s(password|secret_?key|api_?key)"),
            Some(vec!["password".into(), "secret".into(), "api".into()])
        );
        // Of that and the literals every match starts with, the more selective.
        assert_eq!(
            words("(password|secret_?key|api_?key)"),
            Some(vec![
                "password".into(),
                "secret_key".into(),
                "secretkey".into(),
                "api_key".into(),
                "apikey".into()
            ])
        );
        // Case-insensitive parts are found ignoring case.
        assert_eq!(
            words("(?i)^secret_key_base$"),
            Some(vec!["(?i)secret_key_base".into()])
        );
        // Letters with a non-ASCII fold (k: the Kelvin sign, s: the long s) are kept; the
        // word index counts such words as found in a file holding either sign.
        assert_eq!(words("(?i)^kelvins$"), Some(vec!["(?i)kelvins".into()]));
        assert_eq!(
            words("(?i)(pass(word)?|token)=x"),
            Some(vec!["(?i)pass".into(), "(?i)token".into()])
        );
        // Any other class ends a run.
        assert_eq!(words("(?i)ab[cd]ef"), None);
    }
}
