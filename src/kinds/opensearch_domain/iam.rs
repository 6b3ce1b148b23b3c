//! The facts an OpenSearch domain offers to the edge table: its ARN.

use super::OpensearchDomain;
use crate::iam::{FactCx, Facts, KindIam, arn};
use crate::model::Project;

impl KindIam for OpensearchDomain {
    /// A domain holds no identity: its writers act on it, and its access policy admits them.
    fn acts(&self, _project: &Project) -> bool {
        false
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        vec![(
            "domain_arn",
            vec![cx.named(arn("es", &format!("domain/{}", cx.base())))],
        )]
    }
}
