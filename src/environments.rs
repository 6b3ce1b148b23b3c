//! Environments: one spec, several deployments. An environment is a JSON merge patch
//! (RFC 7386) of the spec: objects merge key by key, anything else replaces, `null` removes.
//! The patched document is then checked exactly like a spec of its own, so an override is
//! held to the same schema and rules; every value an environment set keeps the span where the
//! environment wrote it, so a mistake is reported at that line.

use serde_json::{Map, Value};

use crate::diagnostic::Diagnostic;
use crate::source::{Document, pointer_segment};

/// The component sections an environment may change.
const SECTIONS: [&str; 4] = ["sources", "transforms", "sinks", "site"];

/// The names of the spec's environments, in the order written.
pub fn names(doc: &Document) -> Vec<String> {
    doc.value
        .get("environments")
        .and_then(Value::as_object)
        .map(|envs| envs.keys().cloned().collect())
        .unwrap_or_default()
}

/// The spec as environment `env` deploys it: the spec with the environment's patch applied
/// and no `environments`. Errors: the patch names a component the spec lacks, or changes a
/// component's `type`.
pub fn apply(doc: &Document, env: &str) -> Result<Document, Vec<Diagnostic>> {
    let env_ptr = format!("/environments/{}", pointer_segment(env));
    let mut out = doc.clone();
    let patch = match &mut out.value {
        Value::Object(root) => match root.remove("environments") {
            Some(Value::Object(mut envs)) => envs.remove(env),
            _ => None,
        },
        _ => None,
    };
    if let Some(Value::Object(patch)) = patch {
        let diags = unknown_components(doc, &env_ptr, &patch);
        if !diags.is_empty() {
            return Err(diags);
        }
        let mut value = std::mem::take(&mut out.value);
        merge(&mut value, &patch, "", &env_ptr, &mut out);
        out.value = value;
    }
    // Only now: the values merged in keep the spans of the patch's lines.
    out.forget("/environments");
    Ok(out)
}

/// Merges `patch` (written at `patch_ptr`) into `base` (at `base_ptr`), moving spans along.
fn merge(
    base: &mut Value,
    patch: &Map<String, Value>,
    base_ptr: &str,
    patch_ptr: &str,
    doc: &mut Document,
) {
    let Value::Object(base) = base else {
        return;
    };
    for (key, new) in patch {
        let seg = pointer_segment(key);
        let (to, from) = (format!("{base_ptr}/{seg}"), format!("{patch_ptr}/{seg}"));
        match (base.get_mut(key), new) {
            (_, Value::Null) => {
                base.remove(key);
                doc.forget(&to);
            }
            (Some(old @ Value::Object(_)), Value::Object(fields)) => {
                merge(old, fields, &to, &from, doc)
            }
            _ => {
                base.insert(key.clone(), new.clone());
                doc.forget(&to);
                doc.graft(&from, &to);
            }
        }
    }
}

/// An environment may change the spec's components but not add them or change their kind:
/// a typo in an id would otherwise become a half-written component of its own.
fn unknown_components(
    doc: &Document,
    env_ptr: &str,
    patch: &Map<String, Value>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for section in SECTIONS {
        let Some(Value::Object(changed)) = patch.get(section) else {
            continue;
        };
        let known: Vec<&str> = doc
            .value
            .get(section)
            .and_then(Value::as_object)
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default();
        for (id, fields) in changed {
            let at = format!("{env_ptr}/{section}/{}", pointer_segment(id));
            if !known.contains(&id.as_str()) {
                let help = match crate::suggest::closest(id, known.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!(
                        "an environment changes components the spec defines; define `{id}` under \
                         `{section}` first"
                    ),
                };
                diags.push(
                    Diagnostic::new(
                        "unknown-override",
                        format!("this environment changes `{section}.{id}`, which the spec does not define"),
                    )
                    .with_label(doc.key_span(&at), "no such component")
                    .with_help(help),
                );
            } else if fields.get("type").is_some() {
                diags.push(
                    Diagnostic::new(
                        "override-type",
                        format!("this environment changes the type of `{id}`"),
                    )
                    .with_label(
                        doc.key_span(&format!("{at}/type")),
                        "the type cannot change",
                    )
                    .with_help(
                        "every environment deploys the same components; change their settings \
                         here, or give the other kind of component an id of its own",
                    ),
                );
            }
        }
    }
    diags
}
