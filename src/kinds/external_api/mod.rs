//! `external_api`: an HTTPS API outside AWS, reached through an EventBridge connection that
//! holds its credentials (in a Secrets Manager secret the connection creates and owns), and,
//! with `deliver`, an EventBridge API destination that event bus rules deliver to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The placeholder credential pipelinec renders: the provider requires a value, and the real
/// one must never be in the spec, the render or the state. Terraform ignores later changes to
/// it, so the value set out of band (the `<id>_set_credential` output) stays.
pub const PLACEHOLDER: &str = "replace-out-of-band";

/// An HTTPS API outside AWS (a payment provider, a carrier), called by workflow `http` states
/// and, with `deliver`, by event bus rules. pipelinec creates an EventBridge connection for
/// it; the connection keeps the credential in a Secrets Manager secret of its own. The
/// render holds only a placeholder credential: set the real one with the command of the
/// `<id>_set_credential` output, so that it never appears in the spec, the render or the
/// Terraform state.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalApi {
    /// The API's base URL, `https://` only, without a trailing `/`, e.g.
    /// `https://api.payments.example/v1`. States and the API destination add their paths to
    /// it, and the workflow's role may call only those URLs.
    #[schemars(
        length(min = 9, max = 2048),
        regex(pattern = r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s*?#/]+(/[^\s*?#/]+)*$")
    )]
    pub base_url: String,
    /// How the connection signs requests: `api_key` (a header with the key) or `basic`
    /// (HTTP basic authentication). OAuth client credentials are not supported yet.
    pub authorization_type: AuthorizationType,
    /// With `api_key`: the header the key is sent in. Default: `x-api-key`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        length(min = 1, max = 512),
        regex(pattern = r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
    )]
    pub header: Option<String>,
    /// What the connection is for (its description).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 512))]
    pub description: Option<String>,
    /// An EventBridge API destination for the API: event bus rules naming this component as
    /// their `target` deliver their events to `base_url` + `path` with `method`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliver: Option<Deliver>,
}

/// How the connection authorizes requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthorizationType {
    /// An API key sent in a header (`header`).
    ApiKey,
    /// A user name and password, sent as HTTP basic authentication.
    Basic,
}

/// An EventBridge API destination: where the events of rules reach the API.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deliver {
    /// The path after `base_url` the events are sent to, e.g. `/shipments`.
    #[schemars(length(min = 1, max = 2048), regex(pattern = r"^(/[^\s*?#/]+)+$"))]
    pub path: String,
    /// The HTTP method. Default: `POST`.
    #[serde(default)]
    pub method: Method,
    /// Invocations per second EventBridge sends at most (1 to 300); the rest wait and are
    /// retried. Default: 10.
    #[serde(default = "default_rate")]
    #[schemars(range(min = 1, max = 300))]
    pub rate_limit_per_second: u32,
}

/// An HTTP method.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    #[default]
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

fn default_rate() -> u32 {
    10
}

impl ExternalApi {
    /// The header an API key is sent in.
    pub fn header(&self) -> &str {
        self.header.as_deref().unwrap_or("x-api-key")
    }
}

mod check;
mod iam;
mod render;
