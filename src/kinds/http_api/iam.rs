//! The facts an HTTP API offers to the edge table: the ARN each route calls its target with,
//! about that target only (a function's permission admits its own routes, not the API's).

use super::HttpApi;
use crate::edges::Access;
use crate::iam::{Fact, FactCx, Facts, KindIam, Origin};
use crate::model::{ComponentId, Kind, Project};

impl KindIam for HttpApi {
    /// An API holds a role only when a route puts into a stream or starts a workflow: the
    /// functions it calls admit it by their permissions instead.
    fn acts(&self, project: &Project) -> bool {
        self.routes.values().any(|r| {
            route_access(project, &r.target)
                .is_some_and(|a| matches!(a, Access::Produce | Access::Start))
        })
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let id = &cx.c.id;
        // The id (in the module address) and the stage are spec text; the route's method and
        // path are checked against `ROUTE_KEY`, which admits no wildcard.
        let mut from = cx.named_from().split_off(1);
        from.push(Origin {
            pointer: format!("{}/stage", cx.c.pointer),
            key: false,
            text: self.stage.clone(),
        });
        let routes = self
            .routes
            .iter()
            .map(|(key, route)| Fact {
                body: format!(
                    "arn:${{local.partition}}:execute-api:${{local.region}}:${{local.account_id}}:${{module.{id}.api_id}}/{}/{}",
                    crate::hcl::template_literal(&self.stage),
                    crate::hcl::template_literal(&HttpApi::source_path(key)),
                ),
                from: from.clone(),
                peer: Some(route.target.clone()),
            })
            .collect();
        vec![("route_arn", routes)]
    }
}

/// How a route reaches its target, from the edge table: a function is invoked (`Invoke`), a
/// stream gets a record (`Produce`), a workflow is started (`Start`).
pub(super) fn route_access(project: &Project, target: &str) -> Option<Access> {
    let t = project.components.get(&ComponentId::new(target))?;
    crate::edges::edge(Kind::HttpApi, t.kind()).map(|r| r.access)
}
