//! `render --as-module`: a child module with no provider, backend or region of its own, whose
//! every AWS name follows its `name` variable, written by the same ownership rules as a root.
//! (`tests/terraform.rs` calls it with `for_each` and runs `terraform validate` and a plan.)

mod common;

use std::path::Path;
use std::process::{Command, Output};

use pipelinec::render::Files;
use pipelinec::source::SourceFile;

fn compiled(spec: &Path) -> pipelinec::check::Compiled {
    pipelinec::check::check(&SourceFile::read(spec).unwrap()).expect("spec is valid")
}

fn module(spec: &Path) -> Files {
    let project = compiled(spec);
    let out = std::env::temp_dir().join("pipelinec-module-test");
    pipelinec::render::render_module(&project, &out).unwrap()
}

fn text(files: &Files, name: &str) -> String {
    String::from_utf8(files[Path::new(name)].clone()).unwrap()
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pipelinec"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The example specs a module can be made of (Personalize's template holds fixed names).
fn module_specs() -> Vec<std::path::PathBuf> {
    let mut specs: Vec<_> = common::example_specs()
        .into_iter()
        .filter(|s| !s.ends_with("ecommerce.yaml"))
        .collect();
    specs.push(common::root().join("tests/fixtures/valid/escaping.yaml"));
    specs
}

#[test]
fn module_root_files_match_snapshots() {
    let files = module(&common::root().join("specs/iot-analytics.yaml"));
    for (path, bytes) in &files {
        if path.parent() != Some(Path::new("")) || path.extension().is_none_or(|e| e != "tf") {
            continue;
        }
        let name = path.to_string_lossy().into_owned();
        insta::assert_snapshot!(
            format!("iot_analytics_module__{name}"),
            String::from_utf8_lossy(bytes)
        );
    }
}

/// No provider, backend or `var.region`: a module with any of them cannot be called with
/// `for_each`, and the caller's provider decides the region. What is not in the root files is
/// what the standalone render holds, byte for byte.
#[test]
fn a_module_has_no_provider_backend_or_region_of_its_own() {
    let spec = common::root().join("specs/iot-analytics.yaml");
    let with_backend = tempfile::tempdir().unwrap();
    let copy = with_backend.path().join("iot-analytics.yaml");
    std::fs::write(
        &copy,
        std::fs::read_to_string(&spec).unwrap().replacen(
            "region: us-east-1\n",
            "region: us-east-1\nbackend:\n  s3:\n    bucket: team-terraform-state\n",
            1,
        ),
    )
    .unwrap();
    for (rel, bytes) in common::read_tree(&common::root().join("specs/iot-analytics")) {
        let dest = with_backend.path().join("iot-analytics").join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::write(dest, bytes).unwrap();
    }
    let project = compiled(&copy);
    let out = with_backend.path().join("out");
    let plain = pipelinec::render::render(&project, &out).unwrap();
    assert!(plain.contains_key(Path::new("backend.tf")));
    let files = pipelinec::render::render_module(&project, &out).unwrap();
    assert!(!files.contains_key(Path::new("providers.tf")));
    assert!(!files.contains_key(Path::new("backend.tf")));
    for (path, bytes) in &files {
        let body = String::from_utf8_lossy(bytes);
        let root_tf =
            path.parent() == Some(Path::new("")) && path.extension().is_some_and(|e| e == "tf");
        if root_tf {
            let parsed: hcl::Body = hcl::from_str(&body)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
            for b in parsed.blocks() {
                assert_ne!(b.identifier(), "provider", "{}", path.display());
                assert!(
                    b.body()
                        .blocks()
                        .all(|inner| inner.identifier() != "backend"),
                    "{}",
                    path.display()
                );
            }
            assert!(!body.contains("var.region"), "{}", path.display());
        } else if path != Path::new(".pipelinec-manifest.json") {
            assert_eq!(Some(bytes), plain.get(path), "{}", path.display());
        }
    }
    let versions = text(&files, "versions.tf");
    assert!(versions.contains("required_providers"), "{versions}");
    assert!(
        text(&files, "main.tf").contains("region     = data.aws_region.current.name"),
        "{}",
        text(&files, "main.tf")
    );
}

/// Every AWS name the render builds from the project's name follows `var.name` in a module:
/// the spec's name is left only in the header comment, the variable's default and the tags
/// the caller is told of.
#[test]
fn every_name_follows_the_name_variable() {
    for spec in module_specs() {
        let project = compiled(&spec);
        let files = module(&spec);
        let snake = project.name.replace('-', "_");
        let mut uses = 0;
        for (path, bytes) in &files {
            let root_tf =
                path.parent() == Some(Path::new("")) && path.extension().is_some_and(|e| e == "tf");
            if !root_tf {
                continue;
            }
            for line in String::from_utf8_lossy(bytes).lines() {
                uses += line.matches("${var.name}").count();
                let code = line.trim_start();
                let told =
                    code.starts_with('#') || code == format!("default     = \"{}\"", project.name);
                assert!(
                    told || !(code.contains(&project.name) || code.contains(&snake)),
                    "{}: {} still holds the spec's name: {line}",
                    spec.display(),
                    path.display()
                );
            }
        }
        assert!(uses > 3, "{}: {uses} uses of var.name", spec.display());
    }
}

/// Module mode changes no spec string's escaping: the placeholders are found nowhere else.
#[test]
fn spec_strings_cannot_inject_hcl_into_a_module() {
    let files = module(&common::root().join("tests/fixtures/valid/escaping.yaml"));
    let main = text(&files, "main.tf");
    assert!(main.contains(r#"= "$${path.module} and %%{ for x in y }""#));
    assert!(main.contains(r#"say \"hi\" \\ $${jndi:ldap} %%{ if true }x%%{ endif }"#));
    assert!(main.contains(r#""line one\nline two\ttabbed""#));
    assert!(main.contains(r#"comment = "$${var.secret}""#));
}

#[test]
fn a_module_render_is_byte_identical_across_runs() {
    for spec in module_specs() {
        assert_eq!(module(&spec), module(&spec), "{}", spec.display());
    }
}

/// A spec whose names also live in a file no Terraform variable reaches (Personalize's
/// CloudFormation template) is refused as a module, naming the file, and nothing is written.
#[test]
fn a_spec_with_names_outside_terraform_is_refused_as_a_module() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(
        &common::root(),
        &[
            "render",
            "specs/ecommerce.yaml",
            "--as-module",
            "-o",
            tmp.path().join("m").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "error: cannot render as a module: build/recommender.cloudformation.json holds AWS \
             names built from the project's name"
        ),
        "{err}"
    );
    assert!(!tmp.path().join("m").exists());
}

#[test]
fn as_module_needs_an_output_folder() {
    let out = run_in(
        &common::root(),
        &["render", "specs/iot-analytics.yaml", "--as-module"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--out <OUT>"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The render's ownership rules hold in module mode: switching a folder from a root render to
/// a module deletes the root's own `providers.tf` and nothing of the user's, `--check` compares
/// the module, and a file pipelinec did not write is never replaced.
#[test]
fn a_module_render_owns_only_what_it_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("out");
    let out_arg = dir.to_str().unwrap();
    let spec = "specs/iot-analytics.yaml";
    let root = common::root();
    assert_eq!(
        run_in(&root, &["render", spec, "-o", out_arg])
            .status
            .code(),
        Some(0)
    );
    assert!(dir.join("providers.tf").exists());
    let mine: &[(&str, &[u8])] = &[
        ("callers.tf", b"# the user's own\n"),
        ("terraform.tfstate", b"{}\n"),
        ("backend.tf", b"terraform {\n  backend \"local\" {}\n}\n"),
    ];
    for (rel, bytes) in mine {
        std::fs::write(dir.join(rel), bytes).unwrap();
    }
    let module_args = ["render", spec, "--as-module", "-o", out_arg];
    let out = run_in(&root, &module_args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 removed"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!dir.join("providers.tf").exists());
    for (rel, bytes) in mine {
        assert_eq!(std::fs::read(dir.join(rel)).unwrap(), *bytes, "{rel}");
    }
    let check = run_in(
        &root,
        &["render", "--check", spec, "--as-module", "-o", out_arg],
    );
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // The root render differs from the module on disk.
    let check = run_in(&root, &["render", "--check", spec, "-o", out_arg]);
    assert_eq!(check.status.code(), Some(1));

    // A folder holding a file of the user's where the module writes one is refused.
    let other = tmp.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("variables.tf"), "# mine\n").unwrap();
    let refused = run_in(
        &root,
        &["render", spec, "--as-module", "-o", other.to_str().unwrap()],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        std::fs::read(other.join("variables.tf")).unwrap(),
        b"# mine\n"
    );
    assert!(!other.join("main.tf").exists());
}
