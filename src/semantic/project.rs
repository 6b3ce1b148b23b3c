//! Checks of the project as a whole: tags, region and keys, AWS names.

use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::model::{Component, Project};
use crate::naming::AwsName;
use crate::source::{Document, pointer_segment};

/// Every tag of the spec is one AWS accepts.
pub(super) fn tags(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    check_tags(&project.tags, "", doc, diags);
}

/// Every tag of every component is one AWS accepts, reported at the tag's own key.
pub(super) fn component_tags(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    for c in project.components.values() {
        check_tags(&c.tags, &c.pointer, doc, diags);
    }
}

/// The tags `tags` found at `{at}/tags`.
fn check_tags(
    tags: &indexmap::IndexMap<String, String>,
    at: &str,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) {
    for (key, value) in tags {
        let ptr = format!("{at}/tags/{}", pointer_segment(key));
        if let Some(problem) = tag_problem(key, value) {
            diags.push(
                Diagnostic::new("invalid-tag", format!("tag `{key}` {problem}"))
                    .with_label(doc.key_span(&ptr), "invalid tag")
                    .with_help(
                        "AWS tags allow letters, digits, spaces and `_ . : / = + - @`; keys up to \
                         128 characters, values up to 256, and no `aws:` prefix",
                    ),
            );
        }
    }
}

/// Every AWS name a component creates fits its rule.
pub(super) fn names(cx: &Cx<'_>, names: Vec<AwsName>, diags: &mut Vec<Diagnostic>) {
    let partition = crate::regions::partition(&cx.project.region).unwrap_or("aws");
    for n in names {
        if let Some(problem) = n.rule.check(&n.name, partition) {
            diags.push(
                Diagnostic::new(
                    "invalid-name",
                    format!("the {} name `{}` {problem}", n.what, n.name),
                )
                .with_label(cx.component_at(), "this component's name")
                .with_related(cx.doc.value_span("/name"), "project name prefix")
                .with_help("shorten the project `name` or the component id"),
            );
        }
    }
}

/// The spec's region is one AWS has, and every KMS key it names lives in that region and its
/// partition: a key elsewhere cannot encrypt a stream or bucket here.
pub(super) fn region_and_keys(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let Some(partition) = crate::regions::partition(&project.region) else {
        let mut d = Diagnostic::new(
            "unknown-region",
            format!("`{}` is not an AWS region", project.region),
        )
        .with_label(doc.value_span("/region"), "unknown region");
        d = d.with_help(match crate::regions::closest(&project.region) {
            Some(r) => format!("did you mean `{r}`?"),
            None => format!(
                "pipelinec knows the regions AWS listed on {}; see src/regions.rs",
                crate::regions::SOURCE_DATE
            ),
        });
        diags.push(d);
        return;
    };
    for c in project.components.values() {
        for (field, key) in super::rules(&c.settings).kms_keys() {
            key_region(project, c, partition, field, key, doc, diags);
        }
    }
}

/// A key in another region or partition than the spec's cannot encrypt its resources.
fn key_region(
    project: &Project,
    c: &Component,
    partition: &str,
    field: &str,
    key: &str,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) {
    let parts: Vec<&str> = key.splitn(6, ':').collect();
    let (key_partition, key_region) = match parts.as_slice() {
        [_, p, _, r, ..] => (*p, *r),
        _ => return,
    };
    if key_partition != partition || key_region != project.region {
        diags.push(
            Diagnostic::new(
                "kms-key-region",
                format!(
                    "the KMS key of `{}` is in `{key_partition}`/`{key_region}`, but the spec \
                     deploys to `{partition}`/`{}`",
                    c.id, project.region
                ),
            )
            .with_label(
                doc.value_span(&format!("{}/{field}", c.pointer)),
                "a key in another region or partition",
            )
            .with_related(doc.value_span("/region"), "the spec's region")
            .with_help(
                "KMS keys are regional: use a key of this region (a multi-Region replica key \
                 has an ARN in each region)",
            ),
        );
    }
}

/// What AWS would reject about a tag, in words. AWS allows letters, numbers, `_.:/=+-@` and
/// Unicode spaces in both. A key is a name: blank keys and spaces other than U+0020 are
/// refused, since they cannot be told apart on screen. A value is free text: any space is kept
/// (and rendered escaped, so it stays visible).
fn tag_problem(key: &str, value: &str) -> Option<String> {
    let name_char = |c: char| c.is_alphanumeric() || c == ' ' || "_.:/=+-@".contains(c);
    let text_char = |c: char| {
        name_char(c)
            || matches!(
                c as u32,
                0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
            )
    };
    if key.chars().count() > 128 {
        return Some("must have a key of 1 to 128 characters".into());
    }
    if key.trim().is_empty() {
        return Some("has a blank key".into());
    }
    if key.to_ascii_lowercase().starts_with("aws:") {
        return Some("uses the reserved `aws:` prefix".into());
    }
    if value.chars().count() > 256 {
        return Some("has a value longer than 256 characters".into());
    }
    if let Some(bad) = key.chars().find(|c| !name_char(*c)) {
        return Some(format!(
            "contains `{bad}` in its key, which AWS tag keys here do not allow"
        ));
    }
    if let Some(bad) = value.chars().find(|c| !text_char(*c)) {
        return Some(format!("contains `{bad}`, which AWS tags do not allow"));
    }
    None
}
