use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, TokenData, Validation};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Claims {
    sub: String,
    exp: usize,
    role: String,
}

pub fn read_claims_unchecked(token: &str) -> jsonwebtoken::errors::Result<TokenData<Claims>> {
    let mut validation = Validation::new(Algorithm::HS256);
    // ruleid: rs-jwt-validation-disabled
    validation.insecure_disable_signature_validation();
    decode::<Claims>(token, &DecodingKey::from_secret(&[]), &validation)
}

pub fn read_claims_no_expiry(token: &str, secret: &[u8]) -> jsonwebtoken::errors::Result<TokenData<Claims>> {
    let mut validation = Validation::new(Algorithm::HS256);
    // ruleid: rs-jwt-validation-disabled
    validation.validate_exp = false;
    decode::<Claims>(token, &DecodingKey::from_secret(secret), &validation)
}

pub fn legacy_peek(token: &str) -> jsonwebtoken::errors::Result<TokenData<Claims>> {
    // ruleid: rs-jwt-validation-disabled
    jsonwebtoken::dangerous_insecure_decode::<Claims>(token)
}

pub fn read_claims(token: &str, pem: &[u8]) -> jsonwebtoken::errors::Result<TokenData<Claims>> {
    // ok: rs-jwt-validation-disabled
    let header = decode_header(token)?;
    let mut validation = Validation::new(header.alg);
    // ok: rs-jwt-validation-disabled
    validation.validate_exp = true;
    validation.leeway = 30;
    decode::<Claims>(token, &DecodingKey::from_rsa_pem(pem)?, &validation)
}
