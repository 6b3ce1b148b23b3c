//! The module call of a static site: the bucket, its policy, and the content's objects.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::Value;

use super::{StaticSite, content};
use crate::diagnostic::Diagnostic;
use crate::hcl;
use crate::model::{Component, Project};
use crate::render::values::{obj, tmpl};
use crate::render::{KindRender, OriginTarget, RenderCx};

impl KindRender for StaticSite {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("bucket_name", cx.bucket_name(""));
        cx.set("versioning", self.versioning);
        cx.set(
            "noncurrent_expire_after_days",
            self.noncurrent_expire_after_days,
        );
        cx.set("force_destroy", self.force_destroy);
        let files = cx
            .package
            .take()
            .map(|b| content::decode(&b))
            .unwrap_or_default();
        let mut objects = Vec::new();
        for f in files {
            let path = PathBuf::from("site").join(id.as_str()).join(&f.key);
            objects.push(obj(BTreeMap::from([
                ("key", Value::from(f.key.clone())),
                (
                    "source",
                    tmpl(format!(
                        "${{path.module}}/site/{}/{}",
                        hcl::template_literal(id.as_str()),
                        hcl::template_literal(&f.key)
                    )),
                ),
                ("content_type", Value::from(content::content_type(&f.key))),
            ])));
            cx.file(path, f.bytes);
        }
        cx.set("objects", Value::from(objects));
        cx.output(
            "bucket",
            "bucket",
            format!("Name of the `{id}` site bucket"),
        );
    }

    fn shared_modules(&self) -> &'static [&'static str] {
        &["s3_bucket"]
    }

    fn origin_target(&self, c: &Component) -> Option<OriginTarget> {
        Some(OriginTarget {
            domain: format!("module.{}.regional_domain_name", c.id),
            s3: true,
            path_pattern: None,
        })
    }

    fn package(
        &self,
        project: &Project,
        c: &Component,
        _out_dir: &Path,
        _options: &crate::package::Options,
    ) -> Option<Result<Vec<u8>, Vec<Diagnostic>>> {
        let rel = self.content.as_deref()?;
        let at = c.kept_span("content").unwrap_or_default();
        let read = content::resolve(&project.base_dir, c.id.as_str(), rel)
            .and_then(|dir| content::read(&dir, c.id.as_str()));
        Some(
            read.map(|files| content::encode(&files))
                .map_err(|p| vec![p.at(at)]),
        )
    }
}
