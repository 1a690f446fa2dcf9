//! The SCA scanner: finds lockfiles and manifests in the inventory, parses them, and matches
//! every registry package against the vulnerability database and local advisories.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use palisade_core::discovery::Inventory;
use palisade_core::fingerprint::fingerprint;
use palisade_core::model::{Category, Confidence, Cwe, Finding, Location, RuleMeta, Severity};
use palisade_core::{Diagnostic, DiagnosticLevel, ScanContext, ScanError, ScanOutput, Scanner};

use crate::db::{Db, DbError};
use crate::model::{IssueKind, Lockfile, Package, Source};
use crate::osv::{Advisory, MatchNote};
use crate::parse::{Format, FsSiblings};
use crate::rules::{self, RuleData};

/// Settings of the SCA scanner.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ScaOptions {
    /// The vulnerability database file (`--db`, `PALISADE_DB`, or the cache default).
    pub db: Option<PathBuf>,
    /// Folders or files of local OSV advisories (`[sca] advisories`), merged with the database.
    pub advisories: Vec<PathBuf>,
    /// Severity of an advisory that carries none.
    pub unknown_severity: Severity,
    /// Warn (or fail, with `fail_on_stale_db`) when the database is older than this.
    pub max_db_age_days: Option<u64>,
    /// A stale database fails the scan instead of warning.
    pub fail_on_stale_db: bool,
    /// Licence policy (`[sca.licenses]`).
    pub licenses: crate::license::Policy,
    /// VEX statements (from `[sca] vex` and `--vex`), applied to matching findings.
    pub vex: Vec<crate::vex::Statement>,
    /// Now, in seconds since the Unix epoch (for the database's age).
    pub now_unix: i64,
    /// The project root: sibling files (go.sum, parent POMs, `-r` includes) are read only
    /// inside it.
    pub project_root: PathBuf,
}

impl ScaOptions {
    /// Options with defaults: no database, no local advisories, unknown severity high.
    pub fn new(project_root: PathBuf, now_unix: i64) -> Self {
        Self {
            db: None,
            advisories: Vec::new(),
            unknown_severity: Severity::High,
            max_db_age_days: None,
            fail_on_stale_db: false,
            licenses: crate::license::Policy::default(),
            vex: Vec::new(),
            now_unix,
            project_root,
        }
    }
}

/// The SCA scanner.
#[derive(Debug)]
pub struct ScaScanner {
    opts: ScaOptions,
    rules: Vec<RuleData>,
}

impl ScaScanner {
    /// A scanner with these options and the built-in rules.
    pub fn new(opts: ScaOptions) -> Self {
        Self {
            opts,
            rules: rules::all(),
        }
    }

    fn rule(&self, id: &str) -> &RuleMeta {
        &self
            .rules
            .iter()
            .find(|r| r.meta.id == id)
            .unwrap_or_else(|| unreachable_rule(id))
            .meta
    }
}

#[cold]
fn unreachable_rule(id: &str) -> ! {
    // The rule ids used here are checked by the rules harness; reaching this is a build bug.
    panic!("built-in rule {id} missing")
}

/// Sources of advisories for one scan: the database and the local advisories.
struct Sources {
    dbs: Vec<Db>,
    cache: HashMap<String, Option<Advisory>>,
}

impl Sources {
    fn ids(&self, p: &Package) -> Result<BTreeSet<String>, DbError> {
        let mut out = BTreeSet::new();
        for db in &self.dbs {
            out.extend(db.advisories_for(p.ecosystem, &p.name)?);
        }
        Ok(out)
    }

    fn advisory(&mut self, id: &str) -> Result<Option<&Advisory>, DbError> {
        if !self.cache.contains_key(id) {
            let mut found = None;
            // Local advisories (opened last) win over the database's copy.
            for db in self.dbs.iter().rev() {
                if let Some(json) = db.advisory_json(id)? {
                    found = serde_json::from_str::<Advisory>(&json).ok();
                    break;
                }
            }
            self.cache.insert(id.to_owned(), found);
        }
        Ok(self.cache.get(id).and_then(Option::as_ref))
    }

    fn kev(&self, cve: &str) -> Result<Option<(String, String)>, DbError> {
        for db in &self.dbs {
            if let Some(k) = db.kev(cve)? {
                return Ok(Some(k));
            }
        }
        Ok(None)
    }
}

impl Scanner for ScaScanner {
    fn name(&self) -> &'static str {
        "sca"
    }

    fn rules(&self) -> Vec<RuleMeta> {
        self.rules.iter().map(|r| r.meta.clone()).collect()
    }

    fn rule_docs(&self) -> Vec<palisade_core::docs::RuleDoc> {
        self.rules.iter().map(RuleData::doc).collect()
    }

    fn scan(&self, inventory: &Inventory, ctx: &ScanContext<'_>) -> Result<ScanOutput, ScanError> {
        let mut out = ScanOutput::default();
        let lockfiles = lockfiles_of(inventory);
        if lockfiles.is_empty() {
            return Ok(out);
        }
        let (parsed, diagnostics, bytes) = read_lockfiles(
            &lockfiles,
            &self.opts.project_root,
            ctx.config.max_file_size,
        );
        out.diagnostics.extend(diagnostics);
        out.files_scanned += parsed.len() as u64;
        out.bytes_scanned += bytes;
        for (rel, lf) in &parsed {
            self.report_issues(lf, rel, &mut out);
            self.check_licenses(lf, rel, &mut out);
        }
        // The database is needed only when there are registry packages to check.
        let any = parsed.iter().any(|(_, lf)| {
            lf.packages
                .iter()
                .any(|p| p.source == Source::Registry && !p.version.is_empty())
        });
        if !any {
            return Ok(out);
        }
        let mut sources = self.open_sources(&mut out)?;
        for (rel, lf) in &parsed {
            self.match_lockfile(lf, rel, &mut sources, &mut out)
                .map_err(|e| ScanError::Internal {
                    scanner: "sca",
                    message: e.to_string(),
                })?;
        }
        Ok(out)
    }
}

/// The lockfiles and manifests among the inventory's files, with their formats.
pub fn lockfiles_of(inventory: &Inventory) -> Vec<(&palisade_core::FileEntry, Format)> {
    inventory
        .files
        .iter()
        .filter_map(|f| Format::detect(&f.rel).map(|fmt| (f, fmt)))
        .collect()
}

/// Reads and parses lockfiles (bounded by `max_bytes` each; sibling files only inside
/// `root`). Returns the parsed files by project-relative path, diagnostics for files that
/// cannot be read or parsed, and the bytes read.
pub fn read_lockfiles(
    lockfiles: &[(&palisade_core::FileEntry, Format)],
    root: &Path,
    max_bytes: u64,
) -> (Vec<(String, Lockfile)>, Vec<Diagnostic>, u64) {
    let mut parsed = Vec::new();
    let mut diagnostics = Vec::new();
    let mut total = 0u64;
    for (file, format) in lockfiles {
        let bytes = match palisade_core::config::read_user_file(&file.path, max_bytes) {
            Ok(b) => b,
            Err(e) => {
                let code = if matches!(e, palisade_core::config::ReadError::TooLarge(_)) {
                    "file-too-large"
                } else {
                    "file-unreadable"
                };
                diagnostics.push(
                    Diagnostic::new(
                        code,
                        DiagnosticLevel::Warning,
                        format!("cannot read lockfile, its packages were not checked: {e}"),
                    )
                    .at(file.rel.clone(), None),
                );
                continue;
            }
        };
        total += bytes.len() as u64;
        let text = String::from_utf8_lossy(&bytes);
        let dir = file
            .path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let siblings = FsSiblings {
            root: root.to_owned(),
            dir,
            max_bytes,
        };
        match crate::parse::parse(*format, &text, &siblings) {
            Ok(lf) => parsed.push((file.rel.clone(), lf)),
            Err(e) => diagnostics.push(
                Diagnostic::new(
                    "lockfile-invalid",
                    DiagnosticLevel::Warning,
                    format!(
                        "cannot parse {}: {}",
                        format.as_str(),
                        crate::redact_urls(&e.message)
                    ),
                )
                .at(file.rel.clone(), Some(e.line)),
            ),
        }
    }
    (parsed, diagnostics, total)
}

impl ScaScanner {
    fn open_sources(&self, out: &mut ScanOutput) -> Result<Sources, ScanError> {
        let fail = |message: String| ScanError::Internal {
            scanner: "sca",
            message,
        };
        let mut dbs = Vec::new();
        let mut info = palisade_core::report::DatabaseInfo::default();
        info.local_advisories = self
            .opts
            .advisories
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        match &self.opts.db {
            Some(path) if path.is_file() => {
                let db = Db::open(path).map_err(|e| fail(e.to_string()))?;
                info.path = Some(path.display().to_string());
                info.imported_at = db.oldest_import().map_err(|e| fail(e.to_string()))?;
                let today = palisade_core::time::Date::from_unix(self.opts.now_unix).days_since_epoch();
                info.age_days = info
                    .imported_at
                    .as_deref()
                    .and_then(palisade_core::time::Date::from_rfc3339)
                    .map(|d| (today - d.days_since_epoch()).max(0) as u64);
                info.sources = db
                    .status()
                    .map_err(|e| fail(e.to_string()))?
                    .into_iter()
                    .map(|s| (s.name, s.count))
                    .collect();
                // A database with no advisories (an import that found nothing) would pass
                // every package: fail closed unless local advisories are there.
                let advisories: u64 =
                    info.sources.iter().filter(|(n, _)| n != "KEV").map(|(_, c)| c).sum();
                if advisories == 0 && self.opts.advisories.is_empty() {
                    return Err(fail(format!(
                        "the vulnerability database at {} holds no advisories: import some with `palisade db import PATH` or `palisade db update ECOSYSTEM`",
                        path.display()
                    )));
                }
                self.check_age(info.age_days, out)?;
                dbs.push(db);
            }
            Some(path) if self.opts.advisories.is_empty() => {
                return Err(fail(format!(
                    "no vulnerability database at {}: import advisories with `palisade db import PATH` (or name local ones in [sca] advisories)",
                    path.display()
                )));
            }
            None if self.opts.advisories.is_empty() => {
                return Err(fail("no vulnerability database configured".into()));
            }
            _ => out.diagnostics.push(Diagnostic::new(
                "advisory-db-missing",
                DiagnosticLevel::Note,
                "no vulnerability database: only the local advisories in [sca] advisories were used (palisade db import PATH adds one)",
            )),
        }
        if !self.opts.advisories.is_empty() {
            let mut local = Db::in_memory().map_err(|e| fail(e.to_string()))?;
            for dir in &self.opts.advisories {
                let stats = local
                    .import(dir, "local")
                    .map_err(|e| fail(format!("local advisories: {e}")))?;
                for i in stats.issues {
                    out.diagnostics.push(Diagnostic::new(
                        "advisory-not-understood",
                        DiagnosticLevel::Warning,
                        format!("local advisory {}: {}", i.place, i.message),
                    ));
                }
            }
            dbs.push(local);
        }
        out.database = Some(info);
        Ok(Sources {
            dbs,
            cache: HashMap::new(),
        })
    }

    fn check_age(&self, age_days: Option<u64>, out: &mut ScanOutput) -> Result<(), ScanError> {
        let Some(max) = self.opts.max_db_age_days else {
            return Ok(());
        };
        let Some(age) = age_days else { return Ok(()) };
        if age > max {
            let msg = format!(
                "the vulnerability database was imported {age} days ago (sca.max-db-age-days = {max}); run palisade db update or db import"
            );
            if self.opts.fail_on_stale_db {
                return Err(ScanError::Internal {
                    scanner: "sca",
                    message: msg,
                });
            }
            out.diagnostics.push(Diagnostic::new(
                "advisory-db-stale",
                DiagnosticLevel::Warning,
                msg,
            ));
        }
        Ok(())
    }

    fn check_licenses(&self, lf: &Lockfile, rel: &str, out: &mut ScanOutput) {
        for p in &lf.packages {
            let Some(license) = &p.license else { continue };
            let Some(verdict) = self.opts.licenses.check(license) else {
                continue;
            };
            let (rule_id, why) = match &verdict {
                crate::license::Verdict::Denied(ids) => {
                    ("license-denied", format!("denied: {}", ids.join(", ")))
                }
                crate::license::Verdict::NotAllowed(ids) => (
                    "license-not-allowed",
                    format!("not in the allow list: {}", ids.join(", ")),
                ),
            };
            let rule = self.rule(rule_id);
            let message = palisade_core::text::escape_control(&format!(
                "{} {} is licensed {} ({why})",
                p.name,
                p.version,
                palisade_core::text::truncate_chars(license, 200)
            ));
            let fp = fingerprint(&[
                b"sca",
                rule_id.as_bytes(),
                p.ecosystem.osv_name().as_bytes(),
                p.name.as_bytes(),
                p.version.as_bytes(),
                license.as_bytes(),
            ]);
            let mut f = Finding::new(rule, message, location(rel, p.line), fp);
            f.properties
                .insert("package".into(), serde_json::Value::String(p.name.clone()));
            f.properties.insert(
                "version".into(),
                serde_json::Value::String(p.version.clone()),
            );
            f.properties
                .insert("purl".into(), serde_json::Value::String(p.purl()));
            f.properties
                .insert("license".into(), serde_json::Value::String(license.clone()));
            out.findings.push(f);
        }
    }

    fn report_issues(&self, lf: &Lockfile, rel: &str, out: &mut ScanOutput) {
        for issue in &lf.issues {
            let message = crate::redact_urls(&issue.message);
            match issue.kind {
                IssueKind::Malformed => out.diagnostics.push(
                    Diagnostic::new("lockfile-entry-skipped", DiagnosticLevel::Warning, message)
                        .at(rel, Some(issue.line)),
                ),
                IssueKind::NotFollowed => out.diagnostics.push(
                    Diagnostic::new("lockfile-not-followed", DiagnosticLevel::Note, message)
                        .at(rel, Some(issue.line)),
                ),
                IssueKind::Unpinned => {
                    let rule = self.rule("unpinned-requirement");
                    let fp = fingerprint(&[
                        b"sca",
                        rule.id.as_bytes(),
                        rel.as_bytes(),
                        message.as_bytes(),
                    ]);
                    out.findings
                        .push(Finding::new(rule, message, location(rel, issue.line), fp));
                }
            }
        }
    }

    fn match_lockfile(
        &self,
        lf: &Lockfile,
        rel: &str,
        sources: &mut Sources,
        out: &mut ScanOutput,
    ) -> Result<(), DbError> {
        let mut notes: Vec<MatchNote> = Vec::new();
        // Per package: the verdicts of each advisory.
        for (idx, p) in lf.packages.iter().enumerate() {
            if p.source != Source::Registry || p.version.is_empty() {
                continue;
            }
            let ids = sources.ids(p)?;
            if ids.is_empty() {
                continue;
            }
            let version = match p.ecosystem.parse(&p.version) {
                Ok(v) => v,
                Err(e) => {
                    out.diagnostics.push(
                        Diagnostic::new(
                            "package-version-invalid",
                            DiagnosticLevel::Warning,
                            format!("{}: {e}", p.name),
                        )
                        .at(rel, Some(p.line)),
                    );
                    continue;
                }
            };
            let mut hits: Vec<(Advisory, crate::osv::Verdict)> = Vec::new();
            for id in &ids {
                if let Some(a) = sources.advisory(id)?
                    && let Some(v) =
                        a.affects(p.ecosystem, &p.name, &p.version, &version, &mut notes)
                {
                    hits.push((a.clone(), v));
                }
            }
            if hits.is_empty() {
                continue;
            }
            // Merge advisories that alias one another into one finding.
            let groups = alias_groups(&hits);
            // The smallest version that fixes every advisory of this package.
            let mut fixes: Vec<&str> = hits.iter().filter_map(|h| h.1.fixed.as_deref()).collect();
            fixes.sort_by(|a, b| {
                p.ecosystem
                    .compare(a, b)
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            let all_fixed = hits.iter().all(|h| h.1.fixed.is_some());
            let fix_all = if all_fixed {
                fixes.last().map(|s| (*s).to_owned())
            } else {
                None
            };
            let path = dependency_path(lf, idx);
            for g in groups {
                let finding = self.finding(
                    p,
                    rel,
                    &hits,
                    &g,
                    fix_all.as_deref(),
                    path.as_deref(),
                    sources,
                )?;
                out.findings.push(finding);
            }
        }
        notes.sort_by(|a, b| (&a.advisory, &a.message).cmp(&(&b.advisory, &b.message)));
        notes.dedup();
        for n in notes {
            out.diagnostics.push(Diagnostic::new(
                "advisory-not-understood",
                DiagnosticLevel::Note,
                format!(
                    "{}: {}",
                    n.advisory,
                    palisade_core::text::escape_control(&n.message)
                ),
            ));
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &self,
        p: &Package,
        rel: &str,
        hits: &[(Advisory, crate::osv::Verdict)],
        group: &[usize],
        fix_all: Option<&str>,
        path: Option<&[String]>,
        sources: &Sources,
    ) -> Result<Finding, DbError> {
        let members: Vec<&(Advisory, crate::osv::Verdict)> =
            group.iter().map(|&i| &hits[i]).collect();
        let mut ids: BTreeSet<String> = BTreeSet::new();
        for (a, _) in &members {
            ids.insert(a.id.clone());
            ids.extend(a.aliases.iter().cloned());
        }
        // The primary id: a database id (GHSA, RUSTSEC, PYSEC, GO, ...) before a bare CVE.
        let primary = members
            .iter()
            .map(|m| m.0.id.clone())
            .min_by_key(|id| (id.starts_with("CVE-"), id.clone()))
            .unwrap_or_default();
        let cves: Vec<&String> = ids.iter().filter(|i| i.starts_with("CVE-")).collect();
        let informational = members.iter().find_map(|m| m.1.informational.clone());
        let rule_id = if informational.is_some() {
            "informational-advisory"
        } else {
            "vulnerable-dependency"
        };
        let rule = self.rule(rule_id);
        let mut severity = None;
        let mut severity_source = String::new();
        for (a, _) in &members {
            if let Some((s, src)) = a.severity()
                && severity.is_none_or(|cur| s > cur)
            {
                severity = Some(s);
                severity_source = src;
            }
        }
        let mut kev = None;
        for c in &cves {
            if let Some(k) = sources.kev(c)? {
                kev = Some(((*c).clone(), k));
                break;
            }
        }
        let severity = match (&informational, severity, &kev) {
            (_, _, Some(_)) => Severity::Critical,
            (Some(_), _, None) => rule.severity,
            (None, Some(s), None) => s,
            (None, None, None) => {
                severity_source = "no severity in the advisory (sca.unknown-severity)".into();
                self.opts.unknown_severity
            }
        };
        let fixed = members
            .iter()
            .filter_map(|m| m.1.fixed.clone())
            .max_by(|a, b| {
                p.ecosystem
                    .compare(a, b)
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        let summary = members.iter().find_map(|m| m.0.summary.clone()).map(|s| {
            let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
            palisade_core::text::truncate_chars(
                &palisade_core::text::escape_control(&one_line),
                160,
            )
        });
        let others: Vec<&String> = ids.iter().filter(|i| **i != primary).collect();
        let mut message = format!("{} {} is affected by {primary}", p.name, p.version);
        if !others.is_empty() {
            let _ = write!(
                message,
                " ({})",
                others
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if let Some(s) = &summary {
            message.push_str(": ");
            message.push_str(s);
        }
        if let Some(kind) = &informational {
            let _ = write!(message, " [{kind}]");
        }
        match &fixed {
            Some(f) => {
                let _ = write!(message, "; fixed in {f}");
            }
            None if informational.is_none() => message.push_str("; no fixed version"),
            None => {}
        }
        if let Some((cve, _)) = &kev {
            let _ = write!(
                message,
                "; {cve} is in CISA's Known Exploited Vulnerabilities catalog"
            );
        }
        let mut message = palisade_core::text::escape_control(&message);
        if let Some(path) = path.filter(|_| p.direct == Some(false)) {
            let _ = write!(message, "; comes in through {}", path.join(" > "));
        }
        // Identity: package, version and the vulnerability (its smallest CVE, else the
        // primary id), so a new alias or a moved line keeps the fingerprint.
        let key = cves.first().map_or(primary.clone(), |c| (*c).clone());
        let fp = fingerprint(&[
            b"sca",
            rule_id.as_bytes(),
            p.ecosystem.osv_name().as_bytes(),
            crate::db::name_key(Some(p.ecosystem), &p.name).as_bytes(),
            p.version.as_bytes(),
            key.as_bytes(),
        ]);
        let mut f = Finding::new(rule, message, location(rel, p.line), fp);
        f.severity = severity;
        let cwe: BTreeSet<Cwe> = members
            .iter()
            .flat_map(|m| m.0.cwes())
            .filter_map(|c| c.parse().ok())
            .chain(rule.cwe.iter().copied())
            .collect();
        f.cwe = cwe.into_iter().collect();
        let props = &mut f.properties;
        let s = |v: &str| serde_json::Value::String(v.to_owned());
        props.insert("ecosystem".into(), s(p.ecosystem.osv_name()));
        props.insert("package".into(), s(&p.name));
        props.insert("version".into(), s(&p.version));
        props.insert("purl".into(), s(&p.purl()));
        props.insert("advisory".into(), s(&primary));
        props.insert("aliases".into(), serde_json::json!(others));
        props.insert("severity_source".into(), s(&severity_source));
        if let Some(fx) = &fixed {
            props.insert("fixed_version".into(), s(fx));
        }
        if let Some(fx) = fix_all {
            props.insert("fixes_all_advisories".into(), s(fx));
        }
        if let Some(d) = p.direct {
            props.insert("direct".into(), serde_json::Value::Bool(d));
        }
        props.insert(
            "scope".into(),
            serde_json::to_value(p.scope).unwrap_or_default(),
        );
        if let Some(path) = path.filter(|_| p.direct == Some(false)) {
            props.insert("dependency_path".into(), serde_json::json!(path));
        }
        if let Some((cve, (added, ransomware))) = &kev {
            props.insert("kev".into(), serde_json::json!({"cve": cve, "date_added": added, "known_ransomware_use": ransomware}));
        }
        if let Some(kind) = informational {
            props.insert("informational".into(), s(&kind));
        }
        let mut all_ids: Vec<String> = ids.iter().cloned().collect();
        all_ids.push(primary.clone());
        if let Some(st) = crate::vex::find(&self.opts.vex, &all_ids, &p.purl()) {
            f.properties.insert(
                "vex_status".into(),
                serde_json::Value::String(st.status.clone()),
            );
            if st.suppresses() {
                f.suppression = Some(palisade_core::model::Suppression {
                    kind: palisade_core::model::SuppressionKind::Vex,
                    reason: palisade_core::text::escape_control(&format!(
                        "VEX {}: {} ({})",
                        st.status, st.reason, st.source
                    )),
                    owner: None,
                    expires: None,
                });
            }
        }
        Ok(f)
    }
}

fn location(rel: &str, line: u32) -> Location {
    Location {
        path: rel.to_owned(),
        start_line: line,
        start_column: 1,
        end_line: line,
        end_column: 1,
        commit: None,
    }
}

/// Union-find root of `i`, compressing the path.
fn find(parent: &mut [usize], i: usize) -> usize {
    let mut root = i;
    while parent[root] != root {
        root = parent[root];
    }
    let mut c = i;
    while parent[c] != root {
        let next = parent[c];
        parent[c] = root;
        c = next;
    }
    root
}

/// Groups of hits whose ids or aliases overlap (union-find over ids).
fn alias_groups(hits: &[(Advisory, crate::osv::Verdict)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..hits.len()).collect();
    let mut owner: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, (a, _)) in hits.iter().enumerate() {
        for id in std::iter::once(&a.id).chain(&a.aliases) {
            match owner.get(id.as_str()) {
                Some(&j) => {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    if ri != rj {
                        parent[ri] = rj;
                    }
                }
                None => {
                    owner.insert(id, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..hits.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().collect()
}

/// The shortest path from a direct dependency to package `target`, as `name@version`s.
fn dependency_path(lf: &Lockfile, target: usize) -> Option<Vec<String>> {
    let roots: Vec<usize> = (0..lf.packages.len())
        .filter(|&i| lf.packages[i].direct == Some(true))
        .collect();
    if roots.is_empty() {
        return None;
    }
    let mut prev: Vec<Option<usize>> = vec![None; lf.packages.len()];
    let mut seen = vec![false; lf.packages.len()];
    let mut queue = VecDeque::new();
    for &r in &roots {
        seen[r] = true;
        queue.push_back(r);
    }
    while let Some(i) = queue.pop_front() {
        if i == target {
            let mut path = vec![i];
            let mut c = i;
            while let Some(p) = prev[c] {
                path.push(p);
                c = p;
            }
            path.reverse();
            return Some(
                path.iter()
                    .map(|&k| format!("{}@{}", lf.packages[k].name, lf.packages[k].version))
                    .collect(),
            );
        }
        for &d in &lf.packages[i].deps {
            if d < seen.len() && !seen[d] {
                seen[d] = true;
                prev[d] = Some(i);
                queue.push_back(d);
            }
        }
    }
    None
}

/// Confidence of the built-in SCA rules: matches are exact, by ecosystem and name.
pub(crate) const CONFIDENCE: Confidence = Confidence::High;
/// Their category.
pub(crate) const CATEGORY: Category = Category::Sca;
