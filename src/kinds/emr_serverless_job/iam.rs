//! The facts an EMR Serverless job offers to the edge table: the prefixes it reads and writes,
//! its assets bucket and script, its log group, the Glue `default` database, and, for the
//! callers that start it, its application and runtime role.

use super::{EmrServerlessJob, log_group, script_key};
use crate::hcl::template_literal as lit;
use crate::iam::{FactCx, Facts, KindIam, arn, bucket_arn, fixed};
use crate::naming;

impl KindIam for EmrServerlessJob {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let (p, id) = (&cx.project.name, &cx.c.id);
        let base = naming::base(p, id);
        vec![
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
            (
                "log_group_arn",
                vec![cx.named(arn(
                    "logs",
                    &format!("log-group:{}", lit(&log_group(&base))),
                ))],
            ),
            // The Hive metastore client looks the `default` database up when Spark starts.
            (
                "default_database_arn",
                fixed(arn("glue", "database/default")),
            ),
            // For the callers that start runs (`emr-serverless:StartJobRun` on the application,
            // `iam:PassRole` on the role): the application's id is AWS's, so its ARN is the
            // module's output; the role's name is pipelinec's.
            (
                "application_arn",
                fixed(format!("${{module.{id}.application_arn}}")),
            ),
            (
                "job_role_arn",
                vec![cx.named(format!(
                    "arn:${{local.partition}}:iam::${{local.account_id}}:role/{}{}",
                    lit(&naming::identity(p, id, "")),
                    naming::Suffix::Region.template()
                ))],
            ),
        ]
    }
}
