//! Checks and AWS names of a Kinesis stream.

use super::{KinesisStream, StreamEncryption, StreamMode};
use crate::diagnostic::Diagnostic;
use crate::model::ComponentId;
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, Usage, Use, error};

/// Kinesis stream names.
const STREAM_NAME: Rule = Rule::new(128, Charset::WordDotDash);

impl KindRules for KinesisStream {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        match (self.mode, self.shards) {
            (StreamMode::Provisioned, None) => out.push(error(
                "missing-shards",
                format!("stream `{id}` is provisioned but has no `shards`"),
                cx.value_at("mode"),
                "provisioned needs a shard count",
                "add `shards: 1` (or more), or use `mode: on_demand`",
            )),
            (StreamMode::OnDemand, Some(_)) => out.push(error(
                "shards-on-demand",
                format!("stream `{id}` sets `shards` in on-demand mode"),
                cx.key_at("shards"),
                "on-demand streams size themselves",
                "remove `shards`, or set `mode: provisioned`",
            )),
            _ => {}
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::new(
            "Kinesis stream",
            naming::base(project, id),
            STREAM_NAME,
        )]
    }

    fn kms_keys(&self) -> Vec<(&'static str, &str)> {
        match (self.encryption, &self.kms_key) {
            (StreamEncryption::Kms, Some(key)) => vec![("kms_key", key.as_str())],
            _ => Vec::new(),
        }
    }

    fn usage(&self) -> Vec<Use> {
        vec![match self.mode {
            StreamMode::Provisioned => Use {
                usage: Usage::KinesisShards,
                amount: u64::from(self.shards.unwrap_or(0)),
                field: Some("shards"),
            },
            StreamMode::OnDemand => Use::one(Usage::KinesisOnDemandStreams),
        }]
    }
}
