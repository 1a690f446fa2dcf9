//! Git access layer: history blobs, blob reader, staged files, corrupt repositories.
//!
//! Fixture repositories are built with the `git` CLI in a temp dir, with fixed identities and
//! dates and no user or system configuration.

use std::path::{Path, PathBuf};
use std::process::Command;

use palisade_secrets::git::{
    BlobReader, GitError, HistoryBlob, history_blobs, repo_root, staged_files, staged_files_from,
};

const BASE: i64 = 1_700_000_000;

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let f = Self {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        f.git(&["init", "-q"]);
        f
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cmd(&self, time: i64) -> Command {
        let mut c = Command::new("git");
        c.current_dir(self.path())
            // Isolate from the caller's git environment (hooks export these) and config.
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_OBJECT_DIRECTORY")
            .env_remove("GIT_ALTERNATE_OBJECT_DIRECTORIES")
            .env_remove("GIT_CEILING_DIRECTORIES")
            .env("HOME", self.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Ada Author")
            .env("GIT_AUTHOR_EMAIL", "ada@example.com")
            .env("GIT_COMMITTER_NAME", "Cid Committer")
            .env("GIT_COMMITTER_EMAIL", "cid@example.com")
            .env("GIT_AUTHOR_DATE", format!("@{time} +0200"))
            .env("GIT_COMMITTER_DATE", format!("@{time} +0200"))
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "tag.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
                "-c",
                "core.autocrlf=false",
            ]);
        c
    }

    fn run(mut c: Command) -> String {
        let out = c.output().expect("run git");
        assert!(
            out.status.success(),
            "{c:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn git(&self, args: &[&str]) -> String {
        let mut c = self.cmd(BASE);
        c.args(args);
        Self::run(c)
    }

    fn write(&self, rel: &str, content: &str) {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, content).expect("write");
    }

    /// `git add -A` and commit at `BASE + offset` seconds; returns the commit id.
    fn commit(&self, msg: &str, offset: i64) -> String {
        self.git(&["add", "-A"]);
        let mut c = self.cmd(BASE + offset);
        c.args(["commit", "-q", "--allow-empty", "-m", msg]);
        Self::run(c);
        self.git(&["rev-parse", "HEAD"])
    }

    fn blob_id(&self, content: &str) -> String {
        let p = self.path().join(".blob-tmp");
        std::fs::write(&p, content).expect("write");
        let id = self.git(&["hash-object", "--no-filters", ".blob-tmp"]);
        std::fs::remove_file(p).expect("rm");
        id
    }

    fn object_file(&self, id: &str) -> PathBuf {
        self.path()
            .join(".git/objects")
            .join(&id[..2])
            .join(&id[2..])
    }
}

fn history(f: &Fixture) -> Vec<HistoryBlob> {
    history_blobs(f.path(), u64::MAX).expect("history").0
}

fn find<'a>(blobs: &'a [HistoryBlob], id: &str) -> &'a HistoryBlob {
    blobs
        .iter()
        .find(|b| b.id == id)
        .unwrap_or_else(|| panic!("blob {id} not in {blobs:#?}"))
}

fn staged(f: &Fixture) -> Vec<(String, String)> {
    staged_files(f.path(), u64::MAX)
        .expect("staged")
        .into_iter()
        .map(|(p, d)| (p, String::from_utf8(d).expect("utf8")))
        .collect()
}

#[test]
fn unchanged_blob_reported_once_with_first_commit() {
    let f = Fixture::new();
    f.write("config/app.env", "TOKEN=one\n");
    f.write("README", "hello\n");
    let c1 = f.commit("one", 0);
    f.write("README", "hello again\n");
    let c2 = f.commit("two", 100);

    let (blobs, stats) = history_blobs(f.path(), u64::MAX).expect("history");
    assert_eq!(stats.commits, 2);
    assert_eq!(stats.blobs, 3, "{blobs:#?}");
    assert_eq!(stats.skipped_large, 0);
    assert_eq!(
        stats.bytes,
        ("TOKEN=one\n".len() + "hello\n".len() + "hello again\n".len()) as u64
    );

    let env = find(&blobs, &f.blob_id("TOKEN=one\n"));
    assert_eq!(env.path, "config/app.env");
    assert_eq!(env.commit.id, c1);
    assert_eq!(env.commit.author, "Ada Author");
    assert_eq!(env.commit.email, "ada@example.com");
    assert_eq!(env.commit.time, BASE);
    assert_eq!(env.commit.date, "2023-11-14T22:13:20Z");

    // A modified file yields a second blob attributed to the later commit.
    assert_eq!(find(&blobs, &f.blob_id("hello\n")).commit.id, c1);
    let readme2 = find(&blobs, &f.blob_id("hello again\n"));
    assert_eq!(
        (readme2.path.as_str(), readme2.commit.id.as_str()),
        ("README", c2.as_str())
    );

    // Ids are unique.
    let mut ids: Vec<_> = blobs.iter().map(|b| b.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), blobs.len());
}

#[test]
fn side_branch_reachable_only_from_a_tag() {
    let f = Fixture::new();
    f.write("a.txt", "base\n");
    f.commit("base", 0);
    f.git(&["checkout", "-q", "-b", "side"]);
    f.write("leak.txt", "password=hunter2\n");
    let side = f.commit("side", 50);
    f.git(&["tag", "-a", "-m", "annotated", "v-side"]);
    f.git(&["checkout", "-q", "main"]);
    f.git(&["branch", "-q", "-D", "side"]);
    f.git(&["pack-refs", "--all"]);

    let (blobs, stats) = history_blobs(f.path(), u64::MAX).expect("history");
    assert_eq!(stats.commits, 2);
    let leak = find(&blobs, &f.blob_id("password=hunter2\n"));
    assert_eq!(
        (leak.path.as_str(), leak.commit.id.as_str()),
        ("leak.txt", side.as_str())
    );
}

#[test]
fn detached_head_and_stash_are_walked() {
    let f = Fixture::new();
    f.write("a.txt", "base\n");
    f.commit("base", 0);
    f.git(&["checkout", "-q", "--detach"]);
    f.write("b.txt", "detached only\n");
    let detached = f.commit("detached", 10);
    f.write("b.txt", "stashed change\n");
    f.git(&["stash", "-q"]);
    f.git(&["checkout", "-q", "main"]);
    // Keep HEAD detached at the commit nothing else references.
    f.git(&["checkout", "-q", &detached]);

    let blobs = history(&f);
    assert_eq!(
        find(&blobs, &f.blob_id("detached only\n")).commit.id,
        detached
    );
    assert_eq!(find(&blobs, &f.blob_id("stashed change\n")).path, "b.txt");
}

#[test]
fn renamed_file_keeps_first_path() {
    let f = Fixture::new();
    f.write("old/name.txt", "same content\n");
    let c1 = f.commit("add", 0);
    f.git(&["mv", "old", "new"]);
    f.commit("rename", 10);

    let blobs = history(&f);
    let b = find(&blobs, &f.blob_id("same content\n"));
    assert_eq!(
        (b.path.as_str(), b.commit.id.as_str()),
        ("old/name.txt", c1.as_str())
    );
    assert_eq!(blobs.len(), 1);
}

#[test]
fn parents_come_before_children_despite_clock_skew() {
    let f = Fixture::new();
    f.write("k.txt", "key\n");
    let parent = f.commit("parent", 1000);
    f.write("other.txt", "x\n");
    // The child claims to be older than its parent.
    f.commit("child", 0);
    let blobs = history(&f);
    assert_eq!(find(&blobs, &f.blob_id("key\n")).commit.id, parent);
}

#[test]
fn duplicate_content_in_one_commit_takes_the_first_path_in_tree_order() {
    let f = Fixture::new();
    f.write("b.txt", "dup\n");
    f.write("a/z.txt", "dup\n");
    f.commit("dup", 0);
    let blobs = history(&f);
    assert_eq!(blobs.len(), 1);
    assert_eq!(blobs[0].path, "a/z.txt");
}

#[test]
fn symlinks_and_submodules_are_skipped() {
    let f = Fixture::new();
    f.write("real.txt", "real\n");
    let target = f.blob_id("target-path-as-link\n");
    f.write(".link-src", "target-path-as-link\n");
    f.git(&["hash-object", "-w", ".link-src"]);
    std::fs::remove_file(f.path().join(".link-src")).expect("rm");
    f.git(&[
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("120000,{target},link"),
    ]);
    let gitlink = "1234567890123456789012345678901234567890";
    f.git(&[
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("160000,{gitlink},sub"),
    ]);
    f.git(&["add", "real.txt"]);
    let mut c = f.cmd(BASE);
    c.args(["commit", "-q", "-m", "links"]);
    Fixture::run(c);

    let blobs = history(&f);
    let paths: Vec<_> = blobs.iter().map(|b| b.path.as_str()).collect();
    assert_eq!(paths, ["real.txt"]);
    let staged_paths: Vec<_> = staged(&f).into_iter().map(|(p, _)| p).collect();
    assert!(staged_paths.is_empty(), "{staged_paths:?}");
}

#[test]
fn blobs_over_the_cap_are_counted_not_returned() {
    let f = Fixture::new();
    f.write("small.txt", "tiny\n");
    f.write("big.bin", &"x".repeat(5000));
    f.commit("sizes", 0);
    let (blobs, stats) = history_blobs(f.path(), 1000).expect("history");
    assert_eq!(stats.skipped_large, 1);
    assert_eq!(stats.blobs, 1);
    assert_eq!(blobs.len(), 1);
    assert_eq!(blobs[0].path, "small.txt");
    // Exactly at the cap is still scanned.
    let (blobs, stats) = history_blobs(f.path(), 5000).expect("history");
    assert_eq!((blobs.len(), stats.skipped_large), (2, 0));
}

#[test]
fn packed_history_matches_loose_history() {
    let f = Fixture::new();
    for i in 0..30 {
        f.write(
            &format!("dir{}/file.txt", i % 3),
            &format!("version {i}\n{}\n", "filler ".repeat(50)),
        );
        f.commit(&format!("c{i}"), i64::from(i) * 10);
    }
    let loose = history(&f);
    f.git(&["gc", "-q", "--aggressive"]);
    assert!(
        f.path()
            .join(".git/objects/pack")
            .read_dir()
            .expect("pack dir")
            .next()
            .is_some()
    );
    let packed = history(&f);
    assert_eq!(loose, packed);
    assert_eq!(packed.len(), 30);
}

#[test]
fn empty_repository_has_no_history() {
    let f = Fixture::new();
    let (blobs, stats) = history_blobs(f.path(), u64::MAX).expect("history");
    assert!(blobs.is_empty());
    assert_eq!(stats.commits, 0);
}

#[test]
fn discovery_from_a_subdirectory_gives_root_relative_paths() {
    let f = Fixture::new();
    f.write("sub/dir/file.txt", "deep\n");
    f.commit("deep", 0);
    let sub = f.path().join("sub/dir");
    assert_eq!(
        repo_root(&sub).expect("root"),
        std::fs::canonicalize(f.path()).expect("canon")
    );
    let (blobs, _) = history_blobs(&sub, u64::MAX).expect("history");
    assert_eq!(blobs[0].path, "sub/dir/file.txt");
    f.write("sub/dir/new.txt", "new\n");
    f.git(&["add", "sub/dir/new.txt"]);
    let staged: Vec<_> = staged_files(&sub, u64::MAX)
        .expect("staged")
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(staged, ["sub/dir/new.txt"]);
}

#[test]
fn not_a_repository_is_an_open_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = history_blobs(dir.path(), u64::MAX).expect_err("no repo");
    assert!(matches!(err, GitError::Open { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("cannot open git repository at "),
        "{err}"
    );
    assert!(repo_root(dir.path()).is_err());
    assert!(staged_files(dir.path(), 10).is_err());
    assert!(BlobReader::open(dir.path()).is_err());
}

#[test]
fn blob_reader_reads_from_many_threads() {
    let f = Fixture::new();
    for i in 0..20 {
        f.write(&format!("f{i}.txt"), &format!("content {i}\n"));
    }
    f.commit("many", 0);
    f.git(&["gc", "-q"]);
    let blobs = history(&f);
    assert_eq!(blobs.len(), 20);
    let reader = BlobReader::open(f.path()).expect("reader");
    std::thread::scope(|s| {
        for t in 0..4 {
            let (reader, blobs) = (&reader, &blobs);
            s.spawn(move || {
                for b in blobs.iter().skip(t) {
                    let data = reader.read(&b.id).expect("read");
                    let n: String = b
                        .path
                        .trim_start_matches('f')
                        .trim_end_matches(".txt")
                        .to_owned();
                    assert_eq!(data, format!("content {n}\n").as_bytes());
                }
            });
        }
    });

    assert!(matches!(
        reader.read("not-hex"),
        Err(GitError::InvalidId { .. })
    ));
    let missing = reader
        .read("0123456789012345678901234567890123456789")
        .expect_err("missing");
    assert!(matches!(missing, GitError::Object { .. }), "{missing:?}");
    let head = f.git(&["rev-parse", "HEAD"]);
    let not_blob = reader.read(&head).expect_err("commit is not a blob");
    assert!(
        not_blob.to_string().contains("expected a blob"),
        "{not_blob}"
    );
}

#[test]
fn staged_added_and_modified_not_unchanged_or_deleted() {
    let f = Fixture::new();
    f.write("keep.txt", "unchanged\n");
    f.write("mod.txt", "before\n");
    f.write("gone.txt", "to delete\n");
    f.write("exec.sh", "echo old\n");
    f.commit("base", 0);
    f.write("mod.txt", "after\n");
    f.write("new/added.txt", "fresh\n");
    f.write("unstaged.txt", "not added\n");
    f.write("exec.sh", "echo new\n");
    f.git(&["add", "mod.txt", "new/added.txt", "exec.sh"]);
    f.git(&["update-index", "--chmod=+x", "exec.sh"]);
    f.git(&["rm", "-q", "gone.txt"]);
    // Work-tree edits after staging are not what gets committed.
    f.write("mod.txt", "after, unstaged edit\n");

    assert_eq!(
        staged(&f),
        [
            ("exec.sh".to_owned(), "echo new\n".to_owned()),
            ("mod.txt".to_owned(), "after\n".to_owned()),
            ("new/added.txt".to_owned(), "fresh\n".to_owned()),
        ]
    );
    // Size cap.
    let capped = staged_files(f.path(), 6).expect("staged");
    let paths: Vec<_> = capped.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["mod.txt", "new/added.txt"]);
}

#[test]
fn staged_in_a_repository_without_commits() {
    let f = Fixture::new();
    assert!(staged(&f).is_empty(), "no index yet");
    f.write("b.txt", "second\n");
    f.write("a.txt", "first\n");
    f.git(&["add", "a.txt", "b.txt"]);
    assert_eq!(
        staged(&f),
        [
            ("a.txt".to_owned(), "first\n".to_owned()),
            ("b.txt".to_owned(), "second\n".to_owned())
        ]
    );
    f.write("intent.txt", "intent to add\n");
    f.git(&["add", "-N", "intent.txt"]);
    assert_eq!(
        staged(&f).len(),
        2,
        "intent-to-add entries have no staged content"
    );
}

#[test]
fn staged_from_an_alternate_index_file() {
    let f = Fixture::new();
    f.write("a.txt", "one\n");
    f.commit("base", 0);
    f.write("a.txt", "two\n");
    // What `git commit -a` does: stage into a temporary index named by GIT_INDEX_FILE.
    let alt = f.path().join(".git/alt-index");
    std::fs::copy(f.path().join(".git/index"), &alt).expect("copy index");
    let mut c = f.cmd(BASE);
    c.env("GIT_INDEX_FILE", &alt).args(["add", "a.txt"]);
    Fixture::run(c);

    assert!(staged(&f).is_empty(), "the default index is untouched");
    let got = staged_files_from(f.path(), Some(&alt), u64::MAX).expect("alt index");
    assert_eq!(got, [("a.txt".to_owned(), b"two\n".to_vec())]);
    let missing = f.path().join(".git/no-such-index");
    let err = staged_files_from(f.path(), Some(&missing), u64::MAX).expect_err("missing index");
    assert!(matches!(err, GitError::Index { .. }), "{err:?}");
}

#[test]
fn corrupt_index_is_an_error() {
    let f = Fixture::new();
    f.write("a.txt", "a\n");
    f.git(&["add", "a.txt"]);
    std::fs::write(
        f.path().join(".git/index"),
        b"DIRC garbage that is not an index",
    )
    .expect("write");
    let err = staged_files(f.path(), u64::MAX).expect_err("corrupt index");
    assert!(matches!(err, GitError::Index { .. }), "{err:?}");
    assert!(err.to_string().contains("index"), "{err}");
}

fn garble(path: &Path) {
    let mut perms = std::fs::metadata(path).expect("meta").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(path, perms).expect("chmod");
    std::fs::write(path, b"this is not zlib data at all").expect("garble");
}

#[test]
fn garbled_blob_object_is_an_error() {
    let f = Fixture::new();
    f.write("a.txt", "will be garbled\n");
    f.write("b.txt", "fine\n");
    f.commit("one", 0);
    garble(&f.object_file(&f.blob_id("will be garbled\n")));
    let err = history_blobs(f.path(), u64::MAX).expect_err("garbled blob");
    assert!(matches!(err, GitError::Object { .. }), "{err:?}");
    assert!(err.to_string().contains("a.txt"), "{err}");
    let reader = BlobReader::open(f.path()).expect("reader");
    assert!(reader.read(&f.blob_id("will be garbled\n")).is_err());
}

#[test]
fn garbled_commit_and_missing_tree_are_errors() {
    let f = Fixture::new();
    f.write("a.txt", "a\n");
    let c1 = f.commit("one", 0);
    f.write("a.txt", "b\n");
    f.commit("two", 10);
    garble(&f.object_file(&c1));
    assert!(matches!(
        history_blobs(f.path(), u64::MAX),
        Err(GitError::Object { .. })
    ));

    let g = Fixture::new();
    g.write("a.txt", "a\n");
    g.commit("one", 0);
    let tree = g.git(&["rev-parse", "HEAD^{tree}"]);
    std::fs::remove_file(g.object_file(&tree)).expect("rm tree");
    let err = history_blobs(g.path(), u64::MAX).expect_err("missing tree");
    assert!(err.to_string().contains(&tree), "{err}");
    assert!(
        staged_files(g.path(), u64::MAX).is_err(),
        "HEAD tree is needed for staged"
    );
}

#[test]
fn bogus_refs_are_errors() {
    let f = Fixture::new();
    f.write("a.txt", "a\n");
    f.commit("one", 0);
    std::fs::write(
        f.path().join(".git/refs/heads/main"),
        "0123456789012345678901234567890123456789\n",
    )
    .expect("write ref");
    assert!(
        history_blobs(f.path(), u64::MAX).is_err(),
        "ref to missing commit"
    );

    let g = Fixture::new();
    g.write("a.txt", "a\n");
    g.commit("one", 0);
    std::fs::write(
        g.path().join(".git/refs/heads/broken"),
        "not a ref at all\n",
    )
    .expect("write ref");
    assert!(history_blobs(g.path(), u64::MAX).is_err(), "unparsable ref");

    let h = Fixture::new();
    h.write("a.txt", "a\n");
    h.commit("one", 0);
    std::fs::write(h.path().join(".git/HEAD"), "complete garbage\n").expect("write HEAD");
    assert!(history_blobs(h.path(), u64::MAX).is_err(), "bogus HEAD");
    assert!(staged_files(h.path(), u64::MAX).is_err(), "bogus HEAD");
}

#[test]
fn truncated_pack_is_an_error() {
    let f = Fixture::new();
    for i in 0..5 {
        f.write("a.txt", &format!("{i}\n{}", "pad ".repeat(200)));
        f.commit(&format!("c{i}"), i);
    }
    f.git(&["gc", "-q"]);
    let pack = std::fs::read_dir(f.path().join(".git/objects/pack"))
        .expect("pack dir")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "pack"))
        .expect("a pack");
    let len = std::fs::metadata(&pack).expect("meta").len();
    let mut perms = std::fs::metadata(&pack).expect("meta").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&pack, perms).expect("chmod");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&pack)
        .expect("open pack");
    file.set_len(len / 2).expect("truncate");
    drop(file);
    assert!(history_blobs(f.path(), u64::MAX).is_err());
}
