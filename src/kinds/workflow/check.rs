//! Checks and AWS names of a workflow: its states' transitions, what they name, and Step
//! Functions' limits.

use std::collections::BTreeSet;

use super::definition::{definition, placeholders};
use super::{MAX_DEFINITION_BYTES, MAX_STATE_NAME, State, Workflow, log_group};
use crate::diagnostic::Diagnostic;
use crate::edges::{self, Access};
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, error, list};
use crate::source::pointer_segment;

/// State machine names: 1 to 80 of letters, digits, `_` and `-`.
const STATE_MACHINE_NAME: Rule = Rule::new(80, Charset::WordDash);

/// Log group names: up to 512 characters.
const LOG_GROUP_NAME: Rule = Rule::new(512, Charset::Printable);

impl KindRules for Workflow {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        self.state_names(cx, out);
        self.transitions(cx, out);
        self.reachable(cx, out);
        self.targets_kinds(cx, out);
        for (name, s) in &self.states {
            state_rules(cx, name, s, out);
        }
        let bytes = definition(self).json_bytes;
        if bytes > MAX_DEFINITION_BYTES {
            out.push(error(
                "definition-too-large",
                format!(
                    "workflow `{}` has a definition of about {bytes} bytes; Step Functions takes \
                     at most {MAX_DEFINITION_BYTES} (1 MiB)",
                    cx.c.id
                ),
                cx.key_at("states"),
                "too large for Step Functions",
                "shorten the email texts and comments, or split the workflow in two",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        vec![
            AwsName::new(
                "Step Functions state machine",
                base.clone(),
                STATE_MACHINE_NAME,
            ),
            AwsName::new("IAM role", base.clone(), naming::IAM_ROLE),
            AwsName::new("CloudWatch log group", log_group(&base), LOG_GROUP_NAME),
        ]
    }

    /// Each function, identity, API and bus its states name, once, at the first state naming
    /// it.
    fn targets(&self) -> Vec<(String, &str)> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (name, s) in &self.states {
            let Some((field, id)) = s.target() else {
                continue;
            };
            if seen.insert(id) {
                out.push((format!("states/{}/{field}", pointer_segment(name)), id));
            }
        }
        out
    }

    /// Failed and timed-out executions (each an order not handled to the end), and throttled
    /// starts: <https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html>,
    /// execution metrics by `StateMachineArn`.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let machine = || vec![("StateMachineArn", Dim::of(c.id.as_str(), "arn"))];
        vec![
            Monitor::new(
                "executions_failed",
                "failed executions",
                ("AWS/States", "ExecutionsFailed"),
                machine(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                1,
                1,
                "An execution failed: an order was not handled to the end; its execution history (or the log group) says at which state.",
            )),
            Monitor::new(
                "executions_timed_out",
                "timed-out executions",
                ("AWS/States", "ExecutionsTimedOut"),
                machine(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                1,
                1,
                "An execution ran out of time: an order was not handled to the end.",
            )),
            Monitor::new(
                "executions_throttled",
                "throttled state transitions",
                ("AWS/States", "ExecutionThrottled"),
                machine(),
                Statistic::Sum,
            ),
        ]
    }
}

impl Workflow {
    /// The spec pointer field of a state (`states/<name>`).
    fn state_field(name: &str) -> String {
        format!("states/{}", pointer_segment(name))
    }

    /// State names fit Step Functions (1 to 80 characters, no control characters).
    fn state_names(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for name in self.states.keys() {
            let n = name.chars().count();
            if n == 0 || n > MAX_STATE_NAME || name.chars().any(char::is_control) {
                out.push(error(
                    "state-name",
                    format!(
                        "state name `{name}` of workflow `{}` is {n} characters",
                        cx.c.id
                    ),
                    cx.key_at(&Self::state_field(name)),
                    "not a valid state name",
                    "Step Functions state names are 1 to 80 characters, without control \
                     characters: shorten it",
                ));
            }
        }
    }

    /// `start_at`, every `next`, catcher and choice name a state; every state that goes on
    /// says where (or ends), and not both.
    fn transitions(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        self.known_state(cx, "start_at", &self.start_at, out);
        for (name, s) in &self.states {
            let field = Self::state_field(name);
            if let Some((next, end)) = s.transition() {
                match (next, end) {
                    (None, false) => out.push(error(
                        "state-transition",
                        format!("state `{name}` of workflow `{id}` has neither `next` nor `end`"),
                        cx.key_at(&field),
                        "where does it go after this state?",
                        "add `next: <state>`, or `end: true` if the execution ends here",
                    )),
                    (Some(_), true) => out.push(error(
                        "state-transition",
                        format!("state `{name}` of workflow `{id}` has both `next` and `end`"),
                        cx.key_at(&format!("{field}/end")),
                        "a state either goes on or ends",
                        "remove `end: true`, or remove `next`",
                    )),
                    _ => {}
                }
            }
            for (sub, target) in s.successors() {
                self.known_state(cx, &format!("{field}/{sub}"), target, out);
            }
        }
    }

    fn known_state(&self, cx: &Cx<'_>, field: &str, target: &str, out: &mut Vec<Diagnostic>) {
        if self.states.contains_key(target) {
            return;
        }
        let names = self.states.keys().map(String::as_str);
        let help = match crate::suggest::closest(target, names.clone()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("name one of the states: {}", list(names)),
        };
        out.push(error(
            "unknown-state",
            format!(
                "workflow `{}` goes to `{target}`, which is not one of its states",
                cx.c.id
            ),
            cx.value_at(field),
            "no state has this name",
            &help,
        ));
    }

    /// Every state can be reached from `start_at`: Step Functions refuses a definition with an
    /// unreachable state, so this is an error, not a warning.
    fn reachable(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        if !self.states.contains_key(&self.start_at) {
            return;
        }
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut todo = vec![self.start_at.as_str()];
        while let Some(n) = todo.pop() {
            if !seen.insert(n) {
                continue;
            }
            if let Some(s) = self.states.get(n) {
                todo.extend(s.successors().into_iter().map(|(_, t)| t));
            }
        }
        for name in self.states.keys().filter(|n| !seen.contains(n.as_str())) {
            out.push(error(
                "unreachable-state",
                format!(
                    "state `{name}` of workflow `{}` cannot be reached from `{}`",
                    cx.c.id, self.start_at
                ),
                cx.key_at(&Self::state_field(name)),
                "no state goes here",
                "name it in another state's `next`, `catch` or `choices`, or remove it \
                 (Step Functions refuses a definition with an unreachable state)",
            ));
        }
    }

    /// A state's `function` names a function and its `identity` an identity: the edge table
    /// says what this kind does to each kind, and the field must ask for that.
    fn targets_kinds(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (name, s) in &self.states {
            let Some((field, target)) = s.target() else {
                continue;
            };
            let (wants, what) = match s {
                State::Invoke(_) => (Access::Invoke, "a `lambda`"),
                State::SendEmail(_) => (Access::Send, "an `email_identity`"),
                State::Http(_) => (Access::Call, "an `external_api`"),
                State::PutEvent(_) => (Access::Publish, "an `event_bus`"),
                _ => continue,
            };
            let Some(t) = cx.project.components.get(&ComponentId::new(target)) else {
                continue; // reported with the graph (`unknown-target`)
            };
            let access = edges::edge(cx.c.kind(), t.kind()).map(|r| r.access);
            // No edge at all is reported with the graph (`incompatible-target`).
            if access.is_some_and(|a| a != wants) {
                out.push(error(
                    "state-target-kind",
                    format!(
                        "state `{name}` of workflow `{}` names `{target}` ({}) as its `{field}`",
                        cx.c.id,
                        t.kind()
                    ),
                    cx.value_at(&format!("{}/{field}", Self::state_field(name))),
                    &format!("not {what}"),
                    &format!("name {what} of this spec"),
                ));
            }
        }
    }
}

/// The rules of one state the schema cannot express.
fn state_rules(cx: &Cx<'_>, name: &str, s: &State, out: &mut Vec<Diagnostic>) {
    let field = Workflow::state_field(name);
    let id = &cx.c.id;
    match s {
        State::SendEmail(x) => {
            for (text, values, key) in [
                (&x.subject, &x.subject_values, "subject"),
                (&x.body, &x.body_values, "body"),
            ] {
                let holes = placeholders(text);
                if holes != values.len() {
                    out.push(error(
                        "email-placeholders",
                        format!(
                            "the {key} of state `{name}` of workflow `{id}` has {holes} `{{}}` \
                             but {} `{key}_values`",
                            values.len()
                        ),
                        cx.value_at(&format!("{field}/{key}")),
                        "placeholders and values differ",
                        &format!("give one JSONPath in `{key}_values` per `{{}}` of the {key}"),
                    ));
                }
            }
            errors_last(cx, &field, &x.retry, &x.catch, out);
        }
        State::Invoke(x) => errors_last(cx, &field, &x.retry, &x.catch, out),
        State::Http(x) => errors_last(cx, &field, &x.retry, &x.catch, out),
        State::PutEvent(x) => errors_last(cx, &field, &x.retry, &x.catch, out),
        State::Choice(c) => {
            for (i, r) in c.choices.iter().enumerate() {
                let tests = [
                    r.string_equals.is_some(),
                    r.numeric_equals.is_some(),
                    r.numeric_greater_than.is_some(),
                    r.numeric_less_than.is_some(),
                    r.boolean_equals.is_some(),
                    r.is_present.is_some(),
                ];
                if tests.iter().filter(|t| **t).count() != 1 {
                    out.push(error(
                        "choice-rule",
                        format!(
                            "rule {i} of choice state `{name}` of workflow `{id}` needs exactly \
                             one test"
                        ),
                        cx.value_at(&format!("{field}/choices/{i}")),
                        "one test per rule",
                        "give one of `string_equals`, `numeric_equals`, `numeric_greater_than`, \
                         `numeric_less_than`, `boolean_equals`, `is_present`",
                    ));
                }
            }
        }
        State::Wait(w) => {
            if w.seconds.is_some() == w.until_path.is_some() {
                out.push(error(
                    "wait-duration",
                    format!(
                        "wait state `{name}` of workflow `{id}` needs exactly one of `seconds` \
                         and `until_path`"
                    ),
                    cx.key_at(&field),
                    "how long does it wait?",
                    "give `seconds: 60` or `until_path: $.ship_at`",
                ));
            }
        }
        State::Pass(_) | State::Succeed(_) | State::Fail(_) => {}
    }
}

/// `States.ALL` is alone in its rule and in the last rule (States Language, "Error names").
fn errors_last(
    cx: &Cx<'_>,
    field: &str,
    retry: &Option<Vec<super::Retry>>,
    catch: &[super::Catch],
    out: &mut Vec<Diagnostic>,
) {
    let retry: Vec<&Vec<String>> = retry.iter().flatten().map(|r| &r.errors).collect();
    let catch: Vec<&Vec<String>> = catch.iter().map(|c| &c.errors).collect();
    for (key, rules) in [("retry", retry), ("catch", catch)] {
        for (i, errors) in rules.iter().enumerate() {
            let has_all = errors.iter().any(|e| e == "States.ALL");
            if has_all && (errors.len() > 1 || i + 1 != rules.len()) {
                out.push(error(
                    "states-all-last",
                    format!("`States.ALL` in rule {i} of `{key}` is not alone and last"),
                    cx.value_at(&format!("{field}/{key}/{i}/errors")),
                    "States.ALL must be alone, in the last rule",
                    "move `States.ALL` into a rule of its own at the end",
                ));
            }
        }
    }
}
