//! Rule listing and documentation: `rules`, `explain`, and docs/rules drift.

use crate::{palisade, stdout, workspace_root};

#[test]
fn rules_lists_every_rule() {
    let out = palisade(&["rules", "--format", "json"], &workspace_root());
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 120);
}

#[test]
fn explain_prints_the_docs_page() {
    let out = palisade(&["explain", "aws-access-key-id"], &workspace_root());
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for h in palisade_headings() {
        assert!(text.contains(h), "missing {h}");
    }
    let page =
        std::fs::read_to_string(workspace_root().join("docs/rules/aws-access-key-id.md")).unwrap();
    assert_eq!(text, page, "explain prints the same Markdown as docs/rules");
    let out = palisade(&["explain", "aws-key"], &workspace_root());
    assert_eq!(out.status.code(), Some(2));
}

fn palisade_headings() -> [&'static str; 5] {
    [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Remediation",
        "## References",
    ]
}

/// docs/rules is generated from rule metadata; regenerate with
/// `cargo run -- rules --docs docs/rules`.
#[test]
fn docs_rules_are_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = palisade(
        &["rules", "--docs", dir.path().to_str().unwrap()],
        &workspace_root(),
    );
    assert_eq!(out.status.code(), Some(0));
    let committed = workspace_root().join("docs/rules");
    let mut generated: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    generated.sort();
    let mut existing: Vec<String> = std::fs::read_dir(&committed)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    existing.sort();
    assert_eq!(
        generated, existing,
        "docs/rules is out of date: run `cargo run -- rules --docs docs/rules`"
    );
    for name in generated {
        let a = std::fs::read_to_string(dir.path().join(&name)).unwrap();
        let b = std::fs::read_to_string(committed.join(&name)).unwrap();
        assert!(
            a == b,
            "docs/rules/{name} is out of date: run `cargo run -- rules --docs docs/rules`"
        );
    }
}
