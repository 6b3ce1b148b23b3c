//! The graph from the `inputs` lists: unknown and repeated inputs, edges the edge table does
//! not know, and cycles.

use std::collections::HashMap;

use indexmap::IndexMap;

use super::list;
use crate::diagnostic::Diagnostic;
use crate::edges::{self, Access};
use crate::graph::{Edge, Graph};
use crate::kinds::fields::Input;
use crate::model::{Component, ComponentId};
use crate::source::Document;
use crate::suggest;

/// Every resolved `inputs` entry, compatible or not: (from, to, pointer). Cycles are looked for
/// among these, so a cycle is reported even where its edges are also of the wrong kinds.
pub(super) type Links = Vec<(ComponentId, ComponentId, String)>;

pub(super) fn build_graph(
    components: &IndexMap<ComponentId, Component>,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) -> (Graph, Links) {
    let mut graph = Graph::new(components.keys());
    let mut links = Links::new();
    for c in components.values() {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, entry) in c.settings.inputs().iter().enumerate() {
            let input = entry.id();
            let pointer = format!("{}/inputs/{i}", c.pointer);
            let at = doc.value_span(&format!("{pointer}{}", entry.id_pointer()));
            if let Some(first) = seen.insert(input, i) {
                let first_at = &c.settings.inputs()[first];
                diags.push(
                    Diagnostic::new(
                        "duplicate-input",
                        format!("`{}` lists input `{input}` twice", c.id),
                    )
                    .with_label(at, "repeated here")
                    .with_related(
                        doc.value_span(&format!(
                            "{}/inputs/{first}{}",
                            c.pointer,
                            first_at.id_pointer()
                        )),
                        "first listed here",
                    )
                    .with_help("list it once; give every access it needs in one `access` list"),
                );
                continue;
            }
            let Some(from) = components.get(&ComponentId::new(input.to_string())) else {
                let ids = components.keys().map(ComponentId::as_str);
                let help = match suggest::closest(input, ids) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!(
                        "define a component `{input}` under `sources`, `transforms`, `sinks` or `site`, \
                         or use one of: {}",
                        list(components.keys().map(ComponentId::as_str))
                    ),
                };
                diags.push(
                    Diagnostic::new(
                        "unknown-input",
                        format!("`{}` has an input `{input}` that is not defined", c.id),
                    )
                    .with_label(at, "no component has this id")
                    .with_help(help),
                );
                continue;
            };
            links.push((from.id.clone(), c.id.clone(), pointer.clone()));
            let Some(default) = edges::edge(from.kind(), c.kind()) else {
                diags.push(incompatible(from, c, at));
                continue;
            };
            for access in accesses(entry, from, c, default.access, &pointer, doc, diags) {
                graph.add_edge(Edge {
                    from: from.id.clone(),
                    to: c.id.clone(),
                    access,
                    pointer: pointer.clone(),
                });
            }
        }
        for (field, target) in super::rules(&c.settings).targets() {
            let pointer = format!("{}/{field}", c.pointer);
            let at = doc.value_span(&pointer);
            let Some(to) = components.get(&ComponentId::new(target.to_string())) else {
                let ids = components.keys().map(ComponentId::as_str);
                let help = match suggest::closest(target, ids) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!(
                        "name one of: {}",
                        list(components.keys().map(ComponentId::as_str))
                    ),
                };
                diags.push(
                    Diagnostic::new(
                        "unknown-target",
                        format!("`{}` targets `{target}`, which is not defined", c.id),
                    )
                    .with_label(at, "no component has this id")
                    .with_help(help),
                );
                continue;
            };
            // Not a link for the cycle check: a component that starts others (a schedule)
            // takes no inputs, so no cycle runs through it.
            let rule = edges::edge(c.kind(), to.kind()).filter(|r| !r.access.is_flow());
            let Some(rule) = rule else {
                diags.push(cannot_name(c, to, &field, at));
                continue;
            };
            graph.add_edge(Edge {
                from: c.id.clone(),
                to: to.id.clone(),
                access: rule.access,
                pointer,
            });
        }
    }
    (graph, links)
}

/// The accesses an `inputs` entry grants: the pair's default without `access`, else one per
/// word, each checked against the pair's words (a pair without words takes no `access`).
fn accesses(
    entry: &Input,
    from: &Component,
    to: &Component,
    default: Access,
    pointer: &str,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Access> {
    if entry.access().is_empty() {
        return vec![default];
    }
    let words: Vec<&edges::Verb> = edges::verbs(from.kind(), to.kind()).collect();
    if words.is_empty() {
        diags.push(
            Diagnostic::new(
                "access-fixed",
                format!(
                    "a `{}` input of a `{}` means one thing ({}): `access` has nothing to choose",
                    from.kind(),
                    to.kind(),
                    default.as_str()
                ),
            )
            .with_label(doc.value_span(&format!("{pointer}/access")), "not needed")
            .with_help(format!("write the input as `{}`", from.id)),
        );
        return vec![default];
    }
    let mut out = Vec::new();
    for (j, word) in entry.access().iter().enumerate() {
        let at = doc.value_span(&format!("{pointer}/access/{j}"));
        let Some(v) = words.iter().find(|v| v.word == word.as_str()) else {
            let known = words
                .iter()
                .map(|v| format!("`{}` ({})", v.word, v.means))
                .collect::<Vec<_>>()
                .join(", ");
            diags.push(
                Diagnostic::new(
                    "unknown-access",
                    format!(
                        "`{word}` is not an access of a `{}` input of a `{}`",
                        from.kind(),
                        to.kind()
                    ),
                )
                .with_label(at, "unknown access")
                .with_help(format!("use {known}")),
            );
            continue;
        };
        if out.contains(&v.access) {
            diags.push(
                Diagnostic::new(
                    "duplicate-access",
                    format!("access `{word}` is listed twice"),
                )
                .with_label(at, "repeated here")
                .with_help("list each access once"),
            );
            continue;
        }
        out.push(v.access);
    }
    out
}

/// A component named in `field` whose kind the edge table does not let this one act on.
fn cannot_name(
    from: &Component,
    to: &Component,
    field: &str,
    at: std::ops::Range<usize>,
) -> Diagnostic {
    let accepted: Vec<&str> = edges::EDGES
        .iter()
        .filter(|r| r.from == from.kind() && !r.access.is_flow())
        .map(|r| r.to.as_str())
        .collect();
    let field = field.rsplit('/').next().unwrap_or(field);
    Diagnostic::new(
        "incompatible-target",
        format!(
            "`{}` ({}) cannot have `{}` ({}) as its `{field}`",
            from.id,
            from.kind(),
            to.id,
            to.kind()
        ),
    )
    .with_label(at, format!("a {} here cannot be a {}", field, to.kind()))
    .with_help(format!(
        "a `{}` names components of type {} outside `inputs`",
        from.kind(),
        list(accepted.into_iter())
    ))
}

fn incompatible(from: &Component, to: &Component, at: std::ops::Range<usize>) -> Diagnostic {
    let accepted: Vec<&str> = edges::EDGES
        .iter()
        .filter(|r| r.to == to.kind() && r.access.is_flow())
        .map(|r| r.from.as_str())
        .collect();
    let mut help = match edges::bridge(from.kind(), to.kind()) {
        Some(chain) => {
            let between = chain.iter().map(|k| format!("a `{k}`")).collect::<Vec<_>>();
            format!(
                "put {} between them: {} → {} → {}",
                between.join(" then "),
                from.kind(),
                chain
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(" → "),
                to.kind()
            )
        }
        None => format!("`{}` cannot feed `{}` in any chain", from.kind(), to.kind()),
    };
    help.push_str(&if accepted.is_empty() {
        format!("; `{}` takes no inputs", to.kind())
    } else {
        format!(
            "; `{}` accepts inputs of type {}",
            to.kind(),
            list(accepted.into_iter())
        )
    });
    Diagnostic::new(
        "incompatible-input",
        format!(
            "`{}` ({}) cannot take `{}` ({}) as an input",
            to.id,
            to.kind(),
            from.id,
            from.kind()
        ),
    )
    .with_label(at, format!("a {} cannot feed a {}", from.kind(), to.kind()))
    .with_help(help)
}

fn cycle_diagnostic(cycle: &[ComponentId], links: &Links, doc: &Document) -> Diagnostic {
    let mut path: Vec<&str> = cycle.iter().map(ComponentId::as_str).collect();
    path.push(cycle[0].as_str());
    let last = cycle.last().expect("cycles are non-empty");
    let closing = links
        .iter()
        .find(|(from, to, _)| from == last && *to == cycle[0])
        .map(|(_, _, pointer)| doc.value_span(pointer))
        .unwrap_or_else(|| doc.value_span(""));
    Diagnostic::new(
        "cycle",
        format!("data flows in a cycle: {}", path.join(" → ")),
    )
    .with_label(closing, "this input closes the cycle")
    .with_help("data must flow one way; remove one of these inputs")
}

/// A diagnostic for every cycle among the links, at the input that closes it.
///
/// A known edge out of a bucket (a catalog over a lake, a Glue job reading one) reads stored
/// objects under prefixes, not a flow of records: a job that reads `raw/` of a lake and writes
/// `clean/` into it closes no cycle. Those links are left out here; `flows` checks the
/// prefixes themselves for cycles.
pub(super) fn cycles(
    components: &IndexMap<ComponentId, Component>,
    links: &Links,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) {
    let reads_stored_objects = |from: &ComponentId, to: &ComponentId| {
        let (from, to) = (&components[from], &components[to]);
        super::rules(&from.settings).holds_objects()
            && edges::edge(from.kind(), to.kind()).is_some()
    };
    let pairs: Vec<_> = links
        .iter()
        .filter(|(a, b, _)| !reads_stored_objects(a, b))
        .map(|(a, b, _)| (a, b))
        .collect();
    for cycle in crate::graph::cycles(components.keys(), &pairs) {
        diags.push(cycle_diagnostic(&cycle, links, doc));
    }
}
