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
    render_env_into(spec, None, dir)
}

/// Renders environment `env` of `spec` (its first when `None`) into `dir`.
fn render_env_into(spec: &Path, env: Option<&str>, dir: &Path) {
    let file = pipelinec::source::SourceFile::read(spec).unwrap();
    let project = pipelinec::check::check_env(&file, env).expect("spec is valid");
    let files = pipelinec::render::render(&project, dir).unwrap();
    pipelinec::render::write(dir, &files, &project.name, false).unwrap();
}

/// Every root a spec renders: the spec's own, or one per environment.
fn environments(spec: &Path) -> Vec<Option<String>> {
    let file = pipelinec::source::SourceFile::read(spec).unwrap();
    let projects = pipelinec::check::check_all(&file).expect("spec is valid");
    projects.into_iter().map(|p| p.project.env).collect()
}

fn specs_to_check() -> Vec<PathBuf> {
    let mut specs = common::example_specs();
    specs.push(common::root().join("tests/fixtures/valid/escaping.yaml"));
    specs.push(common::root().join("tests/fixtures/valid/all_edges.yaml"));
    specs.push(common::root().join("tests/fixtures/valid/existing.yaml"));
    specs
}

#[test]
fn every_spec_renders_to_valid_formatted_terraform() {
    if !have("terraform") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for spec in specs_to_check() {
        for env in environments(&spec) {
            let mut dir = tmp.path().join(spec.file_stem().unwrap());
            if let Some(env) = &env {
                dir = dir.join(env);
            }
            render_env_into(&spec, env.as_deref(), &dir);
            terraform(&dir, &["fmt", "-check", "-recursive", "-diff", "-no-color"]);
            init(&dir);
            let out = terraform(&dir, &["validate", "-no-color"]);
            assert!(out.contains("The configuration is valid"), "{out}");
        }
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
    let files = pipelinec::render::render(&project, &dir).unwrap();
    pipelinec::render::write(&dir, &files, &project.name, false).unwrap();
    terraform(&dir, &["fmt", "-check", "-recursive", "-diff", "-no-color"]);
    init(&dir);
    let out = terraform(&dir, &["validate", "-no-color"]);
    assert!(out.contains("The configuration is valid"), "{out}");
}

/// The small root of a team that calls `render --as-module` twice in one account and region.
const CALLER: &str = r#"terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      Project   = "iot-fleet"
      ManagedBy = "pipelinec"
    }
  }
}

module "pipeline" {
  for_each = toset(["a", "b"])
  source   = "./render"

  name = "iot-${each.key}"
}

output "streams" {
  value = { for k, m in module.pipeline : k => m.sensor_stream_stream_arn }
}

output "deployer_pass_role_policies" {
  value = { for k, m in module.pipeline : k => m.deployer_pass_role_policy_json }
}
"#;

/// Names AWS scopes to a parent resource (a role's inline policy, a database's table, a log
/// group's stream, a bucket's object, an alarm's actions, a rule's target) or does not need
/// unique (a named query, a pool's client): equal across instances without colliding.
const SCOPED_NAMES: &[&str] = &[
    "aws_athena_named_query",
    "aws_cloudwatch_event_target",
    "aws_cloudwatch_log_stream",
    "aws_glue_catalog_table",
    "aws_iam_role_policy",
    "aws_s3_object",
];

/// `render --as-module` called from a small root with `for_each`: two instances of the IoT
/// example pass `fmt` and `validate`, and a plan of both in one account and region (on moto)
/// gives every AWS name of one instance a value the other's do not have.
#[test]
fn the_render_as_a_module_is_called_with_for_each() {
    if !have("terraform") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    let render = root.join("render");
    let file =
        pipelinec::source::SourceFile::read(&common::root().join("specs/iot-analytics.yaml"))
            .unwrap();
    let project = pipelinec::check::check(&file).expect("spec is valid");
    let files = pipelinec::render::render_module(&project, &render).unwrap();
    pipelinec::render::write(&render, &files, &project.name, false).unwrap();
    std::fs::write(root.join("main.tf"), CALLER).unwrap();
    terraform(
        &root,
        &["fmt", "-check", "-recursive", "-diff", "-no-color"],
    );
    init(&root);
    let out = terraform(&root, &["validate", "-no-color"]);
    assert!(out.contains("The configuration is valid"), "{out}");

    let moto = start_stubbed_moto().expect("moto_server starts on loopback");
    override_provider(&root, moto.port);
    let plan = Command::new("terraform")
        .arg(format!("-chdir={}", root.display()))
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
        .env("HTTPS_PROXY", "http://127.0.0.1:9")
        .env("HTTP_PROXY", "http://127.0.0.1:9")
        .env("NO_PROXY", "127.0.0.1")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&plan.stdout).into_owned() + &String::from_utf8_lossy(&plan.stderr);
    assert!(plan.status.success(), "plan failed:\n{text}");
    let show = terraform(&root, &["show", "-json", "plan.bin"]);
    let json: serde_json::Value =
        serde_json::from_str(show.lines().find(|l| l.starts_with('{')).unwrap()).unwrap();
    drop(moto);
    // (type, attribute, value) → the instances that plan it.
    let mut names: std::collections::BTreeMap<(String, String, String), Vec<String>> =
        Default::default();
    for rc in json["resource_changes"].as_array().unwrap() {
        let address = rc["address"].as_str().unwrap();
        let kind = rc["type"].as_str().unwrap();
        if rc["mode"] != "managed" || SCOPED_NAMES.contains(&kind) {
            continue;
        }
        let instance = if address.starts_with("module.pipeline[\"a\"]") {
            "a"
        } else {
            assert!(address.starts_with("module.pipeline[\"b\"]"), "{address}");
            "b"
        };
        for key in [
            "name",
            "bucket",
            "function_name",
            "alarm_name",
            "dashboard_name",
        ] {
            if let Some(value) = rc["change"]["after"][key].as_str() {
                names
                    .entry((kind.to_string(), key.to_string(), value.to_string()))
                    .or_default()
                    .push(instance.to_string());
            }
        }
    }
    let twice: Vec<_> = names.iter().filter(|(_, at)| at.len() > 1).collect();
    assert!(twice.is_empty(), "names planned twice: {twice:#?}");
    let per_instance = names.values().filter(|at| at[0] == "a").count();
    assert!(
        per_instance > 30,
        "only {per_instance} names planned per instance"
    );
    assert!(
        names.contains_key(&(
            "aws_kinesis_stream".into(),
            "name".into(),
            "iot-a-sensor-stream".into()
        )),
        "{names:#?}"
    );
}

/// Every example a module can be made of (not the e-commerce one: its Personalize template
/// holds fixed names) passes `fmt` and `validate` as a module, called once by a root.
#[test]
fn every_module_render_is_valid_terraform() {
    if !have("terraform") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for spec in specs_to_check() {
        let file = pipelinec::source::SourceFile::read(&spec).unwrap();
        let project = pipelinec::check::check(&file).expect("spec is valid");
        let root = tmp.path().join(spec.file_stem().unwrap());
        let render = root.join("render");
        let files = match pipelinec::render::render_module(&project, &render) {
            Ok(files) => files,
            Err(pipelinec::render::RenderError::Module(why)) => {
                assert!(why.contains(".cloudformation.json"), "{why}");
                continue;
            }
            Err(e) => panic!("{}: {e}", spec.display()),
        };
        pipelinec::render::write(&render, &files, &project.name, false).unwrap();
        std::fs::write(
            root.join("main.tf"),
            "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n\nmodule \"pipeline\" {\n  source = \"./render\"\n}\n",
        )
        .unwrap();
        terraform(
            &root,
            &["fmt", "-check", "-recursive", "-diff", "-no-color"],
        );
        init(&root);
        let out = terraform(&root, &["validate", "-no-color"]);
        assert!(out.contains("The configuration is valid"), "{out}");
    }
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
    override_provider_in(dir, "test_override.tf", port)
}

/// [`override_provider`] for an apply: the account id goes into ARNs the provider builds
/// (Athena tags), so the provider asks moto's STS for it.
fn override_provider_for_apply(dir: &Path, port: u16) {
    override_provider(dir, port);
    let file = dir.join("test_override.tf");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("  skip_requesting_account_id  = true\n", ""),
    )
    .unwrap();
}

/// `terraform init` with `extra` arguments, from the offline provider mirror when there is one.
fn init_args<'a>(extra: &[&'a str], plugin_dir: &'a str) -> Vec<&'a str> {
    let mut args = vec!["init", "-input=false", "-no-color"];
    args.extend_from_slice(extra);
    if Path::new(PLUGIN_DIR).is_dir() {
        args.push(plugin_dir);
    }
    args
}

fn override_provider_in(dir: &Path, file: &str, port: u16) {
    let services = [
        "apigatewayv2",
        "athena",
        "cloudfront",
        "cloudwatch",
        "cognitoidp",
        "dynamodb",
        "emrserverless",
        "events",
        "firehose",
        "glue",
        "iam",
        "kinesis",
        "kinesisanalyticsv2",
        "kms",
        "lambda",
        "logs",
        "opensearch",
        "quicksight",
        "redshiftdata",
        "redshiftserverless",
        "s3",
        "scheduler",
        "sesv2",
        "sfn",
        "sns",
        "sqs",
        "sts",
    ];
    let endpoints: String = services
        .iter()
        .map(|s| format!("    {s:<18} = \"http://127.0.0.1:{port}\"\n"))
        .collect();
    std::fs::write(
        dir.join(file),
        format!(
            "provider \"aws\" {{\n  access_key                  = \"test\"\n  secret_key                  = \"test\"\n  skip_credentials_validation = true\n  skip_metadata_api_check     = true\n  skip_requesting_account_id  = true\n  s3_use_path_style           = true\n\n  endpoints {{\n{endpoints}  }}\n}}\n"
        ),
    )
    .unwrap();
}

/// The resource types a plan of `spec` on moto would create (a plan calls STS only).
fn planned_types(spec: &str) -> Vec<String> {
    planned_types_at(&common::root().join("specs").join(spec))
}

/// [`planned_types`] of the spec at `path`.
fn planned_types_at(path: &Path) -> Vec<String> {
    let spec = path.display();
    let moto = start_stubbed_moto().expect("moto_server starts on loopback");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("plan");
    render_into(path, &dir);
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
    assert!(plan.status.success(), "{spec}: plan failed:\n{text}");
    let show = terraform(&dir, &["show", "-json", "plan.bin"]);
    let json: serde_json::Value =
        serde_json::from_str(show.lines().find(|l| l.starts_with('{')).unwrap()).unwrap();
    let mut types: Vec<String> = json["resource_changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["mode"] == "managed")
        .map(|r| r["type"].as_str().unwrap().to_string())
        .collect();
    types.sort();
    types.dedup();
    drop(moto);
    types
}

#[test]
fn iot_analytics_plans_every_service_of_the_seed() {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let types = planned_types("iot-analytics.yaml");
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
            types.iter().any(|t| t == want),
            "{want} missing from the plan: {types:?}"
        );
    }
}

/// Components standing for existing resources plan without reading AWS (`-refresh=false`, no
/// data source): the delivery streams, the function, the API and their roles are planned; no
/// bucket, no stream and no user pool, nor anything attached to one.
#[test]
fn existing_resources_plan_on_moto_without_a_bucket_a_stream_or_a_pool() {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let types = planned_types_at(&common::root().join("tests/fixtures/valid/existing.yaml"));
    for want in [
        "aws_glue_catalog_table",
        "aws_iam_role",
        "aws_iam_role_policy",
        "aws_apigatewayv2_authorizer",
        "aws_kinesis_firehose_delivery_stream",
        "aws_lambda_event_source_mapping",
        "aws_lambda_function",
    ] {
        assert!(
            types.iter().any(|t| t == want),
            "{want} missing from the plan: {types:?}"
        );
    }
    let owned: Vec<&String> = types
        .iter()
        .filter(|t| {
            ["aws_s3_bucket", "aws_kinesis_stream", "aws_cognito"]
                .iter()
                .any(|owned| t.starts_with(owned))
        })
        .collect();
    assert!(
        owned.is_empty(),
        "planned for existing resources: {owned:?}"
    );
}

/// The big-data example is planned, never applied: moto 5.2.5 cannot create
/// `aws_emrserverless_application` (its CreateApplication answers `ValidationException:
/// Unsupported engine spark` to the provider's `type = "spark"`; see
/// `shared/reference/moto.md` and the README's "Not yet"), and every other resource of the
/// example's job (its StartJobRun output, its role's use) hangs off the application, so there
/// is no clean apply without it. Nor can moto create `aws_quicksight_data_source` (see the
/// README's table of what moto cannot create), which the example's QuickSight data sets hang
/// off. Its fmt and validate run in
/// `every_spec_renders_to_valid_formatted_terraform`; this plan shows the render is complete.
#[test]
fn big_data_plans_on_moto_but_is_not_applied() {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let types = planned_types("big-data.yaml");
    for want in [
        "aws_athena_named_query",
        "aws_athena_workgroup",
        "aws_cloudwatch_log_group",
        "aws_emrserverless_application",
        "aws_glue_catalog_table",
        "aws_iam_role",
        "aws_iam_role_policy",
        "aws_kinesis_firehose_delivery_stream",
        "aws_kinesis_stream",
        "aws_quicksight_data_set",
        "aws_quicksight_data_source",
        "aws_s3_object",
    ] {
        assert!(
            types.iter().any(|t| t == want),
            "{want} missing from the plan: {types:?}"
        );
    }
}

/// Runs terraform against moto with dummy credentials; anything not sent to loopback fails.
fn terraform_on_moto(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("terraform")
        .arg(format!("-chdir={}", dir.display()))
        .args(args)
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("CHECKPOINT_DISABLE", "1")
        .env("TF_IN_AUTOMATION", "1")
        .env("HTTPS_PROXY", "http://127.0.0.1:9")
        .env("HTTP_PROXY", "http://127.0.0.1:9")
        .env("NO_PROXY", "127.0.0.1")
        .output()
        .unwrap()
}

/// The user's working files in a render folder (real state from an apply, the lock file and
/// `.terraform/` from an init, a backend, tfvars, an override, notes) survive a re-render byte
/// for byte, and Terraform then plans no change.
#[test]
fn re_render_keeps_terraform_state_and_plans_no_change() {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let moto = Moto::start().expect("moto_server starts on loopback");
    let tmp = tempfile::tempdir().unwrap();
    // One data lake: what moto applies and reads back exactly (see shared/reference/moto.md).
    let spec = tmp.path().join("keep.yaml");
    std::fs::write(
        &spec,
        "version: 1\nname: keep-state\nregion: us-east-1\nsinks:\n  lake:\n    type: s3_data_lake\n",
    )
    .unwrap();
    let dir = tmp.path().join("infra");
    let render = || {
        let out = Command::new(env!("CARGO_BIN_EXE_pipelinec"))
            .args(["render", "keep.yaml", "-o", "infra"])
            .current_dir(tmp.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    render();
    override_provider_in(&dir, "my_override.tf", moto.port);
    std::fs::write(
        dir.join("backend.tf"),
        "terraform {\n  backend \"local\" {\n    path = \"terraform.tfstate\"\n  }\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("terraform.tfvars"),
        "extra_tags = { Team = \"data\" }\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.md"), "# how we deploy\n").unwrap();
    let plugin_dir = format!("-plugin-dir={PLUGIN_DIR}");
    let init_args = init_args(&[], &plugin_dir);
    let ok = |out: std::process::Output, what: &str| {
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{what} failed:\n{text}");
        text
    };
    ok(terraform_on_moto(&dir, &init_args), "init");
    ok(
        terraform_on_moto(
            &dir,
            &["apply", "-auto-approve", "-input=false", "-no-color"],
        ),
        "apply",
    );
    let state = std::fs::read_to_string(dir.join("terraform.tfstate")).unwrap();
    assert!(state.contains("aws_s3_bucket"), "{state}");
    assert!(dir.join(".terraform.lock.hcl").is_file());

    let user_files = |tree: &pipelinec::render::Files| -> pipelinec::render::Files {
        let rendered = common::read_rendered(&dir);
        tree.iter()
            .filter(|(p, _)| !rendered.contains_key(*p))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect()
    };
    let before = user_files(&common::read_tree(&dir));
    for want in [
        "terraform.tfstate",
        ".terraform.lock.hcl",
        "backend.tf",
        "terraform.tfvars",
        "my_override.tf",
        "notes.md",
    ] {
        assert!(before.contains_key(Path::new(want)), "{want} missing");
    }
    assert!(before.keys().any(|p| p.starts_with(".terraform")));

    // Damage the render so that the re-render has work to do, then re-render.
    std::fs::write(dir.join("main.tf"), "# edited\n").unwrap();
    std::fs::remove_dir_all(dir.join("modules")).unwrap();
    render();
    assert_eq!(user_files(&common::read_tree(&dir)), before);

    let plan = terraform_on_moto(
        &dir,
        &["plan", "-detailed-exitcode", "-input=false", "-no-color"],
    );
    let text =
        String::from_utf8_lossy(&plan.stdout).into_owned() + &String::from_utf8_lossy(&plan.stderr);
    assert_eq!(
        plan.status.code(),
        Some(0),
        "the plan after re-render is not empty:\n{text}"
    );
    assert!(text.contains("No changes."), "{text}");
    drop(moto);
}

/// moto's own gaps that make a re-plan after apply differ, by resource type and attribute (see
/// `shared/reference/moto.md`). Any other difference fails the test.
const MOTO_REPLAN_GAPS: &[(&str, &str, &str)] = &[
    (
        "aws_lambda_function",
        "logging_config",
        "moto neither stores nor returns LoggingConfig",
    ),
    (
        "aws_kinesis_stream",
        "tags_all",
        "moto's CreateStream ignores Tags; the provider re-adds them",
    ),
];

/// moto with the stubs of tests/support/moto_server.py (Athena DeleteNamedQuery), on loopback.
fn start_stubbed_moto() -> Option<Moto> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let child = Command::new("python3")
        .arg(common::root().join("tests/support/moto_server.py"))
        .arg(port.to_string())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let moto = Moto { child, port };
    for _ in 0..150 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(moto);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    None
}

/// The top-level attributes whose planned value differs from the state, per changed resource.
fn planned_differences(plan: &serde_json::Value) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for rc in plan["resource_changes"].as_array().into_iter().flatten() {
        let actions = &rc["change"]["actions"];
        if actions == &serde_json::json!(["no-op"]) || actions == &serde_json::json!(["read"]) {
            continue;
        }
        let before = rc["change"]["before"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let after = rc["change"]["after"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let unknown = rc["change"]["after_unknown"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut keys: Vec<String> = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k) != after.get(*k) || unknown.get(*k) == Some(&true.into()))
            .cloned()
            .collect();
        keys.sort();
        keys.dedup();
        out.push((
            rc["address"].as_str().unwrap_or_default().to_string(),
            rc["type"].as_str().unwrap_or_default().to_string(),
            keys,
        ));
    }
    out
}

/// Every example applies on moto, re-plans with no change but moto's known gaps, and destroys
/// to nothing.
fn apply_replan_destroy(spec: &str) {
    apply_replan_destroy_at(spec, &common::root().join("specs").join(spec));
}

/// [`apply_replan_destroy`] of the spec file at `path` (named `spec` in messages).
fn apply_replan_destroy_at(spec: &str, path: &Path) {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let moto = start_stubbed_moto().expect("moto starts on loopback");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("infra");
    render_into(path, &dir);
    override_provider_for_apply(&dir, moto.port);
    let ok = |out: std::process::Output, what: &str| {
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{spec}: {what} failed:\n{text}");
        text
    };
    let plugin_dir = format!("-plugin-dir={PLUGIN_DIR}");
    let init_args = init_args(&["-backend=false"], &plugin_dir);
    ok(terraform_on_moto(&dir, &init_args), "init");
    ok(
        terraform_on_moto(
            &dir,
            &["apply", "-auto-approve", "-input=false", "-no-color"],
        ),
        "apply",
    );
    let unexpected = replan_beyond_moto_gaps(&dir, &[]);
    assert!(
        unexpected.is_empty(),
        "{spec}: the re-plan after apply changes more than moto's known gaps: {unexpected:?}"
    );
    ok(
        terraform_on_moto(
            &dir,
            &["destroy", "-auto-approve", "-input=false", "-no-color"],
        ),
        "destroy",
    );
    let list = terraform_on_moto(&dir, &["state", "list"]);
    assert!(list.status.success());
    let state = String::from_utf8_lossy(&list.stdout);
    assert!(
        state.trim().is_empty(),
        "{spec}: left after destroy:\n{state}"
    );
    drop(moto);
}

#[test]
fn iot_analytics_applies_replans_and_destroys_on_moto() {
    apply_replan_destroy("iot-analytics.yaml");
}

/// What a plan right after an apply would change beyond moto's known gaps, as (address, type,
/// attributes); `extra` are more plan arguments (`-var=…`).
fn replan_beyond_moto_gaps(dir: &Path, extra: &[&str]) -> Vec<(String, String, Vec<String>)> {
    let mut args = vec!["plan", "-input=false", "-no-color", "-out=replan.bin"];
    args.extend_from_slice(extra);
    let out = terraform_on_moto(dir, &args);
    assert!(
        out.status.success(),
        "{}: re-plan failed:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let show = terraform_on_moto(dir, &["show", "-json", "replan.bin"]);
    assert!(show.status.success(), "{}: show failed", dir.display());
    let show = String::from_utf8_lossy(&show.stdout);
    let plan: serde_json::Value =
        serde_json::from_str(show.lines().find(|l| l.starts_with('{')).unwrap()).unwrap();
    planned_differences(&plan)
        .into_iter()
        .filter(|(_, ty, keys)| {
            keys.is_empty()
                || keys.iter().any(|k| {
                    !MOTO_REPLAN_GAPS
                        .iter()
                        .any(|(t, attr, _)| t == ty && attr == k)
                })
        })
        .collect()
}

/// The clickstream example's `dev` and `prod` in one account and one region, then `dev` again
/// in a second region of the same account: every apply succeeds (IAM and S3 refuse a name that
/// exists, so a shared name fails the second apply), each re-plans clean, a rename in the spec
/// plans as moves only, and all destroy.
#[test]
fn environments_and_regions_share_one_account_on_moto() {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let moto = start_stubbed_moto().expect("moto starts on loopback");
    let spec = common::root().join("specs/clickstream.yaml");
    let tmp = tempfile::tempdir().unwrap();
    let plugin_dir = format!("-plugin-dir={PLUGIN_DIR}");
    let roots = [
        ("dev", "eu-west-1"),
        ("prod", "eu-west-1"),
        ("dev", "eu-central-1"),
    ];
    let run = |dir: &Path, args: &[&str], what: &str| {
        let out = terraform_on_moto(dir, args);
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "{}: {what} failed:\n{text}",
            dir.display()
        );
        text
    };
    // The three roots apply at once (a shared name fails one of them just the same), which
    // keeps the suite's time down.
    let dirs: Vec<(PathBuf, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = roots
            .iter()
            .map(|&(env, region)| {
                let (spec, tmp, plugin_dir, run) = (&spec, tmp.path(), &plugin_dir, &run);
                scope.spawn(move || {
                    let dir = tmp.join(format!("{env}-{region}"));
                    render_env_into(spec, Some(env), &dir);
                    override_provider_for_apply(&dir, moto.port);
                    let var = format!("-var=region={region}");
                    run(&dir, &init_args(&["-backend=false"], plugin_dir), "init");
                    run(
                        &dir,
                        &["apply", "-auto-approve", "-input=false", "-no-color", &var],
                        "apply",
                    );
                    let unexpected = replan_beyond_moto_gaps(&dir, &[&var]);
                    assert!(
                        unexpected.is_empty(),
                        "{env} in {region}: the re-plan changes more than moto's known gaps: \
                         {unexpected:?}"
                    );
                    (dir, var)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // Renaming the lake and the delivery stream in the spec moves their state: the plan
    // against the applied dev has moves and nothing to create or destroy.
    let (dir, var) = &dirs[0];
    let renamed = tmp.path().join("renamed.yaml");
    std::fs::write(&renamed, renamed_clickstream()).unwrap();
    render_env_into(&renamed, Some("dev"), dir);
    // A module call under a new name needs `terraform init`, as Terraform says itself.
    run(
        dir,
        &init_args(&["-backend=false"], &plugin_dir),
        "init after the rename",
    );
    run(
        dir,
        &["plan", "-input=false", "-no-color", "-out=renamed.bin", var],
        "plan after the rename",
    );
    let show = run(dir, &["show", "-json", "renamed.bin"], "show");
    let plan: serde_json::Value =
        serde_json::from_str(show.lines().find(|l| l.starts_with('{')).unwrap()).unwrap();
    let changes = plan["resource_changes"].as_array().unwrap();
    let moved: Vec<&str> = changes
        .iter()
        .filter_map(|rc| rc["previous_address"].as_str())
        .collect();
    assert!(
        moved.contains(&"module.lake.module.bucket.aws_s3_bucket.this")
            && moved.contains(&"aws_iam_role.click_delivery"),
        "expected the bucket and the role to move: {moved:?}"
    );
    let replaced: Vec<String> = changes
        .iter()
        .filter(|rc| {
            let actions = rc["change"]["actions"].as_array().unwrap();
            actions.iter().any(|a| a == "delete" || a == "create")
        })
        .map(|rc| rc["address"].as_str().unwrap().to_string())
        .collect();
    assert!(
        replaced.is_empty(),
        "the rename destroys or creates: {replaced:?}"
    );
    std::thread::scope(|scope| {
        for (dir, var) in &dirs {
            let run = &run;
            scope.spawn(move || {
                run(
                    dir,
                    &["destroy", "-auto-approve", "-input=false", "-no-color", var],
                    "destroy",
                )
            });
        }
    });
    drop(moto);
}

/// The clickstream example with `lake` renamed `data_lake` and `click_delivery` renamed
/// `clicks_to_lake`, as a user would: the ids, their references, and `renames`.
fn renamed_clickstream() -> String {
    let text = std::fs::read_to_string(common::root().join("specs/clickstream.yaml")).unwrap();
    let text = text
        .replace("  lake:\n", "  data_lake:\n")
        .replace("inputs: [lake]", "inputs: [data_lake]")
        .replace("click_delivery", "clicks_to_lake")
        .replacen(
            "environments:",
            "renames:\n  data_lake: lake\n  clicks_to_lake: click_delivery\n\nenvironments:",
            1,
        );
    assert!(text.contains("  data_lake:\n") && text.contains("[data_lake]"));
    text
}

/// The e-commerce example without what moto cannot create (listed in the README's moto table):
/// the CloudFront distribution (moto has no response headers policies), the OpenSearch domain
/// (the provider waits about ten minutes on create and on destroy), the SES identity (moto has
/// no `sesv2` identities) and so the workflow's email step (dropped here: the charge goes on
/// to the shipment event), the Personalize stack (moto's CloudFormation has no Personalize
/// resources) with the two functions and the route that need its outputs, the Redshift
/// Serverless warehouse (moto has no Redshift Serverless backend) and the two QuickSight data
/// sources after it (moto cannot create a QuickSight VPC connection, and the provider cannot
/// read back the data source moto creates). Deletion protection of the table and the user pool
/// is off so that the test can destroy them; everything else is the example as written.
fn ecommerce_on_moto() -> String {
    let text = std::fs::read_to_string(common::root().join("specs/ecommerce.yaml")).unwrap();
    let cut = |text: &str, from: &str, to: &str| -> String {
        let i = text
            .find(from)
            .unwrap_or_else(|| panic!("no `{from}` in the example"));
        let j = i + text[i..]
            .find(to)
            .unwrap_or_else(|| panic!("no `{to}` after `{from}`"));
        format!("{}{}", &text[..i], &text[j..])
    };
    let text = cut(&text, "  shop_cdn:", "  storefront:");
    let text = cut(&text, "  search:", "  shop_mail:");
    let text = cut(&text, "  track_clicks:", "  click_delivery:");
    let text = cut(&text, "      GET /recommendations:", "    rate_limit:");
    let text = cut(&text, "  shop_mail:", "  payments:");
    let text = cut(&text, "      confirm:", "      ship:");
    // The warehouse and the QuickSight data sources over it and over the search domain are
    // the spec's last components: everything from the warehouse on goes.
    let text = text[..text
        .find("  warehouse:")
        .expect("no `  warehouse:` in the example")]
        .to_string();
    let replace = |text: String, from: &str, to: &str| {
        assert!(text.contains(from), "no `{from}` in the example");
        text.replacen(from, to, 1)
    };
    let text = replace(text, "        next: confirm\n", "        next: ship\n");
    let text = replace(
        text,
        "    stream: true ",
        "    deletion_protection: false\n    stream: true ",
    );
    replace(
        text,
        "    mfa: optional\n",
        "    mfa: optional\n    deletion_protection: false\n",
    )
}

#[test]
fn ecommerce_applies_replans_and_destroys_on_moto_but_cdn_search_and_mail() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = tmp.path().join("ecommerce.yaml");
    std::fs::write(&spec, ecommerce_on_moto()).unwrap();
    copy_dir(
        &common::root().join("specs/ecommerce"),
        &tmp.path().join("ecommerce"),
    );
    apply_replan_destroy_at("ecommerce.yaml (moto subset)", &spec);
}

#[test]
fn ecommerce_plans_on_moto_with_every_service() {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let types = planned_types("ecommerce.yaml");
    for want in [
        "aws_apigatewayv2_api",
        "aws_apigatewayv2_authorizer",
        "aws_cloudformation_stack",
        "aws_cloudfront_distribution",
        "aws_cloudfront_origin_access_control",
        "aws_cognito_user_pool",
        "aws_dynamodb_table",
        "aws_lambda_event_source_mapping",
        "aws_lambda_permission",
        "aws_opensearch_domain",
        "aws_opensearch_domain_policy",
        "aws_quicksight_data_set",
        "aws_quicksight_data_source",
        "aws_quicksight_vpc_connection",
        "aws_redshiftdata_statement",
        "aws_redshiftserverless_namespace",
        "aws_redshiftserverless_workgroup",
        "aws_s3_object",
        "aws_sesv2_email_identity",
        "aws_sfn_state_machine",
        "aws_cloudwatch_event_api_destination",
        "aws_cloudwatch_event_bus",
        "aws_cloudwatch_event_connection",
        "aws_cloudwatch_event_rule",
        "aws_cloudwatch_event_target",
        "aws_sqs_queue_policy",
    ] {
        assert!(
            types.iter().any(|t| t == want),
            "{want} missing from the plan: {types:?}"
        );
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A spec's `backend` keeps the state in S3 for real: on moto, `terraform init` takes the
/// rendered `backend.tf` (endpoints and test credentials come from a `-backend-config` file,
/// as a team would pass theirs), `apply` writes the state into the bucket under the spec's key,
/// the lock file is gone once the apply is done, and `destroy` empties the state again.
#[test]
fn remote_state_lives_in_the_spec_s_bucket_on_moto() {
    if !have("terraform") {
        return;
    }
    if !common::optional_tool("moto_server", &["--help"], "pip install 'moto[server]'") {
        return;
    }
    let moto = start_stubbed_moto().expect("moto starts on loopback");
    let endpoint = format!("http://127.0.0.1:{}", moto.port);
    // The bucket exists before the render is deployed: the render never creates its own
    // state's bucket.
    let s3 = |code: &str| -> String {
        let out = Command::new("python3")
            .args([
                "-c",
                &format!(
                    "import boto3\ns3 = boto3.client('s3', endpoint_url='{endpoint}', \
                     region_name='us-east-1', aws_access_key_id='test', \
                     aws_secret_access_key='test')\n{code}"
                ),
            ])
            .env("NO_PROXY", "127.0.0.1")
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    s3("s3.create_bucket(Bucket='team-terraform-state')");
    let tmp = tempfile::tempdir().unwrap();
    let spec = tmp.path().join("state.yaml");
    std::fs::write(
        &spec,
        "version: 1\nname: remote\nregion: us-east-1\nbackend:\n  s3:\n    bucket: \
         team-terraform-state\n    key: pipelines/remote.tfstate\nsources:\n  clicks:\n    \
         type: kinesis_stream\n",
    )
    .unwrap();
    let dir = tmp.path().join("infra");
    render_into(&spec, &dir);
    let backend = std::fs::read_to_string(dir.join("backend.tf")).unwrap();
    assert!(backend.contains("use_lockfile = true"), "{backend}");
    override_provider_for_apply(&dir, moto.port);
    std::fs::write(
        tmp.path().join("moto.s3.tfbackend"),
        format!(
            "endpoints = {{ s3 = \"{endpoint}\" }}\nuse_path_style = true\n\
             skip_credentials_validation = true\nskip_requesting_account_id = true\n\
             skip_metadata_api_check = true\nskip_s3_checksum = true\n\
             access_key = \"test\"\nsecret_key = \"test\"\n"
        ),
    )
    .unwrap();
    let ok = |out: std::process::Output, what: &str| {
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{what} failed:\n{text}");
    };
    let backend_config = format!(
        "-backend-config={}",
        tmp.path().join("moto.s3.tfbackend").display()
    );
    let plugin_dir = format!("-plugin-dir={PLUGIN_DIR}");
    let init_args = init_args(&[&backend_config], &plugin_dir);
    ok(terraform_on_moto(&dir, &init_args), "init");
    ok(
        terraform_on_moto(
            &dir,
            &["apply", "-auto-approve", "-input=false", "-no-color"],
        ),
        "apply",
    );
    assert!(
        !dir.join("terraform.tfstate").exists(),
        "the state stays out of the render folder"
    );
    let state = s3("print(s3.get_object(Bucket='team-terraform-state', \
         Key='pipelines/remote.tfstate')['Body'].read().decode())");
    assert!(state.contains("\"aws_kinesis_stream\""), "{state}");
    let keys = s3(
        "print(sorted(o['Key'] for o in s3.list_objects_v2(Bucket='team-terraform-state')\
         .get('Contents', [])))",
    );
    assert_eq!(
        keys.trim(),
        "['pipelines/remote.tfstate']",
        "no lock file is left"
    );
    ok(
        terraform_on_moto(
            &dir,
            &["destroy", "-auto-approve", "-input=false", "-no-color"],
        ),
        "destroy",
    );
    let state = s3(
        "import json\nstate = json.loads(s3.get_object(Bucket='team-terraform-state', \
         Key='pipelines/remote.tfstate')['Body'].read())\nprint(len(state['resources']))",
    );
    assert_eq!(state.trim(), "0");
    drop(moto);
}
