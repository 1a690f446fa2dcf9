//! `palisade gate REPORT.json`, and the gate every `scan` runs at its end: the Rego gate
//! policy (built in, extended or replaced by the user's `package palisade.gate` rules)
//! over the whole report.

use std::path::Path;

use anyhow::{Context as _, Result, anyhow};
use palisade_core::report::{GateStatus, PolicyDigest, Report};
use palisade_policy::gate::{GateSpec, evaluate};

use crate::cli::{GateArgs, GlobalArgs};
use crate::output;

/// Evaluate the gate over `report` and record the decision, its reasons and the digest of
/// every policy file in it. A scanner failure keeps the status `error` (fail closed,
/// exit 3) whatever the policies say; a policy that cannot be evaluated is an error too.
pub(crate) fn apply(
    report: &mut Report,
    user: &[(String, String)],
    default_policy: bool,
    fail_on_partial: bool,
) {
    match decide(report, user, default_policy, None, true, fail_on_partial) {
        Ok((reasons, policies)) => {
            let failed = !reasons.is_empty();
            if report.gate.status == GateStatus::Error {
                for r in reasons {
                    if !report.gate.reasons.contains(&r) {
                        report.gate.reasons.push(r);
                    }
                }
            } else {
                report.gate.status = if failed {
                    GateStatus::Failed
                } else {
                    GateStatus::Passed
                };
                report.gate.reasons = reasons;
            }
            report.gate.policies = policies;
        }
        Err(e) => {
            report.gate.status = GateStatus::Error;
            report
                .gate
                .reasons
                .push(format!("the gate policy could not be evaluated: {e:#}"));
        }
    }
}

fn decide(
    report: &Report,
    user: &[(String, String)],
    default_policy: bool,
    trace: Option<serde_json::Value>,
    trace_gate: bool,
    fail_on_partial: bool,
) -> Result<(Vec<String>, Vec<PolicyDigest>)> {
    let mut input = serde_json::to_value(report).context("cannot serialise the report")?;
    if let (Some(t), Some(obj)) = (trace, input.as_object_mut()) {
        obj.insert("trace".to_owned(), t);
    }
    let params = serde_json::json!({
        "fail_on": report.gate.fail_on.as_str(),
        "trace": trace_gate,
        "partial": fail_on_partial,
    });
    let spec = GateSpec {
        default_policy,
        user,
    };
    let d = evaluate(&input, &params, &spec).map_err(|e| anyhow!(super::policy::explain(&e)))?;
    Ok((
        d.reasons.into_iter().map(|r| r.message).collect(),
        d.policies
            .into_iter()
            .map(|p| PolicyDigest {
                path: p.path,
                sha256: p.sha256,
            })
            .collect(),
    ))
}

/// A trace (`palisade trace --format json`), checked for the fields the gate reads.
fn read_trace(path: &Path) -> Result<serde_json::Value> {
    let bytes = palisade_core::config::read_user_file(path, 1024 * 1024 * 1024)
        .map_err(|e| anyhow!("cannot read trace {}: {e}", path.display()))?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        anyhow!(
            "{} is not a palisade trace (palisade trace --format json): {e}",
            path.display()
        )
    })?;
    let ok = v.get("total").is_some_and(serde_json::Value::is_u64)
        && v.get("defects").is_some_and(serde_json::Value::is_u64)
        && v.get("verdict").is_some_and(serde_json::Value::is_string)
        && v.get("defects_by_kind")
            .is_some_and(serde_json::Value::is_object);
    if !ok {
        return Err(anyhow!(
            "{} is not a palisade trace: it lacks total, defects, verdict or defects_by_kind",
            path.display()
        ));
    }
    Ok(v)
}

pub(crate) fn run(global: &GlobalArgs, args: &GateArgs) -> Result<u8> {
    let bytes = palisade_core::config::read_user_file(&args.report, 512 * 1024 * 1024)
        .map_err(|e| anyhow!("cannot read report {}: {e}", args.report.display()))?;
    let mut report: Report = serde_json::from_slice(&bytes).map_err(|e| {
        anyhow!(
            "{} is not a palisade JSON report: {e}",
            args.report.display()
        )
    })?;
    if let Some(f) = args.fail_on {
        report.gate.fail_on = f.into();
    }
    // A palisade.toml that does not load is an error here as in every command, never a
    // silent fall-back to defaults.
    let config =
        palisade_core::config::Config::discover(Path::new(".")).map_err(|e| anyhow!("{e}"))?;
    let default_policy = config.gate_default_policy && !args.no_default_policy;
    // Start from the report's scanner outcome; the policies decide the rest.
    let scanner_failed = report
        .scanners
        .iter()
        .any(|s| s.status == palisade_core::report::ScannerStatus::Failed);
    report.gate.status = if scanner_failed {
        GateStatus::Error
    } else {
        GateStatus::Passed
    };
    report.gate.reasons.clear();
    let user = match &args.policy {
        Some(dir) => {
            palisade_policy::user::read_dir(dir).map_err(|e| anyhow!(super::policy::explain(&e)))?
        }
        None => Vec::new(),
    };
    // Compile errors are configuration errors (exit 2), before any decision.
    palisade_policy::user::UserPolicies::from_sources(user.clone())
        .map_err(|e| anyhow!(super::policy::explain(&e)))?;
    if !default_policy && args.policy.is_none() {
        return Err(anyhow!(
            "no gate policy: --no-default-policy needs --policy DIR with `package palisade.gate` rules"
        ));
    }
    let trace = match &args.trace {
        Some(path) => Some(read_trace(path)?),
        None => None,
    };
    let (reasons, policies) = decide(
        &report,
        &user,
        default_policy,
        trace,
        config.trace.gate.unwrap_or(true),
        config.gate_fail_on_partial,
    )?;
    let failed = !reasons.is_empty();
    let _ = global;
    output::stdout_with(|w| {
        let verdict = match (scanner_failed, failed) {
            (true, _) => "gate error: a scanner failed",
            (false, true) => "gate failed",
            (false, false) => "gate passed",
        };
        writeln!(w, "{verdict}")?;
        for r in &reasons {
            writeln!(w, "  - {}", palisade_core::text::escape_control(r))?;
        }
        writeln!(w, "policies evaluated:")?;
        for p in &policies {
            writeln!(
                w,
                "  {}  sha256:{}",
                palisade_core::text::escape_control(&p.path),
                p.sha256
            )?;
        }
        Ok(())
    })?;
    Ok(if scanner_failed { 3 } else { u8::from(failed) })
}
