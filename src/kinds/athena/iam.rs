//! The facts an Athena workgroup offers to the edge table: the workgroup, the data catalog and
//! its results bucket.

use super::{Athena, IDENTITY_SUFFIX};
use crate::iam::{FactCx, Facts, KindIam, arn, bucket_arn, fixed};
use crate::naming;

impl KindIam for Athena {
    fn identity_suffix(&self) -> &'static str {
        IDENTITY_SUFFIX
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        vec![
            (
                "workgroup_arn",
                vec![cx.named(arn("athena", &format!("workgroup/{}", cx.base())))],
            ),
            (
                "datacatalog_arn",
                fixed(arn("athena", "datacatalog/AwsDataCatalog")),
            ),
            (
                "results_bucket_arn",
                vec![cx.named(bucket_arn(&naming::bucket_stem(
                    &cx.project.name,
                    &cx.c.id,
                    "results",
                )))],
            ),
        ]
    }
}
