//! The concise format: one line per finding.

use palisade_core::{Report, Severity};
use palisade_report::{Format, WriteOptions};

use crate::fixture::{clean_report, finding_mut, render, sample_report};

fn concise_of(report: &Report, show_suppressed: bool) -> String {
    let opts = WriteOptions {
        show_suppressed,
        ..WriteOptions::default()
    };
    render(report, Format::Concise, &opts)
}

#[test]
fn issue6_20_concise_snapshot() {
    insta::assert_snapshot!("concise", concise_of(&sample_report(), false));
    insta::assert_snapshot!(
        "concise_show_suppressed",
        concise_of(&sample_report(), true)
    );
}

#[test]
fn issue6_20_concise_is_one_line_per_finding() {
    let report = sample_report();
    let out = concise_of(&report, false);
    let lines: Vec<&str> = out.lines().collect();
    let active: Vec<_> = report.findings.iter().filter(|f| f.is_active()).collect();
    assert_eq!(
        lines.len(),
        active.len() + report.diagnostics.len(),
        "{out}"
    );
    // Findings first, in report order, as `path:line:col: severity rule-id message`.
    for (line, f) in lines.iter().zip(&active) {
        let l = &f.location;
        let head = format!(
            "{}:{}:{}: {} {} {}",
            l.path,
            l.start_line,
            l.start_column,
            f.severity.as_str(),
            f.rule_id,
            f.message
        );
        assert!(line.starts_with(&head), "{line}");
    }
    let aws = lines
        .iter()
        .find(|l| l.starts_with("config/production.env:4:23: critical aws-secret-access-key "))
        .expect("the aws line");
    assert!(aws.ends_with(" (also in 5 other locations)"), "{aws}");
    // Then the diagnostics.
    assert!(lines.contains(
        &"src/legacy/keys.py:12: note[suppression-unused] inline suppression for \
          `generic-api-key` matched no finding"
    ));
    // Suppressed findings only on request, marked.
    let all = concise_of(&report, true);
    assert_eq!(
        all.lines().count(),
        report.findings.len() + report.diagnostics.len()
    );
    assert!(all.contains(
        "tests/fixtures/hooks.py:3:9: medium slack-webhook-url Slack webhook URL: \
         `http…[sha256:77d0e3f1]` [suppressed (inline): revoked webhook kept as a parser fixture]\n"
    ));
    assert_eq!(concise_of(&clean_report(), true), "");
}

#[test]
fn issue6_20_concise_hostile_text_stays_on_its_line() {
    let mut r = sample_report();
    let f = finding_mut(&mut r, "aws-secret-access-key");
    f.message = "x\n/etc/passwd:1:1: critical fake-rule injected\u{1b}[2J".to_owned();
    f.location.path = "a\rb\u{202e}.txt".to_owned();
    r.finalize(Severity::High);
    let out = concise_of(&r, true);
    assert_eq!(out.lines().count(), r.findings.len() + r.diagnostics.len());
    assert!(!out.contains('\u{1b}') && !out.contains('\r') && !out.contains('\u{202e}'));
    assert!(!out.lines().any(|l| l.starts_with("/etc/passwd")));
}
