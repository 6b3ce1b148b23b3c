//! Checks and AWS names of a static site: its content folder resolves inside the spec's folder,
//! and a distribution serves it.

use super::StaticSite;
use super::content;
use crate::diagnostic::Diagnostic;
use crate::model::ComponentId;
use crate::naming::{self, AwsName};
use crate::semantic::{BucketFor, Cx, KindRules, Origin, Usage, Use};

impl KindRules for StaticSite {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        if let Some(rel) = &self.content
            && let Err(p) = content::resolve(&cx.project.base_dir, cx.c.id.as_str(), rel)
        {
            out.push(p.at(cx.value_at("content")));
        }
        if cx.project.graph.outgoing(&cx.c.id).next().is_none() {
            out.push(
                Diagnostic::warning(
                    "site-unserved",
                    format!("static site `{}` is served by no distribution", cx.c.id),
                )
                .with_label(cx.component_at(), "nothing can read this bucket")
                .with_help(format!(
                    "the bucket is private: add `{}` to the `inputs` of a `cdn`, which reads it \
                     through its origin access control",
                    cx.c.id
                )),
            );
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::bucket(naming::bucket_stem(project, id, ""))]
    }

    fn origin(&self) -> Option<Origin> {
        Some(Origin::Files)
    }

    fn kept_fields(&self) -> &'static [&'static str] {
        &["content"]
    }

    fn usage(&self) -> Vec<Use> {
        vec![Use::one(Usage::Buckets(BucketFor::Site))]
    }
}
