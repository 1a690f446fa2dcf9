//! Software bills of materials: CycloneDX 1.6 JSON and SPDX 2.3 JSON, from the packages of
//! every lockfile and manifest of a project, with their dependency graph.
//!
//! Output is deterministic except for the creation time: components are sorted by purl, and
//! identifiers (CycloneDX `serialNumber`, SPDX `documentNamespace`) derive from the content.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::model::{Lockfile, Scope, Source};

/// SBOM formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SbomFormat {
    /// CycloneDX 1.6, JSON.
    CycloneDxJson,
    /// SPDX 2.3, JSON.
    SpdxJson,
}

/// What an SBOM says about the product itself and its supplier (the fields FDA premarket
/// submissions ask for), from `[sbom]` in palisade.toml.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct SbomMeta {
    /// The product (root component) name.
    pub name: String,
    /// Its version, if known.
    pub version: Option<String>,
    /// The organisation that supplies the product.
    pub supplier: Option<String>,
    /// Support level of the components (`active`, `limited`, `none`, ...), by default.
    pub support_level: Option<String>,
    /// End-of-support date of the components (`YYYY-MM-DD`), by default.
    pub end_of_support: Option<String>,
    /// Per-package overrides of support level and end of support: (package name, level, date).
    pub support: Vec<(String, Option<String>, Option<String>)>,
    /// Creation time (RFC 3339, UTC).
    pub timestamp: String,
    /// The producing tool's version.
    pub tool_version: String,
}

/// One component of the SBOM: a package, with where it was found.
struct Component<'a> {
    purl: String,
    pkg: &'a crate::model::Package,
    /// Lockfiles it appears in.
    found_in: BTreeSet<&'a str>,
    /// purls of its dependencies.
    deps: BTreeSet<String>,
    direct: bool,
}

fn collect<'a>(
    lockfiles: &'a [(String, Lockfile)],
) -> (BTreeMap<String, Component<'a>>, BTreeSet<String>) {
    let mut comps: BTreeMap<String, Component<'a>> = BTreeMap::new();
    let mut roots = BTreeSet::new();
    for (rel, lf) in lockfiles {
        for p in &lf.packages {
            if p.version.is_empty() || matches!(p.source, Source::Path(_)) {
                continue;
            }
            let purl = p.purl();
            let deps: BTreeSet<String> = p
                .deps
                .iter()
                .filter_map(|&d| lf.packages.get(d))
                .filter(|d| !d.version.is_empty() && !matches!(d.source, Source::Path(_)))
                .map(crate::model::Package::purl)
                .collect();
            // Unknown directness counts as direct: the root then names it, nothing is lost.
            let direct = p.direct != Some(false);
            if direct {
                roots.insert(purl.clone());
            }
            let c = comps.entry(purl.clone()).or_insert_with(|| Component {
                purl: purl.clone(),
                pkg: p,
                found_in: BTreeSet::new(),
                deps: BTreeSet::new(),
                direct: false,
            });
            c.found_in.insert(rel);
            c.deps.extend(deps);
            c.direct |= direct;
        }
    }
    (comps, roots)
}

/// Hashes as (algorithm name in the format's spelling, hex value); only well-formed ones.
fn hashes(p: &crate::model::Package, spdx: bool) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for h in &p.hashes {
        let Some((alg, value)) = h.split_once(':') else {
            continue;
        };
        let (name, len) = match (alg, spdx) {
            ("sha1", false) => ("SHA-1", 40),
            ("sha256", false) => ("SHA-256", 64),
            ("sha384", false) => ("SHA-384", 96),
            ("sha512", false) => ("SHA-512", 128),
            ("sha1", true) => ("SHA1", 40),
            ("sha256", true) => ("SHA256", 64),
            ("sha384", true) => ("SHA384", 96),
            ("sha512", true) => ("SHA512", 128),
            ("md5", _) => ("MD5", 32),
            _ => continue,
        };
        if value.len() == len && value.bytes().all(|b| b.is_ascii_hexdigit()) {
            let v = value.to_ascii_lowercase();
            if !out.iter().any(|(n, x)| *n == name && *x == v) {
                out.push((name, v));
            }
        }
    }
    out
}

/// A licence expression simple enough to hand on as SPDX: ids, `AND`, `OR`, `WITH`,
/// parentheses, `+`, `LicenseRef-`.
fn spdx_expression(l: &str) -> Option<&str> {
    let l = l.trim();
    let ok = !l.is_empty()
        && l.len() < 512
        && l.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+' | '(' | ')' | ' ' | ':')
        })
        && l.split([' ', '(', ')']).filter(|w| !w.is_empty()).all(|w| {
            matches!(w, "AND" | "OR" | "WITH")
                || w.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        });
    ok.then_some(l)
}

fn support_of<'m>(meta: &'m SbomMeta, name: &str) -> (Option<&'m str>, Option<&'m str>) {
    let over = meta.support.iter().find(|(n, ..)| n == name);
    (
        over.and_then(|o| o.1.as_deref())
            .or(meta.support_level.as_deref()),
        over.and_then(|o| o.2.as_deref())
            .or(meta.end_of_support.as_deref()),
    )
}

fn content_id(comps: &BTreeMap<String, Component<'_>>, meta: &SbomMeta) -> String {
    let mut h = Sha256::new();
    h.update(meta.name.as_bytes());
    for (purl, c) in comps {
        h.update([0]);
        h.update(purl.as_bytes());
        for d in &c.deps {
            h.update([1]);
            h.update(d.as_bytes());
        }
    }
    crate::parse::hex(&h.finalize())
}

/// Builds the SBOM document.
pub fn build(format: SbomFormat, lockfiles: &[(String, Lockfile)], meta: &SbomMeta) -> Value {
    let (comps, roots) = collect(lockfiles);
    let id = content_id(&comps, meta);
    match format {
        SbomFormat::CycloneDxJson => cyclonedx(&comps, &roots, meta, &id),
        SbomFormat::SpdxJson => spdx(&comps, &roots, meta, &id),
    }
}

fn uuid_from(hex: &str) -> String {
    // A version-4-shaped UUID from content bytes: stable for the same content.
    let h = hex.as_bytes();
    let s = |a: usize, b: usize| std::str::from_utf8(&h[a..b]).unwrap_or("0");
    format!(
        "{}-{}-4{}-8{}-{}",
        s(0, 8),
        s(8, 12),
        s(13, 16),
        s(17, 20),
        s(20, 32)
    )
}

fn cyclonedx(
    comps: &BTreeMap<String, Component<'_>>,
    roots: &BTreeSet<String>,
    meta: &SbomMeta,
    id: &str,
) -> Value {
    let root_ref = format!("root:{}", meta.name);
    let mut components = Vec::new();
    let mut dependencies = Vec::new();
    for c in comps.values() {
        let p = c.pkg;
        let mut comp = json!({
            "type": "library",
            "bom-ref": c.purl,
            "name": p.name,
            "version": p.version,
            "purl": c.purl,
        });
        match p.scope {
            Scope::Runtime => comp["scope"] = json!("required"),
            Scope::Dev => comp["scope"] = json!("excluded"),
            Scope::Unknown => {}
        }
        let hs: Vec<Value> = hashes(p, false)
            .into_iter()
            .map(|(alg, content)| json!({"alg": alg, "content": content}))
            .collect();
        if !hs.is_empty() {
            comp["hashes"] = json!(hs);
        }
        if let Some(l) = p.license.as_deref().and_then(spdx_expression) {
            comp["licenses"] = json!([{"expression": l}]);
        }
        let mut props =
            vec![json!({"name": "palisade:ecosystem", "value": p.ecosystem.osv_name()})];
        props.push(
            json!({"name": "palisade:direct", "value": if c.direct { "true" } else { "false" }}),
        );
        for f in &c.found_in {
            props.push(json!({"name": "palisade:lockfile", "value": f}));
        }
        let (level, eos) = support_of(meta, &p.name);
        if let Some(l) = level {
            props.push(json!({"name": "fda:support-level", "value": l}));
        }
        if let Some(d) = eos {
            props.push(json!({"name": "fda:end-of-support", "value": d}));
        }
        comp["properties"] = json!(props);
        components.push(comp);
        dependencies.push(json!({"ref": c.purl, "dependsOn": c.deps.iter().filter(|d| comps.contains_key(*d)).collect::<Vec<_>>()}));
    }
    dependencies.insert(
        0,
        json!({"ref": root_ref, "dependsOn": roots.iter().collect::<Vec<_>>()}),
    );
    let mut root = json!({"type": "application", "bom-ref": root_ref, "name": meta.name});
    if let Some(v) = &meta.version {
        root["version"] = json!(v);
    }
    let mut metadata = json!({
        "timestamp": meta.timestamp,
        "lifecycles": [{"phase": "build"}],
        "tools": {"components": [{"type": "application", "name": "palisade", "version": meta.tool_version}]},
        "component": root,
    });
    if let Some(s) = &meta.supplier {
        metadata["supplier"] = json!({"name": s});
        metadata["component"]["supplier"] = json!({"name": s});
    }
    json!({
        "$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": format!("urn:uuid:{}", uuid_from(id)),
        "version": 1,
        "metadata": metadata,
        "components": components,
        "dependencies": dependencies,
    })
}

fn spdx_id(n: usize) -> String {
    format!("SPDXRef-Package-{n}")
}

fn spdx(
    comps: &BTreeMap<String, Component<'_>>,
    roots: &BTreeSet<String>,
    meta: &SbomMeta,
    id: &str,
) -> Value {
    let ids: BTreeMap<&str, String> = comps
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), spdx_id(i + 1)))
        .collect();
    let mut packages = Vec::new();
    let mut relationships = vec![json!({
        "spdxElementId": "SPDXRef-DOCUMENT",
        "relationshipType": "DESCRIBES",
        "relatedSpdxElement": "SPDXRef-Root",
    })];
    let supplier = meta.supplier.as_ref().map_or_else(
        || "NOASSERTION".to_owned(),
        |s| format!("Organization: {s}"),
    );
    let mut root = json!({
        "SPDXID": "SPDXRef-Root",
        "name": meta.name,
        "downloadLocation": "NOASSERTION",
        "filesAnalyzed": false,
        "licenseConcluded": "NOASSERTION",
        "licenseDeclared": "NOASSERTION",
        "copyrightText": "NOASSERTION",
        "supplier": supplier,
        "primaryPackagePurpose": "APPLICATION",
    });
    if let Some(v) = &meta.version {
        root["versionInfo"] = json!(v);
    }
    packages.push(root);
    for (purl, c) in comps {
        let p = c.pkg;
        let sid = &ids[purl.as_str()];
        let mut pkg = json!({
            "SPDXID": sid,
            "name": p.name,
            "versionInfo": p.version,
            "downloadLocation": "NOASSERTION",
            "filesAnalyzed": false,
            "licenseConcluded": "NOASSERTION",
            "licenseDeclared": p.license.as_deref().and_then(spdx_expression).unwrap_or("NOASSERTION"),
            "copyrightText": "NOASSERTION",
            "supplier": "NOASSERTION",
            "primaryPackagePurpose": "LIBRARY",
            "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": purl}],
        });
        let cs: Vec<Value> = hashes(p, true)
            .into_iter()
            .map(|(alg, v)| json!({"algorithm": alg, "checksumValue": v}))
            .collect();
        if !cs.is_empty() {
            pkg["checksums"] = json!(cs);
        }
        let (level, eos) = support_of(meta, &p.name);
        let mut notes = Vec::new();
        if let Some(l) = level {
            notes.push(format!("support level: {l}"));
        }
        if let Some(d) = eos {
            notes.push(format!("end of support: {d}"));
            pkg["validUntilDate"] = json!(format!("{d}T00:00:00Z"));
        }
        if !notes.is_empty() {
            pkg["comment"] = json!(notes.join("; "));
        }
        packages.push(pkg);
        for d in &c.deps {
            if let Some(did) = ids.get(d.as_str()) {
                relationships.push(json!({"spdxElementId": sid, "relationshipType": "DEPENDS_ON", "relatedSpdxElement": did}));
            }
        }
        if p.scope == Scope::Dev {
            relationships.push(json!({"spdxElementId": sid, "relationshipType": "DEV_DEPENDENCY_OF", "relatedSpdxElement": "SPDXRef-Root"}));
        }
    }
    for r in roots {
        if let Some(rid) = ids.get(r.as_str()) {
            relationships.push(json!({"spdxElementId": "SPDXRef-Root", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": rid}));
        }
    }
    let mut creators = vec![format!("Tool: palisade-{}", meta.tool_version)];
    if let Some(s) = &meta.supplier {
        creators.push(format!("Organization: {s}"));
    }
    json!({
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": format!("{}-sbom", meta.name),
        "documentNamespace": format!("https://spdx.org/spdxdocs/palisade/{}-{}", sanitize(&meta.name), uuid_from(id)),
        "creationInfo": {"created": meta.timestamp, "creators": creators},
        "packages": packages,
        "relationships": relationships,
    })
}

/// A name safe in a URI path segment.
fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect()
}
