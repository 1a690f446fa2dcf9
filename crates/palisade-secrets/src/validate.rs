//! Offline structural validators: checksums and self-describing encodings. A secret that
//! fails its rule's validator is not reported.

use base64::Engine as _;

/// A validator named by a rule's `validator` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validator {
    /// GitHub tokens (`ghp_` etc.): 30 base62 characters then a 6-character base62 CRC32.
    GithubCrc32,
    /// npm tokens (`npm_`): same checksum scheme as GitHub.
    NpmCrc32,
    /// JSON Web Token: header decodes to a JSON object with `alg`.
    Jwt,
    /// PyPI API token: the macaroon after `pypi-` decodes and names pypi.org.
    PypiMacaroon,
    /// Luhn checksum over the digits.
    Luhn,
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

impl Validator {
    /// Names accepted in rule files.
    pub const NAMES: &'static [&'static str] =
        &["github-crc32", "npm-crc32", "jwt", "pypi-macaroon", "luhn"];

    /// Parse a rule-file name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "github-crc32" => Self::GithubCrc32,
            "npm-crc32" => Self::NpmCrc32,
            "jwt" => Self::Jwt,
            "pypi-macaroon" => Self::PypiMacaroon,
            "luhn" => Self::Luhn,
            _ => return None,
        })
    }

    /// The rule-file name.
    pub fn name(self) -> &'static str {
        match self {
            Self::GithubCrc32 => "github-crc32",
            Self::NpmCrc32 => "npm-crc32",
            Self::Jwt => "jwt",
            Self::PypiMacaroon => "pypi-macaroon",
            Self::Luhn => "luhn",
        }
    }

    /// One-line explanation for docs.
    pub fn explain(self) -> &'static str {
        match self {
            Self::GithubCrc32 | Self::NpmCrc32 => {
                "the last 6 characters are the base62 CRC32 checksum of the random part, as \
                 the issuer computes it"
            }
            Self::Jwt => {
                "the header and payload decode as base64url JSON objects and the header names an `alg`"
            }
            Self::PypiMacaroon => "the token body decodes as a macaroon issued by pypi.org",
            Self::Luhn => "the digits pass the Luhn checksum",
        }
    }

    /// Does `secret` pass?
    pub fn check(self, secret: &[u8]) -> bool {
        match self {
            Self::GithubCrc32 | Self::NpmCrc32 => crc32_token(secret),
            Self::Jwt => jwt(secret),
            Self::PypiMacaroon => pypi(secret),
            Self::Luhn => luhn(secret),
        }
    }
}

/// Encode `n` in base62, left-padded with `0` to `width`.
pub fn base62(mut n: u64, width: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        out.push(BASE62[(n % 62) as usize]);
        n /= 62;
    }
    while out.len() < width {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The checksum of a GitHub-style token body.
pub fn crc32_checksum(body: &[u8]) -> String {
    base62(u64::from(crc32fast::hash(body)), 6)
}

fn crc32_token(secret: &[u8]) -> bool {
    // Strip the `xxx_` prefix: everything up to and including the last `_`.
    let Some(us) = secret.iter().rposition(|&b| b == b'_') else {
        return false;
    };
    let rest = &secret[us + 1..];
    if rest.len() < 7 {
        return false;
    }
    let (body, sum) = rest.split_at(rest.len() - 6);
    crc32_checksum(body).as_bytes() == sum
}

fn b64url_decode(seg: &[u8]) -> Option<Vec<u8>> {
    let trimmed: Vec<u8> = seg.iter().copied().filter(|&b| b != b'=').collect();
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(trimmed)
        .ok()
}

fn jwt(secret: &[u8]) -> bool {
    let mut parts = secret.split(|&b| b == b'.');
    let Some(header) = parts.next().and_then(b64url_decode) else {
        return false;
    };
    let Some(payload) = parts.next().and_then(b64url_decode) else {
        return false;
    };
    let header: Option<serde_json::Value> = serde_json::from_slice(&header).ok();
    let payload_ok =
        serde_json::from_slice::<serde_json::Value>(&payload).is_ok_and(|v| v.is_object());
    header
        .as_ref()
        .and_then(|h| h.get("alg"))
        .is_some_and(serde_json::Value::is_string)
        && payload_ok
}

fn pypi(secret: &[u8]) -> bool {
    let body = secret.strip_prefix(b"pypi-").unwrap_or(secret);
    let engines = [
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
        base64::engine::general_purpose::STANDARD_NO_PAD,
    ];
    let trimmed: Vec<u8> = body.iter().copied().filter(|&b| b != b'=').collect();
    engines.iter().any(|e| {
        e.decode(&trimmed)
            .is_ok_and(|d| d.windows(8).any(|w| w == b"pypi.org"))
    })
}

fn luhn(secret: &[u8]) -> bool {
    let digits: Vec<u32> = secret
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|b| u32::from(b - b'0'))
        .collect();
    if digits.len() < 12 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_checksum_roundtrip() {
        let body = b"PaLiSaDeFaKeToKeN0123456789abc";
        let token = format!(
            "ghp_{}{}",
            std::str::from_utf8(body).unwrap_or(""),
            crc32_checksum(body)
        );
        assert!(Validator::GithubCrc32.check(token.as_bytes()));
        let mut bad = token.into_bytes();
        let last = bad.len() - 1;
        bad[last] = if bad[last] == b'A' { b'B' } else { b'A' };
        assert!(!Validator::GithubCrc32.check(&bad));
    }

    #[test]
    fn jwt_and_luhn() {
        // {"alg":"HS256","typ":"JWT"} . {"sub":"1"} . sig
        assert!(Validator::Jwt.check(b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2ln"));
        assert!(!Validator::Jwt.check(b"eyJub3QiOiJqd3QifQ.eyJzdWIiOiIxIn0.c2ln"));
        assert!(Validator::Luhn.check(b"4111 1111 1111 1111"));
        assert!(!Validator::Luhn.check(b"4111 1111 1111 1112"));
        assert_eq!(base62(61, 3), "00z");
    }
}
