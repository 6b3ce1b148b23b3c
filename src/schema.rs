//! The JSON Schema of the spec: generated from [`crate::spec`], committed as
//! `specs/pipelinec.schema.json`, and used to validate every spec before semantic checks.

use std::sync::OnceLock;

use serde_json::{Map, Value, json};

use crate::diagnostic::Diagnostic;
use crate::source::Document;
use crate::spec::Spec;

mod salvage;
mod validators;
pub use salvage::salvage;

/// The sections of a spec that hold components, with the schema definition of each.
pub const SECTIONS: [(&str, &str); 4] = [
    ("sources", "Source"),
    ("transforms", "Transform"),
    ("sinks", "Sink"),
    ("site", "Site"),
];

/// The schema as a JSON value (draft-07: the newest draft yaml-language-server supports).
pub fn schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<Spec>().to_value();
    tidy(&mut schema);
    inline_enums(&mut schema);
    add_markdown(&mut schema);
    canonical_order(&mut schema, false);
    schema
}

/// Unit enums come out of schemars as a `oneOf` of documented `const`s behind a `$ref`. Editors
/// then show the chosen value's description on hover instead of the field's. Each such enum is
/// inlined into the fields that use it as `enum` plus `markdownEnumDescriptions` (which
/// yaml-language-server and VS Code show beside each value), and the definition is dropped.
fn inline_enums(schema: &mut Value) {
    let Some(Value::Object(defs)) = schema.get("definitions").cloned() else {
        return;
    };
    let mut enums = Map::new();
    for (name, def) in &defs {
        let Some(branches) = def.get("oneOf").and_then(Value::as_array) else {
            continue;
        };
        let values: Option<Vec<(Value, String)>> = branches
            .iter()
            .map(|b| {
                let c = b.get("const").filter(|c| c.is_string())?.clone();
                let d = b.get("description").and_then(Value::as_str).unwrap_or("");
                Some((
                    c.clone(),
                    format!("`{}`: {d}", c.as_str().unwrap_or_default()),
                ))
            })
            .collect();
        if let Some(values) = values {
            enums.insert(
                name.clone(),
                json!({
                    "type": "string",
                    "enum": values.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>(),
                    "markdownEnumDescriptions": values.iter().map(|(_, d)| d.clone()).collect::<Vec<_>>(),
                }),
            );
        }
    }
    fn walk(node: &mut Value, enums: &Map<String, Value>) {
        match node {
            Value::Object(map) => {
                let target = match (map.get("allOf"), map.get("$ref")) {
                    (Some(Value::Array(all)), _) if all.len() == 1 => all[0].get("$ref").cloned(),
                    (_, Some(r)) => Some(r.clone()),
                    _ => None,
                };
                if let Some(Value::String(r)) = target
                    && let Some(Value::Object(e)) =
                        enums.get(r.trim_start_matches("#/definitions/"))
                {
                    map.remove("allOf");
                    map.remove("$ref");
                    for (k, v) in e {
                        map.insert(k.clone(), v.clone());
                    }
                }
                for v in map.values_mut() {
                    walk(v, enums);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, enums)),
            _ => {}
        }
    }
    walk(schema, &enums);
    if let Some(Value::Object(defs)) = schema.get_mut("definitions") {
        defs.retain(|name, _| !enums.contains_key(name));
    }
}

/// Every description is Markdown (it quotes keys and values in backticks): say so, for editors
/// that render `markdownDescription`.
fn add_markdown(node: &mut Value) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(d)) = map.get("description").cloned()
                && d.contains('`')
            {
                map.insert("markdownDescription".into(), Value::String(d));
            }
            for (k, v) in map.iter_mut() {
                if k != "markdownEnumDescriptions" {
                    add_markdown(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(add_markdown),
        _ => {}
    }
}

/// Sorts schema keywords by name so the output is the same in every process (schemars applies
/// `extend` attributes through a hash map). Property and definition maps keep their order:
/// that of the Rust fields, which editors show.
fn canonical_order(node: &mut Value, keep: bool) {
    match node {
        Value::Object(map) => {
            if !keep {
                map.sort_keys();
            }
            for (k, v) in map.iter_mut() {
                let names = !keep && matches!(k.as_str(), "properties" | "definitions");
                canonical_order(v, names);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| canonical_order(v, false)),
        _ => {}
    }
}

/// The schema as committed: pretty JSON with a trailing newline.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("schema serialises");
    text.push('\n');
    text
}

/// Editor-facing polish schemars cannot express: describe the `type` discriminator of every
/// component, unwrap doc-comment line breaks, and drop Rust integer `format`s that JSON Schema
/// tools do not know.
fn tidy(node: &mut Value) {
    match node {
        Value::Object(map) => {
            if map.get("format").is_some_and(Value::is_string) {
                map.remove("format");
            }
            if let Some(Value::String(d)) = map.get_mut("description") {
                *d = unwrap_lines(d);
            }
            if let Some(Value::Object(props)) = map.get_mut("properties")
                && let Some(Value::Object(ty)) = props.get_mut("type")
                && let Some(Value::String(kind)) = ty.get("const").cloned()
            {
                ty.insert(
                    "description".into(),
                    Value::String(format!("Component type: `{kind}`.")),
                );
            }
            for v in map.values_mut() {
                tidy(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(|para| para.split('\n').collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Component types allowed in `section`.
pub fn section_types(section: &str) -> &'static [String] {
    static CELL: OnceLock<Vec<(&str, Vec<String>)>> = OnceLock::new();
    let types = CELL.get_or_init(|| {
        SECTIONS
            .iter()
            .map(|&(s, _)| {
                let kinds = validators::kinds().iter().filter(|k| k.section == s);
                (s, kinds.map(|k| k.name.clone()).collect())
            })
            .collect()
    });
    types
        .iter()
        .find(|(s, _)| *s == section)
        .map(|(_, t)| t.as_slice())
        .unwrap_or(&[])
}

/// Validates a document against the schema; every error becomes a located diagnostic.
pub fn validate(doc: &Document) -> Vec<Diagnostic> {
    if validators::is_valid(&doc.value) {
        debug_assert!(
            explain(doc).is_empty(),
            "the generated and the run-time validators disagree"
        );
        return Vec::new();
    }
    explain(doc)
}

/// The diagnostics of a document the schema refuses: its components', checked each against the
/// kind it names, then the top level's. Components come first because a component's problem and
/// its invalid id can share a position, and diagnostics keep this order among equal positions.
fn explain(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (section, id, component) in components(&doc.value) {
        let pointer = format!("/{section}/{id}");
        out.extend(explain_component(doc, section, &id, &pointer, component));
    }
    for err in validators::top().iter_errors(&doc.value) {
        let pointer = err.instance_path().as_str().to_string();
        out.extend(to_diagnostics(doc, &err, &pointer, ""));
    }
    out.sort_by_key(|d| d.offset());
    out.dedup();
    out
}

/// Every component of a spec value: its section, its id as a JSON pointer segment, its value.
fn components(value: &Value) -> impl Iterator<Item = (&'static str, String, &Value)> {
    SECTIONS.iter().flat_map(move |&(section, _)| {
        let comps = value.get(section).and_then(Value::as_object);
        comps
            .into_iter()
            .flatten()
            .map(move |(id, c)| (section, crate::source::pointer_segment(id), c))
    })
}

/// `/sources/<id>` → ("sources", id).
fn component_pointer(pointer: &str) -> Option<(&str, &str)> {
    let mut parts = pointer.strip_prefix('/')?.split('/');
    let (section, id) = (parts.next()?, parts.next()?);
    if parts.next().is_some() || !SECTIONS.iter().any(|(s, _)| *s == section) {
        return None;
    }
    Some((section, id))
}

/// The diagnostics of one component (none when it is valid): checked against the kind its
/// `type` names, or told what a component needs when it names none of its section's kinds.
fn explain_component(
    doc: &Document,
    section: &str,
    id: &str,
    pointer: &str,
    instance: &Value,
) -> Vec<Diagnostic> {
    let kind_str = instance.get("type").and_then(Value::as_str).unwrap_or("");
    let Some(kind) = validators::kind(section, kind_str) else {
        return vec![untyped_component(doc, section, id, pointer, instance)];
    };
    let validator = kind.validator();
    if validator.is_valid(instance) {
        return Vec::new();
    }
    validator
        .iter_errors(instance)
        .flat_map(|err| {
            let inner = err.instance_path().as_str().to_string();
            to_diagnostics(doc, &err, &format!("{pointer}{inner}"), kind_str)
        })
        .collect()
}

/// The diagnostic of a component that is not a mapping, has no `type`, or names a type its
/// section does not have.
fn untyped_component(
    doc: &Document,
    section: &str,
    id: &str,
    pointer: &str,
    instance: &Value,
) -> Diagnostic {
    let allowed = section_types(section);
    let list = allowed
        .iter()
        .map(|t| format!("`{t}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let Some(obj) = instance.as_object() else {
        return Diagnostic::new(
            "schema",
            format!("component `{id}` must be a mapping with a `type`"),
        )
        .with_label(doc.value_span(pointer), "not a mapping")
        .with_help(format!(
            "give it `type:` (one of {list}) and that type's settings"
        ));
    };
    let Some(kind) = obj.get("type") else {
        return Diagnostic::new("missing-type", format!("component `{id}` has no `type`"))
            .with_label(doc.key_span(pointer), "needs a `type`")
            .with_help(format!("{section} can be of type {list}"));
    };
    let kind_str = kind.as_str().unwrap_or_default();
    let type_ptr = format!("{pointer}/type");
    let mut help = format!("{section} can be of type {list}");
    if let Some(near) = crate::suggest::closest(kind_str, allowed.iter().map(String::as_str)) {
        help = format!("did you mean `{near}`? {help}");
    }
    let elsewhere = SECTIONS
        .iter()
        .find(|(s, _)| *s != section && section_types(s).iter().any(|t| t == kind_str));
    if let Some((other, _)) = elsewhere {
        help = format!("`{kind_str}` components belong under `{other}:`, not `{section}:`");
    }
    Diagnostic::new(
        "unknown-type",
        format!("`{kind_str}` is not a component type allowed in `{section}`"),
    )
    .with_label(doc.value_span(&type_ptr), "unknown type")
    .with_help(help)
}

/// The diagnostics of one schema error: one per unknown key, else one.
fn to_diagnostics(
    doc: &Document,
    err: &jsonschema::ValidationError<'_>,
    pointer: &str,
    kind: &str,
) -> Vec<Diagnostic> {
    use jsonschema::error::ValidationErrorKind as K;
    match err.kind() {
        K::AdditionalProperties { unexpected } => unexpected
            .iter()
            .map(|key| unknown_key(doc, key, pointer, kind))
            .collect(),
        K::OneOfNotValid { .. } | K::AnyOf { .. } => match optional_branch_error(err) {
            Some(inner) => {
                let prefix = &pointer[..pointer.len() - err.instance_path().as_str().len()];
                let inner_ptr = format!("{prefix}{}", inner.instance_path().as_str());
                to_diagnostics(doc, inner, &inner_ptr, kind)
            }
            None => vec![to_diagnostic(doc, err, pointer, kind)],
        },
        _ => vec![to_diagnostic(doc, err, pointer, kind)],
    }
}

/// An optional setting is `anyOf: [<its schema>, null]`: when only one branch fails for a
/// reason other than the value's type, that reason is the one to report.
fn optional_branch_error<'e>(
    err: &'e jsonschema::ValidationError<'_>,
) -> Option<&'e jsonschema::ValidationError<'e>> {
    use jsonschema::error::ValidationErrorKind as K;
    let (K::OneOfNotValid { context } | K::AnyOf { context }) = err.kind() else {
        return None;
    };
    let real: Vec<_> = context
        .iter()
        .filter(|errs| !errs.iter().all(|e| matches!(e.kind(), K::Type { .. })))
        .flat_map(|errs| errs.first())
        .collect();
    match real.as_slice() {
        [inner] => Some(inner),
        _ => None,
    }
}

/// `key` is not a setting of the object at `pointer`.
fn unknown_key(doc: &Document, key: &str, pointer: &str, kind: &str) -> Diagnostic {
    let what = describe(pointer);
    let key_ptr = format!("{pointer}/{}", crate::source::pointer_segment(key));
    if key == "inputs" && component_pointer(pointer).is_some() {
        return Diagnostic::new("no-inputs", format!("`{kind}` components take no inputs"))
            .with_label(doc.key_span(&key_ptr), "not accepted here")
            .with_help(format!(
                "data flows out of a `{kind}`: list `{}` under `inputs` of the components \
                     that consume it instead",
                last_segment(pointer)
            ));
    }
    let known = known_keys(pointer, kind);
    let listed: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    let mut help = format!("allowed keys here: {}", listed.join(", "));
    if let Some(near) = crate::suggest::closest(key, known.iter().map(String::as_str)) {
        help = format!("did you mean `{near}`? {help}");
    }
    Diagnostic::new("unknown-key", format!("unknown key `{key}` in {what}"))
        .with_label(doc.key_span(&key_ptr), "not a known setting")
        .with_help(help)
}

fn to_diagnostic(
    doc: &Document,
    err: &jsonschema::ValidationError<'_>,
    pointer: &str,
    kind: &str,
) -> Diagnostic {
    use jsonschema::error::ValidationErrorKind as K;
    let what = describe(pointer);
    match err.kind() {
        K::PropertyNames { .. } => {
            let names = doc.value.pointer(pointer).and_then(Value::as_object);
            let pattern = schema_at(pointer, kind)
                .and_then(|n| n["propertyNames"]["pattern"].as_str().map(String::from))
                .unwrap_or_default();
            let re = jsonschema::draft7::new(&json!({ "pattern": pattern })).ok();
            let bad = names
                .into_iter()
                .flat_map(|m| m.keys())
                .find(|k| re.as_ref().is_some_and(|r| !r.is_valid(&json!(k))))
                .cloned()
                .unwrap_or_default();
            let key_ptr = format!("{pointer}/{}", crate::source::pointer_segment(&bad));
            if pattern != crate::spec::ID_PATTERN {
                // Keys of a setting's map (an API's routes): say what the setting wants.
                let wants = schema_at(pointer, kind)
                    .and_then(|n| n["description"].as_str().map(String::from))
                    .unwrap_or_else(|| format!("keys matching `{pattern}`"));
                return Diagnostic::new(
                    "invalid-key",
                    format!("`{bad}` is not a valid key in {what}"),
                )
                .with_label(doc.key_span(&key_ptr), "invalid key")
                .with_help(format!("{what} takes: {wants}"));
            }
            Diagnostic::new(
                "invalid-id",
                format!("`{bad}` is not a valid name in {what}"),
            )
            .with_label(doc.key_span(&key_ptr), "invalid name")
            .with_help(
                "use lowercase letters, digits and `_`, starting with a letter \
                     (ids become Terraform module names and parts of AWS names)",
            )
        }
        K::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            Diagnostic::new("missing-key", format!("{what} is missing `{name}`"))
                .with_label(doc.key_span(pointer), format!("`{name}` is required here"))
                .with_help(field_help(pointer, kind, name))
        }
        K::Enum { options } => {
            let opts: Vec<String> = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| v.as_str().map(String::from).unwrap_or(v.to_string()))
                        .collect()
                })
                .unwrap_or_default();
            let help = allowed_values_help(doc, pointer, &opts);
            Diagnostic::new("invalid-value", format!("invalid value for {what}"))
                .with_label(doc.value_span(pointer), "not an allowed value")
                .with_help(help)
        }
        K::OneOfNotValid { .. } | K::AnyOf { .. } => {
            let opts = enum_consts(pointer, kind);
            let shapes = object_shapes(pointer, kind);
            let help = match (opts.is_empty(), shapes.is_empty()) {
                (true, true) => "see `pipelinec schema` for the allowed shapes".to_string(),
                (true, false) => format!("allowed: {}", shapes.join(", ")),
                (false, true) => allowed_values_help(doc, pointer, &opts),
                (false, false) => format!(
                    "{}, or {}",
                    allowed_values_help(doc, pointer, &opts),
                    shapes.join(", ")
                ),
            };
            Diagnostic::new("invalid-value", format!("invalid value for {what}"))
                .with_label(doc.value_span(pointer), "not an allowed value")
                .with_help(help)
        }
        _ => {
            let msg = err.to_string();
            Diagnostic::new("invalid-value", format!("invalid value for {what}: {msg}"))
                .with_label(doc.value_span(pointer), "invalid")
                .with_help(field_help(pointer, kind, last_segment(pointer)))
        }
    }
}

/// "allowed values: `a`, `b`", led by a did-you-mean for the value at `pointer` when one is close.
/// A number gets the allowed numbers on either side of it instead: `10` is not a typo of `1`.
fn allowed_values_help(doc: &Document, pointer: &str, allowed: &[String]) -> String {
    let value = doc.value.pointer(pointer);
    let list = allowed
        .iter()
        .map(|o| format!("`{o}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(n) = value.and_then(Value::as_f64) {
        let numbers: Vec<(f64, &String)> = allowed
            .iter()
            .filter_map(|a| Some((a.parse::<f64>().ok()?, a)))
            .collect();
        let below = numbers
            .iter()
            .filter(|(v, _)| *v < n)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let above = numbers
            .iter()
            .filter(|(v, _)| *v > n)
            .min_by(|a, b| a.0.total_cmp(&b.0));
        return match (below, above) {
            (Some((_, b)), Some((_, a))) => {
                format!("allowed values: {list}; the nearest are `{b}` and `{a}`")
            }
            (Some((_, x)), None) | (None, Some((_, x))) => {
                format!("allowed values: {list}; the nearest is `{x}`")
            }
            (None, None) => format!("allowed values: {list}"),
        };
    }
    let actual = value.and_then(Value::as_str).unwrap_or("");
    match crate::suggest::closest(actual, allowed.iter().map(String::as_str)) {
        Some(n) => format!("did you mean `{n}`? allowed values: {list}"),
        None => format!("allowed values: {list}"),
    }
}

fn last_segment(pointer: &str) -> &str {
    pointer.rsplit('/').next().unwrap_or("")
}

/// Human words for a JSON pointer: `/sources/s/mode` → "`sources.s.mode`".
fn describe(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the spec".to_string();
    }
    // Keys are unescaped (`POST /clicks`, not `POST ~1clicks`): the user wrote them so.
    let keys: Vec<String> = pointer
        .trim_start_matches('/')
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    format!("`{}`", keys.join("."))
}

/// The schema node describing the object at `pointer`, resolving `$ref`s and component types.
/// Borrowed from the compiled schema: this runs once per schema error, and a spec can have
/// tens of thousands.
fn schema_at(pointer: &str, kind: &str) -> Option<&'static Value> {
    let root = validators::schema();
    let defs = &root["definitions"];
    let resolve = |mut node: &'static Value| -> &'static Value {
        for _ in 0..8 {
            let next = if let Some(r) = node.get("$ref").and_then(Value::as_str) {
                &defs[r.trim_start_matches("#/definitions/")]
            } else if let Some(Value::Array(all)) = node.get("allOf") {
                &all[0]
            } else if let Some(Value::Array(any)) = node.get("anyOf") {
                match any.iter().find(|v| v.get("type") != Some(&json!("null"))) {
                    Some(v) => v,
                    None => return node,
                }
            } else {
                return node;
            };
            node = next;
        }
        node
    };
    let mut node = root;
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        let raw = node;
        node = resolve(node);
        if i == 1 && SECTIONS.iter().any(|(s, _)| *s == segments[0]) {
            let section = resolve(node.get("additionalProperties")?);
            let branches = section.get("oneOf")?.as_array()?;
            node = branches
                .iter()
                .find(|b| b["properties"]["type"]["const"] == json!(kind))?;
            continue;
        }
        // A value of several shapes (an `inputs` entry: an id, or `{ from, access }`): step
        // into the shape that has this key.
        if node.get("properties").and_then(|p| p.get(*seg)).is_none() {
            let mut bare = raw;
            while let Some(r) = bare.get("$ref").and_then(Value::as_str) {
                bare = &defs[r.trim_start_matches("#/definitions/")];
            }
            if let Some(shape) = bare
                .get("anyOf")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(resolve)
                .find(|b| b.get("properties").and_then(|p| p.get(*seg)).is_some())
            {
                node = shape;
            }
        }
        node = if let Some(p) = node.get("properties").and_then(|p| p.get(*seg)) {
            p
        } else if let Some(items) = node.get("items") {
            items
        } else {
            node.get("additionalProperties").filter(|v| v.is_object())?
        };
    }
    Some(resolve(node))
}

fn known_keys(pointer: &str, kind: &str) -> Vec<String> {
    schema_at(pointer, kind)
        .and_then(|n| n.get("properties").and_then(Value::as_object))
        .map(|p: &Map<String, Value>| p.keys().cloned().collect())
        .unwrap_or_default()
}

fn enum_consts(pointer: &str, kind: &str) -> Vec<String> {
    let Some(node) = schema_at(pointer, kind) else {
        return Vec::new();
    };
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        return values
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect();
    }
    node.get("oneOf")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|b| b.get("const").and_then(Value::as_str).map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The mapping shapes a `oneOf` allows beside its constants, by their required keys: a
/// `build` value is `auto`, `none`, or `{ command: … }`.
fn object_shapes(pointer: &str, kind: &str) -> Vec<String> {
    let Some(node) = schema_at(pointer, kind) else {
        return Vec::new();
    };
    node.get("oneOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|b| b.get("type") == Some(&json!("object")))
        .filter_map(|b| {
            let keys: Vec<String> = b
                .get("required")?
                .as_array()?
                .iter()
                .filter_map(|k| Some(format!("{}: …", k.as_str()?)))
                .collect();
            Some(format!("`{{ {} }}`", keys.join(", ")))
        })
        .collect()
}

fn field_help(pointer: &str, kind: &str, name: &str) -> String {
    let field = schema_at(&format!("{pointer}/{name}"), kind)
        .or_else(|| schema_at(pointer, kind))
        .and_then(|n| {
            n.get("description")
                .and_then(Value::as_str)
                .map(String::from)
        });
    match field {
        Some(d) if name.is_empty() => d,
        Some(d) => format!("`{name}`: {d}"),
        None => "see `pipelinec schema` for the allowed shape".to_string(),
    }
}
