use aes_gcm::aead::generic_array::GenericArray;
use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use chacha20poly1305::ChaCha20Poly1305;
use openssl::symm::{encrypt, Cipher};

pub fn seal(key: &[u8; 32], plaintext: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    // ruleid: rs-static-nonce
    let nonce = Nonce::from_slice(b"unique nonce");
    cipher.encrypt(nonce, plaintext).unwrap()
}

pub fn seal_zero(key: &[u8; 32], plaintext: &[u8]) -> Vec<u8> {
    let cipher = ChaCha20Poly1305::new(key.into());
    // ruleid: rs-static-nonce
    cipher.encrypt(GenericArray::from_slice(&[0u8; 12]), plaintext).unwrap()
}

pub fn seal_cbc(key: &[u8], plaintext: &[u8]) -> Vec<u8> {
    // ruleid: rs-static-nonce
    encrypt(Cipher::aes_256_cbc(), key, Some(b"0123456789abcdef"), plaintext).unwrap()
}

pub fn seal_random(key: &[u8; 32], plaintext: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    // ok: rs-static-nonce
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    let ct = cipher.encrypt(&nonce, plaintext).unwrap();
    (nonce.to_vec(), ct)
}

pub fn open(key: &[u8; 32], stored_nonce: &[u8], ct: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    // ok: rs-static-nonce
    cipher.decrypt(Nonce::from_slice(stored_nonce), ct).unwrap()
}
