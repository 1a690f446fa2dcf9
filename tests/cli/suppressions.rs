//! Suppressions and baselines that talk back (issue 6, items 14, 15 and 16).

use std::path::Path;

use crate::files::{json, secret_line};
use crate::{palisade, stderr, stdout, workspace_root};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn token_line(tag: &str) -> String {
    let body = format!("PaLiSaDe{tag}Q7mZ2vK9pL4wR8tY3nB6cX1hJ5gF0d");
    secret_line(&body[..30])
}

fn diagnostics(report: &serde_json::Value, code: &str) -> Vec<(String, u64, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_owned(),
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn issue6_14_malformed_or_unknown_inline_suppressions_are_reported_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "app.py",
        "a = 1  # palisade:ignore test value\n\
         b = 2  # palisade:ignore[] empty\n\
         c = 3  # palisade:ignore[github-personal-acess-token] typo\n\
         d = 4  # palisade:ignore[generic-password-assignment\n\
         MARKER = \"palisade:ignore\"  # a string, not a suppression\n\
         HELP = f\"palisade:ignore[{rule}] reason\"  # a template, not a suppression\n",
    );
    // The syntax documented in Markdown is not judged.
    write(
        d,
        "README.md",
        "Write `palisade:ignore reason` ... no: `palisade:ignore[]`.\n",
    );
    let out = palisade(&["scan", "--no-progress", "--isolated", "-f", "json"], d);
    let report = json(&out);
    let found = diagnostics(&report, "suppression-invalid");
    let lines: Vec<(&str, u64)> = found.iter().map(|(p, l, _)| (p.as_str(), *l)).collect();
    assert_eq!(
        lines,
        [("app.py", 1), ("app.py", 2), ("app.py", 3), ("app.py", 4)],
        "{found:#?}"
    );
    assert!(found[0].2.contains("without `[rule-id]`"), "{found:#?}");
    assert!(
        found[2]
            .2
            .contains("did you mean `github-personal-access-token`?"),
        "{found:#?}"
    );
}

#[test]
fn issue6_14_suppress_entries_must_name_real_rules() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.env", "x = 1\n");
    let entry = |rule: &str| {
        format!(
            "[scan]\nfail-on = \"high\"\n\n[[suppress]]\nreason = \"r\"\nrule = \"{rule}\"\nowner = \"o\"\nexpires = 2099-01-01\n"
        )
    };
    write(d, "palisade.toml", &entry("generic-pasword"));
    let out = palisade(&["scan", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("palisade.toml:6:"),
        "points at the rule key: {err}"
    );
    assert!(
        err.contains("`generic-pasword` matches no rule id"),
        "{err}"
    );
    // A glob must match a rule; one that does is fine.
    write(d, "palisade.toml", &entry("nothing-*"));
    assert_eq!(
        palisade(&["scan", "--no-progress"], d).status.code(),
        Some(2)
    );
    write(d, "palisade.toml", &entry("generic-*"));
    let out = palisade(&["scan", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn issue6_14_init_template_names_only_real_rules() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(palisade(&["init"], d).status.code(), Some(0));
    let template = std::fs::read_to_string(d.join("palisade.toml")).unwrap();
    let rules: serde_json::Value =
        serde_json::from_slice(&palisade(&["rules", "--format", "json"], &workspace_root()).stdout)
            .unwrap();
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let mut named = 0;
    for line in template.lines() {
        let line = line.trim_start_matches(['#', ' ']);
        if let Some(rest) = line.strip_prefix("rule = \"") {
            let id = rest.split('"').next().unwrap();
            assert!(ids.contains(&id), "template names unknown rule {id:?}");
            named += 1;
        }
    }
    assert!(named > 0, "the template shows a [[suppress]] example");
    // Uncommented, the example entry is a valid config.
    let uncommented: String = template
        .lines()
        .map(|l| {
            l.strip_prefix("# ")
                .filter(|r| {
                    ["[[suppress]]", "rule", "path", "reason", "owner", "expires"]
                        .iter()
                        .any(|k| r.starts_with(k))
                })
                .unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n");
    write(d, "palisade.toml", &uncommented);
    let out = palisade(&["scan", "--no-progress"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn issue6_15_terminal_shows_fingerprints_and_a_suppress_hint_that_works() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "ci.env", &token_line("HiNt12345"));
    let out = palisade(&["scan", "--no-progress", "--isolated"], d);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let fp = json(&palisade(
        &["scan", "--no-progress", "--isolated", "-f", "json"],
        d,
    ))["findings"][0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_owned();
    let short = &fp[..8];
    assert!(text.contains(&format!("· fingerprint {short}")), "{text}");
    let hint_at = text.find("[[suppress]]").expect("a [[suppress]] hint");
    // The hint, with a date and a real reason filled in, suppresses the finding.
    let hint: String = text[hint_at..]
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.trim().replace("YYYY-MM-DD", "2099-01-01"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        hint.contains(&format!("fingerprint = \"{short}\"")),
        "{hint}"
    );
    write(d, "palisade.toml", &format!("{hint}\n"));
    let out = palisade(&["scan", "--no-progress"], d);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    // TOML dates and strings both work for `expires`.
    write(
        d,
        "palisade.toml",
        &format!("{}\n", hint.replace("2099-01-01", "\"2099-01-01\"")),
    );
    assert_eq!(
        palisade(&["scan", "--no-progress"], d).status.code(),
        Some(0)
    );
    // A fingerprint too short to be one is a config error at its entry.
    write(
        d,
        "palisade.toml",
        &format!("{}\n", hint.replace(short, "abc")),
    );
    assert_eq!(
        palisade(&["scan", "--no-progress"], d).status.code(),
        Some(2)
    );
}

#[test]
fn issue6_16_a_baselined_secret_in_a_new_place_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let line = token_line("BaSeLiNe123");
    write(d, "a.env", &line);
    let out = palisade(&["baseline", "create", "--isolated", "-o", "b.json"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Same place: accepted.
    let out = palisade(
        &[
            "scan",
            "--no-progress",
            "--isolated",
            "--baseline",
            "b.json",
            "-f",
            "json",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["summary"]["active"], 0);
    // The same secret copied to a new file: reported, at info severity.
    write(d, "deploy/copy.env", &line);
    let out = palisade(
        &[
            "scan",
            "--no-progress",
            "--isolated",
            "--baseline",
            "b.json",
            "-f",
            "json",
        ],
        d,
    );
    let report = json(&out);
    assert_eq!(report["summary"]["active"], 1, "{report}");
    let f = &report["findings"][0];
    assert_eq!(f["severity"], "info");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .starts_with("new location of a known secret (baselined at a.env)"),
        "{f}"
    );
    assert_eq!(
        f["properties"]["baseline_new_locations"][0],
        "deploy/copy.env"
    );
    // It fails a gate that fails on info.
    let out = palisade(
        &[
            "scan",
            "--no-progress",
            "--isolated",
            "--baseline",
            "b.json",
            "--fail-on",
            "info",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn issue6_15_config_errors_point_at_the_offending_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.env", "x = 1\n");
    // Two good entries (lines 1-12), then a third whose header is line 13.
    let good = "[[suppress]]\nrule = \"generic-*\"\nreason = \"r\"\nowner = \"o\"\nexpires = 2099-01-01\n\n";
    let head = "[[suppress]]\nrule = \"generic-*\"\nowner = \"o\"\n";
    for (rest, line) in [
        // An unknown key: its own line, not the table header.
        (
            "reason = \"r\"\nexpires = 2099-01-01\nexpirs = 2099-01-01\n",
            18,
        ),
        // A value of the wrong type.
        ("expires = 2099-01-01\nreason = 5\n", 17),
        // A date-time where a date belongs.
        ("reason = \"r\"\nexpires = 2099-01-01T10:00:00\n", 17),
    ] {
        let text = format!("{good}{good}{head}{rest}");
        write(d, "palisade.toml", &text);
        let out = palisade(&["scan", "--no-progress"], d);
        assert_eq!(out.status.code(), Some(2), "{rest}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("palisade.toml:{line}:")),
            "{err}\n{text}"
        );
    }
}
