//! `palisade rules`.

use std::fmt::Write as _;

use anyhow::{Context, Result};
use palisade_core::docs::{render, render_index};

use crate::cli::{GlobalArgs, RulesArgs, RulesFormat};
use crate::output;

/// Every scanner's rule documentation, sorted by id. Only the rule files are parsed; no
/// matching engine is built.
pub(crate) fn all_docs() -> Result<Vec<palisade_core::docs::RuleDoc>> {
    let rules = palisade_secrets::builtin_rules().context("loading secrets rules")?;
    let mut docs: Vec<_> = rules.iter().map(palisade_secrets::Rule::doc).collect();
    docs.extend(
        palisade_sca::rules::all()
            .iter()
            .map(palisade_sca::rules::RuleData::doc),
    );
    docs.extend(
        palisade_sast::builtin()
            .context("loading SAST rules")?
            .iter()
            .map(palisade_sast::Rule::doc),
    );
    docs.extend(palisade_iac::registry::docs());
    docs.extend(palisade_iac::scanner::policy_rule_docs());
    docs.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    Ok(docs)
}

pub(crate) fn run(_global: &GlobalArgs, args: &RulesArgs) -> Result<u8> {
    let docs = all_docs()?;
    if let Some(dir) = &args.docs {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        for d in &docs {
            let path = dir.join(format!("{}.md", d.meta.id));
            std::fs::write(&path, render(d))
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        let metas: Vec<_> = docs.iter().map(|d| d.meta.clone()).collect();
        std::fs::write(dir.join("index.md"), render_index(&metas))
            .with_context(|| format!("cannot write {}", dir.join("index.md").display()))?;
        output::note(&format!(
            "wrote {} rule pages and index.md to {}",
            docs.len(),
            dir.display()
        ));
        return Ok(0);
    }
    let mut s = String::new();
    match args.format {
        RulesFormat::Json => {
            let metas: Vec<_> = docs.iter().map(|d| &d.meta).collect();
            s = serde_json::to_string_pretty(&metas)?;
            s.push('\n');
        }
        RulesFormat::Table => {
            let w = docs.iter().map(|d| d.meta.id.len()).max().unwrap_or(2);
            let _ = writeln!(
                s,
                "{:w$}  {:8}  {:8}  {:10}  TITLE",
                "ID", "SCANNER", "SEVERITY", "CONFIDENCE"
            );
            for d in &docs {
                let m = &d.meta;
                let _ = writeln!(
                    s,
                    "{:w$}  {:8}  {:8}  {:10}  {}",
                    m.id,
                    m.category.as_str(),
                    m.severity.as_str(),
                    m.confidence.as_str(),
                    m.title
                );
            }
            let _ = writeln!(
                s,
                "\n{} rules. `palisade explain ID` prints one rule's documentation.",
                docs.len()
            );
        }
    }
    output::stdout_with(|out| out.write_all(s.as_bytes()))?;
    Ok(0)
}
