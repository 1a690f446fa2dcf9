//! Maven's `ComparableVersion` ordering: items split at `.`, `-` and digit/letter
//! transitions; `-` and transitions open a sub-list; known qualifiers ordered
//! `alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp`;
//! unknown qualifiers after those, alphabetically; trailing null items dropped.

use std::cmp::Ordering;

use super::cmp_digits;

#[derive(Debug, Clone)]
pub(crate) struct Maven {
    items: Vec<Item>,
}

#[derive(Debug, Clone)]
enum Item {
    Int(String),
    Str(String),
    List(Vec<Self>),
}

const QUALIFIERS: [&str; 7] = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
const RELEASE_INDEX: usize = 5;

/// The comparable form of a qualifier: known qualifiers by rank, unknown ones after all of
/// them in lexical order.
fn qualifier_key(q: &str) -> (usize, &str) {
    let q = match q {
        "ga" | "final" | "release" => "",
        "cr" => "rc",
        other => other,
    };
    match QUALIFIERS.iter().position(|k| *k == q) {
        Some(i) => (i, ""),
        None => (QUALIFIERS.len(), q),
    }
}

impl Item {
    fn string(s: &str, followed_by_digit: bool) -> Self {
        let s = if followed_by_digit && s.len() == 1 {
            match s {
                "a" => "alpha",
                "b" => "beta",
                "m" => "milestone",
                other => other,
            }
        } else {
            s
        };
        Self::Str(s.to_owned())
    }

    fn parse(is_digit: bool, s: &str) -> Self {
        if is_digit {
            Self::Int(s.trim_start_matches('0').to_owned())
        } else {
            Self::string(s, false)
        }
    }

    fn is_null(&self) -> bool {
        match self {
            Self::Int(d) => d.is_empty(),
            Self::Str(s) => qualifier_key(s) == (RELEASE_INDEX, ""),
            Self::List(l) => l.is_empty(),
        }
    }

    /// Compare with another item, or with "nothing" (`None`).
    fn cmp_opt(&self, other: Option<&Self>) -> Ordering {
        match (self, other) {
            (Self::Int(a), None) => {
                if a.is_empty() {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }
            }
            (Self::Int(a), Some(Self::Int(b))) => cmp_digits(a, b),
            (Self::Int(_), Some(_)) | (Self::List(_), Some(Self::Str(_))) => Ordering::Greater,
            (Self::Str(a), None) => qualifier_key(a).cmp(&(RELEASE_INDEX, "")),
            (Self::Str(_), Some(Self::Int(_) | Self::List(_)))
            | (Self::List(_), Some(Self::Int(_))) => Ordering::Less,
            (Self::Str(a), Some(Self::Str(b))) => qualifier_key(a).cmp(&qualifier_key(b)),
            (Self::List(l), None) => match l.first() {
                None => Ordering::Equal,
                Some(first) => first.cmp_opt(None),
            },
            (Self::List(a), Some(Self::List(b))) => cmp_lists(a, b),
        }
    }
}

fn cmp_lists(a: &[Item], b: &[Item]) -> Ordering {
    let n = a.len().max(b.len());
    for i in 0..n {
        let o = match (a.get(i), b.get(i)) {
            (Some(x), y) => x.cmp_opt(y),
            (None, Some(y)) => y.cmp_opt(None).reverse(),
            (None, None) => Ordering::Equal,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// Drops trailing null items, looking through sub-lists, as `ListItem.normalize` does.
fn normalize(list: &mut Vec<Item>) {
    let mut i = list.len();
    while i > 0 {
        i -= 1;
        if list[i].is_null() {
            list.remove(i);
        } else if !matches!(list[i], Item::List(_)) {
            break;
        }
    }
}

/// Nesting is bounded: each `-` or transition opens a level.
const MAX_DEPTH: usize = 64;

impl Maven {
    pub(crate) fn parse(v: &str) -> Result<Self, &'static str> {
        let v = v.trim().to_ascii_lowercase();
        if v.is_empty() {
            return Err("empty");
        }
        if !v.is_ascii() {
            return Err("not ASCII");
        }
        // A stack of open lists; the last one is where items go.
        let mut stack: Vec<Vec<Item>> = vec![Vec::new()];
        let b = v.as_bytes();
        let mut is_digit = false;
        let mut start = 0;
        let open = |stack: &mut Vec<Vec<Item>>| -> Result<(), &'static str> {
            if stack.len() >= MAX_DEPTH {
                return Err("too deeply nested");
            }
            stack.push(Vec::new());
            Ok(())
        };
        for (i, &c) in b.iter().enumerate() {
            let top = |stack: &mut Vec<Vec<Item>>| -> usize { stack.len() - 1 };
            if c == b'.' {
                let t = top(&mut stack);
                if i == start {
                    stack[t].push(Item::Int(String::new()));
                } else {
                    stack[t].push(Item::parse(is_digit, &v[start..i]));
                }
                start = i + 1;
            } else if c == b'-' {
                let t = top(&mut stack);
                if i == start {
                    stack[t].push(Item::Int(String::new()));
                } else {
                    stack[t].push(Item::parse(is_digit, &v[start..i]));
                }
                start = i + 1;
                open(&mut stack)?;
            } else if c.is_ascii_digit() {
                if !is_digit && i > start {
                    let t = top(&mut stack);
                    stack[t].push(Item::string(&v[start..i], true));
                    start = i;
                    open(&mut stack)?;
                }
                is_digit = true;
            } else {
                if is_digit && i > start {
                    let t = top(&mut stack);
                    stack[t].push(Item::parse(true, &v[start..i]));
                    start = i;
                    open(&mut stack)?;
                }
                is_digit = false;
            }
        }
        if b.len() > start {
            let t = stack.len() - 1;
            stack[t].push(Item::parse(is_digit, &v[start..]));
        }
        // Close the open lists from the innermost out, normalising each.
        while stack.len() > 1 {
            let mut inner = stack.pop().unwrap_or_default();
            normalize(&mut inner);
            let t = stack.len() - 1;
            stack[t].push(Item::List(inner));
        }
        let mut items = stack.pop().unwrap_or_default();
        normalize(&mut items);
        Ok(Self { items })
    }
}

impl Ord for Maven {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_lists(&self.items, &other.items)
    }
}

impl PartialOrd for Maven {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Maven {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Maven {}
