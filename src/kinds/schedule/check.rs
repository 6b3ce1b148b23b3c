//! Checks and AWS names of a schedule: its expression, its target and what it starts there.

use super::{MAX_INPUT_CHARS, Schedule, dead_letter_queue};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::Monitor;
use crate::naming::{self, AwsName, Charset, Rule};
use crate::schedule::{Accepts, parse};
use crate::semantic::{Cx, KindRules, Startable, error, list, rules};

/// Scheduler schedule names (1 to 64 of letters, digits, `.`, `_` and `-`).
const SCHEDULE_NAME: Rule = Rule::new(64, Charset::WordDotDash);

impl KindRules for Schedule {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        if let Err(e) = parse(&self.expression, Accepts::Scheduler) {
            out.push(error(
                "schedule-expression",
                format!(
                    "schedule `{}` has an invalid expression: {}",
                    cx.c.id, e.why
                ),
                cx.value_at("expression"),
                "not a schedule AWS accepts",
                "write `cron(0 6 * * ? *)`, `rate(1 hour)` or `at(2027-01-31T06:00:00)`",
            ));
        }
        let target = cx
            .project
            .components
            .get(&ComponentId::new(self.target.clone()));
        // An unknown target, or one that cannot be started, is reported with the graph.
        let Some(target) = target else { return };
        let Some(start) = rules(&target.settings).startable(&Cx {
            project: cx.project,
            c: target,
            doc: cx.doc,
        }) else {
            return;
        };
        self.check_entry(cx, &start, out);
        self.check_input(cx, &start, out);
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        vec![
            AwsName::new("Scheduler schedule", base.clone(), SCHEDULE_NAME),
            AwsName::new("IAM role", base.clone(), naming::IAM_ROLE),
            AwsName::new("SQS queue", dead_letter_queue(&base), naming::SQS_QUEUE),
        ]
    }

    fn targets(&self) -> Vec<(String, &str)> {
        vec![("target".into(), self.target.as_str())]
    }

    /// Starts that failed every retry, waiting in its dead-letter queue. Scheduler's own
    /// metrics (`TargetErrorCount` and the like) are per schedule group, not per schedule:
    /// <https://docs.aws.amazon.com/scheduler/latest/UserGuide/monitoring-cloudwatch.html>;
    /// the queue is this schedule's alone.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        vec![Monitor::failure_queue(
            "failed_starts",
            "starts that failed every retry",
            c.id.as_str(),
            "dead_letter_queue_name",
            "The schedule could not start its target even after retrying: the message in its dead-letter queue says why.",
        )]
    }
}

impl Schedule {
    /// A target with named entry points needs one of them (and only such a target takes one).
    fn check_entry(&self, cx: &Cx<'_>, start: &Startable, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let field = start.entry_field;
        match (&self.query, start.entries.is_empty()) {
            (Some(_), true) => out.push(error(
                "schedule-query",
                format!(
                    "schedule `{id}` names a `query`, but its target `{}` has no saved queries",
                    self.target
                ),
                cx.key_at("query"),
                "only an athena target runs a saved query",
                "remove `query`",
            )),
            (None, false) => out.push(error(
                "schedule-query",
                format!(
                    "schedule `{id}` targets `{}` but does not say which `{field}` to run",
                    self.target
                ),
                cx.value_at("target"),
                "which saved query?",
                &format!(
                    "add `{field}:` with one of {}",
                    list(start.entries.iter().map(|e| e.name.as_str()))
                ),
            )),
            (Some(q), false) => match start.entries.iter().find(|e| &e.name == q) {
                None => {
                    let names = start.entries.iter().map(|e| e.name.as_str());
                    let help = match crate::suggest::closest(q, names.clone()) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("use one of {}", list(names)),
                    };
                    out.push(error(
                        "schedule-query",
                        format!(
                            "schedule `{id}` runs `{q}`, which `{}` does not define",
                            self.target
                        ),
                        cx.value_at("query"),
                        "no saved query has this key",
                        &help,
                    ))
                }
                Some(e) if e.input_chars > MAX_INPUT_CHARS - 200 => out.push(
                    error(
                        "schedule-input-size",
                        format!(
                            "schedule `{id}` would pass the {} characters of `{q}` to Athena; \
                             Scheduler takes at most {MAX_INPUT_CHARS} characters of input, \
                             with room for the workgroup and database",
                            e.input_chars
                        ),
                        cx.value_at("query"),
                        "this query is too long to schedule",
                        "shorten the query, or put its logic in a view and select from it",
                    )
                    .with_related(cx.doc.value_span(&e.pointer), "the query"),
                ),
                Some(_) => {}
            },
            (None, true) => {}
        }
    }

    /// Only a function takes an event, and an event fits Scheduler's input.
    fn check_input(&self, cx: &Cx<'_>, start: &Startable, out: &mut Vec<Diagnostic>) {
        if self.input.is_none() {
            return;
        }
        let id = &cx.c.id;
        if !start.takes_input {
            out.push(error(
                "schedule-input",
                format!(
                    "schedule `{id}` gives an `input`, but its target `{}` takes none",
                    self.target
                ),
                cx.key_at("input"),
                "only a lambda target receives an event",
                "remove `input`",
            ));
            return;
        }
        let chars = self.input_json().chars().count();
        if chars > MAX_INPUT_CHARS {
            out.push(error(
                "schedule-input-size",
                format!(
                    "schedule `{id}` has an input of {chars} characters as JSON; Scheduler takes \
                     at most {MAX_INPUT_CHARS}"
                ),
                cx.key_at("input"),
                "this event is too large",
                "pass a smaller event, e.g. a key the function looks up",
            ));
        }
    }
}
