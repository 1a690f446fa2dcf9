//! The only module that prints. Findings go to stdout through the report writers; notes and
//! errors go to stderr.
#![allow(clippy::print_stderr)]

use std::io::{IsTerminal, Write};

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
pub(crate) fn stdout_with(
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut lock = std::io::BufWriter::new(stdout.lock());
    f(&mut lock)?;
    lock.flush()
}

/// Raw bytes to stderr.
pub(crate) fn stderr_bytes(b: &[u8]) {
    let _ = std::io::stderr().write_all(b);
}

/// `error: ...` on stderr.
pub(crate) fn error(msg: &str) {
    let red = std::io::stderr().is_terminal();
    if red {
        eprintln!("\x1b[1;31merror\x1b[0m: {msg}");
    } else {
        eprintln!("error: {msg}");
    }
}

/// A note on stderr.
pub(crate) fn note(msg: &str) {
    eprintln!("{msg}");
}
