//! How `check` and `render` grow with the spec: N copies of the IoT pipeline (6N components,
//! `tests/common/big.rs`), N = 10, 100, 1000, in a temporary folder that holds a copy of
//! `tests/fixtures/valid/code` so the Lambdas' `code/handler` resolves.
//! Run: `cargo bench --bench scale` (a minute or two).

use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use pipelinec::source::SourceFile;

#[path = "../tests/common/big.rs"]
#[allow(dead_code)]
mod big;

/// The two calls measured, kept here alone: pipelinec's public names may change.
mod measured {
    use std::path::Path;

    use pipelinec::check::Compiled as Project;
    use pipelinec::source::SourceFile;

    /// Parse, schema, semantic checks and the IAM layout.
    pub fn check(file: &SourceFile) -> Project {
        pipelinec::check::check(file).expect("the scale spec is valid")
    }

    /// The render in memory, Lambda packages included.
    pub fn render(project: &Project, out: &Path) -> pipelinec::render::Files {
        pipelinec::render::render(project, out).expect("the scale spec renders")
    }
}

const SIZES: [usize; 3] = [10, 100, 1000];

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    copy_dir(
        &root.join("tests/fixtures/valid/code"),
        &dir.path().join("code"),
    );
    let out = dir.path().join("out");
    let mut group = c.benchmark_group("scale");
    for n in SIZES {
        let path = dir.path().join(format!("iot-{n}.yaml"));
        std::fs::write(&path, big::iot_copies(n, "code/handler")).unwrap();
        let file = SourceFile::read(&path).unwrap();
        // The first check compiles the schema validators, once per process: not measured.
        let project = measured::check(&file);
        if n >= 100 {
            // Each run takes tens of milliseconds or more: ten runs of one iteration each.
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Flat);
        }
        group.bench_with_input(BenchmarkId::new("check", n), &file, |b, file| {
            b.iter(|| measured::check(file))
        });
        group.bench_with_input(BenchmarkId::new("render", n), &project, |b, project| {
            b.iter(|| measured::render(project, &out))
        });
    }
    group.finish();
}

criterion_group!(scale, benches);
criterion_main!(scale);
