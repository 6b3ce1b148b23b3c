//! The permission matrix of `pipelinec iam`: for each identity, its trust, each statement, and
//! the edges that caused it. A table for code review, stable JSON for tools.

use serde_json::{Value, json};

use super::{Cause, RolePolicy, Statement};
use crate::model::Project;

/// The AWS partition of a region.
pub fn partition(region: &str) -> &'static str {
    if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-iso") {
        "aws-iso"
    } else {
        "aws"
    }
}

/// A template body as a reader sees it: partition and region filled in from the spec, the
/// account left as `${account_id}` (known only at apply time), HCL escapes undone.
pub fn readable(project: &Project, template: &str) -> String {
    template
        .replace("${local.partition}", partition(&project.region))
        .replace("${local.region}", &project.region)
        .replace("${local.account_id}", "${account_id}")
        .replace("$${", "${")
        .replace("%%{", "%{")
        .replace("\\\"", "\"")
        .replace("\\\\", "\\")
}

fn cause_json(c: &Cause) -> Value {
    match c {
        Cause::Edge { from, to, access } => {
            json!({ "from": from.as_str(), "to": to.as_str(), "access": access.as_str() })
        }
        Cause::Own(id) => json!({ "own": id.as_str() }),
    }
}

fn conditions_json(project: &Project, conditions: &[super::Condition]) -> Value {
    conditions
        .iter()
        .map(|c| {
            json!({
                "test": c.test,
                "variable": c.variable,
                "values": c.values.iter().map(|v| readable(project, v)).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn statement_json(project: &Project, s: &Statement) -> Value {
    json!({
        "sid": s.sid,
        "effect": "Allow",
        "actions": s.actions,
        "resources": s.resources.iter().map(|r| readable(project, r)).collect::<Vec<_>>(),
        "conditions": conditions_json(project, &s.conditions),
        "caused_by": s.causes.iter().map(cause_json).collect::<Vec<_>>(),
    })
}

/// The matrix as JSON.
pub fn json(project: &Project, roles: &[RolePolicy]) -> Value {
    let identities: Vec<Value> = roles
        .iter()
        .map(|r| {
            let kind = project.component(&r.component).kind();
            let mut policies = Vec::new();
            if r.principal().is_some() {
                policies.push(json!({ "type": "inline", "statements": sids(r, &r.layout.inline) }));
            }
            for (i, part) in r.layout.managed.iter().enumerate() {
                policies.push(json!({
                    "type": "managed",
                    "name": super::managed_policy_name(r, i),
                    "statements": sids(r, part),
                }));
            }
            json!({
                "component": r.component.as_str(),
                "kind": kind.as_str(),
                "identity": if r.principal().is_some() { "role" } else { "caller_policy" },
                "name": r.name,
                "trust": r.principal().map(|p| json!({
                    "service": p,
                    "conditions": conditions_json(project, &r.trust_conditions),
                })),
                "policies": policies,
                "statements": r.statements.iter().map(|s| statement_json(project, s)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "project": project.name, "region": project.region, "identities": identities })
}

fn sids(r: &RolePolicy, idx: &[usize]) -> Vec<String> {
    idx.iter().map(|i| r.statements[*i].sid.clone()).collect()
}

/// The matrix as text for code review.
pub fn table(project: &Project, roles: &[RolePolicy]) -> String {
    let mut out = String::new();
    for r in roles {
        let kind = project.component(&r.component).kind();
        match r.principal() {
            Some(p) => {
                out.push_str(&format!("role {} ({}, {kind})\n", r.name, r.component));
                out.push_str(&format!("  trusted by {p}"));
                for c in &r.trust_conditions {
                    let values: Vec<String> =
                        c.values.iter().map(|v| readable(project, v)).collect();
                    out.push_str(&format!(
                        " when {} {} = {}",
                        c.test,
                        c.variable,
                        values.join(", ")
                    ));
                }
                out.push('\n');
            }
            None => out.push_str(&format!(
                "caller policy {} ({}, {kind}): attach to whoever queries\n",
                r.name, r.component
            )),
        }
        for s in &r.statements {
            let causes: Vec<String> = s.causes.iter().map(|c| c.to_string()).collect();
            out.push_str(&format!("\n  {}  <- {}\n", s.sid, causes.join(", ")));
            out.push_str(&format!("    allow  {}\n", s.actions.join(", ")));
            for (i, res) in s.resources.iter().enumerate() {
                let label = if i == 0 { "on" } else { "  " };
                out.push_str(&format!("    {label}     {}\n", readable(project, res)));
            }
            for c in &s.conditions {
                let values: Vec<String> = c.values.iter().map(|v| readable(project, v)).collect();
                out.push_str(&format!(
                    "    when   {} {} = {}\n",
                    c.test,
                    c.variable,
                    values.join(", ")
                ));
            }
        }
        out.push('\n');
    }
    out
}
