//! One module per subcommand, each with `run(globals, args) -> Result<exit code>`.

pub(crate) mod baseline;
pub(crate) mod config;
pub(crate) mod db;
pub(crate) mod explain;
pub(crate) mod fix;
pub(crate) mod gate;
pub(crate) mod init;
pub(crate) mod policy;
pub(crate) mod rules;
pub(crate) mod sbom;
pub(crate) mod scan;
pub(crate) mod trace;
pub(crate) mod version;
