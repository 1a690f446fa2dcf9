//! Dockerfiles into a document policies read the way conftest presents them: an array of
//! instructions, each `{"Cmd": "from", "Flags": [...], "Value": [...], "Original": "...",
//! "Stage": 0, "StageName": "build", "JSON": false}`, at the line the instruction starts.
//! Line continuations (with the `# escape=` directive), comments inside continued
//! instructions, exec (JSON) form and heredocs (`RUN <<EOF`) are handled.

use palisade_policy::doc::{Entry, Node, NodeValue};

/// Longest instruction kept whole (a longer one is cut, and its text is only for display).
const MAX_INSTRUCTION: usize = 64 * 1024;

fn obj(entries: Vec<(&str, Node)>, line: u32) -> Node {
    Node::new(
        NodeValue::Object(
            entries
                .into_iter()
                .map(|(k, v)| Entry {
                    key: k.to_owned(),
                    line,
                    value: v,
                })
                .collect(),
        ),
        line,
        1,
    )
}

fn strings(items: &[String], line: u32) -> Node {
    Node::new(
        NodeValue::Array(
            items
                .iter()
                .map(|s| Node::string(s.clone(), line, 1))
                .collect(),
        ),
        line,
        1,
    )
}

/// Parse a Dockerfile.
pub fn parse(text: &str) -> Node {
    let mut escape = '\\';
    for l in text.lines() {
        let t = l.trim();
        if !t.starts_with('#') {
            break;
        }
        let d = t[1..].trim().to_ascii_lowercase();
        if let Some(v) = d.strip_prefix("escape=") {
            if v.trim() == "`" {
                escape = '`';
            }
        } else if !d.starts_with("syntax=") && !d.starts_with("check=") {
            break;
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut stage: i64 = -1;
    let mut stage_name = String::new();
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        let first = lines[i].trim_start();
        i += 1;
        if first.is_empty() || first.starts_with('#') {
            continue;
        }
        // Join continuation lines; comment lines inside are dropped.
        let mut joined = String::new();
        let mut cur = first.trim_end();
        loop {
            let cont = cur.ends_with(escape);
            let piece = if cont {
                &cur[..cur.len() - escape.len_utf8()]
            } else {
                cur
            };
            if joined.len() < MAX_INSTRUCTION {
                joined.push_str(piece);
            }
            if !cont {
                break;
            }
            loop {
                if i >= lines.len() {
                    cur = "";
                    break;
                }
                let next = lines[i].trim_start();
                i += 1;
                if next.starts_with('#') {
                    continue;
                }
                cur = next.trim_end();
                break;
            }
            if cur.is_empty() && i >= lines.len() {
                break;
            }
            joined.push(' ');
        }
        // Heredocs (`<<EOF`, `<<-EOF`, `<<"EOF"`) of RUN, COPY and ADD: their bodies follow
        // the instruction line. `<<` inside quotes, or in another instruction, is text, and
        // must not swallow the instructions below it.
        let first = joined
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let mut bodies = Vec::new();
        if matches!(first.as_str(), "run" | "copy" | "add") {
            for word in heredoc_words(&joined) {
                let mut body = String::new();
                while i < lines.len() {
                    let l = lines[i];
                    i += 1;
                    if l.trim() == word {
                        break;
                    }
                    if body.len() < MAX_INSTRUCTION {
                        body.push_str(l);
                        body.push('\n');
                    }
                }
                bodies.push(body);
            }
        }
        let (cmd, args) = match joined.split_once(char::is_whitespace) {
            Some((c, a)) => (c.to_ascii_lowercase(), a.trim().to_owned()),
            None => (joined.to_ascii_lowercase(), String::new()),
        };
        // Flags (`--platform=x`, `--chown=a:b`, `--mount=...`) come first.
        let mut flags = Vec::new();
        let mut args_rest = args.as_str();
        while args_rest.starts_with("--") {
            let (f, r) = args_rest
                .split_once(char::is_whitespace)
                .unwrap_or((args_rest, ""));
            flags.push(f.to_owned());
            args_rest = r.trim_start();
        }
        let mut json = false;
        let mut value: Vec<String> = match cmd.as_str() {
            "env" | "label" => key_values(args_rest),
            "from" | "user" | "workdir" | "expose" | "volume" | "stopsignal" => {
                if let Some(v) = exec_form(args_rest) {
                    json = true;
                    v
                } else {
                    args_rest.split_whitespace().map(str::to_owned).collect()
                }
            }
            "run" | "cmd" | "entrypoint" | "shell" | "healthcheck" | "add" | "copy" => {
                if let Some(v) = exec_form(args_rest) {
                    json = true;
                    v
                } else if matches!(cmd.as_str(), "add" | "copy") {
                    args_rest.split_whitespace().map(str::to_owned).collect()
                } else {
                    vec![args_rest.to_owned()]
                }
            }
            _ => vec![args_rest.to_owned()],
        };
        if !bodies.is_empty() && cmd == "run" {
            value.extend(bodies);
        }
        let line = start as u32 + 1;
        if cmd == "from" {
            stage += 1;
            stage_name = match value.as_slice() {
                [_, as_kw, name, ..] if as_kw.eq_ignore_ascii_case("as") => name.clone(),
                _ => String::new(),
            };
        }
        let original: String = joined.chars().take(1000).collect();
        out.push(obj(
            vec![
                ("Cmd", Node::string(cmd, line, 1)),
                ("Flags", strings(&flags, line)),
                ("Value", strings(&value, line)),
                ("Original", Node::string(original, line, 1)),
                (
                    "Stage",
                    Node::new(NodeValue::Number(stage.max(0).into()), line, 1),
                ),
                ("StageName", Node::string(stage_name.clone(), line, 1)),
                ("JSON", Node::new(NodeValue::Bool(json), line, 1)),
                (
                    "EndLine",
                    Node::new(NodeValue::Number((i as u64).into()), line, 1),
                ),
            ],
            line,
        ));
    }
    Node::new(NodeValue::Array(out), 1, 1)
}

/// The delimiters of the heredocs an instruction opens: `<<WORD`, `<<-WORD`, `<<"WORD"` or
/// `<<'WORD'` at the start of a shell word and outside quotes.
#[allow(clippy::many_single_char_names)] // a byte scanner: i, j, c, q read as in the grammar
fn heredoc_words(line: &str) -> Vec<String> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(q) if c == q => quote = None,
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'\\' => i += 1,
            None if c == b'<'
                && bytes.get(i + 1) == Some(&b'<')
                && (i == 0 || bytes[i - 1].is_ascii_whitespace()) =>
            {
                let mut j = i + 2;
                if bytes.get(j) == Some(&b'-') {
                    j += 1;
                }
                let q = bytes.get(j).copied().filter(|q| *q == b'"' || *q == b'\'');
                if q.is_some() {
                    j += 1;
                }
                let start = j;
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                    j += 1;
                }
                let word = &line[start..j];
                let closed = q.is_none_or(|q| bytes.get(j) == Some(&q));
                if closed
                    && word
                        .bytes()
                        .next()
                        .is_some_and(|f| f.is_ascii_alphabetic() || f == b'_')
                {
                    out.push(word.to_owned());
                }
                // Past the closing quote of a quoted delimiter.
                i = if q.is_some() && closed { j + 1 } else { j };
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// `["a", "b"]` exec form.
fn exec_form(s: &str) -> Option<Vec<String>> {
    let t = s.trim();
    if !t.starts_with('[') {
        return None;
    }
    serde_json::from_str::<Vec<String>>(t).ok()
}

/// `ENV a=1 b="two words"` or the legacy `ENV a 1` into `[a, 1, b, two words]`.
fn key_values(s: &str) -> Vec<String> {
    let s = s.trim();
    let first_word = s.split_whitespace().next().unwrap_or("");
    if !first_word.contains('=') {
        // Legacy form: `ENV key value with spaces`.
        return match s.split_once(char::is_whitespace) {
            Some((k, v)) => vec![k.to_owned(), v.trim().to_owned()],
            None => vec![s.to_owned(), String::new()],
        };
    }
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            key.push(c);
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'=') {
            chars.next();
            let mut quote: Option<char> = None;
            while let Some(&c) = chars.peek() {
                match quote {
                    Some(q) if c == q => {
                        quote = None;
                    }
                    None if c == '"' || c == '\'' => quote = Some(c),
                    None if c.is_whitespace() => break,
                    None if c == '\\' => {
                        chars.next();
                        if let Some(n) = chars.next() {
                            value.push(n);
                        }
                        continue;
                    }
                    _ => value.push(c),
                }
                chars.next();
            }
        }
        out.push(key);
        out.push(value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_stages_and_continuations() {
        let doc = parse(
            "# syntax=docker/dockerfile:1\nFROM python:3.12 AS build\nENV A=1 B=\"two words\"\nRUN apt-get update && \\\n    # comment\n    apt-get install -y curl\nFROM scratch\nCOPY --from=build /a /b\nCMD [\"run\", \"x\"]\n",
        )
        .to_json();
        assert_eq!(doc[0]["Cmd"], "from");
        assert_eq!(doc[0]["StageName"], "build");
        assert_eq!(
            doc[1]["Value"],
            serde_json::json!(["A", "1", "B", "two words"])
        );
        assert_eq!(
            doc[2]["Value"][0],
            "apt-get update &&  apt-get install -y curl"
        );
        assert_eq!(doc[3]["Stage"], 1);
        assert_eq!(doc[4]["Flags"][0], "--from=build");
        assert_eq!(doc[5]["JSON"], true);
        let node = parse("FROM a\n\nRUN x \\\n  y\nUSER root\n");
        let lines: Vec<u32> = match &node.value {
            NodeValue::Array(items) => items.iter().map(|n| n.line).collect(),
            _ => Vec::new(),
        };
        assert_eq!(lines, [1, 3, 5]);
    }

    #[test]
    fn heredoc_markers_in_quotes_or_other_instructions_are_text() {
        let doc = parse(
            "FROM a\nRUN echo \"see <<EOF\"\nUSER root\nLABEL x=\"<<EOF\"\nADD http://e/x /x\n",
        )
        .to_json();
        let cmds: Vec<&str> = doc
            .as_array()
            .expect("array")
            .iter()
            .map(|x| x["Cmd"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(cmds, ["from", "run", "user", "label", "add"]);
        assert_eq!(heredoc_words("RUN cat <<-'A' <<B $((1<<2))"), ["A", "B"]);
    }

    #[test]
    fn heredoc_bodies_belong_to_run() {
        let doc = parse("FROM a\nRUN <<EOF\ncurl -s https://x | sh\nEOF\nUSER app\n").to_json();
        assert_eq!(doc[1]["Value"][1], "curl -s https://x | sh\n");
        assert_eq!(doc[2]["Cmd"], "user");
    }
}
