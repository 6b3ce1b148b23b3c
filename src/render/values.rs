//! Building blocks of template values: HCL expressions, template strings, maps.

use std::collections::BTreeMap;

use minijinja::Value;

use crate::hcl::quote;

/// An HCL expression pipelinec built (a reference, a template string with escaped pieces):
/// printed as it is.
pub fn expr(s: impl Into<String>) -> Value {
    Value::from_safe_string(s.into())
}

/// `"…"` around an already-escaped template body.
pub fn tmpl(body: String) -> Value {
    expr(format!("\"{body}\""))
}

/// One entry of an HCL map a template prints line by line: the key quoted and escaped.
pub fn entry(key: &str, value: Value) -> Value {
    obj(BTreeMap::from([
        ("key", expr(quote(key))),
        ("value", value),
    ]))
}

/// An HCL map of the spec's string values and the expressions pipelinec adds, sorted by key
/// (stable, so a spec value comes before an injected one of the same key).
pub fn merged_entries(
    spec: &indexmap::IndexMap<String, String>,
    added: Vec<(String, String)>,
) -> Value {
    let mut all: Vec<(String, Value)> = spec
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(v.clone())))
        .chain(added.into_iter().map(|(k, e)| (k, expr(e))))
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    Value::from(
        all.into_iter()
            .map(|(k, v)| entry(&k, v))
            .collect::<Vec<_>>(),
    )
}

/// A template map from pairs.
pub fn obj<K: Into<String>>(m: BTreeMap<K, Value>) -> Value {
    Value::from(
        m.into_iter()
            .map(|(k, v)| (k.into(), v))
            .collect::<BTreeMap<String, Value>>(),
    )
}
