//! Checks and AWS names of a user pool: hosted pages need somewhere to send users back.

use super::UserPool;
use crate::diagnostic::Diagnostic;
use crate::model::ComponentId;
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, error};

/// User pool and app client names: 1 to 128 word characters, `+=,.@-` and spaces.
const POOL_NAME: Rule = Rule::new(128, Charset::Printable);

impl KindRules for UserPool {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        // Whether the spec lists callbacks, even ones the schema refused (reported there).
        let callbacks = !self.callback_urls.is_empty() || cx.is_set("callback_urls/0");
        if self.domain_prefix.is_some() && !callbacks {
            out.push(error(
                "user-pool-callback",
                format!("user pool `{id}` has hosted sign-in pages but no callback URL"),
                cx.value_at("domain_prefix"),
                "hosted pages without a way back",
                "list the site's pages that receive the signed-in user in `callback_urls`",
            ));
        }
        if self.domain_prefix.is_none() && !self.callback_urls.is_empty() {
            out.push(error(
                "user-pool-callback",
                format!("user pool `{id}` has callback URLs but no hosted sign-in pages"),
                cx.value_at("callback_urls"),
                "nothing sends users here",
                "set `domain_prefix` for Cognito's hosted pages, or remove `callback_urls`",
            ));
        }
        if let Some(prefix) = &self.domain_prefix
            && ["aws", "amazon", "cognito"]
                .iter()
                .any(|w| prefix.contains(w))
        {
            out.push(error(
                "user-pool-domain",
                format!("the hosted-page prefix `{prefix}` of user pool `{id}` is reserved"),
                cx.value_at("domain_prefix"),
                "Cognito refuses this prefix",
                "Cognito domain prefixes may not contain `aws`, `amazon` or `cognito`: choose \
                 another",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::new(
            "Cognito user pool",
            naming::base(project, id),
            POOL_NAME,
        )]
    }
}
