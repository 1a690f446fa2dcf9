//! Users' policies, read the way conftest reads them: every `*.rego` file under a folder;
//! `deny`, `violation` and `warn` rules (and `deny_*`, `violation_*`, `warn_*`) returning
//! strings or objects with `msg`; packages `main` by default; Rego v1 or v0 syntax.
//! `test_*` rules are run by [`UserPolicies::run_tests`], as `opa test` does.

use std::path::{Path, PathBuf};

use regorus::Engine;
use serde_json::Value;

use crate::engine::{
    PolicyError, PolicyFile, RuleResult, add_policy, eval_results, from_json, new_engine,
    rule_heads,
};

/// Largest policy file read.
const MAX_POLICY_BYTES: u64 = 4 * 1024 * 1024;
/// Most policy files read from one folder.
const MAX_POLICY_FILES: usize = 10_000;

/// What a result does to the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Effect {
    /// `deny`: fails the gate.
    Deny,
    /// `violation`: fails the gate.
    Violation,
    /// `warn`: reported, does not fail.
    Warn,
}

impl Effect {
    /// The rule prefix.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Deny => "deny",
            Self::Violation => "violation",
            Self::Warn => "warn",
        }
    }

    fn of(rule: &str) -> Option<Self> {
        [Self::Deny, Self::Violation, Self::Warn]
            .into_iter()
            .find(|e| {
                rule == e.as_str()
                    || rule
                        .strip_prefix(e.as_str())
                        .is_some_and(|r| r.starts_with('_'))
            })
    }
}

/// One result of a user policy on one input.
#[derive(Debug, Clone)]
pub struct UserHit {
    /// `deny`, `violation` or `warn`.
    pub effect: Effect,
    /// The package (`main`).
    pub package: String,
    /// The rule (`deny_public_bucket`).
    pub rule: String,
    /// What it returned.
    pub result: RuleResult,
}

/// One `test_` rule's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestOutcome {
    /// `data.<package>.<rule>`.
    pub name: String,
    /// The file that defines it.
    pub path: String,
    /// Passed (the rule evaluated to true)?
    pub passed: bool,
    /// The evaluation error, if any.
    pub error: Option<String>,
}

/// Which packages' rules count, as conftest's `--namespace` / `--all-namespaces`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Namespaces {
    /// Every package.
    All,
    /// These packages (default: `main`).
    Only(Vec<String>),
}

impl Default for Namespaces {
    fn default() -> Self {
        Self::Only(vec!["main".to_owned()])
    }
}

#[derive(Clone)]
struct Module {
    path: String,
    package: String,
    rules: Vec<(String, Effect)>,
    tests: Vec<String>,
}

/// The user's policies, compiled.
#[derive(Clone)]
pub struct UserPolicies {
    engine: Engine,
    modules: Vec<Module>,
    files: Vec<PolicyFile>,
    sources: Vec<(String, String)>,
}

impl std::fmt::Debug for UserPolicies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserPolicies")
            .field("files", &self.files)
            .finish_non_exhaustive()
    }
}

/// Every `*.rego` file under `dir` (or `dir` itself when it is a file), sorted, hidden
/// folders skipped.
pub fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, PolicyError> {
    let read_err = |p: &Path, e: &dyn std::fmt::Display| PolicyError::Read {
        path: p.display().to_string(),
        message: e.to_string(),
    };
    let meta = std::fs::metadata(dir).map_err(|e| read_err(dir, &e))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    if meta.is_file() {
        paths.push(dir.to_path_buf());
    } else {
        let mut work = vec![dir.to_path_buf()];
        while let Some(d) = work.pop() {
            let mut entries: Vec<_> = std::fs::read_dir(&d)
                .map_err(|e| read_err(&d, &e))?
                .filter_map(Result::ok)
                .collect();
            entries.sort_by_key(std::fs::DirEntry::file_name);
            for e in entries {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if name.starts_with('.') {
                    continue;
                }
                let Ok(ft) = e.file_type() else { continue };
                if ft.is_dir() {
                    work.push(e.path());
                } else if ft.is_file() && name.ends_with(".rego") {
                    paths.push(e.path());
                }
            }
            if paths.len() > MAX_POLICY_FILES {
                return Err(read_err(
                    dir,
                    &format!("more than {MAX_POLICY_FILES} policy files"),
                ));
            }
        }
    }
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let len = std::fs::metadata(&p).map_err(|e| read_err(&p, &e))?.len();
        if len > MAX_POLICY_BYTES {
            return Err(read_err(
                &p,
                &format!("larger than {MAX_POLICY_BYTES} bytes"),
            ));
        }
        let bytes = std::fs::read(&p).map_err(|e| read_err(&p, &e))?;
        let text = String::from_utf8(bytes).map_err(|_| read_err(&p, &"not UTF-8"))?;
        out.push((p.display().to_string(), text));
    }
    Ok(out)
}

impl UserPolicies {
    /// Load every policy under `dir`.
    pub fn load(dir: &Path) -> Result<Self, PolicyError> {
        Self::from_sources(read_dir(dir)?)
    }

    /// Compile `(path, source)` pairs.
    pub fn from_sources(sources: Vec<(String, String)>) -> Result<Self, PolicyError> {
        let mut engine = new_engine();
        let mut modules = Vec::new();
        let mut files = Vec::new();
        for (path, src) in &sources {
            let pkg = add_policy(&mut engine, path, src)?;
            let package = pkg.strip_prefix("data.").unwrap_or(&pkg).to_owned();
            let rules = rule_heads(src, |n| Effect::of(n).is_some())
                .into_iter()
                .filter_map(|n| Effect::of(&n).map(|e| (n, e)))
                .collect();
            let tests = rule_heads(src, |n| n.starts_with("test_"));
            modules.push(Module {
                path: path.clone(),
                package,
                rules,
                tests,
            });
            files.push(PolicyFile::new(path, src));
        }
        Ok(Self {
            engine,
            modules,
            files,
            sources,
        })
    }

    /// The files loaded, with their digests.
    pub fn files(&self) -> &[PolicyFile] {
        &self.files
    }

    /// The sources, for engines that load them again (the gate).
    pub fn sources(&self) -> &[(String, String)] {
        &self.sources
    }

    /// Does any file define `package` (for example `palisade.gate`)?
    pub fn defines_package(&self, package: &str) -> bool {
        self.modules.iter().any(|m| m.package == package)
    }

    /// Evaluate the `deny`/`violation`/`warn` rules of the selected packages on `input`.
    /// Packages named `palisade.*` are palisade's own (the gate) and never run per file.
    pub fn eval(
        &mut self,
        input: &Value,
        namespaces: &Namespaces,
    ) -> Result<Vec<UserHit>, PolicyError> {
        self.engine.set_input(from_json(input));
        let mut seen: Vec<(String, String)> = Vec::new();
        let mut hits = Vec::new();
        for m in &self.modules {
            if m.package.starts_with("palisade.") {
                continue;
            }
            let selected = match namespaces {
                Namespaces::All => true,
                Namespaces::Only(list) => list.contains(&m.package),
            };
            if !selected {
                continue;
            }
            for (rule, effect) in &m.rules {
                let key = (m.package.clone(), rule.clone());
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                for result in eval_results(&mut self.engine, &format!("data.{}.{rule}", m.package))?
                {
                    hits.push(UserHit {
                        effect: *effect,
                        package: m.package.clone(),
                        rule: rule.clone(),
                        result,
                    });
                }
            }
        }
        Ok(hits)
    }

    /// Run every `test_*` rule, as `opa test` does: a test passes when it evaluates to
    /// true; undefined, false or an error fails it.
    pub fn run_tests(&mut self) -> Vec<TestOutcome> {
        let mut out = Vec::new();
        self.engine.set_input(regorus::Value::Undefined);
        for m in &self.modules {
            for t in &m.tests {
                let name = format!("data.{}.{t}", m.package);
                let (passed, error) = match self.engine.eval_rule(name.clone()) {
                    Ok(v) => (v == regorus::Value::from(true), None),
                    Err(e) => (false, Some(first_line(&e.to_string()))),
                };
                out.push(TestOutcome {
                    name,
                    path: m.path.clone(),
                    passed,
                    error,
                });
            }
        }
        out
    }
}

fn first_line(s: &str) -> String {
    s.lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or_else(|| s.lines().find(|l| !l.trim().is_empty()).unwrap_or(s))
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(src: &str) -> UserPolicies {
        UserPolicies::from_sources(vec![("p.rego".into(), src.into())]).expect("compiles")
    }

    #[test]
    fn conftest_v0_policy_with_strings_and_objects() {
        let mut p = load(
            "package main\n\ndeny[msg] {\n  input.kind == \"Pod\"\n  msg := \"no pods\"\n}\n\nwarn[{\"msg\": \"w\", \"severity\": \"low\"}] {\n  true\n}\n\ntest_deny {\n  deny[\"no pods\"] with input as {\"kind\": \"Pod\"}\n}\ntest_wrong {\n  deny[\"other\"] with input as {\"kind\": \"Pod\"}\n}\n",
        );
        let hits = p
            .eval(&serde_json::json!({"kind": "Pod"}), &Namespaces::default())
            .expect("eval");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].effect, Effect::Deny);
        assert_eq!(hits[0].result.message, "no pods");
        assert_eq!(hits[1].result.severity.as_deref(), Some("low"));
        let tests = p.run_tests();
        assert_eq!(
            tests.iter().map(|t| t.passed).collect::<Vec<_>>(),
            [true, false]
        );
    }

    #[test]
    fn v1_policy_and_namespaces() {
        let mut p =
            load("package k8s\nimport rego.v1\nviolation contains {\"msg\": \"v\"} if input.x\n");
        assert!(
            p.eval(&serde_json::json!({"x": true}), &Namespaces::default())
                .expect("eval")
                .is_empty()
        );
        let hits = p
            .eval(&serde_json::json!({"x": true}), &Namespaces::All)
            .expect("eval");
        assert_eq!(hits[0].effect, Effect::Violation);
    }
}
