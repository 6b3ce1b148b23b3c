//! Checks and AWS names of a data lake bucket.

use super::{BucketEncryption, S3DataLake};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Dim, Monitor, Statistic};
use crate::naming::{self, AwsName};
use crate::semantic::{BucketFor, Cx, ExistingRef, KindRules, Shape, Usage, Use, error};

/// An existing bucket's ARN: the bucket name alone after `:::`.
const BUCKET: Shape = Shape {
    what: "S3 bucket",
    service: "s3",
    resource_type: "",
    regional: false,
    name_rule: naming::S3_BUCKET,
    by_name: true,
    example: "arn:aws:s3:::my-bucket",
};

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

    fn lifecycle_prefixes(&self, cx: &Cx<'_>) -> Vec<(String, String)> {
        self.retention
            .prefixes
            .keys()
            .map(|p| (p.clone(), cx.entry_ptr("retention/prefixes", p)))
            .collect()
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        // An existing bucket's settings are its owner's (see `existing`).
        if self.existing.is_some() {
            return;
        }
        self.check_prefix_retention(cx, out);
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

    fn existing(&self) -> Option<ExistingRef<'_>> {
        self.existing.as_ref().map(|e| ExistingRef {
            arn: e.arn.as_deref(),
            name: e.name.as_deref(),
            shape: &BUCKET,
            creation_only: &["versioning", "encryption", "retention", "force_destroy"],
        })
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

impl S3DataLake {
    /// Each prefix rule does something the bucket's own rule does not already do first, its
    /// transition comes before its expiry, and no prefix rule lies inside another.
    fn check_prefix_retention(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let r = &self.retention;
        let keys: Vec<&String> = r.prefixes.keys().collect();
        for (prefix, rule) in &r.prefixes {
            let ptr = cx.entry_ptr("retention/prefixes", prefix);
            let at = |field: &str| cx.doc.value_span(&format!("{ptr}/{field}"));
            if rule.expire_after_days.is_none() && rule.infrequent_access_after_days.is_none() {
                out.push(error(
                    "retention-empty",
                    format!("lake `{id}` has a retention rule for `{prefix}` that does nothing"),
                    cx.doc.key_span(&ptr),
                    "no expiry and no transition",
                    "set `expire_after_days` or `infrequent_access_after_days`, or remove the rule",
                ));
            }
            if let (Some(mine), Some(all)) = (rule.expire_after_days, r.expire_after_days)
                && mine > all
            {
                out.push(
                    error(
                        "retention-longer-than-bucket",
                        format!(
                            "lake `{id}` keeps `{prefix}` {mine} days, but its bucket-wide rule \
                             expires every object after {all}"
                        ),
                        at("expire_after_days"),
                        "never reached",
                        "S3 applies the earliest expiry of all matching rules: lower this, or \
                         raise (or remove) `retention.expire_after_days`",
                    )
                    .with_related(
                        cx.value_at("retention/expire_after_days"),
                        "bucket-wide expiry",
                    ),
                );
            }
            if let (Some(ia), Some(exp)) =
                (rule.infrequent_access_after_days, rule.expire_after_days)
                && exp <= ia
            {
                out.push(error(
                    "retention-order",
                    format!(
                        "lake `{id}` moves `{prefix}` to Standard-IA after {ia} days but expires \
                         it after {exp}"
                    ),
                    at("infrequent_access_after_days"),
                    "the objects are gone before this",
                    "expire later than the transition, or remove `infrequent_access_after_days`",
                ));
            }
            if let Some(outer) = keys
                .iter()
                .find(|k| k.as_str() != prefix && prefix.starts_with(k.as_str()))
            {
                out.push(
                    error(
                        "retention-nested",
                        format!(
                            "lake `{id}` has retention rules for both `{outer}` and `{prefix}`"
                        ),
                        cx.doc.key_span(&ptr),
                        "inside another rule's prefix",
                        "S3 applies the earliest action of both rules here, which is rarely what \
                         is meant: keep one rule per prefix, with prefixes that do not nest",
                    )
                    .with_related(
                        cx.doc.key_span(&cx.entry_ptr("retention/prefixes", outer)),
                        "the outer rule",
                    ),
                );
            }
        }
    }
}
