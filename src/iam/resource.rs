//! Resource-based policies derived from the graph's edges: what a bucket, a queue, a search
//! domain or a function must itself allow so that the other end of an edge can act on it
//! ([`registry::RESOURCE_POLICIES`]). Each statement admits exactly one principal (a service
//! held to the other end by its conditions, or the acting end's role) and names its edge.

use super::{Cause, Statement, Wildcard, acts, expand, facts, region_fact, toward};
use crate::edges::{self as registry, Actor, Principal};
use crate::model::{ComponentId, Project};

/// Who one statement admits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admitted {
    /// An AWS service principal (`cloudfront.amazonaws.com`).
    Service(&'static str),
    /// The role of a component of the spec.
    Role(ComponentId),
    /// A role of the account no component owns, by its path and name
    /// (`service-role/aws-quicksight-service-role-v0`).
    AccountRole(&'static str),
}

impl Admitted {
    /// The account role's ARN as an HCL template string body.
    pub fn account_role_arn(path: &str) -> String {
        format!("arn:${{local.partition}}:iam::${{local.account_id}}:role/{path}")
    }
}

/// One statement of a resource-based policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceStatement {
    pub principal: Admitted,
    pub statement: Statement,
}

/// The resource-based policy one component's resource holds, in graph order.
#[derive(Debug, Clone)]
pub struct ResourcePolicy {
    pub holder: ComponentId,
    pub statements: Vec<ResourceStatement>,
}

/// Every resource-based policy of a project, in component order; or every spec value that
/// would put a wildcard into one.
pub fn resource_policies(project: &Project) -> Result<Vec<ResourcePolicy>, Vec<Wildcard>> {
    let region = region_fact(project);
    let mut out: Vec<ResourcePolicy> = Vec::new();
    let mut wildcards = Vec::new();
    for holder in project.components.values() {
        let mut statements = Vec::new();
        for edge in project.graph.touching(&holder.id) {
            let from = project.component(&edge.from);
            let to = project.component(&edge.to);
            let (ff, tf) = (
                toward(facts(project, from), to.id.as_str()),
                toward(facts(project, to), from.id.as_str()),
            );
            for rule in registry::resource_rules(from.kind(), to.kind()) {
                if rule.access != edge.access {
                    continue;
                }
                let (held, other) = match rule.holder {
                    Actor::From => (from, to),
                    Actor::To => (to, from),
                };
                if held.id != holder.id {
                    continue;
                }
                let principal = match rule.principal {
                    Principal::Service(s) => Admitted::Service(s),
                    // A role that does not exist cannot be admitted: no statement.
                    Principal::ActorRole if acts(project, other) => {
                        Admitted::Role(other.id.clone())
                    }
                    Principal::ActorRole => continue,
                    Principal::AccountRole(path) => Admitted::AccountRole(path),
                };
                for g in rule.grants {
                    match expand(g, &[("from", &ff), ("to", &tf)], &region) {
                        Ok(Some(s)) => statements.push(ResourceStatement {
                            principal: principal.clone(),
                            statement: Statement {
                                sid: format!("{}To{}{}", from.id.pascal(), to.id.pascal(), g.sid),
                                causes: vec![Cause::Edge {
                                    from: from.id.clone(),
                                    to: to.id.clone(),
                                    access: edge.access,
                                    word: registry::word(from.kind(), to.kind(), edge.access),
                                }],
                                ..s
                            },
                        }),
                        Ok(None) => {}
                        Err(w) => wildcards.push(w),
                    }
                }
            }
        }
        if !statements.is_empty() {
            out.push(ResourcePolicy {
                holder: holder.id.clone(),
                statements,
            });
        }
    }
    if wildcards.is_empty() {
        Ok(out)
    } else {
        Err(wildcards)
    }
}
