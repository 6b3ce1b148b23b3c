//! Checks and AWS names of a Firehose delivery stream, and what it writes into its lake.

use super::Firehose;
use crate::diagnostic::Diagnostic;
use crate::kinds::fields::TableFormat;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Comparison, Dim, ITERATOR_AGE_MS, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, Layout, Usage, Use, Writer, error};

/// Firehose delivery stream names.
const DELIVERY_STREAM_NAME: Rule = Rule::new(64, Charset::WordDotDash);

impl KindRules for Firehose {
    /// Records read from the input stream, how far behind it the delivery stream reads, how
    /// old the data is when it lands in S3, and whether deliveries succeed:
    /// <https://docs.aws.amazon.com/firehose/latest/dev/monitoring-with-cloudwatch-metrics.html>.
    /// Freshness is judged against the buffering interval: data older than three intervals
    /// (and at least 15 minutes) is late.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let stream = || vec![("DeliveryStreamName", Dim::of(c.id.as_str(), "name"))];
        let late = f64::from((self.buffering.interval_seconds * 3).max(900));
        vec![
            Monitor::new(
                "records_read",
                "records read from the stream",
                ("AWS/Firehose", "DataReadFromKinesisStream.Records"),
                stream(),
                Statistic::Sum,
            ),
            Monitor::new(
                "iterator_age",
                "behind the stream (ms)",
                ("AWS/Firehose", "DataReadFromKinesisStream.MillisBehindLatest"),
                stream(),
                Statistic::Maximum,
            )
            .alarm(Alarm::above(
                ITERATOR_AGE_MS,
                3,
                3,
                "The delivery stream reads more than 15 minutes behind its Kinesis stream; records expire unread once the lag passes the retention.",
            )),
            Monitor::new(
                "freshness",
                "age of the oldest undelivered record (s)",
                ("AWS/Firehose", "DeliveryToS3.DataFreshness"),
                stream(),
                Statistic::Maximum,
            )
            .alarm(Alarm::above(
                late,
                3,
                3,
                "Records wait in Firehose far longer than its buffering interval: deliveries to S3 are failing or slow.",
            )),
            Monitor::new(
                "success",
                "share of successful S3 deliveries",
                ("AWS/Firehose", "DeliveryToS3.Success"),
                stream(),
                Statistic::Minimum,
            )
            .alarm(Alarm {
                comparison: Comparison::LessThan,
                threshold: 1.0,
                ..Alarm::above(
                    0.0,
                    3,
                    3,
                    "Deliveries to S3 have failed for 15 minutes (see the error prefix and the delivery log group); Firehose keeps retrying for 24 hours, then drops the data.",
                )
            }),
        ]
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let graph = &cx.project.graph;
        // The edge table admits only streams as inputs: every edge in is a stream.
        if !cx.unresolved_inputs() && (self.inputs.len() != 1 || graph.incoming(id).count() != 1) {
            out.push(error(
                "firehose-inputs",
                format!("firehose `{id}` must read exactly one Kinesis stream"),
                cx.component_at(),
                "one `inputs` entry expected",
                "list exactly one `kinesis_stream` id under `inputs`",
            ));
        }
        let outs = graph.outgoing(id).count();
        if outs != 1 {
            out.push(error(
                "firehose-destination",
                format!(
                    "firehose `{id}` must feed exactly one sink, but {outs} list it as an input"
                ),
                cx.component_at(),
                "delivers nowhere or to several places",
                "list this firehose under `inputs` of exactly one `s3_data_lake`",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        vec![
            AwsName::new(
                "Firehose delivery stream",
                base.clone(),
                DELIVERY_STREAM_NAME,
            ),
            AwsName::new("IAM role", base, naming::IAM_ROLE),
        ]
    }

    fn writes(&self, cx: &Cx<'_>, _bucket: &ComponentId, feeds: bool) -> Vec<Writer> {
        if !feeds {
            return Vec::new();
        }
        let c = cx.c;
        vec![
            Writer {
                id: c.id.clone(),
                kind: c.kind(),
                role: "records",
                prefix: self.prefix(&c.id),
                at: cx.field_at("prefix"),
                layout: Some(Layout {
                    partitioning: self.partitioning,
                    partitioning_at: cx.field_at("partitioning"),
                    // Without record format conversion, Firehose writes records as sent:
                    // JSON lines in every pipeline pipelinec renders.
                    format: TableFormat::Json,
                    format_at: cx.component_at(),
                    format_help: " (Firehose writes records as they are sent: JSON lines)",
                    compression: self.compression,
                    compression_at: cx.field_at("compression"),
                }),
            },
            Writer {
                id: c.id.clone(),
                kind: c.kind(),
                role: "delivery errors",
                prefix: self.error_prefix.clone(),
                at: cx.field_at("error_prefix"),
                layout: None,
            },
        ]
    }

    fn usage(&self) -> Vec<Use> {
        vec![Use::one(Usage::FirehoseStreams)]
    }
}
