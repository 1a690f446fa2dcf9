//! A realistic report, built by hand: two scanners (one failed), findings over three
//! severities, one suppressed inline, one baselined, one with related locations, one with
//! git provenance, and diagnostics.

use std::collections::BTreeMap;

use palisade_core::report::{
    Coverage, Gate, GateStatus, ScanMode, ScannerRun, ScannerStatus, Summary, Target, ToolInfo,
};
use palisade_core::{
    Category, CommitInfo, Confidence, Cwe, Diagnostic, DiagnosticLevel, Finding, Location, Report,
    RuleMeta, Severity, SkipReason, Skipped, Snippet, Suppression, SuppressionKind,
};
use serde_json::json;

pub(crate) fn loc(path: &str, line: u32, col: u32, end_col: u32) -> Location {
    Location {
        path: path.to_owned(),
        start_line: line,
        start_column: col,
        end_line: line,
        end_column: end_col,
        commit: None,
    }
}

/// A snippet whose highlight covers `marked`, the first occurrence in `text`.
fn snippet(line: u32, text: &str, marked: &str) -> Snippet {
    let start = text.find(marked).expect("marked text is in the snippet");
    Snippet {
        line,
        text: text.to_owned(),
        highlight: ((start + 1) as u32, (start + 1 + marked.len()) as u32),
    }
}

#[allow(clippy::too_many_arguments)]
fn rule(
    id: &str,
    title: &str,
    category: Category,
    severity: Severity,
    confidence: Confidence,
    cwe: &[u32],
    tags: &[&str],
    remediation: &str,
) -> RuleMeta {
    let mut r = RuleMeta::new(
        id,
        title,
        category,
        severity,
        confidence,
        cwe.iter().map(|n| Cwe(*n)).collect(),
        format!("Detects {}.", title.to_lowercase()),
        remediation,
    );
    r.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    r
}

#[allow(clippy::too_many_arguments)]
fn finding(
    meta: &RuleMeta,
    severity: Severity,
    message: &str,
    location: Location,
    snippet: Option<Snippet>,
    fingerprint: &str,
    properties: BTreeMap<String, serde_json::Value>,
) -> Finding {
    Finding {
        rule_id: meta.id.clone(),
        scanner: meta.category.as_str().to_owned(),
        title: meta.title.clone(),
        category: meta.category,
        severity,
        confidence: meta.confidence,
        cwe: meta.cwe.clone(),
        message: message.to_owned(),
        location,
        related_locations: Vec::new(),
        flow: Vec::new(),
        snippet,
        fingerprint: fingerprint.to_owned(),
        properties,
        suppression: None,
    }
}

fn secret_props(prefix: &str, sha: &str, len: u64) -> BTreeMap<String, serde_json::Value> {
    let mut p = BTreeMap::new();
    p.insert("secret_prefix".to_owned(), json!(prefix));
    p.insert("secret_sha256".to_owned(), json!(sha));
    p.insert("secret_length".to_owned(), json!(len));
    p
}

/// The report every snapshot renders.
pub(crate) fn sample_report() -> Report {
    let aws = rule(
        "aws-secret-access-key",
        "AWS secret access key",
        Category::Secrets,
        Severity::Critical,
        Confidence::Medium,
        &[798],
        &["aws", "cloud"],
        "Deactivate the key in IAM, create a new one and load it from a secret store.",
    );
    let gh = rule(
        "github-pat-classic",
        "GitHub personal access token (classic)",
        Category::Secrets,
        Severity::High,
        Confidence::High,
        &[798],
        &["github"],
        "Revoke the token in GitHub settings and use a fine-grained token from a secret store.",
    );
    let generic = rule(
        "generic-api-key",
        "Generic API key",
        Category::Secrets,
        Severity::Medium,
        Confidence::Low,
        &[798, 259],
        &[],
        "Rotate the key with its provider and read it from the environment.",
    );
    let slack = rule(
        "slack-webhook-url",
        "Slack webhook URL",
        Category::Secrets,
        Severity::Medium,
        Confidence::High,
        &[798],
        &["slack"],
        "Regenerate the webhook URL in Slack and keep it in a secret store.",
    );
    let pem = rule(
        "private-key",
        "Private key",
        Category::Secrets,
        Severity::High,
        Confidence::High,
        &[321],
        &[],
        "Replace the key pair and remove the private key from the repository history.",
    );
    let sqli = rule(
        "py-sql-injection",
        "SQL injection",
        Category::Sast,
        Severity::High,
        Confidence::Medium,
        &[89],
        &["python"],
        "Pass user input as query parameters: `cursor.execute(sql, (name,))`.",
    );

    let aws_text = "AWS_SECRET_ACCESS_KEY=wJal…[sha256:3f2a91c0]";
    let mut aws_f = finding(
        &aws,
        Severity::Critical,
        "AWS secret access key: `wJal…[sha256:3f2a91c0]`",
        loc("config/production.env", 4, 23, 63),
        Some(snippet(4, aws_text, "wJal…[sha256:3f2a91c0]")),
        "3f2a91c0aa51e4b1",
        secret_props("wJal", "3f2a91c0", 40),
    );
    aws_f.related_locations = vec![
        loc("deploy/ci.sh", 12, 30, 70),
        loc("docs/old notes.md", 40, 5, 45),
        loc("scripts/rotate.py", 7, 14, 54),
        loc("tests/e2e.sh", 2, 1, 41),
        loc("tools/ré-key.sh", 9, 9, 49),
    ];

    let gh_text = "          GH_TOKEN: ghp_…[sha256:9c1e07aa]";
    let mut gh_loc = loc(".github/workflows/release.yml", 18, 21, 61);
    gh_loc.commit = Some(CommitInfo {
        id: "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d".to_owned(),
        author: "Jane Doe".to_owned(),
        email: "jane@x.org".to_owned(),
        date: "2024-03-01T09:30:00Z".to_owned(),
        time: 1_709_285_400,
    });
    let mut gh_props = secret_props("ghp_", "9c1e07aa", 40);
    gh_props.insert("validated".to_owned(), json!(true));
    let gh_f = finding(
        &gh,
        Severity::High,
        "GitHub personal access token (classic): `ghp_…[sha256:9c1e07aa]`",
        gh_loc,
        Some(snippet(18, gh_text, "ghp_…[sha256:9c1e07aa]")),
        "9c1e07aa0b7d2c44",
        gh_props,
    );

    // Markup in the source line: the XML writer must escape it.
    let generic_text = "\t<apiKey value=\"sk_l…[sha256:0d4c11e2]\" env='prod' & />";
    let generic_f = finding(
        &generic,
        Severity::Medium,
        "Generic API key: `sk_l…[sha256:0d4c11e2]`",
        loc("src/settings.xml", 7, 17, 49),
        Some(snippet(7, generic_text, "sk_l…[sha256:0d4c11e2]")),
        "0d4c11e2c3a8f710",
        secret_props("sk_l", "0d4c11e2", 32),
    );

    let sqli_text = "    cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)";
    let mut sqli_props = BTreeMap::new();
    sqli_props.insert("sink".to_owned(), json!("cursor.execute"));
    sqli_props.insert("source".to_owned(), json!("request.args[\"name\"]"));
    let sqli_f = finding(
        &sqli,
        Severity::High,
        "user input reaches `cursor.execute` without query parameters",
        loc("app/db.py", 42, 5, 68),
        Some(snippet(
            42,
            sqli_text,
            "cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)",
        )),
        "b41d9e02f7c6a3d8",
        sqli_props,
    );

    let mut slack_f = finding(
        &slack,
        Severity::Medium,
        "Slack webhook URL: `http…[sha256:77d0e3f1]`",
        loc("tests/fixtures/hooks.py", 3, 9, 88),
        Some(snippet(
            3,
            "HOOK = \"http…[sha256:77d0e3f1]\"",
            "http…[sha256:77d0e3f1]",
        )),
        "77d0e3f15a2b9c01",
        secret_props("http", "77d0e3f1", 79),
    );
    slack_f.suppression = Some(Suppression {
        kind: SuppressionKind::Inline,
        reason: "revoked webhook kept as a parser fixture".to_owned(),
        owner: None,
        expires: None,
    });

    let mut pem_f = finding(
        &pem,
        Severity::High,
        "Private key: `----…[sha256:e5a0c2d9]`",
        loc("keys/deploy_key.pem", 1, 1, 32),
        None,
        "e5a0c2d94f1b8a36",
        secret_props("----", "e5a0c2d9", 1679),
    );
    pem_f.suppression = Some(Suppression {
        kind: SuppressionKind::Baseline,
        reason: "present in baseline .palisade-baseline.json".to_owned(),
        owner: None,
        expires: None,
    });

    let mut report = Report {
        schema_version: palisade_core::report::SCHEMA_VERSION.to_owned(),
        tool: ToolInfo {
            name: "palisade".to_owned(),
            version: "0.1.0".to_owned(),
        },
        target: Target {
            path: ".".to_owned(),
            paths: vec![".".to_owned()],
            mode: ScanMode::Directory,
        },
        started_at: Some("2024-05-01T12:00:00Z".to_owned()),
        duration_ms: Some(1234),
        scanners: vec![
            ScannerRun {
                name: "secrets".to_owned(),
                status: ScannerStatus::Ok,
                rules: 212,
                findings: 5,
                error: None,
                duration_ms: Some(840),
                database: None,
            },
            ScannerRun {
                name: "sast".to_owned(),
                status: ScannerStatus::Failed,
                rules: 64,
                findings: 1,
                error: Some("python grammar failed to load".to_owned()),
                duration_ms: Some(390),
                database: None,
            },
        ],
        rules: vec![sqli, slack, pem, generic, gh, aws],
        findings: vec![aws_f, gh_f, generic_f, sqli_f, slack_f, pem_f],
        diagnostics: vec![
            Diagnostic::new(
                "file-too-large",
                DiagnosticLevel::Warning,
                "skipped: 20971520 bytes is over the 10485760-byte cap (scan.max-file-size)",
            )
            .at("assets/dump.sql", None),
            Diagnostic::new(
                "scanner-failed",
                DiagnosticLevel::Error,
                "scanner `sast` failed, results are incomplete: python grammar failed to load",
            ),
            Diagnostic::new(
                "suppression-unused",
                DiagnosticLevel::Note,
                "inline suppression for `generic-api-key` matched no finding",
            )
            .at("src/legacy/keys.py", Some(12)),
        ],
        coverage: Coverage {
            files_discovered: 40,
            files_scanned: 38,
            bytes_scanned: 1_482_113,
            skipped: vec![
                Skipped {
                    path: "assets/dump.sql".to_owned(),
                    reason: SkipReason::TooLarge,
                    detail: Some("20971520 bytes".to_owned()),
                },
                Skipped {
                    path: "assets/logo.png".to_owned(),
                    reason: SkipReason::Binary,
                    detail: None,
                },
            ],
            ..Coverage::default()
        },
        summary: Summary::default(),
        gate: Gate {
            fail_on: Severity::High,
            status: GateStatus::Passed,
            reasons: Vec::new(),
            policies: Vec::new(),
        },
    };
    report.finalize(Severity::High);
    report
}

/// The sample report with every scanner completed: the gate fails on findings alone.
pub(crate) fn report_all_scanners_ok() -> Report {
    let mut r = sample_report();
    for s in &mut r.scanners {
        s.status = ScannerStatus::Ok;
        s.error = None;
    }
    r.diagnostics.retain(|d| d.code != "scanner-failed");
    r.finalize(Severity::High);
    r
}

/// A clean scan: two scanners, nothing found.
pub(crate) fn clean_report() -> Report {
    let mut r = sample_report();
    r.findings.clear();
    r.diagnostics.clear();
    r.coverage.skipped.clear();
    for s in &mut r.scanners {
        s.status = ScannerStatus::Ok;
        s.error = None;
        s.findings = 0;
    }
    r.finalize(Severity::High);
    r
}

/// Render `report` in `format` as a string.
pub(crate) fn render(
    report: &Report,
    format: palisade_report::Format,
    opts: &palisade_report::WriteOptions,
) -> String {
    let mut buf = Vec::new();
    palisade_report::write(report, format, opts, &mut buf).expect("writing to a Vec succeeds");
    String::from_utf8(buf).expect("writers emit UTF-8")
}

/// `$PALISADE_SHARED_DATA`, or `<workspace root>/../shared/data`; `None` (after a notice)
/// when the directory is absent.
pub(crate) fn shared_data() -> Option<std::path::PathBuf> {
    #[allow(clippy::disallowed_methods)] // tests may read their environment
    let dir = std::env::var_os("PALISADE_SHARED_DATA").map_or_else(
        || {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join("../shared/data")
        },
        std::path::PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        #[allow(clippy::print_stderr)] // a test notice, not library output
        {
            eprintln!("skipping: shared data not found at {}", dir.display());
        }
        None
    }
}

/// The finding of `rule_id` in `report`.
pub(crate) fn finding_mut<'a>(report: &'a mut Report, rule_id: &str) -> &'a mut Finding {
    report
        .findings
        .iter_mut()
        .find(|f| f.rule_id == rule_id)
        .unwrap_or_else(|| panic!("the sample report has a {rule_id} finding"))
}

/// `text` with this release's version in documentation links replaced by `[version]`, so
/// snapshots survive a version bump.
pub(crate) fn versionless(text: &str) -> String {
    text.replace(
        concat!("/blob/v", env!("CARGO_PKG_VERSION"), "/"),
        "/blob/v[version]/",
    )
}
