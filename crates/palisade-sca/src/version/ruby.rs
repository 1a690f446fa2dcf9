//! RubyGems `Gem::Version`: segments of numbers and letters; a letter segment makes the
//! version a pre-release; `-` means `.pre.`; trailing zeros do not count.

use std::cmp::Ordering;

use super::cmp_digits;

#[derive(Debug, Clone)]
pub(crate) struct GemVersion {
    segments: Vec<Seg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Num(String),
    Str(String),
}

impl Seg {
    fn is_zero(&self) -> bool {
        matches!(self, Self::Num(d) if d.is_empty())
    }
}

impl GemVersion {
    pub(crate) fn parse(v: &str) -> Result<Self, &'static str> {
        let t = v.trim();
        if t.is_empty() {
            // Gem::Version.new("") is "0".
            return Ok(Self {
                segments: Vec::new(),
            });
        }
        // \A[0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z
        let (release, pre) = match t.split_once('-') {
            Some((r, p)) => (r, Some(p)),
            None => (t, None),
        };
        let mut parts = release.split('.');
        let first = parts.next().unwrap_or("");
        if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
            return Err("must start with a number");
        }
        if !parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric())) {
            return Err("malformed segment");
        }
        if let Some(p) = pre
            && (p.is_empty()
                || !p.split('.').all(|s| {
                    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                }))
        {
            return Err("malformed pre-release");
        }
        let full = match pre {
            Some(p) => format!("{release}.pre.{p}"),
            None => release.to_owned(),
        };
        // scan(/[0-9]+|[a-z]+/i)
        let mut segments = Vec::new();
        let b = full.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let start = i;
            if b[i].is_ascii_digit() {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                segments.push(Seg::Num(full[start..i].trim_start_matches('0').to_owned()));
            } else if b[i].is_ascii_alphabetic() {
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                segments.push(Seg::Str(full[start..i].to_owned()));
            } else {
                i += 1;
            }
        }
        Ok(Self { segments })
    }

    /// `canonical_segments`: the release and pre-release parts, each without trailing zeros.
    fn canonical(&self) -> Vec<&Seg> {
        let split = self
            .segments
            .iter()
            .position(|s| matches!(s, Seg::Str(_)))
            .unwrap_or(self.segments.len());
        let (rel, pre) = self.segments.split_at(split);
        let trim = |s: &[Seg]| -> usize {
            let mut n = s.len();
            while n > 0 && s[n - 1].is_zero() {
                n -= 1;
            }
            n
        };
        let mut out: Vec<&Seg> = rel[..trim(rel)].iter().collect();
        out.extend(pre[..trim(pre)].iter());
        out
    }
}

impl Ord for GemVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let zero = Seg::Num(String::new());
        let a = self.canonical();
        let b = other.canonical();
        for i in 0..a.len().max(b.len()) {
            let l = a.get(i).copied().unwrap_or(&zero);
            let r = b.get(i).copied().unwrap_or(&zero);
            let o = match (l, r) {
                (Seg::Num(x), Seg::Num(y)) => cmp_digits(x, y),
                (Seg::Str(_), Seg::Num(_)) => Ordering::Less,
                (Seg::Num(_), Seg::Str(_)) => Ordering::Greater,
                (Seg::Str(x), Seg::Str(y)) => x.cmp(y),
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for GemVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for GemVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for GemVersion {}
