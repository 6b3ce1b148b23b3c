//! The spec's `renames`: which component had which id before. Checked before the components
//! are collected, since a renamed component's id carries its old one (see
//! [`crate::id::ComponentId`]).

use std::collections::BTreeMap;

use indexmap::IndexMap;

use crate::diagnostic::Diagnostic;
use crate::source::{Document, pointer_segment};
use crate::spec::RenamedFrom;

/// The renames that hold, new id → old id. A rename of a component the spec lacks, to an id a
/// component still has, or from an id another rename already claims, is an error.
pub(super) fn check(
    renames: &IndexMap<String, RenamedFrom>,
    ids: &[&str],
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut claimed: BTreeMap<&str, &str> = BTreeMap::new();
    for (new, RenamedFrom(old)) in renames {
        let at = format!("/renames/{}", pointer_segment(new));
        if !ids.contains(&new.as_str()) {
            let help = match crate::suggest::closest(new, ids.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "a key of `renames` is the id a component has now".to_string(),
            };
            diags.push(
                Diagnostic::new(
                    "unknown-rename",
                    format!("`renames` names `{new}`, which no component is called"),
                )
                .with_label(doc.key_span(&at), "no component has this id")
                .with_help(help),
            );
            continue;
        }
        if ids.contains(&old.as_str()) {
            diags.push(
                Diagnostic::new(
                    "rename-in-use",
                    format!(
                        "`{new}` is renamed from `{old}`, but a component is still called `{old}`"
                    ),
                )
                .with_label(doc.value_span(&at), "still in use")
                .with_help(
                    "the old id of a renamed component must be free: its AWS names stay with \
                     the renamed component",
                ),
            );
            continue;
        }
        if let Some(first) = claimed.get(old.as_str()) {
            diags.push(
                Diagnostic::new(
                    "duplicate-rename",
                    format!("`{new}` and `{first}` are both renamed from `{old}`"),
                )
                .with_label(doc.value_span(&at), "claimed twice")
                .with_related(
                    doc.value_span(&format!("/renames/{}", pointer_segment(first))),
                    "first claim",
                )
                .with_help("one component takes over the old id's names and state; drop the other"),
            );
            continue;
        }
        claimed.insert(old, new);
        out.insert(new.clone(), old.clone());
    }
    out
}
