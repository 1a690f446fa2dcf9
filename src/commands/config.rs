//! `palisade config show`.

use std::fmt::Write as _;

use anyhow::Result;
use palisade_core::report::ScanMode;
use palisade_core::text::escape_os;

use crate::cli::{ConfigArgs, ConfigCommand, GlobalArgs, ScanArgs};
use crate::{output, pipeline};

pub(crate) fn run(global: &GlobalArgs, args: &ConfigArgs) -> Result<u8> {
    match &args.command {
        ConfigCommand::Show(target) => {
            let settings = pipeline::settings(&ScanArgs::of(target.clone()), false, global)?;
            let text = show(&settings, global);
            output::stdout_with(|out| out.write_all(text.as_bytes()))?;
            Ok(0)
        }
    }
}

/// The effective settings as TOML, with where each part came from in comments. Values of
/// `allow-values` are counted, not shown: they may be real credentials' test twins.
fn show(s: &pipeline::Settings, global: &GlobalArgs) -> String {
    let p = &s.project;
    let c = &s.config;
    let q = |v: &str| toml_string(v);
    let mut out = String::new();
    let _ = writeln!(out, "# project root: {}", escape_os(p.root.as_os_str()));
    let _ = writeln!(
        out,
        "# repository:   {}",
        p.repository
            .as_deref()
            .map_or_else(|| "none".to_owned(), |r| escape_os(r.as_os_str()))
    );
    let _ = writeln!(
        out,
        "# config file:  {}",
        c.source.as_deref().map_or_else(
            || "none (built-in defaults)".to_owned(),
            |f| escape_os(f.as_os_str())
        )
    );
    let mode = match s.mode {
        ScanMode::Directory => "directory",
        ScanMode::Staged => "staged",
        ScanMode::GitHistory => "git-history",
    };
    let paths: Vec<String> = p.targets.iter().map(|t| q(&t.rel)).collect();
    let _ = writeln!(out, "# mode:         {mode}, paths [{}]", paths.join(", "));
    let _ = writeln!(
        out,
        "# ignore files: {}",
        if s.respect_ignore_files {
            ".palisadeignore, .ignore, .gitignore, .git/info/exclude"
        } else {
            "not honoured (--no-ignore)"
        }
    );
    let _ = writeln!(out, "\n[scan]");
    let names: Vec<String> = s.scanners.iter().map(|b| q(b.name())).collect();
    let _ = writeln!(out, "scanners = [{}]", names.join(", "));
    let _ = writeln!(out, "fail-on = {}", q(s.fail_on.as_str()));
    let _ = writeln!(out, "max-file-size = {}", c.max_file_size);
    let _ = writeln!(out, "fail-on-shallow = {}", c.fail_on_shallow);
    let _ = writeln!(out, "exclude = [");
    for (origin, base, pattern) in s.excludes.patterns() {
        let folder = if base.is_empty() {
            "root".to_owned()
        } else {
            base
        };
        let _ = writeln!(out, "  {},  # {origin}, relative to {folder}", q(&pattern));
    }
    let _ = writeln!(out, "]");
    let _ = writeln!(out, "\n[secrets]");
    let disabled: Vec<String> = c.secrets.disable.iter().map(|d| q(d)).collect();
    let _ = writeln!(out, "disable = [{}]", disabled.join(", "));
    let _ = writeln!(
        out,
        "# allow-values: {} value(s), not shown",
        c.secrets.allow_values.len()
    );
    let _ = writeln!(out, "\n[sca]");
    let db = crate::commands::db::db_path(global).map_or_else(
        || "none (no cache directory: set --db or PALISADE_DB)".to_owned(),
        |path| {
            let state = if path.is_file() {
                "present"
            } else {
                "not imported yet"
            };
            format!("{} ({state})", escape_os(path.as_os_str()))
        },
    );
    let _ = writeln!(out, "# database: {db}");
    let list = |paths: &[std::path::PathBuf]| -> String {
        paths
            .iter()
            .map(|path| q(&escape_os(path.as_os_str())))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "# paths below: from the current directory");
    let _ = writeln!(out, "advisories = [{}]", list(&c.sca.advisories));
    let _ = writeln!(out, "vex = [{}]", list(&c.sca.vex));
    let _ = writeln!(
        out,
        "unknown-severity = {}",
        q(c.sca
            .unknown_severity
            .unwrap_or(palisade_core::Severity::High)
            .as_str())
    );
    match c.sca.max_db_age_days {
        Some(days) => {
            let _ = writeln!(out, "max-db-age-days = {days}");
        }
        None => {
            let _ = writeln!(out, "# max-db-age-days: not set (no age check)");
        }
    }
    let _ = writeln!(out, "fail-on-stale-db = {}", c.sca.fail_on_stale_db);
    let ids = |list: &[String]| list.iter().map(|id| q(id)).collect::<Vec<_>>().join(", ");
    let _ = writeln!(
        out,
        "licenses = {{ allow = [{}], deny = [{}] }}",
        ids(&c.sca.license_allow),
        ids(&c.sca.license_deny)
    );
    let _ = writeln!(out, "\n[gate]");
    let _ = writeln!(out, "default-policy = {}", c.gate_default_policy);
    let _ = writeln!(out, "fail-on-partial = {}", c.gate_fail_on_partial);
    for sup in &c.suppressions {
        let _ = writeln!(out, "\n[[suppress]]  # line {}", sup.line);
        let _ = writeln!(out, "rule = {}", q(&sup.rule));
        if let Some(path) = &sup.path {
            let _ = writeln!(out, "path = {}  # relative to the project root", q(path));
        }
        if let Some(fp) = &sup.fingerprint {
            let _ = writeln!(out, "fingerprint = {}", q(fp));
        }
        let _ = writeln!(out, "reason = {}", q(&sup.reason));
        let _ = writeln!(out, "owner = {}", q(&sup.owner));
        let _ = writeln!(out, "expires = {}", sup.expires);
    }
    out
}

/// A TOML basic string, with control characters escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c == '\t' || palisade_core::text::is_unsafe_control(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
