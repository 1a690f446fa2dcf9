//! The data-flow diagram of a threat model: laid out with Sugiyama's layered method (the
//! `rust-sugiyama` crate computes the coordinates), drawn as a self-contained SVG by us;
//! or written as Graphviz DOT.
//!
//! Processes are rounded, data stores open boxes, external entities square boxes; trust
//! boundaries dashed red frames; flows that cross a boundary unencrypted are red. Each
//! element shows how many threats were derived for it and its flows.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::threats::{ElementKind, Threat, ThreatModel};

const CHAR_W: f64 = 7.2;
const NODE_H: f64 = 44.0;
const PAD: f64 = 28.0;

fn esc(s: &str) -> String {
    palisade_core::text::escape_markup(s, false)
}

fn width(name: &str) -> f64 {
    (name.chars().count().min(40) as f64 * CHAR_W + 36.0).max(90.0)
}

fn short(name: &str) -> String {
    if name.chars().count() > 40 {
        let mut s: String = name.chars().take(39).collect();
        s.push('…');
        s
    } else {
        name.to_owned()
    }
}

/// Element positions (centre x, centre y, width), top-left at (PAD, PAD).
fn layout(m: &ThreatModel) -> (Vec<(f64, f64, f64)>, f64, f64) {
    let index: BTreeMap<&str, u32> = m
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i as u32))
        .collect();
    let vertices: Vec<(u32, (f64, f64))> = m
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| (i as u32, (width(&e.name) + 40.0, NODE_H + 60.0)))
        .collect();
    let mut edges: Vec<(u32, u32)> = m
        .flows
        .iter()
        .filter_map(|f| Some((*index.get(f.from.as_str())?, *index.get(f.to.as_str())?)))
        .filter(|(a, b)| a != b)
        .collect();
    edges.sort_unstable();
    edges.dedup();
    let cfg = rust_sugiyama::configure::Config {
        vertex_spacing: 40.0,
        ..rust_sugiyama::configure::Config::default()
    };
    let layouts = rust_sugiyama::from_vertices_and_edges(&vertices, &edges, &cfg);
    let mut pos = vec![(0.0, 0.0, 0.0); m.elements.len()];
    // Components side by side.
    let mut x0 = PAD;
    let mut height: f64 = 0.0;
    let mut comps: Vec<_> = layouts.into_iter().collect();
    comps.sort_by_key(|(l, _, _)| l.iter().map(|(i, _)| *i).min().unwrap_or(0));
    for (nodes, _, _) in comps {
        let min_x = nodes
            .iter()
            .map(|(_, (x, _))| *x)
            .fold(f64::INFINITY, f64::min);
        let max_x = nodes
            .iter()
            .map(|(_, (x, _))| *x)
            .fold(f64::NEG_INFINITY, f64::max);
        let min_y = nodes
            .iter()
            .map(|(_, (_, y))| *y)
            .fold(f64::INFINITY, f64::min);
        let mut right: f64 = x0;
        for (i, (x, y)) in &nodes {
            if let Some(e) = m.elements.get(*i) {
                let w = width(&e.name);
                let cx = x0 + (x - min_x) + w / 2.0 + 20.0;
                let cy = PAD + 30.0 + (y - min_y) * 1.0 + NODE_H / 2.0;
                pos[*i] = (cx, cy, w);
                right = right.max(cx + w / 2.0);
                height = height.max(cy + NODE_H / 2.0);
            }
        }
        x0 = right.max(x0 + (max_x - min_x)) + 60.0;
    }
    (pos, x0 + PAD, height + PAD + 40.0)
}

/// Draw the model as SVG.
#[allow(clippy::too_many_lines, clippy::many_single_char_names)]
pub fn svg(m: &ThreatModel, threats: &[Threat]) -> String {
    let (pos, w, h) = layout(m);
    let index: BTreeMap<&str, usize> = m
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    // Threats per element (a flow's threats count for its destination).
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for t in threats {
        let el = m
            .flows
            .iter()
            .find(|f| f.id == t.target)
            .map_or(t.target.as_str(), |f| f.to.as_str());
        *count.entry(el).or_insert(0) += 1;
    }
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(o, "<title>{}</title>", esc(&m.title));
    o.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker><marker id=\"arrow-red\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c62828\"/></marker></defs>\n");
    o.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    let _ = writeln!(
        o,
        "<text x=\"{PAD}\" y=\"{:.0}\" font-size=\"16\" font-weight=\"bold\">{}</text>",
        PAD,
        esc(if m.title.is_empty() {
            "Data-flow diagram"
        } else {
            &m.title
        })
    );
    // Boundaries: a frame around their elements.
    for b in &m.boundaries {
        let inside: Vec<usize> = m
            .elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.boundary.as_deref() == Some(b.id.as_str()))
            .map(|(i, _)| i)
            .collect();
        if inside.is_empty() {
            continue;
        }
        let x1 = inside
            .iter()
            .map(|&i| pos[i].0 - pos[i].2 / 2.0)
            .fold(f64::INFINITY, f64::min)
            - 14.0;
        let x2 = inside
            .iter()
            .map(|&i| pos[i].0 + pos[i].2 / 2.0)
            .fold(f64::NEG_INFINITY, f64::max)
            + 14.0;
        let y1 = inside
            .iter()
            .map(|&i| pos[i].1 - NODE_H / 2.0)
            .fold(f64::INFINITY, f64::min)
            - 24.0;
        let y2 = inside
            .iter()
            .map(|&i| pos[i].1 + NODE_H / 2.0)
            .fold(f64::NEG_INFINITY, f64::max)
            + 12.0;
        let _ = writeln!(
            o,
            "<g class=\"boundary\"><rect x=\"{x1:.1}\" y=\"{y1:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"8\" fill=\"none\" stroke=\"#c62828\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#c62828\" font-size=\"11\">{}</text></g>",
            x2 - x1,
            y2 - y1,
            x1 + 6.0,
            y1 + 14.0,
            esc(&short(&b.name))
        );
    }
    // Flows.
    for f in &m.flows {
        let (Some(&a), Some(&b)) = (index.get(f.from.as_str()), index.get(f.to.as_str())) else {
            continue;
        };
        if a == b {
            continue;
        }
        let (ax, ay, _) = pos[a];
        let (bx, by, _) = pos[b];
        let down = by >= ay;
        let (y1, y2) = if (by - ay).abs() < 1.0 {
            (ay, by)
        } else if down {
            (ay + NODE_H / 2.0, by - NODE_H / 2.0)
        } else {
            (ay - NODE_H / 2.0, by + NODE_H / 2.0)
        };
        let (x1, x2) = if (by - ay).abs() < 1.0 {
            let s = if bx > ax { 1.0 } else { -1.0 };
            (ax + s * pos[a].2 / 2.0, bx - s * pos[b].2 / 2.0)
        } else {
            (ax, bx)
        };
        let risky = m.crosses(f) && !f.encrypted;
        let (stroke, marker) = if risky {
            ("#c62828", "arrow-red")
        } else {
            ("#444", "arrow")
        };
        let label = format!(
            "{}{}",
            short(&f.name),
            if f.protocol.is_empty() || f.protocol == f.name {
                String::new()
            } else {
                format!(" ({})", f.protocol)
            }
        );
        let _ = writeln!(
            o,
            "<g class=\"flow\"><line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{} marker-end=\"url(#{marker})\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"{stroke}\" font-size=\"11\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">{}</text></g>",
            if risky {
                " stroke-dasharray=\"5 3\""
            } else {
                ""
            },
            f64::midpoint(x1, x2) + 6.0,
            f64::midpoint(y1, y2),
            esc(&label)
        );
    }
    // Elements.
    for (i, e) in m.elements.iter().enumerate() {
        let (cx, cy, ew) = pos[i];
        let (x, y) = (cx - ew / 2.0, cy - NODE_H / 2.0);
        let shape = match e.kind {
            ElementKind::Process => format!(
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{ew:.1}\" height=\"{NODE_H}\" rx=\"22\" fill=\"#e3f2fd\" stroke=\"#1565c0\" stroke-width=\"1.5\"/>"
            ),
            ElementKind::DataStore => format!(
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{ew:.1}\" height=\"{NODE_H}\" fill=\"#fff8e1\" stroke=\"none\"/><line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#ef6c00\" stroke-width=\"1.5\"/><line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ef6c00\" stroke-width=\"1.5\"/>",
                x + ew,
                y + NODE_H,
                x + ew,
                y + NODE_H
            ),
            ElementKind::ExternalEntity => format!(
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{ew:.1}\" height=\"{NODE_H}\" fill=\"#f3e5f5\" stroke=\"#6a1b9a\" stroke-width=\"1.5\"/>"
            ),
        };
        let kind = match e.kind {
            ElementKind::Process => "process",
            ElementKind::DataStore => "data store",
            ElementKind::ExternalEntity => "external entity",
        };
        let _ = write!(
            o,
            "<g class=\"element\" id=\"el-{}\"><title>{} ({kind})</title>{shape}<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            esc(&e.id),
            esc(&e.name),
            cy + 4.0,
            esc(&short(&e.name))
        );
        if let Some(n) = count.get(e.id.as_str()) {
            let _ = write!(
                o,
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"10\" fill=\"#c62828\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"10\" font-weight=\"bold\">{n}</text>",
                x + ew - 4.0,
                x + ew - 4.0,
                y + 3.5
            );
        }
        o.push_str("</g>\n");
    }
    let _ = writeln!(
        o,
        "<text x=\"{PAD}\" y=\"{:.0}\" fill=\"#666\" font-size=\"11\">rounded: process · open box: data store · box: external entity · dashed frame: trust boundary · red: unencrypted across a boundary · badge: threats</text>",
        h - 12.0
    );
    o.push_str("</svg>\n");
    o
}

fn dot_id(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The model as Graphviz DOT: boundaries as clusters.
pub fn dot(m: &ThreatModel) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "digraph {} {{", dot_id(&m.title));
    o.push_str("  rankdir=LR;\n  node [fontname=\"sans-serif\", fontsize=11];\n  edge [fontname=\"sans-serif\", fontsize=10];\n");
    let node = |o: &mut String, e: &crate::threats::Element, indent: &str| {
        let shape = match e.kind {
            ElementKind::Process => "shape=box, style=rounded",
            ElementKind::DataStore => "shape=cylinder",
            ElementKind::ExternalEntity => "shape=box",
        };
        let _ = writeln!(
            o,
            "{indent}{} [label={}, {shape}];",
            dot_id(&e.id),
            dot_id(&e.name)
        );
    };
    for (i, b) in m.boundaries.iter().enumerate() {
        let _ = writeln!(
            o,
            "  subgraph cluster_{i} {{\n    label={};\n    style=dashed;\n    color=red;",
            dot_id(&b.name)
        );
        for e in m
            .elements
            .iter()
            .filter(|e| e.boundary.as_deref() == Some(b.id.as_str()))
        {
            node(&mut o, e, "    ");
        }
        o.push_str("  }\n");
    }
    for e in m.elements.iter().filter(|e| {
        !e.boundary
            .as_ref()
            .is_some_and(|b| m.boundaries.iter().any(|x| &x.id == b))
    }) {
        node(&mut o, e, "  ");
    }
    for f in &m.flows {
        let risky = m.crosses(f) && !f.encrypted;
        let _ = writeln!(
            o,
            "  {} -> {} [label={}{}];",
            dot_id(&f.from),
            dot_id(&f.to),
            dot_id(&f.name),
            if risky {
                ", color=red, style=dashed"
            } else {
                ""
            }
        );
    }
    o.push_str("}\n");
    o
}
