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

use std::cell::RefCell;
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
    source_kinds: Kinds,
    sink_kinds: Kinds,
    sanitizer_kinds: Kinds,
    /// The rule's `sources` as written (the same key: the same sources), so that taint rules
    /// sharing them look for them once per node.
    pub(crate) source_key: Option<String>,
}

/// The node kinds a set of matchers can match (None: any kind), to skip the others cheaply.
#[derive(Clone)]
struct Kinds(Option<bit_set::BitSet>);

impl Kinds {
    fn of<'a>(ms: impl IntoIterator<Item = &'a Matcher>) -> Self {
        let mut all = bit_set::BitSet::new();
        for m in ms {
            match ast_grep_core::Matcher::potential_kinds(m) {
                Some(k) => all.union_with(&k),
                None => return Self(None),
            }
        }
        Self(Some(all))
    }

    fn may(&self, n: &N<'_>) -> bool {
        self.0
            .as_ref()
            .is_none_or(|k| k.contains(usize::from(n.kind_id())))
    }
}

impl TaintSpec {
    /// Every matcher of the rule: sources, sinks, sanitizers.
    pub(crate) fn matchers(&self) -> impl Iterator<Item = &Matcher> {
        self.sources
            .iter()
            .chain(self.sinks.iter().map(|(m, _)| m))
            .chain(&self.sanitizers)
    }

    /// Whether the file being analysed can hold a flow: one of the sources and one of the
    /// sinks are admitted by its words (see [`Matcher::admitted_by_file`]).
    pub(crate) fn admitted_by_file(&self) -> bool {
        self.sources.iter().any(Matcher::admitted_by_file)
            && self.sinks.iter().any(|(m, _)| m.admitted_by_file())
    }

    /// A taint specification.
    pub fn new(
        sources: Vec<Matcher>,
        sinks: Vec<(Matcher, Option<String>)>,
        sanitizers: Vec<Matcher>,
    ) -> Self {
        Self {
            source_kinds: Kinds::of(&sources),
            sink_kinds: Kinds::of(sinks.iter().map(|(m, _)| m)),
            sanitizer_kinds: Kinds::of(&sanitizers),
            sources,
            sinks,
            sanitizers,
            source_key: None,
        }
    }
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

fn is_function(lang: Lang, kind: &str) -> bool {
    match lang {
        // Closures and blocks of the other languages are walked as part of the function that
        // holds them: they see its variables (a Rails `do` block, a Go handler literal).
        Lang::Python | Lang::C | Lang::Cpp => kind == "function_definition",
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
        Lang::Java => matches!(kind, "method_declaration" | "constructor_declaration"),
        Lang::Go => matches!(kind, "function_declaration" | "method_declaration"),
        Lang::CSharp => matches!(
            kind,
            "method_declaration" | "constructor_declaration" | "local_function_statement"
        ),
        Lang::Ruby => matches!(kind, "method" | "singleton_method"),
        Lang::Php => matches!(kind, "function_definition" | "method_declaration"),
        Lang::Rust => kind == "function_item",
    }
}

/// Node kinds that name a variable: identifiers, and PHP's `$name`.
fn is_identifier(kind: &str) -> bool {
    matches!(
        kind,
        "identifier" | "shorthand_property_identifier" | "variable_name" | "instance_variable"
    )
}

/// Node kinds of a member access (`a.b`, `a->b`), whose whole text names a value.
fn is_member(kind: &str) -> bool {
    matches!(
        kind,
        "attribute"
            | "member_expression"
            | "field_expression"
            | "field_access"
            | "selector_expression"
            | "member_access_expression"
    )
}

/// Node kinds of a call.
fn is_call(kind: &str) -> bool {
    matches!(
        kind,
        "call"
            | "call_expression"
            | "method_invocation"
            | "invocation_expression"
            | "function_call_expression"
    )
}

/// The name a call calls, when it can be a function of the same file (`f(x)`, Java's
/// `f(x)` without an object, Ruby's `f x`).
fn callee<'r>(call: &N<'r>) -> Option<N<'r>> {
    if let Some(f) = call.field("function") {
        return Some(f);
    }
    let has_object = call.field("object").is_some() || call.field("receiver").is_some();
    if has_object {
        return None;
    }
    call.field("name").or_else(|| call.field("method"))
}

/// The name a function definition declares.
fn function_name(lang: Lang, f: &N<'_>) -> Option<String> {
    match lang {
        Lang::C | Lang::Cpp => {
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
        Lang::C | Lang::Cpp => {
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
        .flat_map(|p| {
            if is_identifier(&p.kind()) {
                vec![p.text().into_owned()]
            } else {
                parameter_names(&p)
            }
        })
        .collect()
}

/// `(targets, value)` of an assignment-like node.
fn assignment<'r>(lang: Lang, n: &N<'r>) -> Option<(Vec<String>, N<'r>)> {
    use Lang::{C, CSharp, Cpp, Go, Java, JavaScript, Php, Python, Ruby, Rust, Tsx, TypeScript};
    let kind = n.kind();
    let (target, value) = match (lang, kind.as_ref()) {
        (Python, "assignment" | "augmented_assignment")
        | (Ruby, "assignment" | "operator_assignment")
        | (Go, "assignment_statement" | "short_var_declaration")
        | (Rust, "assignment_expression" | "compound_assignment_expr")
        | (
            JavaScript | TypeScript | Tsx | Php,
            "assignment_expression" | "augmented_assignment_expression",
        )
        | (C | Cpp | Java | CSharp, "assignment_expression") => {
            (n.field("left")?, n.field("right")?)
        }
        (JavaScript | TypeScript | Tsx | Java, "variable_declarator") => {
            (n.field("name")?, n.field("value")?)
        }
        (CSharp, "variable_declarator") => {
            let name = n.field("name")?;
            let value = n
                .children()
                .filter(Node::is_named)
                .filter(|c| c.node_id() != name.node_id())
                .last()?;
            (name, value)
        }
        (Go, "var_spec") => (n.field("name")?, n.field("value")?),
        (Rust, "let_declaration") => (n.field("pattern")?, n.field("value")?),
        (C | Cpp, "init_declarator") => (n.field("declarator")?, n.field("value")?),
        _ => return None,
    };
    let names = if target.kind() == "expression_list" {
        // Go's `a, p.x = ...`: each target by itself.
        target
            .children()
            .filter(Node::is_named)
            .flat_map(|t| target_names(&t))
            .collect()
    } else {
        target_names(&target)
    };
    Some((names, value))
}

/// Node kinds of one parameter declaration.
fn is_parameter(kind: &str) -> bool {
    matches!(
        kind,
        "formal_parameter"
            | "parameter"
            | "typed_parameter"
            | "typed_default_parameter"
            | "default_parameter"
            | "simple_parameter"
    )
}

/// The names one parameter declaration binds.
fn parameter_names(p: &N<'_>) -> Vec<String> {
    let names: Vec<String> = p
        .field_children("name")
        .filter(|n| is_identifier(&n.kind()))
        .map(|n| n.text().into_owned())
        .collect();
    if !names.is_empty() {
        return names;
    }
    if let Some(pattern) = p.field("pattern") {
        return pattern
            .dfs()
            .filter(|n| is_identifier(&n.kind()))
            .map(|n| n.text().into_owned())
            .collect();
    }
    p.dfs()
        .find(|n| is_identifier(&n.kind()))
        .map(|n| n.text().into_owned())
        .into_iter()
        .collect()
}

/// The names an assignment target sets: a variable, a member or an element by its whole
/// text (`self.x`, `p.conf.url`, `m[k]`); in tuples and destructuring every identifier;
/// in C declarators the declared identifier.
fn target_names(target: &N<'_>) -> Vec<String> {
    let kind = target.kind();
    if is_identifier(&kind)
        || is_member(&kind)
        || matches!(kind.as_ref(), "subscript" | "subscript_expression")
    {
        return vec![target.text().into_owned()];
    }
    target
        .dfs()
        .filter(|t| is_identifier(&t.kind()))
        .map(|t| t.text().into_owned())
        .collect()
}

fn is_return(kind: &str) -> bool {
    matches!(kind, "return_statement" | "return" | "return_expression")
}

/// The functions of a file, by name: (index in the list of functions, parameter names).
type Functions = BTreeMap<String, (usize, Vec<String>)>;

struct Ctx<'a, 'r> {
    lang: Lang,
    spec: &'a TaintSpec,
    /// Every function definition of the file.
    functions: &'a [N<'r>],
    /// The file's functions by name (empty while computing a summary: calls inside a
    /// summary pass taint on from every argument).
    by_name: &'a Functions,
    /// What a call to a function of the file does with tainted arguments: the indexes of
    /// the parameters that reach its return value; computed when first needed.
    summaries: &'a RefCell<HashMap<String, BTreeSet<usize>>>,
    /// Byte ranges of the file's sources, sorted: an expression with no tainted variable
    /// in scope is tainted only if one lies within it.
    sources_at: &'a [std::ops::Range<usize>],
    /// The empty environment matchers start from (made once: making one per node cost
    /// more than most matches).
    empty: &'a Env<'r>,
}

type Env<'r> = ast_grep_core::meta_var::MetaVarEnv<'r, StrDoc<Lang>>;

/// Whether one of `ms` matches `n`, starting from `empty`.
fn matches_any<'r>(ms: &[Matcher], n: &N<'r>, empty: &Env<'r>) -> bool {
    ms.iter().any(|m| m.matches(n, empty))
}

impl<'r> Ctx<'_, 'r> {
    fn is_source_at(&self, r: &std::ops::Range<usize>) -> bool {
        self.sources_at
            .binary_search_by_key(&(r.start, r.end), |s| (s.start, s.end))
            .is_ok()
    }

    fn has_source_within(&self, r: &std::ops::Range<usize>) -> bool {
        let i = self.sources_at.partition_point(|s| s.start < r.start);
        self.sources_at.get(i).is_some_and(|s| s.end <= r.end)
    }

    /// Which parameters of function `name` reach its return value.
    fn summary(&self, name: &str) -> Option<BTreeSet<usize>> {
        let (i, params) = self.by_name.get(name)?;
        if let Some(s) = self.summaries.borrow().get(name) {
            return Some(s.clone());
        }
        let marker = TaintSpec::new(Vec::new(), Vec::new(), self.spec.sanitizers.clone());
        let none = Functions::new();
        let inner = Ctx {
            lang: self.lang,
            spec: &marker,
            functions: self.functions,
            by_name: &none,
            summaries: self.summaries,
            sources_at: &[],
            empty: self.empty,
        };
        let mut reaching = BTreeSet::new();
        for (pi, p) in params.iter().enumerate() {
            let mut env = BTreeMap::new();
            env.insert(p.clone(), Arc::new(Vec::new()));
            let mut returns = false;
            inner.walk(
                &self.functions[*i],
                env,
                &mut Vec::new(),
                &mut Vec::new(),
                &mut returns,
            );
            if returns {
                reaching.insert(pi);
            }
        }
        self.summaries
            .borrow_mut()
            .insert(name.to_owned(), reaching.clone());
        Some(reaching)
    }

    /// The trace that taints `n`, if any.
    fn tainted(&self, n: &N<'r>, env: &BTreeMap<String, Trace>, depth: u32) -> Option<Trace> {
        if depth > 200
            || env.is_empty() && !self.has_source_within(&n.range())
            || self.spec.sanitizer_kinds.may(n) && matches_any(&self.spec.sanitizers, n, self.empty)
        {
            return None;
        }
        if self.spec.source_kinds.may(n) && matches_any(&self.spec.sources, n, self.empty) {
            return Some(Arc::new(vec![step(
                n,
                format!("source: {}", crate::engine::shown(n)),
            )]));
        }
        let kind = n.kind();
        if is_identifier(&kind) {
            return env.get(n.text().as_ref()).cloned();
        }
        if is_function(self.lang, &kind) {
            return None;
        }
        if is_member(&kind)
            && let Some(t) = env.get(n.text().as_ref())
        {
            return Some(t.clone());
        }
        if is_call(&kind)
            && let Some(callee) = callee(n)
            && let Some(params) = self.summary(callee.text().as_ref())
        {
            // A function of this file: only the arguments its body returns matter.
            let args = n.field("arguments")?;
            let args: Vec<N<'r>> = args.children().filter(Node::is_named).collect();
            return params.iter().find_map(|&i| {
                let a = args.get(i)?;
                let t = self.tainted(a, env, depth + 1)?;
                let mut steps = (*t).clone();
                steps.push(step(
                    n,
                    format!("returned by {}", crate::engine::shown(&callee)),
                ));
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
        body: &N<'r>,
        mut env: BTreeMap<String, Trace>,
        out: &mut Vec<Flow>,
        calls: &mut Vec<(String, usize, Trace)>,
        returns: &mut bool,
    ) {
        // Nothing tainted on entry and no source inside: nothing can become tainted.
        if env.is_empty() && !self.has_source_within(&body.range()) {
            return;
        }
        let mut stack = vec![body.clone()];
        let mut seen_sinks: BTreeSet<usize> = BTreeSet::new();
        while let Some(n) = stack.pop() {
            let kind = n.kind();
            if n.node_id() != body.node_id() && is_function(self.lang, &kind) {
                continue;
            }
            // Children next, in document order: pushed, then reversed in place.
            let from = stack.len();
            stack.extend(n.children());
            stack[from..].reverse();
            if !self.spec.sink_kinds.may(&n)
                || env.is_empty() && !self.has_source_within(&n.range())
            {
                // no sink of this kind
            } else {
                for (sink, focus) in &self.spec.sinks {
                    if !sink.matches(&n, self.empty) {
                        continue;
                    }
                    let Some(m) = sink.match_node(n.clone()) else {
                        continue;
                    };
                    // A sink pattern that also describes a source (`$DB.Query(...)` and
                    // Gin's `c.Query(...)`) does not make the source its own sink.
                    if !seen_sinks.insert(n.node_id()) || self.is_source_at(&n.range()) {
                        continue;
                    }
                    let target = focus
                        .as_deref()
                        .and_then(|f| m.get_env().get_match(f).cloned())
                        .unwrap_or_else(|| n.clone());
                    if let Some(t) = self.tainted(&target, &env, 0) {
                        let mut steps = (*t).clone();
                        steps.push(step(&n, format!("sink: {}", crate::engine::shown(&n))));
                        out.push(Flow {
                            range: n.range(),
                            steps,
                        });
                    }
                }
            }
            // A handler parameter the framework fills from the request (Spring's
            // `@RequestParam`, ASP.NET's `[FromQuery]`, axum's `Query<T>`).
            if is_parameter(&kind)
                && self.spec.source_kinds.may(&n)
                && matches_any(&self.spec.sources, &n, self.empty)
            {
                for name in parameter_names(&n) {
                    let note = format!("source: {}", crate::engine::shown(&n));
                    env.insert(name, Arc::new(vec![step(&n, note)]));
                }
            }
            if is_return(&kind)
                && n.children()
                    .filter(Node::is_named)
                    .any(|c| self.tainted(&c, &env, 0).is_some())
            {
                *returns = true;
            }
            if is_call(&kind)
                && let Some(callee) = callee(&n)
                && self.by_name.contains_key(callee.text().as_ref())
                && let Some(args) = n.field("arguments")
            {
                for (i, a) in args.children().filter(Node::is_named).enumerate() {
                    if let Some(t) = self.tainted(&a, &env, 0) {
                        let mut steps = (*t).clone();
                        steps.push(step(
                            &a,
                            format!("passed to {}", crate::engine::shown(&callee)),
                        ));
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

/// Whether some node of the file matches one of `ms` (one pass over the tree).
fn anywhere(root: &N<'_>, ms: &[Matcher], kinds: &Kinds) -> bool {
    let empty = Env::new();
    root.dfs()
        .any(|n| kinds.may(&n) && matches_any(ms, &n, &empty))
}

/// Flows from sources to sinks in the file rooted at `root`.
pub fn analyse(root: &N<'_>, lang: Lang, spec: &TaintSpec) -> Vec<Flow> {
    // Most files have no source or no sink: nothing can flow, and the analysis below (which
    // visits every function once per parameter) is skipped.
    let sinks: Vec<Matcher> = spec.sinks.iter().map(|(m, _)| m.clone()).collect();
    if !anywhere(root, &spec.sources, &spec.source_kinds)
        || !anywhere(root, &sinks, &spec.sink_kinds)
    {
        return Vec::new();
    }
    flows(root, lang, spec)
}

/// Flows from sources to sinks in the file rooted at `root`, without first checking that
/// the file has a source and a sink (the engine's single walk did).
pub fn flows(root: &N<'_>, lang: Lang, spec: &TaintSpec) -> Vec<Flow> {
    let file = FileFunctions::new(root, lang);
    flows_in(root, lang, spec, &file, &sources_at(root, spec))
}

/// The functions of one file, found once for all its taint rules.
pub struct FileFunctions<'r> {
    list: Vec<N<'r>>,
    by_name: Functions,
}

impl<'r> FileFunctions<'r> {
    /// Every function in the file rooted at `root`, and the named ones by name.
    pub fn new(root: &N<'r>, lang: Lang) -> Self {
        let list: Vec<N<'r>> = root
            .dfs()
            .filter(|n| is_function(lang, &n.kind()))
            .collect();
        let mut by_name = Functions::new();
        for (i, f) in list.iter().enumerate() {
            if let Some(name) = function_name(lang, f) {
                by_name.insert(name, (i, parameters(lang, f)));
            }
        }
        Self { list, by_name }
    }
}

/// Where `spec`'s sources are in the file rooted at `root` (sorted), found once for the
/// taint rules that share them.
pub fn sources_at(root: &N<'_>, spec: &TaintSpec) -> Vec<std::ops::Range<usize>> {
    let empty = Env::new();
    let mut at: Vec<std::ops::Range<usize>> = root
        .dfs()
        .filter(|n| spec.source_kinds.may(n) && matches_any(&spec.sources, n, &empty))
        .map(|n| n.range())
        .collect();
    at.sort_by_key(|r| (r.start, r.end));
    at
}

/// [`flows`], with the file's functions and the sources' places found beforehand.
pub fn flows_in<'r>(
    root: &N<'r>,
    lang: Lang,
    spec: &TaintSpec,
    file: &FileFunctions<'r>,
    sources_at: &[std::ops::Range<usize>],
) -> Vec<Flow> {
    let (functions, by_name) = (&file.list, &file.by_name);
    let summaries = RefCell::new(HashMap::new());
    let empty = Env::new();
    let ctx = Ctx {
        lang,
        spec,
        functions,
        by_name,
        summaries: &summaries,
        sources_at,
        empty: &empty,
    };
    let mut flows = Vec::new();
    let mut calls = Vec::new();
    let mut ignored = false;
    ctx.walk(root, BTreeMap::new(), &mut flows, &mut calls, &mut ignored);
    for f in functions {
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
