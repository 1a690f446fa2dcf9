//! PEP 440 (PyPI): epochs, pre-, post- and dev-releases, local versions, with the
//! normalisations the specification allows (case, separators, spellings, implicit numbers).

use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pep440 {
    key: Key,
}

/// The sort key, as the specification orders versions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    epoch: u64,
    /// Release numbers, trailing zeros removed (1.0 == 1.0.0).
    release: Vec<u64>,
    pre: PreKey,
    post: Opt,
    dev: DevKey,
    local: Vec<LocalSeg>,
}

/// Pre-release key: a dev-release without pre or post sorts before any pre-release of the
/// same release; a final (or post-) release after all of them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum PreKey {
    DevOnly,
    Pre(u8, u64),
    None,
}

/// Post-release: absent sorts before any post-release.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Opt {
    None,
    Some(u64),
}

/// Dev-release: present sorts before absent.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum DevKey {
    Dev(u64),
    None,
}

/// Local segments: alphanumeric segments sort before numeric ones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum LocalSeg {
    Str(String),
    Num(u64),
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn number(&mut self) -> Option<Result<u64, &'static str>> {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        if start == self.i {
            return None;
        }
        let digits = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("0");
        Some(digits.parse::<u64>().map_err(|_| "number too large"))
    }
    fn eat_sep(&mut self) -> bool {
        if matches!(self.peek(), Some(b'.' | b'-' | b'_')) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// Consumes the longest of `words` at the cursor (after an optional separator).
    fn word(&mut self, words: &[&str]) -> Option<usize> {
        let save = self.i;
        self.eat_sep();
        let rest = &self.s[self.i..];
        let mut best: Option<(usize, usize)> = None;
        for (k, w) in words.iter().enumerate() {
            if rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
                let longer = best.is_none_or(|(_, l)| w.len() > l);
                if longer {
                    best = Some((k, w.len()));
                }
            }
        }
        if let Some((k, l)) = best {
            self.i += l;
            Some(k)
        } else {
            self.i = save;
            None
        }
    }
    /// An optional separator followed by an optional number (implicit 0).
    fn implicit_number(&mut self) -> Result<u64, &'static str> {
        let save = self.i;
        self.eat_sep();
        if let Some(n) = self.number() {
            n
        } else {
            self.i = save;
            Ok(0)
        }
    }
}

impl Pep440 {
    pub(crate) fn parse(v: &str) -> Result<Self, &'static str> {
        let t = v.trim();
        let t = t.strip_prefix(['v', 'V']).unwrap_or(t);
        let (public, local) = match t.split_once('+') {
            Some((p, l)) => (p, Some(l)),
            None => (t, None),
        };
        let mut c = Cursor {
            s: public.as_bytes(),
            i: 0,
        };
        let first = c.number().ok_or("does not start with a number")??;
        let mut epoch = 0;
        let mut release = vec![first];
        if c.peek() == Some(b'!') {
            c.i += 1;
            epoch = first;
            release = vec![c.number().ok_or("no release after the epoch")??];
        }
        while c.peek() == Some(b'.') && c.s.get(c.i + 1).is_some_and(u8::is_ascii_digit) {
            c.i += 1;
            release.push(c.number().ok_or("empty release segment")??);
        }
        let mut pre = None;
        if let Some(k) = c.word(&["alpha", "a", "beta", "b", "preview", "pre", "rc", "c"]) {
            let kind = match k {
                0 | 1 => 0,
                2 | 3 => 1,
                _ => 2,
            };
            pre = Some((kind, c.implicit_number()?));
        }
        let mut post = None;
        let save = c.i;
        if let Some(_k) = c.word(&["post", "rev", "r"]) {
            post = Some(c.implicit_number()?);
        } else {
            c.i = save;
            // The implicit post-release: "1.0-1".
            if c.peek() == Some(b'-') && c.s.get(c.i + 1).is_some_and(u8::is_ascii_digit) {
                c.i += 1;
                post = Some(c.number().ok_or("bad post-release")??);
            }
        }
        let mut dev = None;
        if c.word(&["dev"]).is_some() {
            dev = Some(c.implicit_number()?);
        }
        if c.i != c.s.len() {
            return Err("not a PEP 440 version");
        }
        let local = match local {
            None => Vec::new(),
            Some(l) => {
                if l.is_empty() {
                    return Err("empty local version");
                }
                let mut segs = Vec::new();
                for seg in l.split(['.', '-', '_']) {
                    if seg.is_empty() || !seg.bytes().all(|b| b.is_ascii_alphanumeric()) {
                        return Err("malformed local version");
                    }
                    segs.push(if seg.bytes().all(|b| b.is_ascii_digit()) {
                        LocalSeg::Num(seg.parse().map_err(|_| "number too large")?)
                    } else {
                        LocalSeg::Str(seg.to_ascii_lowercase())
                    });
                }
                segs
            }
        };
        while release.len() > 1 && release.last() == Some(&0) {
            release.pop();
        }
        let pre_key = match (pre, &post, &dev) {
            (Some((k, n)), _, _) => PreKey::Pre(k, n),
            (None, None, Some(_)) => PreKey::DevOnly,
            (None, _, _) => PreKey::None,
        };
        Ok(Self {
            key: Key {
                epoch,
                release,
                pre: pre_key,
                post: post.map_or(Opt::None, Opt::Some),
                dev: dev.map_or(DevKey::None, DevKey::Dev),
                local,
            },
        })
    }
}

impl Ord for Pep440 {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

impl PartialOrd for Pep440 {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
