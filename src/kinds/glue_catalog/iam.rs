//! The facts a Glue catalog offers to the edge table: its database and tables, the prefixes
//! its crawler reads, its lake's bucket and key, and the crawler's logs.

use super::{GlueCatalog, IDENTITY_SUFFIX, database_name};
use crate::hcl::template_literal as lit;
use crate::iam::{Fact, FactCx, Facts, KindIam, Origin, arn, fixed, get};
use crate::model::Project;

impl KindIam for GlueCatalog {
    /// Only the crawler acts; a catalog without one is data the edge table's rows describe.
    fn acts(&self, _project: &Project) -> bool {
        self.crawler.is_some()
    }

    fn identity_suffix(&self, _cx: &FactCx<'_>) -> &'static str {
        IDENTITY_SUFFIX
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let db = lit(&database_name(&cx.project.name, &cx.c.id));
        // The edge table admits only lakes as inputs.
        let lake = cx
            .project
            .graph
            .incoming(&cx.c.id)
            .next()
            .map(|e| cx.of(cx.project.component(&e.from)))
            .unwrap_or_default();
        let table = |t: &str| {
            format!(
                "{}/tables/{}",
                cx.c.pointer,
                crate::source::pointer_segment(t)
            )
        };
        let table_arn = |t: &str| {
            let mut from = cx.named_from();
            from.push(Origin {
                pointer: table(t),
                key: true,
                text: t.to_string(),
            });
            Fact {
                body: arn("glue", &format!("table/{db}/{}", lit(t))),
                from,
                peer: None,
            }
        };
        let prefix =
            |t: &str, prefix: &str| Fact::spec(prefix, format!("{}/prefix", table(t)), false);
        // A crawler keeps only tables without partition projection (see `crawled_tables`).
        let crawled = self.crawled_tables();
        let base = cx.base();
        vec![
            (
                "crawled_prefix",
                crawled
                    .iter()
                    .map(|(t, tb)| prefix(t, &tb.prefix))
                    .collect(),
            ),
            (
                "crawled_table_arn",
                crawled.iter().map(|(t, _)| table_arn(t)).collect(),
            ),
            (
                "table_prefix",
                self.tables
                    .iter()
                    .map(|(t, tb)| prefix(t, &tb.prefix))
                    .collect(),
            ),
            ("catalog_arn", fixed(arn("glue", "catalog"))),
            (
                "database_arn",
                vec![cx.named(arn("glue", &format!("database/{db}")))],
            ),
            (
                "table_arn",
                self.tables.keys().map(|t| table_arn(t)).collect(),
            ),
            ("lake_bucket_arn", get(&lake, "bucket_arn")),
            ("lake_kms_key_arn", get(&lake, "kms_key_arn")),
            (
                "crawler_log_group_arn",
                fixed(arn("logs", "log-group:/aws-glue/crawlers")),
            ),
            (
                "crawler_log_arn",
                vec![cx.named(arn(
                    "logs",
                    &format!("log-group:/aws-glue/crawlers:log-stream:{base}"),
                ))],
            ),
        ]
    }
}
