//! The facts a Personalize component offers to the edge table: where its event tracker's
//! function logs and which trackers it may manage, and the campaign functions may ask.

use super::{Personalize, tracker_function};
use crate::iam::{FactCx, Facts, KindIam, arn, fixed};
use crate::model::Project;

/// The role of the tracker function: `<name>-<id>-tracker`.
pub const IDENTITY_SUFFIX: &str = "tracker";

impl KindIam for Personalize {
    /// Its role is the event tracker's function's: none without a tracker.
    fn acts(&self, _project: &Project) -> bool {
        self.event_tracker
    }

    fn identity_suffix(&self, _cx: &FactCx<'_>) -> &'static str {
        IDENTITY_SUFFIX
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let base = cx.base();
        let mut facts = vec![
            // A tracker's ARN ends in an id Personalize generates (`event-tracker/<id>`), so
            // the function may manage the account's trackers, and no other resource type.
            ("event_trackers", fixed(arn("personalize", "event-tracker"))),
            (
                "tracker_log_group_arn",
                vec![cx.named(arn(
                    "logs",
                    &format!("log-group:/aws/lambda/{}", tracker_function(&base)),
                ))],
            ),
        ];
        if self.campaign {
            facts.push((
                "campaign_arn",
                vec![cx.named(arn("personalize", &format!("campaign/{base}")))],
            ));
        }
        facts
    }
}
