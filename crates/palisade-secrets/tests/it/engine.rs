//! Engine behaviour on synthetic rules: chunking, redaction, suppressions, overlaps, bad input.

use palisade_secrets::rule::parse_file;
use palisade_secrets::{Engine, EngineOptions, FileInfo};

const RULES: &str = r#"
[[rule]]
id = "test-token"
title = "Test token"
severity = "high"
confidence = "high"
cwe = ["CWE-798"]
keywords = ["tkn_"]
pattern = '''\b(?P<secret>tkn_[A-Za-z0-9]{24})\b'''
min_entropy = 3.0
description = "d"
remediation = "r"
examples = ["tkn_Q2x9LmV4pR7sT1uW3yZ5aB8c"]
negative_examples = ["tkn_short"]

[[rule]]
id = "test-generic"
title = "Test generic secret"
severity = "medium"
confidence = "low"
cwe = ["CWE-798"]
keywords = ["secret"]
pattern = '''(?i)secret\s*=\s*"(?P<secret>[^"\s]{12,})"'''
description = "d"
remediation = "r"
examples = ['secret = "Zq8Lm2Vx9Rt4Wp7K"']
negative_examples = ['secret = ""']

[[rule]]
id = "test-pem"
title = "Test PEM key"
severity = "critical"
confidence = "high"
cwe = ["CWE-321"]
keywords = ["begin test key"]
pattern = '''(?P<secret>-----BEGIN TEST KEY-----\n(?:[A-Za-z0-9+/=]{16,64}\n){1,50}-----END TEST KEY-----)'''
multiline = true
description = "d"
remediation = "r"
examples = ["x"]
negative_examples = ["y"]
"#;

const TOKEN: &str = "tkn_Q2x9LmV4pR7sT1uW3yZ5aB8c";

fn engine(show: bool) -> Engine {
    let rules = parse_file("test.toml", RULES).expect("rules compile");
    Engine::new(rules, &EngineOptions::new(vec![], vec![], show))
}

fn info(rel: &str) -> FileInfo<'_> {
    FileInfo {
        rel,
        test_like: false,
        lockfile: false,
        docs: false,
    }
}

#[test]
fn finds_and_redacts() {
    let e = engine(false);
    let text = format!("line one\nconst t = \"{TOKEN}\"; // deploy\n");
    let res = e.scan_bytes(text.as_bytes(), info("src/a.js"));
    assert_eq!(res.findings.len(), 1);
    let f = &res.findings[0];
    assert_eq!((f.location.start_line, f.location.start_column), (2, 12));
    assert_eq!(f.location.end_column, 12 + TOKEN.len() as u32);
    let json = serde_json::to_string(f).expect("json");
    assert!(!json.contains(TOKEN), "secret leaked: {json}");
    assert!(!json.contains(&TOKEN[6..]), "secret tail leaked: {json}");
    let snip = f.snippet.as_ref().expect("snippet");
    assert!(
        snip.text.starts_with("const t = \"tkn_…\""),
        "{}",
        snip.text
    );
    let (a, b) = snip.highlight;
    assert!(snip.text[(a - 1) as usize..(b - 1) as usize].starts_with("tkn_…"));
}

#[test]
fn show_secrets_is_explicit() {
    let res = engine(true).scan_bytes(TOKEN.as_bytes(), info("a"));
    assert!(
        serde_json::to_string(&res.findings)
            .expect("json")
            .contains(TOKEN)
    );
}

#[test]
fn fingerprint_ignores_position_and_path() {
    let e = engine(false);
    let a = e.scan_bytes(format!("x = {TOKEN}\n").as_bytes(), info("a.txt"));
    let b = e.scan_bytes(format!("\n\n\n  y = {TOKEN}\n").as_bytes(), info("b/c.txt"));
    assert_eq!(a.findings[0].fingerprint, b.findings[0].fingerprint);
}

#[test]
fn specific_rule_wins_overlap() {
    let e = engine(false);
    let res = e.scan_bytes(format!("secret = \"{TOKEN}\"\n").as_bytes(), info("a.py"));
    let ids: Vec<_> = res.findings.iter().map(|f| f.rule_id.as_str()).collect();
    assert_eq!(ids, ["test-token"]);
}

#[test]
fn low_confidence_rules_skip_tests_and_lockfiles() {
    let e = engine(false);
    let text = b"secret = \"Zq8Lm2Vx9Rt4Wp7K\"\n";
    assert_eq!(e.scan_bytes(text, info("src/a.py")).findings.len(), 1);
    let t = FileInfo {
        rel: "tests/a.py",
        test_like: true,
        lockfile: false,
        docs: false,
    };
    assert!(e.scan_bytes(text, t).findings.is_empty());
}

#[test]
fn inline_suppressions() {
    let e = engine(false);
    let text = format!(
        "a = {TOKEN} # palisade:ignore[test-token] revoked in 2024, kept as a parser fixture\n\
         # palisade:ignore[test-token]\n\
         b = {TOKEN}\n\
         # palisade:ignore[test-token] nothing here\n\
         c = 1\n"
    );
    let res = e.scan_bytes(text.as_bytes(), info("a.py"));
    assert_eq!(res.findings.len(), 2);
    let s = res.findings[0].suppression.as_ref().expect("suppressed");
    assert_eq!(s.reason, "revoked in 2024, kept as a parser fixture");
    assert!(
        res.findings[1].suppression.is_none(),
        "no reason: does not apply"
    );
    let codes: Vec<_> = res
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line))
        .collect();
    assert_eq!(
        codes,
        [
            ("suppression-missing-reason", Some(2)),
            ("suppression-unused", Some(4))
        ]
    );
}

#[test]
fn multiline_pem() {
    let e = engine(false);
    let body = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n".repeat(3);
    let text = format!("key:\n-----BEGIN TEST KEY-----\n{body}-----END TEST KEY-----\n");
    let res = e.scan_bytes(text.as_bytes(), info("k.pem"));
    assert_eq!(res.findings.len(), 1);
    let f = &res.findings[0];
    assert_eq!((f.location.start_line, f.location.end_line), (2, 6));
    assert!(!f.snippet.as_ref().expect("snippet").text.contains("QUJD"));
}

#[test]
fn chunked_reader_matches_in_memory_and_handles_huge_lines() {
    let e = engine(false);
    // ~20 MB: a minified single line with tokens, then normal lines; crosses chunk bounds.
    let mut data = Vec::new();
    let mut expected_cols = Vec::new();
    for i in 0..700_000u32 {
        if i % 100_000 == 7 {
            expected_cols.push(data.len() + 1);
            data.extend_from_slice(TOKEN.as_bytes());
            data.push(b';');
        } else {
            data.extend_from_slice(b"var a=1;b=2;c=3;");
        }
    }
    data.extend_from_slice(b"\nnext line\n");
    data.extend_from_slice(format!("z = {TOKEN}\n").as_bytes());
    let mem = e.scan_bytes(&data, info("min.js"));
    let mut reader = std::io::Cursor::new(&data);
    let streamed = e.scan_reader(&mut reader, info("min.js")).expect("read");
    assert_eq!(mem.findings, streamed.findings);
    let cols: Vec<_> = streamed
        .findings
        .iter()
        .filter(|f| f.location.start_line == 1)
        .map(|f| f.location.start_column as usize)
        .collect();
    assert_eq!(cols, expected_cols);
    let last = streamed.findings.last().expect("last");
    assert_eq!(
        (last.location.start_line, last.location.start_column),
        (3, 5)
    );
}

#[test]
fn binary_and_invalid_utf8() {
    let e = engine(false);
    let mut bin = vec![0u8, 1, 2, 3];
    bin.extend_from_slice(TOKEN.as_bytes());
    assert!(e.scan_bytes(&bin, info("a.bin")).binary);
    let mut bad = vec![0xff, 0xfe, b' '];
    bad.extend_from_slice(TOKEN.as_bytes());
    bad.extend_from_slice(&[b' ', 0xc3, b'\n']);
    let res = e.scan_bytes(&bad, info("a.txt"));
    assert_eq!(res.findings.len(), 1);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4096)) {
        let e = engine(false);
        let _ = e.scan_bytes(&data, info("fuzz"));
        let mut r = std::io::Cursor::new(&data);
        let _ = e.scan_reader(&mut r, info("fuzz"));
    }

    #[test]
    fn keyword_soup_never_panics(parts in proptest::collection::vec("(tkn_|secret|=|\"|-----BEGIN TEST KEY-----|\n|[A-Za-z0-9]{1,30}|palisade:ignore\\[test-token\\]| )", 0..80)) {
        let e = engine(false);
        let text = parts.concat();
        let _ = e.scan_bytes(text.as_bytes(), info("fuzz"));
    }
}
