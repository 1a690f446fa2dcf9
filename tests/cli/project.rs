//! One project root (issue 6, items 7, 8, 9, 16 and 17): config discovery, paths relative to
//! the project root, several paths and standard input, `baseline create` options, excludes.

use std::path::Path;

use crate::files::{finding_paths, json, palisade_with_stdin, secret_line, skipped};
use crate::{palisade, stderr, stdout};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A config that turns off the rules that find the test tokens.
const DISABLE: &str =
    "[secrets]\ndisable = [\"github-personal-access-token\", \"generic-api-key-assignment\"]\n";

/// A repository (a `.git` folder is all discovery looks for) with a token in `svc/app.env`
/// and in `lib/app.env`, and a config in `svc` that disables the token's rule.
fn monorepo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join(".git")).unwrap();
    write(d, "palisade.toml", "[scan]\nfail-on = \"high\"\n");
    write(d, "svc/palisade.toml", DISABLE);
    write(d, "svc/app.env", &token_line("sVc0123456789"));
    write(d, "lib/app.env", &token_line("lIb123456789"));
    dir
}

/// A line with a GitHub token whose body ends in `tag`.
fn token_line(tag: &str) -> String {
    let body = format!("PaLiSaDe{tag}Q7mZ2vK9pL4wR8tY3nB6cX1hJ5gF0d");
    secret_line(&body[..30])
}

fn scan_json(args: &[&str], cwd: &Path) -> serde_json::Value {
    let mut all = vec!["scan", "--no-progress", "-f", "json"];
    all.extend_from_slice(args);
    json(&palisade(&all, cwd))
}

#[test]
fn issue6_07_the_nearest_config_wins_and_config_options_override_it() {
    let dir = monorepo();
    let d = dir.path();
    // From the root: the root's config, both tokens.
    assert_eq!(
        finding_paths(&scan_json(&[], d)),
        ["lib/app.env", "svc/app.env"]
    );
    // The folder with its own config: that config (the rule is disabled).
    assert!(finding_paths(&scan_json(&["svc"], d)).is_empty());
    assert!(finding_paths(&scan_json(&["."], &d.join("svc"))).is_empty());
    // --isolated ignores every config file; --config names one.
    assert_eq!(
        finding_paths(&scan_json(&["svc", "--isolated"], d)),
        ["svc/app.env"]
    );
    assert_eq!(
        finding_paths(&scan_json(&["svc", "--config", "palisade.toml"], d)),
        ["svc/app.env"]
    );
    let out = palisade(&["scan", "--isolated", "--config", "palisade.toml"], d);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn issue6_07_no_config_above_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A config outside the repository disables the rule; it must not apply inside.
    write(d, "palisade.toml", DISABLE);
    std::fs::create_dir_all(d.join("repo/.git")).unwrap();
    write(d, "repo/a.env", &token_line("rEpO123456789"));
    assert_eq!(finding_paths(&scan_json(&["repo"], d)), ["a.env"]);
    // Outside a repository the search goes up to the filesystem root.
    write(d, "plain/a.env", &token_line("pLaIn12345678"));
    assert!(finding_paths(&scan_json(&["plain"], d)).is_empty());
}

#[test]
fn issue6_07_config_show_prints_the_effective_settings_and_their_source() {
    let dir = monorepo();
    let d = dir.path();
    write(
        d,
        "svc/palisade.toml",
        "[scan]\nexclude = [\"gen/\"]\n[secrets]\ndisable = [\"github-personal-access-token\"]\nallow-values = [\"hunter2-test-only\"]\n",
    );
    let out = palisade(&["config", "show", "svc", "--exclude", "*.min.js"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let canonical = std::fs::canonicalize(d).unwrap();
    // The config file as the user can open it from the working directory.
    assert!(text.contains("# config file:  svc/palisade.toml"), "{text}");
    assert!(
        text.contains(&format!("# project root: {}", canonical.display())),
        "{text}"
    );
    assert!(
        text.contains("\"gen/\",  # scan.exclude, relative to svc/"),
        "{text}"
    );
    assert!(
        text.contains("\"*.min.js\",  # --exclude, relative to root"),
        "{text}"
    );
    assert!(
        text.contains("disable = [\"github-personal-access-token\"]"),
        "{text}"
    );
    // Allowed values are counted, never shown.
    assert!(!text.contains("hunter2"), "{text}");
    assert!(
        text.contains("# allow-values: 1 value(s), not shown"),
        "{text}"
    );
    let out = palisade(&["config", "show", "--isolated"], d);
    assert!(stdout(&out).contains("# config file:  none (built-in defaults)"));
}

#[test]
fn issue6_08_reports_name_paths_from_the_project_root() {
    let dir = monorepo();
    let d = dir.path();
    // A subfolder, a single file, or the folder itself as the working directory: the
    // same project-relative path in JSON and SARIF.
    for (args, cwd, target) in [
        (&["lib"][..], d.to_path_buf(), "lib"),
        (&["lib/app.env"][..], d.to_path_buf(), "lib/app.env"),
        (&["."][..], d.join("lib"), "lib"),
        (&["app.env"][..], d.join("lib"), "lib/app.env"),
    ] {
        let report = scan_json(args, &cwd);
        assert_eq!(
            finding_paths(&report),
            ["lib/app.env"],
            "{args:?} in {cwd:?}"
        );
        assert_eq!(report["target"]["paths"][0], target, "{args:?}");
        assert_eq!(report["target"]["path"], if cwd == d { "." } else { ".." });
        let sarif: serde_json::Value = serde_json::from_slice(
            &palisade(
                &[&["scan", "--no-progress", "-f", "sarif"][..], args].concat(),
                &cwd,
            )
            .stdout,
        )
        .unwrap();
        let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"];
        assert_eq!(uri, "lib/app.env", "{args:?}");
    }
    // The terminal shows the path as reached from the working directory.
    let out = palisade(&["scan", ".", "--no-progress"], &d.join("lib"));
    assert!(stdout(&out).contains("--> app.env:1:"), "{}", stdout(&out));
    let out = palisade(&["scan", "../lib", "--no-progress"], &d.join("svc"));
    assert!(
        stdout(&out).contains("--> ../lib/app.env:1:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn issue6_08_path_heuristics_see_the_project_path() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join(".git")).unwrap();
    // A heuristic rule's match in an examples folder is left out, however it is scanned.
    write(
        d,
        "examples/app/settings.py",
        "DB_PASSWORD = \"Xq7-vR2k!mZp9#Lw\"\n",
    );
    write(d, "src/settings.py", "DB_PASSWORD = \"Xq7-vR2k!mZp9#Lw\"\n");
    // The secrets scanner's heuristic (the SAST rule py-hardcoded-credential reports both).
    let secrets = ["--scanners", "secrets"];
    let whole = finding_paths(&scan_json(&secrets, d));
    assert_eq!(whole, ["src/settings.py"]);
    let examples = ["--scanners", "secrets", "examples/app"];
    assert!(finding_paths(&scan_json(&examples, d)).is_empty());
    let here = ["--scanners", "secrets", "."];
    assert!(finding_paths(&scan_json(&here, &d.join("examples/app"))).is_empty());
}

#[test]
fn issue6_09_several_paths_and_standard_input() {
    let dir = monorepo();
    let d = dir.path();
    write(d, "other/app.env", &token_line("oThEr12345678"));
    let report = scan_json(&["lib", "other/app.env", "--isolated"], d);
    assert_eq!(finding_paths(&report), ["lib/app.env", "other/app.env"]);
    assert_eq!(
        report["target"]["paths"],
        serde_json::json!(["lib", "other/app.env"])
    );
    // A path under another one is scanned once.
    let report = scan_json(&["lib", "lib/app.env", "--isolated"], d);
    assert_eq!(finding_paths(&report), ["lib/app.env"]);
    assert_eq!(report["coverage"]["files_scanned"], 1);

    // `-` is standard input; --stdin-filename names it for reports and path rules.
    let line = token_line("sTdInNaMe1234");
    let out = palisade_with_stdin(
        &[
            "scan",
            "-",
            "--stdin-filename",
            "config/prod.env",
            "-f",
            "json",
            "--no-progress",
        ],
        d,
        line.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(finding_paths(&json(&out)), ["config/prod.env"]);
    let out = palisade_with_stdin(
        &[
            "scan",
            "-",
            "--stdin-filename",
            "android/release.keystore",
            "-f",
            "json",
        ],
        d,
        b"binary-ish key store bytes",
    );
    let report = json(&out);
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["java-keystore-file"], "{}", stderr(&out));
    let out = palisade_with_stdin(&["scan", "-", "-f", "json"], d, line.as_bytes());
    assert_eq!(finding_paths(&json(&out)), ["stdin"]);
    // Mistakes are usage errors.
    for args in [
        &["scan", "-", "-"][..],
        &["scan", ".", "--stdin-filename", "x.env"][..],
        &["scan", "lib", "svc", "--staged"][..],
    ] {
        let out = palisade_with_stdin(args, d, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn issue6_16_baseline_create_takes_the_scan_options_and_does_not_overwrite() {
    let dir = monorepo();
    let d = dir.path();
    write(d, "lib/vendor/app.env", &token_line("vEnDoR1234567"));
    write(
        d,
        "lib/known.env",
        &format!(
            "# palisade:ignore[github-personal-access-token] rotated, kept for the log-scrubbing test\n{}",
            token_line("kNoWn12345678")
        ),
    );
    let out = palisade(
        &[
            "baseline",
            "create",
            "lib",
            "svc",
            "--exclude",
            "vendor/",
            "--isolated",
            "-o",
            "b.json",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("b.json")).unwrap()).unwrap();
    let paths: Vec<&str> = b["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // Both paths are scanned, the excluded lib/vendor/ is left out, and the inline-suppressed
    // finding is not repeated.
    assert_eq!(paths, ["lib/app.env", "svc/app.env"]);
    // An existing baseline is not replaced without --force.
    let out = palisade(&["baseline", "create", "-o", "b.json"], d);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    let out = palisade(
        &[
            "baseline",
            "create",
            "-o",
            "b.json",
            "--force",
            "--isolated",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn issue6_17_excludes_are_gitignore_patterns_relative_to_their_folder() {
    let dir = monorepo();
    let d = dir.path();
    write(
        d,
        "svc/palisade.toml",
        "[scan]\nexclude = [\"/gen\", \"*.bak\"]\n",
    );
    for p in [
        "svc/gen/a.env",
        "svc/x/gen/a.env",
        "svc/old.bak",
        "lib/gen/a.env",
        "lib/deploy/a.env",
        "deploy/a.env",
    ] {
        write(d, p, &token_line("eXcLuDe123456"));
    }
    // `/gen` is anchored at svc/ (the config's folder); `*.bak` matches at any depth below it.
    let report = scan_json(&["svc"], d);
    assert_eq!(finding_paths(&report), ["svc/app.env", "svc/x/gen/a.env"]);
    let skips = skipped(&report);
    assert!(
        skips.contains(&("svc/gen/".to_owned(), "excluded".to_owned())),
        "{skips:?}"
    );
    // --exclude repeats, is relative to the working directory, and `dir/` is any folder
    // of that name below it.
    let report = scan_json(
        &["--isolated", "--exclude", "deploy/", "--exclude", "gen/"],
        &d.join("lib"),
    );
    assert_eq!(finding_paths(&report), ["lib/app.env"]);
    let report = scan_json(&["--isolated", "--exclude", "deploy/"], d);
    assert!(!finding_paths(&report).iter().any(|p| p.contains("deploy")));
    // A pattern that excludes nothing is reported.
    let report = scan_json(&["lib", "--isolated", "--exclude", "vendr/"], d);
    let diags: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["code"] == "exclude-unused")
        .map(|x| x["message"].as_str().unwrap())
        .collect();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(diags[0].contains("`vendr/`"), "{diags:?}");
    // A config pattern for a folder that was not scanned whole is not "unused".
    let report = scan_json(&["svc/x"], d);
    assert!(
        !report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["code"] == "exclude-unused"),
        "{report}"
    );
}
