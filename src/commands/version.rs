//! `palisade version cmp`.

use std::cmp::Ordering;
use std::io::{BufRead, Read};

use anyhow::{Result, anyhow};
use palisade_core::text::escape_control;
use palisade_sca::Ecosystem;

use crate::cli::{GlobalArgs, VersionArgs, VersionCommand};
use crate::output;

/// Lines longer than this in `--stdin` input are answered `?` without being parsed.
const MAX_LINE: usize = 4096;

pub(crate) fn run(_global: &GlobalArgs, args: &VersionArgs) -> Result<u8> {
    let VersionCommand::Cmp(cmp) = &args.command;
    if cmp.stdin {
        return run_stdin();
    }
    let (Some(eco), Some(a), Some(b)) = (&cmp.ecosystem, &cmp.a, &cmp.b) else {
        return Err(anyhow!("ECOSYSTEM, A and B are required (or --stdin)"));
    };
    let answer = compare(eco, a, b).map_err(|e| anyhow!(e))?;
    output::stdout_with(|w| writeln!(w, "{answer}"))?;
    Ok(0)
}

fn symbol(o: Ordering) -> &'static str {
    match o {
        Ordering::Less => "<",
        Ordering::Equal => "=",
        Ordering::Greater => ">",
    }
}

fn compare(eco: &str, a: &str, b: &str) -> Result<&'static str, String> {
    let e = Ecosystem::from_osv(eco).ok_or_else(|| {
        format!(
            "unknown ecosystem `{}`; expected an OSV name: npm, crates.io, Hex, Pub, Go, PyPI, \
             Maven, RubyGems, NuGet, Packagist, Debian, Ubuntu, Alpine, AlmaLinux, \
             Rocky Linux, Red Hat, openSUSE, SUSE",
            escape_control(eco)
        )
    })?;
    let o = e
        .compare(a, b)
        .map_err(|err| escape_control(&err.to_string()))?;
    Ok(symbol(o))
}

/// One answer per input line: `<`, `=`, `>`, an empty line for an empty line, or `?`.
fn run_stdin() -> Result<u8> {
    let stdin = std::io::stdin();
    let mut reader = stdin.lock();
    let mut failed = false;
    let mut answers = String::new();
    let mut line = Vec::new();
    let mut n = 0u64;
    loop {
        line.clear();
        let read = (&mut reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        n += 1;
        let too_long = line.len() > MAX_LINE && !line.ends_with(b"\n");
        if too_long {
            // Skip the rest of the overlong line.
            let mut rest = Vec::new();
            reader.read_until(b'\n', &mut rest)?;
        }
        let answer = if too_long {
            Err(format!("longer than {MAX_LINE} bytes"))
        } else {
            answer_line(&String::from_utf8_lossy(&line))
        };
        match answer {
            Ok(a) => answers.push_str(a),
            Err(e) => {
                failed = true;
                answers.push('?');
                output::error(&format!("stdin:{n}: {e}"));
            }
        }
        answers.push('\n');
        // Answer as we go, so a long stream is not held back.
        if answers.len() > 64 * 1024 {
            output::stdout_with(|w| w.write_all(answers.as_bytes()))?;
            answers.clear();
        }
    }
    output::stdout_with(|w| w.write_all(answers.as_bytes()))?;
    Ok(if failed { 2 } else { 0 })
}

fn answer_line(line: &str) -> Result<&'static str, String> {
    let line = line.trim();
    if line.is_empty() {
        return Ok("");
    }
    // The last two words are the versions; the rest is the ecosystem ("Rocky Linux:9").
    let words: Vec<&str> = line.split_whitespace().collect();
    let [eco @ .., a, b] = words.as_slice() else {
        return Err("expected `ECOSYSTEM A B`".to_owned());
    };
    if eco.is_empty() {
        return Err("expected `ECOSYSTEM A B`".to_owned());
    }
    compare(&eco.join(" "), a, b)
}
