//! Version ordering, exact to each ecosystem's own rules.
//!
//! Every ecosystem orders versions its own way: SemVer pre-releases, PEP 440 post- and
//! dev-releases, Maven qualifiers, dpkg's tilde. Matching an advisory's range against a
//! lockfile version is only as right as this ordering, so each scheme is implemented from its
//! specification (or its reference implementation's documented behaviour) and tested against
//! a table per ecosystem.

// The comparison loops follow their reference implementations' notation (a, b, i, j).
#![allow(clippy::many_single_char_names)]

mod apk;
mod composer;
mod dpkg;
mod maven;
mod nuget;
mod pep440;
mod rpm;
mod ruby;
mod semver;

use std::cmp::Ordering;
use std::fmt;

/// A package ecosystem, named as OSV names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Ecosystem {
    /// npm (SemVer 2.0).
    Npm,
    /// crates.io (SemVer 2.0).
    CratesIo,
    /// Hex (SemVer 2.0).
    Hex,
    /// Pub (SemVer 2.0).
    Pub,
    /// Go modules (SemVer with a `v` prefix; `+incompatible` is build metadata).
    Go,
    /// PyPI (PEP 440).
    PyPi,
    /// Maven (ComparableVersion).
    Maven,
    /// RubyGems (Gem::Version).
    RubyGems,
    /// NuGet (NuGetVersion).
    NuGet,
    /// Packagist (Composer, PHP `version_compare`).
    Packagist,
    /// Debian and Ubuntu (dpkg).
    Debian,
    /// Alpine (apk).
    Alpine,
    /// RPM distributions: AlmaLinux, Rocky Linux, Red Hat, openSUSE, SUSE (rpmvercmp).
    Rpm,
}

impl Ecosystem {
    /// Every ecosystem.
    pub const ALL: [Self; 13] = [
        Self::Npm,
        Self::CratesIo,
        Self::Hex,
        Self::Pub,
        Self::Go,
        Self::PyPi,
        Self::Maven,
        Self::RubyGems,
        Self::NuGet,
        Self::Packagist,
        Self::Debian,
        Self::Alpine,
        Self::Rpm,
    ];

    /// The ecosystem of an OSV `affected[].package.ecosystem` value. Release suffixes
    /// (`Debian:12`, `AlmaLinux:9`, `Alpine:v3.20`) are accepted; the name is
    /// case-sensitive, as OSV's is, except that common lower-case spellings are accepted.
    pub fn from_osv(name: &str) -> Option<Self> {
        let base = name.split(':').next().unwrap_or(name);
        Some(match base {
            "npm" => Self::Npm,
            "crates.io" => Self::CratesIo,
            "Hex" | "hex" => Self::Hex,
            "Pub" | "pub" => Self::Pub,
            "Go" | "go" => Self::Go,
            "PyPI" | "pypi" => Self::PyPi,
            "Maven" | "maven" => Self::Maven,
            "RubyGems" | "rubygems" => Self::RubyGems,
            "NuGet" | "nuget" => Self::NuGet,
            "Packagist" | "packagist" => Self::Packagist,
            "Debian" | "debian" | "Ubuntu" | "ubuntu" => Self::Debian,
            "Alpine" | "alpine" => Self::Alpine,
            "AlmaLinux" | "Rocky Linux" | "Red Hat" | "openSUSE" | "SUSE" | "Mageia"
            | "openEuler" => Self::Rpm,
            _ => return None,
        })
    }

    /// The OSV name (for RPM distributions, the generic `RPM`).
    pub fn osv_name(self) -> &'static str {
        match self {
            Self::Npm => "npm",
            Self::CratesIo => "crates.io",
            Self::Hex => "Hex",
            Self::Pub => "Pub",
            Self::Go => "Go",
            Self::PyPi => "PyPI",
            Self::Maven => "Maven",
            Self::RubyGems => "RubyGems",
            Self::NuGet => "NuGet",
            Self::Packagist => "Packagist",
            Self::Debian => "Debian",
            Self::Alpine => "Alpine",
            Self::Rpm => "RPM",
        }
    }

    /// The package-URL type (`pkg:<type>/…`).
    pub fn purl_type(self) -> &'static str {
        match self {
            Self::Npm => "npm",
            Self::CratesIo => "cargo",
            Self::Hex => "hex",
            Self::Pub => "pub",
            Self::Go => "golang",
            Self::PyPi => "pypi",
            Self::Maven => "maven",
            Self::RubyGems => "gem",
            Self::NuGet => "nuget",
            Self::Packagist => "composer",
            Self::Debian => "deb",
            Self::Alpine => "apk",
            Self::Rpm => "rpm",
        }
    }

    /// Parse a version under this ecosystem's rules.
    pub fn parse(self, v: &str) -> Result<Version, VersionError> {
        let err = |reason: &'static str| VersionError {
            ecosystem: self,
            version: v.to_owned(),
            reason,
        };
        if v.len() > MAX_VERSION_LEN {
            return Err(err("longer than 256 bytes"));
        }
        let inner = match self {
            Self::Npm | Self::CratesIo | Self::Hex | Self::Pub => {
                Inner::SemVer(semver::SemVer::parse(v, false).map_err(err)?)
            }
            Self::Go => Inner::SemVer(semver::SemVer::parse(v, true).map_err(err)?),
            Self::PyPi => Inner::Pep440(pep440::Pep440::parse(v).map_err(err)?),
            Self::Maven => Inner::Maven(maven::Maven::parse(v).map_err(err)?),
            Self::RubyGems => Inner::Ruby(ruby::GemVersion::parse(v).map_err(err)?),
            Self::NuGet => Inner::NuGet(nuget::NuGetVersion::parse(v).map_err(err)?),
            Self::Packagist => Inner::Composer(composer::PhpVersion::parse(v).map_err(err)?),
            Self::Debian => Inner::Dpkg(dpkg::DpkgVersion::parse(v).map_err(err)?),
            Self::Alpine => Inner::Apk(apk::ApkVersion::parse(v).map_err(err)?),
            Self::Rpm => Inner::Rpm(rpm::RpmVersion::parse(v).map_err(err)?),
        };
        Ok(Version { inner })
    }

    /// Compare two versions under this ecosystem's rules.
    pub fn compare(self, a: &str, b: &str) -> Result<Ordering, VersionError> {
        Ok(self.parse(a)?.cmp(&self.parse(b)?))
    }
}

impl fmt::Display for Ecosystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.osv_name())
    }
}

/// Versions longer than this are rejected: no real ecosystem needs them, and a hostile
/// lockfile gains nothing from a megabyte-long version string.
const MAX_VERSION_LEN: usize = 256;

/// A version string that its ecosystem's rules do not accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {ecosystem} version {version:?}: {reason}")]
pub struct VersionError {
    /// The ecosystem whose rules rejected it.
    pub ecosystem: Ecosystem,
    /// The version as given.
    pub version: String,
    /// Why.
    pub reason: &'static str,
}

/// A parsed version. Versions of one ecosystem are totally ordered; comparing versions of
/// two different ecosystems orders them by ecosystem first (never meaningful, but total).
#[derive(Debug, Clone)]
pub struct Version {
    inner: Inner,
}

#[derive(Debug, Clone)]
enum Inner {
    SemVer(semver::SemVer),
    Pep440(pep440::Pep440),
    Maven(maven::Maven),
    Ruby(ruby::GemVersion),
    NuGet(nuget::NuGetVersion),
    Composer(composer::PhpVersion),
    Dpkg(dpkg::DpkgVersion),
    Apk(apk::ApkVersion),
    Rpm(rpm::RpmVersion),
}

impl Inner {
    fn rank(&self) -> u8 {
        match self {
            Self::SemVer(_) => 0,
            Self::Pep440(_) => 1,
            Self::Maven(_) => 2,
            Self::Ruby(_) => 3,
            Self::NuGet(_) => 4,
            Self::Composer(_) => 5,
            Self::Dpkg(_) => 6,
            Self::Apk(_) => 7,
            Self::Rpm(_) => 8,
        }
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        match (&self.inner, &other.inner) {
            (Inner::SemVer(a), Inner::SemVer(b)) => a.cmp(b),
            (Inner::Pep440(a), Inner::Pep440(b)) => a.cmp(b),
            (Inner::Maven(a), Inner::Maven(b)) => a.cmp(b),
            (Inner::Ruby(a), Inner::Ruby(b)) => a.cmp(b),
            (Inner::NuGet(a), Inner::NuGet(b)) => a.cmp(b),
            (Inner::Composer(a), Inner::Composer(b)) => a.cmp(b),
            (Inner::Dpkg(a), Inner::Dpkg(b)) => a.cmp(b),
            (Inner::Apk(a), Inner::Apk(b)) => a.cmp(b),
            (Inner::Rpm(a), Inner::Rpm(b)) => a.cmp(b),
            (a, b) => a.rank().cmp(&b.rank()),
        }
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Version {}

/// Compares two digit strings as unbounded non-negative integers.
pub(crate) fn cmp_digits(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Splits `epoch:rest` (dpkg and RPM); no colon means epoch 0.
pub(crate) fn split_epoch(t: &str) -> Result<(u64, &str), &'static str> {
    match t.split_once(':') {
        Some((e, r)) => {
            if e.is_empty() || !e.bytes().all(|b| b.is_ascii_digit()) {
                return Err("epoch must be a number");
            }
            Ok((e.parse().map_err(|_| "epoch too large")?, r))
        }
        None => Ok((0, t)),
    }
}
