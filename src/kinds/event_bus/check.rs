//! Checks and AWS names of an event bus: each rule delivers to an external API that has an API
//! destination.

use std::collections::BTreeSet;

use super::{EventBus, dead_letter_queue, rule_name};
use crate::diagnostic::Diagnostic;
use crate::edges;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, error, rules};
use crate::source::pointer_segment;

/// Event bus names: 1 to 256 of letters, digits, `.`, `_` and `-` (`/` is for partner buses).
const BUS_NAME: Rule = Rule::new(256, Charset::WordDotDash);

/// Rule names: 1 to 64 of letters, digits, `.`, `_` and `-`.
const RULE_NAME: Rule = Rule::new(64, Charset::WordDotDash);

impl KindRules for EventBus {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (name, r) in &self.rules {
            let Some(t) = cx
                .project
                .components
                .get(&ComponentId::new(r.target.clone()))
            else {
                continue; // reported with the graph (`unknown-target`)
            };
            // A target of a kind the bus cannot deliver to is reported with the graph.
            if edges::edge(cx.c.kind(), t.kind()).is_none()
                || rules(&t.settings).accepts_deliveries()
            {
                continue;
            }
            let field = format!("rules/{}/target", pointer_segment(name));
            out.push(
                error(
                    "rule-target-deliver",
                    format!(
                        "rule `{name}` of event bus `{}` delivers to `{}`, which has no `deliver`",
                        cx.c.id, t.id
                    ),
                    cx.value_at(&field),
                    "no API destination to deliver to",
                    &format!(
                        "add `deliver: {{ path: /… }}` to external API `{}`: EventBridge \
                         delivers to an API destination, which `deliver` creates",
                        t.id
                    ),
                )
                .with_related(
                    cx.doc.key_span(&t.pointer),
                    format!("`{}` is declared here", t.id),
                ),
            );
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        let mut out = vec![
            AwsName::new("EventBridge event bus", base.clone(), BUS_NAME),
            AwsName::new("SQS queue", dead_letter_queue(&base), naming::SQS_QUEUE),
        ];
        if !self.rules.is_empty() {
            out.push(AwsName::new("IAM role", base.clone(), naming::IAM_ROLE));
        }
        for name in self.rules.keys() {
            out.push(AwsName::new(
                "EventBridge rule",
                rule_name(&base, name),
                RULE_NAME,
            ));
        }
        out
    }

    /// Each external API its rules deliver to, once, at the first rule naming it.
    fn targets(&self) -> Vec<(String, &str)> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (name, r) in &self.rules {
            if seen.insert(r.target.as_str()) {
                out.push((
                    format!("rules/{}/target", pointer_segment(name)),
                    r.target.as_str(),
                ));
            }
        }
        out
    }

    /// Deliveries that failed every retry, waiting in the dead-letter queue (SQS metrics,
    /// <https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html>).
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        vec![
            Monitor::new(
                "dead_letters",
                "failed deliveries waiting",
                ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
                vec![("QueueName", Dim::of(c.id.as_str(), "dead_letter_queue_name"))],
                Statistic::Maximum,
            )
            .alarm(Alarm::above(
                0.0,
                1,
                1,
                "An event could not be delivered to its external API after every retry: it waits in the bus's dead-letter queue (14 days).",
            )),
        ]
    }
}
