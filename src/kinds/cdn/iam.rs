//! The facts a distribution offers to the edge table: its ARN, for the conditions that hold
//! what its origins admit to exactly this distribution.

use super::Cdn;
use crate::iam::{Fact, FactCx, Facts, KindIam};
use crate::model::Project;

impl KindIam for Cdn {
    /// A distribution holds no role: its origins admit it by their resource policies.
    fn acts(&self, _project: &Project) -> bool {
        false
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        // Known once the distribution exists: its id comes from the module, which names the
        // component id only.
        vec![(
            "distribution_arn",
            vec![Fact {
                body: format!(
                    "arn:${{local.partition}}:cloudfront::${{local.account_id}}:distribution/${{module.{}.distribution_id}}",
                    cx.c.id
                ),
                from: cx.named_from().split_off(1),
                peer: None,
            }],
        )]
    }
}
