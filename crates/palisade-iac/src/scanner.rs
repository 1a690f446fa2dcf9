//! The `iac` and `pipeline` scanners: find the documents in the inventory, parse them into
//! documents with spans, run the built-in Rego checks (and, in `iac`, the user's
//! conftest-style policies), and turn results into findings at the exact line.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::Ordering;

use palisade_core::diagnostic::{Diagnostic, DiagnosticLevel};
use palisade_core::discovery::{FileEntry, Inventory};
use palisade_core::model::{Category, Confidence, Cwe, Finding, Location, RuleMeta, Severity};
use palisade_core::scanner::{ScanContext, ScanError, ScanOutput, Scanner};
use palisade_policy::checks::CheckSet;
use palisade_policy::doc::{Node, NodeValue, display_path};
use palisade_policy::engine::RuleResult;
use palisade_policy::user::{Effect, Namespaces, UserPolicies};
use rayon::prelude::*;

use crate::kind::{self, Kind};
use crate::terraform::{self, SourceFile};

/// Which of the two scanners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Infrastructure as code (and user policies).
    Iac,
    /// CI pipelines.
    Pipeline,
}

/// Options for the scanner.
#[derive(Debug, Clone, Default)]
pub struct IacOptions {
    /// The user's policies (`--policy DIR`), run on every parsed file (iac scanner only).
    pub user: Option<UserPolicies>,
    /// Which packages of the user's policies run.
    pub namespaces: Namespaces,
}

/// Compiled engines are not shared between threads while they evaluate (an evaluation
/// sets the input), and cloning one costs about as much as running every check on a small
/// file: each worker takes an engine from the pool and puts it back.
#[derive(Debug)]
struct Pool<T: Clone> {
    proto: T,
    free: std::sync::Mutex<Vec<T>>,
}

impl<T: Clone> Pool<T> {
    fn new(proto: T) -> Self {
        Self {
            proto,
            free: std::sync::Mutex::new(Vec::new()),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let taken = self.free.lock().ok().and_then(|mut v| v.pop());
        let mut item = taken.unwrap_or_else(|| self.proto.clone());
        let r = f(&mut item);
        if let Ok(mut v) = self.free.lock() {
            v.push(item);
        }
        r
    }
}

impl<T: Clone> Clone for Pool<T> {
    fn clone(&self) -> Self {
        Self::new(self.proto.clone())
    }
}

/// The scanner.
#[derive(Debug, Clone)]
pub struct IacScanner {
    family: Family,
    checks: Pool<CheckSet>,
    user: Option<Pool<UserPolicies>>,
    opts: IacOptions,
    /// The ids of this scanner's rules (which inline suppressions it judges).
    rule_ids: BTreeSet<String>,
    /// The rules of user-policy results.
    policy_rules: Vec<RuleMeta>,
}

/// One parsed document of a file.
struct Doc {
    kind: Kind,
    node: Node,
    /// For Terraform modules: the files node indices refer to.
    files: Vec<String>,
}

/// Results for one unit of work (a file or a Terraform module).
#[derive(Default)]
struct Unit {
    findings: Vec<Finding>,
    diagnostics: Vec<Diagnostic>,
    files: u64,
    bytes: u64,
    error: Option<String>,
}

/// Rule metadata of user-policy results.
pub fn policy_rules() -> Vec<RuleMeta> {
    let mk = |id: &str, title: &str, sev: Severity, what: &str| {
        let mut r = RuleMeta::new(
            id,
            title,
            Category::Policy,
            sev,
            Confidence::High,
            vec![Cwe(710)],
            format!("A result of a `{what}` rule in one of your own Rego policies (`--policy`), on a file it was given as `input`, the way conftest runs policies."),
            "Change the file so the policy no longer returns the result, or change the policy; suppress it inline with a reason if the result is accepted.".to_owned(),
        );
        r.tags = vec!["policy".to_owned()];
        r
    };
    vec![
        mk(
            "policy-deny",
            "Your policy denies this file",
            Severity::High,
            "deny",
        ),
        mk(
            "policy-violation",
            "Your policy reports a violation in this file",
            Severity::High,
            "violation",
        ),
        mk(
            "policy-warn",
            "Your policy warns about this file",
            Severity::Low,
            "warn",
        ),
    ]
}

/// Documentation of the user-policy rules.
pub fn policy_rule_docs() -> Vec<palisade_core::docs::RuleDoc> {
    let example = |rule: &str| {
        format!(
            "# policy/k8s.rego, run with `palisade scan --policy policy/`\npackage main\n\n{rule}[msg] {{\n  input.kind == \"Deployment\"\n  not input.spec.template.spec.securityContext.runAsNonRoot\n  msg := sprintf(\"%s must set runAsNonRoot\", [input.metadata.name])\n}}"
        )
    };
    policy_rules()
        .into_iter()
        .map(|meta| {
            let rule = meta.id.trim_start_matches("policy-").to_owned();
            let what = format!(
                "Reports each result of a `{rule}` rule (or `{rule}_*`) of your own Rego policies, loaded with `--policy DIR`, on every IaC and pipeline document, as conftest does. See docs/policies.md."
            );
            palisade_core::docs::RuleDoc::new(
                meta,
                what,
                vec![example(&rule)],
                vec!["# the same policy on a Deployment that sets runAsNonRoot: true returns nothing".to_owned()],
                "crates/palisade-iac/src/scanner.rs".to_owned(),
                "0.1.0".to_owned(),
            )
        })
        .collect()
}

impl IacScanner {
    /// The scanner for `family` with the built-in checks.
    pub fn new(family: Family, opts: IacOptions) -> Result<Self, palisade_policy::PolicyError> {
        let user = opts.user.clone().map(Pool::new);
        let mut scanner = Self {
            family,
            checks: Pool::new(crate::registry::check_set()?.clone()),
            user,
            opts,
            rule_ids: BTreeSet::new(),
            policy_rules: policy_rules(),
        };
        scanner.rule_ids = scanner.rules().into_iter().map(|r| r.id).collect();
        Ok(scanner)
    }

    fn owns(&self, kind: Kind) -> bool {
        kind.is_pipeline() == (self.family == Family::Pipeline)
    }

    fn name_str(&self) -> &'static str {
        match self.family {
            Family::Iac => "iac",
            Family::Pipeline => "pipeline",
        }
    }
}

/// Read files whole; one that cannot be read is a diagnostic, not a silent gap.
fn read_sources(files: &[&FileEntry], max: u64, diags: &mut Vec<Diagnostic>) -> Vec<SourceFile> {
    let mut out = Vec::new();
    for f in files {
        match palisade_core::discovery::read_text(f, max) {
            Ok(text) => out.push(SourceFile {
                rel: f.rel.clone(),
                text,
            }),
            Err(e) => diags.push(
                Diagnostic::new(
                    "file-unreadable",
                    DiagnosticLevel::Warning,
                    format!("cannot read, not checked: {e}"),
                )
                .at(f.rel.clone(), None),
            ),
        }
    }
    out
}

/// The documents in one non-Terraform file.
fn parse_file(kind: Kind, text: &str) -> (Vec<Node>, Option<(u32, String)>) {
    match kind {
        Kind::Dockerfile => (vec![crate::dockerfile::parse(text)], None),
        Kind::Terraform => (Vec::new(), None),
        _ => {
            let stream = palisade_policy::yaml::parse(text);
            let err = stream.error.map(|e| {
                (
                    e.line,
                    format!(
                        "invalid {}: {}",
                        if text.trim_start().starts_with(['{', '[']) {
                            "JSON"
                        } else {
                            "YAML"
                        },
                        e.message
                    ),
                )
            });
            let mut docs = Vec::new();
            for d in stream.docs {
                match kind {
                    Kind::Kubernetes => {
                        // A `List` holds its manifests in `items`.
                        if d.get("kind")
                            .and_then(Node::as_str)
                            .is_some_and(|k| k.ends_with("List"))
                            && let Some(Node {
                                value: NodeValue::Array(items),
                                ..
                            }) = d.get("items")
                        {
                            docs.extend(items.iter().cloned());
                        } else if d.get("kind").is_some() {
                            docs.push(d);
                        }
                    }
                    Kind::TerraformPlan => docs.push(crate::plan::to_terraform(&d)),
                    _ => docs.push(d),
                }
            }
            (docs, err)
        }
    }
}

fn check_input(kind: Kind) -> Kind {
    if kind == Kind::TerraformPlan {
        Kind::Terraform
    } else {
        kind
    }
}

impl IacScanner {
    /// Turn results into findings for one document.
    fn findings_for(&self, doc: &Doc, lines: &[Vec<&str>], out: &mut Unit) {
        let input = check_input(doc.kind).as_str();
        match self.checks.with(|c| c.eval(input, &doc.node)) {
            Ok(hits) => {
                for h in hits {
                    let meta = &self.checks.proto.checks()[h.check].meta;
                    let f = self.finding(meta, doc, &h.result, lines, None);
                    out.findings.push(f);
                }
            }
            Err(e) => out.error = Some(e.to_string()),
        }
    }

    fn user_findings(&self, doc: &Doc, lines: &[Vec<&str>], out: &mut Unit) {
        let Some(pool) = &self.user else { return };
        let input = doc.node.to_json();
        match pool.with(|u| u.eval(&input, &self.opts.namespaces)) {
            Ok(hits) => {
                let rules = &self.policy_rules;
                for h in hits {
                    let idx = match h.effect {
                        Effect::Deny => 0,
                        Effect::Violation => 1,
                        Effect::Warn => 2,
                    };
                    let mut f = self.finding(
                        &rules[idx],
                        doc,
                        &h.result,
                        lines,
                        Some(&format!("{}.{}", h.package, h.rule)),
                    );
                    f.properties
                        .insert("policy_effect".into(), h.effect.as_str().into());
                    f.properties.insert(
                        "policy_rule".into(),
                        format!("{}.{}", h.package, h.rule).into(),
                    );
                    out.findings.push(f);
                }
            }
            Err(e) => out.error = Some(e.to_string()),
        }
    }

    fn finding(
        &self,
        meta: &RuleMeta,
        doc: &Doc,
        r: &RuleResult,
        lines: &[Vec<&str>],
        policy: Option<&str>,
    ) -> Finding {
        let (file, mut line, _) = doc.node.locate(&r.path);
        let file = (file as usize).min(doc.files.len().saturating_sub(1));
        let mut column = 1;
        if let Some(m) = &r.matched
            && let Some(text) = lines.get(file)
        {
            let start = line.saturating_sub(1) as usize;
            if let Some((i, col)) = text
                .iter()
                .enumerate()
                .skip(start)
                .take(500)
                .find_map(|(i, l)| l.find(m.as_str()).map(|c| (i, c)))
            {
                line = i as u32 + 1;
                column = text[i][..col].chars().count() as u32 + 1;
            }
        }
        let path = doc.files.get(file).cloned().unwrap_or_default();
        // A message may quote a value from the file (an image, a URL): never a URL's
        // credentials or query string, never control characters.
        let message = palisade_core::text::escape_control(&palisade_core::text::truncate_chars(
            &palisade_core::text::redact_urls(&r.message),
            500,
        ));
        let where_ = display_path(&r.path);
        let fp = palisade_core::fingerprint::fingerprint(&[
            meta.id.as_bytes(),
            path.as_bytes(),
            where_.as_bytes(),
            message.as_bytes(),
            policy.unwrap_or_default().as_bytes(),
        ]);
        let location = Location {
            path,
            start_line: line,
            start_column: column,
            end_line: line,
            end_column: column,
            commit: None,
        };
        let mut f = Finding::new(meta, message, location, fp);
        self.name_str().clone_into(&mut f.scanner);
        if let Some(sev) = r
            .severity
            .as_deref()
            .and_then(|s| s.parse::<Severity>().ok())
        {
            f.severity = sev;
        }
        if !where_.is_empty() {
            f.properties.insert("path".into(), where_.into());
        }
        f
    }

    fn scan_file(&self, file: &FileEntry, kind: Option<Kind>, max: u64) -> Unit {
        let mut unit = Unit::default();
        let text = match palisade_core::discovery::read_text(file, max) {
            Ok(t) => t,
            Err(e) => {
                unit.diagnostics.push(
                    Diagnostic::new(
                        "file-unreadable",
                        DiagnosticLevel::Warning,
                        format!("cannot read, not checked: {e}"),
                    )
                    .at(file.rel.clone(), None),
                );
                return unit;
            }
        };
        // A file found by its extension only is read when its content says what it is.
        let kind = match kind {
            Some(k) => k,
            None => match kind::by_content(&text) {
                Some(k) => k,
                None => return unit,
            },
        };
        if !(self.owns(kind) || self.family == Family::Iac && self.opts.user.is_some()) {
            return unit;
        }
        if kind == Kind::Kubernetes
            && text.contains("{{")
            && (file.rel.contains("/templates/") || file.rel.starts_with("templates/"))
        {
            unit.diagnostics.push(
                Diagnostic::new(
                    "iac-template-skipped",
                    DiagnosticLevel::Note,
                    "a Helm template is not valid YAML until rendered: scan the rendered output (`helm template . | palisade scan -`)",
                )
                .at(file.rel.clone(), None),
            );
            return unit;
        }
        unit.files = 1;
        unit.bytes = text.len() as u64;
        let (docs, err) = parse_file(kind, &text);
        if let Some((line, message)) = err {
            unit.diagnostics.push(
                Diagnostic::new("iac-parse-error", DiagnosticLevel::Warning, message)
                    .at(file.rel.clone(), Some(line)),
            );
        }
        let lines = vec![text.lines().collect::<Vec<_>>()];
        for node in docs {
            let doc = Doc {
                kind,
                node,
                files: vec![file.rel.clone()],
            };
            if self.owns(kind) {
                self.findings_for(&doc, &lines, &mut unit);
            }
            if self.family == Family::Iac {
                self.user_findings(&doc, &lines, &mut unit);
            }
        }
        apply_inline(
            &mut unit,
            &lines,
            std::slice::from_ref(&file.rel),
            &self.rule_ids,
        );
        unit
    }

    fn scan_module(
        &self,
        dir: &str,
        files: &[&FileEntry],
        tfvars: &[&FileEntry],
        max: u64,
        all_dirs: &BTreeMap<String, Vec<&FileEntry>>,
    ) -> Unit {
        let mut unit = Unit::default();
        let sources = read_sources(files, max, &mut unit.diagnostics);
        let vars = read_sources(tfvars, max, &mut unit.diagnostics);
        unit.bytes += sources
            .iter()
            .chain(&vars)
            .map(|s| s.text.len() as u64)
            .sum::<u64>();
        unit.files = sources.len() as u64;
        self.eval_module(
            dir,
            &sources,
            &vars,
            &BTreeMap::new(),
            all_dirs,
            max,
            &mut ModuleWalk::default(),
            &mut unit,
        );
        unit
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_module(
        &self,
        dir: &str,
        sources: &[SourceFile],
        vars: &[SourceFile],
        inputs: &BTreeMap<String, Node>,
        all_dirs: &BTreeMap<String, Vec<&FileEntry>>,
        max: u64,
        walk: &mut ModuleWalk,
        unit: &mut Unit,
    ) {
        walk.path.push(dir.to_owned());
        walk.evaluated += 1;
        let depth = walk.path.len() - 1;
        let mut m = terraform::evaluate(sources, vars, inputs);
        let rels: Vec<String> = sources.iter().map(|s| s.rel.clone()).collect();
        let lines: Vec<Vec<&str>> = sources.iter().map(|s| s.text.lines().collect()).collect();
        for p in &m.problems {
            let level = if p.code == "iac-parse-error" {
                DiagnosticLevel::Warning
            } else {
                DiagnosticLevel::Note
            };
            let d = Diagnostic::new(p.code, level, p.message.clone());
            unit.diagnostics.push(match rels.get(p.file as usize) {
                Some(r) => d.at(r.clone(), Some(p.line)),
                None => d,
            });
        }
        let mut findings = Unit::default();
        if self.owns(Kind::Terraform)
            && let Some(merged) = m.merged
        {
            let doc = Doc {
                kind: Kind::Terraform,
                node: merged,
                files: rels.clone(),
            };
            self.findings_for(&doc, &lines, &mut findings);
        }
        if self.family == Family::Iac && depth == 0 {
            for (_, node) in std::mem::take(&mut m.per_file) {
                let doc = Doc {
                    kind: Kind::Terraform,
                    node,
                    files: rels.clone(),
                };
                self.user_findings(&doc, &lines, &mut findings);
            }
        }
        apply_inline(&mut findings, &lines, &rels, &self.rule_ids);
        unit.findings.append(&mut findings.findings);
        unit.diagnostics.append(&mut findings.diagnostics);
        if findings.error.is_some() {
            unit.error = findings.error;
        }
        // Local modules, with the caller's inputs.
        for call in &m.calls {
            let target = normalize(&format!(
                "{}{}",
                if dir.is_empty() {
                    String::new()
                } else {
                    format!("{dir}/")
                },
                call.source
            ));
            let caller = rels.get(call.file as usize).cloned().unwrap_or_default();
            let why = match &target {
                _ if depth >= terraform::MAX_MODULE_DEPTH => Some(format!(
                    "local modules nested deeper than {} levels are not followed",
                    terraform::MAX_MODULE_DEPTH
                )),
                _ if walk.evaluated >= terraform::MAX_MODULE_CALLS => Some(format!(
                    "more than {} local module calls from one root module; the rest are not followed",
                    terraform::MAX_MODULE_CALLS
                )),
                Some(t) if walk.path.contains(t) => {
                    Some("this module call leads back to a module that is calling it (a cycle); it is not followed again".to_owned())
                }
                Some(t) if all_dirs.contains_key(t) => None,
                _ => Some(format!(
                    "local module source `{}` was not found among the scanned files",
                    palisade_core::text::escape_control(&palisade_core::text::truncate_chars(&call.source, 200))
                )),
            };
            if let Some(why) = why {
                unit.diagnostics.push(
                    Diagnostic::new("iac-module-not-followed", DiagnosticLevel::Note, why)
                        .at(caller, Some(call.line)),
                );
                continue;
            }
            let Some(target) = target else { continue };
            let srcs = read_sources(&all_dirs[&target], max, &mut unit.diagnostics);
            self.eval_module(&target, &srcs, &[], &call.inputs, all_dirs, max, walk, unit);
        }
        walk.path.pop();
    }
}

/// The local module calls followed from one root module: the chain being evaluated (to
/// stop cycles) and how many modules were evaluated (to stop a fan-out of calls, each of
/// which may call several modules again, from growing exponentially).
#[derive(Debug, Default)]
struct ModuleWalk {
    path: Vec<String>,
    evaluated: usize,
}

/// Resolve `a/b/../c` lexically; `None` when it leaves the project.
fn normalize(p: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Apply `palisade:ignore[rule] reason` comments in the files `rels` (with their `lines`)
/// to this scanner's findings.
fn apply_inline(unit: &mut Unit, lines: &[Vec<&str>], rels: &[String], mine: &BTreeSet<String>) {
    for (text, rel) in lines.iter().zip(rels) {
        palisade_core::suppress::apply_inline(
            &mut unit.findings,
            &mut unit.diagnostics,
            rel,
            text,
            mine,
        );
    }
}

impl Scanner for IacScanner {
    fn name(&self) -> &'static str {
        self.name_str()
    }

    fn rules(&self) -> Vec<RuleMeta> {
        let mut v: Vec<RuleMeta> = self
            .checks
            .proto
            .checks()
            .iter()
            .filter(|c| Kind::from_name(&c.input).is_some_and(|k| self.owns(k)))
            .map(|c| c.meta.clone())
            .collect();
        if self.family == Family::Iac {
            v.extend(policy_rules());
        }
        v
    }

    fn rule_docs(&self) -> Vec<palisade_core::docs::RuleDoc> {
        crate::registry::docs()
            .into_iter()
            .filter(|d| {
                Kind::from_name(d.meta.tags.first().map_or("", String::as_str))
                    .is_some_and(|k| self.owns(k))
            })
            .collect()
    }

    fn scan(&self, inventory: &Inventory, ctx: &ScanContext<'_>) -> Result<ScanOutput, ScanError> {
        let max = ctx.config.max_file_size;
        let mut singles: Vec<(&FileEntry, Option<Kind>)> = Vec::new();
        let mut dirs: BTreeMap<String, Vec<&FileEntry>> = BTreeMap::new();
        let mut tfvars: BTreeMap<String, Vec<&FileEntry>> = BTreeMap::new();
        for f in &inventory.files {
            let dir = f.rel.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
            let lname = f.rel.to_ascii_lowercase();
            if lname.ends_with("terraform.tfvars") || lname.ends_with(".auto.tfvars") {
                tfvars.entry(dir).or_default().push(f);
                continue;
            }
            match kind::by_name(&f.rel) {
                Some(Kind::Terraform) => dirs.entry(dir).or_default().push(f),
                Some(k) => singles.push((f, Some(k))),
                None if kind::sniffable(&f.rel, f.stream) => singles.push((f, None)),
                None => {}
            }
        }
        for v in tfvars.values_mut() {
            // terraform.tfvars first, then *.auto.tfvars in name order, as Terraform does.
            v.sort_by_key(|f| {
                (
                    !f.rel.ends_with("/terraform.tfvars") && f.rel != "terraform.tfvars",
                    f.rel.clone(),
                )
            });
        }
        let mut units: Vec<Unit> = singles
            .par_iter()
            .map(|(f, k)| {
                let u = self.scan_file(f, *k, max);
                ctx.progress.fetch_add(u.bytes, Ordering::Relaxed);
                u
            })
            .collect();
        if self.owns(Kind::Terraform) || self.opts.user.is_some() {
            let empty = Vec::new();
            let modules: Vec<Unit> = dirs
                .par_iter()
                .map(|(dir, files)| {
                    self.scan_module(dir, files, tfvars.get(dir).unwrap_or(&empty), max, &dirs)
                })
                .collect();
            units.extend(modules);
        }
        let mut out = ScanOutput::default();
        let mut errors = Vec::new();
        for u in units {
            out.findings.extend(u.findings);
            out.diagnostics.extend(u.diagnostics);
            out.files_scanned += u.files;
            out.bytes_scanned += u.bytes;
            if let Some(e) = u.error {
                errors.push(e);
            }
        }
        if let Some(e) = errors.into_iter().next() {
            return Err(ScanError::Internal {
                scanner: self.name_str(),
                message: e,
            });
        }
        out.findings =
            palisade_core::suppress::merge_by_fingerprint(std::mem::take(&mut out.findings));
        Ok(out)
    }
}

/// Run the built-in checks of `input` on one fixture text and return `(line, rule id)` of
/// every finding (used by the rules harness and `palisade rules check`-style tests).
pub fn check_fixture(input: &str, text: &str, name: &str) -> Result<Vec<(u32, String)>, String> {
    let kind = Kind::from_name(input).ok_or_else(|| format!("unknown input {input}"))?;
    let family = if kind.is_pipeline() {
        Family::Pipeline
    } else {
        Family::Iac
    };
    let scanner = IacScanner::new(family, IacOptions::default()).map_err(|e| e.to_string())?;
    let mut unit = Unit::default();
    if kind == Kind::Terraform {
        let src = [SourceFile {
            rel: name.to_owned(),
            text: text.to_owned(),
        }];
        let m = terraform::evaluate(&src, &[], &BTreeMap::new());
        if let Some(p) = m.problems.iter().find(|p| p.code == "iac-parse-error") {
            return Err(format!("{name}:{}: {}", p.line, p.message));
        }
        let lines = vec![text.lines().collect::<Vec<_>>()];
        if let Some(merged) = m.merged {
            let doc = Doc {
                kind,
                node: merged,
                files: vec![name.to_owned()],
            };
            scanner.findings_for(&doc, &lines, &mut unit);
        }
    } else {
        let (docs, err) = parse_file(kind, text);
        if let Some((line, msg)) = err {
            return Err(format!("{name}:{line}: {msg}"));
        }
        let lines = vec![text.lines().collect::<Vec<_>>()];
        for node in docs {
            let doc = Doc {
                kind,
                node,
                files: vec![name.to_owned()],
            };
            scanner.findings_for(&doc, &lines, &mut unit);
        }
    }
    if let Some(e) = unit.error {
        return Err(e);
    }
    Ok(unit
        .findings
        .into_iter()
        .map(|f| (f.location.start_line, f.rule_id))
        .collect())
}

/// The input documents policies see for one file (`palisade policy eval`): `(kind, JSON)`
/// per document; a Terraform file is evaluated with the other `.tf` files of its folder.
pub fn input_documents(
    path: &std::path::Path,
) -> Result<Vec<(&'static str, serde_json::Value)>, String> {
    let rel = path.display().to_string();
    let read = |p: &std::path::Path| -> Result<String, String> {
        let b = palisade_core::config::read_user_file(p, 256 * 1024 * 1024)
            .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        Ok(String::from_utf8_lossy(&palisade_core::decode::decode(&b)).into_owned())
    };
    let text = read(path)?;
    let kind = kind::by_name(&rel)
        .or_else(|| kind::by_content(&text))
        .ok_or_else(|| format!("{rel}: not a file palisade reads as IaC or a pipeline (Terraform, CloudFormation, Kubernetes, Dockerfile, Compose, GitHub Actions, GitLab CI)"))?;
    if kind == Kind::Terraform {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let mut files = vec![SourceFile {
            rel: rel.clone(),
            text,
        }];
        let mut vars = Vec::new();
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| e.to_string())?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            if p == path || !p.is_file() {
                continue;
            }
            if name.ends_with(".tf") {
                files.push(SourceFile {
                    rel: p.display().to_string(),
                    text: read(&p)?,
                });
            } else if name == "terraform.tfvars" || name.ends_with(".auto.tfvars") {
                vars.push(SourceFile {
                    rel: p.display().to_string(),
                    text: read(&p)?,
                });
            }
        }
        let m = terraform::evaluate(&files, &vars, &BTreeMap::new());
        if let Some(p) = m
            .problems
            .iter()
            .find(|p| p.file == 0 && p.code == "iac-parse-error")
        {
            return Err(format!("{rel}:{}: {}", p.line, p.message));
        }
        return Ok(m
            .per_file
            .into_iter()
            .filter(|(i, _)| *i == 0)
            .map(|(_, n)| ("terraform", n.to_json()))
            .collect());
    }
    let (docs, err) = parse_file(kind, &text);
    if let Some((line, msg)) = err {
        return Err(format!("{rel}:{line}: {msg}"));
    }
    Ok(docs
        .into_iter()
        .map(|d| (kind.as_str(), d.to_json()))
        .collect())
}
