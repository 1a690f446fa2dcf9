use md5::{Digest as _, Md5};
use openssl::hash::{hash, MessageDigest};
use sha1::Sha1;
use sha2::{Digest, Sha256};

pub fn etag(body: &[u8]) -> String {
    // ruleid: rs-weak-hash
    let digest = md5::compute(body);
    format!("{:x}", digest)
}

pub fn fingerprint(cert_der: &[u8]) -> Vec<u8> {
    // ruleid: rs-weak-hash
    let mut hasher = Sha1::new();
    hasher.update(cert_der);
    hasher.finalize().to_vec()
}

pub fn password_digest(password: &str) -> Vec<u8> {
    // ruleid: rs-weak-hash
    Md5::digest(password.as_bytes()).to_vec()
}

pub fn openssl_digest(data: &[u8]) -> Vec<u8> {
    // ruleid: rs-weak-hash
    hash(MessageDigest::sha1(), data).unwrap().to_vec()
}

pub fn checksum(data: &[u8]) -> Vec<u8> {
    // ok: rs-weak-hash
    let mut hasher = Sha256::new();
    hasher.update(data);
    // ok: rs-weak-hash
    let _ = hash(MessageDigest::sha256(), data);
    hasher.finalize().to_vec()
}
