//! The release gate: a Rego policy over the whole report. The built-in policy
//! (`policies/gate.rego`) denies on unsuppressed findings at or above `fail_on`, on a failed
//! scanner, on a user policy's `deny`, and on an expired suppression; users add `deny`
//! rules in `package palisade.gate` or replace the built-in policy.

use serde_json::Value;

use crate::engine::{PolicyError, PolicyFile, add_policy, eval_results, from_json, new_engine};

/// The built-in gate policy.
pub const DEFAULT_GATE: &str = include_str!("../policies/gate.rego");
/// The name the built-in gate policy is recorded under.
pub const DEFAULT_GATE_PATH: &str = "builtin:gate.rego";

/// One reason the gate denies.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reason {
    /// Stable code (`findings-at-or-above-threshold`), or `policy` for a plain string.
    pub code: String,
    /// The message.
    pub message: String,
}

/// The gate's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Why it denies (empty: allowed), scanner failures first.
    pub reasons: Vec<Reason>,
    /// Every policy file evaluated, with its SHA-256.
    pub policies: Vec<PolicyFile>,
}

/// What the gate evaluates.
#[derive(Debug, Clone, Default)]
pub struct GateSpec<'a> {
    /// Use the built-in policy.
    pub default_policy: bool,
    /// The user's policy files (`path`, `source`); only `palisade.gate` rules matter here.
    pub user: &'a [(String, String)],
}

/// Evaluate the gate over `report` (the report JSON) with `params` as
/// `data.palisade.params`.
pub fn evaluate(
    report: &Value,
    params: &Value,
    spec: &GateSpec<'_>,
) -> Result<Decision, PolicyError> {
    let mut engine = new_engine();
    let mut policies = Vec::new();
    let mut defines_gate = false;
    if spec.default_policy {
        add_policy(&mut engine, DEFAULT_GATE_PATH, DEFAULT_GATE)?;
        policies.push(PolicyFile::new(DEFAULT_GATE_PATH, DEFAULT_GATE));
        defines_gate = true;
    }
    for (path, src) in spec.user {
        let pkg = add_policy(&mut engine, path, src)?;
        policies.push(PolicyFile::new(path, src));
        defines_gate |= pkg == "data.palisade.gate";
    }
    if !defines_gate {
        return Err(PolicyError::Eval(
            "no gate policy: the built-in gate is off and no policy file is `package palisade.gate`"
                .to_owned(),
        ));
    }
    engine
        .add_data(from_json(
            &serde_json::json!({"palisade": {"params": params}}),
        ))
        .map_err(|e| PolicyError::Eval(e.to_string()))?;
    engine.set_input(from_json(report));
    let mut reasons: Vec<Reason> = eval_results(&mut engine, "data.palisade.gate.deny")?
        .into_iter()
        .map(|r| Reason {
            code: r.raw["code"].as_str().unwrap_or("policy").to_owned(),
            message: r.message,
        })
        .collect();
    let rank = |c: &str| match c {
        "scanner-failed" => 0,
        "findings-at-or-above-threshold" => 1,
        _ => 2,
    };
    reasons.sort_by(|a, b| {
        (rank(&a.code), &a.code, &a.message).cmp(&(rank(&b.code), &b.code, &b.message))
    });
    reasons.dedup();
    Ok(Decision { reasons, policies })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report(findings: &Value) -> Value {
        json!({"findings": findings, "scanners": [{"name": "secrets", "status": "ok"}], "diagnostics": []})
    }

    #[test]
    fn default_gate_counts_active_findings_at_or_above_the_threshold() {
        let spec = GateSpec {
            default_policy: true,
            user: &[],
        };
        let params = json!({"fail_on": "high"});
        let d = evaluate(&report(&json!([{"severity": "high"}, {"severity": "critical", "suppression": {"kind": "inline"}}, {"severity": "low"}])), &params, &spec).expect("eval");
        assert_eq!(d.reasons.len(), 1);
        assert_eq!(
            d.reasons[0].message,
            "1 unsuppressed finding at or above severity high"
        );
        assert_eq!(d.policies[0].path, DEFAULT_GATE_PATH);
        let d = evaluate(&report(&json!([{"severity": "low"}])), &params, &spec).expect("eval");
        assert!(d.reasons.is_empty());
    }

    #[test]
    fn user_rules_extend_and_a_missing_gate_is_an_error() {
        let user = vec![("g.rego".to_owned(), "package palisade.gate\nimport rego.v1\ndeny contains \"too many findings\" if count(input.findings) > 1\n".to_owned())];
        let spec = GateSpec {
            default_policy: true,
            user: &user,
        };
        let d = evaluate(
            &report(&json!([{"severity": "low"}, {"severity": "low"}])),
            &json!({"fail_on": "high"}),
            &spec,
        )
        .expect("eval");
        assert_eq!(
            d.reasons,
            [Reason {
                code: "policy".into(),
                message: "too many findings".into()
            }]
        );
        let spec = GateSpec {
            default_policy: false,
            user: &[],
        };
        assert!(evaluate(&report(&json!([])), &json!({"fail_on": "high"}), &spec).is_err());
    }

    #[test]
    fn partially_analysed_source_denies_unless_turned_off() {
        let spec = GateSpec {
            default_policy: true,
            user: &[],
        };
        let mut r = report(&json!([]));
        r["diagnostics"] = json!([
            {"code": "sast-partial", "level": "warning", "path": "b.py", "message": "x"},
            {"code": "sast-partial", "level": "warning", "path": "a.py", "message": "x"},
            {"code": "sast-partial", "level": "warning", "path": "a.py", "message": "y"},
            {"code": "sast-syntax-error", "level": "note", "path": "c.py", "message": "z"},
        ]);
        let d = evaluate(&r, &json!({"fail_on": "high"}), &spec).expect("eval");
        assert_eq!(d.reasons.len(), 1, "{:?}", d.reasons);
        assert_eq!(d.reasons[0].code, "analysis-partial");
        assert!(
            d.reasons[0].message
                == "2 source files not fully analysed by SAST: a.py and 1 more ([gate] fail-on-partial)",
            "{}",
            d.reasons[0].message
        );
        let d = evaluate(&r, &json!({"fail_on": "high", "partial": false}), &spec).expect("eval");
        assert!(d.reasons.is_empty(), "{:?}", d.reasons);
        r["diagnostics"] =
            json!([{"code": "sast-syntax-error", "level": "note", "path": "c.py", "message": "z"}]);
        let d = evaluate(&r, &json!({"fail_on": "high"}), &spec).expect("eval");
        assert!(d.reasons.is_empty(), "{:?}", d.reasons);
    }
}
