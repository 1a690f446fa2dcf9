//! The `palisade` command-line interface: argument parsing and wiring only; scanning logic
//! lives in the library crates.

mod cli;
mod commands;
mod output;
mod pipeline;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli.global);
    let result = match cli.command {
        Command::Scan(args) => commands::scan::run(&cli.global, &args),
        Command::Baseline(args) => commands::baseline::run(&cli.global, &args),
        Command::Rules(args) => commands::rules::run(&cli.global, &args),
        Command::Explain(args) => commands::explain::run(&cli.global, &args),
        Command::Init(args) => commands::init::run(&cli.global, &args),
        Command::Config(args) => commands::config::run(&cli.global, &args),
        Command::Version(args) => commands::version::run(&cli.global, &args),
        Command::Db(args) => commands::db::run(&cli.global, &args),
        Command::Sbom(args) => commands::sbom::run(&cli.global, &args),
        Command::Gate(args) => commands::gate::run(&cli.global, &args),
        Command::Policy(args) => commands::policy::run(&cli.global, &args),
        Command::Trace(args) => commands::trace::run(&cli.global, &args),
        Command::Threats(args) => commands::trace::threats(&cli.global, &args),
        Command::Fix(args) => commands::fix::run(&cli.global, &args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed stdout is not an error (`output::stdout_with`): the code is the
        // command's own, so `palisade scan | head -1` keeps the gate's verdict.
        Err(err) => {
            output::error(&format!("{err:#}"));
            ExitCode::from(2)
        }
    }
}

fn init_logging(global: &cli::GlobalArgs) {
    use tracing_subscriber::EnvFilter;
    let default = match (global.quiet, global.verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    #[allow(clippy::disallowed_methods)] // the CLI is where the environment is read
    let filter = std::env::var("PALISADE_LOG")
        .ok()
        .and_then(|v| EnvFilter::try_new(v).ok())
        .unwrap_or_else(|| EnvFilter::new(default));
    // Logs follow --color and NO_COLOR, and are plain when stderr is not a terminal.
    let ansi = output::use_color(global.color, std::io::stderr().is_terminal());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .try_init();
}
