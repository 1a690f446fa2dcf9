//! What the lockfile parsers produce.

use crate::version::Ecosystem;

/// Whether a package is needed at run time or only to develop the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Needed at run time (or the format does not distinguish and nothing says otherwise).
    Runtime,
    /// Only for development, tests or builds.
    Dev,
    /// The format does not say.
    Unknown,
}

/// Where a package comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// The ecosystem's registry (crates.io, npmjs, PyPI, ...), or a mirror of it.
    Registry,
    /// A git repository (URL, with the commit where the lockfile names it).
    Git(String),
    /// A local path inside the project (a workspace member, a path dependency).
    Path(String),
    /// A direct download URL or another source.
    Other(String),
}

/// One resolved package of a lockfile.
#[derive(Debug, Clone)]
pub struct Package {
    /// Its ecosystem.
    pub ecosystem: Ecosystem,
    /// Its name as the ecosystem spells it (`@scope/name`, `group:artifact`, a Go module path).
    pub name: String,
    /// The exact resolved version.
    pub version: String,
    /// 1-based line of the package's entry in the lockfile.
    pub line: u32,
    /// Declared by the project itself (`Some(true)`), pulled in by another package
    /// (`Some(false)`), or the format does not say (`None`).
    pub direct: Option<bool>,
    /// Run time or development.
    pub scope: Scope,
    /// Integrity hashes as `algorithm:value` (`sha256:9f86…`, `sha512:base64…`).
    pub hashes: Vec<String>,
    /// The licence, as an SPDX expression, where the lockfile names one.
    pub license: Option<String>,
    /// Where it comes from.
    pub source: Source,
    /// Indexes (into [`Lockfile::packages`]) of the packages it depends on.
    pub deps: Vec<usize>,
}

impl Package {
    /// A registry package with nothing else known yet.
    pub fn new(
        ecosystem: Ecosystem,
        name: impl Into<String>,
        version: impl Into<String>,
        line: u32,
    ) -> Self {
        Self {
            ecosystem,
            name: name.into(),
            version: version.into(),
            line,
            direct: None,
            scope: Scope::Unknown,
            hashes: Vec::new(),
            license: None,
            source: Source::Registry,
            deps: Vec::new(),
        }
    }

    /// The package URL (purl) of this package.
    pub fn purl(&self) -> String {
        crate::purl::purl(self.ecosystem, &self.name, &self.version)
    }
}

/// A problem in a lockfile that does not stop the rest of it from being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// 1-based line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
    /// What kind of problem.
    pub kind: IssueKind,
}

/// Kinds of [`Issue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    /// An entry that could not be read; it is left out.
    Malformed,
    /// A requirement without an exact version: what gets installed is not known.
    Unpinned,
    /// Something the parser does not follow (a remote include, an unsupported directive).
    NotFollowed,
}

/// A parsed lockfile or manifest.
#[derive(Debug, Clone, Default)]
pub struct Lockfile {
    /// Every package, in file order.
    pub packages: Vec<Package>,
    /// Problems met on the way.
    pub issues: Vec<Issue>,
}

impl Lockfile {
    /// Adds a malformed-entry issue.
    pub(crate) fn malformed(&mut self, line: u32, message: impl Into<String>) {
        self.issues.push(Issue {
            line,
            message: message.into(),
            kind: IssueKind::Malformed,
        });
    }
}

/// A lockfile that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line (1 when the problem is the whole file).
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    /// An error at `line`. Quoted text in the message (parser errors quote the value they
    /// choke on: `invalid type: string "…"`) is masked, so a secret in a malformed lockfile
    /// never reaches a diagnostic.
    pub(crate) fn new(line: u32, message: impl Into<String>) -> Self {
        Self {
            line,
            message: mask_quoted(&message.into()),
        }
    }
}

/// Replaces the content of `"…"`, `'…'` and `` `…` `` spans longer than 3 characters by `…`.
fn mask_quoted(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(i) = rest.find(['"', '\'', '`']) {
        let q = rest[i..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=i]);
        let after = &rest[i + 1..];
        match after.find(q) {
            Some(e) => {
                let inner = &after[..e];
                out.push_str(if inner.chars().count() > 3 {
                    "…"
                } else {
                    inner
                });
                out.push(q);
                rest = &after[e + 1..];
            }
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
