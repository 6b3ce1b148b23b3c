//! Checks and AWS names of a Personalize component: a schema Personalize accepts, and the
//! functions using it find what they need (a tracker to send through, a campaign to ask).

use super::{FieldType, Personalize, REQUIRED_FIELDS, tracker_function};
use crate::diagnostic::Diagnostic;
use crate::edges::Access;
use crate::model::ComponentId;
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, error};

/// Personalize resource names (dataset group, schema, dataset, solution, tracker, campaign):
/// 1 to 63 letters, digits, `_` and `-`.
const PERSONALIZE_NAME: Rule = Rule::new(63, Charset::WordDash);

/// CloudFormation stack names: 1 to 128 characters.
const STACK_NAME: Rule = Rule::new(128, Charset::WordDash);

/// Lambda function names: 1 to 64 characters.
const FUNCTION_NAME: Rule = Rule::new(64, Charset::WordDash);

impl KindRules for Personalize {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        for (i, f) in self.fields.iter().enumerate() {
            let at = |field: &str| format!("fields/{i}/{field}");
            if REQUIRED_FIELDS
                .iter()
                .any(|r| r.eq_ignore_ascii_case(&f.name))
            {
                out.push(error(
                    "personalize-field",
                    format!("`{id}` declares `{}`, which Personalize requires and pipelinec always adds", f.name),
                    cx.value_at(&at("name")),
                    "already in the schema",
                    "remove it: `USER_ID` and `ITEM_ID` are strings, `TIMESTAMP` a long (seconds since the epoch)",
                ));
            } else if let Some(first) = self.fields[..i]
                .iter()
                .position(|g| g.name.eq_ignore_ascii_case(&f.name))
            {
                out.push(
                    error(
                        "personalize-field",
                        format!("`{id}` declares the field `{}` twice", f.name),
                        cx.value_at(&at("name")),
                        "declared again",
                        "keep one of them",
                    )
                    .with_related(cx.value_at(&format!("fields/{first}/name")), "first here"),
                );
            }
            if f.categorical && f.ty != FieldType::String {
                out.push(error(
                    "personalize-field",
                    format!(
                        "`{id}` marks `{}` categorical, but it is a {}",
                        f.name,
                        f.ty.avro()
                    ),
                    cx.value_at(&at("categorical")),
                    "only strings are categorical",
                    "make it `type: string`, or remove `categorical`",
                ));
            }
        }
        if self.campaign && !self.solution {
            out.push(error(
                "campaign-without-solution",
                format!("`{id}` has a campaign but no solution"),
                cx.value_at("campaign"),
                "a campaign serves a trained solution",
                "set `solution: true`",
            ));
        }
        // Functions sending events need the tracker's id; functions asking for
        // recommendations need the campaign.
        for e in cx.project.graph.incoming(id) {
            if e.access == Access::Track && !self.event_tracker {
                out.push(
                    error(
                        "track-without-tracker",
                        format!(
                            "`{}` sends events to `{id}`, which has no event tracker",
                            e.from
                        ),
                        cx.doc.value_span(&e.pointer),
                        "no tracker to send through",
                        &format!("set `event_tracker: true` on `{id}`, or remove this input"),
                    )
                    .with_related(cx.value_at("event_tracker"), "tracker off here"),
                );
            }
        }
        for e in cx.project.graph.outgoing(id) {
            if e.access == Access::Recommend && !self.campaign {
                out.push(
                    error(
                        "recommend-without-campaign",
                        format!(
                            "`{}` asks `{id}` for recommendations, but `{id}` has no campaign",
                            e.to
                        ),
                        cx.doc.value_span(&e.pointer),
                        "nothing to ask",
                        &format!(
                            "set `solution: true` and `campaign: true` on `{id}`, then create \
                             the campaign from a trained solution version"
                        ),
                    )
                    .with_related(cx.doc.key_span(&cx.c.pointer), "defined here"),
                );
            }
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        let mut names = vec![
            AwsName::new("Personalize dataset group", base.clone(), PERSONALIZE_NAME),
            AwsName::new(
                "Personalize schema",
                format!("{base}-interactions"),
                PERSONALIZE_NAME,
            ),
            AwsName::new("CloudFormation stack", base.clone(), STACK_NAME),
        ];
        if self.event_tracker {
            names.push(AwsName::new(
                "Lambda function",
                tracker_function(&base),
                FUNCTION_NAME,
            ));
        }
        if self.solution {
            names.push(AwsName::new(
                "Personalize solution",
                base.clone(),
                PERSONALIZE_NAME,
            ));
        }
        names
    }
}
