//! palisade's policy engine, on regorus (a Rego interpreter in Rust).
//!
//! - [`doc`]: documents with source spans, the input every policy reads;
//! - [`yaml`]: YAML and JSON into documents, with bounded aliases and depth;
//! - [`checks`]: built-in checks (Rego with OPA `# METADATA`);
//! - [`user`]: users' conftest-style policies and `policy test`;
//! - [`gate`]: the release gate over a whole report.

pub mod checks;
pub use palisade_core::doc;
pub mod engine;
pub mod gate;
pub mod metadata;
pub mod user;
pub use palisade_core::yaml;

pub use engine::{PolicyError, PolicyFile};
