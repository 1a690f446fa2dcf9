//! OSV advisories and whether a package version is affected by one.
//!
//! Matching is exact: the package's ecosystem and (normalised) name must equal the
//! advisory's; versions are compared under the ecosystem's rules (`ECOSYSTEM` ranges) or
//! SemVer (`SEMVER` ranges), following the OSV schema's evaluation of `introduced`, `fixed`,
//! `last_affected` and `limit` events, plus explicit `versions` lists. `GIT` ranges name
//! commits, not versions, and are not used.

use std::cmp::Ordering;

use serde::Deserialize;

use crate::db::name_key;
use crate::version::{Ecosystem, Version};

/// An OSV record, as far as palisade reads it.
#[derive(Debug, Clone, Deserialize)]
pub struct Advisory {
    /// The id (`GHSA-…`, `RUSTSEC-…`, `PYSEC-…`, `GO-…`, `CVE-…`).
    pub id: String,
    /// Last modified (RFC 3339).
    #[serde(default)]
    pub modified: String,
    /// Published (RFC 3339).
    #[serde(default)]
    pub published: Option<String>,
    /// Set when the advisory was withdrawn: it no longer applies.
    #[serde(default)]
    pub withdrawn: Option<String>,
    /// Other ids of the same vulnerability.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// One-line summary.
    #[serde(default)]
    pub summary: Option<String>,
    /// Details (Markdown).
    #[serde(default)]
    pub details: Option<String>,
    /// Severity scores.
    #[serde(default)]
    pub severity: Vec<SeverityScore>,
    /// Affected packages.
    #[serde(default)]
    pub affected: Vec<Affected>,
    /// References.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Database-specific data (GHSA's `severity` and `cwe_ids`).
    #[serde(default)]
    pub database_specific: Option<serde_json::Value>,
}

/// A `severity` entry.
#[derive(Debug, Clone, Deserialize)]
pub struct SeverityScore {
    /// `CVSS_V3`, `CVSS_V4`, `CVSS_V2`, `Ubuntu`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// The vector or value.
    pub score: String,
}

/// A reference.
#[derive(Debug, Clone, Deserialize)]
pub struct Reference {
    /// `ADVISORY`, `WEB`, `FIX`, ...
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The URL.
    #[serde(default)]
    pub url: String,
}

/// An `affected` entry.
#[derive(Debug, Clone, Deserialize)]
pub struct Affected {
    /// The package.
    #[serde(default)]
    pub package: Option<AffectedPackage>,
    /// Version ranges.
    #[serde(default)]
    pub ranges: Vec<Range>,
    /// Explicitly affected versions.
    #[serde(default)]
    pub versions: Vec<String>,
    /// Per-package severity.
    #[serde(default)]
    pub severity: Vec<SeverityScore>,
    /// Database-specific data (RustSec's `informational`).
    #[serde(default)]
    pub database_specific: Option<serde_json::Value>,
}

/// An affected package.
#[derive(Debug, Clone, Deserialize)]
pub struct AffectedPackage {
    /// OSV ecosystem (`PyPI`, `Debian:12`).
    #[serde(default)]
    pub ecosystem: String,
    /// Name.
    #[serde(default)]
    pub name: String,
}

/// A version range.
#[derive(Debug, Clone, Deserialize)]
pub struct Range {
    /// `ECOSYSTEM`, `SEMVER` or `GIT`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Events.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// A range event; exactly one field is set.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Event {
    /// Affected from this version on (`0`: from the start).
    pub introduced: Option<String>,
    /// Fixed in this version.
    pub fixed: Option<String>,
    /// The last affected version.
    pub last_affected: Option<String>,
    /// Not affected from this version on (an upper limit).
    pub limit: Option<String>,
}

/// Whether and how an advisory applies to one package version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The smallest version above the package's that the advisory says is fixed, if any.
    pub fixed: Option<String>,
    /// RustSec's informational kind (`unmaintained`, `unsound`, `notice`), if any.
    pub informational: Option<String>,
}

/// Problems met while evaluating an advisory (an event version that does not parse).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchNote {
    /// The advisory.
    pub advisory: String,
    /// What was not understood.
    pub message: String,
}

enum Kind {
    Introduced,
    Fixed,
    LastAffected,
    Limit,
}

impl Advisory {
    /// Does this advisory affect `name`@`version` in `eco`? `None` when it does not.
    /// `version` is the package's version, already parsed under `eco`'s rules, and `raw`
    /// its text (for `versions` lists and SemVer ranges).
    pub fn affects(
        &self,
        eco: Ecosystem,
        name: &str,
        raw: &str,
        version: &Version,
        notes: &mut Vec<MatchNote>,
    ) -> Option<Verdict> {
        if self.withdrawn.is_some() {
            return None;
        }
        let key = name_key(Some(eco), name);
        let mut hit: Option<Verdict> = None;
        for a in &self.affected {
            let Some(p) = &a.package else { continue };
            if Ecosystem::from_osv(&p.ecosystem) != Some(eco) || name_key(Some(eco), &p.name) != key
            {
                continue;
            }
            let informational = a
                .database_specific
                .as_ref()
                .and_then(|d| d.get("informational"))
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned);
            let mut affected = a
                .versions
                .iter()
                .any(|v| v == raw || eco.parse(v).is_ok_and(|pv| pv == *version));
            let mut fixes: Vec<(Version, String)> = Vec::new();
            for r in &a.ranges {
                let scheme = match r.kind.as_str() {
                    "ECOSYSTEM" => eco,
                    // SemVer ranges use SemVer precedence, whatever the ecosystem.
                    "SEMVER" => Ecosystem::Npm,
                    _ => continue,
                };
                let v = if scheme == eco {
                    version.clone()
                } else {
                    match scheme.parse(raw) {
                        Ok(v) => v,
                        Err(_) => continue,
                    }
                };
                let (in_range, fix) = self.evaluate(r, scheme, &v, notes);
                affected |= in_range;
                if in_range && let Some(f) = fix {
                    fixes.push(f);
                }
            }
            if affected {
                fixes.sort_by(|x, y| x.0.cmp(&y.0));
                let fixed = fixes.into_iter().next().map(|f| f.1);
                let merged = match hit.take() {
                    None => Verdict {
                        fixed,
                        informational,
                    },
                    Some(mut h) => {
                        // Several affected entries for one package: keep the larger fix.
                        if let (Some(a), Some(b)) = (&h.fixed, &fixed) {
                            if eco.compare(b, a).is_ok_and(Ordering::is_gt) {
                                h.fixed = fixed;
                            }
                        } else if h.fixed.is_none() {
                            h.fixed = fixed;
                        }
                        h.informational = h.informational.or(informational);
                        h
                    }
                };
                hit = Some(merged);
            }
        }
        hit
    }

    /// Evaluates one range: (is `v` in it, the smallest fix above `v`).
    fn evaluate(
        &self,
        r: &Range,
        scheme: Ecosystem,
        v: &Version,
        notes: &mut Vec<MatchNote>,
    ) -> (bool, Option<(Version, String)>) {
        let mut events: Vec<(Option<Version>, Kind, String)> = Vec::new();
        for e in &r.events {
            let (kind, raw) = match e {
                Event {
                    introduced: Some(x),
                    ..
                } => (Kind::Introduced, x),
                Event { fixed: Some(x), .. } => (Kind::Fixed, x),
                Event {
                    last_affected: Some(x),
                    ..
                } => (Kind::LastAffected, x),
                Event { limit: Some(x), .. } => (Kind::Limit, x),
                _ => continue,
            };
            let raw = raw.trim();
            if matches!(kind, Kind::Introduced) && raw == "0" {
                events.push((None, kind, raw.to_owned()));
                continue;
            }
            if matches!(kind, Kind::Limit) && raw == "*" {
                continue;
            }
            match scheme.parse(raw) {
                Ok(p) => events.push((Some(p), kind, raw.to_owned())),
                Err(_) => notes.push(MatchNote {
                    advisory: self.id.clone(),
                    message: format!(
                        "range event {raw:?} is not a valid {scheme} version; ignored"
                    ),
                }),
            }
        }
        // Sort by version; `introduced: 0` first.
        events.sort_by(|a, b| match (&a.0, &b.0) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(y),
        });
        let mut affected = false;
        for (ev, kind, _) in &events {
            match kind {
                Kind::Introduced => {
                    if ev.as_ref().is_none_or(|e| v >= e) {
                        affected = true;
                    }
                }
                Kind::Fixed => {
                    if ev.as_ref().is_some_and(|e| v >= e) {
                        affected = false;
                    }
                }
                Kind::LastAffected => {
                    if ev.as_ref().is_some_and(|e| v > e) {
                        affected = false;
                    }
                }
                Kind::Limit => {}
            }
        }
        let limits: Vec<&Version> = events
            .iter()
            .filter(|e| matches!(e.1, Kind::Limit))
            .filter_map(|e| e.0.as_ref())
            .collect();
        if !limits.is_empty() && !limits.iter().any(|l| v < *l) {
            affected = false;
        }
        let fix = events
            .iter()
            .filter(|e| matches!(e.1, Kind::Fixed))
            .filter_map(|e| e.0.as_ref().map(|p| (p.clone(), e.2.clone())))
            .filter(|(p, _)| p > v)
            .min_by(|a, b| a.0.cmp(&b.0));
        (affected, fix)
    }

    /// The severity and where it came from: a CVSS v3 vector's base score, else the
    /// database's own rating (GHSA `severity`), else `None`.
    pub fn severity(&self) -> Option<(palisade_core::Severity, String)> {
        let scores = self
            .severity
            .iter()
            .chain(self.affected.iter().flat_map(|a| a.severity.iter()));
        // The highest base score among the vectors (v3.x and v4.0 share the rating scale).
        let mut best: Option<f64> = None;
        let mut vector = String::new();
        for s in scores {
            let score = match s.kind.as_str() {
                "CVSS_V3" => crate::cvss::v3_base_score(&s.score),
                "CVSS_V4" => crate::cvss::v4_score(&s.score),
                _ => None,
            };
            if let Some(score) = score
                && best.is_none_or(|b| score > b)
            {
                best = Some(score);
                vector.clone_from(&s.score);
            }
        }
        if let Some(score) = best {
            return Some((
                crate::cvss::rating(score),
                format!("CVSS {score:.1} ({vector})"),
            ));
        }
        let db = self
            .database_specific
            .as_ref()
            .and_then(|d| d.get("severity"))
            .and_then(serde_json::Value::as_str)?;
        let s = match db.to_ascii_uppercase().as_str() {
            "CRITICAL" => palisade_core::Severity::Critical,
            "HIGH" => palisade_core::Severity::High,
            "MODERATE" | "MEDIUM" => palisade_core::Severity::Medium,
            "LOW" => palisade_core::Severity::Low,
            _ => return None,
        };
        Some((s, format!("database severity {db}")))
    }

    /// CWE ids the advisory names (GHSA `cwe_ids`).
    pub fn cwes(&self) -> Vec<String> {
        self.database_specific
            .as_ref()
            .and_then(|d| d.get("cwe_ids"))
            .and_then(serde_json::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(serde_json::Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}
