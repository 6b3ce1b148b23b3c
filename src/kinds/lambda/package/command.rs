//! Running a build in the temporary copy: the preset's pip or npm command, or the spec's own
//! shell command. Each runs with the copy as its working folder and a few variables that keep
//! builds reproducible (`SOURCE_DATE_EPOCH`, no bytecode) and tell a custom command what it
//! builds for (`PIPELINEC_LAMBDA`, `PIPELINEC_RUNTIME`, `PIPELINEC_ARCHITECTURE`).

use std::path::Path;
use std::process::{Command, Stdio};

use super::Function;
use super::preset::Plan;
use super::problem::Problem;
use crate::kinds::lambda::Architecture;

/// 1980-01-01, the zip epoch every entry gets: tools that honour `SOURCE_DATE_EPOCH` then
/// write the same timestamps into what they generate.
const SOURCE_DATE_EPOCH: &str = "315532800";

/// Runs `plan`'s build in `copy`.
pub fn run(f: &Function, plan: &Plan, copy: &Path) -> Result<(), Problem> {
    let Some((argv, shown)) = command(f, plan, copy)? else {
        return Ok(());
    };
    let output = Command::new(&argv[0])
        .args(&argv[1..])
        .current_dir(copy)
        .stdin(Stdio::null())
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("npm_config_update_notifier", "false")
        .env("PIPELINEC_LAMBDA", f.id)
        .env("PIPELINEC_RUNTIME", f.lambda.runtime.as_str())
        .env(
            "PIPELINEC_ARCHITECTURE",
            match f.lambda.architecture {
                Architecture::X86_64 => "x86_64",
                Architecture::Arm64 => "arm64",
            },
        )
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let (needs, but, help) = match plan {
                Plan::Npm => (
                    "npm to install `package.json`",
                    "`npm` is not on PATH",
                    "install Node.js with npm, or vendor `node_modules` into the code folder \
                     and set `build: none`",
                ),
                _ => (
                    "a shell to run its build command",
                    "`sh` is not on PATH",
                    "install a POSIX shell",
                ),
            };
            return Err(missing_tool(f, needs, but, help));
        }
        Err(e) => {
            return Err(failed(
                f,
                plan,
                &shown,
                &format!("could not start: {e}"),
                "",
            ));
        }
    };
    if output.status.success() {
        return Ok(());
    }
    let status = match output.status.code() {
        Some(c) => format!("exited with status {c}"),
        None => "was killed by a signal".to_string(),
    };
    let said = if output.stderr.iter().any(|b| !b.is_ascii_whitespace()) {
        &output.stderr
    } else {
        &output.stdout
    };
    Err(failed(f, plan, &shown, &status, &tail(said, 15)))
}

/// The command line of `plan`'s build, and how messages show it; `None` when nothing runs.
fn command(
    f: &Function,
    plan: &Plan,
    copy: &Path,
) -> Result<Option<(Vec<String>, String)>, Problem> {
    Ok(Some(match plan {
        Plan::AsIs => return Ok(None),
        Plan::Pip {
            python_version,
            platform,
        } => {
            let mut argv = pip().ok_or_else(|| {
                missing_tool(
                    f,
                    "pip to install `requirements.txt`",
                    "neither `pip` nor `python3 -m pip` runs here",
                    "install pip (e.g. `apt-get install python3-pip`), or vendor the \
                     dependencies into the code folder and set `build: none`",
                )
            })?;
            let target = copy.display().to_string();
            argv.extend(
                [
                    "install",
                    "--target",
                    &target,
                    "-r",
                    "requirements.txt",
                    // Wheels for Lambda's OS, CPU and Python, whatever machine renders:
                    "--platform",
                    platform,
                    "--implementation",
                    "cp",
                    "--python-version",
                    python_version,
                    "--only-binary=:all:",
                    // .pyc files differ per run and Python writes its own on Lambda.
                    "--no-compile",
                    "--disable-pip-version-check",
                    "--no-input",
                    "--quiet",
                ]
                .map(String::from),
            );
            (argv, "pip install -r requirements.txt".into())
        }
        Plan::Npm => (
            [
                "npm",
                "ci",
                "--omit=dev",
                // Dependencies' install scripts would run arbitrary code on every machine that
                // renders, and the native addons they build would be for that machine, not
                // Lambda's; packages that need them need a `build: { command }` instead.
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
            ]
            .map(String::from)
            .to_vec(),
            "npm ci --omit=dev".into(),
        ),
        Plan::Command(c) => (
            ["sh".to_string(), "-c".to_string(), c.clone()].to_vec(),
            c.clone(),
        ),
    }))
}

/// `pip`, or `python3 -m pip` when `pip` is not on PATH (or is not a working pip).
fn pip() -> Option<Vec<String>> {
    [&["pip"][..], &["python3", "-m", "pip"]]
        .into_iter()
        .find(|argv| {
            Command::new(argv[0])
                .args(&argv[1..])
                .arg("--version")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .map(|argv| argv.iter().map(|s| s.to_string()).collect())
}

fn missing_tool(f: &Function, needs: &str, but: &str, help: &str) -> Problem {
    Problem::new(
        "build-tool-missing",
        format!("lambda `{}` needs {needs}, but {but}", f.id),
        "cannot be built here",
        help,
    )
    .at_build()
}

fn failed(f: &Function, plan: &Plan, shown: &str, status: &str, said: &str) -> Problem {
    let mut help = if said.is_empty() {
        "it printed nothing".to_string()
    } else {
        format!("its output ended with:\n{said}")
    };
    if let Plan::Command(_) = plan {
        help.push_str("\n(the command runs with `sh -c` in a temporary copy of the code folder)");
    }
    Problem::new(
        "build-failed",
        format!("the build of lambda `{}` failed: `{shown}` {status}", f.id),
        "build failed",
        help,
    )
    .at_build()
}

/// The last `n` non-empty lines of a tool's output.
fn tail(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}
