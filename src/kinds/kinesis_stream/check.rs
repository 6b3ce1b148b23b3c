//! Checks and AWS names of a Kinesis stream.

use super::{KinesisStream, StreamEncryption, StreamMode};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, ITERATOR_AGE_MS, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, ExistingRef, KindRules, Shape, Usage, Use, error};

/// Kinesis stream names.
const STREAM_NAME: Rule = Rule::new(128, Charset::WordDotDash);

/// An existing stream's ARN.
const STREAM: Shape = Shape {
    what: "Kinesis stream",
    service: "kinesis",
    resource_type: "stream/",
    regional: true,
    name_rule: STREAM_NAME,
    by_name: true,
    example: "arn:aws:kinesis:us-east-1:111122223333:stream/orders",
};

impl KindRules for KinesisStream {
    /// Records in, how far the consumers lag, and (provisioned streams) throttled reads and
    /// writes: <https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html>.
    /// `GetRecords.IteratorAgeMilliseconds` is the age of the oldest record any consumer's last
    /// `GetRecords` returned, so the stream alarms only when something consumes it.
    fn monitors(&self, project: &Project, c: &Component) -> Vec<Monitor> {
        let stream = || vec![("StreamName", Dim::of(c.id.as_str(), "name"))];
        let consumed = project.graph.outgoing(&c.id).next().is_some();
        let provisioned = self.mode == StreamMode::Provisioned;
        let mut out = vec![Monitor::new(
            "incoming_records",
            "records written",
            ("AWS/Kinesis", "IncomingRecords"),
            stream(),
            Statistic::Sum,
        )];
        if consumed {
            out.push(
                Monitor::new(
                    "iterator_age",
                    "oldest unread record (ms)",
                    ("AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds"),
                    stream(),
                    Statistic::Maximum,
                )
                .alarm(Alarm::above(
                    ITERATOR_AGE_MS,
                    3,
                    3,
                    "A consumer has fallen more than 15 minutes behind the stream; records expire unread once the lag passes the retention.",
                )),
            );
        }
        if provisioned {
            out.push(
                Monitor::new(
                    "write_throttled",
                    "writes throttled",
                    ("AWS/Kinesis", "WriteProvisionedThroughputExceeded"),
                    stream(),
                    Statistic::Sum,
                )
                .alarm(Alarm::above(
                    0.0,
                    3,
                    3,
                    "Producers have been throttled for 15 minutes: the stream needs more shards.",
                )),
            );
        }
        if provisioned && consumed {
            out.push(
                Monitor::new(
                    "read_throttled",
                    "reads throttled",
                    ("AWS/Kinesis", "ReadProvisionedThroughputExceeded"),
                    stream(),
                    Statistic::Sum,
                )
                .alarm(Alarm::above(
                    0.0,
                    3,
                    3,
                    "Consumers have been throttled for 15 minutes: the stream needs more shards, or fewer consumers.",
                )),
            );
        }
        out
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        // An existing stream's capacity is its owner's (see `existing`).
        if self.existing.is_some() {
            return;
        }
        let id = &cx.c.id;
        match (self.mode, self.shards) {
            (StreamMode::Provisioned, None) => out.push(error(
                "missing-shards",
                format!("stream `{id}` is provisioned but has no `shards`"),
                cx.value_at("mode"),
                "provisioned needs a shard count",
                "add `shards: 1` (or more), or use `mode: on_demand`",
            )),
            (StreamMode::OnDemand, Some(_)) => out.push(error(
                "shards-on-demand",
                format!("stream `{id}` sets `shards` in on-demand mode"),
                cx.key_at("shards"),
                "on-demand streams size themselves",
                "remove `shards`, or set `mode: provisioned`",
            )),
            _ => {}
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::new(
            "Kinesis stream",
            naming::base(project, id),
            STREAM_NAME,
        )]
    }

    fn existing(&self) -> Option<ExistingRef<'_>> {
        self.existing.as_ref().map(|e| ExistingRef {
            arn: e.arn.as_deref(),
            name: e.name.as_deref(),
            shape: &STREAM,
            creation_only: &["mode", "shards", "retention_hours", "encryption"],
        })
    }

    fn kms_keys(&self) -> Vec<(&'static str, &str)> {
        match (self.encryption, &self.kms_key) {
            (StreamEncryption::Kms, Some(key)) => vec![("kms_key", key.as_str())],
            _ => Vec::new(),
        }
    }

    fn usage(&self) -> Vec<Use> {
        vec![match self.mode {
            StreamMode::Provisioned => Use {
                usage: Usage::KinesisShards,
                amount: u64::from(self.shards.unwrap_or(0)),
                field: Some("shards"),
            },
            StreamMode::OnDemand => Use::one(Usage::KinesisOnDemandStreams),
        }]
    }
}
