//! Lockfile parsers on real lockfiles from `../shared/data/lockfiles` and on our own small
//! and hostile inputs.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use palisade_sca::parse::{FsSiblings, NoSiblings, parse};
use palisade_sca::{Format, IssueKind, Lockfile, Scope};

pub(crate) fn shared() -> Option<PathBuf> {
    #[allow(clippy::disallowed_methods)]
    let dir = std::env::var_os("PALISADE_SHARED_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        PathBuf::from,
    );
    if dir.join("lockfiles").is_dir() {
        Some(dir)
    } else {
        println!(
            "notice: shared data not found at {}; skipping",
            dir.display()
        );
        None
    }
}

fn parse_file(path: &Path, root: &Path) -> Lockfile {
    let format = Format::detect(&path.to_string_lossy())
        .unwrap_or_else(|| panic!("no format for {}", path.display()));
    let text = std::fs::read_to_string(path).unwrap();
    let siblings = FsSiblings {
        root: root.to_owned(),
        dir: path.parent().unwrap().to_owned(),
        max_bytes: 64 << 20,
    };
    parse(format, &text, &siblings).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One package of a real lockfile: name, version, line, direct, scope.
fn has(lf: &Lockfile, name: &str, version: &str, line: u32, direct: Option<bool>, scope: Scope) {
    let p = lf
        .packages
        .iter()
        .find(|p| p.name == name && p.version == version)
        .unwrap_or_else(|| panic!("{name}@{version} not found"));
    assert_eq!(
        (p.line, p.direct, p.scope),
        (line, direct, scope),
        "{name}@{version}"
    );
}

#[test]
fn real_lockfiles_keep_lines_scope_and_directness() {
    let Some(shared) = shared() else { return };
    let l = shared.join("lockfiles");
    let f = |p: &str| parse_file(&l.join(p), &l);
    let lf = f("Cargo.lock/ripgrep/Cargo.lock");
    has(&lf, "regex", "1.13.1", 385, Some(true), Scope::Unknown);
    assert!(
        lf.packages
            .iter()
            .all(|p| p.hashes.iter().all(|h| h.starts_with("sha256:")))
    );
    let lf = f("package-lock.json/warehouse-lockfile-v3/package-lock.json");
    has(&lf, "jquery", "3.7.1", 9750, Some(true), Scope::Runtime);
    assert!(
        lf.packages
            .iter()
            .any(|p| p.name == "string-width" && p.line > 1),
        "alias keeps its real name"
    );
    let lf = f("package-lock.json/warehouse-lockfile-v1/package-lock.json");
    assert_eq!(
        lf.packages
            .iter()
            .find(|p| p.name == "jquery")
            .map(|p| p.line),
        Some(9787)
    );
    let lf = f("requirements.txt/warehouse/requirements/main.txt");
    has(&lf, "requests", "2.34.2", 2077, Some(true), Scope::Unknown);
    has(&lf, "urllib3", "2.7.0", 2451, Some(true), Scope::Unknown);
    has(&lf, "venusian", "3.1.1", 2462, Some(false), Scope::Unknown);
    // Pipfile.lock takes its direct dependencies from the Pipfile beside it.
    let lf = f("Pipfile.lock/pipenv/Pipfile.lock");
    assert!(lf.packages.iter().any(|p| p.direct == Some(true)));
    assert!(lf.packages.iter().any(|p| p.direct == Some(false)));
    let lf = f("go.mod/gh-cli/go.mod");
    has(
        &lf,
        "github.com/spf13/pflag",
        "v1.0.5",
        43,
        Some(true),
        Scope::Runtime,
    );
    has(
        &lf,
        "golang.org/x/crypto",
        "v0.28.0",
        46,
        Some(true),
        Scope::Runtime,
    );
    for (p, line) in [
        ("pnpm-lock.yaml/vue-core-lockfile-v5.4/pnpm-lock.yaml", 3561),
        ("pnpm-lock.yaml/vue-core-lockfile-v6.0/pnpm-lock.yaml", 3961),
    ] {
        let lf = f(p);
        has(&lf, "lodash", "4.17.21", line, Some(true), Scope::Dev);
    }
    let lf = f("pnpm-lock.yaml/vue-core/pnpm-lock.yaml");
    assert_eq!(
        lf.packages
            .iter()
            .filter(|p| p.name == "lodash")
            .map(|p| p.line)
            .collect::<Vec<_>>(),
        [2464]
    );
    let lf = f("Gemfile.lock/rubygems.org/Gemfile.lock");
    has(&lf, "rack", "3.2.6", 638, Some(true), Scope::Unknown);
    has(&lf, "nokogiri", "1.19.4", 517, Some(false), Scope::Unknown);
    let lf = f("packages.lock.json/bitwarden-server/src/Core/packages.lock.json");
    assert!(
        lf.packages
            .iter()
            .any(|p| p.name == "Newtonsoft.Json" && p.line == 380)
    );
    let lf = f("mix.lock/phoenix/mix.lock");
    has(&lf, "plug", "1.20.3", 31, None, Scope::Unknown);
    let lf = f("pubspec.lock/flutter-gallery/pubspec.lock");
    has(&lf, "http", "1.1.0", 266, Some(false), Scope::Unknown);
    let lf = f("gradle.lockfile/jabref/gradle.lockfile");
    has(
        &lf,
        "com.google.guava:guava",
        "31.1-jre",
        17,
        None,
        Scope::Runtime,
    );
    let lf = f("composer.lock/composer/composer.lock");
    assert!(
        lf.packages
            .iter()
            .any(|p| p.name == "symfony/console" && p.line == 1006 && p.direct == Some(true))
    );
    let lf = f("yarn.lock-berry/prettier/yarn.lock");
    assert!(
        lf.packages
            .iter()
            .any(|p| p.name == "lodash" && p.line == 6724)
    );
    // A child POM takes versions from its parent in the repository.
    let lf = f("pom.xml/gson/gson/pom.xml");
    assert!(
        lf.packages
            .iter()
            .any(|p| p.name == "junit:junit" && p.scope == Scope::Dev),
        "{:?}",
        lf.issues
    );
    // spring-petclinic's versions come from Spring Boot's parent on Maven Central: said so.
    let lf = f("pom.xml/spring-petclinic/pom.xml");
    assert!(
        lf.issues.iter().any(|i| i.kind == IssueKind::NotFollowed
            && i.message.contains("spring-boot-starter-parent"))
    );
}

/// Every real lockfile parses with packages and no malformed entries; prints a summary
/// (packages, direct, dev, hashed, with dependencies) per file.
#[test]
fn every_real_lockfile_parses_cleanly() {
    let Some(shared) = shared() else { return };
    let mut files = Vec::new();
    let mut stack = vec![shared.join("lockfiles")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if Format::detect(&p.to_string_lossy()).is_some() && !p.ends_with("README.md") {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        let lf = parse_file(&f, &shared);
        let direct = lf
            .packages
            .iter()
            .filter(|p| p.direct == Some(true))
            .count();
        let dev = lf.packages.iter().filter(|p| p.scope == Scope::Dev).count();
        let hashed = lf.packages.iter().filter(|p| !p.hashes.is_empty()).count();
        let with_deps = lf.packages.iter().filter(|p| !p.deps.is_empty()).count();
        println!(
            "{}: {} packages, {direct} direct, {dev} dev, {hashed} hashed, {with_deps} with deps, {} issues {:?}",
            f.strip_prefix(&shared).unwrap().display(),
            lf.packages.len(),
            lf.issues.len(),
            lf.issues
                .iter()
                .take(2)
                .map(|i| format!("{}: {}", i.line, i.message))
                .collect::<Vec<_>>()
        );
    }
}

/// In-memory sibling files for tests.
struct Files(Vec<(&'static str, String)>);

impl palisade_sca::Siblings for Files {
    fn read(&self, relative: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(p, _)| *p == relative)
            .map(|(_, t)| t.clone())
    }
}

#[test]
fn requirements_pins_hashes_includes_and_unpinned() {
    let main = "# top\n-r base.txt\nflask==2.0.1 \\\n    --hash=sha256:aaaa\nDjango>=3.2\nrequests\n\
                numpy[extra]==1.26.0 ; python_version >= '3.9'\n-e ./local\npkg @ https://example.org/pkg.whl\n\
                --index-url https://pypi.org/simple\nfoo===1.0\nbar==1.*\n";
    let files = Files(vec![
        (
            "base.txt",
            "-r main.txt\nurllib3==1.26.4\n-r nested/more.txt\n".to_owned(),
        ),
        (
            "nested/more.txt",
            "six==1.16.0\n-r ../base.txt\n".to_owned(),
        ),
    ]);
    let lf = parse(Format::Requirements, main, &files).unwrap();
    let got: Vec<(String, String, u32)> = lf
        .packages
        .iter()
        .map(|p| (p.name.clone(), p.version.clone(), p.line))
        .collect();
    assert_eq!(
        got,
        [
            ("urllib3".into(), "1.26.4".into(), 2),
            ("six".into(), "1.16.0".into(), 2),
            ("flask".into(), "2.0.1".into(), 3),
            ("numpy".into(), "1.26.0".into(), 7),
            ("foo".into(), "1.0".into(), 11),
        ]
    );
    assert_eq!(lf.packages[2].hashes, ["sha256:aaaa"]);
    let unpinned: Vec<u32> = lf
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::Unpinned)
        .map(|i| i.line)
        .collect();
    assert_eq!(unpinned, [5, 6, 8, 9, 12], "{:?}", lf.issues);
    // A missing include is said, not silently skipped.
    let lf = parse(Format::Requirements, "-r missing.txt\n", &NoSiblings).unwrap();
    assert_eq!(lf.issues[0].kind, IssueKind::NotFollowed);
    assert!(lf.issues[0].message.contains("missing.txt"));
}

#[test]
fn malformed_lockfiles_are_errors_at_their_line() {
    let cases: [(Format, &str, u32); 6] = [
        (
            Format::NpmLock,
            "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"node_modules/a\": {\"version\": \n",
            5,
        ),
        (
            Format::CargoLock,
            "version = 3\n\n[[package]]\nname = \"a\"\nversion = 1.0\n",
            5,
        ),
        (Format::ComposerLock, "{\"packages\": [}", 1),
        (
            Format::PomXml,
            "<project>\n<dependencies>\n<dependency>\n</project>\n",
            4,
        ),
        (Format::PnpmLock, "packages:\n  /a/1.0.0:\n", 1),
        (Format::MixLock, "[not a map]", 1),
    ];
    for (f, text, line) in cases {
        let e = parse(f, text, &NoSiblings).expect_err(f.as_str());
        assert_eq!(e.line, line, "{}: {e}", f.as_str());
    }
    // Entries without a version are left out with an issue; the rest is read.
    let lf = parse(
        Format::CargoLock,
        "[[package]]\nname = \"a\"\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\n",
        &NoSiblings,
    )
    .unwrap();
    assert_eq!(lf.packages.len(), 1);
    assert_eq!(lf.issues[0].line, 1);
}

#[test]
fn hostile_inputs_stay_bounded() {
    // Deep JSON nesting: serde_json's recursion limit makes it an error, not a stack overflow.
    let deep = format!(
        "{{\"dependencies\": {}{}}}",
        "{\"a\": ".repeat(10_000),
        "}".repeat(10_000)
    );
    assert!(parse(Format::NpmLock, &deep, &NoSiblings).is_err());
    // An XML entity bomb: custom entities are not expanded.
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n\
                <project><dependencies><dependency><groupId>&lol2;</groupId><artifactId>x</artifactId><version>1</version></dependency></dependencies></project>";
    let lf = parse(Format::PomXml, bomb, &NoSiblings).unwrap();
    assert!(
        lf.packages.iter().all(|p| p.name.len() < 16),
        "{:?}",
        lf.packages
    );
    // Requirement include cycles end.
    let files = Files(vec![
        ("a.txt", "-r b.txt\nx==1\n".into()),
        ("b.txt", "-r a.txt\ny==2\n".into()),
    ]);
    let lf = parse(Format::Requirements, "-r a.txt\n", &files).unwrap();
    assert_eq!(lf.packages.len(), 2);
    // A Maven parent chain that loops ends.
    let pom = |parent: &str| {
        format!(
            "<project><parent><groupId>g</groupId><artifactId>{parent}</artifactId><version>1</version><relativePath>{parent}.xml</relativePath></parent><artifactId>{}</artifactId><dependencies><dependency><groupId>g</groupId><artifactId>d</artifactId></dependency></dependencies></project>",
            if parent == "a" { "b" } else { "a" }
        )
    };
    let files = Files(vec![("a.xml", pom("b")), ("b.xml", pom("a"))]);
    let lf = parse(Format::PomXml, &pom("a"), &files).unwrap();
    assert!(lf.packages.is_empty());
    assert_eq!(lf.issues.len(), 1);
    // A huge version string is kept as text but never parsed beyond 256 bytes.
    let long = format!(
        "[[package]]\nname = \"a\"\nversion = \"{}\"\n",
        "1".repeat(100_000)
    );
    let lf = parse(Format::CargoLock, &long, &NoSiblings).unwrap();
    assert!(
        palisade_sca::Ecosystem::CratesIo
            .parse(&lf.packages[0].version)
            .is_err()
    );
}

#[test]
fn package_urls_follow_the_purl_specification() {
    use palisade_sca::Ecosystem as E;
    use palisade_sca::purl::purl;
    assert_eq!(
        purl(E::Npm, "@babel/core", "7.0.0"),
        "pkg:npm/%40babel/core@7.0.0"
    );
    assert_eq!(
        purl(E::Maven, "org.apache.logging.log4j:log4j-core", "2.14.1"),
        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"
    );
    assert_eq!(
        purl(E::PyPi, "Django_REST.framework", "3.0"),
        "pkg:pypi/django-rest-framework@3.0"
    );
    assert_eq!(
        purl(E::Go, "github.com/spf13/cobra", "v1.8.0"),
        "pkg:golang/github.com/spf13/cobra@v1.8.0"
    );
    assert_eq!(
        purl(E::CratesIo, "serde", "1.0.0+build"),
        "pkg:cargo/serde@1.0.0%2Bbuild"
    );
    assert_eq!(
        purl(E::Packagist, "Symfony/Console", "v5.4.47"),
        "pkg:composer/symfony/console@v5.4.47"
    );
    assert_eq!(
        purl(E::NuGet, "Newtonsoft.Json", "13.0.1"),
        "pkg:nuget/Newtonsoft.Json@13.0.1"
    );
}

#[test]
fn a_wide_and_deep_npm_v1_tree_is_parsed_in_linear_time() {
    // 3,000 top-level packages, each with a nested copy of a dependency: a parser that
    // copied the visible names per level would do 9 million insertions here.
    let mut s = String::from("{\"lockfileVersion\": 1, \"dependencies\": {");
    for i in 0..3000 {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(
            s,
            "\"p{i}\": {{\"version\": \"1.0.0\", \"requires\": {{\"q\": \"1\"}}, \"dependencies\": {{\"q\": {{\"version\": \"1.0.{i}\"}}}}}}"
        );
    }
    s.push_str("}}");
    let t = std::time::Instant::now();
    let lf = parse(Format::NpmLock, &s, &NoSiblings).unwrap();
    assert_eq!(lf.packages.len(), 6000);
    // Each p{i} resolves `q` to its own nested copy.
    let p7 = lf.packages.iter().position(|p| p.name == "p7").unwrap();
    assert_eq!(lf.packages[lf.packages[p7].deps[0]].version, "1.0.7");
    println!("parsed in {:?}", t.elapsed());
}

#[test]
fn lockfile_versions_newer_than_known_are_read_and_said() {
    let cases: [(Format, String); 5] = [
        (Format::NpmLock, r#"{"lockfileVersion": 7, "packages": {"node_modules/a": {"version": "1.0.0"}}}"#.to_owned()),
        (Format::CargoLock, "version = 9\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n".to_owned()),
        (Format::UvLock, "version = 5\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n".to_owned()),
        (Format::PoetryLock, "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n\n[metadata]\nlock-version = \"3.0\"\n".to_owned()),
        (Format::PnpmLock, "lockfileVersion: '12.0'\n\npackages:\n\n  a@1.0.0:\n    resolution: {integrity: sha512-AAAA}\n".to_owned()),
    ];
    for (f, text) in cases {
        let lf = parse(f, &text, &NoSiblings).unwrap_or_else(|e| panic!("{}: {e}", f.as_str()));
        assert_eq!(lf.packages.len(), 1, "{}", f.as_str());
        let note = lf
            .issues
            .iter()
            .find(|i| i.kind == IssueKind::NotFollowed)
            .unwrap_or_else(|| panic!("{}: no note", f.as_str()));
        assert!(
            note.message.contains("newer than palisade knows"),
            "{}",
            note.message
        );
    }
}

#[test]
fn requirement_and_parse_messages_never_echo_values() {
    // A token typed where a version belongs: the message names the package and operator only.
    let token = format!("ghp_{}", "A1b2C3d4".repeat(4) + "wxyz");
    let lf = parse(
        Format::Requirements,
        &format!("requests<={token}\n{token}://x\n"),
        &NoSiblings,
    )
    .unwrap();
    assert_eq!(lf.issues.len(), 2, "{:?}", lf.issues);
    assert!(
        lf.issues[0]
            .message
            .contains("requests is required with `<=`"),
        "{}",
        lf.issues[0].message
    );
    assert!(
        lf.issues.iter().all(|i| !i.message.contains("A1b2C3d4")),
        "{:?}",
        lf.issues
    );
    // A parser error quoting the offending value shows it masked.
    let e = parse(
        Format::ComposerLock,
        &format!("{{\"packages\": [\"{token}\"] x}}"),
        &NoSiblings,
    )
    .unwrap_err();
    assert!(!e.message.contains("A1b2C3d4"), "{}", e.message);
    let e = parse(
        Format::CargoLock,
        &format!("[[package]]\nname = \"a\"\nversion = 3\nsource = \"{token}\"\n"),
        &NoSiblings,
    )
    .unwrap_err();
    assert!(!e.message.contains("A1b2C3d4"), "{}", e.message);
}
