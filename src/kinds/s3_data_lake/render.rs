//! The module call of a data lake bucket.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{BucketEncryption, S3DataLake};
use crate::render::values::{obj, tmpl};
use crate::render::{KindRender, RenderCx};
use crate::semantic::KindRules;

impl KindRender for S3DataLake {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.output(
            "bucket",
            "bucket",
            format!("Name of the `{id}` data-lake bucket"),
        );
        if let Some(e) = self.existing() {
            cx.set("arn", tmpl(e.arn_template()));
            cx.set("bucket", e.resource_name().unwrap_or_default());
            return;
        }
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
        cx.set(
            "prefix_rules",
            Value::from(
                r.prefixes
                    .iter()
                    .map(|(prefix, rule)| {
                        obj(BTreeMap::from([
                            ("prefix", Value::from(prefix.as_str())),
                            ("expire_after_days", Value::from(rule.expire_after_days)),
                            (
                                "infrequent_access_after_days",
                                Value::from(rule.infrequent_access_after_days),
                            ),
                        ]))
                    })
                    .collect::<Vec<_>>(),
            ),
        );
    }

    fn shared_modules(&self) -> &'static [&'static str] {
        &["s3_bucket"]
    }
}
