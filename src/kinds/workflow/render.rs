//! The module call of a workflow: its definition (built in Rust, printed as one escaped HCL
//! string), its type, logging and tracing.

use super::{LogLevel, Mode, Workflow, definition, log_group};
use crate::render::values::tmpl;
use crate::render::{KindRender, RenderCx};

impl KindRender for Workflow {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        cx.set("name", cx.name.clone());
        cx.set(
            "type",
            match self.mode {
                Mode::Standard => "STANDARD",
                Mode::Express => "EXPRESS",
            },
        );
        cx.set("definition", tmpl(definition(self).hcl_body));
        cx.set("log_group", log_group(&cx.name));
        cx.set(
            "log_level",
            match self.log_level {
                LogLevel::All => "ALL",
                LogLevel::Error => "ERROR",
                LogLevel::Fatal => "FATAL",
                LogLevel::Off => "OFF",
            },
        );
        cx.set("include_execution_data", self.include_execution_data);
        cx.set("log_retention_days", self.log_retention_days);
        cx.output(
            "state_machine_arn",
            "arn",
            format!("ARN of the `{id}` state machine"),
        );
        cx.output(
            "state_machine_name",
            "name",
            format!("Name of the `{id}` state machine"),
        );
    }
}
