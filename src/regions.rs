//! The AWS regions a spec may name, kept as data with their partitions.
//!
//! Source: AWS General Reference, "AWS service endpoints" / "Regions and Zones", as published on
//! 2026-11-01, checked against the region list of the pinned Terraform provider (5.100.0).
//! A region added after that date is refused until this list learns it: add a row.

/// The date the list was taken from its source.
pub const SOURCE_DATE: &str = "2026-11-01";

/// Region code and the ARN partition it belongs to.
pub const REGIONS: &[(&str, &str)] = &[
    ("af-south-1", "aws"),
    ("ap-east-1", "aws"),
    ("ap-east-2", "aws"),
    ("ap-northeast-1", "aws"),
    ("ap-northeast-2", "aws"),
    ("ap-northeast-3", "aws"),
    ("ap-south-1", "aws"),
    ("ap-south-2", "aws"),
    ("ap-southeast-1", "aws"),
    ("ap-southeast-2", "aws"),
    ("ap-southeast-3", "aws"),
    ("ap-southeast-4", "aws"),
    ("ap-southeast-5", "aws"),
    ("ap-southeast-6", "aws"),
    ("ap-southeast-7", "aws"),
    ("ca-central-1", "aws"),
    ("ca-west-1", "aws"),
    ("eu-central-1", "aws"),
    ("eu-central-2", "aws"),
    ("eu-north-1", "aws"),
    ("eu-south-1", "aws"),
    ("eu-south-2", "aws"),
    ("eu-west-1", "aws"),
    ("eu-west-2", "aws"),
    ("eu-west-3", "aws"),
    ("il-central-1", "aws"),
    ("me-central-1", "aws"),
    ("me-south-1", "aws"),
    ("mx-central-1", "aws"),
    ("sa-east-1", "aws"),
    ("us-east-1", "aws"),
    ("us-east-2", "aws"),
    ("us-west-1", "aws"),
    ("us-west-2", "aws"),
    ("cn-north-1", "aws-cn"),
    ("cn-northwest-1", "aws-cn"),
    ("us-gov-east-1", "aws-us-gov"),
    ("us-gov-west-1", "aws-us-gov"),
];

/// The partition of a region pipelinec knows.
pub fn partition(region: &str) -> Option<&'static str> {
    REGIONS.iter().find(|(r, _)| *r == region).map(|(_, p)| *p)
}

/// The known region closest to a misspelled one, for a hint.
pub fn closest(region: &str) -> Option<&'static str> {
    REGIONS
        .iter()
        .map(|(r, _)| (*r, strsim::levenshtein(r, region)))
        .filter(|(_, d)| *d <= 2)
        .min_by_key(|(_, d)| *d)
        .map(|(r, _)| r)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_within_partitions_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (r, _) in super::REGIONS {
            assert!(seen.insert(*r), "{r} twice");
        }
        assert_eq!(super::partition("eu-west-1"), Some("aws"));
        assert_eq!(super::partition("cn-north-1"), Some("aws-cn"));
        assert_eq!(super::closest("us-east-l"), Some("us-east-1"));
        assert_eq!(super::closest("mars-1"), None);
    }
}
