//! Checks and AWS names of a Glue catalog: its input, crawler schedule and tables, and the
//! tables it reads from its lake.

use super::{GlueCatalog, GlueTable, IDENTITY_SUFFIX, database_name};
use crate::diagnostic::Diagnostic;
use crate::model::ComponentId;
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, Table, Usage, Use, error};

/// Glue database and table names: Athena reads only lowercase names with underscores.
const GLUE_NAME: Rule = Rule::new(255, Charset::LowerSnake);

/// Glue crawler names.
const CRAWLER_NAME: Rule = Rule::new(255, Charset::Printable);

impl KindRules for GlueCatalog {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        // The edge table admits only lakes as inputs: every edge in is a lake.
        if !cx.unresolved_inputs()
            && (self.inputs.len() != 1 || cx.project.graph.incoming(id).count() != 1)
        {
            out.push(error(
                "catalog-inputs",
                format!("glue catalog `{id}` must have exactly one `s3_data_lake` input"),
                cx.component_at(),
                "one data lake expected",
                "list the data lake its tables live in under `inputs`",
            ));
        }
        self.check_crawler(cx, out);
        for (name, t) in &self.tables {
            check_table(cx, name, t, out);
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let mut out = vec![AwsName::new(
            "Glue database",
            database_name(project, id),
            GLUE_NAME,
        )];
        for table in self.tables.keys() {
            out.push(AwsName::new("Glue table", table.clone(), GLUE_NAME));
        }
        if self.crawler.is_some() {
            out.push(AwsName::new(
                "Glue crawler",
                naming::base(project, id),
                CRAWLER_NAME,
            ));
            out.push(AwsName::new(
                "IAM role",
                naming::identity(project, id, IDENTITY_SUFFIX),
                naming::IAM_ROLE,
            ));
        }
        out
    }

    fn tables(&self, cx: &Cx<'_>) -> Vec<Table> {
        self.tables
            .iter()
            .map(|(name, t)| Table {
                name: name.clone(),
                prefix: t.prefix.clone(),
                partitioning: t.partitioning,
                format: t.format,
                pointer: cx.entry_ptr("tables", name),
            })
            .collect()
    }

    fn table_columns(&self, table: &str) -> Option<Vec<(String, String)>> {
        let t = self.tables.get(table)?;
        let data = t.columns.iter().map(|c| (c.name.clone(), c.ty.clone()));
        let partitions = t
            .partitioning
            .keys()
            .iter()
            .map(|(k, _)| (k.to_string(), "string".to_string()));
        Some(data.chain(partitions).collect())
    }

    fn usage(&self) -> Vec<Use> {
        let mut out = vec![Use::one(Usage::GlueDatabases)];
        if self.crawler.is_some() {
            out.push(Use::one(Usage::GlueCrawlers));
        }
        out
    }
}

impl GlueCatalog {
    /// The crawler's schedule parses, and it has a table to crawl.
    fn check_crawler(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        if let Some(schedule) = self.crawler.as_ref().and_then(|c| c.schedule.as_ref())
            && let Err(e) = crate::schedule::parse(schedule, crate::schedule::Accepts::Cron)
        {
            out.push(error(
                "invalid-schedule",
                format!("the crawler schedule `{schedule}` is invalid: {}", e.why),
                cx.value_at("crawler/schedule"),
                "not a Glue schedule",
                &format!(
                    "e.g. `{}` runs at minute 0 of every hour",
                    crate::schedule::CRON_EXAMPLE
                ),
            ));
        }
        if self.crawler.is_some() && self.crawled_tables().is_empty() {
            out.push(error(
                "crawler-without-tables",
                format!(
                    "the crawler of glue catalog `{}` has no table to crawl: every table uses \
                     partition projection",
                    cx.c.id
                ),
                cx.key_at("crawler"),
                "nothing to crawl",
                "Athena reads projected tables without catalog partitions, and a crawler \
                 could only rewrite them; remove `crawler`, or add a table with \
                 `partitioning: none` for it to keep up to date",
            ));
        }
    }
}

/// A table's column types parse, no column is a partition key, and its projection years run
/// forwards.
fn check_table(cx: &Cx<'_>, name: &str, t: &GlueTable, out: &mut Vec<Diagnostic>) {
    let tptr = cx.entry_ptr("tables", name);
    for (i, col) in t.columns.iter().enumerate() {
        let cptr = format!("{tptr}/columns/{i}");
        if let Err(why) = crate::hive_type::parse(&col.ty) {
            out.push(error(
                "invalid-column-type",
                format!("`{}` is not a Glue column type: {why}", col.ty),
                cx.doc.value_span(&format!("{cptr}/type")),
                "not a column type",
                "use string, int, bigint, double, float, boolean, date, timestamp, \
                 decimal(p,s), array<…>, map<…> or struct<…>",
            ));
        }
        if t.partitioning.keys().iter().any(|(k, _)| *k == col.name) {
            out.push(error(
                "column-is-partition",
                format!("column `{}` clashes with a partition key", col.name),
                cx.doc.value_span(&format!("{cptr}/name")),
                "also a partition key",
                "rename the column; partition keys come from the object keys",
            ));
        }
    }
    if t.projection_last_year < t.projection_first_year {
        out.push(error(
            "projection-years",
            format!("table `{name}` projects years backwards"),
            cx.doc.value_span(&format!("{tptr}/projection_last_year")),
            "before the first year",
            "make `projection_last_year` at least `projection_first_year`",
        ));
    }
}
