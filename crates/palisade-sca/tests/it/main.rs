//! Integration tests of palisade-sca: one binary.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

mod db;
mod matching;
mod parsers;
mod rules;
mod versions;
mod vex;
