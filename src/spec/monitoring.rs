//! The `monitoring:` section of a spec: the dashboard, the alarms and who they notify.
//!
//! Every type here is inlined into the schema (`#[schemars(inline)]`): the schema stage checks
//! the top level with the definitions left out (see `src/schema/validators.rs`).

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ID_PATTERN;

/// What pipelinec watches. By default every spec gets a CloudWatch dashboard with a row per
/// component and the alarms each kind defines (iterator age of every stream consumer, Firehose
/// delivery freshness and success, Lambda errors and throttles, failed Glue tasks, Athena data
/// scanned), sent to an SNS topic encrypted with a key of its own.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline)]
pub struct Monitoring {
    /// Render the CloudWatch dashboard (default `true`).
    #[serde(default = "yes")]
    pub dashboard: bool,
    /// Render the alarms, their SNS topic and its KMS key (default `true`).
    #[serde(default = "yes")]
    pub alarms: bool,
    /// Who the alarms notify: `{ email: ops@example.com }` (AWS mails a confirmation link
    /// first) or `{ https: https://hooks.example.com/alarms }` (the endpoint must confirm the
    /// subscription). Without any, subscribe to the `alarm_topic_arn` output yourself.
    #[serde(default)]
    pub notify: Vec<Subscription>,
    /// Per component, by id: changes to the alarms its kind defines.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub components: IndexMap<String, ComponentMonitoring>,
}

impl Default for Monitoring {
    fn default() -> Monitoring {
        Monitoring {
            dashboard: true,
            alarms: true,
            notify: Vec::new(),
            components: IndexMap::new(),
        }
    }
}

fn yes() -> bool {
    true
}

/// One subscription of the alarm topic: exactly one of `email` or `https`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline, extend("minProperties" = 1, "maxProperties" = 1))]
pub struct Subscription {
    /// An email address (`name@example.com`) that receives every alarm and recovery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        length(min = 3, max = 254),
        regex(pattern = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
    )]
    pub email: Option<String>,
    /// An `https://` URL that receives every alarm and recovery as an SNS notification (JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        length(min = 9, max = 2048),
        regex(pattern = r"^https://[^\s/?#@]+(/\S*)?$")
    )]
    pub https: Option<String>,
}

impl Subscription {
    /// (SNS protocol, endpoint).
    pub fn endpoint(&self) -> (&'static str, &str) {
        match (&self.email, &self.https) {
            (Some(e), _) => ("email", e),
            (None, Some(u)) => ("https", u),
            (None, None) => ("email", ""),
        }
    }
}

/// Monitoring settings of one component.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline)]
pub struct ComponentMonitoring {
    /// Changes to this component's default alarms, by alarm name (`errors`, `iterator_age`,
    /// …; the README lists each kind's).
    #[serde(default)]
    pub alarms: IndexMap<String, AlarmSettings>,
}

/// Changes to one default alarm. Unset values keep the kind's default.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline)]
pub struct AlarmSettings {
    /// `false` removes this alarm (its metric stays on the dashboard).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The value the metric is compared with, in the metric's unit (milliseconds for iterator
    /// ages, seconds for freshness, bytes for data scanned, a count otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 1e15))]
    pub threshold: Option<f64>,
    /// How many of the latest periods are evaluated (1 to 1440; the window, periods times the
    /// metric's period, may not exceed one day, or seven for hourly and daily metrics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1440))]
    pub evaluation_periods: Option<u32>,
    /// How many of those periods must breach to alarm (1 to `evaluation_periods`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1440))]
    pub datapoints_to_alarm: Option<u32>,
}
