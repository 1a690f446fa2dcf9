//! VEX: OpenVEX and CycloneDX VEX statements suppress the findings they name, with their
//! justification; `affected` and unknown products do not.

use std::sync::atomic::AtomicU64;

use palisade_core::discovery::{DiscoveryOptions, Excludes, discover};
use palisade_core::{Config, ScanContext, Scanner};
use palisade_sca::{ScaOptions, ScaScanner, vex};

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules/fixtures/vulnerable-dependency/positive")
}

fn scan_with(statements: Vec<vex::Statement>) -> Vec<palisade_core::Finding> {
    let dir = fixture();
    let mut opts = ScaOptions::new(dir.clone(), 1_764_547_200);
    opts.advisories.push(dir.join("advisories"));
    opts.vex = statements;
    let inv = discover(&dir, &DiscoveryOptions::default());
    let config = Config::default();
    let progress = AtomicU64::new(0);
    ScaScanner::new(opts)
        .scan(
            &inv,
            &ScanContext::new(&config, &progress, &Excludes::default()),
        )
        .unwrap()
        .findings
}

fn load(json: &str) -> Result<Vec<vex::Statement>, vex::VexError> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("doc.json");
    std::fs::write(&p, json).unwrap();
    vex::load(&p)
}

#[test]
fn openvex_not_affected_suppresses_with_its_justification() {
    // By alias (the advisory's CVE), for the package without a version: every version.
    let doc = r#"{"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.org/vex/1","author":"PSIRT","timestamp":"2026-01-01T00:00:00Z","version":1,
      "statements":[{"vulnerability":{"name":"CVE-0000-0001"},"products":[{"@id":"pkg:example/product@1.0","subcomponents":[{"@id":"pkg:npm/left-pad"}]}],
      "status":"not_affected","justification":"vulnerable_code_not_in_execute_path","impact_statement":"padding is never called with user input"}]}"#;
    let f = scan_with(load(doc).unwrap());
    let s = f[0].suppression.as_ref().expect("suppressed");
    assert_eq!(s.kind, palisade_core::model::SuppressionKind::Vex);
    assert!(
        s.reason.starts_with(
            "VEX not_affected: vulnerable_code_not_in_execute_path: padding is never called"
        ),
        "{}",
        s.reason
    );
    assert_eq!(f[0].properties["vex_status"], "not_affected");
}

#[test]
fn affected_statements_other_versions_and_other_packages_do_not_suppress() {
    for (vuln, product, status) in [
        ("PALISADE-TEST-0001", "pkg:npm/left-pad@1.1.0", "affected"),
        (
            "PALISADE-TEST-0001",
            "pkg:npm/left-pad@1.2.0",
            "not_affected",
        ),
        (
            "PALISADE-TEST-0001",
            "pkg:npm/right-pad@1.1.0",
            "not_affected",
        ),
        ("CVE-9999-0001", "pkg:npm/left-pad@1.1.0", "not_affected"),
    ] {
        let doc = format!(
            r#"{{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{{"vulnerability":{{"name":"{vuln}"}},"products":[{{"@id":"{product}"}}],"status":"{status}","justification":"component_not_present"}}]}}"#
        );
        let f = scan_with(load(&doc).unwrap());
        assert!(f[0].suppression.is_none(), "{vuln} {product} {status}");
    }
}

#[test]
fn cyclonedx_vex_resolved_by_bom_ref() {
    let doc = r#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","bom-ref":"lp","name":"left-pad","version":"1.1.0","purl":"pkg:npm/left-pad@1.1.0"}],
      "vulnerabilities":[{"id":"PALISADE-TEST-0001","analysis":{"state":"false_positive","detail":"the advisory names another left-pad"},"affects":[{"ref":"lp"}]}]}"#;
    let f = scan_with(load(doc).unwrap());
    let s = f[0].suppression.as_ref().expect("suppressed");
    assert!(
        s.reason
            .contains("not_affected: the advisory names another left-pad"),
        "{}",
        s.reason
    );
}

#[test]
fn invalid_vex_documents_are_errors() {
    assert!(
        load("{}")
            .unwrap_err()
            .to_string()
            .contains("neither OpenVEX")
    );
    assert!(
        load("{\"statements\": [{\"vulnerability\": \"CVE-1\", \"status\": \"maybe\"}]}").is_err()
    );
    // not_affected without a justification is not a statement an auditor can accept.
    let e = load(r#"{"statements":[{"vulnerability":"CVE-1","products":["pkg:npm/x"],"status":"not_affected"}]}"#).unwrap_err();
    assert!(e.to_string().contains("justification"), "{e}");
    assert!(
        load("[1,")
            .unwrap_err()
            .to_string()
            .contains("invalid JSON")
    );
}
