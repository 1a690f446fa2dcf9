//! Documents with source spans: the normalized form every parser produces and every policy
//! reads. A [`Node`] is a JSON-like value that remembers the line and column it came from,
//! so a policy result that names a path into its input (`["spec", "template", ...]`) can be
//! turned back into the exact line of the offending attribute.

use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

/// A value with its source position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: NodeValue,
    /// 1-based line where the value starts.
    pub line: u32,
    /// 1-based column where the value starts.
    pub column: u32,
    /// Which file of a multi-file document (a Terraform module) the value is in; 0 for
    /// single-file documents.
    pub file: u32,
}

/// One object entry: the key, where the key is written, and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key.
    pub key: String,
    /// 1-based line of the key (the line users read as "the attribute").
    pub line: u32,
    /// The value.
    pub value: Node,
}

/// The value part of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum NodeValue {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (integers stay integers).
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object, keys in source order (a repeated key keeps its last value).
    Object(Vec<Entry>),
}

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

impl Node {
    /// A node at `line`, `column`.
    pub fn new(value: NodeValue, line: u32, column: u32) -> Self {
        Self {
            value,
            line,
            column,
            file: 0,
        }
    }

    /// The same node, marked as coming from file `file` (recursively).
    #[must_use]
    pub fn in_file(mut self, file: u32) -> Self {
        self.set_file(file);
        self
    }

    fn set_file(&mut self, file: u32) {
        self.file = file;
        match &mut self.value {
            NodeValue::Array(items) => items.iter_mut().for_each(|n| n.set_file(file)),
            NodeValue::Object(entries) => entries.iter_mut().for_each(|e| e.value.set_file(file)),
            _ => {}
        }
    }

    /// A string node.
    pub fn string(s: impl Into<String>, line: u32, column: u32) -> Self {
        Self::new(NodeValue::String(s.into()), line, column)
    }

    /// The value under `key`, for objects.
    pub fn get(&self, key: &str) -> Option<&Self> {
        match &self.value {
            NodeValue::Object(entries) => entries
                .iter()
                .rev()
                .find(|e| e.key == key)
                .map(|e| &e.value),
            _ => None,
        }
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// Insert or replace `key` in an object node (no effect on other kinds).
    pub fn set(&mut self, key: &str, line: u32, value: Self) {
        if let NodeValue::Object(entries) = &mut self.value {
            if let Some(e) = entries.iter_mut().find(|e| e.key == key) {
                e.value = value;
                e.line = line;
            } else {
                entries.push(Entry {
                    key: key.to_owned(),
                    line,
                    value,
                });
            }
        }
    }

    /// The line a path leads to: the key line of the deepest object entry (or array
    /// element) the path reaches. A path that leaves the document stops at the last node it
    /// found, so a check about a missing attribute points at its parent block.
    pub fn line_of(&self, path: &[PathSeg]) -> u32 {
        self.locate(path).1
    }

    /// The file index and line a path leads to (see [`Node::line_of`]), and the node
    /// reached.
    pub fn locate(&self, path: &[PathSeg]) -> (u32, u32, &Self) {
        let mut node = self;
        let mut line = self.line;
        for seg in path {
            let next = match (&node.value, seg) {
                (NodeValue::Object(entries), PathSeg::Key(k)) => entries
                    .iter()
                    .rev()
                    .find(|e| &e.key == k)
                    .map(|e| (e.line, &e.value)),
                (NodeValue::Array(items), PathSeg::Index(i)) => items.get(*i).map(|n| (n.line, n)),
                _ => None,
            };
            match next {
                Some((l, n)) => {
                    line = l;
                    node = n;
                }
                None => break,
            }
        }
        (node.file, line, node)
    }

    /// The document as JSON (the form policies read).
    pub fn to_json(&self) -> Value {
        match &self.value {
            NodeValue::Null => Value::Null,
            NodeValue::Bool(b) => Value::Bool(*b),
            NodeValue::Number(n) => Value::Number(n.clone()),
            NodeValue::String(s) => Value::String(s.clone()),
            NodeValue::Array(items) => Value::Array(items.iter().map(Self::to_json).collect()),
            NodeValue::Object(entries) => {
                let mut map = Map::new();
                for e in entries {
                    map.insert(e.key.clone(), e.value.to_json());
                }
                Value::Object(map)
            }
        }
    }

    /// Build a node tree from JSON, every node at `line` (for inputs that have no source,
    /// such as a report).
    pub fn from_json(value: &Value, line: u32) -> Self {
        let v = match value {
            Value::Null => NodeValue::Null,
            Value::Bool(b) => NodeValue::Bool(*b),
            Value::Number(n) => NodeValue::Number(n.clone()),
            Value::String(s) => NodeValue::String(s.clone()),
            Value::Array(a) => {
                NodeValue::Array(a.iter().map(|v| Self::from_json(v, line)).collect())
            }
            Value::Object(m) => NodeValue::Object(
                m.iter()
                    .map(|(k, v)| Entry {
                        key: k.clone(),
                        line,
                        value: Self::from_json(v, line),
                    })
                    .collect(),
            ),
        };
        Self::new(v, line, 1)
    }
}

/// Parse a policy result's `path` (an array of keys and indices) into segments; anything
/// else is no path.
pub fn path_from_json(value: &Value) -> Vec<PathSeg> {
    let Value::Array(items) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|v| match v {
            Value::String(s) => Some(PathSeg::Key(s.clone())),
            Value::Number(n) => n.as_u64().map(|i| PathSeg::Index(i as usize)),
            _ => None,
        })
        .collect()
}

/// A path written as `a.b[0].c` for messages and fingerprints.
pub fn display_path(path: &[PathSeg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            PathSeg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            PathSeg::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_of_stops_at_the_deepest_node_found() {
        let doc = Node::new(
            NodeValue::Object(vec![Entry {
                key: "spec".into(),
                line: 2,
                value: Node::new(NodeValue::Array(vec![Node::string("x", 4, 5)]), 3, 3),
            }]),
            1,
            1,
        );
        let p = |s: &[PathSeg]| doc.line_of(s);
        assert_eq!(p(&[]), 1);
        assert_eq!(p(&[PathSeg::Key("spec".into())]), 2);
        assert_eq!(p(&[PathSeg::Key("spec".into()), PathSeg::Index(0)]), 4);
        assert_eq!(p(&[PathSeg::Key("spec".into()), PathSeg::Index(3)]), 2);
        assert_eq!(p(&[PathSeg::Key("nope".into())]), 1);
        assert_eq!(
            display_path(&[
                PathSeg::Key("a".into()),
                PathSeg::Index(0),
                PathSeg::Key("b".into())
            ]),
            "a[0].b"
        );
    }
}
