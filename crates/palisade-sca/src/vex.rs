//! VEX: statements that a vulnerability does (not) affect a component, from OpenVEX
//! documents and CycloneDX VEX (`vulnerabilities[].analysis`). A finding whose advisory (or
//! one of its aliases) and package a statement names with status `not_affected` or `fixed`
//! (CycloneDX: `not_affected`, `false_positive`, `resolved`, `resolved_with_pedigree`) is
//! suppressed with the statement's justification; the gate and every output then treat it
//! like any other suppression.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// One statement, normalised from either format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The vulnerability id and its aliases.
    pub ids: Vec<String>,
    /// Package URLs (or component references) the statement covers.
    pub products: Vec<String>,
    /// `not_affected`, `fixed`, `affected`, `under_investigation` (OpenVEX names; CycloneDX
    /// states are mapped onto them).
    pub status: String,
    /// Why (justification, impact statement, detail).
    pub reason: String,
    /// The document it came from, for the suppression reason.
    pub source: String,
}

impl Statement {
    /// Does the statement suppress a finding?
    pub fn suppresses(&self) -> bool {
        matches!(self.status.as_str(), "not_affected" | "fixed")
    }
}

/// A VEX document that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("VEX document {path}: {message}")]
pub struct VexError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong.
    pub message: String,
}

/// Largest VEX document read.
const MAX_VEX: u64 = 64 << 20;

/// Reads an OpenVEX or CycloneDX VEX document.
pub fn load(path: &Path) -> Result<Vec<Statement>, VexError> {
    let err = |message: String| VexError {
        path: path.to_owned(),
        message,
    };
    let bytes =
        palisade_core::config::read_user_file(path, MAX_VEX).map_err(|e| err(e.to_string()))?;
    let v: Value = serde_json::from_slice(&bytes)
        .map_err(|e| err(format!("invalid JSON at line {}: {e}", e.line())))?;
    let source = path.display().to_string();
    if v.get("statements").is_some()
        || v.get("@context")
            .and_then(Value::as_str)
            .is_some_and(|c| c.contains("openvex"))
    {
        openvex(&v, &source).map_err(err)
    } else if v.get("bomFormat").and_then(Value::as_str) == Some("CycloneDX") {
        Ok(cyclonedx(&v, &source))
    } else {
        Err(err(
            "neither OpenVEX (statements) nor CycloneDX (bomFormat)".into(),
        ))
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| {
                x.as_str()
                    .map(str::to_owned)
                    .or_else(|| x.get("@id").and_then(Value::as_str).map(str::to_owned))
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn openvex(v: &Value, source: &str) -> Result<Vec<Statement>, String> {
    let Some(stmts) = v.get("statements").and_then(Value::as_array) else {
        return Err("no statements array".into());
    };
    let mut out = Vec::new();
    for (i, s) in stmts.iter().enumerate() {
        // v0.2: {"name": ..., "aliases": [...]}; v0.0.1: a string.
        let mut ids = Vec::new();
        match s.get("vulnerability") {
            Some(Value::String(id)) => ids.push(id.clone()),
            Some(obj @ Value::Object(_)) => {
                ids.extend(obj.get("name").and_then(Value::as_str).map(str::to_owned));
                ids.extend(obj.get("@id").and_then(Value::as_str).map(str::to_owned));
                ids.extend(strings(obj.get("aliases")));
            }
            _ => return Err(format!("statement {i} names no vulnerability")),
        }
        let mut products = Vec::new();
        if let Some(ps) = s.get("products").and_then(Value::as_array) {
            for p in ps {
                match p {
                    Value::String(id) => products.push(id.clone()),
                    Value::Object(_) => {
                        products.extend(p.get("@id").and_then(Value::as_str).map(str::to_owned));
                        products.extend(
                            p.pointer("/identifiers/purl")
                                .and_then(Value::as_str)
                                .map(str::to_owned),
                        );
                        for sub in p
                            .get("subcomponents")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                        {
                            products
                                .extend(sub.get("@id").and_then(Value::as_str).map(str::to_owned));
                            products.extend(
                                sub.pointer("/identifiers/purl")
                                    .and_then(Value::as_str)
                                    .map(str::to_owned),
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
        products.extend(strings(s.get("subcomponents")));
        let status = s
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if !matches!(
            status.as_str(),
            "not_affected" | "affected" | "fixed" | "under_investigation"
        ) {
            return Err(format!("statement {i}: unknown status {status:?}"));
        }
        let reason = [
            s.get("justification"),
            s.get("impact_statement"),
            s.get("status_notes"),
        ]
        .iter()
        .filter_map(|x| x.and_then(Value::as_str))
        .collect::<Vec<_>>()
        .join(": ");
        if status == "not_affected" && reason.is_empty() {
            return Err(format!(
                "statement {i}: not_affected needs a justification or impact_statement"
            ));
        }
        out.push(Statement {
            ids,
            products,
            status,
            reason,
            source: source.to_owned(),
        });
    }
    Ok(out)
}

fn cyclonedx(v: &Value, source: &str) -> Vec<Statement> {
    // Component bom-refs to purls, so `affects[].ref` may name either.
    let mut refs = std::collections::HashMap::new();
    for c in v
        .get("components")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(r), Some(p)) = (
            c.get("bom-ref").and_then(Value::as_str),
            c.get("purl").and_then(Value::as_str),
        ) {
            refs.insert(r.to_owned(), p.to_owned());
        }
    }
    let mut out = Vec::new();
    for vuln in v
        .get("vulnerabilities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let mut ids: Vec<String> = vuln
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .into_iter()
            .collect();
        for r in vuln
            .get("references")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            ids.extend(r.get("id").and_then(Value::as_str).map(str::to_owned));
        }
        let state = vuln
            .pointer("/analysis/state")
            .and_then(Value::as_str)
            .unwrap_or("");
        let status = match state {
            "not_affected" | "false_positive" => "not_affected",
            "resolved" | "resolved_with_pedigree" => "fixed",
            "exploitable" => "affected",
            _ => "under_investigation",
        };
        let reason = [
            vuln.pointer("/analysis/justification"),
            vuln.pointer("/analysis/detail"),
        ]
        .iter()
        .filter_map(|x| x.and_then(Value::as_str))
        .collect::<Vec<_>>()
        .join(": ");
        let products = vuln
            .get("affects")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| a.get("ref").and_then(Value::as_str))
            .map(|r| refs.get(r).cloned().unwrap_or_else(|| r.to_owned()))
            .collect();
        out.push(Statement {
            ids,
            products,
            status: status.to_owned(),
            reason: if reason.is_empty() {
                state.to_owned()
            } else {
                reason
            },
            source: source.to_owned(),
        });
    }
    out
}

/// `pkg:type/ns/name@version?qualifiers#subpath` → (`pkg:type/ns/name` lower-cased where the
/// type is case-insensitive, version).
fn split_purl(p: &str) -> (String, Option<String>) {
    let p = p.split(['?', '#']).next().unwrap_or(p);
    let (base, version) = match p.rfind('@') {
        Some(i) if i > p.find('/').unwrap_or(0) => (&p[..i], Some(p[i + 1..].to_owned())),
        _ => (p, None),
    };
    let lower = base.starts_with("pkg:pypi/")
        || base.starts_with("pkg:nuget/")
        || base.starts_with("pkg:composer/");
    (
        if lower {
            base.to_lowercase()
        } else {
            base.to_owned()
        },
        version,
    )
}

/// Does a statement's product identifier cover the package `purl`? A product without a
/// version covers every version.
pub fn covers(product: &str, purl: &str) -> bool {
    let (pb, pv) = split_purl(product);
    let (b, v) = split_purl(purl);
    pb == b && pv.is_none_or(|pv| Some(pv) == v)
}

/// The statement about one of `ids` that covers `purl`: the last one, since later
/// statements (in a document, and in later documents) supersede earlier ones.
pub fn find<'s>(statements: &'s [Statement], ids: &[String], purl: &str) -> Option<&'s Statement> {
    statements.iter().rev().find(|s| {
        s.ids.iter().any(|i| ids.contains(i)) && s.products.iter().any(|p| covers(p, purl))
    })
}
