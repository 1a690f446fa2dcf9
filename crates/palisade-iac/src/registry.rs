//! The built-in checks, embedded in the binary: one `check!` line each in
//! `registry_list.rs`. A test compares that list with the files under `rules/`, so a check
//! that is not registered, or lacks its fixtures, fails the tests.

use std::sync::OnceLock;

use palisade_core::docs::RuleDoc;
use palisade_policy::PolicyError;
use palisade_policy::checks::CheckSet;

/// One registered check and its fixtures.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Input kind (`kubernetes`).
    pub input: &'static str,
    /// File stem (`k8s_privileged_container`).
    pub slug: &'static str,
    /// Fixture extension (`yaml`, `tf`, `Dockerfile`).
    pub ext: &'static str,
    /// The Rego source.
    pub rego: &'static str,
    /// Positive fixture: every line marked `# expect: <id>` must be reported, nothing else.
    pub bad: &'static str,
    /// Negative fixture: must produce no finding of this check.
    pub good: &'static str,
}

macro_rules! lib {
    ($name:literal) => {
        (
            concat!("crates/palisade-iac/rules/lib/", $name, ".rego"),
            include_str!(concat!("../rules/lib/", $name, ".rego")),
        )
    };
}

macro_rules! check {
    ($input:literal, $slug:literal, $ext:literal) => {
        Entry {
            input: $input,
            slug: $slug,
            ext: $ext,
            rego: include_str!(concat!("../rules/", $input, "/", $slug, ".rego")),
            bad: include_str!(concat!("../rules/", $input, "/", $slug, ".bad.", $ext)),
            good: include_str!(concat!("../rules/", $input, "/", $slug, ".good.", $ext)),
        }
    };
}

include!("registry_list.rs");

/// The path a check is recorded under.
pub fn path_of(e: &Entry) -> String {
    format!("crates/palisade-iac/rules/{}/{}.rego", e.input, e.slug)
}

/// Every registered check.
pub fn entries() -> &'static [Entry] {
    CHECKS
}

/// The library files.
pub fn libs() -> &'static [(&'static str, &'static str)] {
    LIBS
}

/// The compiled check set (compiled once per process).
pub fn check_set() -> Result<&'static CheckSet, PolicyError> {
    static SET: OnceLock<Result<CheckSet, String>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        let paths: Vec<String> = CHECKS.iter().map(path_of).collect();
        let checks: Vec<(&str, &str)> = CHECKS
            .iter()
            .zip(&paths)
            .map(|(e, p)| (p.as_str(), e.rego))
            .collect();
        CheckSet::load(LIBS, &checks).map_err(|e| e.to_string())
    });
    set.as_ref()
        .map_err(|e| PolicyError::Eval(format!("built-in checks do not compile: {e}")))
}

/// Fixture text without its `expect` annotations, for documentation.
fn clean(fixture: &str) -> String {
    let mut out = String::new();
    for l in fixture.lines() {
        let t = l.trim_start();
        if t.starts_with("# expect:") {
            continue;
        }
        let line = match l.find(" # expect:") {
            Some(i) => &l[..i],
            None => l,
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim().to_owned()
}

/// Documentation of every check.
pub fn docs() -> Vec<RuleDoc> {
    let Ok(set) = check_set() else {
        return Vec::new();
    };
    set.checks()
        .iter()
        .zip(CHECKS)
        .map(|(c, e)| {
            let kind = match c.input.as_str() {
                "terraform" => "Terraform configurations and plans",
                "cloudformation" => "CloudFormation templates",
                "kubernetes" => "Kubernetes manifests",
                "dockerfile" => "Dockerfiles",
                "compose" => "Docker Compose files",
                "github-actions" => "GitHub Actions workflows and actions",
                "gitlab-ci" => "GitLab CI configurations",
                other => other,
            };
            let mut what = format!(
                "Checks {kind} for this problem: {}. The finding points at the line of the attribute involved (or of the block that lacks it).",
                c.meta.title.to_lowercase()
            );
            if !c.benchmark.is_empty() {
                what.push_str("\n\nBenchmarks: ");
                what.push_str(&c.benchmark.join("; "));
                what.push('.');
            }
            RuleDoc::new(
                c.meta.clone(),
                what,
                vec![clean(e.bad)],
                vec![clean(e.good)],
                path_of(e),
                "0.1.0".to_owned(),
            )
        })
        .collect()
}
