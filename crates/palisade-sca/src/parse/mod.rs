//! Lockfile and manifest parsers. Each keeps the line of every package entry, so findings
//! point at the lockfile line, and reports entries it cannot read as issues instead of
//! failing the whole file. Nothing here runs a package manager or any code of the project.

// Line-oriented parsers keep short loop names (n for the line, k/v for key and value) and
// reassign small strings per line.
#![allow(clippy::many_single_char_names, clippy::assigning_clones)]

mod cargo;
mod composer;
mod gem;
mod go;
mod gradle;
pub(crate) mod json;
mod maven;
mod mix;
mod npm;
mod nuget;
mod pnpm;
mod pubspec;
mod python;
mod yarn;

use base64::Engine as _;

use crate::model::{Lockfile, ParseError, Source};

/// The lockfile and manifest formats palisade reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    /// `package-lock.json`, `npm-shrinkwrap.json`.
    NpmLock,
    /// `yarn.lock`, classic (v1) and Berry.
    YarnLock,
    /// `pnpm-lock.yaml`.
    PnpmLock,
    /// `Cargo.lock`.
    CargoLock,
    /// `poetry.lock`.
    PoetryLock,
    /// `Pipfile.lock`.
    PipfileLock,
    /// `uv.lock`.
    UvLock,
    /// `requirements*.txt`.
    Requirements,
    /// `go.mod`.
    GoMod,
    /// Maven `pom.xml`.
    PomXml,
    /// `gradle.lockfile`.
    GradleLock,
    /// `Gemfile.lock`.
    GemfileLock,
    /// `composer.lock`.
    ComposerLock,
    /// NuGet `packages.lock.json`.
    NugetLock,
    /// `pubspec.lock`.
    PubspecLock,
    /// `mix.lock`.
    MixLock,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 16] = [
        Self::NpmLock,
        Self::YarnLock,
        Self::PnpmLock,
        Self::CargoLock,
        Self::PoetryLock,
        Self::PipfileLock,
        Self::UvLock,
        Self::Requirements,
        Self::GoMod,
        Self::PomXml,
        Self::GradleLock,
        Self::GemfileLock,
        Self::ComposerLock,
        Self::NugetLock,
        Self::PubspecLock,
        Self::MixLock,
    ];

    /// The format of a file, from its name (and, for requirements files, its folder).
    pub fn detect(path: &str) -> Option<Self> {
        let path = path.replace('\\', "/");
        let name = path.rsplit('/').next().unwrap_or(&path);
        Some(match name {
            "package-lock.json" | "npm-shrinkwrap.json" => Self::NpmLock,
            "yarn.lock" => Self::YarnLock,
            "pnpm-lock.yaml" => Self::PnpmLock,
            "Cargo.lock" => Self::CargoLock,
            "poetry.lock" => Self::PoetryLock,
            "Pipfile.lock" => Self::PipfileLock,
            "uv.lock" => Self::UvLock,
            "go.mod" => Self::GoMod,
            "pom.xml" => Self::PomXml,
            "gradle.lockfile" => Self::GradleLock,
            "Gemfile.lock" | "gems.locked" => Self::GemfileLock,
            "composer.lock" => Self::ComposerLock,
            "packages.lock.json" => Self::NugetLock,
            "pubspec.lock" => Self::PubspecLock,
            "mix.lock" => Self::MixLock,
            n if n.ends_with(".txt")
                && (n.starts_with("requirements")
                    || n.ends_with("-requirements.txt")
                    || n.ends_with("_requirements.txt")
                    || path.contains("/requirements/")
                    || path.starts_with("requirements/")) =>
            {
                Self::Requirements
            }
            // Gradle's per-configuration lockfiles: gradle/dependency-locks/*.lockfile.
            n if n.ends_with(".lockfile") && path.contains("dependency-locks/") => Self::GradleLock,
            _ => return None,
        })
    }

    /// A short name for reports (`package-lock.json`, `requirements.txt`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NpmLock => "package-lock.json",
            Self::YarnLock => "yarn.lock",
            Self::PnpmLock => "pnpm-lock.yaml",
            Self::CargoLock => "Cargo.lock",
            Self::PoetryLock => "poetry.lock",
            Self::PipfileLock => "Pipfile.lock",
            Self::UvLock => "uv.lock",
            Self::Requirements => "requirements.txt",
            Self::GoMod => "go.mod",
            Self::PomXml => "pom.xml",
            Self::GradleLock => "gradle.lockfile",
            Self::GemfileLock => "Gemfile.lock",
            Self::ComposerLock => "composer.lock",
            Self::NugetLock => "packages.lock.json",
            Self::PubspecLock => "pubspec.lock",
            Self::MixLock => "mix.lock",
        }
    }
}

/// Reads files next to the one being parsed (`go.sum` beside `go.mod`, a parent POM, an
/// `-r` include), by a path relative to the parsed file's folder. Returns `None` for a file
/// that does not exist, cannot be read, or lies outside the project.
pub trait Siblings {
    /// The text of `relative`, resolved from the parsed file's folder.
    fn read(&self, relative: &str) -> Option<String>;
}

/// No sibling files.
pub struct NoSiblings;

impl Siblings for NoSiblings {
    fn read(&self, _relative: &str) -> Option<String> {
        None
    }
}

/// Reads sibling files from the file system, only inside `root` (the project root) and only
/// up to `max_bytes` each; `dir` is the folder of the file being parsed.
pub struct FsSiblings {
    /// The project root: nothing outside it is read.
    pub root: std::path::PathBuf,
    /// The folder of the parsed file.
    pub dir: std::path::PathBuf,
    /// Largest file read.
    pub max_bytes: u64,
}

impl Siblings for FsSiblings {
    fn read(&self, relative: &str) -> Option<String> {
        use std::io::Read as _;
        let path = self.dir.join(relative);
        let canon = path.canonicalize().ok()?;
        let root = self.root.canonicalize().ok()?;
        if !canon.starts_with(&root) {
            return None;
        }
        let file = std::fs::File::open(&canon).ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        let mut buf = Vec::new();
        file.take(self.max_bytes).read_to_end(&mut buf).ok()?;
        String::from_utf8(buf).ok()
    }
}

/// Parses `text` as `format`.
pub fn parse(format: Format, text: &str, siblings: &dyn Siblings) -> Result<Lockfile, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lf = match format {
        Format::NpmLock => npm::parse(text)?,
        Format::YarnLock => yarn::parse(text, siblings)?,
        Format::PnpmLock => pnpm::parse(text)?,
        Format::CargoLock => cargo::parse(text)?,
        Format::PoetryLock => python::poetry_project(text, siblings)?,
        Format::PipfileLock => python::pipfile(text, siblings)?,
        Format::UvLock => python::uv(text)?,
        Format::Requirements => python::requirements(text, siblings),
        Format::GoMod => go::parse(text, siblings)?,
        Format::PomXml => maven::parse(text, siblings)?,
        Format::GradleLock => gradle::parse(text),
        Format::GemfileLock => gem::parse(text)?,
        Format::ComposerLock => composer::parse(text, siblings)?,
        Format::NugetLock => nuget::parse(text)?,
        Format::PubspecLock => pubspec::parse(text)?,
        Format::MixLock => mix::parse(text)?,
    };
    lf.issues.sort_by_key(|i| i.line);
    Ok(lf)
}

/// A JSON document, or a parse error at its line.
pub(crate) fn json_doc(text: &str) -> Result<serde_json::Value, ParseError> {
    serde_json::from_str(text).map_err(|e| {
        ParseError::new(
            u32::try_from(e.line()).unwrap_or(u32::MAX).max(1),
            format!("invalid JSON: {e}"),
        )
    })
}

/// A TOML document, or a parse error at its line.
pub(crate) fn toml_doc<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        ParseError::new(line, format!("invalid TOML: {}", e.message()))
    })
}

/// The 1-based line of byte offset `at`.
pub(crate) fn line_of(text: &str, at: usize) -> u32 {
    let at = at.min(text.len());
    text.as_bytes()[..at].split(|&b| b == b'\n').count() as u32
}

/// The lines of every `[[package]]` header in a TOML lockfile, in order.
pub(crate) fn toml_table_lines(text: &str, header: &str) -> Vec<u32> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == header)
        .map(|(i, _)| (i + 1) as u32)
        .collect()
}

/// Subresource-integrity strings (`sha512-<base64> sha1-<base64>`) as `alg:hex` hashes.
pub(crate) fn hashes_from_sri(sri: &str) -> Vec<String> {
    sri.split_whitespace()
        .filter_map(|h| {
            let (alg, b64) = h.split_once('-')?;
            let raw = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
            Some(format!("{}:{}", alg.to_ascii_lowercase(), hex(&raw)))
        })
        .collect()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The source a `resolved` URL names.
pub(crate) fn source_from_url(url: &str) -> Source {
    if url.starts_with("git+") || url.starts_with("git:") || url.starts_with("github:") {
        Source::Git(url.to_owned())
    } else if let Some(p) = url.strip_prefix("file:") {
        Source::Path(p.to_owned())
    } else {
        Source::Registry
    }
}

/// PEP 503 name normalisation: lower case, runs of `-`, `_`, `.` become one `-`.
pub fn pep503(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut sep = false;
    for c in name.trim().chars() {
        if matches!(c, '-' | '_' | '.') {
            sep = true;
        } else {
            if sep && !out.is_empty() {
                out.push('-');
            }
            sep = false;
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// Which packages are reachable from `roots` through dependencies.
pub(crate) fn reachable_from(lf: &Lockfile, roots: &[usize]) -> Vec<bool> {
    let mut seen = vec![false; lf.packages.len()];
    let mut stack: Vec<usize> = roots.to_vec();
    while let Some(i) = stack.pop() {
        if i >= seen.len() || std::mem::replace(&mut seen[i], true) {
            continue;
        }
        stack.extend(lf.packages[i].deps.iter().copied().filter(|&j| !seen[j]));
    }
    seen
}

/// Links each package `i` to the packages `deps[i]` names (by `key(name)`), skipping itself
/// and repeats. For formats whose dependency lists name packages rather than exact entries.
pub(crate) fn link_by_name(lf: &mut Lockfile, deps: &[Vec<String>], key: impl Fn(&str) -> String) {
    let index: std::collections::HashMap<String, usize> = lf
        .packages
        .iter()
        .enumerate()
        .map(|(i, p)| (key(&p.name), i))
        .collect();
    for (i, names) in deps.iter().enumerate() {
        for n in names {
            if let Some(&j) = index.get(&key(n))
                && j != i
                && !lf.packages[i].deps.contains(&j)
            {
                lf.packages[i].deps.push(j);
            }
        }
    }
}

/// `rel` (with `.` and `..`) resolved from the folder `dir`, both `/`-separated and relative
/// to the parsed file's folder; `..` past the start is kept (the reader refuses paths outside
/// the project).
pub(crate) fn join_rel(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Notes a lockfile version newer than the parser knows: the file is still read as the newest
/// known version, and the report says so (at the line of `marker`, else line 1).
pub(crate) fn note_unknown_version(
    lf: &mut Lockfile,
    text: &str,
    marker: &str,
    found: &str,
    known: &str,
) {
    let line = text.find(marker).map_or(1, |at| line_of(text, at));
    lf.issues.push(crate::model::Issue {
        line,
        message: format!(
            "lockfile version {} is newer than palisade knows (up to {known}); read as {known}",
            palisade_core::text::truncate_chars(found, 32)
        ),
        kind: crate::model::IssueKind::NotFollowed,
    });
}
