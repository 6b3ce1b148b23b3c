//! The module call of a QuickSight data source and its data sets, by what the data source
//! reads: each data set's input columns are the catalog table's, the view's or the listed
//! index fields, typed for QuickSight.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{
    Column, DataSet, QuickSight, REDSHIFT_SCHEMA, Source, data_set_id, input_column_type,
    opensearch_column_type, redshift_column_type,
};
use crate::model::{Component, ComponentId, Project};
use crate::render::values::{expr, obj};
use crate::render::{KindRender, RenderCx};
use crate::semantic::rules;

/// The one component the data source reads, and what it is (the checks ensure both).
fn input<'a>(project: &'a Project, c: &Component) -> (&'a Component, Source) {
    let from = project
        .graph
        .incoming(&c.id)
        .map(|e| project.component(&e.from))
        .next()
        .expect("the checks require one input");
    let source = Source::of(from.kind().as_str()).expect("the edge table admits only sources");
    (from, source)
}

impl KindRender for QuickSight {
    fn template_folder(&self, project: &Project, c: &Component) -> Option<&'static str> {
        input(project, c).1.template_folder()
    }

    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let (from, source) = input(cx.project, cx.c);
        let from_id = from.id.clone();
        cx.set("data_source_id", cx.name.clone());
        cx.set(
            "display_name",
            self.name.clone().unwrap_or_else(|| cx.name.clone()),
        );
        cx.set("principals", Value::from(self.principals.clone()));
        let data_sets = match source {
            Source::AthenaWorkgroup => {
                cx.set("work_group", expr(format!("module.{from_id}.workgroup")));
                athena_data_sets(cx, self)
            }
            Source::RedshiftWorkgroup => {
                redshift_source(cx, from);
                redshift_data_sets(cx, from, self)
            }
            Source::SearchDomain => {
                cx.set("domain", expr(format!("module.{from_id}.domain_name")));
                // The domain's access policy admits QuickSight before the data source exists.
                cx.set("domain_module", expr(format!("module.{from_id}")));
                opensearch_data_sets(cx, self)
            }
        };
        cx.set("data_sets", data_sets);
        cx.output(
            "data_source_arn",
            "data_source_arn",
            format!("QuickSight data source of `{id}`"),
        );
        cx.output(
            "data_set_arns",
            "data_set_arns",
            format!("QuickSight data sets of `{id}`, by key"),
        );
    }
}

/// `{ name, type }` of each input column.
fn columns_value(columns: &[(String, &'static str)]) -> Value {
    Value::from(
        columns
            .iter()
            .map(|(name, ty)| {
                obj(BTreeMap::from([
                    ("name", Value::from(name.as_str())),
                    ("type", Value::from(*ty)),
                ]))
            })
            .collect::<Vec<_>>(),
    )
}

/// A data set's values common to every source, with those of its source.
fn data_set_value(
    base: &str,
    key: &str,
    ds: &DataSet,
    extra: impl IntoIterator<Item = (&'static str, Value)>,
) -> Value {
    let ds_id = data_set_id(base, key);
    let mut m = BTreeMap::from([
        ("key", Value::from(key)),
        ("id", Value::from(ds_id.clone())),
        ("name", Value::from(ds.name.clone().unwrap_or(ds_id))),
        ("import_mode", Value::from(ds.import_mode.as_aws())),
    ]);
    m.extend(extra);
    obj(m)
}

/// The names a data set lists, in order (over Athena and Redshift, where they are names).
fn listed(ds: &DataSet) -> Option<Vec<&str>> {
    ds.columns
        .as_ref()
        .map(|cs| cs.iter().map(Column::name).collect())
}

fn athena_data_sets(cx: &RenderCx<'_>, qs: &QuickSight) -> Vec<Value> {
    let (workgroup, _) = input(cx.project, cx.c);
    let catalogs: Vec<ComponentId> = cx
        .project
        .graph
        .incoming(&workgroup.id)
        .map(|e| e.from.clone())
        .collect();
    let mut out = Vec::new();
    for (key, ds) in &qs.data_sets {
        let table = ds.table.as_deref().expect("the checks require a table");
        let catalog = ds
            .catalog
            .clone()
            .map(ComponentId::new)
            .or_else(|| catalogs.first().cloned())
            .expect("the checks resolve every data set's catalog");
        let columns = rules(&cx.project.component(&catalog).settings)
            .table_columns(table)
            .expect("the checks find every data set's table");
        let chosen: Vec<(String, String)> = match listed(ds) {
            Some(names) => names
                .iter()
                .filter_map(|n| columns.iter().find(|(c, _)| c == n).cloned())
                .collect(),
            None => columns,
        };
        let typed: Vec<(String, &'static str)> = chosen
            .into_iter()
            .map(|(name, ty)| {
                let q = input_column_type(&ty).expect("the checks refuse other types");
                (name, q)
            })
            .collect();
        out.push(data_set_value(
            &cx.name,
            key,
            ds,
            [
                ("database", expr(format!("module.{catalog}.database"))),
                (
                    "table",
                    expr(format!(
                        "module.{catalog}.table_names[{}]",
                        crate::hcl::quote(table)
                    )),
                ),
                ("columns", columns_value(&typed)),
            ],
        ));
    }
    out
}

/// The Redshift data source's connection: the workgroup's endpoint, database and admin
/// secret, and the VPC connection in its subnets and security groups with the edge's role.
fn redshift_source(cx: &mut RenderCx<'_>, workgroup: &Component) {
    let wg = &workgroup.id;
    cx.set("host", expr(format!("module.{wg}.endpoint")));
    cx.set("port", expr(format!("module.{wg}.port")));
    cx.set("database", expr(format!("module.{wg}.database")));
    cx.set(
        "secret_arn",
        expr(format!("module.{wg}.admin_password_secret_arn")),
    );
    let vpc = rules(&workgroup.settings)
        .vpc_endpoint()
        .expect("a Redshift workgroup has a VPC endpoint");
    cx.set("subnet_ids", Value::from(vpc.subnet_ids.to_vec()));
    cx.set(
        "security_group_ids",
        Value::from(vpc.security_group_ids.to_vec()),
    );
}

fn redshift_data_sets(cx: &RenderCx<'_>, workgroup: &Component, qs: &QuickSight) -> Vec<Value> {
    let views = rules(&workgroup.settings).sql_views();
    let mut out = Vec::new();
    for (key, ds) in &qs.data_sets {
        let name = ds.view.as_deref().expect("the checks require a view");
        let view = views
            .iter()
            .find(|v| v.name == name)
            .expect("the checks find every data set's view");
        let chosen: Vec<&crate::semantic::SqlColumn> = match listed(ds) {
            Some(names) => names
                .iter()
                .filter_map(|n| view.columns.iter().find(|c| c.name == *n))
                .collect(),
            None => view.columns.iter().collect(),
        };
        let typed: Vec<(String, &'static str)> = chosen
            .into_iter()
            .map(|c| {
                let q = redshift_column_type(&c.ty).expect("the checks refuse other types");
                (c.name.clone(), q)
            })
            .collect();
        out.push(data_set_value(
            &cx.name,
            key,
            ds,
            [
                ("schema", Value::from(REDSHIFT_SCHEMA)),
                // Through the workgroup's output: the data set waits for the view to exist.
                (
                    "table",
                    expr(format!(
                        "module.{}.view_names[{}]",
                        workgroup.id,
                        crate::hcl::quote(name)
                    )),
                ),
                ("columns", columns_value(&typed)),
            ],
        ));
    }
    out
}

fn opensearch_data_sets(cx: &RenderCx<'_>, qs: &QuickSight) -> Vec<Value> {
    let mut out = Vec::new();
    for (key, ds) in &qs.data_sets {
        let index = ds.index.as_deref().expect("the checks require an index");
        let typed: Vec<(String, &'static str)> = ds
            .columns
            .iter()
            .flatten()
            .filter_map(|c| match c {
                Column::Typed(t) => Some((
                    t.name.clone(),
                    opensearch_column_type(&t.ty).expect("the checks refuse other types"),
                )),
                // The checks refuse a field listed without its type.
                Column::Name(_) => None,
            })
            .collect();
        out.push(data_set_value(
            &cx.name,
            key,
            ds,
            [
                ("table", Value::from(index)),
                ("columns", columns_value(&typed)),
            ],
        ));
    }
    out
}
