//! YAML (and JSON, which is YAML 1.2) into [`Node`] documents with source positions.
//!
//! The event parser is `saphyr-parser`; the tree is built here, iteratively, so hostile
//! input stays bounded: nesting deeper than [`MAX_DEPTH`] and alias expansion beyond
//! [`MAX_NODES`] nodes (a "billion laughs" document) stop the file with an error naming the
//! line, instead of exhausting the stack or memory. Merge keys (`<<: *base`), used by GitLab
//! CI and Compose files, are applied. Tags are kept the way CloudFormation reads them:
//! `!Ref x` becomes `{"Ref": "x"}`, `!GetAtt a.b` becomes `{"Fn::GetAtt": ["a", "b"]}`,
//! any other local tag `!Name v` becomes `{"Fn::Name": v}`; GitLab's `!reference [a, b]`
//! becomes `{"!reference": ["a", "b"]}`.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Tag};
use serde_json::Number;

use crate::doc::{Entry, Node, NodeValue};

/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 256;
/// Most nodes one file may produce, aliases expanded.
pub const MAX_NODES: usize = 2_000_000;

/// A YAML syntax or limit error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct YamlError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

/// The documents of one YAML stream: those that parsed, then the error that stopped the
/// stream, if any (documents before the error are kept).
#[derive(Debug, Default)]
pub struct YamlStream {
    /// Complete documents, in order (empty documents are left out).
    pub docs: Vec<Node>,
    /// What stopped parsing early.
    pub error: Option<YamlError>,
}

enum Frame {
    Seq {
        items: Vec<Node>,
        line: u32,
        column: u32,
        anchor: usize,
        tag: Option<String>,
    },
    Map {
        entries: Vec<Entry>,
        key: Option<(String, u32)>,
        merges: Vec<Node>,
        line: u32,
        column: u32,
        anchor: usize,
        tag: Option<String>,
    },
}

/// Parse a YAML stream.
pub fn parse(text: &str) -> YamlStream {
    let mut out = YamlStream::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut total = 0usize;
    let mut doc: Option<Node> = None;
    let parser = Parser::new_from_str(text).keep_tags(true);
    for event in parser {
        let (event, span) = match event {
            Ok(e) => e,
            Err(e) => {
                out.error = Some(YamlError {
                    line: e.marker().line() as u32,
                    column: e.marker().col() as u32 + 1,
                    message: e.info().to_owned(),
                });
                return out;
            }
        };
        let line = span.start.line() as u32;
        let column = span.start.col() as u32 + 1;
        let err = |message: String| YamlError {
            line,
            column,
            message,
        };
        let done: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => None,
            Event::DocumentStart(_) => {
                anchors.clear();
                doc = None;
                None
            }
            Event::DocumentEnd => {
                if let Some(d) = doc.take()
                    && d.value != NodeValue::Null
                {
                    out.docs.push(d);
                }
                None
            }
            Event::Alias(id) => {
                let Some(node) = anchors.get(&id) else {
                    out.error = Some(err("alias to an unknown anchor".into()));
                    return out;
                };
                total += count_nodes(node);
                if total > MAX_NODES {
                    out.error = Some(err(format!(
                        "aliases expand to more than {MAX_NODES} nodes (an alias bomb?); the file \
                         was not analysed"
                    )));
                    return out;
                }
                let mut node = node.clone();
                node.line = line;
                node.column = column;
                Some((node, 0))
            }
            Event::Scalar(value, style, anchor, tag) => {
                total += 1;
                let node = scalar(&value, style, tag.as_deref(), line, column);
                Some((node, anchor))
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if stack.len() >= MAX_DEPTH => {
                out.error = Some(err(format!("nesting deeper than {MAX_DEPTH} levels")));
                return out;
            }
            Event::SequenceStart(anchor, tag) => {
                stack.push(Frame::Seq {
                    items: Vec::new(),
                    line,
                    column,
                    anchor,
                    tag: local_tag(tag.as_deref()),
                });
                None
            }
            Event::MappingStart(anchor, tag) => {
                stack.push(Frame::Map {
                    entries: Vec::new(),
                    key: None,
                    merges: Vec::new(),
                    line,
                    column,
                    anchor,
                    tag: local_tag(tag.as_deref()),
                });
                None
            }
            Event::SequenceEnd => {
                let Some(Frame::Seq {
                    items,
                    line,
                    column,
                    anchor,
                    tag,
                }) = stack.pop()
                else {
                    out.error = Some(err("unbalanced sequence end".into()));
                    return out;
                };
                total += 1;
                let node = Node::new(NodeValue::Array(items), line, column);
                Some((apply_tag(node, tag.as_deref()), anchor))
            }
            Event::MappingEnd => {
                let Some(Frame::Map {
                    mut entries,
                    merges,
                    line,
                    column,
                    anchor,
                    tag,
                    ..
                }) = stack.pop()
                else {
                    out.error = Some(err("unbalanced mapping end".into()));
                    return out;
                };
                for m in merges {
                    merge_into(&mut entries, m);
                }
                total += 1;
                let node = Node::new(NodeValue::Object(entries), line, column);
                Some((apply_tag(node, tag.as_deref()), anchor))
            }
        };
        if total > MAX_NODES {
            out.error = Some(err(format!(
                "more than {MAX_NODES} nodes in one file; the file was not analysed further"
            )));
            return out;
        }
        let Some((node, anchor)) = done else {
            continue;
        };
        if anchor != 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => doc = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                key,
                merges,
                ..
            }) => match key.take() {
                None => *key = Some((key_text(&node), node.line)),
                Some((k, kline)) => {
                    if k == "<<" {
                        match node.value {
                            NodeValue::Array(items) => merges.extend(items),
                            _ => merges.push(node),
                        }
                    } else if let Some(e) = entries.iter_mut().find(|e| e.key == k) {
                        e.value = node;
                        e.line = kline;
                    } else {
                        entries.push(Entry {
                            key: k,
                            line: kline,
                            value: node,
                        });
                    }
                }
            },
        }
    }
    if let Some(d) = doc.take()
        && d.value != NodeValue::Null
    {
        out.docs.push(d);
    }
    out
}

fn merge_into(entries: &mut Vec<Entry>, source: Node) {
    if let NodeValue::Object(src) = source.value {
        for e in src {
            if !entries.iter().any(|x| x.key == e.key) {
                entries.push(e);
            }
        }
    }
}

fn count_nodes(node: &Node) -> usize {
    let mut n = 0;
    let mut work = vec![node];
    while let Some(x) = work.pop() {
        n += 1;
        match &x.value {
            NodeValue::Array(items) => work.extend(items),
            NodeValue::Object(entries) => work.extend(entries.iter().map(|e| &e.value)),
            _ => {}
        }
    }
    n
}

fn key_text(node: &Node) -> String {
    match &node.value {
        NodeValue::String(s) => s.clone(),
        NodeValue::Null => String::new(),
        other => Node::new(other.clone(), 0, 0).to_json().to_string(),
    }
}

/// A local tag (`!Ref`) by name; core-schema tags (`!!str`) are not local.
fn local_tag(tag: Option<&Tag>) -> Option<String> {
    let tag = tag?;
    (tag.handle == "!").then(|| tag.suffix.clone())
}

/// Wrap a tagged node the way CloudFormation and GitLab read it.
fn apply_tag(node: Node, tag: Option<&str>) -> Node {
    let Some(tag) = tag else {
        return node;
    };
    let (line, column) = (node.line, node.column);
    let key = match tag {
        "Ref" | "Condition" => tag.to_owned(),
        "reference" => "!reference".to_owned(),
        _ => format!("Fn::{tag}"),
    };
    let value = if tag == "GetAtt"
        && let NodeValue::String(s) = &node.value
        && let Some((a, b)) = s.split_once('.')
    {
        Node::new(
            NodeValue::Array(vec![
                Node::string(a, line, column),
                Node::string(b, line, column),
            ]),
            line,
            column,
        )
    } else {
        node
    };
    Node::new(
        NodeValue::Object(vec![Entry { key, line, value }]),
        line,
        column,
    )
}

fn scalar(value: &str, style: ScalarStyle, tag: Option<&Tag>, line: u32, column: u32) -> Node {
    if let Some(t) = tag {
        if t.is_yaml_core_schema() {
            if t.suffix == "str" {
                return Node::string(value, line, column);
            }
        } else {
            let node = Node::string(value, line, column);
            return apply_tag(node, local_tag(Some(t)).as_deref());
        }
    }
    if style != ScalarStyle::Plain {
        return Node::string(value, line, column);
    }
    Node::new(resolve_plain(value), line, column)
}

/// The YAML 1.2 core schema for plain scalars.
fn resolve_plain(v: &str) -> NodeValue {
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return NodeValue::Null,
        "true" | "True" | "TRUE" => return NodeValue::Bool(true),
        "false" | "False" | "FALSE" => return NodeValue::Bool(false),
        _ => {}
    }
    let b = v.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let unsigned = b
        .strip_prefix(b"-")
        .or_else(|| b.strip_prefix(b"+"))
        .unwrap_or(b);
    if digits(unsigned) {
        if let Ok(i) = v.trim_start_matches('+').parse::<i64>() {
            return NodeValue::Number(i.into());
        }
        if let Ok(u) = v.trim_start_matches('+').parse::<u64>() {
            return NodeValue::Number(u.into());
        }
    }
    if let Some(hex) = v.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return NodeValue::Number(i.into());
    }
    if let Some(oct) = v.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(oct, 8)
    {
        return NodeValue::Number(i.into());
    }
    let float_like = unsigned
        .first()
        .is_some_and(|c| c.is_ascii_digit() || *c == b'.')
        && unsigned
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'-' | b'+'))
        && unsigned.iter().any(u8::is_ascii_digit);
    if float_like
        && let Ok(f) = v.parse::<f64>()
        && let Some(n) = Number::from_f64(f)
    {
        return NodeValue::Number(n);
    }
    NodeValue::String(v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Vec<serde_json::Value> {
        let s = parse(text);
        assert!(s.error.is_none(), "{:?}", s.error);
        s.docs.iter().map(Node::to_json).collect()
    }

    #[test]
    fn scalars_follow_the_core_schema() {
        let d = json("a: 1\nb: true\nc: ~\nd: '1'\ne: on\nf: 1.5\ng: 0x10\nh: 1e3\ni: 1.2.3\n");
        assert_eq!(
            d[0],
            serde_json::json!({"a":1,"b":true,"c":null,"d":"1","e":"on","f":1.5,"g":16,"h":1000.0,"i":"1.2.3"})
        );
    }

    #[test]
    fn lines_and_merge_keys() {
        let s = parse("base: &b\n  x: 1\n  y: 2\njob:\n  <<: *b\n  y: 3\n");
        let d = &s.docs[0];
        assert_eq!(d.to_json()["job"], serde_json::json!({"y":3,"x":1}));
        assert_eq!(d.get("job").map(|n| n.line), Some(5));
        assert_eq!(
            d.line_of(&[
                crate::doc::PathSeg::Key("job".into()),
                crate::doc::PathSeg::Key("y".into())
            ]),
            6
        );
    }

    #[test]
    fn cloudformation_tags() {
        let d = json("a: !Ref X\nb: !GetAtt R.Arn\nc: !Sub '${X}-y'\nd: !If [c, 1, 2]\n");
        assert_eq!(
            d[0],
            serde_json::json!({"a":{"Ref":"X"},"b":{"Fn::GetAtt":["R","Arn"]},"c":{"Fn::Sub":"${X}-y"},"d":{"Fn::If":["c",1,2]}})
        );
    }

    #[test]
    fn multi_document_and_errors_keep_earlier_documents() {
        let s = parse("a: 1\n---\nb: 2\n---\nc: [\n");
        assert_eq!(s.docs.len(), 2);
        assert!(s.error.is_some());
    }

    #[test]
    fn alias_bombs_and_deep_nesting_stop() {
        use std::fmt::Write as _;
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='k' {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            let _ = writeln!(bomb, "{c}: &{c} [{refs}]");
            prev = c;
        }
        let s = parse(&bomb);
        assert!(
            s.error
                .as_ref()
                .is_some_and(|e| e.message.contains("alias")),
            "{:?}",
            s.error
        );
        let deep = "[".repeat(100_000);
        let s = parse(&deep);
        assert!(s.error.is_some());
    }
}
