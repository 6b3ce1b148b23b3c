//! Pipelines that deploy must deliver: the defaults keep data (issue: data-safe defaults).

mod common;

use std::path::{Path, PathBuf};

fn render_text(spec: &str) -> pipelinec::render::Files {
    let file = pipelinec::source::SourceFile::new(
        PathBuf::from("tests/fixtures/defaults.yaml"),
        spec.to_string(),
    );
    let project = match pipelinec::check::check(&file) {
        Ok(p) => p,
        Err(d) => panic!(
            "{}",
            pipelinec::report::render_human(&file, &d, pipelinec::report::Style::plain())
        ),
    };
    pipelinec::render::render(&project, Path::new("out")).unwrap()
}

fn text(files: &pipelinec::render::Files, path: &str) -> String {
    String::from_utf8(files[Path::new(path)].clone()).unwrap()
}

const MINIMAL: &str = "version: 1
name: safe
region: us-east-1
sources:
  events:
    type: kinesis_stream
transforms:
  worker:
    type: lambda
    inputs: [events]
    code: code/handler
    runtime: python3.13
    handler: app.handler
";

/// A stream consumer that fails keeps its batches whole in S3, reads from the oldest record,
/// and the stream keeps records for a week: nothing is lost by default.
#[test]
fn defaults_keep_every_record() {
    let files = render_text(MINIMAL);
    let main = text(&files, "main.tf");
    assert!(main.contains("retention_hours = 168"), "{main}");
    assert!(
        main.contains("starting_position          = \"TRIM_HORIZON\""),
        "{main}"
    );
    assert!(
        main.contains("failure_destination        = \"s3\""),
        "{main}"
    );
    assert!(
        main.contains("failure_bucket_name        = \"safe-worker-failures-${local.account_id}-${local.region_code}\""),
        "{main}"
    );
    assert!(
        main.contains("report_batch_item_failures = false"),
        "{main}"
    );
    let module = text(&files, "modules/lambda/main.tf");
    assert!(module.contains("module \"failure_bucket\""), "{module}");
    assert!(module.contains("source = \"../s3_bucket\""), "{module}");
    let iam = text(&files, "iam.tf");
    assert!(
        iam.contains(
            "\"arn:${local.partition}:s3:::safe-worker-failures-${local.account_id}-${local.region_code}/aws/lambda/*\""
        ),
        "{iam}"
    );
    let outputs = text(&files, "outputs.tf");
    assert!(
        outputs.contains("module.worker.failure_bucket"),
        "{outputs}"
    );
}

/// A lake of the spec can keep the failed batches; SQS stays available, documented as
/// metadata only; partial batch responses are offered.
#[test]
fn failure_destination_options() {
    let lake = format!(
        "{MINIMAL}    failure_bucket: lake\n    report_batch_item_failures: true\nsinks:\n  lake:\n    type: s3_data_lake\n    encryption: sse_kms\n    kms_key_arn: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n"
    );
    let files = render_text(&lake);
    let main = text(&files, "main.tf");
    assert!(
        main.contains("failure_bucket_arn         = module.lake.arn"),
        "{main}"
    );
    assert!(!main.contains("failure_bucket_name"), "{main}");
    assert!(main.contains("report_batch_item_failures = true"), "{main}");
    let iam = text(&files, "iam.tf");
    assert!(
        iam.contains("safe-lake-${local.account_id}-${local.region_code}/aws/lambda/*"),
        "{iam}"
    );
    assert!(iam.contains("sid       = \"FailureKey\""), "{iam}");

    let sqs = format!("{MINIMAL}    on_failure: sqs\n");
    let main = text(&render_text(&sqs), "main.tf");
    assert!(
        main.contains("failure_destination        = \"sqs\""),
        "{main}"
    );
    let schema = pipelinec::schema::schema_text();
    assert!(
        schema.contains("metadata only"),
        "the schema documents what SQS keeps"
    );
}

/// `pipelinec iam` shows the grant of the S3 failure destination.
#[test]
fn iam_command_shows_the_failure_destination_grant() {
    let out = common::pipelinec(&["iam", "specs/iot-analytics.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("FailureObjects"), "{table}");
    assert!(
        table.contains("iot-analytics-alert-processor-failures-${account_id}-use1/aws/lambda/*"),
        "{table}"
    );
}

/// Two specs with one `name` would collide in one account: `validate` of both and
/// `render --check` of a folder holding both say so at the second spec's `name`.
#[test]
fn two_specs_with_one_name_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let specs = dir.path().join("specs");
    std::fs::create_dir_all(&specs).unwrap();
    let spec =
        "version: 1\nname: shared\nregion: us-east-1\nsinks:\n  lake:\n    type: s3_data_lake\n";
    std::fs::write(specs.join("a.yaml"), spec).unwrap();
    std::fs::write(
        specs.join("b.yaml"),
        format!("# the same project again\n{spec}"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_pipelinec"))
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let out = run(&["validate", "specs/a.yaml", "specs/b.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("× specs/b.yaml:3:7: project `shared` is also the name of specs/a.yaml:2"),
        "{stderr}"
    );
    let json = run(&[
        "validate",
        "--format",
        "json",
        "specs/a.yaml",
        "specs/b.yaml",
    ]);
    let line = String::from_utf8(json.stdout).unwrap();
    assert!(
        line.contains("\"code\":\"duplicate-project-name\""),
        "{line}"
    );

    assert_eq!(run(&["render", "specs/a.yaml"]).status.code(), Some(0));
    let check = run(&["render", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8(check.stderr).unwrap();
    assert!(
        stderr.contains("project `shared` is also the name of specs/a.yaml:2"),
        "{stderr}"
    );
    assert!(
        stderr.contains("specs/b.yaml: not checked; fix the problems above"),
        "{stderr}"
    );
}
