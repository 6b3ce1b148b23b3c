//! The facts a Lambda function offers to the edge table: its output prefix, log group,
//! failure destination and tracing.

use super::check::invoked_async;
use super::{Lambda, OnFailure, Tracing, async_failure_queue};
use crate::iam::{Fact, FactCx, Facts, KindIam, arn, bucket_arn, flag, get};
use crate::model::ComponentId;
use crate::naming;

impl KindIam for Lambda {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let (p, id, base) = (&cx.project.name, &cx.c.id, cx.base());
        // The failure bucket: a lake of the spec (with its key), or the function's own.
        let lake = self
            .failure_bucket
            .as_ref()
            .and_then(|b| cx.project.components.get(&ComponentId::new(b.clone())))
            .map(|lake| cx.of(lake))
            .unwrap_or_default();
        let (failure_bucket, failure_key) = match (self.on_failure, &self.failure_bucket) {
            (OnFailure::S3, Some(_)) => (get(&lake, "bucket_arn"), get(&lake, "kms_key_arn")),
            (OnFailure::S3, None) => (
                vec![cx.named(bucket_arn(&naming::bucket_stem(p, id, "failures")))],
                vec![],
            ),
            _ => (vec![], vec![]),
        };
        vec![
            (
                "output_prefix",
                vec![cx.or_id("output_prefix", &self.output_prefix, self.output_prefix(id))],
            ),
            (
                "function_arn",
                vec![cx.named(arn("lambda", &format!("function:{base}")))],
            ),
            (
                "log_group_arn",
                vec![cx.named(arn("logs", &format!("log-group:/aws/lambda/{base}")))],
            ),
            (
                "dlq_arn",
                match self.on_failure {
                    OnFailure::Sqs => vec![cx.named(arn("sqs", &format!("{base}-failures")))],
                    _ => vec![],
                },
            ),
            (
                "async_failure_queue_arn",
                if invoked_async(cx.project, id) {
                    vec![cx.named(arn("sqs", &async_failure_queue(&base)))]
                } else {
                    vec![]
                },
            ),
            ("failure_bucket_arn", failure_bucket),
            ("failure_kms_key_arn", failure_key),
            ("tracing", flag(self.tracing == Tracing::Active)),
            // In a VPC: the network interfaces Lambda creates for it, in its subnets with its
            // security groups.
            (
                "network_interfaces",
                if self.subnet_ids.is_empty() {
                    vec![]
                } else {
                    vec![cx.named(arn("ec2", "network-interface"))]
                },
            ),
            ("subnet_arns", self.vpc_arns(cx, "subnet_ids", "subnet")),
            (
                "security_group_arns",
                self.vpc_arns(cx, "security_group_ids", "security-group"),
            ),
        ]
    }

    fn attached_policies(&self) -> &[String] {
        &self.managed_policy_arns
    }
}

impl Lambda {
    /// The ARNs of the VPC resources (`subnet`, `security-group`) the spec lists in `field`,
    /// each carrying its spec text.
    fn vpc_arns(&self, cx: &FactCx<'_>, field: &str, resource: &str) -> Vec<Fact> {
        let ids = match field {
            "subnet_ids" => &self.subnet_ids,
            _ => &self.security_group_ids,
        };
        ids.iter()
            .enumerate()
            .map(|(i, id)| {
                let mut f = cx.field(&format!("{field}/{i}"), id);
                f.body = arn("ec2", &format!("{resource}/{}", f.body));
                f
            })
            .collect()
    }
}
