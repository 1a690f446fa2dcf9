//! SARIF output: snapshot, validation against the official SARIF 2.1.0 schema, and the
//! contract our CI users and evaluation rely on.

use palisade_core::{Report, Severity};
use palisade_report::{Format, WriteOptions};
use serde_json::Value;

use crate::fixture::{
    clean_report, finding_mut, loc, render, report_all_scanners_ok, sample_report, shared_data,
    versionless,
};

fn sarif_of(report: &Report) -> Value {
    let text = render(report, Format::Sarif, &WriteOptions::default());
    assert!(text.ends_with("}\n"));
    serde_json::from_str(&text).expect("SARIF output is JSON")
}

fn runs(v: &Value) -> &Vec<Value> {
    v["runs"].as_array().expect("runs is an array")
}

fn arr(v: &Value) -> &Vec<Value> {
    static EMPTY: Vec<Value> = Vec::new();
    v.as_array().unwrap_or(&EMPTY)
}

#[test]
fn sarif_snapshot() {
    let text = render(&sample_report(), Format::Sarif, &WriteOptions::default());
    insta::assert_snapshot!("sarif", versionless(&text));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let Some(shared) = shared_data() else { return };
    let path = shared.join("schemas/sarif-2.1.0/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).expect("SARIF schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("SARIF schema is JSON");
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles as draft-04");
    let mut big = sample_report();
    big.findings[0].related_locations = (1..=1_200).map(|i| loc("many.txt", i, 1, 2)).collect();
    for report in [
        sample_report(),
        clean_report(),
        report_all_scanners_ok(),
        big,
    ] {
        let doc = sarif_of(&report);
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "SARIF does not validate: {errors:#?}");
    }
}

#[test]
fn log_header() {
    let v = sarif_of(&sample_report());
    assert_eq!(
        v["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(v["version"], "2.1.0");
}

#[test]
fn one_run_per_scanner_even_without_results() {
    for report in [sample_report(), clean_report()] {
        let v = sarif_of(&report);
        let names: Vec<&str> = runs(&v)
            .iter()
            .map(|r| r["properties"]["scanner"].as_str().expect("scanner name"))
            .collect();
        assert_eq!(names, ["secrets", "sast"]);
        let ids: Vec<&str> = runs(&v)
            .iter()
            .map(|r| {
                r["automationDetails"]["id"]
                    .as_str()
                    .expect("automation id")
            })
            .collect();
        assert_eq!(ids, ["palisade/secrets/", "palisade/sast/"]);
        for run in runs(&v) {
            let driver = &run["tool"]["driver"];
            assert_eq!(driver["name"], "palisade");
            assert_eq!(driver["semanticVersion"], "0.1.0");
            assert_eq!(
                driver["informationUri"],
                "https://github.com/palisade-dev/palisade"
            );
        }
    }
    let v = sarif_of(&clean_report());
    for run in runs(&v) {
        assert_eq!(run["results"], Value::Array(Vec::new()));
        assert_eq!(run["tool"]["driver"]["rules"], Value::Array(Vec::new()));
    }
}

#[test]
fn results_point_at_their_rules() {
    let report = sample_report();
    let v = sarif_of(&report);
    let mut seen = 0;
    for run in runs(&v) {
        let rules = arr(&run["tool"]["driver"]["rules"]);
        let rule_ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
        let mut sorted = rule_ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(rule_ids, sorted, "rules are sorted and unique");
        for res in arr(&run["results"]) {
            seen += 1;
            let idx = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(
                rules[idx]["id"], res["ruleId"],
                "ruleIndex points at its rule"
            );
            assert!(
                res["partialFingerprints"]["palisade/v1"]
                    .as_str()
                    .is_some_and(|s| !s.is_empty())
            );
            let cwe = arr(&res["properties"]["cwe"]);
            assert!(!cwe.is_empty());
            for c in cwe {
                let c = c.as_str().expect("cwe is a string");
                let n = c.strip_prefix("CWE-").expect("CWE-n form");
                assert!(n.parse::<u32>().is_ok(), "{c}");
            }
            for key in ["severity", "confidence", "category"] {
                assert!(res["properties"][key].is_string(), "{key}");
            }
            let phys = &res["locations"][0]["physicalLocation"];
            assert_eq!(phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
            assert!(phys["region"]["startLine"].as_u64().is_some_and(|l| l >= 1));
        }
        // Every rule is used by a result of this run.
        for id in &rule_ids {
            assert!(arr(&run["results"]).iter().any(|r| r["ruleId"] == *id));
        }
    }
    assert_eq!(seen, report.findings.len());
}

#[test]
fn rules_carry_github_metadata() {
    let v = sarif_of(&sample_report());
    let rules = arr(&runs(&v)[0]["tool"]["driver"]["rules"]);
    let aws = rules
        .iter()
        .find(|r| r["id"] == "aws-secret-access-key")
        .expect("aws rule");
    assert_eq!(aws["name"], "AwsSecretAccessKey");
    assert_eq!(aws["shortDescription"]["text"], "AWS secret access key");
    assert_eq!(
        aws["fullDescription"]["text"],
        "Detects aws secret access key."
    );
    assert!(
        aws["help"]["markdown"]
            .as_str()
            .is_some_and(|m| m.contains("## Remediation"))
    );
    assert_eq!(
        aws["helpUri"],
        format!(
            "https://github.com/palisade-dev/palisade/blob/v{}/docs/rules/aws-secret-access-key.md",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert_eq!(aws["defaultConfiguration"]["level"], "error");
    assert_eq!(aws["properties"]["security-severity"], "9.0");
    assert_eq!(aws["properties"]["precision"], "medium");
    let tags: Vec<&str> = arr(&aws["properties"]["tags"])
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(tags, ["security", "external/cwe/cwe-798", "aws", "cloud"]);

    let generic = rules
        .iter()
        .find(|r| r["id"] == "generic-api-key")
        .expect("generic");
    let tags = arr(&generic["properties"]["tags"]);
    assert!(tags.contains(&Value::from("external/cwe/cwe-259")));
    assert_eq!(generic["defaultConfiguration"]["level"], "warning");
    assert_eq!(generic["properties"]["security-severity"], "5.0");
}

#[test]
fn levels_suppressions_and_provenance() {
    let v = sarif_of(&sample_report());
    let results = arr(&runs(&v)[0]["results"]);
    let by_rule = |id: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == id)
            .unwrap_or_else(|| panic!("result for {id}"))
    };
    assert_eq!(by_rule("aws-secret-access-key")["level"], "error");
    assert_eq!(by_rule("github-pat-classic")["level"], "error");
    assert_eq!(by_rule("generic-api-key")["level"], "warning");

    let aws = by_rule("aws-secret-access-key");
    let region = &aws["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 4);
    assert_eq!(region["startColumn"], 23);
    assert_eq!(region["snippet"]["text"], "wJal…[sha256:3f2a91c0]");
    let related = arr(&aws["relatedLocations"]);
    assert_eq!(related.len(), 5);
    assert_eq!(
        related[1]["physicalLocation"]["artifactLocation"]["uri"],
        "docs/old%20notes.md"
    );
    assert!(aws["suppressions"].is_null());

    let gh = by_rule("github-pat-classic");
    assert_eq!(
        gh["properties"]["commit"],
        "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"
    );
    assert_eq!(gh["properties"]["author"], "Jane Doe <jane@x.org>");
    assert_eq!(gh["properties"]["date"], "2024-03-01T09:30:00Z");
    assert_eq!(gh["properties"]["validated"], true);

    let inline = by_rule("slack-webhook-url");
    assert_eq!(inline["suppressions"][0]["kind"], "inSource");
    assert_eq!(inline["suppressions"][0]["status"], "accepted");
    assert_eq!(
        inline["suppressions"][0]["justification"],
        "revoked webhook kept as a parser fixture"
    );
    let baselined = by_rule("private-key");
    assert_eq!(baselined["suppressions"][0]["kind"], "external");
    assert_eq!(
        baselined["suppressions"][0]["properties"]["source"],
        "baseline"
    );
    // No snippet in the report: none in the SARIF either.
    assert!(baselined["locations"][0]["physicalLocation"]["region"]["snippet"].is_null());
}

#[test]
fn invocations_report_status_and_diagnostics() {
    let v = sarif_of(&sample_report());
    let secrets = &runs(&v)[0]["invocations"][0];
    let sast = &runs(&v)[1]["invocations"][0];
    assert_eq!(secrets["executionSuccessful"], true);
    assert_eq!(sast["executionSuccessful"], false);
    let codes = |inv: &Value| -> Vec<String> {
        arr(&inv["toolExecutionNotifications"])
            .iter()
            .map(|n| {
                n["descriptor"]["id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(codes(secrets), ["file-too-large", "suppression-unused"]);
    assert_eq!(codes(sast), ["scanner-failed"]);
    let unused = &secrets["toolExecutionNotifications"][1];
    assert_eq!(unused["level"], "note");
    let loc = &unused["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "src/legacy/keys.py");
    assert_eq!(loc["region"]["startLine"], 12);
    assert_eq!(runs(&v)[1]["properties"]["status"], "failed");
    assert_eq!(
        runs(&v)[1]["properties"]["error"],
        "python grammar failed to load"
    );
}

#[test]
fn failed_scanner_without_a_diagnostic_still_says_so() {
    let mut r = sample_report();
    r.diagnostics.retain(|d| d.code != "scanner-failed");
    let v = sarif_of(&r);
    let n = &runs(&v)[1]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(n["descriptor"]["id"], "scanner-failed");
    assert_eq!(n["level"], "error");
    assert_eq!(
        n["message"]["text"],
        "scanner `sast` failed: python grammar failed to load"
    );
}

#[test]
fn related_locations_are_capped_for_github() {
    let mut r = sample_report();
    finding_mut(&mut r, "aws-secret-access-key").related_locations =
        (1..=1_500).map(|i| loc("many.txt", i, 1, 2)).collect();
    let v = sarif_of(&r);
    let aws = arr(&runs(&v)[0]["results"])
        .iter()
        .find(|res| res["ruleId"] == "aws-secret-access-key")
        .expect("aws result");
    assert_eq!(arr(&aws["relatedLocations"]).len(), 1_000);
    assert_eq!(aws["properties"]["relatedLocationsTotal"], 1_500);
}

#[test]
fn results_per_run_are_capped_for_github() {
    let mut r = sample_report();
    let template = r.findings[2].clone(); // generic-api-key, medium
    let mut extra = Vec::new();
    for i in 0..25_000u32 {
        let mut f = template.clone();
        f.severity = Severity::Low;
        f.location = loc("bulk/generated.txt", i + 1, 1, 10);
        f.fingerprint = format!("bulk{i:05}");
        // Keep the bulk light: this test is about counts, not content.
        f.snippet = None;
        f.properties.clear();
        extra.push(f);
    }
    r.findings.extend(extra);
    r.finalize(Severity::High);
    // 25,000 results make ~80 MB of pretty JSON: check the text rather than parse it all
    // again (slow in debug builds).
    let text = render(&r, Format::Sarif, &WriteOptions::default());
    assert_eq!(
        text.matches("\"ruleId\": ").count(),
        25_000 + 1,
        "secrets capped, sast kept"
    );
    // The most severe findings are kept; the dropped ones are low-severity bulk.
    for id in [
        "aws-secret-access-key",
        "github-pat-classic",
        "py-sql-injection",
    ] {
        assert!(text.contains(&format!("\"ruleId\": \"{id}\"")), "{id} kept");
    }
    // Active critical, high and medium first, then low bulk; the two suppressed go.
    assert_eq!(text.matches("\"palisade/v1\": \"bulk").count(), 25_000 - 3);
    assert!(!text.contains("\"ruleId\": \"slack-webhook-url\""));
    for needle in [
        "\"findings\": 25005,",
        "\"written\": 25000",
        "\"limit\": 25000,",
        "\"id\": \"results-truncated\"",
    ] {
        assert_eq!(text.matches(needle).count(), 1, "{needle}");
    }
}

#[test]
fn a_report_without_scanners_keeps_its_findings() {
    let mut r = sample_report();
    r.scanners.clear();
    let v = sarif_of(&r);
    assert_eq!(runs(&v).len(), 1);
    assert_eq!(arr(&runs(&v)[0]["results"]).len(), r.findings.len());
}

fn result_of<'a>(v: &'a Value, rule_id: &str) -> &'a Value {
    runs(v)
        .iter()
        .flat_map(|run| arr(&run["results"]))
        .find(|r| r["ruleId"] == rule_id)
        .unwrap_or_else(|| panic!("a result for {rule_id}"))
}

#[test]
fn issue6_22_region_snippet_is_the_regions_own_redacted_text() {
    let mut r = sample_report();
    // Two secrets side by side on one line: the region of the first holds only its own
    // redacted text, nothing of its neighbour.
    let aws = finding_mut(&mut r, "aws-secret-access-key");
    let line = "A=wJal…[sha256:3f2a91c0] B=AKIA…[sha256:5b6c7d8e]";
    aws.snippet = Some(palisade_core::Snippet {
        line: 4,
        text: line.to_owned(),
        highlight: (3, 3 + "wJal…[sha256:3f2a91c0]".len() as u32),
    });
    let v = sarif_of(&r);
    let phys = &result_of(&v, "aws-secret-access-key")["locations"][0]["physicalLocation"];
    assert_eq!(phys["region"]["snippet"]["text"], "wJal…[sha256:3f2a91c0]");
    // The line goes to the context region, which contains the region.
    assert_eq!(phys["contextRegion"]["startLine"], 4);
    assert_eq!(phys["contextRegion"]["snippet"]["text"], line);

    // The sample's other findings: the region snippet is the marked span.
    let v = sarif_of(&sample_report());
    for (id, text) in [
        ("github-pat-classic", "ghp_…[sha256:9c1e07aa]"),
        ("generic-api-key", "sk_l…[sha256:0d4c11e2]"),
        (
            "py-sql-injection",
            "cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)",
        ),
    ] {
        let region = &result_of(&v, id)["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["snippet"]["text"], text, "{id}");
    }

    // A highlight that does not fit the text, or a snippet of another line: no snippet.
    for (line, highlight) in [(4, (0, 0)), (4, (5, 999)), (4, (9, 3)), (5, (1, 4))] {
        let mut r = sample_report();
        let aws = finding_mut(&mut r, "aws-secret-access-key");
        if let Some(sn) = aws.snippet.as_mut() {
            sn.line = line;
            sn.highlight = highlight;
        }
        let v = sarif_of(&r);
        let phys = &result_of(&v, "aws-secret-access-key")["locations"][0]["physicalLocation"];
        assert!(phys["region"]["snippet"].is_null(), "{line} {highlight:?}");
    }

    // A multi-line region has no single-line context region.
    let mut r = sample_report();
    finding_mut(&mut r, "aws-secret-access-key")
        .location
        .end_line = 9;
    let v = sarif_of(&r);
    let phys = &result_of(&v, "aws-secret-access-key")["locations"][0]["physicalLocation"];
    assert!(phys["contextRegion"].is_null());
    assert_eq!(phys["region"]["snippet"]["text"], "wJal…[sha256:3f2a91c0]");
}

#[test]
fn issue6_22_related_locations_are_linked_from_the_message() {
    let v = sarif_of(&sample_report());
    let aws = result_of(&v, "aws-secret-access-key");
    assert_eq!(
        aws["message"]["text"],
        "AWS secret access key: `wJal…\\[sha256:3f2a91c0\\]` (also at [deploy/ci.sh:12](1), \
         [docs/old notes.md:40](2), [scripts/rotate.py:7](3), [tests/e2e.sh:2](4), \
         [tools/ré-key.sh:9](5))"
    );
    // Every link names a related location by its id.
    let ids: Vec<u64> = arr(&aws["relatedLocations"])
        .iter()
        .map(|l| l["id"].as_u64().expect("related location id"))
        .collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    // Without related locations, the message is the finding's, unescaped.
    assert_eq!(
        result_of(&v, "generic-api-key")["message"]["text"],
        "Generic API key: `sk_l…[sha256:0d4c11e2]`"
    );

    // Brackets in a path are escaped inside the link text; GitHub shows at most 100
    // locations, so the message links 100 and counts the rest.
    let mut r = sample_report();
    let aws = finding_mut(&mut r, "aws-secret-access-key");
    aws.related_locations = (1..=1_500).map(|i| loc("a[1].txt", i, 1, 2)).collect();
    let v = sarif_of(&r);
    let text = result_of(&v, "aws-secret-access-key")["message"]["text"]
        .as_str()
        .expect("message")
        .to_owned();
    assert!(text.contains(" (also at [a\\[1\\].txt:1](1), [a\\[1\\].txt:2](2), "));
    assert!(
        text.ends_with(", [a\\[1\\].txt:100](100) and 1400 more)"),
        "{text}"
    );
    assert_eq!(text.matches("](").count(), 100);
}

#[test]
fn issue6_22_help_uri_points_at_this_release() {
    let expected = format!(
        "https://github.com/palisade-dev/palisade/blob/v{}/docs/rules/github-pat-classic.md",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        palisade_core::RuleMeta::help_uri("github-pat-classic"),
        expected
    );
    let v = sarif_of(&sample_report());
    let rules = arr(&runs(&v)[0]["tool"]["driver"]["rules"]);
    let gh = rules
        .iter()
        .find(|r| r["id"] == "github-pat-classic")
        .expect("github rule");
    assert_eq!(gh["helpUri"], expected.as_str());
    for rule in runs(&v)
        .iter()
        .flat_map(|run| arr(&run["tool"]["driver"]["rules"]))
    {
        let uri = rule["helpUri"].as_str().expect("helpUri");
        assert!(!uri.contains("/blob/main/"), "{uri}");
    }
    // Every writer that links a rule agrees.
    let junit = render(&sample_report(), Format::Junit, &WriteOptions::default());
    assert!(junit.contains(&format!("help: {expected}")), "{junit}");
    let gitlab = render(&sample_report(), Format::Gitlab, &WriteOptions::default());
    assert!(
        gitlab.contains(&format!("\"url\": \"{expected}\"")),
        "{gitlab}"
    );
}
