//! The dependency graph as a picture: Graphviz DOT and Mermaid, nodes grouped by section and
//! edges labelled with their access.

use crate::model::{Component, Project};

/// The non-empty sections of a project with their components, in spec order; the site
/// tiers first, where a reader of the picture starts (the customer).
fn sections(project: &Project) -> Vec<(&'static str, Vec<&Component>)> {
    ["site", "sources", "transforms", "sinks"]
        .into_iter()
        .map(|s| {
            (
                s,
                project
                    .components
                    .values()
                    .filter(|c| c.section == s)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, members)| !members.is_empty())
        .collect()
}

/// Graphviz DOT (`pipelinec graph SPEC | dot -Tsvg`).
pub fn dot(project: &Project) -> String {
    let mut out = String::new();
    out.push_str(&format!("digraph \"{}\" {{\n", project.name));
    out.push_str("  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (section, members) in sections(project) {
        out.push_str(&format!(
            "\n  subgraph \"cluster_{section}\" {{\n    label=\"{section}\";\n    style=dashed;\n"
        ));
        for c in members {
            out.push_str(&format!(
                "    \"{}\" [label=\"{}\\n{}\"];\n",
                c.id,
                c.id,
                kind_label(c)
            ));
        }
        out.push_str("  }\n");
    }
    out.push('\n');
    for e in project.graph.edges() {
        out.push_str(&format!(
            "  \"{}\" -> \"{}\" [label=\"{}\"];\n",
            e.from,
            e.to,
            label(project, e)
        ));
    }
    out.push_str("}\n");
    out
}

/// A node's second line: its kind, and whether it stands for an existing resource (which the
/// render creates nothing for).
fn kind_label(c: &Component) -> String {
    if crate::semantic::existing::is_existing(c) {
        format!("{} (existing)", c.kind())
    } else {
        c.kind().to_string()
    }
}

/// An edge's label: what the spec calls its access (`stream`, `read`, `write`).
fn label(project: &Project, e: &crate::graph::Edge) -> &'static str {
    let kind = |id| project.component(id).kind();
    crate::edges::word(kind(&e.from), kind(&e.to), e.access)
}

/// Mermaid flowchart, as GitHub renders it in Markdown.
pub fn mermaid(project: &Project) -> String {
    // Node ids get a prefix: a component may be called `end`, a Mermaid keyword.
    let node = |id: &str| format!("c_{id}");
    let mut out = String::from("flowchart LR\n");
    for (section, members) in sections(project) {
        out.push_str(&format!("  subgraph s_{section} [{section}]\n"));
        for c in members {
            out.push_str(&format!(
                "    {}[\"{}<br/><i>{}</i>\"]\n",
                node(c.id.as_str()),
                c.id,
                kind_label(c)
            ));
        }
        out.push_str("  end\n");
    }
    for e in project.graph.edges() {
        out.push_str(&format!(
            "  {} -->|{}| {}\n",
            node(e.from.as_str()),
            label(project, e),
            node(e.to.as_str())
        ));
    }
    out
}
