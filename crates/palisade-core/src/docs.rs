//! Rule documentation pages, rendered the same way for `palisade explain` and `docs/rules`.

use std::fmt::Write as _;

use crate::model::RuleMeta;

/// Everything needed to document one rule.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RuleDoc {
    /// Metadata.
    pub meta: RuleMeta,
    /// Markdown for the "What it does" section (how the rule matches).
    pub what_it_does: String,
    /// Inputs that are reported.
    pub examples: Vec<String>,
    /// Inputs that are not reported.
    pub negative_examples: Vec<String>,
    /// Repository path of the rule's source file.
    pub source: String,
    /// Version that introduced the rule.
    pub since: String,
}

impl RuleDoc {
    /// Build a doc page description.
    pub fn new(
        meta: RuleMeta,
        what_it_does: String,
        examples: Vec<String>,
        negative_examples: Vec<String>,
        source: String,
        since: String,
    ) -> Self {
        Self {
            meta,
            what_it_does,
            examples,
            negative_examples,
            source,
            since,
        }
    }
}

/// The headings every rule page must have, in order.
pub const REQUIRED_HEADINGS: &[&str] = &[
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Remediation",
    "## References",
];

fn cwe_link(c: crate::model::Cwe) -> String {
    format!("[{c}](https://cwe.mitre.org/data/definitions/{}.html)", c.0)
}

/// Render one rule page as Markdown.
pub fn render(doc: &RuleDoc) -> String {
    let m = &doc.meta;
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", m.id);
    let _ = writeln!(s, "{}\n", m.title);
    s.push_str("| id | scanner | severity | confidence | CWE | since | offline |\n");
    s.push_str("|---|---|---|---|---|---|---|\n");
    let cwes: Vec<String> = m.cwe.iter().copied().map(cwe_link).collect();
    let _ = writeln!(
        s,
        "| `{}` | {} | {} | {} | {} | {} | yes |\n",
        m.id,
        m.category,
        m.severity,
        m.confidence,
        cwes.join(", "),
        doc.since
    );
    let _ = writeln!(
        s,
        "[View source](https://github.com/palisade-dev/palisade/blob/main/{})\n",
        doc.source
    );
    let _ = writeln!(s, "## What it does\n\n{}\n", doc.what_it_does.trim());
    let _ = writeln!(s, "## Why is this bad?\n\n{}\n", m.description.trim());
    s.push_str("## Example\n\nReported:\n\n```text\n");
    for e in &doc.examples {
        let _ = writeln!(s, "{e}");
    }
    s.push_str("```\n\nNot reported:\n\n```text\n");
    for e in &doc.negative_examples {
        let _ = writeln!(s, "{e}");
    }
    s.push_str("```\n\n");
    let _ = writeln!(s, "## Remediation\n\n{}\n", m.remediation.trim());
    s.push_str("## References\n\n");
    for r in &m.references {
        let _ = writeln!(s, "- <{r}>");
    }
    for c in &m.cwe {
        let _ = writeln!(s, "- {}", cwe_link(*c));
    }
    let _ = writeln!(
        s,
        "\nSuppress one occurrence with `palisade:ignore[{}] <reason>` on the line or the line above.",
        m.id
    );
    s
}

/// Render `docs/rules/index.md` for a list of rules.
pub fn render_index(rules: &[RuleMeta]) -> String {
    let mut s = String::from(
        "# Rules\n\nGenerated from rule metadata by `palisade rules --docs docs/rules`; do not edit.\n\n",
    );
    let _ = writeln!(s, "{} rules.\n", rules.len());
    s.push_str("| id | scanner | severity | confidence | title |\n|---|---|---|---|---|\n");
    for r in rules {
        let _ = writeln!(
            s,
            "| [`{}`]({}.md) | {} | {} | {} | {} |",
            r.id, r.id, r.category, r.severity, r.confidence, r.title
        );
    }
    s
}
