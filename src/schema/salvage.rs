//! The part of a spec that passes the schema, so the semantic checks can run on it too.
//!
//! A spec with schema errors would otherwise hide every cross-component problem until the
//! schema errors are fixed, one run at a time. Salvaging removes what the schema refused, as
//! little as possible: an unknown key or an invalid optional setting goes (its default applies),
//! a component that cannot stand without the refused part goes whole, and so does every
//! component that refers to a removed one (its checks would report the removal, not a problem
//! of its own). Only keys are removed, never array items, so every JSON pointer left keeps
//! the span it had.

use std::collections::BTreeSet;

use jsonschema::error::ValidationErrorKind as K;
use serde_json::{Value, json};

use super::{SECTIONS, components, schema_at, validators};
use crate::source::{Document, pointer_segment};

/// Removals are few per round; a spec still invalid after this many rounds is left alone.
const MAX_ROUNDS: usize = 8;

/// What one schema error asks to remove.
enum Removal {
    /// These keys of the object at the pointer.
    Keys(String, Vec<String>),
    /// The keys of the object at the pointer that its `propertyNames` pattern refuses.
    BadNames(String),
    /// The node at the pointer (or what holds it), whatever its error.
    At(String),
}

/// The spec's value with what the schema refused removed, or `None` when a required top-level
/// setting (`version`, `name`, `region`) is what failed: nothing can be checked without it.
pub fn salvage(doc: &Document) -> Option<Value> {
    let mut value = doc.value.clone();
    let mut dropped: BTreeSet<String> = BTreeSet::new();
    for _ in 0..MAX_ROUNDS {
        let removals = removals(&value);
        if removals.is_empty() {
            drop_dependents(&mut value, &mut dropped);
            return Some(value);
        }
        let before = value.clone();
        for r in removals {
            apply(&mut value, r, &mut dropped)?;
        }
        if value == before {
            return None;
        }
    }
    None
}

/// What the schema refuses in `value`, found as [`super::validate`] finds it: each component
/// against the kind it names, then the top level.
fn removals(value: &Value) -> Vec<Removal> {
    let mut out = Vec::new();
    for (section, id, component) in components(value) {
        let pointer = format!("/{section}/{id}");
        out.extend(component_removals(component, section, &pointer));
    }
    for err in validators::top().iter_errors(value) {
        out.push(removal(err.instance_path().as_str(), err.kind()));
    }
    out
}

fn removal(pointer: &str, kind: &K) -> Removal {
    match kind {
        K::AdditionalProperties { unexpected } => {
            Removal::Keys(pointer.to_string(), unexpected.clone())
        }
        K::PropertyNames { .. } => Removal::BadNames(pointer.to_string()),
        _ => Removal::At(pointer.to_string()),
    }
}

/// A component checked against the type it names, whose errors say what to remove; without a
/// known type it goes whole.
fn component_removals(instance: &Value, section: &str, pointer: &str) -> Vec<Removal> {
    let kind = instance.get("type").and_then(Value::as_str).unwrap_or("");
    let Some(kind) = validators::kind(section, kind) else {
        return vec![Removal::At(pointer.to_string())];
    };
    kind.validator()
        .iter_errors(instance)
        .map(|err| {
            let inner = format!("{pointer}{}", err.instance_path().as_str());
            removal(&inner, err.kind())
        })
        .collect()
}

/// Applies one removal; `None` if it would remove a required top-level setting.
fn apply(value: &mut Value, r: Removal, dropped: &mut BTreeSet<String>) -> Option<()> {
    match r {
        Removal::Keys(pointer, keys) => {
            if let Some(Value::Object(map)) = value.pointer_mut(&pointer) {
                for k in &keys {
                    map.shift_remove(k);
                }
            }
            Some(())
        }
        Removal::BadNames(pointer) => {
            let pattern = schema_at(&pointer, "")
                .and_then(|n| n["propertyNames"]["pattern"].as_str())
                .and_then(|p| jsonschema::draft7::new(&json!({ "pattern": p })).ok());
            if let (Some(re), Some(Value::Object(map))) = (pattern, value.pointer_mut(&pointer)) {
                let bad: Vec<String> = map
                    .keys()
                    .filter(|k| !re.is_valid(&json!(k)))
                    .cloned()
                    .collect();
                for k in &bad {
                    map.shift_remove(k);
                }
                if section_pointer(&pointer).is_some() {
                    dropped.extend(bad);
                }
            }
            Some(())
        }
        Removal::At(pointer) => remove_at(value, &pointer, dropped),
    }
}

/// Removes the node at `pointer`: inside a component, the setting that holds it (or the whole
/// component when that setting is `type` or required); at the top, an optional setting.
fn remove_at(value: &mut Value, pointer: &str, dropped: &mut BTreeSet<String>) -> Option<()> {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    match segments.as_slice() {
        [] => None,
        [section, id, rest @ ..] if SECTIONS.iter().any(|(s, _)| s == section) => {
            let id = unescape(id);
            let comp_ptr = format!("/{section}/{}", pointer_segment(&id));
            let kind = value
                .pointer(&comp_ptr)
                .and_then(|c| c.get("type"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let setting = rest.first().map(|s| unescape(s));
            let required = |name: &str| {
                schema_at(&comp_ptr, &kind)
                    .and_then(|n| n["required"].as_array())
                    .is_some_and(|r| r.iter().any(|k| k == name))
            };
            match setting {
                Some(name) if name != "type" && !required(&name) => {
                    if let Some(Value::Object(c)) = value.pointer_mut(&comp_ptr) {
                        c.shift_remove(&name);
                    }
                }
                _ => {
                    if let Some(Value::Object(s)) = value.pointer_mut(&format!("/{section}")) {
                        s.shift_remove(&id);
                    }
                    dropped.insert(id);
                }
            }
            Some(())
        }
        [top, ..] => {
            let top = unescape(top);
            if matches!(top.as_str(), "version" | "name" | "region") {
                return None;
            }
            if let Value::Object(map) = value {
                if let Some(Value::Object(section)) = map.get(&top)
                    && SECTIONS.iter().any(|(s, _)| *s == top)
                {
                    dropped.extend(section.keys().cloned());
                }
                map.shift_remove(&top);
            }
            Some(())
        }
    }
}

/// Removes every component that names a removed one (in `inputs` or `failure_bucket`), until
/// none does.
fn drop_dependents(value: &mut Value, dropped: &mut BTreeSet<String>) {
    loop {
        let mut more = Vec::new();
        for (section, _) in SECTIONS {
            let Some(Value::Object(comps)) = value.get(section) else {
                continue;
            };
            for (id, c) in comps {
                let refs = c
                    .get("inputs")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .map(|i| i.get("from").unwrap_or(i))
                    .chain(c.get("failure_bucket"))
                    .filter_map(Value::as_str);
                if refs.into_iter().any(|r| dropped.contains(r)) {
                    more.push((section, id.clone()));
                }
            }
        }
        if more.is_empty() {
            return;
        }
        for (section, id) in more {
            if let Some(Value::Object(comps)) = value.get_mut(section) {
                comps.shift_remove(&id);
            }
            dropped.insert(id);
        }
    }
}

/// `/sources` → "sources".
fn section_pointer(pointer: &str) -> Option<&str> {
    let s = pointer.strip_prefix('/')?;
    SECTIONS.iter().find(|(n, _)| *n == s).map(|(n, _)| *n)
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}
