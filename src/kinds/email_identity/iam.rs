//! The facts an SES identity offers to the edge table: the identity's and its configuration
//! set's ARNs, and the one sender address a workflow may send from.

use super::{EmailIdentity, configuration_set};
use crate::iam::{FactCx, Facts, KindIam, arn};
use crate::model::Project;

impl KindIam for EmailIdentity {
    /// An identity holds no role: the workflows sending from it act on it.
    fn acts(&self, _project: &Project) -> bool {
        false
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let (field, text) = match (&self.domain, &self.email) {
            (Some(d), _) => ("domain", d.as_str()),
            (None, Some(e)) => ("email", e.as_str()),
            (None, None) => ("domain", ""),
        };
        let identity = cx.field(field, text);
        let sender = match (&self.email, &self.from_address) {
            (Some(e), _) => cx.field("email", e),
            (None, Some(f)) => cx.field("from_address", f),
            (None, None) => cx.field("domain", &self.sender()),
        };
        vec![
            (
                "identity_arn",
                vec![crate::iam::Fact {
                    body: arn("ses", &format!("identity/{}", identity.body)),
                    from: identity.from,
                    peer: None,
                }],
            ),
            (
                "configuration_set_arn",
                vec![cx.named(arn(
                    "ses",
                    &format!("configuration-set/{}", configuration_set(&cx.base())),
                ))],
            ),
            ("sender", vec![sender]),
        ]
    }
}
