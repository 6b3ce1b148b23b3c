//! The committed schema, checked by an independent validator (`check-jsonschema` from PyPI):
//! it must accept every example spec and reject every structural fixture (`schema_*.yaml`,
//! plus the YAML syntax error), and it must give every fixture the verdict pipelinec's schema
//! stage gives. Skips when the tool is missing, unless `PIPELINEC_REQUIRE_TOOLS=1` (as in CI).

mod common;

use std::process::Command;

fn check(files: &[std::path::PathBuf]) -> std::process::Output {
    Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(common::root().join("specs/pipelinec.schema.json"))
        .args(files)
        .output()
        .expect("check-jsonschema runs")
}

fn available() -> bool {
    common::optional_tool(
        "check-jsonschema",
        &["--version"],
        "pip install check-jsonschema",
    )
}

#[test]
fn independent_validator_accepts_examples_and_rejects_structural_fixtures() {
    if !available() {
        return;
    }
    let mut good = common::example_specs();
    good.push(common::root().join("tests/fixtures/valid/escaping.yaml"));
    let out = check(&good);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let mut bad: Vec<_> = std::fs::read_dir(common::root().join("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("schema_") || name.starts_with("yaml_")
        })
        .collect();
    bad.sort();
    assert!(bad.len() >= 10);
    for file in bad {
        let out = check(std::slice::from_ref(&file));
        assert!(
            !out.status.success(),
            "check-jsonschema accepted {}",
            file.display()
        );
    }
}

/// The schema editors get and the checks pipelinec runs agree: every fixture gets the same
/// verdict on structure (accepted or refused) from `check-jsonschema` with the committed schema
/// and from pipelinec's schema stage. Fixtures refused only by the semantic checks (unknown
/// inputs, cycles, AWS names, …) pass both; only the schema stage is compared. A file that
/// either side cannot read as YAML (syntax errors, aliases, duplicate keys, not UTF-8), or that
/// is not a YAML mapping at all, has no structure to compare and is skipped.
#[test]
fn check_jsonschema_and_pipelinec_agree_on_every_fixture() {
    if !available() {
        return;
    }
    let mut fixtures = common::yaml_files("tests/fixtures/valid");
    fixtures.extend(common::yaml_files("tests/fixtures/invalid"));
    assert!(fixtures.len() >= 60);
    // pipelinec reads each first: the files it cannot read include the deeply nested ones,
    // on which check-jsonschema's YAML reader overflows its stack.
    let mut ours = Vec::new();
    for file in fixtures {
        let source = pipelinec::source::SourceFile::read(&file).unwrap();
        if let Ok(doc) = source.parse()
            && doc.value.is_object()
        {
            ours.push((file, pipelinec::schema::validate(&doc).is_empty()));
        }
    }
    let files: Vec<_> = ours.iter().map(|(f, _)| f).collect();

    // One process for every file: check-jsonschema lists the errors of each.
    let out = Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(common::root().join("specs/pipelinec.schema.json"))
        .args(["-o", "json"])
        .args(&files)
        .output()
        .expect("check-jsonschema runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check-jsonschema printed no JSON report ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let named = |list: &str| -> Vec<String> {
        report[list]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["filename"].as_str().map(String::from))
            .collect()
    };
    let (refused, unreadable) = (named("errors"), named("parse_errors"));

    let (mut compared, mut both_refuse) = (0, 0);
    let mut disagreements = Vec::new();
    for (file, ours) in &ours {
        let name = file.to_string_lossy().into_owned();
        if unreadable.contains(&name) {
            continue;
        }
        compared += 1;
        let theirs = !refused.contains(&name);
        both_refuse += usize::from(!theirs && !*ours);
        if theirs != *ours {
            disagreements.push(format!(
                "{}: check-jsonschema {}, pipelinec {}",
                file.strip_prefix(common::root()).unwrap_or(file).display(),
                if theirs { "accepts" } else { "refuses" },
                if *ours { "accepts" } else { "refuses" },
            ));
        }
    }
    eprintln!("{compared} fixtures compared, {both_refuse} refused by both");
    assert!(compared >= 50, "only {compared} fixtures compared");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
