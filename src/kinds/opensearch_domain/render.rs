//! The module call of an OpenSearch domain: its cluster, encryption, logs, and the access
//! policy built from the edges into it.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{LOG_TYPES, OpensearchDomain};
use crate::iam;
use crate::model::{ComponentId, Project};
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
        cx.set("access_statements", access_statements(cx.project, &cx.c.id));
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

/// The statements of a resource policy on `target`, built from the edges into it: for each
/// edge whose acting side is the source (a function indexing into the domain), the statements
/// that edge gives the source's role, each admitting that role as its principal with exactly
/// the same actions, resources and conditions. Nothing here knows the kinds: it reads the
/// edge table through `iam::edge_grants`, so a bucket or queue policy could be built the same
/// way (it belongs in `iam` once a second kind needs it). A statement whose resources are not
/// the target's (a KMS key grant of the same edge) would not belong in the target's policy:
/// only grants whose resources all start with one of `own_prefixes` are kept.
fn resource_policy_statements(
    project: &Project,
    target: &ComponentId,
    own_prefixes: &[String],
) -> Vec<(ComponentId, iam::Statement)> {
    let mut out = Vec::new();
    for edge in project.graph.incoming(target) {
        // A checked project's grants expand (the IAM stage refused any that do not).
        let Ok(Some((actor, statements))) = iam::edge_grants(project, edge) else {
            continue;
        };
        if actor == *target {
            continue;
        }
        for s in statements {
            let own = s
                .resources
                .iter()
                .all(|r| own_prefixes.iter().any(|p| r.starts_with(p.as_str())));
            if own {
                out.push((actor.clone(), s));
            }
        }
    }
    out
}

/// The domain access policy's statements, as template values: `sid`, `principals` (role
/// ARNs), `actions`, `resources` and `conditions`.
fn access_statements(project: &Project, id: &ComponentId) -> Value {
    let c = project.component(id);
    let domain_arn = iam::get(&iam::facts(project, c), "domain_arn");
    let prefixes: Vec<String> = domain_arn.iter().map(|f| format!("{}/", f.body)).collect();
    let statements = resource_policy_statements(project, id, &prefixes);
    Value::from(
        statements
            .into_iter()
            .map(|(actor, s)| {
                obj(BTreeMap::from([
                    ("sid", Value::from(s.sid)),
                    (
                        "principals",
                        Value::from(vec![expr(format!("aws_iam_role.{actor}.arn"))]),
                    ),
                    ("actions", Value::from(s.actions)),
                    (
                        "resources",
                        Value::from(s.resources.into_iter().map(tmpl).collect::<Vec<_>>()),
                    ),
                    (
                        "conditions",
                        Value::from(
                            s.conditions
                                .into_iter()
                                .map(|k| {
                                    obj(BTreeMap::from([
                                        ("test", Value::from(k.test)),
                                        ("variable", Value::from(k.variable)),
                                        (
                                            "values",
                                            Value::from(
                                                k.values.into_iter().map(tmpl).collect::<Vec<_>>(),
                                            ),
                                        ),
                                    ]))
                                })
                                .collect::<Vec<_>>(),
                        ),
                    ),
                ]))
            })
            .collect::<Vec<_>>(),
    )
}
