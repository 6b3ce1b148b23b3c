//! Rendered output: snapshots, determinism, and the committed `generated/` and schema.

mod common;

use std::path::Path;

use pipelinec::source::SourceFile;

fn render(spec: &Path) -> pipelinec::render::Files {
    let file = SourceFile::read(spec).unwrap();
    let project = pipelinec::check::check(&file).expect("example specs are valid");
    let out = common::root().join("generated").join(&project.stem);
    pipelinec::render::render(&project, &out).unwrap()
}

#[test]
fn iot_analytics_files_match_snapshots() {
    let files = render(&common::root().join("specs/iot-analytics.yaml"));
    for (path, bytes) in &files {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        let name = path.to_string_lossy().replace(['/', '\\'], "__");
        insta::assert_snapshot!(format!("iot_analytics__{name}"), text);
    }
}

#[test]
fn rendering_is_byte_identical_across_runs() {
    for spec in common::example_specs() {
        assert_eq!(render(&spec), render(&spec), "{}", spec.display());
    }
}

#[test]
fn spec_strings_cannot_inject_hcl() {
    let files = render(&common::root().join("tests/fixtures/valid/escaping.yaml"));
    let main = String::from_utf8(files[Path::new("main.tf")].clone()).unwrap();
    assert!(main.contains(r#"= "$${path.module} and %%{ for x in y }""#));
    assert!(main.contains(r#"say \"hi\" \\ $${jndi:ldap} %%{ if true }x%%{ endif }"#));
    assert!(main.contains(r#""line one\nline two\ttabbed""#));
    assert!(main.contains(r#"comment = "$${var.secret}""#));
    // The query text is a file read with file(), never interpolated.
    let sql = String::from_utf8(files[Path::new("queries/queries/tricky.sql")].clone()).unwrap();
    assert_eq!(sql, "SELECT '${not_interpolated}' AS x\n");
}

#[test]
fn lambda_package_is_deterministic_and_complete() {
    let files = render(&common::root().join("specs/iot-analytics.yaml"));
    let zip = &files[Path::new("build/alert_processor.zip")];
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.clone())).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    assert_eq!(names, ["index.js"]);
    let entry = archive.by_index(0).unwrap();
    assert_eq!(entry.last_modified(), Some(zip::DateTime::default()));
}

#[test]
fn committed_schema_is_fresh() {
    let path = common::root().join("specs/pipelinec.schema.json");
    let fresh = pipelinec::schema::schema_text();
    if common::updating() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "specs/pipelinec.schema.json is stale: run `PIPELINEC_UPDATE=1 cargo test --test render`"
    );
}

#[test]
fn schema_is_draft_07_and_every_property_is_described() {
    let schema = pipelinec::schema::schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    fn walk(node: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = node.get("properties").and_then(|p| p.as_object()) {
            for (k, v) in props {
                if v.get("description").is_none() {
                    missing.push(format!("{path}/{k}"));
                }
                walk(v, &format!("{path}/{k}"), missing);
            }
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            for (i, v) in node
                .get(key)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .enumerate()
            {
                walk(v, &format!("{path}/{key}/{i}"), missing);
            }
        }
        for key in ["definitions", "items", "additionalProperties"] {
            match node.get(key) {
                Some(serde_json::Value::Object(m)) if key == "definitions" => {
                    for (k, v) in m {
                        walk(v, &format!("{path}/{key}/{k}"), missing);
                    }
                }
                Some(v @ serde_json::Value::Object(_)) => {
                    walk(v, &format!("{path}/{key}"), missing)
                }
                _ => {}
            }
        }
    }
    let mut missing = Vec::new();
    walk(&schema, "", &mut missing);
    assert!(
        missing.is_empty(),
        "properties without a description: {missing:?}"
    );
}

#[test]
fn committed_generated_output_is_fresh() {
    for (spec, project, dir) in common::example_roots() {
        let fresh = pipelinec::render::render(&project, &dir).unwrap();
        if common::updating() {
            pipelinec::render::write(&dir, &fresh, &project.name, true).unwrap();
        }
        let survey =
            pipelinec::render::ownership::survey(&dir, &fresh, &project.name, false).unwrap();
        let stale = survey.changes;
        assert!(
            stale.is_empty(),
            "{} is stale ({stale:?}): run `cargo run -- render {}`",
            dir.strip_prefix(common::root()).unwrap().display(),
            spec.strip_prefix(common::root()).unwrap().display()
        );
    }
}

/// Every role carries the spec's permissions boundary through the render's variable, which
/// defaults to it; a spec without one leaves roles unbounded (the variable is null).
#[test]
fn every_role_gets_the_permissions_boundary() {
    let files = render(&common::root().join("tests/fixtures/valid/all_edges.yaml"));
    let text = |name: &str| String::from_utf8(files[Path::new(name)].clone()).unwrap();
    let iam: hcl::Body = hcl::from_str(&text("iam.tf")).unwrap();
    let roles: Vec<&hcl::Block> = iam
        .blocks()
        .filter(|b| b.identifier() == "resource" && b.labels()[0].as_str() == "aws_iam_role")
        .collect();
    assert!(roles.len() > 10, "all_edges renders many roles");
    for role in roles {
        let boundary = role
            .body()
            .attributes()
            .find(|a| a.key() == "permissions_boundary")
            .unwrap_or_else(|| panic!("role {:?} has no boundary", role.labels()));
        assert_eq!(boundary.expr().to_string(), "var.permissions_boundary");
    }
    assert!(text("variables.tf").contains(
        "default     = \"arn:aws:iam::111122223333:policy/boundaries/pipeline-boundary\""
    ));
    let plain = render(&common::root().join("specs/iot-analytics.yaml"));
    let vars = String::from_utf8(plain[Path::new("variables.tf")].clone()).unwrap();
    assert!(vars.contains("variable \"permissions_boundary\""));
    assert!(vars.contains("default     = null"));
}

/// Components standing for existing resources (`existing:`) render modules without resources:
/// no bucket, no stream, nothing attached to either, and every reference to them reads the
/// ARN or name the spec gave.
#[test]
fn existing_resources_render_no_resource_of_their_own() {
    let files = render(&common::root().join("tests/fixtures/valid/existing.yaml"));
    let text = |path: &Path| String::from_utf8(files[path].clone()).unwrap();
    for path in files.keys() {
        let p = path.to_string_lossy();
        if ["main.tf", "iam.tf", "outputs.tf"].contains(&p.as_ref()) || p.contains("_existing/") {
            let name = p.replace(['/', '\\'], "__");
            insta::assert_snapshot!(format!("existing__{name}"), text(path));
        }
    }
    // Only the modules without resources: the kinds' own modules are not even in the render.
    let modules: Vec<String> = files
        .keys()
        .filter_map(|p| p.strip_prefix("modules").ok())
        .filter_map(|p| p.iter().next())
        .map(|m| m.to_string_lossy().into_owned())
        .collect();
    assert!(modules.contains(&"s3_data_lake_existing".to_string()));
    assert!(modules.contains(&"kinesis_stream_existing".to_string()));
    assert!(modules.contains(&"user_pool_existing".to_string()));
    assert!(
        !modules
            .iter()
            .any(|m| ["s3_data_lake", "kinesis_stream", "user_pool"].contains(&m.as_str()))
    );
    let blocks = |path: &Path| -> Vec<(String, Vec<String>)> {
        let body: hcl::Body = hcl::from_str(&text(path)).unwrap();
        body.blocks()
            .map(|b| {
                let labels = b.labels().iter().map(|l| l.as_str().to_string()).collect();
                (b.identifier().to_string(), labels)
            })
            .collect()
    };
    for (path, _) in files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "tf"))
    {
        let p = path.to_string_lossy();
        for (kind, labels) in blocks(path) {
            if p.contains("_existing/") {
                assert!(
                    kind == "variable" || kind == "output",
                    "{p} has a {kind} block {labels:?}"
                );
            }
            // (`modules/s3_bucket` is the functions' own failure bucket, counted out here:
            // the plan on moto in tests/terraform.rs shows that none is planned.)
            if kind == "resource" && !p.contains('/') {
                assert!(
                    !labels[0].starts_with("aws_s3_bucket")
                        && !labels[0].starts_with("aws_cognito")
                        && labels[0] != "aws_kinesis_stream",
                    "{p} renders {labels:?}"
                );
            }
        }
    }
    let main = text(Path::new("main.tf"));
    assert!(
        main.contains("arn    = \"arn:aws:s3:::acme-data-lake\"\n  bucket = \"acme-data-lake\"")
    );
    assert!(main.contains(
        "arn  = \"arn:${local.partition}:kinesis:${local.region}:${local.account_id}:stream/clicks\""
    ));
    assert!(main.contains("stream_arn                 = module.orders.arn"));
    assert!(main.contains("bucket_arn                 = module.lake.arn"));
    // An API accepts the existing pool's tokens for its app client.
    assert!(main.contains("issuer             = module.customers.issuer"));
    assert!(main.contains("client_id    = \"4example5client6id7abc\""));
    // Redshift reads the existing stream by its name, not by the one pipelinec would give it.
    assert!(main.contains(r#""FROM \"kinesis\".\"orders-prod\"","#));
}

/// The dependency graph says which components stand for existing resources.
#[test]
fn the_graph_marks_existing_resources() {
    let file =
        SourceFile::read(&common::root().join("tests/fixtures/valid/existing.yaml")).unwrap();
    let project = pipelinec::check::check(&file).unwrap();
    let mermaid = pipelinec::diagram::mermaid(&project);
    assert!(
        mermaid.contains("c_lake[\"lake<br/><i>s3_data_lake (existing)</i>\"]"),
        "{mermaid}"
    );
    assert!(mermaid.contains("c_orders_delivery[\"orders_delivery<br/><i>firehose</i>\"]"));
    let dot = pipelinec::diagram::dot(&project);
    assert!(
        dot.contains("\"orders\" [label=\"orders\\nkinesis_stream (existing)\"];"),
        "{dot}"
    );
}
