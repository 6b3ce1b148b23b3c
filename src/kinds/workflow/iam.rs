//! The facts a workflow offers to the edge table: its state machine's ARN (what the functions
//! starting it may start, and what its HTTP tasks are authorised on), whether it logs, and
//! what its `http` and `put_event` states send, each about the one API or bus it names.

use super::{LogLevel, State, Workflow};
use crate::iam::{Fact, FactCx, Facts, KindIam, arn, flag};
use crate::source::pointer_segment;

impl KindIam for Workflow {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let mut http_path = Vec::new();
        let mut http_method = Vec::new();
        let mut event_source = Vec::new();
        let mut event_detail_type = Vec::new();
        for (name, s) in &self.states {
            let state = format!("states/{}", pointer_segment(name));
            let about = |field: &str, text: &str, peer: &str| Fact {
                peer: Some(peer.to_string()),
                ..cx.field(&format!("{state}/{field}"), text)
            };
            match s {
                State::Http(x) => {
                    push_once(&mut http_path, about("path", &x.path, &x.api));
                    push_once(&mut http_method, about("method", x.method.as_str(), &x.api));
                }
                State::PutEvent(x) => {
                    push_once(&mut event_source, about("source", &x.source, &x.bus));
                    push_once(
                        &mut event_detail_type,
                        about("detail_type", &x.detail_type, &x.bus),
                    );
                }
                _ => {}
            }
        }
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
            ("http_path", http_path),
            ("http_method", http_method),
            ("event_source", event_source),
            ("event_detail_type", event_detail_type),
        ]
    }
}

/// Adds a value unless one with the same text about the same component is there.
fn push_once(values: &mut Vec<Fact>, v: Fact) {
    if !values.iter().any(|o| o.body == v.body && o.peer == v.peer) {
        values.push(v);
    }
}
