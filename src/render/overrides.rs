//! Terraform override files beside a render: the user's files that `render` keeps, but that
//! `render --check` must name, because Terraform merges them over the rendered blocks.
//!
//! An `override.tf` or `*_override.tf` (and their `.tf.json` forms) in a module folder replaces
//! arguments of the blocks of the same address in that folder: one can turn a reviewed IAM
//! policy into `Action = "*"` while every rendered file stays byte-identical. The user keeps
//! them (they are theirs); the reviewer gets told which rendered blocks they change.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use super::Files;

/// One rendered block that a user's override file changes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Override {
    /// The override file, relative to the render folder.
    pub file: PathBuf,
    /// The block's address as written in HCL: `resource "aws_iam_role_policy" "x"`,
    /// `module "lake"`, `local.name`, `terraform`.
    pub block: String,
}

/// Whether Terraform treats a file name as an override file.
pub fn is_override_file(name: &str) -> bool {
    let stem = name
        .strip_suffix(".tf")
        .or_else(|| name.strip_suffix(".tf.json"));
    stem.is_some_and(|s| s == "override" || s.ends_with("_override"))
}

/// Every rendered block that an override file in one of the render's module folders changes,
/// sorted. An override file that does not parse is reported as overriding everything.
pub fn find(dir: &Path, rendered: &Files) -> io::Result<Vec<Override>> {
    let folders: BTreeSet<&Path> = rendered
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .map(|p| p.parent().unwrap_or(Path::new("")))
        .collect();
    let mut out = Vec::new();
    for folder in folders {
        let entries = match std::fs::read_dir(dir.join(folder)) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = folder.join(&name);
            if is_override_file(&name)
                && !rendered.contains_key(&rel)
                && entry.file_type()?.is_file()
            {
                files.push((rel, entry.path()));
            }
        }
        if files.is_empty() {
            continue;
        }
        let mut blocks = BTreeSet::new();
        for (path, bytes) in rendered
            .iter()
            .filter(|(p, _)| p.parent() == Some(folder) && p.extension().is_some_and(|e| e == "tf"))
        {
            let text = String::from_utf8_lossy(bytes);
            // Rendered files always parse (the suite runs `terraform validate` and an HCL
            // parser over them); one that did not would only hide its own blocks here.
            let _ = path;
            blocks.extend(hcl_addresses(&text).unwrap_or_default());
        }
        for (rel, path) in files {
            let text = String::from_utf8_lossy(&std::fs::read(&path)?).into_owned();
            let addresses = if rel.to_string_lossy().ends_with(".json") {
                json_addresses(&text)
            } else {
                hcl_addresses(&text)
            };
            match addresses {
                Some(found) => out.extend(found.into_iter().filter(|a| blocks.contains(a)).map(
                    |block| Override {
                        file: rel.clone(),
                        block,
                    },
                )),
                None => out.push(Override {
                    file: rel.clone(),
                    block: "(does not parse: it may override any block)".to_string(),
                }),
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The address of a block as Terraform matches overrides: type and name for resources and
/// data sources, the name for modules, variables, outputs and providers, each local by name.
fn address(ident: &str, labels: &[&str]) -> Option<String> {
    let quoted = |n: usize| {
        labels
            .iter()
            .take(n)
            .map(|l| format!(" \"{l}\""))
            .collect::<String>()
    };
    match ident {
        "resource" | "data" if labels.len() >= 2 => Some(format!("{ident}{}", quoted(2))),
        "module" | "variable" | "output" | "provider" if !labels.is_empty() => {
            Some(format!("{ident}{}", quoted(1)))
        }
        "terraform" => Some("terraform".to_string()),
        _ => None,
    }
}

fn hcl_addresses(text: &str) -> Option<Vec<String>> {
    let body = hcl_edit::parser::parse_body(text).ok()?;
    let mut out = Vec::new();
    for block in body.blocks() {
        let ident = block.ident.as_str();
        if ident == "locals" {
            out.extend(
                block
                    .body
                    .attributes()
                    .map(|a| format!("local.{}", a.key.as_str())),
            );
            continue;
        }
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        out.extend(address(ident, &labels));
    }
    Some(out)
}

/// Terraform's JSON syntax: `{"resource": {"type": {"name": {...}}}, "locals": {...}, ...}`.
fn json_addresses(text: &str) -> Option<Vec<String>> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut out = Vec::new();
    for (ident, v) in value.as_object()? {
        match ident.as_str() {
            "resource" | "data" => {
                for (ty, names) in v.as_object()? {
                    for name in names.as_object()?.keys() {
                        out.extend(address(ident, &[ty, name]));
                    }
                }
            }
            "locals" => out.extend(v.as_object()?.keys().map(|k| format!("local.{k}"))),
            "terraform" => out.push("terraform".to_string()),
            _ => {
                for name in v.as_object()?.keys() {
                    out.extend(address(ident, &[name]));
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_file_names() {
        for yes in [
            "override.tf",
            "my_override.tf",
            "override.tf.json",
            "x_override.tf.json",
        ] {
            assert!(is_override_file(yes), "{yes}");
        }
        for no in [
            "overrides.tf",
            "main.tf",
            "override.tfvars",
            "my-override.tf",
            "override",
        ] {
            assert!(!is_override_file(no), "{no}");
        }
    }

    #[test]
    fn addresses_of_every_block_form() {
        let hcl = r#"
resource "aws_iam_role_policy" "p" {}
data "aws_iam_policy_document" "d" {}
module "lake" {}
provider "aws" {}
variable "region" {}
output "x" {}
terraform {}
locals {
  a = 1
}
"#;
        assert_eq!(
            hcl_addresses(hcl).unwrap(),
            [
                r#"resource "aws_iam_role_policy" "p""#,
                r#"data "aws_iam_policy_document" "d""#,
                r#"module "lake""#,
                r#"provider "aws""#,
                r#"variable "region""#,
                r#"output "x""#,
                "terraform",
                "local.a",
            ]
        );
        let json = r#"{"resource": {"aws_iam_role_policy": {"p": {}}}, "module": {"lake": {}},
            "locals": {"a": 1}, "terraform": {}}"#;
        let mut got = json_addresses(json).unwrap();
        got.sort();
        assert_eq!(
            got,
            [
                "local.a",
                r#"module "lake""#,
                r#"resource "aws_iam_role_policy" "p""#,
                "terraform"
            ]
        );
    }
}
