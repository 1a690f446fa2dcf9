//! Matching packages against advisories: range events, versions lists, withdrawn records,
//! aliases, fix advice, dependency paths and KEV, on our own advisories and the real data.

use std::path::Path;

use palisade_sca::db::Db;

use crate::parsers::shared;
use crate::rules::scan_dir;

/// Writes `files` (path, content) under a fresh folder.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (p, c) in files {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, c).unwrap();
    }
    dir
}

fn adv(id: &str, extra: &str, eco: &str, name: &str, ranges: &str) -> String {
    format!(
        r#"{{"id":"{id}","modified":"2024-01-01T00:00:00Z"{extra},"affected":[{{"package":{{"ecosystem":"{eco}","name":"{name}"}}{ranges}}}]}}"#
    )
}

fn requirements(pins: &[(&str, &str)]) -> String {
    pins.iter().fold(String::new(), |mut s, (n, v)| {
        s.push_str(n);
        s.push_str("==");
        s.push_str(v);
        s.push('\n');
        s
    })
}

/// (line, advisory, fixed) of each vulnerable-dependency finding.
fn hits(dir: &Path) -> Vec<(u32, String, Option<String>)> {
    let out = scan_dir(dir, None);
    let mut v: Vec<_> = out
        .findings
        .iter()
        .filter(|f| f.rule_id == "vulnerable-dependency")
        .map(|f| {
            (
                f.location.start_line,
                f.properties["advisory"].as_str().unwrap().to_owned(),
                f.properties
                    .get("fixed_version")
                    .and_then(|v| v.as_str())
                    .map(str::to_owned),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn range_events_follow_the_osv_evaluation() {
    let r = |events: &str| format!(r#","ranges":[{{"type":"ECOSYSTEM","events":[{events}]}}]"#);
    let dir = project(&[
        (
            "requirements.txt",
            &requirements(&[
                ("a", "1.5"),
                ("b", "2.0"),
                ("c", "2.1"),
                ("d", "1.0"),
                ("e", "3.0"),
                ("f", "1.0rc1"),
                ("g", "0.9"),
            ]),
        ),
        (
            "advisories/A.json",
            &adv(
                "T-A",
                "",
                "PyPI",
                "a",
                &r(r#"{"introduced":"1.0"},{"fixed":"2.0"}"#),
            ),
        ),
        // last_affected is inclusive.
        (
            "advisories/B.json",
            &adv(
                "T-B",
                "",
                "PyPI",
                "b",
                &r(r#"{"introduced":"0"},{"last_affected":"2.0"}"#),
            ),
        ),
        (
            "advisories/C.json",
            &adv(
                "T-C",
                "",
                "PyPI",
                "c",
                &r(r#"{"introduced":"0"},{"last_affected":"2.0"}"#),
            ),
        ),
        // Withdrawn: never reported.
        (
            "advisories/D.json",
            &adv(
                "T-D",
                r#","withdrawn":"2024-02-01T00:00:00Z""#,
                "PyPI",
                "d",
                &r(r#"{"introduced":"0"}"#),
            ),
        ),
        // Two introduced/fixed pairs: 3.0 is in the second.
        (
            "advisories/E.json",
            &adv(
                "T-E",
                "",
                "PyPI",
                "e",
                &r(r#"{"introduced":"0"},{"fixed":"1.2"},{"introduced":"2.5"},{"fixed":"3.1"}"#),
            ),
        ),
        // PEP 440 ordering: 1.0rc1 < 1.0.
        (
            "advisories/F.json",
            &adv(
                "T-F",
                "",
                "PyPI",
                "f",
                &r(r#"{"introduced":"0"},{"fixed":"1.0"}"#),
            ),
        ),
        // A versions list without ranges; the name matches after PEP 503 normalisation.
        (
            "advisories/G.json",
            &adv("T-G", "", "PyPI", "G", r#","versions":["0.9","1.1"]"#),
        ),
    ]);
    assert_eq!(
        hits(dir.path()),
        [
            (1, "T-A".to_owned(), Some("2.0".to_owned())),
            (2, "T-B".to_owned(), None),
            (5, "T-E".to_owned(), Some("3.1".to_owned())),
            (6, "T-F".to_owned(), Some("1.0".to_owned())),
            (7, "T-G".to_owned(), None),
        ]
    );
}

#[test]
fn limit_events_and_semver_ranges() {
    let dir = project(&[
        (
            "package-lock.json",
            r#"{"lockfileVersion":3,"packages":{"":{"dependencies":{"x":"*","y":"*"}},
"node_modules/x":{"version":"1.5.0"},
"node_modules/y":{"version":"2.5.0"}}}"#,
        ),
        (
            "advisories/X.json",
            &adv(
                "T-X",
                "",
                "npm",
                "x",
                r#","ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"limit":"1.4.0"}]}]"#,
            ),
        ),
        (
            "advisories/Y.json",
            &adv(
                "T-Y",
                "",
                "npm",
                "y",
                r#","ranges":[{"type":"SEMVER","events":[{"introduced":"2.0.0"},{"limit":"3.0.0"}]}]"#,
            ),
        ),
        // A GIT range names commits, not versions: never matched.
        (
            "advisories/Z.json",
            &adv(
                "T-Z",
                "",
                "npm",
                "x",
                r#","ranges":[{"type":"GIT","repo":"https://example.org/x","events":[{"introduced":"0"}]}]"#,
            ),
        ),
    ]);
    let h = hits(dir.path());
    assert_eq!(h.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["T-Y"]);
}

#[test]
fn aliases_merge_into_one_finding_and_fixes_combine() {
    let semver = |fixed: &str| {
        format!(
            r#","ranges":[{{"type":"SEMVER","events":[{{"introduced":"0"}},{{"fixed":"{fixed}"}}]}}]"#
        )
    };
    let dir = project(&[
        (
            "package-lock.json",
            r#"{"lockfileVersion":3,"packages":{"":{"dependencies":{"app-lib":"*"}},
"node_modules/app-lib":{"version":"1.0.0","dependencies":{"deep":"*"}},
"node_modules/deep":{"version":"1.0.0"}}}"#,
        ),
        (
            "advisories/1.json",
            &adv(
                "GHSA-aaaa-bbbb-cccc",
                r#","aliases":["CVE-2024-0001"]"#,
                "npm",
                "deep",
                &semver("1.2.0"),
            ),
        ),
        (
            "advisories/2.json",
            &adv("CVE-2024-0001", "", "npm", "deep", &semver("1.2.0")),
        ),
        (
            "advisories/3.json",
            &adv("GHSA-dddd-eeee-ffff", "", "npm", "deep", &semver("1.5.0")),
        ),
    ]);
    let out = scan_dir(dir.path(), None);
    let f: Vec<_> = out
        .findings
        .iter()
        .filter(|f| f.rule_id == "vulnerable-dependency")
        .collect();
    assert_eq!(f.len(), 2, "{f:#?}");
    let merged = f
        .iter()
        .find(|x| x.properties["advisory"] == "GHSA-aaaa-bbbb-cccc")
        .unwrap();
    assert_eq!(
        merged.properties["aliases"],
        serde_json::json!(["CVE-2024-0001"])
    );
    // The version that fixes both advisories of the package.
    assert_eq!(merged.properties["fixes_all_advisories"], "1.5.0");
    // A transitive package names the direct dependency it comes in through.
    assert_eq!(merged.properties["direct"], false);
    assert_eq!(
        merged.properties["dependency_path"],
        serde_json::json!(["app-lib@1.0.0", "deep@1.0.0"])
    );
    assert!(
        merged
            .message
            .contains("comes in through app-lib@1.0.0 > deep@1.0.0"),
        "{}",
        merged.message
    );
}

#[test]
fn severity_comes_from_cvss_then_database_then_default() {
    let semver = r#","ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]"#;
    let dir = project(&[
        (
            "Cargo.lock",
            "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n[[package]]\nname = \"c\"\nversion = \"1.0.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n[[package]]\nname = \"d\"\nversion = \"1.0.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
        ),
        (
            "advisories/a.json",
            &adv(
                "T-1",
                r#","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"}]"#,
                "crates.io",
                "a",
                semver,
            ),
        ),
        (
            "advisories/b.json",
            &adv(
                "T-2",
                r#","database_specific":{"severity":"LOW"}"#,
                "crates.io",
                "b",
                semver,
            ),
        ),
        (
            "advisories/c.json",
            &adv("T-3", "", "crates.io", "c", semver),
        ),
        // A CVSS v4.0 vector is scored too (and beats a lower v3 score).
        (
            "advisories/d.json",
            &adv(
                "T-4",
                r#","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L"},{"type":"CVSS_V4","score":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"}]"#,
                "crates.io",
                "d",
                semver,
            ),
        ),
    ]);
    let out = scan_dir(dir.path(), None);
    let sev = |id: &str| {
        out.findings
            .iter()
            .find(|f| f.properties["advisory"] == id)
            .map(|f| {
                (
                    f.severity,
                    f.properties["severity_source"].as_str().unwrap().to_owned(),
                )
            })
            .unwrap()
    };
    assert_eq!(sev("T-1").0, palisade_core::Severity::Medium);
    assert!(sev("T-1").1.starts_with("CVSS 6.1"), "{:?}", sev("T-1"));
    assert_eq!(sev("T-2").0, palisade_core::Severity::Low);
    assert_eq!(sev("T-3").0, palisade_core::Severity::High);
    assert_eq!(sev("T-4").0, palisade_core::Severity::Critical);
    assert!(
        sev("T-4").1.starts_with("CVSS 10.0 (CVSS:4.0/"),
        "{:?}",
        sev("T-4")
    );
}

#[test]
fn real_rustsec_and_kev_data() {
    let Some(shared) = shared() else { return };
    let dbdir = tempfile::tempdir().unwrap();
    let db_path = dbdir.path().join("db.sqlite");
    let mut db = Db::open_for_import(&db_path).unwrap();
    db.import(&shared.join("osv"), "2026-12-01T00:00:00Z")
        .unwrap();
    db.import(
        &shared.join("kev/known_exploited_vulnerabilities.json"),
        "2026-12-01T00:00:00Z",
    )
    .unwrap();
    drop(db);
    // A Cargo.lock with an old openssl (RUSTSEC-2016-0001, fixed in 0.9.0).
    let dir = project(&[(
        "Cargo.lock",
        "[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"openssl\"]\n\n[[package]]\nname = \"openssl\"\nversion = \"0.8.3\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
    )]);
    let out = scan_dir(dir.path(), Some(db_path.clone()));
    let f = out
        .findings
        .iter()
        .find(|f| f.properties["advisory"] == "RUSTSEC-2016-0001")
        .expect("openssl 0.8.3 is affected");
    assert_eq!(f.properties["fixed_version"], "0.9.0");
    assert_eq!(f.location.start_line, 6);
    assert_eq!(f.properties["direct"], true);
    // The report says which database was used and how old it was (imported 2026-12-01,
    // scanned "2025-12-01" by the fixed clock of scan_dir: never negative).
    let info = out.database.as_ref().expect("database info");
    assert_eq!(info.imported_at.as_deref(), Some("2026-12-01T00:00:00Z"));
    assert_eq!(info.age_days, Some(0));
    assert!(
        info.sources
            .iter()
            .any(|(n, c)| n == "crates.io" && *c == 1206),
        "{:?}",
        info.sources
    );
    assert!(info.sources.iter().any(|(n, c)| n == "KEV" && *c > 1000));
    // Log4Shell is in the GHSA subset and in KEV: critical, marked.
    let dir = project(&[(
        "gradle.lockfile",
        "org.apache.logging.log4j:log4j-core:2.14.1=runtimeClasspath\n",
    )]);
    let out = scan_dir(dir.path(), Some(db_path));
    let log4shell = out
        .findings
        .iter()
        .find(|f| f.message.contains("CVE-2021-44228"))
        .unwrap_or_else(|| panic!("{:#?}", out.findings));
    assert_eq!(log4shell.severity, palisade_core::Severity::Critical);
    assert_eq!(log4shell.properties["kev"]["cve"], "CVE-2021-44228");
    assert!(
        log4shell
            .message
            .contains("Known Exploited Vulnerabilities")
    );
}
