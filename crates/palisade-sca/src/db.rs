//! The vulnerability database: OSV advisories (and CISA's Known Exploited Vulnerabilities
//! catalog) in one embedded SQLite file.
//!
//! Imports take OSV JSON files, JSON arrays, JSON lines, directories of those, and the
//! per-ecosystem `all.zip` archives OSV publishes. A re-import skips advisories whose
//! `modified` time is not newer than the stored copy's (and whose content is unchanged), so
//! importing the same archive again is cheap. Bad records are reported by file and line (or
//! archive entry) and skipped; the rest is imported.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::parse::pep503;
use crate::version::Ecosystem;

/// The database schema version; a database with another version is rebuilt on import and
/// refused for scanning.
pub const SCHEMA_VERSION: i64 = 1;

/// Tables and indexes; `user_version` records [`SCHEMA_VERSION`].
const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS advisories (
                 id TEXT PRIMARY KEY, modified TEXT NOT NULL, withdrawn TEXT,
                 source TEXT NOT NULL, digest BLOB NOT NULL, json TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS affected (
                 ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory TEXT NOT NULL,
                 PRIMARY KEY (ecosystem, name, advisory)) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS aliases (
                 alias TEXT NOT NULL, advisory TEXT NOT NULL,
                 PRIMARY KEY (alias, advisory)) WITHOUT ROWID;
             CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected (advisory);
             CREATE INDEX IF NOT EXISTS aliases_by_advisory ON aliases (advisory);
             CREATE INDEX IF NOT EXISTS advisories_by_source ON advisories (source);
             CREATE TABLE IF NOT EXISTS kev (
                 cve TEXT PRIMARY KEY, date_added TEXT, name TEXT, ransomware TEXT);
             CREATE TABLE IF NOT EXISTS sources (
                 name TEXT PRIMARY KEY, imported_at TEXT NOT NULL);
    PRAGMA user_version = 1;";

/// Largest single advisory accepted (bytes of JSON).
const MAX_ADVISORY: usize = 4 << 20;
/// Largest archive entry decompressed, and the most entries read from one archive.
const MAX_ZIP_ENTRY: u64 = 16 << 20;
const MAX_ZIP_ENTRIES: usize = 1_000_000;
/// Largest file read for import (JSON, JSON lines or KEV).
const MAX_FILE: u64 = 2 << 30;

/// A database error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DbError {
    /// SQLite failed.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// The database file does not exist (nothing imported yet).
    #[error("no vulnerability database at {0}; import advisories first: palisade db import PATH")]
    Missing(PathBuf),
    /// The file was written by another palisade version.
    #[error(
        "database {path} has schema version {found}, this palisade reads {SCHEMA_VERSION}; re-import the advisories"
    )]
    Schema {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
    },
    /// An import source cannot be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The source.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

/// A problem with one record of an import; the record is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportIssue {
    /// Where: `file:line`, `archive.zip!entry.json`, or an advisory id.
    pub place: String,
    /// What is wrong.
    pub message: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// Advisory records read.
    pub read: u64,
    /// New advisories stored.
    pub added: u64,
    /// Stored advisories replaced by a newer version.
    pub updated: u64,
    /// Records skipped because the stored copy is as new.
    pub unchanged: u64,
    /// KEV catalogue entries stored.
    pub kev: u64,
    /// Records that could not be imported.
    pub issues: Vec<ImportIssue>,
}

/// One source's row in `db status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStatus {
    /// The source's name (the OSV ecosystem, or `KEV`).
    pub name: String,
    /// Advisories (or KEV entries) stored.
    pub count: u64,
    /// When it was last imported (RFC 3339, UTC).
    pub imported_at: String,
    /// The newest `modified` time among its advisories.
    pub newest_modified: Option<String>,
}

/// The minimal OSV fields read at import; the full record is stored as JSON.
#[derive(Deserialize)]
struct OsvHead {
    id: String,
    modified: String,
    #[serde(default)]
    withdrawn: Option<String>,
    #[serde(default)]
    aliases: Option<Vec<String>>,
    #[serde(default)]
    affected: Option<Vec<OsvAffectedHead>>,
}

#[derive(Deserialize)]
struct OsvAffectedHead {
    #[serde(default)]
    package: Option<OsvPackageHead>,
}

#[derive(Deserialize)]
struct OsvPackageHead {
    #[serde(default)]
    ecosystem: String,
    #[serde(default)]
    name: String,
}

/// The key a package name is stored and looked up under: PEP 503 for PyPI, lower case where
/// the ecosystem ignores case, the name as given otherwise.
pub fn name_key(eco: Option<Ecosystem>, name: &str) -> String {
    match eco {
        Some(Ecosystem::PyPi) => pep503(name),
        Some(Ecosystem::NuGet | Ecosystem::Packagist) => name.to_lowercase(),
        _ => name.to_owned(),
    }
}

/// The ecosystem column: the OSV base name (`Debian` for `Debian:12`), or the raw string
/// for ecosystems palisade does not know.
fn eco_key(raw: &str) -> String {
    match Ecosystem::from_osv(raw) {
        Some(Ecosystem::Rpm | Ecosystem::Debian | Ecosystem::Alpine) | None => raw.to_owned(),
        Some(e) => e.osv_name().to_owned(),
    }
}

/// Maps a SQLite error on `path` into a [`DbError`].
fn sqlite_at(path: &Path) -> impl Fn(rusqlite::Error) -> DbError + '_ {
    move |source| DbError::Sqlite {
        path: path.to_owned(),
        source,
    }
}

/// An open vulnerability database.
pub struct Db {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Db {
    fn sql<T>(&self, r: rusqlite::Result<T>) -> Result<T, DbError> {
        r.map_err(sqlite_at(&self.path))
    }

    /// Opens (creating if needed) the database at `path` for import.
    pub fn open_for_import(path: &Path) -> Result<Self, DbError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| DbError::Read {
                path: dir.to_owned(),
                message: e.to_string(),
            })?;
        }
        let conn = Connection::open(path).map_err(sqlite_at(path))?;
        let db = Self {
            conn,
            path: path.to_owned(),
        };
        let version: i64 = db.sql(db.conn.query_row("PRAGMA user_version", [], |r| r.get(0)))?;
        if version != SCHEMA_VERSION {
            // An empty file, or one from another schema: start over.
            db.sql(db.conn.execute_batch(
                "DROP TABLE IF EXISTS advisories; DROP TABLE IF EXISTS affected;
                 DROP TABLE IF EXISTS aliases; DROP TABLE IF EXISTS kev; DROP TABLE IF EXISTS sources;",
            ))?;
        }
        db.sql(db.conn.execute_batch("PRAGMA journal_mode = WAL;"))?;
        db.sql(db.conn.execute_batch(SCHEMA))?;
        Ok(db)
    }

    /// A database in memory, for local advisories imported at scan time.
    pub fn in_memory() -> Result<Self, DbError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(sqlite_at(&path))?;
        let db = Self { conn, path };
        db.sql(db.conn.execute_batch(SCHEMA))?;
        Ok(db)
    }

    /// Opens an existing database read-only, for scanning and `explain`.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        if !path.is_file() {
            return Err(DbError::Missing(path.to_owned()));
        }
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite_at(path))?;
        let db = Self {
            conn,
            path: path.to_owned(),
        };
        let found: i64 = db.sql(db.conn.query_row("PRAGMA user_version", [], |r| r.get(0)))?;
        if found != SCHEMA_VERSION {
            return Err(DbError::Schema {
                path: path.to_owned(),
                found,
            });
        }
        Ok(db)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Imports everything under `path` (a file, a directory, or an `all.zip`).
    pub fn import(&mut self, path: &Path, now: &str) -> Result<ImportStats, DbError> {
        let mut stats = ImportStats::default();
        let mut files = Vec::new();
        collect(path, &mut files, 0).map_err(|e| DbError::Read {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        files.sort();
        if files.is_empty() {
            return Err(DbError::Read {
                path: path.to_owned(),
                message: "no .json, .jsonl or .zip files".into(),
            });
        }
        let db_path = self.path.clone();
        let tx = self.conn.transaction().map_err(sqlite_at(&db_path))?;
        let mut sources: BTreeSet<String> = BTreeSet::new();
        {
            let mut w = Writer::new(&tx).map_err(sqlite_at(&db_path))?;
            for f in &files {
                let shown = f.display().to_string();
                let r = import_file(f, &shown, &mut w, &mut stats, &mut sources);
                if let Err(message) = r {
                    stats.issues.push(ImportIssue {
                        place: shown,
                        message,
                    });
                }
            }
            for name in &sources {
                w.source
                    .execute(params![name, now])
                    .map_err(sqlite_at(&db_path))?;
            }
        }
        tx.commit().map_err(sqlite_at(&db_path))?;
        Ok(stats)
    }

    /// Per-source counts and ages.
    pub fn status(&self) -> Result<Vec<SourceStatus>, DbError> {
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT s.name, s.imported_at,
                    (SELECT COUNT(*) FROM advisories a WHERE a.source = s.name),
                    (SELECT MAX(modified) FROM advisories a WHERE a.source = s.name)
             FROM sources s ORDER BY s.name",
        ))?;
        let rows = self.sql(stmt.query_map([], |r| {
            Ok(SourceStatus {
                name: r.get(0)?,
                imported_at: r.get(1)?,
                count: r.get::<_, i64>(2)? as u64,
                newest_modified: r.get(3)?,
            })
        }))?;
        let mut out = Vec::new();
        for r in rows {
            let mut s = self.sql(r)?;
            if s.name == "KEV" {
                s.count = self.sql(
                    self.conn
                        .query_row("SELECT COUNT(*) FROM kev", [], |r| r.get::<_, i64>(0)),
                )? as u64;
            }
            out.push(s);
        }
        Ok(out)
    }

    /// The oldest import time among the sources, for freshness checks.
    pub fn oldest_import(&self) -> Result<Option<String>, DbError> {
        self.sql(
            self.conn
                .query_row(
                    "SELECT MIN(imported_at) FROM sources WHERE name != 'KEV'",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map(Option::flatten),
        )
    }

    /// Ids of advisories that name `name` in `ecosystem` (any release suffix).
    pub fn advisories_for(&self, eco: Ecosystem, name: &str) -> Result<Vec<String>, DbError> {
        let mut stmt = self
            .sql(self.conn.prepare_cached(
                "SELECT advisory FROM affected WHERE ecosystem = ?1 AND name = ?2",
            ))?;
        let key = name_key(Some(eco), name);
        let rows =
            self.sql(stmt.query_map(params![eco.osv_name(), key], |r| r.get::<_, String>(0)))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(self.sql(r)?);
        }
        out.sort();
        Ok(out)
    }

    /// The stored OSV JSON of an advisory.
    pub fn advisory_json(&self, id: &str) -> Result<Option<String>, DbError> {
        let mut stmt = self.sql(
            self.conn
                .prepare_cached("SELECT json FROM advisories WHERE id = ?1"),
        )?;
        self.sql(stmt.query_row(params![id], |r| r.get(0)).optional())
    }

    /// Advisories with `id` as their id or one of their aliases.
    pub fn lookup(&self, id: &str) -> Result<Vec<String>, DbError> {
        let mut out = Vec::new();
        if self.advisory_json(id)?.is_some() {
            out.push(id.to_owned());
        }
        let mut stmt = self.sql(
            self.conn
                .prepare_cached("SELECT advisory FROM aliases WHERE alias = ?1"),
        )?;
        let rows = self.sql(stmt.query_map(params![id], |r| r.get::<_, String>(0)))?;
        for r in rows {
            let a = self.sql(r)?;
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out.sort();
        Ok(out)
    }

    /// The KEV entry of a CVE: (date added, ransomware use).
    pub fn kev(&self, cve: &str) -> Result<Option<(String, String)>, DbError> {
        let mut stmt = self.sql(
            self.conn
                .prepare_cached("SELECT date_added, ransomware FROM kev WHERE cve = ?1"),
        )?;
        self.sql(
            stmt.query_row(params![cve], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                ))
            })
            .optional(),
        )
    }
}

/// Prepared statements of one import transaction.
struct Writer<'c> {
    get: rusqlite::Statement<'c>,
    put: rusqlite::Statement<'c>,
    clear_affected: rusqlite::Statement<'c>,
    clear_aliases: rusqlite::Statement<'c>,
    affected: rusqlite::Statement<'c>,
    alias: rusqlite::Statement<'c>,
    kev: rusqlite::Statement<'c>,
    source: rusqlite::Statement<'c>,
}

impl<'c> Writer<'c> {
    fn new(tx: &'c rusqlite::Transaction<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            get: tx.prepare("SELECT modified, digest FROM advisories WHERE id = ?1")?,
            put: tx.prepare(
                "INSERT OR REPLACE INTO advisories (id, modified, withdrawn, source, digest, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            clear_affected: tx.prepare("DELETE FROM affected WHERE advisory = ?1")?,
            clear_aliases: tx.prepare("DELETE FROM aliases WHERE advisory = ?1")?,
            affected: tx.prepare("INSERT OR IGNORE INTO affected (ecosystem, name, advisory) VALUES (?1, ?2, ?3)")?,
            alias: tx.prepare("INSERT OR IGNORE INTO aliases (alias, advisory) VALUES (?1, ?2)")?,
            kev: tx.prepare("INSERT OR REPLACE INTO kev (cve, date_added, name, ransomware) VALUES (?1, ?2, ?3, ?4)")?,
            source: tx.prepare("INSERT OR REPLACE INTO sources (name, imported_at) VALUES (?1, ?2)")?,
        })
    }

    /// Stores one OSV record; `Err` describes why it was rejected.
    fn advisory(
        &mut self,
        raw: &str,
        stats: &mut ImportStats,
        sources: &mut BTreeSet<String>,
    ) -> Result<(), String> {
        if raw.len() > MAX_ADVISORY {
            return Err(format!("advisory larger than {} MiB", MAX_ADVISORY >> 20));
        }
        let head: OsvHead =
            serde_json::from_str(raw).map_err(|e| format!("not an OSV record: {e}"))?;
        let id = head.id.trim();
        if id.is_empty()
            || id.len() > 128
            || id.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return Err("OSV record with an empty or invalid id".into());
        }
        if head.modified.trim().is_empty() {
            return Err(format!("{id}: no modified time"));
        }
        stats.read += 1;
        let digest = Sha256::digest(raw.as_bytes()).to_vec();
        let existing: Option<(String, Vec<u8>)> = self
            .get
            .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| e.to_string())?;
        let affected = head.affected.unwrap_or_default();
        let source = affected
            .iter()
            .filter_map(|a| a.package.as_ref())
            .map(|p| p.ecosystem.split(':').next().unwrap_or("").to_owned())
            .find(|e| !e.is_empty())
            .unwrap_or_else(|| "unknown".into());
        sources.insert(source.clone());
        if let Some((modified, old_digest)) = &existing {
            // RFC 3339 times in UTC compare as text.
            if modified.as_str() > head.modified.as_str()
                || (*modified == head.modified && *old_digest == digest)
            {
                stats.unchanged += 1;
                return Ok(());
            }
        }
        self.put
            .execute(params![
                id,
                head.modified,
                head.withdrawn,
                source,
                digest,
                raw
            ])
            .map_err(|e| e.to_string())?;
        if existing.is_some() {
            self.clear_affected
                .execute(params![id])
                .map_err(|e| e.to_string())?;
            self.clear_aliases
                .execute(params![id])
                .map_err(|e| e.to_string())?;
        }
        for p in affected.iter().filter_map(|a| a.package.as_ref()) {
            if p.name.is_empty() {
                continue;
            }
            let eco = Ecosystem::from_osv(&p.ecosystem);
            self.affected
                .execute(params![eco_key(&p.ecosystem), name_key(eco, &p.name), id])
                .map_err(|e| e.to_string())?;
        }
        for a in head.aliases.unwrap_or_default() {
            self.alias
                .execute(params![a, id])
                .map_err(|e| e.to_string())?;
        }
        if existing.is_some() {
            stats.updated += 1;
        } else {
            stats.added += 1;
        }
        Ok(())
    }
}

/// Files to import under `path`: `.json`, `.jsonl` and `.zip`, recursively (no symlinks).
fn collect(path: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        out.push(path.to_owned());
        return Ok(());
    }
    if depth > 32 {
        return Ok(());
    }
    for e in std::fs::read_dir(path)? {
        let e = e?;
        let p = e.path();
        let ft = e.file_type()?;
        if ft.is_dir() {
            collect(&p, out, depth + 1)?;
        } else if ft.is_file() {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if name.ends_with(".json") || name.ends_with(".jsonl") || name.ends_with(".zip") {
                out.push(p);
            }
        }
    }
    Ok(())
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let f = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    f.take(MAX_FILE + 1)
        .read_to_end(&mut buf)
        .map_err(|e| e.to_string())?;
    if buf.len() as u64 > MAX_FILE {
        return Err(format!("larger than {} GiB", MAX_FILE >> 30));
    }
    Ok(buf)
}

fn import_file(
    path: &Path,
    shown: &str,
    w: &mut Writer<'_>,
    stats: &mut ImportStats,
    sources: &mut BTreeSet<String>,
) -> Result<(), String> {
    let bytes = read_bounded(path)?;
    if bytes.starts_with(b"PK") {
        return import_zip(&bytes, shown, w, stats, sources);
    }
    import_text(&bytes, shown, w, stats, sources);
    Ok(())
}

fn import_zip(
    bytes: &[u8],
    shown: &str,
    w: &mut Writer<'_>,
    stats: &mut ImportStats,
    sources: &mut BTreeSet<String>,
) -> Result<(), String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip archive: {e}"))?;
    if z.len() > MAX_ZIP_ENTRIES {
        return Err(format!("more than {MAX_ZIP_ENTRIES} entries"));
    }
    for i in 0..z.len() {
        let mut entry = match z.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                stats.issues.push(ImportIssue {
                    place: format!("{shown}!#{i}"),
                    message: format!("unreadable entry: {e}"),
                });
                continue;
            }
        };
        let name = entry.name().to_owned();
        let place = format!("{shown}!{}", palisade_core::text::escape_control(&name));
        if entry.is_dir() || !name.to_lowercase().ends_with(".json") {
            continue;
        }
        let mut buf = Vec::new();
        // Read at most the limit, whatever the header claims: a zip bomb stops there.
        let read = (&mut entry).take(MAX_ZIP_ENTRY + 1).read_to_end(&mut buf);
        if let Err(e) = read {
            stats.issues.push(ImportIssue {
                place,
                message: format!("cannot decompress: {e}"),
            });
            continue;
        }
        if buf.len() as u64 > MAX_ZIP_ENTRY {
            stats.issues.push(ImportIssue {
                place,
                message: format!("entry larger than {} MiB decompressed", MAX_ZIP_ENTRY >> 20),
            });
            continue;
        }
        import_text(&buf, &place, w, stats, sources);
    }
    Ok(())
}

/// A JSON document (one advisory, an array of advisories, or the KEV catalogue), or JSON
/// lines with one advisory each.
fn import_text(
    bytes: &[u8],
    shown: &str,
    w: &mut Writer<'_>,
    stats: &mut ImportStats,
    sources: &mut BTreeSet<String>,
) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            stats.issues.push(ImportIssue {
                place: shown.to_owned(),
                message: format!("not UTF-8: {e}"),
            });
            return;
        }
    };
    let trimmed = text.trim_start();
    // One JSON document spanning the file?
    let whole: Option<serde_json::Value> =
        if trimmed.starts_with('[') || (trimmed.starts_with('{') && !looks_like_lines(text)) {
            match serde_json::from_str(text) {
                Ok(v) => Some(v),
                Err(e) => {
                    stats.issues.push(ImportIssue {
                        place: format!("{shown}:{}", e.line()),
                        message: format!("invalid JSON: {e}"),
                    });
                    return;
                }
            }
        } else {
            None
        };
    match whole {
        Some(serde_json::Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let raw = item.to_string();
                if let Err(m) = w.advisory(&raw, stats, sources) {
                    stats.issues.push(ImportIssue {
                        place: format!("{shown}[{i}]"),
                        message: m,
                    });
                }
            }
        }
        Some(v)
            if v.get("vulnerabilities")
                .is_some_and(serde_json::Value::is_array)
                && v.get("catalogVersion").is_some() =>
        {
            import_kev(&v, shown, w, stats, sources);
        }
        Some(_) => {
            if let Err(m) = w.advisory(text, stats, sources) {
                stats.issues.push(ImportIssue {
                    place: shown.to_owned(),
                    message: m,
                });
            }
        }
        None => {
            for (i, line) in text.lines().enumerate() {
                let l = line.trim();
                if l.is_empty() {
                    continue;
                }
                if let Err(m) = w.advisory(l, stats, sources) {
                    stats.issues.push(ImportIssue {
                        place: format!("{shown}:{}", i + 1),
                        message: m,
                    });
                }
            }
        }
    }
}

/// JSON lines: the first line is a complete JSON value on its own.
fn looks_like_lines(text: &str) -> bool {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let more = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .nth(1)
        .is_some();
    more && serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok()
}

fn import_kev(
    v: &serde_json::Value,
    shown: &str,
    w: &mut Writer<'_>,
    stats: &mut ImportStats,
    sources: &mut BTreeSet<String>,
) {
    let Some(items) = v
        .get("vulnerabilities")
        .and_then(serde_json::Value::as_array)
    else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let s = |k: &str| item.get(k).and_then(serde_json::Value::as_str);
        let Some(cve) = s("cveID").filter(|c| c.starts_with("CVE-") && c.len() < 32) else {
            stats.issues.push(ImportIssue {
                place: format!("{shown}[{i}]"),
                message: "KEV entry without a cveID".into(),
            });
            continue;
        };
        if let Err(e) = w.kev.execute(params![
            cve,
            s("dateAdded"),
            s("vulnerabilityName"),
            s("knownRansomwareCampaignUse")
        ]) {
            stats.issues.push(ImportIssue {
                place: format!("{shown}[{i}]"),
                message: e.to_string(),
            });
            continue;
        }
        stats.kev += 1;
    }
    sources.insert("KEV".into());
}
