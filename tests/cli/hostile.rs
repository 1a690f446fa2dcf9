//! Issue 5: hostile input to the CLI's own files (config, baseline, output) never leaks a
//! secret, never hangs, stays bounded, and never leaves half a report.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

#[cfg(unix)]
use palisade_test_support::mkfifo;

use palisade_test_support::assert_no_part_of;

use crate::usage::{gh_token, secret_line, write};
use crate::{palisade, stderr};

/// Run palisade with stdin closed; kill it and fail if it has not finished after 20 s (the
/// cases here used to hang). The guard only bounds the test; nothing asserts a duration.
fn palisade_bounded(args: &[&str], cwd: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(args)
        .current_dir(cwd)
        .env_remove("PALISADE_LOG")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("palisade {args:?} did not finish within 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// `sk_live_` and 99 letters and digits, built at run time.
fn stripe_key() -> String {
    let body: String = (0..99u32)
        .map(|i| char::from(b"aB3dE5gH7jK9mN1pQ2sT4vW6yZ8"[(i * 7 % 27) as usize]))
        .collect();
    format!("sk_live_{body}")
}

#[test]
fn issue5_04_config_error_is_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let (stripe, gh) = (stripe_key(), gh_token());
    let envs = [
        format!("STRIPE_SECRET_KEY={stripe}\nGITHUB_TOKEN={gh}\n"),
        format!("GITHUB_TOKEN={gh}\nSTRIPE_SECRET_KEY={stripe}\n"),
        format!("# app secrets\nGITHUB_TOKEN=\"{gh}\"\nSTRIPE_SECRET_KEY={stripe}\n"),
        format!("export GITHUB_TOKEN={gh}\n"),
        format!("{stripe}\n"),
    ];
    for env in &envs {
        write(dir.path(), "that.env", env);
        let out = palisade_bounded(
            &["scan", ".", "--no-progress", "--config", "that.env"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("invalid config that.env:"), "{err}");
        assert_no_part_of(&err, &stripe);
        assert_no_part_of(&err, &gh);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn issue5_04_error_messages_are_redacted() {
    // Values of palisade's own keys are quoted (capped) in config errors, and arguments in
    // usage errors: the CLI still removes any secret from what it prints.
    let dir = tempfile::tempdir().unwrap();
    let gh = gh_token();
    write(
        dir.path(),
        "palisade.toml",
        &format!("[scan]\nfail-on = \"{gh}\"\n"),
    );
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown severity `«redacted»`"), "{err}");
    assert_no_part_of(&err, &gh);

    let out = palisade(&["scan", &format!("./{gh}"), "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("does not exist"), "{err}");
    assert_no_part_of(&err, &gh);
}

#[test]
fn issue5_04_config_control_characters_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = [
        "[scan]\nfail-on = \"high\x1b]0;pwned\x07\x1b[2J\"\n",
        "[scan]\nexclude\x1b]0;pwned\x07\x1b[2J = []\n",
        "[scan]\n\"exclude\x1b]0;pwned\x07\x1b[2J\" = []\n",
        "[[suppress]]\nrule = \"x\\u001b]0;pwned\\u0007\\u001b[2J\"\n",
    ];
    for text in hostile {
        write(dir.path(), "palisade.toml", text);
        let out = palisade(&["scan", ".", "--no-progress"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            !out.stderr.iter().any(|b| matches!(b, 0x1b | 0x07)),
            "{:?}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("palisade.toml:"), "{}", stderr(&out));
    }
}

/// `**/a{b,c}*[0-9]?x/**/*.{js,ts}`-like globs: about 6,300 of them exceed the glob engine's
/// size limit together (before, every exclude was then silently dropped), while each
/// compiles alone.
fn complex_globs(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("**/a{i}{{b,c}}*[0-9]?x/**/*.{{js,ts}}"))
        .collect()
}

#[test]
fn issue5_11_too_many_complex_excludes_is_a_config_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy.sh", &secret_line());
    let globs = complex_globs(6_400);
    let items: Vec<String> = globs.iter().map(|g| format!("  \"{g}\",\n")).collect();
    let text = format!("[scan]\nexclude = [\n{}]\n", items.concat());
    write(dir.path(), "palisade.toml", &text);
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("scan.exclude"), "{err}");
    assert!(err.contains("too complex to compile together"), "{err}");
    // The error names a pattern to simplify first, at its line.
    let (n, _) = err
        .split_once("(number ")
        .and_then(|(_, rest)| rest.split_once(')'))
        .unwrap_or_else(|| panic!("{err}"));
    let n: usize = n.parse().unwrap();
    assert!(n > 1 && n <= globs.len(), "{err}");
    assert!(err.contains(&format!("`{}`", globs[n - 1])), "{err}");
    assert!(err.contains(&format!("palisade.toml:{}:", n + 2)), "{err}");
}

#[test]
fn issue5_11_too_many_complex_exclude_arguments_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy.sh", &secret_line());
    let mut args = vec![
        "scan".to_owned(),
        ".".to_owned(),
        "--no-progress".to_owned(),
    ];
    for g in complex_globs(6_400) {
        args.push("--exclude".to_owned());
        args.push(g);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = palisade(&args, dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: the 6400 exclude patterns of --exclude are too complex"),
        "{err}"
    );
    assert!(err.len() < 1000, "{err}");
}

#[test]
fn issue5_14_output_file_is_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    // One secret on many lines: one finding with thousands of related locations, so the
    // report is large and takes a while to write.
    write(dir.path(), "src/deploy.sh", &secret_line().repeat(1_500));
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let report = out_dir.join("r.json");

    // A file written in place would change under every other name it has.
    std::fs::write(&report, "old").unwrap();
    std::fs::hard_link(&report, out_dir.join("other-name")).unwrap();
    let args = [
        "scan",
        "src",
        "--no-progress",
        "--format",
        "json",
        "-o",
        "out/r.json",
    ];
    let out = palisade(&args, dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("other-name")).unwrap(),
        "old"
    );

    // Concurrent runs: whenever the file is there, it is a complete report.
    std::fs::remove_file(&report).unwrap();
    let mut writers: Vec<_> = (0..3)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_palisade"))
                .args(args)
                .current_dir(dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut seen = 0;
    while writers.iter_mut().any(|w| w.try_wait().unwrap().is_none()) {
        let mut text = String::new();
        if let Ok(mut f) = std::fs::File::open(&report) {
            f.read_to_string(&mut text).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("a partial report ({} bytes): {e}", text.len()));
            assert_eq!(v["findings"].as_array().unwrap().len(), 1);
            seen += 1;
        }
    }
    for mut w in writers {
        assert_eq!(w.wait().unwrap().code(), Some(1));
    }
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(
        v["findings"].as_array().unwrap().len(),
        1,
        "read {seen} times"
    );
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["other-name", "r.json"], "no temporary file is left");
}

/// Regression: writing through a temporary file and a rename replaced whatever `--output`
/// named, so `-o /dev/null` run as root turned /dev/null into a regular file. Pipes and
/// devices are written to as they are; a link keeps pointing at the file it names.
#[cfg(unix)]
#[test]
fn issue5_14_output_to_a_pipe_or_link_writes_through() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/deploy.sh", &secret_line());
    let fifo = dir.path().join("out.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = palisade_bounded(
        &[
            "scan",
            "src",
            "--no-progress",
            "-f",
            "json",
            "-o",
            "out.fifo",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&reader.join().unwrap()).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());

    std::fs::write(dir.path().join("real.json"), "old").unwrap();
    std::os::unix::fs::symlink("real.json", dir.path().join("link.json")).unwrap();
    let out = palisade_bounded(
        &[
            "scan",
            "src",
            "--no-progress",
            "-f",
            "json",
            "-o",
            "link.json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(dir.path().join("link.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is not replaced");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("real.json")).unwrap())
            .unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn issue5_14_output_into_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy.sh", &secret_line());
    for args in [
        &["scan", ".", "--no-progress", "-o", "missing/r.json"][..],
        &["baseline", "create", ".", "-o", "missing/b.json"][..],
    ] {
        let out = palisade(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("cannot write") && err.contains("missing/"),
            "{err}"
        );
        assert_eq!(err.matches("os error").count(), 1, "the cause once: {err}");
        assert!(!dir.path().join("missing").exists());
    }
}

#[cfg(unix)]
#[test]
fn issue5_17_fifo_config_and_baseline_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/a.txt", "hello\n");
    mkfifo(&dir.path().join("fifo"));
    for (args, expected) in [
        (
            &["scan", "src", "--no-progress", "--config", "fifo"][..],
            "invalid config fifo: cannot read file: not a regular file (a named pipe)",
        ),
        (
            &["scan", "src", "--no-progress", "--baseline", "fifo"][..],
            "cannot read baseline fifo: not a regular file (a named pipe)",
        ),
    ] {
        let out = palisade_bounded(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
    // A repository's own palisade.toml that is a FIFO is not silently skipped either.
    mkfifo(&dir.path().join("src/palisade.toml"));
    let out = palisade_bounded(&["scan", "src", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("a named pipe"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn issue5_18_dev_zero_config_and_baseline_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["scan", ".", "--no-progress", "--config", "/dev/zero"][..],
        &["scan", ".", "--no-progress", "--baseline", "/dev/zero"][..],
    ] {
        let out = palisade_bounded(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("/dev/zero") && stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn issue5_20_config_error_past_column_65535() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "palisade.toml",
        &format!("[scan]\nfail-on = \"{}\" junk\n", "h".repeat(70_000)),
    );
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("palisade.toml:2:70014"), "{err}");
    assert!(err.len() < 1000, "{err}");
}
