//! The module call of a schedule: its expression, its target (from the target kind's
//! `start_target`), retries and dead-letter queue.

use minijinja::Value;

use super::{DEAD_LETTER_RETENTION_SECONDS, Schedule, dead_letter_queue};
use crate::model::ComponentId;
use crate::render::values::expr;
use crate::render::{KindRender, RenderCx, kind_render};

impl KindRender for Schedule {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let target = &cx.project.components[&ComponentId::new(self.target.clone())];
        let start = kind_render(&target.settings)
            .start_target(target, self.query.as_deref(), &self.input_json())
            .expect("the edge table lets a schedule start only kinds that say how");
        cx.set("name", cx.name.clone());
        cx.set("description", Value::from(self.description.clone()));
        cx.set("expression", self.expression.clone());
        cx.set("timezone", self.timezone.clone());
        cx.set("enabled", self.enabled);
        cx.set("flexible_window_minutes", self.flexible_window_minutes);
        cx.set("target_arn", expr(start.arn));
        cx.set("target_input", expr(start.input));
        cx.set("retry_attempts", self.retry_attempts);
        cx.set("max_event_age_seconds", self.max_event_age_seconds);
        cx.set("dead_letter_queue", dead_letter_queue(&cx.name));
        cx.set(
            "dead_letter_retention_seconds",
            DEAD_LETTER_RETENTION_SECONDS,
        );
        cx.output("arn", "arn", format!("ARN of the `{id}` schedule"));
        cx.output(
            "dead_letter_queue_url",
            "dead_letter_queue_url",
            format!("Queue of the `{id}` starts that failed every retry"),
        );
    }
}
