//! Discovery: a `.gitignore`-aware parallel walk that lists every file once, classifies it,
//! and records every file it skips and why.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, DiagnosticLevel};

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
    /// Path to open.
    pub path: PathBuf,
    /// Path relative to the scanned root, `/`-separated.
    pub rel: String,
    /// Size in bytes at discovery time.
    pub size: u64,
    /// Classification.
    pub kind: FileKind,
    /// Language of source files (lowercase name), if known.
    pub language: Option<&'static str>,
    /// True for test, fixture, example and docs paths, where heuristics are noisier.
    pub test_like: bool,
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
}

/// Options for [`discover`].
#[derive(Debug, Clone)]
pub struct DiscoveryOptions {
    /// Exclude globs relative to the root.
    pub exclude: Vec<String>,
    /// Size cap in bytes.
    pub max_file_size: u64,
    /// Honour `.gitignore`, `.ignore` and `.palisadeignore` files.
    pub respect_ignore_files: bool,
    /// Worker threads for the walk (0: automatic).
    pub threads: usize,
}

impl Default for DiscoveryOptions {
    fn default() -> Self {
        Self {
            exclude: Vec::new(),
            max_file_size: crate::config::DEFAULT_MAX_FILE_SIZE,
            respect_ignore_files: true,
            threads: 0,
        }
    }
}

/// Normalise a relative path to `/` separators.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&c.as_os_str().to_string_lossy());
    }
    out
}

/// Check that `g` is a valid glob.
pub fn check_glob(g: &str) -> Result<(), String> {
    Glob::new(g).map(|_| ()).map_err(|e| e.kind().to_string())
}

/// An exclude list that cannot be compiled, naming the pattern at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error("{message}")]
pub struct ExcludeError {
    /// 0-based position of the pattern at fault in the list.
    pub index: usize,
    /// What is wrong and how to fix it (the pattern is quoted, capped and escaped).
    pub message: String,
}

/// Add one exclude pattern (and, for `dir/**`, `dir` itself so the walk can prune it).
fn add_exclude(b: &mut GlobSetBuilder, pattern: &str) -> Result<(), globset::Error> {
    b.add(Glob::new(pattern)?);
    if let Some(dir) = pattern.strip_suffix("/**")
        && let Ok(g) = Glob::new(dir)
    {
        b.add(g);
    }
    Ok(())
}

fn build_excludes(patterns: &[String]) -> Result<GlobSet, globset::Error> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        add_exclude(&mut b, p)?;
    }
    b.build()
}

/// A matcher for exclude globs (`dir/**` also matches `dir`).
///
/// Fails on an invalid glob, and when the globs cannot be compiled: the glob engine has a
/// size limit, which one huge glob or a few thousand complex ones reach. The error then names
/// the most complex pattern (the longest compiled form), which is the one at fault when it
/// does not compile alone, and the first to simplify when only the whole list is too large.
pub fn exclude_matcher(patterns: &[String]) -> Result<GlobSet, ExcludeError> {
    let quote = |p: &str| {
        format!(
            "`{}`",
            crate::text::escape_control(&crate::text::truncate_chars(p, 64))
        )
    };
    let mut globs = Vec::with_capacity(patterns.len());
    for (index, p) in patterns.iter().enumerate() {
        match Glob::new(p) {
            Ok(g) => globs.push(g),
            Err(e) => {
                return Err(ExcludeError {
                    index,
                    message: format!("invalid exclude glob {}: {}", quote(p), e.kind()),
                });
            }
        }
    }
    let err = match build_excludes(patterns) {
        Ok(set) => return Ok(set),
        Err(e) => e,
    };
    // Finding the pattern where the list stops fitting would take a dozen builds of the
    // whole set; the compiled size follows the length of the glob's regex closely enough.
    let index = (0..globs.len())
        .max_by_key(|&i| (globs[i].regex().len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let heaviest = &patterns[index];
    let message = if patterns.len() == 1 || build_excludes(std::slice::from_ref(heaviest)).is_err()
    {
        format!(
            "exclude glob {} is too complex to compile ({}); simplify it",
            quote(heaviest),
            err.kind()
        )
    } else {
        format!(
            "the {} exclude globs are too complex to compile together (the glob engine has a \
             size limit); merge or simplify them, e.g. exclude whole directories with \
             `dir/**`, starting with the most complex one, {} (number {})",
            patterns.len(),
            quote(heaviest),
            index + 1
        )
    };
    Err(ExcludeError { index, message })
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

/// Walk `root` and build the inventory.
pub fn discover(root: &Path, opts: &DiscoveryOptions) -> Inventory {
    let mut inv = Inventory {
        root: root.to_owned(),
        ..Inventory::default()
    };
    let meta = match std::fs::metadata(root) {
        Ok(m) => m,
        Err(e) => {
            inv.diagnostics.push(
                Diagnostic::new(
                    "file-unreadable",
                    DiagnosticLevel::Error,
                    format!("cannot read scan target: {e}"),
                )
                .at(root.display().to_string(), None),
            );
            return inv;
        }
    };
    if meta.is_file() {
        let rel = root
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        push_file(
            &mut inv,
            root.to_owned(),
            rel,
            meta.len(),
            opts.max_file_size,
        );
        return inv;
    }

    // Callers validate excludes first (the CLI does, with a config error). Should a list
    // that cannot be compiled still arrive here, nothing is excluded (more is scanned, not
    // less) and the report says so.
    let excludes = exclude_matcher(&opts.exclude).unwrap_or_else(|e| {
        inv.diagnostics.push(Diagnostic::new(
            "walk-error",
            DiagnosticLevel::Error,
            format!("exclude globs not applied: {e}"),
        ));
        GlobSet::empty()
    });
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
    let files = Mutex::new(Vec::new());
    let skipped = Mutex::new(Vec::new());
    let diags = Mutex::new(Vec::new());

    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(false)
        .follow_links(true)
        .git_ignore(opts.respect_ignore_files)
        .git_global(false)
        .git_exclude(opts.respect_ignore_files)
        .ignore(opts.respect_ignore_files)
        .parents(opts.respect_ignore_files)
        .require_git(false)
        .threads(opts.threads)
        .filter_entry(|e| e.file_name() != ".git");
    if opts.respect_ignore_files {
        builder.add_custom_ignore_filename(".palisadeignore");
    }
    builder.build_parallel().run(|| {
        let excludes = &excludes;
        let files = &files;
        let skipped = &skipped;
        let diags = &diags;
        let canonical_root = &canonical_root;
        Box::new(move |res| {
            let entry = match res {
                Ok(e) => e,
                Err(err) => {
                    record_walk_error(root, &err, skipped, diags);
                    return ignore::WalkState::Continue;
                }
            };
            if entry.depth() == 0 {
                return ignore::WalkState::Continue;
            }
            let rel = rel_path(root, entry.path());
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if excludes.is_match(&rel) {
                let path = if is_dir { format!("{rel}/") } else { rel };
                lock(skipped).push(Skipped {
                    path,
                    reason: SkipReason::Excluded,
                    detail: Some("matched scan.exclude".to_owned()),
                });
                return if is_dir {
                    ignore::WalkState::Skip
                } else {
                    ignore::WalkState::Continue
                };
            }
            if entry.path_is_symlink() {
                let inside = std::fs::canonicalize(entry.path())
                    .is_ok_and(|c| c.starts_with(canonical_root));
                if !inside {
                    lock(skipped).push(Skipped {
                        path: rel,
                        reason: SkipReason::OutsideRoot,
                        detail: Some("symbolic link target is outside the scanned root".into()),
                    });
                    return if is_dir {
                        ignore::WalkState::Skip
                    } else {
                        ignore::WalkState::Continue
                    };
                }
            }
            if is_dir || !entry.file_type().is_some_and(|t| t.is_file()) {
                return ignore::WalkState::Continue;
            }
            match entry.metadata() {
                Ok(m) => lock(files).push((entry.into_path(), rel, m.len())),
                Err(e) => {
                    lock(skipped).push(Skipped {
                        path: rel.clone(),
                        reason: SkipReason::Unreadable,
                        detail: Some(e.to_string()),
                    });
                    lock(diags).push(
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
        })
    });

    let mut found = files.into_inner().unwrap_or_default();
    found.sort_by(|a, b| a.1.cmp(&b.1));
    found.dedup_by(|a, b| a.1 == b.1);
    inv.skipped = skipped.into_inner().unwrap_or_default();
    inv.diagnostics = diags.into_inner().unwrap_or_default();
    for (path, rel, size) in found {
        push_file(&mut inv, path, rel, size, opts.max_file_size);
    }
    inv.skipped.sort();
    inv.skipped.dedup();
    inv.diagnostics.sort();
    inv
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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

fn push_file(inv: &mut Inventory, path: PathBuf, rel: String, size: u64, max: u64) {
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
    });
}

fn record_walk_error(
    root: &Path,
    err: &ignore::Error,
    skipped: &Mutex<Vec<Skipped>>,
    diags: &Mutex<Vec<Diagnostic>>,
) {
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
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
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
    let rel = path.as_deref().map(|p| rel_path(root, p));
    if is_loop {
        if let Some(r) = &rel {
            lock(skipped).push(Skipped {
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
        lock(diags).push(match rel {
            Some(r) => d.at(r, None),
            None => d,
        });
        return;
    }
    if let Some(r) = &rel {
        lock(skipped).push(Skipped {
            path: r.clone(),
            reason: SkipReason::Unreadable,
            detail: Some(cur.to_string()),
        });
    }
    let d = Diagnostic::new(
        "walk-error",
        DiagnosticLevel::Warning,
        format!("cannot read: {cur}"),
    );
    lock(diags).push(match rel {
        Some(r) => d.at(r, None),
        None => d,
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
            exclude: vec!["vendor/**".into()],
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
}
