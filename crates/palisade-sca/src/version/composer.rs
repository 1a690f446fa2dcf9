//! Packagist (Composer): PHP's `version_compare` after canonicalisation (`-`, `_`, `+`
//! and letter/digit transitions become `.`), with special forms ordered
//! `dev < alpha = a < beta = b < RC = rc < (number) < pl = p`, unknown words before `dev`.
//! As Composer normalises versions to four numeric parts, missing numeric parts count as 0
//! (`1.0` equals `1.0.0`); a leading `v` is dropped.

use std::cmp::Ordering;

use super::cmp_digits;

#[derive(Debug, Clone)]
pub(crate) struct PhpVersion {
    parts: Vec<String>,
}

impl PhpVersion {
    pub(crate) fn parse(v: &str) -> Result<Self, &'static str> {
        let t = v.trim();
        let t = t.strip_prefix(['v', 'V']).unwrap_or(t);
        if t.is_empty() {
            return Err("empty");
        }
        if !t.is_ascii() {
            return Err("not ASCII");
        }
        if !t.as_bytes()[0].is_ascii_alphanumeric() {
            return Err("must start with a letter or digit");
        }
        let mut canon = String::with_capacity(t.len() + 4);
        let mut last: Option<u8> = None;
        for &c in t.as_bytes() {
            let push_dot = |canon: &mut String| {
                if !canon.ends_with('.') && !canon.is_empty() {
                    canon.push('.');
                }
            };
            if c.is_ascii_alphanumeric() {
                if let Some(l) = last
                    && l != b'.'
                    && l.is_ascii_alphanumeric()
                    && l.is_ascii_digit() != c.is_ascii_digit()
                {
                    push_dot(&mut canon);
                }
                canon.push(c as char);
            } else {
                push_dot(&mut canon);
            }
            last = Some(c);
        }
        let parts = canon
            .split('.')
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(Self { parts })
    }
}

fn special(form: &str) -> i32 {
    const FORMS: [(&str, i32); 10] = [
        ("dev", 0),
        ("alpha", 1),
        ("a", 1),
        ("beta", 2),
        ("b", 2),
        ("RC", 3),
        ("rc", 3),
        ("#", 4),
        ("pl", 5),
        ("p", 5),
    ];
    FORMS
        .iter()
        .find(|(name, _)| form.starts_with(name))
        .map_or(-6, |(_, v)| *v)
}

fn is_num(p: &str) -> bool {
    p.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn cmp_part(a: &str, b: &str) -> Ordering {
    match (is_num(a), is_num(b)) {
        (true, true) => cmp_digits(a, b),
        (false, false) => special(a).cmp(&special(b)),
        (true, false) => special("#").cmp(&special(b)),
        (false, true) => special(a).cmp(&special("#")),
    }
}

impl Ord for PhpVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        for i in 0..self.parts.len().max(other.parts.len()) {
            let o = match (self.parts.get(i), other.parts.get(i)) {
                (Some(a), Some(b)) => cmp_part(a, b),
                (Some(a), None) => cmp_part(a, "0"),
                (None, Some(b)) => cmp_part("0", b),
                (None, None) => Ordering::Equal,
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for PhpVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for PhpVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for PhpVersion {}
