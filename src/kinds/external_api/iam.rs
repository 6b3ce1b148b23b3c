//! The facts an external API offers to the edge table: its connection, the secret the
//! connection keeps its credential in, its base URL and its API destination. The ARNs end in
//! ids AWS assigns, so they are the module's outputs.

use super::ExternalApi;
use crate::iam::{FactCx, Facts, KindIam, fixed};
use crate::model::Project;

impl KindIam for ExternalApi {
    /// An external API holds no role: workflows and event bus rules act on it.
    fn acts(&self, _project: &Project) -> bool {
        false
    }

    fn facts(&self, cx: &FactCx<'_>) -> Facts {
        let id = &cx.c.id;
        let mut out = vec![
            (
                "connection_arn",
                fixed(format!("${{module.{id}.connection_arn}}")),
            ),
            ("secret_arn", fixed(format!("${{module.{id}.secret_arn}}"))),
            ("base_url", vec![cx.field("base_url", &self.base_url)]),
        ];
        out.push((
            "api_destination_arn",
            if self.deliver.is_some() {
                fixed(format!("${{module.{id}.api_destination_arn}}"))
            } else {
                Vec::new()
            },
        ));
        out
    }
}
