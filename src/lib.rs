//! pipelinec: one readable spec of a streaming-analytics system in, least-privilege Terraform out.
//!
//! The stages, one module each: [`source`] reads YAML with spans, [`schema`] validates it,
//! [`check`] runs the semantic checks and builds the [`model::Project`] and its [`graph`],
//! [`iam`] derives roles from the graph's edges, [`package`] builds and zips the Lambda code,
//! and [`render`] writes Terraform.

pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod diagram;
pub mod flows;
pub mod graph;
pub mod hcl;
pub mod hive_type;
pub mod iam;
pub mod init;
pub mod model;
pub mod naming;
pub mod package;
pub mod quotas;
pub mod regions;
pub mod render;
pub mod runtimes;
pub mod schedule;
pub mod schema;
pub mod source;
pub mod spec;
pub mod suggest;
