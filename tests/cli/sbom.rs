//! `palisade sbom`: CycloneDX 1.6 and SPDX 2.3, validated against the official schemas.

use std::path::Path;

use crate::{demo_dir, palisade, schema_errors, schema_errors_with, shared_data, stderr, stdout};

fn sbom(format: &str, dir: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["sbom", ".", "--format", format];
    args.extend_from_slice(extra);
    let out = palisade(&args, dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)))
}

fn validate(format: &str, v: &serde_json::Value) {
    let Some(shared) = shared_data() else { return };
    let s = shared.join("schemas");
    let errors = match format {
        "cyclonedx-json" => schema_errors_with(
            &s.join("cyclonedx-1.6/bom-1.6.schema.json"),
            &[
                (
                    "http://cyclonedx.org/schema/spdx.schema.json",
                    s.join("cyclonedx-1.6/spdx.schema.json"),
                ),
                (
                    "http://cyclonedx.org/schema/jsf-0.82.schema.json",
                    s.join("cyclonedx-1.6/jsf-0.82.schema.json"),
                ),
            ],
            v,
        ),
        _ => schema_errors(
            &s.join("spdx-2.3/spdx-schema.json"),
            jsonschema::Draft::Draft7,
            v,
        ),
    };
    assert!(
        errors.is_empty(),
        "{format} does not validate: {:#?}",
        &errors[..errors.len().min(10)]
    );
}

#[test]
fn demo_sboms_validate_and_carry_the_graph() {
    let cdx = sbom("cyclonedx-json", &demo_dir(), &[]);
    validate("cyclonedx-json", &cdx);
    assert_eq!(cdx["specVersion"], "1.6");
    assert_eq!(
        cdx["metadata"]["tools"]["components"][0]["name"],
        "palisade"
    );
    let comps = cdx["components"].as_array().unwrap();
    let lodash = comps.iter().find(|c| c["name"] == "lodash").unwrap();
    assert_eq!(lodash["purl"], "pkg:npm/lodash@4.17.15");
    assert_eq!(lodash["scope"], "required");
    assert_eq!(lodash["hashes"][0]["alg"], "SHA-512");
    let minimist = comps.iter().find(|c| c["name"] == "minimist").unwrap();
    assert_eq!(
        minimist["scope"], "excluded",
        "a dev dependency is not shipped"
    );
    let flask = comps
        .iter()
        .find(|c| c["purl"] == "pkg:pypi/flask@0.12.2")
        .unwrap();
    assert_eq!(flask["version"], "0.12.2");
    // The root names the direct dependencies.
    let deps = cdx["dependencies"].as_array().unwrap();
    assert!(
        deps[0]["dependsOn"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d == "pkg:npm/lodash@4.17.15")
    );
    let spdx = sbom("spdx-json", &demo_dir(), &[]);
    validate("spdx-json", &spdx);
    assert_eq!(spdx["spdxVersion"], "SPDX-2.3");
    let pkgs = spdx["packages"].as_array().unwrap();
    assert!(
        pkgs.iter()
            .any(|p| p["externalRefs"][0]["referenceLocator"] == "pkg:npm/axios@0.21.0")
    );
    assert!(
        spdx["relationships"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["relationshipType"] == "DESCRIBES")
    );
    // The same input gives the same document, the creation time aside.
    let again = sbom("cyclonedx-json", &demo_dir(), &[]);
    assert_eq!(again["serialNumber"], cdx["serialNumber"]);
    assert_eq!(again["components"], cdx["components"]);
}

#[test]
fn every_shared_lockfile_gives_valid_sboms_with_fda_fields() {
    let Some(shared) = shared_data() else { return };
    let dir = tempfile::tempdir().unwrap();
    // All the real lockfiles at once, as one project.
    let copy = std::process::Command::new("cp")
        .args([
            "-r",
            &shared.join("lockfiles").to_string_lossy(),
            &dir.path().join("p").to_string_lossy(),
        ])
        .status()
        .unwrap();
    assert!(copy.success());
    let p = dir.path().join("p");
    std::fs::write(
        p.join("palisade.toml"),
        "[sbom]\nname = \"infusion-pump\"\nversion = \"2.1.0\"\nsupplier = \"Example Medical Devices Inc.\"\n\
         support-level = \"active\"\nend-of-support = 2030-12-31\n\n[[sbom.component]]\nname = \"lodash\"\n\
         support-level = \"none\"\nend-of-support = 2021-02-20\n",
    )
    .unwrap();
    for format in ["cyclonedx-json", "spdx-json"] {
        let v = sbom(format, &p, &[]);
        validate(format, &v);
        let n = if format == "spdx-json" {
            v["packages"].as_array().unwrap().len()
        } else {
            v["components"].as_array().unwrap().len()
        };
        assert!(n > 5000, "{format}: {n} components");
    }
    let cdx = sbom("cyclonedx-json", &p, &[]);
    assert_eq!(cdx["metadata"]["component"]["name"], "infusion-pump");
    assert_eq!(
        cdx["metadata"]["supplier"]["name"],
        "Example Medical Devices Inc."
    );
    let lodash = cdx["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "lodash")
        .unwrap();
    let props = lodash["properties"].as_array().unwrap();
    assert!(
        props
            .iter()
            .any(|x| x["name"] == "fda:support-level" && x["value"] == "none")
    );
    assert!(
        props
            .iter()
            .any(|x| x["name"] == "fda:end-of-support" && x["value"] == "2021-02-20")
    );
}

#[test]
fn scan_writes_sboms_beside_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out_cdx = dir.path().join("bom.cdx.json");
    let out_spdx = dir.path().join("bom.spdx.json");
    let out = palisade(
        &[
            "scan",
            "demo",
            "--no-progress",
            "--format",
            "json:/dev/null",
            "--sbom",
            &format!("cyclonedx-json:{}", out_cdx.display()),
            "--sbom",
            &format!("spdx-json:{}", out_spdx.display()),
        ],
        &crate::workspace_root(),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the demo's gate fails: {}",
        stderr(&out)
    );
    let cdx: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_cdx).unwrap()).unwrap();
    validate("cyclonedx-json", &cdx);
    let spdx: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_spdx).unwrap()).unwrap();
    validate("spdx-json", &spdx);
    let bad = palisade(
        &["scan", "demo", "--sbom", "xml:f"],
        &crate::workspace_root(),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("unknown SBOM format `xml`"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn scan_vex_suppresses_and_every_output_and_the_gate_honour_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fx = crate::workspace_root()
        .join("crates/palisade-sca/rules/fixtures/vulnerable-dependency/positive");
    std::fs::copy(fx.join("package-lock.json"), d.join("package-lock.json")).unwrap();
    std::fs::create_dir(d.join("advisories")).unwrap();
    std::fs::copy(
        fx.join("advisories/PALISADE-TEST-0001.json"),
        d.join("advisories/a.json"),
    )
    .unwrap();
    std::fs::write(
        d.join("palisade.toml"),
        "[sca]\nadvisories = [\"advisories\"]\n",
    )
    .unwrap();
    let out = palisade(&["scan", ".", "--scanners", "sca", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    std::fs::write(
        d.join("vex.json"),
        r#"{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-0000-0001"},
        "products":[{"@id":"pkg:npm/left-pad@1.1.0"}],"status":"not_affected","justification":"inline_mitigations_already_exist"}]}"#,
    )
    .unwrap();
    let out = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "sca",
            "--no-progress",
            "--vex",
            "vex.json",
            "-f",
            "json",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["suppression"]["kind"], "vex");
    let sarif = palisade(
        &[
            "scan",
            ".",
            "--scanners",
            "sca",
            "--no-progress",
            "--vex",
            "vex.json",
            "-f",
            "sarif",
        ],
        d,
    );
    let s: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_eq!(
        s["runs"][0]["results"][0]["suppressions"][0]["kind"],
        "external"
    );
    // The same from the config.
    std::fs::write(
        d.join("palisade.toml"),
        "[sca]\nadvisories = [\"advisories\"]\nvex = [\"vex.json\"]\n",
    )
    .unwrap();
    let out = palisade(&["scan", ".", "--scanners", "sca", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A broken VEX document is a usage error, never silently ignored.
    std::fs::write(d.join("vex.json"), "{").unwrap();
    let out = palisade(&["scan", ".", "--scanners", "sca", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("VEX document"), "{}", stderr(&out));
}

/// Serves `bodies` (one per request, in order) on a local port; returns the base URL.
fn serve(bodies: Vec<Vec<u8>>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for body in bodies {
            let Ok((mut s, _)) = listener.accept() else {
                return;
            };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(&body);
        }
    });
    format!("http://{addr}")
}

#[test]
fn db_update_downloads_and_imports_and_fails_clearly_offline() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite");
    let fx = crate::workspace_root()
        .join("crates/palisade-sca/rules/fixtures/vulnerable-dependency/positive/advisories/PALISADE-TEST-0001.json");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "PALISADE-TEST-0001.json",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(&std::fs::read(fx).unwrap()).unwrap();
    let zip = zip.finish().unwrap().into_inner();
    let kev = br#"{"title":"t","catalogVersion":"1","dateReleased":"2026-01-01","count":1,"vulnerabilities":[{"cveID":"CVE-0000-0001","dateAdded":"2026-01-01"}]}"#.to_vec();
    let base = serve(vec![zip, kev.clone()]);
    let run = |osv: &str, kev: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_palisade"))
            .args([
                "--db",
                &db.to_string_lossy(),
                "db",
                "update",
                "npm",
                "--kev",
            ])
            .env("PALISADE_OSV_URL", osv)
            .env("PALISADE_KEV_URL", kev)
            .output()
            .unwrap()
    };
    let out = run(&base, &format!("{base}/kev.json"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let status = palisade(&["--db", &db.to_string_lossy(), "db", "status"], dir.path());
    let text = stdout(&status);
    assert!(text.contains("npm") && text.contains("KEV"), "{text}");
    // Offline (nothing listens on port 1): a clear error that says how to work offline, and
    // a password in a mirror URL is not printed.
    let out = run(
        "http://user:hunter2@127.0.0.1:1",
        "http://127.0.0.1:1/kev.json",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("cannot download http://127.0.0.1:1/npm/all.zip"),
        "{err}"
    );
    assert!(err.contains("palisade db import FILE"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn sca_findings_take_baselines_and_config_suppressions_like_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fx = crate::workspace_root()
        .join("crates/palisade-sca/rules/fixtures/vulnerable-dependency/positive");
    std::fs::copy(fx.join("package-lock.json"), d.join("package-lock.json")).unwrap();
    std::fs::create_dir(d.join("advisories")).unwrap();
    std::fs::copy(
        fx.join("advisories/PALISADE-TEST-0001.json"),
        d.join("advisories/a.json"),
    )
    .unwrap();
    let cfg = "[sca]\nadvisories = [\"advisories\"]\n";
    std::fs::write(d.join("palisade.toml"), cfg).unwrap();
    let scan = |extra: &[&str]| {
        let mut args = vec![
            "scan",
            ".",
            "--scanners",
            "sca",
            "--no-progress",
            "-f",
            "json",
        ];
        args.extend_from_slice(extra);
        palisade(&args, d)
    };
    let out = scan(&[]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fp = v["findings"][0]["fingerprint"].as_str().unwrap().to_owned();
    assert_eq!(v["findings"][0]["scanner"], "sca");
    // A baseline accepts it; the gate passes.
    let b = palisade(
        &[
            "baseline",
            "create",
            ".",
            "--scanners",
            "sca",
            "-o",
            "base.json",
        ],
        d,
    );
    assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
    assert_eq!(scan(&["--baseline", "base.json"]).status.code(), Some(0));
    // A config suppression by fingerprint prefix, with reason, owner and expiry.
    std::fs::write(
        d.join("palisade.toml"),
        format!("{cfg}\n[[suppress]]\nrule = \"vulnerable-dependency\"\nfingerprint = \"{}\"\nreason = \"not reachable: left-pad only pads build output\"\nowner = \"app-team@example.org\"\nexpires = 2099-01-01\n", &fp[..8]),
    )
    .unwrap();
    let out = scan(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["suppression"]["kind"], "config");
    // Moving the package to another line keeps the fingerprint.
    let lock = std::fs::read_to_string(d.join("package-lock.json")).unwrap();
    std::fs::write(d.join("package-lock.json"), format!("\n\n{lock}")).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&scan(&[]).stdout).unwrap();
    assert_eq!(v["findings"][0]["fingerprint"], fp.as_str());
    assert_eq!(v["findings"][0]["location"]["start_line"], 8);
}

#[test]
fn config_show_prints_the_sca_settings_and_the_database() {
    let out = palisade(&["config", "show"], &demo_dir());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "[sca]\n# database: /nonexistent/palisade-tests/advisories.sqlite (not imported yet)"
        ),
        "{text}"
    );
    assert!(text.contains("advisories = [\"advisories\"]"), "{text}");
    assert!(
        text.contains("licenses = { allow = [], deny = [] }"),
        "{text}"
    );
}

#[test]
fn an_empty_vulnerability_database_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = d.join("db.sqlite");
    std::fs::create_dir(d.join("empty")).unwrap();
    // An import that finds nothing still leaves a database file behind.
    let out = palisade(&["--db", &db.to_string_lossy(), "db", "import", "empty"], d);
    assert_eq!(out.status.code(), Some(2));
    let fx = crate::workspace_root()
        .join("crates/palisade-sca/rules/fixtures/vulnerable-dependency/positive");
    std::fs::copy(fx.join("package-lock.json"), d.join("package-lock.json")).unwrap();
    let out = palisade(
        &[
            "--db",
            &db.to_string_lossy(),
            "scan",
            ".",
            "--isolated",
            "--scanners",
            "sca",
            "--no-progress",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let err = stdout(&out) + &stderr(&out);
    assert!(err.contains("holds no advisories"), "{err}");
    assert!(
        !err.contains("scanner sca failed: "),
        "the scanner is named once: {err}"
    );
}
