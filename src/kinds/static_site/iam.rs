//! The facts a static site offers to the edge table: its bucket.

use super::StaticSite;
use crate::iam::{FactCx, Facts, KindIam, bucket_arn};
use crate::model::Project;
use crate::naming;

impl KindIam for StaticSite {
    /// A bucket holds no identity: the distribution reading it is admitted by its policy.
    fn acts(&self, _project: &Project) -> bool {
        false
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let stem = naming::bucket_stem(&cx.project.name, &cx.c.id, "");
        vec![("bucket_arn", vec![cx.named(bucket_arn(&stem))])]
    }
}
