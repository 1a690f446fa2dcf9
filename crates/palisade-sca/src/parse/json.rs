//! Lines of JSON values: serde_json does not keep positions, so a small scanner walks the
//! text once and reports where each value starts, by its path of keys and indexes.

use std::collections::HashMap;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

enum Frame {
    Object { key: Option<String> },
    Array { next: usize },
}

/// The 1-based line of every value whose path is at most `max_depth` deep and starts with
/// `prefix` (by keys). Malformed JSON ends the scan early; serde_json reports the error.
pub(crate) fn value_lines(text: &str, prefix: &[&str], max_depth: usize) -> HashMap<Vec<Seg>, u32> {
    // Begins a value in the current container: pushes its path segment.
    fn enter(stack: &mut [Frame], path: &mut Vec<Seg>) -> bool {
        match stack.last_mut() {
            Some(Frame::Object { key }) => match key.take() {
                Some(k) => {
                    path.push(Seg::Key(k));
                    true
                }
                None => false,
            },
            Some(Frame::Array { next }) => {
                path.push(Seg::Index(*next));
                *next += 1;
                true
            }
            None => false,
        }
    }
    let b = text.as_bytes();
    let mut out = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<Seg> = Vec::new();
    let mut line = 1u32;
    let mut i = 0;
    // Whether the next string in an object is a key.
    let mut expect_key = false;
    let wanted = |path: &[Seg]| -> bool {
        path.len() <= max_depth
            && prefix
                .iter()
                .zip(path)
                .all(|(p, s)| matches!(s, Seg::Key(k) if k == p))
    };
    let record = |path: &Vec<Seg>, line: u32, out: &mut HashMap<Vec<Seg>, u32>| {
        if wanted(path) {
            out.entry(path.clone()).or_insert(line);
        }
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' | b',' | b':' => i += 1,
            b'{' | b'[' => {
                let pushed = enter(&mut stack, &mut path);
                if pushed || stack.is_empty() {
                    record(&path, line, &mut out);
                }
                if !pushed && !stack.is_empty() {
                    return out;
                }
                stack.push(if c == b'{' {
                    Frame::Object { key: None }
                } else {
                    Frame::Array { next: 0 }
                });
                expect_key = c == b'{';
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                if !stack.is_empty() {
                    path.pop();
                }
                expect_key = matches!(stack.last(), Some(Frame::Object { .. }));
                i += 1;
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                let mut escaped = false;
                while i < b.len() {
                    match b[i] {
                        b'\\' => {
                            escaped = true;
                            i += 2;
                        }
                        b'"' => break,
                        b'\n' => return out,
                        _ => i += 1,
                    }
                }
                let raw = &text[start..i.min(b.len())];
                i += 1;
                if expect_key {
                    let key = if escaped {
                        serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_default()
                    } else {
                        raw.to_owned()
                    };
                    if let Some(Frame::Object { key: k }) = stack.last_mut() {
                        *k = Some(key);
                    }
                    expect_key = false;
                } else {
                    if enter(&mut stack, &mut path) {
                        record(&path, line, &mut out);
                        path.pop();
                    }
                    expect_key = matches!(stack.last(), Some(Frame::Object { .. }));
                }
            }
            _ => {
                // A number, true, false or null.
                let pushed = enter(&mut stack, &mut path);
                if pushed {
                    record(&path, line, &mut out);
                    path.pop();
                }
                while i < b.len()
                    && !matches!(b[i], b',' | b'}' | b']' | b'\n' | b' ' | b'\t' | b'\r')
                {
                    i += 1;
                }
                expect_key = matches!(stack.last(), Some(Frame::Object { .. }));
            }
        }
    }
    out
}

/// Shorthand: the path `keys` as segments.
pub(crate) fn keys(keys: &[&str]) -> Vec<Seg> {
    keys.iter().map(|k| Seg::Key((*k).to_owned())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_keys_and_elements() {
        let t = "{\n \"a\": [\n  {\n   \"name\": \"x\",\n   \"v\": 1\n  },\n  {\"name\": \"y\"}\n ],\n \"b\": {\"c\\\"d\": true}\n}";
        let l = value_lines(t, &[], 3);
        let get = |p: Vec<Seg>| l.get(&p).copied();
        assert_eq!(
            get(vec![
                Seg::Key("a".into()),
                Seg::Index(0),
                Seg::Key("name".into())
            ]),
            Some(4)
        );
        assert_eq!(
            get(vec![
                Seg::Key("a".into()),
                Seg::Index(0),
                Seg::Key("v".into())
            ]),
            Some(5)
        );
        assert_eq!(
            get(vec![
                Seg::Key("a".into()),
                Seg::Index(1),
                Seg::Key("name".into())
            ]),
            Some(7)
        );
        assert_eq!(
            get(vec![Seg::Key("b".into()), Seg::Key("c\"d".into())]),
            Some(9)
        );
        assert_eq!(get(vec![Seg::Key("a".into()), Seg::Index(1)]), Some(7));
    }
}
