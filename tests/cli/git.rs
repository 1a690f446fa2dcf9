//! Git modes: --staged and --git-history, fingerprints across modes, corrupt repositories.

use crate::usage::{secret_line, write};
use crate::{git, palisade, stderr};

fn findings(out: &std::process::Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(out)));
    v["findings"].as_array().unwrap().clone()
}

#[test]
fn staged_scans_exactly_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "README.md", "hello\n");
    git(d, &["add", "README.md"]);
    git(d, &["commit", "-qm", "init"]);
    // Staged: the secret. Working tree: the secret removed again (not staged).
    write(d, "deploy.sh", &secret_line());
    git(d, &["add", "deploy.sh"]);
    write(d, "deploy.sh", "echo clean\n");
    write(d, "unstaged.sh", &secret_line());
    let out = palisade(
        &["scan", ".", "--staged", "--no-progress", "--format", "json"],
        d,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let f = findings(&out);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["location"]["path"], "deploy.sh");

    // Same fingerprint as a directory scan of the same content.
    write(d, "deploy.sh", &secret_line());
    let dir_out = palisade(&["scan", ".", "--no-progress", "--format", "json"], d);
    let df = findings(&dir_out);
    assert_eq!(df[0]["fingerprint"], f[0]["fingerprint"]);
}

#[test]
fn history_reports_first_introduction() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "app.py", "print(1)\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "first"]);
    write(
        d,
        "config/deploy.sh",
        &format!("#!/bin/sh\n{}", secret_line()),
    );
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "add deploy script"]);
    write(d, "config/deploy.sh", "#!/bin/sh\necho no secret here\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "remove secret"]);

    let out = palisade(&["scan", ".", "--no-progress", "--format", "json"], d);
    assert_eq!(out.status.code(), Some(0), "working tree is clean");

    let out = palisade(
        &[
            "scan",
            ".",
            "--git-history",
            "--no-progress",
            "--format",
            "json",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let f = findings(&out);
    assert_eq!(f.len(), 1);
    let loc = &f[0]["location"];
    assert_eq!(loc["path"], "config/deploy.sh");
    assert_eq!(loc["start_line"], 2);
    assert_eq!(loc["commit"]["author"], "Ada Lovelace");
    assert_eq!(loc["commit"]["date"], "2024-03-01T12:00:00Z");
    assert_eq!(loc["commit"]["id"].as_str().unwrap().len(), 40);

    // The fingerprint equals the directory-mode one for the same secret.
    write(d, "other.sh", &secret_line());
    let dir_out = palisade(&["scan", ".", "--no-progress", "--format", "json"], d);
    assert_eq!(findings(&dir_out)[0]["fingerprint"], f[0]["fingerprint"]);
}

#[test]
fn corrupt_repository_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "a.txt", "a\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "one"]);
    std::fs::write(d.join(".git/HEAD"), "garbage\n").unwrap();
    std::fs::write(
        d.join(".git/refs/heads/main"),
        "0123456789012345678901234567890123456789\n",
    )
    .unwrap();
    let out = palisade(&["scan", ".", "--git-history", "--no-progress"], d);
    assert_eq!(
        out.status.code(),
        Some(3),
        "stdout: {}\nstderr: {}",
        crate::stdout(&out),
        stderr(&out)
    );
}

#[test]
fn not_a_repository_is_a_usage_error() {
    // Issue 6 item 6: exit code 2 before scanning, not a scanner failure (3); see gate.rs.
    let dir = tempfile::tempdir().unwrap();
    let out = palisade(&["scan", ".", "--staged", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn staged_file_over_the_size_cap_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "palisade.toml", "[scan]\nmax-file-size = \"1KiB\"\n");
    write(d, "big.txt", &"x".repeat(4096));
    write(d, "small.sh", &secret_line());
    git(d, &["add", "."]);
    let out = palisade(
        &["scan", ".", "--staged", "--no-progress", "--format", "json"],
        d,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["coverage"]["skipped"][0]["path"], "big.txt");
    assert_eq!(v["coverage"]["skipped"][0]["reason"], "too-large");
    assert_eq!(v["diagnostics"][0]["code"], "file-too-large");
}
