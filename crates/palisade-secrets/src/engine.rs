//! The matching engine: one Aho-Corasick pass over the bytes finds keyword hits; each rule's
//! regex then runs only on the lines around its own hits. Candidates go through the
//! placeholder allowlist, the entropy gate and the rule's validator; overlapping candidates
//! keep the most specific rule; survivors become redacted findings.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use palisade_core::fingerprint::{fingerprint, sha256_hex};
use palisade_core::suppress::{INLINE_MARKER, InlineSuppression, parse_inline};
use palisade_core::{
    Confidence, Diagnostic, DiagnosticLevel, Finding, Location, Snippet, Suppression,
    SuppressionKind,
};

use crate::filter::{
    is_identifier_like, is_placeholder, is_placeholder_word, mentions_documentation_domain,
    shannon_entropy,
};
use crate::rule::{Matcher, Rule};

/// Bytes scanned around a keyword hit on each side, at most (bounds work on minified files).
const LINE_WINDOW: usize = 4096;
/// Bytes a multi-line rule may span after the start of the hit's line.
const MULTILINE_WINDOW: usize = 16 * 1024;
/// Size of the read buffer for large files.
const CHUNK: usize = 8 * 1024 * 1024;
/// Overlap between consecutive chunks; no match may be longer than this.
const OVERLAP: usize = 64 * 1024;
/// Longest snippet text around a finding.
const SNIPPET_CONTEXT: usize = 60;
/// Bytes examined for NUL to decide a file is binary.
const BINARY_PROBE: usize = 8000;

/// Engine settings from config and CLI.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct EngineOptions {
    /// Rule ids not to run.
    pub disabled: Vec<String>,
    /// Literal values never reported.
    pub allow_values: Vec<String>,
    /// Show secrets in clear text (explicit opt-in).
    pub show_secrets: bool,
}

impl EngineOptions {
    /// Options with the given disabled rules, allowed values and secret display.
    pub fn new(disabled: Vec<String>, allow_values: Vec<String>, show_secrets: bool) -> Self {
        Self {
            disabled,
            allow_values,
            show_secrets,
        }
    }
}

/// What the engine needs to know about a file besides its bytes.
#[derive(Debug, Clone, Copy)]
pub struct FileInfo<'a> {
    /// Path relative to the scanned root.
    pub rel: &'a str,
    /// Test/fixture/docs path: low-confidence rules do not run.
    pub test_like: bool,
    /// Lockfile: low-confidence rules do not run.
    pub lockfile: bool,
    /// Documentation (Markdown, text): suppression comments there are examples of the
    /// syntax, so unused or reason-less ones are not reported.
    pub docs: bool,
}

impl<'a> FileInfo<'a> {
    /// Classify a relative path (test-like, lockfile, docs) the way discovery does.
    pub fn from_path(rel: &'a str) -> Self {
        use palisade_core::discovery::{FileKind, classify, is_test_like};
        let kind = classify(rel).0;
        Self {
            rel,
            test_like: is_test_like(rel),
            lockfile: kind == FileKind::Lockfile,
            docs: kind == FileKind::Docs,
        }
    }
}

/// The result of scanning one file or blob.
#[derive(Debug, Default)]
pub struct FileResult {
    /// Findings, one per occurrence.
    pub findings: Vec<Finding>,
    /// Problems (suppression comments without reason, unused suppressions, read errors).
    pub diagnostics: Vec<Diagnostic>,
    /// The content looked binary and was not scanned.
    pub binary: bool,
    /// Bytes read.
    pub bytes: u64,
}

/// The compiled secrets engine.
#[derive(Debug)]
pub struct Engine {
    rules: Vec<Rule>,
    ac: Option<AhoCorasick>,
    /// Per Aho-Corasick pattern: the rules it triggers (empty for the inline marker).
    triggers: Vec<Vec<u32>>,
    marker: usize,
    path_rules: Vec<u32>,
    allow_values: HashSet<Vec<u8>>,
    show_secrets: bool,
    /// Ids of the enabled rules, for matching inline suppressions.
    rule_ids: HashSet<String>,
}

#[derive(Debug, Clone)]
struct RawMatch {
    rule: u32,
    start: usize,
    end: usize,
    validated: bool,
    /// Matched the rule's pattern but failed its validator: not reported, but it still
    /// outranks weaker rules on the same text (a token with a bad checksum is not a
    /// "generic secret" either).
    vetoed: bool,
}

/// What the filters decide about a candidate.
enum Verdict {
    Keep { validated: bool },
    Drop,
    Veto,
}

impl FileResult {
    /// Add this file's results to a scanner's output under `rel`: binary content is
    /// recorded as skipped, text counts as scanned.
    pub fn merge_into(self, out: &mut palisade_core::ScanOutput, rel: &str) {
        if self.binary {
            out.skipped.push(palisade_core::Skipped {
                path: rel.to_owned(),
                reason: palisade_core::SkipReason::Binary,
                detail: None,
            });
        } else {
            out.files_scanned += 1;
            out.bytes_scanned += self.bytes;
        }
        out.findings.extend(self.findings);
        out.diagnostics.extend(self.diagnostics);
    }
}

impl Engine {
    /// Build an engine from compiled rules, dropping disabled ones.
    pub fn new(rules: Vec<Rule>, opts: &EngineOptions) -> Self {
        let rules: Vec<Rule> = rules
            .into_iter()
            .filter(|r| !opts.disabled.contains(&r.meta.id))
            .collect();
        // Keyword -> rules, with each keyword also triggering the rules of every keyword it
        // contains, so one leftmost-longest pass is enough.
        let mut by_kw: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut path_rules = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            match r.matcher {
                Matcher::Content { .. } => {
                    for k in &r.keywords {
                        by_kw
                            .entry(k.to_ascii_lowercase())
                            .or_default()
                            .push(i as u32);
                    }
                }
                Matcher::Path(_) => path_rules.push(i as u32),
            }
        }
        let keywords: Vec<String> = by_kw.keys().cloned().collect();
        let mut triggers: Vec<Vec<u32>> = keywords
            .iter()
            .map(|k| {
                let mut t: Vec<u32> = by_kw
                    .iter()
                    .filter(|(other, _)| k.contains(other.as_str()))
                    .flat_map(|(_, rs)| rs.iter().copied())
                    .collect();
                t.sort_unstable();
                t.dedup();
                t
            })
            .collect();
        let mut patterns = keywords;
        patterns.push(INLINE_MARKER.to_owned());
        triggers.push(Vec::new());
        let marker = patterns.len() - 1;
        // A full DFA: the fastest search, worth its build time and memory for a few hundred
        // short keywords.
        let ac = AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        let rule_ids = rules.iter().map(|r| r.meta.id.clone()).collect();
        Self {
            rules,
            ac,
            triggers,
            marker,
            path_rules,
            allow_values: opts
                .allow_values
                .iter()
                .map(|v| v.as_bytes().to_vec())
                .collect(),
            show_secrets: opts.show_secrets,
            rule_ids,
        }
    }

    /// The enabled rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Findings from path rules (key-store file names).
    fn scan_path(&self, rel: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for &ri in &self.path_rules {
            let rule = &self.rules[ri as usize];
            if let Matcher::Path(re) = &rule.matcher
                && re.is_match(rel)
            {
                let location = Location {
                    path: rel.to_owned(),
                    start_line: 1,
                    start_column: 1,
                    end_line: 1,
                    end_column: 1,
                    commit: None,
                };
                let fp = fingerprint(&[b"secrets", rule.meta.id.as_bytes(), rel.as_bytes()]);
                let message = format!("{}: `{rel}`", rule.meta.title);
                out.push(Finding::new(&rule.meta, message, location, fp));
            }
        }
        out
    }

    /// Scan an in-memory buffer (a blob, a staged file, a rule example). Path rules apply
    /// too, also when the content is binary.
    pub fn scan_bytes(&self, data: &[u8], info: FileInfo<'_>) -> FileResult {
        let mut res = FileResult {
            bytes: data.len() as u64,
            ..FileResult::default()
        };
        res.findings = self.scan_path(info.rel);
        if looks_binary(data) {
            res.binary = true;
            return res;
        }
        let mut state = ScanState::default();
        self.scan_chunk(data, data.len(), &mut state, info);
        self.finish(state, info, &mut res);
        res
    }

    /// Scan a reader in bounded memory (chunks of 8 MiB with overlap). Path rules apply
    /// too, also when the content is binary.
    pub fn scan_reader(
        &self,
        reader: &mut dyn Read,
        info: FileInfo<'_>,
    ) -> std::io::Result<FileResult> {
        // One read buffer per thread, reused across files: no allocation or zeroing per file.
        thread_local! {
            static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        BUF.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buf) => {
                buf.clear();
                let res = self.scan_reader_with(reader, info, &mut buf);
                // Do not keep a huge buffer around after one big file.
                if buf.capacity() > CHUNK + OVERLAP {
                    *buf = Vec::new();
                }
                res
            }
            Err(_) => self.scan_reader_with(reader, info, &mut Vec::new()),
        })
    }

    fn scan_reader_with(
        &self,
        reader: &mut dyn Read,
        info: FileInfo<'_>,
        buf: &mut Vec<u8>,
    ) -> std::io::Result<FileResult> {
        let mut res = FileResult {
            findings: self.scan_path(info.rel),
            ..FileResult::default()
        };
        let mut state = ScanState::default();
        let mut base = 0usize; // absolute offset of buf[0]
        let mut first = true;
        loop {
            let eof = fill(reader, buf, CHUNK)?;
            if first {
                first = false;
                if looks_binary(buf) {
                    res.binary = true;
                    res.bytes = buf.len() as u64;
                    return Ok(res);
                }
            }
            let owned_end = if eof {
                buf.len()
            } else {
                buf.len().saturating_sub(OVERLAP)
            };
            self.scan_chunk(buf, owned_end, &mut state, info);
            if eof {
                res.bytes = (base + buf.len()) as u64;
                break;
            }
            // Advance: keep the overlap, track line numbering.
            let consumed = &buf[..owned_end];
            state.line_base += count_newlines(consumed);
            match memchr::memrchr(b'\n', consumed) {
                Some(nl) => state.chars_before_chunk = count_chars(&consumed[nl + 1..]),
                None => state.chars_before_chunk += count_chars(consumed),
            }
            buf.drain(..owned_end);
            base += owned_end;
        }
        self.finish(state, info, &mut res);
        Ok(res)
    }

    fn scan_chunk(&self, data: &[u8], owned_end: usize, state: &mut ScanState, info: FileInfo<'_>) {
        let Some(ac) = &self.ac else { return };
        let skip_low = info.test_like || info.lockfile;
        // Windows per rule, merged as hits arrive in increasing order.
        let mut windows: BTreeMap<u32, Vec<(usize, usize)>> = BTreeMap::new();
        let mut markers = Vec::new();
        for m in ac.find_iter(data) {
            let p = m.pattern().as_usize();
            if p == self.marker {
                if m.start() < owned_end {
                    markers.push(m.start());
                }
                continue;
            }
            if m.start() >= owned_end {
                // Belongs to the next chunk, unless a match starting earlier needs it: the
                // window of earlier hits already covers the overlap.
                break;
            }
            let ls = line_start(data, m.start());
            let le = line_end(data, m.end());
            for &ri in &self.triggers[p] {
                let rule = &self.rules[ri as usize];
                if skip_low && rule.meta.confidence == Confidence::Low {
                    continue;
                }
                let (ws, we) = if rule.multiline {
                    (ls, (ls + MULTILINE_WINDOW).min(data.len()))
                } else {
                    (ls, le)
                };
                let v = windows.entry(ri).or_default();
                match v.last_mut() {
                    Some(last) if ws <= last.1 => last.1 = last.1.max(we),
                    _ => v.push((ws, we)),
                }
            }
        }

        let mut found = Vec::new();
        for (ri, wins) in windows {
            let rule = &self.rules[ri as usize];
            let Matcher::Content {
                regex,
                secret_group,
            } = &rule.matcher
            else {
                continue;
            };
            for (ws, we) in wins {
                let hay = &data[ws..we];
                let mut consider = |s: usize, e: usize, whole: &[u8]| {
                    let (s, e) = (ws + s, ws + e);
                    if s >= owned_end || s == e || mentions_documentation_domain(whole) {
                        return;
                    }
                    match self.accept(rule, &data[s..e]) {
                        Verdict::Keep { validated } => found.push(RawMatch {
                            rule: ri,
                            start: s,
                            end: e,
                            validated,
                            vetoed: false,
                        }),
                        Verdict::Veto => found.push(RawMatch {
                            rule: ri,
                            start: s,
                            end: e,
                            validated: false,
                            vetoed: true,
                        }),
                        Verdict::Drop => {}
                    }
                };
                match secret_group {
                    Some(g) => {
                        for caps in regex.captures_iter(hay) {
                            let whole = caps.get(0).map_or(&b""[..], |m| m.as_bytes());
                            if let Some(m) = caps.get(*g).or_else(|| caps.get(0)) {
                                consider(m.start(), m.end(), whole);
                            }
                        }
                    }
                    None => {
                        for m in regex.find_iter(hay) {
                            consider(m.start(), m.end(), m.as_bytes());
                        }
                    }
                }
            }
        }
        let found = self.resolve_overlaps(found);
        self.locate(data, found, markers, state);
    }

    /// Filters: allowlisted values, placeholders, entropy, validator.
    fn accept(&self, rule: &Rule, secret: &[u8]) -> Verdict {
        if self.allow_values.contains(secret)
            || is_placeholder(secret)
            || is_placeholder_word(secret)
        {
            return Verdict::Drop;
        }
        // Heuristic rules: a CONSTANT_CASE name is an identifier (a type or constant).
        if rule.meta.confidence == Confidence::Low && is_identifier_like(secret) {
            return Verdict::Drop;
        }
        if let Some(min) = rule.min_entropy
            && shannon_entropy(secret) < min
        {
            return Verdict::Drop;
        }
        match rule.validator {
            Some(v) if !v.check(secret) => Verdict::Veto,
            Some(_) => Verdict::Keep { validated: true },
            None => Verdict::Keep { validated: false },
        }
    }

    /// Where candidate secrets overlap, keep the most confident rule (then the most
    /// severe, then the longer span, then the lower rule index).
    fn resolve_overlaps(&self, mut found: Vec<RawMatch>) -> Vec<RawMatch> {
        if found.len() < 2 {
            found.retain(|m| !m.vetoed);
            return found;
        }
        let rank = |m: &RawMatch| {
            let r = &self.rules[m.rule as usize];
            (
                r.meta.confidence,
                m.validated,
                r.meta.severity,
                m.end - m.start,
                std::cmp::Reverse(m.rule),
            )
        };
        found.sort_by(|a, b| a.start.cmp(&b.start).then(rank(b).cmp(&rank(a))));
        found.dedup_by(|a, b| a.rule == b.rule && a.start == b.start && a.end == b.end);
        // Kept matches never overlap each other, so they are sorted by start and by end:
        // only a suffix of them can overlap the next candidate.
        let mut keep: Vec<RawMatch> = Vec::with_capacity(found.len());
        for m in found {
            let mut first_overlap = keep.len();
            while first_overlap > 0 && keep[first_overlap - 1].end > m.start {
                first_overlap -= 1;
            }
            if keep[first_overlap..].iter().any(|k| rank(k) >= rank(&m)) {
                continue;
            }
            keep.truncate(first_overlap);
            keep.push(m);
        }
        keep.retain(|m| !m.vetoed);
        keep
    }

    fn locate(
        &self,
        data: &[u8],
        mut found: Vec<RawMatch>,
        markers: Vec<usize>,
        state: &mut ScanState,
    ) {
        found.sort_by_key(|m| (m.start, m.rule));
        // Line numbers: count newlines incrementally between sorted offsets.
        let mut cursor = 0usize;
        let mut line = state.line_base;
        let mut offsets: Vec<usize> = found
            .iter()
            .map(|m| m.start)
            .chain(markers.iter().copied())
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        // (line, 1-based column in code points) of every offset, in one forward pass.
        let mut line_at: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        let mut col = state.chars_before_chunk;
        for off in offsets {
            let seg = &data[cursor..off];
            match memchr::memrchr(b'\n', seg) {
                Some(nl) => {
                    line += count_newlines(seg);
                    col = count_chars(&seg[nl + 1..]);
                }
                None => col += count_chars(seg),
            }
            cursor = off;
            line_at.insert(off, (line, col + 1));
        }
        for off in markers {
            let ls = line_start(data, off);
            let le = line_end(data, off);
            let text = String::from_utf8_lossy(&data[ls..le]);
            if let Some(s) = parse_inline(&text, line_at[&off].0 as u32) {
                state.inline.push(s);
            }
        }
        // Secrets on each line, for redacting every secret in a snippet.
        // Sorted by start and, as kept matches never overlap, by end too.
        let spans: Vec<(usize, usize)> = found.iter().map(|m| (m.start, m.end)).collect();
        for m in &found {
            let rule = &self.rules[m.rule as usize];
            let secret = &data[m.start..m.end];
            let (start_line, start_col) = line_at[&m.start];
            let end_line = start_line + count_newlines(secret);
            let end_col = match memchr::memrchr(b'\n', secret) {
                Some(nl) => count_chars(&secret[nl + 1..]) + 1,
                None => start_col + count_chars(secret),
            };
            let redacted = self.display_secret(secret);
            let snippet = self.snippet(data, m, &spans, start_line);
            let digest = sha256_hex(secret);
            let mut properties = BTreeMap::new();
            properties.insert("secret_prefix".to_owned(), prefix(secret).into());
            properties.insert("secret_sha256".to_owned(), digest.clone().into());
            properties.insert("secret_length".to_owned(), secret.len().into());
            if rule.validator.is_some() {
                properties.insert("validated".to_owned(), m.validated.into());
            }
            if self.show_secrets {
                properties.insert(
                    "secret".to_owned(),
                    String::from_utf8_lossy(secret).into_owned().into(),
                );
            }
            let location = Location {
                path: String::new(),
                start_line: start_line as u32,
                start_column: start_col as u32,
                end_line: end_line as u32,
                end_column: end_col as u32,
                commit: None,
            };
            let fp = fingerprint(&[b"secrets", rule.meta.id.as_bytes(), digest.as_bytes()]);
            let message = format!("{}: `{redacted}`", rule.meta.title);
            state.findings.push(Finding {
                snippet: Some(snippet),
                properties,
                ..Finding::new(&rule.meta, message, location, fp)
            });
        }
    }

    /// The secret as shown in output: a short prefix and a hash, or the clear text with
    /// `--show-secrets`.
    fn display_secret(&self, secret: &[u8]) -> String {
        if self.show_secrets {
            return String::from_utf8_lossy(secret).into_owned();
        }
        redact(secret)
    }

    fn snippet(&self, data: &[u8], m: &RawMatch, spans: &[(usize, usize)], line: usize) -> Snippet {
        let ls = line_start(data, m.start);
        let le = line_end(data, m.start);
        let from = ls.max(m.start.saturating_sub(SNIPPET_CONTEXT));
        let from = floor_char(data, from, ls);
        let to = le.min(m.end.min(le).saturating_add(SNIPPET_CONTEXT));
        let to = ceil_char(data, to, le);
        let mut text = String::new();
        if from > ls {
            text.push('…');
        }
        let mut pos = from;
        let mut highlight = (0u32, 0u32);
        // Spans are sorted and do not overlap, so those on this stretch are contiguous.
        let lo = spans.partition_point(|&(_, e)| e <= from);
        let hi = spans.partition_point(|&(s, _)| s < to);
        for &(s, e) in &spans[lo..hi.max(lo)] {
            if s < pos {
                continue;
            }
            text.push_str(&String::from_utf8_lossy(&data[pos..s]));
            let shown = self.display_secret(&data[s..e]);
            let shown = shown.lines().next().unwrap_or("").to_owned()
                + if self.show_secrets && data[s..e].contains(&b'\n') {
                    "…"
                } else {
                    ""
                };
            let col = text.len() as u32 + 1;
            text.push_str(&shown);
            if s == m.start {
                highlight = (col, text.len() as u32 + 1);
            }
            pos = e.min(to).max(s);
            if e > to {
                pos = to;
            }
        }
        if pos < to {
            text.push_str(&String::from_utf8_lossy(&data[pos..to]));
        }
        if to < le {
            text.push('…');
        }
        let text = text.replace('\t', " ").replace('\r', "");
        Snippet {
            line: line as u32,
            text,
            highlight,
        }
    }

    fn finish(&self, state: ScanState, info: FileInfo<'_>, res: &mut FileResult) {
        let ScanState {
            mut findings,
            inline,
            ..
        } = state;
        let mut used = vec![false; inline.len()];
        for f in &mut findings {
            info.rel.clone_into(&mut f.location.path);
            for (i, s) in inline.iter().enumerate() {
                if !s.covers(&f.rule_id, f.location.start_line) {
                    continue;
                }
                used[i] = true;
                if let Some(reason) = &s.reason {
                    f.suppression = Some(Suppression {
                        kind: SuppressionKind::Inline,
                        reason: reason.clone(),
                        owner: None,
                        expires: None,
                    });
                    break;
                }
            }
        }
        for (i, s) in inline.iter().enumerate() {
            let ours: Vec<&String> = s
                .rules
                .iter()
                .filter(|r| self.rule_ids.contains(r.as_str()))
                .collect();
            if ours.is_empty() || info.docs {
                continue;
            }
            if s.reason.is_none() {
                res.diagnostics.push(
                    Diagnostic::new(
                        "suppression-missing-reason",
                        DiagnosticLevel::Warning,
                        format!(
                            "`palisade:ignore[{}]` has no reason and does not apply; write the \
                             reason after the brackets",
                            s.rules.join(",")
                        ),
                    )
                    .at(info.rel.to_owned(), Some(s.line)),
                );
            } else if !used[i] {
                res.diagnostics.push(
                    Diagnostic::new(
                        "suppression-unused",
                        DiagnosticLevel::Warning,
                        format!(
                            "`palisade:ignore[{}]` matched no finding on this or the next line; \
                             remove it",
                            s.rules.join(",")
                        ),
                    )
                    .at(info.rel.to_owned(), Some(s.line)),
                );
            }
        }
        res.findings.extend(findings);
    }
}

#[derive(Debug)]
struct ScanState {
    findings: Vec<Finding>,
    inline: Vec<InlineSuppression>,
    /// Line number of the first byte of the current chunk.
    line_base: usize,
    /// Code points on the current line before the chunk's first byte.
    chars_before_chunk: usize,
}

impl Default for ScanState {
    fn default() -> Self {
        Self {
            findings: Vec::new(),
            inline: Vec::new(),
            line_base: 1,
            chars_before_chunk: 0,
        }
    }
}

/// How much of a secret is shown: a vendor prefix such as `ghp_`, `sk_` or `xoxb-` (a short
/// lowercase word before the first `_` or `-`), otherwise at most one eighth of the secret
/// and never more than 4 characters.
fn prefix(secret: &[u8]) -> String {
    // A PEM block's BEGIN line names the key type and is not secret.
    if secret.starts_with(b"-----BEGIN ")
        && let Some(nl) = memchr::memchr(b'\n', secret)
    {
        return String::from_utf8_lossy(&secret[..nl]).trim_end().to_owned();
    }
    let vendor = secret
        .iter()
        .position(|&b| b == b'_' || b == b'-')
        .filter(|&i| (2..=6).contains(&i) && i * 3 < secret.len())
        .filter(|&i| secret[..i].iter().all(u8::is_ascii_lowercase));
    let n = match vendor {
        Some(i) => i + 1,
        None => (secret.len() / 8).min(4),
    };
    let p = &secret[..n];
    if p.is_ascii() && !p.iter().any(u8::is_ascii_control) {
        String::from_utf8_lossy(p).into_owned()
    } else {
        String::new()
    }
}

/// The redacted form: prefix, ellipsis and a short hash.
pub fn redact(secret: &[u8]) -> String {
    let digest = sha256_hex(secret);
    format!("{}…[sha256:{}]", prefix(secret), &digest[..8])
}

fn looks_binary(data: &[u8]) -> bool {
    data[..data.len().min(BINARY_PROBE)].contains(&0)
}

/// Code points in UTF-8 text (invalid bytes count as one each).
fn count_chars(data: &[u8]) -> usize {
    data.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

fn count_newlines(data: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', data).count()
}

fn line_start(data: &[u8], pos: usize) -> usize {
    let lo = pos.saturating_sub(LINE_WINDOW);
    memchr::memrchr(b'\n', &data[lo..pos]).map_or(lo, |i| lo + i + 1)
}

fn line_end(data: &[u8], pos: usize) -> usize {
    let hi = (pos + LINE_WINDOW).min(data.len());
    memchr::memchr(b'\n', &data[pos..hi]).map_or(hi, |i| pos + i)
}

/// Move `pos` back to a UTF-8 character boundary, not before `lo`.
fn floor_char(data: &[u8], mut pos: usize, lo: usize) -> usize {
    while pos > lo && pos < data.len() && (data[pos] & 0xC0) == 0x80 {
        pos -= 1;
    }
    pos
}

/// Move `pos` forward to a UTF-8 character boundary, not after `hi`.
fn ceil_char(data: &[u8], mut pos: usize, hi: usize) -> usize {
    while pos < hi && pos < data.len() && (data[pos] & 0xC0) == 0x80 {
        pos += 1;
    }
    pos
}

/// Read until `buf` holds `cap` bytes or the reader ends. Returns true at end of input.
fn fill(reader: &mut dyn Read, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<bool> {
    let want = cap.saturating_sub(buf.len());
    // `read_to_end` reads into spare capacity without zeroing it first.
    let n = reader.take(want as u64).read_to_end(buf)?;
    Ok(n < want)
}
