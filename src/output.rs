//! The only module that prints. Findings go to stdout through the report writers; notes and
//! errors go to stderr.

use std::fs::OpenOptions;
use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use palisade_core::Location;
use palisade_core::text::{escape_control, escape_os};
use palisade_secrets::{EngineOptions, FileInfo, SecretsScanner};

use crate::cli::ColorChoice;

/// Decide whether to colour output.
pub(crate) fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        #[allow(clippy::disallowed_methods)] // NO_COLOR is read in the CLI only
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Write to a locked, buffered stdout.
///
/// A reader that went away (`palisade scan | head -1`) is not an error: output stops
/// quietly and the command still exits with its own code, so a closed pipe never turns a
/// failing gate into success (see [`reader_gone`]).
pub(crate) fn stdout_with(
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut lock = std::io::BufWriter::new(stdout.lock());
    let result = f(&mut lock).and_then(|()| lock.flush());
    if reader_gone(&result) {
        // Dropping the writer would try to flush the rest into the closed pipe again.
        let (_, _) = lock.into_parts();
        return Ok(());
    }
    result
}

/// Did a write fail only because the reading end of a pipe was closed? That ends the output,
/// not the command: the exit code stays the command's own (the gate's, for `scan`).
fn reader_gone(result: &std::io::Result<()>) -> bool {
    matches!(result, Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Raw bytes to stderr.
pub(crate) fn stderr_bytes(b: &[u8]) {
    let _ = std::io::stderr().write_all(b);
}

/// `error: ...` on stderr, after [`redact_message`]. A closed stderr is ignored, like every
/// write to stderr here (`eprintln!` would panic and replace the exit code with 101).
pub(crate) fn error(msg: &str) {
    let msg = redact_message(msg);
    let red = std::io::stderr().is_terminal();
    let text = if red {
        format!("\x1b[1;31merror\x1b[0m: {msg}\n")
    } else {
        format!("error: {msg}\n")
    };
    stderr_bytes(text.as_bytes());
}

/// `warning: ...` on stderr, after [`redact_message`].
pub(crate) fn warning(msg: &str) {
    let msg = redact_message(msg);
    let text = if std::io::stderr().is_terminal() {
        format!("\x1b[1;33mwarning\x1b[0m: {msg}\n")
    } else {
        format!("warning: {msg}\n")
    };
    stderr_bytes(text.as_bytes());
}

/// A note on stderr.
pub(crate) fn note(msg: &str) {
    stderr_bytes(format!("{msg}\n").as_bytes());
}

/// What replaces a secret found in an error message.
const REDACTED: &str = "«redacted»";

/// `msg` made safe to print: every secret the default secrets engine finds in it is replaced
/// by `«redacted»`, and control characters are escaped line by line.
///
/// This is the last line of defence. Errors redact what they quote themselves (a config
/// error masks values), but a message can still quote a path, a key or an argument, and an
/// error must never be the place a secret leaks. The engine is built only here, on the error
/// path.
pub(crate) fn redact_message(msg: &str) -> String {
    static SCANNER: OnceLock<Result<SecretsScanner, String>> = OnceLock::new();
    let scanner = SCANNER
        .get_or_init(|| SecretsScanner::new(&EngineOptions::default()).map_err(|e| e.to_string()));
    let redacted = match scanner {
        Ok(scanner) => {
            let result = scanner
                .engine()
                .scan_bytes(msg.as_bytes(), FileInfo::from_path("error"));
            let spans = result
                .findings
                .iter()
                .map(|f| byte_span(msg, &f.location))
                .collect();
            replace_spans(msg, spans)
        }
        // Nothing can be checked without the engine: withhold the message (fail closed).
        Err(e) => format!(
            "an error occurred, but its message is withheld because the secrets engine that \
             redacts it could not be built: {e}"
        ),
    };
    redacted
        .split('\n')
        .map(escape_control)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The byte range of `text` that a finding's location (1-based lines, 1-based code point
/// columns, end exclusive) covers.
fn byte_span(text: &str, loc: &Location) -> Range<usize> {
    let offset = |line: u32, column: u32| -> usize {
        let mut start = 0;
        for _ in 1..line {
            match text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return text.len(),
            }
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        text[start..end]
            .char_indices()
            .nth(column.saturating_sub(1) as usize)
            .map_or(end, |(i, _)| start + i)
    };
    offset(loc.start_line, loc.start_column)..offset(loc.end_line, loc.end_column)
}

/// `text` with each span (merged where they overlap) replaced by [`REDACTED`].
fn replace_spans(text: &str, mut spans: Vec<Range<usize>>) -> String {
    spans.retain(|s| s.start < s.end);
    spans.sort_by_key(|s| s.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        if span.end <= at {
            continue;
        }
        out.push_str(&text[at..span.start.max(at)]);
        out.push_str(REDACTED);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The folder a file named on the command line goes into.
fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Check, before any work, that the folder of an output file exists, so a mistyped
/// `--output` fails fast.
pub(crate) fn check_output_folder(target: &Path) -> std::io::Result<()> {
    let dir = folder_of(target);
    if std::fs::metadata(dir)?.is_dir() {
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            format!("{} is not a folder", escape_os(dir.as_os_str())),
        ))
    }
}

/// Write `bytes` to `target` so that it appears complete or not at all: the content goes to
/// a temporary file in the target's folder, which then replaces the target by a rename.
/// Concurrent runs writing the same path leave one complete file, never two reports
/// interleaved, and a reader never sees half a report. The temporary file is removed if the
/// write does not complete.
///
/// Only a regular file (or a path that does not exist yet) is replaced that way. A device or
/// a pipe (`/dev/null`, `/dev/stdout`, `>(gzip)`) is written to as it is: renaming over it
/// would replace the device node or the link instead of writing to it. A symbolic link to a
/// regular file is followed, so the file it points to is replaced, not the link. A pipe
/// whose reader went away is not an error, as on stdout ([`stdout_with`]).
pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::metadata(target) {
        Ok(meta) if !meta.is_file() => {
            let result = OpenOptions::new()
                .write(true)
                .open(target)
                .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()));
            if reader_gone(&result) { Ok(()) } else { result }
        }
        Ok(_) => replace_file(&std::fs::canonicalize(target)?, bytes),
        Err(_) => replace_file(target, bytes),
    }
}

fn replace_file(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(target);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut attempt = 0u32;
    let (mut file, tmp) = loop {
        let tmp = dir.join(format!(
            ".palisade-{}-{stamp:08x}-{attempt}.tmp",
            std::process::id()
        ));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => break (file, tmp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 64 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
