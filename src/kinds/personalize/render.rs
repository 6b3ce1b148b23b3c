//! The module call of a Personalize component: its CloudFormation template, written beside the
//! root, and the stack's outputs its users need (the tracking id, the campaign to create).

use std::path::PathBuf;

use super::Personalize;
use super::template::cloudformation;
use crate::hcl::template_literal as lit;
use crate::render::values::tmpl;
use crate::render::{KindRender, RenderCx};

impl KindRender for Personalize {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let template = cloudformation(self, &cx.name);
        cx.file(
            PathBuf::from("build").join(format!("{id}.cloudformation.json")),
            template.into_bytes(),
        );
        cx.set("name", cx.name.clone());
        cx.set(
            "template_file",
            tmpl(format!(
                "${{path.module}}/build/{}.cloudformation.json",
                lit(id.as_str())
            )),
        );
        cx.set("event_tracker", self.event_tracker);
        cx.set("solution", self.solution);
        cx.set("campaign", self.campaign);
        cx.output(
            "dataset_group_arn",
            "dataset_group_arn",
            format!("ARN of the `{id}` Personalize dataset group"),
        );
        if self.event_tracker {
            cx.output(
                "tracking_id",
                "tracking_id",
                format!("Tracking id of the `{id}` event tracker (PutEvents' `trackingId`)"),
            );
        }
        if self.solution {
            cx.output(
                "solution_arn",
                "solution_arn",
                format!(
                    "ARN of the `{id}` solution: once there are interactions, train it with \
                     `aws personalize create-solution-version --solution-arn <this>`"
                ),
            );
        }
        if self.campaign {
            cx.output(
                "create_campaign",
                "create_campaign",
                format!(
                    "The command that creates the `{id}` campaign from a trained solution \
                     version, under the name its functions may ask"
                ),
            );
        }
    }
}
