//! Gradle dependency locking: `group:artifact:version=configuration,...` lines.

use crate::model::{Lockfile, Package, Scope};
use crate::version::Ecosystem;

pub(crate) fn parse(text: &str) -> Lockfile {
    let mut lf = Lockfile::default();
    for (i, raw) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("empty=") {
            continue;
        }
        let (coord, confs) = line.split_once('=').unwrap_or((line, ""));
        let parts: Vec<&str> = coord.split(':').collect();
        let [group, artifact, version] = parts.as_slice() else {
            lf.malformed(
                n,
                format!(
                    "expected group:artifact:version, got {}",
                    coord.chars().take(80).collect::<String>()
                ),
            );
            continue;
        };
        let mut p = Package::new(Ecosystem::Maven, format!("{group}:{artifact}"), *version, n);
        let confs: Vec<&str> = confs
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        // Only test, annotation-processor or tooling configurations: not shipped.
        let shipped = |c: &str| {
            let l = c.to_ascii_lowercase();
            matches!(
                l.as_str(),
                "compile"
                    | "runtime"
                    | "compileclasspath"
                    | "runtimeclasspath"
                    | "default"
                    | "implementation"
                    | "api"
            ) || (l.ends_with("runtimeclasspath") || l.ends_with("compileclasspath"))
                && !l.starts_with("test")
                && !l.contains("test")
        };
        p.scope = if confs.is_empty() {
            Scope::Unknown
        } else if confs.iter().any(|c| shipped(c)) {
            Scope::Runtime
        } else {
            Scope::Dev
        };
        lf.packages.push(p);
    }
    lf
}
