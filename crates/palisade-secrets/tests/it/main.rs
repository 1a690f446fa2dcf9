//! Integration tests of the secrets crate (one binary).

mod engine;
#[cfg(feature = "git")]
mod git;
mod hostile;
mod issue6;
