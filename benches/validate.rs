//! How fast `validate` and `render` are on the example spec (validate runs on every save).
//! Run: `cargo bench --bench validate`.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use pipelinec::source::SourceFile;

fn spec() -> SourceFile {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("specs/iot-analytics.yaml");
    SourceFile::read(&path).unwrap()
}

fn benches(c: &mut Criterion) {
    let file = spec();
    // The first check compiles the schema's patterns once per process; measure it apart.
    pipelinec::check::check(&file).unwrap();
    c.bench_function("parse yaml with spans", |b| {
        b.iter(|| file.parse().unwrap())
    });
    c.bench_function("check (parse + schema + semantic)", |b| {
        b.iter(|| pipelinec::check::check(&file).unwrap())
    });
    let project = pipelinec::check::check(&file).unwrap();
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("generated/iot-analytics");
    c.bench_function("render (in memory, incl. lambda zip)", |b| {
        b.iter(|| pipelinec::render::render(&project, &out).unwrap())
    });
    c.bench_function(
        "render --check (check + render + compare with generated/)",
        |b| {
            b.iter(|| {
                let project = pipelinec::check::check(&file).unwrap();
                let fresh = pipelinec::render::render(&project, &out).unwrap();
                let survey =
                    pipelinec::render::ownership::survey(&out, &fresh, &project.name, false)
                        .unwrap();
                assert!(survey.changes.is_empty());
            })
        },
    );
    let bad = SourceFile::new(
        "unknown_input.yaml".into(),
        std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/invalid/unknown_input.yaml"),
        )
        .unwrap(),
    );
    c.bench_function("check an invalid spec (diagnostics)", |b| {
        b.iter(|| pipelinec::check::check(&bad).unwrap_err())
    });
}

criterion_group!(validate, benches);
criterion_main!(validate);
