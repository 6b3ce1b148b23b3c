//! The real check: every example spec renders to Terraform that `terraform fmt` and
//! `terraform validate` accept against the real AWS provider.
//!
//! Needs `terraform` on PATH. Without it these tests skip and say why, unless
//! `PIPELINEC_REQUIRE_TERRAFORM=1` (as in CI), where a missing tool fails them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const PLUGIN_DIR: &str = "/opt/tf-plugins";

fn required() -> bool {
    std::env::var("PIPELINEC_REQUIRE_TERRAFORM").is_ok_and(|v| v == "1")
}

/// Whether `tool --version` runs; skips (or fails, when required) if not.
fn have(tool: &str) -> bool {
    let ok = Command::new(tool)
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(!required(), "{tool} is required (PIPELINEC_REQUIRE_TERRAFORM=1) but not found");
        eprintln!("skipping: `{tool}` not found on PATH (set PIPELINEC_REQUIRE_TERRAFORM=1 to fail instead)");
    }
    ok
}

fn terraform(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("terraform")
        .arg(format!("-chdir={}", dir.display()))
        .args(args)
        .env("TF_IN_AUTOMATION", "1")
        .env("CHECKPOINT_DISABLE", "1")
        .output()
        .expect("terraform runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "terraform {args:?} failed in {}:\n{text}",
        dir.display()
    );
    text
}

fn init(dir: &Path) {
    if Path::new(PLUGIN_DIR).is_dir() {
        terraform(dir, &["init", "-backend=false", "-input=false", "-no-color", &format!("-plugin-dir={PLUGIN_DIR}")]);
    } else {
        terraform(dir, &["init", "-backend=false", "-input=false", "-no-color"]);
    }
}

fn render_into(spec: &Path, dir: &Path) {
    let file = pipelinec::source::SourceFile::read(spec).unwrap();
    let project = pipelinec::check::check(&file).expect("spec is valid");
    let files = pipelinec::render::render(&project).unwrap();
    pipelinec::render::write_atomic(dir, &files).unwrap();
}

fn specs_to_check() -> Vec<PathBuf> {
    let mut specs = common::example_specs();
    specs.push(common::root().join("tests/fixtures/valid/escaping.yaml"));
    specs
}

#[test]
fn every_spec_renders_to_valid_formatted_terraform() {
    if !have("terraform") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for spec in specs_to_check() {
        let dir = tmp.path().join(spec.file_stem().unwrap());
        render_into(&spec, &dir);
        terraform(&dir, &["fmt", "-check", "-recursive", "-diff", "-no-color"]);
        init(&dir);
        let out = terraform(&dir, &["validate", "-no-color"]);
        assert!(out.contains("The configuration is valid"), "{out}");
    }
}
