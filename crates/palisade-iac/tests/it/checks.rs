//! The one harness every built-in check's fixtures run through: each `.bad` fixture must
//! produce exactly the findings of that check marked `# expect: <id>` (on the line itself,
//! or on a comment line for the next line), and each `.good` fixture none of that check.

use std::collections::BTreeSet;

use palisade_iac::registry::{Entry, entries, libs};
use palisade_iac::scanner::check_fixture;

/// The expected `(line, id)` pairs of a fixture.
fn expected(text: &str) -> BTreeSet<(u32, String)> {
    let mut out = BTreeSet::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        let Some(at) = l.find("# expect:") else {
            continue;
        };
        let ids: Vec<String> = l[at + 9..]
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        let line = if l.trim_start().starts_with("# expect:") {
            // The next line that is not a comment.
            let mut j = i + 1;
            while j < lines.len() && lines[j].trim_start().starts_with('#') {
                j += 1;
            }
            j as u32 + 1
        } else {
            i as u32 + 1
        };
        for id in ids {
            out.insert((line, id));
        }
    }
    out
}

fn id_of(e: &Entry) -> String {
    e.slug.replace('_', "-")
}

#[test]
fn every_check_passes_its_fixtures() {
    let mut failures = Vec::new();
    for e in entries() {
        let id = id_of(e);
        let got: BTreeSet<(u32, String)> =
            check_fixture(e.input, e.bad, &format!("{}.bad.{}", e.slug, e.ext))
                .unwrap_or_else(|err| panic!("{id}: {err}"))
                .into_iter()
                .filter(|(_, r)| *r == id)
                .collect();
        let want = expected(e.bad);
        if want.is_empty() {
            failures.push(format!("{id}: the bad fixture marks no expected finding"));
        }
        if got != want {
            failures.push(format!("{id}: bad fixture: expected {want:?}, got {got:?}"));
        }
        let good: Vec<(u32, String)> =
            check_fixture(e.input, e.good, &format!("{}.good.{}", e.slug, e.ext))
                .unwrap_or_else(|err| panic!("{id}: {err}"))
                .into_iter()
                .filter(|(_, r)| *r == id)
                .collect();
        if !good.is_empty() {
            failures.push(format!("{id}: good fixture: unexpected {good:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} check(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn registry_matches_the_rules_folder() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let mut on_disk = BTreeSet::new();
    for dir in std::fs::read_dir(root).expect("rules/") {
        let dir = dir.expect("entry").path();
        let input = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        for f in std::fs::read_dir(&dir).expect("dir") {
            let name = f.expect("entry").file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".rego") {
                on_disk.insert((input.clone(), stem.to_owned()));
            }
        }
    }
    let mut registered: BTreeSet<(String, String)> = entries()
        .iter()
        .map(|e| (e.input.to_owned(), e.slug.to_owned()))
        .collect();
    for (path, _) in libs() {
        let stem = path
            .rsplit('/')
            .next()
            .and_then(|n| n.strip_suffix(".rego"))
            .unwrap_or_default();
        registered.insert(("lib".to_owned(), stem.to_owned()));
    }
    assert_eq!(
        on_disk, registered,
        "rules/ and src/registry_list.rs differ"
    );
}

#[test]
fn check_metadata_is_complete_and_ids_follow_the_naming_rules() {
    let set = palisade_iac::registry::check_set().expect("compiles");
    let mut ids = BTreeSet::new();
    for c in set.checks() {
        let id = &c.meta.id;
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        for banned in ["avoid-", "no-", "use-", "prefer-"] {
            assert!(!id.starts_with(banned), "{id}: ids name the bad pattern");
        }
        assert!(!c.meta.cwe.is_empty(), "{id}: CWE");
        assert!(c.meta.description.len() > 40, "{id}: description");
        assert!(c.meta.remediation.len() > 20, "{id}: remediation");
        assert!(
            !c.benchmark.is_empty()
                || c.input == "github-actions"
                || c.input == "gitlab-ci"
                || c.input == "dockerfile"
                || c.input == "compose",
            "{id}: benchmark reference"
        );
    }
    assert!(set.checks().len() >= 180, "{}", set.checks().len());
}
