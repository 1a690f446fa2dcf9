//! `palisade scan`.

use std::io::IsTerminal;

use anyhow::{Context, Result};
use palisade_core::text::escape_os;
use palisade_report::{Format, WriteOptions};

use crate::cli::{FormatArg, GlobalArgs, ScanArgs};
use crate::{output, pipeline};

pub(crate) fn format_of(f: FormatArg) -> Format {
    match f {
        FormatArg::Terminal => Format::Terminal,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Junit => Format::Junit,
    }
}

pub(crate) fn run(global: &GlobalArgs, args: &ScanArgs) -> Result<u8> {
    let progress = !global.quiet && std::io::stderr().is_terminal();
    let settings = pipeline::settings(args, progress)?;
    let write_error =
        |path: &std::path::Path| format!("cannot write report to {}", escape_os(path.as_os_str()));
    if let Some(path) = &args.output {
        output::check_output_folder(path).with_context(|| write_error(path))?;
    }
    let report = pipeline::run(&settings);
    let format = format_of(args.format);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let opts = WriteOptions {
        color: output::use_color(global.color, to_terminal) && format == Format::Terminal,
        show_suppressed: args.show_suppressed,
        ..WriteOptions::default()
    };
    match &args.output {
        Some(path) => {
            let mut buf = Vec::new();
            palisade_report::write(&report, format, &opts, &mut buf)?;
            output::write_atomically(path, &buf).with_context(|| write_error(path))?;
            if !global.quiet {
                let mut summary = Vec::new();
                palisade_report::write_summary(&report, &opts, &mut summary)?;
                output::stderr_bytes(&summary);
            }
        }
        None => output::stdout_with(|out| palisade_report::write(&report, format, &opts, out))?,
    }
    let code = report.gate.exit_code();
    // --exit-zero forgives findings only: errors (2) and scanner failures (3) stand.
    Ok(if args.exit_zero && code == 1 { 0 } else { code })
}
