//! The registration list: every component kind pipelinec knows, in one place.
//!
//! A kind is one folder under `src/kinds/`: `mod.rs` holds its spec type (the schema comes from
//! it), and one file per later stage implements that stage's trait for it: `check.rs`
//! ([`crate::semantic::KindRules`]: its checks and AWS names), `iam.rs`
//! ([`crate::iam::KindIam`]: its identity and the facts the edge table's templates use) and
//! `render.rs` ([`crate::render::KindRender`]: its template values and outputs). Its Terraform
//! is `templates/<kind>/`, and what its edges grant is a row set in [`crate::edges`].
//! Adding a kind adds a variant to each enum below and an arm to [`with_kind!`]; the stages
//! reach the kind through their trait only. See `docs/adding-a-kind.md`.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub mod athena;
pub mod cdn;
pub mod dynamodb_table;
pub mod email_identity;
pub mod emr_serverless_job;
pub mod event_bus;
pub mod existing;
pub mod external_api;
pub mod fields;
pub mod firehose;
pub mod flink_application;
pub mod glue_catalog;
pub mod glue_job;
pub mod http_api;
pub mod kinesis_stream;
pub mod lambda;
pub mod opensearch_domain;
pub mod personalize;
pub mod quicksight;
pub mod redshift_serverless;
pub mod s3_data_lake;
pub mod schedule;
pub mod script;
pub mod static_site;
pub mod user_pool;
pub mod workflow;

use athena::Athena;
use cdn::Cdn;
use dynamodb_table::DynamodbTable;
use email_identity::EmailIdentity;
use emr_serverless_job::EmrServerlessJob;
use event_bus::EventBus;
use external_api::ExternalApi;
use firehose::Firehose;
use flink_application::FlinkApplication;
use glue_catalog::GlueCatalog;
use glue_job::GlueJob;
use http_api::HttpApi;
use kinesis_stream::KinesisStream;
use lambda::Lambda;
use opensearch_domain::OpensearchDomain;
use personalize::Personalize;
use quicksight::QuickSight;
use redshift_serverless::RedshiftServerless;
use s3_data_lake::S3DataLake;
use schedule::Schedule;
use static_site::StaticSite;
use user_pool::UserPool;
use workflow::Workflow;

/// A source component.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Source {
    /// A Kinesis data stream.
    KinesisStream(KinesisStream),
    /// An EventBridge Scheduler schedule that starts a function, a Glue job or a saved Athena
    /// query.
    Schedule(Schedule),
}

/// A transform component.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Transform {
    /// A Lambda function triggered by its input streams.
    Lambda(Lambda),
    /// A Kinesis Data Firehose delivery stream reading one Kinesis stream.
    Firehose(Firehose),
    /// An AWS Glue ETL job running a PySpark script over a lake prefix or a catalog's tables.
    GlueJob(GlueJob),
    /// A Spark job on Amazon EMR Serverless running a PySpark script over a lake prefix or a
    /// catalog's tables, started through the `StartJobRun` request pipelinec outputs.
    EmrServerlessJob(EmrServerlessJob),
    /// An Amazon Managed Service for Apache Flink application running PyFlink code from a
    /// folder, reading Kinesis streams continuously and writing into a lake or a stream.
    FlinkApplication(FlinkApplication),
    /// An AWS Step Functions workflow, started by functions, whose states invoke functions
    /// and send email.
    Workflow(Workflow),
}

/// A sink component.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Sink {
    /// An S3 data-lake bucket.
    S3DataLake(S3DataLake),
    /// A Glue Data Catalog database with tables over a data lake.
    GlueCatalog(GlueCatalog),
    /// An Athena workgroup querying Glue catalogs.
    Athena(Athena),
    /// A QuickSight Athena data source over one workgroup, with data sets over its catalogs'
    /// tables.
    Quicksight(QuickSight),
    /// An Amazon SES identity (a domain or an address) that workflows send email from.
    EmailIdentity(EmailIdentity),
    /// An Amazon OpenSearch Service domain that functions index documents into.
    OpensearchDomain(OpensearchDomain),
    /// An Amazon Personalize dataset group that functions send interaction events to, with
    /// an optional solution and campaign they ask for recommendations.
    Personalize(Personalize),
    /// An HTTPS API outside AWS, reached through an EventBridge connection (its credential
    /// in Secrets Manager, set out of band), called by workflow `http` states and, with
    /// `deliver`, by event bus rules.
    ExternalApi(ExternalApi),
    /// An EventBridge event bus whose rules deliver events to external APIs, with a
    /// dead-letter queue.
    EventBus(EventBus),
    /// An Amazon Redshift Serverless namespace and workgroup ingesting Kinesis streams into
    /// auto-refreshing materialized views.
    RedshiftServerless(RedshiftServerless),
}

/// A site tier: what a web site's customers reach and what its functions keep.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Site {
    /// A CloudFront distribution serving a static site over HTTPS, with security headers and
    /// access logs.
    Cdn(Cdn),
    /// A web site's static files in a private S3 bucket that only its distribution reads.
    StaticSite(StaticSite),
    /// A Cognito user pool and app client: customers sign in with their email address, and
    /// an `http_api` checks their tokens.
    UserPool(UserPool),
    /// An API Gateway HTTP API whose routes call the spec's functions, some only for signed-in
    /// users of a `user_pool`.
    HttpApi(HttpApi),
    /// A DynamoDB table that functions write items into.
    DynamodbTable(DynamodbTable),
}

/// Every component kind. The edge table ([`crate::edges`]) is keyed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    KinesisStream,
    Lambda,
    Firehose,
    GlueJob,
    EmrServerlessJob,
    FlinkApplication,
    S3DataLake,
    GlueCatalog,
    Athena,
    Schedule,
    Quicksight,
    DynamodbTable,
    StaticSite,
    Cdn,
    UserPool,
    Workflow,
    EmailIdentity,
    OpensearchDomain,
    HttpApi,
    Personalize,
    ExternalApi,
    EventBus,
    RedshiftServerless,
}

impl Kind {
    pub const ALL: [Kind; 23] = [
        Kind::KinesisStream,
        Kind::Lambda,
        Kind::Firehose,
        Kind::GlueJob,
        Kind::EmrServerlessJob,
        Kind::FlinkApplication,
        Kind::S3DataLake,
        Kind::GlueCatalog,
        Kind::Athena,
        Kind::Schedule,
        Kind::Quicksight,
        Kind::DynamodbTable,
        Kind::StaticSite,
        Kind::Cdn,
        Kind::UserPool,
        Kind::Workflow,
        Kind::EmailIdentity,
        Kind::OpensearchDomain,
        Kind::HttpApi,
        Kind::Personalize,
        Kind::ExternalApi,
        Kind::EventBus,
        Kind::RedshiftServerless,
    ];

    /// The `type:` value in a spec, and the template folder name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::KinesisStream => "kinesis_stream",
            Kind::Lambda => "lambda",
            Kind::Firehose => "firehose",
            Kind::S3DataLake => "s3_data_lake",
            Kind::GlueCatalog => "glue_catalog",
            Kind::GlueJob => "glue_job",
            Kind::EmrServerlessJob => "emr_serverless_job",
            Kind::FlinkApplication => "flink_application",
            Kind::Athena => "athena",
            Kind::Schedule => "schedule",
            Kind::Quicksight => "quicksight",
            Kind::DynamodbTable => "dynamodb_table",
            Kind::StaticSite => "static_site",
            Kind::Cdn => "cdn",
            Kind::UserPool => "user_pool",
            Kind::Workflow => "workflow",
            Kind::EmailIdentity => "email_identity",
            Kind::OpensearchDomain => "opensearch_domain",
            Kind::HttpApi => "http_api",
            Kind::Personalize => "personalize",
            Kind::ExternalApi => "external_api",
            Kind::EventBus => "event_bus",
            Kind::RedshiftServerless => "redshift_serverless",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A component's settings, as the user wrote them (defaults filled in).
#[derive(Debug, Clone)]
pub enum Settings {
    KinesisStream(KinesisStream),
    Lambda(Lambda),
    Firehose(Firehose),
    S3DataLake(S3DataLake),
    GlueCatalog(GlueCatalog),
    Athena(Athena),
    GlueJob(GlueJob),
    Schedule(Schedule),
    EmrServerlessJob(EmrServerlessJob),
    Quicksight(QuickSight),
    FlinkApplication(FlinkApplication),
    DynamodbTable(DynamodbTable),
    StaticSite(StaticSite),
    Cdn(Cdn),
    UserPool(UserPool),
    Workflow(Workflow),
    EmailIdentity(EmailIdentity),
    OpensearchDomain(OpensearchDomain),
    HttpApi(HttpApi),
    Personalize(Personalize),
    ExternalApi(ExternalApi),
    EventBus(EventBus),
    RedshiftServerless(RedshiftServerless),
}

/// Runs `$body` with `$k` bound to the kind-specific settings inside a [`Settings`]: how a
/// stage turns the enum into its own trait object (`with_kind!(s, k => k as &dyn Trait)`)
/// without naming any kind.
#[macro_export]
macro_rules! with_kind {
    ($settings:expr, $k:ident => $body:expr) => {
        match $settings {
            $crate::kinds::Settings::KinesisStream($k) => $body,
            $crate::kinds::Settings::Lambda($k) => $body,
            $crate::kinds::Settings::Firehose($k) => $body,
            $crate::kinds::Settings::S3DataLake($k) => $body,
            $crate::kinds::Settings::GlueCatalog($k) => $body,
            $crate::kinds::Settings::Athena($k) => $body,
            $crate::kinds::Settings::GlueJob($k) => $body,
            $crate::kinds::Settings::Schedule($k) => $body,
            $crate::kinds::Settings::EmrServerlessJob($k) => $body,
            $crate::kinds::Settings::Quicksight($k) => $body,
            $crate::kinds::Settings::FlinkApplication($k) => $body,
            $crate::kinds::Settings::DynamodbTable($k) => $body,
            $crate::kinds::Settings::StaticSite($k) => $body,
            $crate::kinds::Settings::Cdn($k) => $body,
            $crate::kinds::Settings::UserPool($k) => $body,
            $crate::kinds::Settings::Workflow($k) => $body,
            $crate::kinds::Settings::EmailIdentity($k) => $body,
            $crate::kinds::Settings::OpensearchDomain($k) => $body,
            $crate::kinds::Settings::HttpApi($k) => $body,
            $crate::kinds::Settings::Personalize($k) => $body,
            $crate::kinds::Settings::ExternalApi($k) => $body,
            $crate::kinds::Settings::EventBus($k) => $body,
            $crate::kinds::Settings::RedshiftServerless($k) => $body,
        }
    };
}

impl Settings {
    pub fn kind(&self) -> Kind {
        match self {
            Settings::KinesisStream(_) => Kind::KinesisStream,
            Settings::Lambda(_) => Kind::Lambda,
            Settings::Firehose(_) => Kind::Firehose,
            Settings::S3DataLake(_) => Kind::S3DataLake,
            Settings::GlueCatalog(_) => Kind::GlueCatalog,
            Settings::Athena(_) => Kind::Athena,
            Settings::GlueJob(_) => Kind::GlueJob,
            Settings::Schedule(_) => Kind::Schedule,
            Settings::EmrServerlessJob(_) => Kind::EmrServerlessJob,
            Settings::Quicksight(_) => Kind::Quicksight,
            Settings::FlinkApplication(_) => Kind::FlinkApplication,
            Settings::DynamodbTable(_) => Kind::DynamodbTable,
            Settings::StaticSite(_) => Kind::StaticSite,
            Settings::Cdn(_) => Kind::Cdn,
            Settings::UserPool(_) => Kind::UserPool,
            Settings::Workflow(_) => Kind::Workflow,
            Settings::EmailIdentity(_) => Kind::EmailIdentity,
            Settings::OpensearchDomain(_) => Kind::OpensearchDomain,
            Settings::HttpApi(_) => Kind::HttpApi,
            Settings::Personalize(_) => Kind::Personalize,
            Settings::ExternalApi(_) => Kind::ExternalApi,
            Settings::EventBus(_) => Kind::EventBus,
            Settings::RedshiftServerless(_) => Kind::RedshiftServerless,
        }
    }

    /// The ids this component lists under `inputs`.
    pub fn inputs(&self) -> &[fields::Input] {
        match self {
            Settings::KinesisStream(_)
            | Settings::Schedule(_)
            | Settings::StaticSite(_)
            | Settings::UserPool(_)
            | Settings::HttpApi(_)
            | Settings::EmailIdentity(_)
            | Settings::ExternalApi(_)
            | Settings::EventBus(_) => &[],
            Settings::Lambda(s) => &s.inputs,
            Settings::Firehose(s) => &s.inputs,
            Settings::S3DataLake(s) => &s.inputs,
            Settings::GlueCatalog(s) => &s.inputs,
            Settings::Athena(s) => &s.inputs,
            Settings::GlueJob(s) => &s.inputs,
            Settings::EmrServerlessJob(s) => &s.inputs,
            Settings::Quicksight(s) => &s.inputs,
            Settings::FlinkApplication(s) => &s.inputs,
            Settings::DynamodbTable(s) => &s.inputs,
            Settings::Cdn(s) => &s.inputs,
            Settings::Workflow(s) => &s.inputs,
            Settings::OpensearchDomain(s) => &s.inputs,
            Settings::Personalize(s) => &s.inputs,
            Settings::RedshiftServerless(s) => &s.inputs,
        }
    }
}

impl From<Source> for Settings {
    fn from(s: Source) -> Settings {
        match s {
            Source::KinesisStream(x) => Settings::KinesisStream(x),
            Source::Schedule(x) => Settings::Schedule(x),
        }
    }
}

impl From<Transform> for Settings {
    fn from(s: Transform) -> Settings {
        match s {
            Transform::Lambda(x) => Settings::Lambda(x),
            Transform::Firehose(x) => Settings::Firehose(x),
            Transform::GlueJob(x) => Settings::GlueJob(x),
            Transform::EmrServerlessJob(x) => Settings::EmrServerlessJob(x),
            Transform::FlinkApplication(x) => Settings::FlinkApplication(x),
            Transform::Workflow(x) => Settings::Workflow(x),
        }
    }
}

impl From<Sink> for Settings {
    fn from(s: Sink) -> Settings {
        match s {
            Sink::S3DataLake(x) => Settings::S3DataLake(x),
            Sink::GlueCatalog(x) => Settings::GlueCatalog(x),
            Sink::Athena(x) => Settings::Athena(x),
            Sink::Quicksight(x) => Settings::Quicksight(x),
            Sink::EmailIdentity(x) => Settings::EmailIdentity(x),
            Sink::OpensearchDomain(x) => Settings::OpensearchDomain(x),
            Sink::Personalize(x) => Settings::Personalize(x),
            Sink::ExternalApi(x) => Settings::ExternalApi(x),
            Sink::EventBus(x) => Settings::EventBus(x),
            Sink::RedshiftServerless(x) => Settings::RedshiftServerless(x),
        }
    }
}

impl From<Site> for Settings {
    fn from(s: Site) -> Settings {
        match s {
            Site::DynamodbTable(x) => Settings::DynamodbTable(x),
            Site::StaticSite(x) => Settings::StaticSite(x),
            Site::Cdn(x) => Settings::Cdn(x),
            Site::UserPool(x) => Settings::UserPool(x),
            Site::HttpApi(x) => Settings::HttpApi(x),
        }
    }
}
