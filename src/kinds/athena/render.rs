//! The module call of an Athena workgroup, its results bucket and its saved queries (each
//! written as a `.sql` file of the render).

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::Value;

use super::Athena;
use crate::hcl::template_literal as lit;
use crate::model::Component;
use crate::render::values::{expr, obj, tmpl};
use crate::render::{KindRender, RenderCx, StartTarget};

impl KindRender for Athena {
    /// A schedule runs a saved query through Scheduler's universal target for
    /// `StartQueryExecution`, in this workgroup and the query's database.
    fn start_target(
        &self,
        c: &Component,
        entry: Option<&str>,
        _input: &str,
    ) -> Option<StartTarget> {
        let q = crate::hcl::quote(entry?);
        let id = &c.id;
        Some(StartTarget::sdk(
            "athena",
            "startQueryExecution",
            format!(
                "{{\n    QueryString           = module.{id}.named_queries[{q}].query\n    \
                 WorkGroup             = module.{id}.workgroup\n    \
                 QueryExecutionContext = {{ Database = module.{id}.named_queries[{q}].database }}\n  }}"
            ),
        ))
    }

    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("name", cx.name.clone());
        cx.set("description", Value::from(self.description.clone()));
        cx.set("bucket_name", cx.bucket_name("results"));
        cx.set(
            "bytes_scanned_cutoff",
            self.bytes_scanned_cutoff()
                .expect("the schema bounds the cutoff to what converts"),
        );
        cx.set("enforce", self.enforce_workgroup_configuration);
        cx.set("results_retention_days", self.results_retention_days);
        cx.set("force_destroy", self.force_destroy);
        let queries = self.named_queries(cx);
        cx.set("named_queries", queries);
        cx.output(
            "workgroup",
            "workgroup",
            format!("Athena workgroup of `{id}`"),
        );
        cx.output(
            "results_bucket",
            "results_bucket",
            format!("Bucket holding `{id}` query results"),
        );
    }

    fn shared_modules(&self) -> &'static [&'static str] {
        &["s3_bucket"]
    }
}

impl Athena {
    /// Each saved query's values, its SQL written to `queries/<id>/<query>.sql`.
    fn named_queries(&self, cx: &mut RenderCx<'_>) -> Vec<Value> {
        let id = cx.c.id.clone();
        let catalogs: Vec<_> = cx
            .project
            .graph
            .incoming(&id)
            .map(|e| e.from.clone())
            .collect();
        let mut queries = Vec::new();
        for (q, nq) in &self.named_queries {
            let catalog = nq
                .catalog
                .clone()
                .or_else(|| catalogs.first().map(|c| c.to_string()))
                .unwrap_or_default();
            let file = PathBuf::from("queries")
                .join(id.as_str())
                .join(format!("{q}.sql"));
            let mut sql = nq.query.trim_end().to_string();
            sql.push('\n');
            cx.file(file, sql.into_bytes());
            queries.push(obj(BTreeMap::from([
                ("key", Value::from(q.as_str())),
                (
                    "name",
                    Value::from(format!("{}-{}", cx.name, q.replace('_', "-"))),
                ),
                ("description", Value::from(nq.description.clone())),
                ("database", expr(format!("module.{catalog}.database"))),
                (
                    "file",
                    tmpl(format!(
                        "${{path.module}}/queries/{}/{}.sql",
                        lit(id.as_str()),
                        lit(q)
                    )),
                ),
            ])));
        }
        queries
    }
}
