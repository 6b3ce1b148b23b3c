//! The module call of a data lake bucket.

use minijinja::Value;

use super::{BucketEncryption, S3DataLake};
use crate::render::{KindRender, RenderCx};

impl KindRender for S3DataLake {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("bucket_name", cx.bucket_name(""));
        cx.set("versioning", self.versioning);
        cx.set(
            "sse_algorithm",
            match self.encryption {
                BucketEncryption::SseS3 => "AES256",
                BucketEncryption::SseKms => "aws:kms",
            },
        );
        cx.set("kms_key_arn", Value::from(self.kms_key_arn.clone()));
        let r = &self.retention;
        cx.set("expire_after_days", Value::from(r.expire_after_days));
        cx.set(
            "infrequent_access_after_days",
            Value::from(r.infrequent_access_after_days),
        );
        cx.set(
            "noncurrent_expire_after_days",
            r.noncurrent_expire_after_days,
        );
        cx.set("force_destroy", self.force_destroy);
        cx.output(
            "bucket",
            "bucket",
            format!("Name of the `{id}` data-lake bucket"),
        );
    }

    fn shared_modules(&self) -> &'static [&'static str] {
        &["s3_bucket"]
    }
}
