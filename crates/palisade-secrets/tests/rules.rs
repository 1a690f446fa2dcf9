//! The rule harness (one binary, `harness = false`):
//! 1. every rule file compiles and the registry invariants hold;
//! 2. every rule's `examples` yield exactly one finding of that rule and nothing else (with
//!    its `public_id` when the rule has a `public` group), and its `negative_examples` yield
//!    no finding of that rule;
//! 3. every annotated fixture under `tests/fixtures/` yields exactly the findings its
//!    `expect: rule-id` comments name, on those lines, and nothing on other lines.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use palisade_core::docs::{REQUIRED_HEADINGS, render};
use palisade_secrets::rule::{Matcher, Rule};
use palisade_secrets::{Engine, EngineOptions, FileInfo, builtin_rules};

const MIN_RULES: usize = 120;
const BANNED_PREFIXES: &[&str] = &["avoid-", "no-", "use-", "prefer-"];

fn main() -> ExitCode {
    let mut failures: Vec<String> = Vec::new();
    let rules = match builtin_rules() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rule files do not compile: {e}");
            return ExitCode::FAILURE;
        }
    };
    check_registry(&rules, &mut failures);
    let engine = Engine::new(rules.clone(), &EngineOptions::default());
    let mut checked = 0usize;
    for rule in &rules {
        checked += check_examples(&engine, rule, &mut failures);
    }
    let fixtures = check_fixtures(&engine, &mut failures);

    if failures.is_empty() {
        println!(
            "rules harness: {} rules, {checked} examples, {fixtures} fixture files",
            rules.len()
        );
        println!("rules: {} passed, 0 failed", checked + fixtures);
        ExitCode::SUCCESS
    } else {
        for f in &failures {
            eprintln!("FAIL {f}");
        }
        eprintln!("rules harness: {} failures", failures.len());
        println!(
            "rules: {} passed, {} failed",
            (checked + fixtures).saturating_sub(failures.len()),
            failures.len()
        );
        ExitCode::FAILURE
    }
}

fn check_registry(rules: &[Rule], failures: &mut Vec<String>) {
    if rules.len() < MIN_RULES {
        failures.push(format!(
            "only {} rules; the secrets scanner promises at least {MIN_RULES}",
            rules.len()
        ));
    }
    for r in rules {
        let id = &r.meta.id;
        if BANNED_PREFIXES.iter().any(|p| id.starts_with(p)) {
            failures.push(format!("{id}: banned id prefix"));
        }
        if r.meta.cwe.is_empty() {
            failures.push(format!("{id}: no CWE"));
        }
        let page = render(&r.doc());
        for h in REQUIRED_HEADINGS {
            if !page.contains(h) {
                failures.push(format!("{id}: docs page lacks heading `{h}`"));
            }
        }
    }
    // Snapshot of the full id list, so every added or removed rule shows in review.
    let ids: Vec<String> = rules
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.meta.id, r.meta.severity, r.meta.confidence, r.file
            )
        })
        .collect();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rule-ids.txt");
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    let actual = ids.join("\n") + "\n";
    if expected != actual {
        #[allow(clippy::disallowed_methods)]
        let update = std::env::var_os("PALISADE_UPDATE").is_some();
        if update {
            let _ = std::fs::write(&path, &actual);
        } else {
            failures.push(format!(
                "{} is out of date: the rule list changed; rerun with PALISADE_UPDATE=1 and review the diff",
                path.display()
            ));
        }
    }
}

fn scan(engine: &Engine, text: &str, rel: &str) -> Vec<palisade_core::Finding> {
    let info = FileInfo {
        rel,
        test_like: false,
        lockfile: false,
        docs: false,
    };
    engine.scan_bytes(text.as_bytes(), info).findings
}

/// Path rules take their examples as file paths; content rules as file contents.
fn scan_example(engine: &Engine, is_path: bool, ex: &str) -> Vec<palisade_core::Finding> {
    if is_path {
        scan(engine, "", ex)
    } else {
        scan(engine, ex, "example.txt")
    }
}

fn check_examples(engine: &Engine, rule: &Rule, failures: &mut Vec<String>) -> usize {
    let id = &rule.meta.id;
    let is_path = matches!(rule.matcher, Matcher::Path(_));
    let mut n = 0;
    for ex in &rule.examples {
        n += 1;
        let found = scan_example(engine, is_path, ex);
        let mine = found.iter().filter(|f| &f.rule_id == id).count();
        let others: Vec<&str> = found
            .iter()
            .filter(|f| &f.rule_id != id)
            .map(|f| f.rule_id.as_str())
            .collect();
        if mine != 1 {
            failures.push(format!(
                "{id} ({}:{}): example yields {mine} findings of this rule, expected 1: {ex}",
                rule.file, rule.line
            ));
        }
        if !others.is_empty() {
            failures.push(format!(
                "{id} ({}:{}): example also triggers {others:?}: {ex}",
                rule.file, rule.line
            ));
        }
        // A rule with a `public` group shows that part of every example, and it is text of
        // the example (never derived from the secret part).
        if let Matcher::Content {
            public_group: Some(_),
            ..
        } = &rule.matcher
        {
            for f in found.iter().filter(|f| &f.rule_id == id) {
                let public = f.properties.get("public_id").and_then(|v| v.as_str());
                if !public.is_some_and(|p| !p.is_empty() && ex.contains(p)) {
                    failures.push(format!(
                        "{id} ({}:{}): example has no public_id from its `public` group: {ex}",
                        rule.file, rule.line
                    ));
                }
            }
        }
    }
    for ex in &rule.negative_examples {
        n += 1;
        let found = scan_example(engine, is_path, ex);
        if found.iter().any(|f| &f.rule_id == id) {
            failures.push(format!(
                "{id} ({}:{}): negative example is reported: {ex}",
                rule.file, rule.line
            ));
        }
    }
    n
}

/// Fixture files: `expect: rule-id[, rule-id]` in a comment on the line of the secret.
fn check_fixtures(engine: &Engine, failures: &mut Vec<String>) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    for path in &files {
        let rel = path
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut expected: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            if let Some(pos) = line.find("expect: ") {
                let ids = line[pos + 8..]
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .map(|s| s.trim_end_matches(['*', '/', '>', '-']).to_owned())
                    .filter(|s| !s.is_empty() && s.contains('-'))
                    .collect();
                expected.insert(i as u32 + 1, ids);
            }
        }
        // Scan as a non-test path so every rule runs.
        let info = FileInfo {
            rel: "src/fixture",
            test_like: false,
            lockfile: false,
            docs: false,
        };
        let res = engine.scan_bytes(text.as_bytes(), info);
        let mut actual: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for f in &res.findings {
            actual
                .entry(f.location.start_line)
                .or_default()
                .push(f.rule_id.clone());
        }
        for v in expected.values_mut().chain(actual.values_mut()) {
            v.sort();
        }
        if expected != actual {
            let lines: std::collections::BTreeSet<u32> =
                expected.keys().chain(actual.keys()).copied().collect();
            for l in lines {
                let e = expected.get(&l).cloned().unwrap_or_default();
                let a = actual.get(&l).cloned().unwrap_or_default();
                if e != a {
                    failures.push(format!("fixture {rel}:{l}: expected {e:?}, found {a:?}"));
                }
            }
        }
    }
    files.len()
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}
