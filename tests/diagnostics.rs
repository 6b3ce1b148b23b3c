//! Golden tests: every invalid spec under `tests/fixtures/invalid/` with its exact diagnostics.

use pipelinec::report::{Style, render_human};
use pipelinec::source::SourceFile;

#[test]
fn invalid_specs_report_exact_diagnostics() {
    insta::glob!("fixtures/invalid/*.yaml", |path| {
        let rel = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
        let file = SourceFile::from_bytes(rel.to_path_buf(), std::fs::read(path).unwrap());
        let diags = match pipelinec::check::check_all(&file) {
            Ok(_) => panic!("{} should be invalid", rel.display()),
            Err(d) => d,
        };
        assert!(!diags.is_empty());
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        insta::assert_snapshot!(format!(
            "codes: {}\n\n{}",
            codes.join(", "),
            render_human(&file, &diags, Style::plain())
        ));
    });
}

#[test]
fn there_are_at_least_twelve_invalid_fixtures() {
    let n = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid"
    ))
    .unwrap()
    .filter(|e| {
        e.as_ref()
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "yaml")
    })
    .count();
    assert!(n >= 12, "only {n} invalid fixtures");
}

#[test]
fn every_valid_fixture_and_example_checks_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/valid"))
        .unwrap()
        .chain(std::fs::read_dir(root.join("specs")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let file = SourceFile::read(&path).unwrap();
        if let Err(diags) = pipelinec::check::check_all(&file) {
            panic!("{}", render_human(&file, &diags, Style::plain()));
        }
    }
}

/// A fixture written for a semantic rule must reach the semantic checks: when a kind moves to
/// another section (tables went from `sinks` to `site`), a fixture left behind fails with
/// `unknown-type` alone and silently stops testing its rule. Only the `schema_*` fixtures are
/// about component types.
#[test]
fn only_schema_fixtures_fail_on_a_component_type() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".yaml") || name.starts_with("schema_") {
            continue;
        }
        let file = SourceFile::from_bytes(path.clone(), std::fs::read(&path).unwrap());
        if let Err(diags) = pipelinec::check::check(&file)
            && diags.iter().any(|d| d.code == "unknown-type")
        {
            stale.push(name);
        }
    }
    stale.sort();
    assert!(
        stale.is_empty(),
        "fixtures failing on a component type: {stale:?}"
    );
}
