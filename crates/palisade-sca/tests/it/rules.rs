//! The rules harness: every SCA rule's positive fixture folders produce the rule, its
//! negative folders do not, and every rule has complete metadata.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;

use palisade_core::discovery::{DiscoveryOptions, Excludes, discover};
use palisade_core::{Config, Finding, ScanContext, ScanOutput, Scanner};
use palisade_sca::rules;
use palisade_sca::{ScaOptions, ScaScanner};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/fixtures")
}

/// Scans `dir` with its `advisories/` folder (if any) as the only advisory source.
pub(crate) fn scan_dir(dir: &Path, db: Option<PathBuf>) -> ScanOutput {
    let mut opts = ScaOptions::new(dir.to_owned(), 1_764_547_200);
    opts.db = db;
    let adv = dir.join("advisories");
    if adv.is_dir() {
        opts.advisories.push(adv);
    }
    // A fixture's licence policy: fixture.toml with `allow` and `deny`.
    if let Ok(text) = std::fs::read_to_string(dir.join("fixture.toml")) {
        let v: toml::Value = toml::from_str(&text).unwrap();
        let list = |k: &str| -> Vec<String> {
            v.get(k)
                .and_then(toml::Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        opts.licenses.allow = list("allow");
        opts.licenses.deny = list("deny");
    }
    let scanner = ScaScanner::new(opts);
    let inv = discover(dir, &DiscoveryOptions::default());
    let config = Config::default();
    let progress = AtomicU64::new(0);
    scanner
        .scan(
            &inv,
            &ScanContext::new(&config, &progress, &Excludes::default()),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

fn of_rule<'a>(out: &'a ScanOutput, id: &str) -> Vec<&'a Finding> {
    out.findings.iter().filter(|f| f.rule_id == id).collect()
}

#[test]
fn every_rule_fires_on_its_positive_fixtures_and_not_on_its_negative_ones() {
    let all = rules::all();
    assert!(all.len() >= 3);
    let mut failures = Vec::new();
    for r in &all {
        let m = &r.meta;
        assert!(
            !m.title.is_empty() && !m.description.is_empty() && !m.remediation.is_empty(),
            "{}",
            m.id
        );
        assert!(!m.cwe.is_empty(), "{} has no CWE", m.id);
        assert!(
            !r.positive.is_empty() && !r.negative.is_empty(),
            "{} needs fixtures",
            m.id
        );
        assert!(
            !r.examples.is_empty() && !r.negative_examples.is_empty(),
            "{} needs examples",
            m.id
        );
        for p in &r.positive {
            let out = scan_dir(&fixtures().join(p), None);
            if of_rule(&out, &m.id).is_empty() {
                failures.push(format!("{}: no finding in {p}: {:?}", m.id, out.findings));
            }
        }
        for n in &r.negative {
            let out = scan_dir(&fixtures().join(n), None);
            let got = of_rule(&out, &m.id);
            if !got.is_empty() {
                failures.push(format!("{}: unexpected finding in {n}: {got:?}", m.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_vulnerable_package_finding_carries_the_facts() {
    let out = scan_dir(&fixtures().join("vulnerable-dependency/positive"), None);
    let f = of_rule(&out, "vulnerable-dependency")[0];
    assert_eq!(f.location.path, "package-lock.json");
    assert_eq!(f.location.start_line, 6);
    assert_eq!(f.properties["fixed_version"], "1.3.0");
    assert_eq!(f.properties["purl"], "pkg:npm/left-pad@1.1.0");
    assert_eq!(f.properties["advisory"], "PALISADE-TEST-0001");
    assert_eq!(f.properties["direct"], true);
    assert!(
        f.message
            .contains("left-pad 1.1.0 is affected by PALISADE-TEST-0001 (CVE-0000-0001)"),
        "{}",
        f.message
    );
    // No severity in the advisory: sca.unknown-severity (high).
    assert_eq!(f.severity, palisade_core::Severity::High);
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.code == "advisory-db-missing")
    );
}

#[test]
fn a_lockfile_past_the_size_cap_is_said_not_silently_skipped() {
    let dir = fixtures().join("vulnerable-dependency/positive");
    let mut opts = ScaOptions::new(dir.clone(), 1_764_547_200);
    opts.advisories.push(dir.join("advisories"));
    let inv = discover(&dir, &DiscoveryOptions::default());
    // The file grew past the cap after discovery (here: a cap smaller than the file).
    let mut config = Config::default();
    config.max_file_size = 16;
    let progress = AtomicU64::new(0);
    let out = ScaScanner::new(opts)
        .scan(
            &inv,
            &ScanContext::new(&config, &progress, &Excludes::default()),
        )
        .unwrap();
    assert!(out.findings.is_empty());
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.code == "file-too-large")
        .expect("diagnostic");
    assert_eq!(d.path.as_deref(), Some("package-lock.json"));
    assert!(d.message.contains("not checked"), "{}", d.message);
}
