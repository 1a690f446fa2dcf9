//! Built-in checks: Rego files with `# METADATA`, one package per check under
//! `palisade.checks.<input>.<slug>`, each with a `deny` rule whose results are strings or
//! objects `{"msg", "path", "match", "severity"}`.

use std::collections::BTreeMap;

use palisade_core::model::{Category, Confidence, Cwe, RuleMeta, Severity};
use regorus::Engine;
use serde_json::Value;

use crate::doc::Node;
use crate::engine::{
    PolicyError, PolicyFile, RuleResult, add_policy, eval_results, from_json, new_engine,
};

/// One built-in check.
#[derive(Debug, Clone)]
pub struct Check {
    /// Rule metadata (id, title, severity, CWE, description, remediation, references).
    pub meta: RuleMeta,
    /// The input kind it reads (`kubernetes`, `terraform`, `dockerfile`, ...).
    pub input: String,
    /// Benchmark references (CIS, Pod Security Standards, OWASP CI/CD Top 10).
    pub benchmark: Vec<String>,
    /// The policy file it came from.
    pub path: String,
}

/// A check's result on one document.
#[derive(Debug, Clone)]
pub struct CheckHit {
    /// Index into [`CheckSet::checks`].
    pub check: usize,
    /// What the check returned.
    pub result: RuleResult,
}

/// Every built-in check, compiled once.
#[derive(Clone)]
pub struct CheckSet {
    engine: Engine,
    checks: Vec<Check>,
    by_slug: BTreeMap<(String, String), usize>,
    kinds: Vec<String>,
    files: Vec<PolicyFile>,
}

impl std::fmt::Debug for CheckSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckSet")
            .field("checks", &self.checks.len())
            .finish_non_exhaustive()
    }
}

/// Input kinds whose checks are pipeline checks (the rest are IaC).
pub const PIPELINE_INPUTS: &[&str] = &["github-actions", "gitlab-ci"];

fn str_list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

impl CheckSet {
    /// Compile library files (shared helpers, no metadata) and check files.
    pub fn load(libs: &[(&str, &str)], checks: &[(&str, &str)]) -> Result<Self, PolicyError> {
        let mut engine = new_engine();
        let mut files = Vec::new();
        for (path, src) in libs {
            add_policy(&mut engine, path, src)?;
            files.push(PolicyFile::new(path, src));
        }
        let mut out = Vec::new();
        let mut by_slug = BTreeMap::new();
        for (path, src) in checks {
            let err = |line: u32, message: String| PolicyError::Compile {
                path: (*path).to_owned(),
                line,
                message,
            };
            let (meta, mline) = crate::metadata::parse(src)
                .map_err(|(l, m)| err(l, m))?
                .ok_or_else(|| err(1, "a check needs a `# METADATA` block".into()))?;
            let custom = &meta["custom"];
            let field = |name: &str| -> Result<String, PolicyError> {
                custom[name]
                    .as_str()
                    .or_else(|| meta[name].as_str())
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| err(mline, format!("METADATA lacks `{name}`")))
            };
            let id = field("id")?;
            let input = field("input")?;
            let severity: Severity = field("severity")?
                .parse()
                .map_err(|e| err(mline, format!("METADATA severity: {e}")))?;
            let confidence = match custom["confidence"].as_str() {
                Some("low") => Confidence::Low,
                Some("medium") => Confidence::Medium,
                _ => Confidence::High,
            };
            let cwe = str_list(custom.get("cwe"))
                .iter()
                .map(|c| c.parse::<Cwe>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| err(mline, e))?;
            if cwe.is_empty() {
                return Err(err(mline, "METADATA lacks `cwe`".into()));
            }
            let category = if PIPELINE_INPUTS.contains(&input.as_str()) {
                Category::Pipeline
            } else {
                Category::Iac
            };
            let mut rule = RuleMeta::new(
                id.clone(),
                field("title")?,
                category,
                severity,
                confidence,
                cwe,
                field("description")?,
                field("remediation")?,
            );
            rule.tags = vec![input.clone()];
            if let Some(Value::Array(rr)) = meta.get("related_resources") {
                rule.references = rr
                    .iter()
                    .filter_map(|r| r["ref"].as_str().or_else(|| r.as_str()).map(str::to_owned))
                    .collect();
            }
            let slug = id.replace('-', "_");
            let pkg = add_policy(&mut engine, path, src)?;
            let want = format!("data.palisade.checks.{}.{slug}", input.replace('-', "_"));
            if pkg != want {
                return Err(err(
                    1,
                    format!(
                        "package must be `{}` for id `{id}` and input `{input}`",
                        &want[5..]
                    ),
                ));
            }
            if by_slug.insert((input.clone(), slug), out.len()).is_some() {
                return Err(err(mline, format!("duplicate check id `{id}`")));
            }
            out.push(Check {
                meta: rule,
                input,
                benchmark: str_list(custom.get("benchmark")),
                path: (*path).to_owned(),
            });
            files.push(PolicyFile::new(path, src));
        }
        let mut kinds: Vec<String> = out.iter().map(|c| c.input.clone()).collect();
        kinds.sort();
        kinds.dedup();
        for kind in &kinds {
            let k = kind.replace('-', "_");
            let src = format!(
                "package palisade.run.{k}\nimport rego.v1\n\nhits contains {{\"check\": slug, \"result\": r}} if {{\n\tsome slug, c in data.palisade.checks.{k}\n\tsome r in c.deny\n}}\n"
            );
            add_policy(&mut engine, &format!("builtin:run/{kind}.rego"), &src)?;
        }
        Ok(Self {
            engine,
            checks: out,
            by_slug,
            kinds,
            files,
        })
    }

    /// The checks, in load order.
    pub fn checks(&self) -> &[Check] {
        &self.checks
    }

    /// The policy files compiled.
    pub fn files(&self) -> &[PolicyFile] {
        &self.files
    }

    /// Run every check for `kind` on one document.
    pub fn eval(&mut self, kind: &str, input: &Node) -> Result<Vec<CheckHit>, PolicyError> {
        if !self.kinds.iter().any(|k| k == kind) {
            return Ok(Vec::new());
        }
        self.engine.set_input(from_json(&input.to_json()));
        let k = kind.replace('-', "_");
        let raw = eval_results(&mut self.engine, &format!("data.palisade.run.{k}.hits"))?;
        let mut hits = Vec::new();
        for r in raw {
            let slug = r.raw["check"].as_str().unwrap_or_default().to_owned();
            let Some(&check) = self.by_slug.get(&(kind.to_owned(), slug)) else {
                continue;
            };
            hits.push(CheckHit {
                check,
                result: RuleResult::from_json(r.raw["result"].clone()),
            });
        }
        Ok(hits)
    }
}
