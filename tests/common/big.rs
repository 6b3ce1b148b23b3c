//! Large specs, generated (never committed): for the hostile-input tests and for the README's
//! measurements (`cargo run --release --example bigspec -- KIND N`).

/// `n` pipelines of stream → firehose → lake, one key per line: a valid spec of about
/// `n` × 250 bytes with `3n` components, every one acting or acted on.
pub fn pipelines(n: usize) -> String {
    let mut s = String::from("version: 1\nname: big\nregion: us-east-1\ntags:\n  Owner: data\n");
    s.push_str("sources:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  s{i}:\n    type: kinesis_stream\n    retention_hours: 48\n"
        ));
    }
    s.push_str("transforms:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  f{i}:\n    type: firehose\n    inputs: [s{i}]\n    prefix: raw/p{i}/\n    partitioning: hourly\n"
        ));
    }
    s.push_str("sinks:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  l{i}:\n    type: s3_data_lake\n    inputs: [f{i}]\n"
        ));
    }
    s
}

/// `n` Kinesis streams and nothing else.
pub fn components(n: usize) -> String {
    let mut s = String::from("version: 1\nname: wide\nregion: us-east-1\nsources:\n");
    for i in 0..n {
        s.push_str(&format!("  s{i}:\n    type: kinesis_stream\n"));
    }
    s
}

/// One Lambda with `n` stream inputs (its code at `code/handler` inside the spec's folder
/// `tests/fixtures/valid`): past a few hundred, its permissions exceed IAM's quotas, which is a
/// diagnostic.
pub fn inputs(n: usize) -> String {
    let mut s = String::from("version: 1\nname: fan-in\nregion: us-east-1\nsources:\n");
    let ids: Vec<String> = (0..n).map(|i| format!("s{i}")).collect();
    for id in &ids {
        s.push_str(&format!("  {id}:\n    type: kinesis_stream\n"));
    }
    s.push_str(&format!(
        "transforms:\n  fan_in:\n    type: lambda\n    code: code/handler\n    runtime: nodejs22.x\n    handler: index.handler\n    inputs: [{}]\n",
        ids.join(", ")
    ));
    s
}

/// A valid spec holding one string of `n` bytes (a Lambda environment value, which pipelinec
/// renders as is), plus, when `refused`, the same string as a Glue description, which is
/// longer than Glue allows.
pub fn string(n: usize, refused: bool) -> String {
    let long = "x".repeat(n);
    let mut s = format!(
        "version: 1\nname: long\nregion: us-east-1\nsources:\n  s:\n    type: kinesis_stream\ntransforms:\n  fn:\n    type: lambda\n    inputs: [s]\n    code: code/handler\n    runtime: nodejs22.x\n    handler: index.handler\n    environment:\n      LONG: \"{long}\"\n"
    );
    if refused {
        s.push_str(&format!(
            "sinks:\n  lake:\n    type: s3_data_lake\n    inputs: [fn]\n  cat:\n    type: glue_catalog\n    inputs: [lake]\n    description: \"{long}\"\n    tables:\n      t:\n        prefix: fn/\n        columns: [{{ name: c, type: string }}]\n"
        ));
    }
    s
}

/// `n` copies of the IoT pipeline of `specs/iot-analytics.yaml` (stream, Firehose, Lambda,
/// lake, catalog, Athena: `6n` components), ids suffixed `_<copy>`. The Lambdas' code is
/// `code` (relative to the spec's folder): the scale benchmark and the README's
/// measurements use it.
pub fn iot_copies(n: usize, code: &str) -> String {
    let mut s =
        String::from("version: 1\nname: iot-scale\nregion: us-east-1\ntags:\n  Owner: data\n");
    s.push_str("sources:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  stream_{i}:\n    type: kinesis_stream\n    mode: provisioned\n    shards: 1\n"
        ));
    }
    s.push_str("transforms:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  delivery_{i}:\n    type: firehose\n    inputs: [stream_{i}]\n    prefix: sensor-data/\n    buffering: {{ size_mb: 5, interval_seconds: 60 }}\n\
             \x20 alerts_{i}:\n    type: lambda\n    inputs: [stream_{i}]\n    code: {code}\n    runtime: nodejs22.x\n    handler: index.handler\n    output_prefix: alerts/\n    environment:\n      TEMPERATURE_LIMIT: \"28.0\"\n"
        ));
    }
    s.push_str("sinks:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  lake_{i}:\n    type: s3_data_lake\n    inputs: [delivery_{i}, alerts_{i}]\n    retention: {{ expire_after_days: 365 }}\n\
             \x20 catalog_{i}:\n    type: glue_catalog\n    inputs: [lake_{i}]\n    tables:\n      sensor_data:\n        prefix: sensor-data/\n        columns:\n          - {{ name: sensor_id, type: string }}\n          - {{ name: temperature, type: double }}\n      alerts:\n        prefix: alerts/\n        partitioning: none\n        columns:\n          - {{ name: sensor_id, type: string }}\n          - {{ name: alert_type, type: string }}\n\
             \x20 analytics_{i}:\n    type: athena\n    inputs: [catalog_{i}]\n    named_queries:\n      average:\n        query: SELECT AVG(temperature) FROM sensor_data\n"
        ));
    }
    s
}

/// Specs past AWS's default account quotas (see `src/quotas.rs`), one generator per shape; the
/// quota tests snapshot their warnings. `KIND` as `bigspec` takes it.
pub fn quota(kind: &str, n: usize) -> Option<String> {
    Some(match kind {
        "firehoses" => firehoses(n),
        "workgroups" => workgroups(n),
        "crawlers" => catalogs(n, true),
        "catalogs" => catalogs(n, false),
        "lakes" => lakes(n),
        _ => return None,
    })
}

/// One provisioned stream read by `n` Firehose streams, each with a role, into one lake.
pub fn firehoses(n: usize) -> String {
    let mut s = String::from(
        "version: 1\nname: fan-out\nregion: us-east-1\nsources:\n  events:\n    type: kinesis_stream\n    mode: provisioned\n    shards: 1\ntransforms:\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "  f{i}:\n    type: firehose\n    inputs: [events]\n    error_prefix: e{i}/\n"
        ));
    }
    s.push_str("sinks:\n  lake:\n    type: s3_data_lake\n    inputs:\n");
    for i in 0..n {
        s.push_str(&format!("      - f{i}\n"));
    }
    s
}

/// `n` Athena workgroups over one catalog: a results bucket and a caller policy each.
pub fn workgroups(n: usize) -> String {
    let mut s = pipeline_head("queries", "hourly");
    s.push_str("  catalog:\n    type: glue_catalog\n    inputs: [lake]\n    tables:\n      events:\n        prefix: raw/\n        partitioning: hourly\n        columns: [{ name: id, type: string }]\n");
    for i in 0..n {
        s.push_str(&format!(
            "  w{i}:\n    type: athena\n    inputs: [catalog]\n"
        ));
    }
    s
}

/// `n` Glue catalogs over one lake, each with a crawler (and its role) when `crawler`.
pub fn catalogs(n: usize, crawler: bool) -> String {
    let partitioning = if crawler { "none" } else { "hourly" };
    let mut s = pipeline_head("catalogs", partitioning);
    for i in 0..n {
        s.push_str(&format!(
            "  c{i}:\n    type: glue_catalog\n    inputs: [lake]\n    tables:\n      events:\n        prefix: raw/\n        partitioning: {partitioning}\n        columns: [{{ name: id, type: string }}]\n"
        ));
        if crawler {
            s.push_str("    crawler: {}\n");
        }
    }
    s
}

/// `n` data lakes and nothing else: a bucket each.
pub fn lakes(n: usize) -> String {
    let mut s = String::from("version: 1\nname: lakes\nregion: us-east-1\nsinks:\n");
    for i in 0..n {
        s.push_str(&format!("  l{i}:\n    type: s3_data_lake\n"));
    }
    s
}

/// stream → Firehose (under `raw/`, with these partitions) → lake, in the `sinks:` the caller
/// goes on with.
fn pipeline_head(name: &str, partitioning: &str) -> String {
    format!(
        "version: 1\nname: {name}\nregion: us-east-1\nsources:\n  events:\n    type: kinesis_stream\n    mode: provisioned\n    shards: 1\ntransforms:\n  delivery:\n    type: firehose\n    inputs: [events]\n    prefix: raw/\n    partitioning: {partitioning}\nsinks:\n  lake:\n    type: s3_data_lake\n    inputs: [delivery]\n"
    )
}
