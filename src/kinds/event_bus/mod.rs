//! `event_bus`: an EventBridge event bus whose rules deliver matching events to external APIs
//! (API destinations), with a role EventBridge assumes for that and a dead-letter queue for
//! the deliveries that fail every retry.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ID_PATTERN;

/// An Amazon EventBridge event bus of its own (not the account's default bus). Workflows put
/// events on it with `put_event` states; each of its `rules` matches events by `source` and
/// `detail_type` and delivers them to an `external_api` that has `deliver` (its API
/// destination), with a role that may invoke exactly those destinations. A delivery that still
/// fails after its retries is kept in the bus's dead-letter queue (encrypted, 14 days), which
/// admits EventBridge for exactly these rules.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventBus {
    /// What the bus carries (the description of its rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 512))]
    pub description: Option<String>,
    /// The rules by id (`a-z`, digits, `_`), each delivering the events it matches to one
    /// external API.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub rules: IndexMap<String, BusRule>,
}

/// One rule: which events it matches, and the external API it delivers them to.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusRule {
    /// The `source` the events must have, e.g. `shop.fulfilment`.
    #[schemars(length(min = 1, max = 256))]
    pub source: String,
    /// The `detail-type` the events must have, e.g. `ShipmentCreated`.
    #[schemars(length(min = 1, max = 128))]
    pub detail_type: String,
    /// Id of the `external_api` (with `deliver`) the matching events are delivered to.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub target: String,
    /// Retries of a failed delivery (0 to 185). Default: 185, EventBridge's own.
    #[serde(default = "default_retries")]
    #[schemars(range(min = 0, max = 185))]
    pub retry_attempts: u32,
    /// Seconds an event is retried for at most (60 to 86400). Default: 86400 (a day).
    #[serde(default = "default_max_age")]
    #[schemars(range(min = 60, max = 86400))]
    pub max_event_age_seconds: u32,
}

fn default_retries() -> u32 {
    185
}
fn default_max_age() -> u32 {
    86_400
}

/// Seconds the dead-letter queue keeps a failed delivery: 14 days, SQS's longest.
pub const DEAD_LETTER_RETENTION_SECONDS: u32 = 1_209_600;

/// The dead-letter queue's name: `<project>-<id>-dead-letters`.
pub fn dead_letter_queue(base: &str) -> String {
    format!("{base}-dead-letters")
}

/// A rule's name: `<project>-<id>-<rule>`.
pub fn rule_name(base: &str, rule: &str) -> String {
    format!("{base}-{}", rule.replace('_', "-"))
}

mod check;
mod iam;
mod render;
