//! `schedule`: an EventBridge Scheduler schedule that starts another component of the spec: a
//! function invoked with a fixed event, a Glue job run, or a saved Athena query run.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ID_PATTERN;
use crate::kinds::fields::*;

/// An EventBridge Scheduler schedule. It starts its `target` with a role of its own that may
/// start exactly that target (and, for a query, read what the query reads and write its
/// results); an invocation that still fails after its retries goes to an encrypted dead-letter
/// queue instead of being dropped.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Id of the component it starts: a `lambda` (invoked asynchronously with `input` as its
    /// event), a `glue_job` (a job run) or an `athena` workgroup (the saved query `query`).
    #[schemars(regex(pattern = ID_PATTERN))]
    pub target: String,
    /// With an `athena` target: the key of the saved query (`named_queries`) to run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub query: Option<String>,
    /// With a `lambda` target: the event the function receives, a JSON object (at most 8192
    /// characters as JSON, Scheduler's limit). Default: `{}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<IndexMap<String, serde_json::Value>>,
    /// When to start it: `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, e.g.
    /// `cron(0 6 * * ? *)`; `rate(N unit)`, e.g. `rate(1 hour)`; or once,
    /// `at(yyyy-mm-ddThh:mm:ss)`.
    #[schemars(length(min = 1, max = 256))]
    pub expression: String,
    /// The IANA time zone `cron` and `at` expressions are read in, e.g. `Europe/Paris`.
    /// Default: `UTC`.
    #[serde(default = "default_timezone")]
    #[schemars(
        length(min = 1, max = 50),
        regex(pattern = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")
    )]
    pub timezone: String,
    /// What the schedule is for (up to 512 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 512))]
    pub description: Option<String>,
    /// Whether the schedule fires. Default: on.
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// Minutes after the scheduled time within which Scheduler may start the target, to
    /// spread load (0 to 1440). Default: 0, start on time.
    #[serde(default)]
    #[schemars(range(min = 0, max = 1440))]
    pub flexible_window_minutes: u32,
    /// Retries of a failed start (0 to 185). Default: 3; each retry starts the target again,
    /// so a job or query that partly ran may run twice.
    #[serde(default = "default_retry_attempts")]
    #[schemars(range(min = 0, max = 185))]
    pub retry_attempts: u32,
    /// Seconds Scheduler keeps retrying an invocation before it goes to the dead-letter queue
    /// (60 to 86400). Default: 3600, so a start that cannot happen within the hour is kept
    /// for a person to look at.
    #[serde(default = "default_max_event_age")]
    #[schemars(range(min = 60, max = 86400))]
    pub max_event_age_seconds: u32,
}

fn default_timezone() -> String {
    "UTC".to_string()
}
fn default_retry_attempts() -> u32 {
    3
}
fn default_max_event_age() -> u32 {
    3600
}

/// The most characters of input Scheduler takes for a target.
pub const MAX_INPUT_CHARS: usize = 8192;

/// Days the dead-letter queue keeps a failed invocation: SQS's longest, 14.
pub const DEAD_LETTER_RETENTION_SECONDS: u32 = 1_209_600;

impl Schedule {
    /// The event of a function target as JSON (`{}` when none is given).
    pub fn input_json(&self) -> String {
        match &self.input {
            Some(m) => serde_json::to_string(m).expect("JSON values serialise"),
            None => "{}".to_string(),
        }
    }
}

/// The dead-letter queue's name: `<project>-<id>-dead-letters`.
pub fn dead_letter_queue(base: &str) -> String {
    format!("{base}-dead-letters")
}

mod check;
mod iam;
mod render;
