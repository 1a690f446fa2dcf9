//! SemVer 2.0 precedence (npm, crates.io, Hex, Pub) and Go module versions.

use std::cmp::Ordering;

use super::cmp_digits;

#[derive(Debug, Clone)]
pub(crate) struct SemVer {
    /// major, minor, patch as digit strings (leading zeros stripped).
    core: [String; 3],
    pre: Vec<Ident>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Ident {
    Num(String),
    Alpha(String),
}

impl Ord for Ident {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Self::Num(a), Self::Num(b)) => cmp_digits(a, b),
            // Numeric identifiers always have lower precedence than alphanumeric ones.
            (Self::Num(_), Self::Alpha(_)) => Ordering::Less,
            (Self::Alpha(_), Self::Num(_)) => Ordering::Greater,
            (Self::Alpha(a), Self::Alpha(b)) => a.as_bytes().cmp(b.as_bytes()),
        }
    }
}

impl PartialOrd for Ident {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl SemVer {
    /// `go`: Go module rules (a `v` prefix, `+incompatible` and other build metadata ignored).
    /// Missing minor and patch numbers count as 0 (`1.2` is `1.2.0`), as Go's shorthand and
    /// npm's loose mode allow; a leading `v` or `=` is accepted everywhere.
    pub(crate) fn parse(v: &str, go: bool) -> Result<Self, &'static str> {
        let mut s = v.trim();
        if !go {
            s = s.strip_prefix('=').unwrap_or(s).trim_start();
        }
        s = s.strip_prefix(['v', 'V']).unwrap_or(s);
        if s.is_empty() {
            return Err("empty");
        }
        let s = match s.split_once('+') {
            Some((head, build)) => {
                if build.is_empty() || !build.split('.').all(valid_ident) {
                    return Err("malformed build metadata");
                }
                head
            }
            None => s,
        };
        let (core, pre) = match s.split_once('-') {
            Some((c, p)) => (c, Some(p)),
            None => (s, None),
        };
        let mut parts = core.split('.');
        let mut nums: [String; 3] = Default::default();
        for (i, slot) in nums.iter_mut().enumerate() {
            match parts.next() {
                Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let t = p.trim_start_matches('0');
                    t.clone_into(slot);
                }
                Some(_) => return Err("major, minor and patch must be numbers"),
                None if i == 0 => return Err("no major version"),
                None => {}
            }
        }
        if parts.next().is_some() {
            return Err("more than three numeric components");
        }
        let pre = match pre {
            None => Vec::new(),
            Some(p) => {
                if p.is_empty() || !p.split('.').all(valid_ident) {
                    return Err("malformed pre-release");
                }
                p.split('.')
                    .map(|id| {
                        if id.bytes().all(|b| b.is_ascii_digit()) {
                            Ident::Num(id.trim_start_matches('0').to_owned())
                        } else {
                            Ident::Alpha(id.to_owned())
                        }
                    })
                    .collect()
            }
        };
        Ok(Self { core: nums, pre })
    }
}

fn valid_ident(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl Ord for SemVer {
    fn cmp(&self, other: &Self) -> Ordering {
        for (a, b) in self.core.iter().zip(&other.core) {
            match cmp_digits(a, b) {
                Ordering::Equal => {}
                o => return o,
            }
        }
        // A pre-release has lower precedence than the release itself.
        match (self.pre.is_empty(), other.pre.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => self.pre.cmp(&other.pre),
        }
    }
}

impl PartialOrd for SemVer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for SemVer {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for SemVer {}
