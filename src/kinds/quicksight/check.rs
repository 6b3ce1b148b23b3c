//! Checks and AWS names of a QuickSight data source: its one workgroup, its principals, and each
//! data set's table and columns, looked up in the workgroup's catalogs.

use super::{DataSet, IDENTITY_SUFFIX, QuickSight, data_set_id, input_column_type};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, Table, error, list, rules};
use crate::suggest::closest;

/// QuickSight data source and data set ids: pipelinec keeps them to letters, digits, `_` and
/// `-` (what every QuickSight id accepts), up to 128 characters.
const QUICKSIGHT_ID: Rule = Rule::new(128, Charset::WordDash);

/// QuickSight display names (data sources, data sets): 1 to 128 characters.
const QUICKSIGHT_NAME: Rule = Rule::new(128, Charset::Printable);

impl KindRules for QuickSight {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let workgroups: Vec<&ComponentId> =
            cx.project.graph.incoming(id).map(|e| &e.from).collect();
        // The edge table admits only workgroups as inputs: every edge in is one.
        if !cx.unresolved_inputs() && (self.inputs.len() != 1 || workgroups.len() != 1) {
            out.push(error(
                "quicksight-inputs",
                format!("quicksight `{id}` must have exactly one `athena` input"),
                cx.component_at(),
                "one workgroup expected",
                "list the Athena workgroup QuickSight queries through under `inputs`",
            ));
        }
        self.check_principals(cx, out);
        let [workgroup] = workgroups[..] else { return };
        let workgroup = cx.project.component(workgroup);
        for (key, ds) in &self.data_sets {
            if let Some(catalog) = data_set_catalog(cx, workgroup, key, ds, out) {
                check_data_set(cx, catalog, key, ds, out);
            }
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        let mut out = vec![
            AwsName::new("QuickSight data source id", base.clone(), QUICKSIGHT_ID),
            AwsName::new(
                "QuickSight data source name",
                self.name.clone().unwrap_or_else(|| base.clone()),
                QUICKSIGHT_NAME,
            ),
            AwsName::new(
                "IAM policy",
                naming::identity(project, id, IDENTITY_SUFFIX),
                naming::IAM_POLICY,
            ),
        ];
        for (key, ds) in &self.data_sets {
            let ds_id = data_set_id(&base, key);
            out.push(AwsName::new(
                "QuickSight data set name",
                ds.name.clone().unwrap_or_else(|| ds_id.clone()),
                QUICKSIGHT_NAME,
            ));
            out.push(AwsName::new("QuickSight data set id", ds_id, QUICKSIGHT_ID));
        }
        out
    }
}

impl QuickSight {
    /// No principal is listed twice (QuickSight refuses a permission list with duplicates).
    fn check_principals(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (i, p) in self.principals.iter().enumerate() {
            if let Some(first) = self.principals[..i].iter().position(|q| q == p) {
                out.push(
                    error(
                        "quicksight-principals",
                        format!("quicksight `{}` lists principal `{p}` twice", cx.c.id),
                        cx.value_at(&format!("principals/{i}")),
                        "listed again",
                        "remove the second entry",
                    )
                    .with_related(cx.value_at(&format!("principals/{first}")), "first here"),
                );
            }
        }
    }
}

/// The catalog a data set reads from: the one it names, which must be an input of the
/// workgroup, or the workgroup's only catalog.
fn data_set_catalog<'a>(
    cx: &Cx<'a>,
    workgroup: &'a Component,
    key: &str,
    ds: &DataSet,
    out: &mut Vec<Diagnostic>,
) -> Option<&'a Component> {
    let catalogs: Vec<&ComponentId> = cx
        .project
        .graph
        .incoming(&workgroup.id)
        .map(|e| &e.from)
        .collect();
    let ds_ptr = cx.entry_ptr("data_sets", key);
    let wg = &workgroup.id;
    match &ds.catalog {
        Some(cat) => match catalogs.iter().find(|c| c.as_str() == cat) {
            Some(c) => Some(cx.project.component(c)),
            None => {
                out.push(
                    error(
                        "quicksight-catalog",
                        format!(
                            "data set `{key}` reads catalog `{cat}`, which workgroup `{wg}` does \
                             not query"
                        ),
                        cx.doc.value_span(&format!("{ds_ptr}/catalog")),
                        "not an input of the workgroup",
                        &format!(
                            "use one of the workgroup's inputs: {}",
                            list(catalogs.iter().map(|c| c.as_str()))
                        ),
                    )
                    .with_related(
                        cx.doc.key_span(&format!("{}/inputs", workgroup.pointer)),
                        "the workgroup's catalogs",
                    ),
                );
                None
            }
        },
        None => match catalogs[..] {
            [only] => Some(cx.project.component(only)),
            _ => {
                out.push(
                    error(
                        "quicksight-catalog",
                        format!("data set `{key}` must say which catalog its table is in"),
                        cx.doc.key_span(&ds_ptr),
                        "no `catalog`",
                        &format!(
                            "workgroup `{wg}` queries several (or no) catalogs; add `catalog: \
                             <id>`"
                        ),
                    )
                    .with_related(
                        cx.doc.key_span(&format!("{}/inputs", workgroup.pointer)),
                        "the workgroup's catalogs",
                    ),
                );
                None
            }
        },
    }
}

/// The data set's table exists in its catalog, and its columns exist there and are of types
/// QuickSight reads from Athena.
fn check_data_set(
    cx: &Cx<'_>,
    catalog: &Component,
    key: &str,
    ds: &DataSet,
    out: &mut Vec<Diagnostic>,
) {
    let ds_ptr = cx.entry_ptr("data_sets", key);
    let catalog_cx = Cx {
        project: cx.project,
        c: catalog,
        doc: cx.doc,
    };
    let tables = rules(&catalog.settings).tables(&catalog_cx);
    let Some(table) = tables.iter().find(|t| t.name == ds.table) else {
        let names = tables.iter().map(|t| t.name.as_str());
        let help = match closest(&ds.table, names.clone()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("use one of {}", list(names)),
        };
        out.push(
            error(
                "quicksight-table",
                format!(
                    "data set `{key}` reads table `{}`, which catalog `{}` does not define",
                    ds.table, catalog.id
                ),
                cx.doc.value_span(&format!("{ds_ptr}/table")),
                "no such table",
                &help,
            )
            .with_related(
                cx.doc.key_span(&format!("{}/tables", catalog.pointer)),
                "the catalog's tables",
            ),
        );
        return;
    };
    let columns = rules(&catalog.settings)
        .table_columns(&ds.table)
        .unwrap_or_default();
    let chosen: Vec<(String, std::ops::Range<usize>)> = match &ds.columns {
        Some(list) => list
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    c.clone(),
                    cx.doc.value_span(&format!("{ds_ptr}/columns/{i}")),
                )
            })
            .collect(),
        None => {
            let at = cx.doc.value_span(&format!("{ds_ptr}/table"));
            columns
                .iter()
                .map(|(c, _)| (c.clone(), at.clone()))
                .collect()
        }
    };
    check_columns(cx, catalog, table, key, ds, &columns, &chosen, out);
}

/// Each column the data set reads exists once in the table and has a type QuickSight reads.
#[allow(clippy::too_many_arguments)]
fn check_columns(
    cx: &Cx<'_>,
    catalog: &Component,
    table: &Table,
    key: &str,
    ds: &DataSet,
    columns: &[(String, String)],
    chosen: &[(String, std::ops::Range<usize>)],
    out: &mut Vec<Diagnostic>,
) {
    let column_at = |name: &str| -> std::ops::Range<usize> {
        match columns.iter().position(|(c, _)| c == name) {
            Some(i)
                if cx
                    .doc
                    .span(&format!("{}/columns/{i}/type", table.pointer))
                    .is_some() =>
            {
                cx.doc
                    .value_span(&format!("{}/columns/{i}/type", table.pointer))
            }
            // A partition column: the table's partitioning makes it.
            _ => cx.doc.key_span(&table.pointer),
        }
    };
    for (i, (name, at)) in chosen.iter().enumerate() {
        if chosen[..i].iter().any(|(n, _)| n == name) {
            out.push(error(
                "quicksight-columns",
                format!("data set `{key}` lists column `{name}` twice"),
                at.clone(),
                "listed again",
                "remove the second entry",
            ));
            continue;
        }
        let Some((_, ty)) = columns.iter().find(|(c, _)| c == name) else {
            let names = columns.iter().map(|(c, _)| c.as_str());
            let help = match closest(name, names.clone()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("use columns of the table: {}", list(names)),
            };
            out.push(
                error(
                    "quicksight-columns",
                    format!(
                        "data set `{key}` reads column `{name}`, which table `{}` of `{}` does \
                         not have",
                        ds.table, catalog.id
                    ),
                    at.clone(),
                    "no such column",
                    &help,
                )
                .with_related(
                    cx.doc.key_span(&format!("{}/columns", table.pointer)),
                    "the table's columns",
                ),
            );
            continue;
        };
        if input_column_type(ty).is_none() {
            out.push(
                error(
                    "quicksight-column-type",
                    format!(
                        "data set `{key}` reads column `{name}` of type `{ty}`, which QuickSight \
                         cannot read from Athena"
                    ),
                    at.clone(),
                    "unreadable column",
                    "list under `columns` the columns of primitive types QuickSight reads \
                     (strings, numbers, booleans, dates and timestamps)",
                )
                .with_related(column_at(name), "its type in the catalog"),
            );
        }
    }
}
