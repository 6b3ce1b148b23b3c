//! The workflow kind's Amazon States Language, checked independently: the definition rendered
//! for `all_edges.yaml` (with Terraform's references filled in) goes through cfn-lint's
//! state-machine checks inside a minimal CloudFormation template, and a deliberately broken
//! copy must fail them. cfn-lint comes from PyPI (`.ci/run` installs it); without it these
//! tests skip, unless `PIPELINEC_REQUIRE_TOOLS=1`.

mod common;

use std::path::Path;

use hcl::eval::{Context, Evaluate};
use hcl::{Body, Expression};
use pipelinec::source::SourceFile;
use serde_json::{Value, json};

const BASE: &str = "tests/fixtures/valid/all_edges.yaml";

fn render(text: &str) -> pipelinec::render::Files {
    let file = SourceFile::new(common::root().join(BASE), text.to_string());
    let project = pipelinec::check::check(&file).unwrap_or_else(|d| panic!("{d:?}"));
    pipelinec::render::render(&project, Path::new("out")).unwrap()
}

fn main_tf() -> String {
    let text = std::fs::read_to_string(common::root().join(BASE)).unwrap();
    String::from_utf8(render(&text)[Path::new("main.tf")].clone()).unwrap()
}

/// The `definition` of `module "order_flow"`, evaluated as Terraform would with the
/// references it holds.
fn definition() -> Value {
    let body: Body = hcl::from_str(&main_tf()).expect("main.tf parses as HCL");
    let module = body
        .blocks()
        .find(|b| b.identifier() == "module" && b.labels()[0].as_str() == "order_flow")
        .expect("module order_flow");
    let expr: Expression = module
        .body()
        .attributes()
        .find(|a| a.key() == "definition")
        .expect("a definition")
        .expr()
        .clone();
    let mut cx = Context::new();
    cx.declare_var(
        "local",
        hcl::value!({ partition = "aws", region = "eu-central-1", account_id = "111122223333" }),
    );
    cx.declare_var(
        "module",
        hcl::value!({
            charge = { arn = "arn:aws:lambda:eu-central-1:111122223333:function:edges-charge" },
            shop_mail = {
                sender = "orders@shop.example",
                configuration_set_name = "edges-shop-mail"
            },
            payments = {
                base_url = "https://pay.example/api",
                connection_arn = "arn:aws:events:eu-central-1:111122223333:connection/edges-payments/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
            },
            shop_events = { arn = "arn:aws:events:eu-central-1:111122223333:event-bus/edges-shop-events" }
        }),
    );
    let text = expr.evaluate(&cx).expect("the definition evaluates");
    let hcl::Value::String(text) = text else {
        panic!("the definition is a string")
    };
    serde_json::from_str(&text).expect("the definition is JSON")
}

/// cfn-lint's findings on a CloudFormation template holding `definition` (exit status, output).
fn cfn_lint(definition: &Value) -> (bool, String) {
    let template = json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {
            "Workflow": {
                "Type": "AWS::StepFunctions::StateMachine",
                "Properties": {
                    "RoleArn": "arn:aws:iam::111122223333:role/edges-order-flow",
                    "Definition": definition,
                }
            }
        }
    });
    common::cfn_lint(&template)
}

#[test]
fn the_rendered_definition_passes_cfn_lint() {
    if !common::have_cfn_lint() {
        return;
    }
    let (ok, text) = cfn_lint(&definition());
    assert!(ok, "cfn-lint finds problems in the definition:\n{text}");
}

#[test]
fn cfn_lint_rejects_a_broken_definition() {
    if !common::have_cfn_lint() {
        return;
    }
    // A transition to a state that does not exist, and a task without a resource.
    let mut broken = definition();
    broken["States"]["settle"]["Next"] = json!("nowhere");
    broken["States"]["charge_card"]
        .as_object_mut()
        .unwrap()
        .remove("Resource");
    let (ok, text) = cfn_lint(&broken);
    assert!(!ok, "cfn-lint accepted a broken definition:\n{text}");
    assert!(text.contains("E3601"), "{text}");
}

/// What the spec's texts hold reaches the email exactly, whatever HCL, JSON and the intrinsic
/// functions make of `${`, `%{`, quotes and backslashes on the way.
#[test]
fn the_email_texts_survive_every_escaping() {
    let d = definition();
    let confirm = &d["States"]["confirm"];
    assert_eq!(
        confirm["Resource"],
        "arn:aws:states:::aws-sdk:sesv2:sendEmail"
    );
    let p = &confirm["Parameters"];
    assert_eq!(p["FromEmailAddress"], "orders@shop.example");
    assert_eq!(p["ConfigurationSetName"], "edges-shop-mail");
    assert_eq!(
        p["Destination"]["ToAddresses.$"],
        "States.Array($.customer.email)"
    );
    assert_eq!(
        p["Content"]["Simple"]["Body"]["Text"]["Data.$"],
        r#"States.Format('Hello {}, thanks for "your" order $\{total\} %\{x\} \'quoted\' \{literal\} \\ end', $.customer.name)"#
    );
    assert_eq!(d["Comment"], r#"Confirm an order "${x}" %{y}"#);
    assert_eq!(confirm["ResultPath"], Value::Null);
    let charge = &d["States"]["charge_card"];
    assert_eq!(
        charge["Parameters"]["FunctionName"],
        "arn:aws:lambda:eu-central-1:111122223333:function:edges-charge"
    );
    assert_eq!(charge["Resource"], "arn:aws:states:::lambda:invoke");
}

#[test]
fn a_function_starting_a_workflow_gets_its_arn() {
    assert!(
        main_tf().contains("\"ORDER_FLOW_STATE_MACHINE_ARN\" = module.order_flow.arn"),
        "checkout has no ORDER_FLOW_STATE_MACHINE_ARN"
    );
}

/// The default retries: Lambda's transient errors for an `invoke` without `retry`, SES
/// throttling for a `send_email`.
#[test]
fn tasks_retry_transient_errors_by_default() {
    let text = std::fs::read_to_string(common::root().join(BASE))
        .unwrap()
        .replace(
            "        retry:\n          - { errors: [Lambda.TooManyRequestsException], interval_seconds: 2, max_attempts: 5, backoff_rate: 1.5 }\n",
            "",
        );
    let main = String::from_utf8(render(&text)[Path::new("main.tf")].clone()).unwrap();
    let line = main
        .lines()
        .find(|l| l.trim_start().starts_with("definition"))
        .unwrap();
    assert!(
        line.contains(r#"\"ErrorEquals\":[\"Lambda.ServiceException\",\"Lambda.AWSLambdaException\",\"Lambda.SdkClientException\",\"Lambda.TooManyRequestsException\"],\"IntervalSeconds\":1,\"MaxAttempts\":3,\"BackoffRate\":2.0"#),
        "{line}"
    );
    assert!(line.contains(r#"\"ErrorEquals\":[\"SesV2.TooManyRequestsException\"]"#));
}

/// A definition past Step Functions' 1 MiB is refused at compile time.
#[test]
fn a_definition_past_one_mib_is_refused() {
    let body = "x".repeat(10_000);
    let mut spec = String::from(
        "version: 1\nname: big\nregion: eu-west-1\ntransforms:\n  flow:\n    type: workflow\n    start_at: s0\n    states:\n",
    );
    let n = 110;
    for i in 0..n {
        let next = if i + 1 == n {
            "end: true".to_string()
        } else {
            format!("next: s{}", i + 1)
        };
        spec.push_str(&format!(
            "      s{i}:\n        type: send_email\n        identity: mail\n        to: $.to\n        subject: s\n        body: {body}\n        {next}\n"
        ));
    }
    spec.push_str("sinks:\n  mail:\n    type: email_identity\n    domain: shop.example\n");
    let file = SourceFile::new(common::root().join(BASE), spec);
    let diags = pipelinec::check::check(&file).expect_err("too large");
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["definition-too-large"], "{diags:?}");
}
