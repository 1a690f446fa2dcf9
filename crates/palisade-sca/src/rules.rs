//! The SCA scanner's rules, as data (`rules/rules.toml`, embedded in the binary).

use palisade_core::docs::RuleDoc;
use palisade_core::model::{Cwe, RuleMeta, Severity};
use serde::Deserialize;

const RULES: &str = include_str!("../rules/rules.toml");

#[derive(Deserialize)]
struct File {
    rule: Vec<Raw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    title: String,
    #[serde(default)]
    category: Option<String>,
    severity: Severity,
    cwe: Vec<String>,
    description: String,
    remediation: String,
    what_it_does: String,
    examples: Vec<String>,
    negative_examples: Vec<String>,
    positive: Vec<String>,
    negative: Vec<String>,
}

/// One rule: its metadata, documentation and fixture folders.
#[derive(Debug, Clone)]
pub struct RuleData {
    /// Metadata.
    pub meta: RuleMeta,
    /// How the rule matches (for the docs page).
    pub what_it_does: String,
    /// Inputs reported.
    pub examples: Vec<String>,
    /// Inputs not reported.
    pub negative_examples: Vec<String>,
    /// Fixture folders (under `rules/fixtures/`) that must produce the rule.
    pub positive: Vec<String>,
    /// Fixture folders that must not.
    pub negative: Vec<String>,
}

impl RuleData {
    /// The documentation page.
    pub fn doc(&self) -> RuleDoc {
        RuleDoc::new(
            self.meta.clone(),
            self.what_it_does.trim().to_owned(),
            self.examples.iter().map(|e| e.trim().to_owned()).collect(),
            self.negative_examples
                .iter()
                .map(|e| e.trim().to_owned())
                .collect(),
            "crates/palisade-sca/rules/rules.toml".to_owned(),
            "0.1.0".to_owned(),
        )
    }
}

/// Every built-in SCA rule. The embedded file is checked by the rules harness; a broken one
/// is a build bug.
pub fn all() -> Vec<RuleData> {
    let file: File = toml::from_str(RULES).unwrap_or_else(|e| panic!("rules/rules.toml: {e}"));
    file.rule
        .into_iter()
        .map(|r| {
            let cwe = r
                .cwe
                .iter()
                .map(|c| {
                    c.parse::<Cwe>()
                        .unwrap_or_else(|_| panic!("rule {}: bad CWE {c}", r.id))
                })
                .collect();
            let category = match r.category.as_deref() {
                Some("license") => palisade_core::model::Category::License,
                _ => crate::scanner::CATEGORY,
            };
            let meta = RuleMeta::new(
                r.id,
                r.title,
                category,
                r.severity,
                crate::scanner::CONFIDENCE,
                cwe,
                r.description.trim().to_owned(),
                r.remediation.trim().to_owned(),
            );
            RuleData {
                meta,
                what_it_does: r.what_it_does,
                examples: r.examples,
                negative_examples: r.negative_examples,
                positive: r.positive,
                negative: r.negative,
            }
        })
        .collect()
}
