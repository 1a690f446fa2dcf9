use aes::cipher::{block_padding::Pkcs7, BlockEncryptMut, KeyInit, KeyIvInit, StreamCipher};
use aes::Aes128;
use aes_gcm::aead::{Aead, AeadCore, OsRng};
use aes_gcm::Aes256Gcm;
use des::TdesEde3;
use openssl::symm::{encrypt, Cipher};
use rc4::Rc4;

pub fn legacy_token(key: &[u8], block: &mut [u8]) {
    // ruleid: rs-weak-cipher
    let cipher = TdesEde3::new_from_slice(key).unwrap();
    let _ = (cipher, block);
}

pub fn encrypt_record(key: &[u8; 16], data: &[u8]) -> Vec<u8> {
    // ruleid: rs-weak-cipher
    let enc = ecb::Encryptor::<Aes128>::new(key.into());
    enc.encrypt_padded_vec_mut::<Pkcs7>(data)
}

pub fn rc4_stream(key: &[u8], data: &mut [u8]) {
    // ruleid: rs-weak-cipher
    let mut rc4 = Rc4::new(key.into());
    rc4.apply_keystream(data);
}

pub fn openssl_encrypt(key: &[u8], data: &[u8]) -> Vec<u8> {
    // ruleid: rs-weak-cipher
    encrypt(Cipher::aes_128_ecb(), key, None, data).unwrap()
}

pub fn modern(key: &[u8; 32], data: &[u8]) -> Vec<u8> {
    // ok: rs-weak-cipher
    let cipher = Aes256Gcm::new(key.into());
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    // ok: rs-weak-cipher
    let _ = encrypt(Cipher::aes_256_gcm(), key, Some(&nonce), data);
    cipher.encrypt(&nonce, data).unwrap()
}
