//! AWS's account and Region quotas that a spec's resources count against, as warnings.
//!
//! A spec can be valid and still fail at `terraform apply`: past 1,000 roles, IAM refuses the
//! next `CreateRole`, whatever the template says. Each quota below is one AWS documents with a
//! default (what a new account has), and one that a big spec of pipelinec's kinds can pass
//! on its own. The spec's count alone is compared with the default: what the account already
//! holds counts too, so passing the default is certain to fail on an account that kept it, and
//! an account with a raised quota can ignore the warning. Every count is one pass over the
//! components (or the identities), so the check stays linear in the spec.
//!
//! All the numbers are in [`QUOTAS`], each beside the AWS page it comes from and the day it was
//! read; a change at AWS is a change of one line there (and of the fixtures' snapshots).

use crate::diagnostic::Diagnostic;
use crate::iam::RolePolicy;
use crate::model::{Component, Project};
use crate::semantic::{BucketFor, Usage, rules};
use crate::source::Document;

/// The diagnostic code of every quota warning.
pub const CODE: &str = "account-quota";

/// How an account gets more than the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raise {
    /// Adjustable: a request in the Service Quotas console, under this service.
    ServiceQuotas(&'static str),
    /// Adjustable, but the page names a support case rather than Service Quotas.
    SupportCase,
    /// The page states the number as a maximum and names no way to raise it.
    Fixed,
}

/// Where a quota applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Once for the whole account (IAM, S3 bucket names are global).
    Account,
    /// In each Region separately: the spec's `region` is the one that counts.
    Region,
}

/// One default quota of AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// What is counted, in the plural: "IAM roles".
    pub what: &'static str,
    /// AWS's default for a new account.
    pub default: u64,
    pub scope: Scope,
    pub raise: Raise,
    /// The AWS page that states the default, by its title (a URL would wrap in a terminal).
    pub page: &'static str,
    /// Its address.
    pub source: &'static str,
    /// The day the default was read there.
    pub read: &'static str,
}

/// "Roles in an AWS account: 1000, can be increased" (IAM object quotas, adjustable).
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>, read
/// 2026-12-05.
pub const IAM_ROLES: Quota = Quota {
    what: "IAM roles",
    default: 1_000,
    scope: Scope::Account,
    raise: Raise::ServiceQuotas("IAM"),
    page: "IAM User Guide, \"IAM and AWS STS quotas\"",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html",
    read: "2026-12-05",
};

/// "Customer managed policies in an AWS account: 1500, can be increased" (same table).
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>, read
/// 2026-12-05.
pub const IAM_MANAGED_POLICIES: Quota = Quota {
    what: "customer managed IAM policies",
    default: 1_500,
    scope: Scope::Account,
    raise: Raise::ServiceQuotas("IAM"),
    page: "IAM User Guide, \"IAM and AWS STS quotas\"",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html",
    read: "2026-12-05",
};

/// "By default, you can create up to 10,000 general purpose buckets per AWS account. To request
/// a quota increase for general purpose buckets, visit the Service Quotas console" (viewed and
/// raised from US East (N. Virginia) for the commercial Regions).
/// <https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html>, read
/// 2026-12-05.
pub const S3_BUCKETS: Quota = Quota {
    what: "S3 buckets",
    default: 10_000,
    scope: Scope::Account,
    raise: Raise::ServiceQuotas("Amazon S3, from US East (N. Virginia)"),
    page: "Amazon S3 User Guide, \"General purpose bucket quotas, limitations, and restrictions\"",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html",
    read: "2026-12-05",
};

/// Provisioned mode: "The default shard quota is 20,000 shards per AWS account for the
/// following AWS Regions: US East (N. Virginia), US West (Oregon), Europe (Ireland)", raised in
/// Service Quotas. <https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>,
/// read 2026-12-05.
pub const KINESIS_SHARDS_LARGE: Quota = Quota {
    what: "Kinesis shards",
    default: 20_000,
    scope: Scope::Region,
    raise: Raise::ServiceQuotas("Kinesis Data Streams"),
    page: "Kinesis Data Streams Developer Guide, \"Quotas and limits\"",
    source: "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html",
    read: "2026-12-05",
};

/// The Regions of [`KINESIS_SHARDS_LARGE`], as the same page lists them.
pub const KINESIS_LARGE_REGIONS: [&str; 3] = ["us-east-1", "us-west-2", "eu-west-1"];

/// "For all other Regions, the default shard quota is 1,000 or 6,000 shards per AWS account":
/// the page does not say which Regions have which, so the lower one is checked.
/// <https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>, read
/// 2026-12-05.
pub const KINESIS_SHARDS: Quota = Quota {
    what: "Kinesis shards",
    default: 1_000,
    scope: Scope::Region,
    raise: Raise::ServiceQuotas("Kinesis Data Streams"),
    page: "Kinesis Data Streams Developer Guide, \"Quotas and limits\"",
    source: "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html",
    read: "2026-12-05",
};

/// On-demand mode: "By default, you can create up to 50 data streams with the on-demand capacity
/// mode. If you require an increase of this quota, raise a support ticket" (Kinesis reports
/// it per Region, with `DescribeLimits`).
/// <https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>, read
/// 2026-12-05.
pub const KINESIS_ON_DEMAND_STREAMS: Quota = Quota {
    what: "on-demand Kinesis streams",
    default: 50,
    scope: Scope::Region,
    raise: Raise::SupportCase,
    page: "Kinesis Data Streams Developer Guide, \"Quotas and limits\"",
    source: "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html",
    read: "2026-12-05",
};

/// "Concurrent executions: 1,000, can be increased up to tens of thousands", per Region; "New
/// AWS accounts have reduced concurrency and memory quotas".
/// <https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>, read 2026-12-05.
pub const LAMBDA_CONCURRENCY: Quota = Quota {
    what: "Lambda concurrent executions",
    default: 1_000,
    scope: Scope::Region,
    raise: Raise::ServiceQuotas("AWS Lambda"),
    page: "Lambda Developer Guide, \"Lambda quotas\" and \"Configuring reserved concurrency for a \
           function\"",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
    read: "2026-12-05",
};

/// What Lambda keeps unreserved of [`LAMBDA_CONCURRENCY`]: "You can reserve up to the
/// Unreserved account concurrency value that is shown, minus 100 for functions that don't have
/// reserved concurrency" (not a quota: no request changes it).
/// <https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html>, read
/// 2026-12-05.
pub const LAMBDA_UNRESERVED_MIN: u64 = 100;

/// "By default, you can create up to 5,000 Firehose streams per Amazon Web Services Region"
/// (`CreateDeliveryStream`); the quota page raises it in Service Quotas.
/// <https://docs.aws.amazon.com/firehose/latest/APIReference/API_CreateDeliveryStream.html> and
/// <https://docs.aws.amazon.com/firehose/latest/dev/limits.html>, read 2026-12-05.
pub const FIREHOSE_STREAMS: Quota = Quota {
    what: "Firehose streams",
    default: 5_000,
    scope: Scope::Region,
    raise: Raise::ServiceQuotas("Amazon Data Firehose"),
    page: "Amazon Data Firehose Developer Guide, \"Amazon Data Firehose Quota\"",
    source: "https://docs.aws.amazon.com/firehose/latest/dev/limits.html",
    read: "2026-12-05",
};

/// "Number of crawlers per account": 1,000, adjustable; Glue quotas are per Region unless noted
/// (Glue developer guide, "AWS Glue quotas").
/// <https://docs.aws.amazon.com/general/latest/gr/glue.html>, read 2026-12-05. The copy read
/// showed only the page's endpoint table: the number is the Service Quotas default of
/// L-11FA2C1A as a public listing of those defaults gives it. Check it when you next edit this.
pub const GLUE_CRAWLERS: Quota = Quota {
    what: "Glue crawlers",
    default: 1_000,
    scope: Scope::Region,
    raise: Raise::ServiceQuotas("AWS Glue"),
    page: "AWS General Reference, \"AWS Glue endpoints and quotas\"",
    source: "https://docs.aws.amazon.com/general/latest/gr/glue.html",
    read: "2026-12-05",
};

/// "The default maximum number of databases per account is 10,000, but this limit could be
/// increased" (an answer on AWS re:Post pointing to the page below; the same public listing of
/// Service Quotas defaults gives 10,000 for L-A57B5BCE, "Max databases per catalog").
/// <https://docs.aws.amazon.com/general/latest/gr/glue.html>, read 2026-12-05.
pub const GLUE_DATABASES: Quota = Quota {
    what: "Glue databases",
    default: 10_000,
    scope: Scope::Region,
    raise: Raise::ServiceQuotas("AWS Glue"),
    page: "AWS General Reference, \"AWS Glue endpoints and quotas\"",
    source: "https://docs.aws.amazon.com/general/latest/gr/glue.html",
    read: "2026-12-05",
};

/// "The maximum number of workgroups you can create per Region in your account is 1000" (no
/// increase named). <https://docs.aws.amazon.com/athena/latest/ug/service-limits.html>, read
/// 2026-12-05.
pub const ATHENA_WORKGROUPS: Quota = Quota {
    what: "Athena workgroups",
    default: 1_000,
    scope: Scope::Region,
    raise: Raise::Fixed,
    page: "Athena User Guide, \"Service Quotas\"",
    source: "https://docs.aws.amazon.com/athena/latest/ug/service-limits.html",
    read: "2026-12-05",
};

/// Every quota pipelinec checks, in the order its warnings come for one spot of the spec.
pub const QUOTAS: [&Quota; 11] = [
    &IAM_ROLES,
    &IAM_MANAGED_POLICIES,
    &S3_BUCKETS,
    &KINESIS_SHARDS_LARGE,
    &KINESIS_SHARDS,
    &KINESIS_ON_DEMAND_STREAMS,
    &LAMBDA_CONCURRENCY,
    &FIREHOSE_STREAMS,
    &GLUE_CRAWLERS,
    &GLUE_DATABASES,
    &ATHENA_WORKGROUPS,
];

/// The Kinesis shard quota of a Region.
pub fn kinesis_shards(region: &str) -> &'static Quota {
    if KINESIS_LARGE_REGIONS.contains(&region) {
        &KINESIS_SHARDS_LARGE
    } else {
        &KINESIS_SHARDS
    }
}

/// A running count that remembers which component took it past a limit.
struct Tally<'a> {
    limit: u64,
    total: u64,
    over_at: Option<&'a Component>,
    /// The field of `over_at` that set its part, if a field does.
    over_field: &'static str,
}

impl<'a> Tally<'a> {
    fn new(limit: u64) -> Tally<'a> {
        Tally {
            limit,
            total: 0,
            over_at: None,
            over_field: "",
        }
    }

    fn add(&mut self, c: &'a Component, n: u64) {
        self.add_by(c, n, None);
    }

    fn add_by(&mut self, c: &'a Component, n: u64, field: Option<&'static str>) {
        self.total += n;
        if self.over_at.is_none() && self.total > self.limit {
            self.over_at = Some(c);
            self.over_field = field.unwrap_or_default();
        }
    }
}

/// Where a warning points first.
#[derive(Clone, Copy)]
enum At<'a> {
    /// The project `name` (account-wide counts).
    Name,
    /// The `region` (counts of one Region).
    Region,
    /// A value of the component that took a sum over (its `shards`, its reserved concurrency).
    Field(&'a Component, &'static str),
}

/// One passed quota, before it is worded.
struct Finding<'a> {
    quota: &'static Quota,
    tally: Tally<'a>,
    message: String,
    at: At<'a>,
    /// Another way out, besides an increase and splitting the spec.
    alternative: Option<String>,
    /// A remark for the help.
    note: Option<String>,
}

/// What the spec counts against each quota.
struct Counts<'a> {
    roles: Tally<'a>,
    managed: Tally<'a>,
    shard_quota: &'static Quota,
    buckets: Tally<'a>,
    shards: Tally<'a>,
    on_demand: Tally<'a>,
    reserved: Tally<'a>,
    firehoses: Tally<'a>,
    crawlers: Tally<'a>,
    databases: Tally<'a>,
    workgroups: Tally<'a>,
    /// Buckets of data lakes, of Athena results, of Lambdas' failed batches, of Glue and EMR Serverless jobs'
    /// assets.
    bucket_kinds: [u64; 5],
}

/// One pass over the identities and one over the components.
fn count<'a>(project: &'a Project, policies: &[RolePolicy]) -> Counts<'a> {
    let mut roles = Tally::new(IAM_ROLES.default);
    let mut managed = Tally::new(IAM_MANAGED_POLICIES.default);
    for p in policies {
        let c = project.component(&p.component);
        if p.principal().is_some() {
            roles.add(c, 1);
        }
        managed.add(c, p.layout.managed.len() as u64);
    }
    let shard_quota = kinesis_shards(&project.region);
    let mut buckets = Tally::new(S3_BUCKETS.default);
    let mut shards = Tally::new(shard_quota.default);
    let mut on_demand = Tally::new(KINESIS_ON_DEMAND_STREAMS.default);
    let mut reserved = Tally::new(LAMBDA_CONCURRENCY.default - LAMBDA_UNRESERVED_MIN);
    let mut firehoses = Tally::new(FIREHOSE_STREAMS.default);
    let mut crawlers = Tally::new(GLUE_CRAWLERS.default);
    let mut databases = Tally::new(GLUE_DATABASES.default);
    let mut workgroups = Tally::new(ATHENA_WORKGROUPS.default);
    let mut bucket_kinds = [0u64; 5];
    // A component standing for an existing resource creates none.
    for c in project.components.values() {
        let usage = match rules(&c.settings).existing() {
            Some(_) => Vec::new(),
            None => rules(&c.settings).usage(),
        };
        for u in usage {
            let tally = match u.usage {
                Usage::Buckets(what) => {
                    bucket_kinds[match what {
                        BucketFor::DataLake => 0,
                        BucketFor::QueryResults => 1,
                        BucketFor::FailedBatches => 2,
                        BucketFor::JobAssets => 3,
                        BucketFor::Site => 4,
                    }] += u.amount;
                    &mut buckets
                }
                Usage::FirehoseStreams => &mut firehoses,
                Usage::GlueCrawlers => &mut crawlers,
                Usage::GlueDatabases => &mut databases,
                Usage::AthenaWorkgroups => &mut workgroups,
                Usage::KinesisShards => &mut shards,
                Usage::KinesisOnDemandStreams => &mut on_demand,
                Usage::LambdaReservedConcurrency => &mut reserved,
            };
            tally.add_by(c, u.amount, u.field);
        }
    }
    Counts {
        roles,
        managed,
        shard_quota,
        buckets,
        shards,
        on_demand,
        reserved,
        firehoses,
        crawlers,
        databases,
        workgroups,
        bucket_kinds,
    }
}

/// A warning for every default quota the spec passes on its own, in [`QUOTAS`] order.
pub fn account_quotas(
    project: &Project,
    policies: &[RolePolicy],
    doc: &Document,
) -> Vec<Diagnostic> {
    let counts = count(project, policies);
    let region = project.region.as_str();
    let [lakes, results, failures, assets, site] = counts.bucket_kinds;
    let mut found = vec![
        created(
            &IAM_ROLES,
            counts.roles,
            At::Name,
            region,
            Some(
                "each Lambda, Firehose, Glue crawler, Glue job, EMR Serverless job and schedule acts \
                 with a role of its own",
            ),
        ),
        created(
            &IAM_MANAGED_POLICIES,
            counts.managed,
            At::Name,
            region,
            Some(
                "one for the callers of each Athena workgroup, more for a role whose permissions \
                 do not fit its inline policy",
            ),
        ),
        Finding {
            alternative: (failures > 0)
                .then(|| "point the Lambdas' `failure_bucket` at a data lake".to_string()),
            ..created(
                &S3_BUCKETS,
                counts.buckets,
                At::Name,
                region,
                Some(&format!(
                    "{} for data lakes, {} for Athena results, {} for Lambdas' failed batches{}{}",
                    thousands(lakes),
                    thousands(results),
                    thousands(failures),
                    if assets > 0 {
                        format!(", {} for jobs' scripts", thousands(assets))
                    } else {
                        String::new()
                    },
                    if site > 0 {
                        format!(", {} for web sites and their access logs", thousands(site))
                    } else {
                        String::new()
                    }
                )),
            )
        },
    ];
    found.extend(shard_finding(counts.shards, counts.shard_quota, region));
    found.push(Finding {
        alternative: Some("set `mode: provisioned` (with `shards`) on some streams".into()),
        ..created(
            &KINESIS_ON_DEMAND_STREAMS,
            counts.on_demand,
            At::Region,
            region,
            None,
        )
    });
    found.extend(reserved_finding(counts.reserved, region));
    found.push(created(
        &FIREHOSE_STREAMS,
        counts.firehoses,
        At::Region,
        region,
        None,
    ));
    found.push(Finding {
        alternative: Some(
            "drop `crawler` where partition projection finds new partitions already".into(),
        ),
        ..created(&GLUE_CRAWLERS, counts.crawlers, At::Region, region, None)
    });
    found.push(Finding {
        alternative: Some("put more tables in fewer catalogs".into()),
        ..created(
            &GLUE_DATABASES,
            counts.databases,
            At::Region,
            region,
            Some("one for each `glue_catalog`"),
        )
    });
    found.push(Finding {
        alternative: Some("let one workgroup query several catalogs (its `inputs`)".into()),
        ..created(
            &ATHENA_WORKGROUPS,
            counts.workgroups,
            At::Region,
            region,
            None,
        )
    });
    found
        .into_iter()
        .filter(|f| f.tally.over_at.is_some())
        .map(|f| f.diagnostic(doc))
        .collect()
}

/// The shards of the spec's provisioned streams, past the Region's default.
fn shard_finding<'a>(
    shards: Tally<'a>,
    shard_quota: &'static Quota,
    region: &str,
) -> Option<Finding<'a>> {
    if let Some(c) = shards.over_at {
        return Some(Finding {
            quota: shard_quota,
            message: format!(
                "the provisioned Kinesis streams of the spec have {} shards in all; AWS's \
                 default quota is {} shards {} {}{}",
                thousands(shards.total),
                if shard_quota == &KINESIS_SHARDS {
                    "1,000 or 6,000".to_string()
                } else {
                    thousands(shard_quota.default)
                },
                per(shard_quota, region),
                adjustable(shard_quota.raise),
                if shard_quota == &KINESIS_SHARDS {
                    ", by Region: the lower is checked"
                } else {
                    ""
                },
            ),
            at: At::Field(c, shards.over_field),
            tally: shards,
            alternative: Some("use fewer shards or on-demand streams".into()),
            note: None,
        });
    }
    None
}

/// The concurrency the spec's functions reserve, past what Lambda lets an account reserve.
fn reserved_finding<'a>(reserved: Tally<'a>, region: &str) -> Option<Finding<'a>> {
    if let Some(c) = reserved.over_at {
        return Some(Finding {
            quota: &LAMBDA_CONCURRENCY,
            message: format!(
                "the Lambda functions of the spec reserve {} concurrent executions in all; with \
                 AWS's default quota of {} {} {}, at most {} can be reserved, as Lambda keeps \
                 {} unreserved",
                thousands(reserved.total),
                thousands(LAMBDA_CONCURRENCY.default),
                per(&LAMBDA_CONCURRENCY, region),
                adjustable(LAMBDA_CONCURRENCY.raise),
                thousands(reserved.limit),
                LAMBDA_UNRESERVED_MIN
            ),
            at: At::Field(c, reserved.over_field),
            tally: reserved,
            alternative: Some("reserve less".into()),
            note: Some("new accounts may start below the default".into()),
        });
    }
    None
}

/// "per account", "per account in us-east-1".
fn per(q: &Quota, region: &str) -> String {
    match q.scope {
        Scope::Account => "per account".to_string(),
        Scope::Region => format!("per account in {region}"),
    }
}

/// A count of resources: the same sentence for each, with what they are for.
fn created<'a>(
    q: &'static Quota,
    tally: Tally<'a>,
    at: At<'a>,
    region: &str,
    what_for: Option<&str>,
) -> Finding<'a> {
    Finding {
        quota: q,
        message: format!(
            "the spec creates {} {}{}; AWS's {} is {} {} {}",
            thousands(tally.total),
            q.what,
            what_for.map(|w| format!(" ({w})")).unwrap_or_default(),
            match q.raise {
                Raise::Fixed => "quota",
                _ => "default quota",
            },
            thousands(q.default),
            per(q, region),
            adjustable(q.raise),
        ),
        tally,
        at,
        alternative: None,
        note: None,
    }
}

impl Finding<'_> {
    fn diagnostic(self, doc: &Document) -> Diagnostic {
        let q = self.quota;
        let c = self.tally.over_at.expect("only a passed quota is reported");
        let over_here = format!(
            "the {} passes {} here",
            if matches!(self.at, At::Field(..)) {
                "total"
            } else {
                "count"
            },
            thousands(self.tally.limit)
        );
        let what = format!("{} {}", thousands(self.tally.total), q.what);
        let (primary, label, related) = match self.at {
            At::Name => (
                doc.value_span("/name"),
                format!("{what} in one account"),
                (doc.key_span(&c.pointer), over_here),
            ),
            At::Region => (
                doc.value_span("/region"),
                format!("{what} in this Region"),
                (doc.key_span(&c.pointer), over_here),
            ),
            At::Field(c, field) => {
                let ptr = format!("{}/{field}", c.pointer);
                let at = if doc.span(&ptr).is_some() {
                    doc.value_span(&ptr)
                } else {
                    doc.key_span(&c.pointer)
                };
                (
                    at,
                    over_here,
                    (doc.value_span("/region"), "the quota's Region".to_string()),
                )
            }
        };
        let mut ways: Vec<String> = Vec::new();
        match q.raise {
            Raise::ServiceQuotas(service) => ways.push(format!(
                "request an increase in Service Quotas ({service}) before applying"
            )),
            Raise::SupportCase => ways.push(
                "ask AWS Support for an increase before applying (the page names a support \
                 ticket)"
                    .into(),
            ),
            Raise::Fixed => {}
        }
        ways.extend(self.alternative);
        ways.push(format!(
            "split the spec across {}",
            match q.scope {
                Scope::Account => "accounts",
                Scope::Region => "Regions or accounts",
            }
        ));
        let last = ways.pop().expect("splitting is always a way");
        let ways = if ways.is_empty() {
            last
        } else {
            format!("{}, or {last}", ways.join(", "))
        };
        let note = self.note.map(|w| format!(" ({w})")).unwrap_or_default();
        let ways = capitalize(&ways);
        Diagnostic::warning(CODE, self.message)
            .with_label(primary, label)
            .with_related(related.0, related.1)
            .with_help(format!(
                "{ways}{note}; what the account already holds counts too. Default from the {} \
                 (read {})",
                q.page, q.read
            ))
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "(adjustable)", or how it is not.
fn adjustable(raise: Raise) -> &'static str {
    match raise {
        Raise::ServiceQuotas(_) | Raise::SupportCase => "(adjustable)",
        Raise::Fixed => "(its page names no increase)",
    }
}

/// `12345` → `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(21_000), "21,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn the_large_shard_quota_is_for_its_three_regions() {
        assert_eq!(kinesis_shards("us-east-1").default, 20_000);
        assert_eq!(kinesis_shards("eu-west-1").default, 20_000);
        assert_eq!(kinesis_shards("eu-central-1").default, 1_000);
        assert_eq!(kinesis_shards("cn-north-1").default, 1_000);
    }

    #[test]
    fn every_quota_cites_an_aws_page() {
        for q in QUOTAS {
            assert!(
                q.source.starts_with("https://docs.aws.amazon.com/"),
                "{}",
                q.what
            );
            assert!(q.default > 0);
        }
    }
}
