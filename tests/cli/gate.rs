//! Issue 6, "the gate never fails open": a closed output keeps the gate's exit code, an
//! empty scanner list is a config error and a duplicated one runs once, "not a git
//! repository" is a usage error, `--exit-zero`, and shallow clones in `--git-history`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::usage::{secret_line, write};
use crate::{commit_all, git, incompressible_text, palisade, stderr, stdout};

fn bin(args: &[&str], cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_palisade"));
    cmd.args(args)
        .current_dir(cwd)
        .env_remove("PALISADE_LOG")
        .env("NO_COLOR", "1");
    cmd
}

/// Run like `palisade ARGS | head -1`: stdout is a pipe whose reader reads one line and then
/// goes away while palisade is still writing. Returns the exit code and stderr.
fn closed_after_one_line(args: &[&str], cwd: &Path) -> (Option<i32>, String) {
    let mut child = bin(args, cwd)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    (out.status.code(), stderr(&out))
}

/// Run with stdout, and stderr too when `stderr_too`, going to a pipe whose reader is closed
/// before palisade starts: every write to it fails with a broken pipe.
fn closed_from_the_start(args: &[&str], cwd: &Path, stderr_too: bool) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut cmd = bin(args, cwd);
    if stderr_too {
        cmd.stdout(writer.try_clone().unwrap()).stderr(writer);
    } else {
        cmd.stdout(writer).stderr(Stdio::piped());
    }
    cmd.output().unwrap()
}

/// A distinct GitHub-format token with a valid checksum for each `i`.
fn token(i: u64) -> String {
    // splitmix64: distinct, well-spread tails.
    let mut z = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    palisade_test_support::gh_token(&format!("PaLiSaDeTeStToKeN{:0>13}", z % 10_000_000_000_000))
}

/// `n` files with a distinct secret each: a report far larger than a pipe buffer (64 KiB).
fn many_secrets(d: &Path, n: u64) {
    for i in 0..n {
        write(
            d,
            &format!("secrets/{i:04}.env"),
            &format!("GITHUB_TOKEN={}\n", token(i)),
        );
    }
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(out)))
}

/// A repository with many secrets in history and one unreadable blob: `--git-history`
/// fails closed (exit code 3) but still reports the findings of every readable blob.
fn repo_with_unreadable_blob(d: &Path) {
    git(d, &["init", "-q"]);
    many_secrets(d, 500);
    write(d, "big.txt", &incompressible_text());
    commit_all(d, "one");
    let id = Command::new("git")
        .args(["rev-parse", "HEAD:big.txt"])
        .current_dir(d)
        .output()
        .unwrap();
    let id = String::from_utf8(id.stdout).unwrap().trim().to_owned();
    let object = d.join(".git/objects").join(&id[..2]).join(&id[2..]);
    let mut perms = std::fs::metadata(&object).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&object, perms).unwrap();
    let len = std::fs::metadata(&object).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&object)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
}

/// Nothing about the closed pipe is reported: the reader went away on purpose.
fn assert_quiet(err: &str) {
    assert!(
        !err.contains("Broken pipe") && !err.contains("error") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn issue6_01_closed_stdout_keeps_gate_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    many_secrets(d, 800);
    let full = palisade(&["scan", ".", "--no-progress"], d);
    assert_eq!(full.status.code(), Some(1), "{}", stderr(&full));
    assert!(
        full.stdout.len() > 2 * 65536,
        "the report must be larger than a pipe buffer"
    );
    for format in ["terminal", "json", "sarif", "junit"] {
        let (code, err) =
            closed_after_one_line(&["scan", ".", "--no-progress", "--format", format], d);
        assert_eq!(code, Some(1), "{format}: {err}");
        assert_quiet(&err);
    }
    let out = closed_from_the_start(&["scan", ".", "--no-progress"], d, true);
    assert_eq!(out.status.code(), Some(1));
    // A report file that is the closed pipe, and a summary on a closed stderr.
    #[cfg(target_os = "linux")]
    {
        let (code, err) = closed_after_one_line(
            &[
                "scan",
                ".",
                "--no-progress",
                "-f",
                "json",
                "-o",
                "/dev/stdout",
            ],
            d,
        );
        assert_eq!(code, Some(1), "{err}");
        assert_quiet(&err);
    }
    let out = closed_from_the_start(
        &["scan", ".", "--no-progress", "-o", "report.json"],
        d,
        true,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(d.join("report.json").is_file());
}

#[test]
fn issue6_01_closed_stdout_keeps_scanner_failure_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    repo_with_unreadable_blob(d);
    let full = palisade(&["scan", ".", "--git-history", "--no-progress"], d);
    assert_eq!(full.status.code(), Some(3), "{}", stderr(&full));
    assert!(full.stdout.len() > 2 * 65536, "{}", stdout(&full));
    for format in ["terminal", "json"] {
        let args = ["scan", ".", "--git-history", "--no-progress", "-f", format];
        let (code, err) = closed_after_one_line(&args, d);
        assert_eq!(code, Some(3), "{format}: {err}");
        assert_quiet(&err);
    }
    let out = closed_from_the_start(&["scan", ".", "--git-history", "--no-progress"], d, true);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn issue6_01_closed_stdout_keeps_usage_error_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    many_secrets(d, 10);
    write(d, "bad/palisade.toml", "[scan]\nfail-on = \"severe\"\n");
    let cases: [&[&str]; 4] = [
        &["scan", ".", "--scanners", "bogus"],
        &["scan", ".", "--fail-on", "bogus"],
        &["scan", ".", "--config", "bad/palisade.toml"],
        &["scan", "does-not-exist"],
    ];
    for args in cases {
        let (code, err) = closed_after_one_line(args, d);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains("error"), "{args:?}: {err}");
        // The error message itself goes to a closed stderr: still exit code 2, no panic.
        let out = closed_from_the_start(args, d, true);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn issue6_01_commands_without_a_gate_exit_zero_on_closed_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    many_secrets(d, 10);
    let cases: [&[&str]; 4] = [
        &["rules"],
        &["rules", "--format", "json"],
        &["explain", "github-personal-access-token"],
        &["baseline", "create", "-o", "base.json", "--force"],
    ];
    for args in cases {
        let (code, err) = closed_after_one_line(args, d);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert_quiet(&err);
        let out = closed_from_the_start(args, d, true);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
    assert!(d.join("base.json").is_file());
}

#[test]
fn issue6_03_empty_scanner_list_is_a_config_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "deploy.sh", &secret_line());
    write(
        d,
        "palisade.toml",
        "[scan]\nfail-on = \"high\"\nscanners = []\n",
    );
    let out = palisade(&["scan", ".", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("palisade.toml:3"), "{err}");
    assert!(err.contains("scan.scanners is empty"), "{err}");
    assert!(stdout(&out).is_empty());
    // --scanners overrides the config's list, but the config is still invalid.
    let out = palisade(&["scan", ".", "--no-progress", "--scanners", "secrets"], d);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn issue6_03_duplicated_scanners_run_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "deploy.sh", &secret_line());
    let check = |out: &Output| {
        assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
        let v = json(out);
        assert_eq!(v["scanners"].as_array().unwrap().len(), 1, "{v}");
        assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    };
    check(&palisade(
        &[
            "scan",
            ".",
            "--no-progress",
            "-f",
            "json",
            "--scanners",
            "secrets,secrets",
        ],
        d,
    ));
    check(&palisade(
        &[
            "scan",
            ".",
            "--no-progress",
            "-f",
            "json",
            "--scanners",
            "secrets",
            "--scanners",
            "secrets",
        ],
        d,
    ));
    write(
        d,
        "palisade.toml",
        "[scan]\nscanners = [\"secrets\", \"secrets\"]\n",
    );
    check(&palisade(&["scan", ".", "--no-progress", "-f", "json"], d));
}

#[test]
fn issue6_06_not_a_repository_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "deploy.sh", &secret_line());
    let shown = d.canonicalize().unwrap().display().to_string();
    for flag in ["--staged", "--git-history"] {
        let out = palisade(&["scan", ".", flag, "--no-progress"], d);
        assert_eq!(out.status.code(), Some(2), "{flag}: {}", stdout(&out));
        assert!(
            stdout(&out).is_empty(),
            "nothing is scanned: {}",
            stdout(&out)
        );
        assert_eq!(
            stderr(&out),
            format!("error: {flag} needs a git repository: {shown} is not inside one\n")
        );
    }
    let out = palisade(&["baseline", "create", "--git-history"], d);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("error: --git-history needs a git repository: {shown} is not inside one\n")
    );
    assert!(!d.join("palisade-baseline.json").exists());
}

#[test]
fn issue6_06_missing_files_are_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "deploy.sh", &secret_line());
    let cases: [(&[&str], &str); 5] = [
        (&["scan", "missing-dir"], "missing-dir"),
        (&["scan", ".", "--config", "missing.toml"], "missing.toml"),
        (&["scan", ".", "--baseline", "missing.json"], "missing.json"),
        (&["scan", ".", "-o", "missing/report.json"], "missing"),
        (&["baseline", "create", "-o", "missing/b.json"], "missing"),
    ];
    for (args, path) in cases {
        let out = palisade(args, d);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.starts_with("error: ") && err.contains(path), "{err}");
        assert!(
            err.matches("os error").count() <= 1
                && err.matches("No such file or directory").count() <= 1,
            "{err}"
        );
        assert!(!err.contains("NotFound"), "{err}");
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}

#[test]
fn issue6_06_git_errors_show_no_raw_enum_names() {
    // A repository whose HEAD is garbage is a broken repository, not a missing one: the
    // scanner fails (exit code 3), and the message is plain.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "a.txt", "a\n");
    commit_all(d, "one");
    std::fs::write(d.join(".git/HEAD"), "garbage\n").unwrap();
    let out = palisade(&["scan", ".", "--git-history", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        !text.contains("NotFound") && !text.contains("Corruption"),
        "{text}"
    );
}

#[test]
fn issue6_19_exit_zero_reports_findings_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "deploy.sh", &secret_line());
    let out = palisade(
        &["scan", ".", "--no-progress", "--exit-zero", "-f", "json"],
        d,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["gate"]["status"], "failed",
        "the report keeps the verdict"
    );
    let out = palisade(&["scan", ".", "--no-progress", "--exit-zero"], d);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("github"), "{}", stdout(&out));
    many_secrets(d, 500);
    let (code, err) = closed_after_one_line(&["scan", ".", "--no-progress", "--exit-zero"], d);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn issue6_19_exit_zero_keeps_exit_codes_2_and_3() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = palisade(&["scan", ".", "--exit-zero", "--scanners", "bogus"], d);
    assert_eq!(out.status.code(), Some(2));
    let out = palisade(&["scan", ".", "--exit-zero", "--git-history"], d);
    assert_eq!(out.status.code(), Some(2), "not a repository");
    repo_with_unreadable_blob(d);
    let out = palisade(
        &[
            "scan",
            ".",
            "--exit-zero",
            "--git-history",
            "--no-progress",
            "-f",
            "json",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(!json(&out)["findings"].as_array().unwrap().is_empty());
}

/// `src`: a repository whose first commit holds a secret that a later commit removes;
/// `shallow`: a `--depth 1` clone of it, which does not have that commit.
fn shallow_clone(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let src = root.join("src");
    std::fs::create_dir(&src).unwrap();
    git(&src, &["init", "-q"]);
    write(&src, "deploy.sh", &secret_line());
    commit_all(&src, "add deploy script");
    write(&src, "deploy.sh", "echo no secret here\n");
    commit_all(&src, "remove the secret");
    write(&src, "README.md", "hello\n");
    commit_all(&src, "readme");
    let url = format!("file://{}", src.display());
    git(root, &["clone", "-q", "--depth", "1", &url, "shallow"]);
    (src, root.join("shallow"))
}

fn history_json(d: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["scan", ".", "--git-history", "--no-progress", "-f", "json"];
    args.extend_from_slice(extra);
    palisade(&args, d)
}

#[test]
fn issue6_02_shallow_clone_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (src, shallow) = shallow_clone(dir.path());

    let out = history_json(&shallow, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(
        v["coverage"]["git"],
        serde_json::json!({"shallow": true, "commits": 1})
    );
    let diags: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "git-shallow")
        .collect();
    assert_eq!(diags.len(), 1, "{v}");
    assert_eq!(diags[0]["level"], "warning");
    let msg = diags[0]["message"].as_str().unwrap();
    for hint in [
        "fetch-depth: 0",
        "GIT_DEPTH: 0",
        "git fetch --unshallow",
        "fail-on-shallow",
    ] {
        assert!(msg.contains(hint), "{msg}");
    }
    let schema = crate::workspace_root().join("crates/palisade-report/report.schema.json");
    let errors = crate::schema_errors(&schema, jsonschema::Draft::Draft202012, &v);
    assert!(errors.is_empty(), "{errors:?}");
    // The terminal shows the warning too.
    let out = palisade(&["scan", ".", "--git-history", "--no-progress"], &shallow);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("git-shallow"), "{text}");

    // The full history: the secret of the first commit is found, nothing is shallow.
    let out = history_json(&src, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(
        v["coverage"]["git"],
        serde_json::json!({"shallow": false, "commits": 3})
    );
    assert!(
        !v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "git-shallow")
    );
    // No git coverage outside history mode.
    let out = palisade(&["scan", ".", "--no-progress", "-f", "json"], &shallow);
    assert!(json(&out)["coverage"].get("git").is_none());
}

#[test]
fn issue6_02_fail_on_shallow_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    let (src, shallow) = shallow_clone(dir.path());
    let check = |out: &Output| {
        assert_eq!(out.status.code(), Some(3), "{}", stderr(out));
        let v = json(out);
        assert_eq!(v["scanners"][0]["status"], "failed");
        let error = v["scanners"][0]["error"].as_str().unwrap();
        assert!(error.contains("shallow"), "{error}");
        assert_eq!(v["gate"]["status"], "error");
        assert_eq!(v["coverage"]["git"]["shallow"], true);
    };
    check(&history_json(&shallow, &["--fail-on-shallow"]));
    write(
        &shallow,
        "palisade.toml",
        "[scan]\nfail-on-shallow = true\n",
    );
    check(&history_json(&shallow, &[]));
    // --exit-zero does not hide it.
    check(&history_json(&shallow, &["--exit-zero"]));
    // A full history is not shallow: the gate decides on the findings.
    let out = history_json(&src, &["--fail-on-shallow"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // Other modes have no history to be shallow.
    std::fs::remove_file(shallow.join("palisade.toml")).unwrap();
    let out = palisade(
        &["scan", ".", "--no-progress", "--fail-on-shallow"],
        &shallow,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
