//! The command-line interface: argument parsing here, one file per command. Every command
//! returns an exit status: 0 success, 1 the spec has problems (or `--check` found drift),
//! 2 usage or I/O error.

/// `print!` of text already made safe to print (a printer's output) to stdout that never panics:
/// a closed pipe (`pipelinec graph … | head`) ends the
/// output quietly instead.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::emit(&format!($($arg)*)) };
}

/// `println!` to stdout that never panics; see [`out!`].
/// Its text is ours with paths and spec values inside, so hidden characters in those (escape
/// codes in a file name) are shown escaped rather than sent to the terminal.
macro_rules! outln {
    ($($arg:tt)*) => {{
        $crate::cli::emit(&$crate::diagnostic::text::clean_lines(&format!($($arg)*)));
        $crate::cli::emit("\n")
    }};
}

/// `eprint!` that never panics: when stderr is closed (`pipelinec validate … 2>&1 | head`),
/// what cannot be written is dropped and the exit status still tells the outcome.
macro_rules! err {
    ($($arg:tt)*) => { $crate::cli::emit_err(&format!($($arg)*)) };
}

/// `eprintln!` that never panics; see [`err!`].
/// Cleans its text as [`outln!`] does.
macro_rules! errln {
    ($($arg:tt)*) => {{
        $crate::cli::emit_err(&$crate::diagnostic::text::clean_lines(&format!($($arg)*)));
        $crate::cli::emit_err("\n")
    }};
}

mod graph;
mod iam;
mod init;
mod render;
mod validate;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::{Style, render_human};
use crate::source::SourceFile;

/// Compile a streaming-analytics spec into reviewed, least-privilege Terraform.
///
/// Write sources, transforms and sinks in one YAML spec; `validate` checks it, `render` writes
/// Terraform for every AWS service in it, with IAM derived from the data flows.
#[derive(Debug, Parser)]
#[command(name = "pipelinec", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check specs: schema, inputs, cycles, edge kinds, AWS naming rules and IAM quotas.
    Validate {
        /// Spec files to check.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// How to print problems: for people, JSON lines, SARIF 2.1.0, or GitHub annotations.
        #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
        format: DiagnosticFormat,
    },
    /// Render specs to Terraform (or, with --check, compare with what is on disk).
    Render {
        /// Spec files to render. Default: every `*.yaml` spec in `specs/`.
        specs: Vec<PathBuf>,
        /// Output folder (one spec only). Default: `generated/<spec stem>`, and a folder per
        /// environment in it (`generated/<spec stem>/<env>`) for a spec with environments.
        /// pipelinec replaces and deletes only the files its manifest there lists; the rest is
        /// yours.
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Render only this environment (into the output folder itself when --out is given).
        /// Default: every environment the spec declares.
        #[arg(long)]
        env: Option<String>,
        /// Replace files that pipelinec did not write (or another project's render).
        #[arg(long, conflicts_with = "check")]
        force: bool,
        /// Write nothing; exit 1 and list the files that differ from a fresh render.
        #[arg(long)]
        check: bool,
        /// With --check, also print a unified diff of each differing file.
        #[arg(long, requires = "check")]
        diff: bool,
        /// With --check, list the rendered blocks that `*_override.tf` files change without
        /// failing (by default they fail the check: they change what was reviewed).
        #[arg(long, requires = "check")]
        allow_overrides: bool,
        /// Render a child module for an existing root to call (with `for_each` if it likes):
        /// no provider, backend or region of its own, every AWS name prefixed by its variable
        /// `name`. Needs --out.
        #[arg(long, requires = "out")]
        as_module: bool,
    },
    /// Print the permission matrix: each identity, its trust, each statement and its edges.
    Iam {
        /// The spec file.
        spec: PathBuf,
        /// The environment whose identities to print. Default: the spec's first.
        #[arg(long)]
        env: Option<String>,
        /// `table` for code review, `json` for tools (stable).
        #[arg(long, value_enum, default_value_t = IamFormat::Table)]
        format: IamFormat,
    },
    /// Print the dependency graph: nodes grouped by section, edges labelled with their access.
    Graph {
        /// The spec file.
        spec: PathBuf,
        /// The environment whose graph to print. Default: the spec's first.
        #[arg(long)]
        env: Option<String>,
        /// `dot` for Graphviz (`| dot -Tsvg`), `mermaid` for Markdown.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// Write a starter spec (with its schema and code) that validates and renders as it is.
    Init {
        /// Folder to write into.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Which example to start from.
        #[arg(long, default_value = "iot-analytics", value_parser = clap::builder::PossibleValuesParser::new(crate::init::templates()))]
        template: String,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema (draft-07) of the spec format.
    Schema,
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    Human,
    Json,
    Sarif,
    Github,
}

/// Output formats of `pipelinec iam`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IamFormat {
    Table,
    Json,
}

/// Output formats of `pipelinec graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

/// Exit statuses.
pub const OK: u8 = 0;
pub const INVALID: u8 = 1;
pub const USAGE: u8 = 2;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Validate { specs, format } => validate::run(&specs, format),
        Command::Render {
            specs,
            out,
            env,
            force,
            check,
            diff,
            allow_overrides,
            as_module,
        } => render::run(
            &specs,
            out.as_deref(),
            env.as_deref(),
            render::Mode {
                check,
                diff,
                force,
                allow_overrides,
                as_module,
            },
        ),
        Command::Iam { spec, env, format } => iam::run(&spec, env.as_deref(), format),
        Command::Graph { spec, env, format } => graph::run(&spec, env.as_deref(), format),
        Command::Init {
            dir,
            template,
            force,
        } => init::run(&dir, &template, force),
        Command::Schema => {
            out!("{}", crate::schema::schema_text());
            OK
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "pipelinec", &mut std::io::stdout());
            OK
        }
    }
}

/// How human diagnostics are drawn on this terminal.
fn style() -> Style {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    Style {
        color,
        ..Style::plain()
    }
}

fn read(path: &Path) -> Result<SourceFile, u8> {
    SourceFile::read(path).map_err(|e| {
        errln!("error: cannot read `{}`: {e}", path.display());
        USAGE
    })
}

/// Reads and checks one spec as environment `env` deploys it (default: its first), printing
/// its problems; the exit status on failure.
fn load(spec: &Path, env: Option<&str>, what: &str) -> Result<crate::check::Compiled, u8> {
    let file = read(spec)?;
    match crate::check::check_env(&file, env) {
        Ok(project) => {
            warn(&file, &project.warnings);
            Ok(project)
        }
        Err(diags) => Err(report(&file, &diags, what)),
    }
}

/// [`load`] for one spec of several, which must not share a project name: the environment
/// asked for, or every one. Keeps the file for diagnostics found later (packaging, at render
/// time).
fn load_file(
    spec: &Path,
    env: Option<&str>,
    what: &str,
    names: &mut crate::check::ProjectNames,
) -> Result<(SourceFile, Vec<crate::check::Compiled>), u8> {
    let file = read(spec)?;
    let checked = match env {
        Some(_) => crate::check::check_env(&file, env).map(|c| vec![c]),
        None => crate::check::check_all(&file),
    };
    match checked {
        Ok(projects) => {
            for project in &projects {
                if let Some(clash) = names.clash(&file, project) {
                    return Err(report(&file, &[clash], what));
                }
            }
            warn(&file, &crate::check::warnings(&projects));
            Ok((file, projects))
        }
        Err(diags) => Err(report(&file, &diags, what)),
    }
}

fn warn(file: &SourceFile, warnings: &[crate::diagnostic::Diagnostic]) {
    if !warnings.is_empty() {
        err!("{}", render_human(file, warnings, style()));
    }
}

/// Prints a spec's problems for people and says what was not done; the exit status.
fn report(file: &SourceFile, diags: &[crate::diagnostic::Diagnostic], what: &str) -> u8 {
    err!("{}", render_human(file, diags, style()));
    errln!("{}: {what}; fix the problems above", file.path.display());
    INVALID
}

/// Writes to stderr, ignoring a closed stream.
pub fn emit_err(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes to stdout; a reader that went away (broken pipe) ends the process quietly, as other
/// command-line tools do, rather than panicking.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to stdout: {e}");
        std::process::exit(USAGE as i32);
    }
}
