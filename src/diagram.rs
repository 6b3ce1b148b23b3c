//! The dependency graph as a picture: Graphviz DOT and Mermaid, nodes grouped by section and
//! edges labelled with their access.

use crate::model::Project;

const SECTIONS: [&str; 3] = ["sources", "transforms", "sinks"];

/// Graphviz DOT (`pipelinec graph SPEC | dot -Tsvg`).
pub fn dot(project: &Project) -> String {
    let mut out = String::new();
    out.push_str(&format!("digraph \"{}\" {{\n", project.name));
    out.push_str("  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for section in SECTIONS {
        let members: Vec<_> = project
            .components
            .values()
            .filter(|c| c.section == section)
            .collect();
        if members.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n  subgraph \"cluster_{section}\" {{\n    label=\"{section}\";\n    style=dashed;\n"
        ));
        for c in members {
            out.push_str(&format!(
                "    \"{}\" [label=\"{}\\n{}\"];\n",
                c.id,
                c.id,
                c.kind()
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
            e.access.as_str()
        ));
    }
    out.push_str("}\n");
    out
}

/// Mermaid flowchart, as GitHub renders it in Markdown.
pub fn mermaid(project: &Project) -> String {
    // Node ids get a prefix: a component may be called `end`, a Mermaid keyword.
    let node = |id: &str| format!("c_{id}");
    let mut out = String::from("flowchart LR\n");
    for section in SECTIONS {
        let members: Vec<_> = project
            .components
            .values()
            .filter(|c| c.section == section)
            .collect();
        if members.is_empty() {
            continue;
        }
        out.push_str(&format!("  subgraph s_{section} [{section}]\n"));
        for c in members {
            out.push_str(&format!(
                "    {}[\"{}<br/><i>{}</i>\"]\n",
                node(c.id.as_str()),
                c.id,
                c.kind()
            ));
        }
        out.push_str("  end\n");
    }
    for e in project.graph.edges() {
        out.push_str(&format!(
            "  {} -->|{}| {}\n",
            node(e.from.as_str()),
            e.access.as_str(),
            node(e.to.as_str())
        ));
    }
    out
}
