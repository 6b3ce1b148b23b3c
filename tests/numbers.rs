//! Numbers never change silently: every integer setting is bounded by what AWS accepts, and
//! every one renders as exactly the spec's value, converted where the unit changes (the Athena
//! cutoff: MiB to bytes), at its bounds and in between. The fields are read from the schema, so
//! a new numeric setting without a row in [`RENDERED`] fails here.

mod common;

use std::collections::BTreeSet;

use hcl::{Body, Expression, ObjectKey};
use pipelinec::source::SourceFile;
use serde_json::{Value, json};

/// Where each numeric setting of each kind shows up in `main.tf`: the module attribute path
/// below `module "<id>"`, and how the spec's value becomes the rendered one.
const RENDERED: &[(&str, &str, &[&str], Conversion)] = &[
    ("kinesis_stream", "shards", &["shard_count"], Same),
    (
        "static_site",
        "noncurrent_expire_after_days",
        &["noncurrent_expire_after_days"],
        Same,
    ),
    ("cdn", "log_retention_days", &["log_retention_days"], Same),
    (
        "user_pool",
        "password/min_length",
        &["password_min_length"],
        Same,
    ),
    (
        "user_pool",
        "password/temporary_password_days",
        &["temporary_password_days"],
        Same,
    ),
    ("user_pool", "token_minutes", &["token_minutes"], Same),
    ("http_api", "rate_limit", &["rate_limit"], Same),
    ("http_api", "burst_limit", &["burst_limit"], Same),
    (
        "http_api",
        "log_retention_days",
        &["log_retention_days"],
        Same,
    ),
    (
        "http_api",
        "routes/*/timeout_ms",
        &["integrations", "POST /orders", "timeout_ms"],
        Same,
    ),
    (
        "user_pool",
        "refresh_token_days",
        &["refresh_token_days"],
        Same,
    ),
    (
        "opensearch_domain",
        "instance_count",
        &["instance_count"],
        Same,
    ),
    (
        "opensearch_domain",
        "volume_size_gb",
        &["volume_size_gb"],
        Same,
    ),
    (
        "opensearch_domain",
        "dedicated_masters/count",
        &["dedicated_master_count"],
        Same,
    ),
    (
        "opensearch_domain",
        "log_retention_days",
        &["log_retention_days"],
        Same,
    ),
    ("dynamodb_table", "read_capacity", &["read_capacity"], Same),
    (
        "dynamodb_table",
        "write_capacity",
        &["write_capacity"],
        Same,
    ),
    (
        "kinesis_stream",
        "retention_hours",
        &["retention_hours"],
        Same,
    ),
    ("lambda", "memory_mb", &["memory_mb"], Same),
    ("lambda", "timeout_seconds", &["timeout_seconds"], Same),
    ("lambda", "batch_size", &["batch_size"], Same),
    (
        "lambda",
        "batching_window_seconds",
        &["batching_window_seconds"],
        Same,
    ),
    (
        "lambda",
        "maximum_retry_attempts",
        &["maximum_retry_attempts"],
        Same,
    ),
    (
        "lambda",
        "log_retention_days",
        &["log_retention_days"],
        Same,
    ),
    (
        "lambda",
        "reserved_concurrency",
        &["reserved_concurrency"],
        Same,
    ),
    (
        "firehose",
        "buffering/size_mb",
        &["buffering_size_mb"],
        Same,
    ),
    (
        "firehose",
        "buffering/interval_seconds",
        &["buffering_interval_seconds"],
        Same,
    ),
    (
        "firehose",
        "log_retention_days",
        &["log_retention_days"],
        Same,
    ),
    (
        "glue_job",
        "number_of_workers",
        &["number_of_workers"],
        Same,
    ),
    ("glue_job", "timeout_minutes", &["timeout_minutes"], Same),
    ("glue_job", "max_retries", &["max_retries"], Same),
    (
        "glue_job",
        "log_retention_days",
        &["log_retention_days"],
        Same,
    ),
    ("emr_serverless_job", "max_vcpu", &["max_vcpu"], Same),
    (
        "emr_serverless_job",
        "max_memory_gb",
        &["max_memory_gb"],
        Same,
    ),
    (
        "emr_serverless_job",
        "idle_timeout_minutes",
        &["idle_timeout_minutes"],
        Same,
    ),
    (
        "emr_serverless_job",
        "execution_timeout_minutes",
        &["execution_timeout_minutes"],
        Same,
    ),
    (
        "emr_serverless_job",
        "log_retention_days",
        &["log_retention_days"],
        Same,
    ),
    ("flink_application", "parallelism", &["parallelism"], Same),
    (
        "flink_application",
        "parallelism_per_kpu",
        &["parallelism_per_kpu"],
        Same,
    ),
    (
        "flink_application",
        "checkpoint_interval_ms",
        &["checkpoint_interval_ms"],
        Same,
    ),
    (
        "flink_application",
        "min_pause_between_checkpoints_ms",
        &["min_pause_between_checkpoints_ms"],
        Same,
    ),
    (
        "flink_application",
        "log_retention_days",
        &["log_retention_days"],
        Same,
    ),
    (
        "s3_data_lake",
        "retention/expire_after_days",
        &["expire_after_days"],
        Same,
    ),
    (
        "s3_data_lake",
        "retention/infrequent_access_after_days",
        &["infrequent_access_after_days"],
        Same,
    ),
    (
        "s3_data_lake",
        "retention/prefixes/*/expire_after_days",
        &["prefix_rules", "0", "expire_after_days"],
        Same,
    ),
    (
        "s3_data_lake",
        "retention/prefixes/*/infrequent_access_after_days",
        &["prefix_rules", "0", "infrequent_access_after_days"],
        Same,
    ),
    (
        "s3_data_lake",
        "retention/noncurrent_expire_after_days",
        &["noncurrent_expire_after_days"],
        Same,
    ),
    (
        "glue_catalog",
        "tables/*/projection_first_year",
        &["tables", "clicks", "parameters", "projection.year.range"],
        RangeStart,
    ),
    (
        "glue_catalog",
        "tables/*/projection_last_year",
        &["tables", "clicks", "parameters", "projection.year.range"],
        RangeEnd,
    ),
    (
        "athena",
        "bytes_scanned_cutoff_mb",
        &["bytes_scanned_cutoff"],
        MibToBytes,
    ),
    (
        "athena",
        "results_retention_days",
        &["results_retention_days"],
        Same,
    ),
    (
        "schedule",
        "flexible_window_minutes",
        &["flexible_window_minutes"],
        Same,
    ),
    ("schedule", "retry_attempts", &["retry_attempts"], Same),
    (
        "redshift_serverless",
        "base_capacity",
        &["base_capacity"],
        Same,
    ),
    (
        "workflow",
        "log_retention_days",
        &["log_retention_days"],
        Same,
    ),
    (
        "schedule",
        "max_event_age_seconds",
        &["max_event_age_seconds"],
        Same,
    ),
    (
        "external_api",
        "deliver/rate_limit_per_second",
        &["rate_limit_per_second"],
        Same,
    ),
    (
        "event_bus",
        "rules/*/retry_attempts",
        &["rules", "confirmed", "retry_attempts"],
        Same,
    ),
    (
        "event_bus",
        "rules/*/max_event_age_seconds",
        &["rules", "confirmed", "max_event_age_seconds"],
        Same,
    ),
];

#[derive(Debug, Clone, Copy)]
enum Conversion {
    Same,
    MibToBytes,
    /// The first number of a `"first,last"` string.
    RangeStart,
    /// The last number of a `"first,last"` string.
    RangeEnd,
}
use Conversion::*;

/// The component of each kind in the base spec.
const IDS: &[(&str, &str, &str)] = &[
    ("kinesis_stream", "sources", "clicks"),
    ("firehose", "transforms", "delivery"),
    ("lambda", "transforms", "enrich"),
    ("glue_job", "transforms", "clean"),
    ("emr_serverless_job", "transforms", "stats"),
    ("flink_application", "transforms", "windows"),
    ("s3_data_lake", "sinks", "lake"),
    ("glue_catalog", "sinks", "catalog"),
    ("athena", "sinks", "queries"),
    ("schedule", "sources", "daily_report"),
    ("dynamodb_table", "site", "order_items"),
    ("static_site", "site", "storefront"),
    ("cdn", "site", "storefront_cdn"),
    ("user_pool", "site", "customers"),
    ("http_api", "site", "shop_api"),
    ("workflow", "transforms", "order_flow"),
    ("opensearch_domain", "sinks", "search"),
    ("external_api", "sinks", "carrier"),
    ("event_bus", "sinks", "shop_events"),
    ("redshift_serverless", "sinks", "warehouse"),
];

const BASE: &str = "tests/fixtures/valid/all_edges.yaml";

/// Every integer setting of every component kind, with its bounds (minimum, maximum or the
/// allowed values), read from the schema.
fn numeric_fields() -> Vec<(String, String, Vec<u64>)> {
    let schema = pipelinec::schema::schema();
    let defs = &schema["definitions"];
    let resolve = |node: &Value| -> Value {
        let mut node = node.clone();
        loop {
            if let Some(r) = node.get("$ref").and_then(Value::as_str) {
                node = defs[r.trim_start_matches("#/definitions/")].clone();
            } else if let Some(Value::Array(all)) = node.get("allOf") {
                node = all[0].clone();
            } else {
                return node;
            }
        }
    };
    fn walk(
        node: &Value,
        path: &str,
        resolve: &dyn Fn(&Value) -> Value,
        out: &mut Vec<(String, Vec<u64>)>,
    ) {
        let node = resolve(node);
        let is_int = |t: &Value| {
            t == &json!("integer") || t.as_array().is_some_and(|a| a.contains(&json!("integer")))
        };
        if node.get("type").is_some_and(is_int) {
            let values = if let Some(e) = node.get("enum").and_then(Value::as_array) {
                e.iter().filter_map(Value::as_u64).collect()
            } else {
                let min = node["minimum"].as_u64().expect("bounded below");
                let max = node["maximum"].as_u64().expect("bounded above");
                // A step (`multipleOf`, Redshift's RPUs in eights) rounds the middle value down.
                let step = node.get("multipleOf").and_then(Value::as_u64).unwrap_or(1);
                vec![min, (min + (max - min) / 3) / step * step, max]
            };
            out.push((path.to_string(), values));
            return;
        }
        if let Some(props) = node.get("properties").and_then(Value::as_object) {
            for (k, v) in props {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}/{k}")
                };
                walk(v, &p, resolve, out);
            }
        }
        if let Some(ap) = node.get("additionalProperties").filter(|v| v.is_object()) {
            walk(ap, &format!("{path}/*"), resolve, out);
        }
        if let Some(items) = node.get("items") {
            walk(items, &format!("{path}/#"), resolve, out);
        }
        for any in node
            .get("anyOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            walk(any, path, resolve, out);
        }
    }
    let mut out = Vec::new();
    for (section, def) in pipelinec::schema::SECTIONS {
        let _ = section;
        for branch in defs[def]["oneOf"].as_array().unwrap() {
            let kind = branch["properties"]["type"]["const"].as_str().unwrap();
            let mut fields = Vec::new();
            walk(branch, "", &resolve, &mut fields);
            out.extend(fields.into_iter().map(|(p, v)| (kind.to_string(), p, v)));
        }
    }
    out
}

/// Every integer in the schema has a minimum and a maximum, or a list or constant of values:
/// nothing unbounded reaches a conversion or AWS.
#[test]
fn every_integer_in_the_schema_is_bounded() {
    fn walk(node: &Value, at: &str, unbounded: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                let int = map.get("type").is_some_and(|t| {
                    t == "integer" || t.as_array().is_some_and(|a| a.contains(&json!("integer")))
                });
                let bounded = (map.contains_key("minimum") && map.contains_key("maximum"))
                    || map.contains_key("enum")
                    || map.contains_key("const");
                if int && !bounded {
                    unbounded.push(at.to_string());
                }
                for (k, v) in map {
                    walk(v, &format!("{at}/{k}"), unbounded);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), unbounded);
                }
            }
            _ => {}
        }
    }
    let mut unbounded = Vec::new();
    walk(&pipelinec::schema::schema(), "", &mut unbounded);
    assert!(unbounded.is_empty(), "unbounded integers: {unbounded:#?}");
}

/// The cutoff's schema maximum is exactly the largest value whose bytes fit Athena's signed
/// 64-bit integer: one more would not convert.
#[test]
fn the_cutoff_bound_is_the_largest_that_converts() {
    let max = numeric_fields()
        .into_iter()
        .find(|(k, p, _)| k == "athena" && p == "bytes_scanned_cutoff_mb")
        .map(|(_, _, v)| *v.last().unwrap())
        .unwrap();
    assert_eq!(pipelinec::kinds::athena::mib_to_bytes(max), Some(max << 20));
    assert!(max << 20 <= i64::MAX as u64);
    assert_eq!(pipelinec::kinds::athena::mib_to_bytes(max + 1), None);
    // The values of the issue that used to wrap silently.
    assert_eq!(
        pipelinec::kinds::athena::mib_to_bytes(17_592_186_044_416),
        None
    );
    assert_eq!(
        pipelinec::kinds::athena::mib_to_bytes(17_592_186_044_417),
        None
    );
}

/// Out-of-range values are refused by the schema at the value, with the bound in the message.
#[test]
fn the_cutoff_past_its_bound_is_refused_where_it_is_written() {
    for v in ["17592186044416", "17592186044417", "8796093022208", "9"] {
        let text = std::fs::read_to_string(common::root().join(BASE))
            .unwrap()
            .replace(
                "    type: athena\n",
                &format!("    type: athena\n    bytes_scanned_cutoff_mb: {v}\n"),
            );
        let file = SourceFile::new(common::root().join(BASE), text);
        let diags = pipelinec::check::check(&file).expect_err(v);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, "invalid-value");
        assert!(
            diags[0].message.contains("bytes_scanned_cutoff_mb"),
            "{diags:?}"
        );
        let (span, _) = diags[0].label.clone().unwrap();
        assert_eq!(&file.text[span], v);
    }
}

fn lookup<'a>(expr: &'a Expression, path: &[&str]) -> &'a Expression {
    let Some((first, rest)) = path.split_first() else {
        return expr;
    };
    if let (Expression::Array(items), Ok(i)) = (expr, first.parse::<usize>()) {
        return lookup(&items[i], rest);
    }
    let Expression::Object(obj) = expr else {
        panic!("{expr:?} is not an object (looking for {first})");
    };
    let (_, v) = obj
        .iter()
        .find(|(k, _)| match k {
            ObjectKey::Identifier(i) => i.as_str() == *first,
            ObjectKey::Expression(Expression::String(s)) => s == first,
            _ => false,
        })
        .unwrap_or_else(|| panic!("no key {first}"));
    lookup(v, rest)
}

/// The rendered value of `path` in module `id` of `main.tf`.
fn rendered(main_tf: &str, id: &str, path: &[&str]) -> Expression {
    let body: Body = hcl::from_str(main_tf).expect("main.tf parses as HCL");
    let module = body
        .blocks()
        .find(|b| {
            b.identifier() == "module" && b.labels().first().is_some_and(|l| l.as_str() == id)
        })
        .unwrap_or_else(|| panic!("no module {id}"));
    let attr = module
        .body()
        .attributes()
        .find(|a| a.key() == path[0])
        .unwrap_or_else(|| panic!("module {id} has no {}", path[0]));
    lookup(attr.expr(), &path[1..]).clone()
}

#[test]
fn every_numeric_field_renders_its_value_converted() {
    let base_path = common::root().join(BASE);
    let base = SourceFile::read(&base_path).unwrap().parse().unwrap().value;
    let fields = numeric_fields();
    let listed: BTreeSet<(String, String)> = RENDERED
        .iter()
        .map(|(k, p, _, _)| (k.to_string(), p.to_string()))
        .collect();
    let found: BTreeSet<(String, String)> = fields
        .iter()
        .map(|(k, p, _)| (k.clone(), p.clone()))
        .collect();
    assert_eq!(
        listed, found,
        "every numeric setting in the schema needs a row in RENDERED, and only those"
    );
    let mut checked = 0;
    for (kind, path, values) in &fields {
        let (_, attr, conversion) = RENDERED
            .iter()
            .find(|(k, p, _, _)| k == kind && p == path)
            .map(|(_, _, a, c)| ((), *a, *c))
            .unwrap();
        let (_, section, id) = IDS.iter().find(|(k, _, _)| k == kind).unwrap();
        for &v in values {
            let mut spec = base.clone();
            let c = &mut spec[*section][*id];
            let mut node = &mut *c;
            let segments: Vec<&str> = path.split('/').collect();
            for (i, seg) in segments[..segments.len() - 1].iter().enumerate() {
                // A map entry of the base spec: a table, a lake prefix, or an API route.
                let seg = match *seg {
                    "*" if i > 0 && segments[i - 1] == "prefixes" => "raw/clicks/",
                    "*" if i > 0 && segments[i - 1] == "routes" => "POST /orders",
                    "*" if i > 0 && segments[i - 1] == "rules" => "confirmed",
                    "*" => "clicks",
                    seg => seg,
                };
                if node.get(seg).is_none() {
                    node[seg] = json!({});
                }
                node = &mut node[seg];
            }
            node[segments[segments.len() - 1]] = json!(v);
            // Settings another rule ties this one to.
            match path.as_str() {
                "shards" => c["mode"] = json!("provisioned"),
                // 2 to 8 GB of memory per vCPU (`emr-capacity`).
                "max_vcpu" => c["max_memory_gb"] = json!(v * 4),
                "max_memory_gb" => c["max_vcpu"] = json!((v / 4).clamp(2, 2000)),
                // A prefix keeps its data at most as long as the bucket
                // (`retention-longer-than-bucket`).
                "retention/expire_after_days" => {
                    c["retention"]["prefixes"]["raw/clicks/"]["expire_after_days"] = json!(v)
                }
                // A transition comes before the expiry (`retention-order`): one at a time.
                "retention/prefixes/*/infrequent_access_after_days" => {
                    c["retention"]["prefixes"]["raw/clicks/"]
                        .as_object_mut()
                        .unwrap()
                        .remove("expire_after_days");
                }
                // At most 64 KPUs: parallelism / parallelism_per_kpu (`flink-kpus`).
                "parallelism" => c["parallelism_per_kpu"] = json!(v.div_ceil(64).clamp(1, 8)),
                "tables/*/projection_first_year" => {
                    c["tables"]["clicks"]["projection_last_year"] = json!(2200)
                }
                "tables/*/projection_last_year" => {
                    c["tables"]["clicks"]["projection_first_year"] = json!(2000)
                }
                _ => {}
            }
            // JSON is YAML: the spec is written as JSON text, beside the base spec.
            let file = SourceFile::new(base_path.clone(), spec.to_string());
            let project = pipelinec::check::check(&file)
                .unwrap_or_else(|d| panic!("{kind}.{path} = {v}: {d:?}"));
            let files = pipelinec::render::render(&project, std::path::Path::new("out")).unwrap();
            let main = String::from_utf8(files[std::path::Path::new("main.tf")].clone()).unwrap();
            let got = rendered(&main, id, attr);
            let want = match conversion {
                Same => v,
                MibToBytes => v.checked_mul(1 << 20).unwrap(),
                RangeStart | RangeEnd => {
                    let Expression::String(s) = &got else {
                        panic!("{got:?}")
                    };
                    let (a, b) = s.split_once(',').unwrap();
                    let n: u64 = if matches!(conversion, RangeStart) {
                        a
                    } else {
                        b
                    }
                    .parse()
                    .unwrap();
                    assert_eq!(n, v, "{kind}.{path}");
                    checked += 1;
                    continue;
                }
            };
            let Expression::Number(n) = &got else {
                panic!("{kind}.{path} = {v} rendered as {got:?}")
            };
            assert_eq!(n.as_u64(), Some(want), "{kind}.{path} = {v}");
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} values checked");
}
