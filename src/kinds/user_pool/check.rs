//! Checks and AWS names of a user pool: hosted pages need somewhere to send users back.

use super::UserPool;
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, ExistingRef, KindRules, Shape, error};

/// User pool and app client names: 1 to 128 word characters, `+=,.@-` and spaces.
const POOL_NAME: Rule = Rule::new(128, Charset::Printable);

/// An existing pool's ARN: `userpool/` and the pool's id (`<region>_<letters and digits>`).
const POOL: Shape = Shape {
    what: "Cognito user pool",
    service: "cognito-idp",
    resource_type: "userpool/",
    regional: true,
    name_rule: Rule::new(55, Charset::WordDash),
    by_name: false,
    example: "arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_AbC123",
};

impl KindRules for UserPool {
    /// Sign-ins and their throttling per app client (Cognito developer guide, "User pool
    /// metrics in CloudWatch": `SignInSuccesses`, `SignInThrottles`, `TokenRefreshThrottles`
    /// in `AWS/Cognito`, dimensions `UserPool` and `UserPoolClient`).
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let client = || {
            vec![
                ("UserPool", Dim::of(c.id.as_str(), "user_pool_id")),
                ("UserPoolClient", Dim::of(c.id.as_str(), "client_id")),
            ]
        };
        vec![
            Monitor::new(
                "sign_ins",
                "successful sign-ins",
                ("AWS/Cognito", "SignInSuccesses"),
                client(),
                Statistic::Sum,
            ),
            Monitor::new(
                "sign_in_throttles",
                "sign-ins throttled",
                ("AWS/Cognito", "SignInThrottles"),
                client(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                3,
                3,
                "Sign-ins have been throttled for 15 minutes: customers cannot sign in; ask for a higher Cognito request quota.",
            )),
            Monitor::new(
                "token_refresh_throttles",
                "token refreshes throttled",
                ("AWS/Cognito", "TokenRefreshThrottles"),
                client(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                3,
                3,
                "Token refreshes have been throttled for 15 minutes: signed-in customers are signed out.",
            )),
        ]
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        // An existing pool's settings are its owner's (see `existing`).
        if self.existing.is_some() {
            return;
        }
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

    fn existing(&self) -> Option<ExistingRef<'_>> {
        self.existing.as_ref().map(|e| ExistingRef {
            arn: Some(&e.arn),
            name: None,
            shape: &POOL,
            creation_only: &[
                "password",
                "mfa",
                "domain_prefix",
                "callback_urls",
                "logout_urls",
                "token_minutes",
                "refresh_token_days",
                "deletion_protection",
            ],
        })
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::new(
            "Cognito user pool",
            naming::base(project, id),
            POOL_NAME,
        )]
    }
}
