//! Hostile and odd input (tracker issue 9): what each printer shows, what the render keeps,
//! and how time grows. The reproducers themselves are fixtures under `tests/fixtures/invalid/`
//! with their exact diagnostics (tests/diagnostics.rs); the fuzz target is `fuzz/`.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use hcl::{Body, Expression, ObjectKey};
use pipelinec::diagnostic::text::is_hidden;
use pipelinec::report::{FileReport, Style, machine, render_human};
use pipelinec::source::SourceFile;

fn invalid_fixtures() -> Vec<SourceFile> {
    common::yaml_files("tests/fixtures/invalid")
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(common::root()).unwrap().to_path_buf();
            SourceFile::from_bytes(rel, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// Every output format of every invalid fixture: no panic, no hidden character printed raw
/// (line breaks of the layout aside), positions inside the file, machine output that parses.
#[test]
fn every_format_prints_hostile_fixtures_inertly() {
    for file in invalid_fixtures() {
        let diags = pipelinec::check::check_all(&file).expect_err("invalid fixture");
        let reports = [FileReport {
            file: &file,
            diagnostics: &diags,
        }];
        let outputs = [
            ("human", render_human(&file, &diags, Style::plain())),
            ("json", machine::json_lines(&reports)),
            ("sarif", machine::sarif(&reports)),
            ("github", machine::github(&reports)),
        ];
        for (format, out) in &outputs {
            if let Some(c) = out.chars().find(|&c| is_hidden(c) && c != '\n') {
                panic!(
                    "{} --format {format} prints U+{:04X} raw:\n{out}",
                    file.path.display(),
                    c as u32
                );
            }
        }
        let lines = file.text.split(['\n', '\r']).count().max(1);
        for line in outputs[1].1.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let loc = &v["location"];
            if !loc.is_null() {
                let l = loc["line"].as_u64().unwrap() as usize;
                assert!((1..=lines).contains(&l), "{}: {v}", file.path.display());
                assert!(loc["column"].as_u64().unwrap() >= 1);
            }
        }
        let sarif: serde_json::Value = serde_json::from_str(&outputs[2].1).unwrap();
        assert_eq!(sarif["runs"][0]["columnKind"], "utf16CodeUnits");
        // Long lines are cut around the label: no snippet line is much wider than the window.
        for line in outputs[0].1.lines() {
            assert!(
                line.chars().count() < 400,
                "{}: {} characters",
                file.path.display(),
                line.chars().count()
            );
        }
    }
}

/// The JSON outputs keep hidden characters as JSON escapes: the message says exactly what the
/// spec holds, and the text on a terminal stays inert.
#[test]
fn json_keeps_hidden_characters_as_escapes() {
    let file = invalid_fixtures()
        .into_iter()
        .find(|f| f.path.ends_with("terminal_escapes.yaml"))
        .unwrap();
    let diags = pipelinec::check::check(&file).unwrap_err();
    let reports = [FileReport {
        file: &file,
        diagnostics: &diags,
    }];
    let json = machine::json_lines(&reports);
    assert!(json.contains("\\u009b"), "{json}");
    let v: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert!(v["message"].as_str().unwrap().contains('\u{9b}'));
    let github = machine::github(&reports);
    assert!(github.contains("\\u{9b}"), "{github}");
}

/// Columns: characters in the human, JSON and GitHub outputs; UTF-16 code units in SARIF.
#[test]
fn columns_count_characters_and_sarif_counts_utf16_units() {
    // Two astral characters (two UTF-16 units each, four bytes each) before the bad key.
    let text =
        "version: 1\nname: demo\nregion: us-east-1\ntags: {\"\u{1F600}\u{1F600}\": x, bad: 1}\n";
    let file = SourceFile::new("emoji.yaml".into(), text.to_string());
    let diags = pipelinec::check::check(&file).unwrap_err();
    let reports = [FileReport {
        file: &file,
        diagnostics: &diags,
    }];
    // The value `1` of `bad` (tags are strings) follows `tags: {"😀😀": x, bad: `: 21
    // characters, 23 UTF-16 units, 27 bytes.
    let json: serde_json::Value =
        serde_json::from_str(machine::json_lines(&reports).lines().next().unwrap()).unwrap();
    assert_eq!(json["location"]["column"], 22, "{json}");
    let sarif: serde_json::Value = serde_json::from_str(&machine::sarif(&reports)).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 24, "{region}");
    assert!(machine::github(&reports).contains("col=22"));
    assert!(render_human(&file, &diags, Style::plain()).contains("emoji.yaml:4:22"));
}

/// YAML 1.1/1.2 scalars used as keys keep the text the user typed, all the way to the render;
/// free text made of odd whitespace is kept, escaped so a reviewer sees it.
#[test]
fn scalar_keys_and_odd_whitespace_render_as_written() {
    let path = common::root().join("tests/fixtures/valid/scalar_keys.yaml");
    let project = pipelinec::check::check(&SourceFile::read(&path).unwrap()).unwrap();
    let files = pipelinec::render::render(&project, std::path::Path::new("out")).unwrap();
    let text = |p: &str| String::from_utf8(files[Path::new(p)].clone()).unwrap();
    let providers: Body = hcl::from_str(&text("providers.tf")).unwrap();
    let provider = providers.blocks().next().unwrap();
    let default_tags = provider
        .body()
        .blocks()
        .find(|b| b.identifier() == "default_tags")
        .unwrap();
    // `merge({ spec tags }, var.extra_tags)`
    let tags = default_tags
        .body()
        .attributes()
        .next()
        .unwrap()
        .expr()
        .clone();
    let Expression::FuncCall(call) = tags else {
        panic!("{tags:?}")
    };
    let Expression::Object(tags) = call.args[0].clone() else {
        panic!("{call:?}")
    };
    let got: Vec<(String, String)> = tags
        .iter()
        .map(|(k, v)| {
            let k = match k {
                ObjectKey::Expression(Expression::String(s)) => s.clone(),
                other => panic!("{other:?}"),
            };
            let Expression::String(v) = v else {
                panic!("{v:?}")
            };
            (k, v.clone())
        })
        .collect();
    for (k, v) in [
        ("TRUE", "yes"),
        ("NULL", "none"),
        ("yes", "on"),
        ("1e3", "1000"),
        ("0x10", "16"),
        ("Blank", "\u{a0}\u{3000}"),
    ] {
        assert!(
            got.contains(&(k.to_string(), v.to_string())),
            "{k} = {v:?} not in {got:?}"
        );
    }
    // Escaped on the page, the exact value once parsed.
    assert!(text("providers.tf").contains(r#""Blank"     = "\u00A0\u3000""#));
    let main = text("main.tf");
    assert!(main.contains(r#""TRUE"        = "1""#), "{main}");
    assert!(main.contains(r#""NULL"        = "\u2028""#), "{main}");
    assert!(main.contains(r#"description = "\u3000""#), "{main}");
}

/// A spec on one line costs about what the same spec costs one key per line: line and column
/// lookups are binary searches, snippets read only their window, and schema lookups borrow.
/// (Before: 0.5 MB on one line took 30 s, 1 MB 134 s, in a release build.)
#[test]
fn one_line_specs_take_linear_time() {
    let spec = |n: usize, bogus: bool| {
        let comps: Vec<String> = (0..n)
            .map(|i| {
                let extra = if bogus { ",\"bogus\":1" } else { "" };
                format!("\"s{i}\":{{\"type\":\"kinesis_stream\"{extra}}}")
            })
            .collect();
        format!(
            "{{\"version\":1,\"name\":\"demo\",\"region\":\"us-east-1\",\"sources\":{{{}}}}}",
            comps.join(",")
        )
    };
    let time = |text: String| {
        let file = SourceFile::new("one-line.yaml".into(), text);
        let start = Instant::now();
        if let Err(diags) = pipelinec::check::check(&file) {
            let reports = [FileReport {
                file: &file,
                diagnostics: &diags,
            }];
            render_human(&file, &diags, Style::plain());
            machine::json_lines(&reports);
            machine::sarif(&reports);
            machine::github(&reports);
        }
        start.elapsed()
    };
    // About 1 MB, valid; and 0.4 MB with 10,000 errors on its one line.
    let valid = spec(30_000, false);
    assert!(valid.len() > 1_000_000);
    let t_valid = time(valid);
    let t_errors = time(spec(10_000, true));
    // Generous for a debug build on a busy 2-core machine; the quadratic version needed minutes.
    let limit = Duration::from_secs(60);
    assert!(t_valid < limit, "1 MB valid spec on one line: {t_valid:?}");
    assert!(t_errors < limit, "10,000 errors on one line: {t_errors:?}");
}

/// Big inputs end in a render or a diagnostic, within bounds (debug build; the README has the
/// release figures for the full sizes, measured with `cargo run --example bigspec`).
#[test]
fn big_inputs_finish() {
    let dir = common::root().join("tests/fixtures/valid");
    let run = |name: &str, text: String| {
        let file = SourceFile::new(dir.join(format!("{name}.yaml")), text);
        let start = Instant::now();
        let outcome = match pipelinec::check::check(&file) {
            Ok(project) => {
                pipelinec::render::render(&project, std::path::Path::new("out")).unwrap();
                "rendered".to_string()
            }
            Err(diags) => {
                render_human(&file, &diags, Style::plain());
                diags[0].code.to_string()
            }
        };
        let elapsed = start.elapsed();
        assert!(elapsed < Duration::from_secs(120), "{name}: {elapsed:?}");
        outcome
    };
    assert_eq!(run("pipelines", common::big::pipelines(2_000)), "rendered");
    assert_eq!(
        run("components", common::big::components(20_000)),
        "rendered"
    );
    // Ten thousand inputs on one Lambda: more permissions than IAM's quotas allow.
    assert_eq!(
        run("inputs", common::big::inputs(10_000)),
        "policy-too-large"
    );
    assert_eq!(
        run("string", common::big::string(1 << 20, false)),
        "rendered"
    );
    assert_eq!(
        run("string-refused", common::big::string(1 << 20, true)),
        "invalid-value"
    );
}

/// A reader that stops reading (`pipelinec validate … 2>&1 | head`) ends the output, not the
/// process with a panic: the exit status still says the spec is invalid.
#[test]
fn a_closed_stderr_does_not_panic() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("many-errors.yaml");
    // 5,000 unknown keys: far more output than a pipe buffers.
    let mut text = String::from("version: 1\nname: demo\nregion: us-east-1\nsources:\n");
    for i in 0..5_000 {
        text.push_str(&format!(
            "  s{i}:\n    type: kinesis_stream\n    bogus: 1\n"
        ));
    }
    std::fs::write(&spec, text).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pipelinec"))
        .args(["validate", spec.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let mut head = [0u8; 64];
    stderr.read_exact(&mut head).unwrap();
    drop(stderr);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "{status:?}");
}

/// `render --check --diff` shows a query's changed `.sql` file (the spec's text as written)
/// with its hidden characters escaped.
#[test]
fn render_diff_escapes_hidden_characters() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("q.yaml");
    std::fs::write(
        &spec,
        "version: 1\nname: qq\nregion: us-east-1\nsinks:\n  lake:\n    type: s3_data_lake\n  cat:\n    type: glue_catalog\n    inputs: [lake]\n    tables:\n      t:\n        prefix: t/\n        columns: [{ name: c, type: string }]\n  athena:\n    type: athena\n    inputs: [cat]\n    named_queries:\n      evil:\n        query: \"SELECT 1 -- \\e]0;pwned\\a\\e[2J\"\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pipelinec"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let rendered = run(&[
        "render",
        spec.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(rendered.status.success(), "{rendered:?}");
    let sql = out.join("queries/athena/evil.sql");
    assert!(std::fs::read_to_string(&sql).unwrap().contains('\u{1b}'));
    std::fs::write(&sql, "SELECT 2\n").unwrap();
    let diff = run(&[
        "render",
        spec.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--check",
        "--diff",
    ]);
    assert_eq!(diff.status.code(), Some(1));
    let stdout = String::from_utf8(diff.stdout).unwrap();
    assert!(stdout.contains("\\u{1b}]0;pwned\\u{7}"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout}"
    );
}
