//! The real check: every example spec renders to Terraform that `terraform fmt` and
//! `terraform validate` accept against the real AWS provider.
//!
//! Needs `terraform` on PATH. Without it these tests skip and say why, unless
//! `PIPELINEC_REQUIRE_TERRAFORM=1` (as in CI), where a missing tool fails them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const PLUGIN_DIR: &str = "/opt/tf-plugins";

/// Whether `tool version` runs; skips (or fails, when required) if not.
fn have(tool: &str) -> bool {
    common::tool(
        tool,
        &["version"],
        "PIPELINEC_REQUIRE_TERRAFORM",
        "install it on PATH",
    )
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
        terraform(
            dir,
            &[
                "init",
                "-backend=false",
                "-input=false",
                "-no-color",
                &format!("-plugin-dir={PLUGIN_DIR}"),
            ],
        );
    } else {
        terraform(
            dir,
            &["init", "-backend=false", "-input=false", "-no-color"],
        );
    }
}

fn render_into(spec: &Path, dir: &Path) {
    let file = pipelinec::source::SourceFile::read(spec).unwrap();
    let project = pipelinec::check::check(&file).expect("spec is valid");
    let files = pipelinec::render::render(&project, dir).unwrap();
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

#[test]
fn policies_split_across_managed_policies_are_valid_terraform() {
    if !have("terraform") {
        return;
    }
    let file = pipelinec::source::SourceFile::new(
        PathBuf::from("tests/fixtures/wide.yaml"),
        common::many_streams(200),
    );
    let project = pipelinec::check::check(&file).expect("200 streams fit");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("wide");
    pipelinec::render::write_atomic(&dir, &pipelinec::render::render(&project, &dir).unwrap())
        .unwrap();
    terraform(&dir, &["fmt", "-check", "-recursive", "-diff", "-no-color"]);
    init(&dir);
    let out = terraform(&dir, &["validate", "-no-color"]);
    assert!(out.contains("The configuration is valid"), "{out}");
}

/// A real AWS API emulator (moto's server) on loopback, stopped when dropped.
struct Moto {
    child: std::process::Child,
    port: u16,
}

impl Moto {
    fn start() -> Option<Moto> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .ok()?
            .local_addr()
            .ok()?
            .port();
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()?;
        let moto = Moto { child, port };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Some(moto);
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        None
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Points every service the plan may call at moto, through an override file so the rendered
/// `providers.tf` stays as users get it.
fn override_provider(dir: &Path, port: u16) {
    let services = [
        "athena", "firehose", "glue", "iam", "kinesis", "lambda", "logs", "s3", "sqs", "sts",
    ];
    let endpoints: String = services
        .iter()
        .map(|s| format!("    {s:<8} = \"http://127.0.0.1:{port}\"\n"))
        .collect();
    std::fs::write(
        dir.join("test_override.tf"),
        format!(
            "provider \"aws\" {{\n  access_key                  = \"test\"\n  secret_key                  = \"test\"\n  skip_credentials_validation = true\n  skip_metadata_api_check     = true\n  skip_requesting_account_id  = true\n  s3_use_path_style           = true\n\n  endpoints {{\n{endpoints}  }}\n}}\n"
        ),
    )
    .unwrap();
}

#[test]
fn iot_analytics_plans_every_service_of_the_seed() {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let moto = Moto::start().expect("moto_server starts on loopback");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("iot");
    render_into(&common::root().join("specs/iot-analytics.yaml"), &dir);
    override_provider(&dir, moto.port);
    init(&dir);
    let plan = Command::new("terraform")
        .arg(format!("-chdir={}", dir.display()))
        .args([
            "plan",
            "-refresh=false",
            "-input=false",
            "-no-color",
            "-out=plan.bin",
        ])
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("CHECKPOINT_DISABLE", "1")
        // Anything not sent to loopback fails loudly instead of reaching the internet.
        .env("HTTPS_PROXY", "http://127.0.0.1:9")
        .env("HTTP_PROXY", "http://127.0.0.1:9")
        .env("NO_PROXY", "127.0.0.1")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&plan.stdout).into_owned() + &String::from_utf8_lossy(&plan.stderr);
    assert!(plan.status.success(), "plan failed:\n{text}");
    let show = terraform(&dir, &["show", "-json", "plan.bin"]);
    let json: serde_json::Value =
        serde_json::from_str(show.lines().find(|l| l.starts_with('{')).unwrap()).unwrap();
    let mut types: Vec<&str> = json["resource_changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["mode"] == "managed")
        .map(|r| r["type"].as_str().unwrap())
        .collect();
    types.sort();
    types.dedup();
    for want in [
        "aws_athena_named_query",
        "aws_athena_workgroup",
        "aws_glue_catalog_database",
        "aws_glue_catalog_table",
        "aws_glue_crawler",
        "aws_iam_role",
        "aws_iam_role_policy",
        "aws_kinesis_firehose_delivery_stream",
        "aws_kinesis_stream",
        "aws_lambda_event_source_mapping",
        "aws_lambda_function",
        "aws_s3_bucket",
    ] {
        assert!(
            types.contains(&want),
            "{want} missing from the plan: {types:?}"
        );
    }
    drop(moto);
}
