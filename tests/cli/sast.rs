//! The SAST scanner end to end: custom rules from palisade.toml, configuration errors,
//! `--changed-since`.

use crate::{git, palisade, stderr, stdout};

fn write(dir: &std::path::Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const SHELL: &str = "import subprocess\nsubprocess.run(cmd, shell=True)\n";

#[test]
fn issue10_changed_since_scans_only_files_that_differ_from_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(d, "old.py", SHELL);
    write(d, "edited.py", SHELL);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    write(d, "edited.py", &format!("{SHELL}# touched\n"));
    write(d, "src/new.py", SHELL);
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "sast",
            "--changed-since",
            "main",
            "--no-progress",
            "-f",
            "json",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["location"]["path"].as_str().unwrap())
        .collect();
    paths.sort_unstable();
    assert_eq!(paths, ["edited.py", "src/new.py"]);
    let notes = report["diagnostics"].to_string();
    assert!(notes.contains("2 of 3 files differ"), "{notes}");
    // A revision that is not a commit is a usage error.
    let out = palisade(&["scan", ".", "--changed-since", "no-such-branch"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-branch"), "{}", stderr(&out));
}

#[test]
fn issue10_custom_rules_load_from_the_config_and_bad_ones_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "palisade.toml",
        "[sast]\nrules = [\"rules\"]\ndisable = [\"py-subprocess-shell\"]\n",
    );
    write(
        d,
        "rules/no-print.yaml",
        "id: acme-no-print\nlanguage: python\ntitle: print in library code\nseverity: low\ncwe: [CWE-532]\nmessage: \"print of $X\"\ndescription: d\nremediation: r\nmatch: print($X)\n",
    );
    write(d, "app.py", &format!("{SHELL}print(token)\n"));
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "sast",
            "--no-progress",
            "-f",
            "json",
        ],
        d,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["acme-no-print"], "{}", stderr(&out));
    assert_eq!(report["findings"][0]["message"], "print of token");
    write(d, "rules/broken.yaml", "id: acme-broken\nlanguage: cobol\n");
    let out = palisade(&["scan", ".", "--scanners", "sast", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("broken.yaml:2") && err.contains("unknown language `cobol`"),
        "{err}"
    );
}

#[test]
fn issue10_fix_shows_a_diff_and_writes_only_with_write() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "palisade.toml", "[sast]\nrules = [\"rules\"]\n");
    write(
        d,
        "rules/safe-load.yaml",
        "id: acme-yaml-load\nlanguage: python\ntitle: t\nseverity: high\ncwe: [CWE-502]\nmessage: m\ndescription: d\nremediation: r\nmatch: yaml.load($X)\nfix: yaml.safe_load($X)\n",
    );
    let token = palisade_test_support::gh_token("fixfixfixfixfixfixfixfixfixfix");
    let code = format!(
        "import yaml\ncfg = yaml.load(open(p).read())\nauth = (\"{token}\", yaml.load(s))\n"
    );
    write(d, "app.py", &code);
    let out = palisade(&["fix", "."], d);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(diff.contains("--- a/app.py\n+++ b/app.py\n"), "{diff}");
    assert!(
        diff.contains("-cfg = yaml.load(open(p).read())\n+cfg = yaml.safe_load(open(p).read())\n"),
        "{diff}"
    );
    assert!(
        diff.contains("<line 3 holds a secret: not shown>"),
        "{diff}"
    );
    palisade_test_support::assert_no_part_of(&diff, &token);
    assert!(
        stderr(&out).contains("2 fixes in 1 file;"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("app.py")).unwrap(),
        code,
        "not written without --write"
    );
    let out = palisade(&["fix", ".", "--write"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(d.join("app.py")).unwrap();
    assert!(
        fixed.contains("cfg = yaml.safe_load(open(p).read())"),
        "{fixed}"
    );
    assert!(fixed.contains("yaml.safe_load(s))"), "{fixed}");
    let out = palisade(&["fix", "."], d);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).is_empty());
}

#[test]
fn issue10_fix_honours_changed_since_and_trace_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(d, "palisade.toml", "[sast]\nrules = [\"rules\"]\n");
    write(
        d,
        "rules/safe-load.yaml",
        "id: acme-yaml-load\nlanguage: python\ntitle: t\nseverity: high\ncwe: [CWE-502]\nmessage: m\ndescription: d\nremediation: r\nmatch: yaml.load($X)\nfix: yaml.safe_load($X)\n",
    );
    write(d, "old.py", "import yaml\nyaml.load(a)\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    write(d, "new.py", "import yaml\nyaml.load(b)\n");
    let out = palisade(&["fix", ".", "--changed-since", "main"], d);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(
        diff.contains("+++ b/new.py") && !diff.contains("old.py"),
        "{diff}"
    );
    let out = palisade(&["trace", ".", "--changed-since", "main"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--changed-since does not apply"),
        "{}",
        stderr(&out)
    );
}

/// A SAST finding in the terminal: the line with its string literals and comments hidden,
/// the match marked, and the data flow's steps in the same file shown by line and column
/// even when the scan runs from a subfolder (paths are shown relative to it).
#[test]
fn issue10_terminal_shows_a_redacted_snippet_and_the_flow_from_a_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(
        d,
        "svc/app.py",
        "import subprocess\nfrom flask import request\n\ndef ping():\n    host = request.args.get(\"host\")\n    subprocess.run(\"ping -c1 hunter2 \" + host, shell=True)  # pw: hunter2\n",
    );
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "sast",
            "--no-progress",
            "--color",
            "never",
        ],
        &d.join("svc"),
    );
    let text = stdout(&out);
    assert!(!text.contains("hunter2"), "{text}");
    assert!(
        text.contains(" 6 |     subprocess.run(<string> + host, shell=True)  …"),
        "{text}"
    );
    assert!(text.contains("--> app.py:6:5"), "{text}");
    assert!(text.contains("1. 5:12 source: request.args"), "{text}");
}

#[test]
fn issue10_a_file_padded_past_the_size_cap_fails_the_gate_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A command injection hidden behind 3 KB of comment, with a 1 KB SAST cap.
    let padded = format!("{SHELL}#{}\n", "x".repeat(3000));
    write(d, "app.py", &padded);
    write(d, "palisade.toml", "[sast]\nmax-file-size = \"1KB\"\n");
    let args = [
        "scan",
        ".",
        "--scanners",
        "sast",
        "--no-progress",
        "--color",
        "never",
    ];
    let out = palisade(&args, d);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(
        text.contains("1 source file not fully analysed by SAST: app.py ([gate] fail-on-partial)"),
        "{text}"
    );
    // Turned off, the file is still reported, as a warning, and the gate passes.
    write(
        d,
        "palisade.toml",
        "[sast]\nmax-file-size = \"1KB\"\n[gate]\nfail-on-partial = false\n",
    );
    let out = palisade(&args, d);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("sast-partial"), "{text}");
    // Below the cap the finding itself fails the gate, and nothing is partial.
    write(d, "palisade.toml", "");
    let out = palisade(&args, d);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(!text.contains("sast-partial"), "{text}");
    assert!(text.contains("py-subprocess-shell"), "{text}");
}
