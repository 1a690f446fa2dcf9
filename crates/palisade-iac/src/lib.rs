//! palisade's IaC and CI-pipeline scanners (`iac` and `pipeline`).
//!
//! Parsers turn Terraform (HCL and plan JSON), CloudFormation, Kubernetes manifests,
//! Dockerfiles, Compose files, GitHub Actions and GitLab CI into documents with source
//! spans ([`palisade_policy::doc::Node`]); built-in checks are Rego files with OPA
//! `# METADATA` (under `rules/`), run by `palisade-policy`; results point at the exact line
//! of the offending attribute.

pub mod dockerfile;
pub mod kind;
pub mod plan;
pub mod registry;
pub mod scanner;
pub mod terraform;

pub use scanner::{Family, IacOptions, IacScanner};
