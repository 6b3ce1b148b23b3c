//! The facts a schedule offers to the edge table: its dead-letter queue.

use super::{Schedule, dead_letter_queue};
use crate::iam::{FactCx, Facts, KindIam, arn};

impl KindIam for Schedule {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        vec![(
            "dlq_arn",
            vec![cx.named(arn("sqs", &dead_letter_queue(&cx.base())))],
        )]
    }
}
