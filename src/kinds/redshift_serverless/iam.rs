//! The identity of a Redshift Serverless component: the role Redshift assumes to read its input
//! streams (streaming ingestion), whose grants are all on the streams' side of the edges
//! (`{from.stream_arn}`, `{from.kms_key_arn}`). Its facts are for what reads the workgroup:
//! the admin password's secret, and the subnets and security groups of its endpoint.

use super::RedshiftServerless;
use crate::iam::{FactCx, Facts, KindIam, arn, fixed};

impl KindIam for RedshiftServerless {
    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let id = &cx.c.id;
        let ec2 = |field: &str, kind: &str, ids: &[String]| {
            ids.iter()
                .enumerate()
                .map(|(i, v)| {
                    let mut f = cx.field(&format!("{field}/{i}"), v);
                    f.body = arn("ec2", &format!("{kind}/{}", f.body));
                    f
                })
                .collect()
        };
        vec![
            (
                "admin_secret_arn",
                fixed(format!("${{module.{id}.admin_password_secret_arn}}")),
            ),
            ("subnet_arn", ec2("subnet_ids", "subnet", &self.subnet_ids)),
            (
                "security_group_arn",
                ec2(
                    "security_group_ids",
                    "security-group",
                    &self.security_group_ids,
                ),
            ),
        ]
    }
}
