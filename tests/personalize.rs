//! The Personalize kind's CloudFormation template, checked independently: the template rendered
//! for `all_edges.yaml` and the committed e-commerce one go through cfn-lint, a broken copy must
//! fail it, and the interactions schema is the Avro Personalize expects. cfn-lint comes from
//! PyPI (`.ci/run` installs it); without it the lint tests skip, unless
//! `PIPELINEC_REQUIRE_TOOLS=1`.

mod common;

use std::path::Path;

use pipelinec::source::SourceFile;
use serde_json::{Value, json};

const BASE: &str = "tests/fixtures/valid/all_edges.yaml";

/// The template rendered for the `picks` component of `all_edges.yaml`.
fn template() -> Value {
    let text = std::fs::read_to_string(common::root().join(BASE)).unwrap();
    let file = SourceFile::new(common::root().join(BASE), text);
    let project = pipelinec::check::check(&file).unwrap_or_else(|d| panic!("{d:?}"));
    let files = pipelinec::render::render(&project, Path::new("out")).unwrap();
    serde_json::from_slice(&files[Path::new("build/picks.cloudformation.json")])
        .expect("the template is JSON")
}

#[test]
fn the_rendered_templates_pass_cfn_lint() {
    if !common::have_cfn_lint() {
        return;
    }
    let (ok, text) = common::cfn_lint(&template());
    assert!(ok, "cfn-lint finds problems in the template:\n{text}");
    let committed =
        common::root().join("generated/ecommerce/build/recommender.cloudformation.json");
    let committed: Value =
        serde_json::from_slice(&std::fs::read(committed).unwrap()).expect("JSON");
    let (ok, text) = common::cfn_lint(&committed);
    assert!(
        ok,
        "cfn-lint finds problems in the e-commerce template:\n{text}"
    );
}

#[test]
fn cfn_lint_rejects_a_broken_template() {
    if !common::have_cfn_lint() {
        return;
    }
    // A dataset without its type, and an output of an attribute the tracker lacks.
    let mut broken = template();
    broken["Resources"]["Interactions"]["Properties"]
        .as_object_mut()
        .unwrap()
        .remove("DatasetType");
    broken["Outputs"]["DatasetGroupArn"]["Value"] = json!({ "Fn::GetAtt": ["Nowhere", "Arn"] });
    let (ok, text) = common::cfn_lint(&broken);
    assert!(!ok, "cfn-lint accepted a broken template:\n{text}");
    assert!(text.contains("E3003"), "{text}");
    assert!(text.contains("E6101"), "{text}");
}

#[test]
fn the_interactions_schema_is_the_avro_personalize_expects() {
    let t = template();
    let schema = t["Resources"]["InteractionsSchema"]["Properties"]["Schema"]
        .as_str()
        .expect("the schema is a JSON string, as CloudFormation takes it");
    let schema: Value = serde_json::from_str(schema).unwrap();
    assert_eq!(
        schema,
        json!({
            "type": "record",
            "name": "Interactions",
            "namespace": "com.amazonaws.personalize.schema",
            "fields": [
                { "name": "USER_ID", "type": "string" },
                { "name": "ITEM_ID", "type": "string" },
                { "name": "TIMESTAMP", "type": "long" },
                { "name": "EVENT_TYPE", "type": "string", "categorical": true },
                { "name": "EVENT_VALUE", "type": ["null", "float"] },
            ],
            "version": "1.0",
        })
    );
    // The recipe the spec chose, the tracker made by the stack's own function with the role
    // Terraform passes in, and the outputs the module reads.
    assert_eq!(
        t["Resources"]["Solution"]["Properties"]["RecipeArn"],
        json!({ "Fn::Sub": "arn:${AWS::Partition}:personalize:::recipe/aws-similar-items" })
    );
    assert_eq!(
        t["Resources"]["TrackerFunction"]["Properties"]["Role"],
        json!({ "Ref": "TrackerRoleArn" })
    );
    assert_eq!(
        t["Resources"]["EventTracker"]["Properties"]["ServiceToken"],
        json!({ "Fn::GetAtt": ["TrackerFunction", "Arn"] })
    );
    let outputs: Vec<&String> = t["Outputs"].as_object().unwrap().keys().collect();
    assert_eq!(
        outputs,
        [
            "DatasetGroupArn",
            "SolutionArn",
            "EventTrackerArn",
            "TrackingId"
        ]
    );
}
