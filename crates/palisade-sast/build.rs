//! Embeds every built-in rule file (`rules/<language>/<id>.yaml`) and its fixture (the file
//! beside it with the same stem) into the binary, in path order.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut rules = Vec::new();
    let mut langs: Vec<_> = std::fs::read_dir(&dir)
        .expect("rules/ exists")
        .map(|e| e.expect("readable rules/").path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for lang in langs {
        println!("cargo::rerun-if-changed={}", lang.display());
        let mut files: Vec<_> = std::fs::read_dir(&lang)
            .expect("readable language folder")
            .map(|e| e.expect("readable entry").path())
            .collect();
        files.sort();
        for f in &files {
            if f.extension().is_some_and(|e| e == "yaml") {
                let stem = f.file_stem().expect("file name");
                let fixture = files
                    .iter()
                    .find(|o| *o != f && o.file_stem() == Some(stem))
                    .map(|o| o.display().to_string());
                rules.push((f.display().to_string(), fixture));
            }
        }
    }
    let mut out = String::from("&[\n");
    for (rule, fixture) in rules {
        let rel = rule
            .rsplit_once("/rules/")
            .map_or(rule.as_str(), |(_, r)| r)
            .to_owned();
        let fixture = fixture.map_or_else(
            || "None".to_owned(),
            |f| {
                let frel = f
                    .rsplit_once("/rules/")
                    .map_or(f.as_str(), |(_, r)| r)
                    .to_owned();
                format!("Some(({frel:?}, include_str!({f:?})))")
            },
        );
        let _ = writeln!(out, "    ({rel:?}, include_str!({rule:?}), {fixture}),");
    }
    out.push(']');
    // A build script is configured by Cargo through the environment.
    #[allow(clippy::disallowed_methods)]
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let dest = Path::new(&out_dir).join("builtin_rules.rs");
    std::fs::write(dest, out).expect("write builtin_rules.rs");
}
