//! `pipelinec init [--template NAME] [--force] [DIR]`

use std::path::Path;

use super::{OK, USAGE};
use crate::init::InitError;

pub fn run(dir: &Path, template: &str, force: bool) -> u8 {
    match crate::init::init(template, dir, force) {
        Ok(written) => {
            for path in &written {
                outln!("wrote {}", path.display());
            }
            let spec = dir.join(format!("{template}.yaml"));
            outln!(
                "next: pipelinec validate {0} && pipelinec render {0}",
                spec.display()
            );
            OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            if let InitError::Exists(_) = e {
                eprintln!("nothing was written");
            }
            USAGE
        }
    }
}
