//! The JSON format: the report document itself, pretty-printed, with a trailing newline.
//!
//! Its shape is described by `report.schema.json` at the root of this crate and documented
//! in `docs/report-format.md`; `palisade_core::report::SCHEMA_VERSION` versions it.

use std::io::Write;

use palisade_core::Report;

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
