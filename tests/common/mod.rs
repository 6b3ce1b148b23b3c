//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Set `PIPELINEC_UPDATE=1` to rewrite committed artefacts (schema, generated/) instead of
/// failing when they are stale.
pub fn updating() -> bool {
    std::env::var("PIPELINEC_UPDATE").is_ok_and(|v| v == "1")
}

/// Runs the built `pipelinec` binary from the repository root.
pub fn pipelinec(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pipelinec"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("pipelinec runs")
}

/// Every example spec under `specs/`, sorted.
pub fn example_specs() -> Vec<PathBuf> {
    yaml_files("specs")
}

/// Every root the example specs render, as (spec, the compiled project, its folder under
/// `generated/`): one per spec, or one per environment of a spec that has environments.
#[allow(dead_code)]
pub fn example_roots() -> Vec<(PathBuf, pipelinec::check::Compiled, PathBuf)> {
    let mut roots = Vec::new();
    for spec in example_specs() {
        let file = pipelinec::source::SourceFile::read(&spec).unwrap();
        for project in pipelinec::check::check_all(&file).expect("example specs are valid") {
            let mut dir = root().join("generated").join(&project.stem);
            if let Some(env) = &project.env {
                dir = dir.join(env);
            }
            roots.push((spec.clone(), project, dir));
        }
    }
    roots
}

/// The `.yaml` files directly in `dir` (relative to the repository root), sorted.
pub fn yaml_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// xorshift64*: a small, deterministic generator, so a failure replays from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Reads the files of a render folder that its manifest lists (and the manifest), keyed by
/// relative path: the render without anything of the user's.
pub fn read_rendered(dir: &Path) -> pipelinec::render::Files {
    pipelinec::render::ownership::read_rendered(dir).unwrap()
}

/// Reads every file under `dir`, keyed by relative path.
pub fn read_tree(dir: &Path) -> pipelinec::render::Files {
    fn walk(root: &Path, dir: &Path, out: &mut pipelinec::render::Files) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut out = pipelinec::render::Files::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// A spec with `n` Kinesis streams all feeding one Lambda: the IAM quota stress case. Its code
/// directory resolves when the spec is placed in `tests/fixtures/`.
pub fn many_streams(n: usize) -> String {
    let mut spec = String::from("version: 1\nname: wide\nregion: us-east-1\nsources:\n");
    let ids: Vec<String> = (0..n).map(|i| format!("stream_{i:04}")).collect();
    for id in &ids {
        spec.push_str(&format!("  {id}:\n    type: kinesis_stream\n"));
    }
    spec.push_str(&format!(
        "transforms:\n  fan_in:\n    type: lambda\n    code: code/handler\n    runtime: nodejs22.x\n    handler: index.handler\n    inputs: [{}]\n",
        ids.join(", ")
    ));
    spec
}

/// Whether an outside tool runs (`program args…` succeeds). When it does not, the calling test
/// should return early: this says why on stderr, or fails the test when `require_var` is `1`
/// (CI sets it, so nothing skips there).
pub fn tool(program: &str, args: &[&str], require_var: &str, install_hint: &str) -> bool {
    let ok = std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !std::env::var(require_var).is_ok_and(|v| v == "1"),
            "`{program}` is required ({require_var}=1) but does not run; {install_hint}"
        );
        eprintln!(
            "skipping: `{program}` does not run ({install_hint}; {require_var}=1 makes this fail)"
        );
    }
    ok
}

/// [`tool`] for the tools `PIPELINEC_REQUIRE_TOOLS` governs.
pub fn optional_tool(program: &str, args: &[&str], install_hint: &str) -> bool {
    tool(program, args, "PIPELINEC_REQUIRE_TOOLS", install_hint)
}
pub mod big;

/// Whether cfn-lint runs; skips (or fails, when tools are required) if not.
pub fn have_cfn_lint() -> bool {
    optional_tool("cfn-lint", &["--version"], "pip install 'cfn-lint==1.51.0'")
}

/// cfn-lint's verdict on a CloudFormation template (exit status, output), linted for
/// `eu-central-1`, the region of `all_edges.yaml`.
pub fn cfn_lint(template: &serde_json::Value) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("template.json");
    std::fs::write(&path, serde_json::to_string_pretty(template).unwrap()).unwrap();
    let out = Command::new("cfn-lint")
        .args(["--regions", "eu-central-1", "--format", "parseable", "--"])
        .arg(&path)
        .output()
        .expect("cfn-lint runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}
