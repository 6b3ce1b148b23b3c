//! The facts a user pool offers to the edge table: its ARN.

use super::UserPool;
use crate::iam::{Fact, FactCx, Facts, KindIam};
use crate::model::Project;
use crate::semantic::KindRules;

impl KindIam for UserPool {
    /// A pool holds no role: an API checks its tokens without calling it.
    fn acts(&self, _project: &Project) -> bool {
        false
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        if let Some(e) = self.existing() {
            return vec![("user_pool_arn", vec![cx.existing_arn(&e)])];
        }
        vec![(
            "user_pool_arn",
            vec![Fact {
                body: format!(
                    "arn:${{local.partition}}:cognito-idp:${{local.region}}:${{local.account_id}}:userpool/${{module.{}.user_pool_id}}",
                    cx.c.id
                ),
                from: cx.named_from().split_off(1),
                peer: None,
            }],
        )]
    }
}
