//! Writers render what the report holds and nothing else: no invented findings, no lost
//! ones, no clock, no environment, the same bytes every time.

use palisade_core::Report;
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
        ["terminal", "json", "sarif", "junit"]
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
        let has_time = out.contains("2024-05-01T12:00:00Z");
        assert_eq!(has_time, format == Format::Json, "{format}");
        assert!(!out.contains("file://"), "{format} has an absolute URI");
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
            assert_eq!(r["message"]["text"], f.message.as_str());
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
