//! Taint mode: does data from a source reach a sink without passing a sanitizer?
//!
//! The analysis runs over one file. Inside a function (and at the top level of the file),
//! statements are visited in order and a set of tainted variables is kept:
//!
//! - an expression is tainted when it matches a source, names a tainted variable, or has a
//!   tainted part (so taint flows through string concatenation and formatting, f-strings and
//!   template literals, collections, attribute and index access, and the arguments of calls
//!   to functions whose bodies are not in the file), unless it matches a sanitizer;
//! - an assignment taints its targets when its value is tainted and clears them otherwise;
//! - a call to a function defined in the same file is tainted only when an argument is
//!   tainted that the function's body passes on to its return value;
//! - a function called with a tainted argument is analysed again with that parameter
//!   tainted, so a sink inside it is found, with the call in the path.
//!
//! Each finding carries the path: the source, each assignment or call that carried the data,
//! and the sink. Branches are not merged (the last assignment in document order wins) and
//! loops are walked once, so some flows through loops and alternative branches are missed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use ast_grep_core::Node;
use ast_grep_core::matcher::MatcherExt as _;
use ast_grep_core::tree_sitter::StrDoc;

use crate::lang::Lang;
use crate::matcher::Matcher;

type N<'r> = Node<'r, StrDoc<Lang>>;

/// Sources, sinks and sanitizers of a taint rule.
#[derive(Clone)]
pub struct TaintSpec {
    /// Where untrusted data comes from.
    pub sources: Vec<Matcher>,
    /// Where it must not arrive, each with the metavariable that must carry it (or the
    /// whole match).
    pub sinks: Vec<(Matcher, Option<String>)>,
    /// What makes data safe.
    pub sanitizers: Vec<Matcher>,
}

/// One step of a taint path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// What happens there (safe to print: names, never string contents).
    pub note: String,
}

/// A flow from a source to a sink.
#[derive(Debug, Clone)]
pub struct Flow {
    /// The sink node's byte range.
    pub range: std::ops::Range<usize>,
    /// The path, source first, sink last.
    pub steps: Vec<Step>,
}

type Trace = Arc<Vec<Step>>;

fn step(n: &N<'_>, note: String) -> Step {
    let p = n.start_pos();
    Step {
        line: p.line() as u32 + 1,
        column: p.column(n) as u32 + 1,
        note,
    }
}

fn short(n: &N<'_>) -> String {
    let kind = n.kind();
    if kind.contains("string") || kind.contains("char_literal") {
        return "<string>".into();
    }
    let text = n.text();
    let first = text.lines().next().unwrap_or_default();
    let mut s: String = first.chars().take(50).collect();
    if s.chars().count() < text.chars().count() {
        s.push('…');
    }
    palisade_core::text::escape_control(&s)
}

fn is_function(lang: Lang, kind: &str) -> bool {
    match lang {
        Lang::Python | Lang::C => kind == "function_definition",
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => matches!(
            kind,
            "function_declaration"
                | "function_expression"
                | "function"
                | "arrow_function"
                | "method_definition"
                | "generator_function_declaration"
                | "generator_function"
        ),
    }
}

fn is_identifier(kind: &str) -> bool {
    matches!(kind, "identifier" | "shorthand_property_identifier")
}

/// The name a function definition declares.
fn function_name(lang: Lang, f: &N<'_>) -> Option<String> {
    match lang {
        Lang::C => {
            let mut d = f.field("declarator")?;
            // Pointer declarators wrap the function declarator.
            for _ in 0..8 {
                if d.kind() == "function_declarator" {
                    return d.field("declarator").map(|n| n.text().into_owned());
                }
                d = d.field("declarator")?;
            }
            None
        }
        _ => f.field("name").map(|n| n.text().into_owned()),
    }
}

/// Parameter names of a function, in order.
fn parameters(lang: Lang, f: &N<'_>) -> Vec<String> {
    let list = match lang {
        Lang::C => {
            let mut d = f.field("declarator");
            let mut found = None;
            for _ in 0..8 {
                let Some(n) = d else { break };
                if n.kind() == "function_declarator" {
                    found = n.field("parameters");
                    break;
                }
                d = n.field("declarator");
            }
            found
        }
        _ => f.field("parameters").or_else(|| f.field("parameter")),
    };
    let Some(list) = list else {
        return Vec::new();
    };
    if is_identifier(&list.kind()) {
        return vec![list.text().into_owned()];
    }
    list.children()
        .filter(Node::is_named)
        .filter_map(|p| {
            if is_identifier(&p.kind()) {
                return Some(p.text().into_owned());
            }
            // Typed, default and destructured parameters: the name comes first.
            p.dfs()
                .find(|n| is_identifier(&n.kind()))
                .map(|n| n.text().into_owned())
        })
        .collect()
}

/// `(targets, value)` of an assignment-like node.
fn assignment<'r>(lang: Lang, n: &N<'r>) -> Option<(Vec<String>, N<'r>)> {
    let kind = n.kind();
    let (target, value) = match (lang, kind.as_ref()) {
        (Lang::Python, "assignment" | "augmented_assignment") => {
            (n.field("left")?, n.field("right")?)
        }
        (
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx,
            "assignment_expression" | "augmented_assignment_expression",
        )
        | (Lang::C, "assignment_expression") => (n.field("left")?, n.field("right")?),
        (Lang::JavaScript | Lang::TypeScript | Lang::Tsx, "variable_declarator") => {
            (n.field("name")?, n.field("value")?)
        }
        (Lang::C, "init_declarator") => (n.field("declarator")?, n.field("value")?),
        _ => return None,
    };
    let names = if is_identifier(&target.kind()) {
        vec![target.text().into_owned()]
    } else if matches!(
        target.kind().as_ref(),
        "attribute"
            | "member_expression"
            | "field_expression"
            | "subscript"
            | "subscript_expression"
    ) {
        // `self.x = ...`, `obj.a = ...`: the whole text names it.
        vec![target.text().into_owned()]
    } else {
        // Tuples and destructuring: every identifier in the pattern; C declarators:
        // the declared identifier.
        target
            .dfs()
            .filter(|t| is_identifier(&t.kind()))
            .map(|t| t.text().into_owned())
            .collect()
    };
    Some((names, value))
}

fn is_return(kind: &str) -> bool {
    kind == "return_statement"
}

/// What a call to a function of the file does with tainted arguments: the indexes of the
/// parameters that reach its return value.
type Summaries = HashMap<String, BTreeSet<usize>>;

struct Ctx<'a> {
    lang: Lang,
    spec: &'a TaintSpec,
    summaries: &'a Summaries,
}

impl Ctx<'_> {
    fn matches_any(ms: &[Matcher], n: &N<'_>) -> bool {
        ms.iter().any(|m| m.match_node(n.clone()).is_some())
    }

    /// The trace that taints `n`, if any.
    fn tainted(&self, n: &N<'_>, env: &BTreeMap<String, Trace>, depth: u32) -> Option<Trace> {
        if depth > 200 || Self::matches_any(&self.spec.sanitizers, n) {
            return None;
        }
        if Self::matches_any(&self.spec.sources, n) {
            return Some(Arc::new(vec![step(n, format!("source: {}", short(n)))]));
        }
        let kind = n.kind();
        if is_identifier(&kind) {
            return env.get(n.text().as_ref()).cloned();
        }
        if is_function(self.lang, &kind) {
            return None;
        }
        if matches!(
            kind.as_ref(),
            "attribute" | "member_expression" | "field_expression"
        ) && let Some(t) = env.get(n.text().as_ref())
        {
            return Some(t.clone());
        }
        if matches!(kind.as_ref(), "call" | "call_expression")
            && let Some(callee) = n.field("function")
            && let Some(params) = self.summaries.get(callee.text().as_ref())
        {
            // A function of this file: only the arguments its body returns matter.
            let args = n.field("arguments")?;
            let args: Vec<N<'_>> = args.children().filter(Node::is_named).collect();
            return params.iter().find_map(|&i| {
                let a = args.get(i)?;
                let t = self.tainted(a, env, depth + 1)?;
                let mut steps = (*t).clone();
                steps.push(step(n, format!("returned by {}", short(&callee))));
                Some(Arc::new(steps))
            });
        }
        n.children()
            .filter(Node::is_named)
            .find_map(|c| self.tainted(&c, env, depth + 1))
    }

    /// Walk one function body (or the file's top level) in order.
    fn walk(
        &self,
        body: &N<'_>,
        mut env: BTreeMap<String, Trace>,
        out: &mut Vec<Flow>,
        calls: &mut Vec<(String, usize, Trace)>,
        returns: &mut bool,
    ) {
        let mut stack = vec![body.clone()];
        let mut seen_sinks: BTreeSet<usize> = BTreeSet::new();
        while let Some(n) = stack.pop() {
            let kind = n.kind();
            if n.node_id() != body.node_id() && is_function(self.lang, &kind) {
                continue;
            }
            // Children first in document order: push in reverse.
            let children: Vec<N<'_>> = n.children().collect();
            for c in children.into_iter().rev() {
                stack.push(c);
            }
            for (sink, focus) in &self.spec.sinks {
                let Some(m) = sink.match_node(n.clone()) else {
                    continue;
                };
                if !seen_sinks.insert(n.node_id()) {
                    continue;
                }
                let target = focus
                    .as_deref()
                    .and_then(|f| m.get_env().get_match(f).cloned())
                    .unwrap_or_else(|| n.clone());
                if let Some(t) = self.tainted(&target, &env, 0) {
                    let mut steps = (*t).clone();
                    steps.push(step(&n, format!("sink: {}", short(&n))));
                    out.push(Flow {
                        range: n.range(),
                        steps,
                    });
                }
            }
            if is_return(&kind)
                && n.children()
                    .filter(Node::is_named)
                    .any(|c| self.tainted(&c, &env, 0).is_some())
            {
                *returns = true;
            }
            if matches!(kind.as_ref(), "call" | "call_expression")
                && let Some(callee) = n.field("function")
                && self.summaries.contains_key(callee.text().as_ref())
                && let Some(args) = n.field("arguments")
            {
                for (i, a) in args.children().filter(Node::is_named).enumerate() {
                    if let Some(t) = self.tainted(&a, &env, 0) {
                        let mut steps = (*t).clone();
                        steps.push(step(&a, format!("passed to {}", short(&callee))));
                        calls.push((callee.text().into_owned(), i, Arc::new(steps)));
                    }
                }
            }
            if let Some((targets, value)) = assignment(self.lang, &n) {
                match self.tainted(&value, &env, 0) {
                    Some(t) => {
                        for name in targets {
                            let mut steps = (*t).clone();
                            steps.push(step(
                                &n,
                                format!(
                                    "assigned to {}",
                                    palisade_core::text::escape_control(&name)
                                ),
                            ));
                            env.insert(name, Arc::new(steps));
                        }
                    }
                    None => {
                        if !kind.starts_with("augmented") {
                            for name in targets {
                                env.remove(&name);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Flows from sources to sinks in the file rooted at `root`.
pub fn analyse(root: &N<'_>, lang: Lang, spec: &TaintSpec) -> Vec<Flow> {
    let functions: Vec<N<'_>> = root
        .dfs()
        .filter(|n| is_function(lang, &n.kind()))
        .collect();
    let mut by_name: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    for (i, f) in functions.iter().enumerate() {
        if let Some(name) = function_name(lang, f) {
            by_name.insert(name, (i, parameters(lang, f)));
        }
    }
    // Summaries: which parameters reach the return value (each tried alone).
    let empty = Summaries::new();
    let mut summaries = Summaries::new();
    let marker = TaintSpec {
        sources: Vec::new(),
        sinks: Vec::new(),
        sanitizers: spec.sanitizers.clone(),
    };
    for (name, (i, params)) in &by_name {
        let mut reaching = BTreeSet::new();
        for (pi, p) in params.iter().enumerate() {
            let ctx = Ctx {
                lang,
                spec: &marker,
                summaries: &empty,
            };
            let mut env = BTreeMap::new();
            env.insert(p.clone(), Arc::new(Vec::new()));
            let mut returns = false;
            ctx.walk(
                &functions[*i],
                env,
                &mut Vec::new(),
                &mut Vec::new(),
                &mut returns,
            );
            if returns {
                reaching.insert(pi);
            }
        }
        summaries.insert(name.clone(), reaching);
    }
    let ctx = Ctx {
        lang,
        spec,
        summaries: &summaries,
    };
    let mut flows = Vec::new();
    let mut calls = Vec::new();
    let mut ignored = false;
    ctx.walk(root, BTreeMap::new(), &mut flows, &mut calls, &mut ignored);
    for f in &functions {
        ctx.walk(f, BTreeMap::new(), &mut flows, &mut calls, &mut ignored);
    }
    // Functions called with tainted arguments, analysed again with those parameters
    // tainted (one level: the calls found then are not followed further).
    let mut done: BTreeSet<(String, usize)> = BTreeSet::new();
    for (name, arg, trace) in std::mem::take(&mut calls) {
        let Some((i, params)) = by_name.get(&name) else {
            continue;
        };
        let Some(p) = params.get(arg) else {
            continue;
        };
        if !done.insert((name.clone(), arg)) {
            continue;
        }
        let mut steps = (*trace).clone();
        let f = &functions[*i];
        steps.push(step(
            f,
            format!(
                "parameter {} of {}",
                palisade_core::text::escape_control(p),
                palisade_core::text::escape_control(&name)
            ),
        ));
        let mut env = BTreeMap::new();
        env.insert(p.clone(), Arc::new(steps));
        ctx.walk(f, env, &mut flows, &mut Vec::new(), &mut ignored);
    }
    // One flow per sink: the first found (the shortest path comes from the direct walk).
    flows.sort_by_key(|f| (f.range.start, f.range.end, f.steps.len()));
    flows.dedup_by_key(|f| (f.range.start, f.range.end));
    flows
}
