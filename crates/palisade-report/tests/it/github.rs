//! GitHub Actions workflow-command annotations.

use palisade_core::{Report, Severity};
use palisade_report::{Format, WriteOptions};

use crate::fixture::{clean_report, finding_mut, render, sample_report};

fn github_of(report: &Report) -> String {
    render(report, Format::Github, &WriteOptions::default())
}

#[test]
fn issue6_20_github_snapshot() {
    insta::assert_snapshot!("github", github_of(&sample_report()));
}

#[test]
fn issue6_20_github_annotations() {
    let report = sample_report();
    let out = github_of(&report);
    let lines: Vec<&str> = out.lines().collect();
    let active = report.summary.active;
    assert_eq!(lines.len(), active + report.diagnostics.len(), "{out}");
    // Most severe first; critical and high are errors, medium a warning.
    assert_eq!(
        lines[0],
        "::error file=config/production.env,line=4,col=23,endLine=4,endColumn=63,\
         title=palisade aws-secret-access-key (critical)::AWS secret access key: \
         `wJal…[sha256:3f2a91c0]` (also in: deploy/ci.sh:12, docs/old notes.md:40, \
         scripts/rotate.py:7 and 2 more)"
    );
    assert!(lines[1].starts_with(
        "::error file=.github/workflows/release.yml,line=18,col=21,endLine=18,endColumn=61,\
         title=palisade github-pat-classic (high)::"
    ));
    assert!(lines[1].ends_with(" (introduced in commit 1a2b3c4d5e6f)"));
    assert!(lines[2].starts_with("::error file=app/db.py,line=42,"));
    assert!(lines[3].starts_with(
        "::warning file=src/settings.xml,line=7,col=17,endLine=7,endColumn=49,\
         title=palisade generic-api-key (medium)::"
    ));
    // Suppressed findings are not annotated.
    assert!(!out.contains("slack-webhook-url") && !out.contains("private-key"));
    // Diagnostics follow, at their level.
    assert!(lines.contains(
        &"::warning file=assets/dump.sql,title=palisade file-too-large::skipped: 20971520 bytes \
          is over the 10485760-byte cap (scan.max-file-size)"
    ));
    assert!(lines.contains(
        &"::notice file=src/legacy/keys.py,line=12,title=palisade suppression-unused::inline \
          suppression for `generic-api-key` matched no finding"
    ));
    assert!(lines.contains(
        &"::error title=palisade scanner-failed::scanner `sast` failed, results are incomplete: \
          python grammar failed to load"
    ));
    assert_eq!(github_of(&clean_report()), "");
}

#[test]
fn issue6_20_github_low_is_a_notice_and_multiline_spans_drop_columns() {
    let mut r = sample_report();
    let f = finding_mut(&mut r, "generic-api-key");
    f.severity = Severity::Low;
    f.location.end_line = f.location.start_line + 2;
    r.finalize(Severity::High);
    let out = github_of(&r);
    assert!(
        out.contains(
            "::notice file=src/settings.xml,line=7,endLine=9,title=palisade generic-api-key (low)::"
        ),
        "{out}"
    );
}

/// Text from a scanned file cannot end the annotation, start a workflow command of its own
/// or smuggle a property.
#[test]
fn issue6_20_github_hostile_text_cannot_inject_commands() {
    let mut r = sample_report();
    let f = finding_mut(&mut r, "aws-secret-access-key");
    f.message = "100% x\r\n::add-mask::hunter2\n::stop-commands::tok".to_owned();
    f.location.path = "a,line=1,title=x::evil\n::error::b.txt".to_owned();
    f.related_locations.clear();
    r.diagnostics[0].message = "d\n::set-output name=x::y\u{1b}]0;title\u{7}".to_owned();
    r.finalize(Severity::High);
    let out = github_of(&r);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), r.summary.active + r.diagnostics.len(), "{out}");
    for l in &lines {
        assert!(
            l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "),
            "{l}"
        );
        // Each item is one line: no raw line break or control character survives.
        assert!(
            !l.contains('\r') && !l.contains('\u{1b}') && !l.contains('\u{7}'),
            "{l}"
        );
    }
    assert!(
        out.contains(
            "::error file=a%2Cline=1%2Ctitle=x%3A%3Aevil%0A%3A%3Aerror%3A%3Ab.txt,line=4,"
        ),
        "{out}"
    );
    assert!(
        out.contains("::100%25 x%0D%0A::add-mask::hunter2%0A::stop-commands::tok\n"),
        "{out}"
    );
    assert!(
        out.contains("d%0A::set-output name=x::y\\u{1b}]0;title\\u{7}\n"),
        "{out}"
    );
}
