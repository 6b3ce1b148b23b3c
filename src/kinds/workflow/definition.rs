//! The Amazon States Language definition of a workflow, built as JSON (keys in a fixed order,
//! states in spec order) and printed as one HCL template string: every spec string is escaped
//! (`${` and `%{` included), and only the references pipelinec adds (a function's ARN, an
//! identity's sender, the partition) become `${…}` interpolations.

use serde_json::{Map, Value, json};

use super::{
    Choice, EVENTS_TRANSIENT_ERRORS, HTTP_TRANSIENT_ERRORS, Http, InvokeOutput,
    LAMBDA_TRANSIENT_ERRORS, PutEvent, Retry, SES_TRANSIENT_ERRORS, SendEmail, State, Workflow,
};
use crate::hcl::template_literal;

/// A definition ready for a template: the HCL template string body, and the size in bytes
/// the JSON will have once Terraform fills in the references (estimated, see [`ARN_BYTES`]).
pub struct Definition {
    pub hcl_body: String,
    pub json_bytes: usize,
}

/// What a reference pipelinec adds is counted as, for the size check: an ARN's longest usual
/// length.
const ARN_BYTES: usize = 160;

/// Collects the HCL references of a definition while it is built, each printed as a marker
/// that no spec text contains.
struct Refs {
    marker: String,
    exprs: Vec<String>,
}

impl Refs {
    fn add(&mut self, expr: &str) -> String {
        self.exprs.push(expr.to_string());
        format!("{}{};", self.marker, self.exprs.len() - 1)
    }
}

/// The definition of `w`.
pub fn definition(w: &Workflow) -> Definition {
    // A marker the spec's text does not hold: longer until the JSON holds it exactly once per
    // reference.
    let mut hashes = 1;
    loop {
        let mut refs = Refs {
            marker: format!("#pipelinec-ref{}", "#".repeat(hashes)),
            exprs: Vec::new(),
        };
        let json = serde_json::to_string(&build(w, &mut refs)).expect("JSON values serialise");
        if json.matches(&refs.marker).count() != refs.exprs.len() {
            hashes += 1;
            continue;
        }
        let mut body = template_literal(&json);
        let mut json_bytes = json.len();
        for (i, e) in refs.exprs.iter().enumerate().rev() {
            let token = format!("{}{i};", refs.marker);
            json_bytes = json_bytes - token.len() + ARN_BYTES;
            body = body.replace(&token, &format!("${{{e}}}"));
        }
        return Definition {
            hcl_body: body,
            json_bytes,
        };
    }
}

fn build(w: &Workflow, refs: &mut Refs) -> Value {
    let mut top = Map::new();
    if let Some(c) = &w.comment {
        top.insert("Comment".into(), json!(c));
    }
    top.insert("StartAt".into(), json!(w.start_at));
    let states: Map<String, Value> = w
        .states
        .iter()
        .map(|(name, s)| (name.clone(), state(s, refs)))
        .collect();
    top.insert("States".into(), Value::Object(states));
    Value::Object(top)
}

fn state(s: &State, refs: &mut Refs) -> Value {
    let mut m = Map::new();
    let comment = match s {
        State::Invoke(x) => &x.comment,
        State::SendEmail(x) => &x.comment,
        State::Http(x) => &x.comment,
        State::PutEvent(x) => &x.comment,
        State::Choice(x) => &x.comment,
        State::Wait(x) => &x.comment,
        State::Pass(x) => &x.comment,
        State::Succeed(x) => &x.comment,
        State::Fail(x) => &x.comment,
    };
    let kind = match s {
        State::Invoke(_) | State::SendEmail(_) | State::Http(_) | State::PutEvent(_) => "Task",
        State::Choice(_) => "Choice",
        State::Wait(_) => "Wait",
        State::Pass(_) => "Pass",
        State::Succeed(_) => "Succeed",
        State::Fail(_) => "Fail",
    };
    m.insert("Type".into(), json!(kind));
    if let Some(c) = comment {
        m.insert("Comment".into(), json!(c));
    }
    match s {
        State::Invoke(x) => {
            let resource = format!("arn:{}:states:::lambda:invoke", refs.add("local.partition"));
            m.insert("Resource".into(), json!(resource));
            m.insert(
                "Parameters".into(),
                json!({
                    "FunctionName": refs.add(&format!("module.{}.arn", x.function)),
                    "Payload.$": x.payload,
                }),
            );
            match x.output {
                InvokeOutput::Result => m.insert("OutputPath".into(), json!("$.Payload")),
                InvokeOutput::Input => m.insert("ResultPath".into(), Value::Null),
            };
            if let Some(t) = x.timeout_seconds {
                m.insert("TimeoutSeconds".into(), json!(t));
            }
            task_errors(&mut m, &x.retry, &LAMBDA_TRANSIENT_ERRORS, &x.catch);
        }
        State::SendEmail(x) => {
            send_email(&mut m, x, refs);
            task_errors(&mut m, &x.retry, &SES_TRANSIENT_ERRORS, &x.catch);
        }
        State::Http(x) => {
            http(&mut m, x, refs);
            task_errors(&mut m, &x.retry, &HTTP_TRANSIENT_ERRORS, &x.catch);
        }
        State::PutEvent(x) => {
            put_event(&mut m, x, refs);
            task_errors(&mut m, &x.retry, &EVENTS_TRANSIENT_ERRORS, &x.catch);
        }
        State::Choice(x) => choice(&mut m, x),
        State::Wait(x) => {
            if let Some(n) = x.seconds {
                m.insert("Seconds".into(), json!(n));
            }
            if let Some(p) = &x.until_path {
                m.insert("TimestampPath".into(), json!(p));
            }
        }
        State::Fail(x) => {
            if let Some(e) = &x.error {
                m.insert("Error".into(), json!(e));
            }
            if let Some(c) = &x.cause {
                m.insert("Cause".into(), json!(c));
            }
        }
        State::Pass(_) | State::Succeed(_) => {}
    }
    if let Some((next, end)) = s.transition() {
        if let Some(n) = next {
            m.insert("Next".into(), json!(n));
        }
        if end {
            m.insert("End".into(), json!(true));
        }
    }
    Value::Object(m)
}

/// SESv2 `SendEmail` through the SDK integration: from the identity's sender, through its
/// configuration set, to the one address the input holds; the state's input passes on.
fn send_email(m: &mut Map<String, Value>, x: &SendEmail, refs: &mut Refs) {
    let resource = format!(
        "arn:{}:states:::aws-sdk:sesv2:sendEmail",
        refs.add("local.partition")
    );
    m.insert("Resource".into(), json!(resource));
    m.insert(
        "Parameters".into(),
        json!({
            "FromEmailAddress": refs.add(&format!("module.{}.sender", x.identity)),
            "ConfigurationSetName": refs.add(&format!("module.{}.configuration_set_name", x.identity)),
            "Destination": { "ToAddresses.$": format!("States.Array({})", x.to) },
            "Content": {
                "Simple": {
                    "Subject": text(&x.subject, &x.subject_values),
                    "Body": { "Text": text(&x.body, &x.body_values) },
                }
            },
        }),
    );
    m.insert("ResultPath".into(), Value::Null);
}

/// The HTTP task: the API's base URL (its module's output) and the path, the method, the
/// connection that signs the request, and the body from the input as JSON.
fn http(m: &mut Map<String, Value>, x: &Http, refs: &mut Refs) {
    let resource = format!("arn:{}:states:::http:invoke", refs.add("local.partition"));
    m.insert("Resource".into(), json!(resource));
    let mut p = Map::new();
    p.insert(
        "ApiEndpoint".into(),
        json!(format!(
            "{}{}",
            refs.add(&format!("module.{}.base_url", x.api)),
            x.path
        )),
    );
    p.insert("Method".into(), json!(x.method.as_str()));
    p.insert(
        "Authentication".into(),
        json!({ "ConnectionArn": refs.add(&format!("module.{}.connection_arn", x.api)) }),
    );
    if let Some(b) = &x.body {
        p.insert("RequestBody.$".into(), json!(b));
        p.insert(
            "Headers".into(),
            json!({ "Content-Type": "application/json" }),
        );
    }
    m.insert("Parameters".into(), Value::Object(p));
    match x.output {
        InvokeOutput::Result => m.insert("OutputPath".into(), json!("$.ResponseBody")),
        InvokeOutput::Input => m.insert("ResultPath".into(), Value::Null),
    };
    if let Some(t) = x.timeout_seconds {
        m.insert("TimeoutSeconds".into(), json!(t));
    }
}

/// The optimised EventBridge integration: one entry on the bus (its ARN), with the state's
/// source and detail type and the detail from the input; the input passes on.
fn put_event(m: &mut Map<String, Value>, x: &PutEvent, refs: &mut Refs) {
    let resource = format!(
        "arn:{}:states:::events:putEvents",
        refs.add("local.partition")
    );
    m.insert("Resource".into(), json!(resource));
    m.insert(
        "Parameters".into(),
        json!({
            "Entries": [{
                "EventBusName": refs.add(&format!("module.{}.arn", x.bus)),
                "Source": x.source,
                "DetailType": x.detail_type,
                "Detail.$": x.detail,
            }]
        }),
    );
    m.insert("ResultPath".into(), Value::Null);
}

/// An SES `Content` with its charset: the text as it is, or `States.Format` filling its `{}`
/// with the values at the given paths.
fn text(template: &str, values: &[String]) -> Value {
    if values.is_empty() {
        return json!({ "Data": template, "Charset": "UTF-8" });
    }
    let mut args = vec![format!("'{}'", format_literal(template))];
    args.extend(values.iter().cloned());
    json!({ "Data.$": format!("States.Format({})", args.join(", ")), "Charset": "UTF-8" })
}

/// A `States.Format` template as an intrinsic string literal: `'`, `\`, and braces that are not
/// a `{}` placeholder, escaped with `\` (States Language, "Intrinsic functions": reserved
/// characters).
pub fn format_literal(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push_str("{}");
            }
            '\'' | '\\' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The number of `{}` placeholders of a template.
pub fn placeholders(template: &str) -> usize {
    template.matches("{}").count()
}

fn choice(m: &mut Map<String, Value>, x: &Choice) {
    let rules: Vec<Value> = x
        .choices
        .iter()
        .map(|r| {
            let mut o = Map::new();
            o.insert("Variable".into(), json!(r.variable));
            if let Some(v) = &r.string_equals {
                o.insert("StringEquals".into(), json!(v));
            }
            if let Some(v) = r.numeric_equals {
                o.insert("NumericEquals".into(), json!(v));
            }
            if let Some(v) = r.numeric_greater_than {
                o.insert("NumericGreaterThan".into(), json!(v));
            }
            if let Some(v) = r.numeric_less_than {
                o.insert("NumericLessThan".into(), json!(v));
            }
            if let Some(v) = r.boolean_equals {
                o.insert("BooleanEquals".into(), json!(v));
            }
            if let Some(v) = r.is_present {
                o.insert("IsPresent".into(), json!(v));
            }
            o.insert("Next".into(), json!(r.next));
            Value::Object(o)
        })
        .collect();
    m.insert("Choices".into(), Value::Array(rules));
    if let Some(d) = &x.default {
        m.insert("Default".into(), json!(d));
    }
}

/// A task's `Retry` (the spec's, or the integration's transient errors) and `Catch` (the
/// error at `$.error`, so the handler still has the input).
fn task_errors(
    m: &mut Map<String, Value>,
    retry: &Option<Vec<Retry>>,
    transient: &[&str],
    catch: &[super::Catch],
) {
    let default = [Retry {
        errors: transient.iter().map(|e| e.to_string()).collect(),
        interval_seconds: super::default_interval(),
        max_attempts: super::default_max_attempts(),
        backoff_rate: super::default_backoff(),
    }];
    let retry = retry.as_deref().unwrap_or(&default);
    if !retry.is_empty() {
        let rules: Vec<Value> = retry
            .iter()
            .map(|r| {
                json!({
                    "ErrorEquals": r.errors,
                    "IntervalSeconds": r.interval_seconds,
                    "MaxAttempts": r.max_attempts,
                    "BackoffRate": r.backoff_rate,
                })
            })
            .collect();
        m.insert("Retry".into(), Value::Array(rules));
    }
    if !catch.is_empty() {
        let rules: Vec<Value> = catch
            .iter()
            .map(|c| json!({ "ErrorEquals": c.errors, "Next": c.next, "ResultPath": "$.error" }))
            .collect();
        m.insert("Catch".into(), Value::Array(rules));
    }
}
