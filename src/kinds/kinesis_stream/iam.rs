//! The facts a Kinesis stream offers to the edge table: its ARN and its customer key.

use super::{KinesisStream, StreamEncryption};
use crate::iam::{FactCx, Facts, KindIam, arn};

impl KindIam for KinesisStream {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        vec![
            (
                "stream_arn",
                vec![cx.named(arn("kinesis", &format!("stream/{}", cx.base())))],
            ),
            (
                "kms_key_arn",
                match self.encryption {
                    StreamEncryption::Kms => cx.key_arn("kms_key", &self.kms_key),
                    StreamEncryption::None => vec![],
                },
            ),
        ]
    }
}
