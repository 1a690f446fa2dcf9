//! Filters applied to every candidate secret: placeholders, entropy.

/// Words that mark a value as a placeholder, not a secret (compared case-insensitively).
pub const PLACEHOLDER_WORDS: &[&str] = &[
    "example",
    "xxxx",
    "placeholder",
    "your_",
    "your-",
    "redacted",
    "changeme",
    "dummy",
    "sample",
    "${",
    "{{",
    "<",
    ">",
];

/// Values published by vendors for local emulators and documentation: never secrets.
pub const KNOWN_PUBLIC_VALUES: &[&str] = &[
    // Azurite / Azure Storage Emulator well-known account key (devstoreaccount1).
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    // Stripe's documented test-mode key.
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
];

/// Values that are words, not secrets, when they appear alone (compared case-insensitively,
/// ignoring `%XX` escapes and separators).
pub const PLACEHOLDER_VALUES: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "passphrase",
    "secret",
    "token",
    "apikey",
    "test",
    "testing",
    "admin",
    "root",
    "user",
    "guest",
    "default",
    "none",
    "null",
    "empty",
    "foobar",
    "hunter2",
    "postgres",
    "mysql",
    "redis",
    "rabbitmq",
    "changeit",
    "letmein",
    "qwerty",
    "anonymous",
];

/// Domains reserved for documentation (RFC 2606, RFC 6761): credentials for them are never
/// real.
pub const DOCUMENTATION_DOMAINS: &[&str] = &["example.com", "example.org", "example.net"];
/// Top-level names reserved for testing and documentation.
pub const DOCUMENTATION_TLDS: &[&str] = &[".example", ".invalid", ".test"];

/// Is `value` (ignoring `%XX` escapes and `-`, `_`, ` `) one of [`PLACEHOLDER_VALUES`]?
pub fn is_placeholder_word(value: &[u8]) -> bool {
    let mut norm = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        match value[i] {
            b'%' if i + 2 < value.len() => i += 3,
            b'-' | b'_' | b' ' => i += 1,
            b => {
                norm.push(b.to_ascii_lowercase());
                i += 1;
            }
        }
    }
    PLACEHOLDER_VALUES
        .iter()
        .any(|w| w.as_bytes() == norm.as_slice())
}

/// A CONSTANT_CASE identifier such as `WIN32_ERROR` or `D3DKMT_HANDLE`: upper-case letters,
/// digits and at least one underscore, starting with a letter.
pub fn is_identifier_like(value: &[u8]) -> bool {
    value.first().is_some_and(u8::is_ascii_uppercase)
        && value.contains(&b'_')
        && value
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
}

/// Does a whole match with URL credentials (`scheme://user:pass@host`) point at a
/// documentation host?
pub fn mentions_documentation_domain(whole: &[u8]) -> bool {
    let Some(at) = whole.iter().rposition(|&b| b == b'@') else {
        return false;
    };
    let rest = &whole[at + 1..];
    let end = rest
        .iter()
        .position(|b| {
            matches!(
                b,
                b'/' | b':' | b'?' | b'#' | b'"' | b'\'' | b';' | b',' | b' '
            )
        })
        .unwrap_or(rest.len());
    let host: Vec<u8> = rest[..end].iter().map(u8::to_ascii_lowercase).collect();
    DOCUMENTATION_DOMAINS.iter().any(|d| {
        host == d.as_bytes()
            || (host.ends_with(d.as_bytes()) && host[..host.len() - d.len()].ends_with(b"."))
    }) || DOCUMENTATION_TLDS
        .iter()
        .any(|t| host.ends_with(t.as_bytes()))
}

/// Shannon entropy in bits per byte.
pub fn shannon_entropy(data: &[u8]) -> f64 {
    if data.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in data {
        counts[b as usize] += 1;
    }
    let len = data.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / len;
            -p * p.log2()
        })
        .sum()
}

/// Is `secret` a placeholder (template variable, documentation value, filler)?
pub fn is_placeholder(secret: &[u8]) -> bool {
    if KNOWN_PUBLIC_VALUES.iter().any(|v| v.as_bytes() == secret) {
        return true;
    }
    let lower: Vec<u8> = secret.iter().map(u8::to_ascii_lowercase).collect();
    if PLACEHOLDER_WORDS
        .iter()
        .any(|w| contains(&lower, w.as_bytes()))
    {
        return true;
    }
    // A variable reference: `$VAR`, `$(command)`, `%VAR%`.
    if let [b'$', next, ..] = secret
        && (next.is_ascii_alphabetic() || matches!(next, b'_' | b'(' | b'{'))
    {
        return true;
    }
    if secret.len() > 2 && secret.starts_with(b"%") && secret.ends_with(b"%") {
        return true;
    }
    // One repeated character.
    if secret.len() >= 4 && secret.iter().all(|&b| b == secret[0]) {
        return true;
    }
    // The significant part (after any vendor prefix) is an ascending run such as
    // `1234567890` or `abcdefgh`.
    let tail: Vec<u8> = lower
        .rsplit(|b| *b == b'_' || *b == b'-')
        .next()
        .unwrap_or(&lower)
        .to_vec();
    tail.len() >= 6
        && tail
            .windows(2)
            .all(|w| w[1] == w[0].wrapping_add(1) || (w[0] == b'9' && w[1] == b'0'))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        assert!(is_placeholder(b"AKIAIOSFODNN7EXAMPLE"));
        assert!(is_placeholder(b"${DB_PASSWORD}"));
        assert!(is_placeholder(b"<your-api-key>"));
        assert!(is_placeholder(b"xxxxxxxxxxxx"));
        assert!(is_placeholder(b"sk_live_1234567890"));
        assert!(is_placeholder(b"$DB_PASSWORD"));
        assert!(is_placeholder(b"%DB_PASSWORD%"));
        assert!(!is_placeholder(b"Xk9#mQ2$vLp7@wRt"));
        assert!(is_placeholder_word(b"pass%20word"));
        assert!(is_placeholder_word(b"Pass_Word"));
        assert!(!is_placeholder_word(b"p%40ss%3Aword1"));
        assert!(is_identifier_like(b"D3DKMT_HANDLE"));
        assert!(!is_identifier_like(b"Xk9_mQ2vLp7"));
        assert!(mentions_documentation_domain(
            b"http://user:p%40ss@EXAMPLE.com/path"
        ));
        assert!(!mentions_documentation_domain(
            b"postgres://u:p@db.internal/x"
        ));
        assert!(!is_placeholder(
            concat!("AKIA", "PALISADEDEMO2K7Q").as_bytes()
        ));
        assert!(shannon_entropy(b"aaaa") < 0.1);
        assert!((shannon_entropy(b"abcd") - 2.0).abs() < 1e-9);
    }
}
