//! The identity of a QuickSight data source: a policy for the QuickSight service role, whose
//! statements come from its edge (what its workgroup's queries read and write).

use super::{IDENTITY_SUFFIX, QuickSight};
use crate::iam::{FactCx, Facts, KindIam};

impl KindIam for QuickSight {
    fn identity_suffix(&self) -> &'static str {
        IDENTITY_SUFFIX
    }

    fn facts(&self, _cx: &FactCx<'_>) -> Facts {
        Vec::new()
    }
}
