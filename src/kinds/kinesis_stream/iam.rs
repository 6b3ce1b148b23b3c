//! The facts a Kinesis stream offers to the edge table: its ARN and its customer key.

use super::{KinesisStream, StreamEncryption};
use crate::iam::{FactCx, Facts, KindIam, arn};
use crate::semantic::KindRules;

impl KindIam for KinesisStream {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let (stream, encrypted) = match self.existing() {
            // Its owner chose its encryption: a key named here is the one it uses.
            Some(e) => (cx.existing_arn(&e), true),
            None => (
                cx.named(arn("kinesis", &format!("stream/{}", cx.base()))),
                self.encryption == StreamEncryption::Kms,
            ),
        };
        vec![
            ("stream_arn", vec![stream]),
            (
                "kms_key_arn",
                if encrypted {
                    cx.key_arn("kms_key", &self.kms_key)
                } else {
                    vec![]
                },
            ),
        ]
    }
}
