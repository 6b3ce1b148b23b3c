//! The committed schema, checked by an independent validator (`check-jsonschema` from PyPI):
//! it must accept every example spec and reject every structural fixture (`schema_*.yaml`,
//! plus the YAML syntax error). Skips when the tool is missing, unless
//! `PIPELINEC_REQUIRE_TOOLS=1` (as in CI).

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
