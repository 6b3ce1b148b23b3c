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
/// diagnostic found.
pub fn check(file: &SourceFile) -> Result<Compiled, Vec<Diagnostic>> {
    let doc = file.parse()?;
    let mut diags = crate::schema::validate(&doc);
    if diags.is_empty() {
        return semantic(file, &doc);
    }
    // All problems in one run: the parts the schema accepts are checked as well.
    if let Some(value) = crate::schema::salvage(&doc) {
        match semantic(file, &doc.with_value(value)) {
            Ok(compiled) => diags.extend(compiled.project.warnings),
            Err(more) => diags.extend(more),
        }
        diags.sort_by_key(|d| d.offset());
        diags.dedup();
    }
    Err(diags)
}

/// The semantic checks, then the permissions of a project that passes them.
fn semantic(file: &SourceFile, doc: &Document) -> Result<Compiled, Vec<Diagnostic>> {
    let mut project = crate::semantic::check(file, doc)?;
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
