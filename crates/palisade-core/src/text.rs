//! Text that came from the scanned target (paths, lines, names) made safe to print.
//!
//! Anything read from a repository can hold terminal control sequences (ESC, BEL, CSI) or
//! bytes that are not UTF-8. Everything that reaches a terminal, a log or a report passes
//! through these functions first, so a crafted file name or config line cannot move the
//! cursor, retitle the terminal or hide output.

use std::fmt::Write;

/// Is `c` a character that must not reach a terminal raw: C0 controls (but not tab), DEL,
/// C1 controls (U+0080..U+009F, which include the 8-bit CSI), and the bidirectional
/// overrides and isolates (U+202A..U+202E, U+2066..U+2069) that make a line display in
/// another order than it reads ("Trojan Source").
pub fn is_unsafe_control(c: char) -> bool {
    (c.is_control() && c != '\t')
        || ('\u{80}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `text` with control characters escaped as `\xHH` (C0, DEL) or `\u{HH}` (C1). Tabs are
/// kept. Text without control characters is returned unchanged.
pub fn escape_control(text: &str) -> String {
    if !text.chars().any(is_unsafe_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    if !is_unsafe_control(c) {
        out.push(c);
    } else if (c as u32) < 0x80 {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    }
}

/// `text` escaped for XML, HTML and SVG, in element content or (with `in_attr`) in a
/// quoted attribute: the five markup characters become references; in an attribute, tab,
/// newline and carriage return become character references too, so they survive attribute
/// normalisation. Control characters (other than tab, newline and carriage return) and the
/// non-characters U+FFFE and U+FFFF, which XML cannot carry, become U+FFFD.
pub fn escape_markup(text: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => out.push_str("&#13;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A byte count for people: `12 bytes`, `3.5 KiB`, `2 MiB`, `4.8 MiB`.
pub fn human_size(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    match n {
        _ if n >= MIB && n.is_multiple_of(MIB) => format!("{} MiB", n / MIB),
        _ if n >= MIB => format!("{:.1} MiB", n as f64 / MIB as f64),
        _ if n >= KIB => format!("{:.1} KiB", n as f64 / KIB as f64),
        _ => format!("{n} bytes"),
    }
}

/// The display form of raw bytes (a file name, a path): valid UTF-8 is kept, each byte that
/// is not part of valid UTF-8 is written `\xHH`, and control characters are escaped as in
/// [`escape_control`]. Two names that differ in their invalid bytes stay different.
pub fn escape_bytes(raw: &[u8]) -> String {
    let mut out = String::with_capacity(raw.len());
    for chunk in raw.utf8_chunks() {
        for c in chunk.valid().chars() {
            push_escaped(&mut out, c);
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// The display form of an OS path (see [`escape_bytes`]).
pub fn escape_os(raw: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        escape_bytes(raw.as_bytes())
    }
    #[cfg(not(unix))]
    {
        escape_control(&raw.to_string_lossy())
    }
}

/// At most `max` characters of `text`, with `…` marking a cut.
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(3584), "3.5 KiB");
        assert_eq!(human_size(2 * 1024 * 1024), "2 MiB");
        assert_eq!(human_size(5_000_001), "4.8 MiB");
    }

    #[test]
    fn markup_escaping_keeps_text_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape_markup("a<b>&\"c'\r\n\td\u{1b}\u{85}\u{ffff}", false),
            "a&lt;b&gt;&amp;&quot;c&#39;&#13;\n\td\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(escape_markup("x\ny\tz", true), "x&#10;y&#9;z");
        assert_eq!(escape_markup("plain text", true), "plain text");
    }

    #[test]
    fn escapes_controls_and_invalid_bytes() {
        assert_eq!(escape_control("a\x1b[31mb\x07"), "a\\x1b[31mb\\x07");
        assert_eq!(escape_control("tab\tok"), "tab\tok");
        assert_eq!(escape_control("csi\u{9b}2J"), "csi\\u{9b}2J");
        assert_eq!(escape_control("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escape_bytes(b"cred\xff.env"), "cred\\xff.env");
        assert_ne!(escape_bytes(b"cred\xff.env"), escape_bytes(b"cred\xfe.env"));
        assert_eq!(escape_bytes("é/ok".as_bytes()), "é/ok");
        assert_eq!(truncate_chars("abcdef", 3), "abc…");
        assert_eq!(truncate_chars("abc", 3), "abc");
    }
}

/// Removes credentials from URLs in `text`, for messages built from scanned files: the
/// user-info part (`https://user:token@host` → `https://host`) and the query string, where
/// tokens travel as often (`?private_token=...` → `?…`).
pub fn redact_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let stop = |c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '>' | ')' | '`');
        let end = tail
            .find(|c: char| stop(c) || c == '/')
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => out.push_str(&authority[at + 1..]),
            None => out.push_str(authority),
        }
        let after = &tail[end..];
        let url_end = after.find(stop).unwrap_or(after.len());
        let path = &after[..url_end];
        match path.find('?') {
            Some(q) => {
                out.push_str(&path[..q]);
                out.push_str("?\u{2026}");
            }
            None => out.push_str(path),
        }
        rest = &after[url_end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod redact_tests {
    #[test]
    fn credentials_and_queries_leave_urls() {
        let r = super::redact_urls(
            "fetch https://ci:tok3n@example.com/a/b?private_token=abc&x=1 and http://plain/x",
        );
        assert_eq!(
            r,
            "fetch https://example.com/a/b?\u{2026} and http://plain/x"
        );
        assert_eq!(super::redact_urls("no url"), "no url");
    }
}
