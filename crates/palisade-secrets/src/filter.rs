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
        assert!(!is_placeholder(
            concat!("AKIA", "PALISADEDEMO2K7Q").as_bytes()
        ));
        assert!(shannon_entropy(b"aaaa") < 0.1);
        assert!((shannon_entropy(b"abcd") - 2.0).abs() < 1e-9);
    }
}
