//! `palisade baseline create`.

use anyhow::{Context, Result};
use palisade_core::suppress::Baseline;
use palisade_core::text::escape_os;

use crate::cli::{BaselineArgs, BaselineCommand, GlobalArgs, ScanArgs};
use crate::{output, pipeline};

pub(crate) fn run(global: &GlobalArgs, args: &BaselineArgs) -> Result<u8> {
    match &args.command {
        BaselineCommand::Create(create) => {
            let scan = ScanArgs {
                path: create.scan.path.clone(),
                scanners: create.scan.scanners.clone(),
                format: Vec::new(),
                output: None,
                fail_on: None,
                baseline: None,
                config: create.scan.config.clone(),
                git_history: create.scan.git_history,
                staged: false,
                show_secrets: false,
                show_suppressed: false,
                exclude: Vec::new(),
                no_ignore: false,
                no_progress: global.quiet,
                exit_zero: false,
                fail_on_shallow: false,
            };
            let settings = pipeline::settings(&scan, !global.quiet)?;
            let shown = escape_os(create.output.as_os_str());
            output::check_output_folder(&create.output)
                .with_context(|| format!("cannot write baseline {shown}"))?;
            let report = pipeline::run(&settings);
            if report.gate.exit_code() == 3 {
                for r in &report.gate.reasons {
                    output::error(r);
                }
                anyhow::bail!("not writing a baseline from an incomplete scan");
            }
            let baseline = Baseline::from_findings(&report.findings);
            output::write_atomically(&create.output, baseline.to_json().as_bytes())
                .with_context(|| format!("cannot write baseline {shown}"))?;
            if !global.quiet {
                output::note(&format!(
                    "wrote {} finding fingerprint{} to {}; scan with `--baseline {}` to see only new findings",
                    baseline.findings.len(),
                    if baseline.findings.len() == 1 {
                        ""
                    } else {
                        "s"
                    },
                    shown,
                    shown
                ));
            }
            Ok(0)
        }
    }
}
