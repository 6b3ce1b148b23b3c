//! The facts a data lake offers to the edge table: its bucket and its customer key.

use super::{BucketEncryption, S3DataLake};
use crate::iam::{FactCx, Facts, KindIam, bucket_arn};
use crate::naming;

impl KindIam for S3DataLake {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        vec![
            (
                "bucket_arn",
                vec![cx.named(bucket_arn(&naming::bucket_stem(
                    &cx.project.name,
                    &cx.c.id,
                    "",
                )))],
            ),
            (
                "kms_key_arn",
                match self.encryption {
                    BucketEncryption::SseKms => cx.key_arn("kms_key_arn", &self.kms_key_arn),
                    BucketEncryption::SseS3 => vec![],
                },
            ),
        ]
    }
}
