//! `http_api`: an API Gateway HTTP API: routes (`POST /orders`) answered by the spec's
//! functions, a JWT authorizer over a `user_pool` on the routes that need a signed-in user,
//! access logs, throttling and CORS.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A route key: an HTTP method (or `ANY`) and a path of letters, digits, `-._~` and
/// `{parameter}` segments (`{proxy+}` last).
pub const ROUTE_KEY: &str = r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) /([A-Za-z0-9._~-]+|\{[A-Za-z0-9_]+\}|\{[A-Za-z0-9_]+\+\})?(/([A-Za-z0-9._~-]+|\{[A-Za-z0-9_]+\}|\{[A-Za-z0-9_]+\+\}))*$";

/// Where a record's partition key may come from: the request id, or one named value of the
/// request (API Gateway's parameter mapping syntax).
pub const PARTITION_KEY: &str = r"^\$(context\.requestId|request\.(header|querystring|path)\.[A-Za-z0-9_-]{1,64}|request\.body\.[A-Za-z0-9_]{1,64}(\.[A-Za-z0-9_]{1,64}){0,7})$";

/// An API Gateway HTTP API in front of the spec's functions. A `cdn` that lists it in its
/// `inputs` serves it under `/<stage>/*`, so the site and its API share one domain.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HttpApi {
    /// The routes, `METHOD /path` (e.g. `POST /orders`, `GET /orders/{id}`), each answered
    /// by a component of the spec.
    #[schemars(length(min = 1, max = 300), extend("propertyNames" = { "pattern": ROUTE_KEY }))]
    pub routes: IndexMap<String, Route>,
    /// The `user_pool` whose tokens the routes with `signed_in: true` require (a JWT
    /// authorizer: issuer the pool, audience its app client).
    #[serde(default)]
    pub user_pool: Option<String>,
    /// The stage name: the first segment of every URL (`/api/orders`), and the path a `cdn`
    /// routes to this API (`/api/*`). Default `api`.
    #[serde(default = "api")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]{1,64}$"))]
    pub stage: String,
    /// Requests per second the stage accepts on every route before answering 429. Default 50.
    #[serde(default = "fifty")]
    #[schemars(range(min = 1, max = 10000))]
    pub rate_limit: u32,
    /// Requests accepted at once above `rate_limit`. Default 100.
    #[serde(default = "hundred")]
    #[schemars(range(min = 1, max = 5000))]
    pub burst_limit: u32,
    /// Browser origins allowed to call the API from another domain (CORS), e.g.
    /// `https://shop.example.com` or `http://localhost:3000` during development. Default
    /// none: behind a `cdn` the site and the API share one origin and need no CORS.
    #[serde(default)]
    #[schemars(
        length(max = 50),
        inner(regex(pattern = r"^(https://[a-z0-9.-]+(:[0-9]+)?|http://localhost(:[0-9]+)?)$"))
    )]
    pub cors_origins: Vec<String>,
    /// Days the access logs are kept. Default 30.
    #[serde(default = "thirty")]
    #[schemars(range(min = 1, max = 3653))]
    pub log_retention_days: u32,
}

/// What answers one route.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// The id of the component that answers: a `lambda` (called with the request, payload
    /// format 2.0), a `kinesis_stream` (the request body is put into it as one record, with
    /// no function in between) or a `workflow` (an execution starts with the request body
    /// as its input; the caller gets the execution's ARN).
    pub target: String,
    /// With a `kinesis_stream` target: where the record's partition key comes from, which
    /// decides its shard. `$context.requestId` (the default) spreads records evenly; a
    /// field of the body (`$request.body.session_id`), a header
    /// (`$request.header.x-session`), a query string or path parameter keeps one key's
    /// records in order. A request without that value is refused by API Gateway.
    #[serde(default)]
    #[schemars(regex(pattern = PARTITION_KEY))]
    pub partition_key: Option<String>,
    /// Only a signed-in user may call it: the request must carry a valid token of the API's
    /// `user_pool` (`Authorization: Bearer …`), whose claims the function receives. Default
    /// off.
    #[serde(default)]
    pub signed_in: bool,
    /// Milliseconds API Gateway waits for the answer (50 to 30000). Default 29000.
    #[serde(default = "timeout")]
    #[schemars(range(min = 50, max = 30000))]
    pub timeout_ms: u32,
}

impl HttpApi {
    /// The route ARN's path part API Gateway puts in `aws:SourceArn` when a route calls its
    /// target: `<METHOD>/<path>`, `ANY` and `{parameter}` segments as `*`.
    pub fn source_path(key: &str) -> String {
        let (method, path) = key.split_once(' ').unwrap_or((key, "/"));
        let method = if method == "ANY" { "*" } else { method };
        let path: Vec<&str> = path
            .trim_start_matches('/')
            .split('/')
            .map(|seg| if seg.starts_with('{') { "*" } else { seg })
            .collect();
        format!("{method}/{}", path.join("/"))
    }
}

fn api() -> String {
    "api".into()
}

fn fifty() -> u32 {
    50
}

fn hundred() -> u32 {
    100
}

fn thirty() -> u32 {
    30
}

fn timeout() -> u32 {
    29_000
}

mod check;
mod iam;
mod render;

#[cfg(test)]
mod tests {
    use super::HttpApi;

    #[test]
    fn source_paths_match_any_value_of_a_parameter() {
        assert_eq!(HttpApi::source_path("POST /orders"), "POST/orders");
        assert_eq!(HttpApi::source_path("GET /orders/{id}"), "GET/orders/*");
        assert_eq!(HttpApi::source_path("ANY /{proxy+}"), "*/*");
        assert_eq!(HttpApi::source_path("GET /"), "GET/");
    }
}
