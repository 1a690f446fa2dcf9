//! The `sast` scanner.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::Duration;

use palisade_core::diagnostic::{Diagnostic, DiagnosticLevel};
use palisade_core::discovery::{FileEntry, Inventory};
use palisade_core::docs::RuleDoc;
use palisade_core::model::{Finding, Location, RuleMeta};
use palisade_core::scanner::{ScanContext, ScanError, ScanOutput, Scanner};
use palisade_core::text::human_size;
use rayon::prelude::*;

use crate::engine;
use crate::lang::Lang;
use crate::rule::{self, Rule, RuleError};

/// Default time budget per file.
pub const DEFAULT_BUDGET: Duration = Duration::from_secs(10);

/// Default size cap: larger files (minified bundles, generated code, amalgamations) are
/// reported as not analysed. A syntax tree takes some 70 times its file's size in memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 2 * 1024 * 1024;

/// How the scanner is set up.
#[derive(Debug, Clone)]
pub struct SastOptions {
    /// Built-in rules turned off by id.
    pub disable: Vec<String>,
    /// Folders of custom rule files (`*.yaml`, `*.yml`), read in name order.
    pub rule_dirs: Vec<PathBuf>,
    /// Time budget per file: rules not yet run when it is spent are skipped, and the file
    /// is reported as partially analysed.
    pub budget: Duration,
    /// Largest file parsed, in bytes.
    pub max_file_size: u64,
}

impl Default for SastOptions {
    fn default() -> Self {
        Self {
            disable: Vec::new(),
            rule_dirs: Vec::new(),
            budget: DEFAULT_BUDGET,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

impl From<&palisade_core::config::SastConfig> for SastOptions {
    fn from(config: &palisade_core::config::SastConfig) -> Self {
        Self {
            disable: config.disable.clone(),
            rule_dirs: config.rules.clone(),
            budget: config
                .time_budget_ms
                .map_or(DEFAULT_BUDGET, Duration::from_millis),
            max_file_size: config.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
        }
    }
}

/// One fix: replace `range` (bytes) of the file with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The rule that offers it.
    pub rule: String,
    /// 1-based line where the replaced code starts.
    pub line: u32,
    /// Byte range replaced.
    pub range: std::ops::Range<usize>,
    /// The new code.
    pub replacement: String,
}

/// `text` with `fixes` (sorted, not overlapping) applied.
pub fn apply(text: &str, fixes: &[Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in fixes {
        out.push_str(&text[at..f.range.start]);
        out.push_str(&f.replacement);
        at = f.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Rules with their check in one language.
type Pairs<'r> = Vec<(&'r Rule, &'r crate::rule::Check)>;

/// The SAST scanner: every enabled rule, grouped by language.
#[derive(Debug)]
pub struct SastScanner {
    rules: Vec<Rule>,
    /// Per language: the indexes of the rules that run on it (their own language, or one
    /// they also run on where their patterns parse).
    by_lang: BTreeMap<Lang, Vec<usize>>,
    /// Per language: the plan for the rules of `by_lang` (in that order), and for those of
    /// them that carry a fix; each made when a file of the language first needs it.
    plans: BTreeMap<Lang, [std::sync::OnceLock<engine::Plan>; 2]>,
    ids: BTreeSet<String>,
    budget: Duration,
    max_file_size: u64,
}

/// Read the custom rule files of `dirs`. A missing folder, an unreadable file or a rule
/// that does not load is an error naming the file (and line).
pub fn load_dirs(dirs: &[PathBuf]) -> Result<Vec<Rule>, RuleError> {
    let mut out = Vec::new();
    for dir in dirs {
        let shown = palisade_core::text::escape_os(dir.as_os_str());
        let entries = std::fs::read_dir(dir).map_err(|e| RuleError {
            file: shown.clone(),
            line: 0,
            message: format!("cannot read the rules folder: {e}"),
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        files.sort();
        for f in files {
            let name = palisade_core::text::escape_os(f.as_os_str());
            let bytes =
                palisade_core::config::read_user_file(&f, 4 << 20).map_err(|e| RuleError {
                    file: name.clone(),
                    line: 0,
                    message: e.to_string(),
                })?;
            let text = String::from_utf8(bytes).map_err(|_| RuleError {
                file: name.clone(),
                line: 0,
                message: "not UTF-8".into(),
            })?;
            let rules = rule::load(&name, &text)?;
            // Built-in regexes compile when first used; a user's must prove they compile.
            for r in &rules {
                r.compile_regexes()?;
            }
            out.extend(rules);
        }
    }
    Ok(out)
}

impl SastScanner {
    /// Build the scanner: built-in rules minus `disable`, plus custom rules. Two rules with
    /// one id, or a disabled id that names no rule, are errors.
    pub fn new(opts: &SastOptions) -> Result<Self, RuleError> {
        // Built-in rules compile when a file of their language is first met.
        let mut rules = rule::builtin_lazy()?;
        let custom = load_dirs(&opts.rule_dirs)?;
        let mut ids: BTreeSet<String> = BTreeSet::new();
        for r in rules.iter().chain(&custom) {
            if !ids.insert(r.meta.id.clone()) {
                return Err(RuleError {
                    file: r.source.clone(),
                    line: r.line,
                    message: format!("rule id `{}` is defined twice", r.meta.id),
                });
            }
        }
        for d in &opts.disable {
            if !ids.contains(d) {
                return Err(RuleError {
                    file: "palisade.toml".into(),
                    line: 0,
                    message: format!("[sast] disable names `{d}`, which is not a SAST rule"),
                });
            }
        }
        rules.extend(custom);
        rules.retain(|r| !opts.disable.contains(&r.meta.id));
        let mut by_lang: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
        for (i, r) in rules.iter().enumerate() {
            for l in std::iter::once(r.lang).chain(r.lang.also().iter().copied()) {
                by_lang.entry(l).or_default().push(i);
            }
        }
        Ok(Self {
            ids: rules.iter().map(|r| r.meta.id.clone()).collect(),
            plans: by_lang.keys().map(|&l| (l, Default::default())).collect(),
            rules,
            by_lang,
            budget: opts.budget,
            max_file_size: opts.max_file_size,
        })
    }

    /// The plan for the rules of `lang` as [`Self::checks`] gives them (`fixing`: only
    /// those with a fix, as [`Self::fixes`] keeps them), made when first needed.
    fn plan(&self, lang: Lang, fixing: bool) -> Option<&engine::Plan> {
        let cell = &self.plans.get(&lang)?[usize::from(fixing)];
        if let Some(plan) = cell.get() {
            return Some(plan);
        }
        let mut pairs = self.pairs(lang).ok()?;
        if fixing {
            pairs.retain(|(r, _)| r.fix.is_some());
        }
        Some(cell.get_or_init(|| engine::Plan::new(lang, &pairs)))
    }

    /// Each enabled rule for `lang` with its check in that language (compiled now if it
    /// was not); an error when a rule does not compile.
    fn pairs(&self, lang: Lang) -> Result<Pairs<'_>, RuleError> {
        let mut out = Vec::new();
        for &i in self.by_lang.get(&lang).into_iter().flatten() {
            let r = &self.rules[i];
            if let Some(c) = r.check_for(lang).map_err(Clone::clone)? {
                out.push((r, c));
            }
        }
        Ok(out)
    }

    /// Compile the rules of `langs` now, in parallel: an error when one does not compile.
    fn prepare(&self, langs: &BTreeSet<Lang>) -> Result<(), RuleError> {
        let wanted: BTreeSet<usize> = langs
            .iter()
            .filter_map(|l| self.by_lang.get(l))
            .flatten()
            .copied()
            .collect();
        let wanted: Vec<usize> = wanted.into_iter().collect();
        wanted
            .par_iter()
            .try_for_each(|&i| self.rules[i].check().map(|_| ()).map_err(Clone::clone))
    }

    /// The language of the file at `rel` and each enabled rule for it with its check in
    /// that language; None for files of no analysed language.
    fn checks(&self, rel: &str) -> Option<(Lang, Result<Pairs<'_>, RuleError>)> {
        let lang = Lang::from_path(rel)?;
        self.by_lang
            .contains_key(&lang)
            .then(|| (lang, self.pairs(lang)))
    }

    /// The enabled rules.
    pub fn enabled(&self) -> &[Rule] {
        &self.rules
    }

    /// Analyse one file's text as if it were at `rel`: findings (inline suppressions
    /// applied) and diagnostics. Files of no analysed language give nothing.
    pub fn scan_text(&self, rel: &str, text: &str) -> (Vec<Finding>, Vec<Diagnostic>) {
        let mut findings = Vec::new();
        let mut diags = Vec::new();
        let Some((lang, pairs)) = self.checks(rel) else {
            return (findings, diags);
        };
        let pairs = match pairs {
            Ok(p) => p,
            Err(e) => {
                diags.push(
                    Diagnostic::new(
                        "sast-rule-error",
                        DiagnosticLevel::Error,
                        format!("not analysed: a SAST rule does not compile: {e}"),
                    )
                    .at(rel.to_owned(), None),
                );
                return (findings, diags);
            }
        };
        if text.len() as u64 > self.max_file_size {
            diags.push(
                Diagnostic::new(
                    "sast-partial",
                    DiagnosticLevel::Warning,
                    format!(
                        "not analysed: {} is over the SAST size cap of {} ([sast] max-file-size)",
                        human_size(text.len() as u64),
                        human_size(self.max_file_size),
                    ),
                )
                .at(rel.to_owned(), None),
            );
            return (findings, diags);
        }
        let Some(plan) = self.plan(lang, false) else {
            return (Vec::new(), Vec::new());
        };
        let result = engine::analyse(text, lang, &pairs, plan, self.budget);
        if result.parse_timed_out {
            diags.push(
                Diagnostic::new(
                    "sast-partial",
                    DiagnosticLevel::Warning,
                    format!(
                        "not analysed: parsing it took longer than the time budget of {} s per file ([sast] time-budget)",
                        self.budget.as_secs_f64(),
                    ),
                )
                .at(rel.to_owned(), None),
            );
            return (findings, diags);
        }
        let rules: Vec<&Rule> = pairs.iter().map(|(r, _)| *r).collect();
        for &i in &result.capped {
            diags.push(
                Diagnostic::new(
                    "sast-partial",
                    DiagnosticLevel::Warning,
                    format!(
                        "rule `{}` matched {} times in this file; it stopped there, later matches are not reported",
                        rules[i].meta.id,
                        engine::MAX_HITS_PER_RULE,
                    ),
                )
                .at(rel.to_owned(), None),
            );
        }
        if let Some(line) = result.syntax_error {
            diags.push(
                Diagnostic::new(
                    "sast-syntax-error",
                    DiagnosticLevel::Note,
                    format!(
                        "does not fully parse as {lang}; analysed as far as the parser recovered"
                    ),
                )
                .at(rel.to_owned(), Some(line)),
            );
        }
        if let Some(line) = result.stopped_at {
            diags.push(
                Diagnostic::new(
                    "sast-partial",
                    DiagnosticLevel::Warning,
                    format!(
                        "partially analysed: the time budget of {} s per file ran out at line {line}; findings after it, and of data-flow rules, may be missing",
                        self.budget.as_secs_f64(),
                    ),
                )
                .at(rel.to_owned(), Some(line)),
            );
        }
        // Identity: rule, file, the matched code, and which occurrence of that code it is,
        // so a finding keeps its fingerprint when lines move.
        let mut seen: BTreeMap<(usize, &str), u32> = BTreeMap::new();
        for hit in &result.hits {
            let rule = rules[hit.rule];
            let n = seen.entry((hit.rule, hit.code.as_str())).or_insert(0);
            *n += 1;
            let fp = palisade_core::fingerprint::fingerprint(&[
                rule.meta.id.as_bytes(),
                rel.as_bytes(),
                hit.code.as_bytes(),
                n.to_string().as_bytes(),
            ]);
            let location = Location {
                path: rel.to_owned(),
                start_line: hit.start_line,
                start_column: hit.start_column,
                end_line: hit.end_line,
                end_column: hit.end_column,
                commit: None,
            };
            let mut f = Finding::new(&rule.meta, hit.message.clone(), location, fp);
            "sast".clone_into(&mut f.scanner);
            f.snippet = Some(hit.snippet.clone());
            f.flow = hit
                .flow
                .iter()
                .map(|s| palisade_core::FlowStep {
                    path: rel.to_owned(),
                    line: s.line,
                    column: s.column,
                    message: s.note.clone(),
                })
                .collect();
            f.properties.insert("language".into(), lang.name().into());
            if let Some(o) = &rule.owasp {
                f.properties.insert("owasp".into(), o.clone().into());
            }
            findings.push(f);
        }
        let lines: Vec<&str> = text.lines().collect();
        palisade_core::suppress::apply_inline(&mut findings, &mut diags, rel, &lines, &self.ids);
        (findings, diags)
    }

    /// The fixes the rules that carry one offer for `text` (as if at `rel`), in file order,
    /// without overlaps (of two overlapping fixes the first is kept). An error when a rule
    /// for the file's language does not compile.
    pub fn fixes(&self, rel: &str, text: &str) -> Result<Vec<Fix>, RuleError> {
        let Some((lang, pairs)) = self.checks(rel) else {
            return Ok(Vec::new());
        };
        let mut pairs = pairs?;
        pairs.retain(|(r, _)| r.fix.is_some());
        if pairs.is_empty() {
            return Ok(Vec::new());
        }
        // Files over the size cap are not parsed (the scan reports them).
        if text.len() as u64 > self.max_file_size {
            return Ok(Vec::new());
        }
        let Some(plan) = self.plan(lang, true) else {
            return Ok(Vec::new());
        };
        let result = engine::analyse(text, lang, &pairs, plan, self.budget);
        let mut fixes: Vec<Fix> = result
            .hits
            .into_iter()
            .filter_map(|h| {
                Some(Fix {
                    rule: pairs[h.rule].0.meta.id.clone(),
                    line: h.start_line,
                    replacement: h.fix?,
                    range: h.range,
                })
            })
            .collect();
        fixes.sort_by_key(|f| (f.range.start, f.range.end));
        let mut end = 0;
        fixes.retain(|f| {
            let keep = f.range.start >= end;
            if keep {
                end = f.range.end;
            }
            keep
        });
        Ok(fixes)
    }

    fn scan_file(&self, file: &FileEntry, max: u64) -> (Vec<Finding>, Vec<Diagnostic>, u64) {
        match palisade_core::discovery::read_text(file, max) {
            Ok(text) => {
                let (f, d) = self.scan_text(&file.rel, &text);
                (f, d, text.len() as u64)
            }
            Err(e) => (
                Vec::new(),
                vec![
                    Diagnostic::new(
                        "file-unreadable",
                        DiagnosticLevel::Warning,
                        format!("cannot read, not analysed: {e}"),
                    )
                    .at(file.rel.clone(), None),
                ],
                0,
            ),
        }
    }
}

impl Scanner for SastScanner {
    fn name(&self) -> &'static str {
        "sast"
    }

    fn rules(&self) -> Vec<RuleMeta> {
        self.rules.iter().map(|r| r.meta.clone()).collect()
    }

    fn rule_docs(&self) -> Vec<RuleDoc> {
        self.rules.iter().map(Rule::doc).collect()
    }

    fn scan(&self, inventory: &Inventory, ctx: &ScanContext<'_>) -> Result<ScanOutput, ScanError> {
        let max = ctx.config.max_file_size;
        let files: Vec<&FileEntry> = inventory
            .files
            .iter()
            .filter(|f| Lang::from_path(&f.rel).is_some_and(|l| self.by_lang.contains_key(&l)))
            .collect();
        // The rules of the languages met, compiled up front (in parallel); a built-in rule
        // that does not compile is a defect: the scan fails rather than skip it.
        let langs: BTreeSet<Lang> = files
            .iter()
            .filter_map(|f| Lang::from_path(&f.rel))
            .collect();
        self.prepare(&langs).map_err(|e| ScanError::Internal {
            scanner: "sast",
            message: e.to_string(),
        })?;
        let units: Vec<_> = files
            .par_iter()
            .map(|f| {
                let u = self.scan_file(f, max);
                ctx.progress.fetch_add(u.2, Ordering::Relaxed);
                u
            })
            .collect();
        let mut out = ScanOutput::default();
        for (findings, diags, bytes) in units {
            out.findings.extend(findings);
            out.diagnostics.extend(diags);
            out.files_scanned += 1;
            out.bytes_scanned += bytes;
        }
        Ok(out)
    }
}
