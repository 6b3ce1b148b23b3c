//! `existing:`: a resource someone else owns, named by its ARN or its name, that a component
//! stands for instead of a resource pipelinec creates. Its edges and grants are those of any
//! component; its Terraform is a module with no resources, passing on what the spec says of it
//! (see `README.md`, "Existing resources").

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An ARN as the schema takes it: `arn:<partition>:<service>:<region>:<account>:<resource>`,
/// with no character IAM reads as a wildcard. Whether its service and resource type fit the
/// component is a semantic check, which can say what the ARN names instead.
pub const ARN_PATTERN: &str =
    r"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:([0-9]{12})?:[A-Za-z0-9_.:/+=,@-]+$";

/// A resource name as the schema takes it; each kind's naming rule is checked semantically.
pub const NAME_PATTERN: &str = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$";

/// A resource that exists already, by `arn` or by `name` (one of the two).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Existing {
    /// Its ARN, e.g. `arn:aws:s3:::my-bucket` for a bucket,
    /// `arn:aws:kinesis:eu-west-1:111122223333:stream/orders` for a stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 2048), regex(pattern = ARN_PATTERN))]
    pub arn: Option<String>,
    /// Its name, in the account (and, for a stream, the region) the spec deploys to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 255), regex(pattern = NAME_PATTERN))]
    pub name: Option<String>,
}

/// The six parts of an ARN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    /// Everything after the account: `my-bucket`, `stream/orders`.
    pub resource: &'a str,
}

impl<'a> Arn<'a> {
    /// The parts of `text`, or `None` if it is not `arn:` and five more `:`-separated parts.
    pub fn parse(text: &'a str) -> Option<Arn<'a>> {
        let mut parts = text.splitn(6, ':');
        if parts.next()? != "arn" {
            return None;
        }
        Some(Arn {
            partition: parts.next()?,
            service: parts.next()?,
            region: parts.next()?,
            account: parts.next()?,
            resource: parts.next()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arn_splits_into_six_parts_and_the_resource_keeps_its_colons() {
        let a = Arn::parse("arn:aws:kinesis:eu-west-1:111122223333:stream/orders").unwrap();
        assert_eq!(
            (a.partition, a.service, a.region, a.account, a.resource),
            (
                "aws",
                "kinesis",
                "eu-west-1",
                "111122223333",
                "stream/orders"
            )
        );
        let b = Arn::parse("arn:aws:s3:::my-bucket").unwrap();
        assert_eq!((b.region, b.account, b.resource), ("", "", "my-bucket"));
        let c = Arn::parse("arn:aws:logs:us-east-1:111122223333:log-group:/x:*").unwrap();
        assert_eq!(c.resource, "log-group:/x:*");
        assert!(Arn::parse("arn:aws:s3::").is_none());
        assert!(Arn::parse("urn:aws:s3:::b").is_none());
    }

    #[test]
    fn the_schema_patterns_take_arns_and_names_without_wildcards() {
        let ok = |pattern: &str, v: &str| {
            let schema = serde_json::json!({ "type": "string", "pattern": pattern });
            jsonschema::is_valid(&schema, &serde_json::json!(v))
        };
        for arn in [
            "arn:aws:s3:::my-bucket",
            "arn:aws-us-gov:kinesis:us-gov-west-1:111122223333:stream/a.b_c-d",
            "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbC123",
            "arn:aws:sqs:us-east-1:111122223333:q",
        ] {
            assert!(ok(ARN_PATTERN, arn), "{arn}");
        }
        for arn in [
            "arn:aws:s3:::*",
            "arn:aws:s3:::b?",
            "arn:aws:s3:::my bucket",
            "my-bucket",
            "arn:aws:s3:::",
            "arn:aws:kinesis:us-east-1:1234:stream/s",
        ] {
            assert!(!ok(ARN_PATTERN, arn), "{arn}");
        }
        assert!(ok(NAME_PATTERN, "my-bucket.logs"));
        assert!(!ok(NAME_PATTERN, "-x"));
        assert!(!ok(NAME_PATTERN, "a*"));
    }
}
