//! The source layout the design promises, checked: a kind's type is named only in its own
//! module, the registration list and the edge table; modules import each other without
//! circles; no function grows past ~120 lines.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, relative to it, with `/` separators, sorted.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let base = common::root().join("src");
    let mut out = Vec::new();
    walk(&base, &base, &mut out);
    out.sort();
    out
}

/// The code of a Rust file without comments and with every string and char literal emptied:
/// what is left are identifiers, paths and punctuation.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
                i = end;
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let open = i + 1 + hashes;
                if b.get(open) != Some(&b'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let end = text[open + 1..]
                    .find(&close)
                    .map_or(b.len(), |e| open + 1 + e + close.len());
                out.push_str("\"\"");
                i = end;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                out.push_str("\"\"");
                i += 1;
            }
            // A char literal (`'"'`, `'\''`), not a lifetime (`'a`).
            b'\'' if b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\') => {
                let end = text[i + 1..]
                    .char_indices()
                    .skip(1)
                    .find(|(_, c)| *c == '\'')
                    .map_or(b.len(), |(e, _)| i + 1 + e + 1);
                out.push_str("' '");
                i = end;
            }
            _ => {
                let c = text[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

fn mentions(code: &str, ident: &str) -> bool {
    code.match_indices(ident).any(|(at, _)| {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        !code[..at].chars().next_back().is_some_and(word)
            && !code[at + ident.len()..].chars().next().is_some_and(word)
    })
}

#[test]
fn a_kinds_type_is_named_only_in_its_module_the_registration_list_and_the_edge_table() {
    let kinds = [
        ("KinesisStream", "kinesis_stream"),
        ("Lambda", "lambda"),
        ("Firehose", "firehose"),
        ("S3DataLake", "s3_data_lake"),
        ("GlueCatalog", "glue_catalog"),
        ("Athena", "athena"),
        ("GlueJob", "glue_job"),
        ("Schedule", "schedule"),
        ("EmrServerlessJob", "emr_serverless_job"),
        ("QuickSight", "quicksight"),
        ("FlinkApplication", "flink_application"),
        ("RedshiftServerless", "redshift_serverless"),
        ("DynamodbTable", "dynamodb_table"),
        ("StaticSite", "static_site"),
        ("Cdn", "cdn"),
        ("UserPool", "user_pool"),
        ("Workflow", "workflow"),
        ("EmailIdentity", "email_identity"),
        ("OpensearchDomain", "opensearch_domain"),
        ("HttpApi", "http_api"),
        ("Personalize", "personalize"),
        ("ExternalApi", "external_api"),
        ("EventBus", "event_bus"),
    ];
    // Every kind folder is listed above: a new kind must be added here too.
    let folders: BTreeSet<String> = std::fs::read_dir(common::root().join("src/kinds"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = kinds.iter().map(|(_, m)| m.to_string()).collect();
    assert_eq!(
        folders, listed,
        "the kinds under src/kinds/ and this test's list differ"
    );
    let mut found = Vec::new();
    for (path, text) in sources() {
        let code = code_only(&text);
        for (ty, module) in kinds {
            let own = path.starts_with(&format!("kinds/{module}/"));
            if !own && path != "kinds/mod.rs" && path != "edges.rs" && mentions(&code, ty) {
                found.push(format!("src/{path} names `{ty}`"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The node of the import graph a file belongs to: its top-level module, except that a kind's
/// stage files (`kinds/<kind>/check.rs`, `iam.rs`, `render.rs`) and the Lambda kind's
/// packaging and runtime table are nodes of their own: they belong to the layer whose trait
/// they implement, not to the spec types of `kinds`.
fn node(path: &str) -> String {
    let parts: Vec<&str> = path.trim_end_matches(".rs").split('/').collect();
    match parts.as_slice() {
        ["kinds", kind, stage, ..] if *stage != "mod" => format!("kinds::{kind}::{stage}"),
        [top, ..] => top.to_string(),
        [] => unreachable!(),
    }
}

/// The node a `crate::a::b::c` path leads to: the longest prefix that is a file module.
fn target(path: &[&str], files: &BTreeSet<String>) -> Option<String> {
    for n in (1..=path.len()).rev() {
        let stem = path[..n].join("/");
        for file in [format!("{stem}.rs"), format!("{stem}/mod.rs")] {
            if files.contains(&file) {
                return Some(node(&file));
            }
        }
    }
    None
}

/// Every `crate::…` path in a file's code (`use` lists included), as segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with('$') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '{')
            .collect();
        let head = path.split('{').next().unwrap_or_default();
        let segs: Vec<String> = head
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        if path.contains('{') {
            // `use crate::a::{b, c::d}`: each item of the group.
            let open = at + "crate::".len() + head.len();
            let close = code[open..].find('}').map_or(code.len(), |e| open + e);
            for item in code[open + 1..close].split(',') {
                let mut p = segs.clone();
                p.extend(
                    item.trim()
                        .split(" as ")
                        .next()
                        .unwrap_or_default()
                        .split("::")
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty() && s != "self"),
                );
                out.push(p);
            }
        } else {
            out.push(segs);
        }
    }
    out
}

#[test]
fn modules_import_each_other_without_circles() {
    let files: BTreeSet<String> = sources().into_iter().map(|(p, _)| p).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // Items the crate root re-exports, by the module that defines them.
    let reexports = [
        ("package", "kinds/lambda/package/mod.rs"),
        ("runtimes", "kinds/lambda/runtimes.rs"),
        ("with_kind", "kinds/mod.rs"),
    ];
    for (path, text) in sources() {
        let from = node(&path);
        let code = code_only(&text);
        for p in crate_paths(&code) {
            let segs: Vec<&str> = p.iter().map(String::as_str).collect();
            let to = match reexports
                .iter()
                .find(|(name, _)| segs.first() == Some(name))
            {
                Some((_, file)) => Some(node(file)),
                None => target(&segs, &files),
            };
            if let Some(to) = to
                && to != from
            {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    // Depth-first search for a back edge; report the circle it closes.
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        circles: &mut Vec<String>,
    ) {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_string());
            circles.push(c.join(" → "));
            return;
        }
        if !done.insert(n.to_string()) {
            return;
        }
        stack.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            visit(m, edges, stack, done, circles);
        }
        stack.pop();
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for n in edges.keys() {
        visit(n, &edges, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
    // The layers of src/lib.rs, in order: nothing imports a layer above its own.
    fn layer(n: &str) -> u8 {
        let stage = n.rsplit("::").next().unwrap();
        match (n, stage) {
            ("cli", _) => 7,
            ("render" | "diagram" | "init", _) | (_, "render") => 6,
            ("check" | "quotas", _) => 5,
            ("iam", _) | (_, "iam") => 4,
            ("semantic" | "schema", _) | (_, "check") => 3,
            ("model" | "graph" | "edges", _) | (_, "package") => 2,
            _ => 0,
        }
    }
    let mut upward = Vec::new();
    for (from, tos) in &edges {
        for to in tos.iter().filter(|to| layer(to) > layer(from)) {
            upward.push(format!("{from} ({}) → {to} ({})", layer(from), layer(to)));
        }
    }
    assert!(
        upward.is_empty(),
        "imports of a higher layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_function_is_longer_than_120_lines() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let is_fn = [
                "fn ",
                "pub fn ",
                "pub(crate) fn ",
                "pub(super) fn ",
                "const fn ",
                "pub const fn ",
            ]
            .iter()
            .any(|p| t.starts_with(p));
            if !is_fn || t.ends_with(';') {
                continue;
            }
            let indent = line.len() - t.len();
            // The function ends at the first `}` line at its own indentation.
            let end = lines[i + 1..]
                .iter()
                .position(|l| {
                    l.len() > indent
                        && l[..indent].trim().is_empty()
                        && l[indent..].starts_with('}')
                })
                .map_or(lines.len(), |e| i + 1 + e);
            let n = end - i + 1;
            if n > 120 {
                long.push(format!("src/{path}:{}: {n} lines", i + 1));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over 120 lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_code_scanner_sees_code_only() {
    let code = code_only(
        "let a = \"Lambda\"; // Lambda\n/* Lambda */ let b: Lambda = r#\"x\"#; let c = '\"'; fn f<'a>() {}",
    );
    assert_eq!(code.matches("Lambda").count(), 1, "{code}");
    assert!(mentions(&code, "Lambda"));
    assert!(!mentions("LambdaSpans", "Lambda"));
    let _ = PathBuf::new();
}
