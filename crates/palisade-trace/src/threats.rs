//! Threat models as code: processes, data stores and external entities, the data flows
//! between them and the trust boundaries they sit in, in a YAML file with a top-level
//! `threat-model` key (or a Threagile model, `technical_assets`). [`derive`] finds STRIDE
//! threats per element and per flow that crosses a boundary; each is a `threat` item with a
//! stable id (from the element or flow id and the kind of threat) that feeds the trace, so a
//! threat no requirement covers is a gap.

use std::collections::{BTreeMap, BTreeSet};

use palisade_core::doc::{Node, NodeValue};
use serde::Serialize;

use crate::item::{Item, ItemId, ReadProblem};
use crate::yaml::{list, scalar};

/// What an element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ElementKind {
    /// Runs code.
    Process,
    /// Holds data.
    DataStore,
    /// Outside the system's control (a user, a third-party service).
    ExternalEntity,
}

/// A process, data store or external entity.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Serialize)]
pub struct Element {
    /// Id.
    pub id: String,
    /// Name shown.
    pub name: String,
    /// Kind.
    pub kind: ElementKind,
    /// The trust boundary it is in.
    pub boundary: Option<String>,
    /// A process that authenticates every caller.
    pub authenticates: bool,
    /// A data store encrypted at rest.
    pub encrypted_at_rest: bool,
    /// A process that keeps an audit log of what callers did.
    pub audit_log: bool,
    /// A process that limits the rate of requests.
    pub rate_limited: bool,
    /// A process that runs with elevated privileges (root, admin).
    pub privileged: bool,
    /// Assets it stores or handles.
    pub assets: Vec<String>,
    /// 1-based line in the model.
    pub line: u32,
}

/// A data flow.
#[derive(Debug, Clone, Serialize)]
pub struct Flow {
    /// Id.
    pub id: String,
    /// Name shown.
    pub name: String,
    /// Source element.
    pub from: String,
    /// Destination element.
    pub to: String,
    /// Protocol (`https`, `postgres`, ...).
    pub protocol: String,
    /// Encrypted in transit.
    pub encrypted: bool,
    /// The source is authenticated.
    pub authenticated: bool,
    /// Assets it carries.
    pub assets: Vec<String>,
    /// 1-based line.
    pub line: u32,
}

/// A trust boundary.
#[derive(Debug, Clone, Serialize)]
pub struct Boundary {
    /// Id.
    pub id: String,
    /// Name shown.
    pub name: String,
    /// 1-based line.
    pub line: u32,
}

/// An asset and how confidential it is.
#[derive(Debug, Clone, Serialize)]
pub struct Asset {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `low`, `medium` or `high`.
    pub confidentiality: String,
}

/// A threat model.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ThreatModel {
    /// Its title.
    pub title: String,
    /// The file.
    pub path: String,
    /// Elements.
    pub elements: Vec<Element>,
    /// Flows.
    pub flows: Vec<Flow>,
    /// Boundaries.
    pub boundaries: Vec<Boundary>,
    /// Assets.
    pub assets: Vec<Asset>,
}

/// Is `text` (a YAML file) a threat model: ours (`threat-model:`) or Threagile's
/// (`technical_assets:`) at the top level?
pub fn is_threat_model(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("threat-model:") || l.starts_with("technical_assets:"))
}

fn flag(n: &Node, key: &str) -> Option<bool> {
    match &n.get(key)?.value {
        NodeValue::Bool(b) => Some(*b),
        NodeValue::String(s) => match s.to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" => Some(true),
            "false" | "no" | "off" | "none" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

fn text_of(n: &Node, key: &str) -> Option<String> {
    n.get(key).and_then(scalar)
}

/// Protocols that encrypt in transit.
fn encrypted_protocol(p: &str) -> bool {
    let p = p.to_ascii_lowercase();
    [
        "https",
        "tls",
        "ssl",
        "ssh",
        "sftp",
        "ftps",
        "ldaps",
        "wss",
        "mtls",
        "grpcs",
        "encrypted",
        "ipsec",
        "wireguard",
        "smtps",
        "imaps",
        "amqps",
        "mqtts",
    ]
    .iter()
    .any(|x| p.contains(x))
        && !p.contains("unencrypted")
}

/// Read a threat model (ours or Threagile's).
pub fn parse(path: &str, text: &str) -> (Option<ThreatModel>, Vec<ReadProblem>) {
    let mut problems = Vec::new();
    let stream = palisade_core::yaml::parse(text);
    if let Some(e) = &stream.error {
        problems.push(ReadProblem {
            path: path.to_owned(),
            line: e.line,
            message: format!("not valid YAML: {}", e.message),
        });
    }
    let Some(doc) = stream.docs.first() else {
        return (None, problems);
    };
    let mut m = if doc.get("technical_assets").is_some() {
        threagile(doc, &mut problems, path)
    } else {
        ours(doc, &mut problems, path)
    };
    path.clone_into(&mut m.path);
    check(&m, &mut problems);
    (Some(m), problems)
}

fn entries(n: Option<&Node>) -> Vec<(Option<&str>, &Node)> {
    match n.map(|n| &n.value) {
        Some(NodeValue::Array(xs)) => xs.iter().map(|x| (None, x)).collect(),
        Some(NodeValue::Object(es)) => es
            .iter()
            .map(|e| (Some(e.key.as_str()), &e.value))
            .collect(),
        _ => Vec::new(),
    }
}

fn ours(doc: &Node, problems: &mut Vec<ReadProblem>, path: &str) -> ThreatModel {
    let mut m = ThreatModel {
        title: text_of(doc, "threat-model").unwrap_or_default(),
        ..ThreatModel::default()
    };
    let mut problem = |line: u32, message: String| {
        problems.push(ReadProblem {
            path: path.to_owned(),
            line,
            message,
        });
    };
    let id_of = |key: Option<&str>, n: &Node| text_of(n, "id").or_else(|| key.map(str::to_owned));
    for (key, n) in entries(doc.get("assets")) {
        if let Some(id) = id_of(key, n) {
            m.assets.push(Asset {
                name: text_of(n, "name").unwrap_or_else(|| id.clone()),
                confidentiality: text_of(n, "confidentiality").unwrap_or_else(|| "medium".into()),
                id,
            });
        } else {
            problem(n.line, "an asset has no `id`".into());
        }
    }
    for (key, n) in entries(doc.get("boundaries")) {
        if let Some(id) = id_of(key, n) {
            m.boundaries.push(Boundary {
                name: text_of(n, "name").unwrap_or_else(|| id.clone()),
                id,
                line: n.line,
            });
        } else {
            problem(n.line, "a boundary has no `id`".into());
        }
    }
    for (key, n) in entries(doc.get("elements")) {
        let Some(id) = id_of(key, n) else {
            problem(n.line, "an element has no `id`".into());
            continue;
        };
        let kind = match text_of(n, "type").as_deref() {
            Some("process") => ElementKind::Process,
            Some("data-store" | "datastore") => ElementKind::DataStore,
            Some("external-entity" | "external") => ElementKind::ExternalEntity,
            other => {
                problem(
                    n.line,
                    format!(
                        "element `{}`: type {} is not process, data-store or external-entity",
                        id.escape_debug(),
                        other.map_or_else(
                            || "(none)".to_owned(),
                            |s| format!("`{}`", s.escape_debug())
                        )
                    ),
                );
                continue;
            }
        };
        m.elements.push(Element {
            name: text_of(n, "name").unwrap_or_else(|| id.clone()),
            kind,
            boundary: text_of(n, "boundary"),
            authenticates: flag(n, "authentication").unwrap_or(false),
            encrypted_at_rest: flag(n, "encryption-at-rest").unwrap_or(false),
            audit_log: flag(n, "audit-log").unwrap_or(false),
            rate_limited: flag(n, "rate-limited").unwrap_or(false),
            privileged: flag(n, "privileged").unwrap_or(false),
            assets: n.get("assets").and_then(list).unwrap_or_default(),
            line: n.line,
            id,
        });
    }
    for (key, n) in entries(doc.get("flows")) {
        let (Some(from), Some(to)) = (text_of(n, "from"), text_of(n, "to")) else {
            problem(n.line, "a flow needs `from` and `to`".into());
            continue;
        };
        let id = id_of(key, n).unwrap_or_else(|| format!("{from}-to-{to}"));
        let protocol = text_of(n, "protocol").unwrap_or_default();
        m.flows.push(Flow {
            name: text_of(n, "name").unwrap_or_else(|| protocol.clone()),
            encrypted: flag(n, "encrypted").unwrap_or_else(|| encrypted_protocol(&protocol)),
            authenticated: flag(n, "authenticated").unwrap_or(false),
            assets: n.get("assets").and_then(list).unwrap_or_default(),
            line: n.line,
            protocol,
            from,
            to,
            id,
        });
    }
    m
}

fn threagile(doc: &Node, problems: &mut Vec<ReadProblem>, path: &str) -> ThreatModel {
    let mut m = ThreatModel {
        title: text_of(doc, "title").unwrap_or_default(),
        ..ThreatModel::default()
    };
    for (key, n) in entries(doc.get("data_assets")) {
        let id = text_of(n, "id")
            .or(key.map(str::to_owned))
            .unwrap_or_default();
        let c = text_of(n, "confidentiality").unwrap_or_default();
        m.assets.push(Asset {
            name: key.unwrap_or(&id).to_owned(),
            confidentiality: match c.as_str() {
                "confidential" | "strictly-confidential" => "high",
                "restricted" | "internal" => "medium",
                _ => "low",
            }
            .to_owned(),
            id,
        });
    }
    let mut boundary_of: BTreeMap<String, String> = BTreeMap::new();
    for (key, n) in entries(doc.get("trust_boundaries")) {
        let id = text_of(n, "id")
            .or(key.map(str::to_owned))
            .unwrap_or_default();
        for a in n
            .get("technical_assets_inside")
            .and_then(list)
            .unwrap_or_default()
        {
            boundary_of.insert(a, id.clone());
        }
        m.boundaries.push(Boundary {
            name: key.unwrap_or(&id).to_owned(),
            id,
            line: n.line,
        });
    }
    for (key, n) in entries(doc.get("technical_assets")) {
        let Some(id) = text_of(n, "id").or(key.map(str::to_owned)) else {
            continue;
        };
        let kind = match text_of(n, "type").as_deref() {
            Some("datastore") => ElementKind::DataStore,
            Some("external-entity") => ElementKind::ExternalEntity,
            _ => ElementKind::Process,
        };
        let encryption = text_of(n, "encryption").unwrap_or_else(|| "none".into());
        let mut assets = n
            .get("data_assets_stored")
            .and_then(list)
            .unwrap_or_default();
        assets.extend(
            n.get("data_assets_processed")
                .and_then(list)
                .unwrap_or_default(),
        );
        assets.sort();
        assets.dedup();
        let boundary = boundary_of
            .get(&id)
            .cloned()
            .or_else(|| (flag(n, "internet") == Some(true)).then(|| "internet".to_owned()));
        if boundary.as_deref() == Some("internet")
            && !m.boundaries.iter().any(|b| b.id == "internet")
        {
            m.boundaries.push(Boundary {
                id: "internet".into(),
                name: "Internet".into(),
                line: n.line,
            });
        }
        for (lkey, l) in entries(n.get("communication_links")) {
            let Some(target) = text_of(l, "target") else {
                problems.push(ReadProblem {
                    path: path.to_owned(),
                    line: l.line,
                    message: "a communication link has no `target`".into(),
                });
                continue;
            };
            let protocol = text_of(l, "protocol").unwrap_or_default();
            let name = lkey.unwrap_or(&protocol).to_owned();
            m.flows.push(Flow {
                id: format!("{id}-{}", crate::threats::slug(&name)),
                encrypted: encrypted_protocol(&protocol),
                authenticated: text_of(l, "authentication").is_some_and(|a| a != "none"),
                assets: l.get("data_assets_sent").and_then(list).unwrap_or_default(),
                line: l.line,
                name,
                protocol,
                from: id.clone(),
                to: target,
            });
        }
        m.elements.push(Element {
            name: key.unwrap_or(&id).to_owned(),
            kind,
            boundary,
            authenticates: false,
            encrypted_at_rest: encryption != "none",
            audit_log: false,
            rate_limited: false,
            privileged: false,
            assets,
            line: n.line,
            id,
        });
    }
    m
}

fn check(m: &ThreatModel, problems: &mut Vec<ReadProblem>) {
    let mut ids = BTreeSet::new();
    for e in &m.elements {
        if !ids.insert(e.id.as_str()) {
            problems.push(ReadProblem {
                path: m.path.clone(),
                line: e.line,
                message: format!("element id `{}` is used twice", e.id.escape_debug()),
            });
        }
        if let Some(b) = &e.boundary
            && !m.boundaries.iter().any(|x| &x.id == b)
        {
            problems.push(ReadProblem {
                path: m.path.clone(),
                line: e.line,
                message: format!(
                    "element `{}` is in boundary `{}`, which is not declared",
                    e.id.escape_debug(),
                    b.escape_debug()
                ),
            });
        }
    }
    for f in &m.flows {
        for end in [&f.from, &f.to] {
            if !ids.contains(end.as_str()) {
                problems.push(ReadProblem {
                    path: m.path.clone(),
                    line: f.line,
                    message: format!(
                        "flow `{}` names element `{}`, which is not declared",
                        f.id.escape_debug(),
                        end.escape_debug()
                    ),
                });
            }
        }
    }
}

pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A derived threat.
#[derive(Debug, Clone, Serialize)]
pub struct Threat {
    /// Stable item id.
    pub id: ItemId,
    /// STRIDE categories (`S`, `T`, `R`, `I`, `D`, `E`).
    pub stride: &'static str,
    /// `critical`, `high`, `medium` or `low`.
    pub severity: &'static str,
    /// Title.
    pub title: String,
    /// What and why.
    pub text: String,
    /// The element or flow.
    pub target: String,
    /// Line of the element or flow.
    pub line: u32,
}

impl ThreatModel {
    fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }

    fn confidential(&self, assets: &[String]) -> bool {
        assets.iter().any(|a| {
            self.assets
                .iter()
                .any(|x| &x.id == a && x.confidentiality == "high")
        })
    }

    /// Does the flow cross a trust boundary?
    pub fn crosses(&self, f: &Flow) -> bool {
        match (self.element(&f.from), self.element(&f.to)) {
            (Some(a), Some(b)) => a.boundary != b.boundary,
            _ => false,
        }
    }
}

/// The STRIDE threats of a model, sorted by id.
#[allow(clippy::too_many_lines)]
pub fn derive(m: &ThreatModel) -> Vec<Threat> {
    let mut out: Vec<Threat> = Vec::new();
    let mut add =
        |name: String, stride, severity, title: String, text: String, target: &str, line| {
            out.push(Threat {
                id: ItemId {
                    kind: "threat".into(),
                    name: slug(&name),
                    revision: 1,
                },
                stride,
                severity,
                title,
                text,
                target: target.to_owned(),
                line,
            });
        };
    let bname = |b: &Option<String>| b.clone().unwrap_or_else(|| "(no boundary)".into());
    for f in &m.flows {
        let (Some(src), Some(dst)) = (m.element(&f.from), m.element(&f.to)) else {
            continue;
        };
        if !m.crosses(f) {
            continue;
        }
        let secret = m.confidential(&f.assets);
        if !f.encrypted {
            add(
                format!("cleartext-{}", f.id),
                "TI",
                if secret { "high" } else { "medium" },
                format!(
                    "{} → {} crosses a trust boundary unencrypted",
                    src.name, dst.name
                ),
                format!(
                    "Flow `{}` ({}) goes from {} to {} in clear text: anyone on the path can read{} or alter it.",
                    f.id,
                    if f.protocol.is_empty() {
                        "no protocol given"
                    } else {
                        &f.protocol
                    },
                    bname(&src.boundary),
                    bname(&dst.boundary),
                    if secret {
                        " the confidential data it carries"
                    } else {
                        ""
                    }
                ),
                &f.id,
                f.line,
            );
        }
        if dst.kind == ElementKind::Process && !f.authenticated && !dst.authenticates {
            add(
                format!("spoofing-{}", f.id),
                "S",
                "high",
                format!(
                    "Unauthenticated entry point: {} accepts {} from {}",
                    dst.name, f.name, src.name
                ),
                format!(
                    "{} takes flow `{}` across a trust boundary without authenticating its source: anyone who reaches it can pose as {}.",
                    dst.name, f.id, src.name
                ),
                &f.id,
                f.line,
            );
        }
        if dst.kind == ElementKind::DataStore && !f.authenticated {
            add(
                format!("tampering-{}", f.id),
                "T",
                "high",
                format!(
                    "{} is written across a trust boundary without authentication",
                    dst.name
                ),
                format!(
                    "Flow `{}` reaches data store {} from {} without authentication: its data can be altered.",
                    f.id,
                    dst.name,
                    bname(&src.boundary)
                ),
                &f.id,
                f.line,
            );
        }
    }
    for e in &m.elements {
        let inbound: Vec<&Flow> = m
            .flows
            .iter()
            .filter(|f| f.to == e.id && m.crosses(f))
            .collect();
        match e.kind {
            ElementKind::DataStore if !e.encrypted_at_rest => add(
                format!("unencrypted-store-{}", e.id),
                "I",
                if m.confidential(&e.assets) {
                    "high"
                } else {
                    "medium"
                },
                format!("{} is not encrypted at rest", e.name),
                format!(
                    "Data store `{}` keeps its data unencrypted: a stolen disk, backup or snapshot discloses it.",
                    e.id
                ),
                &e.id,
                e.line,
            ),
            ElementKind::Process if !inbound.is_empty() => {
                if !e.audit_log {
                    add(
                        format!("repudiation-{}", e.id),
                        "R",
                        "medium",
                        format!(
                            "{} keeps no audit log of what callers across a boundary do",
                            e.name
                        ),
                        format!(
                            "Process `{}` takes requests across a trust boundary but records no audit trail: a caller can deny an action.",
                            e.id
                        ),
                        &e.id,
                        e.line,
                    );
                }
                if !e.rate_limited {
                    add(
                        format!("dos-{}", e.id),
                        "D",
                        "medium",
                        format!(
                            "{} does not limit the rate of requests from across a boundary",
                            e.name
                        ),
                        format!(
                            "Process `{}` is reachable across a trust boundary with no rate limit: a flood of requests can exhaust it.",
                            e.id
                        ),
                        &e.id,
                        e.line,
                    );
                }
                if e.privileged {
                    add(
                        format!("elevation-{}", e.id),
                        "E",
                        "high",
                        format!(
                            "{} runs privileged and is reachable across a boundary",
                            e.name
                        ),
                        format!(
                            "Process `{}` runs with elevated privileges and takes input across a trust boundary: a flaw in it hands over those privileges.",
                            e.id
                        ),
                        &e.id,
                        e.line,
                    );
                }
            }
            _ => {}
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

/// The threats as `threat` items.
pub fn items(m: &ThreatModel) -> Vec<Item> {
    derive(m)
        .into_iter()
        .map(|t| {
            let mut it = Item::new(t.id, &m.path, t.line);
            it.title = t.title;
            it.text = t.text;
            it.status = "identified".into();
            it.tags = vec![format!("stride:{}", t.stride)];
            it.attributes.insert("severity".into(), t.severity.into());
            it.attributes.insert("element".into(), t.target);
            it.seal();
            it
        })
        .collect()
}
