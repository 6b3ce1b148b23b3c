//! Checks and AWS names of a Firehose delivery stream, and what it writes into its lake.

use super::Firehose;
use crate::diagnostic::Diagnostic;
use crate::kinds::fields::TableFormat;
use crate::model::ComponentId;
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, Layout, Usage, Use, Writer, error};

/// Firehose delivery stream names.
const DELIVERY_STREAM_NAME: Rule = Rule::new(64, Charset::WordDotDash);

impl KindRules for Firehose {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let graph = &cx.project.graph;
        // The edge table admits only streams as inputs: every edge in is a stream.
        if !cx.unresolved_inputs() && (self.inputs.len() != 1 || graph.incoming(id).count() != 1) {
            out.push(error(
                "firehose-inputs",
                format!("firehose `{id}` must read exactly one Kinesis stream"),
                cx.component_at(),
                "one `inputs` entry expected",
                "list exactly one `kinesis_stream` id under `inputs`",
            ));
        }
        let outs = graph.outgoing(id).count();
        if outs != 1 {
            out.push(error(
                "firehose-destination",
                format!(
                    "firehose `{id}` must feed exactly one sink, but {outs} list it as an input"
                ),
                cx.component_at(),
                "delivers nowhere or to several places",
                "list this firehose under `inputs` of exactly one `s3_data_lake`",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        vec![
            AwsName::new(
                "Firehose delivery stream",
                base.clone(),
                DELIVERY_STREAM_NAME,
            ),
            AwsName::new("IAM role", base, naming::IAM_ROLE),
        ]
    }

    fn writes(&self, cx: &Cx<'_>, _bucket: &ComponentId, feeds: bool) -> Vec<Writer> {
        if !feeds {
            return Vec::new();
        }
        let c = cx.c;
        vec![
            Writer {
                id: c.id.clone(),
                kind: c.kind(),
                role: "records",
                prefix: self.prefix(&c.id),
                at: cx.field_at("prefix"),
                layout: Some(Layout {
                    partitioning: self.partitioning,
                    partitioning_at: cx.field_at("partitioning"),
                    // Without record format conversion, Firehose writes records as sent:
                    // JSON lines in every pipeline pipelinec renders.
                    format: TableFormat::Json,
                    format_at: cx.component_at(),
                    format_help: " (Firehose writes records as they are sent: JSON lines)",
                    compression: self.compression,
                    compression_at: cx.field_at("compression"),
                }),
            },
            Writer {
                id: c.id.clone(),
                kind: c.kind(),
                role: "delivery errors",
                prefix: self.error_prefix.clone(),
                at: cx.field_at("error_prefix"),
                layout: None,
            },
        ]
    }

    fn usage(&self) -> Vec<Use> {
        vec![Use::one(Usage::FirehoseStreams)]
    }
}
