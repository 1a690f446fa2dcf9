//! Python: `poetry.lock` (lock-version 1.x and 2.x), `Pipfile.lock`, `uv.lock` and
//! `requirements*.txt` (pinned versions, hashes, `-r` includes, pip-compile `# via`).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use serde_json::Value;

use super::json::{Seg, value_lines};
use super::{Siblings, json_doc, pep503, toml_doc, toml_table_lines};
use crate::model::{Issue, IssueKind, Lockfile, Package, ParseError, Scope, Source};
use crate::version::Ecosystem;

/// At most this many hashes are kept per package (wheels for every platform add up).
const MAX_HASHES: usize = 64;

fn resolve_deps(lf: &mut Lockfile, deps: &[Vec<String>]) {
    super::link_by_name(lf, deps, pep503);
}

/// Names declared in a pyproject.toml: PEP 621 `[project]`, dependency groups, and
/// Poetry's own tables. `None` when there is no readable pyproject.toml.
fn pyproject_direct(siblings: &dyn Siblings) -> Option<HashSet<String>> {
    let text = siblings.read("pyproject.toml")?;
    let doc: toml::Value = toml::from_str(&text).ok()?;
    let mut out = HashSet::new();
    let pep508_name = |s: &str| -> String {
        let end = s
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(s.len());
        pep503(&s[..end])
    };
    let mut strings = |v: Option<&toml::Value>| {
        if let Some(arr) = v.and_then(toml::Value::as_array) {
            for s in arr.iter().filter_map(toml::Value::as_str) {
                out.insert(pep508_name(s));
            }
        }
    };
    let project = doc.get("project");
    strings(project.and_then(|p| p.get("dependencies")));
    if let Some(opt) = project
        .and_then(|p| p.get("optional-dependencies"))
        .and_then(toml::Value::as_table)
    {
        for v in opt.values() {
            strings(Some(v));
        }
    }
    if let Some(groups) = doc.get("dependency-groups").and_then(toml::Value::as_table) {
        for v in groups.values() {
            strings(Some(v));
        }
    }
    let poetry = doc.get("tool").and_then(|t| t.get("poetry"));
    let mut tables: Vec<&toml::Value> = Vec::new();
    for key in ["dependencies", "dev-dependencies"] {
        if let Some(t) = poetry.and_then(|p| p.get(key)) {
            tables.push(t);
        }
    }
    if let Some(groups) = poetry
        .and_then(|p| p.get("group"))
        .and_then(toml::Value::as_table)
    {
        for g in groups.values() {
            if let Some(t) = g.get("dependencies") {
                tables.push(t);
            }
        }
    }
    for t in tables {
        if let Some(t) = t.as_table() {
            out.extend(t.keys().filter(|k| *k != "python").map(|k| pep503(k)));
        }
    }
    Some(out)
}

fn mark_direct(lf: &mut Lockfile, direct: Option<&HashSet<String>>) {
    if let Some(d) = direct {
        for p in &mut lf.packages {
            if !matches!(p.source, Source::Path(_)) || p.direct.is_none() {
                p.direct = Some(d.contains(&pep503(&p.name)));
            }
        }
    }
}

#[derive(Deserialize)]
struct PoetryDoc {
    #[serde(default)]
    package: Vec<PoetryPkg>,
    #[serde(default)]
    metadata: Option<PoetryMeta>,
}

#[derive(Deserialize)]
struct PoetryMeta {
    #[serde(default)]
    files: HashMap<String, Vec<PoetryFile>>,
    #[serde(default, rename = "lock-version")]
    lock_version: Option<String>,
}

#[derive(Deserialize)]
struct PoetryFile {
    hash: Option<String>,
}

#[derive(Deserialize)]
struct PoetryPkg {
    name: Option<String>,
    version: Option<String>,
    category: Option<String>,
    groups: Option<Vec<String>>,
    #[serde(default)]
    files: Vec<PoetryFile>,
    #[serde(default)]
    dependencies: HashMap<String, toml::Value>,
    source: Option<PoetrySource>,
}

#[derive(Deserialize)]
struct PoetrySource {
    #[serde(rename = "type")]
    kind: Option<String>,
    url: Option<String>,
}

fn poetry_with(text: &str, siblings: &dyn Siblings) -> Result<Lockfile, ParseError> {
    let doc: PoetryDoc = toml_doc(text)?;
    let lines = toml_table_lines(text, "[[package]]");
    let mut lf = Lockfile::default();
    if let Some(v) = doc.metadata.as_ref().and_then(|m| m.lock_version.clone())
        && v.split('.')
            .next()
            .and_then(|m| m.parse::<u32>().ok())
            .is_some_and(|m| m > 2)
    {
        super::note_unknown_version(&mut lf, text, "lock-version", &v, "2.1");
    }
    let meta_files = doc.metadata.map(|m| m.files).unwrap_or_default();
    let mut deps = Vec::new();
    for (n, e) in doc.package.into_iter().enumerate() {
        let line = lines.get(n).copied().unwrap_or(1);
        let (Some(name), Some(version)) = (e.name, e.version) else {
            lf.malformed(line, "[[package]] without name or version");
            continue;
        };
        let mut p = Package::new(Ecosystem::PyPi, &name, version, line);
        p.scope = match (e.category.as_deref(), &e.groups) {
            (Some("dev"), _) => Scope::Dev,
            (Some(_), _) => Scope::Runtime,
            (None, Some(g)) if g.iter().any(|g| g == "main") => Scope::Runtime,
            (None, Some(_)) => Scope::Dev,
            (None, None) => Scope::Unknown,
        };
        let files = if e.files.is_empty() {
            meta_files.get(&name).map(Vec::as_slice).unwrap_or_default()
        } else {
            &e.files
        };
        p.hashes = files
            .iter()
            .filter_map(|f| f.hash.clone())
            .take(MAX_HASHES)
            .collect();
        if let Some(src) = e.source {
            p.source = match (src.kind.as_deref(), src.url) {
                (Some("git"), Some(u)) => Source::Git(u),
                (Some("directory" | "file"), Some(u)) => Source::Path(u),
                (Some("url"), Some(u)) => Source::Other(u),
                _ => Source::Registry,
            };
        }
        deps.push(e.dependencies.into_keys().collect());
        lf.packages.push(p);
    }
    resolve_deps(&mut lf, &deps);
    mark_direct(&mut lf, pyproject_direct(siblings).as_ref());
    Ok(lf)
}

/// `poetry.lock`, reading the pyproject.toml beside it for direct dependencies.
pub(crate) fn poetry_project(text: &str, siblings: &dyn Siblings) -> Result<Lockfile, ParseError> {
    poetry_with(text, siblings)
}

pub(crate) fn pipfile(text: &str, siblings: &dyn Siblings) -> Result<Lockfile, ParseError> {
    let doc = json_doc(text)?;
    let lines = value_lines(text, &[], 2);
    let mut lf = Lockfile::default();
    for (section, scope) in [("default", Scope::Runtime), ("develop", Scope::Dev)] {
        let Some(entries) = doc.get(section).and_then(Value::as_object) else {
            continue;
        };
        for (name, v) in entries {
            let line = lines
                .get(&vec![Seg::Key(section.to_owned()), Seg::Key(name.clone())])
                .copied()
                .unwrap_or(1);
            let version = v.get("version").and_then(Value::as_str);
            let p = match version.and_then(|s| s.strip_prefix("==")) {
                Some(ver) => {
                    let mut p = Package::new(Ecosystem::PyPi, name, ver, line);
                    p.hashes = v
                        .get("hashes")
                        .and_then(Value::as_array)
                        .map(|a| {
                            a.iter()
                                .filter_map(Value::as_str)
                                .map(str::to_owned)
                                .take(MAX_HASHES)
                                .collect()
                        })
                        .unwrap_or_default();
                    p
                }
                None => {
                    if let Some(g) = v.get("git").and_then(Value::as_str) {
                        let mut p = Package::new(Ecosystem::PyPi, name, "", line);
                        let rev = v.get("ref").and_then(Value::as_str).unwrap_or("");
                        p.source = Source::Git(format!("{g}@{rev}"));
                        p
                    } else if let Some(path) = v.get("path").and_then(Value::as_str) {
                        let mut p = Package::new(Ecosystem::PyPi, name, "", line);
                        p.source = Source::Path(path.to_owned());
                        p
                    } else {
                        lf.malformed(line, format!("{name}: no pinned version"));
                        continue;
                    }
                }
            };
            let mut p = p;
            p.scope = scope;
            lf.packages.push(p);
        }
    }
    // The Pipfile beside it declares the direct dependencies.
    if let Some(declared) = siblings
        .read("Pipfile")
        .and_then(|t| toml::from_str::<toml::Value>(&t).ok())
    {
        let names: HashSet<String> = ["packages", "dev-packages"]
            .iter()
            .filter_map(|k| declared.get(*k).and_then(toml::Value::as_table))
            .flat_map(|t| t.keys().map(|k| pep503(k)))
            .collect();
        mark_direct(&mut lf, Some(&names));
    }
    Ok(lf)
}

#[derive(Deserialize)]
struct UvDoc {
    version: Option<i64>,
    #[serde(default)]
    package: Vec<UvPkg>,
}

#[derive(Deserialize)]
struct UvPkg {
    name: Option<String>,
    version: Option<String>,
    #[serde(default)]
    source: HashMap<String, toml::Value>,
    #[serde(default)]
    dependencies: Vec<UvDep>,
    #[serde(default, rename = "optional-dependencies")]
    optional: BTreeMap<String, Vec<UvDep>>,
    #[serde(default, rename = "dev-dependencies")]
    dev: BTreeMap<String, Vec<UvDep>>,
    sdist: Option<UvFile>,
    #[serde(default)]
    wheels: Vec<UvFile>,
}

#[derive(Deserialize)]
struct UvDep {
    name: String,
}

#[derive(Deserialize)]
struct UvFile {
    hash: Option<String>,
}

pub(crate) fn uv(text: &str) -> Result<Lockfile, ParseError> {
    let doc: UvDoc = toml_doc(text)?;
    let lines = toml_table_lines(text, "[[package]]");
    let mut lf = Lockfile::default();
    if let Some(v) = doc.version.filter(|v| *v > 1) {
        super::note_unknown_version(&mut lf, text, "version", &v.to_string(), "1");
    }
    let mut deps: Vec<Vec<String>> = Vec::new();
    let mut runtime_roots: HashSet<String> = HashSet::new();
    let mut dev_roots: HashSet<String> = HashSet::new();
    let mut members = Vec::new();
    for (n, e) in doc.package.into_iter().enumerate() {
        let line = lines.get(n).copied().unwrap_or(1);
        let Some(name) = e.name else {
            lf.malformed(line, "[[package]] without name");
            continue;
        };
        let local = ["editable", "virtual", "directory", "path"]
            .iter()
            .find_map(|k| e.source.get(*k).and_then(toml::Value::as_str));
        let version = e.version.unwrap_or_default();
        if version.is_empty() && local.is_none() {
            lf.malformed(line, format!("{name}: no version"));
            continue;
        }
        let mut p = Package::new(Ecosystem::PyPi, &name, version, line);
        if let Some(path) = local {
            p.source = Source::Path(path.to_owned());
            members.push(lf.packages.len());
            runtime_roots.extend(e.dependencies.iter().map(|d| pep503(&d.name)));
            for v in e.optional.values() {
                runtime_roots.extend(v.iter().map(|d| pep503(&d.name)));
            }
            for v in e.dev.values() {
                dev_roots.extend(v.iter().map(|d| pep503(&d.name)));
            }
        } else if let Some(g) = e.source.get("git").and_then(toml::Value::as_str) {
            p.source = Source::Git(g.to_owned());
        } else if let Some(u) = e.source.get("url").and_then(toml::Value::as_str) {
            p.source = Source::Other(u.to_owned());
        }
        p.hashes = e
            .sdist
            .iter()
            .chain(&e.wheels)
            .filter_map(|f| f.hash.clone())
            .take(MAX_HASHES)
            .collect();
        let mut names: Vec<String> = e.dependencies.into_iter().map(|d| d.name).collect();
        names.extend(e.optional.into_values().flatten().map(|d| d.name));
        if matches!(p.source, Source::Path(_)) {
            names.extend(e.dev.into_values().flatten().map(|d| d.name));
        }
        deps.push(names);
        lf.packages.push(p);
    }
    resolve_deps(&mut lf, &deps);
    if !members.is_empty() {
        // Scope: reachable from the members' runtime dependencies, or only from dev groups.
        let runtime = reachable(&lf, &runtime_roots);
        for (i, p) in lf.packages.iter_mut().enumerate() {
            let key = pep503(&p.name);
            if matches!(p.source, Source::Path(_)) {
                p.direct = Some(false);
                p.scope = Scope::Runtime;
                continue;
            }
            p.direct = Some(runtime_roots.contains(&key) || dev_roots.contains(&key));
            p.scope = if runtime[i] {
                Scope::Runtime
            } else {
                Scope::Dev
            };
        }
    }
    Ok(lf)
}

fn reachable(lf: &Lockfile, roots: &HashSet<String>) -> Vec<bool> {
    let mut seen = vec![false; lf.packages.len()];
    let mut stack: Vec<usize> = lf
        .packages
        .iter()
        .enumerate()
        .filter(|(_, p)| roots.contains(&pep503(&p.name)))
        .map(|(i, _)| i)
        .collect();
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        stack.extend(lf.packages[i].deps.iter().copied().filter(|&j| !seen[j]));
    }
    seen
}

/// Includes nest at most this deep.
const MAX_INCLUDE_DEPTH: usize = 8;

pub(crate) fn requirements(text: &str, siblings: &dyn Siblings) -> Lockfile {
    let mut lf = Lockfile::default();
    let mut seen = HashSet::new();
    seen.insert(String::new());
    read_requirements(text, "", siblings, &mut lf, &mut seen, 0);
    lf
}

/// Joins `rel` to the folder of `base` (both relative to the first file's folder).
fn join(base: &str, rel: &str) -> String {
    super::join_rel(base.rsplit_once('/').map_or("", |(d, _)| d), rel)
}

fn read_requirements(
    text: &str,
    name: &str,
    siblings: &dyn Siblings,
    lf: &mut Lockfile,
    seen: &mut HashSet<String>,
    depth: usize,
) {
    // Only packages of the first file carry lines in it; included files' packages point at
    // the include line.
    let mut logical: Vec<(u32, String)> = Vec::new();
    let mut buf = String::new();
    let mut start = 0u32;
    for (i, raw) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        if buf.is_empty() {
            start = n;
        }
        let line = raw.trim_end();
        if let Some(head) = line.strip_suffix('\\') {
            buf.push_str(head);
            buf.push(' ');
            continue;
        }
        buf.push_str(line);
        logical.push((start, std::mem::take(&mut buf)));
    }
    if !buf.is_empty() {
        logical.push((start, buf));
    }
    let mut last_pkg: Option<usize> = None;
    let mut via: Vec<(usize, Vec<String>)> = Vec::new();
    let mut in_via = false;
    for (line, l) in logical {
        let t = l.trim();
        // pip-compile annotations: `# via pkg` or `# via` followed by `#   -r file` lines.
        if let Some(c) = t.strip_prefix('#') {
            let c = c.trim();
            if let Some(rest) = c.strip_prefix("via") {
                in_via = true;
                if let Some(i) = last_pkg {
                    let rest = rest.trim();
                    via.push((
                        i,
                        if rest.is_empty() {
                            vec![]
                        } else {
                            vec![rest.to_owned()]
                        },
                    ));
                }
            } else if in_via && !c.is_empty() {
                if let (Some(i), Some(last)) = (last_pkg, via.last_mut())
                    && last.0 == i
                {
                    last.1.push(c.to_owned());
                }
            } else {
                in_via = false;
            }
            continue;
        }
        in_via = false;
        // Strip a trailing comment (` #` starts one).
        let t = t.split(" #").next().unwrap_or(t).trim();
        if t.is_empty() {
            continue;
        }
        if let Some(opt) = t.strip_prefix('-') {
            let (flag, arg) = opt
                .split_once([' ', '='])
                .map_or((opt, ""), |(f, a)| (f, a.trim()));
            match flag {
                "r" | "-requirement" => {
                    let target = join(name, arg);
                    if depth >= MAX_INCLUDE_DEPTH {
                        lf.issues.push(Issue {
                            line,
                            message: format!(
                                "-r {arg}: includes nested deeper than {MAX_INCLUDE_DEPTH}"
                            ),
                            kind: IssueKind::NotFollowed,
                        });
                    } else if !seen.insert(target.clone()) {
                        // Already read (or a cycle): nothing new.
                    } else if let Some(inner) = siblings.read(&target) {
                        let before = lf.packages.len();
                        read_requirements(&inner, &target, siblings, lf, seen, depth + 1);
                        if depth == 0 {
                            for p in &mut lf.packages[before..] {
                                p.line = line;
                            }
                        }
                    } else {
                        lf.issues.push(Issue {
                            line,
                            message: format!("-r {arg}: cannot read the included file"),
                            kind: IssueKind::NotFollowed,
                        });
                    }
                }
                "e" | "-editable" => {
                    lf.issues.push(Issue {
                        line,
                        message: format!("editable requirement {arg} is not resolved to a version"),
                        kind: IssueKind::Unpinned,
                    });
                }
                _ => {} // -c constraints, --index-url, --hash on its own line, ...
            }
            continue;
        }
        let mut hashes = Vec::new();
        let mut spec = String::new();
        for w in t.split_whitespace() {
            if let Some(h) = w
                .strip_prefix("--hash=")
                .or_else(|| w.strip_prefix("--hash:"))
            {
                if hashes.len() < MAX_HASHES {
                    hashes.push(h.to_owned());
                }
            } else if !w.starts_with("--") {
                spec.push_str(w);
                spec.push(' ');
            }
        }
        let spec = spec.split(';').next().unwrap_or("").trim();
        let name_end = spec
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(spec.len());
        let pkg = &spec[..name_end];
        if pkg.is_empty() || spec.contains("://") && !spec.contains('@') {
            lf.issues.push(Issue {
                line,
                // The line itself is not echoed: it may hold a URL or a token.
                message: "not a requirement palisade can resolve (no package name)".to_owned(),
                kind: IssueKind::NotFollowed,
            });
            continue;
        }
        let rest = spec[name_end..].trim_start();
        // Extras: name[extra1,extra2]
        let rest = if rest.starts_with('[') {
            rest.split_once(']').map_or("", |(_, r)| r).trim_start()
        } else {
            rest
        };
        if rest.starts_with('@') {
            lf.issues.push(Issue {
                line,
                message: format!("{pkg} is installed from a URL; its version is not known"),
                kind: IssueKind::Unpinned,
            });
            continue;
        }
        let pinned = rest
            .strip_prefix("===")
            .or_else(|| rest.strip_prefix("=="))
            .map(str::trim)
            .filter(|v| !v.contains([',', '*', '<', '>', '!', '~']) && !v.is_empty());
        match pinned {
            Some(v) => {
                let mut p = Package::new(Ecosystem::PyPi, pkg, v, line);
                p.hashes = hashes;
                p.direct = Some(true);
                p.scope = Scope::Unknown;
                last_pkg = Some(lf.packages.len());
                lf.packages.push(p);
            }
            None => {
                lf.issues.push(Issue {
                    line,
                    message: if rest.is_empty() {
                        format!("{pkg} has no version: any release may be installed")
                    } else {
                        // Only the operator is quoted: the version text is the file's, and
                        // could be anything (a mistyped token, say).
                        let op: String = rest
                            .chars()
                            .take_while(|c| matches!(c, '<' | '>' | '=' | '!' | '~'))
                            .take(3)
                            .collect();
                        let op = if op.is_empty() {
                            "a range".to_owned()
                        } else {
                            format!("`{op}`")
                        };
                        format!("{pkg} is required with {op}, not pinned to one version (use ==)")
                    },
                    kind: IssueKind::Unpinned,
                });
            }
        }
    }
    // pip-compile output: a package required only by other packages is transitive.
    for (i, sources) in via {
        if sources.is_empty() {
            continue;
        }
        let declared = sources.iter().any(|s| {
            s.starts_with("-r")
                || s.starts_with("-c")
                || s.ends_with(".in")
                || s.contains("pyproject.toml")
                || s.contains("setup.")
        });
        lf.packages[i].direct = Some(declared);
    }
}
