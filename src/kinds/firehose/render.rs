//! The module call of a Firehose delivery stream.

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
        cx.set("prefix", format!("{}{parts}", self.prefix(&id)));
        cx.set(
            "error_output_prefix",
            format!(
                "{}!{{firehose:error-output-type}}/{parts}",
                self.error_prefix
            ),
        );
        cx.set("buffering_size_mb", self.buffering.size_mb);
        cx.set(
            "buffering_interval_seconds",
            self.buffering.interval_seconds,
        );
        cx.set(
            "compression_format",
            match self.compression {
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
