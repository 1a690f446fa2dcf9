//! The matching engine: one Aho-Corasick pass over the bytes finds keyword hits; each rule's
//! regex then runs only on the lines around its own hits. Candidates go through the
//! placeholder allowlist, the entropy gate and the rule's validator; overlapping candidates
//! keep the most specific rule; survivors become redacted findings.
//!
//! Large inputs are read in chunks. Each chunk *owns* a range of bytes and also sees
//! [`MARGIN`] bytes of context on both sides, which is more than any keyword hit, regex
//! window or snippet can reach. A chunk reports exactly the candidates that start in its own
//! range, so a file gives the same findings whole or chunked, and every snippet is redacted
//! with every secret that touches it, wherever that secret's own chunk is.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::Read;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use palisade_core::fingerprint::{fingerprint, sha256_hex};
use palisade_core::suppress::{INLINE_MARKER, InlineSuppression, parse_inline};
use palisade_core::text::is_unsafe_control;
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
/// Context a chunk sees before and after the bytes it owns. A candidate lies within
/// `MULTILINE_WINDOW` of its keyword hit, whose line start is looked up at most
/// `LINE_WINDOW` back; a snippet neighbour starts at most `MULTILINE_WINDOW` before the
/// snippet. 64 KiB covers all of these with room to spare.
pub const MARGIN: usize = 64 * 1024;
/// Keyword hits up to this far past a chunk's own range can still yield a candidate that
/// starts inside it (`LINE_WINDOW`) or a secret that touches one of its snippets (another
/// `LINE_WINDOW` plus the snippet context).
const HIT_REACH: usize = 2 * LINE_WINDOW + SNIPPET_CONTEXT + 8;
/// Longest snippet text around a finding.
const SNIPPET_CONTEXT: usize = 60;
/// Bytes examined for NUL to decide a file is binary.
const BINARY_PROBE: usize = 8000;
/// Occurrences of one rule listed per file. Further occurrences are counted: the first one
/// that no inline suppression covers is reported as one more finding carrying the count, so
/// the gate still sees them.
pub const MAX_OCCURRENCES_PER_RULE: usize = 100;
/// Suppression diagnostics listed per file; the rest are counted in one more diagnostic.
pub const MAX_SUPPRESSION_DIAGNOSTICS: usize = 100;
/// Highest line number an inline suppression may sit on: past it, line numbers saturate and
/// a comment could seem to cover a finding that is really elsewhere.
const MAX_SUPPRESSION_LINE: usize = u32::MAX as usize - 2;

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
    /// The content says it is generated (`@generated`, `Code generated … DO NOT EDIT`, a
    /// parser table): heuristic rules did not run on it.
    pub generated: bool,
    /// Bytes read.
    pub bytes: u64,
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
    /// Memory-hard fingerprints computed so far, by a digest of (rule id, secret) that
    /// never leaves the process.
    kdf_cache: std::sync::Mutex<std::collections::HashMap<[u8; 32], String>>,
    /// Memory-hard fingerprints computed (cache misses).
    kdf_calls: std::sync::atomic::AtomicU64,
    /// At most this many of them per scan ([`KDF_PER_SCAN`]).
    kdf_limit: u64,
    /// Ids of every built-in rule, disabled ones included.
    known_ids: std::collections::BTreeSet<String>,
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
    /// Absolute span of the credential's public identifier (the rule's `public` group).
    public: Option<(usize, usize)>,
}

/// What the filters decide about a candidate.
enum Verdict {
    Keep { validated: bool },
    Drop,
    Veto,
}

/// A stretch of bytes that must never be printed: a reported secret (shown in its redacted
/// form) or a candidate that lost to an overlapping one (shown as `…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hidden {
    start: usize,
    end: usize,
    /// Rule of a reported secret; `None` for the rest of a losing candidate.
    rule: Option<u32>,
}

impl Engine {
    /// Build an engine from compiled rules, dropping disabled ones.
    pub fn new(rules: Vec<Rule>, opts: &EngineOptions) -> Self {
        let known_ids = rules.iter().map(|r| r.meta.id.clone()).collect();
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
            kdf_cache: std::sync::Mutex::default(),
            kdf_calls: std::sync::atomic::AtomicU64::new(0),
            kdf_limit: KDF_PER_SCAN,
            known_ids,
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
        // UTF-16 with a byte-order mark is transcoded, a UTF-8 byte-order mark dropped:
        // lines and columns are those of the text (`bytes` stays the raw size).
        let text = crate::decode::decode(data);
        let data = &*text;
        if looks_binary(data) {
            res.binary = true;
            return res;
        }
        let mut state = ScanState::new(data);
        self.scan_chunk(data, 0..data.len(), &mut state, info);
        self.finish(state, info, &mut res);
        res
    }

    /// Scan a reader in bounded memory (chunks of 8 MiB with [`MARGIN`] bytes of context on
    /// both sides). Path rules apply too, also when the content is binary.
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
                let res = self.scan_reader_with(reader, info, &mut buf, CHUNK);
                // Do not keep a huge buffer around after one big file.
                if buf.capacity() > CHUNK + MARGIN {
                    *buf = Vec::new();
                }
                res
            }
            Err(_) => self.scan_reader_with(reader, info, &mut Vec::new(), CHUNK),
        })
    }

    /// [`Engine::scan_reader`] with a chosen chunk size (at least `4 * MARGIN`), so tests
    /// can put chunk edges where they want them.
    #[doc(hidden)]
    pub fn scan_reader_chunked(
        &self,
        reader: &mut dyn Read,
        info: FileInfo<'_>,
        chunk: usize,
    ) -> std::io::Result<FileResult> {
        self.scan_reader_with(reader, info, &mut Vec::new(), chunk.max(4 * MARGIN))
    }

    fn scan_reader_with(
        &self,
        reader: &mut dyn Read,
        info: FileInfo<'_>,
        buf: &mut Vec<u8>,
        chunk: usize,
    ) -> std::io::Result<FileResult> {
        let mut res = FileResult {
            findings: self.scan_path(info.rel),
            ..FileResult::default()
        };
        // The text as UTF-8 without a byte-order mark (see `decode`); `bytes` counts what
        // was read from the file.
        let mut decoder = crate::decode::Decoder::new(reader);
        let reader: &mut dyn Read = &mut decoder;
        let mut state: Option<ScanState> = None;
        // Absolute offset of buf[0], and where the current chunk's own bytes start in buf.
        let mut base = 0usize;
        let mut owned_start = 0usize;
        loop {
            let eof = fill(reader, buf, chunk)?;
            if state.is_none() && looks_binary(buf) {
                res.binary = true;
                res.bytes = decoder.raw_bytes();
                return Ok(res);
            }
            let state = state.get_or_insert_with(|| ScanState::new(buf));
            let owned_end = if eof { buf.len() } else { buf.len() - MARGIN };
            state.base = base;
            self.scan_chunk(buf, owned_start..owned_end, state, info);
            if eof {
                res.bytes = decoder.raw_bytes();
                break;
            }
            state.advance(&buf[owned_start..owned_end]);
            // Keep MARGIN bytes before the next chunk's own range as its context.
            let keep_from = owned_end - MARGIN.min(owned_end);
            buf.drain(..keep_from);
            base += keep_from;
            owned_start = owned_end - keep_from;
        }
        if let Some(state) = state {
            self.finish(state, info, &mut res);
        }
        Ok(res)
    }

    /// Scan `data`, reporting the candidates that start in `owned`. Everything else in
    /// `data` is context: it is searched for keyword hits that reach into `owned` and for
    /// secrets that must be hidden in snippets.
    fn scan_chunk(
        &self,
        data: &[u8],
        owned: Range<usize>,
        state: &mut ScanState,
        info: FileInfo<'_>,
    ) {
        let Some(ac) = &self.ac else { return };
        let skip_low = info.test_like || info.lockfile || state.generated;
        let nl = state.nl;
        let hit_limit = owned.end.saturating_add(HIT_REACH);
        // Windows per rule, merged as hits arrive in increasing order.
        let mut windows: BTreeMap<u32, Vec<(usize, usize)>> = BTreeMap::new();
        let mut markers = Vec::new();
        let mut lines = LineCache::new(data, nl);
        for m in ac.find_iter(data) {
            if m.start() >= hit_limit {
                break;
            }
            let p = m.pattern().as_usize();
            if p == self.marker {
                if state.base + m.start() >= state.next_marker && m.start() >= owned.start {
                    markers.push(m.start());
                }
                continue;
            }
            let ls = lines.start(m.start());
            let mut le = None;
            for &ri in &self.triggers[p] {
                let rule = &self.rules[ri as usize];
                if skip_low && rule.meta.confidence == Confidence::Low {
                    continue;
                }
                let (ws, we) = if rule.multiline {
                    (ls, (ls + MULTILINE_WINDOW).min(data.len()))
                } else {
                    (ls, *le.get_or_insert_with(|| lines.end(m.end())))
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
                public_group,
            } = &rule.matcher
            else {
                continue;
            };
            for (ws, we) in wins {
                let hay = &data[ws..we];
                let mut consider =
                    |s: usize, e: usize, whole: &[u8], public: Option<(usize, usize)>| {
                        let (s, e) = (ws + s, ws + e);
                        if s == e || mentions_documentation_domain(whole) {
                            return;
                        }
                        let verdict = self.accept(rule, &data[s..e]);
                        let (validated, vetoed) = match verdict {
                            Verdict::Keep { validated } => (validated, false),
                            Verdict::Veto => (false, true),
                            Verdict::Drop => return,
                        };
                        found.push(RawMatch {
                            rule: ri,
                            start: s,
                            end: e,
                            validated,
                            vetoed,
                            public: public.map(|(a, b)| (ws + a, ws + b)),
                        });
                    };
                if secret_group.is_some() || public_group.is_some() {
                    for caps in regex.captures_iter(hay) {
                        let whole = caps.get(0).map_or(&b""[..], |m| m.as_bytes());
                        let public = public_group
                            .and_then(|g| caps.get(g))
                            .map(|m| (m.start(), m.end()));
                        let secret = secret_group.and_then(|g| caps.get(g));
                        if let Some(m) = secret.or_else(|| caps.get(0)) {
                            consider(m.start(), m.end(), whole, public);
                        }
                    }
                } else {
                    for m in regex.find_iter(hay) {
                        consider(m.start(), m.end(), m.as_bytes(), None);
                    }
                }
            }
        }
        // Every candidate that passed the filters is hidden in snippets, also one that lost
        // to an overlapping candidate of another rule (its extra text is secret too).
        let mut hidden: Vec<Hidden> = found
            .iter()
            .filter(|m| !m.vetoed)
            .map(|m| Hidden {
                start: m.start,
                end: m.end,
                rule: None,
            })
            .collect();
        let kept = self.resolve_overlaps(found);
        hidden.extend(kept.iter().map(|m| Hidden {
            start: m.start,
            end: m.end,
            rule: Some(m.rule),
        }));
        // A reported secret comes before a losing candidate that starts where it does, and
        // stands for it when both cover the same bytes.
        hidden.sort_unstable_by_key(|h| (h.start, h.rule.is_none(), h.end, h.rule));
        hidden.dedup_by(|a, b| a.start == b.start && a.end == b.end);
        let owned_kept: Vec<RawMatch> = kept
            .into_iter()
            .filter(|m| owned.contains(&m.start))
            .collect();
        self.locate(data, &owned, owned_kept, &hidden, &markers, state);
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
        if let Some(re) = &rule.secret_must_match
            && !re.is_match(secret)
        {
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

    /// Turn the chunk's own candidates into findings and collect its inline suppressions.
    fn locate(
        &self,
        data: &[u8],
        owned: &Range<usize>,
        mut found: Vec<RawMatch>,
        hidden: &[Hidden],
        markers: &[usize],
        state: &mut ScanState,
    ) {
        let nl = state.nl;
        let longest_hidden = hidden.iter().map(|h| h.end - h.start).max().unwrap_or(0);
        found.sort_by_key(|m| (m.start, m.rule));
        // (line, 1-based column in code points) of every offset, in one forward pass from
        // the start of the chunk's own range.
        let mut offsets: Vec<usize> = found
            .iter()
            .map(|m| m.start)
            .chain(markers.iter().copied())
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut positions: Vec<(usize, usize)> = Vec::with_capacity(offsets.len());
        let mut cursor = owned.start;
        let mut line = state.line;
        let mut col = state.col;
        for &off in &offsets {
            let seg = &data[cursor..off];
            match memchr::memrchr(nl, seg) {
                Some(i) => {
                    line += count_lines(seg, nl);
                    col = count_chars(&seg[i + 1..]);
                }
                None => col += count_chars(seg),
            }
            cursor = off;
            positions.push((line, col + 1));
        }
        let position = |off: usize| positions[offsets.partition_point(|&o| o < off)];

        // Inline suppressions: one per line (the first marker on it counts).
        let mut last_marker_line = state.inline.last().map(|s| s.line as usize);
        for &off in markers {
            let (line, _) = position(off);
            state.next_marker = state.base + off + 1;
            if last_marker_line == Some(line) || line > MAX_SUPPRESSION_LINE {
                continue;
            }
            // The marker quoted (`palisade:ignore[x]`, "palisade:ignore") is a mention of the
            // syntax in documentation or a message, not a suppression.
            if off > 0 && matches!(data[off - 1], b'`' | b'"' | b'\'') {
                continue;
            }
            last_marker_line = Some(line);
            let ls = line_start(data, off, nl);
            let le = line_end(data, off, nl);
            let text = String::from_utf8_lossy(&data[ls..le]);
            if let Some(s) = parse_inline(&text, line as u32) {
                state.inline.push(s);
                state.inline_used.push(false);
            } else if let Some(problem) = palisade_core::suppress::inline_problem(&text) {
                state.malformed.push((line as u32, problem));
            }
        }

        for m in &found {
            let rule = &self.rules[m.rule as usize];
            let (start_line, start_col) = position(m.start);
            let seen = {
                let c = state.per_rule.entry(m.rule).or_default();
                c.seen += 1;
                c.seen
            };
            if seen > MAX_OCCURRENCES_PER_RULE {
                let covered = state.covering(&rule.meta.id, start_line);
                let c = state.per_rule.entry(m.rule).or_default();
                if let Some(i) = covered {
                    c.omitted_suppressed += 1;
                    state.inline_used[i] = true;
                    continue;
                }
                if c.representative.is_some() {
                    c.omitted += 1;
                    continue;
                }
                c.representative = Some(state.findings.len());
            }
            let secret = &data[m.start..m.end];
            let end_line = start_line + count_lines(secret, nl);
            let end_col = match memchr::memrchr(nl, secret) {
                Some(i) => count_chars(&secret[i + 1..]) + 1,
                None => start_col + count_chars(secret),
            };
            let snippet = self.snippet(data, m, hidden, longest_hidden, start_line, nl);
            let mut properties = BTreeMap::new();
            properties.insert(
                "secret_prefix".to_owned(),
                shown_prefix(rule, secret).into(),
            );
            let public = m.public.and_then(|(a, b)| public_id(&data[a..b]));
            if let Some(p) = &public {
                properties.insert("public_id".to_owned(), p.clone().into());
            }
            if rule.validator.is_some() {
                properties.insert("validated".to_owned(), m.validated.into());
            }
            if self.show_secrets {
                properties.insert("secret".to_owned(), clear_text(secret).into());
            }
            let location = Location {
                path: String::new(),
                start_line: state.saturate(start_line),
                start_column: state.saturate(start_col),
                end_line: state.saturate(end_line),
                end_column: state.saturate(end_col),
                commit: None,
            };
            let fp = self.fingerprint(rule, secret, state).unwrap_or_else(|| {
                // Over the file's budget of memory-hard fingerprints: fingerprinted by what
                // precedes the value on its line, never by the value (see finish).
                let ls = line_start(data, m.start, nl);
                let before = &data[ls.max(m.start.saturating_sub(64))..m.start];
                state
                    .context_fingerprints
                    .push((state.findings.len(), before.trim_ascii().to_vec()));
                String::new()
            });
            let mut message = format!("{}: `{}`", rule.meta.title, self.display(rule, secret));
            if let Some(p) = &public {
                let _ = write!(message, " (id {p})");
            }
            state.findings.push(Finding {
                snippet: Some(snippet),
                properties,
                ..Finding::new(&rule.meta, message, location, fp)
            });
        }
    }

    /// The secret as shown in output: a short prefix (if the rule allows one) and a hash,
    /// or the clear text with `--show-secrets`.
    fn display(&self, rule: &Rule, secret: &[u8]) -> String {
        if self.show_secrets {
            return clear_text(secret);
        }
        format!("{}…", shown_prefix(rule, secret))
    }

    /// The fingerprint of a finding of `rule` with this secret, stable across runs and
    /// machines and no help in guessing the secret: for secrets whose format makes them
    /// high-entropy a domain-separated SHA-256 (guessing one is infeasible anyway); for
    /// password-like secrets (low-confidence or `password`-tagged rules) Argon2id with fixed
    /// public parameters, so each guess costs [`KDF_MEMORY_KIB`] KiB and many hash rounds.
    /// `None` when the file already spent its budget of [`KDF_PER_FILE`] distinct
    /// password-like values.
    fn fingerprint(&self, rule: &Rule, secret: &[u8], state: &mut ScanState) -> Option<String> {
        if !password_like(rule) {
            let digest = sha256_hex(secret);
            return Some(fingerprint(&[
                b"secrets",
                rule.meta.id.as_bytes(),
                digest.as_bytes(),
            ]));
        }
        let key: [u8; 32] = sha2_digest(rule.meta.id.as_bytes(), secret);
        // The budget counts distinct values in this file, whatever other files computed:
        // which findings fall back does not depend on the order files are scanned in.
        if !state.kdf_values.contains(&key) {
            if state.kdf_values.len() >= KDF_PER_FILE {
                state.kdf_capped = true;
                return None;
            }
            state.kdf_values.insert(key);
        }
        if let Some(fp) = lock(&self.kdf_cache).get(&key) {
            return Some(fp.clone());
        }
        // A bound on the whole scan too (thousands of files each with many passwords): past
        // it, which values fall back depends on the order files were read, so the note says
        // fingerprints may then differ between runs.
        let before = self
            .kdf_calls
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if before >= self.kdf_limit {
            self.kdf_calls
                .fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            state.kdf_capped = true;
            return None;
        }
        let fp = kdf_fingerprint(rule.meta.id.as_bytes(), secret);
        lock(&self.kdf_cache).insert(key, fp.clone());
        Some(fp)
    }

    /// The known rule id closest to `id` (same prefix before the first `-`, or `id` as a
    /// prefix), for a hint.
    fn nearest_rule(&self, id: &str) -> Option<&str> {
        // A typo (at most a third of the id's characters off), else the one id it begins.
        let best = self
            .known_ids
            .iter()
            .map(|k| (edit_distance(id, k), k))
            .min()
            .filter(|(d, _)| *d > 0 && *d <= id.len().div_ceil(3))
            .map(|(_, k)| k);
        best.or_else(|| {
            (id.len() >= 3)
                .then(|| self.known_ids.iter().find(|k| k.starts_with(id)))
                .flatten()
        })
        .map(String::as_str)
    }

    /// The same engine with another limit on memory-hard fingerprints per scan (tests).
    #[doc(hidden)]
    #[must_use]
    pub fn with_kdf_limit(mut self, limit: u64) -> Self {
        self.kdf_limit = limit;
        self
    }

    /// How many memory-hard fingerprints this engine computed (not served from its cache).
    pub fn kdf_calls(&self) -> u64 {
        self.kdf_calls.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The finding's line around its secret, at most [`SNIPPET_CONTEXT`] bytes on each
    /// side, with every hidden span that touches it replaced and control characters
    /// escaped.
    fn snippet(
        &self,
        data: &[u8],
        m: &RawMatch,
        hidden: &[Hidden],
        longest_hidden: usize,
        line: usize,
        nl: u8,
    ) -> Snippet {
        let ls = line_start(data, m.start, nl);
        let le = line_end(data, m.start, nl);
        let from = floor_char(data, ls.max(m.start.saturating_sub(SNIPPET_CONTEXT)), ls);
        let to = ceil_char(
            data,
            le.min(m.end.min(le).saturating_add(SNIPPET_CONTEXT)),
            le,
        );
        let mut text = String::new();
        if from > ls {
            text.push('…');
        }
        let mut pos = from;
        let mut highlight = (0u32, 0u32);
        // Hidden spans are sorted by start; any that ends after `from` and starts before
        // `to` touches the snippet, so none starts earlier than the longest one before.
        let first = hidden.partition_point(|h| h.start + longest_hidden < from);
        for h in &hidden[first..] {
            if h.start >= to {
                break;
            }
            if h.end <= pos {
                continue;
            }
            if h.start > pos {
                push_raw(&mut text, &data[pos..h.start]);
            }
            let col = text.len() as u32 + 1;
            match h.rule {
                Some(ri) => {
                    let rule = &self.rules[ri as usize];
                    let secret = &data[h.start..h.end];
                    let shown = self.display(rule, secret);
                    let first_line = shown.lines().next().unwrap_or("");
                    text.push_str(first_line);
                    if self.show_secrets && first_line.len() < shown.len() {
                        text.push('…');
                    }
                }
                None => text.push('…'),
            }
            if h.start == m.start && h.rule == Some(m.rule) {
                highlight = (col, text.len() as u32 + 1);
            }
            pos = h.end.min(to).max(pos);
            if pos >= to {
                break;
            }
        }
        if pos < to {
            push_raw(&mut text, &data[pos..to]);
        }
        if to < le {
            text.push('…');
        }
        Snippet {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            text,
            highlight,
        }
    }

    fn finish(&self, state: ScanState, info: FileInfo<'_>, res: &mut FileResult) {
        res.generated = state.generated;
        let ScanState {
            mut findings,
            inline,
            mut inline_used,
            per_rule,
            line_overflow,
            kdf_capped,
            context_fingerprints,
            malformed,
            ..
        } = state;
        for (i, before) in context_fingerprints {
            if let Some(f) = findings.get_mut(i) {
                f.fingerprint = fingerprint(&[
                    b"secrets-context",
                    f.rule_id.as_bytes(),
                    info.rel.as_bytes(),
                    &before,
                ]);
            }
        }
        if kdf_capped {
            res.diagnostics.push(
                Diagnostic::new(
                    "fingerprint-limit",
                    DiagnosticLevel::Note,
                    format!(
                        "more than {KDF_PER_FILE} distinct password-like values in this file \
                         (or more than {KDF_PER_SCAN} in the scan): the rest are fingerprinted \
                         by rule, path and the text before the value, not by the value (a \
                         memory-hard fingerprint costs time); past the scan's limit, which \
                         values these are can differ between runs"
                    ),
                )
                .at(info.rel.to_owned(), None),
            );
        }
        let mut representatives = BTreeMap::new();
        for (ri, c) in &per_rule {
            if let Some(idx) = c.representative {
                representatives.insert(idx, (*ri, c));
            }
        }
        for (idx, f) in findings.iter_mut().enumerate() {
            info.rel.clone_into(&mut f.location.path);
            let omitted = representatives.get(&idx);
            if let Some((_, c)) = omitted {
                let more = c.omitted + c.omitted_suppressed;
                f.properties
                    .insert("omitted_occurrences".to_owned(), more.into());
                let _ = write!(
                    f.message,
                    " (and {more} more occurrence{} of this rule in this file, not listed)",
                    if more == 1 { "" } else { "s" }
                );
            }
            let line = f.location.start_line as usize;
            for i in inline_covering(&inline, &f.rule_id, line) {
                inline_used[i] = true;
                // The finding that stands for unlisted unsuppressed occurrences stays
                // active: suppressing it would hide them.
                if omitted.is_some_and(|(_, c)| c.omitted > 0) {
                    continue;
                }
                if let Some(reason) = &inline[i].reason {
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
        for (ri, c) in &per_rule {
            if c.seen <= MAX_OCCURRENCES_PER_RULE {
                continue;
            }
            let id = &self.rules[*ri as usize].meta.id;
            let rest = c.seen - MAX_OCCURRENCES_PER_RULE;
            let mut message = format!(
                "{} occurrences of `{id}` in this file; the first {MAX_OCCURRENCES_PER_RULE} \
                 are listed",
                c.seen
            );
            match c.representative.and_then(|i| findings.get(i)) {
                Some(f) => {
                    let _ = write!(
                        message,
                        ", and the finding at line {} stands for the other {rest} ({} of them \
                         suppressed inline)",
                        f.location.start_line, c.omitted_suppressed
                    );
                }
                None => {
                    let _ = write!(
                        message,
                        "; the other {rest} are all suppressed inline and not listed"
                    );
                }
            }
            res.diagnostics.push(
                Diagnostic::new("findings-limit", DiagnosticLevel::Warning, message)
                    .at(info.rel.to_owned(), None),
            );
        }
        if line_overflow {
            res.diagnostics.push(
                Diagnostic::new(
                    "line-number-overflow",
                    DiagnosticLevel::Warning,
                    format!(
                        "lines or columns past {} are reported as {}; inline suppressions \
                         there do not apply",
                        u32::MAX,
                        u32::MAX
                    ),
                )
                .at(info.rel.to_owned(), None),
            );
        }
        let mut listed = 0usize;
        let mut unlisted = 0usize;
        let mut report = |diags: &mut Vec<Diagnostic>, code: &str, line: u32, message: String| {
            if listed == MAX_SUPPRESSION_DIAGNOSTICS {
                unlisted += 1;
                return;
            }
            listed += 1;
            diags.push(
                Diagnostic::new(code, DiagnosticLevel::Warning, message)
                    .at(info.rel.to_owned(), Some(line)),
            );
        };
        // Documentation shows the syntax; its examples are not suppressions.
        if !info.docs {
            for (line, problem) in &malformed {
                report(
                    &mut res.diagnostics,
                    "suppression-invalid",
                    *line,
                    (*problem).to_owned(),
                );
            }
            for s in &inline {
                for id in s.rules.iter().filter(|id| {
                    palisade_core::suppress::looks_like_rule_id(id)
                        && !self.known_ids.contains(id.as_str())
                }) {
                    let mut message = format!(
                        "`palisade:ignore[{}]` names an unknown rule `{}`",
                        s.rules.join(","),
                        palisade_core::text::escape_control(&palisade_core::text::truncate_chars(
                            id, 64
                        ))
                    );
                    if let Some(near) = self.nearest_rule(id) {
                        let _ = write!(message, "; did you mean `{near}`?");
                    } else {
                        message.push_str("; `palisade rules` lists the ids");
                    }
                    report(&mut res.diagnostics, "suppression-invalid", s.line, message);
                }
            }
        }
        for (i, s) in inline.iter().enumerate() {
            if info.docs || !s.rules.iter().any(|r| self.rule_ids.contains(r.as_str())) {
                continue;
            }
            let (code, what) = if s.reason.is_none() {
                (
                    "suppression-missing-reason",
                    "has no reason and does not apply; write the reason after the brackets",
                )
            } else if !inline_used[i] {
                (
                    "suppression-unused",
                    "matched no finding on this or the next line; remove it",
                )
            } else {
                continue;
            };
            report(
                &mut res.diagnostics,
                code,
                s.line,
                format!("`palisade:ignore[{}]` {what}", s.rules.join(",")),
            );
        }
        if unlisted > 0 {
            res.diagnostics.push(
                Diagnostic::new(
                    "suppression-unused",
                    DiagnosticLevel::Warning,
                    format!(
                        "{unlisted} more unused or reason-less inline suppressions in this \
                         file are not listed (at most {MAX_SUPPRESSION_DIAGNOSTICS} per file)"
                    ),
                )
                .at(info.rel.to_owned(), None),
            );
        }
        res.findings.extend(findings);
    }
}

/// Indexes of the inline suppressions (sorted by line) that cover `rule` on `line`: the one
/// on the same line first, then the one on the line before.
fn inline_covering(inline: &[InlineSuppression], rule: &str, line: usize) -> Vec<usize> {
    let lo = inline.partition_point(|s| (s.line as usize) + 1 < line);
    let mut out: Vec<usize> = inline[lo..]
        .iter()
        .take_while(|s| s.line as usize <= line)
        .enumerate()
        .filter(|(_, s)| s.covers(rule, line as u32))
        .map(|(i, _)| lo + i)
        .collect();
    out.reverse();
    out
}

/// Occurrences of one rule in one file.
#[derive(Debug, Default, Clone, Copy)]
struct RuleCount {
    seen: usize,
    /// Index in the file's findings of the one that stands for the unlisted ones.
    representative: Option<usize>,
    /// Unlisted occurrences that no inline suppression covers.
    omitted: usize,
    /// Unlisted occurrences covered by an inline suppression.
    omitted_suppressed: usize,
}

#[derive(Debug)]
struct ScanState {
    findings: Vec<Finding>,
    /// Inline suppressions, sorted by line, and whether each covered a finding.
    inline: Vec<InlineSuppression>,
    inline_used: Vec<bool>,
    /// Absolute offset of the current chunk's first byte.
    base: usize,
    /// Absolute offset from which inline markers are new (earlier ones were collected by
    /// an earlier chunk, which looks past its own range).
    next_marker: usize,
    /// Line number of the first byte of the current chunk's own range.
    line: usize,
    /// Code points on that line before that byte.
    col: usize,
    /// The file's line terminator: `\n`, or `\r` for old Mac files that use no `\n`.
    nl: u8,
    /// The file says it is generated: heuristic rules do not run.
    generated: bool,
    per_rule: BTreeMap<u32, RuleCount>,
    /// A line or column did not fit in 32 bits.
    line_overflow: bool,
    /// Distinct password-like values given a memory-hard fingerprint in this file.
    kdf_values: HashSet<[u8; 32]>,
    /// More distinct password-like values than [`KDF_PER_FILE`].
    kdf_capped: bool,
    /// Findings past that budget (index) and the text before their value on its line.
    context_fingerprints: Vec<(usize, Vec<u8>)>,
    /// Inline suppression markers that do not parse: (line, what is wrong).
    malformed: Vec<(u32, &'static str)>,
}

impl ScanState {
    /// The state of a file whose first bytes are `head`.
    fn new(head: &[u8]) -> Self {
        Self {
            findings: Vec::new(),
            inline: Vec::new(),
            inline_used: Vec::new(),
            base: 0,
            next_marker: 0,
            line: 1,
            col: 0,
            nl: line_terminator(head),
            generated: looks_generated(head),
            per_rule: BTreeMap::new(),
            line_overflow: false,
            kdf_values: HashSet::new(),
            kdf_capped: false,
            context_fingerprints: Vec::new(),
            malformed: Vec::new(),
        }
    }

    /// Move the line and column counters past a chunk's own bytes.
    fn advance(&mut self, consumed: &[u8]) {
        self.line += count_lines(consumed, self.nl);
        match memchr::memrchr(self.nl, consumed) {
            Some(i) => self.col = count_chars(&consumed[i + 1..]),
            None => self.col += count_chars(consumed),
        }
    }

    /// A line or column as stored in a location: saturated at `u32::MAX`, noted once.
    fn saturate(&mut self, n: usize) -> u32 {
        u32::try_from(n).unwrap_or_else(|_| {
            self.line_overflow = true;
            u32::MAX
        })
    }

    /// The first inline suppression with a reason that covers `rule` on `line`.
    fn covering(&self, rule: &str, line: usize) -> Option<usize> {
        if line > u32::MAX as usize {
            return None;
        }
        inline_covering(&self.inline, rule, line)
            .into_iter()
            .find(|&i| self.inline[i].reason.is_some())
    }
}

/// Finds line starts and ends around positions that only grow (keyword hits in order),
/// without searching the same bytes again: on a minified file with a hit every few bytes,
/// plain `memrchr` over a 4 KiB window per hit would read every byte thousands of times.
struct LineCache<'a> {
    data: &'a [u8],
    nl: u8,
    /// Bytes before this offset have been searched backwards ...
    back_to: usize,
    /// ... and this is the last terminator among them.
    last_nl: Option<usize>,
    /// Forward search state: the first terminator at or after `fwd_from` (`None`: none
    /// before `fwd_to`).
    fwd_from: usize,
    fwd_to: usize,
    fwd_nl: Option<usize>,
}

impl<'a> LineCache<'a> {
    fn new(data: &'a [u8], nl: u8) -> Self {
        Self {
            data,
            nl,
            back_to: 0,
            last_nl: None,
            fwd_from: 0,
            fwd_to: 0,
            fwd_nl: None,
        }
    }

    /// Same as [`line_start`], for non-decreasing `pos`.
    fn start(&mut self, pos: usize) -> usize {
        let lo = pos.saturating_sub(LINE_WINDOW);
        if pos < self.back_to {
            return line_start(self.data, pos, self.nl);
        }
        let from = self.back_to.max(lo);
        if let Some(i) = memchr::memrchr(self.nl, &self.data[from..pos]) {
            self.last_nl = Some(from + i);
        }
        self.back_to = pos;
        match self.last_nl {
            Some(n) if n >= lo => n + 1,
            _ => lo,
        }
    }

    /// Same as [`line_end`], for non-decreasing `pos`.
    fn end(&mut self, pos: usize) -> usize {
        let hi = (pos + LINE_WINDOW).min(self.data.len());
        if pos < self.fwd_from {
            return line_end(self.data, pos, self.nl);
        }
        match self.fwd_nl {
            Some(n) if n >= pos => return n.min(hi),
            None if pos < self.fwd_to && hi <= self.fwd_to => return hi,
            _ => {}
        }
        // Search what is not known yet: bytes before `fwd_to` hold no terminator.
        let from = if self.fwd_nl.is_none() && pos < self.fwd_to {
            self.fwd_to
        } else {
            pos
        };
        self.fwd_from = pos;
        if let Some(i) = memchr::memchr(self.nl, &self.data[from..hi]) {
            self.fwd_nl = Some(from + i);
            self.fwd_to = from + i;
            from + i
        } else {
            self.fwd_nl = None;
            self.fwd_to = hi;
            hi
        }
    }
}

/// How much of a secret is shown: nothing for heuristic and password-like rules; for a PEM
/// block its `-----BEGIN … -----` label; otherwise a vendor prefix such as `ghp_`, `sk_` or
/// `xoxb-` (a short lowercase word before the first `_` or `-`), else at most one eighth of
/// the secret and never more than 4 characters.
fn shown_prefix(rule: &Rule, secret: &[u8]) -> String {
    if rule.meta.confidence == Confidence::Low || rule.meta.tags.iter().any(|t| t == "password") {
        return String::new();
    }
    prefix(secret)
}

/// The prefix rule of [`shown_prefix`], without the rule's say.
fn prefix(secret: &[u8]) -> String {
    const BEGIN: &[u8] = b"-----BEGIN ";
    if secret.starts_with(BEGIN) {
        // Only the label: `-----BEGIN RSA PRIVATE KEY-----`. What follows it (a body on the
        // same line, or `\n`-escaped lines in a quoted string) is key material.
        let rest = &secret[BEGIN.len()..];
        let label_len = rest
            .iter()
            .take(64)
            .position(|&b| !(b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' '))
            .unwrap_or(0);
        let label = &rest[..label_len];
        if rest[label_len..].starts_with(b"-----") && !label.is_empty() {
            return format!(
                "-----BEGIN {}-----",
                String::from_utf8_lossy(label).trim_end()
            );
        }
        return "-----BEGIN".to_owned();
    }
    let vendor = secret
        .iter()
        .position(|&b| b == b'_' || b == b'-')
        .filter(|&i| (2..=6).contains(&i) && i * 3 < secret.len())
        .filter(|&i| secret[..i].iter().all(u8::is_ascii_lowercase));
    // Only a vendor's fixed format prefix (`ghp_`, `xoxb-`): the first characters of the
    // random part would shrink the search space of a guess.
    let n = match vendor {
        Some(i) => i + 1,
        None => 0,
    };
    let p = &secret[..n];
    if p.iter().all(u8::is_ascii_graphic) {
        String::from_utf8_lossy(p).into_owned()
    } else {
        String::new()
    }
}

/// The redacted form of a secret found by no particular rule: its format prefix (`ghp_`)
/// and an ellipsis. Nothing derived from the value (no hash) is shown.
pub fn redact(secret: &[u8]) -> String {
    format!("{}…", prefix(secret))
}

/// Argon2id memory per fingerprint of a password-like secret, in KiB (OWASP's minimum
/// for password storage, 19 MiB).
pub const KDF_MEMORY_KIB: u32 = 19 * 1024;
/// Argon2id passes per fingerprint.
pub const KDF_ITERATIONS: u32 = 2;
/// Most distinct password-like values per file that get a memory-hard fingerprint.
pub const KDF_PER_FILE: usize = 16;
/// Most memory-hard fingerprints computed in one scan (about 22 ms each in a release build:
/// at most some 45 s of CPU time).
pub const KDF_PER_SCAN: u64 = 2048;

/// Secrets of this rule may be chosen by people (passwords, heuristic matches of any
/// assignment): their fingerprints must be expensive to test guesses against.
fn password_like(rule: &Rule) -> bool {
    rule.meta.confidence == Confidence::Low || rule.meta.tags.iter().any(|t| t == "password")
}

/// SHA-256 over (rule id, secret): a cache key that stays in memory.
fn sha2_digest(rule: &[u8], secret: &[u8]) -> [u8; 32] {
    palisade_core::fingerprint::digest(&[b"palisade-kdf-cache", rule, secret])
}

/// The memory-hard fingerprint: Argon2id over the secret with public, fixed parameters and
/// a salt naming the rule, so every machine computes the same value.
fn kdf_fingerprint(rule: &[u8], secret: &[u8]) -> String {
    use argon2::{Algorithm, Argon2, Params, Version};
    let mut salt = b"palisade-fingerprint-v2:".to_vec();
    salt.extend_from_slice(rule);
    let mut out = [0u8; 32];
    let hashed =
        Params::new(KDF_MEMORY_KIB, KDF_ITERATIONS, 1, Some(out.len())).and_then(|params| {
            Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
                .hash_password_into(secret, &salt, &mut out)
        });
    if hashed.is_err() {
        // Only a secret longer than 2^32 - 1 bytes gets here, which no rule matches. Leave
        // the value out rather than fall back to a fast hash.
        return fingerprint(&[b"secrets-argon2id-error", rule]);
    }
    fingerprint(&[b"secrets-argon2id", rule, &out])
}

/// A credential's public identifier as shown: escaped, at most 64 characters.
fn public_id(raw: &[u8]) -> Option<String> {
    let text = palisade_core::text::escape_control(&palisade_core::text::truncate_chars(
        &String::from_utf8_lossy(raw),
        64,
    ));
    (!text.is_empty()).then_some(text)
}

/// Levenshtein distance of two short ASCII strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A secret in clear text (`--show-secrets` only), with control characters escaped.
fn clear_text(secret: &[u8]) -> String {
    palisade_core::text::escape_control(&String::from_utf8_lossy(secret))
}

/// Append raw file text to a snippet: tabs become spaces, carriage returns and line
/// terminators are dropped, other control characters are escaped.
fn push_raw(out: &mut String, bytes: &[u8]) {
    for c in String::from_utf8_lossy(bytes).chars() {
        match c {
            '\t' => out.push(' '),
            '\r' | '\n' => {}
            c if is_unsafe_control(c) => {
                out.push_str(&palisade_core::text::escape_control(
                    c.encode_utf8(&mut [0; 4]),
                ));
            }
            c => out.push(c),
        }
    }
}

/// Bytes at the start of a file searched for a "generated" marker.
const GENERATED_PROBE: usize = 4096;

/// Markers that tools put at the top of files they generate (Go's `// Code generated …
/// DO NOT EDIT.`, `@generated` as used by Meta's and Rust tooling, protobuf, bindgen, sqlc),
/// and the headers of tree-sitter and Bison parser tables.
const GENERATED_MARKERS: &[&[u8]] = &[
    b"@generated",
    b"DO NOT EDIT",
    b"Code generated by",
    b"This file is automatically generated",
    b"This file was automatically generated",
    b"#include \"tree_sitter/parser.h\"",
    b"A Bison parser, made by GNU Bison",
];

/// Does the start of a file say it was generated?
fn looks_generated(head: &[u8]) -> bool {
    let head = &head[..head.len().min(GENERATED_PROBE)];
    GENERATED_MARKERS
        .iter()
        .any(|m| memchr::memmem::find(head, m).is_some())
}

fn looks_binary(data: &[u8]) -> bool {
    data[..data.len().min(BINARY_PROBE)].contains(&0)
}

/// The line terminator of a file, judged on its first bytes: `\r` when they hold carriage
/// returns and no line feed (classic Mac OS), else `\n`.
fn line_terminator(probe: &[u8]) -> u8 {
    let probe = &probe[..probe.len().min(CHUNK)];
    if memchr::memchr(b'\n', probe).is_none() && memchr::memchr(b'\r', probe).is_some() {
        b'\r'
    } else {
        b'\n'
    }
}

/// Code points in UTF-8 text (invalid bytes count as one each).
fn count_chars(data: &[u8]) -> usize {
    data.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

fn count_lines(data: &[u8], nl: u8) -> usize {
    memchr::memchr_iter(nl, data).count()
}

fn line_start(data: &[u8], pos: usize, nl: u8) -> usize {
    let lo = pos.saturating_sub(LINE_WINDOW);
    memchr::memrchr(nl, &data[lo..pos]).map_or(lo, |i| lo + i + 1)
}

fn line_end(data: &[u8], pos: usize, nl: u8) -> usize {
    let hi = (pos + LINE_WINDOW).min(data.len());
    memchr::memchr(nl, &data[pos..hi]).map_or(hi, |i| pos + i)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_cache_agrees_with_plain_search() {
        let mut data = Vec::new();
        for i in 0..3000usize {
            data.extend(std::iter::repeat_n(b'a', i % 97));
            if i % 7 != 0 {
                data.push(b'\n');
            }
        }
        data.extend(std::iter::repeat_n(b'b', 3 * LINE_WINDOW));
        let mut cache = LineCache::new(&data, b'\n');
        for pos in (0..data.len()).step_by(13) {
            assert_eq!(
                cache.start(pos),
                line_start(&data, pos, b'\n'),
                "start {pos}"
            );
            assert_eq!(cache.end(pos), line_end(&data, pos, b'\n'), "end {pos}");
        }
    }

    /// Issue 5, item 13: line numbers past `u32::MAX` saturate with a diagnostic instead of
    /// wrapping to a small line an inline suppression could cover.
    #[test]
    fn issue5_13_line_numbers_saturate_instead_of_wrapping() {
        let engine = Engine::new(
            crate::rule::builtin_rules().expect("rules"),
            &EngineOptions::default(),
        );
        let body = "0123456789ABCDEFGHIJKLMNOPQRST";
        let token = format!(
            "ghp_{body}{}",
            crate::validate::crc32_checksum(body.as_bytes())
        );
        // Lines 1-2 of a file that has already counted u32::MAX - 1 lines: the token sits
        // on line u32::MAX + 2, and the comment above it on line u32::MAX + 1.
        let marker = concat!("palisade:", "ignore");
        let text = format!("x\n# {marker}[github-personal-access-token] test\nt = \"{token}\"\n");
        let mut state = ScanState::new(b"");
        state.line = u32::MAX as usize - 1;
        let info = FileInfo::from_path("big.txt");
        engine.scan_chunk(text.as_bytes(), 0..text.len(), &mut state, info);
        let mut res = FileResult::default();
        engine.finish(state, info, &mut res);
        assert_eq!(res.findings.len(), 1);
        let f = &res.findings[0];
        assert_eq!(f.location.start_line, u32::MAX);
        assert!(
            f.is_active(),
            "a suppression past the line limit must not apply"
        );
        let codes: Vec<&str> = res.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["line-number-overflow"]);
    }

    #[test]
    fn pem_prefix_is_only_the_label() {
        assert_eq!(
            prefix(b"-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA"),
            "-----BEGIN RSA PRIVATE KEY-----"
        );
        assert_eq!(
            prefix(b"-----BEGIN RSA PRIVATE KEY-----MIIEpAIBAAKCAQEA\n"),
            "-----BEGIN RSA PRIVATE KEY-----"
        );
        assert_eq!(prefix(b"-----BEGIN MIIEpAIBAAKCAQEA"), "-----BEGIN");
        assert_eq!(prefix(b"ghp_abcdefghijklmnopqrstuvwxyz012345"), "ghp_");
    }
}
