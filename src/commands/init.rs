//! `palisade init`.

use anyhow::{Context, Result, bail};
use palisade_core::config::{FILE_NAME, STARTER};

use crate::cli::{GlobalArgs, InitArgs};
use crate::output;

pub(crate) fn run(global: &GlobalArgs, args: &InitArgs) -> Result<u8> {
    let path = args.path.join(FILE_NAME);
    if path.exists() && !args.force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            path.display()
        );
    }
    std::fs::write(&path, STARTER).with_context(|| format!("cannot write {}", path.display()))?;
    if !global.quiet {
        output::note(&format!(
            "wrote {}; edit it, then run `palisade scan`",
            path.display()
        ));
    }
    Ok(0)
}
