//! The module call of an OpenSearch domain: its cluster, encryption and logs. Its access
//! policy comes from the edges into it (`RESOURCE_POLICIES`), as `resource_policy_json`.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{LOG_TYPES, OpensearchDomain};
use crate::iam;
use crate::render::values::{expr, obj, tmpl};
use crate::render::{KindRender, RenderCx};

impl KindRender for OpensearchDomain {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("name", cx.name.clone());
        cx.set("engine_version", self.engine_version.as_str());
        cx.set("instance_type", self.instance_type.clone());
        cx.set("instance_count", self.instance_count);
        cx.set("zone_count", self.zones().unwrap_or(1));
        let masters = self.dedicated_masters.as_ref();
        cx.set(
            "dedicated_master_type",
            Value::from(masters.map(|m| m.instance_type.clone())),
        );
        cx.set(
            "dedicated_master_count",
            Value::from(masters.map(|m| m.count)),
        );
        cx.set("volume_size_gb", self.volume_size_gb);
        cx.set("kms_key_arn", Value::from(self.kms_key_arn.clone()));
        cx.set("auto_tune", self.auto_tune);
        cx.set("auto_software_update", self.auto_software_update);
        cx.set("log_retention_days", self.log_retention_days);
        cx.set(
            "log_types",
            Value::from(
                LOG_TYPES
                    .iter()
                    .map(|(t, suffix)| {
                        obj(BTreeMap::from([
                            ("type", Value::from(*t)),
                            ("suffix", Value::from(*suffix)),
                        ]))
                    })
                    .collect::<Vec<_>>(),
            ),
        );
        // The domain's ARN, built from its name like the edge table's `domain_arn` fact: the
        // log groups' resource policy must exist before the domain does.
        cx.set(
            "domain_arn",
            tmpl(iam::arn(
                "es",
                &format!("domain/{}", crate::hcl::template_literal(&cx.name)),
            )),
        );
        cx.set("account_id", expr("local.account_id"));
        cx.output(
            "endpoint",
            "endpoint",
            format!("HTTPS endpoint (host name) of the `{id}` OpenSearch domain"),
        );
        cx.output(
            "domain_arn",
            "arn",
            format!("ARN of the `{id}` OpenSearch domain"),
        );
    }
}
