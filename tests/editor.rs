//! Editor support: the committed schema, as the real `yaml-language-server` (Red Hat's, the one
//! behind VS Code's YAML extension) sees it through the spec's modeline
//! `# yaml-language-server: $schema=./pipelinec.schema.json`.
//!
//! The test starts the server over stdio, speaks LSP (JSON-RPC with `Content-Length` framing)
//! to it, and checks that
//!  1. completing the `type` of a component (the `type` key on an empty line, and its value)
//!     offers the types of that section only (`kinesis_stream` under `sources`, never `athena`);
//!  2. completing inside a typed component offers that type's keys only
//!     (`shards` for a `kinesis_stream`, `compression` but not `handler` for a `firehose`);
//!  3. a wrong value (`retention_hours: 5`, `compression: brotli`) is published as a
//!     diagnostic on its line, while the example spec gets none;
//!  4. hovering a key shows its description from the schema.
//!
//! The server comes from `PIPELINEC_YAML_LS` (path to its executable, e.g.
//! `<prefix>/node_modules/.bin/yaml-language-server`), else `yaml-language-server` on `PATH`
//! (`npm install --prefix <prefix> yaml-language-server`). Without it the tests skip, unless
//! `PIPELINEC_REQUIRE_TOOLS=1`. No network: the schema store is off and the schema is a local
//! file.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long to wait for any one answer before failing (instead of hanging).
const TIMEOUT: Duration = Duration::from_secs(20);

const MODELINE: &str = "# yaml-language-server: $schema=./pipelinec.schema.json\n";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Client-side settings: validation, completion and hover on, schema store (network) off.
fn settings() -> Value {
    json!({
        "yaml": {
            "validate": true,
            "completion": true,
            "hover": true,
            "format": { "enable": false },
            "schemaStore": { "enable": false },
            "schemas": {},
            "customTags": [],
        },
        "http": { "proxy": "", "proxyStrictSSL": true },
    })
}

/// A minimal LSP client over the server's stdio. A reader thread decodes the framed messages
/// into a channel, so every wait can time out. The server is killed when the client drops.
struct Lsp {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Latest `textDocument/publishDiagnostics` per document URI.
    diagnostics: HashMap<String, Vec<Value>>,
    /// `window/logMessage` texts, shown when something times out.
    log: Vec<String>,
    /// Keeps the schema copy and gives the documents their directory.
    dir: tempfile::TempDir,
}

impl Drop for Lsp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the server, or returns `None` (after saying why) when it is not installed.
fn start() -> Option<Lsp> {
    let candidates = std::env::var_os("PIPELINEC_YAML_LS")
        .into_iter()
        .map(PathBuf::from)
        .chain([PathBuf::from("yaml-language-server")]);
    for program in candidates {
        let spawned = Command::new(&program)
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(child) = spawned {
            return Some(Lsp::initialize(child));
        }
    }
    assert!(
        !std::env::var("PIPELINEC_REQUIRE_TOOLS").is_ok_and(|v| v == "1"),
        "yaml-language-server is required (PIPELINEC_REQUIRE_TOOLS=1) but not found"
    );
    eprintln!(
        "skipping: yaml-language-server not found (set PIPELINEC_YAML_LS or put it on PATH: \
         npm install --prefix <dir> yaml-language-server)"
    );
    None
}

impl Lsp {
    fn initialize(mut child: Child) -> Lsp {
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        // The documents sit beside a copy of the committed schema, like the example specs.
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(
            root().join("specs/pipelinec.schema.json"),
            dir.path().join("pipelinec.schema.json"),
        )
        .unwrap();
        let mut lsp = Lsp {
            child,
            stdin,
            incoming,
            next_id: 0,
            diagnostics: HashMap::new(),
            log: Vec::new(),
            dir,
        };
        let root_uri = file_uri(lsp.dir.path());
        lsp.request(
            "initialize",
            json!({
                "processId": std::process::id(),
                "rootUri": root_uri,
                "workspaceFolders": [{ "uri": root_uri, "name": "specs" }],
                "capabilities": {
                    "workspace": { "configuration": true, "didChangeConfiguration": {} },
                    "textDocument": {
                        "completion": { "completionItem": { "snippetSupport": false } },
                        "hover": { "contentFormat": ["markdown", "plaintext"] },
                        "publishDiagnostics": {},
                    },
                },
            }),
        );
        lsp.notify("initialized", json!({}));
        lsp.notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": settings() }),
        );
        lsp
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| self.stdin.flush())
            .expect("yaml-language-server reads its stdin");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its result, handling whatever arrives meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let mut response = None;
        self.pump(&format!("the response to {method}"), |message| {
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                response = Some(message.clone());
                true
            } else {
                false
            }
        });
        let response = response.unwrap();
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Reads messages until `done` accepts one: answers the server's requests, records
    /// diagnostics and log messages. Panics after `TIMEOUT`.
    fn pump(&mut self, what: &str, mut done: impl FnMut(&Value) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.incoming.recv_timeout(left) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => panic!(
                    "no {what} from yaml-language-server within {TIMEOUT:?}; its log:\n{}",
                    self.log.join("\n")
                ),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("yaml-language-server exited while waiting for {what}")
                }
            };
            match (
                message.get("method").and_then(Value::as_str),
                message.get("id"),
            ) {
                (Some(method), Some(id)) => {
                    let result = self.answer(method, &message["params"]);
                    self.send(json!({ "jsonrpc": "2.0", "id": id, "result": result }));
                }
                (Some("textDocument/publishDiagnostics"), None) => {
                    let params = &message["params"];
                    let uri = params["uri"].as_str().unwrap_or_default().to_owned();
                    let list = params["diagnostics"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                    self.diagnostics.insert(uri, list);
                }
                (Some("window/logMessage"), None) => {
                    self.log.push(message["params"]["message"].to_string());
                }
                _ => {}
            }
            if done(&message) {
                return;
            }
        }
    }

    /// Results for requests the server sends to the client.
    fn answer(&self, method: &str, params: &Value) -> Value {
        match method {
            "workspace/configuration" => {
                let settings = settings();
                let items = params["items"].as_array().cloned().unwrap_or_default();
                items
                    .iter()
                    .map(|item| match item["section"].as_str() {
                        Some(section) => settings.get(section).cloned().unwrap_or(Value::Null),
                        None => settings.clone(),
                    })
                    .collect()
            }
            // client/registerCapability, window/workDoneProgress/create, ...
            _ => Value::Null,
        }
    }

    /// Opens `text` as `<name>` beside the schema copy; returns its URI.
    fn open(&mut self, name: &str, text: &str) -> String {
        let uri = file_uri(&self.dir.path().join(name));
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1, "text": text,
            } }),
        );
        uri
    }

    /// Completion items at the `|` in `text` (the `|` is removed).
    fn completion_items(&mut self, name: &str, text: &str) -> Vec<Value> {
        let (text, position) = cursor(text);
        let uri = self.open(name, &text);
        let result = self.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri }, "position": position }),
        );
        let items = result.get("items").unwrap_or(&result);
        items.as_array().cloned().unwrap_or_default()
    }

    /// Completion labels at the `|` in `text`.
    fn complete(&mut self, name: &str, text: &str) -> Vec<String> {
        let items = self.completion_items(name, text);
        items
            .iter()
            .map(|i| i["label"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Hover text at the `|` in `text`.
    fn hover(&mut self, name: &str, text: &str) -> String {
        let (text, position) = cursor(text);
        let uri = self.open(name, &text);
        let result = self.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": position }),
        );
        match &result["contents"] {
            Value::String(s) => s.clone(),
            Value::Object(o) => o["value"].as_str().unwrap_or_default().to_owned(),
            other => other.to_string(),
        }
    }

    /// Waits for diagnostics of `uri` that satisfy `ok`, and returns them.
    fn diagnostics_until(&mut self, uri: &str, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        if let Some(list) = self.diagnostics.get(uri).filter(|list| ok(list)) {
            return list.clone();
        }
        let mut found = None;
        self.pump(&format!("expected diagnostics for {uri}"), |message| {
            let params = &message["params"];
            if message["method"] == "textDocument/publishDiagnostics" && params["uri"] == uri {
                let list = params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if ok(&list) {
                    found = Some(list);
                    return true;
                }
            }
            false
        });
        found.unwrap()
    }
}

/// Reads one `Content-Length`-framed JSON-RPC message; `None` at end of stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Removes the one `|` from `text` and returns the text and the LSP position it marked.
fn cursor(text: &str) -> (String, Value) {
    let offset = text.find('|').expect("a | marks the cursor");
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let character = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    let text = format!("{before}{}", &text[offset + 1..]);
    (text, json!({ "line": line, "character": character }))
}

/// A spec with the modeline and the required top-level keys, then `rest`.
fn spec(rest: &str) -> String {
    format!("{MODELINE}version: 1\nname: demo\nregion: us-east-1\n{rest}")
}

fn assert_offers(labels: &[String], wanted: &[&str], unwanted: &[&str], context: &str) {
    for w in wanted {
        assert!(
            labels.iter().any(|l| l == w),
            "{context}: `{w}` not offered in {labels:?}"
        );
    }
    for u in unwanted {
        assert!(
            !labels.iter().any(|l| l == u),
            "{context}: `{u}` offered in {labels:?}"
        );
    }
}

#[test]
fn completion_offers_the_types_of_the_section() {
    let Some(mut lsp) = start() else { return };
    let cases: [(&str, &[&str], &[&str]); 4] = [
        (
            "sources",
            &["kinesis_stream"],
            &["athena", "lambda", "firehose", "s3_data_lake"],
        ),
        (
            "transforms",
            &[
                "lambda",
                "firehose",
                "glue_job",
                "emr_serverless_job",
                "flink_application",
                "workflow",
            ],
            &[
                "kinesis_stream",
                "athena",
                "glue_catalog",
                "quicksight",
                "email_identity",
            ],
        ),
        (
            "sinks",
            &[
                "s3_data_lake",
                "glue_catalog",
                "athena",
                "quicksight",
                "email_identity",
                "opensearch_domain",
                "personalize",
                "external_api",
                "event_bus",
                "redshift_serverless",
            ],
            &[
                "kinesis_stream",
                "lambda",
                "firehose",
                "glue_job",
                "workflow",
            ],
        ),
        (
            "site",
            &[
                "cdn",
                "static_site",
                "user_pool",
                "http_api",
                "dynamodb_table",
            ],
            &["kinesis_stream", "lambda", "s3_data_lake"],
        ),
    ];
    for (section, wanted, unwanted) in cases {
        // On an empty line the server offers keys first; its `type` item inserts the types.
        let items = lsp.completion_items(
            &format!("key-{section}.yaml"),
            &spec(&format!("{section}:\n  my_component:\n    |\n")),
        );
        let type_item = items.iter().find(|i| i["label"] == "type");
        let insert = type_item
            .map(|i| i["insertText"].to_string())
            .unwrap_or_default();
        for w in wanted {
            assert!(
                insert.contains(w),
                "key `type` under {section} inserts {insert:?}"
            );
        }
        for u in unwanted {
            assert!(
                !insert.contains(u),
                "key `type` under {section} inserts {insert:?}"
            );
        }
        // At the value position it offers the types themselves.
        let labels = lsp.complete(
            &format!("type-{section}.yaml"),
            &spec(&format!("{section}:\n  my_component:\n    type: |\n")),
        );
        assert_offers(
            &labels,
            wanted,
            unwanted,
            &format!("`type: ` under {section}"),
        );
    }
}

#[test]
fn completion_in_a_typed_component_offers_only_its_keys() {
    let Some(mut lsp) = start() else { return };
    let labels = lsp.complete(
        "keys-stream.yaml",
        &spec("sources:\n  my_stream:\n    type: kinesis_stream\n    |\n"),
    );
    assert_offers(
        &labels,
        &["mode", "shards", "retention_hours", "encryption", "kms_key"],
        &["handler", "runtime", "compression", "versioning"],
        "in a kinesis_stream",
    );
    let labels = lsp.complete(
        "keys-firehose.yaml",
        &spec("transforms:\n  my_delivery:\n    type: firehose\n    |\n"),
    );
    assert_offers(
        &labels,
        &[
            "inputs",
            "prefix",
            "partitioning",
            "buffering",
            "compression",
        ],
        &["handler", "runtime", "code", "memory_mb", "shards"],
        "in a firehose",
    );
}

#[test]
fn wrong_values_are_diagnosed_and_the_example_is_clean() {
    let Some(mut lsp) = start() else { return };
    let example = std::fs::read_to_string(root().join("specs/iot-analytics.yaml")).unwrap();
    assert!(example.starts_with(MODELINE));
    let cases = [
        (
            "sources:\n  s:\n    type: kinesis_stream\n    retention_hours: 5\n",
            7,
        ),
        (
            "transforms:\n  f:\n    type: firehose\n    compression: brotli\n",
            7,
        ),
    ];
    for (i, (rest, line)) in cases.into_iter().enumerate() {
        let uri = lsp.open(&format!("wrong-{i}.yaml"), &spec(rest));
        let diagnostics = lsp.diagnostics_until(&uri, |d| !d.is_empty());
        for d in &diagnostics {
            assert_eq!(
                d["range"]["start"]["line"], line,
                "for\n{rest}\nunexpected {d}"
            );
        }
    }
    // Checked after the wrong ones, so the schema has certainly been loaded.
    let uri = lsp.open("iot-analytics.yaml", &example);
    let diagnostics = lsp.diagnostics_until(&uri, |_| true);
    assert!(diagnostics.is_empty(), "the example spec: {diagnostics:#?}");
}

#[test]
fn hover_shows_the_schema_description() {
    let Some(mut lsp) = start() else { return };
    let text = lsp.hover(
        "hover.yaml",
        &spec("sources:\n  s:\n    type: kinesis_stream\n    retention_h|ours: 48\n"),
    );
    assert!(
        text.contains("How long records stay readable, in hours (24 to 8760)."),
        "hover on retention_hours: {text:?}"
    );
}
