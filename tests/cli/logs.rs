//! What a scan did not look at, and what `-v`/`-vv` tell (issue 6, items 5 and 23).

use std::path::Path;
use std::process::Command;

use crate::files::{json, secret_line};
use crate::{palisade, stderr};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A tree with files left out by each kind of ignore file.
fn ignored_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, ".git/info/exclude", "local.txt\n");
    write(d, ".gitignore", "build/\n*.log\n");
    write(d, ".palisadeignore", "fixtures/\n");
    write(d, "app.py", "x = 1\n");
    write(d, "build/out.txt", "x\n");
    write(d, "a.log", "x\n");
    write(d, "b.log", "x\n");
    write(d, "fixtures/f.txt", "x\n");
    write(d, "local.txt", "x\n");
    dir
}

#[test]
fn issue6_05_ignored_files_are_counted_by_reason() {
    let dir = ignored_tree();
    let d = dir.path();
    let out = palisade(&["scan", "--no-progress", "-f", "json"], d);
    let report = json(&out);
    assert_eq!(
        report["coverage"]["ignored"],
        serde_json::json!([
            {"source": ".gitignore", "files": 2, "folders": 1},
            {"source": ".palisadeignore", "files": 0, "folders": 1},
            {"source": "info/exclude", "files": 1, "folders": 0},
        ])
    );
    // Counted, not listed one by one...
    let listed = |r: &serde_json::Value| {
        r["coverage"]["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["reason"] == "ignored")
            .map(|s| s["path"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(listed(&report).is_empty());
    // ... unless -v.
    let out = palisade(&["scan", "--no-progress", "-f", "json", "-v"], d);
    assert_eq!(
        listed(&json(&out)),
        ["a.log", "b.log", "build/", "fixtures/", "local.txt"]
    );
    // The terminal summary says how many were left out.
    let out = palisade(&["scan", "--no-progress"], d);
    let summary = crate::stdout(&out);
    assert!(summary.contains("3 files scanned, 5 ignored"), "{summary}");
    // --no-ignore: nothing is ignored, so nothing is counted.
    let out = palisade(&["scan", "--no-progress", "-f", "json", "--no-ignore"], d);
    assert!(json(&out)["coverage"].get("ignored").is_none());
}

#[test]
fn issue6_23_verbose_logs_tell_what_happened_without_colour_off_a_terminal() {
    let dir = ignored_tree();
    let d = dir.path();
    write(d, "palisade.toml", "[scan]\nexclude = [\"*.py\"]\n");
    write(
        d,
        "secret.env",
        &secret_line("PaLiSaDeTeStToKeNvErBoSe123456"),
    );
    let out = palisade(&["scan", "--no-progress", "-v"], d);
    let err = stderr(&out);
    for needle in [
        "config file: palisade.toml",
        "project root: ",
        "discovery: 4 files to scan; skipped: 1 excluded; ignored: 3 by .gitignore (2 files, 1 folders)",
        "scanner secrets: 4 files",
        "gate failed: 1 active",
    ] {
        assert!(err.contains(needle), "{needle:?} not in:\n{err}");
    }
    // The token is never logged, in any form.
    palisade_test_support::assert_no_part_of(
        &err,
        &palisade_test_support::gh_token("PaLiSaDeTeStToKeNvErBoSe123456"),
    );
    assert!(!err.contains("DEBUG"), "{err}");
    assert!(
        !err.contains('\x1b'),
        "no colour when stderr is not a terminal: {err:?}"
    );
    // -vv: every file and ignore file, and the time each stage took.
    let out = palisade(&["scan", "--no-progress", "-vv"], d);
    let err = stderr(&out);
    for needle in [
        "to scan: secret.env",
        "skipped: app.py (excluded)",
        "ignore file .gitignore: 2 patterns",
        "scanners built",
    ] {
        assert!(err.contains(needle), "{needle:?} not in:\n{err}");
    }
    // --color always colours the logs too; NO_COLOR with auto does not.
    let out = palisade(&["scan", "--no-progress", "-v", "--color", "always"], d);
    assert!(stderr(&out).contains('\x1b'), "{}", stderr(&out));
    let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(["scan", "--no-progress", "-v"])
        .current_dir(d)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stderr(&out).contains('\x1b'));
}
