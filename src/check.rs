//! From spec text to a [`Compiled`] project: YAML → schema → semantic checks → IAM. The one
//! entry point of validation; `render` and the CLI start from what it returns.

use std::collections::HashMap;
use std::ops::Deref;

use crate::diagnostic::Diagnostic;
use crate::iam::{self, RolePolicy};
use crate::model::Project;
use crate::source::{Document, SourceFile};

/// A checked project and the identities derived from its graph: everything render needs.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub project: Project,
    /// The IAM identities derived from the graph, laid out within IAM quotas.
    pub policies: Vec<RolePolicy>,
    /// The resource-based policies its edges put on their ends (a bucket policy admitting a
    /// distribution, a function's permission for an API).
    pub resource_policies: Vec<iam::ResourcePolicy>,
}

impl Deref for Compiled {
    type Target = Project;
    fn deref(&self) -> &Project {
        &self.project
    }
}

/// Checks a spec file. On success, the compiled project (with its warnings); otherwise every
/// diagnostic found. A spec with environments is checked as its first environment; see
/// [`check_all`] for every one.
pub fn check(file: &SourceFile) -> Result<Compiled, Vec<Diagnostic>> {
    check_env(file, None)
}

/// Checks a spec as environment `env` deploys it (`None`: the first, if it has any). An
/// environment the spec does not declare is an error at the spec's `environments` (or top).
pub fn check_env(file: &SourceFile, env: Option<&str>) -> Result<Compiled, Vec<Diagnostic>> {
    let doc = file.parse()?;
    let envs = crate::environments::names(&doc);
    let env = match env {
        None => envs.first().map(String::as_str),
        Some(e) if envs.iter().any(|n| n == e) => Some(e),
        Some(e) => return Err(vec![unknown_environment(&doc, e, &envs)]),
    };
    let Some(env) = env else {
        return one(file, &doc, None);
    };
    let mut diags = crate::schema::validate(&doc);
    match crate::environments::apply(&doc, env) {
        Ok(patched) => match one(file, &patched, Some(env)) {
            Ok(c) if diags.is_empty() => return Ok(c),
            Ok(_) => {}
            Err(more) => diags.extend(more),
        },
        Err(more) => diags.extend(more),
    }
    Err(tidy(diags))
}

/// Checks every environment of a spec (or the spec itself, when it declares none). A problem
/// some environments have and others not says which it is in.
pub fn check_all(file: &SourceFile) -> Result<Vec<Compiled>, Vec<Diagnostic>> {
    let doc = file.parse()?;
    let envs = crate::environments::names(&doc);
    if envs.is_empty() {
        return one(file, &doc, None).map(|c| vec![c]);
    }
    let mut shared = crate::schema::validate(&doc);
    let mut per_env: Vec<Vec<Diagnostic>> = Vec::new();
    let mut compiled = Vec::new();
    for env in &envs {
        let result = crate::environments::apply(&doc, env)
            .and_then(|patched| one(file, &patched, Some(env)));
        match result {
            Ok(c) => {
                per_env.push(c.project.warnings.clone());
                compiled.push(c);
            }
            Err(diags) => per_env.push(diags),
        }
    }
    if compiled.len() == envs.len() && shared.is_empty() {
        if let Some(clash) = state_clash(&compiled, &doc) {
            return Err(vec![clash]);
        }
        return Ok(compiled);
    }
    for (env, diags) in envs.iter().zip(&per_env) {
        for d in diags {
            if per_env.iter().all(|other| other.contains(d)) {
                shared.push(d.clone());
            } else {
                let mut d = d.clone();
                d.message = format!("in environment `{env}`: {}", d.message);
                shared.push(d);
            }
        }
    }
    Err(tidy(shared))
}

/// The warnings of every environment of a spec, each once, in order.
pub fn warnings(projects: &[Compiled]) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    for w in projects.iter().flat_map(|p| &p.project.warnings) {
        if !out.contains(w) {
            out.push(w.clone());
        }
    }
    out
}

/// Sorted by position, each diagnostic once.
fn tidy(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len());
    for d in diags {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out.sort_by_key(|d| d.offset());
    out
}

fn unknown_environment(doc: &Document, env: &str, envs: &[String]) -> Diagnostic {
    let d = Diagnostic::new(
        "unknown-environment",
        format!("the spec has no environment `{env}`"),
    )
    .with_label(doc.key_span("/environments"), "the spec's environments");
    d.with_help(match envs {
        [] => "the spec declares no `environments`; leave out --env".to_string(),
        _ => format!(
            "its environments are {}",
            envs.iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// Two environments with one state file would overwrite each other's state.
fn state_clash(compiled: &[Compiled], doc: &Document) -> Option<Diagnostic> {
    let mut seen: Vec<(String, String, &str)> = Vec::new();
    for c in compiled {
        let Some(b) = &c.project.backend else {
            continue;
        };
        let key = c.project.backend_key();
        let env = c.project.env.as_deref().unwrap_or_default();
        if let Some((_, _, other)) = seen
            .iter()
            .find(|(bk, k, _)| *bk == b.s3.bucket && *k == key)
        {
            return Some(
                Diagnostic::new(
                    "shared-state",
                    format!(
                        "environments `{other}` and `{env}` keep their state in one file, \
                         `s3://{}/{key}`",
                        b.s3.bucket
                    ),
                )
                .with_label(
                    doc.value_span("/backend/s3/key"),
                    "one key for every environment",
                )
                .with_help(
                    "each environment needs a state of its own: leave `key` out (the default \
                     carries the environment) or set `backend.s3.key` in each environment",
                ),
            );
        }
        seen.push((b.s3.bucket.clone(), key, env));
    }
    None
}

/// Checks one document: the spec itself, or one environment's patch of it.
fn one(file: &SourceFile, doc: &Document, env: Option<&str>) -> Result<Compiled, Vec<Diagnostic>> {
    let mut diags = crate::schema::validate(doc);
    if diags.is_empty() {
        return semantic(file, doc, env);
    }
    // All problems in one run: the parts the schema accepts are checked as well.
    if let Some(value) = crate::schema::salvage(doc) {
        match semantic(file, &doc.with_value(value), env) {
            Ok(compiled) => diags.extend(compiled.project.warnings),
            Err(more) => diags.extend(more),
        }
        diags.sort_by_key(|d| d.offset());
        diags.dedup();
    }
    Err(diags)
}

/// The semantic checks, then the permissions of a project that passes them.
fn semantic(
    file: &SourceFile,
    doc: &Document,
    env: Option<&str>,
) -> Result<Compiled, Vec<Diagnostic>> {
    let mut project = crate::semantic::check(file, doc, env)?;
    let policies = iam::policies(&project).and_then(|policies| {
        iam::resource_policies(&project)
            .map(|resource| (policies, resource))
            .map_err(|w| w.into_iter().map(iam::PolicyError::Wildcard).collect())
    });
    match policies {
        Ok((policies, resource_policies)) => {
            let quotas = crate::quotas::account_quotas(&project, &policies, doc);
            if !quotas.is_empty() {
                project.warnings.extend(quotas);
                project.warnings.sort_by_key(|d| d.offset());
            }
            Ok(Compiled {
                project,
                policies,
                resource_policies,
            })
        }
        Err(errors) => {
            let mut diags = std::mem::take(&mut project.warnings);
            for e in errors {
                diags.push(match e {
                    iam::PolicyError::TooLarge(t) => too_large(&project, &t, doc),
                    iam::PolicyError::Wildcard(w) => wildcard(&w, doc),
                });
            }
            diags.sort_by_key(|d| d.offset());
            Err(diags)
        }
    }
}

fn too_large(project: &Project, t: &iam::layout::TooLarge, doc: &Document) -> Diagnostic {
    let c = project
        .components
        .values()
        .find(|c| crate::iam::identity_name(project, c) == t.name)
        .expect("every identity belongs to a component");
    let largest: Vec<String> = t
        .largest
        .iter()
        .map(|(sid, n)| format!("{sid} ({n} characters)"))
        .collect();
    if t.attached > 0 {
        return Diagnostic::new(
            "too-many-policies",
            format!(
                "the role of `{}` needs {} for its edges besides the {} the spec attaches; IAM \
                 allows {} per role",
                c.id,
                match t.needed {
                    1 => "a managed policy".to_string(),
                    n => format!("{n} managed policies"),
                },
                t.attached,
                iam::layout::MANAGED_PER_ROLE
            ),
        )
        .with_label(
            doc.key_span(&format!("{}/managed_policy_arns", c.pointer)),
            "attached by the spec",
        )
        .with_help(format!(
            "attach at most {} policies here (or combine some into one), or split the \
             component's inputs or outputs across several components",
            iam::layout::MANAGED_PER_ROLE.saturating_sub(t.needed)
        ));
    }
    Diagnostic::new(
        "policy-too-large",
        format!(
            "the permissions of `{}` need {} managed policies; IAM allows {} per role",
            c.id,
            t.needed,
            iam::layout::MANAGED_PER_ROLE
        ),
    )
    .with_label(doc.key_span(&c.pointer), "too many permissions")
    .with_help(format!(
        "split this component's inputs or outputs across several components; \
         largest statements: {}",
        largest.join(", ")
    ))
}

fn wildcard(w: &iam::Wildcard, doc: &Document) -> Diagnostic {
    let dotted = |pointer: &str| {
        pointer
            .trim_start_matches('/')
            .split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect::<Vec<_>>()
            .join(".")
    };
    let (at, what) = match &w.origin {
        Some(o) if o.key => (
            doc.key_span(&o.pointer),
            format!("the name `{}` in `{}`", o.text, dotted(&o.pointer)),
        ),
        Some(o) => (
            doc.value_span(&o.pointer),
            format!("`{}` (`{}`)", dotted(&o.pointer), o.text),
        ),
        None => (doc.value_span(""), format!("the value of `{}`", w.fact)),
    };
    Diagnostic::new(
        "iam-wildcard",
        format!("{what} holds `{}`, which IAM reads as a wildcard", w.found),
    )
    .with_label(at, format!("`{}` would widen an IAM grant", w.found))
    .with_help(format!(
        "this value becomes part of the IAM resource `{}`, where `*` and `?` match any \
         characters, so the grant would reach more than this component needs; remove them",
        w.would_be
    ))
}

/// Project names already seen in one run over several specs: two specs with one `name` would
/// create the same AWS names in one account, each destroying the other's resources on apply.
#[derive(Debug, Default)]
pub struct ProjectNames {
    seen: HashMap<String, (std::path::PathBuf, usize)>,
}

impl ProjectNames {
    /// Records a checked project; a diagnostic at its `name` if another spec had it first.
    pub fn clash(&mut self, file: &SourceFile, project: &Project) -> Option<Diagnostic> {
        let at = project.name_at.clone();
        let line = file.line_col(at.start).0;
        match self.seen.get(&project.name) {
            Some((other, other_line)) => Some(
                Diagnostic::new(
                    "duplicate-project-name",
                    format!(
                        "project `{}` is also the name of {}:{other_line}",
                        project.name,
                        other.display()
                    ),
                )
                .with_label(at, "used by another spec")
                .with_help(
                    "both specs would create the same AWS names (roles, streams, buckets) in \
                     one account; give each spec its own `name`",
                ),
            ),
            None => {
                self.seen
                    .insert(project.name.clone(), (file.path.clone(), line));
                None
            }
        }
    }
}
