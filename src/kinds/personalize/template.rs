//! The CloudFormation template of a Personalize component, as JSON: the dataset group, the
//! interactions schema and dataset, the solution, and the event tracker made by a custom
//! resource. Spec text reaches it only as JSON strings (serde escapes them); the tracker's
//! role comes in as a stack parameter.

use serde_json::{Value, json};

use super::{Personalize, tracker_function};

/// Days the tracker function's log group keeps its logs.
const TRACKER_LOG_DAYS: u32 = 14;

/// The custom resource's code (inline, so `cfnresponse` is available): it creates the tracker
/// on Create, returns it again on an Update that changes nothing, replaces it when its name or
/// dataset group changes (CloudFormation then deletes the old one), and deletes it on Delete.
const TRACKER_CODE: &str = r#"import boto3
import cfnresponse

personalize = boto3.client("personalize")


def handler(event, context):
    props = event["ResourceProperties"]
    physical = event.get("PhysicalResourceId", "not-created")
    try:
        kind = event["RequestType"]
        if kind == "Delete":
            if physical.startswith("arn:"):
                try:
                    personalize.delete_event_tracker(eventTrackerArn=physical)
                except personalize.exceptions.ResourceNotFoundException:
                    pass
            cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical)
            return
        old = event.get("OldResourceProperties", {})
        same = kind == "Update" and all(
            old.get(k) == props[k] for k in ("Name", "DatasetGroupArn")
        )
        if same:
            tracker = personalize.describe_event_tracker(eventTrackerArn=physical)
            tracking_id = tracker["eventTracker"]["trackingId"]
        else:
            made = personalize.create_event_tracker(
                name=props["Name"], datasetGroupArn=props["DatasetGroupArn"]
            )
            physical, tracking_id = made["eventTrackerArn"], made["trackingId"]
        cfnresponse.send(
            event, context, cfnresponse.SUCCESS, {"TrackingId": tracking_id}, physical
        )
    except Exception as error:
        cfnresponse.send(
            event, context, cfnresponse.FAILED, {}, physical, reason=str(error)[:500]
        )
"#;

/// The template, pretty-printed with a trailing newline (it is a committed file).
pub fn cloudformation(p: &Personalize, base: &str) -> String {
    let group_arn = json!({ "Fn::GetAtt": ["DatasetGroup", "DatasetGroupArn"] });
    let mut resources = serde_json::Map::new();
    resources.insert(
        "DatasetGroup".into(),
        json!({
            "Type": "AWS::Personalize::DatasetGroup",
            "Properties": { "Name": base },
        }),
    );
    resources.insert(
        "InteractionsSchema".into(),
        json!({
            "Type": "AWS::Personalize::Schema",
            "Properties": {
                "Name": format!("{base}-interactions"),
                "Schema": interactions_schema(p),
            },
        }),
    );
    resources.insert(
        "Interactions".into(),
        json!({
            "Type": "AWS::Personalize::Dataset",
            "Properties": {
                "Name": format!("{base}-interactions"),
                "DatasetType": "Interactions",
                "DatasetGroupArn": group_arn,
                "SchemaArn": { "Fn::GetAtt": ["InteractionsSchema", "SchemaArn"] },
            },
        }),
    );
    let mut outputs = serde_json::Map::new();
    outputs.insert(
        "DatasetGroupArn".into(),
        json!({ "Description": "The dataset group", "Value": group_arn }),
    );
    if p.solution {
        resources.insert(
            "Solution".into(),
            json!({
                "Type": "AWS::Personalize::Solution",
                "DependsOn": "Interactions",
                "Properties": {
                    "Name": base,
                    "DatasetGroupArn": group_arn,
                    "RecipeArn": {
                        "Fn::Sub": format!(
                            "arn:${{AWS::Partition}}:personalize:::recipe/{}",
                            p.recipe.arn_name()
                        ),
                    },
                },
            }),
        );
        outputs.insert(
            "SolutionArn".into(),
            json!({
                "Description": "The solution: train a version of it once there are interactions",
                "Value": { "Fn::GetAtt": ["Solution", "SolutionArn"] },
            }),
        );
    }
    let mut parameters = serde_json::Map::new();
    if p.event_tracker {
        event_tracker(
            base,
            &group_arn,
            &mut parameters,
            &mut resources,
            &mut outputs,
        );
    }
    let mut template = serde_json::Map::new();
    template.insert("AWSTemplateFormatVersion".into(), json!("2010-09-09"));
    template.insert(
        "Description".into(),
        json!(format!(
            "Amazon Personalize for {base}: dataset group, interactions, solution and event tracker (rendered by pipelinec)"
        )),
    );
    if !parameters.is_empty() {
        template.insert("Parameters".into(), Value::Object(parameters));
    }
    template.insert("Resources".into(), Value::Object(resources));
    template.insert("Outputs".into(), Value::Object(outputs));
    let mut text =
        serde_json::to_string_pretty(&Value::Object(template)).expect("a JSON value serialises");
    text.push('\n');
    text
}

/// The event tracker: a parameter for its function's role, the function (with its log group)
/// and the custom resource it answers, and the tracking id as an output.
fn event_tracker(
    base: &str,
    group_arn: &Value,
    parameters: &mut serde_json::Map<String, Value>,
    resources: &mut serde_json::Map<String, Value>,
    outputs: &mut serde_json::Map<String, Value>,
) {
    let function = tracker_function(base);
    parameters.insert(
        "TrackerRoleArn".into(),
        json!({
            "Type": "String",
            "Description": "The role of the function that creates and deletes the event tracker",
        }),
    );
    resources.insert(
        "TrackerLogs".into(),
        json!({
            "Type": "AWS::Logs::LogGroup",
            "Properties": {
                "LogGroupName": format!("/aws/lambda/{function}"),
                "RetentionInDays": TRACKER_LOG_DAYS,
            },
        }),
    );
    resources.insert(
        "TrackerFunction".into(),
        json!({
            "Type": "AWS::Lambda::Function",
            "DependsOn": "TrackerLogs",
            "Properties": {
                "FunctionName": function,
                "Description": "Creates and deletes the Personalize event tracker of this stack",
                "Runtime": "python3.13",
                "Handler": "index.handler",
                "Timeout": 120,
                "Role": { "Ref": "TrackerRoleArn" },
                "Code": { "ZipFile": TRACKER_CODE },
            },
        }),
    );
    resources.insert(
        "EventTracker".into(),
        json!({
            "Type": "Custom::EventTracker",
            "DependsOn": "Interactions",
            "Properties": {
                "ServiceToken": { "Fn::GetAtt": ["TrackerFunction", "Arn"] },
                "Name": base,
                "DatasetGroupArn": group_arn,
            },
        }),
    );
    outputs.insert(
        "EventTrackerArn".into(),
        json!({ "Description": "The event tracker", "Value": { "Ref": "EventTracker" } }),
    );
    outputs.insert(
        "TrackingId".into(),
        json!({
            "Description": "The tracking id events are sent with",
            "Value": { "Fn::GetAtt": ["EventTracker", "TrackingId"] },
        }),
    );
}

/// The interactions schema, Avro as Personalize requires, as the JSON string CloudFormation
/// takes: the required fields first, then the spec's in order.
fn interactions_schema(p: &Personalize) -> String {
    let mut fields = vec![
        json!({ "name": "USER_ID", "type": "string" }),
        json!({ "name": "ITEM_ID", "type": "string" }),
        json!({ "name": "TIMESTAMP", "type": "long" }),
    ];
    for f in &p.fields {
        let ty = if f.optional {
            json!(["null", f.ty.avro()])
        } else {
            json!(f.ty.avro())
        };
        let mut field = json!({ "name": f.name, "type": ty });
        if f.categorical {
            field["categorical"] = json!(true);
        }
        fields.push(field);
    }
    json!({
        "type": "record",
        "name": "Interactions",
        "namespace": "com.amazonaws.personalize.schema",
        "fields": fields,
        "version": "1.0",
    })
    .to_string()
}
