//! `palisade explain ID`.

use anyhow::{Result, bail};
use palisade_core::docs::render;

use crate::cli::{ExplainArgs, GlobalArgs};
use crate::commands::rules::all_docs;
use crate::output;

pub(crate) fn run(_global: &GlobalArgs, args: &ExplainArgs) -> Result<u8> {
    let docs = all_docs()?;
    let Some(doc) = docs.iter().find(|d| d.meta.id == args.id) else {
        let mut close: Vec<&str> = docs
            .iter()
            .map(|d| d.meta.id.as_str())
            .filter(|id| id.contains(args.id.as_str()) || args.id.contains(id))
            .take(5)
            .collect();
        close.sort_unstable();
        if close.is_empty() {
            bail!(
                "unknown rule `{}`; `palisade rules` lists every rule",
                args.id
            );
        }
        bail!(
            "unknown rule `{}`; did you mean: {}?",
            args.id,
            close.join(", ")
        );
    };
    let text = render(doc);
    output::stdout_with(|out| out.write_all(text.as_bytes()))?;
    Ok(0)
}
