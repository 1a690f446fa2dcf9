//! YAML item files (`*.items.yaml`, `*.items.yml`): a top-level `items` list, each item a
//! mapping with `id` and optionally `title`, `text`, `needs`, `covers`, `depends`, `tags`,
//! `status`, `verified-by` and `attributes` (any further string attributes, as imported
//! from ReqIF). Lists are YAML sequences or comma-separated strings.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use palisade_core::doc::{Node, NodeValue};

use crate::item::{Item, ItemId, ReadProblem};

/// Is `path` a YAML item file?
pub fn is_item_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".items.yaml", ".items.yml"]
        .iter()
        .any(|s| lower.ends_with(s))
        || lower
            .rsplit('/')
            .next()
            .is_some_and(|n| n == "items.yaml" || n == "items.yml")
}

pub(crate) fn scalar(n: &Node) -> Option<String> {
    match &n.value {
        NodeValue::String(s) => Some(s.clone()),
        NodeValue::Number(x) => Some(x.to_string()),
        NodeValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub(crate) fn list(n: &Node) -> Option<Vec<String>> {
    match &n.value {
        NodeValue::Array(xs) => xs.iter().map(scalar).collect(),
        NodeValue::Null => Some(Vec::new()),
        _ => scalar(n).map(|s| {
            s.split(',')
                .map(|x| x.trim().to_owned())
                .filter(|x| !x.is_empty())
                .collect()
        }),
    }
}

/// Read the items of one YAML item file.
pub fn parse(path: &str, text: &str) -> (Vec<Item>, Vec<ReadProblem>) {
    let mut items = Vec::new();
    let mut problems = Vec::new();
    let mut problem = |line: u32, message: String| {
        problems.push(ReadProblem {
            path: path.to_owned(),
            line,
            message,
        });
    };
    let stream = palisade_core::yaml::parse(text);
    if let Some(e) = &stream.error {
        problem(e.line, format!("not valid YAML: {}", e.message));
    }
    for doc in &stream.docs {
        let Some(list_node) = doc.get("items") else {
            problem(doc.line, "no top-level `items` list".to_owned());
            continue;
        };
        let NodeValue::Array(entries) = &list_node.value else {
            problem(list_node.line, "`items` is not a list".to_owned());
            continue;
        };
        for e in entries {
            let NodeValue::Object(fields) = &e.value else {
                problem(e.line, "an item is not a mapping".to_owned());
                continue;
            };
            let Some(id) = e.get("id").and_then(scalar) else {
                problem(e.line, "an item has no `id`".to_owned());
                continue;
            };
            let Some(id) = ItemId::parse(id.trim()) else {
                problem(
                    e.line,
                    format!(
                        "`{}` is not an item id (type~name~revision)",
                        id.escape_debug()
                    ),
                );
                continue;
            };
            let mut item = Item::new(id, path, e.line);
            let mut ok = true;
            for f in fields {
                let v = &f.value;
                let mut ids = |out: &mut Vec<ItemId>| match list(v) {
                    Some(xs) => {
                        for x in xs {
                            match ItemId::parse(x.trim()) {
                                Some(i) => out.push(i),
                                None => problem(
                                    f.line,
                                    format!(
                                        "`{}` in `{}` is not an item id",
                                        x.escape_debug(),
                                        f.key
                                    ),
                                ),
                            }
                        }
                    }
                    None => problem(f.line, format!("`{}` is not a list", f.key)),
                };
                match f.key.as_str() {
                    "id" => {}
                    "title" | "text" | "status" => {
                        if let Some(s) = scalar(v) {
                            match f.key.as_str() {
                                "title" => item.title = s,
                                "text" => s.trim().clone_into(&mut item.text),
                                _ => item.status = s.trim().to_lowercase(),
                            }
                        } else {
                            problem(f.line, format!("`{}` is not a string", f.key));
                            ok = false;
                        }
                    }
                    "covers" => ids(&mut item.covers),
                    "depends" => ids(&mut item.depends),
                    "needs" | "tags" | "verified-by" => match list(v) {
                        Some(xs) => match f.key.as_str() {
                            "needs" => item.needs = xs,
                            "tags" => item.tags = xs,
                            _ => item.verified_by = xs,
                        },
                        None => problem(f.line, format!("`{}` is not a list", f.key)),
                    },
                    "attributes" => match &v.value {
                        NodeValue::Object(attrs) => {
                            for a in attrs {
                                match scalar(&a.value) {
                                    Some(s) => {
                                        item.attributes.insert(a.key.clone(), s);
                                    }
                                    None => problem(
                                        a.line,
                                        format!("attribute `{}` is not a string", a.key),
                                    ),
                                }
                            }
                        }
                        NodeValue::Null => {}
                        _ => problem(f.line, "`attributes` is not a mapping".to_owned()),
                    },
                    other => problem(
                        f.line,
                        format!(
                            "unknown field `{}` (ignored; further attributes go under `attributes`)",
                            other.escape_debug()
                        ),
                    ),
                }
            }
            if ok {
                item.seal();
                items.push(item);
            }
        }
    }
    (items, problems)
}

fn q(s: &str) -> String {
    // A JSON string is a valid YAML double-quoted scalar.
    serde_json::to_string(s).unwrap_or_default()
}

fn list_out(out: &mut String, key: &str, xs: &[String]) {
    if xs.is_empty() {
        return;
    }
    let v: Vec<String> = xs.iter().map(|x| q(x)).collect();
    let _ = writeln!(out, "    {key}: [{}]", v.join(", "));
}

/// Write items as a YAML item file that [`parse`] reads back unchanged.
pub fn render(items: &[Item], header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("items:\n");
    for it in items {
        let _ = writeln!(out, "  - id: {}", q(&it.id.to_string()));
        if !it.title.is_empty() {
            let _ = writeln!(out, "    title: {}", q(&it.title));
        }
        if !it.text.is_empty() {
            let _ = writeln!(out, "    text: {}", q(&it.text));
        }
        if it.status != "approved" {
            let _ = writeln!(out, "    status: {}", q(&it.status));
        }
        list_out(&mut out, "needs", &it.needs);
        let ids = |v: &[ItemId]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
        list_out(&mut out, "covers", &ids(&it.covers));
        list_out(&mut out, "depends", &ids(&it.depends));
        list_out(&mut out, "tags", &it.tags);
        list_out(&mut out, "verified-by", &it.verified_by);
        if !it.attributes.is_empty() {
            out.push_str("    attributes:\n");
            let sorted: BTreeMap<&String, &String> = it.attributes.iter().collect();
            for (k, v) in sorted {
                let _ = writeln!(out, "      {}: {}", q(k), q(v));
            }
        }
    }
    out
}
