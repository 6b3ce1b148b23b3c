//! The command-line interface: argument parsing and one function per command. Each command
//! returns an exit status: 0 success, 1 the spec has problems, 2 usage or I/O error.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::diagnostic::{Style, render_human};
use crate::source::SourceFile;

/// pipelinec: compile a streaming-analytics spec into reviewed, least-privilege Terraform.
#[derive(Debug, Parser)]
#[command(name = "pipelinec", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check specs: schema, inputs, cycles, edge kinds and AWS naming rules.
    Validate {
        /// Spec files to check.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
    },
    /// Render a spec to Terraform.
    Render {
        /// The spec file.
        spec: PathBuf,
        /// Output folder; replaced atomically. Defaults to `generated/<spec file stem>`.
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Print the permission matrix: each role, its trust, each statement and the edges behind it.
    Iam {
        /// The spec file.
        spec: PathBuf,
        /// `table` for code review, `json` for tools (stable).
        #[arg(long, value_enum, default_value_t = IamFormat::Table)]
        format: IamFormat,
    },
    /// Print the JSON Schema (draft-07) of the spec format.
    Schema,
}

/// Output formats of `pipelinec iam`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum IamFormat {
    Table,
    Json,
}

/// Exit statuses.
pub const OK: u8 = 0;
pub const INVALID: u8 = 1;
pub const USAGE: u8 = 2;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Validate { specs } => validate(&specs),
        Command::Render { spec, out } => render(&spec, out.as_deref()),
        Command::Iam { spec, format } => iam(&spec, format),
        Command::Schema => {
            print!("{}", crate::schema::schema_text());
            OK
        }
    }
}

fn style() -> Style {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    Style {
        color,
        width: if color { 100 } else { Style::plain().width },
    }
}

fn read(path: &Path) -> Result<SourceFile, u8> {
    SourceFile::read(path).map_err(|e| {
        eprintln!("error: cannot read `{}`: {e}", path.display());
        USAGE
    })
}

fn validate(specs: &[PathBuf]) -> u8 {
    let mut status = OK;
    for path in specs {
        let file = match read(path) {
            Ok(f) => f,
            Err(code) => {
                status = status.max(code);
                continue;
            }
        };
        match crate::check::check(&file) {
            Ok(project) => {
                println!(
                    "{}: ok ({} components, {} edges)",
                    path.display(),
                    project.components.len(),
                    project.graph.edges().count()
                );
            }
            Err(diags) => {
                eprint!("{}", render_human(&file, &diags, style()));
                eprintln!(
                    "{}: {} problem{} found",
                    path.display(),
                    diags.len(),
                    if diags.len() == 1 { "" } else { "s" }
                );
                status = status.max(INVALID);
            }
        }
    }
    status
}

/// Reads and checks one spec, printing its problems; the exit status on failure.
fn load(spec: &Path, what: &str) -> Result<crate::model::Project, u8> {
    let file = read(spec)?;
    crate::check::check(&file).map_err(|diags| {
        eprint!("{}", render_human(&file, &diags, style()));
        eprintln!("{}: {what}; fix the problems above", spec.display());
        INVALID
    })
}

fn iam(spec: &Path, format: IamFormat) -> u8 {
    let project = match load(spec, "no permission matrix") {
        Ok(p) => p,
        Err(code) => return code,
    };
    match format {
        IamFormat::Table => print!("{}", crate::iam::report::table(&project, &project.policies)),
        IamFormat::Json => {
            let json = crate::iam::report::json(&project, &project.policies);
            println!(
                "{}",
                serde_json::to_string_pretty(&json).expect("JSON serialises")
            );
        }
    }
    OK
}

fn render(spec: &Path, out: Option<&Path>) -> u8 {
    let project = match load(spec, "not rendered") {
        Ok(p) => p,
        Err(code) => return code,
    };
    let files = match crate::render::render(&project) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return USAGE;
        }
    };
    let dir = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("generated").join(&project.stem));
    if let Err(e) = crate::render::write_atomic(&dir, &files) {
        eprintln!("error: cannot write `{}`: {e}", dir.display());
        return USAGE;
    }
    let _ = writeln!(
        std::io::stdout(),
        "rendered {} files into {}",
        files.len(),
        dir.display()
    );
    OK
}
