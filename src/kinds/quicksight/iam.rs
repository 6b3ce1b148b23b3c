//! The identity of a QuickSight data source: a policy for one of QuickSight's own roles, whose
//! statements come from its edge (what its workgroup's queries read, the domain it reads, or
//! the secret it signs in to Redshift with). Over Redshift, the VPC connection's role is the
//! edge's own (`edges::EDGE_ROLES`), granted on the network interfaces this kind names here.

use super::{QuickSight, Source};
use crate::edges::{QUICKSIGHT_SECRETS_ROLE, QUICKSIGHT_SERVICE_ROLE};
use crate::iam::{FactCx, Facts, KindIam, arn, fixed};

/// What the data source reads, from its one input (the checks ensure there is one).
fn source(cx: &FactCx<'_>) -> Option<Source> {
    let e = cx.project.graph.incoming(&cx.c.id).next()?;
    Source::of(cx.project.component(&e.from).kind().as_str())
}

impl KindIam for QuickSight {
    fn identity_suffix(&self, cx: &FactCx<'_>) -> &'static str {
        source(cx).map_or("", Source::identity_suffix)
    }

    /// The role QuickSight reads the source with. Over Athena `None`: that policy's report and
    /// output keep the wording they had before the other sources (the kind's docs and the
    /// README say to attach it to QuickSight's service role).
    fn attach_to(&self, cx: &FactCx<'_>) -> Option<&'static str> {
        match source(cx)? {
            Source::AthenaWorkgroup => None,
            Source::RedshiftWorkgroup => Some(QUICKSIGHT_SECRETS_ROLE),
            Source::SearchDomain => Some(QUICKSIGHT_SERVICE_ROLE),
        }
    }

    /// The account's network interfaces in the Region, which a VPC connection's role creates
    /// and removes (their ids are EC2's to choose).
    fn facts(&self, _cx: &FactCx<'_>) -> Facts {
        vec![("network_interfaces", fixed(arn("ec2", "network-interface")))]
    }
}
