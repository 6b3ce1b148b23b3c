//! The module call of an SES identity, and the outputs its users need (the DKIM tokens to put
//! in DNS, the configuration set).

use super::{DkimKeyLength, EmailIdentity, configuration_set};
use crate::render::{KindRender, RenderCx};

impl KindRender for EmailIdentity {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("identity", self.identity().to_string());
        cx.set("is_domain", self.domain.is_some());
        cx.set("sender", self.sender());
        cx.set("configuration_set", configuration_set(&cx.name));
        cx.set(
            "dkim_key_length",
            match self.dkim_key_length {
                DkimKeyLength::Rsa2048 => "RSA_2048_BIT",
                DkimKeyLength::Rsa1024 => "RSA_1024_BIT",
            },
        );
        cx.set(
            "suppress_bounces_and_complaints",
            self.suppress_bounces_and_complaints,
        );
        cx.output(
            "identity_arn",
            "arn",
            format!("ARN of the `{id}` SES identity"),
        );
        cx.output(
            "configuration_set_name",
            "configuration_set_name",
            format!("SES configuration set every message from `{id}` goes through"),
        );
        cx.output(
            "configuration_set_arn",
            "configuration_set_arn",
            format!("ARN of the `{id}` configuration set"),
        );
        if self.domain.is_some() {
            cx.output(
                "dkim_tokens",
                "dkim_tokens",
                format!(
                    "Easy DKIM tokens of `{id}`: add a CNAME `<token>._domainkey.<domain>` → \
                     `<token>.dkim.amazonses.com` for each, and SES verifies the domain"
                ),
            );
        }
    }
}
