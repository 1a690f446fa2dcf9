//! The project a scan belongs to: its root, its repository and its config file.
//!
//! One root for every path palisade writes. Paths in reports are relative to the project
//! root, so a report is the same whether a folder, its parent or a single file in it was
//! scanned, and code-scanning services resolve its paths from the repository:
//!
//! - the root of the git repository that holds the scanned paths, else
//! - the folder of the config file found for them, else
//! - the scanned folder (the folder of a scanned file).
//!
//! The config file is the nearest `palisade.toml` from the scanned paths upward, up to the
//! repository root (or the filesystem root outside a repository), as in ruff and cargo.

use std::path::{Component, Path, PathBuf};

use crate::config::FILE_NAME;
use crate::text::escape_os;

/// Which config file a scan uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigChoice {
    /// The nearest `palisade.toml` from the scanned paths upward.
    Discover,
    /// This file (`--config`).
    File(PathBuf),
    /// None: built-in defaults (`--isolated`).
    Isolated,
}

/// One scanned path, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanTarget {
    /// The path as given on the command line (`-` for standard input).
    pub given: PathBuf,
    /// The absolute path to read: the canonical folder, or a file name in its canonical
    /// folder (so a link's own name is kept). `None` for standard input.
    pub path: Option<PathBuf>,
    /// The path relative to the project root, as written in reports (`.` for the root).
    pub rel: String,
    /// A folder (walked) rather than one file.
    pub is_dir: bool,
}

/// The project of one scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// The canonical project root.
    pub root: PathBuf,
    /// The canonical root of the git repository holding the scanned paths, if any.
    pub repository: Option<PathBuf>,
    /// The config file to load, if any.
    pub config: Option<PathBuf>,
    /// The scanned paths, in the order given, without repeats.
    pub targets: Vec<ScanTarget>,
}

/// Why the project could not be worked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectError {
    /// A scanned path does not exist or cannot be resolved.
    #[error("scan target {path} does not exist")]
    Missing {
        /// The path as given, escaped.
        path: String,
    },
    /// A scanned path cannot be resolved for another reason.
    #[error("cannot resolve scan target {path}: {message}")]
    Unresolvable {
        /// The path as given, escaped.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// Scanned paths belong to different git repositories.
    #[error("{first} and {second} are in different git repositories: scan them in separate runs")]
    SeveralRepositories {
        /// One path, escaped.
        first: String,
        /// A path of another repository, escaped.
        second: String,
    },
    /// `-` was given more than once.
    #[error("`-` (standard input) can be given only once")]
    StdinTwice,
}

impl Project {
    /// Resolve the project of `paths` (as given; `-` is standard input, read as the file
    /// `stdin_name` when given) from the working directory `cwd`.
    pub fn resolve(
        paths: &[PathBuf],
        stdin_name: Option<&Path>,
        cwd: &Path,
        choice: &ConfigChoice,
    ) -> Result<Self, ProjectError> {
        let cwd = std::fs::canonicalize(cwd).unwrap_or_else(|_| cwd.to_owned());
        let mut resolved: Vec<(PathBuf, Option<PathBuf>, bool)> = Vec::new();
        let mut stdin_seen = false;
        for given in paths {
            if given.as_os_str() == "-" {
                if stdin_seen {
                    return Err(ProjectError::StdinTwice);
                }
                stdin_seen = true;
                resolved.push((given.clone(), None, false));
                continue;
            }
            let (path, is_dir) = resolve_path(&cwd, given)?;
            if resolved.iter().any(|(_, p, _)| p.as_ref() == Some(&path)) {
                continue;
            }
            resolved.push((given.clone(), Some(path), is_dir));
        }

        // Where the project is looked for: the common folder of the scanned paths, or for
        // standard input the folder of --stdin-filename (else the working directory).
        let stdin_path = stdin_name.map(|n| lexical_join(&cwd, n));
        let starts: Vec<PathBuf> = resolved
            .iter()
            .map(|(_, path, is_dir)| match path {
                Some(p) if *is_dir => p.clone(),
                Some(p) => p.parent().map_or_else(|| p.clone(), Path::to_path_buf),
                None => stdin_path
                    .as_deref()
                    .and_then(Path::parent)
                    .map_or_else(|| cwd.clone(), Path::to_path_buf),
            })
            .collect();
        let start = common_ancestor(&starts).unwrap_or_else(|| cwd.clone());

        // Every scanned path must be in the repository of the first one (or in none).
        let repos: Vec<Option<PathBuf>> = starts.iter().map(|s| find_repository(s)).collect();
        let repository = repos.first().cloned().flatten();
        for (i, repo) in repos.iter().enumerate().skip(1) {
            if *repo != repository {
                let shown = |i: usize| escape_os(resolved[i].0.as_os_str());
                return Err(ProjectError::SeveralRepositories {
                    first: shown(0),
                    second: shown(i),
                });
            }
        }
        let repository = repository.or_else(|| find_repository(&start));

        let config = match choice {
            ConfigChoice::Isolated => None,
            ConfigChoice::File(p) => Some(p.clone()),
            ConfigChoice::Discover => find_config(&start, repository.as_deref()),
        };
        let root = repository
            .clone()
            .or_else(|| match choice {
                // An explicit --config elsewhere does not move the root.
                ConfigChoice::Discover => config
                    .as_deref()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf),
                _ => None,
            })
            .unwrap_or_else(|| start.clone());

        let targets = resolved
            .into_iter()
            .map(|(given, path, is_dir)| {
                let rel = match (&path, &stdin_path) {
                    (Some(p), _) => rel_to(&root, p),
                    (None, Some(name)) => rel_to(&root, name),
                    (None, None) => "stdin".to_owned(),
                };
                ScanTarget {
                    given,
                    path,
                    rel,
                    is_dir,
                }
            })
            .collect();
        Ok(Self {
            root,
            repository,
            config,
            targets,
        })
    }

    /// The project root as the user can reach it from `cwd`: relative when it is at or
    /// near the working directory, absolute when they only share the filesystem root.
    pub fn root_from(&self, cwd: &Path) -> PathBuf {
        relative_from(cwd, &self.root)
    }
}

/// The canonical path of `given` (resolved against `cwd`) and whether it is a folder. A file
/// keeps its own name in its canonical folder, so a link named `id_rsa` is still `id_rsa`.
fn resolve_path(cwd: &Path, given: &Path) -> Result<(PathBuf, bool), ProjectError> {
    let shown = || escape_os(given.as_os_str());
    let abs = lexical_join(cwd, given);
    let meta = std::fs::metadata(&abs).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ProjectError::Missing { path: shown() },
        _ => ProjectError::Unresolvable {
            path: shown(),
            message: crate::text::escape_control(&e.to_string()),
        },
    })?;
    if meta.is_dir() {
        let canonical = std::fs::canonicalize(&abs).map_err(|e| ProjectError::Unresolvable {
            path: shown(),
            message: crate::text::escape_control(&e.to_string()),
        })?;
        return Ok((canonical, true));
    }
    let parent = abs.parent().unwrap_or(Path::new("/"));
    let parent = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_owned());
    Ok((
        abs.file_name()
            .map_or_else(|| parent.clone(), |n| parent.join(n)),
        false,
    ))
}

/// `path` joined to `base` and with `.` and `..` resolved lexically.
fn lexical_join(base: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in base.join(path).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The deepest folder that holds every path of `paths`.
fn common_ancestor(paths: &[PathBuf]) -> Option<PathBuf> {
    let mut iter = paths.iter();
    let mut common = iter.next()?.clone();
    for p in iter {
        while !p.starts_with(&common) {
            if !common.pop() {
                return None;
            }
        }
    }
    Some(common)
}

/// The root of the git repository holding `dir` (a folder with a `.git` folder or file).
pub fn find_repository(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| std::fs::symlink_metadata(d.join(".git")).is_ok())
        .map(Path::to_path_buf)
}

/// The nearest `palisade.toml` from `dir` upward, not above `stop` (the repository root).
/// Anything of that name counts, so a `palisade.toml` that is a FIFO is an error when
/// loaded, not silently passed over.
pub fn find_config(dir: &Path, stop: Option<&Path>) -> Option<PathBuf> {
    for d in dir.ancestors() {
        let candidate = d.join(FILE_NAME);
        if std::fs::symlink_metadata(&candidate).is_ok() {
            return Some(candidate);
        }
        if stop.is_some_and(|s| d == s) {
            break;
        }
    }
    None
}

/// `path` relative to `root` in report form: `/`-separated and escaped, `.` for the root.
/// A path outside the root stays absolute.
pub fn rel_to(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".to_owned(),
        Ok(_) => crate::discovery::rel_path(root, path),
        Err(_) => escape_os(path.as_os_str()),
    }
}

/// `target` as reached from `base` (both absolute): `.`, a path down from `base`, `../…`
/// when they share more than the filesystem root, else `target` itself.
pub fn relative_from(base: &Path, target: &Path) -> PathBuf {
    let b: Vec<Component<'_>> = base.components().collect();
    let t: Vec<Component<'_>> = target.components().collect();
    let shared = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    // Only the root (`/`) in common: an absolute path reads better than a chain of `..`.
    if shared <= 1 && b.len() > 1 {
        return target.to_owned();
    }
    let mut out = PathBuf::new();
    for _ in shared..b.len() {
        out.push("..");
    }
    for c in &t[shared..] {
        out.push(c.as_os_str());
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(relative_from(&p("/a/b"), &p("/a/b")), p("."));
        assert_eq!(relative_from(&p("/a/b"), &p("/a/b/c")), p("c"));
        assert_eq!(relative_from(&p("/a/b/c"), &p("/a/b")), p(".."));
        assert_eq!(relative_from(&p("/a/b/c"), &p("/a/d")), p("../../d"));
        assert_eq!(relative_from(&p("/x/y"), &p("/a/b")), p("/a/b"));
        assert_eq!(relative_from(&p("/"), &p("/a")), p("a"));
        assert_eq!(
            common_ancestor(&[p("/a/b/c"), p("/a/b/d/e"), p("/a/b")]),
            Some(p("/a/b"))
        );
        assert_eq!(lexical_join(&p("/a/b"), &p("../c/./d")), p("/a/c/d"));
    }

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    #[test]
    fn nearest_config_wins_and_the_repository_is_the_root() {
        let dir = tempfile::tempdir().expect("tempdir");
        let top = std::fs::canonicalize(dir.path()).expect("canonical");
        let repo = top.join("repo");
        std::fs::create_dir_all(repo.join(".git")).expect("mkdir");
        write(&top.join(FILE_NAME), "");
        write(&repo.join(FILE_NAME), "");
        write(&repo.join("svc/palisade.toml"), "");
        write(&repo.join("svc/api/main.py"), "");
        write(&repo.join("lib/x.py"), "");

        let resolve = |paths: &[&str], cwd: &Path| {
            let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
            Project::resolve(&paths, None, cwd, &ConfigChoice::Discover).expect("resolve")
        };
        let p = resolve(&["svc/api"], &repo);
        assert_eq!(p.root, repo);
        assert_eq!(p.config, Some(repo.join("svc/palisade.toml")));
        assert_eq!(p.targets[0].rel, "svc/api");
        // A file: its folder starts the search.
        let p = resolve(&["main.py"], &repo.join("svc/api"));
        assert_eq!(p.targets[0].rel, "svc/api/main.py");
        assert_eq!(p.config, Some(repo.join("svc/palisade.toml")));
        // Not above the repository root: the config outside it is not used.
        std::fs::remove_file(repo.join(FILE_NAME)).expect("rm");
        let p = resolve(&["lib"], &repo);
        assert_eq!(p.config, None);
        // Several paths: their common folder.
        let p = resolve(&["svc/api", "lib/x.py"], &repo);
        assert_eq!(p.config, None);
        let rels: Vec<&str> = p.targets.iter().map(|t| t.rel.as_str()).collect();
        assert_eq!(rels, ["svc/api", "lib/x.py"]);
    }

    #[test]
    fn outside_a_repository_the_config_folder_is_the_root() {
        let dir = tempfile::tempdir().expect("tempdir");
        let top = std::fs::canonicalize(dir.path()).expect("canonical");
        write(&top.join("proj/palisade.toml"), "");
        write(&top.join("proj/a/b.txt"), "");
        write(&top.join("other/c.txt"), "");
        let paths = [PathBuf::from("proj/a/b.txt")];
        let p = Project::resolve(&paths, None, &top, &ConfigChoice::Discover).expect("resolve");
        assert_eq!(p.root, top.join("proj"));
        assert_eq!(p.targets[0].rel, "a/b.txt");
        // No config, no repository: the scanned folder.
        let paths = [PathBuf::from("other")];
        let p = Project::resolve(&paths, None, &top, &ConfigChoice::Discover).expect("resolve");
        assert_eq!(p.root, top.join("other"));
        assert_eq!(p.targets[0].rel, ".");
        // --isolated: no config, and the root is the scanned folder.
        let paths = [PathBuf::from("proj/a")];
        let p = Project::resolve(&paths, None, &top, &ConfigChoice::Isolated).expect("resolve");
        assert_eq!((p.config, p.root), (None, top.join("proj/a")));
    }

    #[test]
    fn stdin_takes_its_name_from_stdin_filename() {
        let dir = tempfile::tempdir().expect("tempdir");
        let top = std::fs::canonicalize(dir.path()).expect("canonical");
        std::fs::create_dir_all(top.join(".git")).expect("mkdir");
        std::fs::create_dir_all(top.join("cfg")).expect("mkdir");
        let paths = [PathBuf::from("-")];
        let name = Path::new("settings.env");
        let p = Project::resolve(
            &paths,
            Some(name),
            &top.join("cfg"),
            &ConfigChoice::Discover,
        )
        .expect("resolve");
        assert_eq!(p.root, top);
        assert_eq!(
            (p.targets[0].rel.as_str(), p.targets[0].path.is_none()),
            ("cfg/settings.env", true)
        );
        let twice = [PathBuf::from("-"), PathBuf::from("-")];
        assert_eq!(
            Project::resolve(&twice, None, &top, &ConfigChoice::Discover),
            Err(ProjectError::StdinTwice)
        );
        let missing = [PathBuf::from("nope")];
        assert!(matches!(
            Project::resolve(&missing, None, &top, &ConfigChoice::Discover),
            Err(ProjectError::Missing { .. })
        ));
    }
}
