//! palisade-iac integration tests: one binary.

mod checks;
mod scan;
