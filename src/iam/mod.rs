//! Least-privilege IAM, derived from the graph's edges through the [`registry`].
//!
//! Each acting component gets one role trusted by its service alone; each statement in its
//! policy exists because of one edge (or the component's own resources) and says which.

pub mod registry;

use crate::graph::Edge;
use crate::hcl;
use crate::model::{Component, ComponentId, Project, Settings};
use crate::naming;
use registry::{Access, Actor, Grant};

/// Why a statement exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// An edge of the graph.
    Edge {
        from: ComponentId,
        to: ComponentId,
        access: Access,
    },
    /// The component's own resources (its log group, its dead-letter queue).
    Own,
}

/// One policy statement. Resources are HCL template strings (they hold `${local.…}`).
#[derive(Debug, Clone)]
pub struct Statement {
    pub sid: String,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
    /// (test, variable, value)
    pub conditions: Vec<(String, String, String)>,
    pub cause: Cause,
}

/// The role of one acting component and everything it may do.
#[derive(Debug, Clone)]
pub struct RolePolicy {
    pub component: ComponentId,
    pub role_name: String,
    /// The service principal trusted to assume the role.
    pub principal: &'static str,
    pub statements: Vec<Statement>,
}

/// Whether a component acts with a role of its own.
pub fn acts(c: &Component) -> bool {
    match &c.settings {
        Settings::GlueCatalog(g) => g.crawler.is_some(),
        _ => registry::principal(c.kind()).is_some(),
    }
}

/// The roles and policies of a project, in component order.
pub fn policies(project: &Project) -> Vec<RolePolicy> {
    let mut out = Vec::new();
    for c in project.components.values().filter(|c| acts(c)) {
        let mut statements = Vec::new();
        for base in registry::BASELINES.iter().filter(|b| b.kind == c.kind()) {
            for g in base.grants {
                let own = facts(project, c);
                if let Some(s) = expand(g, &[("self", &own)], &project.region) {
                    statements.push(Statement {
                        sid: g.sid.to_string(),
                        cause: Cause::Own,
                        ..s
                    });
                }
            }
        }
        for edge in project.graph.edges() {
            statements.extend(edge_statements(project, edge, &c.id));
        }
        out.push(RolePolicy {
            component: c.id.clone(),
            role_name: naming::role(&project.name, c),
            principal: registry::principal(c.kind()).expect("acting kinds have a principal"),
            statements,
        });
    }
    out
}

/// The statements one edge gives to `actor`'s role (none if `actor` is not its acting side).
fn edge_statements(project: &Project, edge: &Edge, actor: &ComponentId) -> Vec<Statement> {
    let from = project.component(&edge.from);
    let to = project.component(&edge.to);
    let Some(rule) = registry::edge(from.kind(), to.kind()) else {
        return Vec::new();
    };
    let acting = match rule.actor {
        Actor::From => from,
        Actor::To => to,
        Actor::Nobody => return Vec::new(),
    };
    if &acting.id != actor || !acts(acting) {
        return Vec::new();
    }
    let (ff, tf) = (facts(project, from), facts(project, to));
    rule.grants
        .iter()
        .filter_map(|g| {
            let s = expand(g, &[("from", &ff), ("to", &tf)], &project.region)?;
            Some(Statement {
                sid: format!("{}To{}{}", from.id.pascal(), to.id.pascal(), g.sid),
                cause: Cause::Edge {
                    from: from.id.clone(),
                    to: to.id.clone(),
                    access: rule.access,
                },
                ..s
            })
        })
        .collect()
}

type Facts = Vec<(&'static str, Vec<String>)>;

/// Expands a grant's templates; `None` when a fact it needs is empty.
fn expand(g: &Grant, sides: &[(&str, &Facts)], region: &str) -> Option<Statement> {
    let mut resources = Vec::new();
    for template in g.resources {
        resources.extend(fill(template, sides, region));
    }
    if resources.is_empty() {
        return None;
    }
    let conditions = g
        .conditions
        .iter()
        .map(|c| {
            let value = fill(c.value, sides, region)
                .into_iter()
                .next()
                .unwrap_or_default();
            (c.test.to_string(), c.variable.to_string(), value)
        })
        .collect();
    Some(Statement {
        sid: String::new(),
        actions: g.actions.iter().map(|a| a.to_string()).collect(),
        resources,
        conditions,
        cause: Cause::Own,
    })
}

/// Fills `{side.fact}` and `{region}` placeholders; one output per combination of values.
fn fill(template: &str, sides: &[(&str, &Facts)], region: &str) -> Vec<String> {
    let mut outs = vec![String::new()];
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = open
            + rest[open..]
                .find('}')
                .expect("registry templates are well formed");
        let key = &rest[open + 1..close];
        for o in &mut outs {
            o.push_str(&rest[..open]);
        }
        let values: Vec<String> = if key == "region" {
            vec![hcl::template_literal(region)]
        } else {
            let (side, fact) = key.split_once('.').expect("placeholders are side.fact");
            sides
                .iter()
                .find(|(s, _)| *s == side)
                .and_then(|(_, f)| f.iter().find(|(n, _)| *n == fact))
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        outs = outs
            .iter()
            .flat_map(|o| values.iter().map(move |v| format!("{o}{v}")))
            .collect();
        rest = &rest[close + 1..];
    }
    for o in &mut outs {
        o.push_str(rest);
    }
    outs
}

/// `arn:<partition>:<service>:<region>:<account>:<resource>` as an HCL template string body.
pub fn arn(service: &str, resource: &str) -> String {
    format!("arn:${{local.partition}}:{service}:${{local.region}}:${{local.account_id}}:{resource}")
}

/// The ARN of a bucket pipelinec names (account suffix included).
pub fn bucket_arn(stem: &str) -> String {
    format!(
        "arn:${{local.partition}}:s3:::{}-${{local.account_id}}",
        hcl::template_literal(stem)
    )
}

/// What the registry's templates can refer to for one component. Values are HCL template
/// string bodies, already escaped.
pub fn facts(project: &Project, c: &Component) -> Facts {
    let p = &project.name;
    let base = hcl::template_literal(&naming::base(p, &c.id));
    let lit = |s: &str| hcl::template_literal(s);
    let key_arn = |k: &Option<String>| k.iter().map(|k| lit(k)).collect::<Vec<_>>();
    match &c.settings {
        Settings::KinesisStream(s) => vec![
            (
                "stream_arn",
                vec![arn("kinesis", &format!("stream/{base}"))],
            ),
            ("kms_key_arn", key_arn(&s.kms_key)),
        ],
        Settings::Firehose(f) => {
            let group = format!("/aws/kinesisfirehose/{base}");
            vec![
                ("prefix", vec![lit(&firehose_prefix(&c.id, f))]),
                ("error_prefix", vec![lit(&f.error_prefix)]),
                (
                    "log_stream_arn",
                    vec![arn(
                        "logs",
                        &format!("log-group:{group}:log-stream:DestinationDelivery"),
                    )],
                ),
            ]
        }
        Settings::Lambda(l) => vec![
            ("output_prefix", vec![lit(&lambda_output_prefix(&c.id, l))]),
            (
                "log_group_arn",
                vec![arn("logs", &format!("log-group:/aws/lambda/{base}"))],
            ),
            (
                "dlq_arn",
                match l.on_failure {
                    crate::spec::OnFailure::Sqs => vec![arn("sqs", &format!("{base}-failures"))],
                    crate::spec::OnFailure::None => vec![],
                },
            ),
        ],
        Settings::S3DataLake(s) => vec![
            (
                "bucket_arn",
                vec![bucket_arn(&naming::bucket_stem(p, &c.id, ""))],
            ),
            ("kms_key_arn", key_arn(&s.kms_key_arn)),
        ],
        Settings::GlueCatalog(g) => {
            let db = lit(&naming::glue_database(p, &c.id));
            vec![
                (
                    "table_prefix",
                    g.tables.values().map(|t| lit(&t.prefix)).collect(),
                ),
                ("catalog_arn", vec![arn("glue", "catalog")]),
                ("database_arn", vec![arn("glue", &format!("database/{db}"))]),
                (
                    "table_arn",
                    g.tables
                        .keys()
                        .map(|t| arn("glue", &format!("table/{db}/{}", lit(t))))
                        .collect(),
                ),
                (
                    "crawler_log_group_arn",
                    vec![arn("logs", "log-group:/aws-glue/crawlers")],
                ),
                (
                    "crawler_log_arn",
                    vec![arn(
                        "logs",
                        &format!("log-group:/aws-glue/crawlers:log-stream:{base}"),
                    )],
                ),
            ]
        }
        Settings::Athena(_) => vec![(
            "workgroup_arn",
            vec![arn("athena", &format!("workgroup/{base}"))],
        )],
    }
}

/// The key prefix a Firehose delivers under (before its date partitions).
pub fn firehose_prefix(id: &ComponentId, f: &crate::spec::Firehose) -> String {
    f.prefix
        .clone()
        .unwrap_or_else(|| format!("{}/", id.kebab()))
}

/// The key prefix a Lambda writes under in its S3 sinks.
pub fn lambda_output_prefix(id: &ComponentId, l: &crate::spec::Lambda) -> String {
    l.output_prefix
        .clone()
        .unwrap_or_else(|| format!("{}/", id.kebab()))
}
