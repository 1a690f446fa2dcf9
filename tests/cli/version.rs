//! `palisade version cmp`: one comparison, or many from standard input.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::{palisade, stderr, stdout};

#[test]
fn cmp_prints_the_ordering_under_the_ecosystems_rules() {
    let d = std::env::temp_dir();
    for (eco, a, b, want) in [
        ("Debian", "1.0~rc1", "1.0", "<"),
        ("PyPI", "1.0-1", "1.0.post1", "="),
        ("Maven", "1.0-SNAPSHOT", "1.0", "<"),
        ("Go", "v2.0.0+incompatible", "v1.9.0", ">"),
        ("AlmaLinux:9", "1:1.0", "2.0", ">"),
        ("npm", "1.0.0-beta.11", "1.0.0-beta.2", ">"),
    ] {
        let out = palisade(&["version", "cmp", eco, a, b], &d);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out), format!("{want}\n"), "{eco} {a} {b}");
    }
}

#[test]
fn cmp_rejects_unknown_ecosystems_and_invalid_versions_with_exit_2() {
    let d = std::env::temp_dir();
    let out = palisade(&["version", "cmp", "Cargo\u{1b}[31m", "1", "2"], &d);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown ecosystem `Cargo\\x1b[31m`"), "{err}");
    assert!(err.contains("crates.io"), "{err}");
    assert!(stdout(&out).is_empty());
    let out = palisade(&["version", "cmp", "PyPI", "1.0", "banana"], &d);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid PyPI version \"banana\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn cmp_stdin_answers_one_line_per_line() {
    let bin = env!("CARGO_BIN_EXE_palisade");
    let mut child = Command::new(bin)
        .args(["version", "cmp", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = "npm 1.0.0 2.0.0\nRocky Linux:9  1.0-1   1.0-1\n\nfoo 1 2\nPyPI 1.0\n\
                 RubyGems 1.0.a 1.0\n"
        .to_owned()
        + &"x".repeat(10_000)
        + "\nNuGet 1.0.0-Alpha 1.0.0-alpha\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "one line was invalid");
    assert_eq!(stdout(&out), "<\n=\n\n?\n?\n<\n?\n=\n");
    let err = stderr(&out);
    assert!(err.contains("stdin:4: unknown ecosystem `foo`"), "{err}");
    assert!(err.contains("stdin:5: expected `ECOSYSTEM A B`"), "{err}");
    assert!(err.contains("stdin:7: longer than 4096 bytes"), "{err}");
}

#[test]
fn explain_prints_an_advisory_from_the_database_or_the_local_advisories() {
    // The demo's local advisories (named by demo/palisade.toml) need no database.
    let out = palisade(&["explain", "CVE-2021-23337"], &crate::demo_dir());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("# CVE-2021-23337\n"), "{text}");
    assert!(text.contains("affected: npm lodash (SEMVER: introduced 0, fixed 4.17.21)"));
    // By alias too.
    let out = palisade(&["explain", "GHSA-35jh-r3h4-6jhm"], &crate::demo_dir());
    assert!(stdout(&out).contains("# CVE-2021-23337"));
    // Unknown: a plain error naming what is missing.
    let out = palisade(&["explain", "CVE-1999-0001"], &std::env::temp_dir());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("neither a rule nor an advisory"),
        "{}",
        stderr(&out)
    );
}
