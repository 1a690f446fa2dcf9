//! ReqIF 1.2 (OMG `http://www.omg.org/spec/ReqIF/20110401/reqif.xsd`): import of the
//! specification objects and relations that Jama, DOORS, Polarion and palisade export, and
//! export that the import reads back without loss.
//!
//! Import: every `SPEC-OBJECT` becomes an item. Its id is its `ReqIF.ForeignID` when that is
//! an item id (`req~login-mfa~2`); otherwise `TYPE~NAME~1`, with TYPE from the object type's
//! name when it is a known artifact type (else `--kind`) and NAME from the foreign id or the
//! ReqIF identifier. Title: `ReqIF.Name`, `ReqIF.ChapterName` or `LONG-NAME`; text:
//! `ReqIF.Text`, `ReqIF.Description` or `DESC`; XHTML values become plain text, enumeration
//! values their names. Every other attribute is kept under its definition's name. A
//! `SPEC-RELATION` whose type name mentions "depend" is a `Depends` link; any other makes
//! its SOURCE cover its TARGET. The file is read without DTDs or entity expansion beyond
//! XML's predefined entities.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::item::{Item, ItemId, ReadProblem};

/// Deepest element nesting read.
const MAX_DEPTH: usize = 256;
/// Most elements read from one file.
const MAX_ELEMENTS: usize = 5_000_000;

#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Self>,
    text: String,
    /// Text after this element's end, inside its parent (mixed content).
    tail: String,
    line: u32,
}

impl El {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }
    fn child(&self, name: &str) -> Option<&Self> {
        self.children.iter().find(|c| c.name == name)
    }
    fn all<'a>(&'a self, name: &'a str, out: &mut Vec<&'a Self>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            } else {
                c.all(name, out);
            }
        }
    }
    /// Text of the first descendant whose name ends with `suffix` (`-REF`).
    fn ref_text(&self, suffix: &str) -> Option<&str> {
        for c in &self.children {
            if c.name.ends_with(suffix) {
                return Some(c.text.trim());
            }
            if let Some(t) = c.ref_text(suffix) {
                return Some(t);
            }
        }
        None
    }
    /// The plain text of an XHTML fragment.
    fn plain(&self, out: &mut String) {
        out.push_str(&self.text);
        for c in &self.children {
            if c.name == "br" {
                out.push('\n');
            }
            c.plain(out);
            if matches!(
                c.name.as_str(),
                "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3"
            ) && !out.ends_with('\n')
            {
                out.push('\n');
            }
            out.push_str(&c.tail);
        }
    }
}

fn local(name: &[u8]) -> String {
    let n = String::from_utf8_lossy(name);
    n.rsplit(':').next().unwrap_or(&n).to_owned()
}

fn line_at(text: &str, pos: usize) -> u32 {
    text.as_bytes()[..pos.min(text.len())]
        .split(|&b| b == b'\n')
        .count() as u32
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Text goes to the open element, or after its last closed child (mixed content).
fn push_text(stack: &mut [El], t: &str) {
    if let Some(el) = stack.last_mut() {
        match el.children.last_mut() {
            Some(c) => c.tail.push_str(t),
            None => el.text.push_str(t),
        }
    }
}

/// Parse into elements; on error, what was read and a problem.
fn tree(path: &str, text: &str) -> (El, Option<ReadProblem>) {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<El> = vec![El::default()];
    let mut count = 0usize;
    let problem = |pos: usize, message: String| ReadProblem {
        path: path.to_owned(),
        line: line_at(text, pos),
        message,
    };
    let mut err = None;
    loop {
        let pos = reader.buffer_position() as usize;
        let ev = reader.read_event();
        match ev {
            Ok(ev @ (Event::Start(_) | Event::Empty(_))) => {
                let empty = matches!(ev, Event::Empty(_));
                let (Event::Start(e) | Event::Empty(e)) = ev else {
                    continue;
                };
                count += 1;
                if stack.len() > MAX_DEPTH || count > MAX_ELEMENTS {
                    err = Some(problem(
                        pos,
                        format!(
                            "more than {MAX_DEPTH} levels or {MAX_ELEMENTS} elements; the rest was not read"
                        ),
                    ));
                    break;
                }
                let mut el = El {
                    name: local(e.name().as_ref()),
                    line: line_at(text, pos),
                    ..El::default()
                };
                for a in e.attributes().flatten() {
                    let v = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(std::borrow::Cow::into_owned)
                        .unwrap_or_default();
                    el.attrs.push((local(a.key.as_ref()), v));
                }
                stack.push(el);
                if empty {
                    let done = stack.pop().unwrap_or_default();
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(done);
                    }
                }
            }
            Ok(Event::End(_)) => {
                if stack.len() > 1 {
                    let done = stack.pop().unwrap_or_default();
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(done);
                    }
                }
            }
            Ok(Event::Text(t)) => {
                push_text(&mut stack, &t.decode().unwrap_or_default());
            }
            Ok(Event::CData(t)) => {
                push_text(&mut stack, &String::from_utf8_lossy(&t));
            }
            Ok(Event::GeneralRef(r)) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let Some(c) = entity(&name) else {
                    err = Some(problem(
                        pos,
                        format!(
                            "entity `&{};` is not read (no DTDs or entities)",
                            name.escape_debug()
                        ),
                    ));
                    break;
                };
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]));
            }
            Ok(Event::DocType(_)) => {
                err = Some(problem(
                    pos,
                    "a DOCTYPE in a ReqIF file is not read (no DTDs or entities)".to_owned(),
                ));
                break;
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                err = Some(problem(pos, format!("invalid XML: {e}")));
                break;
            }
            Ok(_) => {}
        }
    }
    while stack.len() > 1 {
        let done = stack.pop().unwrap_or_default();
        if let Some(parent) = stack.last_mut() {
            parent.children.push(done);
        }
    }
    (stack.pop().unwrap_or_default(), err)
}

/// Artifact types recognised in an object type's name.
const KNOWN_KINDS: &[&str] = &[
    "feat", "req", "dsn", "arch", "impl", "utest", "itest", "stest", "threat", "scn",
];

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let t = out.trim_matches('-').to_owned();
    if t.is_empty() { "item".to_owned() } else { t }
}

/// Read the items of a ReqIF file. `kind` types objects whose type names no known type.
#[allow(clippy::too_many_lines)]
pub fn import(path: &str, text: &str, kind: &str) -> (Vec<Item>, Vec<ReadProblem>) {
    let (root, problem) = tree(path, text);
    let mut problems: Vec<ReadProblem> = problem.into_iter().collect();
    // Definitions: identifier -> long name.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut defs = Vec::new();
    for tag in [
        "ATTRIBUTE-DEFINITION-STRING",
        "ATTRIBUTE-DEFINITION-XHTML",
        "ATTRIBUTE-DEFINITION-ENUMERATION",
        "ATTRIBUTE-DEFINITION-INTEGER",
        "ATTRIBUTE-DEFINITION-REAL",
        "ATTRIBUTE-DEFINITION-BOOLEAN",
        "ATTRIBUTE-DEFINITION-DATE",
        "ENUM-VALUE",
        "SPEC-OBJECT-TYPE",
        "SPEC-RELATION-TYPE",
    ] {
        root.all(tag, &mut defs);
    }
    for d in defs {
        if let Some(id) = d.attr("IDENTIFIER") {
            let name = d.attr("LONG-NAME").unwrap_or(id);
            names.insert(id.to_owned(), name.to_owned());
        }
    }
    let name_of = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let mut objects = Vec::new();
    root.all("SPEC-OBJECT", &mut objects);
    let mut by_ref: BTreeMap<String, usize> = BTreeMap::new();
    let mut items: Vec<Item> = Vec::new();
    for o in objects {
        let Some(ident) = o.attr("IDENTIFIER") else {
            problems.push(ReadProblem {
                path: path.to_owned(),
                line: o.line,
                message: "a SPEC-OBJECT without IDENTIFIER is not read".to_owned(),
            });
            continue;
        };
        let mut attrs: BTreeMap<String, String> = BTreeMap::new();
        if let Some(values) = o.child("VALUES") {
            for v in &values.children {
                let Some(def) = v.child("DEFINITION").and_then(|d| d.ref_text("-REF")) else {
                    continue;
                };
                let key = name_of(def);
                let value = if v.name == "ATTRIBUTE-VALUE-XHTML" {
                    let mut s = String::new();
                    if let Some(the) = v.child("THE-VALUE") {
                        the.plain(&mut s);
                    }
                    s.trim().to_owned()
                } else if v.name == "ATTRIBUTE-VALUE-ENUMERATION" {
                    let mut refs = Vec::new();
                    if let Some(vals) = v.child("VALUES") {
                        for r in &vals.children {
                            refs.push(name_of(r.text.trim()));
                        }
                    }
                    refs.join(", ")
                } else {
                    v.attr("THE-VALUE").unwrap_or_default().to_owned()
                };
                attrs.insert(key, value);
            }
        }
        let type_name = o
            .child("TYPE")
            .and_then(|t| t.ref_text("-REF"))
            .map(&name_of)
            .unwrap_or_default();
        let take = |attrs: &mut BTreeMap<String, String>, keys: &[&str]| {
            keys.iter().find_map(|k| attrs.remove(*k))
        };
        let foreign = attrs.get("ReqIF.ForeignID").cloned();
        let id = if let Some(id) = foreign.as_deref().and_then(ItemId::parse) {
            attrs.remove("ReqIF.ForeignID");
            id
        } else {
            let lower = type_name.to_ascii_lowercase();
            let k = KNOWN_KINDS
                .iter()
                .find(|k| lower == **k)
                .map_or(kind, |k| *k);
            ItemId {
                kind: k.to_owned(),
                name: slug(foreign.as_deref().unwrap_or(ident)),
                revision: 1,
            }
        };
        let mut item = Item::new(id, path, o.line);
        item.title = take(&mut attrs, &["ReqIF.Name", "ReqIF.ChapterName"])
            .or_else(|| o.attr("LONG-NAME").map(str::to_owned))
            .unwrap_or_default();
        take(&mut attrs, &["ReqIF.Text", "ReqIF.Description"])
            .or_else(|| o.attr("DESC").map(str::to_owned))
            .unwrap_or_default()
            .trim()
            .clone_into(&mut item.text);
        let split = |s: String| -> Vec<String> {
            s.split(['\n', ','])
                .map(|x| x.trim().to_owned())
                .filter(|x| !x.is_empty())
                .collect()
        };
        if let Some(s) = take(&mut attrs, &["palisade.needs"]) {
            item.needs = split(s);
        }
        if let Some(s) = take(&mut attrs, &["palisade.tags"]) {
            item.tags = split(s);
        }
        if let Some(s) = take(&mut attrs, &["palisade.verified-by"]) {
            item.verified_by = split(s);
        }
        if let Some(s) = take(&mut attrs, &["palisade.status"]) {
            item.status = s.trim().to_lowercase();
        } else if let Some(k) = attrs
            .keys()
            .find(|k| k.eq_ignore_ascii_case("status"))
            .cloned()
            && let Some(s) = attrs.get(&k)
        {
            item.status = s.trim().to_lowercase();
        }
        if !type_name.is_empty() && type_name != OBJECT_TYPE {
            attrs.insert("ReqIF.Type".to_owned(), type_name);
        }
        item.attributes = attrs;
        by_ref.insert(ident.to_owned(), items.len());
        items.push(item);
    }
    let mut relations = Vec::new();
    root.all("SPEC-RELATION", &mut relations);
    for r in relations {
        let end = |which: &str| {
            r.child(which)
                .and_then(|s| s.ref_text("-REF"))
                .and_then(|id| by_ref.get(id).copied())
        };
        let (Some(src), Some(dst)) = (end("SOURCE"), end("TARGET")) else {
            problems.push(ReadProblem {
                path: path.to_owned(),
                line: r.line,
                message: "a SPEC-RELATION between objects that are not in the file is not read"
                    .to_owned(),
            });
            continue;
        };
        let rel = r
            .child("TYPE")
            .and_then(|t| t.ref_text("-REF"))
            .map(&name_of)
            .unwrap_or_default();
        let target = items[dst].id.clone();
        if rel.to_ascii_lowercase().contains("depend") {
            items[src].depends.push(target);
        } else {
            items[src].covers.push(target);
        }
    }
    for it in &mut items {
        it.seal();
    }
    (items, problems)
}

const OBJECT_TYPE: &str = "palisade item";

fn esc(s: &str) -> String {
    palisade_core::text::escape_markup(s, true)
}

/// A ReqIF identifier from any string (an NCName-safe form).
fn ident(prefix: &str, s: &str) -> String {
    let mut out = String::from(prefix);
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_' {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", c as u32);
        }
    }
    out
}

/// Write `items` as ReqIF 1.2; `time` is the `LAST-CHANGE`/`CREATION-TIME` stamp
/// (`2026-01-01T00:00:00Z`).
#[allow(clippy::too_many_lines)]
pub fn export(items: &[Item], title: &str, time: &str) -> String {
    let mut attr_names: Vec<String> = [
        "ReqIF.ForeignID",
        "ReqIF.Name",
        "ReqIF.Text",
        "palisade.needs",
        "palisade.tags",
        "palisade.status",
        "palisade.verified-by",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for it in items {
        for k in it.attributes.keys() {
            if !attr_names.contains(k) {
                attr_names.push(k.clone());
            }
        }
    }
    let t = esc(time);
    let mut o = String::new();
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o.push_str("<REQ-IF xmlns=\"http://www.omg.org/spec/ReqIF/20110401/reqif.xsd\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    let _ = write!(
        o,
        "  <THE-HEADER>\n    <REQ-IF-HEADER IDENTIFIER=\"palisade-header\">\n      <CREATION-TIME>{t}</CREATION-TIME>\n      <REQ-IF-TOOL-ID>palisade</REQ-IF-TOOL-ID>\n      <REQ-IF-VERSION>1.0</REQ-IF-VERSION>\n      <SOURCE-TOOL-ID>palisade {}</SOURCE-TOOL-ID>\n      <TITLE>{}</TITLE>\n    </REQ-IF-HEADER>\n  </THE-HEADER>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title)
    );
    o.push_str("  <CORE-CONTENT>\n    <REQ-IF-CONTENT>\n      <DATATYPES>\n");
    let _ = writeln!(
        o,
        "        <DATATYPE-DEFINITION-STRING IDENTIFIER=\"dt-string\" LONG-NAME=\"String\" LAST-CHANGE=\"{t}\" MAX-LENGTH=\"1000000\"/>"
    );
    o.push_str("      </DATATYPES>\n      <SPEC-TYPES>\n");
    let _ = writeln!(
        o,
        "        <SPEC-OBJECT-TYPE IDENTIFIER=\"type-item\" LONG-NAME=\"{OBJECT_TYPE}\" LAST-CHANGE=\"{t}\">\n          <SPEC-ATTRIBUTES>"
    );
    for a in &attr_names {
        let _ = writeln!(
            o,
            "            <ATTRIBUTE-DEFINITION-STRING IDENTIFIER=\"{}\" LONG-NAME=\"{}\" LAST-CHANGE=\"{t}\">\n              <TYPE><DATATYPE-DEFINITION-STRING-REF>dt-string</DATATYPE-DEFINITION-STRING-REF></TYPE>\n            </ATTRIBUTE-DEFINITION-STRING>",
            ident("attr-", a),
            esc(a)
        );
    }
    o.push_str("          </SPEC-ATTRIBUTES>\n        </SPEC-OBJECT-TYPE>\n");
    for rel in ["covers", "depends"] {
        let _ = writeln!(
            o,
            "        <SPEC-RELATION-TYPE IDENTIFIER=\"rel-{rel}\" LONG-NAME=\"{rel}\" LAST-CHANGE=\"{t}\"/>"
        );
    }
    let _ = writeln!(
        o,
        "        <SPECIFICATION-TYPE IDENTIFIER=\"type-spec\" LONG-NAME=\"palisade specification\" LAST-CHANGE=\"{t}\"/>"
    );
    o.push_str("      </SPEC-TYPES>\n      <SPEC-OBJECTS>\n");
    let obj = |id: &ItemId| ident("obj-", &id.to_string());
    for it in items {
        let _ = writeln!(
            o,
            "        <SPEC-OBJECT IDENTIFIER=\"{}\" LONG-NAME=\"{}\" LAST-CHANGE=\"{t}\">\n          <VALUES>",
            obj(&it.id),
            esc(&it.title)
        );
        let mut values: Vec<(&str, String)> = vec![
            ("ReqIF.ForeignID", it.id.to_string()),
            ("ReqIF.Name", it.title.clone()),
            ("ReqIF.Text", it.text.clone()),
            ("palisade.needs", it.needs.join("\n")),
            ("palisade.tags", it.tags.join("\n")),
            ("palisade.status", it.status.clone()),
            ("palisade.verified-by", it.verified_by.join("\n")),
        ];
        values.retain(|(k, v)| !v.is_empty() || *k == "ReqIF.ForeignID");
        for (k, v) in &it.attributes {
            values.push((k, v.clone()));
        }
        for (k, v) in values {
            let _ = writeln!(
                o,
                "            <ATTRIBUTE-VALUE-STRING THE-VALUE=\"{}\"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>{}</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>",
                esc(&v),
                ident("attr-", k)
            );
        }
        o.push_str("          </VALUES>\n          <TYPE><SPEC-OBJECT-TYPE-REF>type-item</SPEC-OBJECT-TYPE-REF></TYPE>\n        </SPEC-OBJECT>\n");
    }
    o.push_str("      </SPEC-OBJECTS>\n      <SPEC-RELATIONS>\n");
    let known: std::collections::BTreeSet<&ItemId> = items.iter().map(|i| &i.id).collect();
    let mut n = 0;
    for it in items {
        for (rel, targets) in [("covers", &it.covers), ("depends", &it.depends)] {
            for target in targets.iter().filter(|t| known.contains(t)) {
                n += 1;
                let _ = writeln!(
                    o,
                    "        <SPEC-RELATION IDENTIFIER=\"rel-{n}\" LAST-CHANGE=\"{t}\">\n          <SOURCE><SPEC-OBJECT-REF>{}</SPEC-OBJECT-REF></SOURCE>\n          <TARGET><SPEC-OBJECT-REF>{}</SPEC-OBJECT-REF></TARGET>\n          <TYPE><SPEC-RELATION-TYPE-REF>rel-{rel}</SPEC-RELATION-TYPE-REF></TYPE>\n        </SPEC-RELATION>",
                    obj(&it.id),
                    obj(target)
                );
            }
        }
    }
    o.push_str("      </SPEC-RELATIONS>\n      <SPECIFICATIONS>\n");
    let _ = writeln!(
        o,
        "        <SPECIFICATION IDENTIFIER=\"spec-1\" LONG-NAME=\"{}\" LAST-CHANGE=\"{t}\">\n          <TYPE><SPECIFICATION-TYPE-REF>type-spec</SPECIFICATION-TYPE-REF></TYPE>\n          <CHILDREN>",
        esc(title)
    );
    for (i, it) in items.iter().enumerate() {
        let _ = writeln!(
            o,
            "            <SPEC-HIERARCHY IDENTIFIER=\"h-{}\" LAST-CHANGE=\"{t}\"><OBJECT><SPEC-OBJECT-REF>{}</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>",
            i + 1,
            obj(&it.id)
        );
    }
    o.push_str("          </CHILDREN>\n        </SPECIFICATION>\n      </SPECIFICATIONS>\n    </REQ-IF-CONTENT>\n  </CORE-CONTENT>\n</REQ-IF>\n");
    o
}
