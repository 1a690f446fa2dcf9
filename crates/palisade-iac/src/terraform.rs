//! Terraform HCL into documents, with the expressions evaluated that decide a value.
//!
//! A module is the `.tf` files of one folder. Its document has conftest's HCL2 shape:
//! `{"resource": {TYPE: {NAME: {...}}}, "data": ..., "module": ..., "variable": ...,
//! "output": ..., "provider": ..., "locals": ..., "terraform": ...}`; a nested block is an
//! object, a repeated one an array of objects. Expressions are evaluated where their value
//! is known: literals, `var.*` (defaults, then `terraform.tfvars` and `*.auto.tfvars`),
//! `local.*`, string templates and heredocs, conditionals, arithmetic and comparisons,
//! and common functions (`jsonencode` keeps the structure, so a policy document written
//! inline can be checked attribute by attribute). What cannot be known without running
//! Terraform (other resources' attributes, data sources) stays as the expression text in
//! `${...}`, as conftest shows it. Local module sources are followed with the caller's
//! inputs; remote ones are reported as not followed.

use std::collections::{BTreeMap, HashMap};

use hcl_edit::Span;
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::structure::{Block, BlockLabel, Body, Structure};
use hcl_edit::template::{Element, Template};
use palisade_policy::doc::{Entry, Node, NodeValue};

/// Deepest expression nesting evaluated.
const MAX_EVAL_DEPTH: usize = 64;
/// Longest unknown-expression text kept.
const MAX_EXPR_TEXT: usize = 200;
/// Deepest chain of local modules followed.
pub const MAX_MODULE_DEPTH: usize = 8;
/// Most local module evaluations from one root module.
pub const MAX_MODULE_CALLS: usize = 256;

/// One source file of a module.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Project-relative path.
    pub rel: String,
    /// Its text.
    pub text: String,
}

/// A problem in one file of a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Index into the module's files.
    pub file: u32,
    /// 1-based line.
    pub line: u32,
    /// Diagnostic code.
    pub code: &'static str,
    /// Message.
    pub message: String,
}

/// A module's documents.
#[derive(Debug, Default)]
pub struct ModuleDocs {
    /// Every file's blocks merged (built-in checks read this: a bucket and its encryption
    /// resource may sit in different files). Nodes carry the index of their file.
    pub merged: Option<Node>,
    /// One document per file that parsed, as conftest passes them to user policies.
    pub per_file: Vec<(u32, Node)>,
    /// Parse errors and notes.
    pub problems: Vec<Problem>,
    /// Local module calls: (calling file, line, source folder relative to this module's
    /// folder, evaluated inputs).
    pub calls: Vec<ModuleCall>,
}

/// A call of a local module.
#[derive(Debug, Clone)]
pub struct ModuleCall {
    /// The calling file.
    pub file: u32,
    /// The line of the `module` block.
    pub line: u32,
    /// The `source`, as written (`./modules/x`).
    pub source: String,
    /// The inputs, evaluated in the caller.
    pub inputs: BTreeMap<String, Node>,
}

struct Parsed {
    body: Body,
    starts: Vec<usize>,
}

impl Parsed {
    fn line(&self, span: Option<std::ops::Range<usize>>) -> u32 {
        span.map_or(1, |r| self.starts.partition_point(|&s| s <= r.start) as u32)
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    v
}

/// Evaluation context of one module.
struct Ctx<'a> {
    files: &'a [SourceFile],
    parsed: &'a [Option<Parsed>],
    vars: BTreeMap<String, Node>,
    locals: HashMap<String, (u32, &'a Expression)>,
    local_values: HashMap<String, Option<Node>>,
    in_progress: Vec<String>,
    file: u32,
    depth: usize,
    /// What evaluation may still build (nodes, and string bytes / 4) before every further
    /// value is left unknown: references and functions can copy and grow values
    /// (`replace(local.a, "x", local.a)` squares a string), so a few lines could otherwise
    /// build gigabytes.
    budget: u64,
    exhausted: bool,
}

/// What one module's evaluation may build (see `Ctx::budget`).
const EVAL_BUDGET: u64 = 4_000_000;

/// The size `Ctx::budget` charges for a value, counted up to `cap`.
fn weight(node: &Node, cap: u64) -> u64 {
    let mut w = 0u64;
    let mut work = vec![node];
    while let Some(n) = work.pop() {
        w += 1;
        match &n.value {
            NodeValue::String(s) => w += s.len() as u64 / 4,
            NodeValue::Array(items) => work.extend(items),
            NodeValue::Object(entries) => work.extend(entries.iter().map(|e| &e.value)),
            _ => {}
        }
        if w > cap {
            break;
        }
    }
    w
}

/// A value that may be unknown until apply.
type Val = Option<Node>;

/// Evaluate one module folder: `files` are its `.tf` files, `tfvars` its variable files in
/// the order Terraform applies them, `inputs` the values a caller passes.
pub fn evaluate(
    files: &[SourceFile],
    tfvars: &[SourceFile],
    inputs: &BTreeMap<String, Node>,
) -> ModuleDocs {
    let mut out = ModuleDocs::default();
    let mut parsed: Vec<Option<Parsed>> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        match parse(&f.text) {
            Ok(body) => parsed.push(Some(Parsed {
                body,
                starts: line_starts(&f.text),
            })),
            Err((line, message)) => {
                out.problems.push(Problem {
                    file: i as u32,
                    line,
                    code: "iac-parse-error",
                    message: format!("invalid HCL: {message}"),
                });
                parsed.push(None);
            }
        }
    }
    let mut ctx = Ctx {
        files,
        parsed: &parsed,
        vars: BTreeMap::new(),
        locals: HashMap::new(),
        local_values: HashMap::new(),
        in_progress: Vec::new(),
        file: 0,
        depth: 0,
        budget: EVAL_BUDGET,
        exhausted: false,
    };
    // Variables: defaults, then tfvars, then the caller's inputs.
    for (i, p) in parsed.iter().enumerate() {
        let Some(p) = p else { continue };
        ctx.file = i as u32;
        for b in p.body.blocks() {
            match b.ident.as_str() {
                "variable" => {
                    if let Some(name) = label(b, 0)
                        && let Some(def) = attr(&b.body, "default")
                        && let Some(v) = ctx.eval(def)
                    {
                        ctx.vars.insert(name, v);
                    }
                }
                "locals" => {
                    for a in b.body.attributes() {
                        ctx.locals
                            .insert(a.key.as_str().to_owned(), (i as u32, &a.value));
                    }
                }
                _ => {}
            }
        }
    }
    for tv in tfvars {
        match parse(&tv.text) {
            Ok(body) => {
                for a in body.attributes() {
                    if let Some(v) = ctx.eval(&a.value) {
                        ctx.vars.insert(a.key.as_str().to_owned(), v);
                    }
                }
            }
            Err((line, message)) => out.problems.push(Problem {
                file: u32::MAX,
                line,
                code: "iac-parse-error",
                message: format!("invalid HCL in {}: {message}", tv.rel),
            }),
        }
    }
    for (k, v) in inputs {
        ctx.vars.insert(k.clone(), v.clone());
    }
    let mut merged: Option<Node> = None;
    for (i, p) in parsed.iter().enumerate() {
        let Some(p) = p else { continue };
        ctx.file = i as u32;
        let doc = ctx.top(p, &mut out).in_file(i as u32);
        merge(&mut merged, &doc);
        out.per_file.push((i as u32, doc));
    }
    out.merged = merged;
    if ctx.exhausted {
        out.problems.push(Problem {
            file: 0,
            line: 1,
            code: "iac-evaluation-limit",
            message: format!(
                "expressions in this module build more than {EVAL_BUDGET} values; the rest were left unknown (checks see them as `${{...}}`)"
            ),
        });
    }
    out
}

/// Parse HCL. hcl-edit bounds nesting itself (64 levels of expressions, templates and
/// blocks, 128 chained operators) and rejects deeper input with a parse error, so its
/// recursion cannot overflow the stack.
pub fn parse(text: &str) -> Result<Body, (u32, String)> {
    hcl_edit::parser::parse_body(text).map_err(|e| {
        let msg = e
            .message()
            .lines()
            .next()
            .unwrap_or("syntax error")
            .to_owned();
        (e.location().line() as u32, msg)
    })
}

fn label(b: &Block, i: usize) -> Option<String> {
    b.labels.get(i).map(|l| match l {
        BlockLabel::Ident(d) => d.as_str().to_owned(),
        BlockLabel::String(s) => s.value().clone(),
    })
}

fn attr<'b>(body: &'b Body, key: &str) -> Option<&'b Expression> {
    body.attributes()
        .find(|a| a.key.as_str() == key)
        .map(|a| &a.value)
}

fn obj(line: u32) -> Node {
    Node::new(NodeValue::Object(Vec::new()), line, 1)
}

/// Insert `value` at `keys` below `root`, creating objects on the way.
fn insert_path(root: &mut Node, keys: &[(String, u32)], value: Node) {
    let Some(((last, last_line), parents)) = keys.split_last() else {
        return;
    };
    let mut node = root;
    for (k, line) in parents {
        if node.get(k).is_none() {
            node.set(k, *line, obj(*line));
        }
        let NodeValue::Object(entries) = &mut node.value else {
            return;
        };
        let Some(e) = entries.iter_mut().find(|e| &e.key == k) else {
            return;
        };
        node = &mut e.value;
    }
    node.set(last, *last_line, value);
}

/// Deep-merge the first three levels (`resource` → type → name) of `doc` into `into`.
fn merge(into: &mut Option<Node>, doc: &Node) {
    match into {
        Some(target) => merge_levels(target, doc, 0),
        None => *into = Some(doc.clone()),
    }
}

fn merge_levels(target: &mut Node, src: &Node, depth: usize) {
    let NodeValue::Object(src_entries) = &src.value else {
        return;
    };
    for e in src_entries {
        let existing = match &mut target.value {
            NodeValue::Object(t) => t.iter_mut().find(|x| x.key == e.key),
            _ => return,
        };
        match existing {
            Some(x) if depth < 2 && matches!(x.value.value, NodeValue::Object(_)) => {
                merge_levels(&mut x.value, &e.value, depth + 1);
            }
            Some(x) => {
                x.value = e.value.clone();
                x.line = e.line;
            }
            None => {
                if let NodeValue::Object(t) = &mut target.value {
                    t.push(e.clone());
                }
            }
        }
    }
}

impl Ctx<'_> {
    fn text(&self) -> &str {
        self.files
            .get(self.file as usize)
            .map_or("", |f| f.text.as_str())
    }

    fn line(&self, span: Option<std::ops::Range<usize>>) -> u32 {
        match self.parsed.get(self.file as usize) {
            Some(Some(p)) => p.line(span),
            _ => 1,
        }
    }

    /// The document of one file.
    fn top(&mut self, p: &Parsed, out: &mut ModuleDocs) -> Node {
        let mut doc = obj(1);
        for s in &p.body {
            let Structure::Block(b) = s else { continue };
            let line = p.line(b.span());
            let kind = b.ident.as_str().to_owned();
            let mut node = self.body(&b.body, line);
            let keys: Vec<(String, u32)> = match kind.as_str() {
                "resource" | "data" => match (label(b, 0), label(b, 1)) {
                    (Some(t), Some(n)) => vec![(kind.clone(), line), (t, line), (n, line)],
                    _ => continue,
                },
                "module" | "variable" | "output" | "provider" => match label(b, 0) {
                    Some(n) => vec![(kind.clone(), line), (n, line)],
                    None => continue,
                },
                "locals" => {
                    let NodeValue::Object(entries) = node.value else {
                        continue;
                    };
                    for e in entries {
                        insert_path(
                            &mut doc,
                            &[("locals".to_owned(), line), (e.key, e.line)],
                            e.value,
                        );
                    }
                    continue;
                }
                _ => vec![(kind.clone(), line)],
            };
            if kind == "module" {
                let source = node
                    .get("source")
                    .and_then(Node::as_str)
                    .unwrap_or_default()
                    .to_owned();
                if source.starts_with("./") || source.starts_with("../") {
                    let mut inputs = BTreeMap::new();
                    if let NodeValue::Object(entries) = &node.value {
                        for e in entries {
                            if !matches!(
                                e.key.as_str(),
                                "source"
                                    | "version"
                                    | "providers"
                                    | "count"
                                    | "for_each"
                                    | "depends_on"
                            ) {
                                inputs.insert(e.key.clone(), e.value.clone());
                            }
                        }
                    }
                    out.calls.push(ModuleCall {
                        file: self.file,
                        line,
                        source,
                        inputs,
                    });
                } else if !source.is_empty() {
                    out.problems.push(Problem {
                        file: self.file,
                        line,
                        code: "iac-module-not-followed",
                        message: format!(
                            "module `{}` comes from `{}`, which is not fetched (palisade never downloads or runs code from the target); scan the module's own source to check it",
                            palisade_core::text::escape_control(&keys[1].0),
                            palisade_core::text::escape_control(&palisade_core::text::truncate_chars(&palisade_core::text::redact_urls(&source), 200))
                        ),
                    });
                }
            }
            if kind == "variable"
                && let Some(v) = self.vars.get(&keys[1].0)
            {
                node.set("value", line, v.clone());
            }
            insert_path(&mut doc, &keys, node);
        }
        doc
    }

    /// A block body: attributes evaluated; nested blocks an object each, repeated ones an
    /// array; `dynamic "x" { content {...} }` read as block `x`.
    fn body(&mut self, body: &Body, line: u32) -> Node {
        let mut entries: Vec<Entry> = Vec::new();
        let mut blocks: Vec<(String, u32, Node)> = Vec::new();
        for s in body {
            match s {
                Structure::Attribute(a) => {
                    let aline = self.line(a.span());
                    let v = self.eval_node(&a.value, aline);
                    entries.retain(|e| e.key != a.key.as_str());
                    entries.push(Entry {
                        key: a.key.as_str().to_owned(),
                        line: aline,
                        value: v,
                    });
                }
                Structure::Block(b) => {
                    let bline = self.line(b.span());
                    if b.ident.as_str() == "dynamic" {
                        let Some(name) = label(b, 0) else { continue };
                        let content = b.body.blocks().find(|c| c.ident.as_str() == "content");
                        let node = match content {
                            Some(c) => self.body(&c.body, bline),
                            None => obj(bline),
                        };
                        blocks.push((name, bline, node));
                    } else {
                        let node = self.body(&b.body, bline);
                        blocks.push((b.ident.as_str().to_owned(), bline, node));
                    }
                }
            }
        }
        let mut names: Vec<String> = blocks.iter().map(|b| b.0.clone()).collect();
        names.dedup();
        let mut seen: Vec<String> = Vec::new();
        for name in names {
            if seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            let group: Vec<&(String, u32, Node)> = blocks.iter().filter(|b| b.0 == name).collect();
            let first_line = group[0].1;
            let value = if group.len() == 1 {
                group[0].2.clone()
            } else {
                Node::new(
                    NodeValue::Array(group.iter().map(|b| b.2.clone()).collect()),
                    first_line,
                    1,
                )
            };
            entries.retain(|e| e.key != name);
            entries.push(Entry {
                key: name,
                line: first_line,
                value,
            });
        }
        Node::new(NodeValue::Object(entries), line, 1)
    }

    /// Evaluate to a node; unknown values become the expression text in `${...}`.
    fn eval_node(&mut self, e: &Expression, line: u32) -> Node {
        if let Some(n) = self.eval(e) {
            n
        } else {
            let text = e
                .span()
                .and_then(|r| self.text().get(r))
                .map(|t| palisade_core::text::truncate_chars(t.trim(), MAX_EXPR_TEXT))
                .unwrap_or_default();
            Node::string(format!("${{{text}}}"), line, 1)
        }
    }

    fn eval(&mut self, e: &Expression) -> Val {
        // Only what copies or grows values is charged, and refused once the budget is
        // spent; literals cost what the source already holds and are always read, so a
        // blown budget cannot hide `publicly_accessible = true` further down.
        let grows = matches!(
            e,
            Expression::FuncCall(_)
                | Expression::Traversal(_)
                | Expression::StringTemplate(_)
                | Expression::HeredocTemplate(_)
                | Expression::Conditional(_)
        );
        if self.depth > MAX_EVAL_DEPTH || (self.exhausted && grows) {
            return None;
        }
        self.depth += 1;
        let v = self.eval_inner(e);
        self.depth -= 1;
        if let Some(n) = &v
            && grows
        {
            let w = weight(n, self.budget + 1);
            if w > self.budget {
                self.budget = 0;
                self.exhausted = true;
                return None;
            }
            self.budget -= w;
        }
        v
    }

    // Expressions, operands and values read best as the short names HCL's grammar uses.
    #[allow(clippy::many_single_char_names)]
    fn eval_inner(&mut self, e: &Expression) -> Val {
        let line = self.line(e.span());
        let num = |n: serde_json::Number| Some(Node::new(NodeValue::Number(n), line, 1));
        match e {
            Expression::Null(_) => Some(Node::new(NodeValue::Null, line, 1)),
            Expression::Bool(b) => Some(Node::new(NodeValue::Bool(*b.value()), line, 1)),
            Expression::Number(n) => {
                let n = n.value();
                if let Some(i) = n.as_i64() {
                    num(i.into())
                } else {
                    n.as_f64()
                        .and_then(serde_json::Number::from_f64)
                        .and_then(num)
                }
            }
            Expression::String(s) => Some(Node::string(s.value().clone(), line, 1)),
            Expression::Array(a) => {
                let mut items = Vec::new();
                for x in a {
                    let l = self.line(x.span());
                    items.push(self.eval_node(x, l));
                }
                Some(Node::new(NodeValue::Array(items), line, 1))
            }
            Expression::Object(o) => {
                let mut entries = Vec::new();
                for (k, v) in o {
                    let key = match k {
                        ObjectKey::Ident(i) => i.as_str().to_owned(),
                        ObjectKey::Expression(x) => match self.eval(x)?.value {
                            NodeValue::String(s) => s,
                            other => Node::new(other, 0, 0).to_json().to_string(),
                        },
                    };
                    let kline = self.line(k.span());
                    let value = self.eval_node(v.expr(), kline);
                    entries.push(Entry {
                        key,
                        line: kline,
                        value,
                    });
                }
                Some(Node::new(NodeValue::Object(entries), line, 1))
            }
            Expression::StringTemplate(t) => self.template(t, line),
            Expression::HeredocTemplate(h) => self.template(&h.template, line),
            Expression::Parenthesis(p) => self.eval(p.inner()),
            Expression::Variable(_) | Expression::ForExpr(_) => None,
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr)?;
                match cond.value {
                    NodeValue::Bool(true) => self.eval(&c.true_expr),
                    NodeValue::Bool(false) => self.eval(&c.false_expr),
                    _ => None,
                }
            }
            Expression::Traversal(t) => self.traversal(t),
            Expression::UnaryOp(u) => {
                let v = self.eval(&u.expr)?;
                match (u.operator.value(), &v.value) {
                    (UnaryOperator::Not, NodeValue::Bool(b)) => {
                        Some(Node::new(NodeValue::Bool(!b), line, 1))
                    }
                    (UnaryOperator::Neg, NodeValue::Number(n)) => {
                        if let Some(i) = n.as_i64() {
                            num((-i).into())
                        } else {
                            n.as_f64()
                                .and_then(|f| serde_json::Number::from_f64(-f))
                                .and_then(num)
                        }
                    }
                    _ => None,
                }
            }
            Expression::BinaryOp(b) => {
                let l = self.eval(&b.lhs_expr);
                let r = self.eval(&b.rhs_expr);
                let op = b.operator.value();
                // `&&` / `||` short-circuit on a known side.
                match (
                    op,
                    l.as_ref().map(|n| &n.value),
                    r.as_ref().map(|n| &n.value),
                ) {
                    (BinaryOperator::And, Some(NodeValue::Bool(false)), _)
                    | (BinaryOperator::And, _, Some(NodeValue::Bool(false))) => {
                        return Some(Node::new(NodeValue::Bool(false), line, 1));
                    }
                    (BinaryOperator::Or, Some(NodeValue::Bool(true)), _)
                    | (BinaryOperator::Or, _, Some(NodeValue::Bool(true))) => {
                        return Some(Node::new(NodeValue::Bool(true), line, 1));
                    }
                    _ => {}
                }
                let (l, r) = (l?.to_json(), r?.to_json());
                let b = |v: bool| Some(Node::new(NodeValue::Bool(v), line, 1));
                let f = |v: &serde_json::Value| v.as_f64();
                match op {
                    BinaryOperator::Eq => b(l == r),
                    BinaryOperator::NotEq => b(l != r),
                    BinaryOperator::And => b(l.as_bool()? && r.as_bool()?),
                    BinaryOperator::Or => b(l.as_bool()? || r.as_bool()?),
                    BinaryOperator::Less => b(f(&l)? < f(&r)?),
                    BinaryOperator::LessEq => b(f(&l)? <= f(&r)?),
                    BinaryOperator::Greater => b(f(&l)? > f(&r)?),
                    BinaryOperator::GreaterEq => b(f(&l)? >= f(&r)?),
                    BinaryOperator::Plus
                    | BinaryOperator::Minus
                    | BinaryOperator::Mul
                    | BinaryOperator::Div
                    | BinaryOperator::Mod => {
                        if let (Some(x), Some(y)) = (l.as_i64(), r.as_i64()) {
                            let v = match op {
                                BinaryOperator::Plus => x.checked_add(y),
                                BinaryOperator::Minus => x.checked_sub(y),
                                BinaryOperator::Mul => x.checked_mul(y),
                                BinaryOperator::Div if y != 0 && x % y == 0 => Some(x / y),
                                BinaryOperator::Mod if y != 0 => Some(x % y),
                                _ => None,
                            };
                            if let Some(v) = v {
                                return num(v.into());
                            }
                        }
                        let (x, y) = (f(&l)?, f(&r)?);
                        let v = match op {
                            BinaryOperator::Plus => x + y,
                            BinaryOperator::Minus => x - y,
                            BinaryOperator::Mul => x * y,
                            BinaryOperator::Div => x / y,
                            _ => x % y,
                        };
                        serde_json::Number::from_f64(v).and_then(num)
                    }
                }
            }
            Expression::FuncCall(call) => {
                let name = call.name.name.as_str().to_owned();
                let args: Vec<&Expression> = call.args.iter().collect();
                self.function(&name, &args, line)
            }
        }
    }

    fn template(&mut self, t: &Template, line: u32) -> Val {
        let mut s = String::new();
        for el in t {
            match el {
                Element::Literal(l) => s.push_str(l.value()),
                Element::Interpolation(i) => match self.eval(&i.expr)?.value {
                    NodeValue::String(x) => s.push_str(&x),
                    NodeValue::Number(n) => s.push_str(&n.to_string()),
                    NodeValue::Bool(b) => s.push_str(if b { "true" } else { "false" }),
                    _ => return None,
                },
                Element::Directive(_) => return None,
            }
        }
        Some(Node::string(s, line, 1))
    }

    fn local(&mut self, name: &str) -> Val {
        if let Some(v) = self.local_values.get(name) {
            return v.clone();
        }
        if self.in_progress.iter().any(|n| n == name) {
            return None;
        }
        let (file, expr) = *self.locals.get(name)?;
        self.in_progress.push(name.to_owned());
        let saved = self.file;
        self.file = file;
        let v = self.eval(expr);
        self.file = saved;
        self.in_progress.pop();
        self.local_values.insert(name.to_owned(), v.clone());
        v
    }

    fn traversal(&mut self, t: &hcl_edit::expr::Traversal) -> Val {
        let Expression::Variable(root) = &t.expr else {
            let mut v = self.eval(&t.expr)?;
            for op in &t.operators {
                v = self.step(&v, op.value())?;
            }
            return Some(v);
        };
        let mut ops = t.operators.iter().map(hcl_edit::Decorated::value);
        let mut v = match root.as_str() {
            "var" => match ops.next()? {
                TraversalOperator::GetAttr(n) => self.vars.get(n.as_str())?.clone(),
                _ => return None,
            },
            "local" => match ops.next()? {
                TraversalOperator::GetAttr(n) => {
                    let name = n.as_str().to_owned();
                    self.local(&name)?
                }
                _ => return None,
            },
            _ => return None,
        };
        for op in ops {
            v = self.step(&v, op)?;
        }
        Some(v)
    }

    fn step(&mut self, v: &Node, op: &TraversalOperator) -> Val {
        match op {
            TraversalOperator::GetAttr(n) => v.get(n.as_str()).cloned(),
            TraversalOperator::Index(e) => {
                let k = self.eval(e)?;
                match (&v.value, &k.value) {
                    (NodeValue::Array(items), NodeValue::Number(n)) => {
                        items.get(n.as_u64()? as usize).cloned()
                    }
                    (NodeValue::Object(_), NodeValue::String(s)) => v.get(s).cloned(),
                    _ => None,
                }
            }
            TraversalOperator::LegacyIndex(i) => match &v.value {
                NodeValue::Array(items) => items.get(*i.value() as usize).cloned(),
                _ => None,
            },
            _ => None,
        }
    }

    fn function(&mut self, name: &str, args: &[&Expression], line: u32) -> Val {
        let s = |x: String| Some(Node::string(x, line, 1));
        let arg_str = |ctx: &mut Self, i: usize| -> Option<String> {
            match ctx.eval(args.get(i)?)?.value {
                NodeValue::String(x) => Some(x),
                NodeValue::Number(n) => Some(n.to_string()),
                NodeValue::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        };
        match name {
            // The structure is kept (see the module docs).
            "jsonencode" | "yamlencode" | "tolist" | "toset" | "tomap" | "sensitive"
            | "nonsensitive" => self.eval(args.first()?),
            "jsondecode" => {
                let text = arg_str(self, 0)?;
                let v: serde_json::Value = serde_json::from_str(&text).ok()?;
                Some(Node::from_json(&v, line))
            }
            "tostring" => s(arg_str(self, 0)?),
            "lower" => s(arg_str(self, 0)?.to_lowercase()),
            "upper" => s(arg_str(self, 0)?.to_uppercase()),
            "trimspace" => s(arg_str(self, 0)?.trim().to_owned()),
            "replace" => {
                let (text, from, to) = (arg_str(self, 0)?, arg_str(self, 1)?, arg_str(self, 2)?);
                // The one function whose result can be far larger than its arguments:
                // refuse before building it.
                let hits = if from.is_empty() {
                    text.len() + 1
                } else {
                    text.matches(from.as_str()).count()
                };
                let size = text.len() as u64 + hits as u64 * to.len() as u64;
                if size / 4 > self.budget {
                    self.budget = 0;
                    self.exhausted = true;
                    return None;
                }
                s(text.replace(&from, &to))
            }
            "tonumber" => {
                let x = arg_str(self, 0)?;
                x.parse::<i64>()
                    .ok()
                    .map(serde_json::Number::from)
                    .or_else(|| x.parse::<f64>().ok().and_then(serde_json::Number::from_f64))
                    .map(|n| Node::new(NodeValue::Number(n), line, 1))
            }
            "tobool" => match arg_str(self, 0)?.as_str() {
                "true" => Some(Node::new(NodeValue::Bool(true), line, 1)),
                "false" => Some(Node::new(NodeValue::Bool(false), line, 1)),
                _ => None,
            },
            "format" => {
                let fmt = arg_str(self, 0)?;
                let mut out = String::new();
                let mut i = 1;
                let mut chars = fmt.chars().peekable();
                while let Some(c) = chars.next() {
                    if c != '%' {
                        out.push(c);
                        continue;
                    }
                    match chars.next()? {
                        '%' => out.push('%'),
                        's' | 'd' | 'v' => {
                            out.push_str(&arg_str(self, i)?);
                            i += 1;
                        }
                        _ => return None,
                    }
                }
                s(out)
            }
            "join" => {
                let sep = arg_str(self, 0)?;
                let list = self.eval(args.get(1)?)?;
                let NodeValue::Array(items) = list.value else {
                    return None;
                };
                let parts: Option<Vec<String>> = items
                    .into_iter()
                    .map(|n| n.as_str().map(str::to_owned))
                    .collect();
                s(parts?.join(&sep))
            }
            "concat" => {
                let mut all = Vec::new();
                for a in args {
                    let NodeValue::Array(items) = self.eval(a)?.value else {
                        return None;
                    };
                    all.extend(items);
                }
                Some(Node::new(NodeValue::Array(all), line, 1))
            }
            "merge" => {
                let mut m = obj(line);
                for a in args {
                    let NodeValue::Object(entries) = self.eval(a)?.value else {
                        return None;
                    };
                    for e in entries {
                        m.set(&e.key, e.line, e.value);
                    }
                }
                Some(m)
            }
            "coalesce" => {
                for a in args {
                    let v = self.eval(a)?;
                    if !matches!(&v.value, NodeValue::Null) && v.as_str() != Some("") {
                        return Some(v);
                    }
                }
                None
            }
            "try" => args.iter().find_map(|a| self.eval(a)),
            "lookup" => {
                let m = self.eval(args.first()?)?;
                let k = arg_str(self, 1)?;
                m.get(&k)
                    .cloned()
                    .or_else(|| args.get(2).and_then(|d| self.eval(d)))
            }
            "length" => {
                let v = self.eval(args.first()?)?;
                let n = match &v.value {
                    NodeValue::Array(a) => a.len(),
                    NodeValue::Object(o) => o.len(),
                    NodeValue::String(x) => x.chars().count(),
                    _ => return None,
                };
                Some(Node::new(NodeValue::Number((n as u64).into()), line, 1))
            }
            "element" => {
                let NodeValue::Array(items) = self.eval(args.first()?)?.value else {
                    return None;
                };
                let i = self.eval(args.get(1)?)?.to_json().as_u64()? as usize;
                if items.is_empty() {
                    return None;
                }
                items.get(i % items.len()).cloned()
            }
            "contains" => {
                let NodeValue::Array(items) = self.eval(args.first()?)?.value else {
                    return None;
                };
                let x = self.eval(args.get(1)?)?.to_json();
                Some(Node::new(
                    NodeValue::Bool(items.iter().any(|n| n.to_json() == x)),
                    line,
                    1,
                ))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(files: &[(&str, &str)], tfvars: &[(&str, &str)]) -> ModuleDocs {
        let f: Vec<SourceFile> = files
            .iter()
            .map(|(r, t)| SourceFile {
                rel: (*r).into(),
                text: (*t).into(),
            })
            .collect();
        let v: Vec<SourceFile> = tfvars
            .iter()
            .map(|(r, t)| SourceFile {
                rel: (*r).into(),
                text: (*t).into(),
            })
            .collect();
        evaluate(&f, &v, &BTreeMap::new())
    }

    #[test]
    fn values_are_evaluated_and_lines_kept() {
        let m = module(
            &[
                (
                    "main.tf",
                    "locals {\n  env = \"prod-${var.region}\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"${local.env}-logs\"\n  acl    = var.acl\n  tags = merge({a = 1}, {b = upper(\"x\")})\n  versioning {\n    enabled = var.versioning ? true : false\n  }\n  arn = aws_iam_role.r.arn\n}\n",
                ),
                (
                    "variables.tf",
                    "variable \"region\" {\n  default = \"eu-west-1\"\n}\nvariable \"acl\" {\n  default = \"private\"\n}\nvariable \"versioning\" {\n  default = false\n}\n",
                ),
            ],
            &[("terraform.tfvars", "acl = \"public-read\"\n")],
        );
        assert!(m.problems.is_empty(), "{:?}", m.problems);
        let doc = m.merged.expect("merged");
        let j = doc.to_json();
        let b = &j["resource"]["aws_s3_bucket"]["b"];
        assert_eq!(b["bucket"], "prod-eu-west-1-logs");
        assert_eq!(b["acl"], "public-read");
        assert_eq!(b["tags"], serde_json::json!({"a": 1, "b": "X"}));
        assert_eq!(b["versioning"]["enabled"], false);
        assert_eq!(b["arn"], "${aws_iam_role.r.arn}");
        let k = |s: &str| palisade_policy::doc::PathSeg::Key(s.into());
        assert_eq!(
            doc.locate(&[k("resource"), k("aws_s3_bucket"), k("b"), k("acl")])
                .1,
            7
        );
        assert_eq!(doc.locate(&[k("variable"), k("acl")]).0, 1);
    }

    #[test]
    fn repeated_blocks_jsonencode_and_errors() {
        let m = module(
            &[
                (
                    "a.tf",
                    "resource \"aws_security_group\" \"s\" {\n  ingress {\n    from_port = 22\n  }\n  ingress {\n    from_port = 443\n  }\n  policy = jsonencode({\n    Statement = [{\n      Action = \"*\"\n    }]\n  })\n}\nmodule \"m\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n",
                ),
                ("b.tf", "resource \"x\" {\n"),
            ],
            &[],
        );
        let j = m.merged.as_ref().expect("merged").to_json();
        assert_eq!(
            j["resource"]["aws_security_group"]["s"]["ingress"][1]["from_port"],
            443
        );
        assert_eq!(
            j["resource"]["aws_security_group"]["s"]["policy"]["Statement"][0]["Action"],
            "*"
        );
        let codes: Vec<&str> = m.problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["iac-parse-error", "iac-module-not-followed"]);
        assert_eq!(m.problems[0].file, 1);
    }
}
