//! Checks and AWS names of an external API: HTTPS only, and a header only for an API key.

use super::{AuthorizationType, ExternalApi};
use crate::diagnostic::Diagnostic;
use crate::model::ComponentId;
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, error};

/// EventBridge connection and API destination names: 1 to 64 of letters, digits, `.`, `_`
/// and `-`.
const EVENTS_NAME: Rule = Rule::new(64, Charset::WordDotDash);

impl KindRules for ExternalApi {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        if !self.base_url.starts_with("https://") {
            out.push(error(
                "external-api-https",
                format!(
                    "external API `{id}` has the base URL `{}`, which is not HTTPS",
                    self.base_url
                ),
                cx.value_at("base_url"),
                "not an https:// URL",
                "Step Functions HTTP tasks and EventBridge API destinations call HTTPS \
                 endpoints only, and a credential must not travel in clear: use `https://`",
            ));
        }
        if self.authorization_type != AuthorizationType::ApiKey && self.header.is_some() {
            out.push(error(
                "external-api-header",
                format!("external API `{id}` sets `header`, but it does not use an API key"),
                cx.key_at("header"),
                "only an API key is sent in a header",
                "remove `header`, or set `authorization_type: api_key`",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        let mut out = vec![AwsName::new(
            "EventBridge connection",
            base.clone(),
            EVENTS_NAME,
        )];
        if self.deliver.is_some() {
            out.push(AwsName::new(
                "EventBridge API destination",
                base,
                EVENTS_NAME,
            ));
        }
        out
    }

    fn accepts_deliveries(&self) -> bool {
        self.deliver.is_some()
    }
}
