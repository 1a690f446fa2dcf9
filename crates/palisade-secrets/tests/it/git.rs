//! Git access layer: history blobs, blob reader, staged files, corrupt repositories.
//!
//! Fixture repositories are built with the `git` CLI in a temp dir, with fixed identities and
//! dates and no user or system configuration.

use std::path::{Path, PathBuf};
use std::process::Command;

use palisade_secrets::git::{
    BlobReader, GitError, HistoryBlob, HistoryOptions, HistoryStats, MAX_PATHS, Occurrence,
    StagedFile, history_blobs, repo_root, staged,
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

    /// Run git with `input` on stdin; returns trimmed stdout.
    fn git_stdin(&self, args: &[&str], input: &[u8]) -> String {
        use std::io::Write;
        let mut c = self.cmd(BASE);
        c.args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = c.spawn().expect("spawn git");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{c:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Write `content` as a blob object; returns its id.
    fn write_blob(&self, content: &str) -> String {
        self.git_stdin(&["hash-object", "-w", "--stdin"], content.as_bytes())
    }

    /// Write a tree from `(mode, id, raw name)` entries; returns its id.
    fn mktree(&self, entries: &[(&str, &str, &[u8])]) -> String {
        let mut input = Vec::new();
        for (mode, id, name) in entries {
            let kind = if *mode == "040000" { "tree" } else { "blob" };
            input.extend_from_slice(format!("{mode} {kind} {id}\t").as_bytes());
            input.extend_from_slice(name);
            input.push(b'\n');
        }
        self.git_stdin(&["mktree"], &input)
    }

    /// Commit `tree` on `main` (no parent); returns the commit id.
    fn commit_tree(&self, tree: &str) -> String {
        let id = self.git(&["commit-tree", tree, "-m", "crafted"]);
        self.git(&["update-ref", "refs/heads/main", &id]);
        id
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

fn walk(path: &Path, max_blob_size: u64) -> Result<(Vec<HistoryBlob>, HistoryStats), GitError> {
    history_blobs(path, &HistoryOptions::new(max_blob_size))
}

fn history(f: &Fixture) -> Vec<HistoryBlob> {
    walk(f.path(), u64::MAX).expect("history").0
}

/// Where a blob was first introduced.
fn first(b: &HistoryBlob) -> &Occurrence {
    b.occurrences.first().expect("a blob has a path")
}

/// `(path, short commit id)` of every occurrence.
fn places(b: &HistoryBlob) -> Vec<(&str, &str)> {
    b.occurrences
        .iter()
        .map(|o| (o.path.as_str(), o.commit.id.as_str()))
        .collect()
}

fn find<'a>(blobs: &'a [HistoryBlob], id: &str) -> &'a HistoryBlob {
    blobs
        .iter()
        .find(|b| b.id == id)
        .unwrap_or_else(|| panic!("blob {id} not in {blobs:#?}"))
}

/// The staged listing of `path` (repository or subdirectory), read through a [`BlobReader`].
fn staged_at(
    path: &Path,
    index_file: Option<&Path>,
    max_blob_size: u64,
) -> Result<Vec<(String, String)>, GitError> {
    let listing = staged(path, index_file, max_blob_size)?;
    let reader = BlobReader::open(path)?;
    listing
        .files
        .into_iter()
        .map(|f| {
            let data = reader.read(&f.id)?;
            assert_eq!(data.len() as u64, f.size);
            Ok((f.path, String::from_utf8(data).expect("utf8")))
        })
        .collect()
}

fn staged_list(f: &Fixture) -> Vec<(String, String)> {
    staged_at(f.path(), None, u64::MAX).expect("staged")
}

#[test]
fn unchanged_blob_reported_once_with_first_commit() {
    let f = Fixture::new();
    f.write("config/app.env", "TOKEN=one\n");
    f.write("README", "hello\n");
    let c1 = f.commit("one", 0);
    f.write("README", "hello again\n");
    let c2 = f.commit("two", 100);

    let (blobs, stats) = walk(f.path(), u64::MAX).expect("history");
    assert_eq!(stats.commits, 2);
    assert_eq!(stats.blobs, 3, "{blobs:#?}");
    assert_eq!(stats.skipped_large, 0);
    assert_eq!(
        stats.bytes,
        ("TOKEN=one\n".len() + "hello\n".len() + "hello again\n".len()) as u64
    );

    let env = first(find(&blobs, &f.blob_id("TOKEN=one\n")));
    assert_eq!(env.path, "config/app.env");
    assert_eq!(env.commit.id, c1);
    assert_eq!(env.commit.author, "Ada Author");
    assert_eq!(env.commit.email, "ada@example.com");
    assert_eq!(env.commit.time, BASE);
    assert_eq!(env.commit.date, "2023-11-14T22:13:20Z");

    // A modified file yields a second blob attributed to the later commit.
    assert_eq!(
        places(find(&blobs, &f.blob_id("hello\n"))),
        [("README", c1.as_str())]
    );
    let readme2 = find(&blobs, &f.blob_id("hello again\n"));
    assert_eq!(places(readme2), [("README", c2.as_str())]);
    assert_eq!(stats.paths, 3, "unchanged blobs are not recorded again");

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

    let (blobs, stats) = walk(f.path(), u64::MAX).expect("history");
    assert_eq!(stats.commits, 2);
    let leak = find(&blobs, &f.blob_id("password=hunter2\n"));
    assert_eq!(places(leak), [("leak.txt", side.as_str())]);
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
        first(find(&blobs, &f.blob_id("detached only\n"))).commit.id,
        detached
    );
    assert_eq!(
        first(find(&blobs, &f.blob_id("stashed change\n"))).path,
        "b.txt"
    );
}

#[test]
fn renamed_directory_records_both_paths() {
    let f = Fixture::new();
    f.write("old/name.txt", "same content\n");
    let c1 = f.commit("add", 0);
    f.git(&["mv", "old", "new"]);
    let c2 = f.commit("rename", 10);
    // Renaming back reuses a (tree, directory) pair already walked: nothing new.
    f.git(&["mv", "new", "old"]);
    f.commit("rename back", 20);

    let (blobs, stats) = walk(f.path(), u64::MAX).expect("history");
    assert_eq!(blobs.len(), 1);
    let b = find(&blobs, &f.blob_id("same content\n"));
    assert_eq!(
        places(b),
        [("old/name.txt", c1.as_str()), ("new/name.txt", c2.as_str())]
    );
    assert_eq!((stats.blobs, stats.paths), (1, 2));
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
    assert_eq!(first(find(&blobs, &f.blob_id("key\n"))).commit.id, parent);
}

#[test]
fn duplicate_content_in_one_commit_lists_paths_in_tree_order() {
    let f = Fixture::new();
    f.write("b.txt", "dup\n");
    f.write("a/z.txt", "dup\n");
    let c = f.commit("dup", 0);
    let blobs = history(&f);
    assert_eq!(blobs.len(), 1);
    assert_eq!(
        places(&blobs[0]),
        [("a/z.txt", c.as_str()), ("b.txt", c.as_str())]
    );
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
    let paths: Vec<_> = blobs.iter().map(|b| first(b).path.as_str()).collect();
    assert_eq!(paths, ["real.txt"]);
    let staged_paths: Vec<_> = staged_list(&f).into_iter().map(|(p, _)| p).collect();
    assert!(staged_paths.is_empty(), "{staged_paths:?}");
}

#[test]
fn blobs_over_the_cap_are_counted_not_returned() {
    let f = Fixture::new();
    f.write("small.txt", "tiny\n");
    f.write("big.bin", &"x".repeat(5000));
    f.commit("sizes", 0);
    let (blobs, stats) = walk(f.path(), 1000).expect("history");
    assert_eq!(stats.skipped_large, 1);
    assert_eq!(stats.blobs, 1);
    assert_eq!(blobs.len(), 1);
    assert_eq!(first(&blobs[0]).path, "small.txt");
    // Exactly at the cap is still scanned.
    let (blobs, stats) = walk(f.path(), 5000).expect("history");
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
    let (blobs, stats) = walk(f.path(), u64::MAX).expect("history");
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
    let (blobs, _) = walk(&sub, u64::MAX).expect("history");
    assert_eq!(first(&blobs[0]).path, "sub/dir/file.txt");
    f.write("sub/dir/new.txt", "new\n");
    f.git(&["add", "sub/dir/new.txt"]);
    let staged: Vec<_> = staged_at(&sub, None, u64::MAX)
        .expect("staged")
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(staged, ["sub/dir/new.txt"]);
}

#[test]
fn not_a_repository_is_its_own_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = walk(dir.path(), u64::MAX).expect_err("no repo");
    assert!(matches!(err, GitError::NotARepository { .. }), "{err:?}");
    // Issue 6 item 6: plain, without gix's class name (`NotFound`).
    assert_eq!(
        err.to_string(),
        format!("{} is not inside a git repository", dir.path().display())
    );
    assert!(matches!(
        repo_root(dir.path()),
        Err(GitError::NotARepository { .. })
    ));
    assert!(staged_at(dir.path(), None, 10).is_err());
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
                    let n: String = first(b)
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
        staged_list(&f),
        [
            ("exec.sh".to_owned(), "echo new\n".to_owned()),
            ("mod.txt".to_owned(), "after\n".to_owned()),
            ("new/added.txt".to_owned(), "fresh\n".to_owned()),
        ]
    );
    // Size cap.
    let capped = staged_at(f.path(), None, 6).expect("staged");
    let paths: Vec<_> = capped.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["mod.txt", "new/added.txt"]);
}

#[test]
fn staged_in_a_repository_without_commits() {
    let f = Fixture::new();
    assert!(staged_list(&f).is_empty(), "no index yet");
    f.write("b.txt", "second\n");
    f.write("a.txt", "first\n");
    f.git(&["add", "a.txt", "b.txt"]);
    assert_eq!(
        staged_list(&f),
        [
            ("a.txt".to_owned(), "first\n".to_owned()),
            ("b.txt".to_owned(), "second\n".to_owned())
        ]
    );
    f.write("intent.txt", "intent to add\n");
    f.git(&["add", "-N", "intent.txt"]);
    assert_eq!(
        staged_list(&f).len(),
        2,
        "intent-to-add entries have no staged content"
    );
}

#[test]
fn staged_from_an_alternate_index_file() {
    let f = Fixture::new();
    f.write("a.txt", "one\n");
    f.commit("base", 0);
    // A different size: with the same size and the same mtime second, git's racy-file
    // check can take the copied index entry as up to date and stage nothing.
    f.write("a.txt", "two, longer\n");
    // What `git commit -a` does: stage into a temporary index named by GIT_INDEX_FILE.
    let alt = f.path().join(".git/alt-index");
    std::fs::copy(f.path().join(".git/index"), &alt).expect("copy index");
    let mut c = f.cmd(BASE);
    c.env("GIT_INDEX_FILE", &alt).args(["add", "a.txt"]);
    Fixture::run(c);

    assert!(staged_list(&f).is_empty(), "the default index is untouched");
    let got = staged_at(f.path(), Some(&alt), u64::MAX).expect("alt index");
    assert_eq!(got, [("a.txt".to_owned(), "two, longer\n".to_owned())]);
    let missing = f.path().join(".git/no-such-index");
    let err = staged_at(f.path(), Some(&missing), u64::MAX).expect_err("missing index");
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
    let err = staged_at(f.path(), None, u64::MAX).expect_err("corrupt index");
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
    let err = walk(f.path(), u64::MAX).expect_err("garbled blob");
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
        walk(f.path(), u64::MAX),
        Err(GitError::Object { .. })
    ));

    let g = Fixture::new();
    g.write("a.txt", "a\n");
    g.commit("one", 0);
    let tree = g.git(&["rev-parse", "HEAD^{tree}"]);
    std::fs::remove_file(g.object_file(&tree)).expect("rm tree");
    let err = walk(g.path(), u64::MAX).expect_err("missing tree");
    assert!(err.to_string().contains(&tree), "{err}");
    assert!(
        staged_at(g.path(), None, u64::MAX).is_err(),
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
    assert!(walk(f.path(), u64::MAX).is_err(), "ref to missing commit");

    let g = Fixture::new();
    g.write("a.txt", "a\n");
    g.commit("one", 0);
    std::fs::write(
        g.path().join(".git/refs/heads/broken"),
        "not a ref at all\n",
    )
    .expect("write ref");
    assert!(walk(g.path(), u64::MAX).is_err(), "unparsable ref");

    let h = Fixture::new();
    h.write("a.txt", "a\n");
    h.commit("one", 0);
    std::fs::write(h.path().join(".git/HEAD"), "complete garbage\n").expect("write HEAD");
    assert!(walk(h.path(), u64::MAX).is_err(), "bogus HEAD");
    assert!(staged_at(h.path(), None, u64::MAX).is_err(), "bogus HEAD");
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
    assert!(walk(f.path(), u64::MAX).is_err());
}

#[test]
fn issue5_07_excluded_paths_are_left_out_of_the_walk() {
    let f = Fixture::new();
    f.write("vendor/x.env", "TOKEN=copied\n");
    f.write("vendor/only.env", "TOKEN=vendored only\n");
    f.commit("vendor", 0);
    f.write("config/prod.env", "TOKEN=copied\n");
    let c2 = f.commit("copy", 10);

    let exclude = |p: &str, _: bool| p == "vendor" || p.starts_with("vendor/");
    let opts = HistoryOptions {
        exclude: Some(&exclude),
        ..HistoryOptions::new(u64::MAX)
    };
    let (blobs, stats) = history_blobs(f.path(), &opts).expect("history");
    assert_eq!(blobs.len(), 1, "{blobs:#?}");
    assert_eq!(
        places(find(&blobs, &f.blob_id("TOKEN=copied\n"))),
        [("config/prod.env", c2.as_str())]
    );
    assert_eq!((stats.blobs, stats.paths), (1, 1));
}

#[test]
fn issue5_07_directory_copied_whole_is_walked_under_its_new_name() {
    let f = Fixture::new();
    f.write("a/s.env", "TOKEN=in a subtree\n");
    f.write("a/deep/t.env", "TOKEN=deeper\n");
    let c1 = f.commit("a", 0);
    f.write("b/s.env", "TOKEN=in a subtree\n");
    f.write("b/deep/t.env", "TOKEN=deeper\n");
    let c2 = f.commit("copy a to b", 10);
    assert_eq!(
        f.git(&["rev-parse", "HEAD:a"]),
        f.git(&["rev-parse", "HEAD:b"]),
        "b/ reuses a/'s tree object"
    );

    let blobs = history(&f);
    assert_eq!(
        places(find(&blobs, &f.blob_id("TOKEN=in a subtree\n"))),
        [("a/s.env", c1.as_str()), ("b/s.env", c2.as_str())]
    );
    assert_eq!(
        places(find(&blobs, &f.blob_id("TOKEN=deeper\n"))),
        [("a/deep/t.env", c1.as_str()), ("b/deep/t.env", c2.as_str())]
    );
}

#[test]
fn issue5_07_paths_per_blob_and_tree_are_capped() {
    // A tree bomb: one blob under 50 x 50 directories (2,500 paths) from three trees.
    let f = Fixture::new();
    let blob = f.write_blob("TOKEN=everywhere\n");
    let leaf = f.mktree(&[("100644", &blob, b"s.env")]);
    let names: Vec<String> = (0..50).map(|i| format!("d{i:02}")).collect();
    let mid_entries: Vec<_> = names
        .iter()
        .map(|n| ("040000", leaf.as_str(), n.as_bytes()))
        .collect();
    let mid = f.mktree(&mid_entries);
    let top_entries: Vec<_> = names
        .iter()
        .map(|n| ("040000", mid.as_str(), n.as_bytes()))
        .collect();
    let top = f.mktree(&top_entries);
    f.commit_tree(&top);

    let (blobs, stats) = walk(f.path(), u64::MAX).expect("history");
    assert_eq!(blobs.len(), 1);
    let b = &blobs[0];
    assert_eq!(b.occurrences.len(), MAX_PATHS);
    assert_eq!(first(b).path, "d00/d00/s.env");
    assert_eq!(b.occurrences[MAX_PATHS - 1].path, "d01/d13/s.env");
    assert_eq!(stats.paths, MAX_PATHS as u64);
    // The tree cap stops the walk before the blob is met at a 65th path.
    assert_eq!((stats.capped_blobs, stats.capped_trees), (0, 1));

    // A smaller cap, on plain copies in one commit.
    let g = Fixture::new();
    for i in 0..5 {
        g.write(&format!("copy{i}.env"), "TOKEN=copied\n");
    }
    g.commit("copies", 0);
    let opts = HistoryOptions {
        max_paths: 3,
        ..HistoryOptions::new(u64::MAX)
    };
    let (blobs, stats) = history_blobs(g.path(), &opts).expect("history");
    let paths: Vec<_> = blobs[0]
        .occurrences
        .iter()
        .map(|o| o.path.as_str())
        .collect();
    assert_eq!(paths, ["copy0.env", "copy1.env", "copy2.env"]);
    assert_eq!((stats.capped_blobs, stats.capped_trees), (1, 0));
}

#[test]
fn issue5_git_names_are_escaped_and_stay_distinct() {
    let f = Fixture::new();
    let one = f.write_blob("one\n");
    let two = f.write_blob("two\n");
    let three = f.write_blob("three\n");
    let tree = f.mktree(&[
        ("100644", &one, b"a\xff.txt"),
        ("100644", &two, b"a\xfe.txt"),
        ("100644", &three, b"\x1b[31mred.txt"),
    ]);
    let mut c = f.cmd(BASE);
    c.env("GIT_AUTHOR_NAME", "Eve\x1b]0;pwned\x07 Evil")
        .env("GIT_AUTHOR_EMAIL", "eve\x1b[2J@example.com")
        .args(["commit-tree", &tree, "-m", "crafted"]);
    let id = Fixture::run(c);
    f.git(&["update-ref", "refs/heads/main", &id]);

    let blobs = history(&f);
    let mut paths: Vec<_> = blobs.iter().map(|b| first(b).path.clone()).collect();
    paths.sort();
    assert_eq!(paths, ["\\x1b[31mred.txt", "a\\xfe.txt", "a\\xff.txt"]);
    let commit = &first(&blobs[0]).commit;
    assert_eq!(commit.author, "Eve\\x1b]0;pwned\\x07 Evil");
    assert_eq!(commit.email, "eve\\x1b[2J@example.com");

    // Staged paths too.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut raw = format!("100644,{three},new").into_bytes();
        raw.push(0xc3);
        let mut c = f.cmd(BASE);
        c.args(["update-index", "--add", "--cacheinfo"])
            .arg(std::ffi::OsStr::from_bytes(&raw));
        Fixture::run(c);
        let listing = staged(f.path(), None, u64::MAX).expect("staged");
        let paths: Vec<_> = listing.files.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["new\\xc3"]);
    }
}

#[test]
fn issue5_12_staged_lists_every_side_of_a_conflict() {
    let f = Fixture::new();
    f.write("config.env", "MODE=base\n");
    f.write("same.env", "same\n");
    f.commit("base", 0);
    f.git(&["checkout", "-q", "-b", "side"]);
    f.write("config.env", "MODE=theirs\n");
    f.commit("theirs", 10);
    f.git(&["checkout", "-q", "main"]);
    f.write("config.env", "MODE=ours\n");
    f.commit("ours", 20);
    let mut c = f.cmd(BASE + 30);
    c.args(["merge", "-q", "side"]);
    assert!(!c.output().expect("merge").status.success(), "conflict");

    let listing = staged(f.path(), None, u64::MAX).expect("staged");
    let sides: Vec<_> = listing
        .files
        .iter()
        .map(|s| (s.path.as_str(), s.stage, s.id.clone()))
        .collect();
    // Ours equals HEAD: not new content. Base and theirs are scanned.
    assert_eq!(
        sides,
        [
            ("config.env", 1, f.blob_id("MODE=base\n")),
            ("config.env", 3, f.blob_id("MODE=theirs\n")),
        ]
    );
    assert_eq!(
        staged_list(&f),
        [
            ("config.env".to_owned(), "MODE=base\n".to_owned()),
            ("config.env".to_owned(), "MODE=theirs\n".to_owned()),
        ]
    );
}

#[test]
fn issue5_19_staged_listing_holds_ids_not_bytes() {
    let f = Fixture::new();
    f.write("a.txt", "alpha\n");
    f.write("b/c.txt", "gamma gamma\n");
    f.git(&["add", "."]);
    let listing = staged(f.path(), None, u64::MAX).expect("staged");
    // The listing names blobs; nothing is read until the scanner asks for it.
    let expected = [
        StagedFile {
            path: "a.txt".to_owned(),
            id: f.blob_id("alpha\n"),
            size: 6,
            stage: 0,
        },
        StagedFile {
            path: "b/c.txt".to_owned(),
            id: f.blob_id("gamma gamma\n"),
            size: 12,
            stage: 0,
        },
    ];
    assert_eq!(listing.files, expected);
    assert!(listing.too_large.is_empty());
}

fn scan_history_of(f: &Fixture, exclude: &[&str]) -> palisade_core::ScanOutput {
    let scanner = palisade_secrets::SecretsScanner::new(&palisade_secrets::EngineOptions::new(
        vec![],
        vec![],
        false,
    ))
    .expect("scanner");
    let config = palisade_core::Config::default();
    let patterns: Vec<String> = exclude.iter().map(|s| (*s).to_owned()).collect();
    let excludes =
        palisade_core::discovery::Excludes::at_root("scan.exclude", &patterns).expect("compiles");
    let progress = std::sync::atomic::AtomicU64::new(0);
    let ctx = palisade_core::ScanContext::new(&config, &progress, &excludes);
    palisade_secrets::history::scan_history(scanner.engine(), f.path(), None, &ctx).expect("scan")
}

#[test]
fn issue5_07_path_rules_judge_every_path_of_a_blob() {
    let f = Fixture::new();
    f.write("certs/cert.bin", "not a key store name\n");
    f.commit("bin", 0);
    f.write("certs/cert.p12", "not a key store name\n");
    f.commit("renamed copy", 10);
    let out = scan_history_of(&f, &[]);
    let found: Vec<_> = out
        .findings
        .iter()
        .map(|x| (x.rule_id.as_str(), x.location.path.as_str()))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "certs/cert.p12");
    assert_eq!(out.files_scanned, 1, "the blob is read once");
}

#[test]
fn issue5_07_capped_paths_are_reported() {
    let f = Fixture::new();
    let blob = f.write_blob("hello\n");
    let leaf = f.mktree(&[("100644", &blob, b"a.txt")]);
    let names: Vec<String> = (0..70).map(|i| format!("d{i:02}")).collect();
    let entries: Vec<_> = names
        .iter()
        .map(|n| ("040000", leaf.as_str(), n.as_bytes()))
        .collect();
    let top = f.mktree(&entries);
    f.commit_tree(&top);
    let out = scan_history_of(&f, &[]);
    let capped: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == "git-paths-capped")
        .collect();
    assert_eq!(capped.len(), 1, "{:#?}", out.diagnostics);
    assert!(
        capped[0]
            .message
            .starts_with("0 blob(s) and 1 directory tree(s)"),
        "{}",
        capped[0].message
    );
}

#[test]
fn issue6_04_utf16_blobs_in_history_are_decoded() {
    let f = Fixture::new();
    let token = palisade_test_support::gh_token("PaLiSaDeGiTuTf16Q7mZ2vK9pL4wR8");
    let mut raw = vec![0xFF, 0xFE];
    for u in format!("# profile\r\n$t = \"{token}\"\r\n").encode_utf16() {
        raw.extend(u.to_le_bytes());
    }
    std::fs::write(f.path().join("profile.ps1"), &raw).expect("write");
    f.commit("utf-16 profile", 0);
    let out = scan_history_of(&f, &[]);
    let found: Vec<_> = out
        .findings
        .iter()
        .map(|x| {
            (
                x.rule_id.as_str(),
                x.location.path.as_str(),
                x.location.start_line,
                x.location.start_column,
            )
        })
        .collect();
    assert_eq!(
        found,
        [("github-personal-access-token", "profile.ps1", 2, 7)]
    );
    assert_eq!(out.bytes_scanned, raw.len() as u64);
}
