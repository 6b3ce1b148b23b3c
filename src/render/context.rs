//! Template contexts: what each template sees, built from the checked project.
//!
//! Plain strings here are spec data and get escaped when printed; `expr` marks HCL expressions
//! built by pipelinec itself (references, template strings with escaped pieces).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use minijinja::Value;

use super::RenderError;
use super::kind::{RenderCx, kind_render};
use super::values::{entry, expr, obj, tmpl};
use crate::check::Compiled;
use crate::iam;
use crate::model::ComponentId;
use crate::naming;

/// Everything the renderer needs.
pub struct Context {
    pub root: Value,
    /// Each component's module call, rendered.
    pub calls: Vec<Value>,
    pub extra_files: Vec<(PathBuf, Vec<u8>)>,
}

/// Renders one module call from its template folder (a kind's, or `monitoring`) and values.
pub type RenderCall<'r> = dyn FnMut(&str, &Value) -> Result<Value, RenderError> + 'r;

/// The contexts of every template; `packages` holds what each component's kind built first,
/// and `render_call` turns each component's values into its module call.
pub fn project(
    compiled: &Compiled,
    mut packages: BTreeMap<ComponentId, Vec<u8>>,
    render_call: &mut RenderCall<'_>,
) -> Result<Context, RenderError> {
    let project = &compiled.project;
    let mut calls = Vec::new();
    let mut extra_files = Vec::new();
    let mut outputs: Vec<Value> = Vec::new();
    // One lookup per component, not a scan of every policy.
    let policies = &compiled.policies;
    let mut policy_of: HashMap<&ComponentId, &iam::RolePolicy> = HashMap::new();
    // The roles edges of a component need of their own (`edges::EDGE_ROLES`).
    let mut edge_roles_of: HashMap<&ComponentId, Vec<&iam::RolePolicy>> = HashMap::new();
    for p in policies {
        if p.address == p.component.as_str() {
            policy_of.insert(&p.component, p);
        } else {
            edge_roles_of.entry(&p.component).or_default().push(p);
        }
    }
    // Holders of a policy document (a function's permissions are resources of their own).
    let held: std::collections::HashSet<&ComponentId> = compiled
        .resource_policies
        .iter()
        .filter(|r| {
            crate::edges::policy_form(project.component(&r.holder).kind())
                == crate::edges::PolicyForm::Document
        })
        .map(|r| &r.holder)
        .collect();
    for c in project.components.values() {
        let mut cx = RenderCx {
            project,
            c,
            name: naming::base(&project.name, &c.id),
            package: packages.remove(&c.id),
            values: BTreeMap::new(),
            outputs: &mut outputs,
            files: &mut extra_files,
        };
        cx.set("id", c.id.as_str());
        cx.set("module", expr(format!("module.{}", c.id)));
        if held.contains(&c.id) {
            cx.set(
                "resource_policy_json",
                expr(format!(
                    "data.aws_iam_policy_document.{}_resource_policy.json",
                    c.id
                )),
            );
        }
        identity_values(
            &mut cx,
            policy_of.get(&c.id).copied(),
            edge_roles_of.get(&c.id).map_or(&[][..], Vec::as_slice),
        );
        kind_render(&c.settings).render(&mut cx);
        let values = obj(std::mem::take(&mut cx.values));
        let call = render_call(&super::kind::template_folder(project, c), &values)?;
        calls.push(with_tags(call, &c.tags));
    }
    if let Some(values) = super::monitoring::values(project) {
        calls.push(render_call("monitoring", &values)?);
    }
    outputs.extend(identity_outputs(policies));
    outputs.extend(super::monitoring::outputs(project));
    let roles: Vec<Value> = policies.iter().map(role_value).collect();
    let root = obj(BTreeMap::from([
        ("name", Value::from(project.name.clone())),
        ("region", Value::from(project.region.clone())),
        ("region_words", region_words()),
        ("account", Value::from(project.account.clone())),
        (
            "permissions_boundary",
            Value::from(project.permissions_boundary.clone()),
        ),
        ("backend", backend_value(project)),
        ("tags", tags(project)),
        ("roles", Value::from(roles)),
        (
            "resource_policies",
            Value::from(
                compiled
                    .resource_policies
                    .iter()
                    .map(|r| resource_policy_value(project, r))
                    .collect::<Vec<_>>(),
            ),
        ),
        ("outputs", Value::from(outputs)),
    ]));
    Ok(Context {
        root,
        calls,
        extra_files,
    })
}

/// The values of a module call that name the component's roles: `role_arn` (its identity's,
/// when a role), `edge_role_arns` (its edges' own roles, by suffix) and `depends_on` (every
/// policy of those roles, so that nothing acts before it may).
fn identity_values(
    cx: &mut RenderCx<'_>,
    identity: Option<&iam::RolePolicy>,
    edge_roles: &[&iam::RolePolicy],
) {
    let primary = identity.filter(|p| p.principal().is_some());
    if let Some(p) = primary {
        cx.set("role_arn", expr(format!("aws_iam_role.{}.arn", p.address)));
    }
    if primary.is_some() || !edge_roles.is_empty() {
        let addresses: Vec<String> = primary
            .into_iter()
            .chain(edge_roles.iter().copied())
            .flat_map(policy_addresses)
            .collect();
        cx.set("depends_on", expr(format!("[{}]", addresses.join(", "))));
    }
    if !edge_roles.is_empty() {
        let id = cx.c.id.as_str();
        let arns: BTreeMap<String, Value> = edge_roles
            .iter()
            .map(|p| {
                let suffix = p.address[id.len() + 1..].to_string();
                (suffix, expr(format!("aws_iam_role.{}.arn", p.address)))
            })
            .collect();
        cx.set("edge_role_arns", obj(arns));
    }
}

/// The provider's default tags (see [`default_tags`]) as template map entries.
fn tags(project: &crate::model::Project) -> Value {
    Value::from(
        default_tags(project)
            .into_iter()
            .map(|(k, v)| entry(&k, Value::from(v)))
            .collect::<Vec<_>>(),
    )
}

/// What the root templates see of module mode: `module`, and for a module the spec's own name
/// and tags (the project being rendered holds placeholders, see [`super::module`]).
pub fn module_root(spec: Option<&crate::model::Project>) -> Value {
    let Some(spec) = spec else {
        return obj(BTreeMap::from([("module", Value::from(false))]));
    };
    obj(BTreeMap::from([
        ("module", Value::from(true)),
        ("name", Value::from(spec.name.clone())),
        ("name_max_len", Value::from(spec.name.len())),
        ("tags", tags(spec)),
    ]))
}

/// The root outputs of the identities: each role's ARN (or a caller policy's ARNs), and the
/// deployer's pass-role policy.
fn identity_outputs(policies: &[iam::RolePolicy]) -> Vec<Value> {
    let mut out = Vec::new();
    for p in policies {
        let (name, value, description) = if let Some(service) = p.principal() {
            (
                format!("{}_role_arn", p.address),
                format!("aws_iam_role.{}.arn", p.address),
                if p.address == p.component.as_str() {
                    format!("IAM role `{}` acts with", p.component)
                } else {
                    format!(
                        "IAM role {service} assumes for an edge of `{}`",
                        p.component
                    )
                },
            )
        } else {
            (
                format!("{}_query_policy_arns", p.address),
                format!(
                    "[{}]",
                    (1..=p.layout.managed.len())
                        .map(|i| format!("aws_iam_policy.{}_{i}.arn", p.address))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                match p.attach_to {
                    Some(role) => format!(
                        "Policies to attach to the account's role `{role}` for `{}`",
                        p.component
                    ),
                    None => format!(
                        "Policies to attach to the users and roles that query with `{}`",
                        p.component
                    ),
                },
            )
        };
        out.push(obj(BTreeMap::from([
            ("name", Value::from(name)),
            ("value", expr(value)),
            ("description", Value::from(description)),
        ])));
    }
    if policies.iter().any(|p| p.principal().is_some()) {
        out.push(obj(BTreeMap::from([
            ("name", Value::from("deployer_pass_role_policy_json")),
            ("value", expr("data.aws_iam_policy_document.deployer_pass_role.json")),
            (
                "description",
                Value::from(
                    "iam:PassRole on exactly these roles, each to its service only: attach to whoever runs terraform apply",
                ),
            ),
        ])));
    }
    out
}

fn condition_values(conditions: &[iam::Condition]) -> Value {
    Value::from(
        conditions
            .iter()
            .map(|c| {
                obj(BTreeMap::from([
                    ("test", Value::from(c.test.clone())),
                    ("variable", Value::from(c.variable.clone())),
                    (
                        "values",
                        Value::from(c.values.iter().map(|v| tmpl(v.clone())).collect::<Vec<_>>()),
                    ),
                ]))
            })
            .collect::<Vec<_>>(),
    )
}

fn statement_value(s: &iam::Statement) -> Value {
    obj(BTreeMap::from([
        ("sid", Value::from(s.sid.clone())),
        (
            "causes",
            Value::from(
                s.causes
                    .iter()
                    .map(|c| expr(c.to_string()))
                    .collect::<Vec<_>>(),
            ),
        ),
        ("actions", Value::from(s.actions.clone())),
        (
            "resources",
            Value::from(
                s.resources
                    .iter()
                    .map(|r| {
                        if r == "*" {
                            Value::from("*")
                        } else {
                            tmpl(r.clone())
                        }
                    })
                    .collect::<Vec<_>>(),
            ),
        ),
        ("conditions", condition_values(&s.conditions)),
        (
            "why_unscopable",
            Value::from(
                s.actions
                    .iter()
                    .filter_map(|a| crate::edges::unscopable(a))
                    .map(|(a, _, why)| expr(format!("{a}: {why}")))
                    .collect::<Vec<_>>(),
            ),
        ),
    ]))
}

/// A resource-based policy for `iam.tf`: a policy document its holder's module attaches, or
/// one `aws_lambda_permission` per statement and source ARN (a permission holds one).
fn resource_policy_value(project: &crate::model::Project, r: &iam::ResourcePolicy) -> Value {
    let holder = project.component(&r.holder);
    let permissions =
        crate::edges::policy_form(holder.kind()) == crate::edges::PolicyForm::Permissions;
    let mut statements: Vec<Value> = Vec::new();
    for rs in &r.statements {
        let (kind, identifier) = match &rs.principal {
            iam::Admitted::Service(s) => ("Service", Value::from(*s)),
            iam::Admitted::Role(id) => ("AWS", expr(format!("aws_iam_role.{id}.arn"))),
            iam::Admitted::AccountRole(path) => (
                "AWS",
                tmpl(iam::Admitted::account_role_arn(
                    &crate::hcl::template_literal(path),
                )),
            ),
        };
        let address = format!("{}_{}", r.holder, snake(&rs.statement.sid));
        // A permission is held to its source by `aws:SourceArn` (see `PolicyForm`).
        let sources: Vec<&String> = rs
            .statement
            .conditions
            .iter()
            .filter(|c| c.variable == "aws:SourceArn")
            .flat_map(|c| &c.values)
            .collect();
        let split = permissions && sources.len() > 1;
        let parts: Vec<Option<&String>> = if permissions {
            sources.iter().map(|s| Some(*s)).collect()
        } else {
            vec![None]
        };
        for (i, source) in parts.into_iter().enumerate() {
            let suffix = if split {
                format!("_{}", i + 1)
            } else {
                String::new()
            };
            let mut statement = rs.statement.clone();
            statement.sid = format!("{}{suffix}", statement.sid);
            statements.push(obj(BTreeMap::from([
                ("statement", statement_value(&statement)),
                ("principal_type", Value::from(kind)),
                ("principal", identifier.clone()),
                ("source_arn", Value::from(source.map(|v| tmpl(v.clone())))),
                ("address", expr(format!("{address}{suffix}"))),
            ])));
        }
    }
    obj(BTreeMap::from([
        ("id", expr(r.holder.as_str())),
        ("permissions", Value::from(permissions)),
        ("statements", Value::from(statements)),
    ]))
}

/// `OrderApiToOrderFnInvoke` → `order_api_to_order_fn_invoke`, for resource addresses.
fn snake(pascal: &str) -> String {
    let mut out = String::new();
    for (i, ch) in pascal.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// Resource addresses a component's module must wait for: its identity's policies.
pub fn policy_addresses(p: &iam::RolePolicy) -> Vec<String> {
    let mut out = Vec::new();
    if p.principal().is_some() {
        out.push(format!("aws_iam_role_policy.{}", p.address));
        for i in 0..p.layout.managed.len() {
            out.push(format!(
                "aws_iam_role_policy_attachment.{}_{}",
                p.address,
                i + 1
            ));
        }
        if !p.attached.is_empty() {
            out.push(format!(
                "aws_iam_role_policy_attachment.{}_attached",
                p.address
            ));
        }
    }
    out
}

fn role_value(p: &iam::RolePolicy) -> Value {
    let pick = |idx: &[usize]| -> Value {
        Value::from(
            idx.iter()
                .map(|i| statement_value(&p.statements[*i]))
                .collect::<Vec<_>>(),
        )
    };
    let managed: Vec<Value> = p
        .layout
        .managed
        .iter()
        .enumerate()
        .map(|(i, idx)| {
            obj(BTreeMap::from([
                ("address", expr(format!("{}_{}", p.address, i + 1))),
                ("name", account_wide(&iam::managed_policy_name(p, i))),
                ("statements", pick(idx)),
            ]))
        })
        .collect();
    obj(BTreeMap::from([
        ("id", expr(p.address.as_str())),
        ("name", account_wide(&p.name)),
        ("is_role", Value::from(p.principal().is_some())),
        ("principal", Value::from(p.principal())),
        ("trust_conditions", condition_values(&p.trust_conditions)),
        ("inline", pick(&p.layout.inline)),
        ("managed", Value::from(managed)),
        ("attached", Value::from(p.attached.clone())),
    ]))
}

/// A component's module call with its `tags` argument, when the spec gives the component tags
/// (every component module takes `tags`, default `{}`, so a call without them is unchanged). The
/// argument closes the call's block, after a blank line, one tag a line (the root's alignment
/// lines the values up).
fn with_tags(call: Value, tags: &indexmap::IndexMap<String, String>) -> Value {
    let text = call.as_str().unwrap_or_default();
    let Some(body) = text
        .trim_end()
        .strip_suffix('}')
        .filter(|_| !tags.is_empty())
    else {
        return call;
    };
    let mut out = body.trim_end().to_string();
    out.push_str("\n\n  tags = {\n");
    for (key, value) in tags {
        out.push_str(&format!(
            "    {} = {}\n",
            crate::hcl::quote(key),
            crate::hcl::quote(value)
        ));
    }
    out.push_str("  }\n}");
    out.push_str(&text[text.trim_end().len()..]);
    Value::from_safe_string(out)
}

/// The provider's default tags: the spec's, then the environment, `ManagedBy` and `Project`
/// unless the spec sets them.
fn default_tags(project: &crate::model::Project) -> Vec<(String, String)> {
    let mut tags: Vec<(String, String)> = project
        .tags
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut add = |key: &str, value: &str| {
        if !project.tags.contains_key(key) {
            tags.push((key.into(), value.into()));
        }
    };
    if let Some(env) = &project.env {
        add("Environment", env);
    }
    add("ManagedBy", "pipelinec");
    add("Project", &project.name);
    tags
}

/// The compass words of region names and their letters in a region code, as aligned HCL map
/// lines.
fn region_words() -> Value {
    let width = naming::REGION_WORDS
        .iter()
        .map(|(w, _)| w.len())
        .max()
        .unwrap_or(0);
    Value::from(
        naming::REGION_WORDS
            .iter()
            .map(|(word, short)| expr(format!("{word:<width$} = \"{short}\"")))
            .collect::<Vec<_>>(),
    )
}

/// A name unique in the account (IAM): the spec's name and the region code the render appends.
fn account_wide(name: &str) -> Value {
    tmpl(format!(
        "{}{}",
        crate::hcl::template_literal(name),
        naming::Suffix::Region.template()
    ))
}

/// The `s3` backend's settings, defaults filled in; none without a backend.
fn backend_value(project: &crate::model::Project) -> Value {
    let Some(backend) = &project.backend else {
        return Value::from(());
    };
    let s3 = &backend.s3;
    obj(BTreeMap::from([
        ("bucket", Value::from(s3.bucket.clone())),
        ("key", Value::from(project.backend_key())),
        (
            "region",
            Value::from(s3.region.clone().unwrap_or_else(|| project.region.clone())),
        ),
        ("kms_key_id", Value::from(s3.kms_key_id.clone())),
    ]))
}
