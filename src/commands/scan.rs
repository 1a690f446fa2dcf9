//! `palisade scan`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use palisade_core::Report;
use palisade_core::text::escape_os;
use palisade_report::{Format, WriteOptions};

use crate::cli::{GlobalArgs, OutputSpec, ScanArgs};
use crate::{output, pipeline};

pub(crate) fn run(global: &GlobalArgs, args: &ScanArgs) -> Result<u8> {
    let progress = !global.quiet && std::io::stderr().is_terminal();
    let outputs = outputs(&args.format, args.output.as_deref())?;
    let mut settings = pipeline::settings(args, progress, global)?;
    settings.list_ignored = global.verbose > 0;
    for o in &outputs {
        if let Target::File(path) = &o.target {
            output::check_output_folder(path).with_context(|| write_error(path))?;
        }
    }
    let report = pipeline::run(&settings);
    let shown = report.rebased(
        settings.cwd_in_project.as_deref(),
        &escape_os(settings.root_shown.as_os_str()),
    );
    write_outputs(global, args, &report, &shown, &outputs)?;
    let mut sbom_failed = false;
    for (format, path) in &args.sbom {
        let q = GlobalArgs {
            quiet: true,
            ..global.clone()
        };
        let sbom = crate::cli::SbomArgs {
            target: args.target.clone(),
            format: *format,
            output: Some(path.clone()),
        };
        sbom_failed |= crate::commands::sbom::run(&q, &sbom)? != 0;
    }
    let code = report.gate.exit_code();
    let code = if sbom_failed { code.max(3) } else { code };
    // --exit-zero forgives findings only: errors (2) and scanner failures (3) stand.
    Ok(if args.exit_zero && code == 1 { 0 } else { code })
}

/// Where one output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// Standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
}

/// One report to write: a format and its target.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Output {
    format: Format,
    target: Target,
}

/// Resolve `--format FORMAT[:FILE]` (repeatable) and `--output FILE` into the outputs of
/// one run:
///
/// - no `--format`: the terminal report;
/// - `--output FILE` is the file of the one `--format` given without a FILE (so `-f sarif
///   -o x.sarif` works as it always has); it is an error when every `--format` names its
///   own file, or when several do not;
/// - at most one output goes to standard output;
/// - no two outputs write the same file.
fn outputs(specs: &[OutputSpec], output: Option<&Path>) -> Result<Vec<Output>> {
    let default = [OutputSpec {
        format: Format::Terminal,
        file: None,
    }];
    let specs = if specs.is_empty() {
        &default[..]
    } else {
        specs
    };
    let without_file = specs.iter().filter(|s| s.file.is_none()).count();
    if let Some(out) = output {
        let shown = escape_os(out.as_os_str());
        if without_file == 0 {
            bail!(
                "--output {shown} has no format to write: every --format names its own file \
                 (drop --output, or give one --format without a FILE)"
            );
        }
        if without_file > 1 {
            bail!(
                "--output {shown} is for one format, but {without_file} formats have no file \
                 (write them as --format FORMAT:FILE)"
            );
        }
    }
    let outputs: Vec<Output> = specs
        .iter()
        .map(|s| {
            let file = s.file.as_deref().or(output);
            Output {
                format: s.format,
                target: match file {
                    Some(f) if f != Path::new("-") => Target::File(f.to_path_buf()),
                    _ => Target::Stdout,
                },
            }
        })
        .collect();

    let to_stdout: Vec<&str> = outputs
        .iter()
        .filter(|o| o.target == Target::Stdout)
        .map(|o| o.format.as_str())
        .collect();
    if to_stdout.len() > 1 {
        bail!(
            "only one output can go to standard output, not {}: give the others a file \
             (--format FORMAT:FILE)",
            to_stdout.join(" and ")
        );
    }
    for (i, o) in outputs.iter().enumerate() {
        if let Target::File(path) = &o.target {
            let clash = outputs[..i]
                .iter()
                .any(|p| matches!(&p.target, Target::File(q) if same_file_name(q, path)));
            if clash {
                bail!(
                    "two outputs write to {}: give each format its own file",
                    escape_os(path.as_os_str())
                );
            }
        }
    }
    Ok(outputs)
}

/// True when two output paths as given name the same file (`x`, `./x`).
fn same_file_name(a: &Path, b: &Path) -> bool {
    let strip = |p: &Path| {
        p.strip_prefix(".")
            .map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
    };
    strip(a) == strip(b)
}

fn write_error(path: &Path) -> String {
    format!("cannot write report to {}", escape_os(path.as_os_str()))
}

/// Write every output of the run: report files first, atomically, so a closed or slow
/// standard output never keeps a file from being written; then standard output; then the
/// summary line on stderr when standard output does not carry the terminal report.
fn write_outputs(
    global: &GlobalArgs,
    args: &ScanArgs,
    report: &Report,
    shown: &Report,
    outputs: &[Output],
) -> Result<()> {
    // People read the terminal and concise formats from where they ran palisade; machines
    // read the others against the project root.
    let for_format = |format: Format| match format {
        Format::Terminal | Format::Concise => shown,
        _ => report,
    };
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let opts_for = |o: &Output| WriteOptions {
        color: o.format == Format::Terminal
            && output::use_color(
                global.color,
                o.target == Target::Stdout && stdout_is_terminal,
            ),
        show_suppressed: args.show_suppressed,
        ..WriteOptions::default()
    };

    let mut failures: Vec<anyhow::Error> = Vec::new();
    for o in outputs {
        if let Target::File(path) = &o.target {
            let mut buf = Vec::new();
            palisade_report::write(for_format(o.format), o.format, &opts_for(o), &mut buf)?;
            if let Err(e) = output::write_atomically(path, &buf) {
                failures.push(anyhow::Error::new(e).context(write_error(path)));
            }
        }
    }

    let stdout_result = outputs
        .iter()
        .find(|o| o.target == Target::Stdout)
        .map(|o| {
            output::stdout_with(|out| {
                palisade_report::write(for_format(o.format), o.format, &opts_for(o), out)
            })
        });

    let terminal_on_stdout = outputs
        .iter()
        .any(|o| o.format == Format::Terminal && o.target == Target::Stdout);
    if !terminal_on_stdout && !global.quiet {
        let opts = WriteOptions {
            color: output::use_color(global.color, std::io::stderr().is_terminal()),
            ..WriteOptions::default()
        };
        let mut summary = Vec::new();
        palisade_report::write_summary(report, &opts, &mut summary)?;
        output::stderr_bytes(&summary);
    }

    // A report file that was not written matters more than a closed stdout.
    match failures.len() {
        0 => {}
        1 => return Err(failures.remove(0)),
        n => {
            let all: Vec<String> = failures.iter().map(|e| format!("{e:#}")).collect();
            bail!("{n} report files were not written: {}", all.join("; "))
        }
    }
    if let Some(result) = stdout_result {
        result?;
    }
    Ok(())
}
