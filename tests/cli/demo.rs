//! The bundled demo: snapshots of every output format, schema validation, redaction.

use crate::{demo_dir, palisade, redact_json, schema_errors, shared_data, stdout, workspace_root};

fn scan_demo(format: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["scan", "demo", "--format", format, "--no-progress"];
    args.extend_from_slice(extra);
    palisade(&args, &workspace_root())
}

#[test]
fn demo_terminal_snapshot_and_exit_code() {
    let out = scan_demo("terminal", &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the demo has planted secrets: gate fails"
    );
    insta::assert_snapshot!("demo_terminal", stdout(&out));
}

#[test]
fn demo_json_snapshot() {
    let out = scan_demo("json", &[]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The documented report schema accepts the real demo report.
    let schema_path = workspace_root().join("crates/palisade-report/report.schema.json");
    let errors = schema_errors(&schema_path, jsonschema::Draft::Draft202012, &v);
    assert!(
        errors.is_empty(),
        "report does not match report.schema.json: {errors:#?}"
    );
    insta::assert_json_snapshot!("demo_json", redact_json(v));
}

#[test]
fn demo_sarif_snapshot_and_schema() {
    let out = scan_demo("sarif", &[]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    insta::assert_json_snapshot!("demo_sarif", redact_json(v.clone()));
    let Some(shared) = shared_data() else { return };
    let schema_path = shared.join("schemas/sarif-2.1.0/sarif-schema-2.1.0.json");
    let errors = schema_errors(&schema_path, jsonschema::Draft::Draft4, &v);
    assert!(errors.is_empty(), "SARIF does not validate: {errors:#?}");
}

#[test]
fn demo_finds_every_planted_problem_and_no_decoy() {
    let out = scan_demo("json", &[]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_owned(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["rule_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // The secrets and SCA rows of demo/PLANTED.md: | # | category | file | line | rule | note |
    let planted = std::fs::read_to_string(demo_dir().join("PLANTED.md")).unwrap();
    let mut expected = Vec::new();
    // IaC, pipeline, container and SAST rows must be found; those scanners may also report
    // hardening items PLANTED.md does not list (its scope notes).
    let mut required = Vec::new();
    let mut decoys = Vec::new();
    for line in planted.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() > 6 && cells[2] == "sca" {
            // Every CVE the row's note names is reported at that line.
            let file = format!("demo/{}", cells[3].trim_matches('`'));
            let line_no: u64 = cells[4].parse().unwrap();
            for cve in cells[6]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .filter(|w| w.starts_with("CVE-"))
            {
                let hit = v["findings"].as_array().unwrap().iter().any(|f| {
                    f["location"]["path"] == file.as_str()
                        && f["location"]["start_line"] == line_no
                        && f["message"].as_str().unwrap().contains(cve)
                });
                assert!(hit, "{file}:{line_no}: {cve} not reported");
            }
        }
        if cells.len() > 5 && matches!(cells[2], "iac" | "pipeline" | "container" | "sast") {
            let file = format!("demo/{}", cells[3].trim_matches('`'));
            let line_no: u64 = cells[4].parse().unwrap();
            let rule = cells[5].trim_matches('`').to_owned();
            required.push((file, line_no, rule));
        }
        // Decoys: | D1 | file | line | why |
        if cells.len() > 4 && cells[1].starts_with('D') && cells[1][1..].parse::<u32>().is_ok() {
            let file = format!("demo/{}", cells[2].trim_matches('`'));
            let line_no: u64 = cells[3].parse().unwrap();
            decoys.push((file, line_no));
        }
        if cells.len() > 5 && (cells[2] == "secrets" || cells[2] == "sca") {
            // PLANTED.md names files in the demo; reports name them from the repository root.
            let file = format!("demo/{}", cells[3].trim_matches('`'));
            let line_no: u64 = cells[4].parse().unwrap();
            let rule = cells[5]
                .trim_matches('`')
                .split_whitespace()
                .next()
                .unwrap()
                .to_owned();
            expected.push((file, line_no, rule));
        }
    }
    assert!(expected.len() >= 10, "PLANTED.md lists the demo's secrets");
    for e in &expected {
        assert!(
            found.contains(e),
            "planted problem not found: {e:?}\nfound: {found:#?}"
        );
    }
    assert!(
        required.len() >= 30,
        "PLANTED.md lists IaC, pipeline, container and SAST rows"
    );
    for r in &required {
        assert!(
            found.contains(r),
            "planted problem not found: {r:?}\nfound: {found:#?}"
        );
    }
    assert!(decoys.len() >= 15, "PLANTED.md lists decoys");
    for (file, line) in &decoys {
        let hits: Vec<_> = found
            .iter()
            .filter(|(f, l, _)| f == file && l == line)
            .collect();
        assert!(hits.is_empty(), "decoy {file}:{line} reported: {hits:?}");
    }
    assert!(
        !found
            .iter()
            .any(|(f, _, _)| f == "demo/.github/workflows/lint.yml"),
        "the clean workflow (decoy D13) has findings"
    );
    // Secrets and SCA: exactly the planted rows. An SCA row stands for every advisory of
    // its package: one place, several findings.
    let found: Vec<(String, u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| matches!(f["scanner"].as_str(), Some("secrets" | "sca")))
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_owned(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["rule_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut places = found.clone();
    places.sort();
    places.dedup();
    expected.sort();
    assert_eq!(places, expected, "unexpected extra findings");
}

#[test]
fn no_output_format_leaks_a_secret() {
    let clear = scan_demo("json", &["--show-secrets"]);
    let v: serde_json::Value = serde_json::from_slice(&clear.stdout).unwrap();
    let secrets: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| {
            let secret = f["properties"]["secret"].as_str()?;
            // A public identifier (an AWS access key id, a Slack workspace id) is shown by
            // design; what must never show is the rest.
            Some(match f["properties"]["public_id"].as_str() {
                Some(public) => secret.split(public).last().unwrap_or("").to_owned(),
                None => secret.to_owned(),
            })
        })
        .filter(|s| !s.is_empty())
        .collect();
    assert!(!secrets.is_empty(), "--show-secrets shows secrets");
    for format in [
        "terminal", "concise", "json", "sarif", "junit", "github", "gitlab",
    ] {
        let out = scan_demo(format, &[]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned() + &crate::stderr(&out);
        for s in &secrets {
            // No 10-character run from the middle of a secret appears anywhere.
            let chars: Vec<char> = s.chars().collect();
            if chars.len() >= 16 {
                let mid = chars.len() / 2;
                let probe: String = chars[mid - 5..mid + 5].iter().collect();
                assert!(
                    !text.contains(&probe),
                    "{format} output leaks a secret fragment {probe:?}"
                );
            }
            assert!(!text.contains(s.as_str()), "{format} output leaks a secret");
        }
    }
}

#[test]
fn output_is_deterministic() {
    let a = scan_demo("sarif", &[]);
    let b = scan_demo("sarif", &[]);
    assert_eq!(a.stdout, b.stdout);
}
