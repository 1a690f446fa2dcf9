//! Loading Rego into regorus, in either syntax, and reading results back.

use std::num::NonZeroU32;
use std::time::Duration;

use regorus::Engine;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::doc::{PathSeg, path_from_json};

/// Longest one evaluation may run before it is stopped (a policy that loops over a huge
/// input, or a hostile one).
pub const EVAL_TIME_LIMIT: Duration = Duration::from_secs(30);

/// A policy file that was evaluated, for the record in the report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct PolicyFile {
    /// Path as given (built-in policies: `builtin:<name>`).
    pub path: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

impl PolicyFile {
    /// Record `path` with the digest of `source`.
    pub fn new(path: &str, source: &str) -> Self {
        Self {
            path: path.to_owned(),
            sha256: sha256_hex(source.as_bytes()),
        }
    }
}

/// Hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in d {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A policy problem.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// A policy file does not compile (or its metadata is wrong).
    #[error("{path}:{line}: {message}")]
    Compile {
        /// The policy file.
        path: String,
        /// 1-based line (0 when unknown).
        line: u32,
        /// What is wrong.
        message: String,
    },
    /// A policy file or folder cannot be read.
    #[error("cannot read policy {path}: {message}")]
    Read {
        /// The path.
        path: String,
        /// Why.
        message: String,
    },
    /// Evaluation failed (a runtime error in a policy, or the time limit).
    #[error("policy evaluation failed: {0}")]
    Eval(String),
}

/// A fresh engine with palisade's limits.
pub(crate) fn new_engine() -> Engine {
    let mut e = Engine::new();
    e.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
        limit: EVAL_TIME_LIMIT,
        check_interval: NonZeroU32::new(1024).unwrap_or(NonZeroU32::MIN),
    });
    e
}

/// Add one Rego file, accepting Rego v1 and the older v0 syntax (as OPA 0.x and conftest
/// do), and return its package (`data.main`). A file that compiles in neither is an error
/// that names the file and the line of the syntax error for the syntax the file most
/// likely uses.
pub(crate) fn add_policy(
    engine: &mut Engine,
    path: &str,
    source: &str,
) -> Result<String, PolicyError> {
    engine.set_rego_v0(false);
    let v1 = match engine.add_policy(path.to_owned(), source.to_owned()) {
        Ok(pkg) => return Ok(pkg),
        Err(e) => e.to_string(),
    };
    engine.set_rego_v0(true);
    let v0 = engine.add_policy(path.to_owned(), source.to_owned());
    engine.set_rego_v0(false);
    match v0 {
        Ok(pkg) => Ok(pkg),
        Err(e) => {
            let looks_v1 = source.contains("import rego.v1")
                || source.contains(" if {")
                || source.contains(" contains ");
            let msg = if looks_v1 { v1 } else { e.to_string() };
            Err(compile_error(path, &msg))
        }
    }
}

/// Turn a regorus message (`--> file:line:col` followed by a snippet and `error: ...`) into
/// a [`PolicyError::Compile`].
pub(crate) fn compile_error(path: &str, msg: &str) -> PolicyError {
    let line = msg
        .split("--> ")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .and_then(|loc| loc.rsplit(':').nth(1))
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let message = msg
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or_else(|| msg.trim())
        .to_owned();
    PolicyError::Compile {
        path: path.to_owned(),
        line,
        message,
    }
}

/// A regorus message (a `--> file:line:col` pointer, a source excerpt and `error: ...`) as
/// one line, `file:line: message`, for reports and terminals.
pub(crate) fn one_line(msg: &str) -> String {
    match compile_error("", msg) {
        PolicyError::Compile { line, message, .. } => {
            let file = msg
                .split("--> ")
                .nth(1)
                .and_then(|rest| rest.lines().next())
                .and_then(|loc| loc.rsplitn(3, ':').nth(2))
                .unwrap_or("");
            if file.is_empty() {
                message
            } else {
                format!("{file}:{line}: {message}")
            }
        }
        other => other.to_string(),
    }
}

/// One result of a `deny`/`warn`/`violation` rule, as conftest reads it: a string is the
/// message; an object carries `msg` and optionally other keys.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleResult {
    /// The message.
    pub message: String,
    /// Path into the input that the result is about, when given (`path` key).
    pub path: Vec<PathSeg>,
    /// Severity override (`severity` key).
    pub severity: Option<String>,
    /// Text to find on the lines of the value the path leads to (`match` key), for a
    /// finding on the exact line inside a multi-line value.
    pub matched: Option<String>,
    /// The whole result object (or the string).
    pub raw: Value,
}

impl RuleResult {
    /// Read one result value.
    pub fn from_json(v: Value) -> Self {
        match &v {
            Value::String(s) => Self {
                message: s.clone(),
                path: Vec::new(),
                severity: None,
                matched: None,
                raw: v,
            },
            Value::Object(m) => {
                let message = m
                    .get("msg")
                    .or_else(|| m.get("message"))
                    .and_then(Value::as_str)
                    .map_or_else(|| v.to_string(), str::to_owned);
                Self {
                    message,
                    path: m.get("path").map(path_from_json).unwrap_or_default(),
                    severity: m.get("severity").and_then(Value::as_str).map(str::to_owned),
                    matched: m.get("match").and_then(Value::as_str).map(str::to_owned),
                    raw: v,
                }
            }
            other => Self {
                message: other.to_string(),
                path: Vec::new(),
                severity: None,
                matched: None,
                raw: v,
            },
        }
    }
}

/// Evaluate `rule` (a full path such as `data.main.deny`) and return its results: the
/// members of a set or array, or the value itself when it is a string or object. An
/// undefined rule has no results.
pub(crate) fn eval_results(
    engine: &mut Engine,
    rule: &str,
) -> Result<Vec<RuleResult>, PolicyError> {
    let v = engine
        .eval_rule(rule.to_owned())
        .map_err(|e| PolicyError::Eval(format!("{rule}: {}", one_line(&e.to_string()))))?;
    Ok(match to_json(&v) {
        Value::Array(items) => items.into_iter().map(RuleResult::from_json).collect(),
        Value::Null | Value::Bool(false) => Vec::new(),
        Value::Bool(true) => vec![RuleResult::from_json(Value::String(rule.to_owned()))],
        other => vec![RuleResult::from_json(other)],
    })
}

/// A regorus value as JSON (sets become arrays, undefined becomes null).
pub(crate) fn to_json(v: &regorus::Value) -> Value {
    if *v == regorus::Value::Undefined {
        return Value::Null;
    }
    v.to_json_str()
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
}

/// JSON as a regorus value.
pub(crate) fn from_json(v: &Value) -> regorus::Value {
    regorus::Value::from(v.clone())
}

/// The rule names a Rego source defines at the start of a line whose names satisfy
/// `wanted` (for example `deny`, `deny_foo`, `test_bar`), in source order, each once.
pub(crate) fn rule_heads(source: &str, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in source.lines() {
        let name: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() || !wanted(&name) {
            continue;
        }
        let rest = line[name.len()..].trim_start();
        let is_head = rest.is_empty()
            || ["[", "{", "=", ":=", "if", "contains", "(", "\u{7b}"]
                .iter()
                .any(|p| rest.starts_with(p));
        if is_head && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_syntaxes_load_and_errors_name_the_line() {
        let mut e = new_engine();
        assert_eq!(
            add_policy(
                &mut e,
                "a.rego",
                "package main\ndeny[msg] {\n input.x == 1\n msg := \"m\"\n}\n"
            )
            .expect("v0"),
            "data.main"
        );
        assert_eq!(
            add_policy(
                &mut e,
                "b.rego",
                "package b\nimport rego.v1\ndeny contains \"m\" if input.x == 1\n"
            )
            .expect("v1"),
            "data.b"
        );
        let err = add_policy(&mut e, "c.rego", "package c\nimport rego.v1\n\nx := 1 +\n")
            .expect_err("bad");
        match err {
            PolicyError::Compile { path, line, .. } => {
                assert_eq!(path, "c.rego");
                assert!(line >= 4, "{line}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn heads() {
        let src = "package p\ndeny[msg] {\n}\ndeny_x contains m if {\n}\ndenyx := 1\nwarn if true\n  deny[1]\n";
        assert_eq!(
            rule_heads(src, |n| n == "deny"
                || n.starts_with("deny_")
                || n == "warn"),
            ["deny", "deny_x", "warn"]
        );
    }
}
