//! Version ordering tables, one per ecosystem. Each row is `A OP B`; every row is checked in
//! both directions, and every chain `A < B < C` is checked transitively.

use std::cmp::Ordering;

use palisade_sca::Ecosystem;

/// Checks every line of `table` (`A < B`, `A = B`, `A > B`, or a chain `A < B < C ...`).
fn check(eco: &str, table: &str) {
    let e = Ecosystem::from_osv(eco).unwrap_or_else(|| panic!("unknown ecosystem {eco}"));
    let mut failures = Vec::new();
    for line in table.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let toks: Vec<&str> = line.split_whitespace().collect();
        assert!(toks.len() >= 3 && toks.len() % 2 == 1, "bad row {line:?}");
        let mut chain: Vec<(&str, Ordering, &str)> = Vec::new();
        for w in (0..toks.len() - 2).step_by(2) {
            let op = match toks[w + 1] {
                "<" => Ordering::Less,
                "=" => Ordering::Equal,
                ">" => Ordering::Greater,
                o => panic!("bad operator {o} in {line:?}"),
            };
            chain.push((toks[w], op, toks[w + 2]));
        }
        // All pairs of a strictly increasing chain.
        if chain.iter().all(|c| c.1 == Ordering::Less) && chain.len() > 1 {
            let vs: Vec<&str> = toks.iter().step_by(2).copied().collect();
            for i in 0..vs.len() {
                for j in i + 1..vs.len() {
                    chain.push((vs[i], Ordering::Less, vs[j]));
                }
            }
        }
        for (a, op, b) in chain {
            match (e.compare(a, b), e.compare(b, a)) {
                (Ok(x), Ok(y)) if x == op && y == op.reverse() => {}
                (x, y) => failures.push(format!("{eco}: {a} {op:?} {b}: got {x:?} / {y:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn invalid(eco: &str, versions: &[&str]) {
    let e = Ecosystem::from_osv(eco).unwrap();
    for v in versions {
        let err = e.parse(v).expect_err(v);
        assert!(err.to_string().contains("invalid"), "{err}");
    }
}

#[test]
fn semver_npm_crates_hex_pub() {
    // The precedence example of SemVer 2.0.0 §11, and build metadata.
    let table = "
        1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0
        1.0.0 < 2.0.0 < 2.1.0 < 2.1.1
        1.2.3 < 1.10.0
        1.0.0+build.5 = 1.0.0
        1.0.0-rc.1+b = 1.0.0-rc.1
        0.8.7-0 < 0.8.7
        0.0.0-0 < 0.0.0 < 0.0.1
        1.0.0-1 < 1.0.0-a
        1.0.0-01 = 1.0.0-1
        99999999999999999999.0.0 > 9999999999999999999.0.0
        v1.2.3 = 1.2.3
        =1.2.3 = 1.2.3
    ";
    for eco in ["npm", "crates.io", "Hex", "Pub"] {
        check(eco, table);
    }
    invalid(
        "npm",
        &[
            "",
            "a.b.c",
            "1.2.3.4",
            "1.0.0-",
            "1.0.0+",
            "1.0.0-a..b",
            "1.0.0-a_b",
        ],
    );
}

#[test]
fn go_modules() {
    check(
        "Go",
        "
        v1.2.3 = 1.2.3
        v2.0.0+incompatible = v2.0.0
        v0.0.0-20210101000000-abcdef123456 < v0.0.1
        v1.2.3 < v1.2.4-0.20200101000000-abcdef123456 < v1.2.4
        v0.0.0-20190101000000-aaaaaaaaaaaa < v0.0.0-20210101000000-000000000000
        v1.21.0 > v1.9.9
        v1.21.0-rc.2 < v1.21.0
        ",
    );
    invalid("Go", &["v1.2.x", "latest", "v1.2.3-"]);
}

#[test]
fn pypi_pep440() {
    // The ordering example of PEP 440 ("Summary of permitted suffixes and relative ordering").
    check(
        "PyPI",
        "
        1.0.dev456 < 1.0a1 < 1.0a2.dev456 < 1.0a12.dev456 < 1.0a12 < 1.0b1.dev456 < 1.0b2 < 1.0b2.post345.dev456 < 1.0b2.post345 < 1.0b2-346 < 1.0c1.dev456 < 1.0c1 < 1.0rc2 < 1.0c3 < 1.0 < 1.0.post456.dev34 < 1.0.post456 < 1.1.dev1
        1.0 = 1.0.0
        1.0 = 1.0.0.0
        1!0.1 > 2.0
        1.0+local > 1.0
        1.0+abc < 1.0+1
        1.0+1 < 1.0+1.a
        1.0+ubuntu.1 = 1.0+ubuntu-1
        1.0RC1 = 1.0rc1
        1.0-1 = 1.0.post1
        1.0a = 1.0a0
        1.0alpha1 = 1.0a1
        1.0-beta.2 = 1.0b2
        1.0preview1 = 1.0rc1
        1.0.post = 1.0.post0
        1.0-r1 = 1.0.post1
        1.0_dev1 = 1.0.dev1
        v1.0 = 1.0
        2.0.0 > 1.99.99
        0.9 < 0.10
        1.0.0a1 < 1.0.0
        ",
    );
    invalid("PyPI", &["", "abc", "1.0foo", "1.0+", "1.0+a..b", "1..0"]);
}

#[test]
fn maven_comparable_version() {
    check(
        "Maven",
        "
        1 = 1.0
        1.0 = 1.0.0
        1-alpha < 1-beta < 1-milestone < 1-rc < 1-snapshot < 1 < 1-sp
        1-cr = 1-rc
        1-ga = 1
        1-final = 1
        1.0-release = 1
        1.0-alpha1 = 1.0-a1
        1.0-beta2 = 1.0-b2
        1.0-m3 = 1.0-milestone3
        1.0.0-RC1 < 1.0.0
        2.0-SNAPSHOT < 2.0
        1.0.1 > 1.0
        1-1 < 1.1
        1-sp < 1-xyz
        1-abc < 1-xyz
        2.0-beta9 < 2.0-rc1 < 2.0 < 2.0.1 < 2.15.0 < 2.17.1
        1.0.0.Final = 1.0.0
        5.3.18 < 5.3.20.RELEASE
        1.2.3-alpha-1 < 1.2.3-alpha-2
        ",
    );
    invalid("Maven", &["", "  "]);
}

#[test]
fn rubygems() {
    check(
        "RubyGems",
        "
        1.0 = 1.0.0
        1.0.a < 1.0
        1.0.0.pre1 < 1.0.0
        1.0-beta = 1.0.pre.beta
        1.0.b1 > 1.0.a2
        1.9.3 < 1.10
        5.2.4.3 < 5.2.4.4
        1.0.rc1 < 1.0
        2.0.0.rc1 < 2.0.0.rc2 < 2.0.0
        0.9 < 1.0.a < 1.0
        ",
    );
    invalid("RubyGems", &["abc", "1..0", "1.0-", "1.0 2"]);
}

#[test]
fn nuget() {
    check(
        "NuGet",
        "
        1.0 = 1.0.0
        1.0.0 = 1.0.0.0
        1.0.0-alpha < 1.0.0
        1.0.0-Alpha = 1.0.0-alpha
        1.0.0-alpha.2 < 1.0.0-alpha.10
        1.0.0-alpha < 1.0.0-alpha.1
        1.0.0+meta = 1.0.0
        1.0.0.1 > 1.0.0
        13.0.1 > 12.0.3
        4.5.0-preview1 < 4.5.0-rc1 < 4.5.0
        ",
    );
    invalid("NuGet", &["", "1.0.0.0.0", "a.b", "1.0-"]);
}

#[test]
fn packagist_composer() {
    check(
        "Packagist",
        "
        1.0 = 1.0.0
        1.0.0-dev < 1.0.0-alpha < 1.0.0-beta < 1.0.0-RC1 < 1.0.0 < 1.0.0-pl1
        1.0.0-beta1 < 1.0.0-beta2
        v2.0 = 2.0
        7.4.5 > 7.4.4
        1.0-alpha1 > 1.0-dev
        1.0.0-patch1 > 1.0.0
        5.4.3 < 5.10.0
        2.0.0-rc1 = 2.0.0RC1
        ",
    );
    invalid("Packagist", &["", "-1"]);
}

#[test]
fn debian_dpkg() {
    check(
        "Debian",
        "
        1.0~rc1 < 1.0
        1.0 < 1.0+b1
        1:0.9 > 2.0
        1.0-1 < 1.0-2
        1.0-1~bpo1 < 1.0-1
        2.30-1ubuntu1 > 2.30-1
        1.0 = 1.0-0
        1.2.3a < 1.2.3+x
        1.0~~ < 1.0~ < 1.0 < 1.0a < 1.0.1
        0:1.0 = 1.0
        1.10 > 1.9
        1.0-1.1 > 1.0-1
        7.88.1-10+deb12u5 < 7.88.1-10+deb12u6
        ",
    );
    check("Ubuntu:22.04", "2.35-0ubuntu3.1 < 2.35-0ubuntu3.4");
    invalid("Debian", &["", "a1.0", "x:1.0", "1.0 1", "-1"]);
}

#[test]
fn alpine_apk() {
    check(
        "Alpine:v3.20",
        "
        1.0_alpha < 1.0_beta < 1.0_pre < 1.0_rc1 < 1.0 < 1.0_cvs < 1.0_p1
        1.0 < 1.0-r1 < 1.0_p1
        1.2.3-r0 < 1.2.3-r1 < 1.2.3-r10
        1.2.10 > 1.2.9
        1.0a > 1.0
        1.0 < 1.0.1
        1.2a < 1.2.1
        1.01 < 1.1
        1.0_rc1 < 1.0_rc2
        3.0.13-r0 < 3.1.4-r0
        ",
    );
    invalid("Alpine", &["", "abc", "1.0_foo", "1.0-rx", "1.0-"]);
}

#[test]
fn rpm_distributions() {
    let table = "
        1.0 < 1.0.1
        1.0~rc1 < 1.0
        1.0 < 1.0^git1 < 1.0.1
        1:1.0 > 2.0
        1.0-1.el9 < 1.0-2.el9
        1.0a < 1.0.1
        1.0 = 1_0
        2.9.1-3.el9_4 < 2.9.1-3.el9_5
        1:0.1.15-2.git2d0b8a3.module_el8.5.0+119+9a9ec082 > 0:9.9
        10 > 9
        1.010 = 1.10
        ";
    for eco in ["AlmaLinux:9", "Rocky Linux:9", "Red Hat", "SUSE"] {
        check(eco, table);
    }
    invalid("AlmaLinux", &["", "x:1.0"]);
}

#[test]
fn every_ecosystem_has_a_name_and_purl_type() {
    for e in Ecosystem::ALL {
        assert!(!e.purl_type().is_empty());
        if e != Ecosystem::Rpm {
            assert_eq!(Ecosystem::from_osv(e.osv_name()), Some(e));
        }
    }
    assert_eq!(Ecosystem::from_osv("Cargo"), None);
}

#[test]
fn versions_too_long_are_rejected() {
    let long = "1.".repeat(200) + "0";
    for e in Ecosystem::ALL {
        assert!(e.parse(&long).is_err(), "{e}");
    }
}
