//! `email_identity`: an Amazon SES (v2) sending identity, a domain or one address, with a
//! configuration set of its own that every message sent from it goes through.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An Amazon SES identity that workflows send email from: a domain (verified through the DKIM
/// records pipelinec outputs) or a single address (verified by the link SES mails to it). Its
/// configuration set requires TLS to the receiving server, publishes reputation metrics
/// (bounce and complaint rates) to CloudWatch and keeps sending enabled; a workflow may send
/// only through it, from its address, and nothing else may.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailIdentity {
    /// A domain to send from, e.g. `shop.example` (any address in it may then be the sender).
    /// Give exactly one of `domain` and `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        length(min = 1, max = 253),
        regex(pattern = r"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")
    )]
    pub domain: Option<String>,
    /// A single address to send from, e.g. `orders@shop.example`. SES mails it a
    /// verification link once applied. Give exactly one of `domain` and `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        length(min = 3, max = 320),
        regex(
            pattern = r"^[A-Za-z0-9.!#$%&'+/=^_`{|}~-]+@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
        )
    )]
    pub email: Option<String>,
    /// With a `domain`: the sender address of the messages, in that domain. Default:
    /// `no-reply@<domain>`. A workflow may send from this address only (`ses:FromAddress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        length(min = 3, max = 320),
        regex(
            pattern = r"^[A-Za-z0-9.!#$%&'+/=^_`{|}~-]+@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
        )
    )]
    pub from_address: Option<String>,
    /// With a `domain`: Easy DKIM signing, `rsa_2048` (default) or `rsa_1024` keys. SES
    /// verifies the domain once the three CNAME records of the `<id>_dkim_tokens` output are
    /// in its DNS. An address identity signs with its domain's DKIM, if that domain is verified.
    #[serde(default)]
    pub dkim_key_length: DkimKeyLength,
    /// Stop sending to addresses that bounced or complained (SES's suppression list, for this
    /// configuration set): keeps the bounce and complaint rates, and so the account, healthy.
    /// Default on.
    #[serde(default = "crate::kinds::fields::default_true")]
    pub suppress_bounces_and_complaints: bool,
}

/// The length of the DKIM keys SES generates (Easy DKIM).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DkimKeyLength {
    /// 2048-bit RSA keys (the default).
    #[default]
    #[serde(rename = "rsa_2048")]
    Rsa2048,
    /// 1024-bit RSA keys, for DNS providers that cannot hold a 2048-bit record.
    #[serde(rename = "rsa_1024")]
    Rsa1024,
}

impl EmailIdentity {
    /// The identity as SES names it: the domain or the address.
    pub fn identity(&self) -> &str {
        self.domain
            .as_deref()
            .or(self.email.as_deref())
            .unwrap_or_default()
    }

    /// The sender address of messages sent from it.
    pub fn sender(&self) -> String {
        match (&self.email, &self.domain, &self.from_address) {
            (Some(email), _, _) => email.clone(),
            (None, _, Some(from)) => from.clone(),
            (None, Some(domain), None) => format!("no-reply@{domain}"),
            (None, None, None) => String::new(),
        }
    }
}

/// The configuration set's name: `<project>-<id>`.
pub fn configuration_set(base: &str) -> String {
    base.to_string()
}

mod check;
mod iam;
mod render;
