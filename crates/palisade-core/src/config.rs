//! `palisade.toml`: discovery, parsing and validation with file:line errors.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Severity;
use crate::text::{escape_control, escape_os, truncate_chars};
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
    /// Patterns (`.gitignore` syntax, relative to the config file's folder) of paths never
    /// scanned.
    pub exclude: Vec<String>,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
    /// Gate threshold when `--fail-on` is not given.
    pub fail_on: Option<Severity>,
    /// A shallow clone makes a `--git-history` scan fail (closed) instead of warning.
    pub fail_on_shallow: bool,
    /// Secrets scanner settings.
    pub secrets: SecretsConfig,
    /// SCA scanner settings.
    pub sca: ScaConfig,
    /// SAST scanner settings.
    pub sast: SastConfig,
    /// SBOM settings.
    pub sbom: SbomConfig,
    /// Config-file suppressions.
    pub suppressions: Vec<ConfigSuppression>,
    /// `[gate] default-policy`: load the built-in gate policy (default true); false leaves
    /// the decision to the user's `package palisade.gate` rules.
    pub gate_default_policy: bool,
    /// `[gate] fail-on-partial`: a source file SAST did not fully analyse (`sast-partial`)
    /// fails the gate (default true): code past a size or time limit is not passed unseen.
    pub gate_fail_on_partial: bool,
    /// `[trace]`: the traceability information model.
    pub trace: TraceConfig,
}

/// `[trace]` settings: the traceability information model.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct TraceConfig {
    /// `[trace.needs]`: artifact type -> the types that must cover its items, for items that
    /// do not say (`Needs:`); replaces the default model when given.
    pub needs: Option<std::collections::BTreeMap<String, Vec<String>>>,
    /// Statuses an item must have for a coverage tag in code to point at it (default
    /// `["approved"]`).
    pub approved: Option<Vec<String>>,
    /// A change to a downstream item also makes the link suspect on the upstream item.
    pub suspect_upstream: Option<bool>,
    /// The gate fails on trace defects (`palisade gate --trace`; default true).
    pub gate: Option<bool>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            source: None,
            scanners: None,
            exclude: Vec::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            fail_on: None,
            fail_on_shallow: false,
            secrets: SecretsConfig::default(),
            sast: SastConfig::default(),
            sca: ScaConfig::default(),
            sbom: SbomConfig::default(),
            suppressions: Vec::new(),
            gate_default_policy: true,
            gate_fail_on_partial: true,
            trace: TraceConfig::default(),
        }
    }
}

/// `[sca]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScaConfig {
    /// Folders or files of local OSV advisories, relative to the config file's folder.
    pub advisories: Vec<PathBuf>,
    /// Severity of advisories that carry none (default: high).
    pub unknown_severity: Option<Severity>,
    /// Warn when the vulnerability database was imported longer ago than this.
    pub max_db_age_days: Option<u64>,
    /// A database older than `max_db_age_days` fails the scan instead of warning.
    pub fail_on_stale_db: bool,
    /// VEX documents (OpenVEX or CycloneDX), relative to the config file's folder.
    pub vex: Vec<PathBuf>,
    /// `[sca.licenses] allow`: SPDX licence ids acceptable (empty: any not denied).
    pub license_allow: Vec<String>,
    /// `[sca.licenses] deny`: SPDX licence ids never acceptable.
    pub license_deny: Vec<String>,
}

/// `[sbom]` settings: what an SBOM says about the product, its supplier and the support of
/// its components (the fields an FDA premarket submission asks for).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct SbomConfig {
    /// Product name (default: the project root's folder name).
    pub name: Option<String>,
    /// Product version.
    pub version: Option<String>,
    /// The organisation that supplies the product.
    pub supplier: Option<String>,
    /// Support level of the components, by default (`active`, `limited`, `none`, ...).
    pub support_level: Option<String>,
    /// End of support of the components, by default (`YYYY-MM-DD`).
    #[serde(default, deserialize_with = "date_or_string")]
    pub end_of_support: Option<String>,
    /// Per-package overrides.
    #[serde(default)]
    pub component: Vec<SbomComponent>,
}

/// `[[sbom.component]]`: support facts of one package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct SbomComponent {
    /// Package name as the lockfile spells it.
    pub name: String,
    /// Support level.
    pub support_level: Option<String>,
    /// End of support (`YYYY-MM-DD`).
    #[serde(default, deserialize_with = "date_or_string")]
    pub end_of_support: Option<String>,
}

/// A TOML date (`2030-12-31`) or a string (`"2030-12-31"`), as text.
fn date_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<toml::Value>::deserialize(d)? {
        None => None,
        Some(toml::Value::String(s)) => Some(s),
        Some(toml::Value::Datetime(dt)) => Some(dt.to_string()),
        Some(other) => {
            return Err(serde::de::Error::custom(format!(
                "expected a date, got a {}",
                other.type_str()
            )));
        }
    })
}

/// `[sast]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SastConfig {
    /// Built-in rule ids not to run.
    pub disable: Vec<String>,
    /// Folders of custom rule files, resolved against the config file's folder.
    pub rules: Vec<PathBuf>,
    /// Time budget per file in milliseconds (`time-budget` is given in seconds; default 10 s).
    pub time_budget_ms: Option<u64>,
    /// Largest file the SAST scanner parses (`max-file-size`; default 2 MB). Larger files
    /// are reported as not analysed.
    pub max_file_size: Option<u64>,
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
    /// 1-based line of its `rule` key.
    pub rule_line: u32,
}

/// Largest config file palisade reads (4 MiB); a larger one is a config error.
pub const MAX_CONFIG_SIZE: u64 = 4 * 1024 * 1024;

/// Longest excerpt of a config line shown in an error, in characters.
const EXCERPT_MAX: usize = 200;
/// Longest piece of file content (a key, a glob, a rule id) quoted in an error message.
const QUOTE_MAX: usize = 64;
/// What stands for a value in an error excerpt: values are never shown.
const MASK: &str = "***";

/// A config error with the place it was found and how to fix it.
///
/// Nothing in it shows a value from the file: the excerpt keeps keys and TOML punctuation
/// and masks every value, and pieces of the file quoted in `message` are short and have their
/// control characters escaped. A `--config` pointed at a `.env` file cannot print a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct ConfigError {
    /// Config file path.
    pub path: PathBuf,
    /// 1-based line, if known.
    pub line: Option<u32>,
    /// 1-based column (in characters), if known.
    pub column: Option<u32>,
    /// What is wrong.
    pub message: String,
    /// The offending line with its values masked, at most about 200 characters.
    pub excerpt: Option<String>,
    /// 1-based column of the error within `excerpt`.
    pub excerpt_column: Option<u32>,
}

impl ConfigError {
    /// An error about the file as a whole (it cannot be read, say).
    fn whole_file(path: &Path, message: String) -> Self {
        Self {
            path: path.to_owned(),
            line: None,
            column: None,
            message,
            excerpt: None,
            excerpt_column: None,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid config {}", escape_os(self.path.as_os_str()))?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)?;
        if let (Some(l), Some(excerpt)) = (self.line, &self.excerpt) {
            let gutter = " ".repeat(l.to_string().len());
            write!(f, "\n{gutter} |\n{l} | {excerpt}")?;
            if let Some(c) = self.excerpt_column {
                // No format width here: a width above 65,535 panics. The excerpt is capped,
                // and so is the caret.
                let pad = (c as usize).saturating_sub(1).min(excerpt.chars().count());
                write!(f, "\n{gutter} | {}^", " ".repeat(pad))?;
            }
        }
        write!(
            f,
            "\nhelp: see https://github.com/palisade-dev/palisade/blob/main/docs/configuration.md"
        )
    }
}

/// A piece of config content quoted in an error message: at most 64 characters, control
/// characters escaped, in backticks.
fn quote(s: &str) -> String {
    format!("`{}`", escape_control(&truncate_chars(s, QUOTE_MAX)))
}

/// A message from a parser (TOML, JSON) made safe to show: pieces in backticks (keys, field
/// names) are capped as in [`quote`], pieces in double quotes (values, as serde writes
/// them) are masked, and control characters are escaped.
pub(crate) fn safe_parser_message(msg: &str) -> String {
    // One line: the TOML parser puts what it expected on a line of its own.
    let msg = msg
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let mut out = String::with_capacity(msg.len().min(512));
    let mut rest = msg.as_str();
    while let Some(open) = rest.find(['`', '"']) {
        out.push_str(&escape_control(&rest[..open]));
        let delim = rest[open..].chars().next().unwrap_or('`');
        let body = &rest[open + 1..];
        // Serde writes string values with Debug escapes, so `\"` does not close them.
        let mut close = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            if escaped {
                escaped = false;
            } else if c == '\\' && delim == '"' {
                escaped = true;
            } else if c == delim {
                close = Some(i);
                break;
            }
        }
        let (inner, next) = match close {
            Some(i) => (&body[..i], &body[i + 1..]),
            None => (body, ""),
        };
        if delim == '"' {
            out.push('"');
            out.push_str(MASK);
            out.push('"');
        } else {
            out.push_str(&quote(inner));
        }
        rest = next;
    }
    out.push_str(&escape_control(rest));
    out
}

/// Characters kept as they are in the masked excerpt of a value: TOML punctuation and
/// blanks. Every run of other characters becomes one mask, whatever its length.
fn is_structure(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '"' | '\'' | '[' | ']' | '{' | '}' | ',' | '=' | '#'
    )
}

/// Characters of a key worth showing: bare-key characters, dots, blanks and quotes.
fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '\t' | '"' | '\'')
}

/// How many leading characters of `line` are a key (or a table header) that can be shown
/// as written: the text before the first `=` when it looks like a key, the whole line when
/// it is a `[table]` header, else nothing. Base64 padding (`...==`, `...=` at the end of a
/// PEM line) is not a key.
fn shown_prefix(line: &[char]) -> usize {
    let looks_like_key = |part: &[char]| {
        part.len() <= QUOTE_MAX
            && part.iter().all(|&c| is_key_char(c))
            && part.iter().any(char::is_ascii_alphanumeric)
    };
    if let Some(eq) = line.iter().position(|&c| c == '=') {
        let value = &line[eq + 1..];
        let value_present = value.first() != Some(&'=') && value.iter().any(|c| !c.is_whitespace());
        return if value_present && looks_like_key(&line[..eq]) {
            eq + 1
        } else {
            0
        };
    }
    let trimmed: String = line.iter().collect::<String>().trim().to_owned();
    let header = trimmed
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .map(|t| t.trim_start_matches('[').trim_end_matches(']'));
    match header {
        Some(name) if looks_like_key(&name.chars().collect::<Vec<_>>()) => line.len(),
        _ => 0,
    }
}

/// The excerpt of `line` shown in an error, and where `column` (0-based, in characters)
/// falls in it: keys kept, values masked (see [`shown_prefix`]), capped at 200 characters
/// around the column, control characters escaped.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let keep = shown_prefix(&chars);
    let mut out: Vec<char> = Vec::with_capacity(keep + 16);
    let mut caret = None;
    let mut in_mask = false;
    for (i, &c) in chars.iter().enumerate() {
        if i == column {
            caret = Some(out.len());
        }
        if i < keep || is_structure(c) {
            out.push(c);
            in_mask = false;
        } else if in_mask {
            // The caret stays on the start of the mask.
            if i == column {
                caret = Some(out.len() - MASK.len());
            }
        } else {
            out.extend(MASK.chars());
            in_mask = true;
        }
    }
    let caret = caret.unwrap_or(out.len());
    let (text, caret) = if out.len() > EXCERPT_MAX {
        let start = caret
            .saturating_sub(EXCERPT_MAX / 2)
            .min(out.len() - EXCERPT_MAX);
        let end = start + EXCERPT_MAX;
        let mut text = String::new();
        if start > 0 {
            text.push('…');
        }
        text.extend(&out[start..end]);
        if end < out.len() {
            text.push('…');
        }
        (text, caret - start + usize::from(start > 0))
    } else {
        (out.into_iter().collect(), caret)
    };
    (escape_control(&text), caret)
}

/// Byte offsets at which the lines of `text` start, for finding the line of an offset by
/// binary search.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// 1-based line of byte `offset`, given [`line_starts`].
fn line_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset)
}

/// Why a file named by the user could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Opening or reading failed.
    #[error("{0}")]
    Io(std::io::Error),
    /// It is a FIFO, a device, a socket or a directory.
    #[error("not a regular file (a {0})")]
    NotRegular(&'static str),
    /// It is larger than the limit.
    #[error("larger than the limit of {0}")]
    TooLarge(String),
}

/// Read a file named by the user (a config, a baseline) whole, refusing anything that could
/// block or never end: it is opened without blocking (a FIFO with no writer would otherwise
/// hang the open), must be a regular file once open, and is read only up to `limit` bytes.
pub fn read_user_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    match crate::discovery::open_regular(path).map_err(ReadError::Io)? {
        crate::discovery::Opened::Regular(file, _) => read_capped(file, limit),
        crate::discovery::Opened::Special(kind) => Err(ReadError::NotRegular(kind)),
    }
}

/// Read `reader` to the end, but never more than `limit` bytes (plus one to notice).
fn read_capped(reader: impl std::io::Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut buf = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge(crate::text::human_size(limit)));
    }
    Ok(buf)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    scan: RawScan,
    #[serde(default)]
    secrets: RawSecrets,
    #[serde(default)]
    sca: RawSca,
    #[serde(default)]
    sast: RawSast,
    #[serde(default)]
    sbom: SbomConfig,
    #[serde(default)]
    suppress: Vec<toml::Spanned<RawSuppression>>,
    #[serde(default)]
    gate: RawGate,
    #[serde(default)]
    trace: TraceConfig,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawGate {
    default_policy: Option<bool>,
    fail_on_partial: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawScan {
    scanners: Option<toml::Spanned<Vec<String>>>,
    #[serde(default)]
    exclude: Vec<toml::Spanned<String>>,
    max_file_size: Option<toml::Spanned<RawSize>>,
    fail_on: Option<toml::Spanned<String>>,
    fail_on_shallow: Option<bool>,
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

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSast {
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    rules: Vec<String>,
    time_budget: Option<toml::Spanned<f64>>,
    max_file_size: Option<toml::Spanned<RawSize>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSca {
    #[serde(default)]
    advisories: Vec<String>,
    unknown_severity: Option<toml::Spanned<String>>,
    max_db_age_days: Option<u64>,
    fail_on_stale_db: Option<bool>,
    #[serde(default)]
    vex: Vec<String>,
    #[serde(default)]
    licenses: RawLicenses,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLicenses {
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    deny: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSuppression {
    rule: toml::Spanned<String>,
    path: Option<toml::Spanned<String>>,
    fingerprint: Option<String>,
    reason: Option<String>,
    owner: Option<String>,
    /// A TOML date (`2027-06-30`) or a string (`"2027-06-30"`).
    expires: Option<toml::Spanned<toml::Value>>,
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
        // Anything that exists under that name is loaded, so a `palisade.toml` that is a
        // FIFO or a link to a device is an error, not silently ignored.
        if candidate.exists() {
            Self::load(&candidate)
        } else {
            Ok(Self::default())
        }
    }

    /// Load and validate a config file. Only regular files of at most
    /// [`MAX_CONFIG_SIZE`] bytes are read.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let bytes = read_user_file(path, MAX_CONFIG_SIZE)
            .map_err(|e| ConfigError::whole_file(path, format!("cannot read file: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            ConfigError::whole_file(
                path,
                format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        Self::parse(&text, path)
    }

    /// Parse config text; `path` is used in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let starts = line_starts(text);
        let err_at = |offset: Option<usize>, message: String| match offset {
            Some(o) => {
                let o = text.floor_char_boundary(o.min(text.len()));
                let line = line_of(&starts, o);
                let line_start = starts[line - 1];
                let src = text[line_start..].lines().next().unwrap_or("");
                let col = text[line_start..o].chars().count();
                let (excerpt, caret) = excerpt(src, col);
                ConfigError {
                    path: path.to_owned(),
                    line: Some(line as u32),
                    column: Some(col as u32 + 1),
                    message,
                    excerpt: Some(excerpt),
                    excerpt_column: Some(caret as u32 + 1),
                }
            }
            None => ConfigError::whole_file(path, message),
        };
        let raw: RawConfig = toml::from_str(text)
            .map_err(|e| err_at(e.span().map(|s| s.start), safe_parser_message(e.message())))?;

        let mut cfg = Self {
            source: Some(path.to_owned()),
            ..Self::default()
        };
        if let Some(list) = raw.scan.scanners {
            // An empty list would scan nothing and pass the gate.
            if list.get_ref().is_empty() {
                return Err(err_at(
                    Some(list.span().start),
                    "scan.scanners is empty, so nothing would be scanned: name at least one \
                     scanner (`scanners = [\"secrets\"]`), or remove the key to run every \
                     available scanner"
                        .to_owned(),
                ));
            }
            cfg.scanners = Some(list.into_inner());
        }
        cfg.fail_on_shallow = raw.scan.fail_on_shallow.unwrap_or(false);
        let exclude_spans: Vec<usize> = raw.scan.exclude.iter().map(|g| g.span().start).collect();
        cfg.exclude = raw
            .scan
            .exclude
            .into_iter()
            .map(toml::Spanned::into_inner)
            .collect();
        // Each glob must be valid, and together they must compile: a set that cannot be
        // built would otherwise exclude nothing.
        let list = crate::discovery::ExcludeList {
            origin: "scan.exclude".to_owned(),
            base: String::new(),
            patterns: cfg.exclude.clone(),
        };
        if let Err(e) = crate::discovery::Excludes::new(vec![list]) {
            return Err(err_at(exclude_spans.get(e.index).copied(), e.message));
        }
        // A size value, or an error at its place.
        let size = |v: toml::Spanned<RawSize>| {
            let span = v.span();
            match v.into_inner() {
                RawSize::Bytes(b) => Ok(b),
                RawSize::Text(t) => parse_size(&t).ok_or_else(|| {
                    err_at(
                        Some(span.start),
                        format!(
                            "invalid size {}: write a number of bytes or e.g. \"25MB\"",
                            quote(&t)
                        ),
                    )
                }),
            }
        };
        if let Some(s) = raw.scan.max_file_size {
            cfg.max_file_size = size(s)?;
        }
        if let Some(s) = raw.sast.max_file_size {
            cfg.sast.max_file_size = Some(size(s)?);
        }
        // A severity value, or an error at its place.
        let severity = |v: toml::Spanned<String>| {
            let span = v.span();
            let value = v.into_inner();
            value.parse::<Severity>().map_err(|_| {
                err_at(
                    Some(span.start),
                    format!(
                        "unknown severity {} (expected critical, high, medium, low or info)",
                        quote(&value)
                    ),
                )
            })
        };
        if let Some(f) = raw.scan.fail_on {
            cfg.fail_on = Some(severity(f)?);
        }
        cfg.secrets = SecretsConfig {
            disable: raw.secrets.disable,
            allow_values: raw.secrets.allow_values,
        };
        let base = path.parent().unwrap_or_else(|| Path::new(""));
        cfg.sca.advisories = raw.sca.advisories.iter().map(|a| base.join(a)).collect();
        cfg.sca.vex = raw.sca.vex.iter().map(|a| base.join(a)).collect();
        cfg.sast.disable = raw.sast.disable;
        cfg.sast.rules = raw.sast.rules.iter().map(|a| base.join(a)).collect();
        if let Some(b) = raw.sast.time_budget {
            let span = b.span();
            let v = b.into_inner();
            if !(v > 0.0 && v <= 3600.0) {
                return Err(err_at(
                    Some(span.start),
                    format!("sast time-budget must be between 0 and 3600 seconds, got {v}"),
                ));
            }
            cfg.sast.time_budget_ms = Some((v * 1000.0).round() as u64);
        }
        cfg.sca.license_allow.clone_from(&raw.sca.licenses.allow);
        cfg.sca.license_deny.clone_from(&raw.sca.licenses.deny);
        if let Some(u) = raw.sca.unknown_severity {
            cfg.sca.unknown_severity = Some(severity(u)?);
        }
        cfg.sca.max_db_age_days = raw.sca.max_db_age_days;
        for d in raw.sbom.end_of_support.iter().chain(
            raw.sbom
                .component
                .iter()
                .filter_map(|c| c.end_of_support.as_ref()),
        ) {
            if Date::parse(d).is_none() {
                return Err(err_at(
                    None,
                    format!("sbom end-of-support {} is not a YYYY-MM-DD date", quote(d)),
                ));
            }
        }
        cfg.sbom = raw.sbom.clone();
        cfg.gate_default_policy = raw.gate.default_policy.unwrap_or(true);
        cfg.gate_fail_on_partial = raw.gate.fail_on_partial.unwrap_or(true);
        cfg.trace = raw.trace.clone();
        cfg.sca.fail_on_stale_db = raw.sca.fail_on_stale_db.unwrap_or(false);

        for entry in raw.suppress {
            let span = entry.span();
            let line = line_of(&starts, span.start) as u32;
            let r = entry.into_inner();
            let missing = |field: &str| {
                err_at(
                    Some(span.start),
                    format!(
                        "suppression for {} has no `{field}`: every config suppression needs \
                         `reason`, `owner` and `expires = \"YYYY-MM-DD\"`",
                        quote(r.rule.get_ref())
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
            let expires_value = r.expires.clone().ok_or_else(|| missing("expires"))?;
            let expires_at = expires_value.span().start;
            let expires_text = match expires_value.into_inner() {
                toml::Value::String(text) => text,
                toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
                other => {
                    return Err(err_at(
                        Some(expires_at),
                        format!(
                            "`expires` is a {}: write a date, `expires = 2027-06-30`",
                            other.type_str()
                        ),
                    ));
                }
            };
            let expires = Date::parse(&expires_text).ok_or_else(|| {
                err_at(
                    Some(expires_at),
                    format!(
                        "invalid expiry date {}: write it as YYYY-MM-DD",
                        quote(&expires_text)
                    ),
                )
            })?;
            for g in [Some(&r.rule), r.path.as_ref()].into_iter().flatten() {
                if let Err(e) = globset::Glob::new(g.get_ref()) {
                    return Err(err_at(
                        Some(g.span().start),
                        format!("invalid glob {}: {}", quote(g.get_ref()), e.kind()),
                    ));
                }
            }
            if let Some(fp) = &r.fingerprint
                && (fp.len() < 8 || fp.len() > 64 || !fp.bytes().all(|b| b.is_ascii_hexdigit()))
            {
                return Err(err_at(
                    Some(span.start),
                    format!(
                        "fingerprint {} is not a finding fingerprint: give at least its first \
                         8 hexadecimal characters, as the terminal report shows them",
                        quote(fp)
                    ),
                ));
            }
            let rule_line = line_of(&starts, r.rule.span().start) as u32;
            cfg.suppressions.push(ConfigSuppression {
                rule_line,
                rule: r.rule.into_inner(),
                path: r.path.map(toml::Spanned::into_inner),
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
# palisade uses the nearest palisade.toml from the scanned path upward to the repository root;
# override with `palisade scan --config FILE`, or ignore config files with `--isolated`.

[scan]
# Scanners to run when --scanners is not given (default: all available).
# scanners = ["secrets"]

# Paths never scanned, in .gitignore syntax relative to this file's folder (in addition to
# .gitignore): `fixtures/` is any folder of that name, `/build` only the one here.
exclude = [
  # "tests/fixtures/",
]

# Files larger than this are skipped with a `file-too-large` diagnostic.
max-file-size = "64MB"

# Exit with code 1 when an unsuppressed finding has at least this severity.
# One of: critical, high, medium, low, info.
fail-on = "high"

# `--git-history` on a shallow clone warns (`git-shallow`); true makes it fail (exit code 3).
# fail-on-shallow = false

[secrets]
# Rule ids not to run (see `palisade rules`).
disable = []
# Literal values that are known not to be secrets (e.g. public test keys).
allow-values = []

[sast]
# Built-in rule ids not to run (see `palisade rules`).
disable = []
# Folders of your own rule files (YAML, see docs/scanners/sast.md), relative to this
# file, e.g. `rules = ["security/sast-rules"]`.
rules = []
# Seconds one file may take; rules not run by then are skipped and the file is reported as
# partially analysed (`sast-partial`).
# time-budget = 10
# Largest file parsed; larger files (often minified or generated) are reported as not
# analysed (`sast-partial`) rather than parsed at great memory cost.
# max-file-size = "2MB"

[gate]
# A source file that SAST did not fully analyse (`sast-partial`: over the size cap or the
# time budget) fails the gate, so padding a file cannot hide code from it. Exclude such
# files in [scan] or raise the limits; false only warns.
# fail-on-partial = true

[sca]
# Folders of your own OSV advisories (relative to this file), merged with the database.
# advisories = ["security/advisories"]
# Severity of advisories that carry no CVSS vector or rating.
# unknown-severity = "high"
# Warn when the vulnerability database is older than this many days...
# max-db-age-days = 7
# ...or fail the scan instead.
# fail-on-stale-db = false

# Suppress findings that are accepted risks. Every entry needs a reason, an owner and an
# expiry date; expired entries stop suppressing and are reported.
# [[suppress]]
# rule = "generic-password-assignment"  # rule id, or a glob such as "generic-*"
# path = "config/dev/*.yaml"             # optional path glob, relative to this file's folder
# fingerprint = "..."                    # optional: one exact finding
# reason = "dev-only credential for the local database container"
# owner = "platform-team@example.com"
# expires = 2027-06-30                   # a TOML date, or a string "2027-06-30"
"#;

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use palisade_test_support::assert_no_part_of;

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
    fn issue6_03_empty_scanner_list_names_its_line() {
        let text = "[scan]\nfail-on = \"high\"\nscanners = []\n";
        let err = Config::parse(text, Path::new("p.toml")).expect_err("empty list");
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("scan.scanners is empty"), "{err}");
        assert!(err.to_string().contains("p.toml:3"), "{err}");
        let cfg = Config::parse("[scan]\nscanners = [\"secrets\"]\n", Path::new("p.toml"))
            .expect("valid");
        assert_eq!(cfg.scanners, Some(vec!["secrets".to_owned()]));
    }

    #[test]
    fn issue10_gate_fail_on_partial_defaults_to_true() {
        assert!(Config::default().gate_fail_on_partial);
        let cfg =
            Config::parse("[gate]\nfail-on-partial = false\n", Path::new("p.toml")).expect("valid");
        assert!(!cfg.gate_fail_on_partial);
        let cfg =
            Config::parse("[gate]\ndefault-policy = true\n", Path::new("p.toml")).expect("valid");
        assert!(cfg.gate_fail_on_partial);
    }

    #[test]
    fn issue6_02_fail_on_shallow() {
        let cfg =
            Config::parse("[scan]\nfail-on-shallow = true\n", Path::new("p.toml")).expect("valid");
        assert!(cfg.fail_on_shallow);
        assert!(!Config::default().fail_on_shallow);
        let err = Config::parse("[scan]\nfail-on-shallow = \"yes\"\n", Path::new("p.toml"))
            .expect_err("not a boolean");
        assert_eq!(err.line, Some(2), "{err}");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("25MB"), Some(25 * 1024 * 1024));
        assert_eq!(parse_size("512 KiB"), Some(512 * 1024));
        assert_eq!(parse_size("12"), Some(12));
        assert_eq!(parse_size("x"), None);
    }

    const STRIPE: &str = "sk_live_\
        4eC39HqLyjWDarjtT1zdp7dcPaLiSaDeTeSt0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345678";
    const GH: &str = "ghp_PaLiSaDeTeStToKeN0123456789abcdef12";

    #[test]
    fn issue5_04_config_error_masks_values() {
        let pem_tail = "AAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4ZPpLiSaDe0pQ==";
        let cases = [
            format!("STRIPE_SECRET_KEY={STRIPE}\nGITHUB_TOKEN={GH}\n"),
            format!("GITHUB_TOKEN={GH}\n"),
            format!("export STRIPE_SECRET_KEY={STRIPE}\n"),
            // Valid TOML: the error is the unknown field, and it names only the key.
            format!("GITHUB_TOKEN = \"{GH}\"\nSTRIPE = \"{STRIPE}\"\n"),
            format!("[scan]\nscanners = \"{GH}\"\n"),
            format!("[scan]\nexclude = [\"a\", {GH}]\n"),
            format!("-----BEGIN PRIVATE KEY-----\n{pem_tail}\n"),
            format!("{pem_tail}\n"),
            format!("{GH}\n"),
        ];
        // Values of palisade's own keys (`fail-on = "..."`) are quoted capped instead; the
        // CLI redacts any secret left in an error (tests/cli/hostile.rs).
        for text in cases {
            let err = Config::parse(&text, Path::new("x.env")).expect_err("not a config");
            let shown = err.to_string();
            assert!(err.line.is_some(), "{shown}");
            for secret in [STRIPE, GH, pem_tail] {
                assert_no_part_of(&shown, secret);
                assert_no_part_of(&format!("{err:?}"), secret);
            }
        }
        let err = Config::parse(&format!("GITHUB_TOKEN={GH}\n"), Path::new("x.env"))
            .expect_err("not a config");
        let shown = err.to_string();
        assert!(shown.contains("1 | GITHUB_TOKEN=***\n"), "{shown}");
        assert!(shown.contains("  |              ^\n"), "{shown}");
    }

    #[test]
    fn issue5_04_config_error_escapes_control_characters() {
        let cases = [
            "[scan]\nfail-on = \"x\x1b]0;pwned\x07\x1b[2J\"\n",
            "[scan]\nexclud\x1b]0;pwned\x07 = 1\n",
            "[scan]\n\"exclud\x1b]0;pwned\x07\x1b[2J\" = 1\n",
            "[scan]\n\"exclude\" = [\"\x1b[2J\"\x07]\n",
            "\x1b]0;pwned\x07\n",
            "[[suppress]]\nrule = \"a\\u001b]0;pwned\\u0007\"\n",
        ];
        for text in cases {
            let err = Config::parse(text, Path::new("p\x1b[2J.toml")).expect_err("invalid");
            let shown = err.to_string();
            assert!(!shown.contains(['\x1b', '\x07', '\u{9b}']), "{shown:?}");
        }
    }

    #[test]
    fn issue5_04_quoted_file_content_is_capped() {
        let key = "k".repeat(5000);
        let err = Config::parse(&format!("[scan]\n{key} = 1\n"), Path::new("p.toml"))
            .expect_err("unknown key");
        assert!(err.message.contains("unknown field"), "{}", err.message);
        assert!(err.message.len() < 400, "{}", err.message);
        let excerpt = err.excerpt.as_deref().expect("excerpt");
        assert!(excerpt.chars().count() <= EXCERPT_MAX + 2, "{excerpt}");

        let severity = "x".repeat(5000);
        let err = Config::parse(
            &format!("[scan]\nfail-on = \"{severity}\"\n"),
            Path::new("p.toml"),
        )
        .expect_err("unknown severity");
        assert!(
            err.message.starts_with("unknown severity `xxx"),
            "{}",
            err.message
        );
        assert!(err.message.len() < 200, "{}", err.message);
    }

    #[test]
    fn issue5_20_error_past_column_65535_has_line_and_column() {
        let text = format!("[scan]\nfail-on = \"{}\" junk\n", "a".repeat(70_000));
        let err = Config::parse(&text, Path::new("p.toml")).expect_err("junk after value");
        assert_eq!(err.line, Some(2));
        assert!(err.column.is_some_and(|c| c > 70_000), "{:?}", err.column);
        let shown = err.to_string();
        assert!(shown.contains("p.toml:2:700"), "{shown}");
        assert!(shown.len() < 1000, "{shown}");
        // The caret points into the excerpt.
        let lines: Vec<&str> = shown.lines().collect();
        let excerpt = lines[2].split_once(" | ").expect("excerpt").1;
        let caret = lines[3].split_once(" | ").expect("caret").1;
        assert!(caret.ends_with('^'), "{shown}");
        let at = caret.chars().count() - 1;
        assert!(at < excerpt.chars().count(), "{shown}");
        assert!(
            excerpt[excerpt.char_indices().nth(at).expect("in excerpt").0..].starts_with("junk")
                || excerpt.contains("***"),
            "{shown}"
        );
    }

    #[test]
    fn issue5_20_masked_excerpt_keeps_caret_on_the_error() {
        // Error inside a masked value: the caret is on its mask.
        let (text, caret) = excerpt("key = \"abc\u{1b}def\" tail", 13);
        assert_eq!(text, "key = \"***\" ***");
        assert_eq!(caret, 7);
        // Past the end of the line.
        let (text, caret) = excerpt("[scan", 5);
        assert_eq!(text, "[***");
        assert_eq!(caret, 4);
        // Long lines are cut around the caret.
        let long = format!("k = [{}9x]", "1, ".repeat(10_000));
        let at = long.find('x').expect("x");
        let (text, caret) = excerpt(&long, at);
        assert!(text.chars().count() <= EXCERPT_MAX + 2);
        assert_eq!(text.chars().nth(caret), Some('*'));
        assert!(text.starts_with('…'));
    }

    #[test]
    fn issue5_16_suppression_lines_are_found_by_binary_search() {
        let mut text = String::from("[scan]\nfail-on = \"high\"\n");
        for i in 0..40_000 {
            let _ = write!(
                text,
                "\n[[suppress]]\nrule = \"rule-{i}\"\nfingerprint = \"{i:08x}\"\nreason = \"r\"\n\
                 owner = \"o\"\nexpires = \"2999-01-01\"\n"
            );
        }
        let cfg = Config::parse(&text, Path::new("p.toml")).expect("valid");
        assert_eq!(cfg.suppressions.len(), 40_000);
        for (i, s) in cfg.suppressions.iter().enumerate() {
            assert_eq!(s.line, 4 + 7 * i as u32, "entry {i}");
            assert_eq!(s.rule, format!("rule-{i}"));
        }
    }

    #[test]
    fn issue5_11_unbuildable_exclude_set_is_a_config_error() {
        // One glob whose compiled form alone exceeds the glob engine's size limit.
        let huge = format!(
            "**/{{{}}}",
            (0..30_000)
                .map(|i| format!("d{i}*x?"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let text = format!("[scan]\nexclude = [\n  \"{huge}\",\n  \"b/**\",\n]\n");
        let err = Config::parse(&text, Path::new("p.toml")).expect_err("too complex");
        assert_eq!(err.line, Some(3), "{err}");
        assert!(
            err.message.contains("is too complex to compile"),
            "{}",
            err.message
        );
        assert!(err.message.contains("too complex"), "{}", err.message);
        assert!(err.message.contains("`**/{d0*x?,d1*x?,"), "{}", err.message);
        assert!(err.message.len() < 400, "{}", err.message);
    }

    #[test]
    fn issue5_18_reads_are_capped() {
        /// An endless reader that counts what it hands out.
        struct Endless(u64);
        impl std::io::Read for Endless {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                buf.fill(b'a');
                self.0 += buf.len() as u64;
                Ok(buf.len())
            }
        }
        let mut endless = Endless(0);
        let err = read_capped(&mut endless, 1000).expect_err("endless");
        assert!(matches!(err, ReadError::TooLarge(_)), "{err}");
        assert_eq!(endless.0, 1001, "reads stop one byte past the limit");
        assert_eq!(read_capped(&b"abc"[..], 3).expect("fits"), b"abc");
    }

    #[test]
    fn issue5_18_config_larger_than_the_limit_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("palisade.toml");
        let mut text = "# padding\n".repeat((MAX_CONFIG_SIZE / 10) as usize + 1);
        text.push_str("[scan]\n");
        std::fs::write(&path, text).expect("write");
        let err = Config::load(&path).expect_err("too large");
        assert!(
            err.message.contains("larger than the limit of 4 MiB"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn issue5_17_non_regular_config_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("palisade.toml");
        let st = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(st.success());
        // No writer: a blocking open would hang here.
        let err = Config::load(&fifo).expect_err("fifo");
        assert!(
            err.message.contains("not a regular file (a named pipe)"),
            "{err}"
        );
        let err = Config::discover(dir.path()).expect_err("fifo found at the root");
        assert!(err.message.contains("a named pipe"), "{err}");
        let err = Config::load(Path::new("/dev/zero")).expect_err("device");
        assert!(err.message.contains("a character device"), "{err}");
        let err = Config::load(dir.path()).expect_err("directory");
        assert!(err.message.contains("a directory"), "{err}");
    }

    /// No 8 characters in a row of any value in `values` appear in `text`.
    fn assert_no_value_in(text: &str, values: &[String]) {
        for v in values {
            assert_no_part_of(text, v);
        }
    }

    proptest::proptest! {
        /// Issue 5: a file that is not a palisade config (a `.env`, a YAML file, a PEM key,
        /// TOML with unknown keys or broken values) gives an error that shows no value from
        /// it. (Values of palisade's own keys, such as an invalid glob, are quoted, capped.)
        #[test]
        fn issue5_04_config_errors_show_no_values(
            lines in proptest::collection::vec(
                (0..7u8, "[A-Z_]{1,12}", "[A-Za-z0-9+/_\\-]{12,60}"),
                1..8,
            ),
        ) {
            let mut text = String::new();
            let mut values = Vec::new();
            for (shape, key, value) in &lines {
                let line = match shape {
                    0 => format!("{key}={value}"),
                    1 => format!("{key} = \"{value}\""),
                    2 => format!("{key}: {value}"),
                    3 => value.clone(),
                    4 => format!("export {key}='{value}'"),
                    5 => format!("[secrets]\nallow-values = {value}"),
                    _ => format!("{key} = [\"{value}\", {value}]"),
                };
                text.push_str(&line);
                text.push('\n');
                values.push(value.clone());
            }
            if let Err(e) = Config::parse(&text, Path::new(".env")) {
                let shown = format!("{e}\n{e:?}");
                assert_no_value_in(&shown, &values);
            }
        }
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
