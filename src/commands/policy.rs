//! `palisade policy test DIR` and `palisade policy eval FILE`.

use anyhow::{Result, anyhow};
use palisade_policy::PolicyError;
use palisade_policy::user::{Namespaces, UserPolicies};

use crate::cli::{GlobalArgs, PolicyArgs, PolicyCommand};
use crate::output;

/// A policy error as one line: `file:line: message` for compile errors.
pub(crate) fn explain(e: &PolicyError) -> String {
    match e {
        PolicyError::Compile {
            path,
            line,
            message,
        } => format!(
            "policy {}:{line}: {message} (see docs/policies.md)",
            palisade_core::text::escape_control(path)
        ),
        other => palisade_core::text::escape_control(&other.to_string()),
    }
}

/// The namespaces selected on the command line.
pub(crate) fn namespaces(list: &[String], all: bool) -> Namespaces {
    if all {
        Namespaces::All
    } else if list.is_empty() {
        Namespaces::default()
    } else {
        Namespaces::Only(list.to_vec())
    }
}

pub(crate) fn run(_global: &GlobalArgs, args: &PolicyArgs) -> Result<u8> {
    match &args.command {
        PolicyCommand::Test { dir } => {
            let mut p = UserPolicies::load(dir).map_err(|e| anyhow!(explain(&e)))?;
            let results = p.run_tests();
            let failed = results.iter().filter(|t| !t.passed).count();
            output::stdout_with(|w| {
                for t in &results {
                    let status = if t.passed { "PASS" } else { "FAIL" };
                    write!(
                        w,
                        "{status}: {} ({})",
                        t.name,
                        palisade_core::text::escape_control(&t.path)
                    )?;
                    if let Some(e) = &t.error {
                        write!(w, ": {}", palisade_core::text::escape_control(e))?;
                    }
                    writeln!(w)?;
                }
                writeln!(w, "{}", "-".repeat(40))?;
                writeln!(
                    w,
                    "{} passed, {failed} failed, {} total",
                    results.len() - failed,
                    results.len()
                )
            })?;
            if results.is_empty() {
                output::warning("no test_ rules found");
                return Ok(1);
            }
            Ok(u8::from(failed > 0))
        }
        PolicyCommand::Eval {
            file,
            policy,
            namespace,
        } => {
            let docs = palisade_iac::scanner::input_documents(file).map_err(|e| anyhow!(e))?;
            let mut user = match policy {
                Some(dir) => Some(UserPolicies::load(dir).map_err(|e| anyhow!(explain(&e)))?),
                None => None,
            };
            let ns = namespaces(namespace, false);
            let mut out = Vec::new();
            for (kind, doc) in docs {
                let mut entry = serde_json::json!({"kind": kind, "input": doc});
                if let Some(u) = &mut user {
                    let hits = u.eval(&doc, &ns).map_err(|e| anyhow!(explain(&e)))?;
                    entry["results"] = hits
                        .iter()
                        .map(|h| serde_json::json!({"rule": format!("{}.{}", h.package, h.rule), "effect": h.effect.as_str(), "result": h.result.raw}))
                        .collect();
                }
                out.push(entry);
            }
            let text = serde_json::to_string_pretty(&out)?;
            output::stdout_with(|w| writeln!(w, "{text}"))?;
            Ok(0)
        }
    }
}
