//! Checks and AWS names of an HTTP API: routes name what can answer them, and a route that
//! needs a signed-in user has a user pool to check the token against.

use super::HttpApi;
use crate::diagnostic::Diagnostic;
use crate::edges::{self, Access};
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, Origin, error};
use crate::source::pointer_segment;

/// Average latency above which the API's alarm fires: two seconds, well past what a page
/// waiting on it can hide.
const LATENCY_ALARM_MS: f64 = 2000.0;

/// HTTP API names: 1 to 128 characters.
const API_NAME: Rule = Rule::new(128, Charset::Printable);

impl KindRules for HttpApi {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        for (key, route) in &self.routes {
            let at = |field: &str| format!("routes/{}/{field}", pointer_segment(key));
            if route.signed_in && self.user_pool.is_none() {
                out.push(error(
                    "authorizer-without-pool",
                    format!("route `{key}` of `{id}` needs a signed-in user, but `{id}` has no user pool"),
                    cx.value_at(&at("signed_in")),
                    "no pool to check the token against",
                    &format!(
                        "set `user_pool` on `{id}` to the `user_pool` whose customers may call \
                         this route, or remove `signed_in`"
                    ),
                ));
            }
            self.check_kind(
                cx,
                &at("target"),
                &route.target,
                &[Access::Invoke, Access::Produce, Access::Start],
                "a `lambda`, a `kinesis_stream` or a `workflow`",
                out,
            );
            let target = cx.project.components.get(&ComponentId::new(&route.target));
            if route.partition_key.is_some()
                && let Some(t) = target
                && super::iam::route_access(cx.project, &route.target)
                    .is_some_and(|a| a != Access::Produce)
            {
                out.push(
                    error(
                        "route-partition-key",
                        format!(
                            "route `{key}` of `{id}` sets `partition_key`, but its target `{}` is a {}, not a stream",
                            route.target,
                            t.kind()
                        ),
                        cx.value_at(&at("partition_key")),
                        "only a record put into a stream has a partition key",
                        "remove `partition_key`, or target a `kinesis_stream`",
                    )
                    .with_related(cx.doc.key_span(&t.pointer), "defined here"),
                );
            }
        }
        if let Some(pool) = &self.user_pool {
            self.check_kind(
                cx,
                "user_pool",
                pool,
                &[Access::Authenticate],
                "a `user_pool`",
                out,
            );
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::new(
            "HTTP API",
            naming::base(project, id),
            API_NAME,
        )]
    }

    /// Every route's target, once, and the user pool.
    fn targets(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        for (key, route) in &self.routes {
            if !out.iter().any(|(_, t)| *t == route.target) {
                out.push((
                    format!("routes/{}/target", pointer_segment(key)),
                    route.target.as_str(),
                ));
            }
        }
        if let Some(pool) = &self.user_pool {
            out.push(("user_pool".into(), pool.as_str()));
        }
        out
    }

    /// The stage's errors and latency (API Gateway developer guide, "Monitor HTTP APIs with
    /// CloudWatch": `5xx`, `4xx`, `Latency` per `ApiId` and `Stage`).
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let stage = || {
            vec![
                ("ApiId", Dim::of(c.id.as_str(), "api_id")),
                ("Stage", Dim::of(c.id.as_str(), "stage")),
            ]
        };
        vec![
            Monitor::new(
                "server_errors",
                "5xx answers",
                ("AWS/ApiGateway", "5xx"),
                stage(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                3,
                3,
                "The API has answered with server errors for 15 minutes: a function or service behind a route fails, times out or is throttled.",
            )),
            Monitor::new(
                "client_errors",
                "4xx answers (429: throttled)",
                ("AWS/ApiGateway", "4xx"),
                stage(),
                Statistic::Sum,
            ),
            Monitor::new(
                "latency",
                "average latency (ms)",
                ("AWS/ApiGateway", "Latency"),
                stage(),
                Statistic::Average,
            )
            .alarm(Alarm::above(
                LATENCY_ALARM_MS,
                3,
                3,
                "Requests have taken more than two seconds on average for 15 minutes: customers wait; look at the slowest route's target.",
            )),
        ]
    }

    fn origin(&self) -> Option<Origin> {
        Some(Origin::Api)
    }
}

impl HttpApi {
    /// A component the API may name, but not in this field (a function as the user pool).
    fn check_kind(
        &self,
        cx: &Cx<'_>,
        field: &str,
        target: &str,
        wants: &[Access],
        what: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let Some(t) = cx.project.components.get(&ComponentId::new(target)) else {
            return; // reported with the graph (`unknown-target`)
        };
        let access = edges::edge(cx.c.kind(), t.kind()).map(|r| r.access);
        // No edge at all is reported with the graph (`incompatible-target`).
        if access.is_some_and(|a| !wants.contains(&a)) {
            let name = field.rsplit('/').next().unwrap_or(field);
            out.push(
                error(
                    "api-target-kind",
                    format!("`{name}` of `{}` names `{target}`, a {}", cx.c.id, t.kind()),
                    cx.value_at(field),
                    "wrong kind here",
                    &format!("`{name}` names {what}"),
                )
                .with_related(cx.doc.key_span(&t.pointer), "defined here"),
            );
        }
    }
}
