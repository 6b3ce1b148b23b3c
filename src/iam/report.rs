//! The permission matrix of `pipelinec iam`: for each identity, its trust, each statement, and
//! the edges that caused it. A table for code review, stable JSON for tools.

use serde_json::{Value, json};

use super::{Admitted, Cause, ResourcePolicy, RolePolicy, Statement};
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
        .replace(
            "${local.region_code}",
            &crate::naming::region_code(&project.region),
        )
        .replace("${local.region}", &project.region)
        .replace("${local.account_id}", "${account_id}")
        .replace("$${", "${")
        .replace("%%{", "%{")
        .replace("\\\"", "\"")
        .replace("\\\\", "\\")
}

/// An identity's name as deployed in the spec's region (with its region code).
fn deployed_name(project: &Project, name: &str) -> String {
    format!("{name}-{}", crate::naming::region_code(&project.region))
}

fn cause_json(c: &Cause) -> Value {
    match c {
        Cause::Edge { from, to, word, .. } => {
            json!({ "from": from.as_str(), "to": to.as_str(), "access": word })
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
    let mut out = json!({
        "sid": s.sid,
        "effect": "Allow",
        "actions": s.actions,
        "resources": s.resources.iter().map(|r| readable(project, r)).collect::<Vec<_>>(),
        "conditions": conditions_json(project, &s.conditions),
        "caused_by": s.causes.iter().map(cause_json).collect::<Vec<_>>(),
    });
    let why = wildcard_reasons(s);
    if !why.is_empty() {
        out["why_wildcard"] = why
            .into_iter()
            .map(|(why, actions)| json!({ "actions": actions, "reason": why }))
            .collect();
    }
    out
}

/// Why a statement names `*`: the registry's reason for each action, each reason once with the
/// actions it covers (none when the statement names no `*`).
fn wildcard_reasons(s: &Statement) -> Vec<(&'static str, Vec<&str>)> {
    let mut reasons: Vec<(&'static str, Vec<&str>)> = Vec::new();
    if !s.resources.iter().any(|r| r == "*") {
        return reasons;
    }
    for a in &s.actions {
        let Some((_, _, why)) = crate::edges::unscopable(a) else {
            continue;
        };
        match reasons.iter_mut().find(|(w, _)| w == why) {
            Some((_, actions)) => actions.push(a),
            None => reasons.push((why, vec![a])),
        }
    }
    reasons
}

fn admitted(a: &Admitted) -> String {
    match a {
        Admitted::Service(s) => format!("service {s}"),
        Admitted::Role(id) => format!("role of {id}"),
        Admitted::AccountRole(path) => format!("the account's role {path}"),
    }
}

fn admitted_json(a: &Admitted) -> Value {
    match a {
        Admitted::Service(s) => json!({ "service": s }),
        Admitted::Role(id) => json!({ "role_of": id.as_str() }),
        Admitted::AccountRole(path) => json!({ "account_role": path }),
    }
}

/// The resource-based policies as JSON.
fn resource_json(project: &Project, resource: &[ResourcePolicy]) -> Value {
    resource
        .iter()
        .map(|r| {
            let holder = project.component(&r.holder).kind();
            json!({
                "component": r.holder.as_str(),
                "kind": holder.as_str(),
                "form": match crate::edges::policy_form(holder) {
                    crate::edges::PolicyForm::Document => "policy_document",
                    crate::edges::PolicyForm::Permissions => "lambda_permissions",
                },
                "statements": r.statements.iter().map(|s| {
                    let mut v = statement_json(project, &s.statement);
                    v["principal"] = admitted_json(&s.principal);
                    v
                }).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// The matrix as JSON: identities, then resource-based policies.
pub fn json(project: &Project, roles: &[RolePolicy], resource: &[ResourcePolicy]) -> Value {
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
            let mut v = json!({
                "component": r.component.as_str(),
                "kind": kind.as_str(),
                "identity": if r.principal().is_some() { "role" } else { "caller_policy" },
                "name": deployed_name(project, &r.name),
                "trust": r.principal().map(|p| json!({
                    "service": p,
                    "conditions": conditions_json(project, &r.trust_conditions),
                })),
                "policies": policies,
                "statements": r.statements.iter().map(|s| statement_json(project, s)).collect::<Vec<_>>(),
            });
            if let Some(role) = r.attach_to {
                v["attach_to"] = json!(role);
            }
            if !r.attached.is_empty() {
                v["attached_by_spec"] = json!(r.attached);
            }
            v
        })
        .collect();
    json!({
        "project": project.name,
        "region": project.region,
        "identities": identities,
        "resource_policies": resource_json(project, resource),
    })
}

fn sids(r: &RolePolicy, idx: &[usize]) -> Vec<String> {
    idx.iter().map(|i| r.statements[*i].sid.clone()).collect()
}

fn statement_lines(project: &Project, s: &Statement, out: &mut String) {
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
    // A `*` resource is there only because AWS lets the action take no narrower one: say why,
    // as `iam.tf` does.
    for (why, actions) in wildcard_reasons(s) {
        out.push_str(&format!("    why *  {}: {why}\n", actions.join(", ")));
    }
}

/// The managed policies the spec attaches to a role, which pipelinec did not derive.
fn attached_lines(r: &RolePolicy, out: &mut String) {
    if r.attached.is_empty() {
        return;
    }
    out.push_str(
        "\n  attached by the spec (managed_policy_arns; outside pipelinec's least-privilege \
         derivation)\n",
    );
    for arn in &r.attached {
        out.push_str(&format!("    policy {arn}\n"));
    }
}

/// The matrix as text for code review: each identity, then each resource-based policy.
pub fn table(project: &Project, roles: &[RolePolicy], resource: &[ResourcePolicy]) -> String {
    let mut out = String::new();
    for r in roles {
        let kind = project.component(&r.component).kind();
        match r.principal() {
            Some(p) => {
                out.push_str(&format!(
                    "role {} ({}, {kind})\n",
                    deployed_name(project, &r.name),
                    r.component
                ));
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
                attached_lines(r, &mut out);
            }
            None => out.push_str(&format!(
                "caller policy {} ({}, {kind}): attach to {}\n",
                deployed_name(project, &r.name),
                r.component,
                r.attach_to
                    .map_or("whoever queries".to_string(), |role| format!("role {role}"))
            )),
        }
        for s in &r.statements {
            statement_lines(project, s, &mut out);
        }
        out.push('\n');
    }
    for r in resource {
        let kind = project.component(&r.holder).kind();
        let what = match crate::edges::policy_form(kind) {
            crate::edges::PolicyForm::Document => "resource policy",
            crate::edges::PolicyForm::Permissions => "permissions",
        };
        out.push_str(&format!("{what} of {} ({kind})\n", r.holder));
        for s in &r.statements {
            statement_lines(project, &s.statement, &mut out);
            out.push_str(&format!("    admit  {}\n", admitted(&s.principal)));
        }
        out.push('\n');
    }
    out
}
