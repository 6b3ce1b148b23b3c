//! Checks and AWS names of a Redshift Serverless component: its inputs, and each view's stream
//! and columns, checked against the catalog table that describes the stream's records.

use std::ops::Range;

use super::{ARRIVAL_COLUMN, RedshiftServerless, View, is_plain_identifier};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, SqlColumn, SqlView, VpcEndpoint, error, list, rules};
use crate::source::pointer_segment;
use crate::suggest::closest;

/// Namespace and workgroup names: 3 to 64 lowercase letters, digits and `-` (the project name
/// and the id give nothing else), so only the length is left to check.
const SERVERLESS_NAME: Rule = Rule::new(64, Charset::WordDash);

impl KindRules for RedshiftServerless {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        if self.inputs.is_empty() {
            out.push(error(
                "redshift-inputs",
                format!("Redshift Serverless `{id}` ingests nothing: it has no `inputs`"),
                cx.component_at(),
                "no inputs",
                "list the `kinesis_stream`s its views read under `inputs`",
            ));
        }
        for (name, view) in &self.views {
            self.check_view(cx, name, view, out);
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        vec![
            AwsName::new(
                "Redshift Serverless namespace",
                base.clone(),
                SERVERLESS_NAME,
            ),
            AwsName::new(
                "Redshift Serverless workgroup",
                base.clone(),
                SERVERLESS_NAME,
            ),
            AwsName::new("IAM role", base, naming::IAM_ROLE),
        ]
    }

    fn kms_keys(&self) -> Vec<(&'static str, &str)> {
        self.kms_key_arn
            .iter()
            .map(|k| ("kms_key_arn", k.as_str()))
            .collect()
    }

    /// Each view: the record's arrival time, then the spec's columns.
    fn sql_views(&self) -> Vec<SqlView> {
        self.views
            .iter()
            .map(|(name, view)| {
                let field = format!("views/{}", pointer_segment(name));
                let arrival = SqlColumn {
                    name: ARRIVAL_COLUMN.0.to_string(),
                    ty: ARRIVAL_COLUMN.1.to_string(),
                    type_field: None,
                };
                let spec = view.columns.iter().enumerate().map(|(i, c)| SqlColumn {
                    name: c.name.clone(),
                    ty: c.ty.clone(),
                    type_field: Some(format!("{field}/columns/{i}/type")),
                });
                SqlView {
                    name: name.clone(),
                    columns: std::iter::once(arrival).chain(spec).collect(),
                    field,
                }
            })
            .collect()
    }

    fn vpc_endpoint(&self) -> Option<VpcEndpoint<'_>> {
        Some(VpcEndpoint {
            subnet_ids: &self.subnet_ids,
            security_group_ids: &self.security_group_ids,
            fields: ("subnet_ids", "security_group_ids"),
        })
    }
}

impl RedshiftServerless {
    /// A view reads one of the inputs; its column names are plain identifiers, each listed
    /// once, and fields of the stream's records when a catalog table describes them.
    fn check_view(&self, cx: &Cx<'_>, name: &str, view: &View, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let ptr = cx.entry_ptr("views", name);
        if !self.inputs.iter().any(|i| i.id() == view.stream) {
            let inputs = self.inputs.iter().map(|i| i.id());
            let help = match closest(&view.stream, inputs.clone()) {
                Some(near) => format!("did you mean `{near}`?"),
                None if self.inputs.is_empty() => {
                    format!("add `{}` to the `inputs` of `{id}`", view.stream)
                }
                None => format!(
                    "read one of the inputs ({}), or add `{}` to them",
                    list(inputs),
                    view.stream
                ),
            };
            let mut d = error(
                "redshift-view-stream",
                format!(
                    "view `{name}` reads stream `{}`, which is not an input of `{id}`",
                    view.stream
                ),
                cx.doc.value_span(&format!("{ptr}/stream")),
                "not an input",
                &help,
            );
            if cx.is_set("inputs") {
                d = d.with_related(cx.key_at("inputs"), "the component's inputs");
            }
            out.push(d);
        }
        if let Some(stream) = existing_stream_name(cx.project, &view.stream)
            && !stream
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            out.push(error(
                "redshift-stream-name",
                format!(
                    "view `{name}` reads the existing stream `{stream}`, whose name Redshift \
                     cannot take as it is"
                ),
                cx.doc.value_span(&format!("{ptr}/stream")),
                "a name with capitals or dots",
                "Redshift folds unquoted names to lowercase, and pipelinec's views name a \
                 stream only by lowercase letters, digits, `-` and `_`: read a stream named so",
            ));
        }
        let schema = record_schema(cx, &view.stream);
        for (i, c) in view.columns.iter().enumerate() {
            let at = cx.doc.value_span(&format!("{ptr}/columns/{i}/name"));
            if !is_plain_identifier(&c.name) {
                out.push(error(
                    "redshift-identifier",
                    format!(
                        "column `{}` of view `{name}` is not a plain identifier",
                        c.name
                    ),
                    at,
                    "not a plain name",
                    "use lowercase letters, digits and underscores, not starting with a digit: \
                     the view's SQL quotes every name and takes none that needs escaping",
                ));
                continue;
            }
            if let Some(first) = view.columns[..i].iter().position(|d| d.name == c.name) {
                out.push(
                    error(
                        "redshift-view-columns",
                        format!("view `{name}` lists column `{}` twice", c.name),
                        at,
                        "listed again",
                        "remove the second entry",
                    )
                    .with_related(
                        cx.doc.value_span(&format!("{ptr}/columns/{first}/name")),
                        "first here",
                    ),
                );
                continue;
            }
            if let Some(s) = &schema
                && !s.columns.contains(&c.name)
            {
                out.push(s.missing(&view.stream, name, &c.name, at));
            }
        }
    }
}

/// What describes a stream's records: the catalog table a Firehose reading the stream converts
/// them with (its `convert`), without the table's partition columns (Firehose makes those from
/// the delivery time, not from a field).
struct RecordSchema {
    firehose: ComponentId,
    /// Where the Firehose names the table.
    convert_at: Range<usize>,
    catalog: ComponentId,
    table: String,
    /// The table's `columns` key.
    columns_at: Range<usize>,
    columns: Vec<String>,
}

impl RecordSchema {
    fn missing(&self, stream: &str, view: &str, column: &str, at: Range<usize>) -> Diagnostic {
        let help = match closest(column, self.columns.iter().map(String::as_str)) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!(
                "use fields of the records: {}",
                list(self.columns.iter().map(String::as_str))
            ),
        };
        error(
            "redshift-view-column",
            format!(
                "view `{view}` reads field `{column}`, which the records of stream `{stream}` do \
                 not have: table `{}` of `{}` describes them",
                self.table, self.catalog
            ),
            at,
            "no such field",
            &help,
        )
        .with_related(self.columns_at.clone(), "the records' fields")
        .with_related(
            self.convert_at.clone(),
            format!(
                "`{}` converts the stream's records with this table",
                self.firehose
            ),
        )
    }
}

/// The name of `stream` if it stands for an existing stream (`existing:`): views read it by
/// that name, not by the one pipelinec would give it.
pub(super) fn existing_stream_name<'p>(project: &'p Project, stream: &str) -> Option<&'p str> {
    let c = project
        .components
        .get(&ComponentId::new(stream.to_string()))?;
    rules(&c.settings).existing()?.resource_name()
}

/// The schema of `stream`'s records, if a catalog table of the spec describes them.
fn record_schema(cx: &Cx<'_>, stream: &str) -> Option<RecordSchema> {
    let stream = cx
        .project
        .components
        .get(&ComponentId::new(stream.to_string()))?;
    cx.project.graph.outgoing(&stream.id).find_map(|e| {
        let reader = cx.project.component(&e.to);
        let (catalog, table, field) = rules(&reader.settings).record_schema()?;
        let catalog: &Component = cx
            .project
            .components
            .get(&ComponentId::new(catalog.to_string()))?;
        let catalog_cx = Cx {
            project: cx.project,
            c: catalog,
            doc: cx.doc,
        };
        let t = rules(&catalog.settings)
            .tables(&catalog_cx)
            .into_iter()
            .find(|t| t.name == table)?;
        let partitions = t.partitioning.keys();
        let columns = rules(&catalog.settings)
            .table_columns(table)?
            .into_iter()
            .map(|(c, _)| c)
            .filter(|c| !partitions.iter().any(|(p, _)| p == c))
            .collect();
        Some(RecordSchema {
            firehose: reader.id.clone(),
            convert_at: cx.doc.value_span(&format!("{}/{field}", reader.pointer)),
            catalog: catalog.id.clone(),
            table: table.to_string(),
            columns_at: cx.doc.key_span(&format!("{}/columns", t.pointer)),
            columns,
        })
    })
}
