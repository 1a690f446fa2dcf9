//! Integration tests of the report writers: snapshots of every format, schema validation
//! of JSON and SARIF, and format invariants. One test binary (see the house style).

mod fixture;
mod invariants;
mod json;
mod junit;
mod sarif;
mod terminal;
