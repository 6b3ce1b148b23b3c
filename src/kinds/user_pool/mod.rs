//! `user_pool`: an Amazon Cognito user pool with one app client: the customers of a web site,
//! signing in with their email address; an `http_api` checks their tokens on the routes that
//! need a user.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A Cognito user pool and its app client: customers sign up and in with their email address,
/// and the site's API accepts their tokens.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UserPool {
    /// A user pool that exists already, with the app client the site signs users in with, to
    /// use instead of creating them. pipelinec then creates nothing for it and changes none of
    /// its settings (every other setting here is its owner's to set); an `http_api` accepts
    /// the tokens it issues to that client, and its alarms watch it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<ExistingPool>,
    /// Password rules. Default: at least 12 characters with lowercase, uppercase, digits and
    /// symbols.
    #[serde(default)]
    pub password: PasswordPolicy,
    /// Multi-factor authentication with an authenticator app: `optional` (each user may turn
    /// it on; default), `on` (required of everyone), or `off`.
    #[serde(default)]
    pub mfa: Mfa,
    /// A prefix for Cognito's hosted sign-in pages
    /// (`https://<prefix>.auth.<region>.amazoncognito.com`); it must be unused in the region.
    /// Default: no hosted pages (the site signs users in through the Cognito API).
    #[serde(default)]
    #[schemars(regex(pattern = r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"))]
    pub domain_prefix: Option<String>,
    /// Where the hosted pages may send a user back after signing in (HTTPS, or
    /// `http://localhost` for development). Needed with `domain_prefix`.
    #[serde(default)]
    #[schemars(
        length(max = 100),
        inner(regex(pattern = r"^(https://|http://localhost)[^\s]*$"))
    )]
    pub callback_urls: Vec<String>,
    /// Where the hosted pages may send a user after signing out.
    #[serde(default)]
    #[schemars(
        length(max = 100),
        inner(regex(pattern = r"^(https://|http://localhost)[^\s]*$"))
    )]
    pub logout_urls: Vec<String>,
    /// Minutes an access or ID token is valid (5 to 1440). Default 60.
    #[serde(default = "sixty")]
    #[schemars(range(min = 5, max = 1440))]
    pub token_minutes: u32,
    /// Days a refresh token is valid (1 to 3650). Default 30.
    #[serde(default = "thirty")]
    #[schemars(range(min = 1, max = 3650))]
    pub refresh_token_days: u32,
    /// Refuse to delete the pool (and every customer account in it) until this is turned
    /// off. Default on.
    #[serde(default = "yes")]
    pub deletion_protection: bool,
}

/// A Cognito user pool that exists already, and its app client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExistingPool {
    /// The pool's ARN, e.g. `arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbC123`,
    /// in the spec's region.
    #[schemars(length(max = 2048), regex(pattern = crate::kinds::existing::ARN_PATTERN))]
    pub arn: String,
    /// The id of its app client whose tokens an `http_api` accepts (the tokens' audience).
    #[schemars(regex(pattern = r"^[A-Za-z0-9_+]{1,128}$"))]
    pub client_id: String,
}

/// Password rules of a user pool.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Shortest password (8 to 99). Default 12.
    #[serde(default = "twelve")]
    #[schemars(range(min = 8, max = 99))]
    pub min_length: u32,
    /// Require a symbol. Default on.
    #[serde(default = "yes")]
    pub require_symbols: bool,
    /// Days a temporary password (from an administrator) stays valid (1 to 365). Default 3.
    #[serde(default = "three")]
    #[schemars(range(min = 1, max = 365))]
    pub temporary_password_days: u32,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy {
            min_length: twelve(),
            require_symbols: true,
            temporary_password_days: three(),
        }
    }
}

/// Multi-factor authentication.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mfa {
    /// Each user may add an authenticator app.
    #[default]
    Optional,
    /// Every user must sign in with an authenticator app.
    On,
    /// No second factor.
    Off,
}

impl Mfa {
    pub fn aws(self) -> &'static str {
        match self {
            Mfa::Optional => "OPTIONAL",
            Mfa::On => "ON",
            Mfa::Off => "OFF",
        }
    }
}

fn yes() -> bool {
    true
}

fn three() -> u32 {
    3
}

fn twelve() -> u32 {
    12
}

fn thirty() -> u32 {
    30
}

fn sixty() -> u32 {
    60
}

mod check;
mod iam;
mod render;
