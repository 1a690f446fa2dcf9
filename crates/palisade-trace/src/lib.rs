//! palisade's traceability: specification items written in OpenFastTrace's Markdown
//! notation or YAML, coverage tags in the comments of any source file, and the trace that
//! says, for every item, whether what it needs covers it (`palisade trace`); suspect links
//! against a lock file; verification by test results and by scans.

pub mod diagram;
pub mod item;
pub mod junit;
pub mod lock;
pub mod matrix;
pub mod reqif;
pub mod threats;
pub mod trace;
pub mod yaml;

pub use item::{Item, ItemId, ReadProblem};
pub use lock::{LOCK_FILE, Lock};
pub use trace::{
    Defect, Model, OpenFinding, ScanEvidence, Trace, names_rule, trace, trace_with, verify,
    verify_scan, violated_by,
};

/// What the files of a project hold.
#[derive(Debug, Default)]
pub struct Collected {
    /// Items: specification items, coverage tags and derived threats.
    pub items: Vec<Item>,
    /// Problems reading files.
    pub problems: Vec<ReadProblem>,
    /// Threat models.
    pub models: Vec<threats::ThreatModel>,
}

/// Items from files: Markdown (`.md`, `.markdown`) is read for specification items, YAML
/// item files (`*.items.yaml`) for items, YAML threat models (ours or Threagile's) for
/// threats, every other file for coverage tags. `files` are `(project-relative path,
/// text)`.
pub fn collect(files: &[(String, String)]) -> Collected {
    use rayon::prelude::*;
    // Files are read in parallel, and joined in their given order.
    let parts: Vec<Collected> = files
        .par_iter()
        .map(|(path, text)| collect_file(path, text))
        .collect();
    let mut c = Collected::default();
    for p in parts {
        c.items.extend(p.items);
        c.problems.extend(p.problems);
        c.models.extend(p.models);
    }
    c
}

fn collect_file(path: &str, text: &str) -> Collected {
    let mut c = Collected::default();
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        (c.items, c.problems) = item::parse_markdown(path, text);
    } else if yaml::is_item_file(path) {
        (c.items, c.problems) = yaml::parse(path, text);
    } else if (lower.ends_with(".yaml") || lower.ends_with(".yml"))
        && threats::is_threat_model(text)
    {
        let (m, p) = threats::parse(path, text);
        c.problems = p;
        if let Some(m) = m {
            c.items = threats::items(&m);
            c.models.push(m);
        }
    } else if text.contains("->") {
        c.items = item::parse_tags(path, text);
    }
    c
}
