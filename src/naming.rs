//! AWS resource names: how pipelinec derives them, and the rules AWS puts on them.
//!
//! Every name is derived from the project name and the component id, so the same spec always
//! yields the same names. [`names`] lists every name a component generates; the checker tests
//! each against its rule and the renderer uses the same functions, so they cannot drift apart.

use crate::model::{Component, ComponentId, Kind, Settings};

/// Length of `-<12-digit account id>`, appended to bucket names at apply time so that bucket
/// names, which are global, do not collide between accounts.
pub const ACCOUNT_SUFFIX_LEN: usize = 13;

/// The naming rule of one AWS resource type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    S3Bucket,
    KinesisStream,
    Firehose,
    LambdaFunction,
    IamRole,
    IamPolicy,
    SqsQueue,
    GlueDatabase,
    GlueTable,
    GlueCrawler,
    AthenaWorkgroup,
    AthenaNamedQuery,
}

impl Rule {
    fn max_len(self) -> usize {
        match self {
            Rule::S3Bucket => 63,
            Rule::KinesisStream | Rule::AthenaWorkgroup | Rule::AthenaNamedQuery => 128,
            Rule::Firehose | Rule::LambdaFunction | Rule::IamRole => 64,
            Rule::SqsQueue => 80,
            // Leaves room for the `-N` suffix of split policies.
            Rule::IamPolicy => 125,
            Rule::GlueDatabase | Rule::GlueTable | Rule::GlueCrawler => 255,
        }
    }

    fn allowed(self, c: char) -> bool {
        match self {
            Rule::S3Bucket => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.',
            Rule::KinesisStream | Rule::Firehose | Rule::AthenaWorkgroup => {
                c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
            }
            Rule::LambdaFunction | Rule::SqsQueue => {
                c.is_ascii_alphanumeric() || matches!(c, '_' | '-')
            }
            Rule::IamRole | Rule::IamPolicy => c.is_ascii_alphanumeric() || "_+=,.@-".contains(c),
            // Athena reads only lowercase Glue names with underscores.
            Rule::GlueDatabase | Rule::GlueTable => {
                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
            }
            Rule::GlueCrawler | Rule::AthenaNamedQuery => !c.is_control(),
        }
    }

    fn charset(self) -> &'static str {
        match self {
            Rule::S3Bucket => "lowercase letters, digits, `-` and `.`",
            Rule::KinesisStream | Rule::Firehose | Rule::AthenaWorkgroup => {
                "letters, digits, `_`, `.` and `-`"
            }
            Rule::LambdaFunction | Rule::SqsQueue => "letters, digits, `_` and `-`",
            Rule::IamRole | Rule::IamPolicy => "letters, digits and `_+=,.@-`",
            Rule::GlueDatabase | Rule::GlueTable => "lowercase letters, digits and `_`",
            Rule::GlueCrawler | Rule::AthenaNamedQuery => "printable characters",
        }
    }

    /// Checks `name` (with `extra_len` characters appended at apply time). Returns what is
    /// wrong, in words.
    pub fn check(self, name: &str, extra_len: usize) -> Option<String> {
        let len = name.chars().count() + extra_len;
        if len > self.max_len() {
            return Some(format!(
                "is {len} characters long{}; the limit is {}",
                if extra_len > 0 {
                    " with the account-id suffix"
                } else {
                    ""
                },
                self.max_len()
            ));
        }
        if let Some(bad) = name.chars().find(|&c| !self.allowed(c)) {
            return Some(format!(
                "contains `{bad}`; only {} are allowed",
                self.charset()
            ));
        }
        if self == Rule::S3Bucket && name.contains("..") {
            return Some("contains `..`".to_string());
        }
        None
    }
}

/// One generated name.
#[derive(Debug, Clone)]
pub struct AwsName {
    /// What the name is of, e.g. "Lambda function".
    pub what: &'static str,
    pub name: String,
    pub rule: Rule,
    /// Characters appended at apply time (the account suffix on bucket names).
    pub extra_len: usize,
}

/// `<project>-<id>`: the base of most names.
pub fn base(project: &str, id: &ComponentId) -> String {
    format!("{project}-{}", id.kebab())
}

/// Bucket name without the account suffix.
pub fn bucket_stem(project: &str, id: &ComponentId, role: &str) -> String {
    if role.is_empty() {
        base(project, id)
    } else {
        format!("{}-{role}", base(project, id))
    }
}

/// Glue database name: `<project_with_underscores>_<id>`.
pub fn glue_database(project: &str, id: &ComponentId) -> String {
    format!("{}_{}", project.replace('-', "_"), id.as_str())
}

/// Name of the IAM role a component acts with.
pub fn role(project: &str, c: &Component) -> String {
    match c.kind() {
        Kind::GlueCatalog => format!("{}-crawler", base(project, &c.id)),
        Kind::Athena => format!("{}-query", base(project, &c.id)),
        _ => base(project, &c.id),
    }
}

/// Every AWS name a component generates.
pub fn names(project: &str, c: &Component) -> Vec<AwsName> {
    let b = base(project, &c.id);
    let name = |what, name: String, rule| AwsName {
        what,
        name,
        rule,
        extra_len: 0,
    };
    let mut out = Vec::new();
    match &c.settings {
        Settings::KinesisStream(_) => out.push(name("Kinesis stream", b, Rule::KinesisStream)),
        Settings::Firehose(_) => {
            out.push(name("Firehose delivery stream", b, Rule::Firehose));
            out.push(name("IAM role", role(project, c), Rule::IamRole));
        }
        Settings::Lambda(l) => {
            out.push(name("Lambda function", b.clone(), Rule::LambdaFunction));
            out.push(name("IAM role", role(project, c), Rule::IamRole));
            match (l.on_failure, &l.failure_bucket) {
                (crate::spec::OnFailure::Sqs, _) => {
                    out.push(name("SQS queue", format!("{b}-failures"), Rule::SqsQueue));
                }
                (crate::spec::OnFailure::S3, None) => out.push(AwsName {
                    what: "S3 bucket",
                    name: bucket_stem(project, &c.id, "failures"),
                    rule: Rule::S3Bucket,
                    extra_len: ACCOUNT_SUFFIX_LEN,
                }),
                _ => {}
            }
        }
        Settings::S3DataLake(_) => out.push(AwsName {
            what: "S3 bucket",
            name: bucket_stem(project, &c.id, ""),
            rule: Rule::S3Bucket,
            extra_len: ACCOUNT_SUFFIX_LEN,
        }),
        Settings::GlueCatalog(g) => {
            out.push(name(
                "Glue database",
                glue_database(project, &c.id),
                Rule::GlueDatabase,
            ));
            for table in g.tables.keys() {
                out.push(name("Glue table", table.clone(), Rule::GlueTable));
            }
            if g.crawler.is_some() {
                out.push(name("Glue crawler", b, Rule::GlueCrawler));
                out.push(name("IAM role", role(project, c), Rule::IamRole));
            }
        }
        Settings::Athena(a) => {
            out.push(name("Athena workgroup", b.clone(), Rule::AthenaWorkgroup));
            out.push(name("IAM policy", role(project, c), Rule::IamPolicy));
            out.push(AwsName {
                what: "S3 bucket",
                name: bucket_stem(project, &c.id, "results"),
                rule: Rule::S3Bucket,
                extra_len: ACCOUNT_SUFFIX_LEN,
            });
            for q in a.named_queries.keys() {
                out.push(name(
                    "Athena named query",
                    format!("{b}-{}", q.replace('_', "-")),
                    Rule::AthenaNamedQuery,
                ));
            }
        }
    }
    out
}
