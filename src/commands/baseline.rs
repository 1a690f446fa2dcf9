//! `palisade baseline create`.

use anyhow::{Context, Result};
use palisade_core::suppress::Baseline;
use palisade_core::text::escape_os;

use crate::cli::{BaselineArgs, BaselineCommand, GlobalArgs, ScanArgs};
use crate::{output, pipeline};

pub(crate) fn run(global: &GlobalArgs, args: &BaselineArgs) -> Result<u8> {
    match &args.command {
        BaselineCommand::Create(create) => {
            let mut scan = ScanArgs::of(create.target.clone());
            scan.no_progress = global.quiet;
            let shown = escape_os(create.output.as_os_str());
            if !create.force && std::fs::symlink_metadata(&create.output).is_ok() {
                anyhow::bail!(
                    "baseline {shown} exists: pass --force to replace it, or -o FILE to write \
                     another one"
                );
            }
            let settings = pipeline::settings(&scan, !global.quiet, global)?;
            output::check_output_folder(&create.output)
                .with_context(|| format!("cannot write baseline {shown}"))?;
            let report = pipeline::run(&settings);
            if report.gate.exit_code() == 3 {
                for r in &report.gate.reasons {
                    output::error(r);
                }
                anyhow::bail!("not writing a baseline from an incomplete scan");
            }
            // Findings already suppressed (inline or in palisade.toml) stay governed by
            // their suppression, with its reason and expiry; the baseline does not repeat them.
            let open: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.suppression.is_none())
                .cloned()
                .collect();
            let baseline = Baseline::from_findings(&open);
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
