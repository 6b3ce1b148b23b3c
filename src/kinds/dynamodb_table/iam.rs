//! The facts a DynamoDB table offers to the edge table: its ARN and its customer key.

use super::DynamodbTable;
use crate::iam::{FactCx, Facts, KindIam, arn, flag};
use crate::model::Project;

impl KindIam for DynamodbTable {
    /// A table holds no identity: its writers act on it.
    fn acts(&self, _project: &Project) -> bool {
        false
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        vec![
            (
                "table_arn",
                vec![cx.named(arn("dynamodb", &format!("table/{}", cx.base())))],
            ),
            ("kms_key_arn", cx.key_arn("kms_key_arn", &self.kms_key_arn)),
            ("indexes", flag(!self.global_indexes.is_empty())),
        ]
    }
}
