//! Template contexts: what each template sees, built from the checked project.
//!
//! Plain strings here are spec data and get escaped when printed; `expr` marks HCL expressions
//! built by pipelinec itself (references, template strings with escaped pieces).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use minijinja::Value;

use super::RenderError;
use crate::hcl::{quote, template_literal as lit};
use crate::iam;
use crate::model::{Component, ComponentId, Kind, Project, Settings};
use crate::naming;
use crate::spec;

/// One component's module call.
pub struct Call {
    pub kind: Kind,
    pub values: Value,
}

/// Everything the renderer needs.
pub struct Context {
    pub root: Value,
    pub components: Vec<Call>,
    pub kinds: Vec<Kind>,
    pub extra_files: Vec<(PathBuf, Vec<u8>)>,
}

fn expr(s: impl Into<String>) -> Value {
    Value::from_safe_string(s.into())
}

/// `"…"` around an already-escaped template body.
fn tmpl(body: String) -> Value {
    expr(format!("\"{body}\""))
}

type Map = BTreeMap<&'static str, Value>;

/// The contexts of every template; `zips` holds each lambda's package.
pub fn project(
    project: &Project,
    mut zips: BTreeMap<ComponentId, Vec<u8>>,
) -> Result<Context, RenderError> {
    let mut components = Vec::new();
    let mut kinds = Vec::new();
    let mut extra_files = Vec::new();
    let mut outputs: Vec<Value> = Vec::new();
    // One lookup per component, not a scan of every policy.
    let policies = &project.policies;
    let mut policy_of: HashMap<&ComponentId, &iam::RolePolicy> = HashMap::new();
    for p in policies {
        policy_of.entry(&p.component).or_insert(p);
    }
    for c in project.components.values() {
        kinds.push(c.kind());
        let mut v = Map::new();
        v.insert("id", Value::from(c.id.as_str()));
        v.insert("module", expr(format!("module.{}", c.id)));
        if let Some(p) = policy_of.get(&c.id)
            && p.principal().is_some()
        {
            v.insert(
                "role_arn",
                expr(format!("aws_iam_role.{}.arn", p.component)),
            );
            v.insert(
                "depends_on",
                expr(format!("[{}]", policy_addresses(p).join(", "))),
            );
        }
        let out = |name: &str, attr: &str, description: String| {
            obj(BTreeMap::from([
                ("name", Value::from(format!("{}_{name}", c.id))),
                ("value", expr(format!("module.{}.{attr}", c.id))),
                ("description", Value::from(description)),
            ]))
        };
        let name = naming::base(&project.name, &c.id);
        match &c.settings {
            Settings::KinesisStream(s) => {
                v.insert("name", Value::from(name));
                v.insert(
                    "mode",
                    Value::from(match s.mode {
                        spec::StreamMode::OnDemand => "ON_DEMAND",
                        spec::StreamMode::Provisioned => "PROVISIONED",
                    }),
                );
                v.insert("shard_count", Value::from(s.shards));
                v.insert("retention_hours", Value::from(s.retention_hours));
                v.insert(
                    "kms_key_id",
                    match s.encryption {
                        spec::StreamEncryption::None => Value::from(()),
                        spec::StreamEncryption::Kms => Value::from(
                            s.kms_key
                                .clone()
                                .unwrap_or_else(|| "alias/aws/kinesis".into()),
                        ),
                    },
                );
                outputs.push(out(
                    "stream_arn",
                    "arn",
                    format!("ARN of the `{}` Kinesis stream", c.id),
                ));
                outputs.push(out(
                    "stream_name",
                    "name",
                    format!(
                        "Name of the `{}` Kinesis stream (producers write here)",
                        c.id
                    ),
                ));
            }
            Settings::Firehose(f) => {
                let input = project.graph.incoming(&c.id).next();
                let dest = project.graph.outgoing(&c.id).next();
                v.insert("name", Value::from(name));
                v.insert(
                    "stream_arn",
                    expr(
                        input
                            .map(|e| format!("module.{}.arn", e.from))
                            .unwrap_or_default(),
                    ),
                );
                v.insert(
                    "bucket_arn",
                    expr(
                        dest.map(|e| format!("module.{}.arn", e.to))
                            .unwrap_or_default(),
                    ),
                );
                let parts = partition_path(f.partitioning, |key, fmt| {
                    format!("{key}=!{{timestamp:{fmt}}}/")
                });
                v.insert(
                    "prefix",
                    Value::from(format!("{}{parts}", iam::firehose_prefix(&c.id, f))),
                );
                v.insert(
                    "error_output_prefix",
                    Value::from(format!(
                        "{}!{{firehose:error-output-type}}/{parts}",
                        f.error_prefix
                    )),
                );
                v.insert("buffering_size_mb", Value::from(f.buffering.size_mb));
                v.insert(
                    "buffering_interval_seconds",
                    Value::from(f.buffering.interval_seconds),
                );
                v.insert(
                    "compression_format",
                    Value::from(match f.compression {
                        spec::Compression::Gzip => "GZIP",
                        spec::Compression::Snappy => "Snappy",
                        spec::Compression::HadoopSnappy => "HADOOP_SNAPPY",
                        spec::Compression::Zip => "ZIP",
                        spec::Compression::Uncompressed => "UNCOMPRESSED",
                    }),
                );
                v.insert("log_retention_days", Value::from(f.log_retention_days));
                outputs.push(out(
                    "delivery_stream_name",
                    "name",
                    format!("Name of the `{}` Firehose delivery stream", c.id),
                ));
            }
            Settings::Lambda(l) => {
                let zip = zips
                    .remove(&c.id)
                    .expect("render packages every lambda first");
                let zip_path = PathBuf::from("build").join(format!("{}.zip", c.id));
                extra_files.push((zip_path, zip));
                v.insert("name", Value::from(name));
                v.insert(
                    "filename",
                    tmpl(format!("${{path.module}}/build/{}.zip", lit(c.id.as_str()))),
                );
                v.insert("runtime", Value::from(l.runtime.as_str()));
                v.insert("handler", Value::from(l.handler.clone()));
                v.insert("memory_mb", Value::from(l.memory_mb));
                v.insert("timeout_seconds", Value::from(l.timeout_seconds));
                v.insert(
                    "architecture",
                    Value::from(match l.architecture {
                        spec::Architecture::X86_64 => "x86_64",
                        spec::Architecture::Arm64 => "arm64",
                    }),
                );
                let mut env: Vec<(String, Value)> = l
                    .environment
                    .iter()
                    .map(|(k, val)| (k.clone(), Value::from(val.clone())))
                    .collect();
                for (k, e) in crate::check::injected_env(project, c) {
                    env.push((k, expr(e)));
                }
                env.sort_by(|a, b| a.0.cmp(&b.0));
                v.insert(
                    "environment",
                    Value::from(
                        env.into_iter()
                            .map(|(k, val)| entry(&k, val))
                            .collect::<Vec<_>>(),
                    ),
                );
                let sources: Vec<Value> = project
                    .graph
                    .incoming(&c.id)
                    .map(|e| {
                        obj(BTreeMap::from([
                            ("key", Value::from(e.from.as_str())),
                            ("arn", expr(format!("module.{}.arn", e.from))),
                        ]))
                    })
                    .collect();
                v.insert("event_sources", Value::from(sources));
                v.insert("batch_size", Value::from(l.batch_size));
                v.insert(
                    "starting_position",
                    Value::from(match l.starting_position {
                        spec::StartingPosition::Latest => "LATEST",
                        spec::StartingPosition::TrimHorizon => "TRIM_HORIZON",
                    }),
                );
                v.insert(
                    "batching_window_seconds",
                    Value::from(l.batching_window_seconds),
                );
                v.insert(
                    "maximum_retry_attempts",
                    Value::from(l.maximum_retry_attempts),
                );
                v.insert(
                    "bisect_batch_on_error",
                    Value::from(l.bisect_batch_on_error),
                );
                v.insert(
                    "failure_destination",
                    Value::from(match l.on_failure {
                        spec::OnFailure::S3 => "s3",
                        spec::OnFailure::Sqs => "sqs",
                        spec::OnFailure::None => "none",
                    }),
                );
                let own_bucket = l.on_failure == spec::OnFailure::S3 && l.failure_bucket.is_none();
                v.insert(
                    "failure_bucket_arn",
                    match (&l.failure_bucket, l.on_failure) {
                        (Some(lake), spec::OnFailure::S3) => expr(format!("module.{lake}.arn")),
                        _ => Value::from(false),
                    },
                );
                if own_bucket {
                    let stem = naming::bucket_stem(&project.name, &c.id, "failures");
                    v.insert(
                        "failure_bucket_name",
                        tmpl(format!("{}-${{local.account_id}}", lit(&stem))),
                    );
                } else {
                    v.insert("failure_bucket_name", Value::from(false));
                }
                v.insert(
                    "report_batch_item_failures",
                    Value::from(l.report_batch_item_failures),
                );
                v.insert("log_retention_days", Value::from(l.log_retention_days));
                v.insert(
                    "tracing_mode",
                    Value::from(match l.tracing {
                        spec::Tracing::Active => "Active",
                        spec::Tracing::PassThrough => "PassThrough",
                    }),
                );
                v.insert("reserved_concurrency", Value::from(l.reserved_concurrency));
                outputs.push(out(
                    "function_name",
                    "function_name",
                    format!("Name of the `{}` Lambda function", c.id),
                ));
                if l.on_failure == spec::OnFailure::Sqs {
                    outputs.push(out(
                        "failure_queue_url",
                        "failure_queue_url",
                        format!(
                            "SQS queue receiving the metadata of batches `{}` failed to process",
                            c.id
                        ),
                    ));
                }
                if own_bucket {
                    outputs.push(out(
                        "failure_bucket",
                        "failure_bucket",
                        format!("Bucket keeping the batches `{}` failed to process", c.id),
                    ));
                }
            }
            Settings::S3DataLake(s) => {
                bucket_values(&mut v, &project.name, c, "");
                v.insert("versioning", Value::from(s.versioning));
                bucket_encryption(&mut v, s.encryption, &s.kms_key_arn);
                v.insert(
                    "expire_after_days",
                    Value::from(s.retention.expire_after_days),
                );
                v.insert(
                    "infrequent_access_after_days",
                    Value::from(s.retention.infrequent_access_after_days),
                );
                v.insert(
                    "noncurrent_expire_after_days",
                    Value::from(s.retention.noncurrent_expire_after_days),
                );
                v.insert("force_destroy", Value::from(s.force_destroy));
                outputs.push(out(
                    "bucket",
                    "bucket",
                    format!("Name of the `{}` data-lake bucket", c.id),
                ));
            }
            Settings::GlueCatalog(g) => {
                let lake = project.graph.incoming(&c.id).next().map(|e| e.from.clone());
                let bucket = lake
                    .map(|l| format!("module.{l}.bucket"))
                    .unwrap_or_default();
                v.insert(
                    "database",
                    Value::from(naming::glue_database(&project.name, &c.id)),
                );
                v.insert("description", Value::from(g.description.clone()));
                let tables: Vec<Value> = g
                    .tables
                    .iter()
                    .map(|(t, table)| glue_table(t, table, &bucket))
                    .collect();
                v.insert("tables", Value::from(tables));
                if let Some(cr) = &g.crawler {
                    v.insert("crawler_name", Value::from(name));
                    v.insert("crawler_schedule", Value::from(cr.schedule.clone()));
                    v.insert(
                        "crawler_tables",
                        Value::from(
                            crate::check::crawled_tables(g)
                                .iter()
                                .map(|(name, _)| name.to_string())
                                .collect::<Vec<_>>(),
                        ),
                    );
                    v.insert(
                        "crawler_update_behavior",
                        Value::from(match cr.update_behavior {
                            spec::UpdateBehavior::UpdateInDatabase => "UPDATE_IN_DATABASE",
                            spec::UpdateBehavior::Log => "LOG",
                        }),
                    );
                    v.insert(
                        "crawler_delete_behavior",
                        Value::from(match cr.delete_behavior {
                            spec::DeleteBehavior::Log => "LOG",
                        }),
                    );
                }
                v.insert("crawler", Value::from(g.crawler.is_some()));
                outputs.push(out(
                    "database",
                    "database",
                    format!("Glue database of `{}`", c.id),
                ));
            }
            Settings::Athena(a) => {
                v.insert("name", Value::from(name.clone()));
                v.insert("description", Value::from(a.description.clone()));
                bucket_values(&mut v, &project.name, c, "results");
                v.insert(
                    "bytes_scanned_cutoff",
                    Value::from(
                        a.bytes_scanned_cutoff()
                            .expect("the schema bounds the cutoff to what converts"),
                    ),
                );
                v.insert("enforce", Value::from(a.enforce_workgroup_configuration));
                v.insert(
                    "results_retention_days",
                    Value::from(a.results_retention_days),
                );
                v.insert("force_destroy", Value::from(a.force_destroy));
                let catalogs: Vec<_> = project
                    .graph
                    .incoming(&c.id)
                    .map(|e| e.from.clone())
                    .collect();
                let mut queries = Vec::new();
                for (q, nq) in &a.named_queries {
                    let catalog = nq
                        .catalog
                        .clone()
                        .or_else(|| catalogs.first().map(|c| c.to_string()))
                        .unwrap_or_default();
                    let file = PathBuf::from("queries")
                        .join(c.id.as_str())
                        .join(format!("{q}.sql"));
                    let mut sql = nq.query.trim_end().to_string();
                    sql.push('\n');
                    extra_files.push((file, sql.into_bytes()));
                    queries.push(obj(BTreeMap::from([
                        ("key", Value::from(q.as_str())),
                        (
                            "name",
                            Value::from(format!("{name}-{}", q.replace('_', "-"))),
                        ),
                        ("description", Value::from(nq.description.clone())),
                        ("database", expr(format!("module.{catalog}.database"))),
                        (
                            "file",
                            tmpl(format!(
                                "${{path.module}}/queries/{}/{}.sql",
                                lit(c.id.as_str()),
                                lit(q)
                            )),
                        ),
                    ])));
                }
                v.insert("named_queries", Value::from(queries));
                outputs.push(out(
                    "workgroup",
                    "workgroup",
                    format!("Athena workgroup of `{}`", c.id),
                ));
                outputs.push(out(
                    "results_bucket",
                    "results_bucket",
                    format!("Bucket holding `{}` query results", c.id),
                ));
            }
        }
        components.push(Call {
            kind: c.kind(),
            values: obj(v),
        });
    }
    for p in policies {
        let (name, value, description) = if p.principal().is_some() {
            (
                format!("{}_role_arn", p.component),
                format!("aws_iam_role.{}.arn", p.component),
                format!("IAM role `{}` acts with", p.component),
            )
        } else {
            (
                format!("{}_query_policy_arns", p.component),
                format!(
                    "[{}]",
                    (1..=p.layout.managed.len())
                        .map(|i| format!("aws_iam_policy.{}_{i}.arn", p.component))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!(
                    "Policies to attach to the users and roles that query with `{}`",
                    p.component
                ),
            )
        };
        outputs.push(obj(BTreeMap::from([
            ("name", Value::from(name)),
            ("value", expr(value)),
            ("description", Value::from(description)),
        ])));
    }
    if policies.iter().any(|p| p.principal().is_some()) {
        outputs.push(obj(BTreeMap::from([
            ("name", Value::from("deployer_pass_role_policy_json")),
            ("value", expr("data.aws_iam_policy_document.deployer_pass_role.json")),
            (
                "description",
                Value::from(
                    "iam:PassRole on exactly these roles, each to its service only: attach to whoever runs terraform apply",
                ),
            ),
        ])));
    }
    let roles: Vec<Value> = policies.iter().map(role_value).collect();
    let mut tags: Vec<(String, String)> = project
        .tags
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !project.tags.contains_key("ManagedBy") {
        tags.push(("ManagedBy".into(), "pipelinec".into()));
    }
    if !project.tags.contains_key("Project") {
        tags.push(("Project".into(), project.name.clone()));
    }
    let root = obj(BTreeMap::from([
        ("name", Value::from(project.name.clone())),
        ("region", Value::from(project.region.clone())),
        (
            "tags",
            Value::from(
                tags.into_iter()
                    .map(|(k, v)| entry(&k, Value::from(v)))
                    .collect::<Vec<_>>(),
            ),
        ),
        ("roles", Value::from(roles)),
        ("outputs", Value::from(outputs)),
    ]));
    kinds.sort();
    kinds.dedup();
    Ok(Context {
        root,
        components,
        kinds,
        extra_files,
    })
}

fn partition_path(p: spec::Partitioning, part: impl Fn(&str, &str) -> String) -> String {
    p.keys().iter().map(|(k, f)| part(k, f)).collect()
}

fn bucket_values(v: &mut Map, project: &str, c: &Component, role: &str) {
    let stem = naming::bucket_stem(project, &c.id, role);
    v.insert(
        "bucket_name",
        tmpl(format!("{}-${{local.account_id}}", lit(&stem))),
    );
}

fn bucket_encryption(v: &mut Map, enc: spec::BucketEncryption, key: &Option<String>) {
    v.insert(
        "sse_algorithm",
        Value::from(match enc {
            spec::BucketEncryption::SseS3 => "AES256",
            spec::BucketEncryption::SseKms => "aws:kms",
        }),
    );
    v.insert("kms_key_arn", Value::from(key.clone()));
}

fn glue_table(name: &str, t: &spec::GlueTable, bucket_expr: &str) -> Value {
    let location = format!("s3://${{{bucket_expr}}}/{}", lit(&t.prefix));
    let (input, output, serde, classification, serde_params): (_, _, _, _, Vec<(&str, &str)>) =
        match t.format {
            spec::TableFormat::Json => (
                "org.apache.hadoop.mapred.TextInputFormat",
                "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                "org.openx.data.jsonserde.JsonSerDe",
                "json",
                vec![("ignore.malformed.json", "true")],
            ),
            spec::TableFormat::Parquet => (
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                "parquet",
                vec![],
            ),
            spec::TableFormat::Csv => (
                "org.apache.hadoop.mapred.TextInputFormat",
                "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                "csv",
                vec![("field.delim", ",")],
            ),
        };
    let mut params: Vec<(String, Value)> = vec![
        ("EXTERNAL".into(), Value::from("TRUE")),
        ("classification".into(), Value::from(classification)),
    ];
    let keys = t.partitioning.keys();
    if !keys.is_empty() {
        params.push(("projection.enabled".into(), Value::from("true")));
        for (k, _) in keys {
            let (range, digits) = match *k {
                "year" => (
                    format!("{},{}", t.projection_first_year, t.projection_last_year),
                    None,
                ),
                "month" => ("1,12".to_string(), Some("2")),
                "day" => ("1,31".to_string(), Some("2")),
                _ => ("0,23".to_string(), Some("2")),
            };
            params.push((format!("projection.{k}.type"), Value::from("integer")));
            params.push((format!("projection.{k}.range"), Value::from(range)));
            if let Some(d) = digits {
                params.push((format!("projection.{k}.digits"), Value::from(d)));
            }
        }
        let template: String = keys
            .iter()
            .map(|(k, _)| format!("{k}=$${{{k}}}/"))
            .collect();
        params.push((
            "storage.location.template".into(),
            tmpl(format!("{location}{template}")),
        ));
    }
    let kv = |items: Vec<(String, Value)>| -> Vec<Value> {
        items.into_iter().map(|(k, v)| entry(&k, v)).collect()
    };
    let columns: Vec<Value> = t
        .columns
        .iter()
        .map(|col| {
            obj(BTreeMap::from([
                ("name", Value::from(col.name.clone())),
                ("type", Value::from(col.ty.clone())),
                ("comment", Value::from(col.comment.clone())),
            ]))
        })
        .collect();
    obj(BTreeMap::from([
        ("name", Value::from(name)),
        ("description", Value::from(t.description.clone())),
        ("location", tmpl(location)),
        ("input_format", Value::from(input)),
        ("output_format", Value::from(output)),
        ("serde", Value::from(serde)),
        (
            "serde_parameters",
            Value::from(kv(serde_params
                .into_iter()
                .map(|(k, v)| (k.to_string(), Value::from(v)))
                .collect())),
        ),
        ("parameters", Value::from(kv(params))),
        (
            "partition_keys",
            Value::from(
                keys.iter()
                    .map(|(k, _)| Value::from(*k))
                    .collect::<Vec<_>>(),
            ),
        ),
        ("columns", Value::from(columns)),
    ]))
}

fn condition_values(conditions: &[iam::Condition]) -> Value {
    Value::from(
        conditions
            .iter()
            .map(|c| {
                obj(BTreeMap::from([
                    ("test", Value::from(c.test.clone())),
                    ("variable", Value::from(c.variable.clone())),
                    (
                        "values",
                        Value::from(c.values.iter().map(|v| tmpl(v.clone())).collect::<Vec<_>>()),
                    ),
                ]))
            })
            .collect::<Vec<_>>(),
    )
}

fn statement_value(s: &iam::Statement) -> Value {
    obj(BTreeMap::from([
        ("sid", Value::from(s.sid.clone())),
        (
            "causes",
            Value::from(
                s.causes
                    .iter()
                    .map(|c| expr(c.to_string()))
                    .collect::<Vec<_>>(),
            ),
        ),
        ("actions", Value::from(s.actions.clone())),
        (
            "resources",
            Value::from(
                s.resources
                    .iter()
                    .map(|r| {
                        if r == "*" {
                            Value::from("*")
                        } else {
                            tmpl(r.clone())
                        }
                    })
                    .collect::<Vec<_>>(),
            ),
        ),
        ("conditions", condition_values(&s.conditions)),
        (
            "why_unscopable",
            Value::from(
                s.actions
                    .iter()
                    .filter_map(|a| iam::registry::unscopable(a))
                    .map(|(a, _, why)| expr(format!("{a}: {why}")))
                    .collect::<Vec<_>>(),
            ),
        ),
    ]))
}

/// Resource addresses a component's module must wait for: its identity's policies.
pub fn policy_addresses(p: &iam::RolePolicy) -> Vec<String> {
    let mut out = Vec::new();
    if p.principal().is_some() {
        out.push(format!("aws_iam_role_policy.{}", p.component));
        for i in 0..p.layout.managed.len() {
            out.push(format!(
                "aws_iam_role_policy_attachment.{}_{}",
                p.component,
                i + 1
            ));
        }
    }
    out
}

fn role_value(p: &iam::RolePolicy) -> Value {
    let pick = |idx: &[usize]| -> Value {
        Value::from(
            idx.iter()
                .map(|i| statement_value(&p.statements[*i]))
                .collect::<Vec<_>>(),
        )
    };
    let managed: Vec<Value> = p
        .layout
        .managed
        .iter()
        .enumerate()
        .map(|(i, idx)| {
            obj(BTreeMap::from([
                ("address", expr(format!("{}_{}", p.component, i + 1))),
                ("name", Value::from(iam::managed_policy_name(p, i))),
                ("statements", pick(idx)),
            ]))
        })
        .collect();
    obj(BTreeMap::from([
        ("id", expr(p.component.as_str())),
        ("name", Value::from(p.name.clone())),
        ("is_role", Value::from(p.principal().is_some())),
        ("principal", Value::from(p.principal())),
        ("trust_conditions", condition_values(&p.trust_conditions)),
        ("inline", pick(&p.layout.inline)),
        ("managed", Value::from(managed)),
    ]))
}

/// One entry of an HCL map a template prints line by line: the key quoted and escaped.
fn entry(key: &str, value: Value) -> Value {
    obj(BTreeMap::from([
        ("key", expr(quote(key))),
        ("value", value),
    ]))
}

/// A template map from pairs.
fn obj<K: Into<String>>(m: BTreeMap<K, Value>) -> Value {
    Value::from(
        m.into_iter()
            .map(|(k, v)| (k.into(), v))
            .collect::<BTreeMap<String, Value>>(),
    )
}
