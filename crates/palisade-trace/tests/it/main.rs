//! palisade-trace tests: OpenFastTrace notation and the trace; suspect links, scans,
//! YAML and ReqIF, threat models and the outputs.

mod more;

use palisade_trace::{ItemId, collect, trace};

const SPEC: &str = "# Authentication\n\n## Login needs a second factor\n`req~login-mfa~2`\n\nUsers log in with a password and a one-time code.\n\nNeeds: dsn\nTags: security\n\n## Token store\n`dsn~token-store~1`\n\nTokens are kept in a sealed store.\n\nCovers:\n* req~login-mfa~2\n\nNeeds: impl, utest\n\n## Audit log\n`dsn~audit-log~1`\n\nCovers:\n- req~login-mfa~1\n\nNeeds: impl\n\n```\nreq~not-an-item~1\n```\n";

const CODE: &str = "// [impl->dsn~token-store~1]\nfn store() {}\n// [impl->dsn~missing~1]\n";

#[test]
fn ids_parse_as_openfasttrace_writes_them() {
    let id = ItemId::parse("req~login-mfa.v2~3").expect("id");
    assert_eq!(
        (id.kind.as_str(), id.name.as_str(), id.revision),
        ("req", "login-mfa.v2", 3)
    );
    assert_eq!(id.to_string(), "req~login-mfa.v2~3");
    for bad in [
        "req~x",
        "req~x~",
        "req~x~a",
        "re q~x~1",
        "req~x~1~2",
        "~x~1",
    ] {
        assert!(ItemId::parse(bad).is_none(), "{bad}");
    }
}

#[test]
fn markdown_items_and_coverage_tags() {
    let palisade_trace::Collected {
        items, problems, ..
    } = collect(&[
        ("doc/spec.md".into(), SPEC.into()),
        ("src/store.rs".into(), CODE.into()),
    ]);
    assert!(problems.is_empty());
    let ids: Vec<String> = items.iter().map(|i| i.id.to_string()).collect();
    assert_eq!(
        ids[..3],
        ["req~login-mfa~2", "dsn~token-store~1", "dsn~audit-log~1"]
    );
    assert_eq!(
        items.len(),
        5,
        "three items and two tags; nothing from the code block"
    );
    let req = &items[0];
    assert_eq!(
        (req.title.as_str(), req.line),
        ("Login needs a second factor", 4)
    );
    assert_eq!(req.needs, ["dsn"]);
    assert_eq!(req.tags, ["security"]);
    assert!(req.text.contains("one-time code"));
    assert_eq!(
        items[1].covers,
        [ItemId::parse("req~login-mfa~2").expect("id")]
    );
    assert_eq!(items[1].needs, ["impl", "utest"]);
    let tag = &items[3];
    assert!(tag.from_tag);
    assert_eq!(
        (tag.path.as_str(), tag.line, tag.id.kind.as_str()),
        ("src/store.rs", 1, "impl")
    );
}

#[test]
fn trace_reports_each_defect_kind_and_the_verdict() {
    let items = collect(&[
        ("doc/spec.md".into(), SPEC.into()),
        ("src/store.rs".into(), CODE.into()),
    ])
    .items;
    let t = trace(items);
    let status = |id: &str| {
        let it = t
            .items
            .iter()
            .find(|x| x.item.id.to_string() == id)
            .expect(id);
        (
            it.status,
            it.defects
                .iter()
                .map(palisade_trace::Defect::kind)
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(status("req~login-mfa~2"), ("covered", vec![]));
    assert_eq!(
        status("dsn~token-store~1"),
        ("defect", vec!["uncovered"]),
        "utest is missing"
    );
    assert_eq!(
        status("dsn~audit-log~1"),
        ("defect", vec!["uncovered", "outdated"])
    );
    let orphan = t
        .items
        .iter()
        .find(|x| x.item.covers[0].name == "missing")
        .expect("tag");
    assert_eq!(orphan.defects[0].kind(), "orphaned");
    assert_eq!(t.total, 5);
    assert_eq!(t.defects, 3);
    assert_eq!(t.verdict(), "not ok - 5 total, 3 defects");
    assert_eq!(t.defects_by_kind["uncovered"], 2);
    // Expected: 4 needs + 4 covers links; valid: req<-dsn, token-store<-impl, token-store covers, 1 tag.
    assert_eq!((t.links.expected, t.links.valid), (8, 4));
}

#[test]
fn duplicates_and_an_all_covered_project() {
    let spec = "`req~a~1`\nNeeds: impl\n\n# Again\n`req~a~1`\n";
    let t = trace(collect(&[("s.md".into(), spec.into())]).items);
    assert!(
        t.items
            .iter()
            .all(|i| i.defects.iter().any(|d| d.kind() == "duplicate"))
    );
    let ok = "`req~a~1`\nNeeds: impl\n";
    let t = trace(
        collect(&[
            ("s.md".into(), ok.into()),
            ("a.py".into(), "# [impl->req~a~1]\n".into()),
        ])
        .items,
    );
    assert_eq!(t.verdict(), "ok - 2 total");
    assert!((t.trace_score - 1.0).abs() < f64::EPSILON);
}

#[test]
fn tags_know_the_test_function_they_annotate() {
    let code = "import x\n\n# [utest->req~tokens~1]\ndef test_make_token():\n    pass\n\n// [utest->req~tokens~1]\n@Test\npublic void rejectsExpired() {\n}\n\n// [utest->req~tokens~1]\nfunc TestRotate(t *testing.T) {\n}\n// [impl->req~tokens~1]\nconst X = 1;\n";
    let items = palisade_trace::item::parse_tags("t.py", code);
    let tests: Vec<Option<&str>> = items.iter().map(|i| i.test.as_deref()).collect();
    assert_eq!(
        tests,
        [
            Some("test_make_token"),
            Some("rejectsExpired"),
            Some("TestRotate"),
            None
        ]
    );
}

#[test]
fn junit_results_verify_or_fail_items() {
    use palisade_trace::junit::{Outcome, parse};
    let xml = r#"<?xml version="1.0"?><testsuites><testsuite name="s"><testcase classname="tests.test_tokens" name="test_make"/><testcase classname="tests.test_tokens" name="test_expiry"><failure message="boom">trace</failure></testcase><testcase classname="x" name="test_skip"><skipped/></testcase></testsuite></testsuites>"#;
    let (cases, problem) = parse("results.xml", xml);
    assert!(problem.is_none());
    assert_eq!(
        cases.iter().map(|c| c.outcome).collect::<Vec<_>>(),
        [Outcome::Passed, Outcome::Failed, Outcome::Skipped]
    );
    let spec = "`req~make~1`\nNeeds: utest\n\n`req~expiry~1`\nNeeds: utest\n\n`req~never~1`\nNeeds: utest\n";
    let tests = "# [utest->req~make~1]\ndef test_make():\n    pass\n\n# [utest->req~expiry~1]\ndef test_expiry():\n    pass\n\n# [utest->req~never~1]\ndef test_never_run():\n    pass\n";
    let t = trace(
        collect(&[
            ("spec.md".into(), spec.into()),
            ("tests/test_tokens.py".into(), tests.into()),
        ])
        .items,
    );
    assert_eq!(t.verdict(), "ok - 6 total");
    let t = palisade_trace::verify(t, &cases);
    let v = |id: &str| {
        let it = t
            .items
            .iter()
            .find(|x| x.item.id.to_string() == id)
            .expect(id);
        (it.verification, it.status)
    };
    assert_eq!(v("req~make~1"), (Some("verified"), "covered"));
    assert_eq!(v("req~expiry~1"), (Some("failing"), "defect"));
    assert_eq!(v("req~never~1"), (Some("not-run"), "covered"));
    assert_eq!(t.verdict(), "not ok - 6 total, 1 defect");
    // Malformed and hostile results: a problem with a line, the cases before it kept.
    let (cases, problem) = parse(
        "bad.xml",
        "<testsuite><testcase name=\"a\"/>\n<testcase name=\"b\"></testsuite>",
    );
    assert_eq!(cases.len(), 1);
    assert!(problem.is_some_and(|p| p.line == 2));
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<testsuite><testcase name=\"&lol2;\"/></testsuite>";
    let (cases, problem) = parse("bomb.xml", bomb);
    assert!(cases.is_empty());
    assert!(problem.is_some_and(|p| p.message.contains("DOCTYPE")));
}
