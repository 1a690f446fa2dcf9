use rand::distributions::{Alphanumeric, DistString};
use rand::rngs::{OsRng, SmallRng, StdRng};
use rand::{Rng, SeedableRng};

pub fn generate_session_token() -> String {
    // ruleid: rs-insecure-random-secret
    let mut rng = SmallRng::from_entropy();
    Alphanumeric.sample_string(&mut rng, 32)
}

pub fn new_api_key() -> String {
    // ruleid: rs-insecure-random-secret
    let mut rng = StdRng::seed_from_u64(42);
    (0..40).map(|_| rng.sample(Alphanumeric) as char).collect()
}

pub fn issue_reset(user_id: u64) -> (u64, String) {
    // ruleid: rs-insecure-random-secret
    let reset_token = fastrand::u128(..).to_string();
    (user_id, reset_token)
}

pub fn generate_session_token_secure() -> String {
    // ok: rs-insecure-random-secret
    Alphanumeric.sample_string(&mut OsRng, 32)
}

pub fn new_password_salt() -> [u8; 16] {
    // ok: rs-insecure-random-secret
    rand::thread_rng().gen()
}

pub fn shuffle_cards(deck: &mut Vec<u8>) {
    use rand::seq::SliceRandom;
    // ok: rs-insecure-random-secret
    let mut rng = StdRng::seed_from_u64(7);
    deck.shuffle(&mut rng);
    // ok: rs-insecure-random-secret
    let jitter = fastrand::u64(0..100);
    let _ = jitter;
}
