//! JSON output: snapshot, round trip, and validation against `report.schema.json`.

use palisade_core::Report;
use palisade_report::{Format, WriteOptions};
use serde_json::Value;

use crate::fixture::{clean_report, render, report_all_scanners_ok, sample_report};

fn json_of(report: &Report) -> String {
    render(report, Format::Json, &WriteOptions::default())
}

fn report_schema() -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("report.schema.json");
    let text = std::fs::read_to_string(&path).expect("report.schema.json is readable");
    let schema: Value = serde_json::from_str(&text).expect("report.schema.json is JSON");
    // Building also checks the schema against the 2020-12 meta-schema.
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .expect("report.schema.json is a valid 2020-12 schema")
}

fn schema_errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

#[test]
fn json_snapshot() {
    let out = json_of(&sample_report());
    assert!(out.ends_with("}\n"));
    insta::assert_snapshot!("json", out);
}

#[test]
fn json_round_trips() {
    for report in [sample_report(), clean_report(), report_all_scanners_ok()] {
        let back: Report = serde_json::from_str(&json_of(&report)).expect("parse back");
        assert_eq!(back, report);
    }
}

#[test]
fn json_validates_against_report_schema() {
    let validator = report_schema();
    for report in [sample_report(), clean_report(), report_all_scanners_ok()] {
        let doc: Value = serde_json::from_str(&json_of(&report)).expect("JSON");
        let errors = schema_errors(&validator, &doc);
        assert!(errors.is_empty(), "report does not validate: {errors:#?}");
    }
}

#[test]
fn report_schema_is_not_vacuous() {
    let validator = report_schema();
    let good: Value = serde_json::from_str(&json_of(&sample_report())).expect("JSON");
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut doc = good.clone();
        f(&mut doc);
        doc
    };
    let cases = [
        broken(&|d| d["findings"][0]["severity"] = "severe".into()),
        broken(&|d| d["findings"][0]["cwe"][0] = "798".into()),
        broken(&|d| d["schema_version"] = "2.0.0".into()),
        broken(&|d| d["gate"]["status"] = "maybe".into()),
        broken(&|d| d["surprise"] = true.into()),
        broken(&|d| {
            if let Some(o) = d["findings"][0].as_object_mut() {
                o.remove("fingerprint");
            }
        }),
    ];
    for (i, doc) in cases.iter().enumerate() {
        assert!(!validator.is_valid(doc), "case {i} should not validate");
    }
}

#[test]
fn schema_version_is_the_core_one() {
    let doc: Value = serde_json::from_str(&json_of(&sample_report())).expect("JSON");
    assert_eq!(doc["schema_version"], palisade_core::report::SCHEMA_VERSION);
}
