//! palisade's software composition analysis.
//!
//! - [`version`]: version ordering per ecosystem, exact to each ecosystem's rules.

pub mod version;

pub use version::{Ecosystem, Version, VersionError};
