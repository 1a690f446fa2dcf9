//! OPA `# METADATA` annotations: the YAML block in comments above a `package` line.
//!
//! palisade's built-in checks keep their rule metadata there, in OPA's own fields
//! (`title`, `description`, `related_resources`) plus a `custom` map for what OPA has no
//! field for (`id`, `severity`, `cwe`, `benchmark`, `remediation`, `input`).

use serde_json::Value;

use crate::doc::Node;

/// The first `# METADATA` block of a Rego file, as JSON, and the line it starts on; `None`
/// when the file has none. A block that is not valid YAML is an error naming its line.
pub fn parse(source: &str) -> Result<Option<(Value, u32)>, (u32, String)> {
    let mut lines = source.lines().enumerate();
    let start = loop {
        match lines.next() {
            None => return Ok(None),
            Some((i, l)) if l.trim() == "# METADATA" => break i as u32 + 1,
            Some(_) => {}
        }
    };
    let mut yaml = String::new();
    for (_, l) in lines {
        let Some(rest) = l.trim_start().strip_prefix('#') else {
            break;
        };
        yaml.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        yaml.push('\n');
    }
    let stream = crate::yaml::parse(&yaml);
    if let Some(e) = stream.error {
        return Err((
            start + e.line,
            format!("invalid METADATA block: {}", e.message),
        ));
    }
    Ok(stream.docs.first().map(|d: &Node| (d.to_json(), start)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_block_above_the_package() {
        let src = "# METADATA\n# title: T\n# custom:\n#   id: x-y\n#   cwe: [CWE-1]\npackage p\n";
        let (v, line) = super::parse(src).expect("ok").expect("some");
        assert_eq!(line, 1);
        assert_eq!(v["custom"]["id"], "x-y");
        assert_eq!(v["custom"]["cwe"][0], "CWE-1");
        assert!(super::parse("package p\n").expect("ok").is_none());
        assert!(super::parse("# METADATA\n# a: [\npackage p\n").is_err());
    }
}
