//! Checks and AWS names of a data lake bucket.

use super::{BucketEncryption, S3DataLake};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Dim, Monitor, Statistic};
use crate::naming::{self, AwsName};
use crate::semantic::{BucketFor, Cx, KindRules, Usage, Use, error};

impl KindRules for S3DataLake {
    /// The lake's size and object count: S3's daily storage metrics, shown only:
    /// <https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html>.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let bucket = |storage: &'static str| {
            vec![
                ("BucketName", Dim::of(c.id.as_str(), "bucket")),
                ("StorageType", Dim::Fixed(storage)),
            ]
        };
        vec![
            Monitor::new(
                "size",
                "size (bytes, daily)",
                ("AWS/S3", "BucketSizeBytes"),
                bucket("StandardStorage"),
                Statistic::Average,
            )
            .every(86_400),
            Monitor::new(
                "objects",
                "objects (daily)",
                ("AWS/S3", "NumberOfObjects"),
                bucket("AllStorageTypes"),
                Statistic::Average,
            )
            .every(86_400),
        ]
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        if self.kms_key_arn.is_some() && self.encryption != BucketEncryption::SseKms {
            out.push(error(
                "kms-key-unused",
                format!("data lake `{id}` names a KMS key but uses `sse_s3`"),
                cx.key_at("kms_key_arn"),
                "ignored with sse_s3",
                "set `encryption: sse_kms`, or remove `kms_key_arn`",
            ));
        }
        if let (Some(ia), Some(exp)) = (
            self.retention.infrequent_access_after_days,
            self.retention.expire_after_days,
        ) && exp <= ia
        {
            out.push(error(
                "retention-order",
                format!(
                    "objects in `{id}` expire after {exp} days, before moving to Standard-IA after {ia}"
                ),
                cx.value_at("retention/expire_after_days"),
                "expires too early",
                "make `expire_after_days` larger than `infrequent_access_after_days`",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::bucket(naming::bucket_stem(project, id, ""))]
    }

    fn kms_keys(&self) -> Vec<(&'static str, &str)> {
        self.kms_key_arn
            .iter()
            .map(|k| ("kms_key_arn", k.as_str()))
            .collect()
    }

    fn holds_objects(&self) -> bool {
        true
    }

    fn usage(&self) -> Vec<Use> {
        vec![Use::one(Usage::Buckets(BucketFor::DataLake))]
    }
}
