//! JUnit XML: snapshot, well-formedness, counts and escaping.

use palisade_core::report::GateStatus;
use palisade_core::{Report, Severity};
use palisade_report::{Format, WriteOptions};

use crate::fixture::{clean_report, render, report_all_scanners_ok, sample_report, versionless};

fn junit_of(report: &Report) -> String {
    render(report, Format::Junit, &WriteOptions::default())
}

/// A tiny XML well-formedness check: balanced, properly nested tags, quoted attributes,
/// entity references we emit, and no character XML 1.0 forbids.
pub(crate) fn check_well_formed(xml: &str) -> Result<(), String> {
    for c in xml.chars() {
        let ok = matches!(c, '\t' | '\n' | '\r')
            || (' '..='\u{D7FF}').contains(&c)
            || ('\u{E000}'..='\u{FFFD}').contains(&c)
            || c >= '\u{10000}';
        if !ok {
            return Err(format!("forbidden character U+{:04X}", c as u32));
        }
    }
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .ok_or("missing XML declaration")?;
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    let mut roots = 0;
    while let Some(open) = rest.find('<') {
        check_text(&rest[..open])?;
        let close = rest[open..].find('>').ok_or("unclosed tag")? + open;
        let tag = &rest[open + 1..close];
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack.pop().ok_or(format!("stray </{name}>"))?;
            if top != name {
                return Err(format!("</{name}> closes <{top}>"));
            }
        } else {
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name = tag.split_whitespace().next().ok_or("empty tag")?;
            check_attributes(tag[name.len()..].trim())?;
            if stack.is_empty() {
                roots += 1;
            }
            if !self_closing {
                stack.push(name.to_owned());
            }
        }
        rest = &rest[close + 1..];
    }
    check_text(rest)?;
    if !stack.is_empty() {
        return Err(format!("unclosed elements {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

fn check_text(t: &str) -> Result<(), String> {
    if t.contains('>') {
        return Err(format!("unescaped > in {t:?}"));
    }
    let mut rest = t;
    while let Some(amp) = rest.find('&') {
        let semi = rest[amp..].find(';').ok_or("bare &")? + amp;
        let entity = &rest[amp + 1..semi];
        let known = matches!(entity, "amp" | "lt" | "gt" | "quot" | "apos")
            || entity
                .strip_prefix('#')
                .is_some_and(|n| n.parse::<u32>().is_ok());
        if !known {
            return Err(format!("unknown entity &{entity};"));
        }
        rest = &rest[semi + 1..];
    }
    Ok(())
}

fn check_attributes(mut attrs: &str) -> Result<(), String> {
    while !attrs.is_empty() {
        let eq = attrs
            .find("=\"")
            .ok_or(format!("bad attribute in {attrs:?}"))?;
        let value_start = eq + 2;
        let end = attrs[value_start..]
            .find('"')
            .ok_or("unterminated attribute")?
            + value_start;
        let value = &attrs[value_start..end];
        if value.contains('<') || value.contains('\n') || value.contains('\t') {
            return Err(format!("unescaped character in attribute {value:?}"));
        }
        check_text(value)?;
        attrs = attrs[end + 1..].trim_start();
    }
    Ok(())
}

/// The value of `name="..."` in the first tag starting with `<{tag} ` in `xml`.
fn attr_of(xml: &str, tag: &str, name: &str) -> usize {
    let start = xml.find(&format!("<{tag} ")).expect("tag present");
    let head = &xml[start..start + xml[start..].find('>').expect("tag end")];
    let key = format!(" {name}=\"");
    let v = &head[head.find(&key).expect("attribute present") + key.len()..];
    v[..v.find('"').expect("closing quote")]
        .parse()
        .expect("a count")
}

#[test]
fn junit_snapshot() {
    let xml = junit_of(&sample_report());
    check_well_formed(&xml).expect("well-formed XML");
    insta::assert_snapshot!("junit", versionless(&xml));
}

#[test]
fn junit_clean_snapshot() {
    let xml = junit_of(&clean_report());
    check_well_formed(&xml).expect("well-formed XML");
    insta::assert_snapshot!("junit_clean", versionless(&xml));
}

#[test]
fn counts_match_the_test_cases() {
    for report in [sample_report(), clean_report()] {
        let xml = junit_of(&report);
        let mut totals = [0usize; 4];
        for suite in xml.split("<testsuite ").skip(1) {
            let suite = format!(
                "<testsuite {}",
                &suite[..suite.find("</testsuite>").expect("end")]
            );
            let cases = suite.matches("<testcase ").count();
            let failed = suite
                .split("<testcase ")
                .skip(1)
                .filter(|c| {
                    c.split("</testcase>")
                        .next()
                        .is_some_and(|c| c.contains("<failure "))
                })
                .count();
            let errors = suite.matches("<error ").count();
            let skipped = suite.matches("<skipped ").count();
            let got = [
                attr_of(&suite, "testsuite", "tests"),
                attr_of(&suite, "testsuite", "failures"),
                attr_of(&suite, "testsuite", "errors"),
                attr_of(&suite, "testsuite", "skipped"),
            ];
            assert_eq!(got, [cases, failed, errors, skipped], "{suite}");
            for (t, g) in totals.iter_mut().zip(got) {
                *t += g;
            }
        }
        let top = [
            attr_of(&xml, "testsuites", "tests"),
            attr_of(&xml, "testsuites", "failures"),
            attr_of(&xml, "testsuites", "errors"),
            attr_of(&xml, "testsuites", "skipped"),
        ];
        assert_eq!(top, totals);
    }
}

#[test]
fn one_failure_per_blocking_finding_and_one_skip_per_suppressed() {
    let report = sample_report();
    let xml = junit_of(&report);
    let blocking = report
        .findings
        .iter()
        .filter(|f| report.gate.blocks(f))
        .count();
    assert_eq!(blocking, 3, "critical aws, high github and high sqli");
    assert_eq!(xml.matches("<failure ").count(), blocking);
    assert_eq!(xml.matches("<skipped ").count(), report.summary.suppressed);
    assert!(xml.contains(
        "<failure message=\"config/production.env:4: AWS secret access key: `wJal…[sha256:3f2a91c0]`\" \
         type=\"critical\">"
    ));
    assert!(xml.contains(
        "<skipped message=\"suppressed (inline): revoked webhook kept as a parser fixture\"/>"
    ));
    // The failed scanner is an error, not a pass.
    assert!(xml.contains("<error message=\"scanner `sast` failed, results are incomplete: python grammar failed to load\" type=\"scanner-failed\"/>"));
}

/// The test cases of `xml`, each as the text from `<testcase ` to the next test case or the
/// end of its suite.
fn testcases(xml: &str) -> Vec<&str> {
    xml.split("<testcase ")
        .skip(1)
        .map(|c| c.split("</testsuite>").next().unwrap_or(c))
        .collect()
}

#[test]
fn issue6_21_one_testcase_per_finding_with_file_and_line() {
    let report = report_all_scanners_ok();
    let xml = junit_of(&report);
    check_well_formed(&xml).expect("well-formed XML");
    for f in &report.findings {
        let l = &f.location;
        let head = format!(
            "<testcase name=\"{} {} at {}:{}:{}\" classname=\"{}.{}\" file=\"{}\" line=\"{}\">",
            f.severity.as_str(),
            f.rule_id,
            l.path,
            l.start_line,
            l.start_column,
            f.category.as_str(),
            f.rule_id,
            l.path,
            l.start_line
        );
        assert_eq!(xml.matches(&head).count(), 1, "{head}\n{xml}");
    }
    // Every finding is a test case; nothing else is, on a scan without failed scanners.
    assert_eq!(
        xml.matches("<testcase ").count(),
        report.findings.len(),
        "{xml}"
    );
}

#[test]
fn issue6_21_failures_agree_with_the_gate() {
    for fail_on in Severity::ALL_DESCENDING {
        let mut report = report_all_scanners_ok();
        report.finalize(fail_on);
        let xml = junit_of(&report);
        check_well_formed(&xml).expect("well-formed XML");
        let failures = attr_of(&xml, "testsuites", "failures");
        let blocking: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.is_active() && f.severity >= fail_on)
            .collect();
        assert_eq!(failures, blocking.len(), "fail-on {fail_on}");
        assert_eq!(
            failures == 0,
            report.gate.status == GateStatus::Passed,
            "the test report passes exactly when the gate does (fail-on {fail_on})"
        );
        // A finding below the threshold passes, and says why.
        for case in testcases(&xml) {
            let passed = !case.contains("<failure ")
                && !case.contains("<skipped ")
                && !case.contains("<error ");
            if passed && !case.starts_with("name=\"no findings\"") {
                assert!(
                    case.contains(&format!("is below fail-on {fail_on}")),
                    "{case}"
                );
            }
        }
        // Suppressed findings are skipped whatever their severity, never failed.
        assert_eq!(
            attr_of(&xml, "testsuites", "skipped"),
            report.summary.suppressed
        );
    }
}

#[test]
fn hostile_text_is_escaped() {
    let mut r = sample_report();
    r.findings[0].message =
        "a\u{1b}[2J <b>&amp;</b> \"q\" 'a' ]]> \u{0}\u{FFFF}\r\nnext".to_owned();
    r.findings[0].location.path = "x<y>&\"z\".txt".to_owned();
    r.diagnostics[0].message = "</system-err><evil/>\u{8}".to_owned();
    r.finalize(palisade_core::Severity::High);
    let xml = junit_of(&r);
    check_well_formed(&xml).expect("well-formed XML");
    assert!(xml.contains("\\u{1b}[2J &lt;b&gt;&amp;amp;&lt;/b&gt;"));
    assert!(xml.contains("&lt;/system-err&gt;&lt;evil/&gt;\\u{8}"));
}

#[test]
fn the_checker_rejects_broken_xml() {
    let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    for bad in [
        "<a><b></a></b>",
        "<a>",
        "<a x=\"1<2\"/>",
        "<a>&nope;</a>",
        "<a>\u{1}</a>",
        "<a/><b/>",
    ] {
        assert!(check_well_formed(&format!("{decl}{bad}")).is_err(), "{bad}");
    }
    assert!(check_well_formed(&format!("{decl}<a x=\"&amp;\"><b/>t&#10;</a>")).is_ok());
}
