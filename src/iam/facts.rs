//! Facts: what the edge table's templates are filled with. Each kind offers its facts through
//! [`super::KindIam::facts`], built with the helpers of [`FactCx`], so every value carries the
//! spec text it came from (and a wildcard in it can be reported there).

use crate::hcl;
use crate::model::{Component, Project};
use crate::naming;

/// Where a piece of spec text sits in the spec.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// JSON pointer of the value (or of the map entry, for a key).
    pub pointer: String,
    /// Whether the text is the entry's key (a component id, a table name) rather than its value.
    pub key: bool,
    /// The text as written.
    pub text: String,
}

/// One value of a fact: an HCL template string body, and the spec text spliced into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub body: String,
    pub from: Vec<Origin>,
    /// The one component at the edge's other end this value is about, if it is about one
    /// edge only (the routes of an API that reach one function): an edge to any other
    /// component does not see it.
    pub peer: Option<String>,
}

impl Fact {
    /// A spec value taken as it is.
    pub fn spec(text: &str, pointer: impl Into<String>, key: bool) -> Fact {
        Fact {
            body: hcl::template_literal(text),
            from: vec![Origin {
                pointer: pointer.into(),
                key,
                text: text.to_string(),
            }],
            peer: None,
        }
    }
}

/// The facts of one component: name → values.
pub type Facts = Vec<(&'static str, Vec<Fact>)>;

/// `arn:<partition>:<service>:<region>:<account>:<resource>` as an HCL template string body.
pub fn arn(service: &str, resource: &str) -> String {
    format!("arn:${{local.partition}}:{service}:${{local.region}}:${{local.account_id}}:{resource}")
}

/// The ARN of a bucket pipelinec names (account suffix included).
pub fn bucket_arn(stem: &str) -> String {
    format!(
        "arn:${{local.partition}}:s3:::{}{}",
        hcl::template_literal(stem),
        crate::naming::Suffix::AccountRegion.template()
    )
}

/// One component whose facts are being built, with the project around it.
pub struct FactCx<'a> {
    pub project: &'a Project,
    pub c: &'a Component,
}

impl FactCx<'_> {
    /// Where a name built from the project name and the component id comes from.
    pub fn named_from(&self) -> Vec<Origin> {
        vec![
            Origin {
                pointer: "/name".into(),
                key: false,
                text: self.project.name.clone(),
            },
            Origin {
                pointer: self.c.pointer.clone(),
                key: true,
                text: self.c.id.to_string(),
            },
        ]
    }

    /// A value built from the project name and the component id.
    pub fn named(&self, body: String) -> Fact {
        Fact {
            body,
            from: self.named_from(),
            peer: None,
        }
    }

    /// `<project>-<id>`, escaped for a template.
    pub fn base(&self) -> String {
        hcl::template_literal(&naming::base(&self.project.name, &self.c.id))
    }

    /// A field's value as the spec has it (`name` may hold `/`).
    pub fn field(&self, name: &str, text: &str) -> Fact {
        Fact::spec(text, format!("{}/{name}", self.c.pointer), false)
    }

    /// A setting with a default derived from the id: the spec's value when given.
    pub fn or_id(&self, name: &str, given: &Option<String>, default: String) -> Fact {
        match given {
            Some(v) => self.field(name, v),
            None => Fact {
                body: hcl::template_literal(&default),
                from: self.named_from().split_off(1),
                peer: None,
            },
        }
    }

    /// The ARN of the resource the component stands for (its `existing:`), carrying the spec
    /// text that names it.
    pub fn existing_arn(&self, e: &crate::semantic::ExistingRef<'_>) -> Fact {
        Fact {
            body: e.arn_template(),
            from: vec![Origin {
                pointer: format!("{}/{}", self.c.pointer, e.field()),
                key: false,
                text: e.arn.or(e.name).unwrap_or_default().to_string(),
            }],
            peer: None,
        }
    }

    /// A customer key ARN the spec names, if it names one.
    pub fn key_arn(&self, name: &str, key: &Option<String>) -> Vec<Fact> {
        key.iter().map(|k| self.field(name, k)).collect()
    }

    /// The facts of another component (the lake a function sends failures to).
    pub fn of(&self, other: &Component) -> Facts {
        super::facts(self.project, other)
    }
}

/// A fact that holds when `on`, with no value of its own (for a grant's `when`).
pub fn flag(on: bool) -> Vec<Fact> {
    if on {
        vec![Fact {
            body: "true".into(),
            from: Vec::new(),
            peer: None,
        }]
    } else {
        vec![]
    }
}

/// A fact with no spec text in it (an account-wide ARN).
pub fn fixed(body: String) -> Vec<Fact> {
    vec![Fact {
        body,
        from: Vec::new(),
        peer: None,
    }]
}

/// The facts of one end of an edge as the other end (`peer`) sees them: values about another
/// edge left out (see [`Fact::peer`]).
pub fn toward(facts: Facts, peer: &str) -> Facts {
    facts
        .into_iter()
        .map(|(name, values)| {
            let values = values
                .into_iter()
                .filter(|v| v.peer.as_deref().is_none_or(|p| p == peer))
                .collect();
            (name, values)
        })
        .collect()
}

/// The values of fact `name` in `facts` (none if it has none).
pub fn get(facts: &Facts, name: &str) -> Vec<Fact> {
    facts
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}
