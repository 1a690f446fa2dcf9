//! Integration tests of the report writers: snapshots of every format, schema validation
//! of JSON, SARIF and the GitLab report, and format invariants. One test binary (see the house style).

mod concise;
mod fixture;
mod github;
mod gitlab;
mod invariants;
mod json;
mod junit;
mod sarif;
mod terminal;
