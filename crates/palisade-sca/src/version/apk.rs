//! Alpine (apk) versions: `digits(.digits)*[letter](_suffix[N])*[-rN]`, compared token by
//! token as apk-tools does. Pre-release suffixes (`_alpha _beta _pre _rc`) sort before the
//! release, post-release ones (`_cvs _svn _git _hg _p`) after it; a later numeric component
//! with a leading zero compares as a decimal fraction (string order).

use std::cmp::Ordering;

use super::cmp_digits;

#[derive(Debug, Clone)]
pub(crate) struct ApkVersion {
    tokens: Vec<Token>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Digit(String),
    Letter(u8),
    Suffix(i32),
    SuffixNo(String),
    Revision(String),
}

impl Token {
    /// apk-tools' token type order: a longer version whose next token ranks higher is less.
    fn rank(&self) -> u8 {
        match self {
            Self::Digit(_) => 1,
            Self::Letter(_) => 2,
            Self::Suffix(_) => 3,
            Self::SuffixNo(_) => 4,
            Self::Revision(_) => 5,
        }
    }
}

const END_RANK: u8 = 6;
const PRE: [&str; 4] = ["alpha", "beta", "pre", "rc"];
const POST: [&str; 5] = ["cvs", "svn", "git", "hg", "p"];

fn digits(b: &[u8], i: &mut usize) -> Option<String> {
    let start = *i;
    while *i < b.len() && b[*i].is_ascii_digit() {
        *i += 1;
    }
    (start != *i).then(|| String::from_utf8_lossy(&b[start..*i]).into_owned())
}

impl ApkVersion {
    pub(crate) fn parse(v: &str) -> Result<Self, &'static str> {
        let b = v.trim().as_bytes();
        let mut i = 0;
        let mut tokens = vec![Token::Digit(
            digits(b, &mut i).ok_or("must start with a number")?,
        )];
        while i < b.len() && b[i] == b'.' {
            i += 1;
            tokens.push(Token::Digit(digits(b, &mut i).ok_or("empty component")?));
        }
        if i < b.len() && b[i].is_ascii_lowercase() {
            tokens.push(Token::Letter(b[i]));
            i += 1;
        }
        while i < b.len() && b[i] == b'_' {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_lowercase() {
                i += 1;
            }
            let word = std::str::from_utf8(&b[start..i]).unwrap_or("");
            let value = if let Some(p) = PRE.iter().position(|s| *s == word) {
                p as i32 - PRE.len() as i32
            } else if let Some(p) = POST.iter().position(|s| *s == word) {
                p as i32
            } else {
                return Err("unknown suffix");
            };
            tokens.push(Token::Suffix(value));
            if let Some(n) = digits(b, &mut i) {
                tokens.push(Token::SuffixNo(n));
            }
        }
        // A commit hash (`~abcdef`) does not take part in ordering.
        if i < b.len() && b[i] == b'~' {
            i += 1;
            while i < b.len() && b[i].is_ascii_hexdigit() {
                i += 1;
            }
        }
        if b[i..].starts_with(b"-r") {
            i += 2;
            tokens.push(Token::Revision(
                digits(b, &mut i).ok_or("revision must be a number")?,
            ));
        }
        if i != b.len() {
            return Err("not an apk version");
        }
        Ok(Self { tokens })
    }
}

impl Ord for ApkVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (&self.tokens, &other.tokens);
        let mut k = 0;
        while k < a.len() && k < b.len() {
            let (x, y) = (&a[k], &b[k]);
            if x.rank() != y.rank() {
                break;
            }
            let o = match (x, y) {
                (Token::Digit(p), Token::Digit(q)) => {
                    if k > 0 && (p.starts_with('0') || q.starts_with('0')) {
                        p.cmp(q)
                    } else {
                        cmp_digits(p, q)
                    }
                }
                (Token::Letter(p), Token::Letter(q)) => p.cmp(q),
                (Token::Suffix(p), Token::Suffix(q)) => p.cmp(q),
                (Token::SuffixNo(p), Token::SuffixNo(q))
                | (Token::Revision(p), Token::Revision(q)) => cmp_digits(p, q),
                _ => Ordering::Equal,
            };
            if o != Ordering::Equal {
                return o;
            }
            k += 1;
        }
        let (x, y) = (a.get(k), b.get(k));
        if x.is_none() && y.is_none() {
            return Ordering::Equal;
        }
        // The version that goes on is greater, unless it goes on with a pre-release suffix.
        if let Some(Token::Suffix(s)) = x
            && *s < 0
        {
            return Ordering::Less;
        }
        if let Some(Token::Suffix(s)) = y
            && *s < 0
        {
            return Ordering::Greater;
        }
        let xr = x.map_or(END_RANK, Token::rank);
        let yr = y.map_or(END_RANK, Token::rank);
        yr.cmp(&xr)
    }
}

impl PartialOrd for ApkVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for ApkVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ApkVersion {}
