//! Rule files: the "as written" TOML form and its compiled, checked form.

use palisade_core::{Category, Confidence, Cwe, RuleMeta, Severity};
use serde::Deserialize;

use crate::validate::Validator;

/// Keyword that every content rule needs at least one of, at least this long.
const MIN_KEYWORD_LEN: usize = 3;
/// Compiled regex size limit per rule.
const REGEX_SIZE_LIMIT: usize = 4 * 1024 * 1024;
/// Lazy-DFA cache per rule and thread, at most (it grows only as a rule's regex needs it).
const DFA_CACHE_LIMIT: usize = 8 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<toml::Spanned<RawRule>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    title: String,
    severity: Severity,
    confidence: Confidence,
    cwe: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
    pattern: Option<String>,
    path_pattern: Option<String>,
    min_entropy: Option<f64>,
    validator: Option<String>,
    secret_must_match: Option<String>,
    #[serde(default)]
    multiline: bool,
    #[serde(default)]
    references: Vec<String>,
    description: String,
    remediation: String,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    negative_examples: Vec<String>,
}

/// How a rule matches.
#[derive(Debug, Clone)]
pub enum Matcher {
    /// A regex over file content, run near keyword hits.
    Content {
        /// The compiled pattern (bytes).
        regex: regex::bytes::Regex,
        /// Index of the `secret` capture group, if any.
        secret_group: Option<usize>,
        /// Index of the `public` capture group, if any: the credential's public identifier
        /// (an AWS access key id, a Slack workspace and channel id), shown in reports so
        /// users know what to rotate.
        public_group: Option<usize>,
    },
    /// A regex over the file's relative path (key stores such as `.p12`).
    Path(regex::Regex),
}

/// A compiled, checked secrets rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Shared metadata.
    pub meta: RuleMeta,
    /// Lowercase literal keywords (content rules).
    pub keywords: Vec<String>,
    /// Matcher.
    pub matcher: Matcher,
    /// Minimum Shannon entropy of the secret.
    pub min_entropy: Option<f64>,
    /// Structural or checksum validation.
    pub validator: Option<Validator>,
    /// A pattern the secret must contain somewhere (e.g. a digit). Kept out of the main
    /// regex: `x{0,100}[0-9]x{0,100}` makes the regex engines build huge automata.
    pub secret_must_match: Option<regex::bytes::Regex>,
    /// Match may span lines.
    pub multiline: bool,
    /// Lines that must each yield exactly one finding of this rule.
    pub examples: Vec<String>,
    /// Lines that must yield no finding of this rule.
    pub negative_examples: Vec<String>,
    /// The rule file it came from.
    pub file: String,
    /// 1-based line of the rule in that file.
    pub line: u32,
}

/// A rule file that does not compile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid rule file {file}{}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default(), rule.as_ref().map(|r| format!(" (rule `{r}`)")).unwrap_or_default())]
#[non_exhaustive]
pub struct RuleError {
    /// File name.
    pub file: String,
    /// 1-based line.
    pub line: Option<u32>,
    /// Rule id, when known.
    pub rule: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
}

fn line_of(text: &str, offset: usize) -> u32 {
    text[..offset.min(text.len())].matches('\n').count() as u32 + 1
}

/// True for a kebab-case id: lowercase ASCII letters, digits and single dashes.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parse and compile one rule file.
pub fn parse_file(file: &str, text: &str) -> Result<Vec<Rule>, RuleError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| RuleError {
        file: file.to_owned(),
        line: e.span().map(|s| line_of(text, s.start)),
        rule: None,
        message: e.message().trim_end().to_owned(),
    })?;
    let mut out = Vec::with_capacity(raw.rule.len());
    for spanned in raw.rule {
        let line = line_of(text, spanned.span().start);
        let r = spanned.into_inner();
        let err = |message: String| RuleError {
            file: file.to_owned(),
            line: Some(line),
            rule: Some(r.id.clone()),
            message,
        };
        if !is_kebab_case(&r.id) {
            return Err(err(
                "`id` must be kebab-case (lowercase letters, digits, dashes)".into(),
            ));
        }
        for banned in ["avoid-", "no-", "use-", "prefer-"] {
            if r.id.starts_with(banned) {
                return Err(err(format!(
                    "`id` must name the bad pattern, not start with `{banned}`"
                )));
            }
        }
        if r.title.trim().is_empty() || r.title.ends_with('.') {
            return Err(err(
                "`title` must be one non-empty line without a final period".into(),
            ));
        }
        if r.description.trim().is_empty() || r.remediation.trim().is_empty() {
            return Err(err(
                "`description` and `remediation` must not be empty".into()
            ));
        }
        let cwe = r
            .cwe
            .iter()
            .map(|c| c.parse::<Cwe>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        if cwe.is_empty() {
            return Err(err(
                "`cwe` needs at least one entry, e.g. [\"CWE-798\"]".into()
            ));
        }
        if r.examples.is_empty() || r.negative_examples.is_empty() {
            return Err(err(
                "every rule needs at least one `examples` and one `negative_examples` entry".into(),
            ));
        }
        let validator = r
            .validator
            .as_deref()
            .map(|v| {
                Validator::parse(v).ok_or_else(|| {
                    err(format!(
                        "unknown validator `{v}` (known: {})",
                        Validator::NAMES.join(", ")
                    ))
                })
            })
            .transpose()?;
        let secret_must_match = r
            .secret_must_match
            .as_deref()
            .map(|p| {
                regex::bytes::RegexBuilder::new(p)
                    .unicode(false)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| err(format!("`secret_must_match` does not compile: {e}")))
            })
            .transpose()?;
        let matcher = match (&r.pattern, &r.path_pattern) {
            (Some(p), None) => {
                if r.keywords.is_empty() {
                    return Err(err("content rules need at least one keyword".into()));
                }
                for k in &r.keywords {
                    if k.len() < MIN_KEYWORD_LEN || k.bytes().any(|b| b.is_ascii_uppercase()) {
                        return Err(err(format!(
                            "keyword `{k}` must be lowercase and at least {MIN_KEYWORD_LEN} bytes"
                        )));
                    }
                }
                // ASCII semantics: secrets are ASCII, and Unicode classes such as `\s` or
                // `[^"]{0,100}` would make automata many times larger and slower to build.
                let regex = regex::bytes::RegexBuilder::new(p)
                    .unicode(false)
                    .size_limit(REGEX_SIZE_LIMIT)
                    // A heuristic rule on a keyword-dense file sees a new value on every
                    // line; with the default 2 MiB lazy-DFA cache it rebuilds states all the
                    // time (50 MB of `password="…"` lines: 45 s at 2 MiB, 15 s at 8 MiB).
                    .dfa_size_limit(DFA_CACHE_LIMIT)
                    .build()
                    .map_err(|e| err(format!("`pattern` does not compile: {e}")))?;
                let secret_group = regex.capture_names().position(|n| n == Some("secret"));
                let public_group = regex.capture_names().position(|n| n == Some("public"));
                Matcher::Content {
                    regex,
                    secret_group,
                    public_group,
                }
            }
            (None, Some(p)) => Matcher::Path(
                regex::Regex::new(p)
                    .map_err(|e| err(format!("`path_pattern` does not compile: {e}")))?,
            ),
            _ => {
                return Err(err(
                    "give exactly one of `pattern` and `path_pattern`".into()
                ));
            }
        };
        let mut meta = RuleMeta::new(
            r.id.clone(),
            r.title.trim(),
            Category::Secrets,
            r.severity,
            r.confidence,
            cwe,
            r.description.trim(),
            r.remediation.trim(),
        );
        meta.tags = r.tags;
        meta.references = r.references;
        out.push(Rule {
            meta,
            keywords: r.keywords,
            matcher,
            min_entropy: r.min_entropy,
            validator,
            secret_must_match,
            multiline: r.multiline,
            examples: r.examples,
            negative_examples: r.negative_examples,
            file: file.to_owned(),
            line,
        });
    }
    Ok(out)
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/rule_files.rs"));
}

/// The rule files embedded in the binary: (file name, text).
pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
    embedded::RULE_FILES
}

/// Parse every embedded rule file and check ids are unique across files.
pub fn builtin_rules() -> Result<Vec<Rule>, RuleError> {
    let mut all = Vec::new();
    for (name, text) in embedded_files() {
        all.extend(parse_file(name, text)?);
    }
    let mut seen = std::collections::BTreeMap::new();
    for r in &all {
        if let Some((file, line)) = seen.insert(r.meta.id.clone(), (r.file.clone(), r.line)) {
            return Err(RuleError {
                file: r.file.clone(),
                line: Some(r.line),
                rule: Some(r.meta.id.clone()),
                message: format!("duplicate rule id, first defined at {file}:{line}"),
            });
        }
    }
    all.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    Ok(all)
}

impl Rule {
    /// The documentation page of this rule.
    pub fn doc(&self) -> palisade_core::docs::RuleDoc {
        use std::fmt::Write as _;
        let mut what = String::new();
        match &self.matcher {
            Matcher::Content { regex, .. } => {
                let kws: Vec<String> = self.keywords.iter().map(|k| format!("`{k}`")).collect();
                let _ = write!(
                    what,
                    "Finds {} values in file contents, staged changes and git history. The \
                     pattern runs only on lines that contain one of the keywords {} (compared \
                     case-insensitively):\n\n```regex\n{}\n```\n",
                    self.meta.title,
                    kws.join(", "),
                    regex.as_str()
                );
                if self.multiline {
                    what.push_str("\nThe match may span several lines.\n");
                }
                if let Some(e) = self.min_entropy {
                    let _ = write!(
                        what,
                        "\nCandidates with a Shannon entropy below {e} bits per byte are ignored.\n"
                    );
                }
                if let Some(re) = &self.secret_must_match {
                    let _ = write!(
                        what,
                        "\nThe secret must contain a match of `{}`.\n",
                        re.as_str()
                    );
                }
                if let Some(v) = self.validator {
                    let _ = write!(
                        what,
                        "\nCandidates must pass the `{}` check: {}.\n",
                        v.name(),
                        v.explain()
                    );
                }
                if self.meta.confidence == palisade_core::Confidence::Low {
                    what.push_str(
                        "\nThis is a heuristic (low-confidence) rule: it does not run on test, \
                         fixture, example or documentation paths, nor on lockfiles.\n",
                    );
                }
                what.push_str(
                    "\nValues that look like placeholders (`EXAMPLE`, `xxxx`, `${VAR}`, \
                     `<your-key>`, `changeme`, ...) are never reported.",
                );
            }
            Matcher::Path(re) => {
                let _ = write!(
                    what,
                    "Reports files whose path matches:\n\n```regex\n{}\n```\n\nSuch files hold \
                     private keys or certificates with keys, usually binary.",
                    re.as_str()
                );
            }
        }
        palisade_core::docs::RuleDoc::new(
            self.meta.clone(),
            what,
            self.examples.clone(),
            self.negative_examples.clone(),
            format!("crates/palisade-secrets/rules/{}", self.file),
            env!("CARGO_PKG_VERSION").to_owned(),
        )
    }
}
