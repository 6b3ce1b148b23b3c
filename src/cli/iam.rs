//! `pipelinec iam SPEC [--format table|json]`

use std::path::Path;

use super::{IamFormat, OK, load};

pub fn run(spec: &Path, env: Option<&str>, format: IamFormat) -> u8 {
    let project = match load(spec, env, "no permission matrix") {
        Ok(p) => p,
        Err(code) => return code,
    };
    match format {
        IamFormat::Table => out!(
            "{}",
            crate::iam::report::table(&project, &project.policies, &project.resource_policies)
        ),
        IamFormat::Json => {
            let json =
                crate::iam::report::json(&project, &project.policies, &project.resource_policies);
            outln!(
                "{}",
                serde_json::to_string_pretty(&json).expect("JSON serialises")
            );
        }
    }
    OK
}
