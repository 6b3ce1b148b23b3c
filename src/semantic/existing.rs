//! Components that stand for a resource someone else owns (`existing:`): the ARN or name they
//! give is one of their kind's, lives where the spec deploys, and no setting that only shapes a
//! resource pipelinec creates is set beside it.
//!
//! The same [`ExistingRef`] gives the IAM facts and the render the resource's ARN, so that a
//! grant names exactly the ARN the spec gave.

use super::{Cx, error};
use crate::diagnostic::Diagnostic;
use crate::hcl::template_literal as lit;
use crate::kinds::existing::Arn;
use crate::model::Component;
use crate::naming::Rule;

/// What the ARN of one kind's resource looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The resource, in words: `S3 bucket`.
    pub what: &'static str,
    /// The ARN's service: `s3`.
    pub service: &'static str,
    /// The start of the ARN's resource part, before the name: `stream/`; empty for a bucket,
    /// whose resource part is its name.
    pub resource_type: &'static str,
    /// Whether the ARN names a region and an account (a bucket's names neither).
    pub regional: bool,
    /// The rule its name follows.
    pub name_rule: Rule,
    /// Whether `existing` may name it by `name` instead of its ARN.
    pub by_name: bool,
    /// An ARN of this shape, for hints.
    pub example: &'static str,
}

/// The resource a component stands for, as its spec names it.
#[derive(Debug, Clone, Copy)]
pub struct ExistingRef<'a> {
    pub arn: Option<&'a str>,
    pub name: Option<&'a str>,
    pub shape: &'static Shape,
    /// The kind's settings that only shape a resource pipelinec creates: setting one beside
    /// `existing` is an error.
    pub creation_only: &'static [&'static str],
}

impl<'a> ExistingRef<'a> {
    /// The resource's name: the one given, or the ARN's resource part after its type.
    pub fn resource_name(&self) -> Option<&'a str> {
        match (self.name, self.arn) {
            (Some(n), _) => Some(n),
            (None, Some(arn)) => Arn::parse(arn)?
                .resource
                .strip_prefix(self.shape.resource_type),
            (None, None) => None,
        }
    }

    /// The resource's ARN as an HCL template string body: the ARN given, as written; or one
    /// built from the name in the partition (and region and account) the spec deploys to.
    pub fn arn_template(&self) -> String {
        match (self.arn, self.name) {
            (Some(arn), _) => lit(arn),
            (None, name) => {
                let s = self.shape;
                let name = lit(name.unwrap_or_default());
                if s.regional {
                    format!(
                        "arn:${{local.partition}}:{}:${{local.region}}:${{local.account_id}}:{}{name}",
                        s.service, s.resource_type
                    )
                } else {
                    format!(
                        "arn:${{local.partition}}:{}:::{}{name}",
                        s.service, s.resource_type
                    )
                }
            }
        }
    }

    /// The field of `existing` the resource is named by: `existing/arn` or `existing/name`.
    pub fn field(&self) -> &'static str {
        if self.arn.is_some() {
            "existing/arn"
        } else {
            "existing/name"
        }
    }
}

/// Whether a component stands for an existing resource.
pub fn is_existing(c: &Component) -> bool {
    super::rules(&c.settings).existing().is_some()
}

/// The checks of a component's `existing` value and of the settings beside it.
pub fn check(cx: &Cx<'_>, e: &ExistingRef<'_>, out: &mut Vec<Diagnostic>) {
    let id = &cx.c.id;
    let what = e.shape.what;
    // `tags` is every kind's: an existing resource's tags are its owner's too.
    for field in e.creation_only.iter().chain(&["tags"]) {
        if cx.is_set(field) {
            out.push(error(
                "existing-setting",
                format!("`{field}` of `{id}` is set by whoever owns the existing {what}"),
                cx.key_at(field),
                "not pipelinec's to set",
                &format!(
                    "remove `{field}`: pipelinec creates nothing for an existing {what} and \
                     changes none of its settings"
                ),
            ));
        }
    }
    match (e.arn, e.name) {
        (Some(_), Some(_)) => out.push(error(
            "existing-identity",
            format!("the existing {what} `{id}` is given both an `arn` and a `name`"),
            cx.key_at("existing/name"),
            "one too many",
            "keep `arn` or `name`, not both: each names the resource on its own",
        )),
        (None, None) => out.push(error(
            "existing-identity",
            format!("`existing` of `{id}` does not say which {what} it is"),
            cx.key_at("existing"),
            "needs `arn` or `name`",
            &format!(
                "give the {what}'s `arn` (such as `{}`) or its `name`",
                e.shape.example
            ),
        )),
        (Some(arn), None) => check_arn(cx, e, arn, out),
        (None, Some(name)) => check_name(cx, e, name, "existing/name", out),
    }
}

/// The ARN is one of the kind's resources, in the spec's partition (and region), with a name
/// the resource type allows.
fn check_arn(cx: &Cx<'_>, e: &ExistingRef<'_>, text: &str, out: &mut Vec<Diagnostic>) {
    let s = e.shape;
    let id = &cx.c.id;
    let at = cx.value_at("existing/arn");
    // The schema's pattern holds: six parts.
    let Some(arn) = Arn::parse(text) else {
        return;
    };
    let placed = if s.regional {
        !arn.region.is_empty() && !arn.account.is_empty()
    } else {
        arn.region.is_empty() && arn.account.is_empty()
    };
    // The name is the last part: a `/` or `:` after it names something inside the resource
    // (an object of a bucket, a consumer of a stream).
    let name = arn
        .resource
        .strip_prefix(s.resource_type)
        .filter(|n| !n.is_empty() && !n.contains(['/', ':']));
    if arn.service != s.service || !placed || name.is_none() {
        let label = if arn.service != s.service {
            format!("an ARN of `{}`", arn.service)
        } else {
            format!("not the ARN of {} {}", article(s.what), s.what)
        };
        out.push(error(
            "existing-arn",
            format!(
                "`{id}` stands for an existing {}, but its ARN names something else",
                s.what
            ),
            at,
            &label,
            &format!(
                "`{id}` is of type `{}`: give the ARN of {} {}, such as `{}`{}",
                cx.c.kind(),
                article(s.what),
                s.what,
                s.example,
                if s.by_name { ", or its `name`" } else { "" }
            ),
        ));
        return;
    }
    let project = cx.project;
    if let Some(partition) = crate::regions::partition(&project.region) {
        let region_differs = s.regional && arn.region != project.region;
        if arn.partition != partition || region_differs {
            let (where_, spec, help) = if s.regional {
                (
                    format!("`{}`/`{}`", arn.partition, arn.region),
                    format!("`{partition}`/`{}`", project.region),
                    format!(
                        "what uses `{id}` runs in `{}` and reaches {} {} there only: name one \
                         of `{}`, or deploy the spec to `{}`",
                        project.region,
                        article(s.what),
                        s.what,
                        project.region,
                        arn.region
                    ),
                )
            } else {
                (
                    format!("`{}`", arn.partition),
                    format!("`{partition}`"),
                    format!(
                        "what uses `{id}` runs in the `{partition}` partition, which cannot reach \
                         {} {} of `{}`: name one of `{partition}`",
                        article(s.what),
                        s.what,
                        arn.partition
                    ),
                )
            };
            out.push(
                error(
                    "existing-region",
                    format!(
                        "the existing {} `{id}` is in {where_}, but the spec deploys to {spec}",
                        s.what
                    ),
                    at,
                    "elsewhere",
                    &help,
                )
                .with_related(cx.doc.value_span("/region"), "the spec's region"),
            );
            return;
        }
    }
    check_name(cx, e, name.unwrap_or_default(), "existing/arn", out);
}

/// The name follows the rule of the resource type.
fn check_name(
    cx: &Cx<'_>,
    e: &ExistingRef<'_>,
    name: &str,
    field: &str,
    out: &mut Vec<Diagnostic>,
) {
    // A name given in full: nothing is appended to it.
    let rule = crate::naming::Rule {
        suffix: crate::naming::Suffix::None,
        ..e.shape.name_rule
    };
    if let Some(problem) = rule.check(name, "aws") {
        out.push(error(
            "existing-name",
            format!(
                "the name `{name}` of the existing {} `{}` {problem}",
                e.shape.what, cx.c.id
            ),
            cx.value_at(field),
            "not a name AWS gives",
            &format!("check the {}'s name in the AWS console", e.shape.what),
        ));
    }
}

/// `an` before `S3 bucket`, `a` before `Kinesis stream`: by the sound of the first letter.
fn article(what: &str) -> &'static str {
    if what.starts_with(['A', 'E', 'I', 'O', 'S', 'a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
