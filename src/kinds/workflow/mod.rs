//! `workflow`: an AWS Step Functions state machine whose states invoke functions of the spec and
//! send email from its SES identities, started by the functions listed under `inputs`.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ID_PATTERN;
use crate::kinds::fields::*;

mod definition;

pub use definition::definition;

/// JSONPath into a state's input, e.g. `$`, `$.order`, `$.customer.email`, `$.items[0].sku`.
const JSON_PATH: &str = r"^\$(\.[A-Za-z_][A-Za-z0-9_-]*|\[[0-9]+\])*$";

/// An AWS Step Functions state machine (Standard by default). Its states run in order from
/// `start_at`; a task state's retries and error handling are part of the definition, written
/// from the spec. It acts with a role of its own that may invoke exactly the functions its
/// states name and send email from exactly the identities they name; it logs errors (without
/// the orders' data) to a log group of its own and traces executions with X-Ray.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    /// Ids of the `lambda` functions that start executions of this workflow. Each gets
    /// `states:StartExecution` on it and the variable `<WORKFLOW_ID>_STATE_MACHINE_ARN`.
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// What the workflow does (Step Functions `Comment`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
    /// Name of the state an execution starts in.
    #[schemars(length(min = 1, max = 80))]
    pub start_at: String,
    /// The states by name (1 to 80 characters), in the order written: each a task
    /// (`invoke`, `send_email`, `http`, `put_event`) or a flow state (`choice`, `wait`, `pass`, `succeed`,
    /// `fail`). Every state but `choice`, `succeed` and `fail` says where to go next with
    /// `next: <state>`, or `end: true`.
    #[schemars(length(min = 1))]
    pub states: IndexMap<String, State>,
    /// `standard` (default): exactly-once, up to a year, with execution history; `express`:
    /// at-least-once, up to 5 minutes, for high volumes.
    #[serde(default)]
    pub mode: Mode,
    /// What executions log to the workflow's log group: `error` (default: failed states and
    /// executions), `fatal` (failed executions only), `all` (every event) or `off`.
    #[serde(default)]
    pub log_level: LogLevel,
    /// Whether the log records carry each event's input and output. Default off: orders hold
    /// personal data (names, addresses), which would then sit in the logs.
    #[serde(default)]
    pub include_execution_data: bool,
    /// Days to keep the workflow's CloudWatch logs.
    #[serde(default = "default_log_retention_days")]
    #[schemars(extend("enum" = LOG_RETENTION_DAYS))]
    pub log_retention_days: u32,
}

/// Standard or Express workflow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Exactly-once execution, up to a year, with an execution history.
    #[default]
    Standard,
    /// At-least-once execution, up to 5 minutes.
    Express,
}

/// Log level of a state machine's logging configuration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LogLevel {
    /// Every execution event.
    All,
    /// Failed states and executions.
    #[default]
    Error,
    /// Failed executions only.
    Fatal,
    /// Nothing.
    Off,
}

/// One state of a workflow.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum State {
    /// A task state invoking a `lambda` of this spec (the optimised Lambda integration,
    /// `arn:aws:states:::lambda:invoke`), synchronously.
    Invoke(Invoke),
    /// A task state sending one email from an `email_identity` of this spec through its
    /// configuration set (the SESv2 `SendEmail` SDK integration). The state's input passes on
    /// unchanged.
    SendEmail(SendEmail),
    /// A task state calling an `external_api` of this spec over HTTPS (the HTTP task,
    /// `arn:aws:states:::http:invoke`) with the API's EventBridge connection, which adds its
    /// credential.
    Http(Http),
    /// A task state putting one event on an `event_bus` of this spec (the optimised
    /// EventBridge integration, `arn:aws:states:::events:putEvents`). The state's input
    /// passes on unchanged.
    PutEvent(PutEvent),
    /// Goes to the first rule's `next` whose test holds, else to `default`.
    Choice(Choice),
    /// Waits a number of seconds, or until a time the input gives.
    Wait(Wait),
    /// Passes its input on unchanged.
    Pass(Pass),
    /// Ends the execution successfully.
    Succeed(Succeed),
    /// Ends the execution as failed, with an error name and a cause.
    Fail(Fail),
}

/// Invokes a function with part of the state's input.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Invoke {
    /// Id of the `lambda` function to invoke.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub function: String,
    /// JSONPath of the part of the state's input the function receives as its event.
    /// Default: `$`, the whole input.
    #[serde(default = "default_payload")]
    #[schemars(regex(pattern = JSON_PATH))]
    pub payload: String,
    /// What the state passes on: `result` (default), what the function returned; or
    /// `input`, the state's input unchanged (the function's answer is dropped).
    #[serde(default)]
    pub output: InvokeOutput,
    /// Seconds the state waits for the function before it fails with `States.Timeout`
    /// (1 to 900, Lambda's longest run). Default: the function's own timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 900))]
    pub timeout_seconds: Option<u32>,
    /// Retries of a failed invocation, tried in order. Default: Lambda's transient errors
    /// (`Lambda.ServiceException`, `Lambda.AWSLambdaException`, `Lambda.SdkClientException`,
    /// `Lambda.TooManyRequestsException`), 3 attempts, 1 second doubling each time; `[]`
    /// retries nothing. An error the function raises itself is not retried by default: it
    /// may have stored part of the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<Vec<Retry>>,
    /// Where errors left after the retries go, tried in order. Default: none, the execution
    /// fails.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catch: Vec<Catch>,
    /// The state to go to next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Whether the execution ends after this state succeeds.
    #[serde(default)]
    pub end: bool,
    /// What the state does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

/// What an `invoke` state passes on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvokeOutput {
    /// What the function returned (its payload).
    #[default]
    Result,
    /// The state's input, unchanged.
    Input,
}

/// Sends one plain-text email.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SendEmail {
    /// Id of the `email_identity` to send from (its sender address, through its
    /// configuration set).
    #[schemars(regex(pattern = ID_PATTERN))]
    pub identity: String,
    /// JSONPath of the recipient's address in the state's input, e.g. `$.customer.email`.
    #[schemars(regex(pattern = JSON_PATH))]
    pub to: String,
    /// The subject (1 to 998 characters). Each `{}` is replaced by the value of the
    /// JSONPath at the same place in `subject_values`, e.g. `Order {} confirmed` with
    /// `[$.order_id]`.
    #[schemars(length(min = 1, max = 998))]
    pub subject: String,
    /// JSONPaths of the values of the subject's `{}`, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = JSON_PATH)))]
    pub subject_values: Vec<String>,
    /// The plain-text body (1 to 10000 characters), with `{}` placeholders like `subject`.
    #[schemars(length(min = 1, max = 10000))]
    pub body: String,
    /// JSONPaths of the values of the body's `{}`, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = JSON_PATH)))]
    pub body_values: Vec<String>,
    /// Retries of a failed send, tried in order. Default: SES throttling
    /// (`SesV2.TooManyRequestsException`), 3 attempts, 1 second doubling each time; `[]`
    /// retries nothing. A rejected message is not retried: it would be rejected again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<Vec<Retry>>,
    /// Where errors left after the retries go, tried in order. Default: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catch: Vec<Catch>,
    /// The state to go to next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Whether the execution ends after this state succeeds.
    #[serde(default)]
    pub end: bool,
    /// What the state does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

/// Calls an external API over HTTPS.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Http {
    /// Id of the `external_api` to call (its connection signs the request).
    #[schemars(regex(pattern = ID_PATTERN))]
    pub api: String,
    /// The HTTP method. The workflow's role may call this method only.
    pub method: crate::kinds::external_api::Method,
    /// The path after the API's `base_url`, e.g. `/charges`. Default: none, the base URL
    /// itself. The workflow's role may call exactly this URL.
    #[serde(default)]
    #[schemars(length(max = 2048), regex(pattern = r"^(/[^\s*?#/]+)*$"))]
    pub path: String,
    /// JSONPath of the part of the state's input sent as the JSON request body, e.g.
    /// `$.payment`. Default: no body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = JSON_PATH))]
    pub body: Option<String>,
    /// What the state passes on: `result` (default), the response body; or `input`, the
    /// state's input unchanged.
    #[serde(default)]
    pub output: InvokeOutput,
    /// Seconds the state waits for the answer before it fails with `States.Timeout` (1 to
    /// 60; an HTTP task waits 60 seconds at most). Default: 60.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 60))]
    pub timeout_seconds: Option<u32>,
    /// Retries of a failed call, tried in order. Default: the answers that say the request
    /// was not processed (`429 Too Many Requests`, `503 Service Unavailable`: errors
    /// `States.Http.StatusCode.429` and `.503`), 3 attempts, 1 second doubling each time;
    /// `[]` retries nothing. Other failures are not retried by default: a payment must not be
    /// taken twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<Vec<Retry>>,
    /// Where errors left after the retries go, tried in order. Default: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catch: Vec<Catch>,
    /// The state to go to next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Whether the execution ends after this state succeeds.
    #[serde(default)]
    pub end: bool,
    /// What the state does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

/// Puts one event on an event bus.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PutEvent {
    /// Id of the `event_bus` to put the event on.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub bus: String,
    /// The event's `source`, e.g. `shop.fulfilment`. The workflow's role may send only the
    /// sources its states name.
    #[schemars(length(min = 1, max = 256))]
    pub source: String,
    /// The event's `detail-type`, e.g. `ShipmentCreated`.
    #[schemars(length(min = 1, max = 128))]
    pub detail_type: String,
    /// JSONPath of the part of the state's input that is the event's `detail` (a JSON
    /// object), e.g. `$.shipment`.
    #[schemars(regex(pattern = JSON_PATH))]
    pub detail: String,
    /// Retries of a failed put, tried in order. Default: `EventBridge.FailedEntry` (the
    /// event was not accepted, e.g. throttled), 3 attempts, 1 second doubling each time;
    /// `[]` retries nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<Vec<Retry>>,
    /// Where errors left after the retries go, tried in order. Default: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catch: Vec<Catch>,
    /// The state to go to next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Whether the execution ends after this state succeeds.
    #[serde(default)]
    pub end: bool,
    /// What the state does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

/// One retry rule of a task state.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retry {
    /// Error names it retries, e.g. `Lambda.TooManyRequestsException`, or `States.ALL`
    /// (alone, in the last rule) for any error.
    #[schemars(length(min = 1), inner(length(min = 1, max = 256)))]
    pub errors: Vec<String>,
    /// Seconds before the first retry (1 to 86400). Default: 1.
    #[serde(default = "default_interval")]
    #[schemars(range(min = 1, max = 86400))]
    pub interval_seconds: u32,
    /// Retries at most (0 to 99). Default: 3.
    #[serde(default = "default_max_attempts")]
    #[schemars(range(min = 0, max = 99))]
    pub max_attempts: u32,
    /// Factor the interval grows by after each retry (1.0 to 10.0). Default: 2.0.
    #[serde(default = "default_backoff")]
    #[schemars(range(min = 1.0, max = 10.0))]
    pub backoff_rate: f64,
}

/// Where an error goes when the retries did not help.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catch {
    /// Error names it catches, or `States.ALL` (alone, in the last rule) for any error.
    #[schemars(length(min = 1), inner(length(min = 1, max = 256)))]
    pub errors: Vec<String>,
    /// The state to go to. Its input is the failed state's input with the error (its
    /// `Error` and `Cause`) at `$.error`.
    pub next: String,
}

/// A choice between states by the input's values.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The rules, tried in order.
    #[schemars(length(min = 1))]
    pub choices: Vec<Rule>,
    /// The state to go to when no rule holds. Without it, that execution fails with
    /// `States.NoChoiceMatched`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// What the state decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

/// One rule of a `choice` state: a test of one value of the input (give exactly one test).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// JSONPath of the value tested, e.g. `$.payment.status`.
    #[schemars(regex(pattern = JSON_PATH))]
    pub variable: String,
    /// Holds when the value is this string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub string_equals: Option<String>,
    /// Holds when the value is this number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeric_equals: Option<f64>,
    /// Holds when the value is a number greater than this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeric_greater_than: Option<f64>,
    /// Holds when the value is a number less than this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeric_less_than: Option<f64>,
    /// Holds when the value is this boolean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boolean_equals: Option<bool>,
    /// Holds when the value is present (`true`) or absent (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_present: Option<bool>,
    /// The state to go to when the test holds.
    pub next: String,
}

/// Waits, then goes on.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wait {
    /// Seconds to wait (1 to 31536000). Give `seconds` or `until_path`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 31_536_000))]
    pub seconds: Option<u32>,
    /// JSONPath of an ISO 8601 time in the input to wait until, e.g. `$.ship_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = JSON_PATH))]
    pub until_path: Option<String>,
    /// The state to go to next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Whether the execution ends after the wait.
    #[serde(default)]
    pub end: bool,
    /// Why it waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

/// Passes its input on.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pass {
    /// The state to go to next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Whether the execution ends here.
    #[serde(default)]
    pub end: bool,
    /// What the state stands for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

/// Ends the execution successfully.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Succeed {
    /// What the ending means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

/// Ends the execution as failed.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fail {
    /// The error name, e.g. `OrderRejected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 256))]
    pub error: Option<String>,
    /// A readable cause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 32768))]
    pub cause: Option<String>,
    /// What the failure means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub comment: Option<String>,
}

fn default_payload() -> String {
    "$".to_string()
}
fn default_interval() -> u32 {
    1
}
fn default_max_attempts() -> u32 {
    3
}
fn default_backoff() -> f64 {
    2.0
}

/// Lambda's transient errors, retried by default (Step Functions developer guide, "Best
/// practices: handle transient Lambda service exceptions").
pub const LAMBDA_TRANSIENT_ERRORS: [&str; 4] = [
    "Lambda.ServiceException",
    "Lambda.AWSLambdaException",
    "Lambda.SdkClientException",
    "Lambda.TooManyRequestsException",
];

/// SES throttling, retried by default: an SDK integration's errors are `<Service>.<Error>`
/// in PascalCase (Step Functions developer guide, "supported-services-awssdk").
pub const SES_TRANSIENT_ERRORS: [&str; 1] = ["SesV2.TooManyRequestsException"];

/// HTTP answers that say the request was not processed, retried by default: an HTTP task
/// fails with `States.Http.StatusCode.<code>` (Step Functions developer guide, "Call HTTPS
/// APIs": HTTP task errors).
pub const HTTP_TRANSIENT_ERRORS: [&str; 2] =
    ["States.Http.StatusCode.429", "States.Http.StatusCode.503"];

/// A put that EventBridge did not accept, retried by default: the optimised integration fails
/// with `EventBridge.FailedEntry` when the answer counts a failed entry (Step Functions
/// developer guide, "connect-eventbridge").
pub const EVENTS_TRANSIENT_ERRORS: [&str; 1] = ["EventBridge.FailedEntry"];

/// Step Functions' longest state name (Step Functions developer guide, "Step Functions
/// service quotas": names of states are 1 to 80 characters).
pub const MAX_STATE_NAME: usize = 80;

/// Step Functions' largest definition: 1 MiB of JSON (same page, "Maximum request size").
pub const MAX_DEFINITION_BYTES: usize = 1_048_576;

impl State {
    /// Where the state goes next, its `end`, its catchers: (next, end) for the states that
    /// take them; `None` for `choice`, `succeed` and `fail`.
    pub fn transition(&self) -> Option<(Option<&str>, bool)> {
        match self {
            State::Invoke(s) => Some((s.next.as_deref(), s.end)),
            State::SendEmail(s) => Some((s.next.as_deref(), s.end)),
            State::Http(s) => Some((s.next.as_deref(), s.end)),
            State::PutEvent(s) => Some((s.next.as_deref(), s.end)),
            State::Wait(s) => Some((s.next.as_deref(), s.end)),
            State::Pass(s) => Some((s.next.as_deref(), s.end)),
            State::Choice(_) | State::Succeed(_) | State::Fail(_) => None,
        }
    }

    /// The component a task state names, with its field: (`function`, id) and the like;
    /// `None` for a state that names none.
    pub fn target(&self) -> Option<(&'static str, &str)> {
        match self {
            State::Invoke(x) => Some(("function", x.function.as_str())),
            State::SendEmail(x) => Some(("identity", x.identity.as_str())),
            State::Http(x) => Some(("api", x.api.as_str())),
            State::PutEvent(x) => Some(("bus", x.bus.as_str())),
            _ => None,
        }
    }

    /// Every state name this one may go to, with the field (below the state) naming it.
    pub fn successors(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        if let Some((Some(next), _)) = self.transition() {
            out.push(("next".to_string(), next));
        }
        let catch = match self {
            State::Invoke(s) => &s.catch[..],
            State::SendEmail(s) => &s.catch[..],
            State::Http(s) => &s.catch[..],
            State::PutEvent(s) => &s.catch[..],
            _ => &[],
        };
        for (i, c) in catch.iter().enumerate() {
            out.push((format!("catch/{i}/next"), c.next.as_str()));
        }
        if let State::Choice(c) = self {
            for (i, r) in c.choices.iter().enumerate() {
                out.push((format!("choices/{i}/next"), r.next.as_str()));
            }
            if let Some(d) = &c.default {
                out.push(("default".to_string(), d.as_str()));
            }
        }
        out
    }
}

/// The state machine's log group: `/aws/vendedlogs/states/<name>`, the prefix AWS recommends
/// for vended logs (it keeps CloudWatch Logs' resource policy short).
pub fn log_group(base: &str) -> String {
    format!("/aws/vendedlogs/states/{base}")
}

mod check;
mod iam;
mod render;
