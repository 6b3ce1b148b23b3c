//! `pipelinec graph SPEC [--format dot|mermaid]`

use std::path::Path;

use super::{GraphFormat, OK, load};

pub fn run(spec: &Path, env: Option<&str>, format: GraphFormat) -> u8 {
    let project = match load(spec, env, "no graph") {
        Ok(p) => p,
        Err(code) => return code,
    };
    match format {
        GraphFormat::Dot => out!("{}", crate::diagram::dot(&project)),
        GraphFormat::Mermaid => out!("{}", crate::diagram::mermaid(&project)),
    }
    OK
}
