//! The fuzz target: bytes in, a spec out (structure-aware), then the whole in-process pipeline
//! (parse → check → IAM → render in memory, or every diagnostic printer) with every property of
//! tracker issue 9 asserted. A property that fails panics, which the AFL++ binary reports as a
//! crash and the in-process driver (`tests/fuzz.rs`) as a failed test with the input saved.
//!
//! Shared, as this one file, by `fuzz/src/bin/afl.rs` (coverage-guided, AFL++) and
//! `tests/fuzz.rs` (`#[path]`-included; stable, seeded, part of `cargo test`).
//!
//! Inputs are decoded, not used as text: the first byte picks raw mode (the rest is the spec
//! text, for the YAML parser) or structured mode (the rest picks a seed spec, edits its tree
//! with hostile values, keys and nesting, writes it back in one of several YAML/JSON layouts
//! and line endings, then edits the text). AFL's byte mutations thus move through specs that
//! are mostly well-formed, which is where the checker, IAM and the renderer live.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pipelinec::diagnostic::text::is_hidden;
use pipelinec::edges as registry;
use pipelinec::report::{FileReport, Style, machine, render_human};
use pipelinec::source::SourceFile;
use serde_json::{Map, Value, json};

/// Largest spec text the target builds (AFL inputs are small; long values come from the
/// dictionary's repeat operation).
pub const MAX_TEXT: usize = 300_000;

/// One seed: a spec file of the repository, its text and (when it parses) its tree.
pub struct Seed {
    pub path: PathBuf,
    pub text: String,
    pub tree: Option<Value>,
}

/// What a run did, for the driver's statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Diagnostics, printed in every format.
    Invalid,
    /// A checked project, its IAM and its render.
    Rendered,
    /// A checked project whose Lambda code points outside the fixtures: not rendered (that
    /// would zip whatever folder the mutated path names).
    Checked,
}

pub struct Target {
    pub seeds: Vec<Seed>,
    /// Where a raw-mode spec sits.
    raw_path: PathBuf,
    /// Lambda code folders the seeds use (canonical): renders only read these.
    code_dirs: BTreeSet<PathBuf>,
    /// Every resource template of the IAM registry, split at its placeholders.
    templates: Vec<Vec<String>>,
}

impl Target {
    /// Seeds from `root` (the repository): the example specs and every fixture.
    pub fn new(root: &Path) -> Target {
        let mut paths = Vec::new();
        for dir in ["specs", "tests/fixtures/valid", "tests/fixtures/invalid"] {
            let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
                .collect();
            found.sort();
            paths.extend(found);
        }
        let mut code_dirs = BTreeSet::new();
        let seeds = paths
            .into_iter()
            .map(|path| {
                let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                let file = SourceFile::new(path.clone(), text.clone());
                let tree = file.parse().ok().map(|d| d.value);
                if let Some(tree) = &tree {
                    for code in lambda_codes(tree) {
                        if let Ok(dir) = file.base_dir().join(code).canonicalize()
                            && dir.starts_with(root.canonicalize().unwrap())
                        {
                            code_dirs.insert(dir);
                        }
                    }
                }
                Seed { path, text, tree }
            })
            .collect();
        let mut templates = Vec::new();
        let grants = registry::EDGES
            .iter()
            .flat_map(|r| r.grants.iter())
            .chain(registry::BASELINES.iter().flat_map(|b| b.grants.iter()));
        for g in grants {
            for t in g.resources {
                templates.push(split_template(t));
            }
        }
        Target {
            raw_path: root.join("tests/fixtures/valid/fuzz.yaml"),
            seeds,
            code_dirs,
            templates,
        }
    }

    /// Decodes `data` into a spec file.
    pub fn spec(&self, data: &[u8]) -> SourceFile {
        let mut u = Bytes(data);
        let mode = u.byte();
        if mode % 8 == 0 {
            // Raw: the parser sees the bytes themselves, as a spec beside the valid fixtures
            // (whose Lambda code is `../code/handler`).
            return SourceFile::from_bytes(self.raw_path.clone(), u.rest().to_vec());
        }
        let seed = &self.seeds[u.below(self.seeds.len())];
        let mut text = match (&seed.tree, u.byte() % 4) {
            (Some(tree), 0..=2) => {
                let mut tree = tree.clone();
                for _ in 0..1 + u.below(4) {
                    edit_tree(&mut tree, &mut u);
                }
                emit(&tree, &mut u)
            }
            _ => seed.text.clone(),
        };
        for _ in 0..u.below(3) {
            edit_text(&mut text, &mut u);
        }
        text.truncate(floor(&text, MAX_TEXT));
        SourceFile::new(seed.path.clone(), text)
    }

    /// Runs the pipeline on `data` and asserts every property; panics on a violation.
    pub fn run(&self, data: &[u8]) -> Outcome {
        let file = self.spec(data);
        self.run_file(&file)
    }

    pub fn run_file(&self, file: &SourceFile) -> Outcome {
        match pipelinec::check::check(file) {
            Err(diags) => {
                // Exit 1 comes with at least one error (warnings alone never fail a check).
                assert!(
                    diags.iter().any(|d| d.is_error()),
                    "a failed check must say why"
                );
                for d in &diags {
                    for (span, _) in d.label.iter().chain(&d.related) {
                        assert!(
                            span.start <= span.end && span.end <= file.text.len(),
                            "{}: span {span:?} outside the {}-byte file",
                            d.code,
                            file.text.len()
                        );
                        assert!(
                            file.text.is_char_boundary(span.start)
                                && file.text.is_char_boundary(span.end),
                            "{}: span {span:?} splits a character",
                            d.code
                        );
                    }
                }
                print_everywhere(file, &diags);
                Outcome::Invalid
            }
            Ok(project) => {
                assert!(
                    project.warnings.iter().all(|d| !d.is_error()),
                    "a checked spec carries warnings only"
                );
                print_everywhere(file, &project.warnings);
                self.check_iam(&project);
                let doc = file.parse().expect("a checked spec parses");
                let renderable = lambda_codes(&doc.value).iter().all(|code| {
                    file.base_dir()
                        .join(code)
                        .canonicalize()
                        .is_ok_and(|d| self.code_dirs.contains(&d))
                });
                if !renderable {
                    return Outcome::Checked;
                }
                // Packaging may still refuse a code folder (a build without its tools, say):
                // then the diagnostics must be as printable as the checker's.
                let out = std::env::temp_dir().join("pipelinec-fuzz-render");
                let files = match pipelinec::render::render(&project, &out) {
                    Ok(f) => f,
                    Err(pipelinec::render::RenderError::Diagnostics(diags)) => {
                        assert!(!diags.is_empty(), "a refused render says why");
                        print_everywhere(file, &diags);
                        return Outcome::Invalid;
                    }
                    Err(e) => panic!("a checked project fails to render: {e}"),
                };
                let again = pipelinec::render::render(&project, &out).expect("a render repeats");
                assert!(files == again, "the render is not byte-stable");
                // A Lambda's `output_*` settings reach the render only when it feeds a lake
                // (otherwise the check warns that they are unused).
                let unused: Vec<String> = project
                    .warnings
                    .iter()
                    .filter(|w| w.code == "unused-setting")
                    .filter_map(|w| w.label.as_ref())
                    .map(|(span, _)| file.text[span.clone()].trim_matches('"').to_string())
                    .collect();
                check_render(&files, &doc.value, &unused);
                Outcome::Rendered
            }
        }
    }

    /// No IAM resource holds a wildcard the edge table did not write: each one matches a
    /// registry template whose placeholders stand for wildcard-free text.
    fn check_iam(&self, project: &pipelinec::check::Compiled) {
        for role in &project.policies {
            for s in &role.statements {
                for r in &s.resources {
                    assert!(
                        self.templates.iter().any(|t| matches_template(t, r)),
                        "{}: resource {r} matches no registry template with wildcard-free facts",
                        s.sid
                    );
                }
            }
        }
    }
}

/// The `code` of every Lambda in a spec tree.
fn lambda_codes(tree: &Value) -> Vec<String> {
    tree.get("transforms")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|m| m.values())
        .filter(|c| c.get("type") == Some(&json!("lambda")))
        .filter_map(|c| c.get("code").and_then(Value::as_str).map(String::from))
        .collect()
}

/// Every printer: no panic, no hidden character raw (the layout's own line breaks aside),
/// machine output that parses.
fn print_everywhere(file: &SourceFile, diags: &[pipelinec::diagnostic::Diagnostic]) {
    let reports = [FileReport {
        file,
        diagnostics: diags,
    }];
    let human = render_human(file, diags, Style::plain());
    let json = machine::json_lines(&reports);
    let sarif = machine::sarif(&reports);
    let github = machine::github(&reports);
    for (format, out) in [
        ("human", &human),
        ("json", &json),
        ("sarif", &sarif),
        ("github", &github),
    ] {
        if let Some((at, c)) = out.char_indices().find(|&(_, c)| is_hidden(c) && c != '\n') {
            let line_start = out[..at].rfind('\n').map_or(0, |i| i + 1);
            let line_end = out[at..].find('\n').map_or(out.len(), |i| at + i);
            panic!(
                "--format {format} prints U+{:04X} raw, in the line {:?}",
                c as u32,
                &out[line_start..line_end]
            );
        }
    }
    for line in json.lines() {
        serde_json::from_str::<Value>(line).expect("JSON lines parse");
    }
    serde_json::from_str::<Value>(&sarif).expect("SARIF parses");
    // Output stays proportionate: a short window per label, never the whole of a long line.
    let longest = human.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        longest < 2_000,
        "a human output line of {longest} characters"
    );
}

/// A successful render parses as HCL and holds every spec string that reaches it, literally.
fn check_render(files: &pipelinec::render::Files, spec: &Value, unused: &[String]) {
    let mut strings: Vec<String> = Vec::new();
    for (path, bytes) in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match ext {
            "tf" => {
                let text = std::str::from_utf8(bytes).expect("HCL is UTF-8");
                let body: hcl::Body = hcl::from_str(text)
                    .unwrap_or_else(|e| panic!("{} does not parse as HCL: {e}", path.display()));
                collect_body(&body, &mut strings);
            }
            "sql" => strings.push(String::from_utf8(bytes.clone()).expect("SQL is UTF-8")),
            // A CloudFormation template (Personalize): its string values, parsed.
            "json" => {
                let value: Value = serde_json::from_slice(bytes)
                    .unwrap_or_else(|e| panic!("{} does not parse as JSON: {e}", path.display()));
                collect_json(&value, &mut strings);
            }
            _ => {}
        }
    }
    for (pointer, s) in spec_strings(spec) {
        let s = if pointer.ends_with("/query") {
            s.trim_end().to_string()
        } else {
            s
        };
        if pointer.contains("/output_") && unused.contains(&s) {
            continue;
        }
        assert!(
            strings.iter().any(|r| r.contains(&s)),
            "{pointer} = {s:?} is not in the render literally"
        );
    }
}

/// Every string of a JSON value, keys included.
fn collect_json(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| collect_json(i, out)),
        Value::Object(m) => {
            for (k, v) in m {
                out.push(k.clone());
                collect_json(v, out);
            }
        }
        _ => {}
    }
}

/// The spec strings that must reach the render as written (enums, ids, inputs and paths are
/// mapped to other text on purpose).
fn spec_strings(spec: &Value) -> Vec<(String, String)> {
    fn walk(v: &Value, pointer: String, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => {
                // Keys that are rendered: tag keys and a Lambda's environment variable names
                // (not a table that happens to be called `environment`, say).
                let segments: Vec<&str> = pointer.split('/').skip(1).collect();
                let keys_rendered = pointer == "/tags"
                    || matches!(segments.as_slice(), ["transforms", _, "environment"]);
                for (k, v) in m {
                    if keys_rendered {
                        out.push((format!("{pointer}/<key>"), k.clone()));
                    }
                    walk(v, format!("{pointer}/{k}"), out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, format!("{pointer}/{i}"), out);
                }
            }
            Value::String(s) => {
                let last = pointer.rsplit('/').next().unwrap_or("");
                let segments: Vec<&str> = pointer.split('/').skip(1).collect();
                let literal = matches!(segments.as_slice(), ["tags", _])
                    || matches!(segments.as_slice(), ["transforms", _, "environment", _])
                    || matches!(
                        last,
                        "name"
                            | "region"
                            | "handler"
                            | "prefix"
                            | "error_prefix"
                            | "output_prefix"
                            | "description"
                            | "comment"
                            | "schedule"
                            | "kms_key"
                            | "kms_key_arn"
                            | "query"
                    )
                    // Column types are printed as written (a catalog's Hive types, a view's
                    // Redshift types), except a QuickSight data set's OpenSearch field types,
                    // which become QuickSight input column types.
                    || (last == "type"
                        && pointer.contains("/columns/")
                        && !pointer.contains("/data_sets/"));
                if literal {
                    out.push((pointer, s.clone()));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(spec, String::new(), &mut out);
    out
}

fn collect_body(body: &hcl::Body, out: &mut Vec<String>) {
    for a in body.attributes() {
        collect_expr(a.expr(), out);
    }
    for b in body.blocks() {
        for l in b.labels() {
            out.push(l.as_str().to_string());
        }
        collect_body(b.body(), out);
    }
}

/// Every string and key of a JSON document.
fn json_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| json_strings(i, out)),
        Value::Object(m) => {
            for (k, v) in m {
                out.push(k.clone());
                json_strings(v, out);
            }
        }
        _ => {}
    }
}

fn collect_expr(e: &hcl::Expression, out: &mut Vec<String>) {
    use hcl::Expression as E;
    match e {
        E::String(s) => {
            out.push(s.clone());
            if let Ok(doc) = serde_json::from_str::<Value>(s) {
                json_strings(&doc, out);
            }
        }
        E::TemplateExpr(t) => {
            let template = hcl::Template::from_expr(t)
                .unwrap_or_else(|err| panic!("template {t} does not parse: {err}"));
            let mut joined = String::new();
            for el in template.elements() {
                if let hcl::template::Element::Literal(s) = el {
                    out.push(s.clone());
                    joined.push_str(s);
                } else {
                    joined.push('X');
                }
            }
            // A JSON document in a string (a workflow's definition): its strings, decoded.
            if let Ok(doc) = serde_json::from_str::<Value>(&joined) {
                json_strings(&doc, out);
            }
        }
        E::Array(items) => items.iter().for_each(|i| collect_expr(i, out)),
        E::Object(o) => {
            for (k, v) in o {
                match k {
                    hcl::ObjectKey::Identifier(i) => out.push(i.to_string()),
                    hcl::ObjectKey::Expression(k) => collect_expr(k, out),
                    _ => {}
                }
                collect_expr(v, out);
            }
        }
        E::FuncCall(f) => f.args.iter().for_each(|a| collect_expr(a, out)),
        E::Parenthesis(p) => collect_expr(p, out),
        E::Conditional(c) => {
            collect_expr(&c.true_expr, out);
            collect_expr(&c.false_expr, out);
        }
        _ => {}
    }
}

/// A resource template split at its `{placeholders}`: literal, placeholder, literal, ….
fn split_template(t: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').unwrap();
        parts.push(rest[..open].to_string());
        rest = &rest[close + 1..];
    }
    parts.push(rest.to_string());
    parts
}

/// Whether `r` is the template's literals with wildcard-free, non-empty text in each gap.
fn matches_template(literals: &[String], r: &str) -> bool {
    fn go(literals: &[String], r: &str, first: bool) -> bool {
        match literals {
            [] => r.is_empty(),
            [last] if !first => {
                r.ends_with(last.as_str())
                    && r.len() > last.len()
                    && !r[..r.len() - last.len()].contains(['*', '?'])
            }
            [lit, rest @ ..] if first => {
                r.starts_with(lit.as_str())
                    && (rest.is_empty() && r.len() == lit.len()
                        || !rest.is_empty() && go(rest, &r[lit.len()..], false))
            }
            [lit, rest @ ..] => {
                // A gap (non-empty, no wildcard) then `lit`, at every place `lit` occurs.
                let mut from = 1;
                while let Some(i) = r.get(from..).and_then(|s| s.find(lit.as_str())) {
                    let at = from + i;
                    if !r[..at].contains(['*', '?']) && go(rest, &r[at + lit.len()..], false) {
                        return true;
                    }
                    from = at + 1;
                    while !r.is_char_boundary(from) {
                        from += 1;
                    }
                }
                false
            }
        }
    }
    go(literals, r, true)
}

/// A byte source that never runs dry (zeros after the end).
pub struct Bytes<'a>(pub &'a [u8]);

impl<'a> Bytes<'a> {
    pub fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let v = if n <= 256 {
            self.byte() as usize
        } else {
            (self.byte() as usize) << 8 | self.byte() as usize
        };
        v % n
    }
    pub fn bool(&mut self) -> bool {
        self.byte() & 1 == 1
    }
    pub fn rest(&mut self) -> &'a [u8] {
        std::mem::take(&mut self.0)
    }
}

/// Strings that have broken something, or should not.
const HOSTILE: &[&str] = &[
    "",
    "*",
    "*/",
    "?",
    "a*/",
    "x?/",
    "raw/",
    "a/b/",
    "\u{1b}]0;title\u{7}\u{1b}[2J\u{1b}[32mall checks passed",
    "\u{9b}31m",
    "\u{202e}gnp.exe",
    "\u{a0}",
    "\u{3000}",
    "\u{2028}",
    "\u{feff}",
    "\u{0}",
    "${path.module}",
    "%{ if true }",
    "$${",
    "\"",
    "\\",
    "line\nbreak",
    "TRUE",
    "null",
    "~",
    "0x10",
    "1e3",
    "arn:aws:kms:us-east-1:111122223333:key/abc",
    "cron(0 * * * ? *)",
    "nodejs22.x",
    "index.handler",
    "kinesis_stream",
    "firehose",
    "lambda",
    "s3_data_lake",
    "glue_catalog",
    "athena",
    "provisioned",
    "sqs",
    "../code/handler",
    "code/handler",
    "iot-analytics/alert_processor",
    "é",
    "e\u{301}",
    "\u{1F600}",
];

const KEYS: &[&str] = &[
    "true",
    "TRUE",
    "True",
    "yes",
    "~",
    "null",
    "NULL",
    "0x10",
    "16",
    "1e3",
    "1000",
    "",
    "a/b",
    "a~b",
    "AWS_KEY",
    "data_lake",
    "x",
    "é",
    "e\u{301}",
    "inputs",
    "type",
    "tables",
    "columns",
    "environment",
    "named_queries",
    "crawler",
    "retention",
    "buffering",
    "\u{1b}[2J",
    "\u{a0}",
];

fn hostile_value(u: &mut Bytes<'_>) -> Value {
    match u.below(12) {
        0..=4 => json!(HOSTILE[u.below(HOSTILE.len())]),
        5 => json!(
            [
                0i64,
                -1,
                1,
                9,
                10,
                24,
                128,
                2025,
                10_000,
                2_147_483_647,
                2_147_483_648,
                4_294_967_296,
                8_796_093_022_207,
                8_796_093_022_208,
                17_592_186_044_416,
                i64::MAX
            ][u.below(16)]
        ),
        6 => [json!(u64::MAX), json!(1.5), json!(1e300), json!(-0.0)][u.below(4)].clone(),
        7 => json!(u.bool()),
        8 => Value::Null,
        9 => json!({}),
        10 => json!([]),
        _ => {
            // A long string of one character: wide columns, long messages.
            let c = HOSTILE[u.below(HOSTILE.len())]
                .chars()
                .next()
                .unwrap_or('a');
            let n = [10, 200, 5_000, 70_000][u.below(4)];
            Value::String(std::iter::repeat_n(c, n).collect())
        }
    }
}

/// Every node of a tree, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                let p = format!("{at}/{}", pipelinec::source::pointer_segment(k));
                out.push(p.clone());
                pointers(c, p, out);
            }
        }
        Value::Array(items) => {
            for (i, c) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(c, p, out);
            }
        }
        _ => {}
    }
}

fn parent(p: &str) -> (&str, &str) {
    p.rsplit_once('/').unwrap_or(("", p))
}

fn edit_tree(tree: &mut Value, u: &mut Bytes<'_>) {
    let mut all = Vec::new();
    pointers(tree, String::new(), &mut all);
    if all.is_empty() {
        *tree = hostile_value(u);
        return;
    }
    let at = all[u.below(all.len())].clone();
    match u.below(8) {
        // A hostile value.
        0..=2 => {
            if let Some(v) = tree.pointer_mut(&at) {
                *v = hostile_value(u);
            }
        }
        // A hostile key: same value, new name (perhaps one YAML reads as another).
        3 => {
            let (up, last) = parent(&at);
            let key = KEYS[u.below(KEYS.len())].to_string();
            if let Some(Value::Object(m)) = tree.pointer_mut(up) {
                let last = last.replace("~1", "/").replace("~0", "~");
                if let Some(v) = m.shift_remove(&last) {
                    m.insert(key, v);
                }
            }
        }
        // Delete.
        4 => {
            let (up, last) = parent(&at);
            match tree.pointer_mut(up) {
                Some(Value::Object(m)) => {
                    m.shift_remove(&last.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(a)) => {
                    if let Ok(i) = last.parse::<usize>()
                        && i < a.len()
                    {
                        a.remove(i);
                    }
                }
                _ => {}
            }
        }
        // Copy a subtree next to itself, or over another node.
        5 => {
            let from = tree.pointer(&all[u.below(all.len())]).cloned();
            if let (Some(v), Some(Value::Object(m))) = (from, tree.pointer_mut(parent(&at).0)) {
                let n = m.len();
                m.insert(format!("copy_{n}"), v);
            }
        }
        // Connect: add an id of any section to an `inputs` list.
        6 => {
            let ids: Vec<String> = ["sources", "transforms", "sinks"]
                .iter()
                .flat_map(|s| {
                    tree.get(*s)
                        .and_then(Value::as_object)
                        .map(|m| m.keys().cloned().collect::<Vec<_>>())
                        .unwrap_or_default()
                })
                .collect();
            if ids.is_empty() {
                return;
            }
            let id = ids[u.below(ids.len())].clone();
            let target = &ids[u.below(ids.len())];
            for s in ["sources", "transforms", "sinks"] {
                if let Some(Value::Object(c)) = tree.get_mut(s).and_then(|m| m.get_mut(target)) {
                    match c.entry("inputs").or_insert_with(|| json!([])) {
                        Value::Array(a) => a.push(json!(id)),
                        other => *other = json!([id]),
                    }
                    break;
                }
            }
        }
        // Nest: a node wrapped in sequences or mappings, up to past the depth limit.
        _ => {
            let depth = [2, 10, 63, 64, 65, 200][u.below(6)];
            let mapping = u.bool();
            if let Some(v) = tree.pointer_mut(&at) {
                let mut n = v.take();
                for _ in 0..depth {
                    n = if mapping {
                        json!({ "k": n })
                    } else {
                        json!([n])
                    };
                }
                *v = n;
            }
        }
    }
}

/// Writes a tree as a spec: block YAML (keys and strings quoted or plain), or JSON on one line
/// or pretty; with LF, CRLF or lone-CR line endings, perhaps a BOM.
fn emit(tree: &Value, u: &mut Bytes<'_>) -> String {
    let style = u.below(6);
    let mut text = match style {
        0 => serde_json::to_string(tree).unwrap(),
        1 => serde_json::to_string_pretty(tree).unwrap(),
        _ => {
            let plain_keys = u.bool();
            let plain_values = u.bool();
            let mut out = String::new();
            block(tree, 0, &mut out, plain_keys, plain_values);
            out
        }
    };
    match u.below(8) {
        0 => text = text.replace('\n', "\r\n"),
        1 => text = text.replace('\n', "\r"),
        2 => text.insert(0, '\u{feff}'),
        _ => {}
    }
    text
}

fn scalar(v: &Value, plain: bool) -> String {
    match v {
        Value::String(s) => {
            let safe = !s.is_empty()
                && s.chars().all(|c| c.is_alphanumeric() || "_-./".contains(c))
                && !s.starts_with(['-', '.']);
            if plain && safe {
                s.clone()
            } else if plain && !s.contains(['\n', '\'']) && !s.chars().any(is_hidden) {
                format!("'{s}'")
            } else {
                serde_json::to_string(s).unwrap()
            }
        }
        Value::Object(m) if m.is_empty() => "{}".into(),
        Value::Array(a) if a.is_empty() => "[]".into(),
        other => other.to_string(),
    }
}

fn block(v: &Value, indent: usize, out: &mut String, plain_keys: bool, plain_values: bool) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, c) in m {
                let key = if plain_keys {
                    if k.is_empty() || k.contains([':', '#', '\n', '"', '\'']) {
                        serde_json::to_string(k).unwrap()
                    } else {
                        k.clone()
                    }
                } else {
                    serde_json::to_string(k).unwrap()
                };
                match c {
                    Value::Object(cm) if !cm.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        block(c, indent + 2, out, plain_keys, plain_values);
                    }
                    Value::Array(ca) if !ca.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        block(c, indent + 2, out, plain_keys, plain_values);
                    }
                    _ => out.push_str(&format!("{pad}{key}: {}\n", scalar(c, plain_values))),
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for c in a {
                match c {
                    Value::Object(_) | Value::Array(_) if !is_empty(c) => {
                        // Inline the first entry's structure in flow style to keep it simple.
                        out.push_str(&format!("{pad}- {}\n", serde_json::to_string(c).unwrap()));
                    }
                    _ => out.push_str(&format!("{pad}- {}\n", scalar(c, plain_values))),
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other, plain_values))),
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

const TOKENS: &[&str] = &[
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    ", ",
    "&a ",
    "*a",
    "!!int ",
    "!!str ",
    "!!binary ",
    "? ",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "# c\n",
    "%YAML 1.2\n",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "  ",
    "\u{2028}",
    "\u{85}",
    "\u{a0}",
    "\u{3000}",
    "\u{feff}",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{0}",
    "\"\\u0000\"",
    "'",
    "\"",
    "~",
    "true",
    "null",
    "0x10",
    "1e3",
    "-1",
    "99999999999999999999",
    ".nan",
    "*",
    "?",
    "${x}",
    "%{y}",
    "\\",
    "<<: ",
    "type: lambda\n",
    "inputs: [a]\n",
];

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn edit_text(text: &mut String, u: &mut Bytes<'_>) {
    let at = floor(text, u.below(text.len() + 1));
    match u.below(6) {
        0 | 1 => text.insert_str(at, TOKENS[u.below(TOKENS.len())]),
        2 => {
            let end = floor(text, at + u.below(64));
            text.replace_range(at..end, "");
        }
        3 => {
            // Duplicate the line holding `at`.
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            let line = format!("{}\n", &text[start..end]);
            text.insert_str(start, &line);
        }
        4 => {
            let n = u.below(16);
            let bytes: Vec<u8> = (0..n).map(|_| u.byte()).collect();
            text.insert_str(at, &String::from_utf8_lossy(&bytes));
        }
        _ => text.truncate(at),
    }
}

/// A map type alias the driver may use to keep statistics.
pub type Stats = Map<String, Value>;
