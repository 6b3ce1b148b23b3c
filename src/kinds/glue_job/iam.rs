//! The facts a Glue job offers to the edge table: the prefixes it reads and writes, its assets
//! bucket (script and temporary directory), its log groups and its metric namespace.

use super::{GlueJob, LOG_GROUPS, TEMP_PREFIX, log_group_prefix, script_key};
use crate::hcl::template_literal as lit;
use crate::iam::{FactCx, Facts, KindIam, arn, bucket_arn, fixed};
use crate::naming;

impl KindIam for GlueJob {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let (p, id) = (&cx.project.name, &cx.c.id);
        let prefix = log_group_prefix(&naming::base(p, id));
        vec![
            (
                "job_arn",
                vec![cx.named(arn("glue", &format!("job/{}", cx.base())))],
            ),
            (
                "input_prefix",
                self.input_prefix
                    .iter()
                    .map(|v| cx.field("input_prefix", v))
                    .collect(),
            ),
            (
                "output_prefix",
                vec![cx.or_id("output_prefix", &self.output_prefix, self.output_prefix(id))],
            ),
            (
                "assets_bucket_arn",
                vec![cx.named(bucket_arn(&naming::bucket_stem(p, id, "assets")))],
            ),
            // Built from the id alone, as a default derived from it is.
            (
                "script_key",
                vec![cx.or_id("script", &None, script_key(id))],
            ),
            ("temp_prefix", fixed(TEMP_PREFIX.to_string())),
            (
                "log_group_arn",
                LOG_GROUPS
                    .iter()
                    .map(|g| cx.named(arn("logs", &format!("log-group:{}/{g}", lit(&prefix)))))
                    .collect(),
            ),
            ("metric_namespace", fixed("Glue".to_string())),
        ]
    }
}
