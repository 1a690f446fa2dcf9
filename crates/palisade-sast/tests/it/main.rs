//! palisade-sast: the rule harness (every rule's annotated fixture) and the engine.

use std::collections::BTreeSet;
use std::time::Duration;

use palisade_sast::fixture::annotations;
use palisade_sast::{Lang, Rule, SastOptions, SastScanner, builtin};

fn scanner() -> SastScanner {
    SastScanner::new(&SastOptions::default()).expect("built-in rules load")
}

/// Every rule has a fixture with at least one line it must report and one it must not; each
/// fixture, scanned with every rule of its language, reports exactly the annotated lines.
#[test]
fn every_rule_fixture_reports_exactly_its_annotated_lines() {
    let rules = builtin().expect("built-in rules load");
    assert!(!rules.is_empty());
    let s = scanner();
    let mut fixtures: BTreeSet<(String, String)> = BTreeSet::new();
    let mut failures = Vec::new();
    for r in &rules {
        let Some((path, text)) = &r.fixture else {
            failures.push(format!("{}: no fixture beside {}", r.meta.id, r.source));
            continue;
        };
        let ann = annotations(text, r.lang);
        let mine: Vec<_> = ann.iter().filter(|a| a.rule == r.meta.id).collect();
        if !mine.iter().any(|a| a.expected) || !mine.iter().any(|a| !a.expected) {
            failures.push(format!(
                "{path}: needs at least one `ruleid: {0}` and one `ok: {0}` line",
                r.meta.id
            ));
        }
        for a in &ann {
            if rules.iter().all(|o| o.meta.id != a.rule) {
                failures.push(format!("{path}:{}: names unknown rule {}", a.line, a.rule));
            }
        }
        fixtures.insert((path.clone(), text.clone()));
    }
    for (path, text) in &fixtures {
        let lang = palisade_sast::Lang::from_path(path).expect("fixture language");
        let expected: BTreeSet<(String, u32)> = annotations(text, lang)
            .into_iter()
            .filter(|a| a.expected)
            .map(|a| (a.rule, a.target))
            .collect();
        let (findings, _) = s.scan_text(path, text);
        let actual: BTreeSet<(String, u32)> = findings
            .iter()
            .map(|f| (f.rule_id.clone(), f.location.start_line))
            .collect();
        for (rule, line) in expected.difference(&actual) {
            failures.push(format!(
                "{path}:{line}: {rule} did not report (missing finding)"
            ));
        }
        for (rule, line) in actual.difference(&expected) {
            failures.push(format!(
                "{path}:{line}: {rule} reported an unannotated line (extra finding)"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_carries_the_metadata_the_docs_need() {
    for r in builtin().expect("rules") {
        let m = &r.meta;
        assert!(!m.title.is_empty() && !m.description.is_empty() && !m.remediation.is_empty());
        assert!(!m.cwe.is_empty(), "{}", m.id);
        let prefix = match r.lang {
            palisade_sast::Lang::Python => "py-",
            palisade_sast::Lang::JavaScript => "js-",
            palisade_sast::Lang::TypeScript | palisade_sast::Lang::Tsx => "ts-",
            palisade_sast::Lang::C => "c-",
            palisade_sast::Lang::Cpp => "cpp-",
            palisade_sast::Lang::Java => "java-",
            palisade_sast::Lang::Go => "go-",
            palisade_sast::Lang::CSharp => "cs-",
            palisade_sast::Lang::Ruby => "rb-",
            palisade_sast::Lang::Php => "php-",
            palisade_sast::Lang::Rust => "rs-",
        };
        assert!(
            m.id.starts_with(prefix),
            "{} should start with {prefix}",
            m.id
        );
        assert!(
            r.source.ends_with(&format!("/{}.yaml", m.id)),
            "{} is defined in {}",
            m.id,
            r.source
        );
        // Every metavariable the message names is one the rule's matchers bind.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let yaml = std::fs::read_to_string(root.join(&r.source)).expect("rule file");
        let body = yaml
            .split_once("\nmatch:")
            .or_else(|| yaml.split_once("\nsinks:"))
            .or_else(|| yaml.split_once("\nsources:"))
            .map_or("", |(_, b)| b);
        for var in r.message.split('$').skip(1) {
            let name: String = var
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                assert!(
                    body.contains(&format!("${name}")),
                    "{}: message names ${name}, which no matcher binds",
                    m.id
                );
            }
        }
        if r.lang == palisade_sast::Lang::C {
            assert!(
                !r.standards.is_empty(),
                "{} names no CERT C or MISRA rule",
                m.id
            );
        } else {
            assert!(r.owasp.is_some(), "{} names no OWASP category", m.id);
        }
    }
}

fn custom(yaml: &str) -> Result<Vec<Rule>, palisade_sast::RuleError> {
    palisade_sast::rule::load("custom.yaml", yaml)
}

const HEAD: &str = "id: t-rule\nlanguage: python\ntitle: T\nseverity: low\ncwe: CWE-1\nmessage: m\ndescription: d\nremediation: r\n";

#[test]
fn a_rule_that_does_not_load_names_file_and_line() {
    let e = custom(&format!("{HEAD}match:\n  pattern: foo(\n")).expect_err("must fail");
    assert_eq!((e.file.as_str(), e.line), ("custom.yaml", 10), "{e}");
    assert!(e.message.contains("does not parse as python"), "{e}");
    let e = custom(&format!("{HEAD}match:\n  patern: foo()\n")).expect_err("must fail");
    assert_eq!(e.line, 10, "{e}");
    assert!(e.message.contains("unknown matcher `patern`"), "{e}");
    let e = custom(&format!(
        "{HEAD}match: foo()\nwhere:\n  - metavariable: X\n    regex: a\n"
    ))
    .expect_err("must fail");
    assert!(e.message.contains("not a metavariable"), "{e}");
    let e = custom(&format!("{HEAD}match:\n  kind: no_such_kind\n")).expect_err("must fail");
    assert!(e.message.contains("not a node kind of python"), "{e}");
    let e = custom("id: Bad_Id\nlanguage: python\n").expect_err("must fail");
    assert!(e.message.contains("kebab-case"), "{e}");
    let e = custom("rules: [1, 2]\n").expect_err("must fail");
    assert_eq!(e.line, 1);
    let e = custom(&format!("{HEAD}match:\n  not: foo()\n")).expect_err("must fail");
    assert!(e.message.contains("positive"), "{e}");
    let e = custom(&format!(
        "{HEAD}match:\n  kind: call\n  has:\n    field: nope\n    kind: identifier\n"
    ))
    .expect_err("must fail");
    assert!(e.message.contains("`nope` is not a field of python"), "{e}");
    let taint = HEAD.replace("message: m", "message: $CMD runs")
        + "mode: taint\nsources: [\"@web-request\"]\nsinks: [\"os.system($CMD)\"]\n";
    let e = custom(&taint).expect_err("must fail");
    assert_eq!(e.line, 6, "{e}");
    assert!(e.message.contains("cannot name metavariables"), "{e}");
}

#[test]
fn regexes_are_checked_at_load_and_compiled_for_custom_rules() {
    // Every built-in regex compiles (they are otherwise compiled when first used).
    for r in builtin().expect("rules") {
        r.compile_regexes().expect("built-in regexes compile");
    }
    // A syntax error names the regex's line.
    let e = custom(&format!("{HEAD}match:\n  regex: \"a(\"\n")).expect_err("must fail");
    assert_eq!(e.line, 10, "{e}");
    assert!(e.message.contains("`regex` is not a valid regex"), "{e}");
    // A regex over the size limit loads lazily from `load`, and is refused by the folder
    // loader that custom rules come through.
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = format!("{HEAD}match:\n  regex: \"\\\\w{{1000}}\\\\w{{1000}}\"\n");
    std::fs::write(dir.path().join("big.yaml"), &huge).expect("write");
    let e = palisade_sast::scanner::load_dirs(&[dir.path().to_path_buf()])
        .expect_err("over the size limit");
    assert!(e.message.contains("does not compile"), "{e}");
    assert!(e.file.ends_with("big.yaml"), "{e}");
    assert_eq!(e.line, 1, "{e}");
}

fn run(yaml: &str, path: &str, code: &str) -> Vec<(u32, String)> {
    let rules = custom(yaml).expect("rule loads");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("r.yaml"), yaml).expect("write");
    let _ = rules;
    let s = SastScanner::new(&SastOptions {
        rule_dirs: vec![dir.path().to_path_buf()],
        ..SastOptions::default()
    })
    .expect("scanner");
    let (findings, _) = s.scan_text(path, code);
    findings
        .into_iter()
        .filter(|f| f.rule_id == "t-rule")
        .map(|f| (f.location.start_line, f.message))
        .collect()
}

#[test]
fn metavariables_bind_across_relations_and_fill_the_message() {
    let yaml = HEAD.replace("message: m", "message: \"$V from $SRC reaches open\"")
        + "match:\n  pattern: open($V)\n  inside:\n    kind: function_definition\n    has:\n      pattern: $V = $SRC\n";
    let code = "def f(req):\n    p = req.args\n    open(p)\n    open(q)\n\nopen(p)\n";
    assert_eq!(
        run(&yaml, "a.py", code),
        vec![(3, "p from req.args reaches open".into())]
    );
}

#[test]
fn string_literals_are_never_shown_in_messages() {
    let yaml = HEAD.replace("message: m", "message: \"password set to $P\"")
        + "match: \"password = $P\"\n";
    let got = run(&yaml, "a.py", "password = \"hunter2-secret\"\n");
    assert_eq!(got, vec![(1, "password set to <string>".into())]);
}

#[test]
fn any_not_follows_and_constraints() {
    let yaml = HEAD.to_owned()
        + "match:\n  any:\n    - pattern: $F($X)\n  not:\n    follows:\n      pattern: check($X)\nwhere:\n  - metavariable: $F\n    regex: ^(run|exec)$\n    not-regex: ^exec$\n";
    let code = "run(a)\ncheck(b)\nrun(b)\nexec(c)\nother(d)\n";
    let lines: Vec<u32> = run(&yaml, "a.py", code)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(lines, vec![1]);
}

/// A `where` that fails on the first alternative of an `any` (or of a relation) makes the
/// matcher try the next one, and the message shows the binding that passed.
#[test]
fn constraints_backtrack_into_other_alternatives() {
    let yaml = HEAD.replace("message: m", "message: \"token from $F\"")
        + "match:\n  any:\n    - pattern: $T = $F($$$A)\n    - pattern: $T = str($F($$$A))\nwhere:\n  - metavariable: $T\n    regex: token\n  - metavariable: $F\n    regex: ^random\\.\n";
    // Line 2: the first branch binds F to `str` and fails; the second binds it to
    // `random.random` and passes. Line 3: no branch passes.
    let code = "token = random.random()\ntoken = str(random.random())\ntoken = str(secrets.token_hex())\nname = random.random()\n";
    assert_eq!(
        run(&yaml, "a.py", code),
        vec![
            (1, "token from random.random".into()),
            (2, "token from random.random".into())
        ]
    );
    // `has` with a constraint: the first call inside does not pass, the second does.
    let yaml = HEAD.replace("message: m", "message: \"calls $F\"")
        + "match:\n  kind: function_definition\n  has:\n    pattern: $F($$$A)\nwhere:\n  - metavariable: $F\n    regex: ^eval$\n";
    let code = "def f(x):\n    print(x)\n    eval(x)\n\ndef g(x):\n    print(x)\n";
    assert_eq!(run(&yaml, "a.py", code), vec![(1, "calls eval".into())]);
}

/// `(?i)k` also matches the Kelvin sign and `(?i)s` the long s (and Python reads
/// `API_\u{212A}EY` as `API_KEY`): the word prefilter, which searches ignoring ASCII case,
/// must not skip a file or a node that spells a word with them.
#[test]
fn case_insensitive_words_spelled_with_non_ascii_folds_are_not_skipped() {
    let yaml = HEAD.replace("message: m", "message: \"$T set\"")
        + "match:\n  pattern: $T = $V\nwhere:\n  - metavariable: $T\n    regex: (?i)^(api_key|secret)$\n";
    for (code, name) in [
        ("API_KEY = v\n", "API_KEY"),
        ("API_\u{212A}EY = v\n", "API_\u{212A}EY"),
        ("\u{17F}ecret = v\n", "\u{17F}ecret"),
    ] {
        assert_eq!(
            run(&yaml, "a.py", code),
            vec![(1, format!("{name} set"))],
            "{code}"
        );
    }
    assert_eq!(run(&yaml, "a.py", "api_hey = v\n"), vec![]);
    // Only subtrees holding a needed word are walked: a match deep inside one is found,
    // with the Kelvin sign elsewhere in the file too.
    let nested = "class A:\n    def f(self):\n        if x:\n            secret = v\n\ndef g():\n    return 1\n";
    assert_eq!(run(&yaml, "a.py", nested), vec![(4, "secret set".into())]);
    let both = format!("{nested}\u{212A} = 1\n");
    assert_eq!(run(&yaml, "a.py", &both), vec![(4, "secret set".into())]);
    // The built-in hard-coded credential rule, the same way.
    let s = scanner();
    for code in [
        "API_KEY = \"hunter2hunter2xyz\"\n",
        "API_\u{212A}EY = \"hunter2hunter2xyz\"\n",
        "PA\u{17F}\u{17F}WORD = \"hunter2hunter2xyz\"\n",
    ] {
        let (findings, _) = s.scan_text("a.py", code);
        assert!(
            findings
                .iter()
                .any(|f| f.rule_id == "py-hardcoded-credential"),
            "{code}: {findings:?}"
        );
    }
}

#[test]
fn a_file_that_does_not_parse_is_analysed_as_far_as_it_goes_and_says_so() {
    let s = scanner();
    let code = "import subprocess\nsubprocess.run(cmd, shell=True)\ndef broken(:\n";
    let (findings, diags) = s.scan_text("x.py", code);
    assert!(findings.iter().any(|f| f.rule_id == "py-subprocess-shell"));
    let d = diags
        .iter()
        .find(|d| d.code == "sast-syntax-error")
        .expect("syntax diagnostic");
    assert_eq!(d.line, Some(3));
}

#[test]
fn a_spent_time_budget_reports_a_partial_analysis() {
    let rules = builtin().expect("rules");
    let pairs: Vec<_> = rules
        .iter()
        .filter(|r| r.lang == Lang::Python)
        .map(|r| (r, r.check().expect("compiles")))
        .collect();
    // A file a rule can match (`subprocess.run(.., shell=True)`): it is parsed and walked
    // (each line names `subprocess`, so no subtree is left out of the walk).
    let code = "import subprocess\n".to_owned()
        + &"x = subprocess.check(y)\n".repeat(3000)
        + "subprocess.run(x, shell=True)\n";
    let plan = palisade_sast::engine::Plan::new(Lang::Python, &pairs);
    let walked = palisade_sast::engine::analyse_with(
        &code,
        Lang::Python,
        &pairs,
        &plan,
        Duration::ZERO,
        false,
    );
    let line = walked.stopped_at.expect("the walk stopped");
    assert!(line > 1 && line < 3000, "{line}");
    // Through the scanner, a zero budget already stops the parser: nothing was analysed,
    // and the file is named.
    let s = SastScanner::new(&SastOptions {
        budget: Duration::ZERO,
        ..SastOptions::default()
    })
    .expect("scanner");
    let (_, diags) = s.scan_text("x.py", &code);
    let d = diags
        .iter()
        .find(|d| d.code == "sast-partial")
        .expect("partial");
    assert!(
        d.message.contains("parsing it took longer"),
        "{}",
        d.message
    );
    assert_eq!(d.path.as_deref(), Some("x.py"));
}

#[test]
fn files_over_the_size_cap_are_reported_not_parsed() {
    let s = SastScanner::new(&SastOptions {
        max_file_size: 1024,
        ..SastOptions::default()
    })
    .expect("scanner");
    let code =
        "import subprocess\nsubprocess.run(c, shell=True)\n".to_owned() + &"x = 1\n".repeat(400);
    let (findings, diags) = s.scan_text("x.py", &code);
    assert!(findings.is_empty());
    let d = diags
        .iter()
        .find(|d| d.code == "sast-partial")
        .expect("partial");
    assert!(
        d.message.contains("over the SAST size cap of 1.0 KiB"),
        "{}",
        d.message
    );
    assert!(s.fixes("x.py", &code).expect("rules compile").is_empty());
}

#[test]
fn inline_suppression_with_a_reason_applies() {
    let s = scanner();
    let code = "import subprocess\n# palisade:ignore[py-subprocess-shell] fixed command, no input\nsubprocess.run(\"ls\", shell=True)\n";
    let (findings, diags) = s.scan_text("x.py", code);
    let f = findings
        .iter()
        .find(|f| f.rule_id == "py-subprocess-shell")
        .expect("finding");
    assert!(f.suppression.is_some());
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn fingerprints_survive_line_moves_and_tell_repeats_apart() {
    let s = scanner();
    let a = "import subprocess\nsubprocess.run(c, shell=True)\nsubprocess.run(c, shell=True)\n";
    let b = format!("\n\n{a}");
    let fa: Vec<String> = s
        .scan_text("x.py", a)
        .0
        .into_iter()
        .map(|f| f.fingerprint)
        .collect();
    let fb: Vec<String> = s
        .scan_text("x.py", &b)
        .0
        .into_iter()
        .map(|f| f.fingerprint)
        .collect();
    assert_eq!(fa.len(), 2);
    assert_ne!(fa[0], fa[1]);
    assert_eq!(fa, fb);
}

#[test]
fn custom_rule_ids_must_not_clash_and_disable_must_name_a_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("dup.yaml"),
        HEAD.replace("t-rule", "py-subprocess-shell") + "match: foo()\n",
    )
    .expect("write");
    let e = SastScanner::new(&SastOptions {
        rule_dirs: vec![dir.path().to_path_buf()],
        ..SastOptions::default()
    })
    .expect_err("must fail");
    assert!(e.message.contains("defined twice"), "{e}");
    let e = SastScanner::new(&SastOptions {
        disable: vec!["no-such-rule".into()],
        ..SastOptions::default()
    })
    .expect_err("must fail");
    assert!(e.message.contains("not a SAST rule"), "{e}");
}

#[test]
fn javascript_rules_run_on_typescript_and_tsx() {
    let yaml =
        HEAD.replace("language: python", "language: javascript") + "match:\n  pattern: eval($X)\n";
    let ts = "const rule: string = load() as string;\nconst f = (x: number): number => x;\neval(rule);\n";
    assert_eq!(run(&yaml, "a.ts", ts).len(), 1);
    let tsx = "export const A = (p: Props) => <div>{p.x}</div>;\neval(p.code);\n";
    assert_eq!(run(&yaml, "a.tsx", tsx).len(), 1);
    assert_eq!(run(&yaml, "a.py", "eval(x)\n").len(), 0);
}

#[test]
fn fixes_fill_in_metavariables_and_apply_without_overlaps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let yaml = HEAD.to_owned() + "match: yaml.load($X)\nfix: yaml.safe_load($X)\n";
    std::fs::write(dir.path().join("r.yaml"), &yaml).expect("write");
    let s = SastScanner::new(&SastOptions {
        rule_dirs: vec![dir.path().to_path_buf()],
        ..SastOptions::default()
    })
    .expect("scanner");
    let code = "import yaml\ncfg = yaml.load(open(p).read())\nx = yaml.load(yaml.load(s))\n";
    let fixes = s.fixes("a.py", code).expect("rules compile");
    assert_eq!(
        fixes.iter().map(|f| f.line).collect::<Vec<_>>(),
        vec![2, 3],
        "the inner match of line 3 overlaps the outer one and waits for the next run"
    );
    assert_eq!(
        palisade_sast::apply(code, &fixes),
        "import yaml\ncfg = yaml.safe_load(open(p).read())\nx = yaml.safe_load(yaml.load(s))\n"
    );
}

const TAINT_HEAD: &str = "id: t-rule\ntitle: T\nseverity: high\ncwe: CWE-78\nmessage: m\ndescription: d\nremediation: r\nmode: taint\n";

fn flows(yaml: &str, path: &str, code: &str) -> Vec<(u32, Vec<String>)> {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("r.yaml"), yaml).expect("write");
    let s = SastScanner::new(&SastOptions {
        rule_dirs: vec![dir.path().to_path_buf()],
        ..SastOptions::default()
    })
    .expect("scanner");
    s.scan_text(path, code)
        .0
        .into_iter()
        .filter(|f| f.rule_id == "t-rule")
        .map(|f| {
            (
                f.location.start_line,
                f.flow
                    .iter()
                    .map(|s| format!("{}:{}", s.line, s.message))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn taint_follows_assignments_calls_and_parameters_and_stops_at_sanitizers() {
    let yaml = format!(
        "{TAINT_HEAD}language: python\nsources: [\"@web-request\"]\nsanitizers: [\"shlex.quote($X)\"]\nsinks:\n  - os.system($X)\n  - pattern: subprocess.$F($CMD, $$$REST)\n    focus: $CMD\n"
    );
    let code = "\
import os, shlex, subprocess
from flask import request

def helper(h):
    return \"ping \" + h

def constant(h):
    return \"ping localhost\"

def run(cmd):
    os.system(cmd)

def ping():
    host = request.args.get(\"host\")
    cmd = helper(host)
    subprocess.check_output(cmd, shell=True)
    os.system(\"ping \" + shlex.quote(host))
    os.system(constant(host))
    subprocess.run([\"ping\"], input=host)
    run(cmd)
    host = \"localhost\"
    os.system(\"ping \" + host)
";
    let got = flows(&yaml, "app.py", code);
    let lines: Vec<u32> = got.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, vec![11, 16], "{got:#?}");
    assert_eq!(
        got[1].1,
        [
            "14:source: request.args",
            "14:assigned to host",
            "15:returned by helper",
            "15:assigned to cmd",
            "16:sink: subprocess.check_output(cmd, shell=True)"
        ]
    );
    assert_eq!(
        got[0].1.last().map(String::as_str),
        Some("11:sink: os.system(cmd)")
    );
    assert!(
        got[0].1.iter().any(|s| s == "10:parameter cmd of run"),
        "{:?}",
        got[0].1
    );
}

#[test]
fn taint_in_javascript_and_typescript_through_template_literals() {
    let yaml = format!(
        "{TAINT_HEAD}language: javascript\nsources: [\"@web-request\"]\nsanitizers: [\"DOMPurify.sanitize($X)\"]\nsinks:\n  - pattern: $EL.innerHTML = $V\n    focus: $V\n"
    );
    let ts = "\
export function render(el: HTMLElement): void {
  const params = new URLSearchParams(window.location.search);
  const ward = params.get(\"ward\") ?? \"all\";
  el.innerHTML = `<p>${ward}</p>`;
  el.innerHTML = DOMPurify.sanitize(`<p>${ward}</p>`);
  el.innerHTML = `<p>static</p>`;
}
";
    let got = flows(&yaml, "render.ts", ts);
    assert_eq!(
        got.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        vec![4],
        "{got:#?}"
    );
    assert_eq!(got[0].1[0], "2:source: window.location.search");
}

#[test]
fn taint_rules_are_checked_when_loaded() {
    let e = custom(&format!(
        "{TAINT_HEAD}language: python\nsinks: [\"os.system($X)\"]\n"
    ))
    .expect_err("must fail");
    assert!(e.message.contains("needs `sources`"), "{e}");
    let e = custom(&format!(
        "{TAINT_HEAD}language: python\nsources: [\"@nope\"]\nsinks: [\"os.system($X)\"]\n"
    ))
    .expect_err("must fail");
    assert!(e.message.contains("no source set `@nope`"), "{e}");
    let e = custom(&format!("{HEAD}match: foo()\nsinks: [\"os.system($X)\"]\n"))
        .expect_err("must fail");
    assert!(e.message.contains("needs `mode: taint`"), "{e}");
    let e = custom(&format!("{TAINT_HEAD}language: python\nsources: [\"@web-request\"]\nsinks:\n  - pattern: os.system($X)\n    focus: X\n")).expect_err("must fail");
    assert!(e.message.contains("`focus` names a metavariable"), "{e}");
}

#[test]
fn string_literals_reach_no_message_flow_or_fingerprint() {
    let yaml = format!(
        "{TAINT_HEAD}language: python\nsources: [\"@web-request\"]\nsinks:\n  - requests.get($$$ARGS)\n"
    );
    let code = |pw: &str| {
        format!(
            "import requests\nfrom flask import request\n\ndef f():\n    u = request.args[\"u\"]\n    requests.get(\"https://admin:{pw}@internal/\" + u)\n"
        )
    };
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("r.yaml"), &yaml).expect("write");
    let s = SastScanner::new(&SastOptions {
        rule_dirs: vec![dir.path().to_path_buf()],
        ..SastOptions::default()
    })
    .expect("scanner");
    let scan = |pw: &str| {
        s.scan_text("a.py", &code(pw))
            .0
            .into_iter()
            .find(|f| f.rule_id == "t-rule")
            .expect("flow found")
    };
    let (a, b) = (scan("hunter2-Zq9"), scan("other-pass-1"));
    let printed = serde_json::to_string(&a).expect("json");
    assert!(!printed.contains("hunter2"), "{printed}");
    assert!(
        a.flow
            .last()
            .is_some_and(|s| s.message.contains("<string>")),
        "{:?}",
        a.flow
    );
    assert_eq!(
        a.fingerprint, b.fingerprint,
        "the literal's value is not part of the fingerprint (no fast hash of a password)"
    );
}

/// Each language's grammar, pattern parsing (statements and expressions that cannot stand at
/// the top level of a file), `@web-request` sources (calls, superglobals, annotated and
/// extractor parameters) and data flow, on one handler per language; C rules run on C++.
#[test]
fn every_language_parses_its_patterns_and_follows_request_data() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/langs");
    let s = SastScanner::new(&SastOptions {
        rule_dirs: vec![dir.clone()],
        ..SastOptions::default()
    })
    .expect("rules load");
    let mut got = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("langs") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        let code = std::fs::read_to_string(&path).expect("read");
        let (findings, diags) = s.scan_text(&name, &code);
        assert!(diags.is_empty(), "{name}: {diags:?}");
        // The test's own rules, and the C rules (on C++); the built-in rules of the other
        // languages have their own fixtures.
        for f in findings
            .into_iter()
            .filter(|f| f.rule_id.starts_with("t-") || f.rule_id.starts_with("c-"))
        {
            let first = f
                .flow
                .first()
                .map(|s| s.message.clone())
                .unwrap_or_default();
            got.push(format!(
                "{name}:{} {} {first}",
                f.location.start_line, f.rule_id
            ));
        }
    }
    got.sort();
    let want = [
        "Handler.cs:3 t-cs source: [FromQuery] string cmd",
        "Handler.cs:5 t-cs source: Request.Query",
        "Handler.java:10 t-java source: request.getParameter(<string>)",
        "Handler.java:4 t-java source: @RequestParam(<string>) String host",
        "Handler.java:7 t-java source: request.getParameter(<string>)",
        "fastapi_handler.py:3 t-py source: q: str = Query(None)",
        "firmware.cpp:18 t-cpp ",
        "firmware.cpp:19 c-banned-string-functions ",
        "firmware.cpp:7 c-banned-string-functions ",
        "handler.go:14 t-go source: r.FormValue(<string>)",
        "handler.go:4 t-go source: r.URL.Query()",
        "handler.go:9 t-go source: c.Query(<string>)",
        "handler.php:2 t-php source: $_GET",
        "handler.php:3 t-php source: $request->input(<string>)",
        "handler.rs:3 t-rs source: Query(params): Query<HashMap<String, String>>",
        "users_controller.rb:5 t-rb source: params",
        "users_controller.rb:7 t-rb source: params",
    ];
    assert_eq!(got, want);
}

/// A rule with a match per statement stops at 1,000 matches in a file and says so; the
/// snippets of matches on one long line show a bounded window with the match marked.
#[test]
fn a_rule_stops_at_a_thousand_matches_per_file_and_long_lines_are_cut() {
    // A budget no debug build on a loaded machine can spend: the cap, not time, stops it.
    let s = SastScanner::new(&SastOptions {
        budget: Duration::from_mins(10),
        ..SastOptions::default()
    })
    .expect("scanner");
    let code = format!("function f(x){{{}}}\n", "eval(x);".repeat(3000));
    let (findings, diags) = s.scan_text("min.js", &code);
    let evals: Vec<_> = findings.iter().filter(|f| f.rule_id == "js-eval").collect();
    assert_eq!(evals.len(), 1000);
    assert!(
        diags
            .iter()
            .any(|d| d.code == "sast-partial"
                && d.message.contains("rule `js-eval` matched 1000 times")),
        "{diags:?}"
    );
    let sn = evals[500].snippet.as_ref().expect("snippet");
    assert!(
        sn.text.starts_with('…') && sn.text.ends_with('…'),
        "{}",
        sn.text
    );
    assert!(sn.text.chars().count() < 200, "{}", sn.text);
    let (a, b) = (sn.highlight.0 as usize - 1, sn.highlight.1 as usize - 1);
    assert_eq!(&sn.text[a..b], "eval(x)");
    assert_eq!(evals[500].location.start_column, 15 + 500 * 8);
}

/// Heredocs, nowdocs and Java text blocks are literals too: never in a message, a snippet
/// or a fingerprint.
#[test]
fn heredocs_and_text_blocks_are_redacted_like_strings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rule = |lang: &str| {
        format!(
            "  - {{id: t-{lang}, language: {lang}, title: t, severity: high, confidence: high, cwe: [CWE-1], description: d, remediation: r, message: \"got $X\", match: {{pattern: \"foo($X)\"}}}}\n"
        )
    };
    let yaml = format!("rules:\n{}{}{}", rule("java"), rule("ruby"), rule("php"));
    std::fs::write(dir.path().join("r.yaml"), yaml).expect("write");
    let s = SastScanner::new(&SastOptions {
        rule_dirs: vec![dir.path().to_path_buf()],
        ..SastOptions::default()
    })
    .expect("scanner");
    let files = |secret: &str| {
        [
            (
                "A.java",
                format!("class A {{ void f() {{ foo(\"\"\"\n  {secret}\n  \"\"\"); }} }}\n"),
            ),
            ("a.rb", format!("foo(<<~EOS)\n  {secret}\nEOS\n")),
            (
                "a.php",
                format!("<?php\nfoo(<<<EOT\n{secret}\nEOT);\nfoo(<<<'EOT'\n{secret}\nEOT);\n"),
            ),
        ]
    };
    let prints = |secret: &str| -> Vec<String> {
        let mut out = Vec::new();
        for (path, code) in files(secret) {
            let (findings, _) = s.scan_text(path, &code);
            let ours: Vec<_> = findings
                .iter()
                .filter(|f| f.rule_id.starts_with("t-"))
                .collect();
            assert!(!ours.is_empty(), "{path}");
            for f in ours {
                let shown = format!("{} {:?}", f.message, f.snippet);
                assert!(!shown.contains(secret), "{path}: {shown}");
                assert_eq!(f.message, "got <string>");
                out.push(f.fingerprint.clone());
            }
        }
        out
    };
    assert_eq!(prints("hunter2-a"), prints("other-b"));
}
