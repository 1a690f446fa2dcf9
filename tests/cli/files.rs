//! What a scan target or a file in it can be: names that are not UTF-8 or hold control
//! characters, named pipes, devices, stdin and process substitution, streams longer than the
//! size cap (issue 5).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use palisade_test_support::gh_token;
#[cfg(unix)]
use palisade_test_support::mkfifo;

use crate::{palisade, stderr, stdout};

pub(crate) fn secret_line(body: &str) -> String {
    format!("GITHUB_TOKEN = \"{}\"\n", gh_token(body))
}

pub(crate) fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(out), stderr(out)))
}

pub(crate) fn finding_paths(report: &Value) -> Vec<String> {
    let mut paths: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["location"]["path"].as_str().unwrap().to_owned())
        .collect();
    paths.sort();
    paths
}

pub(crate) fn skipped(report: &Value) -> Vec<(String, String)> {
    report["coverage"]["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_owned(),
                s["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pair(path: &str, reason: &str) -> (String, String) {
    (path.to_owned(), reason.to_owned())
}

/// `palisade ARGS` with `input` on its stdin.
pub(crate) fn palisade_with_stdin(args: &[&str], cwd: &Path, input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(args)
        .current_dir(cwd)
        .env_remove("PALISADE_LOG")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_owned();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

/// `bash -c SCRIPT` with the palisade binary as `$0` and `SECRET` in the environment.
fn bash(script: &str, cwd: &Path, secret: &str) -> Output {
    Command::new("bash")
        .args(["-c", script, env!("CARGO_BIN_EXE_palisade")])
        .current_dir(cwd)
        .env_remove("PALISADE_LOG")
        .env("NO_COLOR", "1")
        .env("SECRET", secret)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn issue5_09_names_that_are_not_utf8_are_reported_apart_and_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let files: [(&[u8], &str); 3] = [
        (b"cred\xff.env", "PaLiSaDeTeStToKeNnAmEfF0123456"),
        (b"cred\xfe.env", "PaLiSaDeTeStToKeNnAmEfE0123456"),
        (b"x\x1b[31m.env", "PaLiSaDeTeStToKeNnAmEeSc012345"),
    ];
    for (name, body) in files {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, secret_line(body)).unwrap();
    }
    let out = palisade(
        &["scan", ".", "--no-progress", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!out.stdout.contains(&0x1b), "raw ESC in the JSON report");
    let report = json(&out);
    assert_eq!(
        finding_paths(&report),
        ["cred\\xfe.env", "cred\\xff.env", "x\\x1b[31m.env"]
    );
    assert_eq!(report["coverage"]["files_scanned"], 3);

    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!out.stdout.contains(&0x1b), "raw ESC on the terminal");
    let text = stdout(&out);
    for shown in ["cred\\xfe.env", "cred\\xff.env", "x\\x1b[31m.env"] {
        assert!(text.contains(shown), "{shown} missing from:\n{text}");
    }
}

#[cfg(unix)]
#[test]
fn issue5_10_special_files_in_a_tree_are_listed_as_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("app.env"),
        secret_line("PaLiSaDeTeStToKeNtReE012345678"),
    )
    .unwrap();
    mkfifo(&dir.path().join("pipe"));
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("sock")).unwrap();
    let out = palisade(
        &["scan", ".", "--no-progress", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(finding_paths(&report), ["app.env"]);
    assert_eq!(
        skipped(&report),
        [pair("pipe", "special-file"), pair("sock", "special-file")]
    );
}

#[cfg(unix)]
#[test]
fn issue5_10_stdin_as_the_target_is_read_as_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let line = secret_line("PaLiSaDeTeStToKeNsTdIn01234567");
    let out = palisade_with_stdin(
        &["scan", "/dev/stdin", "--no-progress", "--format", "json"],
        dir.path(),
        line.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(finding_paths(&report), ["stdin"]);
    assert_eq!(report["coverage"]["files_scanned"], 1);
}

#[cfg(unix)]
#[test]
fn issue5_10_process_substitution_as_the_target_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let line = secret_line("PaLiSaDeTeStToKeNpRoCsUb012345");
    let out = bash(
        r#""$0" scan <(printf '%s' "$SECRET") --no-progress --format json"#,
        dir.path(),
        &line,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(json(&out)["coverage"]["files_scanned"], 1);
}

#[cfg(unix)]
#[test]
fn issue5_10_a_named_pipe_as_the_target_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("in.env");
    mkfifo(&fifo);
    let line = secret_line("PaLiSaDeTeStToKeNfIfO012345678");
    let writer = {
        let fifo = fifo.clone();
        // Waits in `open` until palisade opens the pipe for reading.
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            f.write_all(line.as_bytes()).unwrap();
        })
    };
    let out = palisade(
        &["scan", "in.env", "--no-progress", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(finding_paths(&json(&out)), ["in.env"]);
    writer.join().unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn issue5_10_dev_zero_as_the_target_is_not_a_silent_pass() {
    let dir = tempfile::tempdir().unwrap();
    let out = palisade(
        &["scan", "/dev/zero", "--no-progress", "--format", "json"],
        dir.path(),
    );
    let report = json(&out);
    assert_eq!(report["coverage"]["files_scanned"], 0);
    // Its first bytes are NUL: binary, read no further than the first chunk.
    assert_eq!(skipped(&report), [pair("zero", "binary")]);
}

#[cfg(unix)]
#[test]
fn issue5_10_an_endless_stream_stops_at_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("palisade.toml"),
        "[scan]\nmax-file-size = \"64KiB\"\n",
    )
    .unwrap();
    let line = secret_line("PaLiSaDeTeStToKeNeNdLeSs012345");
    let out = bash(
        r#"{ printf '%s' "$SECRET"; yes; } | "$0" scan /dev/stdin --config palisade.toml --no-progress --format json"#,
        dir.path(),
        &line,
    );
    // What was read is reported, and the rest is not passed over silently.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(finding_paths(&report), ["stdin"]);
    assert_eq!(skipped(&report), [pair("stdin", "too-large")]);
    assert_eq!(report["coverage"]["bytes_scanned"], 64 * 1024);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics
            .iter()
            .any(|d| d["code"] == "file-too-large" && d["path"] == "stdin"),
        "{diagnostics:?}"
    );
}

#[test]
fn issue6_04_a_utf16_powershell_profile_is_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let token = gh_token("PaLiSaDeClIuTf16Q7mZ2vK9pL4wR8");
    let mut raw = vec![0xFF, 0xFE];
    for u in format!("# profile\r\n$env:GH = \"{token}\"\r\n").encode_utf16() {
        raw.extend(u.to_le_bytes());
    }
    std::fs::write(dir.path().join("profile.ps1"), &raw).unwrap();
    let out = palisade(&["scan", ".", "--no-progress", "-f", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(finding_paths(&report), ["profile.ps1"]);
    assert_eq!(report["findings"][0]["location"]["start_line"], 2);
    assert_eq!(report["findings"][0]["location"]["start_column"], 12);
    assert_eq!(report["coverage"]["bytes_scanned"], raw.len() as u64);
}
