//! The validators behind [`super::validate`], built so that a process pays only for the
//! component kinds its spec uses, however many kinds exist.
//!
//! - [`is_valid`]: the committed schema compiled into Rust when pipelinec is built (jsonschema's
//!   `validator` macro). It answers the common question, "is this spec valid?", with no set-up
//!   at run time: compiling the schema at run time cost about 4 ms per process, most of a
//!   `validate` run.
//! - When the answer is no, run-time validators explain why, with the diagnostics users know.
//!   The generated validator cannot do that: its errors are shaped differently (a `propertyNames`
//!   failure comes out as a bare `pattern` error, `oneOf` contexts in another order). They are
//!   compiled on first use: [`top`], the spec without its components, and one per component kind
//!   ([`Kind::validator`]), holding only that kind's branch and the definitions it refers to. A
//!   component is checked against the kind its `type` names, so a spec with errors compiles the
//!   top level and the kinds it uses, and a kind added to the spec costs nothing where unused.
//!
//! Both read the committed `specs/pipelinec.schema.json`, the file editors get; `tests/render.rs`
//! fails when it is not what [`super::schema`] generates from the spec types.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::SECTIONS;

/// The committed schema's text.
const COMMITTED: &str = include_str!("../../specs/pipelinec.schema.json");

/// The committed schema, compiled into Rust at build time.
#[jsonschema::validator(path = "specs/pipelinec.schema.json", draft = jsonschema::Draft::Draft7)]
struct Generated;

/// Whether `value` is a valid spec. No set-up: see the module comment.
pub fn is_valid(value: &Value) -> bool {
    Generated::is_valid(value)
}

/// The committed schema as a value (parsed on first use: only specs with errors need it).
pub fn schema() -> &'static Value {
    static CELL: OnceLock<Value> = OnceLock::new();
    CELL.get_or_init(|| serde_json::from_str(COMMITTED).expect("the committed schema is JSON"))
}

/// The schema without the components: each section accepts any value under any valid id.
pub fn top() -> &'static jsonschema::Validator {
    static CELL: OnceLock<jsonschema::Validator> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut top = schema().clone();
        if let Value::Object(root) = &mut top {
            root.remove("definitions");
        }
        for (section, _) in SECTIONS {
            if let Some(Value::Object(s)) = top.pointer_mut(&format!("/properties/{section}")) {
                s.remove("additionalProperties");
            }
        }
        jsonschema::draft7::new(&top).expect("the top-level schema compiles")
    })
}

/// One component kind: a branch of its section's `oneOf`.
pub struct Kind {
    pub section: &'static str,
    /// Its `type` value.
    pub name: String,
    branch: &'static Value,
    validator: OnceLock<jsonschema::Validator>,
}

impl Kind {
    /// This kind's validator, compiled on first use.
    pub fn validator(&self) -> &jsonschema::Validator {
        self.validator.get_or_init(|| {
            let mut schema = self.branch.clone();
            let definitions = used_definitions(self.branch);
            if !definitions.is_empty() {
                schema["definitions"] = Value::Object(definitions);
            }
            jsonschema::draft7::new(&schema).expect("a component kind's schema compiles")
        })
    }
}

/// Every component kind, in schema order.
pub fn kinds() -> &'static [Kind] {
    static CELL: OnceLock<Vec<Kind>> = OnceLock::new();
    CELL.get_or_init(|| {
        let definitions = &schema()["definitions"];
        SECTIONS
            .iter()
            .flat_map(|&(section, def)| {
                let branches = definitions[def]["oneOf"].as_array().into_iter().flatten();
                branches.map(move |branch| Kind {
                    section,
                    name: branch["properties"]["type"]["const"]
                        .as_str()
                        .expect("every component variant has a type const")
                        .to_string(),
                    branch,
                    validator: OnceLock::new(),
                })
            })
            .collect()
    })
}

/// The kind named `name` in `section`.
pub fn kind(section: &str, name: &str) -> Option<&'static Kind> {
    kinds()
        .iter()
        .find(|k| k.section == section && k.name == name)
}

/// The definitions `node` refers to, directly or through other definitions, in schema order.
fn used_definitions(node: &Value) -> Map<String, Value> {
    fn refs<'a>(node: &'a Value, out: &mut Vec<&'a str>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref")
                    && let Some(name) = r.strip_prefix("#/definitions/")
                    && !out.contains(&name)
                {
                    out.push(name);
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let all = &schema()["definitions"];
    let mut names = Vec::new();
    refs(node, &mut names);
    let mut i = 0;
    while let Some(name) = names.get(i) {
        refs(&all[*name], &mut names);
        i += 1;
    }
    all.as_object()
        .into_iter()
        .flatten()
        .filter(|(name, _)| names.contains(&name.as_str()))
        .map(|(name, def)| (name.clone(), def.clone()))
        .collect()
}
