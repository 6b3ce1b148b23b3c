//! The module call of a DynamoDB table, and the outputs its clients need.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{Billing, DynamodbTable, KeyAttribute, Projection};
use crate::render::values::obj;
use crate::render::{KindRender, RenderCx};

/// A key attribute's name, or null.
fn key_name(k: &Option<KeyAttribute>) -> Value {
    Value::from(k.as_ref().map(|k| k.name.clone()))
}

impl KindRender for DynamodbTable {
    /// A function reading the table reads its stream.
    fn event_source_output(&self) -> &'static str {
        "stream_arn"
    }

    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("name", cx.name.clone());
        cx.set(
            "billing_mode",
            match self.billing {
                Billing::OnDemand => "PAY_PER_REQUEST",
                Billing::Provisioned => "PROVISIONED",
            },
        );
        cx.set("read_capacity", Value::from(self.read_capacity));
        cx.set("write_capacity", Value::from(self.write_capacity));
        cx.set("hash_key", self.partition_key.name.clone());
        cx.set("range_key", key_name(&self.sort_key));
        cx.set(
            "attributes",
            Value::from(
                self.attribute_definitions()
                    .into_iter()
                    .map(|(name, kind)| {
                        obj(BTreeMap::from([
                            ("name", Value::from(name)),
                            ("type", Value::from(kind.letter())),
                        ]))
                    })
                    .collect::<Vec<_>>(),
            ),
        );
        cx.set(
            "global_indexes",
            Value::from(
                self.global_indexes
                    .iter()
                    .map(|(name, index)| {
                        obj(BTreeMap::from([
                            ("name", Value::from(name.as_str())),
                            ("hash_key", Value::from(index.partition_key.name.as_str())),
                            ("range_key", key_name(&index.sort_key)),
                            (
                                "projection_type",
                                Value::from(match index.projection {
                                    Projection::All => "ALL",
                                    Projection::KeysOnly => "KEYS_ONLY",
                                }),
                            ),
                        ]))
                    })
                    .collect::<Vec<_>>(),
            ),
        );
        cx.set("point_in_time_recovery", self.point_in_time_recovery);
        cx.set("kms_key_arn", Value::from(self.kms_key_arn.clone()));
        cx.set("ttl_attribute", Value::from(self.ttl_attribute.clone()));
        cx.set("deletion_protection", self.deletion_protection);
        cx.set("stream", self.stream);
        cx.set("stream_view_type", self.stream_view.as_aws());
        cx.output(
            "table_name",
            "name",
            format!("Name of the `{id}` DynamoDB table"),
        );
        cx.output(
            "table_arn",
            "arn",
            format!("ARN of the `{id}` DynamoDB table"),
        );
        if self.stream {
            cx.output(
                "table_stream_arn",
                "stream_arn",
                format!("ARN of the `{id}` DynamoDB table's stream"),
            );
        }
    }
}
