//! The facts a Flink application offers to the edge table: its output prefix, its code object
//! and its log group and stream.

use super::{FlinkApplication, LOG_STREAM, code_key, log_group};
use crate::hcl::template_literal as lit;
use crate::iam::{FactCx, Facts, KindIam, arn, bucket_arn};
use crate::naming;

impl KindIam for FlinkApplication {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let (p, id) = (&cx.project.name, &cx.c.id);
        let group = arn(
            "logs",
            &format!("log-group:{}", lit(&log_group(&naming::base(p, id)))),
        );
        vec![
            (
                "output_prefix",
                vec![cx.or_id("output_prefix", &self.output_prefix, self.output_prefix(id))],
            ),
            (
                "assets_bucket_arn",
                vec![cx.named(bucket_arn(&naming::bucket_stem(p, id, "assets")))],
            ),
            // Built from the id alone, as a default derived from it is.
            ("code_key", vec![cx.or_id("code", &None, code_key(id))]),
            ("log_group_arn", vec![cx.named(group.clone())]),
            (
                "log_stream_arn",
                vec![cx.named(format!("{group}:log-stream:{LOG_STREAM}"))],
            ),
        ]
    }
}
