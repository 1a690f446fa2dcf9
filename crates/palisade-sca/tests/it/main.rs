//! Integration tests of palisade-sca: one binary.
#![allow(clippy::unwrap_used)]

mod versions;
