//! `palisade.toml`: discovery, parsing and validation with file:line errors.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Severity;
use crate::time::Date;

/// The config file name looked up at the scanned root.
pub const FILE_NAME: &str = "palisade.toml";

/// Default cap on file size: larger files are skipped with a diagnostic.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// A parsed, validated configuration.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Config {
    /// Where it was loaded from (`None` for defaults).
    pub source: Option<PathBuf>,
    /// Scanners to run when `--scanners` is not given (`None`: all).
    pub scanners: Option<Vec<String>>,
    /// Glob patterns (relative to the root) of paths never scanned.
    pub exclude: Vec<String>,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
    /// Gate threshold when `--fail-on` is not given.
    pub fail_on: Option<Severity>,
    /// Secrets scanner settings.
    pub secrets: SecretsConfig,
    /// Config-file suppressions.
    pub suppressions: Vec<ConfigSuppression>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            source: None,
            scanners: None,
            exclude: Vec::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            fail_on: None,
            secrets: SecretsConfig::default(),
            suppressions: Vec::new(),
        }
    }
}

/// `[secrets]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SecretsConfig {
    /// Rule ids not to run.
    pub disable: Vec<String>,
    /// Extra literal values that are never reported (known test values).
    pub allow_values: Vec<String>,
}

/// A `[[suppress]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConfigSuppression {
    /// Rule id or glob (`generic-*`).
    pub rule: String,
    /// Optional path glob.
    pub path: Option<String>,
    /// Optional exact fingerprint.
    pub fingerprint: Option<String>,
    /// Why (required).
    pub reason: String,
    /// Who decided (required).
    pub owner: String,
    /// Expiry (required).
    pub expires: Date,
    /// 1-based line of the entry in the config file.
    pub line: u32,
}

/// A config error with the place it was found and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct ConfigError {
    /// Config file path.
    pub path: PathBuf,
    /// 1-based line, if known.
    pub line: Option<u32>,
    /// 1-based column, if known.
    pub column: Option<u32>,
    /// What is wrong.
    pub message: String,
    /// The offending source line, if known.
    pub source_line: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid config {}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)?;
        if let (Some(l), Some(src)) = (self.line, &self.source_line) {
            let w = l.to_string().len();
            write!(f, "\n{:w$} |\n{l} | {src}", "")?;
            if let Some(c) = self.column {
                write!(f, "\n{:w$} | {:>c$}", "", "^", c = c as usize)?;
            }
        }
        write!(
            f,
            "\nhelp: see https://github.com/palisade-dev/palisade/blob/main/docs/configuration.md"
        )
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    scan: RawScan,
    #[serde(default)]
    secrets: RawSecrets,
    #[serde(default)]
    suppress: Vec<toml::Spanned<RawSuppression>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawScan {
    scanners: Option<Vec<String>>,
    #[serde(default)]
    exclude: Vec<String>,
    max_file_size: Option<toml::Spanned<RawSize>>,
    fail_on: Option<toml::Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawSize {
    Bytes(u64),
    Text(String),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSecrets {
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    allow_values: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSuppression {
    rule: String,
    path: Option<String>,
    fingerprint: Option<String>,
    reason: Option<String>,
    owner: Option<String>,
    expires: Option<String>,
}

/// Parse a size: a number of bytes, or a string such as `"25MB"`, `"512 KiB"`.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: u64 = num.parse().ok()?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1024,
        "m" | "mb" | "mib" => 1024 * 1024,
        "g" | "gb" | "gib" => 1024 * 1024 * 1024,
        _ => return None,
    };
    n.checked_mul(mult)
}

impl Config {
    /// Find `palisade.toml` at `root` and load it, or return defaults when absent.
    pub fn discover(root: &Path) -> Result<Self, ConfigError> {
        let candidate = if root.is_dir() {
            root.join(FILE_NAME)
        } else {
            PathBuf::new()
        };
        if candidate.is_file() {
            Self::load(&candidate)
        } else {
            Ok(Self::default())
        }
    }

    /// Load and validate a config file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            line: None,
            column: None,
            message: format!("cannot read file: {e}"),
            source_line: None,
        })?;
        Self::parse(&text, path)
    }

    /// Parse config text; `path` is used in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let err_at = |offset: Option<usize>, message: String| {
            let (line, column, source_line) = match offset {
                Some(o) => {
                    let o = o.min(text.len());
                    let before = &text[..o];
                    let line = before.matches('\n').count() + 1;
                    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                    let src = text[line_start..].lines().next().unwrap_or("").to_owned();
                    let col = before[line_start..].chars().count() + 1;
                    (Some(line as u32), Some(col as u32), Some(src))
                }
                None => (None, None, None),
            };
            ConfigError {
                path: path.to_owned(),
                line,
                column,
                message,
                source_line,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            err_at(
                e.span().map(|s| s.start),
                e.message().trim_end_matches('\n').to_owned(),
            )
        })?;

        let mut cfg = Self {
            source: Some(path.to_owned()),
            ..Self::default()
        };
        if let Some(list) = raw.scan.scanners {
            cfg.scanners = Some(list);
        }
        for g in &raw.scan.exclude {
            if let Err(e) = globset::Glob::new(g) {
                return Err(err_at(
                    None,
                    format!("invalid glob `{g}` in scan.exclude: {e}"),
                ));
            }
        }
        cfg.exclude = raw.scan.exclude;
        if let Some(size) = raw.scan.max_file_size {
            let span = size.span();
            cfg.max_file_size = match size.into_inner() {
                RawSize::Bytes(b) => b,
                RawSize::Text(t) => parse_size(&t).ok_or_else(|| {
                    err_at(
                        Some(span.start),
                        format!("invalid size `{t}`: write a number of bytes or e.g. \"25MB\""),
                    )
                })?,
            };
        }
        if let Some(f) = raw.scan.fail_on {
            let span = f.span();
            cfg.fail_on = Some(
                f.into_inner()
                    .parse()
                    .map_err(|e| err_at(Some(span.start), e))?,
            );
        }
        cfg.secrets = SecretsConfig {
            disable: raw.secrets.disable,
            allow_values: raw.secrets.allow_values,
        };

        for entry in raw.suppress {
            let span = entry.span();
            let line = text[..span.start.min(text.len())].matches('\n').count() as u32 + 1;
            let r = entry.into_inner();
            let missing = |field: &str| {
                err_at(
                    Some(span.start),
                    format!(
                        "suppression for `{}` has no `{field}`: every config suppression needs \
                         `reason`, `owner` and `expires = \"YYYY-MM-DD\"`",
                        r.rule
                    ),
                )
            };
            let reason = r
                .reason
                .clone()
                .filter(|s| !s.trim().is_empty())
                .ok_or_else(|| missing("reason"))?;
            let owner = r
                .owner
                .clone()
                .filter(|s| !s.trim().is_empty())
                .ok_or_else(|| missing("owner"))?;
            let expires_text = r.expires.clone().ok_or_else(|| missing("expires"))?;
            let expires = Date::parse(&expires_text).ok_or_else(|| {
                err_at(
                    Some(span.start),
                    format!("invalid expiry date `{expires_text}`: write it as YYYY-MM-DD"),
                )
            })?;
            for g in [Some(&r.rule), r.path.as_ref()].into_iter().flatten() {
                if let Err(e) = globset::Glob::new(g) {
                    return Err(err_at(Some(span.start), format!("invalid glob `{g}`: {e}")));
                }
            }
            cfg.suppressions.push(ConfigSuppression {
                rule: r.rule,
                path: r.path,
                fingerprint: r.fingerprint,
                reason,
                owner,
                expires,
                line,
            });
        }
        Ok(cfg)
    }
}

/// The commented starting config written by `palisade init`.
pub const STARTER: &str = r#"# palisade configuration. Docs: https://github.com/palisade-dev/palisade/blob/main/docs/configuration.md
# Looked up at the root of the scanned directory; override with `palisade scan --config FILE`.

[scan]
# Scanners to run when --scanners is not given (default: all available).
# scanners = ["secrets"]

# Paths never scanned, as globs relative to the scanned root (in addition to .gitignore).
exclude = [
  # "tests/fixtures/**",
]

# Files larger than this are skipped with a `file-too-large` diagnostic.
max-file-size = "64MB"

# Exit with code 1 when an unsuppressed finding has at least this severity.
# One of: critical, high, medium, low, info.
fail-on = "high"

[secrets]
# Rule ids not to run (see `palisade rules`).
disable = []
# Literal values that are known not to be secrets (e.g. public test keys).
allow-values = []

# Suppress findings that are accepted risks. Every entry needs a reason, an owner and an
# expiry date; expired entries stop suppressing and are reported.
# [[suppress]]
# rule = "generic-password"        # rule id or glob
# path = "config/dev/*.yaml"       # optional path glob
# fingerprint = "..."              # optional: one exact finding
# reason = "dev-only credential for the local database container"
# owner = "platform-team@example.com"
# expires = "2027-06-30"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_parses() {
        let cfg = Config::parse(STARTER, Path::new("palisade.toml")).expect("starter config");
        assert_eq!(cfg.fail_on, Some(Severity::High));
        assert_eq!(cfg.max_file_size, 64 * 1024 * 1024);
    }

    #[test]
    fn unknown_key_names_line() {
        let err = Config::parse("[scan]\nexclud = []\n", Path::new("p.toml")).expect_err("bad");
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("unknown field"), "{}", err.message);
        assert!(err.to_string().contains("p.toml:2"));
    }

    #[test]
    fn suppression_requires_reason_owner_expiry() {
        let text = "[[suppress]]\nrule = \"x\"\nreason = \"r\"\n";
        let err = Config::parse(text, Path::new("p.toml")).expect_err("bad");
        assert!(err.message.contains("owner"), "{}", err.message);
        let ok =
            "[[suppress]]\nrule = \"x\"\nreason = \"r\"\nowner = \"o\"\nexpires = \"2030-01-01\"\n";
        let cfg = Config::parse(ok, Path::new("p.toml")).expect("ok");
        assert_eq!(cfg.suppressions[0].line, 1);
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("25MB"), Some(25 * 1024 * 1024));
        assert_eq!(parse_size("512 KiB"), Some(512 * 1024));
        assert_eq!(parse_size("12"), Some(12));
        assert_eq!(parse_size("x"), None);
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,200}") {
            let _ = Config::parse(&s, Path::new("p.toml"));
        }

        #[test]
        fn parse_never_panics_on_tomlish(s in "(\\[scan\\]|\\[\\[suppress\\]\\]|[a-z-]{1,12} = (\"[^\"]{0,10}\"|[0-9]{1,5}|\\[\\])|\n){0,12}") {
            let _ = Config::parse(&s, Path::new("p.toml"));
        }
    }
}
