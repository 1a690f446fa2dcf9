//! Hostile input against the engine with the built-in rules (issue 5): secrets side by side,
//! across chunk edges and inside encodings must never reach any writer's output; chunking
//! must not lose a match; one file cannot make the engine hold unbounded findings.

use std::fmt::Write as _;
use std::sync::OnceLock;

use palisade_core::report::{
    Coverage, Gate, GateStatus, ScanMode, ScannerRun, ScannerStatus, Summary, Target, ToolInfo,
};
use palisade_core::{Diagnostic, Finding, Report, Severity};
use palisade_report::{Format, WriteOptions};
use palisade_secrets::engine::{MARGIN, MAX_OCCURRENCES_PER_RULE};
use palisade_secrets::filter::is_placeholder;
use palisade_secrets::validate::crc32_checksum;
use palisade_secrets::{Engine, EngineOptions, FileInfo, FileResult, builtin_rules};

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// Where chunks overlapped before issue 5 (8 MiB − 64 KiB).
const OLD_EDGE: usize = 8 * 1024 * 1024 - 64 * 1024;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::new(
            builtin_rules().expect("built-in rules"),
            &EngineOptions::default(),
        )
    })
}

/// Deterministic base62 text.
fn random62(seed: u64, len: usize) -> String {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            BASE62[(x % 62) as usize] as char
        })
        .collect()
}

/// The first value of `make(seed)`, `make(seed + 1)`, ... that is not a placeholder (random
/// text now and then holds `xxxx` or `dummy`).
fn real(seed: u64, make: impl Fn(u64) -> String) -> String {
    (seed..seed + 1000)
        .map(make)
        .find(|s| !is_placeholder(s.as_bytes()))
        .expect("some seed gives a non-placeholder")
}

/// A GitHub classic token with a valid checksum.
fn ghp(seed: u64) -> String {
    real(seed.wrapping_mul(1 << 16), |seed| {
        let body = random62(seed, 30);
        format!("ghp_{body}{}", crc32_checksum(body.as_bytes()))
    })
}

/// A Stripe live key with 99 random characters.
fn stripe(seed: u64) -> String {
    real(seed.wrapping_mul(1 << 16), |seed| {
        format!("sk_live_{}", random62(seed, 99))
    })
}

/// Everything every writer prints for these results.
fn render_all(res: &FileResult) -> String {
    let mut report = Report {
        schema_version: palisade_core::report::SCHEMA_VERSION.to_owned(),
        tool: ToolInfo {
            name: "palisade".into(),
            version: "0".into(),
        },
        target: Target {
            path: ".".into(),
            paths: vec![".".into()],
            mode: ScanMode::Directory,
        },
        started_at: None,
        duration_ms: None,
        scanners: vec![ScannerRun {
            name: "secrets".into(),
            status: ScannerStatus::Ok,
            rules: 1,
            findings: res.findings.len(),
            error: None,
            duration_ms: None,
            database: None,
        }],
        rules: engine().rules().iter().map(|r| r.meta.clone()).collect(),
        findings: res.findings.clone(),
        diagnostics: res.diagnostics.clone(),
        coverage: Coverage::default(),
        summary: Summary::default(),
        gate: Gate {
            fail_on: Severity::High,
            status: GateStatus::Passed,
            reasons: vec![],
            policies: Vec::new(),
        },
    };
    report.finalize(Severity::High);
    let mut out = Vec::new();
    for format in [Format::Terminal, Format::Json, Format::Sarif, Format::Junit] {
        let opts = WriteOptions {
            show_suppressed: true,
            ..WriteOptions::default()
        };
        palisade_report::write(&report, format, &opts, &mut out).expect("render");
    }
    String::from_utf8(out).expect("utf-8 output")
}

/// No 6 characters in a row of `secret` after its first `shown` characters appear in `out`.
fn assert_hidden(out: &str, secret: &str, shown: usize) {
    let tail = &secret.as_bytes()[shown..];
    for w in tail.windows(6) {
        let w = std::str::from_utf8(w).expect("ascii secret");
        if let Some(at) = out.find(w) {
            let from = out[..at].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
            let to = out[at..]
                .char_indices()
                .nth(80)
                .map_or(out.len(), |(i, _)| at + i);
            panic!(
                "`{w}` of detected secret {secret} leaked into the output: …{}…",
                &out[from..to]
            );
        }
    }
}

fn ids(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.rule_id.as_str()).collect()
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
fn issue5_01_neighbouring_secrets_are_redacted_in_each_others_snippets() {
    let (s, g) = (stripe(1), ghp(2));
    let line = format!("{{\"stripe\": \"{s}\", \"gh\": \"{g}\"}}\n");
    let res = engine().scan_bytes(line.as_bytes(), info("keys.json"));
    let mut found = ids(&res.findings);
    found.sort_unstable();
    assert_eq!(
        found,
        ["github-personal-access-token", "stripe-live-secret-key"]
    );
    let out = render_all(&res);
    assert_hidden(&out, &s, 3);
    assert_hidden(&out, &g, 4);
}

#[test]
fn issue5_02_secret_in_the_next_chunk_is_redacted_in_this_chunks_snippet() {
    let (s, g) = (stripe(3), ghp(4));
    let head = format!("keys = \"{s}\",\"");
    let mut data = vec![b'#'; OLD_EDGE - head.len() - 1];
    data.push(b'\n');
    data.extend_from_slice(head.as_bytes());
    data.extend_from_slice(format!("{g}\"\n").as_bytes());
    let res = engine()
        .scan_reader(&mut data.as_slice(), info("keys.txt"))
        .expect("read");
    let mut found = ids(&res.findings);
    found.sort_unstable();
    assert_eq!(
        found,
        ["github-personal-access-token", "stripe-live-secret-key"]
    );
    let out = render_all(&res);
    assert_hidden(&out, &s, 3);
    assert_hidden(&out, &g, 4);
}

#[test]
fn issue5_03_private_keys_show_only_the_begin_label() {
    let body: Vec<String> = (0..6).map(|i| random62(10 + i, 64)).collect();
    let escaped = format!(
        "key: \"-----BEGIN RSA PRIVATE KEY-----\\n{}\\n-----END RSA PRIVATE KEY-----\\n\"\n",
        body.join("\\n")
    );
    // Newlines turned into spaces (as in an environment variable): the first body line
    // sits on the BEGIN line.
    let same_line = format!(
        "-----BEGIN RSA PRIVATE KEY----- {} -----END RSA PRIVATE KEY-----\n",
        body.join(" ")
    );
    for text in [escaped, same_line] {
        let res = engine().scan_bytes(text.as_bytes(), info("deploy/key.yaml"));
        assert_eq!(
            ids(&res.findings),
            ["rsa-private-key"],
            "{text}\n{:#?}",
            res.findings
        );
        let f = &res.findings[0];
        assert_eq!(
            f.properties["secret_prefix"],
            "-----BEGIN RSA PRIVATE KEY-----"
        );
        let out = render_all(&res);
        for line in &body {
            assert_hidden(&out, line, 0);
        }
    }
}

#[test]
fn issue5_05_password_like_and_heuristic_findings_show_no_characters() {
    let text = "DB_PASSWORD=\"summer-breeze-42\"\n\
                conn = \"postgres://app:Wint3r-Sky-9@db.internal:5432/app\"\n";
    let res = engine().scan_bytes(text.as_bytes(), info("config/app.env"));
    let mut found = ids(&res.findings);
    found.sort_unstable();
    assert_eq!(
        found,
        ["generic-password-assignment", "postgres-connection-uri"]
    );
    for f in &res.findings {
        assert_eq!(f.properties["secret_prefix"], "", "{}", f.rule_id);
        // Nothing derived from a password-like value: no prefix, no hash.
        assert!(f.message.ends_with(": `…`"), "{}", f.message);
    }
    let out = render_all(&res);
    for secret in ["summer-breeze-42", "Wint3r-Sky-9"] {
        assert_hidden(&out, secret, 0);
        let json = serde_json::to_string(&res.findings).expect("json");
        assert!(
            !json.contains(&secret[..4]),
            "prefix of {secret} shown: {json}"
        );
    }
}

/// A generic password whose keyword and value sit on both sides of chunk edges.
#[test]
fn issue5_06_matches_across_chunk_edges_are_found_once() {
    let chunk = 4 * MARGIN;
    // Own ranges of the chunks: [0, chunk - MARGIN), then steps of chunk - 2 * MARGIN.
    let first_edge = chunk - MARGIN;
    let second_edge = first_edge + chunk - 2 * MARGIN;
    let value = "Xq7-Lm2!vR9pKw4z";
    for edge in [first_edge, second_edge] {
        for shift in 0..40usize {
            let line = format!("db_password = \"{value}\"\n");
            // The line starts `shift` bytes before the edge: the keyword, the value or the
            // closing quote straddles it.
            let start = edge - shift;
            let mut data = vec![b'.'; start - 1];
            data.push(b'\n');
            data.extend_from_slice(line.as_bytes());
            data.extend(std::iter::repeat_n(b'.', 3 * MARGIN));
            let res = engine()
                .scan_reader_chunked(&mut data.as_slice(), info("app.cfg"), chunk)
                .expect("read");
            assert_eq!(
                ids(&res.findings),
                ["generic-password-assignment"],
                "edge {edge}, shift {shift}"
            );
            assert_eq!(res.findings[0].location.start_line, 2);
        }
    }
    // And at the real chunk size.
    let line = format!("db_password = \"{value}\"\n");
    let mut data = vec![b'.'; OLD_EDGE - 8];
    data.push(b'\n');
    data.extend_from_slice(line.as_bytes());
    data.extend(std::iter::repeat_n(b'.', 200 * 1024));
    let res = engine()
        .scan_reader(&mut data.as_slice(), info("app.cfg"))
        .expect("read");
    assert_eq!(ids(&res.findings), ["generic-password-assignment"]);
}

#[test]
fn issue5_13_cr_only_line_endings_count_lines() {
    let g = ghp(5);
    let text = format!("first\rsecond\rtoken = \"{g}\"\rlast\r");
    let res = engine().scan_bytes(text.as_bytes(), info("old-mac.txt"));
    let f = &res.findings[0];
    assert_eq!((f.location.start_line, f.location.start_column), (3, 10));
    let snippet = f.snippet.as_ref().expect("snippet");
    assert_eq!(snippet.line, 3);
    assert!(
        snippet.text.starts_with("token = \"ghp_…"),
        "{}",
        snippet.text
    );
    // CRLF files keep counting line feeds.
    let text = format!("first\r\nsecond\r\ntoken = \"{g}\"\r\n");
    let res = engine().scan_bytes(text.as_bytes(), info("dos.txt"));
    assert_eq!(res.findings[0].location.start_line, 3);
}

#[test]
fn issue5_15_occurrences_per_rule_and_file_are_capped_and_counted() {
    let mut text = String::new();
    let n = 2000usize;
    for i in 0..n {
        let value = real(100 + i as u64 * 7, |seed| {
            format!("{}7!", random62(seed, 14))
        });
        let _ = writeln!(text, "password=\"{value}\"");
    }
    let res = engine().scan_bytes(text.as_bytes(), info("dump.env"));
    assert_eq!(res.findings.len(), MAX_OCCURRENCES_PER_RULE + 1);
    let last = res.findings.last().expect("representative");
    assert!(last.is_active());
    assert_eq!(
        last.properties["omitted_occurrences"],
        n - MAX_OCCURRENCES_PER_RULE - 1
    );
    assert_eq!(
        last.location.start_line as usize,
        MAX_OCCURRENCES_PER_RULE + 1
    );
    let diag: Vec<&Diagnostic> = res
        .diagnostics
        .iter()
        .filter(|d| d.code == "findings-limit")
        .collect();
    assert_eq!(diag.len(), 1, "{:?}", res.diagnostics);
    assert!(
        diag[0].message.contains("2000 occurrences"),
        "{}",
        diag[0].message
    );
    // Streamed in chunks, the same.
    let streamed = engine()
        .scan_reader_chunked(&mut text.as_bytes(), info("dump.env"), 4 * MARGIN)
        .expect("read");
    assert_eq!(streamed.findings, res.findings);
}

#[test]
fn issue5_16_many_inline_suppressions_are_matched_by_line() {
    let n = 20_000usize;
    let mut text = String::new();
    for i in 0..n {
        let _ = writeln!(
            text,
            "t{i} = \"{}\" # palisade:ignore[github-personal-access-token] revoked test token",
            ghp(1000 + i as u64)
        );
    }
    let res = engine().scan_bytes(text.as_bytes(), info("tokens.py"));
    // All listed findings are suppressed, the unlisted ones are all suppressed too, so no
    // finding stands for them.
    assert_eq!(res.findings.len(), MAX_OCCURRENCES_PER_RULE);
    assert!(res.findings.iter().all(|f| !f.is_active()));
    let codes: Vec<&str> = res.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["findings-limit"], "{:?}", res.diagnostics);
    // One unsuppressed token among them keeps the gate failing.
    let extra = format!("\nloose = \"{}\"\n", ghp(99));
    let text = format!("{text}{extra}");
    let res = engine().scan_bytes(text.as_bytes(), info("tokens.py"));
    let active: Vec<&Finding> = res.findings.iter().filter(|f| f.is_active()).collect();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].location.start_line as usize, n + 2);
}

#[test]
fn snippets_escape_terminal_control_sequences() {
    let g = ghp(6);
    let text = format!("\x1b]0;pwned\x07 token = \"{g}\" \x1b[2J\u{9b}31m\n");
    let res = engine().scan_bytes(text.as_bytes(), info("evil.txt"));
    let out = render_all(&res);
    assert!(!out.contains('\x1b') && !out.contains('\x07') && !out.contains('\u{9b}'));
    assert_hidden(&out, &g, 4);
}

mod props {
    use proptest::prelude::*;

    use super::*;

    /// How a secret is written into the file.
    fn encode(secret: &str, how: u8) -> String {
        match how % 5 {
            0 => secret.to_owned(),
            1 => format!("\"{secret}\""),
            2 => format!("'{secret}',"),
            3 => format!("key: \"{secret}\\n\""),
            _ => format!("{{\"v\":\"{secret}\"}}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Secrets side by side, glued with arbitrary separators and encodings: none of
        /// their characters (beyond the documented vendor prefix) reaches any writer.
        #[test]
        fn detected_secrets_never_reach_any_writer(
            seeds in proptest::collection::vec((any::<u64>(), any::<bool>(), any::<u8>()), 1..8),
            seps in proptest::collection::vec("[ ,;:=\"'\\n\\t]{1,3}", 8),
            prefix in "[a-z_ =]{0,80}",
        ) {
            let mut text = prefix;
            let mut secrets = Vec::new();
            for (i, (seed, kind, how)) in seeds.iter().enumerate() {
                let (s, shown) = if *kind { (ghp(*seed), 4) } else { (stripe(*seed), 3) };
                text.push_str(&encode(&s, *how));
                text.push_str(&seps[i]);
                secrets.push((s, shown));
            }
            let res = engine().scan_bytes(text.as_bytes(), info("mixed.txt"));
            let out = render_all(&res);
            // A token is detected when a finding carries its (high-entropy) fingerprint.
            let detected = |s: &str| {
                let digest = palisade_core::fingerprint::sha256_hex(s.as_bytes());
                res.findings.iter().any(|f| {
                    f.fingerprint
                        == palisade_core::fingerprint::fingerprint(&[
                            b"secrets",
                            f.rule_id.as_bytes(),
                            digest.as_bytes(),
                        ])
                })
            };
            for (s, shown) in &secrets {
                if detected(s) {
                    assert_hidden(&out, s, *shown);
                }
            }
        }

        /// Chunked reading finds exactly what a whole-file scan finds, wherever the chunk
        /// edges fall, and hides every secret in every snippet.
        #[test]
        fn chunked_equals_whole_and_never_leaks(
            positions in proptest::collection::vec((0usize..(3 * MARGIN), any::<u64>(), any::<bool>()), 1..6),
            newlines in any::<bool>(),
        ) {
            let mut positions = positions;
            positions.sort_unstable();
            let mut data = Vec::new();
            let mut secrets = Vec::new();
            let filler = if newlines { "lorem ipsum dolor\n" } else { "lorem ipsum dolor " };
            for (pos, seed, kind) in positions {
                let target = MARGIN + pos;
                while data.len() < target {
                    data.extend_from_slice(filler.as_bytes());
                }
                let (s, shown) = if kind { (ghp(seed), 4) } else { (stripe(seed), 3) };
                data.extend_from_slice(format!("k=\"{s}\",").as_bytes());
                secrets.push((s, shown));
            }
            data.extend(std::iter::repeat_n(b' ', MARGIN));
            let whole = engine().scan_bytes(&data, info("f.txt"));
            let chunked = engine()
                .scan_reader_chunked(&mut data.as_slice(), info("f.txt"), 4 * MARGIN)
                .expect("read");
            prop_assert_eq!(&whole.findings, &chunked.findings);
            let out = render_all(&chunked);
            for (s, shown) in &secrets {
                assert_hidden(&out, s, *shown);
            }
        }
    }
}

/// A fresh engine (the shared one's fingerprint cache would hide KDF calls).
fn fresh_engine() -> Engine {
    Engine::new(builtin_rules().expect("rules"), &EngineOptions::default())
}

#[test]
fn issue6_11_password_fingerprints_are_memory_hard_and_bounded_per_file() {
    let e = fresh_engine();
    // Forty distinct password-like values in one file.
    let mut text = String::new();
    for i in 0..40 {
        let _ = writeln!(text, "DB_PASSWORD_{i} = \"Tr0ub4dor&{i}x-horse\"");
    }
    let res = e.scan_bytes(text.as_bytes(), info("config/app.env"));
    assert_eq!(res.findings.len(), 40);
    // At most 16 Argon2id computations for this file; the rest are context fingerprints,
    // and a note says so.
    assert_eq!(e.kdf_calls(), 16);
    assert!(
        res.diagnostics
            .iter()
            .any(|d| d.code == "fingerprint-limit"),
        "{:?}",
        res.diagnostics
    );
    // Every fingerprint is distinct, and none is a fast hash of the value.
    let mut fps: Vec<&str> = res
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    fps.sort_unstable();
    fps.dedup();
    assert_eq!(fps.len(), 40);
    for (i, f) in res.findings.iter().enumerate() {
        let value = format!("Tr0ub4dor&{i}x-horse");
        let digest = palisade_core::fingerprint::sha256_hex(value.as_bytes());
        let fast = palisade_core::fingerprint::fingerprint(&[
            b"secrets",
            f.rule_id.as_bytes(),
            digest.as_bytes(),
        ]);
        assert_ne!(f.fingerprint, fast);
        assert!(!f.properties.contains_key("secret_sha256"));
        assert!(!f.properties.contains_key("secret_length"));
        assert_eq!(f.properties["secret_prefix"], "");
    }
    // The same file again: the same fingerprints, from the cache (no new computation), and
    // which values fell back does not depend on what other files held.
    let again = e.scan_bytes(text.as_bytes(), info("config/app.env"));
    let fps2: Vec<&str> = again
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    let fps1: Vec<&str> = res
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    assert_eq!(fps1, fps2);
    assert_eq!(e.kdf_calls(), 16);
    // Another engine (another machine, another run) computes the same fingerprints.
    let other = fresh_engine().scan_bytes(text.as_bytes(), info("config/app.env"));
    let fps3: Vec<&str> = other
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    assert_eq!(fps1, fps3);
}

#[test]
fn issue6_11_public_identifiers_are_shown_and_secret_parts_are_not() {
    let e = fresh_engine();
    let hook = format!(
        "SLACK = \"https://hooks.slack.com/services/T0ABCDEFGH/B0IJKLMNOP/{}\"\n",
        "q7mZ2vK9pL4wR8tY3nB6cX1h"
    );
    let res = e.scan_bytes(hook.as_bytes(), info("notify.py"));
    assert_eq!(res.findings.len(), 1, "{:?}", res.findings);
    let f = &res.findings[0];
    assert_eq!(f.properties["public_id"], "T0ABCDEFGH/B0IJKLMNOP");
    assert!(
        f.message.ends_with("(id T0ABCDEFGH/B0IJKLMNOP)"),
        "{}",
        f.message
    );
    let json = serde_json::to_string(f).expect("json");
    assert!(!json.contains("q7mZ2vK9"), "{json}");
    // A vendor token shows its format prefix only.
    let line = format!(
        "T = \"{}\"\n",
        palisade_test_support::gh_token("PaLiSaDeQ7mZ2vK9pL4wR8tY3nB6cX")
    );
    let res = e.scan_bytes(line.as_bytes(), info("ci.sh"));
    assert_eq!(res.findings[0].properties["secret_prefix"], "ghp_");
    assert!(
        res.findings[0].message.ends_with("`ghp_…`"),
        "{}",
        res.findings[0].message
    );
    // No vendor prefix: nothing of the value (it used to show four characters).
    let aws = "aws_secret_access_key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYQ7mZ2vK9pL\"\n";
    let res = e.scan_bytes(aws.as_bytes(), info("credentials"));
    let f = res
        .findings
        .iter()
        .find(|f| f.rule_id == "aws-secret-access-key")
        .expect("found");
    assert_eq!(f.properties["secret_prefix"], "");
    assert!(!serde_json::to_string(f).expect("json").contains("wJal"));
}

#[test]
fn issue6_11_memory_hard_fingerprints_are_bounded_per_scan() {
    let e = fresh_engine().with_kdf_limit(3);
    let file = |a: &str, b: &str| {
        format!("DB_PASSWORD = \"{a}-Tr0ub4dor\"\nADMIN_PASSWORD = \"{b}-Tr0ub4dor\"\n")
    };
    let first = e.scan_bytes(file("one", "two").as_bytes(), info("a.env"));
    assert!(
        first
            .diagnostics
            .iter()
            .all(|d| d.code != "fingerprint-limit")
    );
    let second = e.scan_bytes(file("three", "four").as_bytes(), info("b.env"));
    assert_eq!(e.kdf_calls(), 3, "the scan's limit holds");
    assert!(
        second
            .diagnostics
            .iter()
            .any(|d| d.code == "fingerprint-limit")
    );
    assert_eq!(second.findings.len(), 2);
    assert!(second.findings.iter().all(|f| !f.fingerprint.is_empty()));
}
