//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use palisade_core::text::escape_control;
use palisade_report::Format;

/// palisade: one binary for the DevSecOps loop. This build scans for secrets in files,
/// staged changes and git history, with baselines, suppressions and a severity gate.
#[derive(Debug, Parser)]
#[command(
    name = "palisade",
    version,
    about = "Find hard-coded secrets in files, staged changes and git history, and gate on them",
    after_help = EXIT_CODES
)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
    #[command(subcommand)]
    pub(crate) command: Command,
}

pub(crate) const EXIT_CODES: &str = "Exit codes:
  0  gate passed (or failed on findings, with --exit-zero)
  1  gate failed (an unsuppressed finding at or above --fail-on, or a policy deny)
  2  usage or configuration error
  3  a scanner failed (fail closed: results are incomplete), also with --exit-zero
The code is the same when stdout is closed early (`palisade scan | head`).";

/// Options accepted by every command.
#[derive(Debug, Args, Clone)]
pub(crate) struct GlobalArgs {
    /// When to use colour in terminal output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub(crate) color: ColorChoice,
    /// Tell what happened on stderr: -v the project root, config file, files by outcome
    /// (scanned, skipped, ignored, with ignored entries listed in reports), findings and
    /// time per stage; -vv every file and ignore file; -vvv trace. Coloured only as --color
    /// says. PALISADE_LOG (a tracing filter) overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub(crate) verbose: u8,
    /// Only errors on stderr; no progress bar.
    #[arg(short, long, global = true)]
    pub(crate) quiet: bool,
    /// The vulnerability database file (default: palisade/advisories.sqlite in the user's
    /// cache directory).
    #[arg(long, value_name = "PATH", env = "PALISADE_DB", global = true)]
    pub(crate) db: Option<PathBuf>,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colour where the output (stdout for reports, stderr for logs) is a terminal and
    /// NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Scan a directory, its staged changes or its git history.
    #[command(after_help = EXIT_CODES)]
    Scan(ScanArgs),
    /// Manage baselines of accepted findings.
    #[command(subcommand_required = true)]
    Baseline(BaselineArgs),
    /// List every rule (or write the rule documentation pages).
    Rules(RulesArgs),
    /// Print the documentation of one rule.
    Explain(ExplainArgs),
    /// Write a commented starting palisade.toml.
    Init(InitArgs),
    /// Show the effective configuration.
    #[command(subcommand_required = true)]
    Config(ConfigArgs),
    /// Write a software bill of materials (CycloneDX 1.6 or SPDX 2.3, JSON) of every
    /// lockfile and manifest under the paths.
    Sbom(SbomArgs),
    /// Manage the vulnerability database (OSV advisories, CISA KEV).
    #[command(subcommand_required = true)]
    Db(DbArgs),
    /// Compare package versions under an ecosystem's own rules.
    #[command(subcommand_required = true)]
    Version(VersionArgs),
    /// Evaluate the release gate over a JSON report (`scan --format json:FILE`).
    #[command(after_help = EXIT_CODES)]
    Gate(GateArgs),
    /// Test and debug Rego policies.
    #[command(subcommand_required = true)]
    Policy(PolicyArgs),
    /// Trace specification items (OpenFastTrace notation in Markdown, YAML items), threats
    /// and the coverage tags in code and tests; exit 1 when any item has a defect.
    Trace(TraceArgs),
    /// Derive STRIDE threats from the threat models (YAML, or Threagile) under the paths;
    /// draw the data-flow diagram as SVG or DOT.
    Threats(ThreatsArgs),
    /// Show the fixes that SAST rules offer as a diff; apply them with --write. Exit 1 when
    /// there are fixes not applied, 0 when there are none or all were written.
    Fix(FixArgs),
}

/// `palisade fix`.
#[derive(Debug, Args)]
pub(crate) struct FixArgs {
    #[command(flatten)]
    pub(crate) target: TargetArgs,
    /// Apply the fixes to the files (the diff is still printed).
    #[arg(long)]
    pub(crate) write: bool,
}

/// `palisade threats`.
#[derive(Debug, Args)]
pub(crate) struct ThreatsArgs {
    #[command(flatten)]
    pub(crate) target: TargetArgs,
    /// Output: terminal (threats per model), json (models and threats), svg (the data-flow
    /// diagram) or dot (for Graphviz).
    #[arg(long, short = 'f', value_enum, default_value_t = ThreatsFormat::Terminal)]
    pub(crate) format: ThreatsFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// With svg or dot and several models: the model file to draw.
    #[arg(long, value_name = "PATH")]
    pub(crate) model: Option<String>,
}

/// `palisade threats` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ThreatsFormat {
    /// Threats per model, with severity, STRIDE category, id and place.
    Terminal,
    /// The models and their threats.
    Json,
    /// The data-flow diagram, laid out by palisade.
    Svg,
    /// The data-flow diagram as Graphviz DOT.
    Dot,
}

/// `palisade trace`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct TraceArgs {
    #[command(subcommand)]
    pub(crate) command: Option<TraceCommand>,
    #[command(flatten)]
    pub(crate) target: TargetArgs,
    /// Output: terminal (defects, then the verdict line), json, csv, html (a self-contained
    /// traceability matrix) or reqif (ReqIF 1.2).
    #[arg(long, short = 'f', value_enum, default_value_t = TraceFormat::Terminal)]
    pub(crate) format: TraceFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// JUnit XML test results (a file, or a folder of `*.xml`; repeatable): an item covered
    /// by tagged tests is verified when one passed, failing when one failed.
    #[arg(long, value_name = "PATH")]
    pub(crate) junit: Vec<PathBuf>,
    /// A palisade JSON report (`scan --format json:FILE`) that verifies the items with
    /// `Verified-by`, instead of scanning the paths now.
    #[arg(long, value_name = "FILE", conflicts_with = "no_scan")]
    pub(crate) report: Option<PathBuf>,
    /// Do not scan: items with `Verified-by` are not judged by scan results.
    #[arg(long)]
    pub(crate) no_scan: bool,
    /// Fail (exit 1) instead of writing palisade-trace.lock when it lacks links or holds
    /// links that no longer exist (for CI: the committed lock must be current).
    #[arg(long)]
    pub(crate) locked: bool,
    /// With --format html: the address files are linked under, e.g.
    /// `https://github.com/org/repo/blob/main` (default: relative paths).
    #[arg(long, value_name = "URL")]
    pub(crate) link_base: Option<String>,
}

/// `palisade trace` subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum TraceCommand {
    /// Clear suspect links: record the current content hashes of every link at either end of
    /// the named items in palisade-trace.lock.
    Review(TraceReviewArgs),
    /// Convert a ReqIF 1.2 file (as Jama, DOORS, Polarion or palisade export it) into a YAML
    /// item file that `palisade trace` reads, keeping every attribute.
    ImportReqif(ImportReqifArgs),
}

/// `palisade trace review`.
#[derive(Debug, Args)]
pub(crate) struct TraceReviewArgs {
    /// Items: an id (`req~login-mfa~2`), `type~name` (every revision), or a file (its
    /// coverage tags).
    #[arg(value_name = "ID", required_unless_present = "all")]
    pub(crate) ids: Vec<String>,
    /// Review every suspect link.
    #[arg(long)]
    pub(crate) all: bool,
    /// The project folder [default: .].
    #[arg(long, value_name = "PATH")]
    pub(crate) path: Option<PathBuf>,
}

/// `palisade trace import-reqif`.
#[derive(Debug, Args)]
pub(crate) struct ImportReqifArgs {
    /// The ReqIF file (`.reqif`).
    pub(crate) file: PathBuf,
    /// Write the YAML items here [default: standard output]; name it `*.items.yaml` inside
    /// the project for `palisade trace` to read it.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Item type for objects whose type names none (`req`).
    #[arg(long, value_name = "TYPE", default_value = "req")]
    pub(crate) kind: String,
}

/// `palisade trace` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TraceFormat {
    /// Defective items, a summary, and OpenFastTrace's `ok - N total` / `not ok - ...` line.
    Terminal,
    /// Totals, links, defects by kind, and every item with its status.
    Json,
    /// One row per item.
    Csv,
    /// A self-contained HTML traceability matrix.
    Html,
    /// ReqIF 1.2, which `palisade trace import-reqif` reads back without loss.
    Reqif,
}

/// `palisade gate`.
#[derive(Debug, Args)]
pub(crate) struct GateArgs {
    /// The report (JSON, as `scan --format json` writes it).
    pub(crate) report: PathBuf,
    /// A folder (or file) of Rego policies; `package palisade.gate` rules extend the gate.
    #[arg(long, value_name = "DIR")]
    pub(crate) policy: Option<PathBuf>,
    /// A trace (`palisade trace --format json -o FILE`): its defects are part of
    /// the gate's input (`input.trace`) and block unless `[trace] gate = false`.
    #[arg(long, value_name = "FILE")]
    pub(crate) trace: Option<PathBuf>,
    /// Lowest severity that fails the built-in gate (default: the report's own threshold).
    #[arg(long, value_name = "SEVERITY")]
    pub(crate) fail_on: Option<SeverityArg>,
    /// Do not load the built-in gate policy (only yours decides).
    #[arg(long)]
    pub(crate) no_default_policy: bool,
}

/// `palisade policy`.
#[derive(Debug, Args)]
pub(crate) struct PolicyArgs {
    #[command(subcommand)]
    pub(crate) command: PolicyCommand,
}

/// `palisade policy` subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum PolicyCommand {
    /// Run the `test_*` rules of a policy folder, as `opa test` does.
    Test {
        /// Folder (or file) of Rego policies and their tests.
        dir: PathBuf,
    },
    /// Print the input documents a policy sees for a file (JSON), to debug rules.
    Eval {
        /// The IaC or pipeline file.
        file: PathBuf,
        /// Also run the policies of this folder on it and print their results.
        #[arg(long, value_name = "DIR")]
        policy: Option<PathBuf>,
        /// The package whose rules run (repeatable; default `main`).
        #[arg(long, value_name = "PACKAGE")]
        namespace: Vec<String>,
    },
}

/// One `--format FORMAT[:FILE]` value: a report format and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutputSpec {
    /// The format.
    pub(crate) format: Format,
    /// The file to write, `None` for standard output (no FILE, or `-`).
    pub(crate) file: Option<PathBuf>,
}

/// Parse `FORMAT[:FILE]`. The format name holds no `:`, so everything after the first `:`
/// is the file name (which may hold `:` itself); `-` as FILE means standard output.
fn parse_output_spec(value: &str) -> Result<OutputSpec, String> {
    let (name, file) = match value.split_once(':') {
        Some((name, file)) => (name, Some(file)),
        None => (value, None),
    };
    let format = Format::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
        format!(
            "unknown format `{}`; expected one of: {}",
            escape_control(name),
            names.join(", ")
        )
    })?;
    let file = match file {
        None | Some("-") => None,
        Some("") => {
            return Err(format!(
                "no file after `{name}:`; write `{name}:FILE`, or `{name}` for standard output"
            ));
        }
        Some(f) => Some(PathBuf::from(f)),
    };
    Ok(OutputSpec { format, file })
}

/// Severities for --fail-on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SeverityArg {
    /// Fail on critical only.
    Critical,
    /// Fail on high or worse.
    High,
    /// Fail on medium or worse.
    Medium,
    /// Fail on low or worse.
    Low,
    /// Fail on any finding.
    Info,
}

/// What to scan and how to find it: the arguments `scan`, `baseline create` and `config
/// show` share.
#[derive(Debug, Args, Clone, Default)]
#[allow(clippy::struct_excessive_bools)] // one bool per CLI flag
pub(crate) struct TargetArgs {
    /// Folders and files to scan [default: .]. `-` reads standard input (name it with
    /// --stdin-filename). A named pipe or device is read as one file, up to
    /// scan.max-file-size. Paths named here are scanned even when excluded or ignored. With
    /// --staged/--git-history: one path inside the repository, whose whole staged changes
    /// or history are scanned.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// The file name that standard input (`-`) stands for, for path rules, reports and
    /// config discovery, e.g. `--stdin-filename config/prod.env`.
    #[arg(long, value_name = "PATH")]
    pub(crate) stdin_filename: Option<PathBuf>,
    /// Scanners to run, comma-separated. Available: secrets, sast, sca, iac, pipeline (default:
    /// all, or `[scan] scanners` in palisade.toml). A scanner named twice runs once.
    #[arg(long, value_delimiter = ',')]
    pub(crate) scanners: Option<Vec<String>>,
    /// Config file [default: the nearest palisade.toml from the scanned paths upward, up to
    /// the repository root; from the repository root with --staged/--git-history].
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub(crate) config: Option<PathBuf>,
    /// Ignore every config file: built-in defaults and command-line options only.
    #[arg(long)]
    pub(crate) isolated: bool,
    /// Scan every blob reachable from every ref of the git repository, once each.
    #[arg(long, conflicts_with = "staged")]
    pub(crate) git_history: bool,
    /// Scan exactly the staged content (for pre-commit hooks).
    #[arg(long)]
    pub(crate) staged: bool,
    /// With --git-history: only the commits after REV (reachable from HEAD, not from REV),
    /// e.g. the pushed commits in CI: `--since "$CI_COMMIT_BEFORE_SHA"`. Content REV already
    /// had is not reported again. REV is a full commit id, HEAD, or a branch or tag name; an
    /// id of all zeros (a new branch) means the whole history of HEAD.
    #[arg(
        long,
        value_name = "REV",
        requires = "git_history",
        conflicts_with = "commits"
    )]
    pub(crate) since: Option<String>,
    /// With --git-history: only the commits of START..END (reachable from END, not from
    /// START), as `git log START..END` would list them.
    #[arg(long, value_name = "START..END", requires = "git_history")]
    pub(crate) commits: Option<String>,
    /// Scan only the files that differ from commit REV (a full commit id, HEAD, or a branch
    /// or tag name): added or modified since, committed or not. For pull-request checks:
    /// `--changed-since origin/main`. Findings of unchanged files are not reported.
    #[arg(
        long,
        value_name = "REV",
        conflicts_with_all = ["git_history", "staged"]
    )]
    pub(crate) changed_since: Option<String>,
    /// Leave out paths matching PATTERN (.gitignore syntax: `deploy/`, `*.min.js`,
    /// `/build`), relative to the current directory; repeat for several. Added to
    /// scan.exclude.
    #[arg(long, value_name = "PATTERN")]
    pub(crate) exclude: Vec<String>,
    /// Do not honour .gitignore/.ignore/.palisadeignore files.
    #[arg(long)]
    pub(crate) no_ignore: bool,
}

/// Arguments of `scan`.
#[derive(Debug, Args, Clone)]
#[allow(clippy::struct_excessive_bools)] // one bool per CLI flag
pub(crate) struct ScanArgs {
    #[command(flatten)]
    pub(crate) target: TargetArgs,
    /// Report format, and optionally the file it goes to: FORMAT[:FILE]. Repeat for several
    /// outputs in one run (`-f sarif:palisade.sarif -f terminal`); at most one goes to
    /// stdout. Formats: terminal (default), concise, json, sarif, junit, github, gitlab,
    /// gitlab-sast, gitlab-dependency-scanning.
    #[arg(
        long,
        short = 'f',
        visible_alias = "output-format",
        value_name = "FORMAT[:FILE]",
        value_parser = parse_output_spec
    )]
    pub(crate) format: Vec<OutputSpec>,
    /// Write the report to FILE instead of stdout (the one --format given without a FILE).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Gate threshold [default: fail-on from palisade.toml, else high].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub(crate) fail_on: Option<SeverityArg>,
    /// Report only findings not in this baseline (see `palisade baseline create`).
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Show detected secrets in clear text (never the default).
    #[arg(long)]
    pub(crate) show_secrets: bool,
    /// Also list suppressed and baselined findings in terminal output.
    #[arg(long)]
    pub(crate) show_suppressed: bool,
    /// Never show a progress bar.
    #[arg(long)]
    pub(crate) no_progress: bool,
    /// Exit with code 0 even when findings fail the gate (the report still says it failed).
    /// Usage and config errors (2) and scanner failures (3) keep their codes.
    #[arg(long)]
    pub(crate) exit_zero: bool,
    /// A VEX document (OpenVEX or CycloneDX VEX) whose `not_affected`/`fixed` statements
    /// suppress the findings they name (repeatable; added to `[sca] vex`).
    #[arg(long, value_name = "FILE")]
    pub(crate) vex: Vec<PathBuf>,
    /// Also write an SBOM of the scanned lockfiles: `cyclonedx-json:FILE` or
    /// `spdx-json:FILE` (repeatable), as `palisade sbom` writes it.
    #[arg(long, value_name = "FORMAT:FILE", value_parser = parse_sbom_spec)]
    pub(crate) sbom: Vec<(SbomFormatArg, PathBuf)>,
    /// A folder (or file) of your own Rego policies: conftest-style `deny`/`violation`/`warn`
    /// rules run on every IaC and pipeline file (package `main` unless `--namespace`), and
    /// `package palisade.gate` rules that extend the gate.
    #[arg(long, value_name = "DIR")]
    pub(crate) policy: Option<PathBuf>,
    /// Run the policies of this package (repeatable; default `main`), as conftest's `--namespace`.
    #[arg(long, value_name = "PACKAGE", requires = "policy")]
    pub(crate) namespace: Vec<String>,
    /// Run the policies of every package, as conftest's `--all-namespaces`.
    #[arg(long, requires = "policy")]
    pub(crate) all_namespaces: bool,
    /// With --git-history, fail (exit code 3) on a shallow clone instead of warning
    /// [default: fail-on-shallow from palisade.toml, else false].
    #[arg(long)]
    pub(crate) fail_on_shallow: bool,
}

impl ScanArgs {
    /// The arguments of a scan of `target` with every other option at its default.
    pub(crate) fn of(target: TargetArgs) -> Self {
        Self {
            target,
            format: Vec::new(),
            output: None,
            fail_on: None,
            baseline: None,
            show_secrets: false,
            show_suppressed: false,
            no_progress: false,
            exit_zero: false,
            vex: Vec::new(),
            sbom: Vec::new(),
            policy: None,
            namespace: Vec::new(),
            all_namespaces: false,
            fail_on_shallow: false,
        }
    }
}

/// `baseline` subcommands.
#[derive(Debug, Args)]
pub(crate) struct BaselineArgs {
    #[command(subcommand)]
    pub(crate) command: BaselineCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum BaselineCommand {
    /// Scan and write the fingerprints of every current finding to a baseline file.
    Create(BaselineCreateArgs),
}

/// Arguments of `baseline create`.
#[derive(Debug, Args)]
pub(crate) struct BaselineCreateArgs {
    /// Baseline file to write.
    #[arg(long, short = 'o', default_value = "palisade-baseline.json")]
    pub(crate) output: PathBuf,
    /// Overwrite an existing baseline file.
    #[arg(long)]
    pub(crate) force: bool,
    #[command(flatten)]
    pub(crate) target: TargetArgs,
}

/// `config` subcommands.
#[derive(Debug, Args)]
pub(crate) struct ConfigArgs {
    #[command(subcommand)]
    pub(crate) command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ConfigCommand {
    /// Print the settings a scan of PATH would use, and where each came from: the project
    /// root, the config file, ignore files and excludes.
    Show(TargetArgs),
}

/// Arguments of `rules`.
#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub(crate) format: RulesFormat,
    /// Write one Markdown page per rule and an index.md into DIR (docs/rules).
    #[arg(long, value_name = "DIR")]
    pub(crate) docs: Option<PathBuf>,
}

/// Formats of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RulesFormat {
    /// One line per rule.
    Table,
    /// JSON array of rule metadata.
    Json,
}

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// Rule id, e.g. aws-access-key-id.
    pub(crate) id: String,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// Directory to write palisade.toml into.
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// Overwrite an existing palisade.toml.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Arguments of `version`.
#[derive(Debug, Args)]
pub(crate) struct VersionArgs {
    #[command(subcommand)]
    pub(crate) command: VersionCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum VersionCommand {
    /// Print `<`, `=` or `>`: how version A orders against version B in ECOSYSTEM.
    ///
    /// ECOSYSTEM is an OSV ecosystem name: npm, crates.io, Hex, Pub, Go, PyPI, Maven,
    /// RubyGems, NuGet, Packagist, Debian (or Ubuntu), Alpine, AlmaLinux, Rocky Linux,
    /// Red Hat, openSUSE or SUSE; a release suffix such as `Debian:12` is accepted.
    /// With --stdin, reads `ECOSYSTEM A B` lines and answers one line each (`?` for a line
    /// that cannot be compared, with the reason on stderr and exit code 2 at the end).
    #[command(after_help = "Exit codes: 0 compared; 2 unknown ecosystem or invalid version.")]
    Cmp(VersionCmpArgs),
}

/// Arguments of `version cmp`.
#[derive(Debug, Args)]
pub(crate) struct VersionCmpArgs {
    /// Read `ECOSYSTEM A B` lines from standard input.
    #[arg(long, conflicts_with_all = ["ecosystem", "a", "b"])]
    pub(crate) stdin: bool,
    /// OSV ecosystem name.
    #[arg(required_unless_present = "stdin")]
    pub(crate) ecosystem: Option<String>,
    /// First version.
    #[arg(required_unless_present = "stdin", allow_hyphen_values = true)]
    pub(crate) a: Option<String>,
    /// Second version.
    #[arg(required_unless_present = "stdin", allow_hyphen_values = true)]
    pub(crate) b: Option<String>,
}

/// Arguments of `db`.
#[derive(Debug, Args)]
pub(crate) struct DbArgs {
    #[command(subcommand)]
    pub(crate) command: DbCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum DbCommand {
    /// Import OSV advisories: JSON files, JSON lines, folders of them, OSV's per-ecosystem
    /// all.zip archives, and CISA's known_exploited_vulnerabilities.json. Advisories not
    /// newer than the stored copy are skipped.
    Import(DbImportArgs),
    /// Show each source in the database: advisories, newest change, when it was imported.
    Status,
    /// Download OSV's all.zip archive of each ECOSYSTEM (and with --kev CISA's KEV
    /// catalogue) and import them. Needs network access; everything else works offline.
    Update(DbUpdateArgs),
}

/// Arguments of `db update`.
#[derive(Debug, Args)]
pub(crate) struct DbUpdateArgs {
    /// OSV ecosystem names, as in https://osv-vulnerabilities.storage.googleapis.com/ecosystems.txt
    /// (npm, PyPI, crates.io, Go, Maven, RubyGems, NuGet, Packagist, Pub, Hex, ...).
    #[arg(required = true, value_name = "ECOSYSTEM")]
    pub(crate) ecosystems: Vec<String>,
    /// Also download CISA's Known Exploited Vulnerabilities catalogue.
    #[arg(long)]
    pub(crate) kev: bool,
}

/// Arguments of `db import`.
#[derive(Debug, Args)]
pub(crate) struct DbImportArgs {
    /// Files or folders to import.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
}

/// Arguments of `sbom`.
#[derive(Debug, Args)]
pub(crate) struct SbomArgs {
    #[command(flatten)]
    pub(crate) target: TargetArgs,
    /// SBOM format.
    #[arg(long, short = 'f', value_enum, default_value_t = SbomFormatArg::CyclonedxJson)]
    pub(crate) format: SbomFormatArg,
    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// SBOM formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SbomFormatArg {
    /// CycloneDX 1.6 JSON.
    CyclonedxJson,
    /// SPDX 2.3 JSON.
    SpdxJson,
}

/// Parse `cyclonedx-json:FILE` / `spdx-json:FILE`.
fn parse_sbom_spec(value: &str) -> Result<(SbomFormatArg, PathBuf), String> {
    let (name, file) = value
        .split_once(':')
        .ok_or_else(|| "expected FORMAT:FILE, e.g. cyclonedx-json:sbom.json".to_owned())?;
    let format = match name {
        "cyclonedx-json" => SbomFormatArg::CyclonedxJson,
        "spdx-json" => SbomFormatArg::SpdxJson,
        other => {
            return Err(format!(
                "unknown SBOM format `{}`; expected cyclonedx-json or spdx-json",
                escape_control(other)
            ));
        }
    };
    if file.is_empty() {
        return Err("no FILE after the SBOM format".to_owned());
    }
    Ok((format, PathBuf::from(file)))
}
