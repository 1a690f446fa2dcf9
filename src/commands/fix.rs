//! `palisade fix`: the fixes SAST rules offer, shown as a diff and applied with `--write`.

use std::fmt::Write as _;

use anyhow::{Result, anyhow};
use palisade_core::text::{escape_bytes, escape_control};
use palisade_sast::{Fix, Lang, SastOptions, SastScanner};

use crate::cli::{FixArgs, GlobalArgs, ScanArgs};
use crate::{output, pipeline};

/// Byte offset of the start of the line holding `at`, and of the end of the line holding
/// `end - 1` (after its newline).
fn line_span(text: &str, at: usize, end: usize) -> (usize, usize) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let last = end.max(at + 1).min(text.len());
    let stop = text[last - 1..]
        .find('\n')
        .map_or(text.len(), |i| last - 1 + i + 1);
    (start, stop)
}

/// Lines of `text` that hold a secret (1-based), by the secrets engine's built-in rules.
fn secret_lines(engine: &palisade_secrets::Engine, rel: &str, text: &str) -> Vec<u32> {
    let info = palisade_secrets::FileInfo::from_path(rel);
    let mut lines: Vec<u32> = engine
        .scan_bytes(text.as_bytes(), info)
        .findings
        .iter()
        .flat_map(|f| f.location.start_line..=f.location.end_line)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// A unified diff (no context lines) of `fixes` on `text`; lines that hold a secret, before
/// or after, are not shown.
fn diff(rel: &str, text: &str, fixes: &[Fix], engine: &palisade_secrets::Engine) -> String {
    let new_text = palisade_sast::apply(text, fixes);
    let (old_secret, new_secret) = (
        secret_lines(engine, rel, text),
        secret_lines(engine, rel, &new_text),
    );
    let shown = escape_control(rel);
    let mut out = format!("--- a/{shown}\n+++ b/{shown}\n");
    // Fixes whose lines touch form one hunk.
    let mut groups: Vec<(usize, usize, Vec<&Fix>)> = Vec::new();
    for f in fixes {
        let (s, e) = line_span(text, f.range.start, f.range.end);
        match groups.last_mut() {
            Some((_, ge, g)) if s < *ge => {
                *ge = (*ge).max(e);
                g.push(f);
            }
            _ => groups.push((s, e, vec![f])),
        }
    }
    let mut delta: i64 = 0;
    for (s, e, group) in groups {
        let old = &text[s..e];
        let mut new = String::new();
        let mut at = s;
        for f in &group {
            new.push_str(&text[at..f.range.start]);
            new.push_str(&f.replacement);
            at = f.range.end;
        }
        new.push_str(&text[at..e]);
        let old_start = text[..s].matches('\n').count() as i64 + 1;
        let old_n = old.lines().count() as i64;
        let new_n = new.lines().count() as i64;
        let new_start = old_start + delta;
        let _ = writeln!(
            out,
            "@@ -{old_start},{old_n} +{new_start},{new_n} @@ {}",
            group
                .iter()
                .map(|f| f.rule.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        for (i, l) in old.lines().enumerate() {
            let n = old_start as u32 + i as u32;
            if old_secret.contains(&n) {
                let _ = writeln!(out, "-<line {n} holds a secret: not shown>");
            } else {
                let _ = writeln!(out, "-{}", escape_control(l));
            }
        }
        for (i, l) in new.lines().enumerate() {
            let n = new_start as u32 + i as u32;
            if new_secret.contains(&n) {
                let _ = writeln!(out, "+<line {n} holds a secret: not shown>");
            } else {
                let _ = writeln!(out, "+{}", escape_control(l));
            }
        }
        delta += new_n - old_n;
    }
    out
}

pub(crate) fn run(global: &GlobalArgs, args: &FixArgs) -> Result<u8> {
    let settings = pipeline::file_settings(&ScanArgs::of(args.target.clone()), global)?;
    let config = &settings.config.sast;
    let opts = SastOptions::from(config);
    let scanner =
        SastScanner::new(&opts).map_err(|e| anyhow!("cannot set up the sast scanner: {e}"))?;
    let secrets = palisade_secrets::SecretsScanner::new(&palisade_secrets::EngineOptions::new(
        Vec::new(),
        Vec::new(),
        false,
    ))
    .map_err(|e| anyhow!("cannot set up the secrets engine: {e}"))?;
    let max = settings.config.max_file_size;
    let inv = pipeline::inventory(&settings);
    let mut files: Vec<_> = inv
        .files
        .iter()
        .filter(|f| Lang::from_path(&f.rel).is_some())
        .collect();
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    let (mut fixes_total, mut files_total, mut failed) = (0usize, 0usize, false);
    let mut text_out = String::new();
    for f in files {
        let text = match palisade_core::discovery::read_text(f, max) {
            Ok(t) => t,
            Err(e) => {
                output::warning(&format!("{}: cannot read: {e}", escape_control(&f.rel)));
                failed = true;
                continue;
            }
        };
        let fixes = scanner
            .fixes(&f.rel, &text)
            .map_err(|e| anyhow!("a SAST rule does not compile: {e}"))?;
        if fixes.is_empty() {
            continue;
        }
        fixes_total += fixes.len();
        files_total += 1;
        text_out.push_str(&diff(&f.rel, &text, &fixes, secrets.engine()));
        if args.write {
            if f.stream {
                output::warning(&format!(
                    "{}: read from a stream, not written",
                    escape_control(&f.rel)
                ));
                failed = true;
                continue;
            }
            let perms = std::fs::metadata(&f.path).map(|m| m.permissions());
            let new = palisade_sast::apply(&text, &fixes);
            let written = output::write_atomically(&f.path, new.as_bytes())
                .and_then(|()| perms.map_or(Ok(()), |p| std::fs::set_permissions(&f.path, p)));
            if let Err(e) = written {
                output::warning(&format!(
                    "{}: cannot write: {e}",
                    escape_bytes(f.path.as_os_str().as_encoded_bytes())
                ));
                failed = true;
            }
        }
    }
    output::stdout_with(|w| write!(w, "{text_out}"))?;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let what = format!(
        "{} in {}",
        plural(fixes_total, "fix", "fixes"),
        plural(files_total, "file", "files")
    );
    let summary = match (fixes_total, args.write) {
        (0, _) => "no fixes to apply".to_owned(),
        (_, true) => format!("applied {what}"),
        (_, false) => format!("{what}; run with --write to apply them"),
    };
    output::note(&summary);
    Ok(if failed {
        3
    } else {
        u8::from(fixes_total > 0 && !args.write)
    })
}
