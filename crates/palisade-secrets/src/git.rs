//! Git access for the secrets scanner: every blob reachable from any ref (history mode), a
//! thread-safe blob reader, and the staged content (pre-commit mode).
//!
//! Everything goes through gix's object database and index decoder: no `git` subprocess, no
//! hooks, no filters, and no configuration beyond the repository's own (`gix::open::Options::
//! isolated()`), so results do not depend on the user's global git configuration. Paths are
//! relative to the repository root with `/` separators; non-UTF-8 names are converted lossily.
//!
//! A corrupt repository (unparsable ref or object, missing object, broken index) yields a
//! [`GitError`]: history scanning fails closed instead of silently scanning less.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use gix::ObjectId;
use gix::bstr::{BStr, ByteSlice};
use gix::hashtable::HashSet;
use gix::objs::{CommitRef, Kind, TreeRefIter};
use gix::prelude::{FindExt, HeaderExt};
use palisade_core::CommitInfo;
use palisade_core::time::rfc3339_utc;

/// A blob to scan, with the first place it was introduced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryBlob {
    /// Hex object id of the blob.
    pub id: String,
    /// Repository-relative, `/`-separated path at which the blob was first seen.
    pub path: String,
    /// The commit that first introduced the blob (earliest in the walk order).
    pub commit: CommitInfo,
}

/// Counters of one history walk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HistoryStats {
    /// Commits reachable from any ref.
    pub commits: u64,
    /// Unique blobs returned (under the size cap).
    pub blobs: u64,
    /// Total size in bytes of the returned blobs.
    pub bytes: u64,
    /// Unique blobs over the size cap, not returned.
    pub skipped_large: u64,
}

/// Errors of the git access layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GitError {
    /// No repository could be discovered or opened.
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
    /// The commit graph is inconsistent (for example a cycle through replaced objects).
    #[error("inconsistent commit graph in {}: {message}", repo.display())]
    Graph {
        /// The git directory.
        repo: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Render an error and its sources as one line (`outer: inner: root`), skipping repeats.
fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = String::new();
    let mut cur = Some(err);
    let mut last = String::new();
    while let Some(e) = cur {
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
    .map_err(|e| GitError::Open {
        path: path.to_path_buf(),
        message: chain(&e),
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

fn lossy(b: &BStr) -> String {
    String::from_utf8_lossy(b.as_bytes()).into_owned()
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
        Ok(s) => (lossy(s.name), lossy(s.email), s.seconds()),
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
/// committer time first (ties by id).
fn commits_in_order(repo: &gix::Repository, tips: Vec<ObjectId>) -> Result<Vec<Node>, GitError> {
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
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}

/// One directory being walked: its entries not yet known, in tree order.
struct Frame {
    prefix: String,
    entries: Vec<(bool, ObjectId, String)>,
    next: usize,
}

/// State of the history walk shared across commits.
struct Walk<'r> {
    repo: &'r gix::Repository,
    max_blob_size: u64,
    seen_trees: HashSet<ObjectId>,
    seen_blobs: HashSet<ObjectId>,
    buf: Vec<u8>,
    out: Vec<HistoryBlob>,
    stats: HistoryStats,
}

impl Walk<'_> {
    /// The entries of `tree` that are new: unseen subtrees and unseen blobs (executable or
    /// not). Symlinks and gitlinks are skipped.
    fn new_entries(
        &mut self,
        tree: ObjectId,
        path: &str,
        commit: &ObjectId,
    ) -> Result<Vec<(bool, ObjectId, String)>, GitError> {
        let ctx = || {
            if path.is_empty() {
                format!("root tree of commit {commit}")
            } else {
                format!("tree {path:?} of commit {commit}")
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
            let name = || String::from_utf8_lossy(entry.filename.as_bytes()).into_owned();
            if entry.mode.is_tree() {
                if !self.seen_trees.contains(entry.oid) {
                    out.push((true, entry.oid.to_owned(), name()));
                }
            } else if entry.mode.is_blob() && !self.seen_blobs.contains(entry.oid) {
                out.push((false, entry.oid.to_owned(), name()));
            }
        }
        Ok(out)
    }

    /// Record every blob first seen in `node`'s tree, depth-first in tree order.
    fn commit(&mut self, node: &Node) -> Result<(), GitError> {
        if !self.seen_trees.insert(node.tree) || node.tree.is_empty_tree() {
            return Ok(());
        }
        let mut info: Option<CommitInfo> = None;
        let entries = self.new_entries(node.tree, "", &node.id)?;
        let mut stack = vec![Frame {
            prefix: String::new(),
            entries,
            next: 0,
        }];
        while let Some(frame) = stack.last_mut() {
            let Some((is_tree, id, name)) = frame.entries.get(frame.next).cloned() else {
                stack.pop();
                continue;
            };
            frame.next += 1;
            let path = if frame.prefix.is_empty() {
                name
            } else {
                format!("{}/{name}", frame.prefix)
            };
            if is_tree {
                // The same tree may appear twice in one commit: walk it once.
                if self.seen_trees.insert(id) && !id.is_empty_tree() {
                    let entries = self.new_entries(id, &path, &node.id)?;
                    stack.push(Frame {
                        prefix: path,
                        entries,
                        next: 0,
                    });
                }
            } else if self.seen_blobs.insert(id) {
                let header = self.repo.objects.header(id).map_err(|e| {
                    object_error(
                        &id,
                        format!("blob {path:?} of commit {}: {}", node.id, chain(&e)),
                    )
                })?;
                if header.kind() != Kind::Blob {
                    return Err(object_error(
                        &id,
                        format!(
                            "entry {path:?} of commit {} should be a blob but is a {}",
                            node.id,
                            header.kind()
                        ),
                    ));
                }
                if header.size() > self.max_blob_size {
                    self.stats.skipped_large += 1;
                    continue;
                }
                self.stats.blobs += 1;
                self.stats.bytes += header.size();
                let commit = info.get_or_insert_with(|| node.info()).clone();
                self.out.push(HistoryBlob {
                    id: id.to_string(),
                    path,
                    commit,
                });
            }
        }
        Ok(())
    }
}

/// Every blob reachable from every ref (branches, tags, remotes, notes, stash) and HEAD,
/// each exactly once, with the commit and path that first introduced it.
///
/// Commits are visited parents first, otherwise oldest committer time first (ties by id);
/// each commit's tree is walked depth-first in tree order, skipping subtrees already seen, so
/// the total work is proportional to the number of unique objects. A blob belongs to the
/// first commit and path at which it is seen. Symlinks and submodules (gitlinks) are
/// skipped; blobs larger than `max_blob_size` are counted in
/// [`HistoryStats::skipped_large`] and not returned. Refs that point straight at a tree or
/// blob are ignored. Shallow clones are walked down to their boundary.
pub fn history_blobs(
    repo: &Path,
    max_blob_size: u64,
) -> Result<(Vec<HistoryBlob>, HistoryStats), GitError> {
    let repo = open(repo)?.to_thread_local();
    let mut buf = Vec::new();
    let tips = tips(&repo, &mut buf)?;
    let commits = commits_in_order(&repo, tips)?;
    let mut walk = Walk {
        repo: &repo,
        max_blob_size,
        seen_trees: HashSet::default(),
        seen_blobs: HashSet::default(),
        buf,
        out: Vec::new(),
        stats: HistoryStats {
            commits: commits.len() as u64,
            ..HistoryStats::default()
        },
    };
    for node in &commits {
        walk.commit(node)?;
    }
    tracing::debug!(
        commits = walk.stats.commits,
        trees = walk.seen_trees.len(),
        blobs = walk.stats.blobs,
        skipped_large = walk.stats.skipped_large,
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

/// The staged content, for pre-commit: every index entry whose blob differs from the blob at
/// the same path in HEAD's tree (added or modified; every entry when HEAD is unborn), as
/// `(path, bytes)` sorted by path. Deleted files are not returned; symlinks, submodules,
/// conflicted and intent-to-add entries, and blobs over `max_blob_size` are skipped.
///
/// Reads the repository's own index; see [`staged_files_from`] for an alternate index file.
pub fn staged_files(repo: &Path, max_blob_size: u64) -> Result<Vec<(String, Vec<u8>)>, GitError> {
    staged_files_from(repo, None, max_blob_size)
}

/// Like [`staged_files`], but reading `index_file` instead of the repository's index when
/// given. Git runs pre-commit hooks of `git commit -a` / `git commit PATH` with
/// `GIT_INDEX_FILE` pointing at a temporary index that holds what is being committed, so the
/// CLI should pass that variable's value here (a relative path is resolved against the
/// current directory, as git does).
pub fn staged_files_from(
    repo: &Path,
    index_file: Option<&Path>,
    max_blob_size: u64,
) -> Result<Vec<(String, Vec<u8>)>, GitError> {
    staged(repo, index_file, max_blob_size).map(|s| s.files)
}

/// Staged content, plus the staged files skipped for being over the size cap.
#[derive(Debug, Default)]
pub struct Staged {
    /// `(path, bytes)` of added or modified files, sorted by path.
    pub files: Vec<(String, Vec<u8>)>,
    /// `(path, size)` of staged files over the size cap, sorted by path.
    pub too_large: Vec<(String, u64)>,
}

/// Like [`staged_files_from`], also reporting the files skipped for size.
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
    for entry in index.entries() {
        let mode = entry.mode;
        if !(mode == gix::index::entry::Mode::FILE
            || mode == gix::index::entry::Mode::FILE_EXECUTABLE)
            || entry.stage_raw() != 0
            || entry
                .flags
                .contains(gix::index::entry::Flags::INTENT_TO_ADD)
        {
            continue;
        }
        let rel = entry.path(&index);
        if head.get(rel.as_bytes()) == Some(&entry.id) {
            continue;
        }
        let rel = lossy(rel);
        let header = repo
            .objects
            .header(entry.id)
            .map_err(|e| object_error(&entry.id, format!("staged blob {rel:?}: {}", chain(&e))))?;
        if header.size() > max_blob_size {
            too_large.push((rel, header.size()));
            continue;
        }
        let data = read_blob(&repo, &entry.id).map_err(|e| match e {
            GitError::Object { id, message } => GitError::Object {
                id,
                message: format!("staged blob {rel:?}: {message}"),
            },
            other => other,
        })?;
        out.push((rel, data));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
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
    let mut map = HashMap::new();
    if head.is_unborn() {
        return Ok(map);
    }
    let commit = head.peel_to_commit().map_err(|e| head_error(&e))?;
    let root = commit.tree_id().map_err(|e| head_error(&e))?.detach();
    let mut buf = Vec::new();
    let mut stack: Vec<(ObjectId, Vec<u8>)> = vec![(root, Vec::new())];
    while let Some((tree, prefix)) = stack.pop() {
        if tree.is_empty_tree() {
            continue;
        }
        let data = repo
            .objects
            .find(&tree, &mut buf)
            .map_err(|e| object_error(&tree, format!("tree of HEAD: {}", chain(&e))))?;
        if data.kind != Kind::Tree {
            return Err(object_error(
                &tree,
                format!("expected a tree, found a {}", data.kind),
            ));
        }
        for entry in TreeRefIter::from_bytes(data.data, repo.object_hash()) {
            let entry = entry.map_err(|e| {
                object_error(&tree, format!("malformed tree of HEAD: {}", chain(&e)))
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
