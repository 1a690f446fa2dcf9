//! Git access shared by the scanners: every (blob, path) pair reachable from any ref
//! (history mode), a thread-safe blob reader, the staged content (pre-commit mode), and the
//! files that differ from a commit (`--changed-since`).
//!
//! Everything goes through gix's object database and index decoder: no `git` subprocess, no
//! hooks, no filters, and no configuration beyond the repository's own (`gix::open::Options::
//! isolated()`), so results do not depend on the user's global git configuration. Paths are
//! relative to the repository root with `/` separators, in their display form
//! ([`escape_bytes`]): bytes that are not UTF-8 and control characters are escaped, so two
//! names that differ only in invalid bytes stay distinct.
//!
//! A corrupt repository (unparsable ref or object, missing object, broken index) yields a
//! [`GitError`]: history scanning fails closed instead of silently scanning less.
//!
//! # Every path a blob appears at
//!
//! Excludes, the test/fixture heuristics and path rules depend on the path, so one blob can
//! matter at `config/prod.env` even though it was first committed under an excluded
//! `vendor/`. [`history_blobs`] therefore returns each blob once, with *every* path at which
//! it occurs in history (each with the first commit that has it there), and the scanner reads
//! the blob once and judges each path.
//!
//! The walk visits commits parents first and walks each commit's tree depth-first, but only
//! the parts it has not seen *at the same place*: it remembers, per tree object, the
//! directories at which that tree has been walked, and per blob the paths at which it was
//! recorded. A file copied or renamed to a new name always lives in a new tree object (the
//! one that holds the new name), so the new (blob, path) pair is found there. A directory
//! moved or copied whole reuses its subtree object unchanged; keying "seen" on the tree alone
//! would hide every blob below it at its new location, so a known tree at a new directory is
//! walked again under that directory. The cost is one walk per distinct (tree, directory)
//! pair and one record per distinct (blob, path) pair: proportional to the unique objects for
//! ordinary histories, plus the renamed or copied directories.
//!
//! Both are bounded, since a few small hostile trees can name one subtree at thousands of
//! directories, nested (10^9 paths from three objects): a tree is walked at no more than
//! [`HistoryOptions::max_paths`] directories and a blob is recorded at no more than that many
//! paths; objects past the cap are counted in [`HistoryStats::capped_trees`] and
//! [`HistoryStats::capped_blobs`] so the scanner can say so. Excluded paths
//! ([`HistoryOptions::exclude`]) are judged during the walk, like discovery does: an excluded
//! directory is not walked and an excluded path is not recorded, so neither uses up a cap.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::CommitInfo;
use crate::text::{escape_bytes, is_unsafe_control};
use crate::time::rfc3339_utc;
use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::hashtable::HashSet;
use gix::objs::{CommitRef, Kind, TreeRefIter};
use gix::prelude::{FindExt, HeaderExt};

/// Default of [`HistoryOptions::max_paths`].
pub const MAX_PATHS: usize = 64;

/// Judges a repository path (and whether it is a folder): true to leave it out.
pub type ExcludeFn<'a> = dyn Fn(&str, bool) -> bool + Sync + 'a;

/// What [`history_blobs`] records.
pub struct HistoryOptions<'a> {
    /// Blobs larger than this are counted in [`HistoryStats::skipped_large`], not returned.
    pub max_blob_size: u64,
    /// At most this many paths are recorded per blob, and a tree is walked at no more than
    /// this many directories (at least 1).
    pub max_paths: usize,
    /// Paths (files and directories) to leave out, as `scan.exclude` does in discovery: an
    /// excluded directory is not walked.
    pub exclude: Option<&'a ExcludeFn<'a>>,
    /// Walk only the commits of this range (see [`resolve_range`]).
    pub range: Option<&'a CommitRange>,
}

/// A resolved commit range: the commits reachable from `end` and not from `start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitRange {
    /// Full id of the commit the range starts after (`None`: from the root commits, as for
    /// a new branch whose "before" id is all zeros).
    pub start: Option<String>,
    /// Full id of the last commit of the range.
    pub end: String,
}

impl CommitRange {
    /// `START..END` with full ids (`..END` without a start).
    pub fn display(&self) -> String {
        format!("{}..{}", self.start.as_deref().unwrap_or(""), self.end)
    }
}

/// Resolve `start` (exclusive; all zeros or empty for none) and `end` (default `HEAD`) to
/// commits of the repository at `path`. A revision that names no commit here (a typo, or a
/// commit missing from a shallow clone) is [`GitError::UnknownRevision`].
pub fn resolve_range(
    path: &Path,
    start: Option<&str>,
    end: Option<&str>,
) -> Result<CommitRange, GitError> {
    let repo = open(path)?.to_thread_local();
    let mut buf = Vec::new();
    let mut resolve = |rev: &str| -> Result<String, GitError> {
        let unknown = |message: String| GitError::UnknownRevision {
            rev: crate::text::escape_control(&crate::text::truncate_chars(rev, 80)),
            message,
        };
        // A full commit id (what CI systems give), HEAD, or a branch, tag or full ref name.
        let id = if rev.len() == 40 && rev.bytes().all(|b| b.is_ascii_hexdigit()) {
            ObjectId::from_hex(rev.as_bytes()).map_err(|e| unknown(e.to_string()))?
        } else if rev == "HEAD" {
            repo.head_id().map_err(|e| unknown(chain(&e)))?.detach()
        } else {
            let mut found = None;
            for name in [
                rev.to_owned(),
                format!("refs/heads/{rev}"),
                format!("refs/tags/{rev}"),
                format!("refs/remotes/{rev}"),
            ] {
                if let Ok(mut r) = repo.find_reference(name.as_str())
                    && let Ok(id) = r.peel_to_id()
                {
                    found = Some(id.detach());
                    break;
                }
            }
            found.ok_or_else(|| {
                unknown("not a full commit id, HEAD, or a branch or tag name".to_owned())
            })?
        };
        match peel_to_commit(&repo, id, &mut buf, rev) {
            Ok(Some(c)) => Ok(c.to_string()),
            Ok(None) => Err(unknown("it names a tree or a blob".to_owned())),
            Err(e) => Err(unknown(e.to_string())),
        }
    };
    let start = match start.map(str::trim) {
        None | Some("") => None,
        Some(s) if s.bytes().all(|b| b == b'0') => None,
        Some(s) => Some(resolve(s)?),
    };
    let end = resolve(end.map_or("HEAD", str::trim))?;
    Ok(CommitRange { start, end })
}

impl HistoryOptions<'_> {
    /// Every path, up to [`MAX_PATHS`] per object, of blobs up to `max_blob_size` bytes.
    pub fn new(max_blob_size: u64) -> Self {
        Self {
            max_blob_size,
            max_paths: MAX_PATHS,
            exclude: None,
            range: None,
        }
    }
}

impl std::fmt::Debug for HistoryOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HistoryOptions")
            .field("max_blob_size", &self.max_blob_size)
            .field("max_paths", &self.max_paths)
            .field("exclude", &self.exclude.is_some())
            .field("range", &self.range)
            .finish()
    }
}

/// One place a blob occurs in history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Repository-relative, `/`-separated display path.
    pub path: String,
    /// The first commit (in walk order) that has the blob at this path.
    pub commit: Arc<CommitInfo>,
    /// Position of that commit in the walk (parents before children, otherwise oldest
    /// committer time first): orders introductions even when commit dates tie or are skewed.
    pub order: u64,
}

/// A blob to scan, with every place it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryBlob {
    /// Hex object id of the blob.
    pub id: String,
    /// Size in bytes.
    pub size: u64,
    /// The non-excluded paths at which the blob occurs, in the order they were introduced
    /// (commit walk order, then tree order). Never empty; at most
    /// [`HistoryOptions::max_paths`].
    pub occurrences: Vec<Occurrence>,
}

/// Counters of one history walk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HistoryStats {
    /// Commits reachable from any ref.
    pub commits: u64,
    /// Unique blobs returned (under the size cap).
    pub blobs: u64,
    /// (blob, path) pairs returned.
    pub paths: u64,
    /// Total size in bytes of the returned blobs.
    pub bytes: u64,
    /// Unique blobs over the size cap, not returned.
    pub skipped_large: u64,
    /// Blobs seen at more paths than were recorded.
    pub capped_blobs: u64,
    /// Trees seen at more directories than they were walked at (the blobs below them occur
    /// at more paths than were recorded, too).
    pub capped_trees: u64,
    /// The repository is a shallow clone: the parents of its boundary commits are missing,
    /// so history past them was not walked.
    pub shallow: bool,
}

/// Errors of the git access layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GitError {
    /// Neither the path nor any folder above it is inside a git repository.
    #[error("{} is not inside a git repository", path.display())]
    NotARepository {
        /// The path the search started from.
        path: PathBuf,
    },
    /// A repository was found but could not be opened.
    #[error("cannot open git repository at {}: {message}", path.display())]
    Open {
        /// The path the search started from.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// References could not be listed, read or resolved.
    #[error("cannot read git references in {}: {message}", repo.display())]
    Reference {
        /// The git directory.
        repo: PathBuf,
        /// What went wrong, starting with the reference name when known.
        message: String,
    },
    /// An object is missing, unreadable, or not of the expected kind.
    #[error("cannot read git object {id}: {message}")]
    Object {
        /// Hex object id.
        id: String,
        /// What went wrong, with where the object was referenced from.
        message: String,
    },
    /// A string is not a valid object id.
    #[error("invalid git object id {id:?}: {message}")]
    InvalidId {
        /// The rejected text.
        id: String,
        /// What went wrong.
        message: String,
    },
    /// The index (staging area) could not be read.
    #[error("cannot read git index {}: {message}", path.display())]
    Index {
        /// The index file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The history is a shallow clone and the caller asked for the full history.
    #[error(
        "the git history of {} is shallow ({commits} commit(s) walked; older ones are not in \
         the clone), and scan.fail-on-shallow is set; fetch the full history first",
        repo.display()
    )]
    Shallow {
        /// The git directory.
        repo: PathBuf,
        /// Commits walked down to the shallow boundary.
        commits: u64,
    },
    /// A revision names no commit of the repository.
    #[error(
        "`{rev}` is not a commit of this repository ({message}); in a shallow clone, fetch \
         more history first (`git fetch --deepen`, or `fetch-depth: 0` in GitHub Actions)"
    )]
    UnknownRevision {
        /// The revision as given, escaped.
        rev: String,
        /// What git said.
        message: String,
    },
    /// The commit graph is inconsistent (for example a cycle through replaced objects).
    #[error("inconsistent commit graph in {}: {message}", repo.display())]
    Graph {
        /// The git directory.
        repo: PathBuf,
        /// What went wrong.
        message: String,
    },
}

impl GitError {
    /// The same error with `context` (what the object was needed for) before the message of
    /// an [`GitError::Object`] error; other errors are returned unchanged.
    #[must_use]
    pub fn context(self, context: &str) -> Self {
        match self {
            Self::Object { id, message } => Self::Object {
                id,
                message: format!("{context}: {message}"),
            },
            other => other,
        }
    }
}

/// Render an error and its sources as one line (`outer: inner: root`), skipping repeats and
/// gix's classification markers (a marker without a source of its own displays as the bare
/// name of its class, `NotFound`).
fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = String::new();
    let mut cur = Some(err);
    let mut last = String::new();
    while let Some(e) = cur {
        if e.is::<gix::error::ClassificationMarker>() {
            cur = e.source();
            continue;
        }
        let msg = e.to_string();
        if !msg.is_empty() && msg != last && !out.contains(&msg) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&msg);
        }
        last = msg;
        cur = e.source();
    }
    out
}

fn object_error(id: &gix::oid, message: impl Into<String>) -> GitError {
    GitError::Object {
        id: id.to_string(),
        message: message.into(),
    }
}

fn open(path: &Path) -> Result<gix::ThreadSafeRepository, GitError> {
    let opts = gix::open::Options::isolated();
    let trust = gix::sec::trust::Mapping {
        full: opts.clone(),
        reduced: opts,
    };
    gix::ThreadSafeRepository::discover_opts(
        path,
        gix::discover::upwards::Options::default(),
        trust,
    )
    .map_err(|e| {
        use gix::discover::upwards::Error as Upwards;
        match e.downcast_any_ref::<Upwards>() {
            Some(
                Upwards::NoGitRepository { .. }
                | Upwards::NoGitRepositoryWithinCeiling { .. }
                | Upwards::NoGitRepositoryWithinFs { .. },
            ) => GitError::NotARepository {
                path: path.to_path_buf(),
            },
            _ => GitError::Open {
                path: path.to_path_buf(),
                message: chain(&e),
            },
        }
    })
}

/// The root of the repository containing `path` (its work tree, or the git directory of a
/// bare repository), canonicalized. Repository-relative paths returned by this module are
/// relative to it.
pub fn repo_root(path: &Path) -> Result<PathBuf, GitError> {
    let repo = open(path)?.to_thread_local();
    let root = repo.workdir().unwrap_or_else(|| repo.git_dir());
    std::fs::canonicalize(root).map_err(|e| GitError::Open {
        path: root.to_path_buf(),
        message: e.to_string(),
    })
}

/// A commit as needed by the history walk.
struct Node {
    id: ObjectId,
    tree: ObjectId,
    parents: Vec<ObjectId>,
    author: String,
    email: String,
    author_time: i64,
    commit_time: i64,
}

impl Node {
    fn info(&self) -> CommitInfo {
        CommitInfo {
            id: self.id.to_string(),
            author: self.author.clone(),
            email: self.email.clone(),
            date: rfc3339_utc(self.author_time),
            time: self.author_time,
        }
    }
}

/// The display form of a name from a tree or the index: borrowed when it is UTF-8 without
/// control characters (the common case, no allocation), else [`escape_bytes`].
fn display(raw: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(raw) {
        Ok(s) if !s.chars().any(is_unsafe_control) => Cow::Borrowed(s),
        _ => Cow::Owned(escape_bytes(raw)),
    }
}

/// `prefix/name`, or `name` at the root.
fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

/// Is `full` equal to [`join`]`(prefix, name)`? Compares without allocating.
fn is_join(full: &str, prefix: &str, name: &str) -> bool {
    if prefix.is_empty() {
        return full == name;
    }
    full.len() == prefix.len() + 1 + name.len()
        && full.starts_with(prefix)
        && full.as_bytes()[prefix.len()] == b'/'
        && full.ends_with(name)
}

/// Load and parse one commit; `from` names what referenced it, for the error message.
fn load_commit(
    repo: &gix::Repository,
    id: ObjectId,
    buf: &mut Vec<u8>,
    from: &str,
) -> Result<Node, GitError> {
    let data = repo
        .objects
        .find(&id, buf)
        .map_err(|e| object_error(&id, format!("commit referenced by {from}: {}", chain(&e))))?;
    if data.kind != Kind::Commit {
        return Err(object_error(
            &id,
            format!(
                "expected a commit (referenced by {from}), found a {}",
                data.kind
            ),
        ));
    }
    let c = CommitRef::from_bytes(data.data, repo.object_hash())
        .map_err(|e| object_error(&id, format!("malformed commit: {}", chain(&e))))?;
    // Signatures are read leniently (bad dates become 0) like `git log` does.
    let (author, email, author_time) = match c.author() {
        Ok(s) => (escape_bytes(s.name), escape_bytes(s.email), s.seconds()),
        Err(_) => (String::new(), String::new(), 0),
    };
    let commit_time = c.committer().map_or(author_time, |s| s.seconds());
    Ok(Node {
        id,
        tree: c.tree(),
        parents: c.parents().collect(),
        author,
        email,
        author_time,
        commit_time,
    })
}

/// Peel `id` through annotated tags. Returns the commit id, or `None` when the ref points
/// at a tree or blob (nothing to attribute to a commit).
fn peel_to_commit(
    repo: &gix::Repository,
    mut id: ObjectId,
    buf: &mut Vec<u8>,
    name: &str,
) -> Result<Option<ObjectId>, GitError> {
    // Tag chains are acyclic (ids are content hashes); the bound only guards hostile input.
    for _ in 0..64 {
        let data = repo
            .objects
            .find(&id, buf)
            .map_err(|e| object_error(&id, format!("target of {name}: {}", chain(&e))))?;
        match data.kind {
            Kind::Commit => return Ok(Some(id)),
            Kind::Tag => {
                id = gix::objs::TagRefIter::from_bytes(data.data, repo.object_hash())
                    .target_id()
                    .map_err(|e| object_error(&id, format!("malformed tag: {}", chain(&e))))?;
            }
            Kind::Tree | Kind::Blob => {
                tracing::debug!(reference = name, %id, "ref does not point at a commit; skipped");
                return Ok(None);
            }
        }
    }
    Err(object_error(
        &id,
        format!("tag chain of {name} is too deep"),
    ))
}

/// Ids of the commits every ref (and HEAD) points at, peeled through tags.
fn tips(repo: &gix::Repository, buf: &mut Vec<u8>) -> Result<Vec<ObjectId>, GitError> {
    let ref_error = |name: &str, e: &(dyn std::error::Error + 'static)| GitError::Reference {
        repo: repo.git_dir().to_path_buf(),
        message: if name.is_empty() {
            chain(e)
        } else {
            format!("{name}: {}", chain(e))
        },
    };
    let mut out = Vec::new();
    let head = repo.head().map_err(|e| ref_error("HEAD", &e))?;
    if let Some(id) = head.id() {
        out.extend(peel_to_commit(repo, id.detach(), buf, "HEAD")?);
    }
    let platform = repo.references().map_err(|e| ref_error("", &e))?;
    let iter = platform.all().map_err(|e| ref_error("", &e))?;
    for r in iter {
        let r = r.map_err(|e| ref_error("", &e))?;
        let name = r.name().as_bstr().to_string();
        // Symbolic refs (like refs/remotes/origin/HEAD) point at refs listed on their own.
        if let gix::refs::TargetRef::Object(id) = r.target() {
            out.extend(peel_to_commit(repo, id.to_owned(), buf, &name)?);
        }
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Every commit reachable from `tips`, parents before children, and otherwise oldest
/// committer time first (ties by id); and whether the walk reached the boundary of a shallow
/// clone (a commit whose parents are not in the repository).
fn commits_in_order(
    repo: &gix::Repository,
    tips: Vec<ObjectId>,
) -> Result<(Vec<Node>, bool), GitError> {
    let shallow: HashSet<ObjectId> = match repo.shallow_commits() {
        Ok(Some(c)) => c.iter().copied().collect(),
        Ok(None) => HashSet::default(),
        Err(e) => {
            return Err(GitError::Open {
                path: repo.git_dir().to_path_buf(),
                message: format!("cannot read shallow file: {}", chain(&e)),
            });
        }
    };
    let mut cut_off = false;
    let mut buf = Vec::new();
    let mut index: HashMap<ObjectId, usize> = HashMap::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<(ObjectId, ObjectId)> = tips.into_iter().map(|id| (id, id)).collect();
    while let Some((id, child)) = stack.pop() {
        if index.contains_key(&id) {
            continue;
        }
        let from = if id == child {
            "a ref".to_owned()
        } else {
            format!("commit {child}")
        };
        let mut node = load_commit(repo, id, &mut buf, &from)?;
        if shallow.contains(&id) {
            cut_off |= !node.parents.is_empty();
            node.parents.clear();
        }
        node.parents.sort_unstable();
        node.parents.dedup();
        for p in &node.parents {
            if !index.contains_key(p) {
                stack.push((*p, id));
            }
        }
        index.insert(id, nodes.len());
        nodes.push(node);
    }

    // Kahn's algorithm with a min-heap on (commit time, id): a blob is attributed to the
    // earliest commit that has it, and never to a descendant of the commit that added it.
    let mut pending: Vec<usize> = nodes.iter().map(|n| n.parents.len()).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        for p in &n.parents {
            // Every parent was loaded above (or cut off as shallow).
            if let Some(&pi) = index.get(p) {
                children[pi].push(i);
            }
        }
    }
    let mut heap: BinaryHeap<Reverse<(i64, ObjectId, usize)>> = nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| pending[*i] == 0)
        .map(|(i, n)| Reverse((n.commit_time, n.id, i)))
        .collect();
    let mut order = Vec::with_capacity(nodes.len());
    while let Some(Reverse((_, _, i))) = heap.pop() {
        order.push(i);
        for &c in &children[i] {
            pending[c] -= 1;
            if pending[c] == 0 {
                heap.push(Reverse((nodes[c].commit_time, nodes[c].id, c)));
            }
        }
    }
    if order.len() != nodes.len() {
        return Err(GitError::Graph {
            repo: repo.git_dir().to_path_buf(),
            message: format!(
                "{} of {} commits are part of a parent cycle (replace refs or grafts?)",
                nodes.len() - order.len(),
                nodes.len()
            ),
        });
    }
    let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    let ordered = order.into_iter().filter_map(|i| slots[i].take()).collect();
    Ok((ordered, cut_off))
}

/// A tree entry that may be new at its place.
#[derive(Clone)]
struct Entry {
    is_tree: bool,
    id: ObjectId,
    name: String,
}

/// One directory being walked: its entries not yet known there, in tree order.
struct Frame {
    prefix: Arc<str>,
    entries: Vec<Entry>,
    next: usize,
}

/// What the walk knows about a blob.
enum Slot {
    /// Over the size cap (already counted).
    Large,
    /// Recorded, at this index of the output.
    Listed(usize),
    /// Present before the scanned range: not reported again.
    Seen,
}

/// State of the history walk shared across commits.
struct Walk<'r, 'o> {
    repo: &'r gix::Repository,
    opts: &'o HistoryOptions<'o>,
    max_paths: usize,
    /// The directories at which each tree has been walked (at most `max_paths`).
    trees: gix::hashtable::HashMap<ObjectId, Vec<Arc<str>>>,
    /// Trees seen at more directories than `max_paths`.
    capped_trees: HashSet<ObjectId>,
    /// Blobs seen at more paths than `max_paths`.
    capped_blobs: HashSet<ObjectId>,
    /// Directory paths, shared by every tree walked there.
    dirs: std::collections::HashSet<Arc<str>>,
    blobs: gix::hashtable::HashMap<ObjectId, Slot>,
    buf: Vec<u8>,
    out: Vec<HistoryBlob>,
    stats: HistoryStats,
}

impl Walk<'_, '_> {
    fn excluded(&self, path: &str, is_dir: bool) -> bool {
        self.opts.exclude.is_some_and(|ex| ex(path, is_dir))
    }

    fn intern(&mut self, path: &str) -> Arc<str> {
        if let Some(p) = self.dirs.get(path) {
            return p.clone();
        }
        let p: Arc<str> = Arc::from(path);
        self.dirs.insert(p.clone());
        p
    }

    /// Record that `tree` is walked at `dir`; false when it was already walked there, is
    /// empty, or has reached the cap.
    fn enter(&mut self, tree: ObjectId, dir: &Arc<str>) -> bool {
        if tree.is_empty_tree() {
            return false;
        }
        let dirs = self.trees.entry(tree).or_default();
        if dirs.iter().any(|d| **d == **dir) {
            return false;
        }
        if dirs.len() >= self.max_paths {
            if self.capped_trees.insert(tree) {
                self.stats.capped_trees += 1;
            }
            return false;
        }
        dirs.push(dir.clone());
        true
    }

    /// The entries of `tree` (walked at `prefix`) that may be new there: subtrees not yet
    /// walked at their path and blobs not yet recorded at theirs (executable or not).
    /// Symlinks and gitlinks are skipped.
    fn new_entries(
        &mut self,
        tree: ObjectId,
        prefix: &str,
        commit: &ObjectId,
    ) -> Result<Vec<Entry>, GitError> {
        let ctx = || {
            if prefix.is_empty() {
                format!("root tree of commit {commit}")
            } else {
                format!("tree `{prefix}` of commit {commit}")
            }
        };
        let data = self
            .repo
            .objects
            .find(&tree, &mut self.buf)
            .map_err(|e| object_error(&tree, format!("{}: {}", ctx(), chain(&e))))?;
        if data.kind != Kind::Tree {
            return Err(object_error(
                &tree,
                format!("{}: expected a tree, found a {}", ctx(), data.kind),
            ));
        }
        let mut out = Vec::new();
        for entry in TreeRefIter::from_bytes(data.data, self.repo.object_hash()) {
            let entry = entry.map_err(|e| {
                object_error(&tree, format!("{}: malformed tree: {}", ctx(), chain(&e)))
            })?;
            let name = display(entry.filename.as_bytes());
            let known = if entry.mode.is_tree() {
                self.trees
                    .get(entry.oid)
                    .is_some_and(|dirs| dirs.iter().any(|d| is_join(d, prefix, &name)))
            } else if entry.mode.is_blob() {
                match self.blobs.get(entry.oid) {
                    Some(Slot::Listed(i)) => self.out[*i]
                        .occurrences
                        .iter()
                        .any(|o| is_join(&o.path, prefix, &name)),
                    // Blobs known before a range are not new at any path.
                    Some(Slot::Seen) => true,
                    Some(Slot::Large) | None => false,
                }
            } else {
                true
            };
            if !known {
                out.push(Entry {
                    is_tree: entry.mode.is_tree(),
                    id: entry.oid.to_owned(),
                    name: name.into_owned(),
                });
            }
        }
        Ok(out)
    }

    /// Record the blob `id` at `path` (first seen there in `node`).
    fn blob(
        &mut self,
        id: ObjectId,
        path: String,
        (node, order): (&Node, u64),
        info: &mut Option<Arc<CommitInfo>>,
    ) -> Result<(), GitError> {
        match self.blobs.get(&id) {
            Some(Slot::Large | Slot::Seen) => {}
            Some(Slot::Listed(i)) => {
                let blob = &mut self.out[*i];
                // A hostile tree can hold one name twice.
                if blob.occurrences.iter().any(|o| o.path == path) {
                    return Ok(());
                }
                if blob.occurrences.len() >= self.max_paths {
                    if self.capped_blobs.insert(id) {
                        self.stats.capped_blobs += 1;
                    }
                    return Ok(());
                }
                let commit = info.get_or_insert_with(|| Arc::new(node.info())).clone();
                blob.occurrences.push(Occurrence {
                    path,
                    commit,
                    order,
                });
                self.stats.paths += 1;
            }
            None => {
                let header = self.repo.objects.header(id).map_err(|e| {
                    object_error(
                        &id,
                        format!("blob `{path}` of commit {}: {}", node.id, chain(&e)),
                    )
                })?;
                if header.kind() != Kind::Blob {
                    return Err(object_error(
                        &id,
                        format!(
                            "entry `{path}` of commit {} should be a blob but is a {}",
                            node.id,
                            header.kind()
                        ),
                    ));
                }
                if header.size() > self.opts.max_blob_size {
                    self.blobs.insert(id, Slot::Large);
                    self.stats.skipped_large += 1;
                    return Ok(());
                }
                self.blobs.insert(id, Slot::Listed(self.out.len()));
                self.stats.blobs += 1;
                self.stats.paths += 1;
                self.stats.bytes += header.size();
                let commit = info.get_or_insert_with(|| Arc::new(node.info())).clone();
                self.out.push(HistoryBlob {
                    id: id.to_string(),
                    size: header.size(),
                    occurrences: vec![Occurrence {
                        path,
                        commit,
                        order,
                    }],
                });
            }
        }
        Ok(())
    }

    /// Record every (blob, path) pair first seen in `node`'s tree, depth-first in tree
    /// order.
    fn commit(&mut self, node: &Node, order: u64) -> Result<(), GitError> {
        let root = self.intern("");
        if !self.enter(node.tree, &root) {
            return Ok(());
        }
        let mut info: Option<Arc<CommitInfo>> = None;
        let entries = self.new_entries(node.tree, "", &node.id)?;
        let mut stack = vec![Frame {
            prefix: root,
            entries,
            next: 0,
        }];
        while let Some(frame) = stack.last_mut() {
            let Some(Entry { is_tree, id, name }) = frame.entries.get(frame.next).cloned() else {
                stack.pop();
                continue;
            };
            frame.next += 1;
            let path = join(&frame.prefix, &name);
            if self.excluded(&path, is_tree) {
                continue;
            }
            if is_tree {
                let dir = self.intern(&path);
                if self.enter(id, &dir) {
                    let entries = self.new_entries(id, &dir, &node.id)?;
                    stack.push(Frame {
                        prefix: dir,
                        entries,
                        next: 0,
                    });
                }
            } else {
                self.blob(id, path, (node, order), &mut info)?;
            }
        }
        Ok(())
    }
}

/// Every blob reachable from every ref (branches, tags, remotes, notes, stash) and HEAD,
/// each exactly once, with every non-excluded path at which it occurs and the commit that
/// first has it there (see the module docs for how the walk stays bounded).
///
/// Commits are visited parents first, otherwise oldest committer time first (ties by id);
/// each commit's tree is walked depth-first in tree order, skipping subtrees already walked
/// at the same directory. Symlinks and submodules (gitlinks) are skipped; blobs larger than
/// [`HistoryOptions::max_blob_size`] are counted in [`HistoryStats::skipped_large`] and not
/// returned. Refs that point straight at a tree or blob are ignored. Shallow clones are
/// walked down to their boundary, and say so in [`HistoryStats::shallow`].
pub fn history_blobs(
    repo: &Path,
    opts: &HistoryOptions<'_>,
) -> Result<(Vec<HistoryBlob>, HistoryStats), GitError> {
    let repo = open(repo)?.to_thread_local();
    let mut buf = Vec::new();
    let parse = |hex: &str| {
        ObjectId::from_hex(hex.as_bytes()).map_err(|e| GitError::InvalidId {
            id: hex.to_owned(),
            message: e.to_string(),
        })
    };
    // A range walks what its end reaches, minus what its start reaches; otherwise every ref.
    let tips = match opts.range {
        Some(r) => vec![parse(&r.end)?],
        None => tips(&repo, &mut buf)?,
    };
    let (mut commits, shallow) = commits_in_order(&repo, tips)?;
    let before = match opts.range.and_then(|r| r.start.as_deref()) {
        Some(start) => {
            let start = parse(start)?;
            let (older, _) = commits_in_order(&repo, vec![start])?;
            let ids: HashSet<ObjectId> = older.iter().map(|n| n.id).collect();
            commits.retain(|n| !ids.contains(&n.id));
            older.into_iter().find(|n| n.id == start)
        }
        None => None,
    };
    let mut walk = Walk {
        repo: &repo,
        opts,
        max_paths: opts.max_paths.max(1),
        trees: gix::hashtable::HashMap::default(),
        capped_trees: HashSet::default(),
        capped_blobs: HashSet::default(),
        dirs: std::collections::HashSet::new(),
        blobs: gix::hashtable::HashMap::default(),
        buf,
        out: Vec::new(),
        stats: HistoryStats {
            commits: commits.len() as u64,
            shallow,
            ..HistoryStats::default()
        },
    };
    if let Some(start) = &before {
        // What the start commit holds is known already: walked first and not reported, so
        // only content new in the range is, and unchanged folders are not walked again.
        walk.commit(start, 0)?;
        for slot in walk.blobs.values_mut() {
            if matches!(slot, Slot::Listed(_)) {
                *slot = Slot::Seen;
            }
        }
        walk.out.clear();
        walk.stats = HistoryStats {
            commits: commits.len() as u64,
            shallow,
            ..HistoryStats::default()
        };
    }
    for (order, node) in (1u64..).zip(&commits) {
        walk.commit(node, order)?;
    }
    tracing::debug!(
        commits = walk.stats.commits,
        trees = walk.trees.len(),
        blobs = walk.stats.blobs,
        paths = walk.stats.paths,
        skipped_large = walk.stats.skipped_large,
        capped_blobs = walk.stats.capped_blobs,
        capped_trees = walk.stats.capped_trees,
        "walked git history"
    );
    Ok((walk.out, walk.stats))
}

/// Reads blobs by id from several threads at once.
///
/// Holds one thread-safe repository and a small pool of thread-local handles (each with its
/// own pack caches); a read borrows a handle from the pool and returns it afterwards, so
/// at most one handle per concurrently reading thread is ever created.
pub struct BlobReader {
    repo: gix::ThreadSafeRepository,
    pool: Mutex<Vec<gix::Repository>>,
}

impl std::fmt::Debug for BlobReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlobReader")
            .field("git_dir", &self.repo.git_dir())
            .finish_non_exhaustive()
    }
}

impl BlobReader {
    /// Open the repository containing `repo` (searching upwards).
    pub fn open(repo: &Path) -> Result<Self, GitError> {
        Ok(Self {
            repo: open(repo)?,
            pool: Mutex::new(Vec::new()),
        })
    }

    /// The bytes of the blob with hex id `id`.
    pub fn read(&self, id: &str) -> Result<Vec<u8>, GitError> {
        let oid = ObjectId::from_hex(id.as_bytes()).map_err(|e| GitError::InvalidId {
            id: id.to_owned(),
            message: chain(&e),
        })?;
        let handle = self
            .pool
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let handle = handle.unwrap_or_else(|| self.repo.to_thread_local());
        let res = read_blob(&handle, &oid);
        self.pool
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(handle);
        res
    }
}

fn read_blob(repo: &gix::Repository, id: &ObjectId) -> Result<Vec<u8>, GitError> {
    let mut buf = Vec::new();
    let data = repo
        .objects
        .find(id, &mut buf)
        .map_err(|e| object_error(id, chain(&e)))?;
    if data.kind != Kind::Blob {
        return Err(object_error(
            id,
            format!("expected a blob, found a {}", data.kind),
        ));
    }
    let len = data.data.len();
    buf.truncate(len);
    Ok(buf)
}

/// One staged blob to scan: where it is staged and how to read it, not its bytes, so a
/// pre-commit scan holds at most one blob per scanning thread in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedFile {
    /// Repository-relative, `/`-separated display path.
    pub path: String,
    /// Hex object id of the blob ([`BlobReader::read`] reads it).
    pub id: String,
    /// Size in bytes.
    pub size: u64,
    /// Index stage: 0 for a normal entry; 1 (base), 2 (ours) or 3 (theirs) for a path with
    /// a merge conflict.
    pub stage: u8,
}

/// The staged content, plus the staged files skipped for being over the size cap.
#[derive(Debug, Default)]
pub struct Staged {
    /// Added or modified blobs, sorted by path and stage.
    pub files: Vec<StagedFile>,
    /// `(path, size)` of staged files over the size cap, sorted by path.
    pub too_large: Vec<(String, u64)>,
}

/// The staged content, for pre-commit: every index entry whose blob differs from the blob at
/// the same path in HEAD's tree (added or modified; every entry when HEAD is unborn). A path
/// with a merge conflict has up to three entries (base, ours, theirs): each distinct blob
/// among them is returned. Deleted files are not returned; symlinks, submodules and
/// intent-to-add entries are skipped, and blobs over `max_blob_size` are listed in
/// [`Staged::too_large`].
///
/// `index_file` is read instead of the repository's index when given. Git runs pre-commit
/// hooks of `git commit -a` / `git commit PATH` with `GIT_INDEX_FILE` pointing at a
/// temporary index that holds what is being committed, so the CLI should pass that
/// variable's value here (a relative path is resolved against the current directory, as git
/// does).
pub fn staged(
    repo: &Path,
    index_file: Option<&Path>,
    max_blob_size: u64,
) -> Result<Staged, GitError> {
    let repo = open(repo)?.to_thread_local();
    let hash = repo.object_hash();
    let path = index_file.map_or_else(|| repo.index_path(), Path::to_path_buf);
    let options = gix::index::decode::Options::default();
    let index = if index_file.is_some() {
        gix::index::File::at(&path, hash, false, options)
    } else {
        // A fresh repository has no index file until the first `git add`.
        gix::index::File::at_or_default(&path, hash, false, options)
    }
    .map_err(|e| GitError::Index {
        path: path.clone(),
        message: chain(&e),
    })?;

    let head = head_blobs(&repo)?;
    let mut out = Vec::new();
    let mut too_large = Vec::new();
    // Blobs already taken for the current path (the stages of a conflict are adjacent).
    let mut taken: Vec<ObjectId> = Vec::new();
    let mut last_path: &[u8] = &[];
    for entry in index.entries() {
        let mode = entry.mode;
        if !(mode == gix::index::entry::Mode::FILE
            || mode == gix::index::entry::Mode::FILE_EXECUTABLE)
            || entry
                .flags
                .contains(gix::index::entry::Flags::INTENT_TO_ADD)
        {
            continue;
        }
        let raw = entry.path(&index).as_bytes();
        if raw != last_path {
            taken.clear();
            last_path = raw;
        }
        if head.get(raw) == Some(&entry.id) || taken.contains(&entry.id) {
            continue;
        }
        taken.push(entry.id);
        let rel = display(raw).into_owned();
        let header = repo
            .objects
            .header(entry.id)
            .map_err(|e| object_error(&entry.id, format!("staged blob `{rel}`: {}", chain(&e))))?;
        if header.kind() != Kind::Blob {
            return Err(object_error(
                &entry.id,
                format!(
                    "staged entry `{rel}` should be a blob but is a {}",
                    header.kind()
                ),
            ));
        }
        if header.size() > max_blob_size {
            too_large.push((rel, header.size()));
            continue;
        }
        out.push(StagedFile {
            path: rel,
            id: entry.id.to_string(),
            size: header.size(),
            stage: u8::try_from(entry.stage_raw()).unwrap_or(u8::MAX),
        });
    }
    out.sort_by(|a, b| (&a.path, a.stage).cmp(&(&b.path, b.stage)));
    too_large.sort();
    Ok(Staged {
        files: out,
        too_large,
    })
}

/// Path → blob id of every blob in HEAD's tree; empty when HEAD is unborn.
fn head_blobs(repo: &gix::Repository) -> Result<HashMap<Vec<u8>, ObjectId>, GitError> {
    let head_error = |e: &(dyn std::error::Error + 'static)| GitError::Reference {
        repo: repo.git_dir().to_path_buf(),
        message: format!("HEAD: {}", chain(e)),
    };
    let mut head = repo.head().map_err(|e| head_error(&e))?;
    if head.is_unborn() {
        return Ok(HashMap::new());
    }
    let commit = head.peel_to_commit().map_err(|e| head_error(&e))?;
    let root = commit.tree_id().map_err(|e| head_error(&e))?.detach();
    tree_blobs(repo, root, "HEAD")
}

/// Path → blob id of every blob under tree `root` (of `what`, for errors).
fn tree_blobs(
    repo: &gix::Repository,
    root: ObjectId,
    what: &str,
) -> Result<HashMap<Vec<u8>, ObjectId>, GitError> {
    let mut map = HashMap::new();
    let mut buf = Vec::new();
    let mut stack: Vec<(ObjectId, Vec<u8>)> = vec![(root, Vec::new())];
    while let Some((tree, prefix)) = stack.pop() {
        if tree.is_empty_tree() {
            continue;
        }
        let data = repo
            .objects
            .find(&tree, &mut buf)
            .map_err(|e| object_error(&tree, format!("tree of {what}: {}", chain(&e))))?;
        if data.kind != Kind::Tree {
            return Err(object_error(
                &tree,
                format!("expected a tree, found a {}", data.kind),
            ));
        }
        for entry in TreeRefIter::from_bytes(data.data, repo.object_hash()) {
            let entry = entry.map_err(|e| {
                object_error(&tree, format!("malformed tree of {what}: {}", chain(&e)))
            })?;
            let mut path = prefix.clone();
            if !path.is_empty() {
                path.push(b'/');
            }
            path.extend_from_slice(entry.filename.as_bytes());
            if entry.mode.is_tree() {
                stack.push((entry.oid.to_owned(), path));
            } else if entry.mode.is_blob() {
                map.insert(path, entry.oid.to_owned());
            }
        }
    }
    Ok(map)
}

/// The files of a commit, to tell which files of the working tree changed since it
/// (`scan --changed-since REV`): a file is changed when the commit has no blob at its path or
/// a different one. Working-tree content is hashed as it is on disk (no line-ending or other
/// filters), so a checkout that converts line endings shows every converted file as changed.
#[derive(Debug)]
pub struct ChangedSince {
    /// The commit, as a full hex id.
    pub commit: String,
    /// Repository root.
    pub root: PathBuf,
    hash: gix::hash::Kind,
    /// Display path (see [`escape_bytes`]) → blob id.
    blobs: HashMap<String, ObjectId>,
}

impl ChangedSince {
    /// Whether the file at repository-relative display path `rel`, holding `content`,
    /// differs from the commit.
    pub fn is_changed(&self, rel: &str, content: &[u8]) -> bool {
        let Some(old) = self.blobs.get(rel) else {
            return true;
        };
        gix::objs::compute_hash(self.hash, Kind::Blob, content).map_or(true, |now| now != *old)
    }

    /// How many files the commit holds.
    pub fn len(&self) -> usize {
        self.blobs.len()
    }

    /// Whether the commit holds no file.
    pub fn is_empty(&self) -> bool {
        self.blobs.is_empty()
    }
}

/// The files of commit `rev` (a full commit id, HEAD, or a branch or tag name) of the
/// repository holding `path`.
pub fn changed_since(path: &Path, rev: &str) -> Result<ChangedSince, GitError> {
    let range = resolve_range(path, None, Some(rev))?;
    let safe = open(path)?;
    let repo = safe.to_thread_local();
    let id = ObjectId::from_hex(range.end.as_bytes()).map_err(|e| GitError::UnknownRevision {
        rev: escape_bytes(rev.as_bytes()),
        message: e.to_string(),
    })?;
    let commit = repo
        .find_commit(id)
        .map_err(|e| object_error(&id, format!("commit {rev}: {}", chain(&e))))?;
    let tree = commit
        .tree_id()
        .map_err(|e| object_error(&id, format!("tree of {rev}: {}", chain(&e))))?
        .detach();
    let blobs = tree_blobs(&repo, tree, rev)?
        .into_iter()
        .map(|(p, id)| (escape_bytes(&p), id))
        .collect();
    Ok(ChangedSince {
        commit: range.end,
        root: repo
            .workdir()
            .unwrap_or_else(|| repo.git_dir())
            .to_path_buf(),
        hash: repo.object_hash(),
        blobs,
    })
}

#[cfg(test)]
mod tests {
    use super::chain;

    /// An error classified the way gix classifies its own: a class-only marker as source.
    #[derive(Debug)]
    struct Classified;

    impl std::fmt::Display for Classified {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("could not find the thing")
        }
    }

    impl std::error::Error for Classified {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(const { &gix::error::ClassificationMarker::NOT_FOUND })
        }
    }

    #[test]
    fn issue6_06_chain_shows_no_class_names() {
        assert_eq!(chain(&Classified), "could not find the thing");
    }
}
