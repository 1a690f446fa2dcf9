//! Writers render what the report holds and nothing else: no invented findings, no lost
//! ones, no clock, no environment, the same bytes every time.

use palisade_core::{Category, Report};
use palisade_report::{Format, WriteOptions};
use serde_json::Value;

use crate::fixture::{clean_report, render, report_all_scanners_ok, sample_report};

fn all_outputs(report: &Report) -> Vec<(Format, String)> {
    Format::ALL
        .iter()
        .map(|f| (*f, render(report, *f, &WriteOptions::default())))
        .collect()
}

#[test]
fn format_names_round_trip() {
    for f in Format::ALL {
        assert_eq!(Format::parse(f.as_str()), Some(f));
        assert_eq!(Format::parse(&f.as_str().to_uppercase()), Some(f));
    }
    assert_eq!(Format::parse("xml"), None);
    assert_eq!(
        Format::ALL.map(Format::as_str),
        [
            "terminal",
            "concise",
            "json",
            "sarif",
            "junit",
            "github",
            "gitlab",
            "gitlab-sast",
            "gitlab-dependency-scanning"
        ]
    );
    let d = WriteOptions::default();
    assert_eq!(
        (d.color, d.max_related, d.show_suppressed),
        (false, 3, false)
    );
}

#[test]
fn output_is_deterministic() {
    for report in [sample_report(), clean_report(), report_all_scanners_ok()] {
        assert_eq!(all_outputs(&report), all_outputs(&report));
    }
}

#[test]
fn only_the_json_document_carries_time() {
    let report = sample_report();
    for (format, out) in all_outputs(&report) {
        // GitLab's schema requires the scan's start and end times; every other format is
        // free of them.
        let has_time = out.contains("2024-05-01T12:00:0");
        assert_eq!(
            has_time,
            matches!(
                format,
                Format::Json
                    | Format::Gitlab
                    | Format::GitlabSast
                    | Format::GitlabDependencyScanning
            ),
            "{format}"
        );
        assert!(!out.contains("file://"), "{format} has an absolute URI");
    }
}

/// Free properties carry scanner data (for secrets: digests and, with `--show-secrets`,
/// the secret itself). The CI formats show findings through their messages and never copy
/// properties, so nothing a property holds can leak through them.
#[test]
fn issue6_20_ci_formats_never_copy_free_properties() {
    const CANARY: &str = "CANARY-pr0perty-v4lue";
    let mut report = sample_report();
    for f in &mut report.findings {
        f.properties
            .insert("secret".to_owned(), Value::from(format!("{CANARY}-secret")));
        f.properties.insert(
            "secret_sha256".to_owned(),
            Value::from(format!("{CANARY}-sha")),
        );
    }
    for format in [
        Format::Terminal,
        Format::Concise,
        Format::Junit,
        Format::Github,
        Format::Gitlab,
        Format::GitlabSast,
        Format::GitlabDependencyScanning,
    ] {
        for show_suppressed in [false, true] {
            let opts = WriteOptions {
                show_suppressed,
                ..WriteOptions::default()
            };
            let out = render(&report, format, &opts);
            assert!(!out.contains(CANARY), "{format} copied a property:\n{out}");
        }
    }
}

/// Every format renders every active finding somewhere: nothing is lost on the way to CI.
#[test]
fn issue6_20_every_format_shows_every_active_finding() {
    let report = report_all_scanners_ok();
    for (format, out) in all_outputs(&report) {
        // A GitLab report holds its own categories only (and counts the rest).
        let shown = |f: &&palisade_core::Finding| {
            f.is_active()
                && match format {
                    Format::Gitlab => f.category == Category::Secrets,
                    Format::GitlabSast => matches!(
                        f.category,
                        Category::Iac
                            | Category::Pipeline
                            | Category::Sast
                            | Category::Policy
                            | Category::Image
                    ),
                    Format::GitlabDependencyScanning => {
                        matches!(f.category, Category::Sca | Category::License)
                    }
                    _ => true,
                }
        };
        for f in report.findings.iter().filter(shown) {
            assert!(
                out.contains(&f.rule_id),
                "{format} lost {}:\n{out}",
                f.rule_id
            );
        }
    }
}

#[test]
fn sarif_results_are_the_findings() {
    let report = sample_report();
    let v: Value = serde_json::from_str(&render(&report, Format::Sarif, &WriteOptions::default()))
        .expect("JSON");
    let mut results: Vec<(String, String, u64, String, bool)> = Vec::new();
    for run in v["runs"].as_array().expect("runs") {
        for r in run["results"].as_array().expect("results") {
            results.push((
                r["ruleId"].as_str().unwrap_or_default().to_owned(),
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap_or_default(),
                r["partialFingerprints"]["palisade/v1"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                r["suppressions"].is_array(),
            ));
            // Every property of the finding is carried over unchanged.
            let f = report
                .findings
                .iter()
                .find(|f| r["partialFingerprints"]["palisade/v1"] == f.fingerprint.as_str())
                .expect("a result comes from a finding");
            for (k, val) in &f.properties {
                assert_eq!(&r["properties"][k], val, "{k}");
            }
            // The message is the finding's; related locations are linked after it.
            let text = r["message"]["text"].as_str().unwrap_or_default();
            if f.related_locations.is_empty() {
                assert_eq!(text, f.message);
            } else {
                let escaped = f.message.replace('[', "\\[").replace(']', "\\]");
                assert!(text.starts_with(&format!("{escaped} (also at [")), "{text}");
            }
        }
    }
    let mut expected: Vec<(String, String, u64, String, bool)> = report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule_id.clone(),
                f.location.path.clone(),
                u64::from(f.location.start_line),
                f.fingerprint.clone(),
                f.suppression.is_some(),
            )
        })
        .collect();
    results.sort();
    expected.sort();
    assert_eq!(results, expected);
}

#[test]
fn an_empty_report_renders_nothing_invented() {
    let report = clean_report();
    let v: Value = serde_json::from_str(&render(&report, Format::Sarif, &WriteOptions::default()))
        .expect("JSON");
    for run in v["runs"].as_array().expect("runs") {
        assert_eq!(run["results"].as_array().map(Vec::len), Some(0));
        assert!(run["invocations"][0]["toolExecutionNotifications"].is_null());
    }
    let xml = render(&report, Format::Junit, &WriteOptions::default());
    assert_eq!(xml.matches("<testcase ").count(), 2);
    assert_eq!(xml.matches("<testcase name=\"no findings\"").count(), 2);
    let text = render(&report, Format::Terminal, &WriteOptions::default());
    assert_eq!(text, "✓ no findings · 38 files scanned · gate passed\n");
}

#[test]
fn terminal_lists_exactly_the_active_findings() {
    let report = sample_report();
    let text = render(&report, Format::Terminal, &WriteOptions::default());
    for f in &report.findings {
        let header = format!("  {}  {}\n", f.rule_id, f.title);
        assert_eq!(text.contains(&header), f.is_active(), "{}", f.rule_id);
        // The message labels the span unless it only repeats the title in the header.
        if f.is_active() && !f.message.starts_with(&f.title) {
            assert!(text.contains(&f.message), "{}", f.rule_id);
        }
    }
}
