//! `palisade db import | status`, and where the database lives.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use palisade_core::text::escape_os;
use palisade_sca::db::Db;

use crate::cli::{DbArgs, DbCommand, GlobalArgs};
use crate::output;

/// The database file: `--db`/`PALISADE_DB`, else `palisade/advisories.sqlite` in the
/// user's cache directory (`$XDG_CACHE_HOME`, `~/.cache`, `~/Library/Caches`,
/// `%LOCALAPPDATA%`).
pub(crate) fn db_path(global: &GlobalArgs) -> Option<PathBuf> {
    if let Some(p) = &global.db {
        return Some(p.clone());
    }
    #[allow(clippy::disallowed_methods)] // the CLI is where the environment is read
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        env("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Caches"))
    } else {
        env("XDG_CACHE_HOME").or_else(|| env("HOME").map(|h| h.join(".cache")))
    }?;
    Some(base.join("palisade").join("advisories.sqlite"))
}

fn now() -> (i64, String) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    (secs, palisade_core::time::rfc3339_utc(secs))
}

pub(crate) fn run(global: &GlobalArgs, args: &DbArgs) -> Result<u8> {
    let Some(path) = db_path(global) else {
        bail!(
            "no cache directory (HOME is not set): name the database with --db PATH or PALISADE_DB"
        );
    };
    match &args.command {
        DbCommand::Import(a) => {
            let mut db = Db::open_for_import(&path)?;
            let (_, now) = now();
            for p in &a.paths {
                let t = std::time::Instant::now();
                let stats = db
                    .import(p, &now)
                    .with_context(|| format!("cannot import {}", escape_os(p.as_os_str())))?;
                for i in &stats.issues {
                    output::warning(&format!(
                        "{}: {}",
                        palisade_core::text::escape_control(&i.place),
                        palisade_core::text::escape_control(&i.message)
                    ));
                }
                if !global.quiet {
                    let kev = if stats.kev > 0 {
                        format!(", {} KEV entries", stats.kev)
                    } else {
                        String::new()
                    };
                    output::note(&format!(
                        "{}: {} advisories read, {} added, {} updated, {} unchanged{kev}, {} skipped as invalid ({} ms)",
                        escape_os(p.as_os_str()),
                        stats.read,
                        stats.added,
                        stats.updated,
                        stats.unchanged,
                        stats.issues.len(),
                        t.elapsed().as_millis()
                    ));
                }
            }
            if !global.quiet {
                output::note(&format!("database: {}", escape_os(path.as_os_str())));
            }
            // Invalid records were skipped and named as warnings; the rest is imported.
            Ok(0)
        }
        DbCommand::Status => {
            let db = Db::open(&path)?;
            let (secs, _) = now();
            let today = palisade_core::time::Date::from_unix(secs).days_since_epoch();
            let rows = db.status()?;
            output::stdout_with(|w| {
                writeln!(w, "database: {}", escape_os(path.as_os_str()))?;
                writeln!(
                    w,
                    "{:<16} {:>9}  {:<28} imported",
                    "source", "entries", "newest change"
                )?;
                for r in &rows {
                    let age = palisade_core::time::Date::from_rfc3339(&r.imported_at)
                        .map_or(String::new(), |d| {
                            format!(" ({} days ago)", today - d.days_since_epoch())
                        });
                    writeln!(
                        w,
                        "{:<16} {:>9}  {:<28} {}{age}",
                        palisade_core::text::escape_control(&r.name),
                        r.count,
                        r.newest_modified.as_deref().unwrap_or("-"),
                        r.imported_at
                    )?;
                }
                Ok(())
            })?;
            Ok(0)
        }
    }
}
