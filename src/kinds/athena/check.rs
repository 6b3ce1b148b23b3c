//! Checks and AWS names of an Athena workgroup: each saved query runs in one of its catalogs.

use super::{Athena, IDENTITY_SUFFIX};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{BucketFor, Cx, Entry, KindRules, Startable, Usage, Use, error, list};

/// Athena workgroup names.
const WORKGROUP_NAME: Rule = Rule::new(128, Charset::WordDotDash);

/// Athena named query names.
const NAMED_QUERY_NAME: Rule = Rule::new(128, Charset::Printable);

impl KindRules for Athena {
    /// A schedule runs one of its saved queries.
    fn startable(&self, cx: &Cx<'_>) -> Option<Startable> {
        Some(Startable {
            entries: self
                .named_queries
                .iter()
                .map(|(name, q)| Entry {
                    name: name.clone(),
                    pointer: format!("{}/query", cx.entry_ptr("named_queries", name)),
                    input_chars: q.query.trim_end().chars().count(),
                })
                .collect(),
            takes_input: false,
            entry_field: "query",
        })
    }

    /// Data scanned by the workgroup's queries, per hour, and their run time; the module turns
    /// on `publish_cloudwatch_metrics_enabled`:
    /// <https://docs.aws.amazon.com/athena/latest/ug/query-metrics-viewing.html>. The alarm
    /// fires at a hundred queries' worth of the per-query cutoff in an hour (100 GiB without a
    /// cutoff): a runaway client, or a table that lost its partitions.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let queries = || {
            vec![
                ("QueryState", Dim::Fixed("SUCCEEDED")),
                ("QueryType", Dim::Fixed("DML")),
                ("WorkGroup", Dim::of(c.id.as_str(), "workgroup")),
            ]
        };
        let per_hour = self
            .bytes_scanned_cutoff()
            .map_or(100.0 * 1024f64.powi(3), |b| 100.0 * b as f64);
        vec![
            Monitor::new(
                "processed_bytes",
                "data scanned per hour (bytes)",
                ("AWS/Athena", "ProcessedBytes"),
                queries(),
                Statistic::Sum,
            )
            .every(3600)
            .alarm(Alarm::above(
                per_hour,
                1,
                1,
                "Queries in this workgroup scanned far more data than usual in an hour; Athena bills per byte scanned.",
            )),
            Monitor::new(
                "execution_time",
                "longest query (ms)",
                ("AWS/Athena", "TotalExecutionTime"),
                queries(),
                Statistic::Maximum,
            ),
        ]
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let catalogs: Vec<&ComponentId> = cx.project.graph.incoming(id).map(|e| &e.from).collect();
        for (q, nq) in &self.named_queries {
            let qptr = cx.entry_ptr("named_queries", q);
            match &nq.catalog {
                Some(cat) if !catalogs.iter().any(|c| c.as_str() == cat) => out.push(error(
                    "query-catalog",
                    format!("query `{q}` runs in `{cat}`, which is not an input of `{id}`"),
                    cx.doc.value_span(&format!("{qptr}/catalog")),
                    "not an input",
                    &format!(
                        "use one of the workgroup's inputs: {}",
                        list(catalogs.iter().map(|c| c.as_str()))
                    ),
                )),
                None if catalogs.len() != 1 => out.push(error(
                    "query-catalog",
                    format!("query `{q}` must say which catalog it runs in"),
                    cx.doc.key_span(&qptr),
                    "no `catalog`",
                    "the workgroup has several (or no) catalog inputs; add `catalog: <id>`",
                )),
                _ => {}
            }
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        let mut out = vec![
            AwsName::new("Athena workgroup", base.clone(), WORKGROUP_NAME),
            AwsName::new(
                "IAM policy",
                naming::identity(project, id, IDENTITY_SUFFIX),
                naming::IAM_POLICY,
            ),
            AwsName::bucket(naming::bucket_stem(project, id, "results")),
        ];
        for q in self.named_queries.keys() {
            out.push(AwsName::new(
                "Athena named query",
                format!("{base}-{}", q.replace('_', "-")),
                NAMED_QUERY_NAME,
            ));
        }
        out
    }

    fn usage(&self) -> Vec<Use> {
        vec![
            Use::one(Usage::AthenaWorkgroups),
            Use::one(Usage::Buckets(BucketFor::QueryResults)),
        ]
    }
}
