//! Linking items and judging each one, with OpenFastTrace's rules: an item is covered when
//! every artifact type it `Needs` has an item of that type covering its exact revision, and
//! its own `Covers` links point at existing items of the revision they name.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::item::{Item, ItemId};
use crate::junit::{Outcome, TestCase};

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
}

/// The trace of a set of items.
#[derive(Debug, Clone, Serialize)]
pub struct Trace {
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
}

/// Link counts.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Links {
    /// Expected.
    pub expected: usize,
    /// Present and valid.
    pub valid: usize,
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

/// Link `items` and judge each.
pub fn trace(items: Vec<Item>) -> Trace {
    // Items by exact id and by type~name (all revisions).
    let mut by_id: BTreeMap<ItemId, usize> = BTreeMap::new();
    let mut revisions: BTreeMap<(String, String), BTreeSet<u32>> = BTreeMap::new();
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
            by_id.insert(it.id.clone(), i);
        }
        revisions
            .entry((it.id.kind.clone(), it.id.name.clone()))
            .or_default()
            .insert(it.id.revision);
    }
    let mut covered_by: Vec<Vec<ItemId>> = vec![Vec::new(); items.len()];
    let mut links = Links::default();
    for (i, it) in items.iter().enumerate() {
        for target in &it.covers {
            links.expected += 1;
            if let Some(&t) = by_id.get(target) {
                links.valid += 1;
                covered_by[t].push(it.id.clone());
                continue;
            }
            let defect = match revisions.get(&(target.kind.clone(), target.name.clone())) {
                None => Defect::Orphaned {
                    target: target.to_string(),
                },
                Some(revs) => {
                    let current = revs.iter().next_back().copied().unwrap_or(0);
                    if target.revision < current {
                        Defect::Outdated {
                            target: target.to_string(),
                            current,
                        }
                    } else {
                        Defect::Predated {
                            target: target.to_string(),
                            current,
                        }
                    }
                }
            };
            defects[i].push(defect);
        }
    }
    for (i, it) in items.iter().enumerate() {
        let kinds: BTreeSet<&str> = covered_by[i].iter().map(|c| c.kind.as_str()).collect();
        for need in &it.needs {
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
            if !it.needs.iter().any(|n| n == k) {
                defects[i].push(Defect::Unwanted { kind: k.to_owned() });
            }
        }
    }
    let mut traced: Vec<Traced> = items
        .into_iter()
        .zip(defects)
        .zip(covered_by)
        .map(|((item, mut d), mut cb)| {
            d.sort();
            d.dedup();
            cb.sort();
            Traced {
                item,
                status: if d.is_empty() { "covered" } else { "defect" },
                covered_by: cb,
                defects: d,
                verification: None,
            }
        })
        .collect();
    traced.sort_by(|a, b| {
        (&a.item.id, &a.item.path, a.item.line).cmp(&(&b.item.id, &b.item.path, b.item.line))
    });
    summarize(traced, links)
}

fn summarize(traced: Vec<Traced>, links: Links) -> Trace {
    let mut by_kind = BTreeMap::new();
    for t in &traced {
        for d in &t.defects {
            *by_kind.entry(d.kind().to_owned()).or_insert(0) += 1;
        }
    }
    let defective = traced.iter().filter(|t| !t.defects.is_empty()).count();
    Trace {
        total: traced.len(),
        defects: defective,
        links,
        defects_by_kind: by_kind,
        trace_score: if links.expected == 0 {
            1.0
        } else {
            links.valid as f64 / links.expected as f64
        },
        items: traced,
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
        mut items, links, ..
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
    summarize(items, links)
}
