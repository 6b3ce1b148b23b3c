//! The module call of a Glue catalog: its database, its tables (with partition projection
//! over the writers' date partitions) and its crawler.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{DeleteBehavior, GlueCatalog, GlueTable, UpdateBehavior, database_name};
use crate::hcl::template_literal as lit;
use crate::kinds::fields::TableFormat;
use crate::render::values::{entry, obj, tmpl};
use crate::render::{KindRender, RenderCx};

impl KindRender for GlueCatalog {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let lake = cx
            .project
            .graph
            .incoming(&id)
            .next()
            .map(|e| e.from.clone());
        let bucket = lake
            .map(|l| format!("module.{l}.bucket"))
            .unwrap_or_default();
        cx.set("database", database_name(&cx.project.name, &id));
        cx.set("description", Value::from(self.description.clone()));
        let tables: Vec<Value> = self
            .tables
            .iter()
            .map(|(t, table)| glue_table(t, table, &bucket))
            .collect();
        cx.set("tables", tables);
        if let Some(cr) = &self.crawler {
            cx.set("crawler_name", cx.name.clone());
            cx.set("crawler_schedule", Value::from(cr.schedule.clone()));
            cx.set(
                "crawler_tables",
                self.crawled_tables()
                    .iter()
                    .map(|(name, _)| name.to_string())
                    .collect::<Vec<_>>(),
            );
            cx.set(
                "crawler_update_behavior",
                match cr.update_behavior {
                    UpdateBehavior::UpdateInDatabase => "UPDATE_IN_DATABASE",
                    UpdateBehavior::Log => "LOG",
                },
            );
            cx.set(
                "crawler_delete_behavior",
                match cr.delete_behavior {
                    DeleteBehavior::Log => "LOG",
                },
            );
        }
        cx.set("crawler", self.crawler.is_some());
        cx.output("database", "database", format!("Glue database of `{id}`"));
    }
}

/// One table's values: location, formats, and partition projection over its date keys.
fn glue_table(name: &str, t: &GlueTable, bucket_expr: &str) -> Value {
    let location = format!("s3://${{{bucket_expr}}}/{}", lit(&t.prefix));
    let (input, output, serde, classification, serde_params): (_, _, _, _, Vec<(&str, &str)>) =
        match t.format {
            TableFormat::Json => (
                "org.apache.hadoop.mapred.TextInputFormat",
                "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                "org.openx.data.jsonserde.JsonSerDe",
                "json",
                vec![("ignore.malformed.json", "true")],
            ),
            TableFormat::Parquet => (
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                "parquet",
                vec![],
            ),
            TableFormat::Csv => (
                "org.apache.hadoop.mapred.TextInputFormat",
                "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                "csv",
                vec![("field.delim", ",")],
            ),
        };
    let mut params: Vec<(String, Value)> = vec![
        ("EXTERNAL".into(), Value::from("TRUE")),
        ("classification".into(), Value::from(classification)),
    ];
    let keys = t.partitioning.keys();
    if !keys.is_empty() {
        params.push(("projection.enabled".into(), Value::from("true")));
        for (k, _) in keys {
            let (range, digits) = match *k {
                "year" => (
                    format!("{},{}", t.projection_first_year, t.projection_last_year),
                    None,
                ),
                "month" => ("1,12".to_string(), Some("2")),
                "day" => ("1,31".to_string(), Some("2")),
                _ => ("0,23".to_string(), Some("2")),
            };
            params.push((format!("projection.{k}.type"), Value::from("integer")));
            params.push((format!("projection.{k}.range"), Value::from(range)));
            if let Some(d) = digits {
                params.push((format!("projection.{k}.digits"), Value::from(d)));
            }
        }
        let template: String = keys
            .iter()
            .map(|(k, _)| format!("{k}=$${{{k}}}/"))
            .collect();
        params.push((
            "storage.location.template".into(),
            tmpl(format!("{location}{template}")),
        ));
    }
    let kv = |items: Vec<(String, Value)>| -> Vec<Value> {
        items.into_iter().map(|(k, v)| entry(&k, v)).collect()
    };
    let columns: Vec<Value> = t
        .columns
        .iter()
        .map(|col| {
            obj(BTreeMap::from([
                ("name", Value::from(col.name.clone())),
                ("type", Value::from(col.ty.clone())),
                ("comment", Value::from(col.comment.clone())),
            ]))
        })
        .collect();
    obj(BTreeMap::from([
        ("name", Value::from(name)),
        ("description", Value::from(t.description.clone())),
        ("location", tmpl(location)),
        ("input_format", Value::from(input)),
        ("output_format", Value::from(output)),
        ("serde", Value::from(serde)),
        (
            "serde_parameters",
            Value::from(kv(serde_params
                .into_iter()
                .map(|(k, v)| (k.to_string(), Value::from(v)))
                .collect())),
        ),
        ("parameters", Value::from(kv(params))),
        (
            "partition_keys",
            Value::from(
                keys.iter()
                    .map(|(k, _)| Value::from(*k))
                    .collect::<Vec<_>>(),
            ),
        ),
        ("columns", Value::from(columns)),
    ]))
}
