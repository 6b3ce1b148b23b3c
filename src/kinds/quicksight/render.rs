//! The module call of a QuickSight data source and its data sets: each data set's input
//! columns are the catalog table's columns, typed for QuickSight.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{QuickSight, data_set_id, input_column_type};
use crate::model::ComponentId;
use crate::render::values::{expr, obj};
use crate::render::{KindRender, RenderCx};
use crate::semantic::rules;

impl KindRender for QuickSight {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let workgroup = cx
            .project
            .graph
            .incoming(&id)
            .map(|e| e.from.clone())
            .next()
            .expect("the checks require one workgroup input");
        let catalogs: Vec<ComponentId> = cx
            .project
            .graph
            .incoming(&workgroup)
            .map(|e| e.from.clone())
            .collect();
        cx.set("data_source_id", cx.name.clone());
        cx.set(
            "display_name",
            self.name.clone().unwrap_or_else(|| cx.name.clone()),
        );
        cx.set("work_group", expr(format!("module.{workgroup}.workgroup")));
        cx.set("principals", Value::from(self.principals.clone()));
        let mut data_sets = Vec::new();
        for (key, ds) in &self.data_sets {
            let catalog = ds
                .catalog
                .clone()
                .map(ComponentId::new)
                .or_else(|| catalogs.first().cloned())
                .expect("the checks resolve every data set's catalog");
            let columns = rules(&cx.project.component(&catalog).settings)
                .table_columns(&ds.table)
                .expect("the checks find every data set's table");
            let chosen: Vec<(String, String)> = match &ds.columns {
                Some(names) => names
                    .iter()
                    .filter_map(|n| columns.iter().find(|(c, _)| c == n).cloned())
                    .collect(),
                None => columns,
            };
            let input_columns: Vec<Value> = chosen
                .iter()
                .map(|(name, ty)| {
                    obj(BTreeMap::from([
                        ("name", Value::from(name.as_str())),
                        (
                            "type",
                            Value::from(
                                input_column_type(ty).expect("the checks refuse other types"),
                            ),
                        ),
                    ]))
                })
                .collect();
            let ds_id = data_set_id(&cx.name, key);
            data_sets.push(obj(BTreeMap::from([
                ("key", Value::from(key.as_str())),
                ("id", Value::from(ds_id.clone())),
                ("name", Value::from(ds.name.clone().unwrap_or(ds_id))),
                ("import_mode", Value::from(ds.import_mode.as_aws())),
                ("database", expr(format!("module.{catalog}.database"))),
                (
                    "table",
                    expr(format!(
                        "module.{catalog}.table_names[{}]",
                        crate::hcl::quote(&ds.table)
                    )),
                ),
                ("columns", Value::from(input_columns)),
            ])));
        }
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
