//! The facts an Athena workgroup offers to the edge table: the workgroup, the data catalog and
//! its results bucket.

use super::{Athena, IDENTITY_SUFFIX};
use crate::iam::{Fact, FactCx, Facts, KindIam, arn, bucket_arn, fixed, get};
use crate::naming;

impl KindIam for Athena {
    fn identity_suffix(&self, _cx: &FactCx<'_>) -> &'static str {
        IDENTITY_SUFFIX
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        // What a query of this workgroup reads: its catalogs' tables and their data, for the
        // schedules that run its saved queries with their own roles.
        let catalogs: Vec<Facts> = cx
            .project
            .graph
            .incoming(&cx.c.id)
            .map(|e| cx.of(&cx.project.components[&e.from]))
            .collect();
        let of_catalogs = |name: &str| -> Vec<Fact> {
            let mut all: Vec<Fact> = catalogs.iter().flat_map(|f| get(f, name)).collect();
            all.dedup();
            all
        };
        vec![
            ("query_catalog_arn", of_catalogs("catalog_arn")),
            ("query_database_arn", of_catalogs("database_arn")),
            ("query_table_arn", of_catalogs("table_arn")),
            ("query_lake_bucket_arn", of_catalogs("lake_bucket_arn")),
            ("query_table_prefix", of_catalogs("table_prefix")),
            ("query_lake_kms_key_arn", of_catalogs("lake_kms_key_arn")),
            (
                "workgroup_arn",
                vec![cx.named(arn("athena", &format!("workgroup/{}", cx.base())))],
            ),
            (
                "datacatalog_arn",
                fixed(arn("athena", "datacatalog/AwsDataCatalog")),
            ),
            (
                "results_bucket_arn",
                vec![cx.named(bucket_arn(&naming::bucket_stem(
                    &cx.project.name,
                    &cx.c.id,
                    "results",
                )))],
            ),
        ]
    }
}
