//! The module call of a Firehose delivery stream.

use minijinja::Value;

use super::Firehose;
use crate::kinds::fields::Compression;
use crate::render::values::expr;
use crate::render::{KindRender, RenderCx};

impl KindRender for Firehose {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let graph = &cx.project.graph;
        let input = graph.incoming(&id).next().map(|e| e.from.clone());
        let dest = graph.outgoing(&id).next().map(|e| e.to.clone());
        cx.set("name", cx.name.clone());
        cx.set(
            "stream_arn",
            expr(input.map(|s| format!("module.{s}.arn")).unwrap_or_default()),
        );
        cx.set(
            "bucket_arn",
            expr(dest.map(|b| format!("module.{b}.arn")).unwrap_or_default()),
        );
        let parts: String = self
            .partitioning
            .keys()
            .iter()
            .map(|(key, fmt)| format!("{key}=!{{timestamp:{fmt}}}/"))
            .collect();
        // With event time, the partitions are the keys the metadata query extracts; delivery
        // errors (which have no such keys) keep arrival-time partitions.
        let record_parts: String = match &self.event_time {
            Some(_) => self
                .partitioning
                .keys()
                .iter()
                .map(|(key, _)| format!("{key}=!{{partitionKeyFromQuery:{key}}}/"))
                .collect(),
            None => parts.clone(),
        };
        cx.set("prefix", format!("{}{record_parts}", self.prefix(&id)));
        cx.set(
            "metadata_query",
            Value::from(
                self.event_time
                    .as_ref()
                    .map(|t| t.metadata_query(self.partitioning)),
            ),
        );
        // Dynamic partitioning writes records back to back; JSON lines need their newline.
        cx.set(
            "append_newline",
            self.event_time.is_some() && self.convert.is_none(),
        );
        cx.set(
            "processor_arn",
            expr(match &self.processor {
                Some(p) => format!("module.{p}.arn"),
                None => "null".to_string(),
            }),
        );
        cx.set(
            "conversion",
            match &self.convert {
                Some(conv) => expr(format!(
                    "{{\n    database    = module.{c}.database\n    \
                     table       = module.{c}.table_names[{t}]\n    \
                     compression = {z}\n  }}",
                    c = conv.catalog,
                    t = crate::hcl::quote(&conv.table),
                    z = crate::hcl::quote(match self.compression {
                        Compression::Snappy => "SNAPPY",
                        Compression::Uncompressed => "UNCOMPRESSED",
                        _ => "GZIP",
                    }),
                )),
                None => expr("null"),
            },
        );
        cx.set(
            "error_output_prefix",
            format!(
                "{}!{{firehose:error-output-type}}/{parts}",
                self.error_prefix
            ),
        );
        cx.set("buffering_size_mb", self.buffer_mb());
        cx.set(
            "buffering_interval_seconds",
            self.buffering.interval_seconds,
        );
        cx.set(
            "compression_format",
            // Converted records are compressed inside the Parquet files, not around them.
            match self.compression {
                _ if self.convert.is_some() => "UNCOMPRESSED",
                Compression::Gzip => "GZIP",
                Compression::Snappy => "Snappy",
                Compression::HadoopSnappy => "HADOOP_SNAPPY",
                Compression::Zip => "ZIP",
                Compression::Uncompressed => "UNCOMPRESSED",
            },
        );
        cx.set("log_retention_days", self.log_retention_days);
        cx.output(
            "delivery_stream_name",
            "name",
            format!("Name of the `{id}` Firehose delivery stream"),
        );
    }
}
