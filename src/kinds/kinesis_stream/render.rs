//! The module call of a Kinesis stream, and the outputs producers need.

use minijinja::Value;

use super::{KinesisStream, StreamEncryption, StreamMode};
use crate::render::values::tmpl;
use crate::render::{KindRender, RenderCx};
use crate::semantic::KindRules;

impl KindRender for KinesisStream {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.output(
            "stream_arn",
            "arn",
            format!("ARN of the `{id}` Kinesis stream"),
        );
        cx.output(
            "stream_name",
            "name",
            format!("Name of the `{id}` Kinesis stream (producers write here)"),
        );
        if let Some(e) = self.existing() {
            cx.set("arn", tmpl(e.arn_template()));
            cx.set("name", e.resource_name().unwrap_or_default());
            return;
        }
        cx.set("name", cx.name.clone());
        cx.set(
            "mode",
            match self.mode {
                StreamMode::OnDemand => "ON_DEMAND",
                StreamMode::Provisioned => "PROVISIONED",
            },
        );
        cx.set("shard_count", Value::from(self.shards));
        cx.set("retention_hours", self.retention_hours);
        cx.set(
            "kms_key_id",
            match self.encryption {
                StreamEncryption::None => Value::from(()),
                StreamEncryption::Kms => Value::from(
                    self.kms_key
                        .clone()
                        .unwrap_or_else(|| "alias/aws/kinesis".into()),
                ),
            },
        );
    }
}
