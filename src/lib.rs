//! pipelinec: one readable spec of a streaming-analytics system in, least-privilege Terraform out.
//!
//! Layers, each using only those before it:
//! 1. [`spec`] and [`kinds`]: what a user writes (each kind's type in `kinds/<kind>/mod.rs`);
//! 2. [`model`] and [`graph`]: components with ids, and their data flows; [`edges`] is the
//!    table of the flows pipelinec knows and what each grants;
//! 3. [`semantic`]: the checks beyond the schema ([`source`] reads YAML with spans, [`schema`]
//!    validates it), giving a checked [`model::Project`];
//! 4. [`iam`]: identities and policies derived from the graph's edges;
//! 5. [`check`]: the whole validation, from text to a [`check::Compiled`] project, with
//!    [`quotas`], the account-level counts;
//! 6. [`render`]: Terraform from templates (with [`package`], the Lambda builds);
//! 7. [`cli`].
//!
//! A kind's own checks, facts and render values live in `kinds/<kind>/{check,iam,render}.rs`,
//! implementing the trait of their layer ([`semantic::KindRules`], [`iam::KindIam`],
//! [`render::KindRender`]).

pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod diagram;
pub mod edges;
pub mod environments;
pub mod graph;
pub mod hcl;
pub mod hive_type;
pub mod iam;
pub mod id;
pub mod init;
pub mod kinds;
pub mod model;
pub mod monitor;
pub mod naming;
pub mod quotas;
pub mod regions;
pub mod render;
pub mod report;
pub mod schedule;
pub mod schema;
pub mod semantic;
pub mod source;
pub mod spec;
pub mod suggest;

pub use kinds::lambda::{package, runtimes};
