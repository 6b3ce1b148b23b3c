//! The module call of a distribution: its origins (from its inputs' kinds), certificate,
//! security headers and access logs.

use std::collections::BTreeMap;

use minijinja::Value;

use super::Cdn;
use crate::render::values::{expr, obj, tmpl};
use crate::render::{KindRender, RenderCx, kind_render};

impl KindRender for Cdn {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let mut origins = Vec::new();
        let mut behaviours = Vec::new();
        let mut default_origin = String::new();
        for e in cx.project.graph.incoming(&id) {
            let from = cx.project.component(&e.from);
            let Some(t) = kind_render(&from.settings).origin_target(from) else {
                continue;
            };
            if t.s3 && default_origin.is_empty() {
                default_origin = from.id.to_string();
            }
            if let Some(path) = &t.path_pattern {
                behaviours.push(obj(BTreeMap::from([
                    ("path_pattern", Value::from(path.as_str())),
                    ("origin", Value::from(from.id.as_str())),
                ])));
            }
            origins.push(obj(BTreeMap::from([
                ("id", Value::from(from.id.as_str())),
                ("domain", expr(t.domain)),
                ("s3", Value::from(t.s3)),
            ])));
        }
        // Origin access controls and response headers policies are named per account.
        cx.set(
            "name",
            tmpl(format!(
                "{}{}",
                crate::hcl::template_literal(&cx.name),
                crate::naming::Suffix::Region.template()
            )),
        );
        cx.set("origins", Value::from(origins));
        cx.set("api_paths", Value::from(behaviours));
        cx.set("default_origin", default_origin);
        cx.set("default_root_object", self.default_root_object.clone());
        cx.set("aliases", Value::from(self.aliases.clone()));
        cx.set("certificate_arn", Value::from(self.certificate_arn.clone()));
        cx.set("web_acl_arn", Value::from(self.web_acl_arn.clone()));
        cx.set("price_class", self.price_class.aws());
        cx.set(
            "content_security_policy",
            Value::from(self.content_security_policy.clone()),
        );
        cx.set("access_logs", self.access_logs);
        cx.set("log_bucket_name", cx.bucket_name("logs"));
        cx.set("log_retention_days", self.log_retention_days);
        cx.output(
            "domain_name",
            "domain_name",
            format!("The `{id}` distribution's domain name: point the site's DNS records here"),
        );
        cx.output(
            "distribution_id",
            "distribution_id",
            format!("The `{id}` distribution's id (for cache invalidations)"),
        );
    }

    fn shared_modules(&self) -> &'static [&'static str] {
        &["s3_bucket"]
    }
}
