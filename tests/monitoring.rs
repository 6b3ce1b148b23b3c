//! Monitoring derived from the graph: which alarms and widgets each component gets, how the
//! spec's `monitoring:` section changes them, and what switching them off leaves out.

mod common;

use std::path::Path;

use hcl::{Body, Expression, ObjectKey};
use pipelinec::source::SourceFile;

const BASE: &str = "tests/fixtures/valid/all_edges.yaml";

/// The rendered files of `text`, checked as if it were the file at `BASE`.
fn render(text: &str) -> pipelinec::render::Files {
    let file = SourceFile::new(common::root().join(BASE), text.to_string());
    let project = pipelinec::check::check(&file).unwrap_or_else(|d| panic!("{d:?}"));
    pipelinec::render::render(&project, Path::new("out")).unwrap()
}

fn base() -> String {
    std::fs::read_to_string(common::root().join(BASE)).unwrap()
}

fn text(files: &pipelinec::render::Files, name: &str) -> String {
    String::from_utf8(files[Path::new(name)].clone()).unwrap()
}

/// An attribute of `module "monitoring"` in `main.tf`, or `None` without the module.
fn monitoring_attr(main_tf: &str, name: &str) -> Option<Expression> {
    let body: Body = hcl::from_str(main_tf).expect("main.tf parses as HCL");
    let module = body.blocks().find(|b| {
        b.identifier() == "module"
            && b.labels()
                .first()
                .is_some_and(|l| l.as_str() == "monitoring")
    })?;
    module
        .body()
        .attributes()
        .find(|a| a.key() == name)
        .map(|a| a.expr().clone())
}

fn key_str(k: &ObjectKey) -> String {
    match k {
        ObjectKey::Identifier(i) => i.to_string(),
        ObjectKey::Expression(Expression::String(s)) => s.clone(),
        other => panic!("{other:?}"),
    }
}

/// The alarm names the render creates, in order.
fn alarm_names(main_tf: &str) -> Vec<String> {
    let Some(Expression::Object(alarms)) = monitoring_attr(main_tf, "alarms") else {
        panic!("no alarms map")
    };
    alarms.iter().map(|(k, _)| key_str(k)).collect()
}

/// One setting of one alarm.
fn alarm_value(main_tf: &str, alarm: &str, field: &str) -> Expression {
    let Some(Expression::Object(alarms)) = monitoring_attr(main_tf, "alarms") else {
        panic!("no alarms map")
    };
    let (_, a) = alarms
        .iter()
        .find(|(k, _)| key_str(k) == alarm)
        .unwrap_or_else(|| panic!("no alarm {alarm}"));
    let Expression::Object(a) = a else { panic!() };
    a.iter()
        .find(|(k, _)| key_str(k) == field)
        .map(|(_, v)| v.clone())
        .unwrap()
}

fn widget_titles(main_tf: &str) -> Vec<String> {
    let Some(Expression::Array(widgets)) = monitoring_attr(main_tf, "widgets") else {
        panic!("no widgets")
    };
    widgets
        .iter()
        .map(|w| {
            let Expression::Object(w) = w else { panic!() };
            let (_, t) = w.iter().find(|(k, _)| key_str(k) == "title").unwrap();
            let Expression::String(t) = t else { panic!() };
            t.clone()
        })
        .collect()
}

#[test]
fn alarms_follow_the_graph() {
    let main = text(&render(&base()), "main.tf");
    assert_eq!(
        alarm_names(&main),
        [
            // Both streams are read: their consumers' lag alarms on the stream.
            "edges-clicks-iterator-age",
            "edges-orders-iterator-age",
            // Each schedule: starts that failed every retry, in its dead-letter queue.
            "edges-daily-report-failed-starts",
            "edges-nightly-clean-failed-starts",
            "edges-nightly-stats-failed-starts",
            "edges-hourly-enrich-failed-starts",
            // Firehose: its lag behind `clicks`, its freshness and its success.
            "edges-delivery-iterator-age",
            "edges-delivery-freshness",
            "edges-delivery-success",
            "edges-converted-iterator-age",
            "edges-converted-freshness",
            "edges-converted-success",
            // Lambda with stream inputs and a failure destination (a lake of the spec, which
            // has its own row: no failed_batches metric here).
            "edges-enrich-errors",
            "edges-enrich-throttles",
            "edges-enrich-iterator-age",
            "edges-enrich-failure-delivery",
            // `hourly_enrich` invokes it: events that failed every retry wait in a queue.
            "edges-enrich-failed-events",
            "edges-checkout-errors",
            "edges-checkout-throttles",
            "edges-charge-errors",
            "edges-charge-throttles",
            // A stream reader: its lag and its failure destination; a function asking a
            // Personalize campaign reads no stream, so it has no iterator age.
            "edges-send-events-errors",
            "edges-send-events-throttles",
            "edges-send-events-iterator-age",
            "edges-send-events-failure-delivery",
            "edges-suggest-errors",
            "edges-suggest-throttles",
            "edges-order-flow-executions-failed",
            "edges-order-flow-executions-timed-out",
            "edges-clean-failed-tasks",
            "edges-stats-failed-runs",
            // The indexer reads a table's stream: its lag on the stream alarms as a Kinesis
            // consumer's does; its own failure bucket's object count is shown only.
            "edges-indexer-errors",
            "edges-indexer-throttles",
            "edges-indexer-iterator-age",
            "edges-indexer-failure-delivery",
            "edges-windows-downtime",
            "edges-windows-millis-behind-latest",
            "edges-windows-failed-checkpoints",
            "edges-queries-processed-bytes",
            // The table: throttled writes, in either billing mode.
            "edges-shop-mail-bounce-rate",
            "edges-shop-mail-complaint-rate",
            "edges-shop-events-dead-letters",
            "edges-search-cluster-red",
            "edges-search-cluster-yellow",
            "edges-search-free-storage",
            "edges-search-jvm-memory-pressure",
            "edges-search-snapshot-failure",
            "edges-order-items-write-throttled",
            // The user pool: throttled sign-ins and token refreshes.
            "edges-customers-sign-in-throttles",
            "edges-customers-token-refresh-throttles",
            // The API: server errors and slow answers.
            "edges-shop-api-server-errors",
            "edges-shop-api-latency",
        ]
    );
    // Rows in spec order, each widget titled by its component.
    let titles = widget_titles(&main);
    let order: Vec<&str> =
        titles
            .iter()
            .map(|t| t.split(':').next().unwrap())
            .fold(Vec::new(), |mut v, c| {
                if v.last() != Some(&c) {
                    v.push(c);
                }
                v
            });
    assert_eq!(
        order,
        [
            "clicks",
            "orders",
            "per_minute",
            "daily_report",
            "nightly_clean",
            "nightly_stats",
            "hourly_enrich",
            "delivery",
            "converted",
            "enrich",
            "checkout",
            "charge",
            "send_events",
            "suggest",
            "order_flow",
            "clean",
            "stats",
            "indexer",
            "windows",
            "lake",
            "queries",
            "shop_mail",
            "shop_events",
            "search",
            "order_items",
            "customers",
            "shop_api"
        ]
    );
}

#[test]
fn a_stream_nothing_reads_has_no_lag_alarm_and_provisioned_streams_watch_throttling() {
    let spec = "version: 1\nname: solo\nregion: us-east-1\nsources:\n  s:\n    type: kinesis_stream\n    mode: provisioned\n    shards: 2\n";
    let main = text(&render(spec), "main.tf");
    assert_eq!(alarm_names(&main), ["solo-s-write-throttled"]);
    assert_eq!(
        widget_titles(&main),
        ["s: records written", "s: writes throttled"]
    );
}

#[test]
fn the_spec_changes_and_removes_default_alarms() {
    let spec = format!(
        "{}monitoring:\n  notify:\n    - email: ops@example.com\n  components:\n    enrich:\n      alarms:\n        errors:\n          threshold: 2.5\n          evaluation_periods: 4\n          datapoints_to_alarm: 2\n        throttles:\n          enabled: false\n",
        base()
    );
    let main = text(&render(&spec), "main.tf");
    let names = alarm_names(&main);
    assert!(!names.contains(&"edges-enrich-throttles".to_string()));
    assert!(names.contains(&"edges-enrich-errors".to_string()));
    assert_eq!(
        alarm_value(&main, "edges-enrich-errors", "threshold"),
        Expression::Number(hcl::Number::from_f64(2.5).unwrap())
    );
    assert_eq!(
        alarm_value(&main, "edges-enrich-errors", "evaluation_periods"),
        Expression::Number(4u64.into())
    );
    assert_eq!(
        alarm_value(&main, "edges-enrich-errors", "datapoints_to_alarm"),
        Expression::Number(2u64.into())
    );
    // The switched-off alarm's metric stays on the dashboard.
    assert!(
        widget_titles(&main).contains(&"enrich: throttled invocations".to_string()),
        "{main}"
    );
    let Some(Expression::Object(subs)) = monitoring_attr(&main, "subscriptions") else {
        panic!()
    };
    assert_eq!(
        subs.iter().map(|(k, _)| key_str(k)).collect::<Vec<_>>(),
        ["ops@example.com"]
    );
}

#[test]
fn switching_monitoring_off_removes_its_parts() {
    let no_alarms = render(&format!("{}monitoring:\n  alarms: false\n", base()));
    let main = text(&no_alarms, "main.tf");
    assert_eq!(alarm_names(&main), Vec::<String>::new());
    assert_eq!(
        monitoring_attr(&main, "alarms_enabled"),
        Some(Expression::Bool(false))
    );
    let outputs = text(&no_alarms, "outputs.tf");
    assert!(!outputs.contains("alarm_topic_arn"), "{outputs}");
    assert!(outputs.contains("dashboard_url"), "{outputs}");

    let neither = render(&format!(
        "{}monitoring:\n  alarms: false\n  dashboard: false\n",
        base()
    ));
    let main = text(&neither, "main.tf");
    assert_eq!(monitoring_attr(&main, "name"), None);
    assert!(
        !neither.keys().any(|p| p.starts_with("modules/monitoring")),
        "no monitoring module without a dashboard or alarms"
    );
    assert!(!text(&neither, "outputs.tf").contains("dashboard"));
}

#[test]
fn the_same_spec_renders_the_same_monitoring() {
    let spec = format!(
        "{}monitoring:\n  notify:\n    - https: https://hooks.example.com/a\n    - email: b@example.com\n",
        base()
    );
    assert_eq!(render(&spec), render(&spec));
}
