//! palisade's traceability: specification items written in OpenFastTrace's Markdown
//! notation, coverage tags in the comments of any source file, and the trace that says, for
//! every item, whether what it needs covers it (`palisade trace`).

pub mod item;
pub mod junit;
pub mod trace;

pub use item::{Item, ItemId, ReadProblem};
pub use trace::{Defect, Trace, trace, verify};

/// Items from files: Markdown (`.md`, `.markdown`) is read for specification items, every
/// other file for coverage tags. `files` are `(project-relative path, text)`.
pub fn collect(files: &[(String, String)]) -> (Vec<Item>, Vec<ReadProblem>) {
    let mut items = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in files {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            let (i, p) = item::parse_markdown(path, text);
            items.extend(i);
            problems.extend(p);
        } else if text.contains("->") {
            items.extend(item::parse_tags(path, text));
        }
    }
    (items, problems)
}
