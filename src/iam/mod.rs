//! Least-privilege IAM, derived from the graph's edges through the [`registry`].
//!
//! Each acting component gets one identity (a role trusted by its service alone, or for Athena
//! a policy for its callers). Each statement exists because of edges of the graph (or the
//! component's own resources) and names them. Statements are laid out across an inline policy
//! and managed policies so that no IAM size quota is exceeded ([`layout`]).

pub mod layout;
pub mod registry;
pub mod report;

use crate::graph::Edge;
use crate::hcl;
use crate::model::{Component, ComponentId, Project, Settings};
use crate::naming;
use registry::{Access, Actor, Grant, Identity};

pub use layout::Layout;

/// Why a statement exists.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cause {
    /// An edge of the graph.
    Edge {
        from: ComponentId,
        to: ComponentId,
        access: Access,
    },
    /// The component's own resources (its log group, its dead-letter queue).
    Own(ComponentId),
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cause::Edge { from, to, access } => write!(f, "{from} -> {to} ({})", access.as_str()),
            Cause::Own(id) => write!(f, "own resources of {id}"),
        }
    }
}

/// An IAM condition with its (template) value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Condition {
    pub test: String,
    pub variable: String,
    pub values: Vec<String>,
}

/// One policy statement. Resources and condition values are HCL template string bodies (they
/// may hold `${local.partition}`, `${local.region}` and `${local.account_id}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sid: String,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
    pub conditions: Vec<Condition>,
    /// The edges (or own resources) that need this statement, in graph order.
    pub causes: Vec<Cause>,
}

/// The identity of one acting component and everything it may do.
#[derive(Debug, Clone)]
pub struct RolePolicy {
    pub component: ComponentId,
    /// Role name, or managed-policy name for a caller policy.
    pub name: String,
    pub identity: Identity,
    /// Conditions of the trust policy (confused-deputy protection).
    pub trust_conditions: Vec<Condition>,
    pub statements: Vec<Statement>,
    pub layout: Layout,
}

impl RolePolicy {
    /// The trusted service, for roles.
    pub fn principal(&self) -> Option<&'static str> {
        match self.identity {
            Identity::Role(p) => Some(p),
            Identity::CallerPolicy => None,
        }
    }
}

/// Whether a component acts with an identity of its own.
pub fn acts(c: &Component) -> bool {
    match &c.settings {
        Settings::GlueCatalog(g) => g.crawler.is_some(),
        _ => registry::identity(c.kind()).is_some(),
    }
}

/// The identities and policies of a project, in component order, laid out within IAM quotas.
/// Fails with the roles that cannot fit.
pub fn policies(project: &Project) -> Result<Vec<RolePolicy>, Vec<layout::TooLarge>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for c in project.components.values().filter(|c| acts(c)) {
        let statements = statements_of(project, c);
        let identity = registry::identity(c.kind()).expect("acting kinds have an identity");
        let name = naming::role(&project.name, c);
        match layout::lay_out(&name, identity, &statements) {
            Ok((statements, layout)) => out.push(RolePolicy {
                component: c.id.clone(),
                name,
                identity,
                trust_conditions: trust_conditions(identity),
                statements,
                layout,
            }),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Confused-deputy conditions on a role's trust policy, for the services that document them.
fn trust_conditions(identity: Identity) -> Vec<Condition> {
    let Identity::Role(principal) = identity else {
        return Vec::new();
    };
    registry::TRUST_CONDITIONS
        .iter()
        .filter(|(p, _)| *p == principal)
        .map(|(_, c)| Condition {
            test: c.test.to_string(),
            variable: c.variable.to_string(),
            values: vec![c.value.to_string()],
        })
        .collect()
}

/// Name of the `i`-th managed policy of an identity.
pub fn managed_policy_name(r: &RolePolicy, i: usize) -> String {
    match r.identity {
        Identity::CallerPolicy if i == 0 => r.name.clone(),
        _ => format!("{}-{}", r.name, i + 1),
    }
}

/// Every statement of one component, merged per registry grant.
pub fn statements_of(project: &Project, c: &Component) -> Vec<Statement> {
    merge(raw_statements(project, c))
}

/// Every permission of a project, attributed to its single cause, before statements are
/// merged: (identity, cause, action, resource). For review tools and tests.
pub fn attributed(project: &Project) -> Vec<(ComponentId, Cause, String, String)> {
    let mut out = Vec::new();
    for c in project.components.values().filter(|c| acts(c)) {
        for (_, s) in raw_statements(project, c) {
            for cause in &s.causes {
                for a in &s.actions {
                    for r in &s.resources {
                        out.push((c.id.clone(), cause.clone(), a.clone(), r.clone()));
                    }
                }
            }
        }
    }
    out
}

/// One statement per grant and cause, keyed by grant for merging.
fn raw_statements(project: &Project, c: &Component) -> Vec<(String, Statement)> {
    let mut raw: Vec<(String, Statement)> = Vec::new();
    let own = facts(project, c);
    for base in registry::BASELINES.iter().filter(|b| b.kind == c.kind()) {
        for g in base.grants {
            if let Some(s) = expand(g, &[("self", &own)], &project.region) {
                raw.push((
                    format!("own:{}", g.sid),
                    Statement {
                        sid: g.sid.to_string(),
                        causes: vec![Cause::Own(c.id.clone())],
                        ..s
                    },
                ));
            }
        }
    }
    for edge in project.graph.edges() {
        raw.extend(edge_statements(project, edge, &c.id));
    }
    raw
}

/// Merges statements of the same registry grant (e.g. reads of several streams) into one
/// statement listing every resource and every edge, in first-seen order.
fn merge(raw: Vec<(String, Statement)>) -> Vec<Statement> {
    let mut keys: Vec<String> = Vec::new();
    let mut out: Vec<Statement> = Vec::new();
    for (key, s) in raw {
        match keys.iter().position(|k| *k == key) {
            Some(i) => {
                let m = &mut out[i];
                for r in s.resources {
                    if !m.resources.contains(&r) {
                        m.resources.push(r);
                    }
                }
                m.causes.extend(s.causes);
                // Several edges: name the statement after the kinds, not one edge's ids.
                m.sid = key.split(':').nth(1).unwrap_or(&m.sid).to_string();
            }
            None => {
                keys.push(key);
                out.push(s);
            }
        }
    }
    out
}

/// The statements one edge gives to `actor` (none if `actor` is not its acting side).
fn edge_statements(
    project: &Project,
    edge: &Edge,
    actor: &ComponentId,
) -> Vec<(String, Statement)> {
    let from = project.component(&edge.from);
    let to = project.component(&edge.to);
    let Some(rule) = registry::edge(from.kind(), to.kind()) else {
        return Vec::new();
    };
    let acting = match rule.actor {
        Actor::From => from,
        Actor::To => to,
    };
    if &acting.id != actor || !acts(acting) {
        return Vec::new();
    }
    let (ff, tf) = (facts(project, from), facts(project, to));
    rule.grants
        .iter()
        .filter_map(|g| {
            let s = expand(g, &[("from", &ff), ("to", &tf)], &project.region)?;
            let kinds = format!(
                "{}To{}{}",
                pascal(from.kind().as_str()),
                pascal(to.kind().as_str()),
                g.sid
            );
            Some((
                format!("edge:{kinds}"),
                Statement {
                    sid: format!("{}To{}{}", from.id.pascal(), to.id.pascal(), g.sid),
                    causes: vec![Cause::Edge {
                        from: from.id.clone(),
                        to: to.id.clone(),
                        access: rule.access,
                    }],
                    ..s
                },
            ))
        })
        .collect()
}

fn pascal(snake: &str) -> String {
    ComponentId::new(snake).pascal()
}

type Facts = Vec<(&'static str, Vec<String>)>;

fn fact<'a>(sides: &'a [(&str, &Facts)], key: &str) -> Option<&'a Vec<String>> {
    let (side, name) = key.split_once('.')?;
    sides
        .iter()
        .find(|(s, _)| *s == side)
        .and_then(|(_, f)| f.iter().find(|(n, _)| *n == name))
        .map(|(_, v)| v)
}

/// Expands a grant's templates; `None` when its `when` fact or a fact it needs is empty.
fn expand(g: &Grant, sides: &[(&str, &Facts)], region: &str) -> Option<Statement> {
    if !g.when.is_empty() && fact(sides, g.when).is_none_or(Vec::is_empty) {
        return None;
    }
    let mut resources = Vec::new();
    for template in g.resources {
        resources.extend(fill(template, sides, region));
    }
    if resources.is_empty() {
        return None;
    }
    let mut conditions: Vec<Condition> = g
        .conditions
        .iter()
        .map(|c| Condition {
            test: c.test.to_string(),
            variable: c.variable.to_string(),
            values: fill(c.value, sides, region),
        })
        .collect();
    // A condition whose fact is empty would vanish and widen the grant: drop the grant.
    if conditions.iter().any(|c| c.values.is_empty()) {
        return None;
    }
    // Unscopable actions carry their narrowing condition from the registry's list.
    for a in g.actions {
        if let Some((_, Some(c), _)) = registry::unscopable(a) {
            conditions.push(Condition {
                test: c.test.to_string(),
                variable: c.variable.to_string(),
                values: fill(c.value, sides, region),
            });
        }
    }
    Some(Statement {
        sid: String::new(),
        actions: g.actions.iter().map(|a| a.to_string()).collect(),
        resources,
        conditions,
        causes: Vec::new(),
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
            fact(sides, key).cloned().unwrap_or_default()
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
    let flag = |on: bool| if on { vec!["true".to_string()] } else { vec![] };
    match &c.settings {
        Settings::KinesisStream(s) => vec![
            (
                "stream_arn",
                vec![arn("kinesis", &format!("stream/{base}"))],
            ),
            (
                "kms_key_arn",
                match s.encryption {
                    crate::spec::StreamEncryption::Kms => key_arn(&s.kms_key),
                    crate::spec::StreamEncryption::None => vec![],
                },
            ),
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
        Settings::Lambda(l) => {
            // The failure bucket: a lake of the spec (with its key), or the function's own.
            let lake = l
                .failure_bucket
                .as_ref()
                .and_then(|id| project.components.get(&ComponentId::new(id.clone())))
                .map(|lake| facts(project, lake))
                .unwrap_or_default();
            let of_lake = |name: &str| {
                lake.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            let (failure_bucket, failure_key) = match (l.on_failure, &l.failure_bucket) {
                (crate::spec::OnFailure::S3, Some(_)) => {
                    (of_lake("bucket_arn"), of_lake("kms_key_arn"))
                }
                (crate::spec::OnFailure::S3, None) => (
                    vec![bucket_arn(&naming::bucket_stem(p, &c.id, "failures"))],
                    vec![],
                ),
                _ => (vec![], vec![]),
            };
            vec![
                ("output_prefix", vec![lit(&lambda_output_prefix(&c.id, l))]),
                (
                    "log_group_arn",
                    vec![arn("logs", &format!("log-group:/aws/lambda/{base}"))],
                ),
                (
                    "dlq_arn",
                    match l.on_failure {
                        crate::spec::OnFailure::Sqs => {
                            vec![arn("sqs", &format!("{base}-failures"))]
                        }
                        _ => vec![],
                    },
                ),
                ("failure_bucket_arn", failure_bucket),
                ("failure_kms_key_arn", failure_key),
                ("tracing", flag(l.tracing == crate::spec::Tracing::Active)),
            ]
        }
        Settings::S3DataLake(s) => vec![
            (
                "bucket_arn",
                vec![bucket_arn(&naming::bucket_stem(p, &c.id, ""))],
            ),
            (
                "kms_key_arn",
                match s.encryption {
                    crate::spec::BucketEncryption::SseKms => key_arn(&s.kms_key_arn),
                    crate::spec::BucketEncryption::SseS3 => vec![],
                },
            ),
        ],
        Settings::GlueCatalog(g) => {
            let db = lit(&naming::glue_database(p, &c.id));
            let lake = project
                .graph
                .incoming(&c.id)
                .map(|e| project.component(&e.from))
                .find(|l| matches!(l.settings, Settings::S3DataLake(_)));
            let lake_facts = lake.map(|l| facts(project, l)).unwrap_or_default();
            let from_lake = |name: &str| {
                lake_facts
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            // A crawler keeps only tables without partition projection (see `crawled_tables`).
            let crawled = crate::check::crawled_tables(g);
            vec![
                (
                    "table_prefix",
                    g.tables.values().map(|t| lit(&t.prefix)).collect(),
                ),
                (
                    "crawled_prefix",
                    crawled.iter().map(|(_, t)| lit(&t.prefix)).collect(),
                ),
                (
                    "crawled_table_arn",
                    crawled
                        .iter()
                        .map(|(name, _)| arn("glue", &format!("table/{db}/{}", lit(name))))
                        .collect(),
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
                ("lake_bucket_arn", from_lake("bucket_arn")),
                ("lake_kms_key_arn", from_lake("kms_key_arn")),
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
        Settings::Athena(_) => vec![
            (
                "workgroup_arn",
                vec![arn("athena", &format!("workgroup/{base}"))],
            ),
            (
                "datacatalog_arn",
                vec![arn("athena", "datacatalog/AwsDataCatalog")],
            ),
            (
                "results_bucket_arn",
                vec![bucket_arn(&naming::bucket_stem(p, &c.id, "results"))],
            ),
        ],
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
