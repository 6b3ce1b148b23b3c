//! The module call of a user pool and its app client.

use minijinja::Value;

use super::UserPool;
use crate::hcl::template_literal as lit;
use crate::render::values::tmpl;
use crate::render::{KindRender, RenderCx};
use crate::semantic::KindRules;

impl KindRender for UserPool {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.output(
            "user_pool_id",
            "user_pool_id",
            format!("The `{id}` user pool's id"),
        );
        cx.output(
            "client_id",
            "client_id",
            format!("The `{id}` app client's id: the site signs users in with it"),
        );
        if let (Some(e), Some(pool)) = (self.existing(), &self.existing) {
            let pool_id = e.resource_name().unwrap_or_default();
            cx.set("arn", tmpl(e.arn_template()));
            cx.set("user_pool_id", pool_id);
            cx.set("client_id", pool.client_id.clone());
            // The tokens' issuer, as Cognito names it: the pool is in the spec's region.
            cx.set(
                "issuer",
                tmpl(format!(
                    "https://cognito-idp.${{local.region}}.${{data.aws_partition.current.dns_suffix}}/{}",
                    lit(pool_id)
                )),
            );
            return;
        }
        cx.set("name", cx.name.clone());
        cx.set("password_min_length", self.password.min_length);
        cx.set("password_require_symbols", self.password.require_symbols);
        cx.set(
            "temporary_password_days",
            self.password.temporary_password_days,
        );
        cx.set("mfa", self.mfa.aws());
        cx.set("domain_prefix", Value::from(self.domain_prefix.clone()));
        cx.set("callback_urls", Value::from(self.callback_urls.clone()));
        cx.set("logout_urls", Value::from(self.logout_urls.clone()));
        cx.set("token_minutes", self.token_minutes);
        cx.set("refresh_token_days", self.refresh_token_days);
        cx.set("deletion_protection", self.deletion_protection);
        if self.domain_prefix.is_some() {
            cx.output(
                "hosted_ui_url",
                "hosted_ui_url",
                format!("The `{id}` hosted sign-in pages"),
            );
        }
    }
}
