//! Specification items in OpenFastTrace's notation, read from Markdown files, and coverage
//! tags read from any source file.
//!
//! An item starts at a line that holds only its id (`req~login-mfa~1`, optionally in
//! backticks or bold), titled by the nearest heading above it. Below it, up to the next id
//! or heading of the same or a higher level: `Needs: dsn, impl` (artifact types that must
//! cover it), `Covers:` and `Depends:` followed by a bullet list of ids (or ids on the same
//! line), `Tags: a, b`, `Status: approved`. Everything else is the item's text.
//!
//! A coverage tag in a comment, `[impl->dsn~token-store~2]` (or with its own id,
//! `[impl~store~1->dsn~token-store~2]`), is an item of that type that covers the target.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest as _, Sha256};

/// An item id: `type~name~revision`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemId {
    /// Artifact type (`req`, `dsn`, `impl`, `utest`, ...).
    pub kind: String,
    /// Name (`login-mfa`).
    pub name: String,
    /// Revision.
    pub revision: u32,
}

impl ItemId {
    /// Parse `type~name~revision`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.split('~');
        let (kind, name, rev) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let word = |w: &str, extra: &[char]| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || extra.contains(&c))
        };
        if !word(kind, &[])
            || !word(name, &['.', '-'])
            || !rev.bytes().all(|b| b.is_ascii_digit())
            || rev.is_empty()
        {
            return None;
        }
        Some(Self {
            kind: kind.to_owned(),
            name: name.to_owned(),
            revision: rev.parse().ok()?,
        })
    }

    /// `type~name` (the id without its revision).
    pub fn unversioned(&self) -> (&str, &str) {
        (&self.kind, &self.name)
    }
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}~{}~{}", self.kind, self.name, self.revision)
    }
}

impl Serialize for ItemId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A specification item or a coverage tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Its id.
    pub id: ItemId,
    /// Title (the heading above a Markdown item; empty for tags).
    pub title: String,
    /// Body text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Project-relative path of the file it is in.
    pub path: String,
    /// 1-based line of its id.
    pub line: u32,
    /// Artifact types that must cover it.
    pub needs: Vec<String>,
    /// Items it covers.
    pub covers: Vec<ItemId>,
    /// Items it depends on.
    pub depends: Vec<ItemId>,
    /// Tags.
    pub tags: Vec<String>,
    /// Status (`approved` unless written).
    pub status: String,
    /// Palisade rule ids and CWEs (`CWE-798`) whose scans verify it (`Verified-by:`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub verified_by: Vec<String>,
    /// Further attributes (from ReqIF or YAML), kept as read.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// Content hash: of its title, text, links, tags, status and attributes for a
    /// specification item; of the code under it for a coverage tag. Suspect links compare it
    /// with the lock file.
    pub hash: String,
    /// For a coverage tag without its own id: a name for the lock file that does not move
    /// with line numbers (`impl@src/store.rs#1`).
    #[serde(skip)]
    pub anchor: Option<String>,
    /// Read from a coverage tag in code, not from a specification.
    pub from_tag: bool,
    /// For a tag: the name of the function the tag annotates (the first `def`, `fn`,
    /// `func`, `function` or method declaration within the next few lines), matched against
    /// test results.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test: Option<String>,
}

/// The first 16 hex digits of the SHA-256 of `parts`, each ended by a 0 byte.
pub(crate) fn short_hash<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    h.finalize()[..8].iter().fold(String::new(), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    })
}

impl Item {
    /// A new specification item with no links, `approved`.
    pub fn new(id: ItemId, path: &str, line: u32) -> Self {
        Self {
            id,
            title: String::new(),
            text: String::new(),
            path: path.to_owned(),
            line,
            needs: Vec::new(),
            covers: Vec::new(),
            depends: Vec::new(),
            tags: Vec::new(),
            status: "approved".to_owned(),
            verified_by: Vec::new(),
            attributes: BTreeMap::new(),
            hash: String::new(),
            anchor: None,
            from_tag: false,
            test: None,
        }
    }

    /// Compute `hash` from the item's content (not its place: moving an item is no change).
    pub fn seal(&mut self) {
        let covers: Vec<String> = self.covers.iter().map(ToString::to_string).collect();
        let depends: Vec<String> = self.depends.iter().map(ToString::to_string).collect();
        let mut parts: Vec<&str> = vec![&self.title, self.text.trim(), &self.status];
        for list in [
            &self.needs,
            &covers,
            &depends,
            &self.tags,
            &self.verified_by,
        ] {
            parts.push("\u{1}");
            parts.extend(list.iter().map(String::as_str));
        }
        parts.push("\u{1}");
        for (k, v) in &self.attributes {
            parts.push(k);
            parts.push(v);
        }
        self.hash = short_hash(parts);
    }
}

/// A problem reading a file: path, line, message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadProblem {
    /// Project-relative path.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

fn strip_decoration(line: &str) -> &str {
    line.trim()
        .trim_matches(|c| c == '`' || c == '*' || c == '_')
        .trim()
}

fn ids_in(text: &str) -> Vec<ItemId> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '`' || c == '*')
        .filter_map(ItemId::parse)
        .collect()
}

fn list_in(text: &str) -> Vec<String> {
    text.split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Read the items of one Markdown file.
pub fn parse_markdown(path: &str, text: &str) -> (Vec<Item>, Vec<ReadProblem>) {
    let mut items: Vec<Item> = Vec::new();
    let problems = Vec::new();
    let mut heading = String::new();
    let mut heading_level = 0usize;
    let mut current: Option<(Item, usize)> = None;
    // Which list a bullet belongs to.
    let mut list: Option<&'static str> = None;
    let mut in_code = false;
    let finish = |cur: &mut Option<(Item, usize)>, items: &mut Vec<Item>| {
        if let Some((mut it, _)) = cur.take() {
            let trimmed = it.text.trim().to_owned();
            it.text = trimmed;
            it.seal();
            items.push(it);
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        let t = raw.trim();
        if t.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if let Some(rest) = t.strip_prefix('#') {
            let level = 1 + rest.chars().take_while(|c| *c == '#').count();
            if current.as_ref().is_some_and(|(_, l)| level <= *l) {
                finish(&mut current, &mut items);
            }
            rest.trim_start_matches('#').trim().clone_into(&mut heading);
            heading_level = level;
            list = None;
            continue;
        }
        let bullet = ["* ", "- ", "+ "].iter().any(|b| t.starts_with(b));
        if let Some(id) = ItemId::parse(strip_decoration(t)).filter(|_| !bullet) {
            finish(&mut current, &mut items);
            let mut item = Item::new(id, path, line_no);
            item.title = std::mem::take(&mut heading);
            current = Some((item, heading_level));
            list = None;
            continue;
        }
        let Some((item, _)) = current.as_mut() else {
            continue;
        };
        let field = |name: &str| t.strip_prefix(name).map(str::trim);
        if let Some(v) = field("Needs:") {
            item.needs.extend(list_in(v));
            list = None;
        } else if let Some(v) = field("Covers:") {
            item.covers.extend(ids_in(v));
            list = Some("covers");
        } else if let Some(v) = field("Depends:") {
            item.depends.extend(ids_in(v));
            list = Some("depends");
        } else if let Some(v) = field("Tags:") {
            item.tags.extend(list_in(v));
            list = None;
        } else if let Some(v) = field("Verified-by:").or_else(|| field("Verified by:")) {
            item.verified_by.extend(list_in(v));
            list = None;
        } else if let Some(v) = field("Status:") {
            v.trim().to_lowercase().clone_into(&mut item.status);
            list = None;
        } else if let (Some(which), Some(bullet)) = (list, t.strip_prefix(['*', '-', '+'])) {
            let ids = ids_in(bullet);
            match which {
                "covers" => item.covers.extend(ids),
                _ => item.depends.extend(ids),
            }
        } else {
            if !t.is_empty() {
                list = None;
            }
            item.text.push_str(raw);
            item.text.push('\n');
        }
    }
    finish(&mut current, &mut items);
    (items, problems)
}

/// Lines after a tag searched for the function it annotates.
const TEST_LOOKAHEAD: usize = 6;

/// The name of the function declared on `line`, if any: `def name(`, `fn name(`,
/// `func name(` / `func (r T) name(`, `function name(`, `void name(` and similar.
fn function_name(line: &str) -> Option<String> {
    let t = line.trim();
    let ident = |s: &str| -> Option<String> {
        let name: String = s
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        (!name.is_empty() && s[name.len()..].trim_start().starts_with(['(', '<'])).then_some(name)
    };
    for kw in [
        "async def ",
        "def ",
        "pub fn ",
        "pub(crate) fn ",
        "async fn ",
        "fn ",
        "function ",
        "func ",
    ] {
        if let Some(rest) = t.strip_prefix(kw) {
            let rest = if kw == "func " && rest.starts_with('(') {
                rest.split_once(')').map_or(rest, |x| x.1).trim_start()
            } else {
                rest
            };
            return ident(rest);
        }
    }
    // Java, C#, Kotlin, C: `[modifiers] type name(`.
    if t.ends_with('{') || t.ends_with(')') || t.contains(") throws") {
        let before = t.split('(').next()?;
        let name = before.split_whitespace().last()?;
        if before.split_whitespace().count() >= 2
            && !["if", "for", "while", "switch", "return", "catch"].contains(&name)
        {
            return ident(&t[t.find(name)?..]);
        }
    }
    None
}

/// Most lines of code under one tag that its hash covers.
const MAX_BLOCK: usize = 2000;

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn is_comment(t: &str) -> bool {
    [
        "//", "#", "/*", "*", "--", ";", "'", "<!--", "%", "\"\"\"", "'''",
    ]
    .iter()
    .any(|c| t.starts_with(c))
}

/// The code a tag on line `i` annotates: from the first code line below it, the lines
/// indented deeper than that one (and blank lines), up to and including a closing bracket
/// at its own indentation. Lines are trimmed, so re-indenting is no change.
fn code_under<'a>(lines: &[&'a str], i: usize) -> Vec<&'a str> {
    let Some(start) = (i + 1..lines.len().min(i + 1 + TEST_LOOKAHEAD)).find(|&j| {
        let t = lines[j].trim();
        !t.is_empty() && !is_comment(t)
    }) else {
        return Vec::new();
    };
    let base = indent(lines[start]);
    let mut out = vec![lines[start].trim()];
    for line in lines.iter().skip(start + 1).take(MAX_BLOCK) {
        let t = line.trim();
        if t.is_empty() || indent(line) > base {
            out.push(t);
        } else {
            if t.starts_with(['}', ')', ']']) || t == "end" {
                out.push(t);
            }
            break;
        }
    }
    while out.last().is_some_and(|t| t.is_empty()) {
        out.pop();
    }
    out
}

/// Read the coverage tags of one source file.
pub fn parse_tags(path: &str, text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut seen: BTreeMap<(String, ItemId), usize> = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let mut rest: &str = line;
        while let Some(open) = rest.find('[') {
            rest = &rest[open + 1..];
            let Some(close) = rest.find(']') else { break };
            let inner = rest[..close].trim();
            if let Some((left, right)) = inner.split_once("->")
                && let Some(target) = ItemId::parse(right.trim())
            {
                let left = left.trim();
                let own = ItemId::parse(left);
                let anonymous = own.is_none();
                let id = own.or_else(|| {
                    (!left.is_empty()
                        && left.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
                    .then(|| ItemId {
                        kind: left.to_owned(),
                        // OpenFastTrace names a tag's own item after its file and line.
                        name: format!("{}-{}", path.replace(['/', '~'], "."), i + 1),
                        revision: 0,
                    })
                });
                if let Some(id) = id {
                    let anchor = anonymous.then(|| {
                        let n = seen.entry((id.kind.clone(), target.clone())).or_insert(0);
                        *n += 1;
                        format!("{}@{path}#{n}", id.kind)
                    });
                    let mut item = Item::new(id, path, i as u32 + 1);
                    item.covers = vec![target];
                    item.from_tag = true;
                    item.anchor = anchor;
                    item.test = lines[i..]
                        .iter()
                        .take(TEST_LOOKAHEAD)
                        .find_map(|l| function_name(l));
                    item.hash = short_hash(code_under(&lines, i));
                    out.push(item);
                }
            }
            rest = &rest[close + 1..];
        }
    }
    out
}
