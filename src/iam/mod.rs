//! Least-privilege IAM, derived from the graph's edges through the [`registry`].
//!
//! Each acting component gets one identity (a role trusted by its service alone, or for Athena
//! a policy for its callers). Each statement exists because of edges of the graph (or the
//! component's own resources) and names them. Statements are laid out across an inline policy
//! and managed policies so that no IAM size quota is exceeded ([`layout`]).

mod facts;
pub mod layout;
pub mod report;
mod resource;

use crate::edges::{self as registry, Access, Actor, Grant, Identity};
use crate::graph::Edge;
use crate::kinds::Settings;
use crate::model::{Component, ComponentId, Project};
use crate::naming;

pub use facts::{Fact, FactCx, Facts, Origin, arn, bucket_arn, fixed, flag, get, toward};

pub use layout::Layout;
pub use resource::{Admitted, ResourcePolicy, ResourceStatement, resource_policies};

/// Why a statement exists.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cause {
    /// An edge of the graph.
    Edge {
        from: ComponentId,
        to: ComponentId,
        access: Access,
        /// What the spec calls this access: its `access` word where the two kinds have
        /// several (`read`, `stream`), else the access's own name.
        word: &'static str,
    },
    /// The component's own resources (its log group, its dead-letter queue).
    Own(ComponentId),
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cause::Edge { from, to, word, .. } => write!(f, "{from} -> {to} ({word})"),
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

/// The identity of one acting component, or a role one of its edges needs of its own
/// ([`registry::EDGE_ROLES`]), and everything it may do.
#[derive(Debug, Clone)]
pub struct RolePolicy {
    pub component: ComponentId,
    /// The Terraform name of its resources (`aws_iam_role.<address>`): the component id for
    /// the component's identity, `<id>-<suffix>` for an edge's role.
    pub address: String,
    /// Role name, or managed-policy name for a caller policy.
    pub name: String,
    pub identity: Identity,
    /// For a caller policy meant for one role of the account (QuickSight's service role), the
    /// role's path and name; `None` when it is for whoever queries.
    pub attach_to: Option<&'static str>,
    /// Conditions of the trust policy (confused-deputy protection).
    pub trust_conditions: Vec<Condition>,
    pub statements: Vec<Statement>,
    pub layout: Layout,
    /// Managed policies the spec attaches to the role itself (see
    /// [`KindIam::attached_policies`]), by ARN: not derived, so not least-privilege.
    pub attached: Vec<String>,
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

/// What a component kind offers to IAM: whether it acts, its identity's name, and the facts
/// the edge table's templates are filled with. Which identity a kind acts with and what each
/// edge grants are in the edge table ([`crate::edges`]), where a reviewer reads them.
pub trait KindIam {
    /// Whether the component acts with an identity of its own, given its settings (the edge
    /// table's `identity` says with which).
    fn acts(&self, project: &Project) -> bool {
        let _ = project;
        true
    }

    /// The suffix of its identity's name after `<project>-<id>` (`crawler`, `query`).
    fn identity_suffix(&self, cx: &FactCx<'_>) -> &'static str {
        let _ = cx;
        ""
    }

    /// For a caller policy meant for one role of the account rather than for whoever queries
    /// (QuickSight's service role), that role's path and name.
    fn attach_to(&self, cx: &FactCx<'_>) -> Option<&'static str> {
        let _ = cx;
        None
    }

    /// What the edge table's templates can refer to for this component: name → values.
    fn facts(&self, cx: &FactCx<'_>) -> Facts;

    /// ARNs of managed policies the spec attaches to the component's role itself (a function's
    /// `managed_policy_arns`), outside what the edges derive; they share the role's quota of
    /// managed policies with the derived ones.
    fn attached_policies(&self) -> &[String] {
        &[]
    }
}

/// The IAM side of a component's kind.
pub fn kind_iam(settings: &Settings) -> &dyn KindIam {
    crate::with_kind!(settings, k => k as &dyn KindIam)
}

/// Whether a component acts with an identity of its own.
pub fn acts(project: &Project, c: &Component) -> bool {
    registry::identity(c.kind()).is_some() && kind_iam(&c.settings).acts(project)
}

/// The name of a component's role (or caller policy).
pub fn identity_name(project: &Project, c: &Component) -> String {
    naming::identity(
        &project.name,
        &c.id,
        kind_iam(&c.settings).identity_suffix(&FactCx { project, c }),
    )
}

/// The Terraform address of the role an edge of `c` needs of its own (see
/// [`registry::EdgeRole`]).
pub fn edge_role_address(c: &ComponentId, suffix: &str) -> String {
    format!("{c}-{suffix}")
}

/// The facts of one component (see [`KindIam::facts`]).
pub fn facts(project: &Project, c: &Component) -> Facts {
    kind_iam(&c.settings).facts(&FactCx { project, c })
}

/// Why a project's permissions cannot be written.
#[derive(Debug, Clone)]
pub enum PolicyError {
    /// A role's statements do not fit IAM's quotas.
    TooLarge(layout::TooLarge),
    /// A spec value would put a wildcard into a policy.
    Wildcard(Wildcard),
}

/// A spec value holding a character IAM reads as a wildcard (`*` or `?`), found while
/// expanding a grant: the expansion refuses it, whichever fact (prefix, name, table, key ARN)
/// carried it, so no statement can match more than the registry's template says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Wildcard {
    /// The fact, as the template names it (`from.prefix`).
    pub fact: String,
    /// The wildcard character.
    pub found: char,
    /// The spec value it came from, if the fact records one.
    pub origin: Option<Origin>,
    /// The resource or condition value the grant would have had.
    pub would_be: String,
}

/// The identities and policies of a project, in component order, laid out within IAM quotas.
/// Fails with every spec value that would widen a grant, or else with the roles that cannot
/// fit.
pub fn policies(project: &Project) -> Result<Vec<RolePolicy>, Vec<PolicyError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut wildcards: Vec<Wildcard> = Vec::new();
    let keep = |wildcards: &mut Vec<Wildcard>, found: Vec<Wildcard>| {
        for w in found {
            if !wildcards.iter().any(|seen| seen.origin == w.origin) {
                wildcards.push(w);
            }
        }
    };
    for c in project.components.values() {
        // The component's identity, then the roles its edges need of their own.
        let mut identities = Vec::new();
        let attached = kind_iam(&c.settings).attached_policies();
        if acts(project, c) {
            match statements_of(project, c) {
                Ok(statements) => {
                    let identity =
                        registry::identity(c.kind()).expect("acting kinds have an identity");
                    identities.push((
                        c.id.to_string(),
                        identity_name(project, c),
                        identity,
                        kind_iam(&c.settings).attach_to(&FactCx { project, c }),
                        statements,
                        attached.to_vec(),
                    ));
                }
                Err(w) => keep(&mut wildcards, w),
            }
        }
        let (roles, found) = edge_role_statements(project, c);
        keep(&mut wildcards, found);
        for (role, raw) in roles {
            identities.push((
                edge_role_address(&c.id, role.suffix),
                naming::identity(&project.name, &c.id, role.suffix),
                Identity::Role(role.service),
                None,
                merge(raw),
                Vec::new(),
            ));
        }
        for (address, name, identity, attach_to, statements, attached) in identities {
            match layout::lay_out(&name, identity, &statements, attached.len()) {
                Ok((statements, layout)) => out.push(RolePolicy {
                    component: c.id.clone(),
                    address,
                    name,
                    identity,
                    attach_to,
                    trust_conditions: trust_conditions(identity),
                    statements,
                    layout,
                    attached,
                }),
                Err(e) => errors.push(PolicyError::TooLarge(e)),
            }
        }
    }
    if !wildcards.is_empty() {
        return Err(wildcards.into_iter().map(PolicyError::Wildcard).collect());
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The roles the edges of `c` need of their own, each with its statements (one per grant and
/// edge), and every spec value that would put a wildcard into one.
fn edge_role_statements(project: &Project, c: &Component) -> (RawEdgeRoles, Vec<Wildcard>) {
    let region = region_fact(project);
    let mut wildcards = Vec::new();
    let mut roles: RawEdgeRoles = Vec::new();
    for edge in project.graph.touching(&c.id) {
        let from = project.component(&edge.from);
        let to = project.component(&edge.to);
        for role in registry::edge_roles(from.kind(), to.kind()) {
            let holder = match role.holder {
                Actor::From => from,
                Actor::To => to,
            };
            if role.access != edge.access || holder.id != c.id {
                continue;
            }
            let rule = registry::EdgeRule {
                from: role.from,
                to: role.to,
                access: role.access,
                actor: role.holder,
                grants: role.grants,
            };
            let raw = match grant_statements(project, &rule, edge, &region) {
                Ok(raw) => raw,
                Err(w) => {
                    wildcards.extend(w);
                    continue;
                }
            };
            match roles.iter_mut().find(|(r, _)| r.suffix == role.suffix) {
                Some((_, all)) => all.extend(raw),
                None => roles.push((role, raw)),
            }
        }
    }
    roles.retain(|(_, raw)| !raw.is_empty());
    (roles, wildcards)
}

/// Each role an edge needs of its own, with its statements per grant and cause, not merged.
type RawEdgeRoles = Vec<(&'static registry::EdgeRole, Vec<(String, Statement)>)>;

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

/// Every statement of one component, merged per registry grant; or every spec value that
/// would put a wildcard into one.
pub fn statements_of(project: &Project, c: &Component) -> Result<Vec<Statement>, Vec<Wildcard>> {
    raw_statements(project, c).map(merge)
}

/// Every permission of a checked project, attributed to its single cause, before statements
/// are merged: (identity, cause, action, resource). For review tools and tests.
pub fn attributed(project: &Project) -> Vec<(ComponentId, Cause, String, String)> {
    let mut out = Vec::new();
    for c in project.components.values() {
        let mut raw = if acts(project, c) {
            raw_statements(project, c).expect("a checked project's grants expanded")
        } else {
            Vec::new()
        };
        let (roles, wildcards) = edge_role_statements(project, c);
        assert!(wildcards.is_empty(), "a checked project's grants expanded");
        raw.extend(roles.into_iter().flat_map(|(_, statements)| statements));
        for (_, s) in raw {
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
fn raw_statements(
    project: &Project,
    c: &Component,
) -> Result<Vec<(String, Statement)>, Vec<Wildcard>> {
    let mut raw: Vec<(String, Statement)> = Vec::new();
    let mut wildcards = Vec::new();
    let own = facts(project, c);
    let region = region_fact(project);
    for base in registry::BASELINES.iter().filter(|b| b.kind == c.kind()) {
        for g in base.grants {
            match expand(g, &[("self", &own)], &region) {
                Ok(Some(s)) => raw.push((
                    format!("own:{}", g.sid),
                    Statement {
                        sid: g.sid.to_string(),
                        causes: vec![Cause::Own(c.id.clone())],
                        ..s
                    },
                )),
                Ok(None) => {}
                Err(w) => wildcards.push(w),
            }
        }
    }
    // Only an edge at `c` can make `c` its acting side.
    for edge in project.graph.touching(&c.id) {
        match edge_statements(project, edge, &c.id, &region) {
            Ok(s) => raw.extend(s),
            Err(w) => wildcards.extend(w),
        }
    }
    if wildcards.is_empty() {
        Ok(raw)
    } else {
        Err(wildcards)
    }
}

fn region_fact(project: &Project) -> Fact {
    Fact::spec(&project.region, "/region", false)
}

/// Merges statements of the same registry grant (e.g. reads of several streams) into one
/// statement listing every resource and every edge, in first-seen order. Only statements with
/// equal conditions merge: a condition holds for every resource of its statement, so merging
/// two (a workflow calling two APIs, each on its own URL) would let each URL reach the
/// other's resources.
fn merge(raw: Vec<(String, Statement)>) -> Vec<Statement> {
    let mut keys: Vec<(String, Vec<Condition>)> = Vec::new();
    let mut out: Vec<Statement> = Vec::new();
    for (key, s) in raw {
        let key = (key, s.conditions.clone());
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
                m.sid = key.0.split(':').nth(1).unwrap_or(&m.sid).to_string();
            }
            None => {
                keys.push(key);
                out.push(s);
            }
        }
    }
    // Two merged statements of one grant with different conditions share the kinds' name:
    // number the later ones.
    for i in 1..out.len() {
        let taken = |sid: &str, out: &[Statement]| out[..i].iter().any(|o| o.sid == sid);
        if taken(&out[i].sid, &out) {
            let mut n = 2;
            while taken(&format!("{}{n}", out[i].sid), &out) {
                n += 1;
            }
            out[i].sid = format!("{}{n}", out[i].sid);
        }
    }
    out
}

/// The statements one edge gives to `actor` (none if `actor` is not its acting side).
fn edge_statements(
    project: &Project,
    edge: &Edge,
    actor: &ComponentId,
    region: &Fact,
) -> Result<Vec<(String, Statement)>, Vec<Wildcard>> {
    let from = project.component(&edge.from);
    let to = project.component(&edge.to);
    let Some(rule) = registry::edge_for(from.kind(), to.kind(), edge.access) else {
        return Ok(Vec::new());
    };
    let acting = match rule.actor {
        Actor::From => from,
        Actor::To => to,
    };
    if &acting.id != actor || !acts(project, acting) {
        return Ok(Vec::new());
    }
    grant_statements(project, rule, edge, region)
}

/// The statements of a row's grants for one edge, each keyed by the kinds and the grant for
/// merging.
fn grant_statements(
    project: &Project,
    rule: &registry::EdgeRule,
    edge: &Edge,
    region: &Fact,
) -> Result<Vec<(String, Statement)>, Vec<Wildcard>> {
    let from = project.component(&edge.from);
    let to = project.component(&edge.to);
    let (ff, tf) = (
        toward(facts(project, from), to.id.as_str()),
        toward(facts(project, to), from.id.as_str()),
    );
    let mut out = Vec::new();
    let mut wildcards = Vec::new();
    for g in rule.grants {
        let s = match expand(g, &[("from", &ff), ("to", &tf)], region) {
            Ok(Some(s)) => s,
            Ok(None) => continue,
            Err(w) => {
                wildcards.push(w);
                continue;
            }
        };
        let kinds = format!(
            "{}To{}{}",
            pascal(from.kind().as_str()),
            pascal(to.kind().as_str()),
            g.sid
        );
        out.push((
            format!("edge:{kinds}"),
            Statement {
                sid: format!("{}To{}{}", from.id.pascal(), to.id.pascal(), g.sid),
                causes: vec![Cause::Edge {
                    from: from.id.clone(),
                    to: to.id.clone(),
                    access: rule.access,
                    word: registry::word(from.kind(), to.kind(), rule.access),
                }],
                ..s
            },
        ));
    }
    if wildcards.is_empty() {
        Ok(out)
    } else {
        Err(wildcards)
    }
}

fn pascal(snake: &str) -> String {
    ComponentId::new(snake).pascal()
}

fn fact<'a>(sides: &'a [(&str, &Facts)], key: &str) -> Option<&'a Vec<Fact>> {
    let (side, name) = key.split_once('.')?;
    sides
        .iter()
        .find(|(s, _)| *s == side)
        .and_then(|(_, f)| f.iter().find(|(n, _)| *n == name))
        .map(|(_, v)| v)
}

/// Expands a grant's templates; `Ok(None)` when its `when` fact or a fact it needs is empty.
fn expand(
    g: &Grant,
    sides: &[(&str, &Facts)],
    region: &Fact,
) -> Result<Option<Statement>, Wildcard> {
    if !g.when.is_empty() && fact(sides, g.when).is_none_or(Vec::is_empty) {
        return Ok(None);
    }
    let mut resources = Vec::new();
    for template in g.resources {
        resources.extend(fill(template, sides, region)?);
    }
    if resources.is_empty() {
        return Ok(None);
    }
    let mut conditions = Vec::new();
    for c in g.conditions {
        let values = fill(c.value, sides, region)?;
        // A condition whose fact is empty would vanish and widen the grant: drop the grant.
        if values.is_empty() {
            return Ok(None);
        }
        conditions.push(Condition {
            test: c.test.to_string(),
            variable: c.variable.to_string(),
            values,
        });
    }
    // Unscopable actions carry their narrowing condition from the registry's list.
    for a in g.actions {
        if let Some((_, Some(c), _)) = registry::unscopable(a) {
            conditions.push(Condition {
                test: c.test.to_string(),
                variable: c.variable.to_string(),
                values: fill(c.value, sides, region)?,
            });
        }
    }
    Ok(Some(Statement {
        sid: String::new(),
        actions: g.actions.iter().map(|a| a.to_string()).collect(),
        resources,
        conditions,
        causes: Vec::new(),
    }))
}

/// Characters IAM reads as wildcards in resource ARNs (and in `StringLike` conditions).
pub const WILDCARDS: [char; 2] = ['*', '?'];

/// Fills `{side.fact}` and `{region}` placeholders; one output per combination of values.
/// Wildcards in the output come from the template only: a fact value holding one is refused.
fn fill(template: &str, sides: &[(&str, &Facts)], region: &Fact) -> Result<Vec<String>, Wildcard> {
    let mut outs = vec![String::new()];
    let mut rest = template;
    let region = std::slice::from_ref(region);
    while let Some(open) = rest.find('{') {
        let close = open
            + rest[open..]
                .find('}')
                .expect("registry templates are well formed");
        let key = &rest[open + 1..close];
        for o in &mut outs {
            o.push_str(&rest[..open]);
        }
        let values: &[Fact] = if key == "region" {
            region
        } else {
            fact(sides, key).map_or(&[], Vec::as_slice)
        };
        // A wildcard in a value is refused when spec text brought it (an origin holds it) or
        // when nothing says where the value came from. One pipelinec writes into a value built
        // from schema-checked text (an API route's path parameter, `{id}` → `*`) stays.
        if let Some((v, found)) = values.iter().find_map(|v| {
            v.body
                .chars()
                .find(|c| {
                    WILDCARDS.contains(c)
                        && (v.from.is_empty() || v.from.iter().any(|o| o.text.contains(*c)))
                })
                .map(|c| (v, c))
        }) {
            let origin = v.from.iter().find(|o| o.text.contains(found)).cloned();
            let would_be = format!("{}{}{}", outs[0], v.body, &rest[close + 1..]);
            return Err(Wildcard {
                fact: key.to_string(),
                found,
                origin,
                would_be,
            });
        }
        outs = outs
            .iter()
            .flat_map(|o| values.iter().map(move |v| format!("{o}{}", v.body)))
            .collect();
        rest = &rest[close + 1..];
    }
    for o in &mut outs {
        o.push_str(rest);
    }
    Ok(outs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `{side.fact}` placeholder in a template.
    fn placeholders(t: &'static str) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut rest = t;
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}').unwrap();
            out.push(&rest[open + 1..close]);
            rest = &rest[close + 1..];
        }
        out
    }

    /// Every grant of the registry, with the sides its templates name.
    fn grants() -> Vec<(&'static Grant, &'static [&'static str])> {
        let mut out: Vec<(&'static Grant, &'static [&'static str])> = Vec::new();
        for r in registry::EDGES {
            out.extend(r.grants.iter().map(|g| (g, &["from", "to"][..])));
        }
        for b in registry::BASELINES {
            out.extend(b.grants.iter().map(|g| (g, &["self"][..])));
        }
        for r in registry::RESOURCE_POLICIES {
            out.extend(r.grants.iter().map(|g| (g, &["from", "to"][..])));
        }
        for r in registry::EDGE_ROLES {
            out.extend(r.grants.iter().map(|g| (g, &["from", "to"][..])));
        }
        out
    }

    /// Every template a grant expands: resources, conditions, unscopable actions' conditions.
    fn templates(g: &Grant) -> Vec<&'static str> {
        let mut t: Vec<&'static str> = g.resources.to_vec();
        t.extend(g.conditions.iter().map(|c| c.value));
        t.extend(
            g.actions
                .iter()
                .filter_map(|a| registry::unscopable(a))
                .filter_map(|(_, c, _)| c.map(|c| c.value)),
        );
        t
    }

    fn value(body: &str) -> Vec<Fact> {
        vec![Fact {
            body: body.to_string(),
            from: vec![Origin {
                pointer: "/poisoned".into(),
                key: false,
                text: body.to_string(),
            }],
            peer: None,
        }]
    }

    /// One clean value for every fact a grant names, on each of its sides, except `poison`.
    fn sides(g: &Grant, names: &[&'static str], poison: Option<(&str, char)>) -> Vec<Facts> {
        let mut keys: Vec<&'static str> = templates(g).into_iter().flat_map(placeholders).collect();
        if !g.when.is_empty() {
            keys.push(g.when);
        }
        names
            .iter()
            .map(|side| {
                keys.iter()
                    .filter_map(|k| k.split_once('.').filter(|(s, _)| s == side))
                    .map(|(_, name)| {
                        let key = format!("{side}.{name}");
                        let body = match poison {
                            Some((p, c)) if p == key => format!("v-{name}{c}x"),
                            _ => format!("v-{name}"),
                        };
                        (name, value(&body))
                    })
                    .collect()
            })
            .collect()
    }

    fn expand_with(
        g: &Grant,
        names: &[&'static str],
        poison: Option<(&str, char)>,
    ) -> Result<Option<Statement>, Wildcard> {
        let facts = sides(g, names, poison);
        let sides: Vec<(&str, &Facts)> = names.iter().copied().zip(facts.iter()).collect();
        let region = match poison {
            Some(("region", c)) => value(&format!("us-east-1{c}")).remove(0),
            _ => value("us-east-1").remove(0),
        };
        expand(g, &sides, &region)
    }

    /// A function's permission has room for one service principal, one action and the ARN it
    /// is held to, nothing more (`PolicyForm::Permissions`).
    #[test]
    fn function_permissions_fit_a_lambda_permission() {
        use registry::{PolicyForm, Principal};
        for r in registry::RESOURCE_POLICIES {
            let holder = match r.holder {
                Actor::From => r.from,
                Actor::To => r.to,
            };
            if registry::policy_form(holder) != PolicyForm::Permissions {
                continue;
            }
            assert!(
                matches!(r.principal, Principal::Service(_)),
                "{} -> {}",
                r.from,
                r.to
            );
            for g in r.grants {
                assert_eq!(g.actions.len(), 1, "{}", g.sid);
                assert!(g.when.is_empty(), "{}", g.sid);
                let vars: Vec<&str> = g.conditions.iter().map(|c| c.variable).collect();
                assert_eq!(vars, ["aws:SourceArn"], "{}", g.sid);
            }
        }
    }

    #[test]
    fn every_fact_of_every_grant_refuses_a_wildcard() {
        let mut checked = 0;
        for (g, names) in grants() {
            let keys: Vec<&str> = templates(g).into_iter().flat_map(placeholders).collect();
            for key in keys {
                for c in WILDCARDS {
                    let err = expand_with(g, names, Some((key, c)))
                        .expect_err(&format!("`{c}` in `{key}` of grant {} is refused", g.sid));
                    assert_eq!((err.fact.as_str(), err.found), (key, c), "{}", g.sid);
                    assert_eq!(err.origin.unwrap().pointer, "/poisoned");
                    assert!(err.would_be.contains(c));
                    checked += 1;
                }
            }
        }
        // Every grant names at least one fact; the registry has dozens.
        assert!(checked > 40, "only {checked} facts checked");
    }

    #[test]
    fn wildcards_in_expanded_grants_are_exactly_the_templates() {
        for (g, names) in grants() {
            let s = expand_with(g, names, None)
                .expect("clean facts expand")
                .expect("every fact is given");
            assert_eq!(s.resources.len(), g.resources.len(), "{}", g.sid);
            for (template, resource) in g.resources.iter().zip(&s.resources) {
                let mut literal = template.to_string();
                for p in placeholders(template) {
                    literal = literal.replace(&format!("{{{p}}}"), "");
                }
                let count = |s: &str| s.chars().filter(|c| WILDCARDS.contains(c)).count();
                assert_eq!(count(resource), count(&literal), "{}: {resource}", g.sid);
            }
        }
    }
}
