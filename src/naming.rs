//! AWS resource names: how pipelinec derives them, and the rules AWS puts on them.
//!
//! Every name is derived from the project name and the component id, so the same spec always
//! yields the same names. Each kind lists the names it generates (`KindRules::names`); the checker
//! tests each against its rule and the renderer uses the same functions, so they cannot drift
//! apart.

use crate::id::ComponentId;

/// Length of `-<12-digit account id>`, appended to bucket names at apply time so that bucket
/// names, which are global, do not collide between accounts.
pub const ACCOUNT_SUFFIX_LEN: usize = 13;

/// The region code of the region Terraform deploys into, as an HCL expression (see
/// [`region_code`]): appended to names that are global to an account, so that one spec deployed
/// in two regions of an account does not collide with itself.
pub const REGION_CODE: &str = "${local.region_code}";

/// The words of region names and their letters in a region code.
pub const REGION_WORDS: &[(&str, &str)] = &[
    ("central", "c"),
    ("east", "e"),
    ("north", "n"),
    ("northeast", "ne"),
    ("northwest", "nw"),
    ("south", "s"),
    ("southeast", "se"),
    ("southwest", "sw"),
    ("west", "w"),
];

/// The short code of a region, as the render computes it at apply time: its parts with each
/// compass word shortened (`us-east-1` → `use1`, `ap-southeast-2` → `apse2`, `us-gov-west-1` →
/// `usgovw1`). Distinct regions keep distinct codes.
pub fn region_code(region: &str) -> String {
    region
        .split('-')
        .map(|part| {
            REGION_WORDS
                .iter()
                .find(|(word, _)| *word == part)
                .map_or(part, |(_, short)| *short)
        })
        .collect()
}

/// The longest region code of a partition: a name must fit with any region of its partition,
/// since the render's `region` variable can change at apply time.
pub fn longest_region_code(partition: &str) -> usize {
    crate::regions::REGIONS
        .iter()
        .filter(|(_, p)| *p == partition)
        .map(|(r, _)| region_code(r).len())
        .max()
        .unwrap_or(0)
}

/// What the render appends to a name at apply time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    /// Nothing: a regional name (a stream, a function).
    None,
    /// `-<region code>`: a name unique in an account (IAM, CloudFront).
    Region,
    /// `-<account id>-<region code>`: a name unique across all accounts (S3 buckets).
    AccountRegion,
}

impl Suffix {
    /// Its longest length in `partition`.
    pub fn len(self, partition: &str) -> usize {
        match self {
            Suffix::None => 0,
            Suffix::Region => 1 + longest_region_code(partition),
            Suffix::AccountRegion => ACCOUNT_SUFFIX_LEN + 1 + longest_region_code(partition),
        }
    }

    /// The suffix as an HCL template string body.
    pub fn template(self) -> String {
        match self {
            Suffix::None => String::new(),
            Suffix::Region => format!("-{REGION_CODE}"),
            Suffix::AccountRegion => format!("-${{local.account_id}}-{REGION_CODE}"),
        }
    }
}

/// The characters an AWS name may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// S3 bucket names: lowercase letters, digits, `-` and `.` (and no `..`).
    Bucket,
    /// Letters, digits, `_`, `.` and `-` (streams, delivery streams, workgroups).
    WordDotDash,
    /// Letters, digits, `_` and `-` (functions, queues).
    WordDash,
    /// IAM names: letters, digits and `_+=,.@-`.
    Iam,
    /// Lowercase letters, digits and `_`: Athena reads only such Glue names.
    LowerSnake,
    /// Anything printable.
    Printable,
}

impl Charset {
    fn allows(self, c: char) -> bool {
        match self {
            Charset::Bucket => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.',
            Charset::WordDotDash => c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'),
            Charset::WordDash => c.is_ascii_alphanumeric() || matches!(c, '_' | '-'),
            Charset::Iam => c.is_ascii_alphanumeric() || "_+=,.@-".contains(c),
            Charset::LowerSnake => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_',
            Charset::Printable => !c.is_control(),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Charset::Bucket => "lowercase letters, digits, `-` and `.`",
            Charset::WordDotDash => "letters, digits, `_`, `.` and `-`",
            Charset::WordDash => "letters, digits, `_` and `-`",
            Charset::Iam => "letters, digits and `_+=,.@-`",
            Charset::LowerSnake => "lowercase letters, digits and `_`",
            Charset::Printable => "printable characters",
        }
    }
}

/// The naming rule of one AWS resource type: its length limit and characters. Rules of
/// resources only one kind creates live in that kind's module; those several kinds create
/// are below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub max_len: usize,
    pub charset: Charset,
    /// What the render appends at apply time.
    pub suffix: Suffix,
}

/// S3 bucket names (lakes, results buckets, failure buckets).
pub const S3_BUCKET: Rule = Rule::new(63, Charset::Bucket).account_regional();
/// IAM role names.
pub const IAM_ROLE: Rule = Rule::new(64, Charset::Iam).account_wide();
/// IAM customer managed policy names; leaves room for the `-N` suffix of split policies.
pub const IAM_POLICY: Rule = Rule::new(125, Charset::Iam).account_wide();
/// SQS queue names.
pub const SQS_QUEUE: Rule = Rule::new(80, Charset::WordDash);

impl Rule {
    /// A rule: names up to `max_len` characters of `charset`, unique in their region.
    pub const fn new(max_len: usize, charset: Charset) -> Rule {
        Rule {
            max_len,
            charset,
            suffix: Suffix::None,
        }
    }

    /// The rule of a name unique in an account across regions (IAM, CloudFront): the render
    /// appends the region code.
    pub const fn account_wide(self) -> Rule {
        Rule {
            suffix: Suffix::Region,
            ..self
        }
    }

    /// The rule of a name unique across accounts (S3 buckets): the render appends the account
    /// id and the region code.
    pub const fn account_regional(self) -> Rule {
        Rule {
            suffix: Suffix::AccountRegion,
            ..self
        }
    }

    /// Checks `name` with the suffix the render appends in `partition`. Returns what is wrong,
    /// in words.
    pub fn check(self, name: &str, partition: &str) -> Option<String> {
        let len = name.chars().count() + self.suffix.len(partition);
        if len > self.max_len {
            return Some(format!(
                "is {len} characters long{}; the limit is {}",
                match self.suffix {
                    Suffix::None => "",
                    Suffix::Region => " with the longest region code",
                    Suffix::AccountRegion => " with the account id and the longest region code",
                },
                self.max_len
            ));
        }
        if let Some(bad) = name.chars().find(|&c| !self.charset.allows(c)) {
            return Some(format!(
                "contains `{bad}`; only {} are allowed",
                self.charset.describe()
            ));
        }
        if self.charset == Charset::Bucket && name.contains("..") {
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
}

/// `<project>-<id>`: the base of most names.
pub fn base(project: &str, id: &ComponentId) -> String {
    format!("{project}-{}", id.kebab())
}

/// Bucket name without its account and region suffix.
pub fn bucket_stem(project: &str, id: &ComponentId, role: &str) -> String {
    if role.is_empty() {
        base(project, id)
    } else {
        format!("{}-{role}", base(project, id))
    }
}

/// Name of the IAM role (or caller policy) of a component without its region suffix:
/// `<project>-<id>`, plus a suffix where the identity is not the component itself (`crawler`,
/// `query`).
pub fn identity(project: &str, id: &ComponentId, suffix: &str) -> String {
    if suffix.is_empty() {
        base(project, id)
    } else {
        format!("{}-{suffix}", base(project, id))
    }
}

impl AwsName {
    /// A name checked against `rule`.
    pub fn new(what: &'static str, name: String, rule: Rule) -> AwsName {
        AwsName { what, name, rule }
    }

    /// A bucket name, whose account and region suffix is appended at apply time.
    pub fn bucket(name: String) -> AwsName {
        AwsName::new("S3 bucket", name, S3_BUCKET)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes_are_short_and_distinct() {
        assert_eq!(region_code("us-east-1"), "use1");
        assert_eq!(region_code("ap-southeast-2"), "apse2");
        assert_eq!(region_code("ap-south-2"), "aps2");
        assert_eq!(region_code("us-gov-west-1"), "usgovw1");
        let codes: std::collections::BTreeSet<String> = crate::regions::REGIONS
            .iter()
            .map(|(r, _)| region_code(r))
            .collect();
        assert_eq!(codes.len(), crate::regions::REGIONS.len());
        assert_eq!(longest_region_code("aws"), 5);
    }
}
