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
        DbCommand::Update(a) => update(global, &path, &a.ecosystems, a.kev),
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

/// Where OSV's archives and the KEV catalogue are downloaded from (overridable for tests
/// and mirrors: PALISADE_OSV_URL, PALISADE_KEV_URL).
const OSV_URL: &str = "https://osv-vulnerabilities.storage.googleapis.com";
const KEV_URL: &str =
    "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
/// Largest download accepted.
const MAX_DOWNLOAD: u64 = 2 << 30;

fn update(
    global: &GlobalArgs,
    path: &std::path::Path,
    ecosystems: &[String],
    kev: bool,
) -> Result<u8> {
    #[allow(clippy::disallowed_methods)] // the CLI is where the environment is read
    let base = std::env::var("PALISADE_OSV_URL").unwrap_or_else(|_| OSV_URL.to_owned());
    #[allow(clippy::disallowed_methods)]
    let kev_url = std::env::var("PALISADE_KEV_URL").unwrap_or_else(|_| KEV_URL.to_owned());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(std::time::Duration::from_secs(15)))
        .timeout_global(Some(std::time::Duration::from_mins(30)))
        .build()
        .into();
    let dir = tempfile_dir(path)?;
    let mut files = Vec::new();
    for eco in ecosystems {
        if eco.is_empty() || eco.contains(['/', '\\', '?', '#']) || eco.contains("..") {
            bail!(
                "invalid ecosystem name `{}`",
                palisade_core::text::escape_control(eco)
            );
        }
        let url = format!("{}/{}/all.zip", base.trim_end_matches('/'), percent(eco));
        files.push(download(
            &agent,
            &url,
            &dir.join(format!("{}.zip", files.len())),
        )?);
    }
    if kev {
        files.push(download(&agent, &kev_url, &dir.join("kev.json"))?);
    }
    let mut db = Db::open_for_import(path)?;
    let (_, now) = now();
    for f in &files {
        let stats = db.import(f, &now)?;
        for i in &stats.issues {
            output::warning(&format!(
                "{}: {}",
                palisade_core::text::escape_control(&i.place),
                palisade_core::text::escape_control(&i.message)
            ));
        }
        if !global.quiet {
            output::note(&format!(
                "{} advisories read, {} added, {} updated, {} unchanged{}",
                stats.read,
                stats.added,
                stats.updated,
                stats.unchanged,
                if stats.kev > 0 {
                    format!(", {} KEV entries", stats.kev)
                } else {
                    String::new()
                }
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    if !global.quiet {
        output::note(&format!("database: {}", escape_os(path.as_os_str())));
    }
    Ok(0)
}

/// A fresh folder for downloads beside the database.
fn tempfile_dir(db: &std::path::Path) -> Result<PathBuf> {
    let parent = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", escape_os(parent.as_os_str())))?;
    let dir = parent.join(format!(".palisade-download-{}", std::process::id()));
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create {}", escape_os(dir.as_os_str())))?;
    Ok(dir)
}

fn percent(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn download(agent: &ureq::Agent, url: &str, to: &std::path::Path) -> Result<PathBuf> {
    let shown = palisade_sca::redact_urls(url);
    let offline = |e: &dyn std::fmt::Display| {
        anyhow::anyhow!(
            "cannot download {shown}: {e}. palisade needs the network only here: download the \
             archive where you can and import it with `palisade db import FILE`"
        )
    };
    let mut resp = agent.get(url).call().map_err(|e| offline(&e))?;
    let mut reader = resp.body_mut().with_config().limit(MAX_DOWNLOAD).reader();
    let mut file = std::fs::File::create(to)
        .with_context(|| format!("cannot write {}", escape_os(to.as_os_str())))?;
    std::io::copy(&mut reader, &mut file).map_err(|e| offline(&e))?;
    Ok(to.to_owned())
}
