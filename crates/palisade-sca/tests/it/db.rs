//! The vulnerability database: imports of the real OSV data in `../shared/data/osv` (read in
//! place, never copied), incremental re-import, KEV, and bad input.

use std::io::Write;
use std::time::Instant;

use palisade_sca::Ecosystem;
use palisade_sca::db::Db;

use crate::parsers::shared;

const NOW: &str = "2026-12-01T00:00:00Z";

#[test]
fn imports_every_shared_advisory_and_reimports_incrementally() {
    let Some(shared) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let mut db = Db::open_for_import(&path).unwrap();
    let t = Instant::now();
    let stats = db.import(&shared.join("osv"), NOW).unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "imported {} advisories in {secs:.2}s ({:.0}/s)",
        stats.read,
        stats.read as f64 / secs
    );
    // The README of the data lists 1206 + 2661 + 4291 + 2443 + 54 records.
    assert!(stats.issues.is_empty(), "{:?}", stats.issues);
    assert_eq!(stats.read, 10_655);
    // A few ids appear in two sources (the GHSA subset and a database that imported it).
    assert_eq!(stats.added + stats.updated + stats.unchanged, 10_655);
    assert!(stats.added > 10_600, "{stats:?}");
    assert!(stats.issues.is_empty(), "{:?}", stats.issues);
    // Again: nothing changes.
    let again = db.import(&shared.join("osv"), NOW).unwrap();
    assert_eq!(again.added, 0);
    assert!(again.unchanged > 10_600, "{again:?}");
    drop(db);
    let db = Db::open(&path).unwrap();
    let status = db.status().unwrap();
    let names: Vec<&str> = status.iter().map(|s| s.name.as_str()).collect();
    for n in ["AlmaLinux", "Go", "PyPI", "crates.io", "npm"] {
        assert!(names.contains(&n), "{names:?}");
    }
    let ids = db.advisories_for(Ecosystem::CratesIo, "openssl").unwrap();
    assert!(ids.contains(&"RUSTSEC-2016-0001".to_owned()), "{ids:?}");
    // PyPI names are looked up normalised.
    assert!(
        !db.advisories_for(Ecosystem::PyPi, "Django")
            .unwrap()
            .is_empty()
    );
    // Aliases find the advisory.
    assert_eq!(db.lookup("CVE-2016-10931").unwrap(), ["RUSTSEC-2016-0001"]);
}

#[test]
fn a_newer_modified_time_replaces_and_an_older_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let mut db = Db::open_for_import(&path).unwrap();
    let rec = |modified: &str, fixed: &str| {
        format!(
            r#"{{"id":"TEST-1","modified":"{modified}","affected":[{{"package":{{"ecosystem":"npm","name":"left-pad"}},"ranges":[{{"type":"SEMVER","events":[{{"introduced":"0"}},{{"fixed":"{fixed}"}}]}}]}}]}}"#
        )
    };
    let file = dir.path().join("a.json");
    std::fs::write(&file, rec("2024-01-01T00:00:00Z", "1.0.0")).unwrap();
    assert_eq!(db.import(&file, NOW).unwrap().added, 1);
    std::fs::write(&file, rec("2023-01-01T00:00:00Z", "2.0.0")).unwrap();
    assert_eq!(db.import(&file, NOW).unwrap().unchanged, 1);
    std::fs::write(&file, rec("2025-01-01T00:00:00Z", "3.0.0")).unwrap();
    assert_eq!(db.import(&file, NOW).unwrap().updated, 1);
    assert!(
        db.advisory_json("TEST-1")
            .unwrap()
            .unwrap()
            .contains("3.0.0")
    );
    // Same modified time (Go's vulndb stamps every record 0001-01-01), new content: updated.
    std::fs::write(&file, rec("2025-01-01T00:00:00Z", "4.0.0")).unwrap();
    assert_eq!(db.import(&file, NOW).unwrap().updated, 1);
}

#[test]
fn bad_records_are_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("db.sqlite");
    let mut db = Db::open_for_import(&db_path).unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let good = r#"{"id":"OK-1","modified":"2024-01-01T00:00:00Z","affected":[]}"#;
    std::fs::write(
        src.join("mixed.jsonl"),
        format!("{good}\n{{\"id\": 5}}\nnot json\n{{\"id\":\"NOMOD\"}}\n{{\"id\":\"\\u001b[31m\",\"modified\":\"x\"}}\n"),
    )
    .unwrap();
    std::fs::write(src.join("broken.json"), "{\"id\": \"X\",\n \"modified\": ").unwrap();
    // A zip with one good entry, one bad entry, and one that decompresses past the limit.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("OK-2.json", opts).unwrap();
        z.write_all(good.replace("OK-1", "OK-2").as_bytes())
            .unwrap();
        z.start_file("bad.json", opts).unwrap();
        z.write_all(b"{").unwrap();
        z.start_file("bomb.json", opts).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..17 {
            z.write_all(&zeros).unwrap();
        }
        z.finish().unwrap();
    }
    std::fs::write(src.join("all.zip"), buf.into_inner()).unwrap();
    std::fs::write(src.join("corrupt.zip"), b"PK\x03\x04garbage").unwrap();
    let stats = db.import(&src, NOW).unwrap();
    assert_eq!(stats.added, 2, "{:?}", stats.issues);
    let places: Vec<String> = stats
        .issues
        .iter()
        .map(|i| i.place.rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(
        places,
        [
            "all.zip!bad.json:1",
            "all.zip!bomb.json",
            "broken.json:2",
            "corrupt.zip",
            "mixed.jsonl:2",
            "mixed.jsonl:3",
            "mixed.jsonl:4",
            "mixed.jsonl:5"
        ],
        "{:?}",
        stats.issues
    );
    assert!(stats.issues.iter().all(|i| !i.message.contains('\u{1b}')));
}

#[test]
fn kev_catalogue_is_imported() {
    let Some(shared) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open_for_import(&dir.path().join("db.sqlite")).unwrap();
    let stats = db
        .import(
            &shared.join("kev/known_exploited_vulnerabilities.json"),
            NOW,
        )
        .unwrap();
    assert!(stats.kev > 1000, "{stats:?}");
    let (added, _) = db
        .kev("CVE-2021-44228")
        .unwrap()
        .expect("Log4Shell is in KEV");
    assert!(added.starts_with("2021-12"));
    assert!(db.kev("CVE-1999-0000").unwrap().is_none());
}

#[test]
fn opening_a_missing_database_says_how_to_fill_it() {
    let e = Db::open(std::path::Path::new("/nonexistent/db.sqlite")).unwrap_err();
    assert!(e.to_string().contains("palisade db import"), "{e}");
}
