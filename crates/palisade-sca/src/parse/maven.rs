//! Maven `pom.xml`: declared dependencies with versions from `<properties>`,
//! `<dependencyManagement>` and parent POMs inside the repository (`<relativePath>`, by
//! default `../pom.xml`). Transitive dependencies need Maven's repository to resolve, so a
//! POM yields direct dependencies only; versions managed outside the repository (a parent or
//! BOM from Maven Central) are reported as not followed.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Siblings, line_of};
use crate::model::{Issue, IssueKind, Lockfile, Package, ParseError, Scope};
use crate::version::Ecosystem;

#[derive(Default, Clone)]
struct Dep {
    group: String,
    artifact: String,
    version: String,
    scope: String,
    line: u32,
}

#[derive(Default)]
struct Pom {
    group: String,
    artifact: String,
    version: String,
    parent: Option<(String, String, String, String)>, // group, artifact, version, relativePath
    properties: HashMap<String, String>,
    managed: Vec<Dep>,
    deps: Vec<Dep>,
}

/// Parent chains are followed at most this deep.
const MAX_PARENTS: usize = 8;
/// `${...}` substitution passes.
const MAX_SUBST: usize = 8;

fn read_pom(text: &str) -> Result<Pom, ParseError> {
    let mut r = Reader::from_str(text);
    r.config_mut().trim_text(true);
    let mut pom = Pom::default();
    let mut path: Vec<String> = Vec::new();
    let mut text_buf = String::new();
    let mut cur: Option<Dep> = None;
    let mut parent = (String::new(), String::new(), String::new(), String::new());
    let mut has_parent = false;
    loop {
        let pos = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| {
            ParseError::new(
                line_of(text, r.error_position() as usize),
                format!("invalid XML: {e}"),
            )
        })?;
        match ev {
            Event::Start(e) => {
                if path.len() > 64 {
                    return Err(ParseError::new(
                        line_of(text, pos),
                        "XML nested deeper than 64 elements",
                    ));
                }
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                path.push(name);
                text_buf.clear();
                let p: Vec<&str> = path.iter().map(String::as_str).collect();
                if matches!(
                    p.as_slice(),
                    ["project", "dependencies", "dependency"]
                        | [
                            "project",
                            "dependencyManagement",
                            "dependencies",
                            "dependency"
                        ]
                ) {
                    cur = Some(Dep {
                        line: line_of(text, pos),
                        ..Dep::default()
                    });
                }
                if p.as_slice() == ["project", "parent"] {
                    has_parent = true;
                }
            }
            Event::Text(t) => text_buf.push_str(&t.decode().unwrap_or_default()),
            Event::CData(t) => text_buf.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(g) => {
                let s = match g.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*g {
                        b"amp" => "&".into(),
                        b"lt" => "<".into(),
                        b"gt" => ">".into(),
                        b"quot" => "\"".into(),
                        b"apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                text_buf.push_str(&s);
            }
            Event::End(_) => {
                let value = text_buf.trim().to_owned();
                let p: Vec<&str> = path.iter().map(String::as_str).collect();
                match p.as_slice() {
                    ["project", "groupId"] => pom.group = value,
                    ["project", "artifactId"] => pom.artifact = value,
                    ["project", "version"] => pom.version = value,
                    ["project", "parent", "groupId"] => parent.0 = value,
                    ["project", "parent", "artifactId"] => parent.1 = value,
                    ["project", "parent", "version"] => parent.2 = value,
                    ["project", "parent", "relativePath"] => parent.3 = value,
                    ["project", "properties", k] => {
                        pom.properties.insert((*k).to_owned(), value);
                    }
                    [.., "dependency", field] => {
                        if let Some(d) = cur.as_mut() {
                            match *field {
                                "groupId" => d.group = value,
                                "artifactId" => d.artifact = value,
                                "version" => d.version = value,
                                "scope" => d.scope = value,
                                _ => {}
                            }
                        }
                    }
                    ["project", "dependencies", "dependency"] => {
                        if let Some(d) = cur.take() {
                            pom.deps.push(d);
                        }
                    }
                    [
                        "project",
                        "dependencyManagement",
                        "dependencies",
                        "dependency",
                    ] => {
                        if let Some(d) = cur.take() {
                            pom.managed.push(d);
                        }
                    }
                    _ => {}
                }
                path.pop();
                text_buf.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !path.is_empty() {
        return Err(ParseError::new(
            line_of(text, text.len()),
            "truncated XML: elements left open",
        ));
    }
    if has_parent {
        pom.parent = Some(parent);
    }
    Ok(pom)
}

/// Substitutes `${name}` from `props` (repeatedly, for properties that refer to others).
fn subst(s: &str, props: &HashMap<String, String>) -> String {
    let mut out = s.to_owned();
    for _ in 0..MAX_SUBST {
        let Some(start) = out.find("${") else { break };
        let Some(len) = out[start..].find('}') else {
            break;
        };
        let key = &out[start + 2..start + len];
        let Some(v) = props.get(key) else { break };
        out = format!("{}{}{}", &out[..start], v, &out[start + len + 1..]);
        if out.len() > 1024 {
            break;
        }
    }
    out
}

pub(crate) fn parse(text: &str, siblings: &dyn Siblings) -> Result<Lockfile, ParseError> {
    let pom = read_pom(text)?;
    let mut lf = Lockfile::default();
    // Properties and managed versions, child first; then each parent in the repository.
    let mut props: HashMap<String, String> = HashMap::new();
    let mut managed: HashMap<(String, String), String> = HashMap::new();
    let mut chain = vec![];
    let mut parent = pom.parent.clone();
    let mut dir = String::new();
    let mut outside: Option<String> = None;
    while let Some((g, a, v, rel)) = parent.take() {
        if chain.len() >= MAX_PARENTS {
            break;
        }
        let rel = if rel.is_empty() {
            "../pom.xml".to_owned()
        } else {
            rel
        };
        let rel = if rel.ends_with(".xml") {
            rel
        } else {
            format!("{rel}/pom.xml")
        };
        let path = super::join_rel(&dir, &rel);
        let found = siblings
            .read(&path)
            .and_then(|t| read_pom(&t).ok())
            .filter(|p| p.artifact == a);
        if let Some(p) = found {
            dir = path
                .rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_owned());
            parent.clone_from(&p.parent);
            chain.push(p);
        } else {
            outside = Some(format!("{g}:{a}:{v}"));
            break;
        }
    }
    // Parent properties first, overridden by children.
    for p in chain.iter().rev().chain(std::iter::once(&pom)) {
        props.extend(p.properties.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    let own_version = if pom.version.is_empty() {
        pom.parent.as_ref().map(|p| p.2.clone()).unwrap_or_default()
    } else {
        pom.version.clone()
    };
    let own_group = if pom.group.is_empty() {
        pom.parent.as_ref().map(|p| p.0.clone()).unwrap_or_default()
    } else {
        pom.group.clone()
    };
    for (k, v) in [
        ("project.version", &own_version),
        ("pom.version", &own_version),
        ("version", &own_version),
        ("project.groupId", &own_group),
        ("project.artifactId", &pom.artifact),
    ] {
        props.insert(k.to_owned(), v.clone());
    }
    if let Some((g, _, v, _)) = &pom.parent {
        props.insert("project.parent.version".into(), v.clone());
        props.insert("project.parent.groupId".into(), g.clone());
    }
    for p in chain.iter().rev().chain(std::iter::once(&pom)) {
        for d in &p.managed {
            if d.scope == "import" {
                continue;
            }
            let key = (subst(&d.group, &props), subst(&d.artifact, &props));
            managed.insert(key, subst(&d.version, &props));
        }
    }
    for d in &pom.deps {
        let group = subst(&d.group, &props);
        let artifact = subst(&d.artifact, &props);
        let version = if d.version.is_empty() {
            managed
                .get(&(group.clone(), artifact.clone()))
                .cloned()
                .unwrap_or_default()
        } else {
            subst(&d.version, &props)
        };
        let name = format!("{group}:{artifact}");
        if version.is_empty() || version.contains("${") {
            let from = outside.as_ref().map_or(
                String::from("a BOM or parent outside the repository"),
                |o| format!("parent {o}, outside the repository"),
            );
            lf.issues.push(Issue {
                line: d.line,
                message: format!("{name}: version not known here (managed by {from})"),
                kind: IssueKind::NotFollowed,
            });
            continue;
        }
        if version.starts_with('[') || version.starts_with('(') {
            lf.issues.push(Issue {
                line: d.line,
                message: format!("{name}: version range {version} is not pinned"),
                kind: IssueKind::Unpinned,
            });
            continue;
        }
        let mut p = Package::new(Ecosystem::Maven, name, version, d.line);
        p.direct = Some(true);
        p.scope = match d.scope.as_str() {
            "test" => Scope::Dev,
            _ => Scope::Runtime,
        };
        lf.packages.push(p);
    }
    Ok(lf)
}
