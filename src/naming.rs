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
}

/// S3 bucket names (lakes, results buckets, failure buckets).
pub const S3_BUCKET: Rule = Rule {
    max_len: 63,
    charset: Charset::Bucket,
};
/// IAM role names.
pub const IAM_ROLE: Rule = Rule {
    max_len: 64,
    charset: Charset::Iam,
};
/// IAM customer managed policy names; leaves room for the `-N` suffix of split policies.
pub const IAM_POLICY: Rule = Rule {
    max_len: 125,
    charset: Charset::Iam,
};
/// SQS queue names.
pub const SQS_QUEUE: Rule = Rule {
    max_len: 80,
    charset: Charset::WordDash,
};

impl Rule {
    /// A rule: names up to `max_len` characters of `charset`.
    pub const fn new(max_len: usize, charset: Charset) -> Rule {
        Rule { max_len, charset }
    }

    /// Checks `name` (with `extra_len` characters appended at apply time). Returns what is
    /// wrong, in words.
    pub fn check(self, name: &str, extra_len: usize) -> Option<String> {
        let len = name.chars().count() + extra_len;
        if len > self.max_len {
            return Some(format!(
                "is {len} characters long{}; the limit is {}",
                if extra_len > 0 {
                    " with the account-id suffix"
                } else {
                    ""
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

/// Name of the IAM role (or caller policy) of a component: `<project>-<id>`, plus a suffix
/// where the identity is not the component itself (`crawler`, `query`).
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
        AwsName {
            what,
            name,
            rule,
            extra_len: 0,
        }
    }

    /// A bucket name, whose account-id suffix is appended at apply time.
    pub fn bucket(name: String) -> AwsName {
        AwsName {
            what: "S3 bucket",
            name,
            rule: S3_BUCKET,
            extra_len: ACCOUNT_SUFFIX_LEN,
        }
    }
}
