//! Licence policy: SPDX licence expressions (`MIT OR Apache-2.0`, `GPL-2.0-only WITH
//! Classpath-exception-2.0`) checked against the allowed and denied licence ids of
//! `[sca] licenses`.
//!
//! An expression passes when the user can comply with it using allowed licences only: `OR`
//! needs one side, `AND` both; `A WITH exception` is judged by `A`. Ids compare
//! case-insensitively; a `+` suffix (`GPL-2.0+`) is kept as written, so deny both forms to
//! deny both.

/// The policy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Policy {
    /// When not empty: only these ids are acceptable.
    pub allow: Vec<String>,
    /// Never acceptable.
    pub deny: Vec<String>,
}

/// Why an expression fails the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every way to comply uses a denied licence (the ids named).
    Denied(Vec<String>),
    /// Every way to comply uses a licence outside the allow list (the ids named).
    NotAllowed(Vec<String>),
}

#[derive(Debug)]
enum Expr {
    Id(String),
    And(Box<Self>, Box<Self>),
    Or(Box<Self>, Box<Self>),
}

/// Expressions nest at most this deep.
const MAX_DEPTH: usize = 32;

fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' | ')' => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                out.push(c.to_string());
            }
            c if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

struct Parser {
    toks: Vec<String>,
    i: usize,
}

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.i).map(String::as_str)
    }
    fn or(&mut self, depth: usize) -> Option<Expr> {
        let mut left = self.and(depth)?;
        while self.peek().is_some_and(|t| t.eq_ignore_ascii_case("OR")) {
            self.i += 1;
            let right = self.and(depth)?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Some(left)
    }
    fn and(&mut self, depth: usize) -> Option<Expr> {
        let mut left = self.atom(depth)?;
        while self.peek().is_some_and(|t| t.eq_ignore_ascii_case("AND")) {
            self.i += 1;
            let right = self.atom(depth)?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Some(left)
    }
    fn atom(&mut self, depth: usize) -> Option<Expr> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            "(" => {
                self.i += 1;
                let e = self.or(depth + 1)?;
                (self.peek()? == ")").then(|| self.i += 1)?;
                Some(e)
            }
            ")" => None,
            t if t.eq_ignore_ascii_case("AND")
                || t.eq_ignore_ascii_case("OR")
                || t.eq_ignore_ascii_case("WITH") =>
            {
                None
            }
            t => {
                let id = t.to_owned();
                self.i += 1;
                // `A WITH exception`: judged by A.
                if self.peek().is_some_and(|t| t.eq_ignore_ascii_case("WITH")) {
                    self.i += 2;
                }
                Some(Expr::Id(id))
            }
        }
    }
}

/// Parses an SPDX licence expression; `None` when it is not one. A value that is a single
/// word (`UNLICENSED`, a non-SPDX name) parses as one id.
fn parse(s: &str) -> Option<Expr> {
    let toks = tokens(s);
    if toks.is_empty() || toks.len() > 256 {
        return None;
    }
    let mut p = Parser { toks, i: 0 };
    let e = p.or(0)?;
    (p.i == p.toks.len()).then_some(e)
}

impl Policy {
    /// True when there is nothing to check.
    pub fn is_empty(&self) -> bool {
        self.allow.is_empty() && self.deny.is_empty()
    }

    fn denied(&self, id: &str) -> bool {
        self.deny.iter().any(|d| d.eq_ignore_ascii_case(id))
    }

    fn allowed(&self, id: &str) -> bool {
        !self.denied(id)
            && (self.allow.is_empty() || self.allow.iter().any(|a| a.eq_ignore_ascii_case(id)))
    }

    /// Can the expression be complied with? Returns the ids that stand in the way otherwise.
    fn satisfiable(&self, expr: &Expr, blockers: &mut Vec<String>) -> bool {
        match expr {
            Expr::Id(id) => {
                let ok = self.allowed(id);
                if !ok && !blockers.contains(id) {
                    blockers.push(id.clone());
                }
                ok
            }
            Expr::And(left, right) => {
                let l = self.satisfiable(left, blockers);
                let r = self.satisfiable(right, blockers);
                l && r
            }
            Expr::Or(left, right) => {
                let mut lb = Vec::new();
                let mut rb = Vec::new();
                if self.satisfiable(left, &mut lb) || self.satisfiable(right, &mut rb) {
                    return true;
                }
                for id in lb.into_iter().chain(rb) {
                    if !blockers.contains(&id) {
                        blockers.push(id);
                    }
                }
                false
            }
        }
    }

    /// Checks one package's licence expression. `None`: it complies (or there is no policy).
    /// An expression that does not parse is judged as one id (the text as written).
    pub fn check(&self, expression: &str) -> Option<Verdict> {
        if self.is_empty() {
            return None;
        }
        let e = parse(expression).unwrap_or_else(|| Expr::Id(expression.trim().to_owned()));
        let mut blockers = Vec::new();
        if self.satisfiable(&e, &mut blockers) {
            return None;
        }
        let denied: Vec<String> = blockers
            .iter()
            .filter(|b| self.denied(b))
            .cloned()
            .collect();
        Some(if denied.is_empty() {
            Verdict::NotAllowed(blockers)
        } else {
            Verdict::Denied(denied)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(allow: &[&str], deny: &[&str]) -> Policy {
        Policy {
            allow: allow.iter().map(|s| (*s).to_owned()).collect(),
            deny: deny.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn expressions_are_judged_by_how_one_can_comply() {
        let p = policy(&[], &["GPL-3.0-only", "AGPL-3.0-only"]);
        assert_eq!(p.check("MIT"), None);
        assert_eq!(p.check("MIT OR GPL-3.0-only"), None, "MIT can be chosen");
        assert_eq!(
            p.check("MIT AND GPL-3.0-only"),
            Some(Verdict::Denied(vec!["GPL-3.0-only".into()]))
        );
        assert_eq!(
            p.check("(AGPL-3.0-only OR GPL-3.0-only)"),
            Some(Verdict::Denied(vec![
                "AGPL-3.0-only".into(),
                "GPL-3.0-only".into()
            ]))
        );
        assert_eq!(
            p.check("gpl-3.0-only WITH Classpath-exception-2.0"),
            Some(Verdict::Denied(vec!["gpl-3.0-only".into()]))
        );
        let p = policy(&["MIT", "Apache-2.0", "BSD-3-Clause"], &[]);
        assert_eq!(p.check("Apache-2.0 OR MIT"), None);
        assert_eq!(p.check("(MIT AND BSD-3-Clause) OR GPL-2.0-only"), None);
        assert_eq!(
            p.check("MPL-2.0"),
            Some(Verdict::NotAllowed(vec!["MPL-2.0".into()]))
        );
        assert_eq!(
            p.check("SEE LICENSE IN LICENSE.txt"),
            Some(Verdict::NotAllowed(vec![
                "SEE LICENSE IN LICENSE.txt".into()
            ]))
        );
        assert_eq!(policy(&[], &[]).check("anything"), None);
        // Hostile nesting ends.
        let deep = format!("{}MIT{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(p.check(&deep).is_some());
    }
}
