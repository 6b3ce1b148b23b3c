//! The facts a data lake offers to the edge table: its bucket and its customer key.

use super::{BucketEncryption, S3DataLake};
use crate::iam::{FactCx, Facts, KindIam, bucket_arn};
use crate::naming;
use crate::semantic::KindRules;

impl KindIam for S3DataLake {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let (bucket, encrypted) = match self.existing() {
            // Its owner chose its encryption: a key named here is the one it uses.
            Some(e) => (cx.existing_arn(&e), true),
            None => (
                cx.named(bucket_arn(&naming::bucket_stem(
                    &cx.project.name,
                    &cx.c.id,
                    "",
                ))),
                self.encryption == BucketEncryption::SseKms,
            ),
        };
        vec![
            ("bucket_arn", vec![bucket]),
            (
                "kms_key_arn",
                if encrypted {
                    cx.key_arn("kms_key_arn", &self.kms_key_arn)
                } else {
                    vec![]
                },
            ),
        ]
    }
}
