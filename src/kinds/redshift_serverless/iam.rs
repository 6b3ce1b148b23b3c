//! The identity of a Redshift Serverless component: the role Redshift assumes to read its input
//! streams (streaming ingestion). Its grants are all on the streams' side of the edges
//! (`{from.stream_arn}`, `{from.kms_key_arn}`), so it offers no facts of its own.

use super::RedshiftServerless;
use crate::iam::{FactCx, Facts, KindIam};

impl KindIam for RedshiftServerless {
    fn facts(&self, _cx: &FactCx<'_>) -> Facts {
        Vec::new()
    }
}
