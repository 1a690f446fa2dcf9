//! NuGet versions: `major.minor[.patch[.revision]][-prerelease][+metadata]`; missing parts
//! are 0; pre-release labels compare case-insensitively, numeric labels numerically and
//! before alphanumeric ones; metadata is ignored.

use std::cmp::Ordering;

use super::cmp_digits;

#[derive(Debug, Clone)]
pub(crate) struct NuGetVersion {
    nums: [String; 4],
    pre: Vec<String>,
}

impl NuGetVersion {
    pub(crate) fn parse(v: &str) -> Result<Self, &'static str> {
        let t = v.trim();
        let t = t.split_once('+').map_or(t, |(h, _)| h);
        let (core, pre) = match t.split_once('-') {
            Some((c, p)) => (c, Some(p)),
            None => (t, None),
        };
        let parts: Vec<&str> = core.split('.').collect();
        if parts.is_empty() || parts.len() > 4 {
            return Err("expected one to four numeric parts");
        }
        let mut nums: [String; 4] = Default::default();
        for (slot, p) in nums.iter_mut().zip(&parts) {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err("version parts must be numbers");
            }
            p.trim_start_matches('0').clone_into(slot);
        }
        let pre = match pre {
            None => Vec::new(),
            Some(p) => {
                if p.is_empty()
                    || !p.split('.').all(|l| {
                        !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    })
                {
                    return Err("malformed pre-release label");
                }
                p.split('.').map(str::to_ascii_lowercase).collect()
            }
        };
        Ok(Self { nums, pre })
    }
}

fn cmp_label(a: &str, b: &str) -> Ordering {
    let an = a.bytes().all(|c| c.is_ascii_digit());
    let bn = b.bytes().all(|c| c.is_ascii_digit());
    match (an, bn) {
        (true, true) => cmp_digits(a, b),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.cmp(b),
    }
}

impl Ord for NuGetVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        for (a, b) in self.nums.iter().zip(&other.nums) {
            let o = cmp_digits(a, b);
            if o != Ordering::Equal {
                return o;
            }
        }
        match (self.pre.is_empty(), other.pre.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => {
                for (a, b) in self.pre.iter().zip(&other.pre) {
                    let o = cmp_label(a, b);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                self.pre.len().cmp(&other.pre.len())
            }
        }
    }
}

impl PartialOrd for NuGetVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for NuGetVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for NuGetVersion {}
