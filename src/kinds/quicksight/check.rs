//! Checks and AWS names of a QuickSight data source: its one input (an Athena workgroup, a
//! Redshift Serverless workgroup or an OpenSearch domain), its principals, and each data set's
//! table, view or index and its columns, looked up in the input where the spec describes them.

use std::ops::Range;

use super::{
    Column, DataSet, OPENSEARCH_TYPES, QuickSight, Source, data_set_id, input_column_type,
    opensearch_column_type, redshift_column_type,
};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, SqlView, Table, error, list, rules};
use crate::suggest::closest;

/// QuickSight data source and data set ids: pipelinec keeps them to letters, digits, `_` and
/// `-` (what every QuickSight id accepts), up to 128 characters.
const QUICKSIGHT_ID: Rule = Rule::new(128, Charset::WordDash);

/// QuickSight display names (data sources, data sets): 1 to 128 characters.
const QUICKSIGHT_NAME: Rule = Rule::new(128, Charset::Printable);

/// The data set fields that name what it reads, by the source they belong to.
const READ_FIELDS: [(&str, Source); 4] = [
    ("table", Source::AthenaWorkgroup),
    ("catalog", Source::AthenaWorkgroup),
    ("view", Source::RedshiftWorkgroup),
    ("index", Source::SearchDomain),
];

/// The one component a data source reads, and what it is.
pub(super) fn input<'a>(cx: &Cx<'a>) -> Option<(&'a Component, Source)> {
    let mut inputs = cx.project.graph.incoming(&cx.c.id);
    let (Some(e), None) = (inputs.next(), inputs.next()) else {
        return None;
    };
    let c = cx.project.component(&e.from);
    Source::of(c.kind().as_str()).map(|s| (c, s))
}

impl KindRules for QuickSight {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        self.check_inputs(cx, out);
        self.check_principals(cx, out);
        let Some((input, source)) = input(cx) else {
            return;
        };
        self.check_graph_names(cx, source, out);
        if source == Source::RedshiftWorkgroup {
            check_vpc(cx, input, out);
        }
        for (key, ds) in &self.data_sets {
            if !check_read_fields(cx, input, source, key, ds, out) {
                continue;
            }
            match source {
                Source::AthenaWorkgroup => {
                    if let Some(catalog) = data_set_catalog(cx, input, key, ds, out) {
                        check_table(cx, catalog, key, ds, out);
                    }
                }
                Source::RedshiftWorkgroup => check_view(cx, input, key, ds, out),
                Source::SearchDomain => check_index_columns(cx, input, key, ds, out),
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
    /// Exactly one input. Its kind is the edge table's to check: only the three sources have a
    /// row into QuickSight.
    fn check_inputs(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        if cx.unresolved_inputs() || self.inputs.len() == 1 {
            return;
        }
        let (at, label) = match self.inputs.len() {
            0 if cx.is_set("inputs") => (cx.value_at("inputs"), "no input"),
            0 => (cx.component_at(), "no `inputs`"),
            _ => (cx.value_at("inputs/1"), "a second input"),
        };
        out.push(error(
            "quicksight-inputs",
            format!(
                "quicksight `{id}` must have exactly one input: an `athena` workgroup, a \
                 `redshift_serverless` workgroup or an `opensearch_domain`"
            ),
            at,
            label,
            "list under `inputs` the one component QuickSight reads; a second data source is \
             a second `quicksight` component",
        ));
    }

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

    /// The names that depend on the input: the caller policy's, and over Redshift the VPC
    /// connection's role (the connection's id is the data source's, checked in `names`).
    fn check_graph_names(&self, cx: &Cx<'_>, source: Source, out: &mut Vec<Diagnostic>) {
        let (project, id) = (&cx.project.name, &cx.c.id);
        let mut names = vec![AwsName::new(
            "IAM policy",
            naming::identity(project, id, source.identity_suffix()),
            naming::IAM_POLICY,
        )];
        if source == Source::RedshiftWorkgroup {
            names.push(AwsName::new(
                "IAM role",
                naming::identity(project, id, "vpc"),
                naming::IAM_ROLE,
            ));
        }
        cx.check_names(names, out);
    }
}

/// QuickSight reaches a private workgroup through a VPC connection in the workgroup's subnets
/// and security groups: the workgroup must list them (the defaults AWS picks are unknown until
/// it exists, and the connection's role is granted exactly those).
fn check_vpc(cx: &Cx<'_>, input: &Component, out: &mut Vec<Diagnostic>) {
    let Some(vpc) = rules(&input.settings).vpc_endpoint() else {
        return;
    };
    let missing: Vec<String> = [
        (vpc.subnet_ids.is_empty(), vpc.fields.0),
        (vpc.security_group_ids.is_empty(), vpc.fields.1),
    ]
    .iter()
    .filter(|(empty, _)| *empty)
    .map(|(_, f)| format!("`{f}`"))
    .collect();
    if missing.is_empty() {
        return;
    }
    let missing = missing.join(" and no ");
    out.push(
        error(
            "quicksight-vpc",
            format!(
                "QuickSight reaches `{}` through a VPC connection in its subnets and security \
                 groups, but `{}` lists no {missing}",
                input.id, input.id,
            ),
            cx.value_at("inputs/0"),
            "read through a VPC connection",
            &format!(
                "list {} on `{}`: the connection's network interfaces go there, and its role \
                 may create them there only",
                missing.replace(" and no ", " and "),
                input.id
            ),
        )
        .with_related(cx.doc.key_span(&input.pointer), "the workgroup"),
    );
}

/// The data set names what it reads with its source's field and no other; `false` when it
/// does not, so that nothing more is checked.
fn check_read_fields(
    cx: &Cx<'_>,
    input: &Component,
    source: Source,
    key: &str,
    ds: &DataSet,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let ptr = cx.entry_ptr("data_sets", key);
    let set = |field: &str| match field {
        "table" => ds.table.is_some(),
        "catalog" => ds.catalog.is_some(),
        "view" => ds.view.is_some(),
        _ => ds.index.is_some(),
    };
    let mut ok = true;
    for (field, belongs) in READ_FIELDS {
        if belongs != source && set(field) {
            ok = false;
            out.push(error(
                "quicksight-data-set",
                format!(
                    "data set `{key}` names a `{field}`, but `{}` is {}",
                    input.id,
                    source.what()
                ),
                cx.doc.key_span(&format!("{ptr}/{field}")),
                &format!("a `{field}` is for {}", belongs.what()),
                &format!(
                    "name the `{}` it reads in `{}` instead",
                    source.field(),
                    input.id
                ),
            ));
        }
    }
    if !set(source.field()) {
        ok = false;
        out.push(error(
            "quicksight-data-set",
            format!("data set `{key}` does not say what it reads"),
            cx.doc.key_span(&ptr),
            &format!("no `{}`", source.field()),
            &format!(
                "`{}` is {}: name the `{}` the data set reads",
                input.id,
                source.what(),
                source.field()
            ),
        ));
    }
    ok
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

/// The columns a data set lists by name, each with where it is; a typed entry is refused (the
/// source types its columns). `None` when the data set lists none.
fn named_columns(
    cx: &Cx<'_>,
    input: &Component,
    key: &str,
    ds: &DataSet,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, Range<usize>)>> {
    let ptr = cx.entry_ptr("data_sets", key);
    let columns = ds.columns.as_ref()?;
    let mut named = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        let at = cx.doc.value_span(&format!("{ptr}/columns/{i}"));
        match c {
            Column::Name(n) => named.push((n.clone(), at)),
            Column::Typed(t) => out.push(error(
                "quicksight-columns",
                format!(
                    "data set `{key}` gives column `{}` a type, but `{}` types its columns",
                    t.name, input.id
                ),
                cx.doc.key_span(&format!("{ptr}/columns/{i}/type")),
                "a type from the spec",
                &format!("list the column by its name only: `{}`", t.name),
            )),
        }
    }
    Some(named)
}

/// The data set's table exists in its catalog, and its columns exist there and are of types
/// QuickSight reads from Athena.
fn check_table(
    cx: &Cx<'_>,
    catalog: &Component,
    key: &str,
    ds: &DataSet,
    out: &mut Vec<Diagnostic>,
) {
    let ds_ptr = cx.entry_ptr("data_sets", key);
    let wanted = ds.table.as_deref().unwrap_or_default();
    let catalog_cx = Cx {
        project: cx.project,
        c: catalog,
        doc: cx.doc,
    };
    let tables = rules(&catalog.settings).tables(&catalog_cx);
    let Some(table) = tables.iter().find(|t| t.name == wanted) else {
        let names = tables.iter().map(|t| t.name.as_str());
        let help = match closest(wanted, names.clone()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("use one of {}", list(names)),
        };
        out.push(
            error(
                "quicksight-table",
                format!(
                    "data set `{key}` reads table `{wanted}`, which catalog `{}` does not define",
                    catalog.id
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
        .table_columns(wanted)
        .unwrap_or_default();
    let chosen = match named_columns(cx, catalog, key, ds, out) {
        Some(named) => named,
        None => {
            let at = cx.doc.value_span(&format!("{ds_ptr}/table"));
            columns
                .iter()
                .map(|(c, _)| (c.clone(), at.clone()))
                .collect()
        }
    };
    check_table_columns(cx, catalog, table, key, &columns, &chosen, out);
}

/// Each column the data set reads exists once in the table and has a type QuickSight reads.
fn check_table_columns(
    cx: &Cx<'_>,
    catalog: &Component,
    table: &Table,
    key: &str,
    columns: &[(String, String)],
    chosen: &[(String, Range<usize>)],
    out: &mut Vec<Diagnostic>,
) {
    let column_at = |name: &str| -> Range<usize> {
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
    let columns_at = cx.doc.key_span(&format!("{}/columns", table.pointer));
    let found = |name: &str, at: &Range<usize>, out: &mut Vec<Diagnostic>| {
        let Some((_, ty)) = columns.iter().find(|(c, _)| c == name) else {
            out.push(missing_column(
                key,
                name,
                at.clone(),
                (
                    format!("table `{}` of `{}`", table.name, catalog.id),
                    "table",
                ),
                columns.iter().map(|(c, _)| c.as_str()),
                columns_at.clone(),
            ));
            return;
        };
        if input_column_type(ty).is_none() {
            out.push(
                unreadable(key, name, ty, "Athena", at.clone())
                    .with_related(column_at(name), "its type in the catalog"),
            );
        }
    };
    for_each_once(key, chosen, out, found);
}

/// Calls `f` for each chosen column, reporting the second mention of a name instead.
fn for_each_once(
    key: &str,
    chosen: &[(String, Range<usize>)],
    out: &mut Vec<Diagnostic>,
    mut f: impl FnMut(&str, &Range<usize>, &mut Vec<Diagnostic>),
) {
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
        f(name, at, out);
    }
}

/// A column the data set reads that its table or view does not have; `source` names the
/// table or view in the message, and what it is in the help.
fn missing_column<'a>(
    key: &str,
    name: &str,
    at: Range<usize>,
    source: (String, &str),
    names: impl Iterator<Item = &'a str> + Clone,
    columns_at: Range<usize>,
) -> Diagnostic {
    let help = match closest(name, names.clone()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("use columns of the {}: {}", source.1, list(names)),
    };
    error(
        "quicksight-columns",
        format!(
            "data set `{key}` reads column `{name}`, which {} does not have",
            source.0
        ),
        at,
        "no such column",
        &help,
    )
    .with_related(columns_at, format!("the {}'s columns", source.1))
}

/// A column of a type QuickSight cannot read from `from`.
fn unreadable(key: &str, name: &str, ty: &str, from: &str, at: Range<usize>) -> Diagnostic {
    error(
        "quicksight-column-type",
        format!(
            "data set `{key}` reads column `{name}` of type `{ty}`, which QuickSight cannot \
             read from {from}"
        ),
        at,
        "unreadable column",
        "list under `columns` the columns of primitive types QuickSight reads (strings, \
         numbers, booleans, dates and timestamps)",
    )
}

/// The data set's view is one of the workgroup's, and the columns it reads are the view's, of
/// types QuickSight reads.
fn check_view(
    cx: &Cx<'_>,
    workgroup: &Component,
    key: &str,
    ds: &DataSet,
    out: &mut Vec<Diagnostic>,
) {
    let ds_ptr = cx.entry_ptr("data_sets", key);
    let wanted = ds.view.as_deref().unwrap_or_default();
    let views = rules(&workgroup.settings).sql_views();
    let Some(view) = views.iter().find(|v| v.name == wanted) else {
        let names = views.iter().map(|v| v.name.as_str());
        let help = match closest(wanted, names.clone()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("use one of {}", list(names)),
        };
        // The field the views are entries of (`views`).
        let field = views
            .first()
            .and_then(|v| v.field.split('/').next())
            .unwrap_or_default();
        out.push(
            error(
                "quicksight-view",
                format!(
                    "data set `{key}` reads view `{wanted}`, which workgroup `{}` does not \
                     define",
                    workgroup.id
                ),
                cx.doc.value_span(&format!("{ds_ptr}/view")),
                "no such view",
                &help,
            )
            .with_related(
                cx.doc.key_span(&format!("{}/{field}", workgroup.pointer)),
                "the workgroup's views",
            ),
        );
        return;
    };
    let chosen = match named_columns(cx, workgroup, key, ds, out) {
        Some(named) => named,
        None => {
            let at = cx.doc.value_span(&format!("{ds_ptr}/view"));
            view.columns
                .iter()
                .map(|c| (c.name.clone(), at.clone()))
                .collect()
        }
    };
    check_view_columns(cx, workgroup, view, key, &chosen, out);
}

/// Each column the data set reads exists once in the view and has a type QuickSight reads.
fn check_view_columns(
    cx: &Cx<'_>,
    workgroup: &Component,
    view: &SqlView,
    key: &str,
    chosen: &[(String, Range<usize>)],
    out: &mut Vec<Diagnostic>,
) {
    let view_ptr = format!("{}/{}", workgroup.pointer, view.field);
    let found = |name: &str, at: &Range<usize>, out: &mut Vec<Diagnostic>| {
        let Some(column) = view.columns.iter().find(|c| c.name == name) else {
            out.push(missing_column(
                key,
                name,
                at.clone(),
                (
                    format!("view `{}` of `{}`", view.name, workgroup.id),
                    "view",
                ),
                view.columns.iter().map(|c| c.name.as_str()),
                cx.doc.key_span(&format!("{view_ptr}/columns")),
            ));
            return;
        };
        if redshift_column_type(&column.ty).is_none() {
            let type_at = match &column.type_field {
                Some(f) => cx.doc.value_span(&format!("{}/{f}", workgroup.pointer)),
                None => cx.doc.key_span(&view_ptr),
            };
            out.push(
                unreadable(key, name, &column.ty, "Redshift", at.clone())
                    .with_related(type_at, "its type in the view"),
            );
        }
    };
    for_each_once(key, chosen, out, found);
}

/// An OpenSearch data set lists its fields with types QuickSight reads (the domain's mappings
/// are its writers', made at run time: nothing in the spec says which fields the index has).
fn check_index_columns(
    cx: &Cx<'_>,
    domain: &Component,
    key: &str,
    ds: &DataSet,
    out: &mut Vec<Diagnostic>,
) {
    let ds_ptr = cx.entry_ptr("data_sets", key);
    let accepted = || list(OPENSEARCH_TYPES.iter().map(|(t, _)| *t));
    let Some(columns) = &ds.columns else {
        out.push(error(
            "quicksight-columns",
            format!(
                "data set `{key}` over index `{}` must list its columns",
                ds.index.as_deref().unwrap_or_default()
            ),
            cx.doc.key_span(&ds_ptr),
            "no `columns`",
            &format!(
                "`{}` is an OpenSearch domain, whose index mappings pipelinec cannot read: list \
                 the fields the data set reads under `columns`, each as `{{ name, type }}`",
                domain.id
            ),
        ));
        return;
    };
    let mut chosen = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        let at = cx.doc.value_span(&format!("{ds_ptr}/columns/{i}"));
        match c {
            Column::Typed(t) => {
                if opensearch_column_type(&t.ty).is_none() {
                    let type_at = cx.doc.value_span(&format!("{ds_ptr}/columns/{i}/type"));
                    out.push(error(
                        "quicksight-column-type",
                        format!(
                            "data set `{key}` reads field `{}` as `{}`, which QuickSight cannot \
                             read from OpenSearch",
                            t.name, t.ty
                        ),
                        type_at,
                        "no QuickSight column type",
                        &format!(
                            "QuickSight reads an index's scalar fields through the SQL plugin: \
                             use one of {}, or leave the field out",
                            accepted()
                        ),
                    ));
                }
                chosen.push((t.name.clone(), at));
            }
            Column::Name(n) => out.push(error(
                "quicksight-columns",
                format!("data set `{key}` lists field `{n}` without its type"),
                at,
                "no type",
                &format!(
                    "OpenSearch indexes carry no schema pipelinec can read: write `{{ name: {n}, \
                     type: <type> }}` with one of {}",
                    accepted()
                ),
            )),
        }
    }
    for_each_once(key, &chosen, out, |_, _, _| {});
}
