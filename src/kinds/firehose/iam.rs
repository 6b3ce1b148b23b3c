//! The facts a Firehose offers to the edge table: its prefixes and its error log stream.

use super::Firehose;
use crate::iam::{FactCx, Facts, KindIam, arn};

impl KindIam for Firehose {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let group = format!("/aws/kinesisfirehose/{}", cx.base());
        vec![
            (
                "prefix",
                vec![cx.or_id("prefix", &self.prefix, self.prefix(&cx.c.id))],
            ),
            (
                "error_prefix",
                vec![cx.field("error_prefix", &self.error_prefix)],
            ),
            (
                "log_stream_arn",
                vec![cx.named(arn(
                    "logs",
                    &format!("log-group:{group}:log-stream:DestinationDelivery"),
                ))],
            ),
        ]
    }
}
