//! The command line: exit codes, streams and messages, as a user sees them.

mod common;
use common::pipelinec;

fn run(args: &[&str]) -> String {
    shown(pipelinec(args))
}

/// Exit status, stdout and stderr, as a user sees them.
fn shown(out: std::process::Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn validate_valid_spec_exits_0() {
    insta::assert_snapshot!(run(&["validate", "specs/iot-analytics.yaml"]));
}

#[test]
fn validate_unknown_input_exits_1_with_location_and_suggestion() {
    let out = run(&["validate", "tests/fixtures/invalid/unknown_input.yaml"]);
    assert!(out.contains("tests/fixtures/invalid/unknown_input.yaml:10:14"));
    assert!(out.contains("did you mean `clicks`?"));
    insta::assert_snapshot!(out);
}

#[test]
fn validate_reports_every_file_and_keeps_the_worst_status() {
    insta::assert_snapshot!(run(&[
        "validate",
        "specs/iot-analytics.yaml",
        "tests/fixtures/invalid/missing_shards.yaml",
    ]));
}

#[test]
fn validate_missing_file_exits_2() {
    insta::assert_snapshot!(run(&["validate", "specs/no-such-spec.yaml"]));
}

#[test]
fn validate_without_arguments_is_a_usage_error() {
    let out = pipelinec(&["validate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<SPECS>..."));
}

#[test]
fn unknown_command_is_a_usage_error() {
    assert_eq!(pipelinec(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn schema_prints_the_committed_schema() {
    let out = pipelinec(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed =
        std::fs::read_to_string(common::root().join("specs/pipelinec.schema.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
}

#[test]
fn render_writes_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("iot");
    let out = pipelinec(&[
        "render",
        "specs/iot-analytics.yaml",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "main.tf",
        "versions.tf",
        "providers.tf",
        "variables.tf",
        "outputs.tf",
        "iam.tf",
    ] {
        assert!(out_dir.join(f).is_file(), "{f} missing");
    }
    assert!(out_dir.join("modules/kinesis_stream/main.tf").is_file());
    assert!(out_dir.join("build/alert_processor.zip").is_file());
}

#[test]
fn render_of_an_invalid_spec_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = pipelinec(&[
        "render",
        "tests/fixtures/invalid/cycle.yaml",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not rendered"));
    assert!(!out_dir.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temp folder left behind"
    );
}

#[test]
fn render_into_an_unwritable_place_exits_2_and_keeps_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let out_dir = blocker.join("out");
    let out = pipelinec(&[
        "render",
        "specs/iot-analytics.yaml",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "not a folder");
}

#[test]
fn separate_processes_produce_byte_identical_output() {
    // Hash maps are seeded per process: only a second process catches order that leaks from one.
    let first = pipelinec(&["schema"]).stdout;
    let second = pipelinec(&["schema"]).stdout;
    assert_eq!(first, second, "schema output differs between runs");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let run = pipelinec(&[
            "render",
            "specs/iot-analytics.yaml",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.status.code(), Some(0));
    }
    assert_eq!(common::read_tree(&a), common::read_tree(&b));
    assert_eq!(common::read_rendered(&a), common::read_tree(&a));
    let json = |_: ()| pipelinec(&["iam", "specs/iot-analytics.yaml", "--format", "json"]).stdout;
    assert_eq!(json(()), json(()));
}

/// `pipelinec` on a day pinned with `PIPELINEC_TODAY`, every stream as `run` shows it.
fn run_on(day: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pipelinec"))
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .env("PIPELINEC_TODAY", day)
        .output()
        .expect("pipelinec runs");
    shown(out)
}

/// A runtime past its deprecation date but before AWS blocks creating functions on it: the
/// spec is valid and renders (exit 0), with a warning in every format.
#[test]
fn a_deprecated_runtime_is_a_warning_in_every_format() {
    let day = "2027-05-01"; // nodejs22.x: deprecated 2027-04-30, blocked 2027-06-01
    let spec = "specs/iot-analytics.yaml";
    let human = run_on(day, &["validate", spec]);
    assert!(human.starts_with("exit: 0\n"), "{human}");
    insta::assert_snapshot!("deprecated_runtime_human", human);
    let json = run_on(day, &["validate", "--format", "json", spec]);
    assert!(json.starts_with("exit: 0\n"), "{json}");
    assert!(json.contains(r#""severity":"warning""#), "{json}");
    assert!(json.contains(r#""code":"runtime-deprecated""#), "{json}");
    let sarif = run_on(day, &["validate", "--format", "sarif", spec]);
    assert!(sarif.starts_with("exit: 0\n"), "{sarif}");
    assert_eq!(sarif.matches(r#""level": "warning""#).count(), 2, "{sarif}");
    let github = run_on(day, &["validate", "--format", "github", spec]);
    assert!(github.starts_with("exit: 0\n"), "{github}");
    assert!(
        github.contains("::warning file=specs/iot-analytics.yaml,line=59,col=14,"),
        "{github}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let render = run_on(day, &["render", spec, "-o", out.to_str().unwrap()]);
    assert!(render.starts_with("exit: 0\n"), "{render}");
    assert!(render.contains("⚠ specs/iot-analytics.yaml:59:14: `nodejs22.x` is deprecated"));
    assert!(out.join("main.tf").exists());
}

/// A warning beside an error: both printed, the summary counts each, the exit status is 1.
#[test]
fn warnings_do_not_hide_or_replace_errors() {
    let day = "2027-05-01";
    let out = run_on(
        day,
        &[
            "validate",
            "tests/fixtures/invalid/log_retention_not_allowed.yaml",
        ],
    );
    assert!(out.starts_with("exit: 1\n"), "{out}");
    assert!(
        out.contains("⚠ tests/fixtures/invalid/log_retention_not_allowed.yaml:13:14"),
        "{out}"
    );
    assert!(out.ends_with("1 problem found, 1 warning\n"), "{out}");
}

/// Settings that change nothing are a warning at each, and the spec stays valid.
#[test]
fn unused_output_settings_are_warnings() {
    let out = run(&["validate", "tests/fixtures/valid/unused_output_prefix.yaml"]);
    assert!(out.starts_with("exit: 0\n"), "{out}");
    insta::assert_snapshot!(out);
}

/// A spec with environments: `validate` checks each, `render` writes a root per environment
/// (or the one `--env` names), `iam --env` shows that environment's names, and an environment
/// the spec lacks is an error that lists the ones it has.
#[test]
fn environments_on_the_command_line() {
    insta::assert_snapshot!(
        "environments_validate",
        run(&["validate", "specs/clickstream.yaml"])
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let all = pipelinec(&[
        "render",
        "specs/clickstream.yaml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(all.status.code(), Some(0), "{}", shown(all));
    for env in ["dev", "prod"] {
        let iam = std::fs::read_to_string(out.join(env).join("iam.tf")).unwrap();
        assert!(
            iam.contains(&format!(
                "name                 = \"shop-clicks-{env}-click-delivery-${{local.region_code}}\""
            )),
            "{iam}"
        );
    }
    let one = tmp.path().join("prod-only");
    let prod = pipelinec(&[
        "render",
        "specs/clickstream.yaml",
        "--env",
        "prod",
        "-o",
        one.to_str().unwrap(),
    ]);
    assert_eq!(prod.status.code(), Some(0), "{}", shown(prod));
    assert!(one.join("main.tf").is_file() && !one.join("prod").exists());
    let iam = run(&["iam", "specs/clickstream.yaml", "--env", "prod"]);
    assert!(
        iam.contains("role shop-clicks-prod-click-delivery-euw1 (click_delivery, firehose)"),
        "{iam}"
    );
    let unknown = run(&["render", "specs/clickstream.yaml", "--env", "staging"]);
    insta::assert_snapshot!("environments_unknown", unknown);
}

/// `render` compares with the previous render's manifest and says what a spec change makes
/// Terraform destroy: a component renamed without `renames` loses its bucket (with a hint to
/// add the rename); with `renames`, nothing is destroyed and nothing is said.
#[test]
fn render_says_what_a_rename_would_destroy() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dev");
    let first = pipelinec(&[
        "render",
        "specs/clickstream.yaml",
        "--env",
        "dev",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", shown(first));
    let original = std::fs::read_to_string("specs/clickstream.yaml").unwrap();
    let renamed = original
        .replace("  lake:\n", "  data_lake:\n")
        .replace("inputs: [lake]", "inputs: [data_lake]");
    assert_ne!(renamed, original);
    let spec = tmp.path().join("clickstream.yaml");
    std::fs::write(&spec, &renamed).unwrap();
    let render = |spec: &std::path::Path| {
        let args = ["render", spec.to_str().unwrap(), "--env", "dev", "-o"];
        let mut args = args.to_vec();
        args.push(out.to_str().unwrap());
        pipelinec(&args)
    };
    let warned = render(&spec);
    assert_eq!(warned.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&warned.stderr).replace(out.to_str().unwrap(), "OUT");
    insta::assert_snapshot!("render_rename_without_renames", stderr);
    // Back to the first render, then the rename said in the spec: no warning.
    assert_eq!(
        pipelinec(&[
            "render",
            "specs/clickstream.yaml",
            "--env",
            "dev",
            "-o",
            out.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    std::fs::write(
        &spec,
        renamed.replacen(
            "environments:",
            "renames:\n  data_lake: lake\n\nenvironments:",
            1,
        ),
    )
    .unwrap();
    let quiet = render(&spec);
    assert_eq!(quiet.status.code(), Some(0), "{}", shown(quiet));
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    let moved = std::fs::read_to_string(out.join("moved.tf")).unwrap();
    assert!(
        moved.contains("from = module.lake\n  to   = module.data_lake"),
        "{moved}"
    );
}
