//! Checks and AWS names of a Firehose delivery stream, and what it writes into its lake.

use super::{Firehose, MIN_BUFFER_MB_CONVERTED};
use crate::diagnostic::Diagnostic;
use crate::kinds::fields::{Compression, Partitioning, TableFormat};
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Comparison, Dim, ITERATOR_AGE_MS, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, Layout, Usage, Use, Writer, error, list, rules};

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
        self.check_event_time(cx, out);
        self.check_conversion(cx, out);
    }

    fn record_schema(&self) -> Option<(&str, &str, &'static str)> {
        self.convert
            .as_ref()
            .map(|c| (c.catalog.as_str(), c.table.as_str(), "convert/table"))
    }

    fn targets(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        if let Some(c) = &self.convert {
            out.push(("convert/catalog".into(), c.catalog.as_str()));
        }
        if let Some(p) = &self.processor {
            out.push(("processor".into(), p.as_str()));
        }
        out
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
                    format: if self.convert.is_some() {
                        TableFormat::Parquet
                    } else {
                        TableFormat::Json
                    },
                    format_at: cx.field_at("convert"),
                    format_help: if self.convert.is_some() {
                        " (Firehose converts the records to Parquet)"
                    } else {
                        " (Firehose writes records as they are sent: JSON lines; `convert` \
                         turns them into Parquet)"
                    },
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

impl Firehose {
    /// Event-time partitions need date partitions, and Firehose's larger buffer.
    fn check_event_time(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        if self.event_time.is_some() && self.partitioning == Partitioning::None {
            out.push(error(
                "firehose-event-time",
                format!("firehose `{id}` partitions by `event_time` but has no date partitions"),
                cx.key_at("event_time"),
                "nothing to partition by",
                "set `partitioning: daily` or `hourly`, or remove `event_time`",
            ));
        }
        if let Some(size) = self.buffering.size_mb
            && self.needs_large_buffer()
            && size < MIN_BUFFER_MB_CONVERTED
        {
            let feature = if self.event_time.is_some() {
                "dynamic partitioning (`event_time`)"
            } else {
                "format conversion (`convert`)"
            };
            out.push(error(
                "firehose-buffer",
                format!(
                    "firehose `{id}` buffers {size} MiB; with {feature} Firehose needs at least \
                     {MIN_BUFFER_MB_CONVERTED}"
                ),
                cx.value_at("buffering/size_mb"),
                "too small a buffer",
                &format!(
                    "set `size_mb: {MIN_BUFFER_MB_CONVERTED}` or more, or leave it out (it then \
                     defaults to {MIN_BUFFER_MB_CONVERTED})"
                ),
            ));
        }
    }

    /// The conversion's table exists in its catalog, and the compression is one Parquet has.
    fn check_conversion(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(conv) = &self.convert else { return };
        let id = &cx.c.id;
        if matches!(
            self.compression,
            Compression::Zip | Compression::HadoopSnappy
        ) {
            out.push(error(
                "firehose-convert",
                format!(
                    "firehose `{id}` converts to Parquet, which Firehose compresses with gzip, \
                     snappy or nothing"
                ),
                cx.value_at("compression"),
                "not a Parquet compression",
                "use `compression: gzip`, `snappy` or `uncompressed`",
            ));
        }
        let Some(catalog) = cx
            .project
            .components
            .get(&ComponentId::new(conv.catalog.clone()))
        else {
            return; // reported with the graph
        };
        // Only a catalog can hold the table; another kind is reported with the graph.
        let is_schema = crate::edges::edge(cx.c.kind(), catalog.kind())
            .is_some_and(|r| r.access == crate::edges::Access::Schema);
        if !is_schema {
            return;
        }
        let catalog_cx = Cx {
            project: cx.project,
            c: catalog,
            doc: cx.doc,
        };
        let tables = rules(&catalog.settings).tables(&catalog_cx);
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        if !names.iter().any(|t| *t == conv.table) {
            let help = match crate::suggest::closest(&conv.table, names.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("use one of {}", list(names.iter().copied())),
            };
            out.push(
                error(
                    "firehose-convert",
                    format!(
                        "firehose `{id}` converts with table `{}`, which `{}` does not define",
                        conv.table, conv.catalog
                    ),
                    cx.value_at("convert/table"),
                    "no such table",
                    &help,
                )
                .with_related(
                    cx.doc.key_span(&format!("{}/tables", catalog.pointer)),
                    "the catalog's tables",
                ),
            );
        }
    }
}
