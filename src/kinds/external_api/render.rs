//! The module call of an external API: its connection with a placeholder credential, its API
//! destination, and the command that sets the real credential.

use minijinja::Value;

use super::{AuthorizationType, ExternalApi, PLACEHOLDER};
use crate::render::{KindRender, RenderCx};

impl KindRender for ExternalApi {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("name", cx.name.clone());
        cx.set("description", Value::from(self.description.clone()));
        cx.set("base_url", self.base_url.clone());
        cx.set(
            "authorization_type",
            match self.authorization_type {
                AuthorizationType::ApiKey => "API_KEY",
                AuthorizationType::Basic => "BASIC",
            },
        );
        cx.set("header", self.header().to_string());
        cx.set("placeholder", PLACEHOLDER);
        cx.set("deliver", self.deliver.is_some());
        let d = self.deliver.as_ref();
        cx.set("deliver_path", d.map_or(String::new(), |d| d.path.clone()));
        cx.set("deliver_method", d.map_or("POST", |d| d.method.as_str()));
        cx.set(
            "rate_limit_per_second",
            d.map_or(super::default_rate(), |d| d.rate_limit_per_second),
        );
        cx.output(
            "connection_arn",
            "connection_arn",
            format!("ARN of the `{id}` EventBridge connection"),
        );
        cx.output(
            "set_credential",
            "set_credential",
            format!(
                "The command that sets the real credential of `{id}` (the render holds a \
                 placeholder): run it once after apply, with the value in the variable it names"
            ),
        );
        if self.deliver.is_some() {
            cx.output(
                "api_destination_arn",
                "api_destination_arn",
                format!("ARN of the `{id}` API destination"),
            );
        }
    }
}
