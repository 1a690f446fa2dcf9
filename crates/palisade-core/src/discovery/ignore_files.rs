//! The ignore files discovery honours: `.palisadeignore`, `.ignore` and `.gitignore` in the
//! scanned directory, its subdirectories and its ancestors, and the repository's
//! `info/exclude`.
//!
//! palisade loads them itself instead of letting the walker do it, so that each one is
//! bounded. A compiled ignore pattern costs kilobytes (a 6 MB `.gitignore` of 200,000 globs
//! took 2.3 GB), and the walker would also read a `.gitignore` that is a FIFO (a hang) or a
//! link to `/dev/zero` (unbounded memory). A file that is not a regular file, is over
//! [`Limits::file_bytes`] or [`Limits::file_patterns`], or would take the scan over
//! [`Limits::total_patterns`] is not honoured: the files it lists are scanned after all (more
//! coverage, never less) and a diagnostic names it.
//!
//! Precedence is the walker's: the nearest directory's file decides within each kind, and
//! `.palisadeignore` beats `.ignore`, which beats `.gitignore`, which beats `info/exclude`.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::{Opened, lock, open_regular, rel_path};
use crate::diagnostic::{Diagnostic, DiagnosticLevel};
use crate::text::{escape_control, escape_os, truncate_chars};

/// Bounds on the ignore files of one walk.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// Largest ignore file honoured, in bytes.
    pub(super) file_bytes: u64,
    /// Most patterns in one ignore file.
    pub(super) file_patterns: usize,
    /// Most patterns over all honoured ignore files of one walk.
    pub(super) total_patterns: usize,
}

impl Limits {
    /// 1 MiB and 10,000 patterns per file, 25,000 patterns per scan: a compiled pattern
    /// takes about 12 KB when it needs a regex (`dir/**/*.tmp`) and 2 KB when it does not
    /// (`*.log`, `build/`), so at most about 300 MB, far above what real repositories use.
    pub(super) const DEFAULT: Self = Self {
        file_bytes: 1024 * 1024,
        file_patterns: 10_000,
        total_patterns: 25_000,
    };
}

/// Per-directory ignore files, lowest precedence last; `info/exclude` comes after them.
const FILE_NAMES: [&str; 3] = [".palisadeignore", ".ignore", ".gitignore"];

/// The kinds of ignore rules, in precedence order, as named in coverage.
pub(crate) const SOURCES: [&str; 4] = [".palisadeignore", ".ignore", ".gitignore", "info/exclude"];

/// Largest `.git` or `commondir` file read to find `info/exclude`.
const MAX_GIT_POINTER: u64 = 4096;

/// The ignore rules of one directory that has some.
#[derive(Debug)]
struct Level {
    /// `.palisadeignore`, `.ignore`, `.gitignore`, `info/exclude` (empty when absent).
    matchers: [Gitignore; 4],
    /// A directory above the scanned root: its rules are matched against absolute paths.
    absolute: bool,
    /// The nearest directory above with rules.
    parent: Option<Arc<Self>>,
}

/// The ignore rules of a walk, loaded lazily per directory and cached.
#[derive(Debug)]
pub(super) struct IgnoreFiles {
    root: PathBuf,
    /// The canonical root, joined with relative paths to match ancestors' rules.
    abs_root: Option<PathBuf>,
    limits: Limits,
    /// Directory → the nearest level with rules at or above it.
    levels: Mutex<HashMap<PathBuf, Option<Arc<Level>>>>,
    /// Patterns of the honoured files so far.
    patterns: AtomicUsize,
    /// A file was refused because of [`Limits::total_patterns`].
    exhausted: AtomicBool,
    diagnostics: Mutex<Vec<Diagnostic>>,
}

impl IgnoreFiles {
    /// Load the ignore files of `root` and of its ancestors.
    pub(super) fn new(root: &Path, limits: Limits) -> Self {
        let mut this = Self {
            root: root.to_owned(),
            abs_root: std::fs::canonicalize(root).ok(),
            limits,
            levels: Mutex::default(),
            patterns: AtomicUsize::new(0),
            exhausted: AtomicBool::new(false),
            diagnostics: Mutex::default(),
        };
        let mut level = None;
        if let Some(abs) = this.abs_root.take() {
            let mut ancestors: Vec<&Path> = abs.ancestors().skip(1).collect();
            ancestors.reverse();
            for dir in ancestors {
                level = this.load_dir(dir, level, true);
            }
            this.abs_root = Some(abs);
        }
        let level = this.load_dir(root, level, false);
        lock(&this.levels).insert(root.to_owned(), level);
        this
    }

    /// Do the ignore rules exclude `path` (a path the walk met under the root)?
    pub(super) fn is_ignored(&self, path: &Path, is_dir: bool) -> bool {
        self.ignored_by(path, is_dir).is_some()
    }

    /// Which kind of ignore file excludes `path`, if one does: its name in [`SOURCES`].
    pub(super) fn ignored_by(&self, path: &Path, is_dir: bool) -> Option<&'static str> {
        let dir = path.parent()?;
        let first = self.level_for(dir);
        let mut found: [Option<bool>; 4] = [None; 4];
        let mut abs: Option<PathBuf> = None;
        let mut cur = first.as_deref();
        while let Some(level) = cur {
            let candidate: &Path = if level.absolute {
                abs.get_or_insert_with(|| self.absolute(path))
            } else {
                path
            };
            for (slot, m) in found.iter_mut().zip(&level.matchers) {
                if slot.is_none() {
                    *slot = match m.matched(candidate, is_dir) {
                        Match::None => None,
                        Match::Ignore(_) => Some(true),
                        Match::Whitelist(_) => Some(false),
                    };
                }
            }
            cur = level.parent.as_deref();
        }
        // The first kind with a say decides; a whitelist (`!x`) takes the path back.
        let (kind, ignored) = found
            .into_iter()
            .enumerate()
            .find_map(|(i, f)| f.map(|v| (i, v)))?;
        ignored.then_some(SOURCES[kind])
    }

    /// A file was refused because the scan's pattern budget was spent. Which one depends on
    /// the order directories were met, so the caller walks again in a fixed order.
    pub(super) fn exhausted(&self) -> bool {
        self.exhausted.load(Ordering::Relaxed)
    }

    /// Problems with the ignore files met so far.
    pub(super) fn take_diagnostics(&self) -> Vec<Diagnostic> {
        std::mem::take(&mut *lock(&self.diagnostics))
    }

    fn absolute(&self, path: &Path) -> PathBuf {
        match &self.abs_root {
            Some(abs) => abs.join(path.strip_prefix(&self.root).unwrap_or(path)),
            None => path.to_owned(),
        }
    }

    /// The rules that apply in `dir`, loading its ignore files on first use.
    fn level_for(&self, dir: &Path) -> Option<Arc<Level>> {
        if let Some(level) = lock(&self.levels).get(dir) {
            return level.clone();
        }
        let parent = match dir.parent() {
            Some(p) if dir.starts_with(&self.root) && dir != self.root => self.level_for(p),
            // Not under the root (the walk never asks for that): the root's rules.
            _ => return lock(&self.levels).get(&self.root).cloned().flatten(),
        };
        let level = self.load_dir(dir, parent, false);
        lock(&self.levels)
            .entry(dir.to_owned())
            .or_insert(level)
            .clone()
    }

    fn load_dir(
        &self,
        dir: &Path,
        parent: Option<Arc<Level>>,
        absolute: bool,
    ) -> Option<Arc<Level>> {
        let mut matchers: [Gitignore; 4] = std::array::from_fn(|_| Gitignore::empty());
        for (m, name) in matchers.iter_mut().zip(FILE_NAMES) {
            *m = self.load_file(dir, &dir.join(name));
        }
        if let Some(exclude) = git_exclude_path(dir) {
            matchers[3] = self.load_file(dir, &exclude);
        }
        if matchers.iter().all(Gitignore::is_empty) {
            return parent;
        }
        Some(Arc::new(Level {
            matchers,
            absolute,
            parent,
        }))
    }

    /// The display form of an ignore file's path: relative to the root when inside it.
    fn shown(&self, path: &Path) -> String {
        if path.starts_with(&self.root) {
            rel_path(&self.root, path)
        } else {
            escape_os(path.as_os_str())
        }
    }

    fn load_file(&self, dir: &Path, path: &Path) -> Gitignore {
        match self.read(path) {
            Ok(Some(text)) => self.compile(dir, path, &text),
            Ok(None) => Gitignore::empty(),
            Err(d) => {
                lock(&self.diagnostics).push(d);
                Gitignore::empty()
            }
        }
    }

    /// The bytes of an ignore file; `None` when there is none.
    fn read(&self, path: &Path) -> Result<Option<Vec<u8>>, Diagnostic> {
        let max = self.limits.file_bytes;
        let unreadable = |what: String| {
            Diagnostic::new(
                "file-unreadable",
                DiagnosticLevel::Warning,
                format!("ignore file not applied, so the files it lists are scanned: {what}"),
            )
            .at(self.shown(path), None)
        };
        let (file, meta) = match open_regular(path) {
            Ok(Opened::Regular(file, meta)) => (file, meta),
            Ok(Opened::Special(kind)) => {
                return Err(unreadable(format!("it is a {kind}, not a regular file")));
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(unreadable(format!("cannot read it: {e}"))),
        };
        if meta.len() > max {
            return Err(self.too_large(path, &format!("{} bytes", meta.len())));
        }
        let mut buf = Vec::new();
        if let Err(e) = (&file).take(max + 1).read_to_end(&mut buf) {
            return Err(unreadable(format!("cannot read it: {e}")));
        }
        if buf.len() as u64 > max {
            return Err(self.too_large(path, &format!("over {max} bytes")));
        }
        Ok(Some(buf))
    }

    fn too_large(&self, path: &Path, what: &str) -> Diagnostic {
        let l = self.limits;
        Diagnostic::new(
            "ignore-file-too-large",
            DiagnosticLevel::Warning,
            format!(
                "ignore file not applied, so the files it lists are scanned: {what} is over \
                 the limit ({} bytes and {} patterns per file, {} patterns per scan)",
                l.file_bytes, l.file_patterns, l.total_patterns
            ),
        )
        .at(self.shown(path), None)
    }

    fn compile(&self, dir: &Path, path: &Path, text: &[u8]) -> Gitignore {
        let lines: Vec<&[u8]> = text.split(|b| *b == b'\n').collect();
        let count = lines
            .iter()
            .filter(|l| !l.trim_ascii().is_empty() && !l.starts_with(b"#"))
            .count();
        if count > self.limits.file_patterns {
            let d = self.too_large(path, &format!("{count} patterns"));
            lock(&self.diagnostics).push(d);
            return Gitignore::empty();
        }
        let before = self.patterns.fetch_add(count, Ordering::SeqCst);
        if before + count > self.limits.total_patterns {
            self.patterns.fetch_sub(count, Ordering::SeqCst);
            self.exhausted.store(true, Ordering::Relaxed);
            let d = self.too_large(
                path,
                &format!("{count} patterns on top of the {before} already loaded"),
            );
            lock(&self.diagnostics).push(d);
            return Gitignore::empty();
        }
        let mut builder = GitignoreBuilder::new(dir);
        let mut invalid = 0usize;
        let mut first_invalid: Option<(usize, String)> = None;
        for (i, raw) in lines.iter().enumerate() {
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            // Git skips a UTF-8 byte order mark at the start of the file.
            let raw = if i == 0 {
                raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw)
            } else {
                raw
            };
            let err = match std::str::from_utf8(raw) {
                Ok(line) => builder
                    .add_line(Some(path.to_owned()), line)
                    .err()
                    .map(|e| e.to_string()),
                Err(_) => Some("the line is not valid UTF-8".to_owned()),
            };
            if let Some(e) = err {
                invalid += 1;
                first_invalid.get_or_insert((i + 1, e));
            }
        }
        if let Some((line, e)) = first_invalid {
            let d = Diagnostic::new(
                "walk-error",
                DiagnosticLevel::Warning,
                format!(
                    "{invalid} invalid pattern{} in ignore file not applied; first: {}",
                    if invalid == 1 { "" } else { "s" },
                    escape_control(&truncate_chars(&e, 200))
                ),
            )
            .at(self.shown(path), u32::try_from(line).ok());
            lock(&self.diagnostics).push(d);
        }
        match builder.build() {
            Ok(gi) => {
                tracing::debug!("ignore file {}: {count} patterns", self.shown(path));
                gi
            }
            Err(e) => {
                let d = Diagnostic::new(
                    "walk-error",
                    DiagnosticLevel::Warning,
                    format!(
                        "ignore file not applied, so the files it lists are scanned: {}",
                        escape_control(&truncate_chars(&e.to_string(), 200))
                    ),
                )
                .at(self.shown(path), None);
                lock(&self.diagnostics).push(d);
                Gitignore::empty()
            }
        }
    }
}

/// `info/exclude` of the repository whose work tree is `dir`, if `dir` holds a `.git`.
fn git_exclude_path(dir: &Path) -> Option<PathBuf> {
    let dot_git = dir.join(".git");
    let meta = std::fs::metadata(&dot_git).ok()?;
    if meta.is_dir() {
        return Some(dot_git.join("info").join("exclude"));
    }
    // A linked worktree or a submodule: `.git` is a file naming the git directory, whose
    // `commondir` (worktrees) names the directory holding `info/exclude`.
    let pointer = read_first_line(&dot_git)?;
    let git_dir = dir.join(pointer.strip_prefix("gitdir: ")?);
    let common = match read_first_line(&git_dir.join("commondir")) {
        Some(c) => git_dir.join(c),
        None => git_dir,
    };
    Some(common.join("info").join("exclude"))
}

fn read_first_line(path: &Path) -> Option<String> {
    let Ok(Opened::Regular(file, _)) = open_regular(path) else {
        return None;
    };
    let mut buf = Vec::new();
    (&file).take(MAX_GIT_POINTER).read_to_end(&mut buf).ok()?;
    let text = String::from_utf8(buf).ok()?;
    let line = text.lines().next()?.trim_end();
    (!line.is_empty()).then(|| line.to_owned())
}
