//! The facts a workflow offers to the edge table: its state machine's ARN (what the functions
//! starting it may start) and whether it logs.

use super::{LogLevel, Workflow};
use crate::iam::{FactCx, Facts, KindIam, arn, flag};

impl KindIam for Workflow {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        vec![
            (
                "state_machine_arn",
                vec![cx.named(arn("states", &format!("stateMachine:{}", cx.base())))],
            ),
            (
                "executions",
                vec![cx.named(arn("states", &format!("execution:{}", cx.base())))],
            ),
            ("logging", flag(self.log_level != LogLevel::Off)),
        ]
    }
}
