//! The pre-commit hooks, run by the real `pre-commit` (PyPI) with `try-repo` against a scratch
//! git repository: they pass on good specs and fail on bad ones.
//!
//! pre-commit builds pipelinec with `cargo install` (the hooks use `language: rust`), which
//! builds the release profile; the build shares `target/pre-commit` so repeated runs reuse it.
//! The test checks what the hooks do, not how fast the binary runs, so the pre-commit process
//! (and the `cargo install` it runs, which inherits its environment) builds that profile
//! unoptimized: a cold build takes a fraction of an optimized one's time. Users' hooks build
//! with the real release profile. Skips without `pre-commit`, unless `PIPELINEC_REQUIRE_TOOLS=1`.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn available() -> bool {
    common::optional_tool("pre-commit", &["--version"], "pip install pre-commit")
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn try_repo(scratch: &Path, home: &Path, hook: &str) -> Output {
    Command::new("pre-commit")
        .args([
            "try-repo",
            common::root().to_str().unwrap(),
            hook,
            "--all-files",
            "--color",
            "never",
        ])
        .current_dir(scratch)
        .env("PRE_COMMIT_HOME", home)
        .env("CARGO_TARGET_DIR", common::root().join("target/pre-commit"))
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_INCREMENTAL", "0")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn show(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const GOOD: &str = "version: 1\nname: hooks\nregion: us-east-1\nsources:\n  clicks:\n    type: kinesis_stream\ntransforms:\n  delivery:\n    type: firehose\n    inputs: [clicks]\nsinks:\n  lake:\n    type: s3_data_lake\n    inputs: [delivery]\n";

#[test]
fn hooks_pass_on_good_specs_and_fail_on_bad_ones() {
    if !available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (scratch, home) = (tmp.path().join("repo"), tmp.path().join("pre-commit-home"));
    std::fs::create_dir_all(scratch.join("specs")).unwrap();
    git(&scratch, &["init", "-q"]);
    std::fs::write(scratch.join("specs/good.yaml"), GOOD).unwrap();
    // A YAML file outside specs/ is not a spec, and the hook leaves it alone.
    std::fs::write(scratch.join("config.yaml"), "not: a spec\n").unwrap();
    git(&scratch, &["add", "."]);

    let good = try_repo(&scratch, &home, "pipelinec-validate");
    assert!(good.status.success(), "{}", show(&good));

    std::fs::write(
        scratch.join("specs/bad.yaml"),
        GOOD.replace("inputs: [clicks]", "inputs: [clickz]"),
    )
    .unwrap();
    git(&scratch, &["add", "."]);
    let bad = try_repo(&scratch, &home, "pipelinec-validate");
    assert!(!bad.status.success(), "{}", show(&bad));
    assert!(
        show(&bad).contains("specs/bad.yaml:10:14"),
        "{}",
        show(&bad)
    );
    assert!(
        show(&bad).contains("did you mean `clicks`?"),
        "{}",
        show(&bad)
    );
    std::fs::remove_file(scratch.join("specs/bad.yaml")).unwrap();
    git(&scratch, &["add", "-A"]);

    // render-check: fresh output passes; a spec edited without re-rendering fails.
    let render = Command::new(env!("CARGO_BIN_EXE_pipelinec"))
        .arg("render")
        .current_dir(&scratch)
        .output()
        .unwrap();
    assert!(render.status.success(), "{}", show(&render));
    git(&scratch, &["add", "-A"]);
    let fresh = try_repo(&scratch, &home, "pipelinec-render-check");
    assert!(fresh.status.success(), "{}", show(&fresh));
    std::fs::write(
        scratch.join("specs/good.yaml"),
        GOOD.replace("name: hooks", "name: hooks2"),
    )
    .unwrap();
    git(&scratch, &["add", "-A"]);
    let stale = try_repo(&scratch, &home, "pipelinec-render-check");
    assert!(!stale.status.success(), "{}", show(&stale));
    // A renamed project's render belongs to the old name until re-rendered with --force.
    assert!(
        show(&stale).contains("generated/good/main.tf (changed, not written by pipelinec)"),
        "{}",
        show(&stale)
    );
    assert!(
        show(&stale).contains("(the folder holds the render of project `hooks`, not `hooks2`)"),
        "{}",
        show(&stale)
    );
}
