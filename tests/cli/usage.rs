//! Exit codes, config errors, init, baselines, suppressions, bad input.

use std::path::Path;

use crate::{palisade, stderr, stdout};

const FAKE_TOKEN_BODY: &str = "PaLiSaDeTeStToKeN0123456789abc";

/// A GitHub-format token with a valid checksum, built at run time so this file holds none.
pub(crate) fn gh_token() -> String {
    palisade_test_support::gh_token(FAKE_TOKEN_BODY)
}

pub(crate) fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

pub(crate) fn secret_line() -> String {
    format!("GITHUB_TOKEN = \"{}\"\n", gh_token())
}

#[test]
fn clean_directory_passes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/main.py", "print('hello')\n");
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("no findings"), "{}", stdout(&out));
}

#[test]
fn finding_fails_gate_and_fail_on_threshold_is_respected() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy.sh", &secret_line());
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let out = palisade(
        &["scan", ".", "--no-progress", "--fail-on", "critical"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a high finding passes a critical gate"
    );
}

#[test]
fn invalid_config_is_a_usage_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "palisade.toml",
        "[scan]\nexclude = []\nfail-on = \"severe\"\n",
    );
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("palisade.toml:3"), "{err}");
    assert!(err.contains("unknown severity `severe`"), "{err}");
}

#[test]
fn unknown_and_planned_scanners_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = palisade(&["scan", ".", "--scanners", "nope"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown scanner `nope`"));
    let out = palisade(&["scan", ".", "--scanners", "dast"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not available in this version"));
}

#[test]
fn init_writes_a_config_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let out = palisade(&["init"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("palisade.toml").is_file());
    let again = palisade(&["init"], dir.path());
    assert_eq!(again.status.code(), Some(2), "refuses to overwrite");
    let scan = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(scan.status.code(), Some(0), "{}", stderr(&scan));
}

#[test]
fn baseline_hides_known_findings_but_keeps_them_marked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/deploy.sh", &secret_line());
    let out = palisade(&["baseline", "create", ".", "-o", "base.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Move the secret to another line: the fingerprint survives.
    write(
        dir.path(),
        "a/deploy.sh",
        &format!("#!/bin/sh\n\n{}", secret_line()),
    );
    let out = palisade(
        &[
            "scan",
            ".",
            "--no-progress",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["suppression"]["kind"], "baseline");
    assert_eq!(v["findings"][0]["location"]["start_line"], 3);
    // A new secret is reported.
    write(
        dir.path(),
        "b.env",
        "STRIPE_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dcPaLiSaDe\n",
    );
    let out = palisade(
        &["scan", ".", "--no-progress", "--baseline", "base.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn config_suppressions_need_reason_and_expire() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy.sh", &secret_line());
    write(
        dir.path(),
        "palisade.toml",
        "[[suppress]]\nrule = \"github-*\"\npath = \"deploy.sh\"\nreason = \"revoked token kept for the migration test\"\nowner = \"sec@example.org\"\nexpires = \"2999-01-01\"\n",
    );
    let out = palisade(
        &["scan", ".", "--no-progress", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["suppression"]["kind"], "config");
    assert_eq!(v["findings"][0]["suppression"]["owner"], "sec@example.org");

    write(
        dir.path(),
        "palisade.toml",
        "[[suppress]]\nrule = \"github-*\"\nreason = \"old\"\nowner = \"sec@example.org\"\nexpires = \"2001-01-01\"\n",
    );
    let out = palisade(
        &["scan", ".", "--no-progress", "--format", "json"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "expired suppressions stop suppressing"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"suppression-expired"), "{codes:?}");

    write(
        dir.path(),
        "palisade.toml",
        "[[suppress]]\nrule = \"github-*\"\nowner = \"x\"\nexpires = \"2999-01-01\"\n",
    );
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "a suppression without reason is a config error"
    );
    assert!(stderr(&out).contains("reason"));
}

#[test]
fn inline_suppression_with_reason() {
    let dir = tempfile::tempdir().unwrap();
    let line = secret_line();
    write(
        dir.path(),
        "deploy.sh",
        &format!(
            "# palisade:ignore[github-personal-access-token] revoked 2024-01, kept to test log scrubbing\n{line}"
        ),
    );
    let out = palisade(
        &["scan", ".", "--no-progress", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["suppression"]["kind"], "inline");
    assert_eq!(v["summary"]["suppressed"], 1);
}

#[test]
fn same_secret_in_two_files_is_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.sh", &secret_line());
    write(dir.path(), "b/c.sh", &format!("\n\n{}", secret_line()));
    let out = palisade(
        &["scan", ".", "--no-progress", "--format", "json"],
        dir.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["related_locations"][0]["path"], "b/c.sh");
}

#[test]
fn bad_input_gives_diagnostics_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.sh", &secret_line());
    std::fs::write(dir.path().join("blob.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(
        dir.path().join("latin1.txt"),
        [b'c', b'a', b'f', 0xe9, b'\n'],
    )
    .unwrap();
    write(dir.path(), "big.txt", &"x".repeat(4096));
    write(
        dir.path(),
        "palisade.toml",
        "[scan]\nmax-file-size = \"1KiB\"\n",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let out = palisade(
        &["scan", ".", "--no-progress", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    let skipped: Vec<(String, String)> = v["coverage"]["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_owned(),
                s["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        skipped.contains(&("blob.bin".into(), "binary".into())),
        "{skipped:?}"
    );
    assert!(
        skipped.contains(&("big.txt".into(), "too-large".into())),
        "{skipped:?}"
    );
    #[cfg(unix)]
    assert!(
        skipped.iter().any(|(_, r)| r == "symlink-loop"),
        "{skipped:?}"
    );
}

#[test]
fn missing_target_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = palisade(&["scan", "does-not-exist"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not exist"));
}

#[test]
fn output_file_and_junit() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy.sh", &secret_line());
    let out = palisade(
        &[
            "scan",
            ".",
            "--no-progress",
            "--format",
            "junit",
            "-o",
            "r.xml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let xml = std::fs::read_to_string(dir.path().join("r.xml")).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(xml.contains("github-personal-access-token"));
}

#[test]
fn unknown_rule_in_disable_and_bad_baseline_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "palisade.toml",
        "[secrets]\ndisable = [\"aws-acess-key-id\"]\n",
    );
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown rule `aws-acess-key-id`"),
        "{}",
        stderr(&out)
    );

    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.json", "{ not json");
    let out = palisade(
        &["scan", ".", "--no-progress", "--baseline", "base.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid baseline base.json"),
        "{}",
        stderr(&out)
    );
}
