//! The lock file (`palisade-trace.lock`, committed with the code): for every link, the
//! content hashes of both ends when the link was last reviewed. A link whose upstream item
//! changed since, without a new revision, is suspect until `palisade trace review` records
//! the new hashes; so is a coverage tag whose code changed.
//!
//! One line per link, sorted, so that merges and reviews read as plain diffs:
//! `downstream<TAB>upstream<TAB>downstream-hash<TAB>upstream-hash`. A coverage tag without
//! its own id is named `type@path#n` (its n-th tag of that type and target in the file), so
//! moving code up or down does not change the key.

use std::collections::BTreeMap;

use crate::item::ReadProblem;

/// The file name, at the project root.
pub const LOCK_FILE: &str = "palisade-trace.lock";

const HEADER: &str = "# palisade trace lock: the content hashes of both ends of every link when it was last reviewed.\n# Commit it with the code; `palisade trace review ID` records an item's new hashes.\n";

/// Links and their reviewed hashes: `(downstream, upstream) -> (downstream hash, upstream
/// hash)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    /// The entries.
    pub links: BTreeMap<(String, String), (String, String)>,
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\t' => out.push_str("%09"),
            '\n' => out.push_str("%0A"),
            '\r' => out.push_str("%0D"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    s.replace("%09", "\t")
        .replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

impl Lock {
    /// Read a lock file; malformed lines are problems (and are dropped, so their links
    /// count as new).
    pub fn parse(path: &str, text: &str) -> (Self, Vec<ReadProblem>) {
        let mut lock = Self::default();
        let mut problems = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = line.split('\t').collect();
            let hex = |h: &str| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit());
            if parts.len() == 4 && hex(parts[2]) && hex(parts[3]) {
                lock.links.insert(
                    (unescape(parts[0]), unescape(parts[1])),
                    (parts[2].to_owned(), parts[3].to_owned()),
                );
            } else {
                problems.push(ReadProblem {
                    path: path.to_owned(),
                    line: i as u32 + 1,
                    message: "not a lock entry (downstream, upstream and two hashes, tab-separated); the link counts as new".to_owned(),
                });
            }
        }
        (lock, problems)
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = String::from(HEADER);
        for ((down, up), (dh, uh)) in &self.links {
            out.push_str(&escape(down));
            out.push('\t');
            out.push_str(&escape(up));
            out.push('\t');
            out.push_str(dh);
            out.push('\t');
            out.push_str(uh);
            out.push('\n');
        }
        out
    }
}
