//! `palisade sbom`.

use anyhow::{Context, Result};
use palisade_sca::sbom::{SbomFormat, SbomMeta, build};
use palisade_sca::scanner::{lockfiles_of, read_lockfiles};

use crate::cli::{GlobalArgs, SbomArgs, SbomFormatArg, ScanArgs};
use crate::{output, pipeline};

pub(crate) fn run(global: &GlobalArgs, args: &SbomArgs) -> Result<u8> {
    let mut scan = ScanArgs::of(args.target.clone());
    scan.target.scanners = Some(vec!["sca".to_owned()]);
    let settings = pipeline::settings(&scan, false, global)?;
    let inv = pipeline::inventory(&settings);
    let lockfiles = lockfiles_of(&inv);
    let (parsed, diagnostics, _) = read_lockfiles(
        &lockfiles,
        &settings.project.root,
        settings.config.max_file_size,
    );
    for d in &diagnostics {
        output::warning(&d.to_string());
    }
    let cfg = &settings.config.sbom;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let mut meta = SbomMeta::default();
    meta.name = cfg.name.clone().unwrap_or_else(|| {
        settings.project.root.file_name().map_or_else(
            || "project".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    });
    meta.version.clone_from(&cfg.version);
    meta.supplier.clone_from(&cfg.supplier);
    meta.support_level.clone_from(&cfg.support_level);
    meta.end_of_support.clone_from(&cfg.end_of_support);
    meta.support = cfg
        .component
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                c.support_level.clone(),
                c.end_of_support.clone(),
            )
        })
        .collect();
    meta.timestamp = palisade_core::time::rfc3339_utc(secs);
    env!("CARGO_PKG_VERSION").clone_into(&mut meta.tool_version);
    let format = match args.format {
        SbomFormatArg::CyclonedxJson => SbomFormat::CycloneDxJson,
        SbomFormatArg::SpdxJson => SbomFormat::SpdxJson,
    };
    let doc = build(format, &parsed, &meta);
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    match &args.output {
        Some(path) => output::write_atomically(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => output::stdout_with(|w| w.write_all(text.as_bytes()))?,
    }
    if !global.quiet {
        let n: usize = parsed.iter().map(|(_, lf)| lf.packages.len()).sum();
        output::note(&format!(
            "SBOM of {} lockfiles ({n} package entries)",
            parsed.len()
        ));
    }
    Ok(if diagnostics.is_empty() { 0 } else { 3 })
}
