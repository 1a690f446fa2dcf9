//! palisade's static analysis (SAST).
//!
//! Rules are YAML data (`rules/<language>/<id>.yaml`), each with an annotated fixture beside
//! it, embedded in the binary. A rule's matcher combines structural patterns (code in the
//! target language with `$X` metavariables, matched on tree-sitter syntax trees through
//! ast-grep-core) with `all`/`any`/`not`, the relations `inside`/`has`/`follows`/`precedes`
//! and constraints on metavariables. The language is documented in `docs/scanners/sast.md`.

pub mod engine;
pub mod fixture;
pub mod lang;
pub mod matcher;
pub mod rule;
pub mod scanner;
pub mod taint;

pub use lang::Lang;
pub use rule::{Check, Rule, RuleError, builtin};
pub use scanner::{Fix, SastOptions, SastScanner, apply};
