//! Rules as YAML data: loading, validation, compilation to matchers.

use std::fmt::{self, Write as _};
use std::sync::{Arc, OnceLock};

use ast_grep_core::Pattern;
use ast_grep_core::matcher::KindMatcher;
use palisade_core::doc::{Node, NodeValue};
use palisade_core::docs::RuleDoc;
use palisade_core::model::{Category, Confidence, Cwe, RuleMeta, Severity};

use crate::lang::Lang;
use crate::matcher::{Constraint, Matcher};
use crate::taint::TaintSpec;

/// A compiled rule.
#[derive(Clone)]
pub struct Rule {
    /// Metadata (id, title, severity, CWE, ...).
    pub meta: RuleMeta,
    /// The language it analyses.
    pub lang: Lang,
    /// OWASP Top 10 (2021) category, e.g. `A03:2021 Injection`.
    pub owasp: Option<String>,
    /// The finding message; `$X` is replaced by what the metavariable matched.
    pub message: String,
    /// A data-flow (taint) rule.
    pub taint: bool,
    /// What the rule checks, per language: see [`Rule::check_for`]. Clones share it.
    compiled: Arc<OnceLock<Result<Compiled, RuleError>>>,
    /// How to compile it when first needed (built-in rules, whose text is in the binary);
    /// None when it was compiled as it loaded.
    recipe: Option<Recipe>,
    /// Related CERT C or MISRA C:2012 rule ids.
    pub standards: Vec<String>,
    /// Replacement for the matched code, with its metavariables (`palisade fix`).
    pub fix: Option<String>,
    /// Where the rule was read from (`rules/python/py-x.yaml` for built-in rules).
    pub source: String,
    /// 1-based line of the rule in its file.
    pub line: u32,
    /// The annotated fixture: repository path and text (built-in rules).
    pub fixture: Option<(String, String)>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.meta.id)
            .field("lang", &self.lang)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

/// A rule's checks: for its language, and for the other languages it runs on (JavaScript
/// rules on TypeScript and TSX) where its patterns parse in that language.
struct Compiled {
    check: Check,
    variants: Vec<(Lang, Check)>,
}

/// Where a lazily compiled rule is defined: the `index`th rule of the rule file `text`.
#[derive(Clone, Copy)]
struct Recipe {
    text: &'static str,
    index: usize,
}

/// What a rule checks.
#[derive(Clone)]
pub enum Check {
    /// Every node its matcher matches is a finding.
    Match(Matcher),
    /// Every sink that data from a source reaches is a finding.
    Taint(TaintSpec),
}

impl Check {
    /// Its matchers: the one of a structural rule, or a taint rule's sources, sinks and
    /// sanitizers.
    pub(crate) fn matchers(&self) -> Vec<&Matcher> {
        match self {
            Self::Match(m) => vec![m],
            Self::Taint(spec) => spec.matchers().collect(),
        }
    }

    /// Every regex of this check.
    fn regexes(&self) -> Vec<&crate::matcher::Re> {
        let mut out = Vec::new();
        for m in self.matchers() {
            m.regexes(&mut out);
        }
        out
    }
}

/// A rule file that cannot be loaded: file, line, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct RuleError {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

type Fail = (u32, String);

fn fail<T>(node: &Node, message: impl Into<String>) -> Result<T, Fail> {
    Err((node.line, message.into()))
}

const RULE_KEYS: &[&str] = &[
    "id",
    "language",
    "title",
    "severity",
    "confidence",
    "cwe",
    "owasp",
    "standards",
    "message",
    "description",
    "remediation",
    "references",
    "match",
    "where",
    "fix",
    "mode",
    "sources",
    "sinks",
    "sanitizers",
];

const MATCH_KEYS: &[&str] = &[
    "pattern", "kind", "regex", "all", "any", "not", "inside", "has", "follows", "precedes",
];

/// Load the rules of one YAML file: a single rule (a mapping with `id`), or `rules:` with a
/// list of them. `file` names the file in errors and in each rule's `source`.
pub fn load(file: &str, text: &str) -> Result<Vec<Rule>, RuleError> {
    load_as(file, text, None)
}

/// [`load`]; with `lazy` (the same text, built into the binary), each rule's patterns are
/// compiled only when the rule is first used.
fn load_as(file: &str, text: &str, lazy: Option<&'static str>) -> Result<Vec<Rule>, RuleError> {
    let err = |(line, message): Fail| RuleError {
        file: file.to_owned(),
        line,
        message,
    };
    let stream = palisade_core::yaml::parse(text);
    if let Some(e) = stream.error {
        return Err(err((e.line, e.message)));
    }
    let nodes = rule_nodes(&stream).map_err(err)?;
    let mut rules = Vec::new();
    for (index, node) in nodes.into_iter().enumerate() {
        let recipe = lazy.map(|text| Recipe { text, index });
        rules.push(rule(node, file, recipe).map_err(err)?);
    }
    Ok(rules)
}

/// The rule mappings of a rule file: the document itself, or the items of its `rules`.
fn rule_nodes(stream: &palisade_core::yaml::YamlStream) -> Result<Vec<&Node>, Fail> {
    let mut rules = Vec::new();
    for doc in &stream.docs {
        let list: Vec<&Node> = match (&doc.value, doc.get("rules")) {
            (
                _,
                Some(Node {
                    value: NodeValue::Array(items),
                    ..
                }),
            ) => items.iter().collect(),
            (_, Some(other)) => return Err((other.line, "`rules` must be a list".into())),
            (NodeValue::Object(_), None) => vec![doc],
            _ => {
                return Err((
                    doc.line,
                    "a rule file holds one rule (a mapping with `id`) or `rules:` with a list"
                        .into(),
                ));
            }
        };
        rules.extend(list);
    }
    Ok(rules)
}

fn string(node: &Node, what: &str) -> Result<String, Fail> {
    match &node.value {
        NodeValue::String(s) => Ok(s.clone()),
        NodeValue::Number(n) => Ok(n.to_string()),
        _ => fail(node, format!("`{what}` must be a string")),
    }
}

fn strings(node: &Node, what: &str) -> Result<Vec<String>, Fail> {
    match &node.value {
        NodeValue::Array(items) => items.iter().map(|i| string(i, what)).collect(),
        _ => Ok(vec![string(node, what)?]),
    }
}

fn required<'a>(node: &'a Node, key: &str) -> Result<&'a Node, Fail> {
    node.get(key)
        .ok_or_else(|| (node.line, format!("missing `{key}`")))
}

fn rule(node: &Node, file: &str, recipe: Option<Recipe>) -> Result<Rule, Fail> {
    let NodeValue::Object(entries) = &node.value else {
        return fail(node, "a rule must be a mapping");
    };
    for e in entries {
        if !RULE_KEYS.contains(&e.key.as_str()) {
            return Err((
                e.line,
                format!(
                    "unknown key `{}` (expected one of: {})",
                    e.key,
                    RULE_KEYS.join(", ")
                ),
            ));
        }
    }
    let id = string(required(node, "id")?, "id")?;
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return fail(
            node,
            format!("rule id `{id}` must be kebab-case (a-z, 0-9, -)"),
        );
    }
    let lang_node = required(node, "language")?;
    let lang_name = string(lang_node, "language")?;
    let lang = Lang::from_name(&lang_name).ok_or_else(|| {
        (
            lang_node.line,
            format!(
                "unknown language `{lang_name}` (known: {})",
                crate::lang::ALL
                    .iter()
                    .map(|l| l.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })?;
    let sev_node = required(node, "severity")?;
    let severity: Severity = string(sev_node, "severity")?.parse().map_err(|_| {
        (
            sev_node.line,
            "`severity` must be critical, high, medium, low or info".to_owned(),
        )
    })?;
    let confidence = match node.get("confidence") {
        None => Confidence::Medium,
        Some(c) => match string(c, "confidence")?.as_str() {
            "high" => Confidence::High,
            "medium" => Confidence::Medium,
            "low" => Confidence::Low,
            _ => return fail(c, "`confidence` must be high, medium or low"),
        },
    };
    let mut cwe = Vec::new();
    if let Some(c) = node.get("cwe") {
        for s in strings(c, "cwe")? {
            cwe.push(
                s.parse::<Cwe>()
                    .map_err(|_| (c.line, format!("`{s}` is not a CWE id (CWE-79)")))?,
            );
        }
    }
    if cwe.is_empty() {
        return fail(node, "missing `cwe` (one or more CWE ids)");
    }
    let title = string(required(node, "title")?, "title")?;
    let message = string(required(node, "message")?, "message")?;
    let description = string(required(node, "description")?, "description")?;
    let remediation = string(required(node, "remediation")?, "remediation")?;
    let owasp = node.get("owasp").map(|o| string(o, "owasp")).transpose()?;
    let standards = node
        .get("standards")
        .map(|s| strings(s, "standards"))
        .transpose()?
        .unwrap_or_default();
    let mut meta = RuleMeta::new(
        id,
        title,
        Category::Sast,
        severity,
        confidence,
        cwe,
        description.trim_end().to_owned(),
        remediation.trim_end().to_owned(),
    );
    meta.tags.push(lang.name().to_owned());
    if let Some(o) = &owasp {
        meta.tags.push(o.clone());
    }
    meta.tags.extend(standards.iter().cloned());
    if let Some(r) = node.get("references") {
        meta.references = strings(r, "references")?;
    }
    let fix = node.get("fix").map(|f| string(f, "fix")).transpose()?;
    let taint = match node.get("mode") {
        None => false,
        Some(m) => match string(m, "mode")?.as_str() {
            "match" => false,
            "taint" => true,
            other => return fail(m, format!("`mode` is match or taint, not `{other}`")),
        },
    };
    if taint && node.get("match").is_some() {
        return fail(node, "a taint rule has `sources` and `sinks`, not `match`");
    }
    // A taint finding is a path, not one match: there is nothing to fill a `$X` with.
    if taint
        && let Some(m) = node.get("message")
        && let Some(text) = m.as_str()
        && let Some(at) = text.find('$')
        && text[at + 1..].starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
    {
        return fail(
            m,
            "a taint rule's message is shown as written: it cannot name metavariables (`$X`); the data flow shows the code",
        );
    }
    if !taint {
        for key in ["sources", "sinks", "sanitizers"] {
            if let Some(n) = node.get(key) {
                return fail(n, format!("`{key}` needs `mode: taint`"));
            }
        }
    }
    let compiled = Arc::new(OnceLock::new());
    if recipe.is_none() {
        let _ = compiled.set(Ok(compile(node, lang, taint)?));
    }
    Ok(Rule {
        meta,
        lang,
        owasp,
        message: message.trim().to_owned(),
        taint,
        compiled,
        recipe,
        standards,
        fix,
        source: file.to_owned(),
        line: node.line,
        fixture: None,
    })
}

/// The checks of the rule `node` (of language `lang`; `taint`: a taint rule).
fn compile(node: &Node, lang: Lang, taint: bool) -> Result<Compiled, Fail> {
    let one = |l: Lang| -> Result<Check, Fail> {
        if taint {
            return taint_spec(node, l).map(Check::Taint);
        }
        let mut m = matcher(required(node, "match")?, l)?;
        if !positive(&m) {
            return fail(
                required(node, "match")?,
                "a matcher needs something positive to match: a pattern, kind or regex (`not` or a relation alone matches nearly every node)",
            );
        }
        if let Some(w) = node.get("where") {
            m = Matcher::Where(Box::new(m), constraints(w)?);
        }
        Ok(Check::Match(m.prepared()))
    };
    let check = one(lang)?;
    // A pattern that is JavaScript but not TypeScript (a type assertion `<T>x` reads as
    // JSX, say) leaves that variant out rather than failing the rule.
    let variants = lang
        .also()
        .iter()
        .filter_map(|&l| one(l).ok().map(|m| (l, m)))
        .collect();
    Ok(Compiled { check, variants })
}

/// Built-in source sets, named `@...` in a taint rule's `sources`: the request data of the
/// common web frameworks, as patterns.
fn preset(name: &str, lang: Lang) -> Option<&'static [&'static str]> {
    match (name, lang) {
        // Flask, Django, Django REST framework, Starlette / FastAPI `Request`.
        ("@web-request", Lang::Python) => Some(&[
            "request.args",
            "request.form",
            "request.values",
            "request.files",
            "request.cookies",
            "request.headers",
            "request.data",
            "request.json",
            "request.get_json($$$)",
            "request.get_data($$$)",
            "request.stream",
            "request.view_args",
            "request.GET",
            "request.POST",
            "request.COOKIES",
            "request.META",
            "request.FILES",
            "request.body",
            "request.query_params",
            "request.path_params",
            "self.request.GET",
            "self.request.POST",
        ]),
        // Express and Koa requests, and what a browser page reads from its URL.
        ("@web-request", Lang::JavaScript | Lang::TypeScript | Lang::Tsx) => Some(&[
            "req.query",
            "req.body",
            "req.params",
            "req.headers",
            "req.cookies",
            "req.url",
            "request.query",
            "request.body",
            "request.params",
            "ctx.query",
            "ctx.params",
            "ctx.request.body",
            "location.search",
            "location.hash",
            "location.href",
            "window.location.search",
            "window.location.hash",
            "window.location.href",
            "document.URL",
            "document.referrer",
            "document.cookie",
        ]),
        // Servlet `HttpServletRequest` (Spring MVC and Jakarta EE handlers get one too).
        ("@web-request", Lang::Java) => Some(&[
            "$R.getParameter($$$A)",
            "$R.getParameterValues($$$A)",
            "$R.getParameterMap()",
            "$R.getParameterNames()",
            "$R.getQueryString()",
            "$R.getHeader($$$A)",
            "$R.getHeaders($$$A)",
            "$R.getCookies()",
            "$R.getInputStream()",
            "$R.getReader()",
            "$R.getRequestURI()",
            "$R.getRequestURL()",
            "$R.getPathInfo()",
            "$R.getPart($$$A)",
            "$R.getParts()",
        ]),
        // net/http `*http.Request` (also what Gin, Echo and chi hand over), Gin's and Echo's
        // context getters.
        ("@web-request", Lang::Go) => Some(&[
            "$R.URL.Query()",
            "$R.URL.RawQuery",
            "$R.URL.Path",
            "$R.FormValue($$$A)",
            "$R.PostFormValue($$$A)",
            "$R.FormFile($$$A)",
            "$R.Header.Get($$$A)",
            "$R.Header.Values($$$A)",
            "$R.Cookie($$$A)",
            "$R.Referer()",
            "$R.RequestURI",
            "r.Form",
            "r.PostForm",
            "r.Body",
            "req.Form",
            "req.PostForm",
            "req.Body",
            "c.Query($$$A)",
            "c.DefaultQuery($$$A)",
            "c.QueryArray($$$A)",
            "c.QueryMap($$$A)",
            "c.Param($$$A)",
            "c.Params.ByName($$$A)",
            "c.PostForm($$$A)",
            "c.DefaultPostForm($$$A)",
            "c.PostFormArray($$$A)",
            "c.GetHeader($$$A)",
            "c.GetRawData()",
            "c.QueryParam($$$A)",
            "c.QueryParams()",
            "c.FormValue($$$A)",
            "ctx.Query($$$A)",
            "ctx.Param($$$A)",
            "ctx.PostForm($$$A)",
            "ctx.QueryParam($$$A)",
            "ctx.FormValue($$$A)",
        ]),
        // ASP.NET Core and ASP.NET `Request`.
        ("@web-request", Lang::CSharp) => Some(&[
            "Request.Query",
            "Request.Form",
            "Request.QueryString",
            "Request.Cookies",
            "Request.Headers",
            "Request.Body",
            "Request.Path",
            "Request.RouteValues",
            "Request.Params",
            "Request.Files",
            "$C.Request.Query",
            "$C.Request.Form",
            "$C.Request.QueryString",
            "$C.Request.Cookies",
            "$C.Request.Headers",
            "$C.Request.Body",
            "$C.Request.Path",
            "$C.Request.RouteValues",
        ]),
        // Rails and Sinatra.
        ("@web-request", Lang::Ruby) => Some(&[
            "params",
            "cookies",
            "request.params",
            "request.query_string",
            "request.query_parameters",
            "request.request_parameters",
            "request.body",
            "request.raw_post",
            "request.headers",
            "request.env",
            "request.url",
            "request.fullpath",
            "request.path",
            "request.referer",
            "request.cookies",
        ]),
        // PHP's superglobals, Laravel's and Symfony's `Request`.
        ("@web-request", Lang::Php) => Some(&[
            "$_GET",
            "$_POST",
            "$_REQUEST",
            "$_COOKIE",
            "$_FILES",
            "$_SERVER",
            "$request->input($$$A)",
            "$request->get($$$A)",
            "$request->query($$$A)",
            "$request->post($$$A)",
            "$request->all()",
            "$request->only($$$A)",
            "$request->except($$$A)",
            "$request->cookie($$$A)",
            "$request->header($$$A)",
            "$request->file($$$A)",
            "$request->route($$$A)",
            "$request->json($$$A)",
            "$request->getContent()",
            "$request->query",
            "$request->request",
            "$request->cookies",
            "$request->headers",
            "request($$$A)",
            "Input::get($$$A)",
            "Request::input($$$A)",
            "Request::get($$$A)",
        ]),
        // actix-web `HttpRequest`.
        ("@web-request", Lang::Rust) => Some(&["$R.query_string()", "$R.match_info()"]),
        _ => None,
    }
}

/// Built-in source sets that are parameter declarations: a handler parameter the
/// framework fills from the request, as (node kind, regex on its code).
fn preset_parameters(name: &str, lang: Lang) -> &'static [(&'static str, &'static str)] {
    match (name, lang) {
        // FastAPI's explicit request parameters (`q: str = Query(None)`,
        // `q: Annotated[str, Query()]`).
        ("@web-request", Lang::Python) => &[
            (
                "typed_default_parameter",
                r"\b(?:fastapi\.)?(?:Query|Body|Form|Path|Header|Cookie|File)\(",
            ),
            (
                "typed_parameter",
                r"Annotated\[.*,\s*(fastapi\.)?(Query|Body|Form|Path|Header|Cookie|File)\(",
            ),
        ],
        // Spring MVC and JAX-RS binding annotations.
        ("@web-request", Lang::Java) => &[(
            "formal_parameter",
            r"^@(RequestParam|PathVariable|RequestBody|RequestHeader|CookieValue|ModelAttribute|MatrixVariable|RequestPart|QueryParam|PathParam|FormParam|HeaderParam|CookieParam|MatrixParam)\b",
        )],
        // ASP.NET Core model-binding attributes.
        ("@web-request", Lang::CSharp) => &[(
            "parameter",
            r"^\[(FromQuery|FromBody|FromForm|FromRoute|FromHeader)\b",
        )],
        // actix-web and axum extractors.
        ("@web-request", Lang::Rust) => {
            &[("parameter", r"\b(?:Query|Json|Form|Path|Multipart)\s*<")]
        }
        _ => &[],
    }
}

fn taint_spec(node: &Node, lang: Lang) -> Result<TaintSpec, Fail> {
    let list_of = |key: &str, needed: bool| -> Result<Vec<&Node>, Fail> {
        match node.get(key) {
            None if needed => fail(node, format!("a taint rule needs `{key}`")),
            None => Ok(Vec::new()),
            Some(Node {
                value: NodeValue::Array(items),
                ..
            }) if !items.is_empty() => Ok(items.iter().collect()),
            Some(other) => fail(other, format!("`{key}` must be a non-empty list")),
        }
    };
    let mut sources = Vec::new();
    for s in list_of("sources", true)? {
        if let Some(name) = s.as_str().filter(|n| n.starts_with('@')) {
            let Some(patterns) = preset(name, lang) else {
                return fail(
                    s,
                    format!("no source set `{name}` for {lang} (known: @web-request)"),
                );
            };
            for p in patterns {
                sources.push(pattern(s, p, lang, None)?);
            }
            for (kind, re) in preset_parameters(name, lang) {
                let re = crate::matcher::Re::new(re).map_err(|e| (s.line, e))?;
                sources.push(Matcher::All(vec![
                    Matcher::Kind(KindMatcher::new(kind, lang)),
                    Matcher::regex(re),
                ]));
            }
        } else {
            sources.push(matcher(s, lang)?.prepared());
        }
    }
    let mut sinks = Vec::new();
    for s in list_of("sinks", true)? {
        let focus = match s.get("focus") {
            None => None,
            Some(f) => {
                let v = string(f, "focus")?;
                let Some(name) = v.strip_prefix('$').filter(|n| !n.is_empty()) else {
                    return fail(f, format!("`focus` names a metavariable (`$Q`), not `{v}`"));
                };
                Some(name.to_owned())
            }
        };
        let m = match &s.value {
            NodeValue::Object(entries) if focus.is_some() => {
                let rest = Node::new(
                    NodeValue::Object(
                        entries
                            .iter()
                            .filter(|e| e.key != "focus")
                            .cloned()
                            .collect(),
                    ),
                    s.line,
                    s.column,
                );
                matcher(&rest, lang)?.prepared()
            }
            _ => matcher(s, lang)?.prepared(),
        };
        sinks.push((m, focus));
    }
    let sanitizers = list_of("sanitizers", false)?
        .into_iter()
        .map(|s| matcher(s, lang).map(Matcher::prepared))
        .collect::<Result<_, _>>()?;
    let mut spec = TaintSpec::new(sources, sinks, sanitizers);
    spec.source_key = node.get("sources").map(|s| s.to_json().to_string());
    Ok(spec)
}

/// `has:`, with an optional `field:` naming the child it looks in.
fn has(node: &Node, lang: Lang) -> Result<Matcher, Fail> {
    let NodeValue::Object(entries) = &node.value else {
        return Ok(Matcher::Has(boxed(node, lang)?, None));
    };
    let Some(field) = node.get("field") else {
        return Ok(Matcher::Has(boxed(node, lang)?, None));
    };
    let name = string(field, "field")?;
    if lang.get_ts_language_field(&name).is_none() {
        return fail(
            field,
            format!("`{name}` is not a field of {lang}'s syntax tree"),
        );
    }
    let rest = Node::new(
        NodeValue::Object(
            entries
                .iter()
                .filter(|e| e.key != "field")
                .cloned()
                .collect(),
        ),
        node.line,
        node.column,
    );
    Ok(Matcher::Has(boxed(&rest, lang)?, Some(name.into())))
}

fn boxed(node: &Node, lang: Lang) -> Result<Box<Matcher>, Fail> {
    matcher(node, lang).map(Box::new)
}

fn list(node: &Node, lang: Lang, what: &str) -> Result<Vec<Matcher>, Fail> {
    match &node.value {
        NodeValue::Array(items) if !items.is_empty() => {
            items.iter().map(|i| matcher(i, lang)).collect()
        }
        _ => fail(
            node,
            format!("`{what}` must be a non-empty list of matchers"),
        ),
    }
}

fn regex(node: &Node, what: &str) -> Result<crate::matcher::Re, Fail> {
    let s = string(node, what)?;
    crate::matcher::Re::new(&s)
        .map_err(|e| (node.line, format!("`{what}` is not a valid regex: {e}")))
}

/// A matcher: a string is a pattern; a mapping's keys all apply to the same node.
fn matcher(node: &Node, lang: Lang) -> Result<Matcher, Fail> {
    let entries = match &node.value {
        NodeValue::String(s) => return pattern(node, s, lang, None),
        NodeValue::Object(entries) if !entries.is_empty() => entries,
        _ => {
            return fail(
                node,
                format!(
                    "a matcher is a pattern string or a mapping with any of: {}",
                    MATCH_KEYS.join(", ")
                ),
            );
        }
    };
    let mut parts = Vec::new();
    // Atoms first: they are cheap and bind the metavariables the relations then use.
    for key in MATCH_KEYS {
        let Some(e) = entries.iter().find(|e| e.key == *key) else {
            continue;
        };
        let v = &e.value;
        parts.push(match *key {
            "pattern" => pattern_entry(v, lang)?,
            "kind" => {
                let k = string(v, "kind")?;
                if lang_kind_id(lang, &k) == 0 {
                    return fail(v, format!("`{k}` is not a node kind of {lang}"));
                }
                Matcher::Kind(KindMatcher::new(&k, lang))
            }
            "regex" => Matcher::regex(regex(v, "regex")?),
            "all" => Matcher::All(list(v, lang, "all")?),
            "any" => Matcher::Any(list(v, lang, "any")?),
            "not" => Matcher::Not(boxed(v, lang)?),
            "inside" => Matcher::Inside(boxed(v, lang)?),
            "has" => has(v, lang)?,
            "follows" => Matcher::Follows(boxed(v, lang)?, lang),
            "precedes" => Matcher::Precedes(boxed(v, lang)?, lang),
            _ => unreachable!("MATCH_KEYS"),
        });
    }
    for e in entries {
        if !MATCH_KEYS.contains(&e.key.as_str()) {
            return Err((
                e.line,
                format!(
                    "unknown matcher `{}` (expected one of: {})",
                    e.key,
                    MATCH_KEYS.join(", ")
                ),
            ));
        }
    }
    Ok(if parts.len() == 1 {
        parts.remove(0)
    } else {
        Matcher::All(parts)
    })
}

/// Whether a matcher names what it matches (rather than only what it excludes or where it
/// is).
fn positive(m: &Matcher) -> bool {
    match m {
        Matcher::Pattern(..) | Matcher::Kind(_) | Matcher::Regex(..) => true,
        Matcher::All(ms) => ms.iter().any(positive),
        Matcher::Any(ms) => ms.iter().all(positive),
        Matcher::Where(m, _) | Matcher::Backtrack(m) => positive(m),
        Matcher::Not(_)
        | Matcher::Inside(_)
        | Matcher::Has(..)
        | Matcher::Follows(..)
        | Matcher::Precedes(..) => false,
    }
}

fn lang_kind_id(lang: Lang, kind: &str) -> u16 {
    use ast_grep_core::Language as _;
    lang.kind_to_id(kind)
}

fn pattern(node: &Node, src: &str, lang: Lang, selector: Option<&str>) -> Result<Matcher, Fail> {
    use ast_grep_core::Language as _;
    use ast_grep_core::tree_sitter::LanguageExt as _;
    let shown = src.trim();
    let processed = lang.pre_process_pattern(src);
    let tree = lang.ast_grep(&*processed);
    // PHP code outside `<?php` is HTML text: its patterns are always parsed as PHP code.
    if (lang == Lang::Php && selector.is_none()) || tree.root().get_inner_node().has_error() {
        // Languages that allow only declarations at the top level: a statement or
        // expression pattern is parsed inside a function body (or a class) instead, and the
        // innermost node spanning exactly the pattern's code becomes the pattern.
        if selector.is_none() {
            for context in lang.pattern_contexts() {
                if let Some(p) = wrapped(src.trim().trim_end_matches(';'), context, lang) {
                    return Ok(Matcher::Pattern(p, crate::matcher::pattern_words(src)));
                }
            }
        }
        return fail(node, format!("pattern `{shown}` does not parse as {lang}"));
    }
    let p = match selector {
        None => Pattern::try_new(src, lang),
        Some(sel) => {
            if lang_kind_id(lang, sel) == 0 {
                return fail(
                    node,
                    format!("selector `{sel}` is not a node kind of {lang}"),
                );
            }
            Pattern::contextual(src, sel, lang)
        }
    }
    .map_err(|e| {
        (
            node.line,
            format!("pattern `{shown}` does not parse as {lang}: {e}"),
        )
    })?;
    let words = match selector {
        None => crate::matcher::pattern_words(src),
        Some(sel) => selected_words(src, sel, lang),
    };
    Ok(Matcher::Pattern(p, words))
}

/// The words of a contextual pattern: those of the part of `context` it matches (the first
/// node of kind `sel`, as ast-grep selects it). None when the metavariables cannot be told
/// apart from the text (the context already holds the language's expando letter).
fn selected_words(context: &str, sel: &str, lang: Lang) -> Vec<crate::matcher::Word> {
    use ast_grep_core::Language as _;
    use ast_grep_core::tree_sitter::LanguageExt as _;
    let expando = lang.expando_char();
    if expando != '$' && context.contains(expando) {
        return Vec::new();
    }
    let processed = lang.pre_process_pattern(context);
    let tree = lang.ast_grep(&*processed);
    let Ok(kind) = ast_grep_core::matcher::KindMatcher::try_new(sel, lang) else {
        return Vec::new();
    };
    tree.root().find(kind).map_or_else(Vec::new, |n| {
        crate::matcher::pattern_words(&n.text().replace(expando, "$"))
    })
}

/// `body` parsed at the `@` of `context`, as a pattern: the innermost named node whose
/// code is exactly `body`. None when that does not parse or no node spans it.
fn wrapped(body: &str, context: &str, lang: Lang) -> Option<Pattern> {
    use ast_grep_core::Language as _;
    use ast_grep_core::tree_sitter::LanguageExt as _;
    let (before, after) = context.split_once('@')?;
    let body = lang.pre_process_pattern(body);
    let code = format!("{before}{body}{after}");
    let span = before.len()..before.len() + body.len();
    let tree = lang.ast_grep(&code);
    let root = tree.root();
    if root.get_inner_node().has_error() {
        return None;
    }
    let node = root
        .dfs()
        .filter(|n| n.is_named() && n.range() == span)
        .last()?;
    let p = Pattern::from(node);
    // `$$$X` alone matches a list of nodes, not one node.
    (!p.has_error()).then_some(p)
}

/// `pattern:` as a string, or as `{context: CODE, selector: KIND}` (the node of that kind
/// within CODE is the pattern, for code that does not parse on its own, such as a keyword
/// argument).
fn pattern_entry(v: &Node, lang: Lang) -> Result<Matcher, Fail> {
    if let NodeValue::Object(_) = &v.value {
        let context = string(required(v, "context")?, "context")?;
        let selector = string(required(v, "selector")?, "selector")?;
        return pattern(v, &context, lang, Some(&selector));
    }
    pattern(v, &string(v, "pattern")?, lang, None)
}

fn constraints(node: &Node) -> Result<Vec<Constraint>, Fail> {
    let NodeValue::Array(items) = &node.value else {
        return fail(node, "`where` must be a list of constraints");
    };
    items
        .iter()
        .map(|c| {
            let var = string(required(c, "metavariable")?, "metavariable")?;
            let Some(name) = var.strip_prefix('$').filter(|n| {
                !n.is_empty()
                    && n.bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            }) else {
                return fail(
                    c,
                    format!("`{var}` is not a metavariable (`$NAME`, upper case)"),
                );
            };
            if let NodeValue::Object(entries) = &c.value {
                for e in entries {
                    if !["metavariable", "regex", "not-regex", "kind"].contains(&e.key.as_str()) {
                        return Err((
                            e.line,
                            format!(
                                "unknown constraint `{}` (expected regex, not-regex or kind)",
                                e.key
                            ),
                        ));
                    }
                }
            }
            let re = c.get("regex").map(|r| regex(r, "regex")).transpose()?;
            Ok(Constraint {
                var: name.to_owned(),
                words: re
                    .as_ref()
                    .and_then(|r| crate::matcher::required_words(r.as_str())),
                regex: re,
                not_regex: c
                    .get("not-regex")
                    .map(|r| regex(r, "not-regex"))
                    .transpose()?,
                kinds: c
                    .get("kind")
                    .map(|k| strings(k, "kind"))
                    .transpose()?
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Every built-in rule: (path under rules/, YAML, fixture path and text).
/// A built-in rule file: path under rules/, YAML, and its fixture's path and text.
type Builtin = (
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

const BUILTIN: &[Builtin] = include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The built-in rules, with their fixtures, compiled. An error here is a defect of palisade
/// itself.
pub fn builtin() -> Result<Vec<Rule>, RuleError> {
    builtin_as(false)
}

/// The built-in rules, each compiled when first used ([`Rule::check_for`]): a scan
/// compiles only the rules of the languages it meets.
pub fn builtin_lazy() -> Result<Vec<Rule>, RuleError> {
    builtin_as(true)
}

fn builtin_as(lazy: bool) -> Result<Vec<Rule>, RuleError> {
    use rayon::prelude::*;
    // Compiling a rule parses each of its patterns (once per language it runs on): in
    // parallel, then in path order.
    let files: Vec<Vec<Rule>> = BUILTIN
        .par_iter()
        .map(|(path, text, fixture)| {
            let source = format!("crates/palisade-sast/rules/{path}");
            let mut rules = load_as(&source, text, lazy.then_some(*text))?;
            for r in &mut rules {
                r.fixture =
                    fixture.map(|(p, t)| (format!("crates/palisade-sast/rules/{p}"), t.to_owned()));
            }
            Ok(rules)
        })
        .collect::<Result<_, RuleError>>()?;
    Ok(files.into_iter().flatten().collect())
}

impl Rule {
    /// The rule's checks, compiled now if they were not.
    fn compiled(&self) -> Result<&Compiled, &RuleError> {
        self.compiled
            .get_or_init(|| {
                let recipe = self.recipe.ok_or_else(|| RuleError {
                    file: self.source.clone(),
                    line: self.line,
                    message: format!("rule `{}` has no checks", self.meta.id),
                })?;
                let err = |(line, message): Fail| RuleError {
                    file: self.source.clone(),
                    line,
                    message,
                };
                let stream = palisade_core::yaml::parse(recipe.text);
                let nodes = rule_nodes(&stream).map_err(err)?;
                let node = nodes
                    .get(recipe.index)
                    .ok_or_else(|| err((self.line, format!("rule `{}` is gone", self.meta.id))))?;
                compile(node, self.lang, self.taint).map_err(err)
            })
            .as_ref()
    }

    /// What the rule checks in its own language.
    pub fn check(&self) -> Result<&Check, &RuleError> {
        self.compiled().map(|c| &c.check)
    }

    /// What the rule checks in `lang`: its own language, or one it also runs on where its
    /// patterns parse (JavaScript rules on TypeScript and TSX); None for other languages.
    pub fn check_for(&self, lang: Lang) -> Result<Option<&Check>, &RuleError> {
        let c = self.compiled()?;
        Ok(if lang == self.lang {
            Some(&c.check)
        } else {
            c.variants.iter().find(|(l, _)| *l == lang).map(|(_, c)| c)
        })
    }

    /// Compile every regex of the rule now (they are otherwise compiled when first used):
    /// one that the `regex` crate refuses (over its size limit) is an error naming the rule.
    pub fn compile_regexes(&self) -> Result<(), RuleError> {
        let c = self.compiled().map_err(Clone::clone)?;
        let checks = std::iter::once(&c.check).chain(c.variants.iter().map(|(_, c)| c));
        for re in checks.flat_map(Check::regexes) {
            re.compile().map_err(|e| RuleError {
                file: self.source.clone(),
                line: self.line,
                message: format!(
                    "rule `{}`: regex `{}` does not compile: {e}",
                    self.meta.id,
                    re.as_str()
                ),
            })?;
        }
        Ok(())
    }

    /// The rule's documentation page: its matcher in YAML, and the annotated fixture lines
    /// as examples.
    pub fn doc(&self) -> RuleDoc {
        let (mut examples, mut negatives) = (Vec::new(), Vec::new());
        if let Some((_, text)) = &self.fixture {
            for a in crate::fixture::annotations(text, self.lang) {
                if a.rule != self.meta.id {
                    continue;
                }
                let Some(line) = text.lines().nth(a.target as usize - 1) else {
                    continue;
                };
                if a.expected {
                    examples.push(line.trim().to_owned());
                } else {
                    negatives.push(line.trim().to_owned());
                }
            }
        }
        let mut what = format!("Analyses {} code", self.lang);
        if let Some(o) = &self.owasp {
            let _ = write!(what, " (OWASP {o})");
        }
        if !self.standards.is_empty() {
            let _ = write!(what, "; relates to {}", self.standards.join(", "));
        }
        what.push_str(if self.taint {
            ". A data-flow (taint) rule: it follows values from its sources through assignments, string building and calls within the file, and reports the sinks they reach, with the path."
        } else {
            ". It matches the syntax tree, so comments, strings and formatting do not confuse it."
        });
        RuleDoc::new(
            self.meta.clone(),
            what,
            examples,
            negatives,
            self.source.clone(),
            "0.1.0".into(),
        )
    }
}
