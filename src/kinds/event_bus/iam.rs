//! The facts an event bus offers to the edge table: its ARN (what workflows put events on),
//! its dead-letter queue, and its rules' ARNs, each about the one external API it delivers to.

use super::{EventBus, dead_letter_queue, rule_name};
use crate::iam::{Fact, FactCx, Facts, KindIam, arn};
use crate::model::Project;
use crate::source::pointer_segment;

impl KindIam for EventBus {
    /// A bus acts (its rules' role) only when it has rules.
    fn acts(&self, _project: &Project) -> bool {
        !self.rules.is_empty()
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let base = cx.base();
        let rules = self
            .rules
            .iter()
            .map(|(name, r)| {
                let mut from = cx.named_from();
                from.push(crate::iam::Origin {
                    pointer: format!("{}/rules/{}", cx.c.pointer, pointer_segment(name)),
                    key: true,
                    text: name.clone(),
                });
                Fact {
                    body: arn(
                        "events",
                        &format!(
                            "rule/{base}/{}",
                            crate::hcl::template_literal(&rule_name(
                                &crate::naming::base(&cx.project.name, &cx.c.id),
                                name
                            ))
                        ),
                    ),
                    from,
                    peer: Some(r.target.clone()),
                }
            })
            .collect();
        vec![
            (
                "bus_arn",
                vec![cx.named(arn("events", &format!("event-bus/{base}")))],
            ),
            (
                "dlq_arn",
                vec![cx.named(arn("sqs", &dead_letter_queue(&base)))],
            ),
            ("rule_arn", rules),
        ]
    }
}
