//! The module call of an event bus: the bus, its dead-letter queue, and one rule and target
//! per rule of the spec, each delivering to its external API's destination.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{DEAD_LETTER_RETENTION_SECONDS, EventBus, dead_letter_queue, rule_name};
use crate::render::values::{expr, obj};
use crate::render::{KindRender, RenderCx};

impl KindRender for EventBus {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("name", cx.name.clone());
        cx.set("description", Value::from(self.description.clone()));
        cx.set("dead_letter_queue", dead_letter_queue(&cx.name));
        cx.set(
            "dead_letter_retention_seconds",
            DEAD_LETTER_RETENTION_SECONDS,
        );
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|(name, r)| {
                obj(BTreeMap::from([
                    ("key", Value::from(name.clone())),
                    ("name", Value::from(rule_name(&cx.name, name))),
                    ("source", Value::from(r.source.clone())),
                    ("detail_type", Value::from(r.detail_type.clone())),
                    (
                        "target_arn",
                        expr(format!("module.{}.api_destination_arn", r.target)),
                    ),
                    ("retry_attempts", Value::from(r.retry_attempts)),
                    (
                        "max_event_age_seconds",
                        Value::from(r.max_event_age_seconds),
                    ),
                ]))
            })
            .collect();
        cx.set("rules", rules);
        cx.output("arn", "arn", format!("ARN of the `{id}` event bus"));
        cx.output("name", "name", format!("Name of the `{id}` event bus"));
        cx.output(
            "dead_letter_queue_url",
            "dead_letter_queue_url",
            format!("Queue of the `{id}` deliveries that failed every retry"),
        );
    }
}
