//! End-to-end tests of the `palisade` binary (one test binary, modules per area).
#![allow(clippy::unwrap_used, clippy::print_stderr, clippy::disallowed_methods)]

mod ci_templates;
mod demo;
mod docs;
mod files;
mod gate;
mod git;
mod history;
mod hostile;
mod logs;
mod outputs;
mod policy;
mod precommit;
mod project;
mod sast;
mod sbom;
mod suppressions;
mod trace;
mod usage;
mod version;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .canonicalize()
        .unwrap()
}

pub(crate) fn demo_dir() -> PathBuf {
    workspace_root().join("demo")
}

pub(crate) fn palisade(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(args)
        .current_dir(cwd)
        .env_remove("PALISADE_LOG")
        .env("NO_COLOR", "1")
        // Never the developer's own vulnerability database: tests that need one pass --db.
        .env(
            "PALISADE_DB",
            "/nonexistent/palisade-tests/advisories.sqlite",
        )
        .output()
        .unwrap()
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Shared test data (schemas); `None` with a printed notice when absent.
pub(crate) fn shared_data() -> Option<PathBuf> {
    let dir = std::env::var_os("PALISADE_SHARED_DATA")
        .map_or_else(|| workspace_root().join("../shared/data"), PathBuf::from);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: shared data not found at {}", dir.display());
        None
    }
}

/// Validate `value` against the JSON schema at `schema_path`; returns the errors.
pub(crate) fn schema_errors(
    schema_path: &Path,
    draft: jsonschema::Draft,
    value: &serde_json::Value,
) -> Vec<String> {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::options()
        .with_draft(draft)
        .build(&schema)
        .unwrap();
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

/// Like [`schema_errors`], with the schemas `extra` (URI, file) registered for `$ref`s
/// (CycloneDX refers to its SPDX licence list and JSF schemas by URL).
pub(crate) fn schema_errors_with(
    schema_path: &Path,
    extra: &[(&str, PathBuf)],
    value: &serde_json::Value,
) -> Vec<String> {
    let load = |p: &Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    let schema = load(schema_path);
    let mut opts = jsonschema::options();
    for (uri, path) in extra {
        opts.with_resource(
            *uri,
            jsonschema::Resource::from_contents(load(path)).unwrap(),
        );
    }
    let validator = opts.build(&schema).unwrap();
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

/// Redact run-dependent values in JSON/SARIF output.
pub(crate) fn redact_json(mut v: serde_json::Value) -> serde_json::Value {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, val) in m.iter_mut() {
                    if matches!(k.as_str(), "started_at" | "duration_ms") {
                        *val = serde_json::Value::String("[redacted]".into());
                    } else if k == "semanticVersion"
                        || (k == "version" && val.as_str() == Some(env!("CARGO_PKG_VERSION")))
                    {
                        *val = serde_json::Value::String("[version]".into());
                    } else {
                        walk(val);
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            // Documentation links name this release (`.../blob/v0.1.0/docs/...`).
            serde_json::Value::String(s) => {
                let versioned = concat!("/blob/v", env!("CARGO_PKG_VERSION"), "/");
                if s.contains(versioned) {
                    *s = s.replace(versioned, "/blob/v[version]/");
                }
            }
            _ => {}
        }
    }
    walk(&mut v);
    v
}

/// Stages everything and commits it.
pub(crate) fn commit_all(d: &Path, msg: &str) {
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", msg]);
}

/// 2,000 pseudo-random lines over a 16-letter alphabet (about 122 KB): deflate codes them
/// with Huffman blocks, so a loose object cut in half keeps a readable header but no
/// readable content.
pub(crate) fn incompressible_text() -> String {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut big = String::new();
    for _ in 0..2000 {
        for _ in 0..60 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            big.push(char::from(b'a' + (x % 16) as u8));
        }
        big.push('\n');
    }
    big
}

pub(crate) fn git(dir: &Path, args: &[&str]) {
    let st = Command::new("git")
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Ada Lovelace")
        .env("GIT_AUTHOR_EMAIL", "ada@example.org")
        .env("GIT_COMMITTER_NAME", "Ada Lovelace")
        .env("GIT_COMMITTER_EMAIL", "ada@example.org")
        .env("GIT_AUTHOR_DATE", "2024-03-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2024-03-01T12:00:00Z")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .status()
        .unwrap();
    assert!(st.success(), "git {args:?} failed");
}
