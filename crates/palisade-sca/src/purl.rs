//! Package URLs (<https://github.com/package-url/purl-spec>).

use std::fmt::Write as _;

use crate::version::Ecosystem;

/// Percent-encodes everything but the unreserved characters (and `:` in names, which the
/// specification leaves alone).
fn enc(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~') || keep.contains(&b)
        {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The purl of a package: `pkg:type/namespace/name@version`.
pub fn purl(eco: Ecosystem, name: &str, version: &str) -> String {
    let ty = eco.purl_type();
    let (namespace, name) = match eco {
        // `@scope/name`: the scope is the namespace, with its `@` encoded.
        Ecosystem::Npm => match name.split_once('/') {
            Some((scope, n)) if scope.starts_with('@') => (Some(scope.to_owned()), n.to_owned()),
            _ => (None, name.to_owned()),
        },
        Ecosystem::Maven => match name.split_once(':') {
            Some((g, a)) => (Some(g.to_owned()), a.to_owned()),
            None => (None, name.to_owned()),
        },
        Ecosystem::Packagist => match name.split_once('/') {
            Some((v, n)) => (Some(v.to_lowercase()), n.to_lowercase()),
            None => (None, name.to_lowercase()),
        },
        // A Go module path: everything before the last segment is the namespace.
        Ecosystem::Go => match name.rsplit_once('/') {
            Some((ns, n)) => (Some(ns.to_owned()), n.to_owned()),
            None => (None, name.to_owned()),
        },
        // PyPI names are normalised: lower case, runs of `-_.` become `-`.
        Ecosystem::PyPi => (None, crate::parse::pep503(name)),
        _ => (None, name.to_owned()),
    };
    let mut out = format!("pkg:{ty}/");
    if let Some(ns) = namespace {
        let segs: Vec<String> = ns.split('/').map(|s| enc(s, b"")).collect();
        out.push_str(&segs.join("/"));
        out.push('/');
    }
    out.push_str(&enc(&name, b""));
    if !version.is_empty() {
        out.push('@');
        out.push_str(&enc(version, b""));
    }
    out
}
