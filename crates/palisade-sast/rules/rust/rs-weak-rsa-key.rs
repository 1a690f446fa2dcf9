use openssl::rsa::Rsa;
use rand::rngs::OsRng;
use rsa::RsaPrivateKey;

pub fn device_key() -> RsaPrivateKey {
    let mut rng = OsRng;
    // ruleid: rs-weak-rsa-key
    RsaPrivateKey::new(&mut rng, 1024).expect("key generation")
}

pub fn legacy_openssl_key() -> Rsa<openssl::pkey::Private> {
    // ruleid: rs-weak-rsa-key
    Rsa::generate(512).unwrap()
}

pub fn server_key() -> RsaPrivateKey {
    // ok: rs-weak-rsa-key
    RsaPrivateKey::new(&mut OsRng, 3072).expect("key generation")
}

pub fn server_openssl_key() -> Rsa<openssl::pkey::Private> {
    // ok: rs-weak-rsa-key
    Rsa::generate(2048).unwrap()
}
