//! Checks, AWS names and monitors of an OpenSearch Service domain.

use super::OpensearchDomain;
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Comparison, Dim, Missing, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, error};

/// OpenSearch domain names: 3 to 28 lowercase letters, digits and hyphens, starting with a
/// letter. `<project>-<id>` always starts with a letter and holds no `.` (the project name and
/// the ids are lowercase letters, digits and `-`/`_`), so the bucket charset, which also
/// allows `.`, is exact here; the length is what a long id breaks.
const DOMAIN_NAME: Rule = Rule::new(28, Charset::Bucket);

/// CloudWatch Logs resource policy names.
const LOG_POLICY_NAME: Rule = Rule::new(255, Charset::Printable);

impl KindRules for OpensearchDomain {
    /// Cluster health, storage, memory and snapshots, as AWS recommends
    /// (<https://docs.aws.amazon.com/opensearch-service/latest/developerguide/cloudwatch-alarms.html>;
    /// metric names and the `DomainName`/`ClientId` dimensions of the `AWS/ES` namespace:
    /// <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-cloudwatchmetrics.html>).
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let id = c.id.as_str();
        let domain = || {
            vec![
                ("DomainName", Dim::of(id, "domain_name")),
                ("ClientId", Dim::of(id, "account_id")),
            ]
        };
        let red = Monitor::new(
            "cluster_red",
            "primary shards unassigned (red)",
            ("AWS/ES", "ClusterStatus.red"),
            domain(),
            Statistic::Maximum,
        )
        .alarm(Alarm::above(
            0.0,
            1,
            1,
            "The cluster is red: a primary shard and its replicas are unassigned, so some documents can be neither indexed nor found.",
        ));
        let yellow = Monitor::new(
            "cluster_yellow",
            "replica shards unassigned (yellow)",
            ("AWS/ES", "ClusterStatus.yellow"),
            domain(),
            Statistic::Maximum,
        );
        // One data node can never hold a replica: such a domain is always yellow.
        let yellow = if self.instance_count > 1 {
            yellow.alarm(Alarm::above(
                0.0,
                3,
                3,
                "The cluster has been yellow for 15 minutes: a replica shard is unassigned, and losing one more node loses data.",
            ))
        } else {
            yellow
        };
        // A quarter of one node's volume, in MiB, as AWS recommends.
        let storage_floor = f64::from(self.volume_size_gb) * 1024.0 / 4.0;
        vec![
            red,
            yellow,
            Monitor::new(
                "free_storage",
                "free storage of the fullest node (MiB)",
                ("AWS/ES", "FreeStorageSpace"),
                domain(),
                Statistic::Minimum,
            )
            .alarm(Alarm {
                comparison: Comparison::LessThan,
                threshold: storage_floor,
                evaluation_periods: 1,
                datapoints_to_alarm: 1,
                missing: Missing::NotBreaching,
                why: "A node has less than a quarter of its storage left: at the flood-stage watermark OpenSearch blocks writes to its indices; raise volume_size_gb or delete old indices.",
            }),
            Monitor::new(
                "jvm_memory_pressure",
                "JVM memory pressure (%)",
                ("AWS/ES", "JVMMemoryPressure"),
                domain(),
                Statistic::Maximum,
            )
            .alarm(Alarm::above(
                95.0,
                3,
                3,
                "JVM memory pressure has been above 95% for 15 minutes: the cluster is close to out-of-memory errors and rejected requests; use a larger instance type.",
            )),
            Monitor::new(
                "snapshot_failure",
                "automated snapshots failed",
                ("AWS/ES", "AutomatedSnapshotFailure"),
                domain(),
                Statistic::Maximum,
            )
            .alarm(Alarm::above(
                0.0,
                1,
                1,
                "An automated snapshot failed (often because the cluster is red): the domain has no recent backup to restore from.",
            )),
        ]
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        if self.zones().is_none() {
            out.push(error(
                "instance-count-zones",
                format!(
                    "domain `{id}` has {} data nodes, which cannot be spread evenly over two or \
                     three Availability Zones",
                    self.instance_count
                ),
                cx.value_at("instance_count"),
                "odd, and not a multiple of three",
                "use an even count (two zones) or a multiple of three (three zones)",
            ));
        }
        if self.auto_tune && self.burstable() {
            out.push(error(
                "auto-tune-unsupported",
                format!(
                    "domain `{id}` runs on `{}`, which does not support Auto-Tune",
                    self.instance_type
                ),
                cx.field_at("instance_type"),
                "T2 and T3 types have no Auto-Tune",
                "set `auto_tune: false`, or use another instance type (e.g. `m7g.large.search`)",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        vec![
            AwsName::new("OpenSearch domain", base.clone(), DOMAIN_NAME),
            AwsName::new(
                "CloudWatch Logs resource policy",
                format!("{base}-opensearch-logs"),
                LOG_POLICY_NAME,
            ),
        ]
    }

    fn kms_keys(&self) -> Vec<(&'static str, &str)> {
        match &self.kms_key_arn {
            Some(key) => vec![("kms_key_arn", key.as_str())],
            None => Vec::new(),
        }
    }
}
