//! The module call of a Redshift Serverless component: namespace and workgroup settings, and
//! the SQL of each view (see [`super::view_sql`]), printed as HCL string literals.

use std::collections::BTreeMap;

use minijinja::Value;

use super::check::existing_stream_name;
use super::{EXTERNAL_SCHEMA, RedshiftServerless, view_sql};
use crate::hcl::quote;
use crate::model::ComponentId;
use crate::naming;
use crate::render::values::{expr, obj};
use crate::render::{KindRender, RenderCx};

impl KindRender for RedshiftServerless {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("name", cx.name.clone());
        cx.set("base_capacity", self.base_capacity);
        cx.set("database", self.database.clone());
        cx.set("admin_username", self.admin_username.clone());
        cx.set("kms_key_arn", Value::from(self.kms_key_arn.clone()));
        cx.set("subnet_ids", string_list(&self.subnet_ids));
        cx.set("security_group_ids", string_list(&self.security_group_ids));
        cx.set("external_schema", EXTERNAL_SCHEMA);
        let project = cx.project.name.clone();
        let views: Vec<Value> = self
            .views
            .iter()
            .map(|(name, v)| {
                // The stream's own name: an existing stream's, or the one its id (the old
                // id of a renamed stream) gives.
                let id = ComponentId::new(v.stream.clone());
                let id = cx.project.components.get(&id).map_or(id, |c| c.id.clone());
                let stream = match existing_stream_name(cx.project, &v.stream) {
                    Some(name) => name.to_string(),
                    None => naming::base(&project, &id),
                };
                obj(BTreeMap::from([
                    ("key", Value::from(name.as_str())),
                    (
                        "lines",
                        Value::from(
                            view_sql(name, &stream, v)
                                .lines()
                                .map(str::to_string)
                                .collect::<Vec<_>>(),
                        ),
                    ),
                ]))
            })
            .collect();
        cx.set("views", views);
        cx.output(
            "workgroup_name",
            "workgroup_name",
            format!("Name of the `{id}` Redshift Serverless workgroup"),
        );
        cx.output(
            "endpoint",
            "endpoint",
            format!("Host name of the `{id}` workgroup's endpoint (inside its VPC)"),
        );
        cx.output(
            "admin_secret_arn",
            "admin_password_secret_arn",
            format!("Secrets Manager secret holding the `{id}` admin user's password"),
        );
    }
}

/// `["a", "b"]`, each spec string escaped; `[]` when empty.
fn string_list(items: &[String]) -> Value {
    expr(format!(
        "[{}]",
        items
            .iter()
            .map(|s| quote(s))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}
