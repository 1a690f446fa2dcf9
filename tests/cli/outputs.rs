//! Output formats end to end (issue 6, items 20-22): several outputs in one run, the CI
//! formats, JUnit that agrees with the gate, SARIF regions and links.

use std::path::Path;

use serde_json::Value;

use crate::usage::{gh_token, secret_line, write};
use crate::{palisade, schema_errors, shared_data, stderr, stdout, workspace_root};

/// A folder with one GitHub token (a high finding) in `deploy.sh`, twice: line 1 and, as a
/// copy of the same secret, in `ci/env.sh`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy.sh", &secret_line());
    write(dir.path(), "ci/env.sh", &format!("\n{}", secret_line()));
    dir
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn json(dir: &Path, rel: &str) -> Value {
    serde_json::from_str(&read(dir, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn issue6_20_several_outputs_in_one_run() {
    let dir = project();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = palisade(
        &[
            "scan",
            ".",
            "--no-progress",
            "--output-format",
            "sarif:out/palisade.sarif",
            "-f",
            "json:out/report.json",
            "--format",
            "junit:out/junit.xml",
            "-f",
            "gitlab:gl-secret-detection-report.json",
            "-f",
            "github:out/annotations.txt",
            "-f",
            "concise:out/concise.txt",
            "-f",
            "terminal",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // The terminal report on stdout, with its summary; so no second summary on stderr.
    let text = stdout(&out);
    assert!(text.contains("github-personal-access-token"), "{text}");
    assert!(text.contains("gate failed"), "{text}");
    assert!(!stderr(&out).contains("gate failed"), "{}", stderr(&out));

    let d = dir.path();
    let sarif = json(d, "out/palisade.sarif");
    assert_eq!(sarif["version"], "2.1.0");
    let report = json(d, "out/report.json");
    assert_eq!(report["summary"]["active"], 1);
    assert!(read(d, "out/junit.xml").starts_with("<?xml"));
    let gl = json(d, "gl-secret-detection-report.json");
    assert_eq!(gl["scan"]["type"], "secret_detection");
    assert!(read(d, "out/annotations.txt").starts_with("::error file="));
    assert!(read(d, "out/concise.txt").contains(": high github-personal-access-token "));

    // No output holds the secret.
    let token = gh_token();
    for rel in [
        "out/palisade.sarif",
        "out/report.json",
        "out/junit.xml",
        "gl-secret-detection-report.json",
        "out/annotations.txt",
        "out/concise.txt",
    ] {
        assert!(!read(d, rel).contains(&token), "{rel} leaks the secret");
        assert!(
            !read(d, rel).contains(&token[4..20]),
            "{rel} leaks part of it"
        );
    }
    assert!(!text.contains(&token[4..20]));
    // Nothing else was written: atomic writes leave no temporary files behind.
    let mut names: Vec<String> = std::fs::read_dir(d.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "annotations.txt",
            "concise.txt",
            "junit.xml",
            "palisade.sarif",
            "report.json"
        ]
    );
}

#[test]
fn issue6_20_summary_goes_to_stderr_when_stdout_is_not_the_terminal_report() {
    let dir = project();
    for format in ["concise", "json", "github", "gitlab", "sarif", "junit"] {
        let out = palisade(&["scan", ".", "--no-progress", "-f", format], dir.path());
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(
            stderr(&out).contains("✗ 1 finding (1 high)"),
            "{format}: {}",
            stderr(&out)
        );
        assert!(!stdout(&out).contains("✗ 1 finding"), "{format}");
        // -q keeps stderr quiet.
        let out = palisade(
            &["scan", ".", "--no-progress", "-q", "-f", format],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(
            !stderr(&out).contains("finding"),
            "{format}: {}",
            stderr(&out)
        );
    }
    let out = palisade(&["scan", ".", "--no-progress"], dir.path());
    assert!(stdout(&out).contains("✗ 1 finding (1 high)"));
    assert!(!stderr(&out).contains("finding"), "{}", stderr(&out));
    // The terminal report in a file: the summary on stderr, nothing on stdout.
    let out = palisade(
        &["scan", ".", "--no-progress", "-f", "terminal:report.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("✗ 1 finding (1 high)"));
    assert!(read(dir.path(), "report.txt").contains("github-personal-access-token"));
}

#[test]
fn issue6_20_format_and_output_work_as_before() {
    let dir = project();
    // Reports go outside the scanned folder, so one run does not scan the last one's.
    let reports = tempfile::tempdir().unwrap();
    let at = |name: &str| reports.path().join(name).to_string_lossy().into_owned();
    let (a, b, c) = (at("a.sarif"), at("b.sarif"), at("c.sarif"));
    // --format F --output FILE, long and short.
    for args in [
        &["--format", "sarif", "--output", &a][..],
        &["-f", "sarif", "-o", &b][..],
        &["-o", &c, "-f", "sarif"][..],
    ] {
        let mut all = vec!["scan", ".", "--no-progress"];
        all.extend_from_slice(args);
        let out = palisade(&all, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    for f in ["a.sarif", "b.sarif", "c.sarif"] {
        assert_eq!(json(reports.path(), f)["version"], "2.1.0");
    }
    // --output alone writes the terminal report; --output - is stdout.
    let out = palisade(
        &["scan", ".", "--no-progress", "-o", &at("t.txt")],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(read(reports.path(), "t.txt").contains("gate failed"));
    let out = palisade(
        &["scan", ".", "--no-progress", "-f", "json", "-o", "-"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["active"], 1);
    // `FORMAT:-` is stdout; only the first `:` separates the format from the file name.
    let colon = format!("json:{}", at("a:b.json"));
    let out = palisade(
        &["scan", ".", "--no-progress", "-f", "github:-", "-f", &colon],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("::error file="));
    assert_eq!(json(reports.path(), "a:b.json")["summary"]["active"], 1);
    // --output fills in the one format without its own file.
    let sarif = format!("sarif:{}", at("d.sarif"));
    let out = palisade(
        &[
            "scan",
            ".",
            "--no-progress",
            "-f",
            &sarif,
            "-f",
            "concise",
            "-o",
            &at("d.txt"),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(read(reports.path(), "d.txt").contains(": high github-personal-access-token "));
    assert_eq!(json(reports.path(), "d.sarif")["version"], "2.1.0");
}

#[test]
fn issue6_20_conflicting_outputs_are_usage_errors() {
    let dir = project();
    for (args, expected) in [
        (
            &["-f", "json", "-f", "sarif"][..],
            "only one output can go to standard output, not json and sarif",
        ),
        (
            &["-f", "json:a.json", "-f", "sarif:a.json"][..],
            "two outputs write to a.json",
        ),
        (
            &["-f", "json:a.json", "-o", "b.json"][..],
            "--output b.json has no format to write",
        ),
        (
            &["-f", "json", "-f", "sarif", "-o", "b.json"][..],
            "is for one format, but 2 formats have no file",
        ),
        (
            &["-f", "xml"][..],
            "unknown format `xml`; expected one of: terminal, concise, json, sarif, junit, \
             github, gitlab",
        ),
        (&["-f", "x\u{1b}[2J"][..], "unknown format `x\\x1b[2J`"),
        (&["-f", "sarif:"][..], "no file after `sarif:`"),
        (
            &["-f", "sarif:missing/dir/a.sarif", "-f", "json:ok.json"][..],
            "cannot write report to missing/dir/a.sarif",
        ),
    ] {
        let mut all = vec!["scan", ".", "--no-progress"];
        all.extend_from_slice(args);
        let out = palisade(&all, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "", "{args:?}");
        // A usage error is found before anything is written.
        assert!(!dir.path().join("ok.json").exists(), "{args:?}");
    }
}

/// Each file goes through the shared atomic writer: a symbolic link is followed and the file
/// it points to replaced, a device is written to, not replaced.
#[cfg(unix)]
#[test]
fn issue6_20_every_output_file_is_written_atomically() {
    let dir = project();
    let d = dir.path();
    std::fs::write(d.join("real.json"), "old").unwrap();
    std::os::unix::fs::symlink("real.json", d.join("link.json")).unwrap();
    let out = palisade(
        &[
            "scan",
            ".",
            "--no-progress",
            "-f",
            "json:link.json",
            "-f",
            "sarif:/dev/null",
            "-f",
            "concise",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(d.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(json(d, "real.json")["summary"]["active"], 1);
    // /dev/null is still a device, written to, not replaced by a file.
    assert!(std::fs::metadata("/dev/null").is_ok_and(|m| !m.is_file()));
    assert!(stdout(&out).contains(": high github-personal-access-token "));
}

#[test]
fn issue6_20_github_annotations_from_a_scan() {
    let dir = project();
    let out = palisade(&["scan", ".", "--no-progress", "-f", "github"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(
        lines[0].starts_with(
            "::error file=ci/env.sh,line=2,col=17,endLine=2,endColumn=57,\
             title=palisade github-personal-access-token (high)::GitHub personal access token \
             (classic): `ghp_…` (also in: deploy.sh:1)"
        ),
        "{text}"
    );
}

#[test]
fn issue6_20_concise_from_a_scan() {
    let dir = project();
    let out = palisade(&["scan", ".", "--no-progress", "-f", "concise"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "ci/env.sh:2:17: high github-personal-access-token GitHub personal access token \
             (classic): `ghp_…`"
        ),
        "{text}"
    );
    assert!(text.ends_with("` (also in 1 other location)\n"), "{text}");
}

#[test]
fn issue6_20_gitlab_report_from_a_scan_validates() {
    let dir = project();
    let out = palisade(
        &["scan", ".", "--no-progress", "-f", "gitlab:gl.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(dir.path(), "gl.json");
    let schema = workspace_root()
        .join("crates/palisade-report/tests/data/gitlab-secret-detection.schema.json");
    let errors = schema_errors(&schema, jsonschema::Draft::Draft7, &v);
    assert!(errors.is_empty(), "GitLab would refuse it: {errors:#?}");
    let vulns = v["vulnerabilities"].as_array().unwrap();
    assert_eq!(vulns.len(), 2, "one per place");
    let files: Vec<&str> = vulns
        .iter()
        .map(|x| x["location"]["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["ci/env.sh", "deploy.sh"]);
    assert_eq!(vulns[0]["severity"], "High");
    assert_eq!(vulns[0]["location"]["commit"]["sha"], "0000000");
    // The scan times are the report's, in GitLab's form.
    let start = v["scan"]["start_time"].as_str().unwrap();
    assert_eq!(start.len(), 19, "{start}");
    assert!(!start.ends_with('Z'));
    assert_eq!(v["scan"]["status"], "success");
}

#[test]
fn issue6_21_junit_agrees_with_the_exit_code() {
    let dir = project();
    // The high finding fails a high gate: one failure, exit 1.
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "secrets",
            "--no-progress",
            "-f",
            "junit:j.xml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let xml = read(dir.path(), "j.xml");
    assert!(
        xml.contains("<testsuites name=\"palisade\" tests=\"1\" failures=\"1\""),
        "{xml}"
    );
    assert!(
        xml.contains(
            "<testcase name=\"high github-personal-access-token at ci/env.sh:2:17\" \
         classname=\"secrets.github-personal-access-token\" file=\"ci/env.sh\" line=\"2\">"
        ),
        "{xml}"
    );
    // The same finding under a critical gate passes: no failure, exit 0.
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "secrets",
            "--no-progress",
            "--fail-on",
            "critical",
            "-f",
            "junit:j.xml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let xml = read(dir.path(), "j.xml");
    assert!(
        xml.contains("tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\""),
        "{xml}"
    );
    assert!(xml.contains("passes the gate: severity high is below fail-on critical"));
    // Suppressed inline: skipped with its reason, exit 0.
    write(
        dir.path(),
        "deploy.sh",
        &format!(
            "{} # palisade:ignore[github-personal-access-token] revoked test token\n",
            secret_line().trim_end()
        ),
    );
    write(dir.path(), "ci/env.sh", "echo clean\n");
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "secrets",
            "--no-progress",
            "-f",
            "junit:j.xml",
        ],
        dir.path(),
    );
    let xml = read(dir.path(), "j.xml");
    assert_eq!(out.status.code(), Some(0), "{xml}");
    assert!(xml.contains("failures=\"0\""), "{xml}");
    assert!(
        xml.contains("<skipped message=\"suppressed (inline): revoked test token\"/>"),
        "{xml}"
    );
}

#[test]
fn issue6_22_sarif_regions_links_and_help_uri() {
    let dir = project();
    let out = palisade(
        &["scan", ".", "--no-progress", "-f", "sarif:s.sarif"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(dir.path(), "s.sarif");
    let result = &v["runs"][0]["results"][0];
    let region = &result["locations"][0]["physicalLocation"]["region"];
    let snippet = region["snippet"]["text"].as_str().unwrap();
    // The region's own text: the redacted secret, the same form the message shows.
    assert!(snippet == "ghp_…", "{snippet}");
    let message = result["message"]["text"].as_str().unwrap();
    assert!(
        message.contains(&snippet.replace('[', "\\[").replace(']', "\\]")),
        "{message}"
    );
    assert!(
        message.ends_with(" (also at [deploy.sh:1](1))"),
        "{message}"
    );
    assert_eq!(result["relatedLocations"][0]["id"], 1);
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "deploy.sh"
    );
    let context = &result["locations"][0]["physicalLocation"]["contextRegion"];
    assert!(
        context["snippet"]["text"]
            .as_str()
            .unwrap()
            .starts_with("GITHUB_TOKEN = \"ghp_…")
    );
    let help = v["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"]
        .as_str()
        .unwrap();
    assert_eq!(
        help,
        format!(
            "https://github.com/palisade-dev/palisade/blob/v{}/docs/rules/github-personal-access-token.md",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(!read(dir.path(), "s.sarif").contains(&gh_token()[4..20]));
    let Some(shared) = shared_data() else { return };
    let schema_path = shared.join("schemas/sarif-2.1.0/sarif-schema-2.1.0.json");
    let errors = schema_errors(&schema_path, jsonschema::Draft::Draft4, &v);
    assert!(errors.is_empty(), "SARIF does not validate: {errors:#?}");
}

/// Two runs over the same input give the same bytes in every format; only the JSON report
/// and GitLab's required scan times carry the clock.
#[test]
fn issue6_20_every_format_is_deterministic() {
    let dir = project();
    let run = |format: &str| {
        let out = palisade(&["scan", ".", "--no-progress", "-f", format], dir.path());
        assert_eq!(out.status.code(), Some(1), "{format}");
        out.stdout
    };
    for format in ["terminal", "concise", "sarif", "junit", "github"] {
        assert_eq!(run(format), run(format), "{format}");
    }
    let gitlab = |mut v: Value| {
        v["scan"]["start_time"] = Value::Null;
        v["scan"]["end_time"] = Value::Null;
        v
    };
    let a: Value = serde_json::from_slice(&run("gitlab")).unwrap();
    let b: Value = serde_json::from_slice(&run("gitlab")).unwrap();
    assert_eq!(gitlab(a), gitlab(b));
}

/// One output that cannot be written does not keep the others from being written, and the
/// run says so (exit 2, as for any report that could not be written).
#[test]
fn issue6_20_a_failed_output_does_not_stop_the_others() {
    let dir = project();
    let reports = tempfile::tempdir().unwrap();
    std::fs::create_dir(reports.path().join("a-folder")).unwrap();
    let bad = format!("json:{}", reports.path().join("a-folder").display());
    let good = format!("sarif:{}", reports.path().join("ok.sarif").display());
    let out = palisade(
        &[
            "scan",
            ".",
            "--no-progress",
            "-f",
            &bad,
            "-f",
            &good,
            "-f",
            "concise",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write report to"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json(reports.path(), "ok.sarif")["version"], "2.1.0");
    assert!(stdout(&out).contains(": high github-personal-access-token "));
}

#[test]
fn issue6_11_published_reports_hold_nothing_to_test_password_guesses_against() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let password = "Tr0ub4dor&3x";
    std::fs::write(d.join("db.env"), format!("DB_PASSWORD = \"{password}\"\n")).unwrap();
    let run = || {
        let out = palisade(
            &[
                "scan",
                ".",
                "--no-progress",
                "--isolated",
                "-f",
                "json:r.json",
                "-f",
                "sarif:r.sarif",
            ],
            d,
        );
        // A medium finding: the gate (fail-on high) passes.
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let json_text = std::fs::read_to_string(d.join("r.json")).unwrap();
        let sarif_text = std::fs::read_to_string(d.join("r.sarif")).unwrap();
        (json_text, sarif_text)
    };
    let (json_text, sarif_text) = run();
    let digest = palisade_core::fingerprint::sha256_hex(password.as_bytes());
    for text in [&json_text, &sarif_text] {
        assert!(!text.contains(&digest), "a fast hash of the password");
        assert!(
            !text.contains(&digest[..8]),
            "a short fast hash of the password"
        );
        assert!(!text.contains("Tr0u"), "a prefix of the password");
        assert!(!text.contains("secret_length") && !text.contains("secret_sha256"));
    }
    // Stable across runs: baselines keep working.
    let first: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    let (again, _) = run();
    let second: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(
        first["findings"][0]["fingerprint"],
        second["findings"][0]["fingerprint"]
    );
    assert_eq!(
        first["findings"][0]["rule_id"],
        "generic-password-assignment"
    );
}
