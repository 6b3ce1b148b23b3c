//! The IAM registry: which edges exist, and exactly what each one grants.
//!
//! One row per (source kind, target kind): the access the edge means, which side acts, and the
//! grants. Resources are templates over the *facts* of the two ends (see `iam::facts`):
//! `{from.stream_arn}`, `{to.bucket_arn}/{from.prefix}*`. A fact that is empty (say, no
//! customer KMS key) makes its grant vanish, so optional permissions need no code.
//! An edge with no row here is a validation error: nothing is ever granted by default.
//!
//! Facts come from the AWS docs summarised in `../shared/reference/iam-edges.md`; every action
//! name is checked against the Service Authorization Reference (`data/iam-actions.json`) by the
//! tests, and so is every entry of [`UNSCOPABLE`].

use crate::kinds::Kind;

/// What an edge means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Access {
    /// The target pulls records from the source (a stream), or reads objects it stores (a
    /// lake prefix, a catalog's tables and their data).
    Read,
    /// The source writes objects into the target.
    Write,
    /// The source writes items into the target table (a function storing orders).
    WriteItems,
    /// The source changes items of the target table in place.
    UpdateItems,
    /// The source deletes items of the target table.
    DeleteItems,
    /// The target reads items of the source table (gets and queries, not its stream).
    ReadItems,
    /// The source reads the status and output of the target workflow's executions.
    Describe,
    /// The source indexes documents into the target search domain (a function keeping an
    /// OpenSearch index in step with a table's stream): its role may call the domain's HTTP
    /// API, and the domain's access policy names that role.
    Index,
    /// The target's tables describe data in the source (and its crawler reads it).
    Catalog,
    /// The target queries the source's tables (a workgroup querying a catalog), or queries
    /// through the source (QuickSight running its queries in a workgroup).
    Query,
    /// The source starts the target: a schedule invoking a function, starting a job run or
    /// running a saved query.
    Start,
    /// The source reads a table's schema from the target (Firehose converting records with
    /// a catalog table's columns).
    Schema,
    /// The source calls the target on the records passing through it (a Firehose processor).
    Process,
    /// The source puts the records it produces into the target stream, which it names in a
    /// field of its own (a Flink application's `output_stream`).
    Produce,
    /// The source starts executions of the target with the data it passes (a function
    /// starting a workflow with the order it received).
    Trigger,
    /// The source calls the target as one step of its own and waits for the answer (a
    /// workflow state invoking a function), naming it in a field of its own.
    Invoke,
    /// The source sends email from the target identity (a workflow state), naming it in a
    /// field of its own.
    Send,
    /// The source accepts its callers' tokens when the target issued them (an API's JWT
    /// authorizer over a user pool), naming it in a field of its own.
    Authenticate,
    /// The source sends events about what users do to the target (a function putting
    /// clickstream events into a Personalize event tracker).
    Track,
    /// The target asks the source for recommendations (a function calling a Personalize
    /// campaign).
    Recommend,
    /// The source calls the target's HTTPS API with the target's credentials and waits for
    /// the answer (a workflow's `http` state), naming it in a field of its own.
    Call,
    /// The source puts events on the target bus (a workflow's `put_event` state), naming it
    /// in a field of its own.
    Publish,
    /// The source delivers the events its rules match to the target's API destination (an
    /// event bus rule's `target`), naming it in a field of its own.
    Deliver,
}

impl Access {
    /// Whether the edge is a data flow, declared by the target's `inputs`; otherwise the
    /// source names the target in a field of its own (a schedule's `target`) and acts on it.
    pub fn is_flow(self) -> bool {
        !matches!(
            self,
            Access::Start
                | Access::Schema
                | Access::Process
                | Access::Produce
                | Access::Invoke
                | Access::Send
                | Access::Authenticate
                | Access::Call
                | Access::Publish
                | Access::Deliver
        )
    }
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
            Access::WriteItems => "write_items",
            Access::UpdateItems => "update_items",
            Access::DeleteItems => "delete_items",
            Access::ReadItems => "read_items",
            Access::Describe => "describe",
            Access::Track => "track",
            Access::Recommend => "recommend",
            Access::Index => "index",
            Access::Catalog => "catalog",
            Access::Query => "query",
            Access::Start => "start",
            Access::Schema => "schema",
            Access::Process => "process",
            Access::Produce => "produce",
            Access::Trigger => "trigger",
            Access::Invoke => "invoke",
            Access::Send => "send",
            Access::Authenticate => "authenticate",
            Access::Call => "call",
            Access::Publish => "publish",
            Access::Deliver => "deliver",
        }
    }
}

/// Which end of an edge holds the identity that acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    From,
    To,
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
    /// Resource templates; every `{side.fact}` expands to each value of that fact. `"*"` is
    /// allowed only when every action is in [`UNSCOPABLE`].
    pub resources: &'static [&'static str],
    pub conditions: &'static [Cond],
    /// A fact that must be non-empty for the grant to apply (`""`: always).
    pub when: &'static str,
}

const fn grant(
    sid: &'static str,
    actions: &'static [&'static str],
    resources: &'static [&'static str],
) -> Grant {
    Grant {
        sid,
        actions,
        resources,
        conditions: &[],
        when: "",
    }
}

/// A word a spec may put in an `inputs` entry's `access` list, for the pairs of kinds whose
/// edge can mean more than one thing. Each word picks one row of [`EDGES`] (by its access);
/// the default words are what an entry without `access` means. A pair with no word here
/// means one thing only, and `access` on it is an error.
#[derive(Debug, Clone, Copy)]
pub struct Verb {
    pub from: Kind,
    pub to: Kind,
    pub word: &'static str,
    pub access: Access,
    pub default: bool,
    /// What the word grants, for diagnostics.
    pub means: &'static str,
}

const fn verb(
    from: Kind,
    to: Kind,
    word: &'static str,
    access: Access,
    default: bool,
    means: &'static str,
) -> Verb {
    Verb {
        from,
        to,
        word,
        access,
        default,
        means,
    }
}

/// Every access word, by pair of kinds.
pub const VERBS: &[Verb] = &[
    verb(
        Kind::DynamodbTable,
        Kind::Lambda,
        "stream",
        Access::Read,
        true,
        "the table's stream triggers the function",
    ),
    verb(
        Kind::DynamodbTable,
        Kind::Lambda,
        "read",
        Access::ReadItems,
        false,
        "GetItem, BatchGetItem and Query on the table and its indexes",
    ),
    verb(
        Kind::Lambda,
        Kind::DynamodbTable,
        "write",
        Access::WriteItems,
        true,
        "PutItem",
    ),
    verb(
        Kind::Lambda,
        Kind::DynamodbTable,
        "update",
        Access::UpdateItems,
        false,
        "UpdateItem",
    ),
    verb(
        Kind::Lambda,
        Kind::DynamodbTable,
        "delete",
        Access::DeleteItems,
        false,
        "DeleteItem",
    ),
    verb(
        Kind::Lambda,
        Kind::Workflow,
        "start",
        Access::Trigger,
        true,
        "StartExecution",
    ),
    verb(
        Kind::Lambda,
        Kind::Workflow,
        "describe",
        Access::Describe,
        false,
        "DescribeExecution of its executions",
    ),
];

/// The access words of a pair of kinds (none: the edge means one thing).
pub fn verbs(from: Kind, to: Kind) -> impl Iterator<Item = &'static Verb> {
    VERBS.iter().filter(move |v| v.from == from && v.to == to)
}

/// What a spec calls `access` between two kinds: its word where the pair has several
/// (`stream`, `read`), else the access's own name (`index`).
pub fn word(from: Kind, to: Kind, access: Access) -> &'static str {
    verbs(from, to)
        .find(|v| v.access == access)
        .map_or(access.as_str(), |v| v.word)
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

/// Every reader of a stream encrypted with a customer key decrypts through Kinesis only.
const DECRYPT_STREAM: Grant = Grant {
    conditions: KINESIS_VIA,
    ..grant("DecryptStream", &["kms:Decrypt"], &["{from.kms_key_arn}"])
};

/// A consumer polling a stream (a Lambda event source mapping, a Flink source, Redshift
/// streaming ingestion): describe it, list its shards, read records, and decrypt them with
/// the stream's customer key through Kinesis. No enhanced fan-out (`SubscribeToShard`).
const POLL_STREAM: &[Grant] = &[
    grant(
        "ReadStream",
        &[
            "kinesis:DescribeStream",
            "kinesis:DescribeStreamSummary",
            "kinesis:GetRecords",
            "kinesis:GetShardIterator",
            "kinesis:ListShards",
        ],
        &["{from.stream_arn}"],
    ),
    DECRYPT_STREAM,
];

/// Every writer into a lake encrypted with a customer key encrypts (and, for multipart
/// uploads, decrypts) through S3 only.
const WRITE_LAKE_KEY: Grant = Grant {
    conditions: S3_VIA,
    ..grant(
        "LakeKey",
        &["kms:Decrypt", "kms:GenerateDataKey"],
        &["{to.kms_key_arn}"],
    )
};

const DYNAMODB_VIA: &[Cond] = &[Cond {
    test: "StringEquals",
    variable: "kms:ViaService",
    value: "dynamodb.{region}.amazonaws.com",
}];

/// S3 reads that only make sense when Athena makes them on the caller's behalf.
const VIA_ATHENA: &[Cond] = &[Cond {
    test: "ForAnyValue:StringEquals",
    variable: "aws:CalledVia",
    value: "athena.amazonaws.com",
}];

/// Listing only under the job's input prefix.
const UNDER_INPUT_PREFIX: &[Cond] = &[Cond {
    test: "StringLike",
    variable: "s3:prefix",
    value: "{to.input_prefix}*",
}];

/// Listing only under the job's output prefix.
const UNDER_OUTPUT_PREFIX: &[Cond] = &[Cond {
    test: "StringLike",
    variable: "s3:prefix",
    value: "{from.output_prefix}*",
}];

/// Listing only under the tables' prefixes of the catalog read.
const UNDER_TABLES: &[Cond] = &[Cond {
    test: "StringLike",
    variable: "s3:prefix",
    value: "{from.table_prefix}*",
}];

/// Listing the lake: only the catalog's table prefixes, only through Athena.
const VIA_ATHENA_UNDER_TABLES: &[Cond] = &[VIA_ATHENA[0], UNDER_TABLES[0]];

/// A Spark job (a Glue job, an EMR Serverless job) reads the objects under its input prefix:
/// it lists only under that prefix, and a customer key decrypts through S3 only (S3 user guide,
/// "UsingKMSEncryption").
const JOB_READS_LAKE: &[Grant] = &[
    Grant {
        conditions: UNDER_INPUT_PREFIX,
        ..grant("ReadBucket", &["s3:ListBucket"], &["{from.bucket_arn}"])
    },
    grant(
        "ReadObjects",
        &["s3:GetObject"],
        &["{from.bucket_arn}/{to.input_prefix}*"],
    ),
    Grant {
        conditions: S3_VIA,
        ..grant("ReadKey", &["kms:Decrypt"], &["{from.kms_key_arn}"])
    },
];

/// A Spark job reads the data of the catalog's tables in the catalog's lake, listing only under
/// the tables' prefixes.
const JOB_READS_TABLE_DATA: [Grant; 3] = [
    Grant {
        conditions: UNDER_TABLES,
        ..grant(
            "ReadLakeBucket",
            &["s3:ListBucket"],
            &["{from.lake_bucket_arn}"],
        )
    },
    grant(
        "ReadLakeObjects",
        &["s3:GetObject"],
        &["{from.lake_bucket_arn}/{from.table_prefix}*"],
    ),
    Grant {
        conditions: S3_VIA,
        ..grant(
            "ReadLakeKey",
            &["kms:Decrypt"],
            &["{from.lake_kms_key_arn}"],
        )
    },
];

/// A Spark job writes under its output prefix only: Spark's committer writes `_temporary` keys
/// under the output path, reads them back, renames (copies, then deletes) them and overwrites;
/// AbortMultipartUpload cleans up large uploads it gives up. Listing only under the prefix; a
/// customer key through S3 only (GenerateDataKey to write, Decrypt for multipart uploads and
/// reads).
const JOB_WRITES_LAKE: &[Grant] = &[
    Grant {
        conditions: UNDER_OUTPUT_PREFIX,
        ..grant("LakeBucket", &["s3:ListBucket"], &["{to.bucket_arn}"])
    },
    grant(
        "LakeObjects",
        &[
            "s3:AbortMultipartUpload",
            "s3:DeleteObject",
            "s3:GetObject",
            "s3:PutObject",
        ],
        &["{to.bucket_arn}/{from.output_prefix}*"],
    ),
    Grant {
        conditions: S3_VIA,
        ..grant(
            "LakeKey",
            &["kms:Decrypt", "kms:GenerateDataKey"],
            &["{to.kms_key_arn}"],
        )
    },
];

/// What a query run in an Athena workgroup reads with its caller's credentials (Athena user
/// guide, "fine-grained-access-to-glue-resources", "s3-permissions"): the tables of the
/// workgroup's catalogs (`query_*` facts of the `athena` side, `$side` `from` or `to`) and, only
/// when Athena reads on the caller's behalf, their data; a customer key through S3 only. Every
/// caller of a workgroup (a schedule running a saved query, QuickSight) shares these rows.
macro_rules! athena_query_reads {
    ($side:literal) => {
        [
            grant(
                "QueryCatalog",
                &[
                    "glue:BatchGetPartition",
                    "glue:GetDatabase",
                    "glue:GetPartition",
                    "glue:GetPartitions",
                    "glue:GetTable",
                    "glue:GetTables",
                ],
                &[
                    concat!("{", $side, ".query_catalog_arn}"),
                    concat!("{", $side, ".query_database_arn}"),
                    concat!("{", $side, ".query_table_arn}"),
                ],
            ),
            Grant {
                conditions: VIA_ATHENA,
                ..grant(
                    "QueryLakeBucketLocation",
                    &["s3:GetBucketLocation"],
                    &[concat!("{", $side, ".query_lake_bucket_arn}")],
                )
            },
            Grant {
                conditions: &[
                    VIA_ATHENA[0],
                    Cond {
                        test: "StringLike",
                        variable: "s3:prefix",
                        value: concat!("{", $side, ".query_table_prefix}*"),
                    },
                ],
                ..grant(
                    "QueryLakeBucket",
                    &["s3:ListBucket"],
                    &[concat!("{", $side, ".query_lake_bucket_arn}")],
                )
            },
            Grant {
                conditions: VIA_ATHENA,
                ..grant(
                    "QueryLakeObjects",
                    &["s3:GetObject"],
                    &[concat!(
                        "{",
                        $side,
                        ".query_lake_bucket_arn}/{",
                        $side,
                        ".query_table_prefix}*"
                    )],
                )
            },
            Grant {
                conditions: S3_VIA,
                ..grant(
                    "QueryLakeKey",
                    &["kms:Decrypt"],
                    &[concat!("{", $side, ".query_lake_kms_key_arn}")],
                )
            },
        ]
    };
}

/// [`athena_query_reads`] for an edge into the workgroup (a schedule starting a query).
const ATHENA_QUERY_READS_TO: [Grant; 5] = athena_query_reads!("to");

/// [`athena_query_reads`] for an edge out of the workgroup (QuickSight querying through it).
const ATHENA_QUERY_READS_FROM: [Grant; 5] = athena_query_reads!("from");

/// Actions AWS does not let a policy scope to a resource (the Service Authorization Reference
/// lists no resource type for them), so they take `"Resource": "*"`: the only place a `*`
/// resource may come from. Each with the condition that narrows it, where one exists.
pub const UNSCOPABLE: &[(&str, Option<Cond>, &str)] = &[
    (
        "xray:PutTraceSegments",
        None,
        "X-Ray has no resource types; tracing writes segments of the component's own work",
    ),
    (
        "xray:PutTelemetryRecords",
        None,
        "X-Ray has no resource types; the tracing daemon reports its own telemetry",
    ),
    (
        "cloudwatch:PutMetricData",
        Some(Cond {
            test: "StringEquals",
            variable: "cloudwatch:namespace",
            value: "{self.metric_namespace}",
        }),
        "CloudWatch metrics have no resource type; the namespace condition narrows it",
    ),
    (
        "ec2:DescribeNetworkInterfaces",
        None,
        "describing network interfaces takes no resource; Lambda looks up a VPC function's \
         interfaces with its role",
    ),
    (
        "ec2:DescribeSubnets",
        None,
        "describing subnets takes no resource; Lambda looks up a VPC function's subnets with \
         its role",
    ),
    (
        "kinesis:ListStreams",
        None,
        "listing streams is account-wide; no edge grants it",
    ),
    (
        "logs:DescribeLogGroups",
        None,
        "listing log groups takes no resource; EMR Serverless and Managed Service for Apache \
         Flink look their log group up with the component's role before they write there, \
         and Step Functions before it sets up a workflow's log delivery",
    ),
    (
        "xray:GetSamplingRules",
        None,
        "X-Ray has no resource types; a traced Step Functions workflow reads the sampling rules",
    ),
    (
        "xray:GetSamplingTargets",
        None,
        "X-Ray has no resource types; a traced Step Functions workflow reports its sampling",
    ),
    (
        "logs:CreateLogDelivery",
        None,
        "log deliveries take no resource; Step Functions sets up the delivery of a workflow's \
         logs to its log group with the workflow's role (Step Functions guide, \"cw-logs\")",
    ),
    (
        "logs:GetLogDelivery",
        None,
        "log deliveries take no resource; Step Functions reads the workflow's log delivery",
    ),
    (
        "logs:UpdateLogDelivery",
        None,
        "log deliveries take no resource; Step Functions updates the workflow's log delivery",
    ),
    (
        "logs:DeleteLogDelivery",
        None,
        "log deliveries take no resource; Step Functions removes the workflow's log delivery",
    ),
    (
        "logs:ListLogDeliveries",
        None,
        "log deliveries take no resource; Step Functions lists them to find the workflow's",
    ),
    (
        "logs:PutResourcePolicy",
        None,
        "resource policies take no resource; Step Functions lets the log delivery service \
         write to the workflow's `/aws/vendedlogs/` log group with the workflow's role",
    ),
    (
        "logs:DescribeResourcePolicies",
        None,
        "resource policies take no resource; Step Functions reads them before it adds the \
         log delivery's",
    ),
    (
        "dynamodb:ListStreams",
        None,
        "listing a table's streams takes no resource; the Lambda guide (\"with-ddb\") lists it \
         among what a DynamoDB event source mapping needs, and it returns stream ARNs, no records",
    ),
    (
        "personalize:PutEvents",
        None,
        "Personalize PutEvents has no resource type; the tracking id, which the function gets \
         from its environment, picks the event tracker",
    ),
    (
        "es:ListDomainNames",
        None,
        "listing domains takes no resource; QuickSight lists the account's domains when a data \
         source over one is created or edited, and the list holds names, no data",
    ),
    (
        "ec2:DescribeSubnets",
        None,
        "describing subnets takes no resource; QuickSight looks up the VPC connection's subnets \
         before it puts its network interfaces there",
    ),
    (
        "ec2:DescribeSecurityGroups",
        None,
        "describing security groups takes no resource; QuickSight looks up the VPC \
         connection's security groups before it attaches them to its network interfaces",
    ),
];

/// The `UNSCOPABLE` entry of an action, if it has one.
pub fn unscopable(action: &str) -> Option<&'static (&'static str, Option<Cond>, &'static str)> {
    UNSCOPABLE.iter().find(|(a, _, _)| *a == action)
}

/// Every edge pipelinec can render.
pub const EDGES: &[EdgeRule] = &[
    // A distribution serves an API under its stage's path: CloudFront calls the API's public
    // endpoint like any browser would; nothing is granted.
    EdgeRule {
        from: Kind::HttpApi,
        to: Kind::Cdn,
        access: Access::Read,
        actor: Actor::To,
        grants: &[],
    },
    // An API's route calls a function: API Gateway acts as a service, admitted by the
    // function's permission (see `RESOURCE_POLICIES`); no role of ours is involved.
    EdgeRule {
        from: Kind::HttpApi,
        to: Kind::Lambda,
        access: Access::Invoke,
        actor: Actor::From,
        grants: &[],
    },
    // A route puts its request body into a stream (API Gateway's `Kinesis-PutRecord`
    // integration, API Gateway developer guide, "http-api-develop-integrations-aws-services"):
    // API Gateway calls `PutRecord` with the API's role, so the role may put records in that
    // stream only; not `PutRecords` (the integration sends one record per request), no reads.
    EdgeRule {
        from: Kind::HttpApi,
        to: Kind::KinesisStream,
        access: Access::Produce,
        actor: Actor::From,
        grants: &[
            grant(
                "PutRequestRecords",
                &["kinesis:PutRecord"],
                &["{to.stream_arn}"],
            ),
            Grant {
                conditions: KINESIS_VIA,
                ..grant("StreamKey", &["kms:GenerateDataKey"], &["{to.kms_key_arn}"])
            },
        ],
    },
    // A route starts a workflow with the request body as input (`StepFunctions-StartExecution`
    // integration): `states:StartExecution` on that state machine only; the caller gets the
    // execution's ARN, and nothing lets it read the execution.
    EdgeRule {
        from: Kind::HttpApi,
        to: Kind::Workflow,
        access: Access::Start,
        actor: Actor::From,
        grants: &[grant(
            "StartFromRoutes",
            &["states:StartExecution"],
            &["{to.state_machine_arn}"],
        )],
    },
    // An API checks its callers' tokens against a user pool's published keys: a JWT
    // authorizer calls no AWS API, so nothing is granted.
    EdgeRule {
        from: Kind::HttpApi,
        to: Kind::UserPool,
        access: Access::Authenticate,
        actor: Actor::From,
        grants: &[],
    },
    // A distribution serves a static site: CloudFront acts as a service, admitted by the
    // site's bucket policy (see `RESOURCE_POLICIES`); no role of ours is involved.
    EdgeRule {
        from: Kind::StaticSite,
        to: Kind::Cdn,
        access: Access::Read,
        actor: Actor::To,
        grants: &[],
    },
    // Firehose reads its source stream (Firehose developer guide, "controlling access").
    EdgeRule {
        from: Kind::KinesisStream,
        to: Kind::Firehose,
        access: Access::Read,
        actor: Actor::To,
        grants: &[
            grant(
                "ReadStream",
                &[
                    "kinesis:DescribeStream",
                    "kinesis:GetRecords",
                    "kinesis:GetShardIterator",
                    "kinesis:ListShards",
                ],
                &["{from.stream_arn}"],
            ),
            DECRYPT_STREAM,
        ],
    },
    // A Lambda event source mapping reads with the function's role (Lambda guide, "with-kinesis").
    EdgeRule {
        from: Kind::KinesisStream,
        to: Kind::Lambda,
        access: Access::Read,
        actor: Actor::To,
        grants: POLL_STREAM,
    },
    // A function starts executions of a workflow with the data it passes (Step Functions
    // guide, "Actions, resources, and condition keys for AWS Step Functions": StartExecution
    // on the state machine's ARN), that state machine only. No StartSyncExecution, no
    // Describe/Stop: it starts the workflow and leaves it to run.
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::Workflow,
        access: Access::Trigger,
        actor: Actor::From,
        grants: &[grant(
            "StartWorkflow",
            &["states:StartExecution"],
            &["{to.state_machine_arn}"],
        )],
    },
    // `access: [describe]`: the function reads how the executions it started went (status,
    // output). DescribeExecution is authorised on the execution
    // (`execution:<state machine name>:<execution id>`, Service Authorization Reference for
    // Step Functions): the `:*` covers the executions of that one state machine only.
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::Workflow,
        access: Access::Describe,
        actor: Actor::From,
        grants: &[grant(
            "DescribeExecutions",
            &["states:DescribeExecution"],
            &["{to.executions}:*"],
        )],
    },
    // A workflow's `invoke` state calls the function through the optimised Lambda integration
    // with the function's unqualified ARN as `FunctionName` (Step Functions guide, "IAM
    // policies for AWS Lambda" (lambda-iam): `lambda:InvokeFunction` on each function the
    // definition names). No `:*` (versions, aliases): the definition names none.
    EdgeRule {
        from: Kind::Workflow,
        to: Kind::Lambda,
        access: Access::Invoke,
        actor: Actor::From,
        grants: &[grant(
            "InvokeFunction",
            &["lambda:InvokeFunction"],
            &["{to.function_arn}"],
        )],
    },
    // A workflow's `send_email` state calls SESv2 SendEmail through the SDK integration, from
    // the identity's sender through its configuration set. SendEmail is authorised on the
    // identity and on the configuration set (Service Authorization Reference, "Actions,
    // resources, and condition keys for Amazon SES": SendEmail on `identity` and
    // `configuration-set`; SES guide, "control-user-access": `ses:FromAddress` condition).
    // The sender condition keeps the role from sending as anyone else of a domain.
    EdgeRule {
        from: Kind::Workflow,
        to: Kind::EmailIdentity,
        access: Access::Send,
        actor: Actor::From,
        grants: &[Grant {
            conditions: &[Cond {
                test: "StringEquals",
                variable: "ses:FromAddress",
                value: "{to.sender}",
            }],
            ..grant(
                "SendEmail",
                &["ses:SendEmail"],
                &["{to.identity_arn}", "{to.configuration_set_arn}"],
            )
        }],
    },
    // A workflow's `http` state calls the external API through the HTTP task
    // (`arn:aws:states:::http:invoke`) with the API's EventBridge connection (Step Functions
    // guide, "Call HTTPS APIs in Step Functions workflows", "IAM permissions to run an HTTP
    // Task"): `states:InvokeHTTPEndpoint` on the state machine itself, held to exactly the
    // URLs (`states:HTTPEndpoint`) and methods (`states:HTTPMethod`) its states call;
    // `events:RetrieveConnectionCredentials` on that connection; and the connection's secret
    // (`secretsmanager:GetSecretValue`, `DescribeSecret`) on exactly the secret the connection
    // created (its `secret_arn`), not every `events!connection/*` secret.
    EdgeRule {
        from: Kind::Workflow,
        to: Kind::ExternalApi,
        access: Access::Call,
        actor: Actor::From,
        grants: &[
            Grant {
                conditions: &[
                    Cond {
                        test: "StringLike",
                        variable: "states:HTTPEndpoint",
                        value: "{to.base_url}{from.http_path}",
                    },
                    Cond {
                        test: "StringEquals",
                        variable: "states:HTTPMethod",
                        value: "{from.http_method}",
                    },
                ],
                ..grant(
                    "InvokeEndpoint",
                    &["states:InvokeHTTPEndpoint"],
                    &["{from.state_machine_arn}"],
                )
            },
            grant(
                "ConnectionCredentials",
                &["events:RetrieveConnectionCredentials"],
                &["{to.connection_arn}"],
            ),
            grant(
                "ConnectionSecret",
                &[
                    "secretsmanager:DescribeSecret",
                    "secretsmanager:GetSecretValue",
                ],
                &["{to.secret_arn}"],
            ),
        ],
    },
    // A workflow's `put_event` state puts events on the bus through the optimised EventBridge
    // integration (`arn:aws:states:::events:putEvents`; Step Functions guide,
    // "connect-eventbridge", IAM policies: `events:PutEvents` on the bus). The SAR's
    // `events:source` and `events:detail-type` keys hold it to the sources and detail types
    // its states send.
    EdgeRule {
        from: Kind::Workflow,
        to: Kind::EventBus,
        access: Access::Publish,
        actor: Actor::From,
        grants: &[Grant {
            conditions: &[
                Cond {
                    test: "StringEquals",
                    variable: "events:source",
                    value: "{from.event_source}",
                },
                Cond {
                    test: "StringEquals",
                    variable: "events:detail-type",
                    value: "{from.event_detail_type}",
                },
            ],
            ..grant("PutEvents", &["events:PutEvents"], &["{to.bus_arn}"])
        }],
    },
    // A bus's rule delivers to an API destination with the role it names (EventBridge user
    // guide, "API destinations": the role needs `events:InvokeApiDestination` on the
    // destination), exactly the destinations of its rules. Its dead-letter queue admits
    // EventBridge itself (its row in `RESOURCE_POLICIES`).
    EdgeRule {
        from: Kind::EventBus,
        to: Kind::ExternalApi,
        access: Access::Deliver,
        actor: Actor::From,
        grants: &[grant(
            "InvokeApiDestination",
            &["events:InvokeApiDestination"],
            &["{to.api_destination_arn}"],
        )],
    },
    // Firehose delivers into the bucket under its prefix and its error prefix only.
    EdgeRule {
        from: Kind::Firehose,
        to: Kind::S3DataLake,
        access: Access::Write,
        actor: Actor::From,
        grants: &[
            grant(
                "LakeBucket",
                &[
                    "s3:GetBucketLocation",
                    "s3:ListBucket",
                    "s3:ListBucketMultipartUploads",
                ],
                &["{to.bucket_arn}"],
            ),
            grant(
                "LakeObjects",
                &["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"],
                &[
                    "{to.bucket_arn}/{from.prefix}*",
                    "{to.bucket_arn}/{from.error_prefix}*",
                ],
            ),
            WRITE_LAKE_KEY,
        ],
    },
    // A function writes objects under its own output prefix.
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::S3DataLake,
        access: Access::Write,
        actor: Actor::From,
        grants: &[
            grant(
                "LakeObjects",
                &["s3:PutObject"],
                &["{to.bucket_arn}/{from.output_prefix}*"],
            ),
            WRITE_LAKE_KEY,
        ],
    },
    // A function writes items into a table: `dynamodb:PutItem` on the table only. Storing an
    // order is one PutItem; a `ConditionExpression` (`attribute_not_exists(<key>)`) makes a
    // resubmission fail instead of overwriting, and needs no further action (DynamoDB
    // Developer Guide, "Condition expressions" and "Actions, resources, and condition keys
    // for Amazon DynamoDB"). Not granted: `UpdateItem`/`DeleteItem`/`BatchWriteItem` (they
    // change or delete existing items), reads (`GetItem`, `Query` and the
    // `<table>/index/*` resources): an edge that reads a table is a different access. A
    // customer key is used through DynamoDB only ("How Amazon DynamoDB uses AWS KMS").
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::DynamodbTable,
        access: Access::WriteItems,
        actor: Actor::From,
        grants: &[
            grant("TableItems", &["dynamodb:PutItem"], &["{to.table_arn}"]),
            Grant {
                conditions: DYNAMODB_VIA,
                ..grant("TableKey", &["kms:Decrypt"], &["{to.kms_key_arn}"])
            },
        ],
    },
    // `access: [update]`: UpdateItem changes attributes of an item in place (an order's
    // status); on the table only, with the same key use as a put.
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::DynamodbTable,
        access: Access::UpdateItems,
        actor: Actor::From,
        grants: &[
            grant("UpdateItems", &["dynamodb:UpdateItem"], &["{to.table_arn}"]),
            Grant {
                conditions: DYNAMODB_VIA,
                ..grant("UpdateKey", &["kms:Decrypt"], &["{to.kms_key_arn}"])
            },
        ],
    },
    // `access: [delete]`: DeleteItem removes one item by its key; no BatchWriteItem (it also
    // puts), no table deletion.
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::DynamodbTable,
        access: Access::DeleteItems,
        actor: Actor::From,
        grants: &[
            grant("DeleteItems", &["dynamodb:DeleteItem"], &["{to.table_arn}"]),
            Grant {
                conditions: DYNAMODB_VIA,
                ..grant("DeleteKey", &["kms:Decrypt"], &["{to.kms_key_arn}"])
            },
        ],
    },
    // A DynamoDB event source mapping reads the table's stream with the function's role
    // (Lambda developer guide, "with-ddb", "Execution role permissions":
    // https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html; DynamoDB developer guide,
    // "iam-policy-example-lamda-process-dynamodb-streams"). The stream's label (the
    // `stream/<timestamp>` part of its ARN) exists only once the table is applied, and changes
    // whenever the stream is turned off and on; `<table ARN>/stream/*` matches exactly the
    // streams of that one table, as the DynamoDB guide's example policy does. ListStreams takes
    // no resource (see `UNSCOPABLE`). A customer key decrypts the stream's records through
    // DynamoDB only ("How Amazon DynamoDB uses AWS KMS").
    EdgeRule {
        from: Kind::DynamodbTable,
        to: Kind::Lambda,
        access: Access::Read,
        actor: Actor::To,
        grants: &[
            grant(
                "ReadTableStream",
                &[
                    "dynamodb:DescribeStream",
                    "dynamodb:GetRecords",
                    "dynamodb:GetShardIterator",
                ],
                &["{from.table_arn}/stream/*"],
            ),
            grant("ListTableStreams", &["dynamodb:ListStreams"], &["*"]),
            Grant {
                conditions: DYNAMODB_VIA,
                ..grant("TableStreamKey", &["kms:Decrypt"], &["{from.kms_key_arn}"])
            },
        ],
    },
    // A function that reads a table's items (`access: [read]`) gets them one by one, in
    // batches, or by key condition, on the table and, for `Query`, on its global indexes
    // (DynamoDB developer guide, "Actions, resources, and condition keys": GetItem,
    // BatchGetItem and Query on `table`, Query on `index`). No `Scan` (a whole-table read
    // that costs per item scanned), no `PartiQL` actions.
    EdgeRule {
        from: Kind::DynamodbTable,
        to: Kind::Lambda,
        access: Access::ReadItems,
        actor: Actor::To,
        grants: &[
            grant(
                "ReadTableItems",
                &[
                    "dynamodb:BatchGetItem",
                    "dynamodb:GetItem",
                    "dynamodb:Query",
                ],
                &["{from.table_arn}"],
            ),
            Grant {
                when: "from.indexes",
                ..grant(
                    "QueryTableIndexes",
                    &["dynamodb:Query"],
                    &["{from.table_arn}/index/*"],
                )
            },
            Grant {
                conditions: DYNAMODB_VIA,
                ..grant("ReadTableKey", &["kms:Decrypt"], &["{from.kms_key_arn}"])
            },
        ],
    },
    // A function indexes documents into a search domain through its HTTP API, signed with its
    // role (OpenSearch Service developer guide, "ac" (identity-based and resource-based
    // policies): https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html;
    // Service Authorization Reference, "Amazon OpenSearch Service": `es:ESHttp*` on
    // `domain/<name>/*`). POST covers `_bulk` (index, update and delete actions alike, which is
    // how an indexer removes documents) and `_doc`; PUT covers indexing a document by id and
    // creating an index with its mappings. Not granted: `ESHttpDelete` (it would let the
    // function drop whole indices), `ESHttpGet`/`ESHttpHead` (reads are a different access),
    // `ESHttpPatch`, and no control-plane `es:*` action. Only the domain's indices and APIs
    // (`/*`), never another domain. The domain's access policy admits the same role with the
    // same actions (its row in `RESOURCE_POLICIES`).
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::OpensearchDomain,
        access: Access::Index,
        actor: Actor::From,
        grants: &[grant(
            "IndexDocuments",
            &["es:ESHttpPost", "es:ESHttpPut"],
            &["{to.domain_arn}/*"],
        )],
    },
    // Tables over the lake; the crawler (if any) reads the tables' prefixes.
    EdgeRule {
        from: Kind::S3DataLake,
        to: Kind::GlueCatalog,
        access: Access::Catalog,
        actor: Actor::To,
        grants: &[
            Grant {
                conditions: &[Cond {
                    test: "StringLike",
                    variable: "s3:prefix",
                    value: "{to.crawled_prefix}*",
                }],
                ..grant("CrawlBucket", &["s3:ListBucket"], &["{from.bucket_arn}"])
            },
            grant(
                "CrawlObjects",
                &["s3:GetObject"],
                &["{from.bucket_arn}/{to.crawled_prefix}*"],
            ),
            Grant {
                conditions: S3_VIA,
                ..grant("CrawlKey", &["kms:Decrypt"], &["{from.kms_key_arn}"])
            },
        ],
    },
    // Queries read the catalog's tables and, through Athena only, their data in the lake.
    EdgeRule {
        from: Kind::GlueCatalog,
        to: Kind::Athena,
        access: Access::Query,
        actor: Actor::To,
        grants: &[
            grant(
                "ReadCatalog",
                &[
                    "glue:BatchGetPartition",
                    "glue:GetDatabase",
                    "glue:GetDatabases",
                    "glue:GetPartition",
                    "glue:GetPartitions",
                    "glue:GetTable",
                    "glue:GetTables",
                ],
                &[
                    "{from.catalog_arn}",
                    "{from.database_arn}",
                    "{from.table_arn}",
                ],
            ),
            Grant {
                conditions: VIA_ATHENA,
                ..grant(
                    "ReadLakeBucketLocation",
                    &["s3:GetBucketLocation"],
                    &["{from.lake_bucket_arn}"],
                )
            },
            // Listing only the tables' prefixes (`s3:prefix`), and only through Athena.
            Grant {
                conditions: VIA_ATHENA_UNDER_TABLES,
                ..grant(
                    "ReadLakeBucket",
                    &["s3:ListBucket"],
                    &["{from.lake_bucket_arn}"],
                )
            },
            Grant {
                conditions: VIA_ATHENA,
                ..grant(
                    "ReadLakeObjects",
                    &["s3:GetObject"],
                    &["{from.lake_bucket_arn}/{from.table_prefix}*"],
                )
            },
            Grant {
                conditions: S3_VIA,
                ..grant(
                    "ReadLakeKey",
                    &["kms:Decrypt"],
                    &["{from.lake_kms_key_arn}"],
                )
            },
        ],
    },
    // A Glue job reads the objects under its input prefix (Glue developer guide, "Step 2:
    // Create an IAM role for AWS Glue": S3 sources need ListBucket and GetObject).
    EdgeRule {
        from: Kind::S3DataLake,
        to: Kind::GlueJob,
        access: Access::Read,
        actor: Actor::To,
        grants: JOB_READS_LAKE,
    },
    // A Glue job reads a catalog's tables (GlueContext `from_catalog` calls GetTable and
    // GetPartitions; a table action needs the catalog, database and table ARNs: Glue developer
    // guide, "glue-specifying-resource-arns") and their data in the catalog's lake, listing
    // only under the tables' prefixes.
    EdgeRule {
        from: Kind::GlueCatalog,
        to: Kind::GlueJob,
        access: Access::Read,
        actor: Actor::To,
        grants: &[
            grant(
                "ReadCatalog",
                &["glue:GetPartitions", "glue:GetTable", "glue:GetTables"],
                &[
                    "{from.catalog_arn}",
                    "{from.database_arn}",
                    "{from.table_arn}",
                ],
            ),
            JOB_READS_TABLE_DATA[0],
            JOB_READS_TABLE_DATA[1],
            JOB_READS_TABLE_DATA[2],
        ],
    },
    // A Glue job writes under its output prefix only. Glue documents PutObject, DeleteObject
    // and ListBucket for S3 targets (Glue developer guide, "Step 2: Create an IAM role for AWS
    // Glue"); see `JOB_WRITES_LAKE` for the rest.
    EdgeRule {
        from: Kind::GlueJob,
        to: Kind::S3DataLake,
        access: Access::Write,
        actor: Actor::From,
        grants: JOB_WRITES_LAKE,
    },
    // An EMR Serverless job's runtime role reads its input prefix: S3 sources need GetObject and
    // ListBucket (EMR Serverless user guide, "security-iam-runtime-role", whose sample grants
    // them on whole buckets; here only under the prefix).
    EdgeRule {
        from: Kind::S3DataLake,
        to: Kind::EmrServerlessJob,
        access: Access::Read,
        actor: Actor::To,
        grants: JOB_READS_LAKE,
    },
    // An EMR Serverless job reads a catalog's tables through the Glue Data Catalog as Spark's
    // metastore (EMR Serverless user guide, "metastore-config" and "security-iam-runtime-role":
    // the sample grants Glue actions on `*`; here the read actions Spark SQL's table lookups
    // and partition listing use, on the catalog, database and table ARNs, as any table action
    // needs all three: Glue developer guide, "glue-specifying-resource-arns"). The Hive client
    // also looks up the `default` database when Spark starts. None of the sample's Create,
    // Update or Delete actions: the job writes files under its prefix, not tables.
    EdgeRule {
        from: Kind::GlueCatalog,
        to: Kind::EmrServerlessJob,
        access: Access::Read,
        actor: Actor::To,
        grants: &[
            grant(
                "ReadCatalog",
                &[
                    "glue:BatchGetPartition",
                    "glue:GetDatabase",
                    "glue:GetPartition",
                    "glue:GetPartitions",
                    "glue:GetTable",
                    "glue:GetTables",
                ],
                &[
                    "{from.catalog_arn}",
                    "{from.database_arn}",
                    "{from.table_arn}",
                ],
            ),
            grant(
                "ReadDefaultDatabase",
                &["glue:GetDatabase"],
                &["{from.catalog_arn}", "{to.default_database_arn}"],
            ),
            JOB_READS_TABLE_DATA[0],
            JOB_READS_TABLE_DATA[1],
            JOB_READS_TABLE_DATA[2],
        ],
    },
    // Firehose reads the table's schema to convert records (Firehose developer guide,
    // "Controlling access with Amazon Data Firehose": GetTable, GetTableVersion and
    // GetTableVersions), on that table only.
    EdgeRule {
        from: Kind::Firehose,
        to: Kind::GlueCatalog,
        access: Access::Schema,
        actor: Actor::From,
        grants: &[grant(
            "SchemaTable",
            &[
                "glue:GetTable",
                "glue:GetTableVersion",
                "glue:GetTableVersions",
            ],
            &[
                "{to.catalog_arn}",
                "{to.database_arn}",
                "{from.schema_table_arn}",
            ],
        )],
    },
    // Firehose calls its processor function on each batch (same guide, "Grant Firehose
    // access to... Lambda": InvokeFunction and GetFunctionConfiguration on the function).
    EdgeRule {
        from: Kind::Firehose,
        to: Kind::Lambda,
        access: Access::Process,
        actor: Actor::From,
        grants: &[grant(
            "InvokeProcessor",
            &["lambda:GetFunctionConfiguration", "lambda:InvokeFunction"],
            &["{to.function_arn}"],
        )],
    },
    // A schedule starts a job run through Scheduler's universal target for EMR Serverless's
    // StartJobRun on the application, passing the job's runtime role to EMR Serverless only
    // (EMR Serverless user guide, "Job runtime roles": the caller of StartJobRun needs
    // `iam:PassRole` on the runtime role).
    EdgeRule {
        from: Kind::Schedule,
        to: Kind::EmrServerlessJob,
        access: Access::Start,
        actor: Actor::From,
        grants: &[
            grant(
                "StartTarget",
                &["emr-serverless:StartJobRun"],
                &["{to.application_arn}"],
            ),
            Grant {
                conditions: &[Cond {
                    test: "StringEquals",
                    variable: "iam:PassedToService",
                    value: "emr-serverless.amazonaws.com",
                }],
                ..grant("PassJobRole", &["iam:PassRole"], &["{to.job_role_arn}"])
            },
        ],
    },
    // A schedule invokes a function with its role (EventBridge Scheduler user guide, "Setting
    // up the execution role": `lambda:InvokeFunction` on the target function).
    EdgeRule {
        from: Kind::Schedule,
        to: Kind::Lambda,
        access: Access::Start,
        actor: Actor::From,
        grants: &[grant(
            "InvokeTarget",
            &["lambda:InvokeFunction"],
            &["{to.function_arn}"],
        )],
    },
    // A schedule starts a job run through Scheduler's universal target for Glue's StartJobRun
    // (Scheduler user guide, "Using universal targets"); the role needs that action on the job.
    EdgeRule {
        from: Kind::Schedule,
        to: Kind::GlueJob,
        access: Access::Start,
        actor: Actor::From,
        grants: &[grant(
            "StartTarget",
            &["glue:StartJobRun"],
            &["{to.job_arn}"],
        )],
    },
    // A schedule runs a saved query through Scheduler's universal target for Athena's
    // StartQueryExecution. Athena then acts with the schedule's credentials (Athena user guide,
    // "example-policies-workgroup", "fine-grained-access-to-glue-resources"): it reads the
    // workgroup's catalogs and, on the caller's behalf only, their data, and writes the
    // results under the workgroup's `results/` prefix.
    EdgeRule {
        from: Kind::Schedule,
        to: Kind::Athena,
        access: Access::Start,
        actor: Actor::From,
        grants: &[
            grant(
                "StartQuery",
                &["athena:GetWorkGroup", "athena:StartQueryExecution"],
                &["{to.workgroup_arn}"],
            ),
            ATHENA_QUERY_READS_TO[0],
            ATHENA_QUERY_READS_TO[1],
            ATHENA_QUERY_READS_TO[2],
            ATHENA_QUERY_READS_TO[3],
            ATHENA_QUERY_READS_TO[4],
            Grant {
                conditions: VIA_ATHENA,
                ..grant(
                    "QueryResultsBucket",
                    &["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
                    &["{to.results_bucket_arn}"],
                )
            },
            Grant {
                conditions: VIA_ATHENA,
                ..grant(
                    "QueryResults",
                    &[
                        "s3:AbortMultipartUpload",
                        "s3:ListMultipartUploadParts",
                        "s3:PutObject",
                    ],
                    &["{to.results_bucket_arn}/results/*"],
                )
            },
        ],
    },
    // QuickSight queries through the workgroup (QuickSight user guide, "Authorizing connections
    // to Amazon Athena"; API reference, "AthenaParameters"): it runs queries there, waits for
    // them, reads (and cancels) them, lists the catalogs' tables through Athena when a data set
    // is built, reads what its queries read, and reads and writes the results under the
    // workgroup's `results/` prefix. AWS's `AWSQuicksightAthenaAccess` grants the same actions
    // on `*` and every `aws-athena-query-results-*` bucket; this is that set scoped to one
    // workgroup, its catalogs and its results.
    EdgeRule {
        from: Kind::Athena,
        to: Kind::Quicksight,
        access: Access::Query,
        actor: Actor::To,
        grants: &[
            grant(
                "QueryWorkgroup",
                &[
                    "athena:GetQueryExecution",
                    "athena:GetQueryResults",
                    "athena:GetQueryResultsStream",
                    "athena:GetWorkGroup",
                    "athena:StartQueryExecution",
                    "athena:StopQueryExecution",
                ],
                &["{from.workgroup_arn}"],
            ),
            grant(
                "QueryCatalogMetadata",
                &[
                    "athena:GetTableMetadata",
                    "athena:ListDatabases",
                    "athena:ListTableMetadata",
                ],
                &["{from.datacatalog_arn}"],
            ),
            ATHENA_QUERY_READS_FROM[0],
            ATHENA_QUERY_READS_FROM[1],
            ATHENA_QUERY_READS_FROM[2],
            ATHENA_QUERY_READS_FROM[3],
            ATHENA_QUERY_READS_FROM[4],
            grant(
                "QueryResultsBucket",
                &[
                    "s3:GetBucketLocation",
                    "s3:ListBucket",
                    "s3:ListBucketMultipartUploads",
                ],
                &["{from.results_bucket_arn}"],
            ),
            grant(
                "QueryResults",
                &[
                    "s3:AbortMultipartUpload",
                    "s3:GetObject",
                    "s3:ListMultipartUploadParts",
                    "s3:PutObject",
                ],
                &["{from.results_bucket_arn}/results/*"],
            ),
        ],
    },
    // An EMR Serverless job writes under its output prefix only (the runtime role sample's
    // PutObject, GetObject, ListBucket and DeleteObject; see `JOB_WRITES_LAKE` for the rest).
    EdgeRule {
        from: Kind::EmrServerlessJob,
        to: Kind::S3DataLake,
        access: Access::Write,
        actor: Actor::From,
        grants: JOB_WRITES_LAKE,
    },
    // A Flink application's Kinesis source reads its input streams with the application's
    // role (Managed Service for Apache Flink developer guide, "Create and run the application
    // (API)": the source stream's read actions; the connector's source lists shards and reads
    // the stream's summary first). Polling only: no enhanced fan-out consumer, so no
    // SubscribeToShard or RegisterStreamConsumer.
    EdgeRule {
        from: Kind::KinesisStream,
        to: Kind::FlinkApplication,
        access: Access::Read,
        actor: Actor::To,
        grants: POLL_STREAM,
    },
    // A Flink application's filesystem sink writes under its output prefix only: it uploads
    // in-progress part files (multipart uploads), commits them at checkpoints, and lists,
    // reads and removes its own parts on recovery; see `JOB_WRITES_LAKE`.
    EdgeRule {
        from: Kind::FlinkApplication,
        to: Kind::S3DataLake,
        access: Access::Write,
        actor: Actor::From,
        grants: JOB_WRITES_LAKE,
    },
    // A Flink application's Kinesis sink puts records into its output stream (same guide:
    // the sink stream's write actions; the sink reads the stream's summary and shards to
    // spread records), and encrypts through Kinesis only with the stream's customer key
    // (Kinesis guide, "permissions-user-key-KMS": producers need GenerateDataKey).
    EdgeRule {
        from: Kind::FlinkApplication,
        to: Kind::KinesisStream,
        access: Access::Produce,
        actor: Actor::From,
        grants: &[
            grant(
                "WriteStream",
                &[
                    "kinesis:DescribeStreamSummary",
                    "kinesis:ListShards",
                    "kinesis:PutRecord",
                    "kinesis:PutRecords",
                ],
                &["{to.stream_arn}"],
            ),
            Grant {
                conditions: KINESIS_VIA,
                ..grant("StreamKey", &["kms:GenerateDataKey"], &["{to.kms_key_arn}"])
            },
        ],
    },
    // A function sends interaction events through a Personalize event tracker (Personalize
    // developer guide, "Recording real-time events": `PutEvents` with the tracker's tracking
    // id). The Service Authorization Reference lists no resource type for `PutEvents`, so the
    // statement names `*`; the tracking id in the function's environment picks the tracker.
    EdgeRule {
        from: Kind::Lambda,
        to: Kind::Personalize,
        access: Access::Track,
        actor: Actor::From,
        grants: &[grant("SendEvents", &["personalize:PutEvents"], &["*"])],
    },
    // A function asks a campaign for recommendations (`GetRecommendations`, authorised on the
    // campaign): that one campaign, by the name pipelinec gives it.
    EdgeRule {
        from: Kind::Personalize,
        to: Kind::Lambda,
        access: Access::Recommend,
        actor: Actor::To,
        grants: &[grant(
            "AskCampaign",
            &["personalize:GetRecommendations"],
            &["{from.campaign_arn}"],
        )],
    },
    // Redshift streaming ingestion reads each input stream with the role the namespace names
    // in its external schema (Redshift database developer guide, "Getting started with
    // streaming ingestion from Amazon Kinesis Data Streams": the stream's read actions, and
    // kms:Decrypt for a stream encrypted with a customer key). The guide's example also
    // grants kinesis:ListStreams on `*`; the views name their stream, so it is left out.
    EdgeRule {
        from: Kind::KinesisStream,
        to: Kind::RedshiftServerless,
        access: Access::Read,
        actor: Actor::To,
        grants: POLL_STREAM,
    },
    // QuickSight connects to a Redshift Serverless workgroup as its admin user, with the
    // password Redshift keeps in Secrets Manager (QuickSight user guide, "Using AWS Secrets
    // Manager secrets instead of database credentials": once an admin lets QuickSight read
    // secrets, its service role for them, `aws-quicksight-secretsmanager-role-v0`, reads a
    // data source's secret when an analysis or dashboard is viewed; creating or updating the
    // data source reads it with the caller's own credentials). `GetSecretValue` on that one
    // secret, nothing else: the secret is encrypted with the `aws/secretsmanager` key, which
    // any principal of the account may use through Secrets Manager. The network interfaces
    // QuickSight puts in the workgroup's subnets are the edge's own role (`EDGE_ROLES`).
    EdgeRule {
        from: Kind::RedshiftServerless,
        to: Kind::Quicksight,
        access: Access::Query,
        actor: Actor::To,
        grants: &[grant(
            "ReadAdminSecret",
            &["secretsmanager:GetSecretValue"],
            &["{from.admin_secret_arn}"],
        )],
    },
    // QuickSight reads an OpenSearch domain with its account's service role
    // (`aws-quicksight-service-role-v0`), through the SQL plugin. AWS's
    // `AWSQuickSightElasticsearchPolicy` (the managed policy QuickSight attaches when an admin
    // authorises OpenSearch) grants these actions on every domain of every account; this is
    // that set on one domain: the domain's root, cluster settings and index list (`GET`), the
    // SQL endpoints of OpenSearch and of Open Distro (`GET`, `POST`), the domain's description
    // (`DescribeDomain`, and the Elasticsearch-era `DescribeElasticsearchDomain` the managed
    // policy keeps beside it), and the list of the account's domain names, which takes no
    // resource (see `UNSCOPABLE`). No `PUT` or `DELETE`, no other path: QuickSight writes
    // nothing. The domain's access policy admits the same role (`RESOURCE_POLICIES`).
    EdgeRule {
        from: Kind::OpensearchDomain,
        to: Kind::Quicksight,
        access: Access::Query,
        actor: Actor::To,
        grants: &[
            grant("ReadDomainInfo", &["es:ESHttpGet"], &QUICKSIGHT_DOMAIN_INFO),
            grant(
                "QueryDomainSql",
                &["es:ESHttpGet", "es:ESHttpPost"],
                &QUICKSIGHT_DOMAIN_SQL,
            ),
            grant(
                "DescribeDomain",
                &["es:DescribeDomain", "es:DescribeElasticsearchDomain"],
                &["{from.domain_arn}"],
            ),
            grant("ListDomains", &["es:ListDomainNames"], &["*"]),
        ],
    },
];

/// The paths of a domain QuickSight reads before it queries: the root (version and name), the
/// cluster settings, the list of indices.
const QUICKSIGHT_DOMAIN_INFO: [&str; 3] = [
    "{from.domain_arn}/",
    "{from.domain_arn}/_cluster/settings",
    "{from.domain_arn}/_cat/indices",
];

/// The SQL endpoints QuickSight queries a domain through: OpenSearch's and Open Distro's.
const QUICKSIGHT_DOMAIN_SQL: [&str; 2] = [
    "{from.domain_arn}/_plugin/_sql",
    "{from.domain_arn}/_opendistro/_sql",
];

/// A role an edge needs of its own, besides the identities of its two ends: a service that
/// assumes a role it is handed for one job of the edge. QuickSight reaching a private Redshift
/// workgroup creates network interfaces in the workgroup's subnets with the role of its VPC
/// connection, not with its account's service role.
///
/// The model keeps one identity per kind ([`identity`]): the role or caller policy the kind
/// acts with on every edge, whose grants are the [`EDGES`] rows. A second identity of the same
/// kind would make every component of the kind carry a role most of them never need, so the
/// role belongs to the edge instead: the end that holds it is named by `holder`, the role by
/// `<project>-<id>-<suffix>` (its Terraform address `<id>-<suffix>`, a `-` no component id
/// holds), it is trusted by `service` alone, and its grants are templates over the facts of
/// both ends, as in [`EDGES`]. `pipelinec iam` lists it beside the holder's identity.
#[derive(Debug, Clone, Copy)]
pub struct EdgeRole {
    pub from: Kind,
    pub to: Kind,
    pub access: Access,
    /// The end whose module uses the role.
    pub holder: Actor,
    /// The service that assumes it.
    pub service: &'static str,
    /// Its name after `<project>-<id>-`.
    pub suffix: &'static str,
    pub grants: &'static [Grant],
}

/// Only the network interfaces in the VPC connection's subnets.
const IN_CONNECTION_SUBNETS: &[Cond] = &[Cond {
    test: "ArnEquals",
    variable: "ec2:Subnet",
    value: "{from.subnet_arn}",
}];

/// Every role an edge needs of its own.
pub const EDGE_ROLES: &[EdgeRole] = &[
    // QuickSight reaches a workgroup that is not publicly accessible through a VPC connection
    // in the workgroup's subnets and security groups, creating, changing and deleting its
    // network interfaces there with the connection's role (QuickSight user guide, "Configuring
    // the VPC connection with the QuickSight CLI": the execution role needs
    // `ec2:CreateNetworkInterface`, `ec2:ModifyNetworkInterfaceAttribute`,
    // `ec2:DeleteNetworkInterface`, `ec2:DescribeSubnets` and `ec2:DescribeSecurityGroups`;
    // AWS's example grants them on `*`). Here: creating an interface only in those subnets
    // with those groups (`CreateNetworkInterface` is authorised on the subnet, the security
    // groups and the new interface, whose id nobody knows before; Service Authorization
    // Reference for EC2), changing and deleting only interfaces in those subnets
    // (`ec2:Subnet`), changing an interface's groups only to those groups; the two lookups
    // take no resource (see `UNSCOPABLE`).
    EdgeRole {
        from: Kind::RedshiftServerless,
        to: Kind::Quicksight,
        access: Access::Query,
        holder: Actor::To,
        service: "quicksight.amazonaws.com",
        suffix: "vpc",
        grants: &[
            grant(
                "ConnectionSubnets",
                &["ec2:CreateNetworkInterface"],
                &["{from.subnet_arn}"],
            ),
            grant(
                "ConnectionSecurityGroups",
                &[
                    "ec2:CreateNetworkInterface",
                    "ec2:ModifyNetworkInterfaceAttribute",
                ],
                &["{from.security_group_arn}"],
            ),
            grant(
                "NewInterfaces",
                &["ec2:CreateNetworkInterface"],
                &["{to.network_interfaces}/*"],
            ),
            Grant {
                conditions: IN_CONNECTION_SUBNETS,
                ..grant(
                    "OwnInterfaces",
                    &[
                        "ec2:DeleteNetworkInterface",
                        "ec2:ModifyNetworkInterfaceAttribute",
                    ],
                    &["{to.network_interfaces}/*"],
                )
            },
            grant(
                "LookUpNetwork",
                &["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets"],
                &["*"],
            ),
        ],
    },
];

/// The edge-role rows of an edge between two kinds.
pub fn edge_roles(from: Kind, to: Kind) -> impl Iterator<Item = &'static EdgeRole> {
    EDGE_ROLES
        .iter()
        .filter(move |r| r.from == from && r.to == to)
}

/// Grants an identity gets for its own resources, whatever its edges.
pub struct Baseline {
    pub kind: Kind,
    pub grants: &'static [Grant],
}

pub const BASELINES: &[Baseline] = &[
    Baseline {
        kind: Kind::Personalize,
        grants: &[
            // The custom resource's function creates, reads back and deletes the stack's
            // event tracker. A tracker's ARN ends in an id Personalize generates, so the
            // resource is the account's trackers in the region (`event-tracker/*`), the
            // narrowest ARN there is before the tracker exists.
            grant(
                "OwnEventTracker",
                &[
                    "personalize:CreateEventTracker",
                    "personalize:DeleteEventTracker",
                    "personalize:DescribeEventTracker",
                ],
                &["{self.event_trackers}/*"],
            ),
            // The stack creates the function's log group; the function only writes to it.
            grant(
                "OwnTrackerLogs",
                &["logs:CreateLogStream", "logs:PutLogEvents"],
                &["{self.tracker_log_group_arn}:*"],
            ),
        ],
    },
    Baseline {
        kind: Kind::Workflow,
        grants: &[
            // Logging to CloudWatch Logs goes through a log delivery the workflow's role sets
            // up; none of these actions takes a resource (Step Functions guide, "Using
            // CloudWatch Logs to log execution history" (cw-logs), "IAM policies for logging
            // to CloudWatch Logs"). Only when the workflow logs.
            Grant {
                when: "self.logging",
                ..grant(
                    "OwnLogDelivery",
                    &[
                        "logs:CreateLogDelivery",
                        "logs:DeleteLogDelivery",
                        "logs:DescribeLogGroups",
                        "logs:DescribeResourcePolicies",
                        "logs:GetLogDelivery",
                        "logs:ListLogDeliveries",
                        "logs:PutResourcePolicy",
                        "logs:UpdateLogDelivery",
                    ],
                    &["*"],
                )
            },
            // X-Ray tracing, always on (Step Functions guide, "IAM policies for AWS X-Ray"
            // (xray-iam)): X-Ray has no resource types.
            grant(
                "OwnTracing",
                &[
                    "xray:GetSamplingRules",
                    "xray:GetSamplingTargets",
                    "xray:PutTelemetryRecords",
                    "xray:PutTraceSegments",
                ],
                &["*"],
            ),
        ],
    },
    Baseline {
        kind: Kind::Schedule,
        // An invocation that fails all its retries goes to the schedule's dead-letter queue
        // (Scheduler user guide, "Configuring a dead-letter queue": the role sends to it).
        grants: &[grant(
            "OwnDeadLetters",
            &["sqs:SendMessage"],
            &["{self.dlq_arn}"],
        )],
    },
    Baseline {
        kind: Kind::Lambda,
        grants: &[
            // Terraform creates the log group; the function only writes to it.
            grant(
                "OwnLogs",
                &["logs:CreateLogStream", "logs:PutLogEvents"],
                &["{self.log_group_arn}:*"],
            ),
            grant("OwnFailureQueue", &["sqs:SendMessage"], &["{self.dlq_arn}"]),
            // An asynchronous invocation (from a schedule) that fails every retry goes to the
            // function's own queue, sent with its role (Lambda guide, "Adding a destination":
            // an SQS destination needs `sqs:SendMessage`).
            grant(
                "OwnAsyncFailures",
                &["sqs:SendMessage"],
                &["{self.async_failure_queue_arn}"],
            ),
            // An S3 on-failure destination: Lambda lists the bucket and writes each failed
            // batch under `aws/lambda/` (Lambda guide, "kinesis-on-failure-destination").
            grant(
                "FailureBucket",
                &["s3:ListBucket"],
                &["{self.failure_bucket_arn}"],
            ),
            grant(
                "FailureObjects",
                &["s3:PutObject"],
                &["{self.failure_bucket_arn}/aws/lambda/*"],
            ),
            Grant {
                conditions: S3_VIA,
                ..grant(
                    "FailureKey",
                    &["kms:GenerateDataKey"],
                    &["{self.failure_kms_key_arn}"],
                )
            },
            Grant {
                when: "self.tracing",
                ..grant(
                    "OwnTracing",
                    &["xray:PutTelemetryRecords", "xray:PutTraceSegments"],
                    &["*"],
                )
            },
            // A function in a VPC: Lambda creates its network interfaces with its role (Lambda
            // guide, "configuration-vpc", the actions of `AWSLambdaVPCAccessExecutionRole`),
            // here only in its own subnets with its own security groups; the interfaces' ids
            // are Lambda's to choose, so the rest acts on the account's interfaces in the
            // region, and the two lookups take no resource at all.
            grant(
                "OwnNetworkInterfaces",
                &["ec2:CreateNetworkInterface"],
                &[
                    "{self.network_interfaces}/*",
                    "{self.subnet_arns}",
                    "{self.security_group_arns}",
                ],
            ),
            grant(
                "OwnNetworkInterfaceUse",
                &[
                    "ec2:AssignPrivateIpAddresses",
                    "ec2:DeleteNetworkInterface",
                    "ec2:UnassignPrivateIpAddresses",
                ],
                &["{self.network_interfaces}/*"],
            ),
            Grant {
                when: "self.network_interfaces",
                ..grant(
                    "OwnNetworkLookups",
                    &["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"],
                    &["*"],
                )
            },
        ],
    },
    Baseline {
        kind: Kind::Firehose,
        grants: &[grant(
            "OwnErrorLogs",
            &["logs:PutLogEvents"],
            &["{self.log_stream_arn}"],
        )],
    },
    Baseline {
        kind: Kind::GlueCatalog,
        grants: &[
            // The crawler updates the declared tables and their partitions; it creates none.
            grant(
                "OwnCatalog",
                &[
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
                // Only the tables it crawls: a table with partition projection is read by
                // Athena without catalog partitions, and the crawler must not rewrite it.
                &[
                    "{self.catalog_arn}",
                    "{self.database_arn}",
                    "{self.crawled_table_arn}",
                ],
            ),
            // Glue logs every crawler into the shared `/aws-glue/crawlers` group, creating it
            // on first use; the crawler writes only its own stream.
            // CreateLogGroup is authorised on the `:*` form of the group's ARN (CloudWatch Logs
            // guide, "iam-access-control-overview-cwl").
            grant(
                "OwnCrawlerLogGroup",
                &["logs:CreateLogGroup"],
                &["{self.crawler_log_group_arn}:*"],
            ),
            grant(
                "OwnCrawlerLogs",
                &["logs:CreateLogStream", "logs:PutLogEvents"],
                &["{self.crawler_log_arn}"],
            ),
        ],
    },
    Baseline {
        kind: Kind::Athena,
        grants: &[
            // Running queries in this workgroup only (Athena guide, "example-policies-workgroup").
            // The console's query history and saved queries, and the JDBC/ODBC drivers'
            // result streaming, are part of running queries there.
            grant(
                "OwnWorkgroup",
                &[
                    "athena:BatchGetNamedQuery",
                    "athena:BatchGetQueryExecution",
                    "athena:GetNamedQuery",
                    "athena:GetQueryExecution",
                    "athena:GetQueryResults",
                    "athena:GetQueryResultsStream",
                    "athena:GetWorkGroup",
                    "athena:ListNamedQueries",
                    "athena:ListQueryExecutions",
                    "athena:StartQueryExecution",
                    "athena:StopQueryExecution",
                ],
                &["{self.workgroup_arn}"],
            ),
            // The console's data pane and the drivers' metadata calls list databases and
            // tables through Athena (the Glue grants of the query edge still decide which).
            grant(
                "OwnCatalogMetadata",
                &[
                    "athena:GetTableMetadata",
                    "athena:ListDatabases",
                    "athena:ListTableMetadata",
                ],
                &["{self.datacatalog_arn}"],
            ),
            grant(
                "OwnResultsBucket",
                &[
                    "s3:GetBucketLocation",
                    "s3:ListBucket",
                    "s3:ListBucketMultipartUploads",
                ],
                &["{self.results_bucket_arn}"],
            ),
            grant(
                "OwnResults",
                &[
                    "s3:AbortMultipartUpload",
                    "s3:GetObject",
                    "s3:ListMultipartUploadParts",
                    "s3:PutObject",
                ],
                &["{self.results_bucket_arn}/results/*"],
            ),
        ],
    },
    Baseline {
        kind: Kind::GlueJob,
        grants: &[
            // Glue reads the job's script from its assets bucket (Glue developer guide, "Step
            // 2: Create an IAM role for AWS Glue": scripts and temporary directories in S3).
            grant(
                "OwnScript",
                &["s3:GetObject"],
                &["{self.assets_bucket_arn}/{self.script_key}"],
            ),
            // Its temporary directory (`--TempDir`, "AWS Glue job parameters"): what Glue and
            // Spark stage there they list, read, write and delete.
            Grant {
                conditions: &[Cond {
                    test: "StringLike",
                    variable: "s3:prefix",
                    value: "{self.temp_prefix}*",
                }],
                ..grant(
                    "OwnTempBucket",
                    &["s3:ListBucket"],
                    &["{self.assets_bucket_arn}"],
                )
            },
            grant(
                "OwnTempObjects",
                &[
                    "s3:AbortMultipartUpload",
                    "s3:DeleteObject",
                    "s3:GetObject",
                    "s3:PutObject",
                ],
                &["{self.assets_bucket_arn}/{self.temp_prefix}*"],
            ),
            // Glue 5 writes the job's logs to `<prefix>/error` and `<prefix>/output` under
            // `--custom-logGroup-prefix` ("Logging for AWS Glue jobs"). Terraform creates both
            // groups with their retention; Glue creates a group it does not find (as
            // AWSGlueServiceRole allows on `/aws-glue/*`), which here can only be one of these
            // two. CreateLogGroup is authorised on the `:*` form of the group's ARN.
            grant(
                "OwnLogs",
                &[
                    "logs:CreateLogGroup",
                    "logs:CreateLogStream",
                    "logs:PutLogEvents",
                ],
                &["{self.log_group_arn}:*"],
            ),
            // Job metrics (`--enable-metrics`) go to the `Glue` namespace ("Monitoring AWS Glue
            // using Amazon CloudWatch metrics"); the action takes no resource, the namespace
            // condition narrows it (see `UNSCOPABLE`).
            grant("OwnMetrics", &["cloudwatch:PutMetricData"], &["*"]),
        ],
    },
    Baseline {
        kind: Kind::EmrServerlessJob,
        grants: &[
            // The run reads its entry point, the script, from the assets bucket with the runtime
            // role (EMR Serverless user guide, "security-iam-runtime-role": code in S3 needs
            // GetObject).
            grant(
                "OwnScript",
                &["s3:GetObject"],
                &["{self.assets_bucket_arn}/{self.script_key}"],
            ),
            // Logs go to the log group Terraform creates with its retention, named in the
            // request's `cloudWatchLoggingConfiguration` (EMR Serverless user guide, "Logging
            // with Amazon CloudWatch": the runtime role creates its streams, describes them
            // and puts events there).
            grant(
                "OwnLogs",
                &[
                    "logs:CreateLogStream",
                    "logs:DescribeLogStreams",
                    "logs:PutLogEvents",
                ],
                &["{self.log_group_arn}:*"],
            ),
            // ...and first checks that the group exists, with an action that takes no resource
            // (see `UNSCOPABLE`).
            grant("OwnLogGroupLookup", &["logs:DescribeLogGroups"], &["*"]),
        ],
    },
    Baseline {
        kind: Kind::FlinkApplication,
        grants: &[
            // The service reads the code zip with the application's role when it starts or
            // updates the application (Managed Service for Apache Flink developer guide,
            // "Create and run the application (API)": GetObject and GetObjectVersion on the
            // code object).
            grant(
                "OwnCode",
                &["s3:GetObject", "s3:GetObjectVersion"],
                &["{self.assets_bucket_arn}/{self.code_key}"],
            ),
            // Logging to the log stream Terraform creates (same guide, "Setting up application
            // logging": DescribeLogGroups, DescribeLogStreams in the group, PutLogEvents on the
            // stream). DescribeLogGroups takes no resource (see `UNSCOPABLE`).
            grant("OwnLogGroupLookup", &["logs:DescribeLogGroups"], &["*"]),
            grant(
                "OwnLogStreams",
                &["logs:DescribeLogStreams"],
                &["{self.log_group_arn}:log-stream:*"],
            ),
            grant(
                "OwnLogs",
                &["logs:PutLogEvents"],
                &["{self.log_stream_arn}"],
            ),
        ],
    },
];

/// Who a resource-policy statement admits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principal {
    /// An AWS service acting for the edge's other end (CloudFront reading a bucket through its
    /// origin access control, API Gateway invoking a function); the grant's conditions hold it
    /// to exactly that end (`aws:SourceArn`).
    Service(&'static str),
    /// The role of the edge's acting end: the resource admits exactly that role (an OpenSearch
    /// domain's access policy admitting its indexer).
    ActorRole,
    /// A role of the account that a service creates for itself and acts with for every
    /// component of the kind, by its path and name (`service-role/aws-quicksight-service-role-v0`,
    /// the role QuickSight reads OpenSearch domains with): the resource admits that role, in
    /// the account being deployed to, and nothing else. No component of the spec owns it.
    AccountRole(&'static str),
}

/// A statement an edge puts into the resource-based policy of one of its ends: the bucket
/// policy, queue policy, domain access policy or function permission that must admit the
/// other end. The edge's row in [`EDGES`] still exists (it may grant nothing to a role, when
/// the acting end is a service); this says what the resource itself allows.
#[derive(Debug, Clone, Copy)]
pub struct ResourceRule {
    pub from: Kind,
    pub to: Kind,
    pub access: Access,
    /// The end whose resource holds the policy.
    pub holder: Actor,
    pub principal: Principal,
    /// Resources and conditions are templates over the facts of both ends, as in [`EDGES`].
    pub grants: &'static [Grant],
}

/// Every resource-policy statement an edge puts on one of its ends.
pub const RESOURCE_POLICIES: &[ResourceRule] = &[
    // A distribution reads its site's objects through origin access control: the bucket policy
    // admits the CloudFront service only on behalf of exactly that distribution (CloudFront
    // developer guide, "Restrict access to an Amazon S3 origin": `s3:GetObject` on the
    // bucket's objects, `aws:SourceArn` the distribution's ARN). No `ListBucket`: a missing
    // key is a 403, not a listing.
    ResourceRule {
        from: Kind::StaticSite,
        to: Kind::Cdn,
        access: Access::Read,
        holder: Actor::From,
        principal: Principal::Service("cloudfront.amazonaws.com"),
        grants: &[Grant {
            conditions: &[Cond {
                test: "StringEquals",
                variable: "aws:SourceArn",
                value: "{to.distribution_arn}",
            }],
            ..grant("ServeObjects", &["s3:GetObject"], &["{from.bucket_arn}/*"])
        }],
    },
    // A route calls its function: the function's permission admits API Gateway only for the
    // routes of this API that call it, each as its `execute-api` ARN (stage, method and path,
    // a path parameter as `*`) (Lambda developer guide, "services-apigateway": the permission's
    // source ARN; API Gateway developer guide, "http-api-develop-integrations-lambda").
    ResourceRule {
        from: Kind::HttpApi,
        to: Kind::Lambda,
        access: Access::Invoke,
        holder: Actor::To,
        principal: Principal::Service("apigateway.amazonaws.com"),
        grants: &[Grant {
            conditions: &[Cond {
                test: "ArnLike",
                variable: "aws:SourceArn",
                value: "{from.route_arn}",
            }],
            ..grant(
                "InvokeFromRoutes",
                &["lambda:InvokeFunction"],
                &["{to.function_arn}"],
            )
        }],
    },
    // A rule's delivery that fails every retry goes to the bus's dead-letter queue, sent by
    // EventBridge itself, not with the rule's role: the queue policy admits
    // `events.amazonaws.com` only for the rules delivering to this API (EventBridge user
    // guide, "Using dead-letter queues to process undelivered events": `sqs:SendMessage` with
    // `aws:SourceArn` the rule's ARN).
    ResourceRule {
        from: Kind::EventBus,
        to: Kind::ExternalApi,
        access: Access::Deliver,
        holder: Actor::From,
        principal: Principal::Service("events.amazonaws.com"),
        grants: &[Grant {
            conditions: &[Cond {
                test: "ArnEquals",
                variable: "aws:SourceArn",
                value: "{from.rule_arn}",
            }],
            ..grant("DeadLetters", &["sqs:SendMessage"], &["{from.dlq_arn}"])
        }],
    },
    // A domain's access policy admits each writer's role with exactly what its edge grants it
    // (OpenSearch Service developer guide, "Identity and Access Management in Amazon
    // OpenSearch Service": a request is allowed when the identity policy and the domain's
    // resource-based policy allow it). No `Principal: *`: a domain nobody writes admits no one.
    ResourceRule {
        from: Kind::Lambda,
        to: Kind::OpensearchDomain,
        access: Access::Index,
        holder: Actor::To,
        principal: Principal::ActorRole,
        grants: &[grant(
            "IndexDocuments",
            &["es:ESHttpPost", "es:ESHttpPut"],
            &["{to.domain_arn}/*"],
        )],
    },
    // A domain QuickSight reads admits QuickSight's account service role with the HTTP reads
    // its edge grants that role (the `es:ESHttp*` part of the row in `EDGES`; the
    // control-plane actions are not the access policy's to give). QuickSight user guide,
    // "Authorizing connections to Amazon OpenSearch Service": the domain's access policy must
    // not conflict with the service role's policy.
    ResourceRule {
        from: Kind::OpensearchDomain,
        to: Kind::Quicksight,
        access: Access::Query,
        holder: Actor::From,
        principal: Principal::AccountRole(QUICKSIGHT_SERVICE_ROLE),
        grants: &[
            grant("ReadDomainInfo", &["es:ESHttpGet"], &QUICKSIGHT_DOMAIN_INFO),
            grant(
                "QueryDomainSql",
                &["es:ESHttpGet", "es:ESHttpPost"],
                &QUICKSIGHT_DOMAIN_SQL,
            ),
        ],
    },
];

/// The role QuickSight acts with for the account's AWS data sources (the role
/// `AWSQuickSightElasticsearchPolicy` is a service-role policy for): QuickSight creates it when
/// the account subscribes.
pub const QUICKSIGHT_SERVICE_ROLE: &str = "service-role/aws-quicksight-service-role-v0";

/// The role QuickSight reads data sources' Secrets Manager secrets with (QuickSight user guide,
/// "Using AWS Secrets Manager secrets instead of database credentials"): created by QuickSight
/// when an admin grants it access to secrets.
pub const QUICKSIGHT_SECRETS_ROLE: &str = "service-role/aws-quicksight-secretsmanager-role-v0";

/// How a kind's resource takes the statements edges put on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyForm {
    /// One policy document, passed to its module as `resource_policy_json` (a bucket policy,
    /// a queue policy, a domain's access policy).
    Document,
    /// One `aws_lambda_permission` per statement: a service principal, one action and the
    /// `aws:SourceArn` it is held to (a function has no policy document of its own).
    Permissions,
}

/// The form of a kind's resource-based policy.
pub fn policy_form(kind: Kind) -> PolicyForm {
    match kind {
        Kind::Lambda => PolicyForm::Permissions,
        _ => PolicyForm::Document,
    }
}

/// The resource-policy rows of an edge between two kinds.
pub fn resource_rules(from: Kind, to: Kind) -> impl Iterator<Item = &'static ResourceRule> {
    RESOURCE_POLICIES
        .iter()
        .filter(move |r| r.from == from && r.to == to)
}

/// The registry row for an edge between two kinds, if pipelinec knows it.
pub fn edge(from: Kind, to: Kind) -> Option<&'static EdgeRule> {
    EDGES.iter().find(|r| r.from == from && r.to == to)
}

/// The row of a pair of kinds for one access (a pair with access words has one row per word;
/// [`edge`] gives the first, the default).
pub fn edge_for(from: Kind, to: Kind, access: Access) -> Option<&'static EdgeRule> {
    EDGES
        .iter()
        .find(|r| r.from == from && r.to == to && r.access == access)
}

/// The shortest chain of kinds that connects `from` to `to` through known edges, excluding the
/// two ends: what a user could put between two components the registry cannot join directly.
pub fn bridge(from: Kind, to: Kind) -> Option<Vec<Kind>> {
    let mut prev: Vec<(Kind, Option<Kind>)> = vec![(from, None)];
    let mut frontier = vec![from];
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for k in frontier {
            // Data flows only: a schedule starts its target, it feeds nothing through it.
            for r in EDGES.iter().filter(|r| r.from == k && r.access.is_flow()) {
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

/// Who a kind's identity is: a role assumed by a service, or a managed policy for the people
/// and applications that use the component (Athena runs queries with its caller's credentials).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// A role trusted by this service principal.
    Role(&'static str),
    /// A customer-managed policy to attach to the callers.
    CallerPolicy,
}

/// Conditions on a role's trust policy against the confused-deputy problem, decided per
/// service from its documentation:
/// - Firehose passes the account id as `sts:ExternalId` (Firehose developer guide,
///   "controlling access").
/// - Lambda: the Lambda guide allows `aws:SourceAccount` and `aws:SourceArn` on an execution
///   role's trust policy. pipelinec sets `aws:SourceAccount` (the role's own account): a
///   function's `aws:SourceArn` is not known before the function exists, and an ARN pattern
///   would be a wildcard for nothing.
/// - Scheduler: `aws:SourceAccount`, as its execution-role guide shows.
/// - Glue: the roles of crawlers and jobs get none; Glue documents no trust condition for the
///   roles it assumes for them, and one it does not send would stop the crawler or the job.
/// - Managed Service for Apache Flink: `aws:SourceAccount`, as its guide's "Cross-service
///   confused deputy prevention" page shows on the service execution role's trust policy
///   (`aws:SourceArn` would be the application's ARN, known only once it exists).
/// - Step Functions: `aws:SourceAccount`, as its guide's "Creating an IAM role for your state
///   machine" page shows under "Prevent cross-service confused deputy issue" (`aws:SourceArn`
///   would be the state machine's ARN, known only once it exists).
/// - EventBridge: `aws:SourceAccount`, as the EventBridge user guide's "Using IAM roles"
///   page shows for the roles its rules assume (the rules' ARNs would need one condition per
///   rule, and the role serves them all).
/// - EMR Serverless: the job runtime role gets none, for the same reason: the runtime role
///   page ("security-iam-runtime-role") documents no `aws:SourceAccount`/`aws:SourceArn` value
///   EMR Serverless sends when it assumes the role, and a condition it did not send would stop
///   every run. Add one here once AWS documents it.
/// - QuickSight: a VPC connection's role gets none; the QuickSight guide's example trust
///   policy for it has no condition, and documents no `aws:SourceAccount` or `aws:SourceArn`
///   QuickSight sends when it assumes the role.
/// - Redshift: a namespace's role gets none. The management guide's "Restricting access to IAM
///   roles" uses `sts:ExternalId` only to name the database users that may use a role, which
///   streaming ingestion does not involve, and documents no `aws:SourceAccount` or
///   `aws:SourceArn` Redshift sends.
pub const TRUST_CONDITIONS: &[(&str, Cond)] = &[
    (
        "firehose.amazonaws.com",
        Cond {
            test: "StringEquals",
            variable: "sts:ExternalId",
            value: "${local.account_id}",
        },
    ),
    (
        "lambda.amazonaws.com",
        Cond {
            test: "StringEquals",
            variable: "aws:SourceAccount",
            value: "${local.account_id}",
        },
    ),
    // Scheduler's execution-role guide shows `aws:SourceAccount` on the trust policy.
    (
        "scheduler.amazonaws.com",
        Cond {
            test: "StringEquals",
            variable: "aws:SourceAccount",
            value: "${local.account_id}",
        },
    ),
    (
        "states.amazonaws.com",
        Cond {
            test: "StringEquals",
            variable: "aws:SourceAccount",
            value: "${local.account_id}",
        },
    ),
    (
        "events.amazonaws.com",
        Cond {
            test: "StringEquals",
            variable: "aws:SourceAccount",
            value: "${local.account_id}",
        },
    ),
    (
        "kinesisanalytics.amazonaws.com",
        Cond {
            test: "StringEquals",
            variable: "aws:SourceAccount",
            value: "${local.account_id}",
        },
    ),
];

/// The identity a kind acts with, if it acts.
pub fn identity(kind: Kind) -> Option<Identity> {
    match kind {
        Kind::Lambda => Some(Identity::Role("lambda.amazonaws.com")),
        Kind::Firehose => Some(Identity::Role("firehose.amazonaws.com")),
        Kind::GlueCatalog | Kind::GlueJob => Some(Identity::Role("glue.amazonaws.com")),
        Kind::EmrServerlessJob => Some(Identity::Role("emr-serverless.amazonaws.com")),
        Kind::FlinkApplication => Some(Identity::Role("kinesisanalytics.amazonaws.com")),
        // QuickSight takes no role per Athena data source in the AWS provider this renders
        // for (5.100.0 has no `parameters.athena.role_arn`): its grants are a policy for the
        // QuickSight service role (over Athena or OpenSearch) or for its Secrets Manager role
        // (over Redshift). The VPC connection's role is the edge's own (`EDGE_ROLES`).
        Kind::Athena | Kind::Quicksight => Some(Identity::CallerPolicy),
        Kind::Schedule => Some(Identity::Role("scheduler.amazonaws.com")),
        Kind::Workflow => Some(Identity::Role("states.amazonaws.com")),
        // The role a namespace names for streaming ingestion: Redshift assumes it with
        // `redshift.amazonaws.com`, for Serverless too.
        Kind::RedshiftServerless => Some(Identity::Role("redshift.amazonaws.com")),
        // Only an API with a route into a stream or a workflow has one (`acts`): API Gateway
        // calls those services with the integration's credentials.
        Kind::HttpApi => Some(Identity::Role("apigateway.amazonaws.com")),
        // The function inside the stack that creates the event tracker (`acts`: only with one).
        Kind::Personalize => Some(Identity::Role("lambda.amazonaws.com")),
        // The role a bus's rules deliver with (only when it has rules).
        Kind::EventBus => Some(Identity::Role("events.amazonaws.com")),
        // A site's bucket and its distribution hold no role: the bucket admits the
        // distribution by its policy (`RESOURCE_POLICIES`); a search domain admits its
        // writers by its access policy.
        Kind::KinesisStream
        | Kind::S3DataLake
        | Kind::DynamodbTable
        | Kind::EmailIdentity
        | Kind::ExternalApi
        | Kind::OpensearchDomain
        | Kind::StaticSite
        | Kind::Cdn
        | Kind::UserPool => None,
    }
}
