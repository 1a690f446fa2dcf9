//! Linking items and judging each one, with OpenFastTrace's rules: an item is covered when
//! every artifact type it `Needs` (or its type needs in the traceability information model)
//! has an item of that type covering its exact revision, and its own `Covers` links point at
//! existing items of the revision they name. On top: tags that point at unapproved items,
//! cycles, suspect links (against the lock file), test results and scan results.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use foldhash::fast::RandomState as Hasher;
use rayon::prelude::*;
use serde::Serialize;

use crate::item::{Item, ItemId};
use crate::junit::{Outcome, TestCase};
use crate::lock::Lock;

/// Hash maps over item ids and lock keys: foldhash rather than SipHash (every link is looked
/// up in two of them), still seeded per process so crafted ids cannot aim at one bucket.
type Map<K, V> = HashMap<K, V, Hasher>;

/// The traceability information model: which artifact types each type needs, for items
/// that do not say (`Needs:`), and what a coverage tag may point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// Type -> the types that must cover an item of it.
    pub needs: BTreeMap<String, Vec<String>>,
    /// Statuses an item must have for a coverage tag in code to point at it.
    pub approved: Vec<String>,
    /// A change to a downstream specification item also makes its link suspect, shown on
    /// the upstream item.
    pub suspect_upstream: bool,
}

impl Default for Model {
    /// threat <- mitigated by req <- covered by dsn <- impl and utest.
    fn default() -> Self {
        let v = |xs: &[&str]| xs.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        Self {
            needs: [
                ("threat".to_owned(), v(&["req"])),
                ("req".to_owned(), v(&["dsn"])),
                ("dsn".to_owned(), v(&["impl", "utest"])),
            ]
            .into_iter()
            .collect(),
            approved: v(&["approved"]),
            suspect_upstream: false,
        }
    }
}

/// What is wrong with an item.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "defect", rename_all = "kebab-case")]
pub enum Defect {
    /// A needed artifact type has no item covering this one.
    Uncovered {
        /// The artifact type.
        needs: String,
    },
    /// It covers an id that does not exist in any revision.
    Orphaned {
        /// The id it points at.
        target: String,
    },
    /// It covers an older revision than the one that exists.
    Outdated {
        /// The id it points at.
        target: String,
        /// The revision that exists.
        current: u32,
    },
    /// It covers a newer revision than the one that exists.
    Predated {
        /// The id it points at.
        target: String,
        /// The revision that exists.
        current: u32,
    },
    /// Items of a type it does not need cover it.
    Unwanted {
        /// The artifact type.
        kind: String,
    },
    /// Another item has the same id.
    Duplicate {
        /// Where the other one is.
        other: String,
    },
    /// A test that covers it failed in the latest results.
    Failing {
        /// The test.
        test: String,
    },
    /// A coverage tag in code points at an item that is not approved.
    Unapproved {
        /// The id it points at.
        target: String,
        /// That item's status.
        status: String,
    },
    /// A link changed since it was last reviewed (lock file).
    Suspect {
        /// The item at the other end.
        link: String,
        /// `upstream-changed`, `code-changed` or `downstream-changed`.
        reason: &'static str,
    },
    /// It is on a cycle of `Covers`/`Depends` links.
    Cycle {
        /// The next item on the cycle.
        through: String,
    },
    /// An open scan finding of a rule that verifies it.
    Violated {
        /// The rule.
        rule: String,
        /// Where (`path:line`).
        at: String,
    },
    /// No rule that ran in the scan verifies what it names.
    Unverified {
        /// The rule id or CWE it names.
        by: String,
    },
}

impl Defect {
    /// The kind name (`uncovered`, `orphaned`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Uncovered { .. } => "uncovered",
            Self::Orphaned { .. } => "orphaned",
            Self::Outdated { .. } => "outdated",
            Self::Predated { .. } => "predated",
            Self::Unwanted { .. } => "unwanted",
            Self::Duplicate { .. } => "duplicate",
            Self::Failing { .. } => "failing",
            Self::Unapproved { .. } => "unapproved",
            Self::Suspect { .. } => "suspect",
            Self::Cycle { .. } => "cycle",
            Self::Violated { .. } => "violated",
            Self::Unverified { .. } => "unverified",
        }
    }

    /// One line for people.
    pub fn describe(&self) -> String {
        match self {
            Self::Uncovered { needs } => format!("uncovered: needs {needs}"),
            Self::Orphaned { target } => {
                format!("orphaned: covers {target}, which does not exist")
            }
            Self::Outdated { target, current } => {
                format!("outdated: covers {target}, now at revision {current}")
            }
            Self::Predated { target, current } => {
                format!("predated: covers {target}, which is only at revision {current}")
            }
            Self::Unwanted { kind } => format!("unwanted coverage by {kind}"),
            Self::Duplicate { other } => format!("duplicate of {other}"),
            Self::Failing { test } => format!("failing: test {test} failed"),
            Self::Unapproved { target, status } => {
                format!("unapproved: points at {target}, which is {status}")
            }
            Self::Suspect { link, reason } => match *reason {
                "upstream-changed" => {
                    format!("suspect: {link} changed since the link to it was reviewed")
                }
                "code-changed" => format!(
                    "suspect: the code under the tag changed since its link to {link} was reviewed"
                ),
                _ => {
                    format!("suspect: {link}, which covers it, changed since the link was reviewed")
                }
            },
            Self::Cycle { through } => {
                format!("cycle: its links lead back to it through {through}")
            }
            Self::Violated { rule, at } => format!("violated: open finding {rule} at {at}"),
            Self::Unverified { by } => format!("unverified: no rule that ran verifies {by}"),
        }
    }
}

/// One item's place in the trace.
#[derive(Debug, Clone, Serialize)]
pub struct Traced {
    /// The item.
    #[serde(flatten)]
    pub item: Item,
    /// `covered` or `defect`.
    pub status: &'static str,
    /// Items that cover it.
    pub covered_by: Vec<ItemId>,
    /// What is wrong.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub defects: Vec<Defect>,
    /// With test results: `verified` (a covering test passed, none failed), `failing` (one
    /// failed) or `not-run` (covering tests have no result).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<&'static str>,
    /// With scan results, for an item with `Verified-by`: `verified` (the rules ran, no open
    /// finding), `violated` (an open finding) or `not-run` (no rule that ran verifies it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security: Option<&'static str>,
}

/// The trace of a set of items.
#[derive(Debug, Clone, Serialize)]
pub struct Trace {
    /// OpenFastTrace's one-line verdict.
    pub verdict: String,
    /// Items.
    pub total: usize,
    /// Items with at least one defect.
    pub defects: usize,
    /// Links: expected relations (each need of each item, each covers link) and how many
    /// are present and valid.
    pub links: Links,
    /// Defects by kind.
    pub defects_by_kind: BTreeMap<String, usize>,
    /// Share of expected relations present and valid, 0..=1 (1 when none are expected).
    pub trace_score: f64,
    /// Every item, sorted by id.
    pub items: Vec<Traced>,
    /// Every valid link with its current hashes (for the lock file).
    #[serde(skip)]
    pub current: Vec<LinkState>,
}

/// Link counts.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Links {
    /// Expected.
    pub expected: usize,
    /// Present and valid.
    pub valid: usize,
    /// Valid links that changed since they were reviewed.
    pub suspect: usize,
}

/// A link as it is now: lock key of both ends and their current hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkState {
    /// Downstream lock key (id, or the anchor of an anonymous tag).
    pub down: Arc<str>,
    /// Upstream id.
    pub up: Arc<str>,
    /// Downstream hash now.
    pub down_hash: Arc<str>,
    /// Upstream hash now.
    pub up_hash: Arc<str>,
}

impl Trace {
    /// OpenFastTrace's one-line verdict: `ok - N total` or `not ok - N total, D defects`.
    pub fn verdict(&self) -> String {
        if self.defects == 0 {
            format!("ok - {} total", self.total)
        } else {
            format!(
                "not ok - {} total, {} defect{}",
                self.total,
                self.defects,
                if self.defects == 1 { "" } else { "s" }
            )
        }
    }
}

/// Link `items` and judge each, with the default model and no lock file.
pub fn trace(items: Vec<Item>) -> Trace {
    trace_with(items, &Model::default(), None)
}

/// The lock key of an item: its id, or the anchor of a tag without its own id.
fn lock_key(it: &Item) -> String {
    it.anchor.clone().unwrap_or_else(|| it.id.to_string())
}

/// What [`trace_with`] needs to judge one item's outgoing links.
struct LinkCtx<'a> {
    items: &'a [Item],
    model: &'a Model,
    by_id: &'a Map<&'a ItemId, usize>,
    revisions: &'a Map<(&'a str, &'a str), u32>,
    locked: &'a Map<(&'a str, &'a str), (&'a str, &'a str)>,
    keys: &'a [Arc<str>],
    ids: &'a [Arc<str>],
    hashes: &'a [Arc<str>],
}

/// One item's outgoing links, judged.
#[derive(Default)]
struct Outgoing {
    /// Covers links counted as expected.
    expected: usize,
    /// Items it validly covers.
    covers: Vec<usize>,
    /// Items it validly covers or depends on (for cycles).
    edges: Vec<usize>,
    /// Its own defects.
    defects: Vec<Defect>,
    /// Defects of the items it links to (a changed downstream item).
    upstream_defects: Vec<(usize, Defect)>,
    /// Its present links as they are now.
    states: Vec<LinkState>,
    /// How many of them are suspect.
    suspect: usize,
}

impl LinkCtx<'_> {
    fn outgoing(&self, i: usize) -> Outgoing {
        let it = &self.items[i];
        let mut o = Outgoing::default();
        for (target, covers) in it
            .covers
            .iter()
            .map(|t| (t, true))
            .chain(it.depends.iter().map(|t| (t, false)))
        {
            if covers {
                o.expected += 1;
            }
            if let Some(&t) = self.by_id.get(target) {
                o.edges.push(t);
                let up = &self.items[t];
                if covers {
                    o.covers.push(t);
                    if it.from_tag && !self.model.approved.contains(&up.status) {
                        o.defects.push(Defect::Unapproved {
                            target: target.to_string(),
                            status: up.status.clone(),
                        });
                    }
                }
                let state = LinkState {
                    down: Arc::clone(&self.keys[i]),
                    up: Arc::clone(&self.ids[t]),
                    down_hash: Arc::clone(&self.hashes[i]),
                    up_hash: Arc::clone(&self.hashes[t]),
                };
                if let Some(&(dh, uh)) = self.locked.get(&(&*state.down, &*state.up)) {
                    let mut suspect = false;
                    if uh != &*state.up_hash {
                        suspect = true;
                        o.defects.push(Defect::Suspect {
                            link: state.up.to_string(),
                            reason: "upstream-changed",
                        });
                    }
                    if dh != &*state.down_hash {
                        if it.from_tag {
                            suspect = true;
                            o.defects.push(Defect::Suspect {
                                link: state.up.to_string(),
                                reason: "code-changed",
                            });
                        } else if self.model.suspect_upstream {
                            suspect = true;
                            o.upstream_defects.push((
                                t,
                                Defect::Suspect {
                                    link: self.ids[i].to_string(),
                                    reason: "downstream-changed",
                                },
                            ));
                        }
                    }
                    o.suspect += usize::from(suspect);
                }
                o.states.push(state);
                continue;
            }
            if !covers {
                o.defects.push(Defect::Orphaned {
                    target: target.to_string(),
                });
                continue;
            }
            let defect = match self
                .revisions
                .get(&(target.kind.as_str(), target.name.as_str()))
            {
                None => Defect::Orphaned {
                    target: target.to_string(),
                },
                Some(&current) if target.revision < current => Defect::Outdated {
                    target: target.to_string(),
                    current,
                },
                Some(&current) => Defect::Predated {
                    target: target.to_string(),
                    current,
                },
            };
            o.defects.push(defect);
        }
        o
    }
}

/// Link `items` and judge each, under `model`; with `lock`, links whose ends changed since
/// they were reviewed are suspect.
#[allow(clippy::too_many_lines)]
pub fn trace_with(items: Vec<Item>, model: &Model, lock: Option<&Lock>) -> Trace {
    // Items by exact id and by type~name (all revisions).
    let mut by_id: Map<&ItemId, usize> =
        Map::with_capacity_and_hasher(items.len(), Hasher::default());
    let mut revisions: Map<(&str, &str), u32> =
        Map::with_capacity_and_hasher(items.len(), Hasher::default());
    // The lock's entries, looked up without building keys.
    let locked: Map<(&str, &str), (&str, &str)> = lock
        .map(|l| {
            l.links
                .iter()
                .map(|((d, u), (dh, uh))| ((d.as_str(), u.as_str()), (dh.as_str(), uh.as_str())))
                .collect()
        })
        .unwrap_or_default();
    let mut defects: Vec<Vec<Defect>> = vec![Vec::new(); items.len()];
    for (i, it) in items.iter().enumerate() {
        if let Some(&first) = by_id.get(&it.id) {
            let other = &items[first];
            defects[i].push(Defect::Duplicate {
                other: format!("{}:{}", other.path, other.line),
            });
            defects[first].push(Defect::Duplicate {
                other: format!("{}:{}", it.path, it.line),
            });
        } else {
            by_id.insert(&it.id, i);
        }
        let top = revisions
            .entry((it.id.kind.as_str(), it.id.name.as_str()))
            .or_insert(0);
        *top = (*top).max(it.id.revision);
    }
    // Each item's lock key, id and hash, made once and shared by all its links.
    let keys: Vec<Arc<str>> = items.par_iter().map(|it| Arc::from(lock_key(it))).collect();
    let ids: Vec<Arc<str>> = items
        .par_iter()
        .zip(&keys)
        .map(|(it, key)| {
            if it.anchor.is_none() {
                Arc::clone(key)
            } else {
                Arc::from(it.id.to_string())
            }
        })
        .collect();
    let hashes: Vec<Arc<str>> = items
        .par_iter()
        .map(|it| Arc::from(it.hash.as_str()))
        .collect();
    // Every item's outgoing links, judged in parallel (each reads only shared maps), then
    // merged in item order so the result does not depend on scheduling.
    let ctx = LinkCtx {
        items: &items,
        model,
        by_id: &by_id,
        revisions: &revisions,
        locked: &locked,
        keys: &keys,
        ids: &ids,
        hashes: &hashes,
    };
    let outgoing: Vec<Outgoing> = (0..items.len())
        .into_par_iter()
        .map(|i| ctx.outgoing(i))
        .collect();
    let mut covered_by: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    let mut links = Links::default();
    let mut current = Vec::with_capacity(outgoing.iter().map(|o| o.states.len()).sum());
    let mut edges: Vec<Vec<usize>> = Vec::with_capacity(items.len());
    for (i, o) in outgoing.into_iter().enumerate() {
        links.expected += o.expected;
        links.valid += o.covers.len();
        links.suspect += o.suspect;
        for &t in &o.covers {
            covered_by[t].push(i);
        }
        defects[i].extend(o.defects);
        for (t, d) in o.upstream_defects {
            defects[t].push(d);
        }
        current.extend(o.states);
        edges.push(o.edges);
    }
    for (i, through) in cycles(&edges) {
        defects[i].push(Defect::Cycle {
            through: items[through].id.to_string(),
        });
    }
    for (i, it) in items.iter().enumerate() {
        let kinds: BTreeSet<&str> = covered_by[i]
            .iter()
            .map(|&c| items[c].id.kind.as_str())
            .collect();
        let needs: &[String] = if it.needs.is_empty() && !it.from_tag {
            model.needs.get(&it.id.kind).map_or(&[], Vec::as_slice)
        } else {
            &it.needs
        };
        for need in needs {
            links.expected += 1;
            if kinds.contains(need.as_str()) {
                links.valid += 1;
            } else {
                defects[i].push(Defect::Uncovered {
                    needs: need.clone(),
                });
            }
        }
        for k in kinds {
            if !needs.iter().any(|n| n == k) {
                defects[i].push(Defect::Unwanted { kind: k.to_owned() });
            }
        }
    }
    let covered_by: Vec<Vec<ItemId>> = covered_by
        .into_par_iter()
        .map(|cb| {
            let mut cb: Vec<ItemId> = cb.into_iter().map(|c| items[c].id.clone()).collect();
            cb.sort();
            cb
        })
        .collect();
    let mut traced: Vec<Traced> = items
        .into_par_iter()
        .zip(defects)
        .zip(covered_by)
        .map(|((item, mut d), covered_by)| {
            d.sort();
            d.dedup();
            Traced {
                item,
                status: if d.is_empty() { "covered" } else { "defect" },
                covered_by,
                defects: d,
                verification: None,
                security: None,
            }
        })
        .collect();
    traced.par_sort_by(|a, b| {
        (&a.item.id, &a.item.path, a.item.line).cmp(&(&b.item.id, &b.item.path, b.item.line))
    });
    summarize(traced, links, current)
}

/// Items on a cycle, each with the next item on it (Tarjan's strongly connected
/// components, without recursion).
fn cycles(edges: &[Vec<usize>]) -> Vec<(usize, usize)> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut comp = vec![usize::MAX; n];
    let mut next = 0usize;
    let mut comps = 0usize;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if *e == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = comps;
                    if w == v {
                        break;
                    }
                }
                comps += 1;
            }
        }
    }
    let mut size = vec![0usize; comps];
    for &c in &comp {
        size[c] += 1;
    }
    let mut out = Vec::new();
    for v in 0..n {
        let on_cycle = size[comp[v]] > 1 || edges[v].contains(&v);
        if on_cycle && let Some(&w) = edges[v].iter().find(|&&w| comp[w] == comp[v]) {
            out.push((v, w));
        }
    }
    out
}

fn summarize(traced: Vec<Traced>, links: Links, current: Vec<LinkState>) -> Trace {
    let mut by_kind = BTreeMap::new();
    for t in &traced {
        for d in &t.defects {
            *by_kind.entry(d.kind().to_owned()).or_insert(0) += 1;
        }
    }
    let defective = traced.iter().filter(|t| !t.defects.is_empty()).count();
    // A suspect link is present but not valid until reviewed.
    let valid = links.valid.saturating_sub(links.suspect);
    let mut t = Trace {
        verdict: String::new(),
        total: traced.len(),
        defects: defective,
        links,
        defects_by_kind: by_kind,
        trace_score: if links.expected == 0 {
            1.0
        } else {
            valid as f64 / links.expected as f64
        },
        items: traced,
        current,
    };
    t.verdict = t.verdict();
    t
}

impl Trace {
    /// The lock file after this trace: links it already holds keep their reviewed hashes,
    /// new links are recorded as they are now, links that no longer exist are dropped.
    pub fn lock(&self, old: &Lock) -> Lock {
        let kept: HashMap<(&str, &str), &(String, String)> = old
            .links
            .iter()
            .map(|((d, u), h)| ((d.as_str(), u.as_str()), h))
            .collect();
        Lock {
            links: self
                .current
                .iter()
                .map(|l| {
                    let hashes = kept.get(&(&*l.down, &*l.up)).map_or_else(
                        || (l.down_hash.to_string(), l.up_hash.to_string()),
                        |h| (*h).clone(),
                    );
                    ((l.down.to_string(), l.up.to_string()), hashes)
                })
                .collect(),
        }
    }

    /// Whether [`Trace::lock`] would return `old` unchanged: it holds exactly the links
    /// there are now (kept links keep their reviewed hashes, so only the set of links can
    /// differ). Cheaper than building the new lock.
    pub fn lock_is_current(&self, old: &Lock) -> bool {
        let now: HashSet<(&str, &str), Hasher> =
            self.current.iter().map(|l| (&*l.down, &*l.up)).collect();
        now.len() == old.links.len()
            && old
                .links
                .keys()
                .all(|(d, u)| now.contains(&(d.as_str(), u.as_str())))
    }

    /// The lock file after reviewing the items `selectors` name (an id, `type~name` for
    /// every revision, or a path for the tags in that file): every link at either end of
    /// them records its current hashes. Returns the lock and how many links changed.
    pub fn review(&self, old: &Lock, selectors: &[String]) -> (Lock, usize) {
        let mut lock = self.lock(old);
        let paths: BTreeMap<String, &str> = self
            .items
            .iter()
            .map(|t| {
                (
                    t.item
                        .anchor
                        .clone()
                        .unwrap_or_else(|| t.item.id.to_string()),
                    t.item.path.as_str(),
                )
            })
            .collect();
        let picked = |key: &str| {
            selectors.iter().any(|s| {
                key == s
                    || key.rsplit_once('~').is_some_and(|(k, _)| k == s)
                    || paths.get(key).is_some_and(|p| p == s)
            })
        };
        let mut changed = 0;
        for l in &self.current {
            if picked(&l.down) || picked(&l.up) {
                let now = (l.down_hash.to_string(), l.up_hash.to_string());
                let entry = lock.links.entry((l.down.to_string(), l.up.to_string()));
                let slot = entry.or_insert_with(|| now.clone());
                if *slot != now {
                    *slot = now;
                    changed += 1;
                }
            }
        }
        (lock, changed)
    }
}

/// Does test case `case` run the function `test` tagged in `path`?
fn runs(case: &TestCase, test: &str, path: &str) -> bool {
    let name = case.name.split(['[', '(']).next().unwrap_or("").trim();
    let name_matches = name == test
        || name.ends_with(&format!(".{test}"))
        || name.ends_with(&format!("::{test}"))
        || name.ends_with(&format!("/{test}"));
    if !name_matches {
        return false;
    }
    // When the runner names the module or class, it must be the tagged file's.
    let stem = path
        .rsplit('/')
        .next()
        .unwrap_or(path)
        .split('.')
        .next()
        .unwrap_or("");
    case.classname.is_empty()
        || stem.is_empty()
        || case.classname.contains(stem)
        || path.contains(&case.classname.replace('.', "/"))
}

/// Apply test results: an item covered through tags on test functions is `verified` when
/// such a test passed and none failed, `failing` (a defect) when one failed, and `not-run`
/// when none of them has a result.
pub fn verify(trace: Trace, results: &[TestCase]) -> Trace {
    let Trace {
        mut items,
        links,
        current,
        ..
    } = trace;
    let tests: BTreeMap<ItemId, (String, String)> = items
        .iter()
        .filter_map(|t| {
            t.item
                .test
                .as_ref()
                .map(|name| (t.item.id.clone(), (name.clone(), t.item.path.clone())))
        })
        .collect();
    for t in &mut items {
        let covering: Vec<&(String, String)> =
            t.covered_by.iter().filter_map(|c| tests.get(c)).collect();
        if covering.is_empty() {
            continue;
        }
        let mut passed = false;
        let mut failed: Vec<String> = Vec::new();
        for (name, path) in covering {
            for case in results.iter().filter(|c| runs(c, name, path)) {
                match case.outcome {
                    Outcome::Passed => passed = true,
                    Outcome::Failed => failed.push(format!("{path}: {name}")),
                    Outcome::Skipped => {}
                }
            }
        }
        failed.sort();
        failed.dedup();
        t.verification = Some(if !failed.is_empty() {
            "failing"
        } else if passed {
            "verified"
        } else {
            "not-run"
        });
        for test in failed {
            t.defects.push(Defect::Failing { test });
        }
        if !t.defects.is_empty() {
            t.status = "defect";
        }
    }
    summarize(items, links, current)
}

/// What a scan says: the rules that ran (id and CWEs, `CWE-798`) and the open (active,
/// unsuppressed) findings.
#[derive(Debug, Clone, Default)]
pub struct ScanEvidence {
    /// Rules that ran: id and CWEs.
    pub rules: Vec<(String, Vec<String>)>,
    /// Open findings.
    pub findings: Vec<OpenFinding>,
}

/// An open finding.
#[derive(Debug, Clone)]
pub struct OpenFinding {
    /// Rule id.
    pub rule: String,
    /// Its CWEs.
    pub cwes: Vec<String>,
    /// `path:line`.
    pub at: String,
}

/// Does the `Verified-by` entry `by` (a CWE such as `CWE-798`, a rule id, or a rule id
/// glob ending in `*`) name the rule `rule` with CWEs `cwes`?
pub fn names_rule(by: &str, rule: &str, cwes: &[String]) -> bool {
    let by = by.trim();
    if by.len() > 4 && by[..4].eq_ignore_ascii_case("cwe-") {
        return cwes.iter().any(|c| c.eq_ignore_ascii_case(by));
    }
    match by.strip_suffix('*') {
        Some(prefix) => rule.starts_with(prefix),
        None => rule == by,
    }
}

/// The items (ids) whose `Verified-by` names the rule: a finding of it violates them.
pub fn violated_by<'a>(
    items: &'a [Item],
    rule: &str,
    cwes: &[String],
) -> impl Iterator<Item = &'a ItemId> {
    items
        .iter()
        .filter(move |it| it.verified_by.iter().any(|b| names_rule(b, rule, cwes)))
        .map(|it| &it.id)
}

/// Apply scan results: an item with `Verified-by` is `verified` when a rule it names ran
/// with no open finding, `violated` (a defect per finding) while one is open, and
/// `not-run` (an `unverified` defect) when no rule that ran is named.
pub fn verify_scan(trace: Trace, scan: &ScanEvidence) -> Trace {
    let Trace {
        mut items,
        links,
        current,
        ..
    } = trace;
    for t in &mut items {
        if t.item.verified_by.is_empty() {
            continue;
        }
        let mut violations = Vec::new();
        for f in &scan.findings {
            if t.item
                .verified_by
                .iter()
                .any(|b| names_rule(b, &f.rule, &f.cwes))
            {
                violations.push(Defect::Violated {
                    rule: f.rule.clone(),
                    at: f.at.clone(),
                });
            }
        }
        let mut unverified = Vec::new();
        for by in &t.item.verified_by {
            if !scan.rules.iter().any(|(r, c)| names_rule(by, r, c)) {
                unverified.push(Defect::Unverified { by: by.clone() });
            }
        }
        t.security = Some(if !violations.is_empty() {
            "violated"
        } else if unverified.len() == t.item.verified_by.len() {
            "not-run"
        } else {
            "verified"
        });
        t.defects.extend(violations);
        t.defects.extend(unverified);
        t.defects.sort();
        t.defects.dedup();
        if !t.defects.is_empty() {
            t.status = "defect";
        }
    }
    summarize(items, links, current)
}
