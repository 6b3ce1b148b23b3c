//! The module call of an HTTP API: its routes, their integrations (one per route), the JWT
//! authorizer, the stage's throttling and access logs.

use std::collections::BTreeMap;

use minijinja::Value;

use super::HttpApi;
use crate::edges::Access;
use crate::model::Component;
use crate::render::values::{expr, obj};
use crate::render::{KindRender, OriginTarget, RenderCx};

impl KindRender for HttpApi {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        // One integration per route: each keeps its own timeout.
        let mut integrations: Vec<Value> = Vec::new();
        let mut routes = Vec::new();
        for (key, route) in &self.routes {
            integrations.push(obj(BTreeMap::from([
                ("key", Value::from(key.as_str())),
                (
                    "service",
                    Value::from(service(super::iam::route_access(cx.project, &route.target))),
                ),
                ("target", expr(format!("module.{}", route.target))),
                (
                    "partition_key",
                    Value::from(
                        route
                            .partition_key
                            .clone()
                            .unwrap_or_else(|| "$context.requestId".into()),
                    ),
                ),
                ("timeout_ms", Value::from(route.timeout_ms)),
            ])));
            routes.push(obj(BTreeMap::from([
                ("key", Value::from(key.as_str())),
                ("signed_in", Value::from(route.signed_in)),
            ])));
        }
        cx.set("name", cx.name.clone());
        cx.set("stage", self.stage.clone());
        cx.set("integrations", Value::from(integrations));
        cx.set("routes", Value::from(routes));
        match &self.user_pool {
            Some(pool) => {
                cx.set("issuer", expr(format!("module.{pool}.issuer")));
                cx.set("audience", expr(format!("[module.{pool}.client_id]")));
            }
            None => {
                cx.set("issuer", Value::from(()));
                cx.set("audience", expr("[]"));
            }
        }
        cx.set("rate_limit", self.rate_limit);
        cx.set("burst_limit", self.burst_limit);
        cx.set("cors_origins", Value::from(self.cors_origins.clone()));
        cx.set("log_retention_days", self.log_retention_days);
        cx.output(
            "url",
            "url",
            format!("The `{id}` API's URL (its stage included)"),
        );
    }

    fn origin_target(&self, c: &Component) -> Option<OriginTarget> {
        Some(OriginTarget {
            domain: format!("module.{}.domain_name", c.id),
            s3: false,
            path_pattern: Some(format!("/{}/*", self.stage)),
        })
    }
}

/// How a route reaches its target: a Lambda proxy call, or one of API Gateway's AWS service
/// integrations, made with the API's role.
fn service(access: Option<Access>) -> &'static str {
    match access {
        Some(Access::Produce) => "stream",
        Some(Access::Start) => "workflow",
        _ => "function",
    }
}
