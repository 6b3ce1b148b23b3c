//! `render` owns only what it wrote: the user's files in a render folder (Terraform state, lock
//! file, backend, overrides, notes, the spec and its code) survive every render, a removed
//! component's files go, a foreign folder is refused, and failed or concurrent renders never
//! leave a half-written folder or temporary files.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pipelinec::render::Files;

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pipelinec"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A folder holding a copy of the IoT example spec and its Lambda code.
fn project_with_spec() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let specs = common::root().join("specs");
    std::fs::copy(
        specs.join("iot-analytics.yaml"),
        dir.path().join("iot-analytics.yaml"),
    )
    .unwrap();
    for (rel, bytes) in common::read_tree(&specs.join("iot-analytics")) {
        let dest = dir.path().join("iot-analytics").join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::write(dest, bytes).unwrap();
    }
    dir
}

/// The file set a fresh render of `spec` produces.
fn fresh(spec: &Path) -> Files {
    let file = pipelinec::source::SourceFile::read(spec).unwrap();
    let project = pipelinec::check::check(&file).unwrap();
    pipelinec::render::render(&project, Path::new("out")).unwrap()
}

/// Every path under `dir` whose name starts with the temporary-file prefix, or any folder named
/// `.pipelinec-*` (the old renderer's staging folders).
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    common::read_tree(dir)
        .into_keys()
        .filter(|p| {
            p.components().any(|c| {
                let name = c.as_os_str().to_string_lossy();
                name.starts_with(pipelinec::render::TEMP_PREFIX)
                    || (name.starts_with(".pipelinec-") && name != ".pipelinec-manifest.json")
            })
        })
        .collect()
}

/// The user's files a render folder typically holds besides the render.
fn user_files() -> Vec<(&'static str, &'static [u8])> {
    vec![
        ("terraform.tfstate", b"{\"version\": 4, \"serial\": 7}\n"),
        (
            "terraform.tfstate.backup",
            b"{\"version\": 4, \"serial\": 6}\n",
        ),
        (".terraform.lock.hcl", b"# lock\n"),
        (".terraform/providers/registry/aws", b"\x7fELF provider"),
        (".terraform/terraform.tfstate", b"{}"),
        ("backend.tf", b"terraform {\n  backend \"local\" {}\n}\n"),
        ("terraform.tfvars", b"extra_tags = {}\n"),
        ("my_override.tf", b"# override\n"),
        ("override.tf", b"# override\n"),
        ("team.auto.tfvars", b"# vars\n"),
        ("network.tf", b"# the user's own resources\n"),
        ("notes.md", b"# notes\n"),
        (
            "modules/lambda/notes.md",
            b"a user's note inside a rendered folder\n",
        ),
    ]
}

fn put(dir: &Path, files: &[(&str, &[u8])]) {
    for (rel, bytes) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

fn assert_user_files_intact(dir: &Path, files: &[(&str, &[u8])]) {
    for (rel, bytes) in files {
        assert_eq!(
            std::fs::read(dir.join(rel)).ok().as_deref(),
            Some(*bytes),
            "{rel} changed or was removed"
        );
    }
}

#[test]
fn re_render_keeps_every_user_file_and_repairs_its_own() {
    let project = project_with_spec();
    let dir = project.path().join("out");
    let spec = project.path().join("iot-analytics.yaml");
    let render = || {
        run_in(
            project.path(),
            &["render", "iot-analytics.yaml", "-o", "out"],
        )
    };
    assert_eq!(render().status.code(), Some(0));
    put(&dir, &user_files());

    // Damage the render: an edited file, a deleted folder, a stray temporary from a killed run.
    std::fs::write(dir.join("main.tf"), "# edited by hand\n").unwrap();
    std::fs::remove_dir_all(dir.join("modules/athena")).unwrap();
    std::fs::write(dir.join(".pipelinec-tmp-killed"), "partial").unwrap();
    let out = render();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_user_files_intact(&dir, &user_files());
    assert_eq!(common::read_rendered(&dir), fresh(&spec));
    assert!(temporaries(&dir).is_empty(), "{:?}", temporaries(&dir));

    let check = run_in(
        project.path(),
        &["render", "--check", "iot-analytics.yaml", "-o", "out"],
    );
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
}

#[test]
fn removing_a_component_removes_its_files_and_nothing_else() {
    let project = project_with_spec();
    let dir = project.path().join("out");
    let spec = project.path().join("iot-analytics.yaml");
    let render = || {
        run_in(
            project.path(),
            &["render", "iot-analytics.yaml", "-o", "out"],
        )
    };
    assert_eq!(render().status.code(), Some(0));
    put(&dir, &user_files());
    put(&dir, &[("queries/analytics/mine.sql", b"select 1;\n")]);
    let before = common::read_tree(&dir);

    // Drop the Athena component (the last one in the spec) and the schedule that runs one of
    // its queries.
    let text_before = std::fs::read_to_string(&spec).unwrap();
    let cut = text_before
        .find("\n  analytics:")
        .expect("athena component");
    let schedule = text_before
        .find("\n  morning_sensor_check:")
        .expect("schedule component");
    let schedule_end = schedule + 1 + text_before[schedule + 1..].find("\n\n").unwrap();
    let edited = format!(
        "{}{}",
        &text_before[..schedule],
        &text_before[schedule_end..cut + 1]
    );
    std::fs::write(&spec, edited).unwrap();
    let out = render();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let after = common::read_tree(&dir);
    let expected = fresh(&spec);
    assert!(!dir.join("modules/athena").exists());
    assert!(
        !dir.join("queries/analytics/average_by_location.sql")
            .exists()
    );
    // Its query folder stays only because it holds the user's own file.
    assert!(dir.join("queries/analytics/mine.sql").exists());
    for (path, bytes) in &before {
        let ours_before = common::read_rendered(&dir).contains_key(path)
            || path.starts_with("modules/athena")
            || path.starts_with("modules/schedule")
            || path.starts_with("queries/analytics")
                && path != Path::new("queries/analytics/mine.sql")
            || path == Path::new(".pipelinec-manifest.json");
        if ours_before {
            continue;
        }
        assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
    }
    let removed: Vec<_> = before.keys().filter(|p| !after.contains_key(*p)).collect();
    assert!(
        removed.iter().all(|p| p.starts_with("modules/athena")
            || p.starts_with("modules/schedule")
            || p.starts_with("queries/analytics")),
        "removed more than the component's files: {removed:?}"
    );
    assert_eq!(common::read_rendered(&dir), expected);
}

#[test]
fn output_folder_may_hold_the_spec_and_its_code() {
    // The project folder inside a folder of its own, so that nothing else writes beside it.
    let outer = tempfile::tempdir().unwrap();
    let made = project_with_spec();
    std::fs::rename(made.path(), outer.path().join("proj")).unwrap();
    struct At(PathBuf);
    impl At {
        fn path(&self) -> &Path {
            &self.0
        }
    }
    let project = At(outer.path().join("proj"));
    let spec_before = std::fs::read(project.path().join("iot-analytics.yaml")).unwrap();
    let code_before = common::read_tree(&project.path().join("iot-analytics"));
    let parent = project.path().parent().unwrap();
    let name = project.path().file_name().unwrap().to_str().unwrap();

    // `-o DIR` where DIR holds the spec, from outside it.
    let spec_arg = format!("{name}/iot-analytics.yaml");
    let out = run_in(parent, &["render", &spec_arg, "-o", name]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // `-o .` from inside it.
    let out = run_in(project.path(), &["render", "iot-analytics.yaml", "-o", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "rendered iot-analytics.yaml into . (0 written, 49 unchanged, 0 removed)\n"
    );

    assert_eq!(
        std::fs::read(project.path().join("iot-analytics.yaml")).unwrap(),
        spec_before
    );
    assert_eq!(
        common::read_tree(&project.path().join("iot-analytics")),
        code_before
    );
    assert_eq!(
        common::read_rendered(project.path()),
        fresh(&project.path().join("iot-analytics.yaml"))
    );
    assert!(temporaries(parent).is_empty());
    let check = run_in(
        project.path(),
        &["render", "--check", "iot-analytics.yaml", "-o", "."],
    );
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
}

#[test]
fn a_foreign_folder_is_refused_without_force() {
    let project = project_with_spec();
    let dir = project.path().join("out");
    put(
        &dir,
        &[
            ("main.tf", b"# someone else's main.tf\n"),
            ("modules/lambda/main.tf", b"# theirs too\n"),
            ("notes.md", b"# notes\n"),
        ],
    );
    let before = common::read_tree(&dir);
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "out"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: `out` holds files that pipelinec did not write and would overwrite:\n  \
         out/main.tf\n  out/modules/lambda/main.tf\nnothing was written; move them away, or \
         pass --force to let pipelinec replace them\n"
    );
    assert_eq!(
        common::read_tree(&dir),
        before,
        "a refused render wrote something"
    );

    // Files identical to what pipelinec would write are no conflict (an old render, say).
    let spec = project.path().join("iot-analytics.yaml");
    let identical = tempfile::tempdir().unwrap();
    let versions = &fresh(&spec)[Path::new("versions.tf")];
    put(identical.path(), &[("versions.tf", versions)]);
    let out = run_in(
        project.path(),
        &[
            "render",
            "iot-analytics.yaml",
            "-o",
            identical.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    // --force takes the conflicting files over, and still leaves the rest alone.
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "out", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(common::read_rendered(&dir), fresh(&spec));
    assert_eq!(std::fs::read(dir.join("notes.md")).unwrap(), b"# notes\n");
}

#[test]
fn another_projects_render_is_refused_without_force() {
    let project = project_with_spec();
    let spec = project.path().join("iot-analytics.yaml");
    assert_eq!(
        run_in(
            project.path(),
            &["render", "iot-analytics.yaml", "-o", "out"]
        )
        .status
        .code(),
        Some(0)
    );
    let renamed = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("name: iot-analytics", "name: iot-other");
    std::fs::write(project.path().join("other.yaml"), renamed).unwrap();
    let before = common::read_tree(&project.path().join("out"));
    let out = run_in(project.path(), &["render", "other.yaml", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: `out` holds the render of project `iot-analytics`, not of `iot-other`\nnothing \
         was written; render into another folder, or pass --force to replace that render\n"
    );
    assert_eq!(common::read_tree(&project.path().join("out")), before);
}

#[test]
fn out_naming_a_file_is_an_error_not_a_replacement() {
    let project = project_with_spec();
    std::fs::write(project.path().join("out.tf"), "# mine\n").unwrap();
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "out.tf"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: `out.tf` exists and is not a folder; give `-o` a folder\n"
    );
    assert_eq!(
        std::fs::read_to_string(project.path().join("out.tf")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn a_manifest_naming_paths_outside_its_folder_deletes_nothing() {
    let project = project_with_spec();
    std::fs::write(project.path().join("precious.txt"), "keep").unwrap();
    let dir = project.path().join("out");
    put(
        &dir,
        &[(
            ".pipelinec-manifest.json",
            br#"{"generator":"pipelinec","format":1,"project":"iot-analytics","files":{"../precious.txt":"sha256:00"}}"#,
        )],
    );
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "out"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("out/.pipelinec-manifest.json"));
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "out", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(project.path().join("precious.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn a_link_out_of_the_folder_is_not_written_through() {
    let project = project_with_spec();
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = project.path().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.join("modules")).unwrap();
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "out"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).starts_with("error: cannot write `out/modules`: pipelinec writes files below this path, but it is a file or a link, not a folder"),
        "{}",
        text(&out.stderr)
    );
    assert!(common::read_tree(elsewhere.path()).is_empty());
    assert!(temporaries(&dir).is_empty());
    assert!(
        !dir.join("main.tf").exists(),
        "nothing is written when staging fails"
    );
}

/// Pairs of renders of one spec into one folder at the same time: each pair leaves one
/// complete render and no temporary file.
#[test]
fn concurrent_renders_into_one_folder_take_turns() {
    let project = project_with_spec();
    let dir = project.path().join("out");
    let expected = fresh(&project.path().join("iot-analytics.yaml"));
    let pairs: usize = std::env::var("PIPELINEC_CONCURRENT_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    for i in 0..pairs {
        if i % 50 == 0 {
            // Start some pairs from an empty folder, the rest over a complete render.
            let _ = std::fs::remove_dir_all(&dir);
        }
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_pipelinec"))
                .args(["render", "iot-analytics.yaml", "-o", "out"])
                .current_dir(project.path())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "pair {i}: {}", text(&out.stderr));
        }
        assert_eq!(common::read_rendered(&dir), expected, "pair {i}");
        assert!(temporaries(project.path()).is_empty(), "pair {i}");
    }
}

/// A render killed at any moment leaves a folder that the next render repairs completely.
#[test]
fn a_killed_render_is_repaired_by_the_next() {
    let project = project_with_spec();
    let dir = project.path().join("out");
    let spec = project.path().join("iot-analytics.yaml");
    let original = std::fs::read_to_string(&spec).unwrap();
    let edited = original.replace("retention_hours: 168", "retention_hours: 48");
    put(&dir, &user_files());
    for i in 0..40u64 {
        // Alternate specs so every render has files to replace.
        std::fs::write(&spec, if i % 2 == 0 { &edited } else { &original }).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_pipelinec"))
            .args(["render", "iot-analytics.yaml", "-o", "out"])
            .current_dir(project.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros((i * 797) % 12_000));
        let _ = child.kill();
        let _ = child.wait();
        let out = run_in(
            project.path(),
            &["render", "iot-analytics.yaml", "-o", "out"],
        );
        assert_eq!(out.status.code(), Some(0), "run {i}: {}", text(&out.stderr));
        assert_eq!(common::read_rendered(&dir), fresh(&spec), "run {i}");
        assert!(
            temporaries(&dir).is_empty(),
            "run {i}: {:?}",
            temporaries(&dir)
        );
        assert_user_files_intact(&dir, &user_files());
    }
}

/// A write that fails part way (here: a file-size limit makes the larger files fail to write,
/// as a full disk would) leaves the previous render byte-identical and no temporary file.
#[test]
fn a_failed_write_leaves_the_previous_render_untouched() {
    use std::os::unix::process::CommandExt;
    let project = project_with_spec();
    let dir = project.path().join("out");
    let spec = project.path().join("iot-analytics.yaml");
    assert_eq!(
        run_in(
            project.path(),
            &["render", "iot-analytics.yaml", "-o", "out"]
        )
        .status
        .code(),
        Some(0)
    );
    put(&dir, &user_files());
    let before = common::read_tree(&dir);

    // A change to the code (a small zip, staged first) and to the stream (main.tf, larger).
    let code = project
        .path()
        .join("iot-analytics/alert_processor/index.js");
    let mut js = std::fs::read_to_string(&code).unwrap();
    js.push_str("// changed\n");
    std::fs::write(&code, js).unwrap();
    let text_spec = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("retention_hours: 168", "retention_hours: 48");
    std::fs::write(&spec, text_spec).unwrap();
    let next = fresh(&spec);
    let zip = next[Path::new("build/alert_processor.zip")].len() as u64;
    let main = next[Path::new("main.tf")].len() as u64;
    assert!(
        zip < main,
        "the test needs the zip staged before a larger file fails"
    );
    let limit = zip + 1;

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pipelinec"));
    cmd.args(["render", "iot-analytics.yaml", "-o", "out"])
        .current_dir(project.path())
        .env("NO_COLOR", "1");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // Without this the kernel kills the process (SIGXFSZ) instead of failing the write.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("error: cannot write `out/main.tf`: File too large"),
        "{err}"
    );
    assert_eq!(
        common::read_tree(&dir),
        before,
        "the failed render changed the folder"
    );
    assert!(temporaries(project.path()).is_empty());

    // Code that cannot be read fails before anything is written, too.
    std::fs::remove_dir_all(project.path().join("iot-analytics/alert_processor")).unwrap();
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "out"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("iot-analytics.yaml: not rendered; fix the problems above"));
    assert_eq!(common::read_tree(&dir), before);
    assert!(temporaries(project.path()).is_empty());
}

/// An override file can replace a reviewed block while every rendered file stays identical:
/// `render --check` names each block it changes, and fails unless told the overrides are
/// reviewed. `render` keeps the files (they are the user's).
#[test]
fn render_check_names_blocks_that_override_files_change() {
    let project = project_with_spec();
    let dir = project.path().join("out");
    let render = |extra: &[&str]| {
        let mut args = vec!["render", "iot-analytics.yaml", "-o", "out"];
        args.extend_from_slice(extra);
        run_in(project.path(), &args)
    };
    assert_eq!(render(&[]).status.code(), Some(0));
    let evil = (
        "evil_override.tf",
        &b"resource \"aws_iam_role_policy\" \"alert_processor\" {\n  policy = jsonencode({ Statement = [{ Effect = \"Allow\", Action = \"*\", Resource = \"*\" }] })\n}\n"[..],
    );
    let json = (
        "modules/lambda/override.tf.json",
        &br#"{"resource": {"aws_lambda_function": {"this": {"runtime": "python3.13"}}}, "locals": {"unrelated": 1}}"#[..],
    );
    let harmless = ("other_override.tf", &b"variable \"not_rendered\" {}\n"[..]);
    let broken = ("broken_override.tf", &b"resource \"x\" {\n"[..]);
    put(&dir, &[evil, json, harmless, broken]);

    let out = render(&["--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "out: up to date\n\
         out: 3 blocks of the render are changed by override files that Terraform merges over it:\n  \
         out/broken_override.tf: (does not parse: it may override any block)\n  \
         out/evil_override.tf: resource \"aws_iam_role_policy\" \"alert_processor\"\n  \
         out/modules/lambda/override.tf.json: resource \"aws_lambda_function\" \"this\"\n\
         review them with the render; pass --allow-overrides once they are reviewed\n"
    );
    let allowed = render(&["--check", "--allow-overrides"]);
    assert_eq!(allowed.status.code(), Some(0));
    assert!(text(&allowed.stdout).ends_with("(allowed by --allow-overrides)\n"));

    assert_eq!(render(&[]).status.code(), Some(0));
    assert_user_files_intact(&dir, &[evil, json, harmless, broken]);
}

/// A spec's `backend` renders `backend.tf`, which pipelinec then owns; a `backend.tf` of the
/// user's own in the folder is never replaced by it: the render is refused, nothing written.
#[test]
fn a_spec_backend_never_replaces_the_users_backend_file() {
    let project = project_with_spec();
    let spec = project.path().join("iot-analytics.yaml");
    let text_of_spec = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        text_of_spec.replacen(
            "region: us-east-1\n",
            "region: us-east-1\nbackend:\n  s3:\n    bucket: team-terraform-state\n",
            1,
        ),
    )
    .unwrap();
    let dir = project.path().join("out");
    let mine: &[u8] = b"terraform {\n  backend \"local\" {}\n}\n";
    put(&dir, &[("backend.tf", mine)]);
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "out"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("out/backend.tf"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(dir.join("backend.tf")).unwrap(), mine);
    assert!(
        !dir.join("main.tf").exists(),
        "a refused render wrote something"
    );

    // In a folder of its own, the render writes it; a re-render keeps it.
    let out = run_in(
        project.path(),
        &["render", "iot-analytics.yaml", "-o", "fresh"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let backend = std::fs::read_to_string(project.path().join("fresh/backend.tf")).unwrap();
    assert!(
        backend.contains("bucket       = \"team-terraform-state\"")
            && backend.contains("key          = \"iot-analytics/terraform.tfstate\""),
        "{backend}"
    );
}
