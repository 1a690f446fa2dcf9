//! Terminal output: snapshots with and without colour, suppressed findings, sanitising.

use palisade_report::{Format, WriteOptions};

use crate::fixture::{clean_report, render, report_all_scanners_ok, sample_report};

fn plain(report: &palisade_core::Report) -> String {
    render(report, Format::Terminal, &WriteOptions::default())
}

/// Make escape sequences visible in snapshot files.
fn visible_escapes(s: &str) -> String {
    s.replace('\x1b', "\\e")
}

#[test]
fn terminal_plain() {
    insta::assert_snapshot!("terminal_plain", plain(&sample_report()));
}

#[test]
fn terminal_color() {
    let opts = WriteOptions {
        color: true,
        ..WriteOptions::default()
    };
    let out = render(&sample_report(), Format::Terminal, &opts);
    assert!(out.contains("\x1b[1;97;41m CRITICAL \x1b[0m"), "{out}");
    insta::assert_snapshot!("terminal_color", visible_escapes(&out));
}

#[test]
fn terminal_show_suppressed() {
    let opts = WriteOptions {
        show_suppressed: true,
        max_related: 10,
        ..WriteOptions::default()
    };
    insta::assert_snapshot!(
        "terminal_show_suppressed",
        render(&sample_report(), Format::Terminal, &opts)
    );
}

#[test]
fn terminal_show_suppressed_color() {
    let opts = WriteOptions {
        color: true,
        show_suppressed: true,
        ..WriteOptions::default()
    };
    let out = render(&sample_report(), Format::Terminal, &opts);
    assert!(
        out.contains("\x1b[2m SUPPRESSED  private-key  Private key (high)\x1b[0m"),
        "{out}"
    );
}

#[test]
fn terminal_clean_scan() {
    insta::assert_snapshot!("terminal_clean", plain(&clean_report()));
}

#[test]
fn summary_lines() {
    let line = |r: &palisade_core::Report| {
        let mut buf = Vec::new();
        palisade_report::write_summary(r, &WriteOptions::default(), &mut buf)
            .expect("write to Vec");
        String::from_utf8(buf).expect("utf-8")
    };
    assert_eq!(
        line(&sample_report()),
        "✗ 4 findings (1 critical, 2 high, 1 medium), 2 suppressed · 38 files scanned, \
         2 skipped · gate failed: scanner sast failed\n"
    );
    assert_eq!(
        line(&report_all_scanners_ok()),
        "✗ 4 findings (1 critical, 2 high, 1 medium), 2 suppressed · 38 files scanned, \
         2 skipped · gate failed: fail-on high\n"
    );
    assert_eq!(
        line(&clean_report()),
        "✓ no findings · 38 files scanned · gate passed\n"
    );
    // The full output ends with the same line.
    assert!(plain(&sample_report()).ends_with(&line(&sample_report())));
}

#[test]
fn findings_are_grouped_by_severity() {
    let out = plain(&sample_report());
    let pos = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("{needle} in {out}"))
    };
    assert!(pos(" CRITICAL ") < pos(" HIGH "));
    assert!(pos(" HIGH ") < pos(" MEDIUM "));
    // Suppressed findings are counted, not listed.
    assert!(!out.contains("slack-webhook-url"));
    assert!(!out.contains("private-key"));
}

#[test]
fn related_locations_are_capped() {
    let opts = |n| WriteOptions {
        max_related: n,
        ..WriteOptions::default()
    };
    let r = sample_report();
    let out = render(&r, Format::Terminal, &opts(1));
    assert!(
        out.contains("= also in: deploy/ci.sh:12 (+4 more)"),
        "{out}"
    );
    let out = render(&r, Format::Terminal, &opts(0));
    assert!(out.contains("= also in 5 other locations"), "{out}");
    let out = render(&r, Format::Terminal, &opts(5));
    assert!(out.contains("tools/ré-key.sh:9\n"), "{out}");
}

#[test]
fn plain_output_is_ascii_apart_from_marks() {
    let out = plain(&sample_report());
    assert!(!out.contains('\x1b'));
    let odd: Vec<char> = out
        .chars()
        .filter(|c| !c.is_ascii() && !matches!(c, '…' | '✓' | '✗' | '·'))
        .collect();
    assert!(odd.is_empty(), "unexpected characters {odd:?}");
}

#[test]
fn hostile_text_cannot_drive_the_terminal() {
    let mut r = sample_report();
    let f = &mut r.findings[0];
    f.message = "boom \x1b]0;pwned\x07 \x1b[2J".to_owned();
    f.location.path = "evil\u{202E}txt.exe".to_owned();
    if let Some(sn) = &mut f.snippet {
        sn.text = format!("\x1b[31m{}", sn.text);
    }
    r.diagnostics[0].message = "line\rover\x1b[1A".to_owned();
    for color in [false, true] {
        let opts = WriteOptions {
            color,
            ..WriteOptions::default()
        };
        let out = render(&r, Format::Terminal, &opts);
        let stripped = out
            .replace("\x1b[0m", "")
            .replace("\x1b[1m", "")
            .replace("\x1b[2m", "")
            .replace("\x1b[1;31m", "")
            .replace("\x1b[1;32m", "")
            .replace("\x1b[1;33m", "")
            .replace("\x1b[1;34m", "")
            .replace("\x1b[1;36m", "")
            .replace("\x1b[1;94m", "")
            .replace("\x1b[1;97;41m", "");
        assert!(!stripped.contains('\x1b'), "raw escape in output: {out:?}");
        assert!(!stripped.contains('\r') && !stripped.contains('\u{202E}'));
        assert!(out.contains("boom \\u{1b}]0;pwned\\u{7} \\u{1b}[2J"));
        assert!(out.contains("evil\\u{202e}txt.exe"));
    }
}
