//! Issue 9 (first part): `palisade trace` on OpenFastTrace-style items and coverage tags.

use crate::{demo_dir, palisade, stdout, workspace_root};

#[test]
fn issue9_trace_demo_reports_the_uncovered_requirement_and_the_verdict() {
    let out = palisade(&["trace", "demo"], &workspace_root());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("not ok req~clinician-mfa~1 (demo/docs/security-requirements.md:27): uncovered: needs dsn"),
        "{text}"
    );
    assert!(
        text.ends_with("not ok - 4 total, 1 defect\n"),
        "the last line is OpenFastTrace's verdict: {text}"
    );
    let out = palisade(&["trace", "demo", "--format", "json"], &workspace_root());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["total"].as_u64(), v["defects"].as_u64()),
        (Some(4), Some(1))
    );
    let dsn = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "dsn~db-credentials-from-secret~1")
        .unwrap();
    assert_eq!(dsn["status"], "covered");
    assert_eq!(
        dsn["covered_by"][0].as_str().unwrap().split('~').next(),
        Some("impl")
    );
    assert!(demo_dir().join("docs/security-requirements.md").is_file());
}

#[test]
fn issue9_trace_all_covered_is_ok_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spec.md"),
        "# Tokens\n`req~tokens~1`\n\nNeeds: impl, utest\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("tokens.py"),
        "# [impl->req~tokens~1]\ndef make():\n    pass\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("test_tokens.py"),
        "# [utest->req~tokens~1]\ndef test_make():\n    pass\n",
    )
    .unwrap();
    let out = palisade(&["trace", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("ok - 3 total\n"), "{}", stdout(&out));
    // A new revision of the requirement makes the old coverage outdated.
    std::fs::write(
        dir.path().join("spec.md"),
        "# Tokens\n`req~tokens~2`\n\nNeeds: impl, utest\n",
    )
    .unwrap();
    let out = palisade(&["trace", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("outdated: covers req~tokens~1, now at revision 2"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn issue9_junit_results_mark_items_verified_or_failing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spec.md"),
        "`req~a~1`\nNeeds: utest\n\n`req~b~1`\nNeeds: utest\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("tests")).unwrap();
    std::fs::write(
        dir.path().join("tests/test_ab.py"),
        "# [utest->req~a~1]\ndef test_a():\n    pass\n\n# [utest->req~b~1]\ndef test_b():\n    pass\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("results")).unwrap();
    std::fs::write(
        dir.path().join("results/junit.xml"),
        r#"<testsuite><testcase classname="tests.test_ab" name="test_a"/><testcase classname="tests.test_ab" name="test_b"><failure/></testcase></testsuite>"#,
    )
    .unwrap();
    let out = palisade(
        &[
            "trace", "spec.md", "tests", "--junit", "results", "--format", "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let verification = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()["verification"]
            .clone()
    };
    assert_eq!(verification("req~a~1"), "verified");
    assert_eq!(verification("req~b~1"), "failing");
    let out = palisade(
        &["trace", "spec.md", "tests", "--junit", "results/junit.xml"],
        dir.path(),
    );
    assert!(
        stdout(&out).contains("failing: test tests/test_ab.py: test_b failed"),
        "{}",
        stdout(&out)
    );
}
