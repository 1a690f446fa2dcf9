//! Issue 5 regressions of the git modes: every path of a history blob is judged, unreadable
//! objects fail closed, conflicted index entries are scanned.

use std::path::Path;
use std::process::Command;

use crate::usage::{secret_line, write};
use crate::{commit_all, git, incompressible_text, palisade, stderr};

/// A generic password (low-confidence rule: does not run on test and fixture paths).
const PASSWORD_LINE: &str = "DB_PASSWORD=FzoeN259~JvtwM\n";

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(out)))
}

fn history_scan(d: &Path) -> std::process::Output {
    palisade(
        &[
            "scan",
            ".",
            "--git-history",
            "--no-progress",
            "--format",
            "json",
        ],
        d,
    )
}

fn rev_parse(d: &Path, what: &str) -> String {
    let out = Command::new("git")
        .args(["rev-parse", what])
        .current_dir(d)
        .output()
        .unwrap();
    assert!(out.status.success(), "rev-parse {what}");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// `(path, related paths)` of every finding.
fn places(v: &serde_json::Value) -> Vec<(String, Vec<String>)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let related = f["related_locations"]
                .as_array()
                .map(|r| {
                    r.iter()
                        .map(|l| l["path"].as_str().unwrap().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            (f["location"]["path"].as_str().unwrap().to_owned(), related)
        })
        .collect()
}

#[test]
fn issue5_07_copy_of_an_excluded_blob_is_reported_at_its_new_path() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "palisade.toml", "[scan]\nexclude = [\"vendor/**\"]\n");
    write(d, "vendor/x.env", &secret_line());
    commit_all(d, "vendor");
    write(d, "config/prod.env", &secret_line());
    commit_all(d, "copy");

    let out = history_scan(d);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        places(&json(&out)),
        [("config/prod.env".to_owned(), vec![])],
        "the excluded path is not a location"
    );
}

#[test]
fn issue5_07_copy_of_a_fixture_is_judged_at_its_new_path() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "tests/fixtures/a.env", PASSWORD_LINE);
    commit_all(d, "fixture");
    // A fixture alone is not reported: low-confidence rules skip test paths.
    let out = history_scan(d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    write(d, "config/prod.env", PASSWORD_LINE);
    commit_all(d, "copy");
    let out = history_scan(d);
    assert_eq!(
        out.status.code(),
        Some(0),
        "medium is below the default threshold"
    );
    let v = json(&out);
    assert_eq!(v["findings"][0]["rule_id"], "generic-password-assignment");
    assert_eq!(
        places(&v),
        [("config/prod.env".to_owned(), vec![])],
        "the rule does not apply at the fixture path"
    );
}

#[test]
fn issue5_07_directory_copied_whole_is_scanned_under_its_new_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "palisade.toml", "[scan]\nexclude = [\"a/**\"]\n");
    write(d, "a/s.env", &secret_line());
    write(d, "a/readme.txt", "hello\n");
    commit_all(d, "a");
    write(d, "b/s.env", &secret_line());
    write(d, "b/readme.txt", "hello\n");
    commit_all(d, "copy a to b");
    assert_eq!(
        rev_parse(d, "HEAD:a"),
        rev_parse(d, "HEAD:b"),
        "b/ reuses a/'s tree object"
    );

    let out = history_scan(d);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(places(&json(&out)), [("b/s.env".to_owned(), vec![])]);

    // Without the exclude, the first introduction is a/ and b/ is a related location.
    std::fs::remove_file(d.join("palisade.toml")).unwrap();
    let out = history_scan(d);
    assert_eq!(
        places(&json(&out)),
        [("a/s.env".to_owned(), vec!["b/s.env".to_owned()])]
    );
}

/// A repository with a secret (found) and a large, compressible blob `big.txt` (to corrupt);
/// returns the id of `big.txt`'s blob.
fn repo_with_big_blob(d: &Path) -> String {
    git(d, &["init", "-q"]);
    write(d, "deploy.sh", &secret_line());
    write(d, "big.txt", &incompressible_text());
    commit_all(d, "one");
    rev_parse(d, "HEAD:big.txt")
}

fn make_writable(p: &Path) {
    let mut perms = std::fs::metadata(p).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(p, perms).unwrap();
}

/// The scan fails closed, names the object, and keeps what it could read.
fn assert_fails_closed_naming(d: &Path, id: &str) {
    let out = history_scan(d);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["scanners"][0]["status"], "failed");
    let error = v["scanners"][0]["error"].as_str().unwrap();
    assert!(error.contains(id) && error.contains("big.txt"), "{error}");
    let diag = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "git-error")
        .expect("a git-error diagnostic");
    assert_eq!(diag["level"], "error");
    assert_eq!(diag["path"], "big.txt");
    assert_eq!(
        places(&v),
        [("deploy.sh".to_owned(), vec![])],
        "findings of the readable blobs are kept"
    );
    // The terminal output says which object, too.
    let out = palisade(&["scan", ".", "--git-history", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(3));
    let text = format!("{}{}", crate::stdout(&out), stderr(&out));
    assert!(text.contains(id), "{text}");
}

#[test]
fn issue5_08_truncated_loose_object_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = repo_with_big_blob(d);
    let object = d.join(".git/objects").join(&id[..2]).join(&id[2..]);
    make_writable(&object);
    let len = std::fs::metadata(&object).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&object)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    assert_fails_closed_naming(d, &id);
}

#[test]
fn issue5_08_corrupt_packed_object_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = repo_with_big_blob(d);
    git(d, &["repack", "-a", "-d", "-q"]);
    let pack_dir = d.join(".git/objects/pack");
    let idx = std::fs::read_dir(&pack_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("a pack index");
    // `<id> blob <size> <size in pack> <offset>`
    let listing = Command::new("git")
        .args(["verify-pack", "-v"])
        .arg(&idx)
        .current_dir(d)
        .output()
        .unwrap();
    let listing = String::from_utf8(listing.stdout).unwrap();
    let fields: Vec<usize> = listing
        .lines()
        .find(|l| l.starts_with(&id))
        .expect("the blob is packed")
        .split_whitespace()
        .skip(3)
        .map(|n| n.parse().unwrap())
        .collect();
    let (in_pack, offset) = (fields[0], fields[1]);
    let pack = idx.with_extension("pack");
    make_writable(&pack);
    let mut bytes = std::fs::read(&pack).unwrap();
    for b in &mut bytes[offset + in_pack / 2..offset + in_pack / 2 + 8] {
        *b ^= 0xff;
    }
    std::fs::write(&pack, bytes).unwrap();
    assert_fails_closed_naming(d, &id);
}

/// Run git in `d` like [`git`] does, but let it fail (a merge with conflicts exits 1).
fn git_may_fail(d: &Path, args: &[&str]) {
    Command::new("git")
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(d)
        .env("GIT_AUTHOR_NAME", "Ada Lovelace")
        .env("GIT_AUTHOR_EMAIL", "ada@example.org")
        .env("GIT_COMMITTER_NAME", "Ada Lovelace")
        .env("GIT_COMMITTER_EMAIL", "ada@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", d)
        .output()
        .unwrap();
}

#[test]
fn issue5_12_staged_scans_the_sides_of_a_merge_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "config.env", "MODE=base\n");
    commit_all(d, "base");
    git(d, &["checkout", "-q", "-b", "side"]);
    write(d, "config.env", &format!("MODE=theirs\n{}", secret_line()));
    commit_all(d, "theirs adds a secret");
    git(d, &["checkout", "-q", "main"]);
    write(d, "config.env", "MODE=ours\n");
    commit_all(d, "ours");
    git_may_fail(d, &["merge", "-q", "side"]);
    // Conflicted: the index holds base, ours and theirs for config.env, and the work tree
    // holds conflict markers; resolving is what the commit will do.
    let out = palisade(
        &["scan", ".", "--staged", "--no-progress", "--format", "json"],
        d,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(places(&json(&out)), [("config.env".to_owned(), vec![])]);
}

/// A GitHub token line whose body ends in `tag` (checksum valid).
fn token(tag: &str) -> String {
    let body = format!("PaLiSaDe{tag}Q7mZ2vK9pL4wR8tY3nB6cX1hJ5gF0d");
    format!(
        "GITHUB_TOKEN = \"{}\"\n",
        palisade_test_support::gh_token(&body[..30])
    )
}

fn range_scan(d: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["scan", ".", "--git-history", "--no-progress", "-f", "json"];
    args.extend_from_slice(extra);
    palisade(&args, d)
}

#[test]
fn issue6_10_history_scans_take_a_commit_range() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "old.env", &token("OlDoLdOlD1"));
    commit_all(d, "old secret");
    let before = rev_parse(d, "HEAD");
    write(d, "new.env", &token("NeWnEwNeW2"));
    // The old secret copied in the range is known already: not reported again.
    write(d, "copy/old.env", &token("OlDoLdOlD1"));
    commit_all(d, "new secret");
    write(d, "more.txt", "nothing\n");
    commit_all(d, "no secret");

    let paths = |out: &std::process::Output| -> Vec<String> {
        places(&json(out)).into_iter().map(|(p, _)| p).collect()
    };
    // The whole history: both secrets.
    let out = range_scan(d, &[]);
    assert_eq!(paths(&out), ["new.env", "old.env"]);
    // Only the pushed commits.
    let out = range_scan(d, &["--since", &before]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(paths(&out), ["new.env"]);
    let report = json(&out);
    let head = rev_parse(d, "HEAD");
    assert_eq!(report["coverage"]["git"]["commits"], 2);
    assert_eq!(
        report["coverage"]["git"]["range"],
        format!("{before}..{head}")
    );
    // START..END, with branch names.
    git(d, &["branch", "-q", "base", &before]);
    let out = range_scan(d, &["--commits", "base..HEAD~0"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "HEAD~0 is not supported: {}",
        stderr(&out)
    );
    let out = range_scan(d, &["--commits", "base..HEAD"]);
    assert_eq!(paths(&out), ["new.env"]);
    // Nothing new after HEAD: a clean pass.
    let out = range_scan(d, &["--since", "HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["coverage"]["git"]["commits"], 0);
    // A new branch's "before" id is all zeros: the whole history of HEAD.
    let out = range_scan(d, &["--since", &"0".repeat(40)]);
    assert_eq!(paths(&out), ["new.env", "old.env"]);
    // An unknown revision is a usage error with a plain message.
    let out = range_scan(d, &["--since", &"1".repeat(40)]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("is not a commit of this repository"), "{err}");
    assert!(!err.contains("NotFound"), "{err}");
    let out = range_scan(d, &["--since", "no-such-branch"]);
    assert_eq!(out.status.code(), Some(2));
    // --since needs --git-history.
    let out = palisade(&["scan", ".", "--since", "HEAD"], d);
    assert_eq!(out.status.code(), Some(2));
}
