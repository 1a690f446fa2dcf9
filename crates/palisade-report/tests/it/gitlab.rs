//! GitLab secret-detection report: snapshot, schema validation, mapping and redaction.

use palisade_core::report::ScannerStatus;
use palisade_core::{CommitInfo, Report, Severity};
use palisade_report::{Format, WriteOptions};
use serde_json::Value;

use crate::fixture::{
    clean_report, finding_mut, render, report_all_scanners_ok, sample_report, shared_data,
    versionless,
};

fn gitlab_text(report: &Report) -> String {
    render(report, Format::Gitlab, &WriteOptions::default())
}

fn gitlab_of(report: &Report) -> Value {
    let text = gitlab_text(report);
    assert!(text.ends_with("}\n"));
    serde_json::from_str(&text).expect("the GitLab report is JSON")
}

fn vulns(v: &Value) -> &Vec<Value> {
    v["vulnerabilities"].as_array().expect("vulnerabilities")
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .build(schema)
        .expect("the schema compiles as draft-07")
}

fn derived_schema() -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/gitlab-secret-detection.schema.json");
    let text = std::fs::read_to_string(path).expect("the derived schema is readable");
    validator(&serde_json::from_str(&text).expect("the derived schema is JSON"))
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

/// A report with a finding from git history, so `location.commit` carries a real commit.
fn history_report() -> Report {
    let mut r = report_all_scanners_ok();
    finding_mut(&mut r, "aws-secret-access-key").location.commit = Some(CommitInfo {
        id: "0123456789abcdef0123456789abcdef01234567".to_owned(),
        author: "Ada Lovelace".to_owned(),
        email: "ada@example.org".to_owned(),
        date: "2024-03-01T12:00:00Z".to_owned(),
        time: 1_709_294_400,
    });
    r
}

#[test]
fn issue6_20_gitlab_snapshot() {
    insta::assert_snapshot!("gitlab", versionless(&gitlab_text(&sample_report())));
}

#[test]
fn issue6_20_gitlab_validates_against_its_schema() {
    let derived = derived_schema();
    // GitLab's own schema file, when the shared data carries a copy.
    let official = shared_data()
        .map(|d| d.join("schemas/gitlab/secret-detection-report-format.json"))
        .filter(|p| p.is_file())
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable");
            validator(&serde_json::from_str(&text).expect("JSON"))
        });
    for report in [
        sample_report(),
        clean_report(),
        report_all_scanners_ok(),
        history_report(),
    ] {
        let doc = gitlab_of(&report);
        let errs = errors(&derived, &doc);
        assert!(
            errs.is_empty(),
            "GitLab would refuse this report: {errs:#?}"
        );
        if let Some(official) = &official {
            let errs = errors(official, &doc);
            assert!(errs.is_empty(), "GitLab's schema rejects it: {errs:#?}");
        }
    }
}

#[test]
fn issue6_20_gitlab_schema_is_not_vacuous() {
    let v = derived_schema();
    let good = gitlab_of(&sample_report());
    assert!(v.is_valid(&good));
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut doc = good.clone();
        f(&mut doc);
        doc
    };
    let cases = [
        broken(&|d| d["version"] = "15.0".into()),
        broken(&|d| d["scan"]["type"] = "sast".into()),
        broken(&|d| d["scan"]["start_time"] = "2024-05-01T12:00:00Z".into()),
        broken(&|d| d["scan"]["status"] = "ok".into()),
        broken(&|d| d["scan"]["analyzer"]["vendor"] = serde_json::json!({})),
        broken(&|d| d["vulnerabilities"][0]["severity"] = "critical".into()),
        broken(&|d| d["vulnerabilities"][0]["identifiers"] = serde_json::json!([])),
        broken(&|d| d["vulnerabilities"][0]["location"]["commit"]["sha"] = "".into()),
        broken(&|d| d["vulnerabilities"][0]["raw_source_code_extract"] = "x".into()),
        broken(&|d| d["vulnerabilities"][0]["name"] = "n".repeat(256).into()),
        broken(&|d| {
            if let Some(o) = d["scan"].as_object_mut() {
                o.remove("end_time");
            }
        }),
    ];
    for (i, doc) in cases.iter().enumerate() {
        assert!(!v.is_valid(doc), "case {i} should not validate");
    }
}

#[test]
fn issue6_20_gitlab_scan_object() {
    let doc = gitlab_of(&sample_report());
    assert_eq!(doc["version"], "15.0.6");
    assert!(
        doc["schema"]
            .as_str()
            .is_some_and(|s| s.contains("/v15.0.6/dist/secret-detection-report-format.json"))
    );
    let scan = &doc["scan"];
    assert_eq!(scan["type"], "secret_detection");
    assert_eq!(scan["analyzer"]["id"], "palisade");
    assert_eq!(scan["analyzer"]["version"], "0.1.0");
    assert_eq!(scan["scanner"]["id"], "palisade-secrets");
    assert_eq!(scan["scanner"]["vendor"]["name"], "palisade");
    // The report's own start time and duration (1234 ms, rounded up), no clock.
    assert_eq!(scan["start_time"], "2024-05-01T12:00:00");
    assert_eq!(scan["end_time"], "2024-05-01T12:00:02");
    // A failed scanner: the scan failed, and says why.
    assert_eq!(scan["status"], "failure");
    let messages: Vec<(&str, &str)> = scan["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| {
            (
                m["level"].as_str().unwrap_or_default(),
                m["value"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert!(messages.contains(&(
        "fatal",
        "scanner-failed: scanner `sast` failed, results are incomplete: python grammar failed to load"
    )));
    assert!(messages.contains(&(
        "warn",
        "file-too-large: assets/dump.sql: skipped: 20971520 bytes is over the 10485760-byte cap (scan.max-file-size)"
    )));
    assert!(messages.contains(&(
        "info",
        "2 suppressed or baselined findings are not listed (see the palisade JSON report)"
    )));
    assert!(messages.iter().any(|(l, m)| *l == "info"
        && m.starts_with(
            "1 finding of other categories is not listed (this report holds secrets only"
        )));

    let ok = gitlab_of(&report_all_scanners_ok());
    assert_eq!(ok["scan"]["status"], "success");
    let clean = gitlab_of(&clean_report());
    assert_eq!(clean["vulnerabilities"], Value::Array(Vec::new()));
    assert!(clean["scan"]["messages"].is_null());
}

#[test]
fn issue6_20_gitlab_vulnerabilities() {
    let report = history_report();
    let doc = gitlab_of(&report);
    let vs = vulns(&doc);
    // aws in 6 places, github, generic; not the suppressed two, not the SAST finding.
    assert_eq!(vs.len(), 8);
    let names: Vec<&str> = vs.iter().filter_map(|v| v["name"].as_str()).collect();
    assert!(!names.contains(&"Slack webhook URL"));
    assert!(!names.contains(&"Private key"));
    assert!(!names.contains(&"SQL injection"));

    // Report order: the GitHub token (.github/...) first, then the AWS key and its copies.
    assert_eq!(vs[0]["name"], "GitHub personal access token (classic)");
    let aws = &vs[1];
    assert_eq!(aws["category"], "secret_detection");
    assert_eq!(aws["name"], "AWS secret access key");
    assert_eq!(
        aws["message"],
        "AWS secret access key: `wJal…[sha256:3f2a91c0]`"
    );
    assert_eq!(aws["severity"], "Critical");
    assert_eq!(aws["confidence"], "Medium");
    assert_eq!(
        aws["solution"],
        "Deactivate the key in IAM, create a new one and load it from a secret store."
    );
    assert_eq!(aws["scanner"]["id"], "palisade-secrets");
    assert_eq!(aws["location"]["file"], "config/production.env");
    assert_eq!(aws["location"]["start_line"], 4);
    assert_eq!(aws["location"]["end_line"], 4);
    assert_eq!(
        aws["location"]["commit"]["sha"],
        "0123456789abcdef0123456789abcdef01234567"
    );
    assert_eq!(
        aws["location"]["commit"]["author"],
        "Ada Lovelace <ada@example.org>"
    );
    assert_eq!(aws["identifiers"][0]["type"], "palisade_rule_id");
    assert_eq!(aws["identifiers"][0]["value"], "aws-secret-access-key");
    assert_eq!(aws["identifiers"][1]["type"], "cwe");
    assert_eq!(aws["identifiers"][1]["value"], "798");
    assert!(
        aws["description"]
            .as_str()
            .is_some_and(|d| d.contains("this is place 1 of 6"))
    );
    // Each copy is its own vulnerability, at its own place.
    let copies: Vec<(&str, u64)> = vs[1..7]
        .iter()
        .map(|v| {
            (
                v["location"]["file"].as_str().unwrap_or_default(),
                v["location"]["start_line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        copies,
        [
            ("config/production.env", 4),
            ("deploy/ci.sh", 12),
            ("docs/old notes.md", 40),
            ("scripts/rotate.py", 7),
            ("tests/e2e.sh", 2),
            ("tools/ré-key.sh", 9),
        ]
    );
    // Outside git history there is no commit: GitLab's placeholder.
    assert_eq!(vs[2]["location"]["commit"]["sha"], "0000000");
    assert_eq!(vs[0]["severity"], "High");
    assert_eq!(vs[7]["severity"], "Medium");

    // Ids: UUID-shaped, unique, and the same in every run.
    let ids: Vec<&str> = vs.iter().filter_map(|v| v["id"].as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    for id in &ids {
        let parts: Vec<usize> = id.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12], "{id}");
        assert!(id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
    }
    let again = gitlab_of(&history_report());
    assert_eq!(again["vulnerabilities"], doc["vulnerabilities"]);
}

#[test]
fn issue6_20_gitlab_keeps_secrets_redacted() {
    // A show-secrets style report: the clear secret lives only in the free properties and
    // the snippet, and the GitLab report writes neither.
    let mut r = sample_report();
    let aws = finding_mut(&mut r, "aws-secret-access-key");
    let clear = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    aws.properties
        .insert("secret".to_owned(), Value::from(clear));
    if let Some(sn) = aws.snippet.as_mut() {
        sn.text = format!("AWS_SECRET_ACCESS_KEY={clear}");
    }
    let text = gitlab_text(&r);
    assert!(!text.contains(clear), "{text}");
    assert!(!text.contains("raw_source_code_extract"));
    assert!(!text.contains("secret_sha256"));
}

#[test]
fn issue6_20_gitlab_respects_length_limits() {
    let mut r = sample_report();
    for rule in &mut r.rules {
        rule.remediation = "r".repeat(10_000);
    }
    let long_title = "t".repeat(400);
    for f in &mut r.findings {
        f.title.clone_from(&long_title);
    }
    r.finalize(Severity::High);
    let doc = gitlab_of(&r);
    assert!(derived_schema().is_valid(&doc));
    for v in vulns(&doc) {
        assert!(v["name"].as_str().is_some_and(|n| n.chars().count() <= 255));
        assert!(
            v["solution"]
                .as_str()
                .is_some_and(|n| n.chars().count() <= 7_000)
        );
    }
}

#[test]
fn issue6_20_gitlab_without_start_time_uses_the_epoch() {
    let mut r = report_all_scanners_ok();
    r.started_at = None;
    r.duration_ms = None;
    r.scanners[0].status = ScannerStatus::Ok;
    let doc = gitlab_of(&r);
    assert_eq!(doc["scan"]["start_time"], "1970-01-01T00:00:00");
    assert_eq!(doc["scan"]["end_time"], "1970-01-01T00:00:00");
}
