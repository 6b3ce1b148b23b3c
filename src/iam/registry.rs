//! The IAM registry: which edges exist, and exactly what each one grants.
//!
//! One row per (source kind, target kind): the access the edge means, which side's role acts,
//! and the grants. Resources are templates over the *facts* of the two ends (see
//! `iam::facts`): `{from.stream_arn}`, `{to.bucket_arn}/{from.prefix}*`. A fact that is empty
//! (say, no customer KMS key) makes its grant vanish, so optional permissions need no code.
//! An edge with no row here is a validation error: nothing is ever granted by default.

use crate::model::Kind;

/// What an edge means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Access {
    /// The target pulls records from the source.
    Read,
    /// The source writes objects into the target.
    Write,
    /// The target's tables describe data in the source (and its crawler reads it).
    Catalog,
    /// The target queries the source's tables.
    Query,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
            Access::Catalog => "catalog",
            Access::Query => "query",
        }
    }
}

/// Which end of an edge holds the role that acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    From,
    To,
    /// Nobody assumes a role for this edge (e.g. Athena runs with its caller's credentials).
    Nobody,
}

/// An IAM condition: `test` on `variable` against a value template.
#[derive(Debug, Clone, Copy)]
pub struct Cond {
    pub test: &'static str,
    pub variable: &'static str,
    pub value: &'static str,
}

/// One statement template.
#[derive(Debug, Clone, Copy)]
pub struct Grant {
    /// Suffix of the statement id, e.g. `ReadStream`.
    pub sid: &'static str,
    pub actions: &'static [&'static str],
    /// Resource templates; every `{side.fact}` expands to each value of that fact.
    pub resources: &'static [&'static str],
    pub conditions: &'static [Cond],
}

/// One registry row.
#[derive(Debug, Clone, Copy)]
pub struct EdgeRule {
    pub from: Kind,
    pub to: Kind,
    pub access: Access,
    pub actor: Actor,
    pub grants: &'static [Grant],
}

const KINESIS_VIA: &[Cond] = &[Cond {
    test: "StringEquals",
    variable: "kms:ViaService",
    value: "kinesis.{region}.amazonaws.com",
}];

const S3_VIA: &[Cond] = &[Cond {
    test: "StringEquals",
    variable: "kms:ViaService",
    value: "s3.{region}.amazonaws.com",
}];

/// Every edge pipelinec can render.
pub const EDGES: &[EdgeRule] = &[
    // Firehose reads its source stream (Firehose developer guide, "controlling access").
    EdgeRule {
        from: Kind::KinesisStream,
        to: Kind::Firehose,
        access: Access::Read,
        actor: Actor::To,
        grants: &[
            Grant {
                sid: "ReadStream",
                actions: &[
                    "kinesis:DescribeStream",
                    "kinesis:GetRecords",
                    "kinesis:GetShardIterator",
                    "kinesis:ListShards",
                ],
                resources: &["{from.stream_arn}"],
                conditions: &[],
            },
            Grant {
                sid: "DecryptStream",
                actions: &["kms:Decrypt"],
                resources: &["{from.kms_key_arn}"],
                conditions: KINESIS_VIA,
            },
        ],
    },
    // A Lambda event source mapping reads with the function's role (Lambda guide, "with-kinesis").
    EdgeRule {
        from: Kind::KinesisStream,
        to: Kind::Lambda,
        access: Access::Read,
        actor: Actor::To,
        grants: &[
            Grant {
                sid: "ReadStream",
                actions: &[
                    "kinesis:DescribeStream",
                    "kinesis:DescribeStreamSummary",
                    "kinesis:GetRecords",
                    "kinesis:GetShardIterator",
                    "kinesis:ListShards",
                ],
                resources: &["{from.stream_arn}"],
                conditions: &[],
            },
            Grant {
                sid: "DecryptStream",
                actions: &["kms:Decrypt"],
                resources: &["{from.kms_key_arn}"],
                conditions: KINESIS_VIA,
            },
        ],
    },
    // Firehose delivers into the bucket under its prefix and its error prefix only.
    EdgeRule {
        from: Kind::Firehose,
        to: Kind::S3DataLake,
        access: Access::Write,
        actor: Actor::From,
        grants: &[
            Grant {
                sid: "LakeBucket",
                actions: &[
                    "s3:GetBucketLocation",
                    "s3:ListBucket",
                    "s3:ListBucketMultipartUploads",
                ],
                resources: &["{to.bucket_arn}"],
                conditions: &[],
            },
            Grant {
                sid: "LakeObjects",
                actions: &["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"],
                resources: &[
                    "{to.bucket_arn}/{from.prefix}*",
                    "{to.bucket_arn}/{from.error_prefix}*",
                ],
                conditions: &[],
            },
            Grant {
                sid: "LakeKey",
                actions: &["kms:Decrypt", "kms:GenerateDataKey"],
                resources: &["{to.kms_key_arn}"],
                conditions: S3_VIA,
            },
        ],
    },
    // A function writes objects under its own output prefix.
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::S3DataLake,
        access: Access::Write,
        actor: Actor::From,
        grants: &[
            Grant {
                sid: "LakeObjects",
                actions: &["s3:PutObject"],
                resources: &["{to.bucket_arn}/{from.output_prefix}*"],
                conditions: &[],
            },
            Grant {
                sid: "LakeKey",
                actions: &["kms:Decrypt", "kms:GenerateDataKey"],
                resources: &["{to.kms_key_arn}"],
                conditions: S3_VIA,
            },
        ],
    },
    // Tables over the lake; the crawler (if any) reads the tables' prefixes.
    EdgeRule {
        from: Kind::S3DataLake,
        to: Kind::GlueCatalog,
        access: Access::Catalog,
        actor: Actor::To,
        grants: &[
            Grant {
                sid: "CrawlBucket",
                actions: &["s3:ListBucket"],
                resources: &["{from.bucket_arn}"],
                conditions: &[],
            },
            Grant {
                sid: "CrawlObjects",
                actions: &["s3:GetObject"],
                resources: &["{from.bucket_arn}/{to.table_prefix}*"],
                conditions: &[],
            },
            Grant {
                sid: "CrawlKey",
                actions: &["kms:Decrypt"],
                resources: &["{from.kms_key_arn}"],
                conditions: S3_VIA,
            },
        ],
    },
    // Athena assumes no role: queries run with the caller's credentials.
    EdgeRule {
        from: Kind::GlueCatalog,
        to: Kind::Athena,
        access: Access::Query,
        actor: Actor::Nobody,
        grants: &[],
    },
];

/// Grants a component's role gets for its own resources, whatever its edges.
pub struct Baseline {
    pub kind: Kind,
    pub grants: &'static [Grant],
}

pub const BASELINES: &[Baseline] = &[
    Baseline {
        kind: Kind::Lambda,
        grants: &[
            // Terraform creates the log group; the function only writes to it.
            Grant {
                sid: "OwnLogs",
                actions: &["logs:CreateLogStream", "logs:PutLogEvents"],
                resources: &["{self.log_group_arn}:*"],
                conditions: &[],
            },
            Grant {
                sid: "OwnFailureQueue",
                actions: &["sqs:SendMessage"],
                resources: &["{self.dlq_arn}"],
                conditions: &[],
            },
        ],
    },
    Baseline {
        kind: Kind::Firehose,
        grants: &[Grant {
            sid: "OwnErrorLogs",
            actions: &["logs:PutLogEvents"],
            resources: &["{self.log_stream_arn}"],
            conditions: &[],
        }],
    },
    Baseline {
        kind: Kind::GlueCatalog,
        grants: &[
            // The crawler updates the declared tables and their partitions; it creates none.
            Grant {
                sid: "OwnCatalog",
                actions: &[
                    "glue:BatchCreatePartition",
                    "glue:BatchGetPartition",
                    "glue:BatchUpdatePartition",
                    "glue:GetDatabase",
                    "glue:GetPartition",
                    "glue:GetPartitions",
                    "glue:GetTable",
                    "glue:GetTables",
                    "glue:UpdatePartition",
                    "glue:UpdateTable",
                ],
                resources: &[
                    "{self.catalog_arn}",
                    "{self.database_arn}",
                    "{self.table_arn}",
                ],
                conditions: &[],
            },
            // Glue logs every crawler into the shared `/aws-glue/crawlers` group, creating it
            // on first use; the crawler writes only its own stream.
            Grant {
                sid: "OwnCrawlerLogGroup",
                actions: &["logs:CreateLogGroup"],
                resources: &["{self.crawler_log_group_arn}"],
                conditions: &[],
            },
            Grant {
                sid: "OwnCrawlerLogs",
                actions: &["logs:CreateLogStream", "logs:PutLogEvents"],
                resources: &["{self.crawler_log_arn}"],
                conditions: &[],
            },
        ],
    },
];

/// The registry row for an edge between two kinds, if pipelinec knows it.
pub fn edge(from: Kind, to: Kind) -> Option<&'static EdgeRule> {
    EDGES.iter().find(|r| r.from == from && r.to == to)
}

/// The shortest chain of kinds that connects `from` to `to` through known edges, excluding the
/// two ends: what a user could put between two components the registry cannot join directly.
pub fn bridge(from: Kind, to: Kind) -> Option<Vec<Kind>> {
    let mut prev: Vec<(Kind, Option<Kind>)> = vec![(from, None)];
    let mut frontier = vec![from];
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for k in frontier {
            for r in EDGES.iter().filter(|r| r.from == k) {
                if prev.iter().any(|(seen, _)| *seen == r.to) {
                    continue;
                }
                prev.push((r.to, Some(k)));
                if r.to == to {
                    let mut chain = Vec::new();
                    let mut cur = k;
                    while cur != from {
                        chain.push(cur);
                        cur = prev.iter().find(|(s, _)| *s == cur).and_then(|(_, p)| *p)?;
                    }
                    chain.reverse();
                    return Some(chain);
                }
                next.push(r.to);
            }
        }
        frontier = next;
    }
    None
}

/// The service principal that assumes a kind's role, if the kind acts.
pub fn principal(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Lambda => Some("lambda.amazonaws.com"),
        Kind::Firehose => Some("firehose.amazonaws.com"),
        Kind::GlueCatalog => Some("glue.amazonaws.com"),
        Kind::KinesisStream | Kind::S3DataLake | Kind::Athena => None,
    }
}
