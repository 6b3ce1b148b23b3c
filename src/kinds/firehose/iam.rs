//! The facts a Firehose offers to the edge table: its prefixes and its error log stream.

use super::Firehose;
use crate::iam::{FactCx, Facts, KindIam, arn, get};
use crate::model::ComponentId;

impl KindIam for Firehose {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let group = format!("/aws/kinesisfirehose/{}", cx.base());
        // The table whose schema it converts with: that table's ARN among its catalog's.
        let schema_table_arn = self
            .convert
            .as_ref()
            .and_then(|conv| {
                let catalog = cx
                    .project
                    .components
                    .get(&ComponentId::new(conv.catalog.clone()))?;
                let suffix = format!("/tables/{}", crate::source::pointer_segment(&conv.table));
                Some(
                    get(&cx.of(catalog), "table_arn")
                        .into_iter()
                        .filter(|f| f.from.iter().any(|o| o.key && o.pointer.ends_with(&suffix)))
                        .collect(),
                )
            })
            .unwrap_or_default();
        vec![
            ("schema_table_arn", schema_table_arn),
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
