//! The rule language's matchers over syntax trees.
//!
//! A structural `pattern` is ast-grep-core's (code in the target language with `$X`
//! metavariables and `$$$` sequences); the combinators (`all`, `any`, `not`) and relations
//! (`inside`, `has`, `follows`, `precedes`) and the metavariable constraints are ours, built
//! on its `Matcher` trait so that metavariables bind across every part of a rule.

use std::borrow::Cow;

use ast_grep_core::matcher::KindMatcher;
use ast_grep_core::meta_var::MetaVarEnv;
use ast_grep_core::{Doc, Matcher as AgMatcher, Node, Pattern};
use regex::Regex;

use crate::lang::Lang;

/// One matcher of a rule.
#[derive(Clone)]
pub enum Matcher {
    /// Code with metavariables, and the longest literal word of that code (which every
    /// match contains), when the pattern is the whole matched code.
    Pattern(Pattern, Option<Box<str>>),
    /// A node of this tree-sitter kind.
    Kind(KindMatcher),
    /// A node whose whole text matches.
    Regex(Regex),
    /// Every one matches the same node (metavariables bind across them, in order).
    All(Vec<Self>),
    /// At least one matches (the first that does binds its metavariables).
    Any(Vec<Self>),
    /// It does not match (binds nothing).
    Not(Box<Self>),
    /// An enclosing node matches.
    Inside(Box<Self>),
    /// A node within matches.
    Has(Box<Self>),
    /// A statement before the node's statement, in the same block, is or contains a match.
    Follows(Box<Self>, Lang),
    /// A statement after the node's statement, in the same block, is or contains a match.
    Precedes(Box<Self>, Lang),
    /// The inner matcher, then constraints on what its metavariables bound.
    Where(Box<Self>, Vec<Constraint>),
}

impl Matcher {
    /// Words one of which the text of every node this matcher matches contains (None: no
    /// such guarantee). A file whose text has none of them cannot match, so the rule is not
    /// tried on it.
    pub fn keywords(&self) -> Option<Vec<&str>> {
        match self {
            Self::Pattern(_, word) => word.as_deref().map(|w| vec![w]),
            Self::All(ms) => ms.iter().find_map(Self::keywords),
            Self::Any(ms) => {
                let mut all = Vec::new();
                for m in ms {
                    all.extend(m.keywords()?);
                }
                Some(all)
            }
            Self::Where(m, _) => m.keywords(),
            Self::Kind(_)
            | Self::Regex(_)
            | Self::Not(_)
            | Self::Inside(_)
            | Self::Has(_)
            | Self::Follows(..)
            | Self::Precedes(..) => None,
        }
    }
}

/// The longest word (identifier-like run) of a pattern's code that is not a metavariable.
pub fn longest_word(code: &str) -> Option<Box<str>> {
    let mut best: Option<&str> = None;
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let metavar = start > 0 && bytes[start - 1] == b'$';
            let word = &code[start..i];
            if !metavar && best.is_none_or(|b| word.len() > b.len()) {
                best = Some(word);
            }
        } else {
            i += 1;
        }
    }
    best.filter(|w| w.len() >= 2).map(Into::into)
}

/// A constraint on a metavariable's text or kind.
#[derive(Debug, Clone)]
pub struct Constraint {
    /// Metavariable name without `$`.
    pub var: String,
    /// Its text must match.
    pub regex: Option<Regex>,
    /// Its text must not match.
    pub not_regex: Option<Regex>,
    /// Its node kind must be one of these.
    pub kinds: Vec<String>,
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
            Self::Pattern(p, word) => {
                // Cheaper than the structural comparison, and most nodes fail it.
                if word.as_deref().is_some_and(|w| !node.text().contains(w)) {
                    return None;
                }
                p.match_node_with_env(node, env)
            }
            Self::Kind(k) => k.match_node_with_env(node, env),
            Self::Regex(r) => r.is_match(&node.text()).then_some(node),
            Self::All(ms) => {
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
            Self::Has(m) => {
                let found = node.dfs().skip(1).find_map(|d| try_with(m, d, env));
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
            Self::Where(m, _) => m.potential_kinds(),
            Self::Regex(_)
            | Self::Not(_)
            | Self::Inside(_)
            | Self::Has(_)
            | Self::Follows(..)
            | Self::Precedes(..) => None,
        }
    }
}
