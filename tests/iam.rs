//! Least-privilege IAM: statements per edge kind, attribution, wildcards, real action names,
//! and IAM size quotas.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use pipelinec::check::Compiled as Project;
use pipelinec::edges as registry;
use pipelinec::iam::{self, Cause};
use pipelinec::report::{Style, render_human};
use pipelinec::source::SourceFile;

fn check_text(path: &Path, text: String) -> Result<Project, String> {
    let file = SourceFile::new(path.to_path_buf(), text);
    pipelinec::check::check(&file).map_err(|d| render_human(&file, &d, Style::plain()))
}

fn load(rel: &str) -> Project {
    let path = common::root().join(rel);
    check_text(&path, std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn specs() -> Vec<PathBuf> {
    let mut s = common::example_specs();
    s.push(common::root().join("tests/fixtures/valid/all_edges.yaml"));
    s.push(common::root().join("tests/fixtures/valid/escaping.yaml"));
    s
}

#[test]
fn statements_of_every_edge_kind() {
    let project = load("tests/fixtures/valid/all_edges.yaml");
    // Every registry row is exercised by this fixture.
    let kinds: BTreeSet<_> = project
        .graph
        .edges()
        .map(|e| {
            (
                project.component(&e.from).kind(),
                project.component(&e.to).kind(),
            )
        })
        .collect();
    for row in registry::EDGES {
        assert!(
            kinds.contains(&(row.from, row.to)),
            "no edge {} -> {}",
            row.from,
            row.to
        );
    }
    for row in registry::RESOURCE_POLICIES {
        assert!(
            kinds.contains(&(row.from, row.to)),
            "no edge {} -> {} for its resource policy",
            row.from,
            row.to
        );
    }
    let json = iam::report::json(&project, &project.policies, &project.resource_policies);
    insta::assert_json_snapshot!(json);
    insta::assert_snapshot!(
        "all_edges_table",
        iam::report::table(&project, &project.policies, &project.resource_policies)
    );
}

#[test]
fn iot_firehose_and_lambda_get_exactly_their_resources() {
    let project = load("specs/iot-analytics.yaml");
    let json = iam::report::json(&project, &project.policies, &project.resource_policies);
    let identity = |c: &str| {
        json["identities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["component"] == c)
            .unwrap()
            .clone()
    };
    let resources_for = |ident: &serde_json::Value, action: &str| -> BTreeSet<String> {
        ident["statements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["actions"].as_array().unwrap().iter().any(|a| a == action))
            .flat_map(|s| {
                s["resources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap().to_string())
            })
            .collect()
    };
    let stream = "arn:aws:kinesis:us-east-1:${account_id}:stream/iot-analytics-sensor-stream";
    let lake = "arn:aws:s3:::iot-analytics-data-lake-${account_id}-use1";
    let firehose = identity("sensor_delivery");
    assert_eq!(
        resources_for(&firehose, "kinesis:GetRecords"),
        BTreeSet::from([stream.to_string()])
    );
    assert_eq!(
        resources_for(&firehose, "s3:PutObject"),
        BTreeSet::from([format!("{lake}/sensor-data/*"), format!("{lake}/error/*")])
    );
    let lambda = identity("alert_processor");
    assert_eq!(
        resources_for(&lambda, "kinesis:GetRecords"),
        BTreeSet::from([stream.to_string()])
    );
    // Its output prefix in the lake, and whole failed batches under `aws/lambda/` in its own
    // failure bucket (the S3 on-failure destination).
    let failures = "arn:aws:s3:::iot-analytics-alert-processor-failures-${account_id}-use1";
    assert_eq!(
        resources_for(&lambda, "s3:PutObject"),
        BTreeSet::from([
            format!("{lake}/alerts/*"),
            format!("{failures}/aws/lambda/*")
        ])
    );
    assert_eq!(
        resources_for(&lambda, "s3:ListBucket"),
        BTreeSet::from([failures.to_string()])
    );
    assert_eq!(
        resources_for(&lambda, "logs:PutLogEvents"),
        BTreeSet::from([
            "arn:aws:logs:us-east-1:${account_id}:log-group:/aws/lambda/iot-analytics-alert-processor:*"
                .to_string()
        ])
    );
}

type Perm = (String, Cause, String, String);

fn perms(project: &Project) -> BTreeSet<Perm> {
    iam::attributed(project)
        .into_iter()
        .map(|(id, c, a, r)| (id.to_string(), c, a, r))
        .collect()
}

#[test]
fn merged_statements_render_exactly_the_attributed_permissions() {
    for spec in specs() {
        let project = check_text(&spec, std::fs::read_to_string(&spec).unwrap()).unwrap();
        let from_causes: BTreeSet<(String, String, String)> = perms(&project)
            .into_iter()
            .map(|(i, _, a, r)| (i, a, r))
            .collect();
        let rendered: BTreeSet<(String, String, String)> = project
            .policies
            .iter()
            .flat_map(|p| {
                p.statements.iter().flat_map(move |s| {
                    s.actions.iter().flat_map(move |a| {
                        s.resources
                            .iter()
                            .map(move |r| (p.component.to_string(), a.clone(), r.clone()))
                    })
                })
            })
            .collect();
        assert_eq!(from_causes, rendered, "{}", spec.display());
    }
}

#[test]
fn removing_an_input_removes_exactly_the_statements_of_its_edge() {
    let mut tried = 0;
    for spec in specs() {
        let text = std::fs::read_to_string(&spec).unwrap();
        let before = check_text(&spec, text.clone()).unwrap();
        let doc = SourceFile::new(spec.clone(), text).parse().unwrap();
        let all = perms(&before);
        for edge in before.graph.edges() {
            // Drop this one `inputs` entry; JSON is YAML, so the edited value is a spec again.
            // A schedule's `target` or a firehose's `processor` is no `inputs` entry: only
            // data flows are removed here.
            if !edge.access.is_flow() {
                continue;
            }
            let mut value = doc.value.clone();
            let (list, index) = edge.pointer.rsplit_once('/').unwrap();
            value
                .pointer_mut(list)
                .unwrap()
                .as_array_mut()
                .unwrap()
                .remove(index.parse().unwrap());
            let Ok(after) = check_text(&spec, serde_json::to_string(&value).unwrap()) else {
                continue; // e.g. a firehose left with no input is invalid, not smaller
            };
            tried += 1;
            // The entry goes with every access it listed (`access: [stream, read]`).
            let of_entry = |c: &Cause| matches!(c, Cause::Edge { from, to, .. } if *from == edge.from && *to == edge.to);
            let expected: BTreeSet<Perm> =
                all.iter().filter(|p| !of_entry(&p.1)).cloned().collect();
            assert_eq!(
                perms(&after),
                expected,
                "{}: removing {} -> {}",
                spec.display(),
                edge.from,
                edge.to
            );
            assert!(all.len() >= expected.len());
        }
    }
    assert!(tried >= 5, "only {tried} edges could be removed");
}

/// (effect, actions, resources) of every `statement` block in a rendered file.
fn statement_blocks(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
    let list = |line: &str| -> Vec<String> {
        let inner = line
            .split_once('=')
            .unwrap()
            .1
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']');
        inner
            .split(", ")
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>, Vec<String>)> = None;
    for line in text.lines() {
        let t = line.trim();
        if t == "statement {" {
            current = Some(("Allow".into(), vec![], vec![]));
        } else if let Some(c) = current.as_mut() {
            if t.starts_with("effect ") {
                c.0 = t.split('"').nth(1).unwrap().to_string();
            } else if t.starts_with("actions ") {
                c.1 = list(t);
            } else if t.starts_with("resources ") {
                c.2 = list(t);
            } else if line.starts_with("  }") && !line.starts_with("    ") {
                out.push(current.take().unwrap());
            }
        }
    }
    out
}

#[test]
fn no_wildcard_actions_and_star_resources_only_for_unscopable_actions() {
    let mut checked = 0;
    for dir in std::fs::read_dir(common::root().join("generated")).unwrap() {
        for (path, bytes) in common::read_rendered(&dir.unwrap().path()) {
            if path.extension().is_none_or(|e| e != "tf") {
                continue;
            }
            let text = String::from_utf8(bytes).unwrap();
            for (effect, actions, resources) in statement_blocks(&text) {
                checked += 1;
                if effect == "Deny" {
                    // The TLS-only bucket policy must deny every S3 action over plain HTTP.
                    assert_eq!(actions, ["s3:*"], "{}", path.display());
                    continue;
                }
                for a in &actions {
                    assert!(
                        !a.contains('*'),
                        "wildcard action {a} in {}",
                        path.display()
                    );
                }
                if resources.iter().any(|r| r == "*") {
                    for a in &actions {
                        assert!(
                            registry::unscopable(a).is_some(),
                            "{a} on \"*\" in {}",
                            path.display()
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 10, "only {checked} statements found");
}

/// The vendored Service Authorization Reference, with the corrections of
/// `data/iam-actions-overrides.json` (each naming its source) laid over it.
fn sar() -> serde_json::Value {
    let read = |rel: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(common::root().join(rel)).unwrap()).unwrap()
    };
    let mut sar = read("data/iam-actions.json");
    let overrides = read("data/iam-actions-overrides.json");
    for (action, row) in overrides["actions"].as_object().unwrap() {
        assert!(
            row["source"].as_str().is_some_and(|s| s.len() > 40),
            "override {action} names its source"
        );
        let (service, name) = action.split_once(':').unwrap();
        let services = sar["services"].as_object_mut().unwrap();
        let entry = services
            .entry(service)
            .or_insert_with(|| serde_json::json!({}));
        assert_ne!(
            entry.get(name),
            Some(
                &serde_json::json!({"resources": row["resources"], "conditions": row["conditions"]})
            ),
            "override {action} changes nothing"
        );
        entry[name] = serde_json::json!({
            "resources": row["resources"],
            "conditions": row["conditions"],
        });
    }
    sar
}

fn sar_action<'a>(sar: &'a serde_json::Value, action: &str) -> Option<&'a serde_json::Value> {
    let (service, name) = action.split_once(':')?;
    sar["services"][service].get(name)
}

#[test]
fn every_action_is_real_and_scoped_as_aws_allows() {
    let sar = sar();
    let mut grants: Vec<&registry::Grant> = Vec::new();
    for row in registry::EDGES {
        grants.extend(row.grants);
    }
    for base in registry::BASELINES {
        grants.extend(base.grants);
    }
    for row in registry::RESOURCE_POLICIES {
        grants.extend(row.grants);
    }
    for g in &grants {
        let star = g.resources.contains(&"*");
        for a in g.actions {
            let entry =
                sar_action(&sar, a).unwrap_or_else(|| panic!("{a} is not a real IAM action"));
            let scopable = !entry["resources"].as_array().unwrap().is_empty();
            if star {
                assert!(!scopable, "{a} can be scoped but is granted on \"*\"");
                assert!(
                    registry::unscopable(a).is_some(),
                    "{a} on \"*\" is missing from UNSCOPABLE"
                );
            } else {
                assert!(
                    scopable,
                    "{a} takes only \"*\" but is scoped in grant {}",
                    g.sid
                );
            }
        }
        for c in g.conditions {
            if c.variable.starts_with("aws:") {
                continue; // global condition keys apply to every action
            }
            for a in g.actions {
                let keys = sar_action(&sar, a).unwrap()["conditions"]
                    .as_array()
                    .unwrap();
                assert!(
                    keys.iter().any(|k| k == c.variable),
                    "{a} does not support {}",
                    c.variable
                );
            }
        }
    }
    for (a, cond, _) in registry::UNSCOPABLE {
        let entry = sar_action(&sar, a).unwrap_or_else(|| panic!("{a} is not a real IAM action"));
        assert!(
            entry["resources"].as_array().unwrap().is_empty(),
            "{a} can be scoped"
        );
        if let Some(c) = cond {
            assert!(
                entry["conditions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|k| k == c.variable)
            );
        }
    }
    for fixed in ["sts:AssumeRole", "iam:PassRole"] {
        assert!(sar_action(&sar, fixed).is_some());
    }
    let pass_role = sar_action(&sar, "iam:PassRole").unwrap();
    assert!(
        pass_role["conditions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "iam:PassedToService")
    );
}

#[test]
fn a_component_fed_by_200_streams_is_split_across_managed_policies_within_quota() {
    let path = PathBuf::from("tests/fixtures/wide.yaml");
    let project = check_text(&path, common::many_streams(200)).unwrap();
    let role = &project.policies[0];
    assert!(
        !role.layout.managed.is_empty(),
        "200 streams should not fit inline"
    );
    assert!(role.layout.managed.len() <= iam::layout::MANAGED_PER_ROLE);
    let size = |idx: &[usize]| -> usize {
        39 + idx
            .iter()
            .map(|i| iam::layout::size(&role.statements[*i]) + 1)
            .sum::<usize>()
    };
    assert!(size(&role.layout.inline) <= iam::layout::INLINE_LIMIT);
    for part in &role.layout.managed {
        assert!(size(part) <= iam::layout::MANAGED_LIMIT);
    }
    // Every stream is still granted, exactly once.
    let streams: Vec<&String> = role
        .statements
        .iter()
        .filter(|s| s.actions.iter().any(|a| a == "kinesis:GetRecords"))
        .flat_map(|s| &s.resources)
        .collect();
    assert_eq!(streams.len(), 200);
    let unique: BTreeSet<_> = streams.iter().collect();
    assert_eq!(unique.len(), 200);
    // Statement ids stay unique across the split.
    let mut sids: HashMap<&str, usize> = HashMap::new();
    for s in &role.statements {
        *sids.entry(&s.sid).or_default() += 1;
    }
    assert!(sids.values().all(|n| *n == 1), "{sids:?}");
    let files = pipelinec::render::render(&project, Path::new("generated/wide")).unwrap();
    let iam_tf = String::from_utf8(files[Path::new("iam.tf")].clone()).unwrap();
    assert!(iam_tf.contains("resource \"aws_iam_role_policy_attachment\" \"fan_in_1\""));
    let main_tf = String::from_utf8(files[Path::new("main.tf")].clone()).unwrap();
    assert!(main_tf.contains(
        "depends_on = [aws_iam_role_policy.fan_in, aws_iam_role_policy_attachment.fan_in_1"
    ));
}

#[test]
fn permissions_beyond_every_quota_are_a_diagnostic() {
    let path = PathBuf::from("tests/fixtures/wide.yaml");
    let err = check_text(&path, common::many_streams(2000)).unwrap_err();
    insta::assert_snapshot!(err);
}

/// The statements of one identity of the IoT example, as `pipelinec iam --format json` has them.
fn iot_statements(component: &str) -> Vec<serde_json::Value> {
    let project = load("specs/iot-analytics.yaml");
    let json = iam::report::json(&project, &project.policies, &project.resource_policies);
    json["identities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["component"] == component)
        .unwrap()["statements"]
        .as_array()
        .unwrap()
        .clone()
}

/// Whether some statement allows `action` on exactly `resource` (pipelinec writes resources
/// literally, so equality or a trailing `*` prefix match is all an evaluation needs here).
fn allows(statements: &[serde_json::Value], action: &str, resource: &str) -> bool {
    statements.iter().any(|s| {
        s["actions"].as_array().unwrap().iter().any(|a| a == action)
            && s["resources"].as_array().unwrap().iter().any(|r| {
                let r = r.as_str().unwrap();
                r == resource || r.strip_suffix('*').is_some_and(|p| resource.starts_with(p))
            })
    })
}

/// The actions the Athena console and the JDBC driver call to run a query, browse the catalog
/// and open the saved queries pipelinec creates, each on the resource it is authorised on.
#[test]
fn athena_callers_can_use_the_console_and_the_jdbc_driver() {
    let policy = iot_statements("analytics");
    let account = "arn:aws:athena:us-east-1:${account_id}";
    let workgroup = format!("{account}:workgroup/iot-analytics-analytics");
    let glue = "arn:aws:glue:us-east-1:${account_id}";
    let calls: Vec<(&str, String)> = vec![
        // Console: run, watch and read a query; history; saved queries.
        ("athena:StartQueryExecution", workgroup.clone()),
        ("athena:GetQueryExecution", workgroup.clone()),
        ("athena:GetQueryResults", workgroup.clone()),
        ("athena:StopQueryExecution", workgroup.clone()),
        ("athena:GetWorkGroup", workgroup.clone()),
        ("athena:ListQueryExecutions", workgroup.clone()),
        ("athena:BatchGetQueryExecution", workgroup.clone()),
        ("athena:ListNamedQueries", workgroup.clone()),
        ("athena:BatchGetNamedQuery", workgroup.clone()),
        ("athena:GetNamedQuery", workgroup.clone()),
        // JDBC/ODBC: streamed results and metadata.
        ("athena:GetQueryResultsStream", workgroup.clone()),
        (
            "athena:ListDatabases",
            format!("{account}:datacatalog/AwsDataCatalog"),
        ),
        (
            "athena:ListTableMetadata",
            format!("{account}:datacatalog/AwsDataCatalog"),
        ),
        (
            "athena:GetTableMetadata",
            format!("{account}:datacatalog/AwsDataCatalog"),
        ),
        // The catalog, as the Athena guide lists it.
        ("glue:GetDatabases", format!("{glue}:catalog")),
        (
            "glue:GetDatabase",
            format!("{glue}:database/iot_analytics_sensor_catalog"),
        ),
        (
            "glue:GetTables",
            format!("{glue}:database/iot_analytics_sensor_catalog"),
        ),
        (
            "glue:GetTable",
            format!("{glue}:table/iot_analytics_sensor_catalog/sensor_data"),
        ),
        (
            "glue:GetPartitions",
            format!("{glue}:table/iot_analytics_sensor_catalog/sensor_data"),
        ),
    ];
    let missing: Vec<_> = calls
        .iter()
        .filter(|(a, r)| !allows(&policy, a, r))
        .collect();
    assert!(missing.is_empty(), "the caller policy misses {missing:?}");
}

/// The crawler: `CreateLogGroup` on the `:*` form of the group ARN, `s3:ListBucket` only under
/// the prefixes it crawls, and no write to a table with partition projection.
#[test]
fn crawler_grants_are_scoped_to_what_it_crawls() {
    let crawler = iot_statements("sensor_catalog");
    assert!(allows(
        &crawler,
        "logs:CreateLogGroup",
        "arn:aws:logs:us-east-1:${account_id}:log-group:/aws-glue/crawlers:*"
    ));
    let db = "arn:aws:glue:us-east-1:${account_id}:table/iot_analytics_sensor_catalog";
    assert!(allows(
        &crawler,
        "glue:UpdateTable",
        &format!("{db}/alerts")
    ));
    assert!(
        !allows(&crawler, "glue:UpdateTable", &format!("{db}/sensor_data")),
        "the crawler may rewrite a projected table"
    );
    assert!(!allows(
        &crawler,
        "glue:BatchCreatePartition",
        &format!("{db}/sensor_data")
    ));
    let list = crawler
        .iter()
        .find(|s| {
            s["actions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "s3:ListBucket")
        })
        .unwrap();
    assert_eq!(
        list["conditions"],
        serde_json::json!([{"test": "StringLike", "variable": "s3:prefix", "values": ["alerts/*", "aggregates/*"]}])
    );
    // Athena callers list only the tables' prefixes, and only through Athena.
    let caller = iot_statements("analytics");
    let lake = "arn:aws:s3:::iot-analytics-data-lake-${account_id}-use1";
    let list = caller
        .iter()
        .find(|s| {
            s["actions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "s3:ListBucket")
                && s["resources"].as_array().unwrap().iter().any(|r| r == lake)
        })
        .unwrap();
    let prefix = list["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["variable"] == "s3:prefix")
        .expect("an s3:prefix condition");
    assert_eq!(
        prefix["values"],
        serde_json::json!(["sensor-data/*", "alerts/*", "clean/*", "aggregates/*"])
    );
}

/// The wildcard refusal finds the spec value to blame through each fact's origins: every
/// value built from spec text records it, and the text is in the value (escaped).
#[test]
fn every_fact_records_the_spec_text_it_holds() {
    for spec in specs() {
        let project = load(spec.strip_prefix(common::root()).unwrap().to_str().unwrap());
        for c in project.components.values() {
            for (name, values) in iam::facts(&project, c) {
                for v in values {
                    for o in &v.from {
                        // Names swap `_` and `-` (`sensor_stream` → `sensor-stream`, and the
                        // project name in Glue database names the other way).
                        let text = pipelinec::hcl::template_literal(&o.text).replace('_', "-");
                        assert!(
                            v.body.replace('_', "-").contains(&text),
                            "{}: {} fact {name}: {:?} not in {}",
                            spec.display(),
                            c.id,
                            o,
                            v.body
                        );
                    }
                    if v.from.is_empty() {
                        assert!(
                            !v.body.contains(&project.name),
                            "{} fact {name} holds spec text but records no origin: {}",
                            c.id,
                            v.body
                        );
                    }
                }
            }
        }
    }
}

/// A `*` in a spec value that reaches a grant is refused at that value, not rendered as
/// `bucket/*/*` (the whole bucket).
#[test]
fn a_wildcard_prefix_is_refused_at_its_location() {
    let path = common::root().join("tests/fixtures/invalid/iam_wildcard_prefix.yaml");
    let err = check_text(&path, std::fs::read_to_string(&path).unwrap()).unwrap_err();
    assert!(err.contains("pipelinec::iam-wildcard"), "{err}");
    assert!(err.contains("iam_wildcard_prefix.yaml:11:13"), "{err}");
    // The same spec without the wildcard is fine.
    let fixed = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"*/\"", "\"star/\"");
    check_text(&path, fixed).unwrap();
}

/// The module block `module "<id>" { … }` of a rendered `main.tf`.
fn module_block<'a>(main_tf: &'a str, id: &str) -> &'a str {
    let start = main_tf
        .find(&format!("module \"{id}\" {{"))
        .unwrap_or_else(|| panic!("no module {id}"));
    let end = main_tf[start..].find("\n}\n").unwrap() + start;
    &main_tf[start..end]
}

/// An OpenSearch domain's access policy is its writers' edge grants, with their roles as
/// principals: exactly the actions and resources of the role statements, nothing for `*`, and
/// nothing at all once the writer is gone.
#[test]
fn a_domain_admits_exactly_its_writers_roles_with_their_edge_grants() {
    let path = common::root().join("tests/fixtures/valid/all_edges.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let project = check_text(&path, text.clone()).unwrap();
    let roles = iam::policies(&project).unwrap();
    let indexer = roles
        .iter()
        .find(|r| r.component.as_str() == "indexer")
        .unwrap();
    let granted: Vec<&iam::Statement> = indexer
        .statements
        .iter()
        .filter(|s| {
            s.causes
                .iter()
                .any(|c| matches!(c, Cause::Edge { to, .. } if to.as_str() == "search"))
        })
        .collect();
    assert_eq!(granted.len(), 1);
    let policy = project
        .resource_policies
        .iter()
        .find(|p| p.holder.as_str() == "search")
        .expect("the domain holds an access policy");
    // Its writers' statements (QuickSight's service role is admitted for reading, below).
    let writers: Vec<&iam::ResourceStatement> = policy
        .statements
        .iter()
        .filter(|s| matches!(s.principal, iam::Admitted::Role(_)))
        .collect();
    assert_eq!(writers.len(), 1);
    let admitted = writers[0];
    assert_eq!(
        admitted.principal,
        iam::Admitted::Role(pipelinec::model::ComponentId::new("indexer"))
    );
    assert_eq!(admitted.statement.actions, granted[0].actions);
    assert_eq!(admitted.statement.resources, granted[0].resources);
    assert_eq!(
        granted[0].actions,
        ["es:ESHttpPost", "es:ESHttpPut"],
        "the indexer neither reads nor drops indices"
    );
    let files = pipelinec::render::render(&project, Path::new("out")).unwrap();
    let main = String::from_utf8(files[Path::new("main.tf")].clone()).unwrap();
    let block = module_block(&main, "search");
    assert!(block.contains("access_policy      = true"), "{block}");
    let iam_tf = String::from_utf8(files[Path::new("iam.tf")].clone()).unwrap();
    assert!(iam_tf.contains("identifiers = [aws_iam_role.indexer.arn]"));

    // Without the writer (and the QuickSight reader), the domain admits nobody.
    let reader = text.find("  search_reports:").unwrap();
    let end = reader + text[reader..].find("\nsite:").unwrap();
    let without =
        format!("{}{}", &text[..reader], &text[end + 1..]).replace("    inputs: [indexer]\n", "");
    let project = check_text(&path, without).unwrap();
    assert!(
        project
            .resource_policies
            .iter()
            .all(|p| p.holder.as_str() != "search")
    );
    let files = pipelinec::render::render(&project, Path::new("out")).unwrap();
    let main = String::from_utf8(files[Path::new("main.tf")].clone()).unwrap();
    let block = module_block(&main, "search");
    assert!(!block.contains("access_policy"), "{block}");
    assert!(!main.contains("SEARCH_ENDPOINT"));
}

/// QuickSight over OpenSearch: the caller policy for QuickSight's service role is AWS's
/// `AWSQuickSightElasticsearchPolicy` on the one domain (`ListDomainNames` alone on `*`), and
/// the domain admits that account role with exactly the policy's HTTP reads. Over Redshift: the
/// VPC connection's role, trusted by QuickSight alone, creates network interfaces only in the
/// workgroup's subnets and groups, the caller policy for QuickSight's Secrets Manager role
/// reads the admin secret and nothing else, and the data source waits for the role's policy.
#[test]
fn quicksight_reads_its_domain_and_its_workgroup_with_exactly_their_grants() {
    let path = common::root().join("tests/fixtures/valid/all_edges.yaml");
    let project = load("tests/fixtures/valid/all_edges.yaml");
    let of = |address: &str| {
        project
            .policies
            .iter()
            .find(|r| r.address == address)
            .unwrap_or_else(|| panic!("no identity {address}"))
    };
    let grants = |r: &iam::RolePolicy| -> Vec<(Vec<String>, Vec<String>)> {
        r.statements
            .iter()
            .map(|s| (s.actions.clone(), s.resources.clone()))
            .collect()
    };
    let domain =
        "arn:${local.partition}:es:${local.region}:${local.account_id}:domain/edges-search";
    let search = of("search_reports");
    assert_eq!(search.principal(), None);
    assert_eq!(
        search.attach_to,
        Some("service-role/aws-quicksight-service-role-v0")
    );
    assert_eq!(search.name, "edges-search-reports-opensearch");
    let http = [
        (
            vec!["es:ESHttpGet".to_string()],
            vec![
                format!("{domain}/"),
                format!("{domain}/_cluster/settings"),
                format!("{domain}/_cat/indices"),
            ],
        ),
        (
            vec!["es:ESHttpGet".to_string(), "es:ESHttpPost".to_string()],
            vec![
                format!("{domain}/_plugin/_sql"),
                format!("{domain}/_opendistro/_sql"),
            ],
        ),
    ];
    let mut expected = http.to_vec();
    expected.push((
        vec![
            "es:DescribeDomain".to_string(),
            "es:DescribeElasticsearchDomain".to_string(),
        ],
        vec![domain.to_string()],
    ));
    expected.push((
        vec!["es:ListDomainNames".to_string()],
        vec!["*".to_string()],
    ));
    assert_eq!(grants(search), expected);
    let policy = project
        .resource_policies
        .iter()
        .find(|p| p.holder.as_str() == "search")
        .unwrap();
    let admitted: Vec<(Vec<String>, Vec<String>)> = policy
        .statements
        .iter()
        .filter(|s| {
            s.principal == iam::Admitted::AccountRole("service-role/aws-quicksight-service-role-v0")
        })
        .map(|s| (s.statement.actions.clone(), s.statement.resources.clone()))
        .collect();
    assert_eq!(admitted, http);

    let secret = of("live_reports");
    assert_eq!(secret.name, "edges-live-reports-redshift");
    assert_eq!(
        secret.attach_to,
        Some("service-role/aws-quicksight-secretsmanager-role-v0")
    );
    assert_eq!(
        grants(secret),
        [(
            vec!["secretsmanager:GetSecretValue".to_string()],
            vec!["${module.warehouse.admin_password_secret_arn}".to_string()]
        )]
    );
    let vpc = of("live_reports-vpc");
    assert_eq!(vpc.name, "edges-live-reports-vpc");
    assert_eq!(vpc.principal(), Some("quicksight.amazonaws.com"));
    assert!(vpc.trust_conditions.is_empty());
    let ec2 = |kind: &str, id: &str| {
        format!("arn:${{local.partition}}:ec2:${{local.region}}:${{local.account_id}}:{kind}/{id}")
    };
    let subnets: Vec<String> = (0..3)
        .map(|i| ec2("subnet", &format!("subnet-0123456789abcdef{i}")))
        .collect();
    let interfaces = ec2("network-interface", "*");
    assert_eq!(
        grants(vpc),
        [
            (
                vec!["ec2:CreateNetworkInterface".to_string()],
                subnets.clone()
            ),
            (
                vec![
                    "ec2:CreateNetworkInterface".to_string(),
                    "ec2:ModifyNetworkInterfaceAttribute".to_string()
                ],
                vec![ec2("security-group", "sg-0123456789abcdef0")]
            ),
            (
                vec!["ec2:CreateNetworkInterface".to_string()],
                vec![interfaces.clone()]
            ),
            (
                vec![
                    "ec2:DeleteNetworkInterface".to_string(),
                    "ec2:ModifyNetworkInterfaceAttribute".to_string()
                ],
                vec![interfaces]
            ),
            (
                vec![
                    "ec2:DescribeSecurityGroups".to_string(),
                    "ec2:DescribeSubnets".to_string()
                ],
                vec!["*".to_string()]
            ),
        ]
    );
    // Deleting and changing interfaces: only those in the connection's subnets.
    assert_eq!(vpc.statements[3].conditions[0].variable, "ec2:Subnet");
    assert_eq!(vpc.statements[3].conditions[0].values, subnets);

    let files = pipelinec::render::render(&project, Path::new("out")).unwrap();
    let main = String::from_utf8(files[Path::new("main.tf")].clone()).unwrap();
    let block = module_block(&main, "live_reports");
    assert!(
        block.contains("depends_on = [aws_iam_role_policy.live_reports-vpc]"),
        "{block}"
    );
    assert!(block.contains("vpc_role_arn       = aws_iam_role.live_reports-vpc.arn"));
    let iam_tf = String::from_utf8(files[Path::new("iam.tf")].clone()).unwrap();
    assert!(iam_tf.contains(
        "identifiers = [\"arn:${local.partition}:iam::${local.account_id}:role/service-role/aws-quicksight-service-role-v0\"]"
    ));

    // Without its input the data source is invalid, so the role goes with the data source.
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("  live_reports:").unwrap();
    let end = start + text[start..].find("  search_reports:").unwrap();
    let without = format!("{}{}", &text[..start], &text[end..]);
    let project = check_text(&path, without).unwrap();
    assert!(
        project
            .policies
            .iter()
            .all(|r| !r.address.starts_with("live_reports"))
    );
}

/// A workflow calling two external APIs keeps one `InvokeHTTPEndpoint` statement per API, each
/// with its own URL and method: merged, each URL's condition would open the other's calls. A
/// third state on the first API joins that API's statement.
#[test]
fn http_statements_merge_only_with_equal_conditions() {
    let text = r#"version: 1
name: shop
region: eu-west-1
transforms:
  orders:
    type: workflow
    start_at: charge
    states:
      charge: { type: http, api: payments, method: POST, path: /charges, next: refund }
      refund: { type: http, api: payments, method: POST, path: /refunds, next: ship }
      ship: { type: http, api: carrier, method: PUT, path: /shipments, end: true }
sinks:
  payments: { type: external_api, base_url: "https://pay.example", authorization_type: api_key }
  carrier: { type: external_api, base_url: "https://carrier.example", authorization_type: basic }
"#;
    let path = common::root().join("tests/fixtures/valid/http_merge.yaml");
    let project = check_text(&path, text.to_string()).unwrap();
    let roles = iam::policies(&project).unwrap();
    let role = roles
        .iter()
        .find(|r| r.component.as_str() == "orders")
        .unwrap();
    let invoke: Vec<(&str, Vec<String>)> = role
        .statements
        .iter()
        .filter(|s| s.actions == ["states:InvokeHTTPEndpoint"])
        .map(|s| {
            (
                s.sid.as_str(),
                s.conditions
                    .iter()
                    .map(|c| format!("{} {} {:?}", c.test, c.variable, c.values))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        invoke,
        [
            (
                "OrdersToPaymentsInvokeEndpoint",
                vec![
                    r#"StringLike states:HTTPEndpoint ["https://pay.example/charges", "https://pay.example/refunds"]"#.to_string(),
                    r#"StringEquals states:HTTPMethod ["POST"]"#.to_string(),
                ]
            ),
            (
                "OrdersToCarrierInvokeEndpoint",
                vec![
                    r#"StringLike states:HTTPEndpoint ["https://carrier.example/shipments"]"#.to_string(),
                    r#"StringEquals states:HTTPMethod ["PUT"]"#.to_string(),
                ]
            ),
        ]
    );
    let sids: BTreeSet<&str> = role.statements.iter().map(|s| s.sid.as_str()).collect();
    assert_eq!(
        sids.len(),
        role.statements.len(),
        "statement ids are unique"
    );
}

/// The statements of each identity in `pipelinec iam --format json` output, by identity.
fn statements_by_identity(json: &serde_json::Value) -> Vec<(String, Vec<serde_json::Value>)> {
    json["identities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["component"].as_str().unwrap().to_string(),
                i["statements"].as_array().unwrap().clone(),
            )
        })
        .collect()
}

/// `existing.yaml` as if pipelinec created its streams and buckets: the `existing:` entries
/// removed, the lake's key kept as its default encryption, and the table over what the
/// bucket's owner writes left out (nothing would write there).
fn created_instead(existing: &str) -> String {
    let mut out = String::new();
    let mut lines = existing.lines().peekable();
    while let Some(line) = lines.next() {
        let nested = match line {
            "    existing:" => "      ",
            l if l.starts_with("      customers:") => "        ",
            _ => "",
        };
        if !nested.is_empty() {
            while lines.peek().is_some_and(|l| l.starts_with(nested)) {
                lines.next();
            }
            continue;
        }
        if line.starts_with("    kms_key_arn:") {
            out.push_str("    encryption: sse_kms\n");
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A component standing for an existing bucket or stream gets exactly the grants it would get
/// on one pipelinec creates: the same statements, actions and conditions, with the ARN the
/// spec gave (or the one its name makes) where the created resource's ARN would be.
#[test]
fn existing_resources_get_exactly_the_grants_of_created_ones_on_their_arns() {
    let rel = "tests/fixtures/valid/existing.yaml";
    let out = common::pipelinec(&["iam", "--format", "json", rel]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_action = |component: &str, action: &str| -> BTreeSet<String> {
        statements_by_identity(&json)
            .into_iter()
            .filter(|(c, _)| c == component)
            .flat_map(|(_, s)| s)
            .filter(|s| s["actions"].as_array().unwrap().iter().any(|a| a == action))
            .flat_map(|s| s["resources"].as_array().unwrap().clone())
            .map(|r| r.as_str().unwrap().to_string())
            .collect()
    };
    let set = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders-prod";
    let lake = "arn:aws:s3:::acme-data-lake";
    let stream_key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let lake_key = "arn:aws:kms:us-east-1:111122223333:key/5678abcd-12ab-34cd-56ef-1234567890ab";
    for reader in ["orders_delivery", "order_checker"] {
        assert_eq!(by_action(reader, "kinesis:GetRecords"), set(&[orders]));
        assert_eq!(
            by_action(reader, "kms:Decrypt"),
            set(&[stream_key, lake_key]),
            "{reader}"
        );
    }
    assert_eq!(by_action("orders_delivery", "s3:ListBucket"), set(&[lake]));
    assert_eq!(
        by_action("orders_delivery", "s3:PutObject"),
        set(&[&format!("{lake}/orders/*"), &format!("{lake}/failed/*")])
    );
    assert_eq!(
        by_action("order_checker", "s3:PutObject"),
        set(&[&format!("{lake}/checked/*")])
    );
    // Named by name: the ARN of that name where the spec deploys.
    assert_eq!(
        by_action("clicks_delivery", "kinesis:GetRecords"),
        set(&["arn:aws:kinesis:us-east-1:${account_id}:stream/clicks"])
    );
    assert_eq!(
        by_action("clicks_delivery", "s3:ListBucket"),
        set(&["arn:aws:s3:::acme-click-archive"])
    );

    // The same spec with the resources created: the same statements, ARN for ARN.
    let path = common::root().join(rel);
    let created = check_text(
        &path,
        created_instead(&std::fs::read_to_string(&path).unwrap()),
    )
    .unwrap();
    let created_json = iam::report::json(&created, &created.policies, &created.resource_policies);
    let renamed = |text: String| {
        text.replace(
            "arn:aws:kinesis:us-east-1:${account_id}:stream/reuse-orders",
            orders,
        )
        .replace("arn:aws:s3:::reuse-lake-${account_id}-use1", lake)
        .replace("stream/reuse-clicks", "stream/clicks")
        .replace("reuse-archive-${account_id}-use1", "acme-click-archive")
    };
    let mine = statements_by_identity(&json);
    let theirs = statements_by_identity(&created_json);
    assert_eq!(mine.len(), theirs.len());
    assert!(
        mine.len() >= 3,
        "three identities act on the existing resources"
    );
    for ((c, ours), (c2, created)) in mine.iter().zip(&theirs) {
        assert_eq!(c, c2);
        assert_eq!(
            serde_json::to_string_pretty(ours).unwrap(),
            renamed(serde_json::to_string_pretty(created).unwrap()),
            "{c}"
        );
    }
}
