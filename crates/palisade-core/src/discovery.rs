//! Discovery: a `.gitignore`-aware parallel walk that lists every file once, classifies it,
//! and records every file it skips and why.

use std::fs::{File, FileType, Metadata};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, DiagnosticLevel};
use crate::project::ScanTarget;
use crate::text::{escape_control, escape_os};

mod ignore_files;

use ignore_files::{IgnoreFiles, Limits};

/// What kind of file this is, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FileKind {
    /// Source code in a known language.
    Source,
    /// A dependency lockfile (`Cargo.lock`, `package-lock.json`, ...).
    Lockfile,
    /// A dependency manifest (`Cargo.toml`, `package.json`, `requirements.txt`, ...).
    Manifest,
    /// Infrastructure as code (Terraform, Dockerfile, Kubernetes manifests by name).
    Iac,
    /// CI pipeline configuration.
    CiConfig,
    /// Configuration or data (`.env`, `.yaml`, `.json`, `.ini`, ...).
    Config,
    /// Documentation (`.md`, `.rst`, `.txt`).
    Docs,
    /// Anything else.
    Other,
}

/// A file to scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Path to open, raw.
    pub path: PathBuf,
    /// Display form of the path relative to the scanned root, `/`-separated, escaped
    /// (see [`rel_path`]).
    pub rel: String,
    /// Size in bytes at discovery time (0 for a stream).
    pub size: u64,
    /// Classification.
    pub kind: FileKind,
    /// Language of source files (lowercase name), if known.
    pub language: Option<&'static str>,
    /// True for test, fixture, example and docs paths, where heuristics are noisier.
    pub test_like: bool,
    /// The scan target itself is a named pipe, a device or stdin (`scan <(cmd)`, `scan
    /// /dev/stdin`): read it once, waiting for data, up to the size cap. Files found in a
    /// directory are never streams: only regular files are read there.
    pub stream: bool,
}

/// Why a file was not scanned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// Looks binary (NUL bytes near the start).
    Binary,
    /// Larger than the configured cap.
    TooLarge,
    /// Could not be read.
    Unreadable,
    /// Matched a configured exclude glob.
    Excluded,
    /// A symbolic link loop.
    SymlinkLoop,
    /// A symbolic link pointing outside the scanned root.
    OutsideRoot,
    /// Not a regular file: a named pipe, socket or device, never read inside a directory.
    SpecialFile,
    /// Left out by an ignore file (listed only with `-v`; always counted in coverage).
    Ignored,
}

impl SkipReason {
    /// Kebab-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Binary => "binary",
            Self::TooLarge => "too-large",
            Self::Unreadable => "unreadable",
            Self::Excluded => "excluded",
            Self::SymlinkLoop => "symlink-loop",
            Self::OutsideRoot => "outside-root",
            Self::SpecialFile => "special-file",
            Self::Ignored => "ignored",
        }
    }
}

/// A file (or directory) that was not scanned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Skipped {
    /// Path relative to the root; directories end with `/`.
    pub path: String,
    /// Why.
    pub reason: SkipReason,
    /// Details (size, error text, matching glob).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Everything discovery found under a root.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    /// The scanned root as given.
    pub root: PathBuf,
    /// Files to scan, sorted by `rel`.
    pub files: Vec<FileEntry>,
    /// Files and directories not scanned, sorted.
    pub skipped: Vec<Skipped>,
    /// Problems met during the walk.
    pub diagnostics: Vec<Diagnostic>,
    /// Entries left out by ignore files, per kind of ignore file.
    pub ignored: Vec<IgnoredCount>,
}

/// What one kind of ignore file left out of a walk. An ignored folder is not walked, so
/// the files in it are not counted: it counts as one folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IgnoredCount {
    /// `.gitignore`, `.ignore`, `.palisadeignore` or `info/exclude`.
    pub source: String,
    /// Files left out.
    pub files: u64,
    /// Folders left out (with everything in them).
    pub folders: u64,
}

/// Options for [`discover`].
#[derive(Debug, Clone)]
pub struct DiscoveryOptions {
    /// Exclude patterns (see [`Excludes`]).
    pub excludes: Arc<Excludes>,
    /// Size cap in bytes.
    pub max_file_size: u64,
    /// Honour `.gitignore`, `.ignore` and `.palisadeignore` files.
    pub respect_ignore_files: bool,
    /// List each entry an ignore file leaves out as skipped (`ignored`), not only count it.
    pub list_ignored: bool,
    /// Worker threads for the walk (0: automatic).
    pub threads: usize,
}

impl Default for DiscoveryOptions {
    fn default() -> Self {
        Self {
            excludes: Arc::default(),
            max_file_size: crate::config::DEFAULT_MAX_FILE_SIZE,
            respect_ignore_files: true,
            list_ignored: false,
            threads: 0,
        }
    }
}

/// The display form of `path` relative to `root`: `/`-separated, each component escaped
/// with [`escape_os`] (bytes that are not UTF-8 as `\xHH`, control characters escaped), so
/// two different names never display the same and a name cannot drive a terminal. Open
/// files by their raw path, never by this.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&escape_os(c.as_os_str()));
    }
    out
}

/// What kind of special file `ft` is (`named pipe`, `socket`, `character device`, `block
/// device`); `None` for regular files, directories and symbolic links.
pub fn special_kind(ft: FileType) -> Option<&'static str> {
    if ft.is_file() || ft.is_dir() || ft.is_symlink() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("named pipe");
        }
        if ft.is_socket() {
            return Some("socket");
        }
        if ft.is_char_device() {
            return Some("character device");
        }
        if ft.is_block_device() {
            return Some("block device");
        }
    }
    Some("special file")
}

/// The skip record of a special file (see [`special_kind`]).
pub fn special_file(rel: &str, kind: &str) -> Skipped {
    Skipped {
        path: rel.to_owned(),
        reason: SkipReason::SpecialFile,
        detail: Some(format!("{kind}, not a regular file: not read")),
    }
}

/// A file opened by [`open_regular`].
#[derive(Debug)]
pub enum Opened {
    /// A regular file, with the metadata of the open handle.
    Regular(File, Metadata),
    /// Something else (see [`special_kind`], or `directory`): not to be read.
    Special(&'static str),
}

/// Open `path` for reading without ever waiting on it: on unix with `O_NONBLOCK` (opening a
/// FIFO without a writer or a terminal returns at once) and `O_NOCTTY`, then the type is
/// checked on the open handle, so a file replaced by a FIFO or a device after discovery is
/// never read. Reads from a regular file are not affected by `O_NONBLOCK`; files that do
/// honour it, such as `/proc/kmsg`, fail with `WouldBlock` instead of hanging.
pub fn open_regular(path: &Path) -> std::io::Result<Opened> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if meta.is_file() {
        return Ok(Opened::Regular(file, meta));
    }
    Ok(Opened::Special(
        special_kind(meta.file_type()).unwrap_or("directory"),
    ))
}

/// An exclude list that cannot be compiled, naming the pattern at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error("{message}")]
pub struct ExcludeError {
    /// 0-based position of the list at fault in the lists given to [`Excludes::new`].
    pub list: usize,
    /// 0-based position of the pattern at fault in its list.
    pub index: usize,
    /// What is wrong and how to fix it (the pattern is quoted, capped and escaped).
    pub message: String,
}

/// One list of exclude patterns and where they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcludeList {
    /// Where the patterns come from, as shown to the user (`scan.exclude`, `--exclude`).
    pub origin: String,
    /// The folder the patterns are relative to, as a project-relative path ending in `/`
    /// (empty for the project root): the config file's folder, or the working directory
    /// for `--exclude`.
    pub base: String,
    /// The patterns, in `.gitignore` syntax.
    pub patterns: Vec<String>,
}

/// Compiled exclude lists, matched against project-relative paths with `.gitignore`
/// semantics: `build/` is a folder at any depth, `/build` or `src/gen/**` are anchored at the
/// list's folder, `*.min.js` matches at any depth, and `!keep.txt` takes a path back.
/// Every match is recorded, so patterns that matched nothing can be reported.
#[derive(Debug, Default)]
pub struct Excludes {
    lists: Vec<(ExcludeList, ignore::gitignore::Gitignore)>,
    /// (list, pattern) pairs that decided a match at least once.
    used: Mutex<std::collections::BTreeSet<(usize, usize)>>,
}

impl Excludes {
    /// Compile `lists`. Fails on an invalid pattern, and when a list cannot be compiled (the
    /// glob engine has a size limit that one huge glob or thousands of complex ones reach);
    /// the error then names the longest pattern, the first one to simplify.
    pub fn new(lists: Vec<ExcludeList>) -> Result<Self, ExcludeError> {
        let quote = |p: &str| {
            format!(
                "`{}`",
                crate::text::escape_control(&crate::text::truncate_chars(p, 64))
            )
        };
        let mut compiled = Vec::with_capacity(lists.len());
        for (li, list) in lists.into_iter().enumerate() {
            let mut b = ignore::gitignore::GitignoreBuilder::new("");
            for (index, p) in list.patterns.iter().enumerate() {
                let err = |e: &dyn std::fmt::Display| ExcludeError {
                    list: li,
                    index,
                    message: format!(
                        "invalid {} pattern {}: {}",
                        list.origin,
                        quote(p),
                        escape_control(&e.to_string())
                    ),
                };
                b.add_line(None, p).map_err(|e| err(&e))?;
                // `dir/**` matches what is inside `dir`; match `dir` itself too, so the walk
                // prunes the folder instead of listing each entry of it.
                if let Some(dir) = p.strip_suffix("/**")
                    && !dir.is_empty()
                    && !dir.starts_with('!')
                {
                    b.add_line(None, &format!("{dir}/")).map_err(|e| err(&e))?;
                }
            }
            match b.build() {
                Ok(g) => compiled.push((list, g)),
                Err(e) => {
                    let index = (0..list.patterns.len())
                        .max_by_key(|&i| (list.patterns[i].len(), std::cmp::Reverse(i)))
                        .unwrap_or(0);
                    let heaviest = &list.patterns[index];
                    let alone_fails = {
                        let mut one = ignore::gitignore::GitignoreBuilder::new("");
                        one.add_line(None, heaviest).is_err() || one.build().is_err()
                    };
                    let message = if list.patterns.len() == 1 || alone_fails {
                        format!(
                            "{} pattern {} is too complex to compile ({}); simplify it",
                            list.origin,
                            quote(heaviest),
                            escape_control(&e.to_string())
                        )
                    } else {
                        format!(
                            "the {} exclude patterns of {} are too complex to compile together \
                             (the glob engine has a size limit): simplify them, e.g. exclude \
                             whole folders with `dir/`, starting with the longest, {} (number \
                             {}): {}",
                            list.patterns.len(),
                            list.origin,
                            quote(heaviest),
                            index + 1,
                            escape_control(&e.to_string())
                        )
                    };
                    return Err(ExcludeError {
                        list: li,
                        index,
                        message,
                    });
                }
            }
        }
        Ok(Self {
            lists: compiled,
            used: Mutex::default(),
        })
    }

    /// One list of patterns relative to the project root.
    pub fn at_root(origin: &str, patterns: &[String]) -> Result<Self, ExcludeError> {
        Self::new(vec![ExcludeList {
            origin: origin.to_owned(),
            base: String::new(),
            patterns: patterns.to_vec(),
        }])
    }

    /// Every pattern as (origin, base, pattern), in order.
    pub fn patterns(&self) -> Vec<(String, String, String)> {
        self.lists
            .iter()
            .flat_map(|(l, _)| {
                l.patterns
                    .iter()
                    .map(|p| (l.origin.clone(), l.base.clone(), p.clone()))
            })
            .collect()
    }

    /// True when there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.lists.iter().all(|(l, _)| l.patterns.is_empty())
    }

    /// Does a list exclude the project-relative path `rel`? Returns what excluded it
    /// (`scan.exclude \`vendor/\``), for the skip record.
    pub fn matched(&self, rel: &str, is_dir: bool) -> Option<String> {
        for (li, (list, g)) in self.lists.iter().enumerate() {
            let Some(inside) = rel.strip_prefix(list.base.as_str()) else {
                continue;
            };
            if inside.is_empty() {
                continue;
            }
            if let ignore::Match::Ignore(glob) = g.matched(inside, is_dir) {
                let original = glob.original();
                let index = list
                    .patterns
                    .iter()
                    .position(|p| p.trim_end() == original)
                    .or_else(|| {
                        let dir = original.strip_suffix('/')?;
                        list.patterns.iter().position(|p| p == &format!("{dir}/**"))
                    })
                    .unwrap_or(0);
                lock(&self.used).insert((li, index));
                return Some(format!(
                    "matched {} `{}`",
                    list.origin,
                    escape_control(&crate::text::truncate_chars(&list.patterns[index], 64))
                ));
            }
        }
        None
    }

    /// True when `rel` is excluded (see [`Excludes::matched`]).
    pub fn is_excluded(&self, rel: &str, is_dir: bool) -> bool {
        self.matched(rel, is_dir).is_some()
    }

    /// The patterns that excluded nothing so far, as (origin, base, pattern).
    pub fn unused(&self) -> Vec<(String, String, String)> {
        let used = lock(&self.used);
        let mut out = Vec::new();
        for (li, (list, _)) in self.lists.iter().enumerate() {
            for (i, p) in list.patterns.iter().enumerate() {
                let comment = p.trim().is_empty() || p.starts_with('#');
                if !used.contains(&(li, i)) && !p.starts_with('!') && !comment {
                    out.push((list.origin.clone(), list.base.clone(), p.clone()));
                }
            }
        }
        out
    }
}

const LOCKFILES: &[&str] = &[
    "Cargo.lock",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lock",
    "poetry.lock",
    "Pipfile.lock",
    "uv.lock",
    "pdm.lock",
    "go.sum",
    "Gemfile.lock",
    "composer.lock",
    "packages.lock.json",
    "pubspec.lock",
    "mix.lock",
    "gradle.lockfile",
    "Podfile.lock",
    "flake.lock",
];

const MANIFESTS: &[&str] = &[
    "Cargo.toml",
    "package.json",
    "requirements.txt",
    "pyproject.toml",
    "Pipfile",
    "setup.py",
    "setup.cfg",
    "go.mod",
    "Gemfile",
    "composer.json",
    "pom.xml",
    "build.gradle",
    "build.gradle.kts",
    "pubspec.yaml",
    "mix.exs",
];

/// Classify a file from its relative path.
pub fn classify(rel: &str) -> (FileKind, Option<&'static str>) {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if LOCKFILES.contains(&name) {
        return (FileKind::Lockfile, None);
    }
    if MANIFESTS.contains(&name) || (name.starts_with("requirements") && name.ends_with(".txt")) {
        return (FileKind::Manifest, None);
    }
    let lower = rel.to_ascii_lowercase();
    if (lower.starts_with(".github/workflows/") || lower.contains("/.github/workflows/"))
        && (lower.ends_with(".yml") || lower.ends_with(".yaml"))
        || name == ".gitlab-ci.yml"
        || name == "azure-pipelines.yml"
        || name == "bitbucket-pipelines.yml"
        || name == "Jenkinsfile"
        || lower.ends_with(".circleci/config.yml")
        || name == "action.yml"
        || name == "action.yaml"
    {
        return (FileKind::CiConfig, None);
    }
    if name == "Dockerfile"
        || name.starts_with("Dockerfile.")
        || name.ends_with(".dockerfile")
        || name == "Containerfile"
    {
        return (FileKind::Iac, Some("dockerfile"));
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let lang: Option<&'static str> = match ext.as_deref() {
        Some("py" | "pyw") => Some("python"),
        Some("js" | "mjs" | "cjs" | "jsx") => Some("javascript"),
        Some("ts" | "tsx" | "mts" | "cts") => Some("typescript"),
        Some("go") => Some("go"),
        Some("rs") => Some("rust"),
        Some("java") => Some("java"),
        Some("kt" | "kts") => Some("kotlin"),
        Some("rb") => Some("ruby"),
        Some("php") => Some("php"),
        Some("cs") => Some("csharp"),
        Some("c" | "h") => Some("c"),
        Some("cc" | "cpp" | "cxx" | "hpp" | "hh") => Some("cpp"),
        Some("swift") => Some("swift"),
        Some("scala") => Some("scala"),
        Some("sh" | "bash" | "zsh") => Some("shell"),
        Some("ps1") => Some("powershell"),
        _ => None,
    };
    if lang.is_some() {
        return (FileKind::Source, lang);
    }
    match ext.as_deref() {
        Some("tf" | "tfvars" | "hcl" | "bicep") => (FileKind::Iac, Some("terraform")),
        Some("md" | "markdown" | "rst" | "txt" | "adoc") => (FileKind::Docs, None),
        Some(
            "yml" | "yaml" | "json" | "toml" | "ini" | "cfg" | "conf" | "properties" | "env"
            | "xml" | "config",
        ) => (FileKind::Config, None),
        _ if name.starts_with(".env") => (FileKind::Config, None),
        _ => (FileKind::Other, None),
    }
}

/// True for paths under test, fixture, example or docs directories.
pub fn is_test_like(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    let mut segments = lower.split('/').collect::<Vec<_>>();
    let name = segments.pop().unwrap_or("");
    segments.iter().any(|s| {
        matches!(
            *s,
            "test"
                | "tests"
                | "spec"
                | "specs"
                | "__tests__"
                | "testdata"
                | "test-data"
                | "fixtures"
                | "fixture"
                | "__fixtures__"
                | "mocks"
                | "__mocks__"
                | "examples"
                | "docs"
                | "doc"
        )
    }) || name.starts_with("test_")
        || name.contains("_test.")
        || name.contains(".test.")
        || name.contains(".spec.")
        || name.contains("example")
}

/// Walk `root` and build the inventory, with paths relative to `root` (for a file given as
/// `root`, its name).
///
/// A directory is walked in parallel; only its regular files are listed, and named pipes,
/// sockets and devices in it are recorded as skipped (`special-file`). Any other target (a
/// regular file, or a named pipe, device or stdin given by name) is one file.
pub fn discover(root: &Path, opts: &DiscoveryOptions) -> Inventory {
    let is_dir = root.is_dir();
    let (project_root, rel) = if is_dir {
        (root.to_owned(), ".".to_owned())
    } else {
        (
            root.parent().map_or_else(PathBuf::new, Path::to_path_buf),
            root.file_name()
                .map_or_else(|| escape_os(root.as_os_str()), escape_os),
        )
    };
    let target = ScanTarget {
        given: root.to_owned(),
        path: Some(root.to_owned()),
        rel,
        is_dir,
    };
    discover_with(
        &project_root,
        std::slice::from_ref(&target),
        opts,
        Limits::DEFAULT,
    )
}

/// Walk every target of a project and build one inventory, with paths relative to the
/// project root. A file under two targets is listed once. Targets named explicitly are
/// scanned even when an exclude pattern or an ignore file would leave them out.
pub fn discover_targets(
    project_root: &Path,
    targets: &[ScanTarget],
    opts: &DiscoveryOptions,
) -> Inventory {
    discover_with(project_root, targets, opts, Limits::DEFAULT)
}

fn discover_with(
    project_root: &Path,
    targets: &[ScanTarget],
    opts: &DiscoveryOptions,
    limits: Limits,
) -> Inventory {
    let mut inv = Inventory {
        root: project_root.to_owned(),
        ..Inventory::default()
    };
    let mut found = Vec::new();
    for target in targets {
        // Standard input is read through its device file.
        let path = target
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from("/dev/stdin"));
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                inv.diagnostics.push(
                    Diagnostic::new(
                        "file-unreadable",
                        DiagnosticLevel::Error,
                        format!(
                            "cannot read scan target: {}",
                            escape_control(&e.to_string())
                        ),
                    )
                    .at(target.rel.clone(), None),
                );
                continue;
            }
        };
        if !meta.is_dir() {
            let stream = !meta.is_file();
            let size = if stream { 0 } else { meta.len() };
            found.push((path, target.rel.clone(), size, stream));
            continue;
        }
        let walker = walk_dir(project_root, &path, opts, limits);
        found.extend(
            std::mem::take(&mut *lock(&walker.found))
                .into_iter()
                .map(|(p, r, s)| (p, r, s, false)),
        );
        inv.skipped
            .extend(std::mem::take(&mut *lock(&walker.skipped)));
        for (source, (files, folders)) in std::mem::take(&mut *lock(&walker.ignored)) {
            match inv.ignored.iter_mut().find(|c| c.source == source) {
                Some(c) => {
                    c.files += files;
                    c.folders += folders;
                }
                None => inv.ignored.push(IgnoredCount {
                    source: source.to_owned(),
                    files,
                    folders,
                }),
            }
        }
        inv.diagnostics
            .extend(std::mem::take(&mut *lock(&walker.diags)));
        if let Some(ignores) = &walker.ignores {
            inv.diagnostics.extend(ignores.take_diagnostics());
        }
    }

    // Sorted by display path, then raw path. Only the same raw path met twice is one file:
    // names that differ only in bytes that are not UTF-8 are two files.
    found.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    found.dedup_by(|a, b| a.0 == b.0);
    for (path, rel, size, stream) in found {
        push_file(&mut inv, path, rel, size, stream, opts.max_file_size);
    }
    inv.skipped.sort();
    inv.skipped.dedup();
    inv.ignored.sort();
    inv.diagnostics.sort();
    inv.diagnostics.dedup();
    inv
}

/// Walk one folder of the project.
fn walk_dir(
    project_root: &Path,
    dir: &Path,
    opts: &DiscoveryOptions,
    limits: Limits,
) -> Arc<Walker> {
    let canonical_root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    let new_walker = || {
        Arc::new(Walker {
            root: dir.to_owned(),
            project_root: project_root.to_owned(),
            canonical_root: canonical_root.clone(),
            excludes: Arc::clone(&opts.excludes),
            ignores: opts
                .respect_ignore_files
                .then(|| IgnoreFiles::new(dir, limits)),
            found: Mutex::default(),
            ignored: Mutex::default(),
            list_ignored: opts.list_ignored,
            skipped: Mutex::default(),
            diags: Mutex::default(),
        })
    };
    let mut walker = new_walker();
    walker.run(opts.threads, false);
    if walker.ignores.as_ref().is_some_and(IgnoreFiles::exhausted) {
        // Which ignore files fit in the pattern budget depended on the order the parallel
        // walk met them: walk again in a fixed order, so the output is deterministic.
        walker = new_walker();
        walker.run(opts.threads, true);
    }
    walker
}

/// One walk of a directory: its filters and what it found.
struct Walker {
    /// The folder walked.
    root: PathBuf,
    /// What paths are written relative to.
    project_root: PathBuf,
    canonical_root: PathBuf,
    excludes: Arc<Excludes>,
    /// `None` when ignore files are not honoured.
    ignores: Option<IgnoreFiles>,
    found: Mutex<Vec<(PathBuf, String, u64)>>,
    /// Entries left out by ignore files: (files, folders) per kind of ignore file.
    ignored: Mutex<std::collections::BTreeMap<&'static str, (u64, u64)>>,
    /// Also list each ignored entry as skipped.
    list_ignored: bool,
    skipped: Mutex<Vec<Skipped>>,
    diags: Mutex<Vec<Diagnostic>>,
}

impl Walker {
    /// Walk in parallel, or one thread in file-name order when `sorted`.
    fn run(self: &Arc<Self>, threads: usize, sorted: bool) {
        let mut builder = ignore::WalkBuilder::new(&self.root);
        // palisade reads the ignore files itself, bounded (see `ignore_files`).
        builder
            .standard_filters(false)
            .follow_links(true)
            .threads(threads);
        let filter = Arc::clone(self);
        builder.filter_entry(move |e| filter.keep(e));
        if sorted {
            builder.sort_by_file_name(std::cmp::Ord::cmp);
            for res in builder.build() {
                self.visit(res);
            }
        } else {
            // Once the pattern budget is spent this walk will be redone in order: stop it.
            let spent = || self.ignores.as_ref().is_some_and(IgnoreFiles::exhausted);
            builder.build_parallel().run(|| {
                Box::new(move |res| {
                    if spent() {
                        return ignore::WalkState::Quit;
                    }
                    self.visit(res)
                })
            });
        }
    }

    /// Should the walk look at this entry (and below it)? Records excluded entries and
    /// links out of the root.
    fn keep(&self, entry: &ignore::DirEntry) -> bool {
        if entry.depth() == 0 {
            return true;
        }
        if entry.file_name() == ".git" {
            return false;
        }
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if let Some(ignores) = &self.ignores
            && let Some(source) = ignores.ignored_by(entry.path(), is_dir)
        {
            let mut ignored = lock(&self.ignored);
            let count = ignored.entry(source).or_default();
            if is_dir {
                count.1 += 1;
            } else {
                count.0 += 1;
            }
            drop(ignored);
            if self.list_ignored {
                let rel = rel_path(&self.project_root, entry.path());
                lock(&self.skipped).push(Skipped {
                    path: if is_dir { format!("{rel}/") } else { rel },
                    reason: SkipReason::Ignored,
                    detail: Some(format!("matched {source}")),
                });
            }
            return false;
        }
        let rel = rel_path(&self.project_root, entry.path());
        if let Some(why) = self.excludes.matched(&rel, is_dir) {
            let path = if is_dir { format!("{rel}/") } else { rel };
            lock(&self.skipped).push(Skipped {
                path,
                reason: SkipReason::Excluded,
                detail: Some(why),
            });
            return false;
        }
        if entry.path_is_symlink() {
            let inside = std::fs::canonicalize(entry.path())
                .is_ok_and(|c| c.starts_with(&self.canonical_root));
            if !inside {
                lock(&self.skipped).push(Skipped {
                    path: rel,
                    reason: SkipReason::OutsideRoot,
                    detail: Some("symbolic link target is outside the scanned root".into()),
                });
                return false;
            }
        }
        true
    }

    /// Record one entry the walk met: regular files are listed, special files skipped.
    fn visit(&self, res: Result<ignore::DirEntry, ignore::Error>) -> ignore::WalkState {
        let entry = match res {
            Ok(e) => e,
            Err(err) => {
                self.record_error(&err);
                return ignore::WalkState::Continue;
            }
        };
        let Some(ft) = entry.file_type() else {
            return ignore::WalkState::Continue;
        };
        if entry.depth() == 0 || ft.is_dir() {
            return ignore::WalkState::Continue;
        }
        let rel = rel_path(&self.project_root, entry.path());
        if !ft.is_file() {
            if let Some(kind) = special_kind(ft) {
                lock(&self.skipped).push(special_file(&rel, kind));
            }
            return ignore::WalkState::Continue;
        }
        match entry.metadata() {
            Ok(m) => lock(&self.found).push((entry.into_path(), rel, m.len())),
            Err(e) => {
                let e = escape_control(&e.to_string());
                lock(&self.skipped).push(Skipped {
                    path: rel.clone(),
                    reason: SkipReason::Unreadable,
                    detail: Some(e.clone()),
                });
                lock(&self.diags).push(
                    Diagnostic::new(
                        "file-unreadable",
                        DiagnosticLevel::Warning,
                        format!("cannot read file metadata: {e}"),
                    )
                    .at(rel, None),
                );
            }
        }
        ignore::WalkState::Continue
    }

    fn record_error(&self, err: &ignore::Error) {
        let root = self.project_root.as_path();
        // Unwrap the error chain to find the innermost cause and path.
        let mut path: Option<PathBuf> = None;
        let mut cur = err;
        let mut is_loop = false;
        loop {
            match cur {
                ignore::Error::WithPath { path: p, err } => {
                    path.get_or_insert_with(|| p.clone());
                    cur = err;
                }
                ignore::Error::WithDepth { err, .. }
                | ignore::Error::WithLineNumber { err, .. } => {
                    cur = err;
                }
                ignore::Error::Loop { child, .. } => {
                    path.get_or_insert_with(|| child.clone());
                    is_loop = true;
                    break;
                }
                _ => break,
            }
        }
        // A link that cannot be followed is not reported when the ignore rules exclude it.
        if let (Some(p), Some(ignores)) = (&path, &self.ignores)
            && ignores.is_ignored(p, false)
        {
            return;
        }
        let rel = path.as_deref().map(|p| rel_path(root, p));
        if is_loop {
            if let Some(r) = &rel {
                lock(&self.skipped).push(Skipped {
                    path: format!("{r}/"),
                    reason: SkipReason::SymlinkLoop,
                    detail: Some("symbolic link loop not followed".to_owned()),
                });
            }
            let d = Diagnostic::new(
                "symlink-loop",
                DiagnosticLevel::Warning,
                "symbolic link loop not followed".to_owned(),
            );
            lock(&self.diags).push(match rel {
                Some(r) => d.at(r, None),
                None => d,
            });
            return;
        }
        let cause = escape_control(&cur.to_string());
        if let Some(r) = &rel {
            lock(&self.skipped).push(Skipped {
                path: r.clone(),
                reason: SkipReason::Unreadable,
                detail: Some(cause.clone()),
            });
        }
        let d = Diagnostic::new(
            "walk-error",
            DiagnosticLevel::Warning,
            format!("cannot read: {cause}"),
        );
        lock(&self.diags).push(match rel {
            Some(r) => d.at(r, None),
            None => d,
        });
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The text of a discovered file, read whole up to `max` bytes and decoded (UTF-16 and
/// other BOM-marked encodings to UTF-8, invalid bytes replaced). A stream (pipe, device) is
/// read once, and is an error when it holds more than `max` bytes.
pub fn read_text(file: &FileEntry, max: u64) -> Result<String, String> {
    use std::io::Read as _;
    let bytes = if file.stream {
        let mut buf = Vec::new();
        std::fs::File::open(&file.path)
            .and_then(|f| f.take(max + 1).read_to_end(&mut buf))
            .map_err(|e| e.to_string())?;
        if buf.len() as u64 > max {
            return Err(format!("larger than the size cap of {max} bytes"));
        }
        buf
    } else {
        crate::config::read_user_file(&file.path, max).map_err(|e| e.to_string())?
    };
    let decoded = crate::decode::decode(&bytes);
    Ok(String::from_utf8_lossy(&decoded).into_owned())
}

/// The skip record and diagnostic for a file over the size cap.
pub fn too_large(rel: &str, size: u64, max: u64) -> (Skipped, Diagnostic) {
    let diagnostic = Diagnostic::new(
        "file-too-large",
        DiagnosticLevel::Warning,
        format!("skipped: {size} bytes is over the {max}-byte cap (scan.max-file-size)"),
    )
    .at(rel.to_owned(), None);
    let skipped = Skipped {
        path: rel.to_owned(),
        reason: SkipReason::TooLarge,
        detail: Some(format!("{size} bytes")),
    };
    (skipped, diagnostic)
}

fn push_file(inv: &mut Inventory, path: PathBuf, rel: String, size: u64, stream: bool, max: u64) {
    if size > max {
        let (skipped, diagnostic) = too_large(&rel, size, max);
        inv.skipped.push(skipped);
        inv.diagnostics.push(diagnostic);
        return;
    }
    let (kind, language) = classify(&rel);
    let test_like = is_test_like(&rel);
    inv.files.push(FileEntry {
        path,
        rel,
        size,
        kind,
        language,
        test_like,
        stream,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert_eq!(classify("a/Cargo.lock").0, FileKind::Lockfile);
        assert_eq!(classify(".github/workflows/ci.yml").0, FileKind::CiConfig);
        assert_eq!(classify("src/app.py"), (FileKind::Source, Some("python")));
        assert_eq!(classify("deploy/main.tf").0, FileKind::Iac);
        assert_eq!(classify("Dockerfile").0, FileKind::Iac);
        assert_eq!(classify(".env.production").0, FileKind::Config);
        assert!(is_test_like("tests/fixtures/a.txt"));
        assert!(is_test_like("src/foo_test.go"));
        assert!(!is_test_like("src/contest.py"));
    }

    #[test]
    fn walks_skips_and_excludes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("src")).expect("mkdir");
        std::fs::create_dir_all(root.join("vendor/x")).expect("mkdir");
        std::fs::write(root.join("src/a.py"), "x = 1\n").expect("write");
        std::fs::write(root.join("vendor/x/b.py"), "x = 1\n").expect("write");
        std::fs::write(root.join("big.txt"), vec![b'a'; 100]).expect("write");
        std::fs::write(root.join(".gitignore"), "ignored.txt\n").expect("write");
        std::fs::write(root.join("ignored.txt"), "x").expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("src/loop")).expect("symlink");
        let opts = DiscoveryOptions {
            excludes: Arc::new(
                Excludes::at_root("scan.exclude", &["vendor/**".into()]).expect("compiles"),
            ),
            max_file_size: 50,
            ..DiscoveryOptions::default()
        };
        let inv = discover(root, &opts);
        let rels: Vec<_> = inv.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, [".gitignore", "src/a.py"]);
        let reasons: Vec<_> = inv
            .skipped
            .iter()
            .map(|s| (s.path.as_str(), s.reason.clone()))
            .collect();
        assert!(
            reasons.contains(&("big.txt", SkipReason::TooLarge)),
            "{reasons:?}"
        );
        assert!(
            reasons.contains(&("vendor/", SkipReason::Excluded)),
            "{reasons:?}"
        );
        #[cfg(unix)]
        assert!(
            reasons.iter().any(|(_, r)| *r == SkipReason::SymlinkLoop),
            "{reasons:?}"
        );
    }

    fn rels(inv: &Inventory) -> Vec<&str> {
        inv.files.iter().map(|f| f.rel.as_str()).collect()
    }

    fn skip_reasons(inv: &Inventory) -> Vec<(&str, SkipReason)> {
        inv.skipped
            .iter()
            .map(|s| (s.path.as_str(), s.reason.clone()))
            .collect()
    }

    fn has_diagnostic(inv: &Inventory, code: &str, path: &str) -> bool {
        inv.diagnostics
            .iter()
            .any(|d| d.code == code && d.path.as_deref() == Some(path))
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    #[cfg(unix)]
    use palisade_test_support::{FifoWriter, mkfifo};

    #[cfg(unix)]
    #[test]
    fn issue5_09_raw_names_are_kept_and_escaped_for_display() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let names: [&[u8]; 3] = [b"cred\xff.env", b"cred\xfe.env", b"x\x1b[31m.env"];
        for name in names {
            std::fs::write(root.join(std::ffi::OsStr::from_bytes(name)), "x = 1\n").expect("write");
        }
        let inv = discover(root, &DiscoveryOptions::default());
        assert_eq!(
            rels(&inv),
            ["cred\\xfe.env", "cred\\xff.env", "x\\x1b[31m.env"]
        );
        for f in &inv.files {
            assert!(names.contains(&f.path.file_name().expect("name").as_bytes()));
            assert!(!f.stream);
        }
    }

    #[cfg(unix)]
    #[test]
    fn issue5_10_special_files_in_a_tree_are_skipped_with_a_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(root, "a.txt", "x = 1\n");
        mkfifo(&root.join("pipe"));
        let _listener = std::os::unix::net::UnixListener::bind(root.join("sock")).expect("socket");
        let inv = discover(root, &DiscoveryOptions::default());
        assert_eq!(rels(&inv), ["a.txt"]);
        let reasons = skip_reasons(&inv);
        assert!(
            reasons.contains(&("pipe", SkipReason::SpecialFile)),
            "{reasons:?}"
        );
        assert!(
            reasons.contains(&("sock", SkipReason::SpecialFile)),
            "{reasons:?}"
        );
        let pipe = inv.skipped.iter().find(|s| s.path == "pipe").expect("pipe");
        assert!(
            pipe.detail
                .as_deref()
                .is_some_and(|d| d.contains("named pipe"))
        );
        assert_eq!(SkipReason::SpecialFile.as_str(), "special-file");
    }

    #[cfg(unix)]
    #[test]
    fn issue5_10_a_pipe_or_device_target_is_one_stream() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("in");
        mkfifo(&fifo);
        let inv = discover(&fifo, &DiscoveryOptions::default());
        assert_eq!(rels(&inv), ["in"]);
        assert!(inv.files[0].stream);
        assert_eq!(inv.files[0].size, 0);
        let inv = discover(Path::new("/dev/null"), &DiscoveryOptions::default());
        assert_eq!(rels(&inv), ["null"]);
        assert!(inv.files[0].stream);
        write(dir.path(), "a.txt", "x\n");
        let inv = discover(&dir.path().join("a.txt"), &DiscoveryOptions::default());
        assert_eq!(rels(&inv), ["a.txt"]);
        assert!(!inv.files[0].stream);
    }

    #[cfg(unix)]
    #[test]
    fn issue5_17_open_regular_never_waits_on_a_fifo_or_device() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe");
        mkfifo(&fifo);
        // No writer: a blocking open would wait forever.
        let _feed = FifoWriter::new(&fifo, b"data\n".to_vec());
        assert!(matches!(
            open_regular(&fifo),
            Ok(Opened::Special("named pipe"))
        ));
        assert!(matches!(
            open_regular(Path::new("/dev/zero")),
            Ok(Opened::Special("character device"))
        ));
        assert!(matches!(
            open_regular(dir.path()),
            Ok(Opened::Special("directory"))
        ));
        write(dir.path(), "a.txt", "x\n");
        assert!(matches!(
            open_regular(&dir.path().join("a.txt")),
            Ok(Opened::Regular(_, m)) if m.len() == 2
        ));
    }

    #[test]
    fn issue5_19_an_ignore_file_over_the_pattern_limit_is_not_applied() {
        use std::fmt::Write;
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let mut big = String::from("ignored.txt\n# a comment is not a pattern\n\n");
        for i in 0..Limits::DEFAULT.file_patterns {
            let _ = writeln!(big, "generated/cache-{i:06}/**/*.tmp");
        }
        write(root, ".gitignore", &big);
        write(root, "ignored.txt", "x\n");
        write(root, "sub/.gitignore", "local.txt\n");
        write(root, "sub/local.txt", "x\n");
        write(root, "sub/kept.txt", "x\n");
        let inv = discover(root, &DiscoveryOptions::default());
        // Not applying the file scans more, never less; the small file still applies.
        assert_eq!(
            rels(&inv),
            [
                ".gitignore",
                "ignored.txt",
                "sub/.gitignore",
                "sub/kept.txt"
            ]
        );
        assert!(
            has_diagnostic(&inv, "ignore-file-too-large", ".gitignore"),
            "{:?}",
            inv.diagnostics
        );
    }

    #[test]
    fn issue5_19_an_ignore_file_over_the_size_limit_is_not_applied() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let size = usize::try_from(Limits::DEFAULT.file_bytes).expect("fits");
        let big = format!("ignored.txt\n#{}\n", "x".repeat(size));
        write(root, ".ignore", &big);
        write(root, "ignored.txt", "x\n");
        let inv = discover(root, &DiscoveryOptions::default());
        assert!(rels(&inv).contains(&"ignored.txt"), "{:?}", rels(&inv));
        assert!(has_diagnostic(&inv, "ignore-file-too-large", ".ignore"));
    }

    #[cfg(unix)]
    #[test]
    fn issue5_19_an_ignore_file_that_is_a_fifo_is_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(root, "ignored.txt", "x\n");
        mkfifo(&root.join(".gitignore"));
        let _feed = FifoWriter::new(&root.join(".gitignore"), b"ignored.txt\n".to_vec());
        let inv = discover(root, &DiscoveryOptions::default());
        assert_eq!(rels(&inv), ["ignored.txt"]);
        assert!(has_diagnostic(&inv, "file-unreadable", ".gitignore"));
        assert!(skip_reasons(&inv).contains(&(".gitignore", SkipReason::SpecialFile)));
    }

    #[test]
    fn issue5_19_the_pattern_budget_is_spent_in_a_fixed_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for d in ["a", "b", "c"] {
            write(root, &format!("{d}/.gitignore"), "x1\nx2\nx3\n");
            write(root, &format!("{d}/x1"), "x\n");
        }
        let limits = Limits {
            total_patterns: 7,
            ..Limits::DEFAULT
        };
        for _ in 0..4 {
            let opts = DiscoveryOptions {
                threads: 4,
                ..DiscoveryOptions::default()
            };
            let target = ScanTarget {
                given: root.to_owned(),
                path: Some(root.to_owned()),
                rel: ".".to_owned(),
                is_dir: true,
            };
            let inv = discover_with(root, &[target], &opts, limits);
            // a and b fit in the budget, c does not: by name order, not by luck.
            assert_eq!(
                rels(&inv),
                ["a/.gitignore", "b/.gitignore", "c/.gitignore", "c/x1"]
            );
            let too_large: Vec<_> = inv
                .diagnostics
                .iter()
                .filter(|d| d.code == "ignore-file-too-large")
                .filter_map(|d| d.path.as_deref())
                .collect();
            assert_eq!(too_large, ["c/.gitignore"]);
        }
    }

    #[test]
    fn ignore_files_keep_the_walkers_precedence() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(root, ".gitignore", "*.log\n!keep.log\nbuild/\n");
        write(root, ".palisadeignore", "!forced.log\n");
        write(root, ".git/info/exclude", "excluded.txt\n");
        write(root, "sub/.gitignore", "!sub.log\n");
        for f in [
            "a.log",
            "keep.log",
            "forced.log",
            "excluded.txt",
            "build/x.txt",
            "sub/sub.log",
            "sub/other.log",
            "sub/build/y.txt",
        ] {
            write(root, f, "x\n");
        }
        let inv = discover(root, &DiscoveryOptions::default());
        assert_eq!(
            rels(&inv),
            [
                ".gitignore",
                ".palisadeignore",
                "forced.log",
                "keep.log",
                "sub/.gitignore",
                "sub/sub.log"
            ]
        );
        // A subfolder still honours the ignore files above it.
        let inv = discover(&root.join("sub"), &DiscoveryOptions::default());
        assert_eq!(rels(&inv), [".gitignore", "sub.log"]);
        // And nothing is ignored when asked so.
        let opts = DiscoveryOptions {
            respect_ignore_files: false,
            ..DiscoveryOptions::default()
        };
        assert_eq!(discover(root, &opts).files.len(), 11);
    }
}
