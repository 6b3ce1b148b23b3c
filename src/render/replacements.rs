//! What a spec change makes Terraform destroy: the previous render's manifest lists each
//! component's AWS names, and a name that changes (a new project name, environment or id) is
//! a resource Terraform replaces, with the data in it when it is a bucket or a stream. `render`
//! says so before anyone runs `terraform apply`.

use std::collections::BTreeMap;

use super::manifest::{Inventory, Manifest};
use crate::check::Compiled;

/// Each component's kind and the AWS names it creates, by id. A component standing for an
/// existing resource creates none.
pub fn inventory(project: &Compiled) -> BTreeMap<String, Inventory> {
    project
        .components
        .values()
        .map(|c| {
            let names = crate::semantic::rules(&c.settings)
                .names(&project.name, &c.id)
                .into_iter()
                .filter(|_| !crate::semantic::existing::is_existing(c))
                .map(|n| format!("{}: {}", n.what, n.name))
                .collect();
            let inventory = Inventory {
                kind: c.kind().as_str().to_string(),
                names,
            };
            (c.id.as_str().to_string(), inventory)
        })
        .collect()
}

/// Lines saying what Terraform will destroy going from the `previous` render to the `fresh`
/// one, for `project` (whose renames are known): components gone from the spec, and names
/// that changed. Empty when nothing is destroyed.
pub fn report(previous: &Manifest, fresh: &Manifest, project: &Compiled) -> Vec<String> {
    let renamed_from: BTreeMap<&str, &str> = project
        .components
        .values()
        .filter_map(|c| Some((c.id.old()?, c.id.as_str())))
        .collect();
    let added: Vec<(&String, &Inventory)> = fresh
        .components
        .iter()
        .filter(|(id, _)| {
            !previous.components.contains_key(*id) && !renamed_from.values().any(|new| new == id)
        })
        .collect();
    let mut out = Vec::new();
    for (id, before) in &previous.components {
        let now_id = renamed_from.get(id.as_str()).copied().unwrap_or(id);
        let Some(now) = fresh.components.get(now_id) else {
            if before.names.is_empty() {
                continue;
            }
            let mut line = format!(
                "`{id}` is no longer in the spec: terraform destroys its resources ({})",
                before.names.join(", ")
            );
            let same_kind: Vec<&&String> = added
                .iter()
                .filter(|(_, inv)| inv.kind == before.kind)
                .map(|(new, _)| new)
                .collect();
            if let [new] = same_kind.as_slice() {
                line.push_str(&format!(
                    "; if `{new}` is `{id}` renamed, add `renames: {{ {new}: {id} }}` to keep them"
                ));
            }
            out.push(line);
            continue;
        };
        for (what, old, new) in changed_names(&before.names, &now.names) {
            out.push(format!(
                "`{now_id}`: its {what} `{old}` becomes `{new}`: terraform replaces it (a \
                 bucket's objects and a stream's records do not move)"
            ));
        }
    }
    out
}

/// The names of the same kind of resource that differ, as (what, old name, new name).
fn changed_names<'a>(before: &'a [String], now: &'a [String]) -> Vec<(&'a str, &'a str, &'a str)> {
    let split = |s: &'a String| s.split_once(": ").unwrap_or(("", s.as_str()));
    let mut out = Vec::new();
    for (i, b) in before.iter().enumerate() {
        let (what, old) = split(b);
        if now.contains(b) {
            continue;
        }
        let nth = before[..i].iter().filter(|x| split(x).0 == what).count();
        let candidates: Vec<&str> = now
            .iter()
            .map(split)
            .filter(|(w, _)| *w == what)
            .map(|(_, n)| n)
            .collect();
        if let Some(new) = candidates.get(nth) {
            out.push((what, old, *new));
        }
    }
    out
}
