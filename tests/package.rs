//! Lambda packaging: what is read (never anything outside the spec's folder), what goes into a
//! zip, dependencies installed by the presets, AWS size limits, and deterministic packages.
//!
//! Symlinks, FIFOs, device nodes and large files are made at test time in temporary folders;
//! only small code folders are committed (tests/fixtures/build/).

#![cfg(unix)]

mod common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use pipelinec::package::{self, Function, Options};
use pipelinec::source::SourceFile;
use pipelinec::{
    diagnostic::Diagnostic,
    report::{Style, render_human},
};

/// A spec folder `<tmp>/spec` inside a temporary root, so `<tmp>/outside` is outside it.
struct Workspace {
    _tmp: tempfile::TempDir,
    /// The canonical temporary root.
    root: PathBuf,
}

impl Workspace {
    fn new() -> Workspace {
        let tmp = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(tmp.path()).unwrap();
        std::fs::create_dir_all(root.join("spec")).unwrap();
        std::fs::create_dir_all(root.join("outside")).unwrap();
        Workspace { _tmp: tmp, root }
    }

    fn spec_dir(&self) -> PathBuf {
        self.root.join("spec")
    }

    fn spec_path(&self) -> PathBuf {
        self.spec_dir().join("spec.yaml")
    }

    /// Writes `spec.yaml` with these lambdas: (id, code, runtime, extra YAML lines).
    fn write_spec(&self, lambdas: &[(&str, &str, &str, &str)]) -> String {
        let mut text = String::from(
            "version: 1\nname: pkg\nregion: us-east-1\nsources:\n  events:\n    type: kinesis_stream\ntransforms:\n",
        );
        for (id, code, runtime, extra) in lambdas {
            let handler = if runtime.starts_with("provided") {
                "bootstrap"
            } else {
                "index.handler"
            };
            text.push_str(&format!(
                "  {id}:\n    type: lambda\n    inputs: [events]\n    code: {code}\n    runtime: {runtime}\n    handler: {handler}\n{extra}"
            ));
        }
        std::fs::write(self.spec_path(), &text).unwrap();
        text
    }

    fn check(&self) -> Result<pipelinec::check::Compiled, Vec<Diagnostic>> {
        let file = SourceFile::read(&self.spec_path()).unwrap();
        pipelinec::check::check(&file)
    }

    /// Diagnostics as a person sees them, with the codes first and the temporary root as `[TMP]`.
    fn shown(&self, diags: &[Diagnostic]) -> String {
        let text = std::fs::read_to_string(self.spec_path()).unwrap();
        let tmp = self.root.display().to_string();
        let diags: Vec<Diagnostic> = diags
            .iter()
            .cloned()
            .map(|mut d| {
                d.message = d.message.replace(&tmp, "[TMP]");
                d.help = d.help.map(|h| h.replace(&tmp, "[TMP]"));
                d
            })
            .collect();
        let file = SourceFile::new(PathBuf::from("spec.yaml"), text);
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        format!(
            "codes: {}\n\n{}",
            codes.join(", "),
            render_human(&file, &diags, Style::plain())
        )
    }

    /// Renders in memory into `out` (relative to the spec folder), with a private build cache.
    fn render(&self, out: &str) -> Result<pipelinec::render::Files, Vec<Diagnostic>> {
        let project = self
            .check()
            .map_err(|d| panic!("{}", self.shown(&d)))
            .unwrap();
        let options = Options {
            cache_dir: Some(self.root.join("cache")),
        };
        match pipelinec::render::render_with(&project, &self.spec_dir().join(out), &options) {
            Ok(files) => Ok(files),
            Err(pipelinec::render::RenderError::Diagnostics(d)) => Err(d),
            Err(e) => panic!("{e}"),
        }
    }

    /// Runs `pipelinec render spec.yaml -o OUT` in the spec folder, with this build cache.
    fn render_cli(&self, out: &str, cache: &str, path: Option<&Path>) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pipelinec"));
        cmd.args(["render", "spec.yaml", "-o", out])
            .current_dir(self.spec_dir())
            .env("NO_COLOR", "1")
            .env("PIPELINEC_CACHE_DIR", self.root.join(cache));
        if let Some(path) = path {
            cmd.env("PATH", path);
        }
        cmd.output().unwrap()
    }
}

/// Runs `f` on another thread and fails if it takes longer than a minute: opening a FIFO for
/// reading, or reading /dev/zero, would never end.
fn within_a_minute<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{what} hung: something opened a FIFO or a device"))
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Every file under `dir`, relative, sorted (to see that a build left the user's folder alone).
fn listing(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Name and unix mode of every zip entry, in zip order.
fn entries(zip: &[u8]) -> Vec<(String, u32)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let e = archive.by_index(i).unwrap();
            (e.name().unwrap().to_string(), e.unix_mode().unwrap_or(0))
        })
        .collect()
}

fn names(zip: &[u8]) -> Vec<String> {
    entries(zip).into_iter().map(|(n, _)| n).collect()
}

fn entry(zip: &[u8], name: &str) -> Vec<u8> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut out = Vec::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// What Terraform's `filebase64sha256` computes, in hex: the `source_code_hash`.
fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn lambda(code: &str, runtime: &str) -> pipelinec::kinds::lambda::Lambda {
    serde_json::from_value(serde_json::json!({
        "code": code, "runtime": runtime, "handler": "index.handler"
    }))
    .unwrap()
}

/// The codes the render-time packager reports for `code`, with no build cache.
fn render_time_codes(ws: &Workspace, id: &str, code: &str, runtime: &str) -> Vec<&'static str> {
    let l = lambda(code, runtime);
    let f = Function {
        id,
        lambda: &l,
        base_dir: &ws.spec_dir(),
    };
    match package::package(&f, &ws.root.join("out"), &Options::default()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.code).collect(),
    }
}

#[test]
fn reading_the_code_folder_never_leaves_it() {
    let ws = Workspace::new();
    let (spec, outside) = (ws.spec_dir(), ws.root.join("outside"));
    // Outside the spec's folder: a secret, and a FIFO that hangs whoever opens it.
    write(&outside.join("secret.txt"), "do not package me\n");
    mkfifo(&outside.join("pipe"));
    write(&outside.join("ignore"), "*.js\n");
    symlink("../outside", spec.join("escape")).unwrap();

    let app = spec.join("app");
    write(&app.join("index.js"), "exports.handler = async () => 1;\n");
    mkfifo(&app.join("pipe"));
    symlink("pipe", app.join("inner-pipe")).unwrap();
    symlink("/dev/zero", app.join("zero")).unwrap();
    symlink("/dev/null", app.join("null")).unwrap();
    symlink("../../outside/secret.txt", app.join("secret")).unwrap();
    symlink("../../outside/pipe", app.join("hang")).unwrap();
    symlink("missing.js", app.join("broken")).unwrap();
    std::fs::create_dir(app.join("lib")).unwrap();
    symlink("..", app.join("lib/up")).unwrap();
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"name\xff.js");
        std::fs::write(app.join(name), "x").unwrap();
    }
    // A `.pipelinecignore` is read like any file in the folder: not through a symlink out.
    write(&spec.join("ignored/index.js"), "x\n");
    symlink(
        "../../outside/ignore",
        spec.join("ignored/.pipelinecignore"),
    )
    .unwrap();

    ws.write_spec(&[
        ("up", "../outside", "nodejs22.x", ""),
        // Refused by its text alone: nothing under /dev is even looked at.
        ("absolute", "/dev", "nodejs22.x", ""),
        ("linked", "escape", "nodejs22.x", ""),
        ("app", "app", "nodejs22.x", ""),
        ("ignored", "ignored", "nodejs22.x", ""),
    ]);

    let shown = within_a_minute("validate", {
        let spec = ws.spec_path();
        move || {
            let file = SourceFile::read(&spec).unwrap();
            pipelinec::check::check(&file).expect_err("invalid")
        }
    });
    insta::assert_snapshot!("reading_outside", ws.shown(&shown));
    // The command says the same and exits 1.
    let out = within_a_minute("pipelinec validate", {
        let dir = ws.spec_dir();
        move || {
            Command::new(env!("CARGO_BIN_EXE_pipelinec"))
                .args(["validate", "spec.yaml"])
                .current_dir(dir)
                .env("NO_COLOR", "1")
                .output()
                .unwrap()
        }
    });
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with(&format!("spec.yaml: {} problems found\n", shown.len())),
        "{stderr}"
    );

    // Render-time packaging finds the same problems, also without opening anything.
    let ws = std::sync::Arc::new(ws);
    let codes = within_a_minute("render packaging", {
        let ws = ws.clone();
        move || {
            [
                ("up", "../outside"),
                ("absolute", "/dev"),
                ("linked", "escape"),
                ("app", "app"),
                ("ignored", "ignored"),
            ]
            .iter()
            .map(|(id, code)| render_time_codes(&ws, id, code, "nodejs22.x"))
            .collect::<Vec<_>>()
        }
    });
    let expected: Vec<Vec<&str>> = shown
        .iter()
        .fold(Vec::<(usize, Vec<&str>)>::new(), |mut acc, d| {
            let at = d.offset();
            match acc.last_mut() {
                Some((last, codes)) if *last == at => codes.push(d.code),
                _ => acc.push((at, vec![d.code])),
            }
            acc
        })
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    assert_eq!(codes, expected);
}

#[test]
fn device_nodes_are_refused_without_being_opened() {
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipping: creating a device node needs root (symlinks to /dev are tested)");
        return;
    }
    let ws = Workspace::new();
    let app = ws.spec_dir().join("app");
    write(&app.join("index.js"), "x\n");
    let node = app.join("zero");
    let c = std::ffi::CString::new(node.as_os_str().as_encoded_bytes()).unwrap();
    // Character device 1:5 is /dev/zero: reading it never ends.
    let dev = libc::makedev(1, 5);
    assert_eq!(
        unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o644, dev) },
        0
    );
    ws.write_spec(&[("app", "app", "nodejs22.x", "")]);
    let diags = within_a_minute("validate", {
        let spec = ws.spec_path();
        move || {
            let file = SourceFile::read(&spec).unwrap();
            pipelinec::check::check(&file).expect_err("invalid")
        }
    });
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "special-file");
    assert_eq!(
        diags[0].message,
        "`zero` in the code folder of lambda `app` is a character device"
    );
}

#[test]
fn only_the_sources_go_into_the_zip() {
    let ws = Workspace::new();
    let f = ws.spec_dir().join("fn");
    write(&f.join("handler.py"), "def handler(e, c):\n    return 1\n");
    chmod(&f.join("handler.py"), 0o600);
    write(&f.join("bin/run.sh"), "#!/bin/sh\n");
    chmod(&f.join("bin/run.sh"), 0o700);
    write(&f.join("lib/util.py"), "X = 1\n");
    symlink("lib/util.py", f.join("alias.py")).unwrap();
    write(&f.join("lib/__pycache__/util.cpython-312.pyc"), "bytecode");
    write(&f.join("lib/old.pyc"), "bytecode");
    write(&f.join(".git/HEAD"), "ref: refs/heads/main\n");
    mkfifo(&f.join(".git/fsmonitor")); // inside an excluded folder: never looked at
    write(&f.join(".venv/lib/site.py"), "x"); // excluded by name, pyvenv.cfg or not
    write(&f.join("env/pyvenv.cfg"), "home = /usr/bin\n"); // a virtualenv by another name
    write(&f.join("env/lib/site.py"), "x");
    write(&f.join(".env"), "SECRET=1\n");
    write(&f.join(".env.production"), "SECRET=2\n");
    write(&f.join(".envrc"), "export SECRET=3\n");
    write(&f.join(".terraform/providers/p"), "x");
    write(&f.join(".DS_Store"), "x");
    write(&f.join("lib/Thumbs.db"), "x");
    write(&f.join("old-render/.pipelinec-manifest.json"), "{}");
    write(&f.join("old-render/main.tf"), "x");
    write(&f.join("debug.log"), "x");
    write(&f.join("keep.log"), "kept\n");
    write(
        &f.join(".pipelinecignore"),
        "# test data\ndata/\n*.log\n!keep.log\n",
    );
    // 60 MB of junk listed in .pipelinecignore: never read, never counted against the limits.
    std::fs::create_dir(f.join("data")).unwrap();
    std::fs::File::create(f.join("data/huge.bin"))
        .unwrap()
        .set_len(60 << 20)
        .unwrap();
    ws.write_spec(&[("fn", "fn", "python3.13", "")]);

    let files = within_a_minute("render", move || {
        let files = ws.render("../out").unwrap();
        drop(ws);
        files
    });
    let zip = &files[Path::new("build/fn.zip")];
    assert_eq!(
        entries(zip),
        [
            ("alias.py".to_string(), 0o100644),
            ("bin/run.sh".to_string(), 0o100755),
            ("handler.py".to_string(), 0o100644),
            ("keep.log".to_string(), 0o100644),
            ("lib/util.py".to_string(), 0o100644),
        ]
    );
    assert_eq!(entry(zip, "alias.py"), b"X = 1\n");
}

#[test]
fn a_code_folder_holding_the_render_output_is_refused() {
    let ws = Workspace::new();
    write(
        &ws.spec_dir().join("index.js"),
        "exports.handler = async () => 1;\n",
    );
    // An earlier render in the folder is pipelinec's, never packaged.
    write(
        &ws.spec_dir().join("earlier/.pipelinec-manifest.json"),
        "{}",
    );
    write(&ws.spec_dir().join("earlier/main.tf"), "x");
    ws.write_spec(&[("whole", ".", "nodejs22.x", "")]);
    assert!(
        ws.check().is_ok(),
        "validate does not know the render folder"
    );
    let diags = ws.render("generated/pkg").unwrap_err();
    insta::assert_snapshot!("code_contains_output", ws.shown(&diags));
    let files = ws.render("../out").unwrap();
    assert_eq!(
        names(&files[Path::new("build/whole.zip")]),
        ["index.js", "spec.yaml"]
    );
}

/// 60 MB that deflate cannot shrink: xorshift64* output.
fn incompressible(path: &Path, bytes: usize) {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = Vec::with_capacity(bytes);
    while out.len() < bytes {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        out.extend_from_slice(&state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn sixty_megabytes_of_code_is_too_large_to_upload() {
    let ws = Workspace::new();
    let big = ws.spec_dir().join("big");
    write(&big.join("index.js"), "x\n");
    incompressible(&big.join("model.bin"), 60 << 20);
    ws.write_spec(&[("big", "big", "nodejs22.x", "")]);
    let diags = ws.check().unwrap_err();
    insta::assert_snapshot!("too_large", ws.shown(&diags));
    assert_eq!(
        render_time_codes(&ws, "big", "big", "nodejs22.x"),
        ["package-too-large"]
    );
}

#[test]
fn a_build_that_outgrows_the_limit_is_caught_at_render() {
    let ws = Workspace::new();
    write(&ws.spec_dir().join("small/index.js"), "x\n");
    ws.write_spec(&[(
        "grows",
        "small",
        "nodejs22.x",
        "    build: { command: \"head -c 62914560 /dev/urandom > blob\" }\n",
    )]);
    assert!(ws.check().is_ok(), "the folder itself is small");
    let diags = ws.render("../out").unwrap_err();
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "package-too-large");
    assert!(
        diags[0]
            .message
            .ends_with("zipped; Lambda takes at most 50.0 MB uploaded directly"),
        "{}",
        diags[0].message
    );
}

#[test]
fn a_failing_build_command_is_a_diagnostic_at_build() {
    let ws = Workspace::new();
    write(&ws.spec_dir().join("rust/main.rs"), "fn main() {}\n");
    ws.write_spec(&[(
        "native",
        "rust",
        "provided.al2023",
        "    build: { command: \"echo compiling; echo 'error: linker not found' >&2; exit 3\" }\n",
    )]);
    let diags = ws.render("../out").unwrap_err();
    insta::assert_snapshot!("build_failed", ws.shown(&diags));
}

#[test]
fn a_build_command_runs_in_a_copy_and_may_make_the_bootstrap() {
    let ws = Workspace::new();
    write(&ws.spec_dir().join("go/main.go"), "package main\n");
    ws.write_spec(&[(
        "native",
        "go",
        "provided.al2023",
        "    architecture: arm64\n    build: { command: \"printf '#!/bin/sh\\\\n' > bootstrap && chmod +x bootstrap && rm main.go && echo $PIPELINEC_LAMBDA $PIPELINEC_RUNTIME $PIPELINEC_ARCHITECTURE > built-for\" }\n",
    )]);
    let before = listing(&ws.spec_dir());
    let files = ws.render("../out").unwrap();
    let zip = &files[Path::new("build/native.zip")];
    assert_eq!(
        entries(zip),
        [
            ("bootstrap".to_string(), 0o100755),
            ("built-for".to_string(), 0o100644)
        ]
    );
    assert_eq!(entry(zip, "built-for"), b"native provided.al2023 arm64\n");
    assert_eq!(
        listing(&ws.spec_dir()),
        before,
        "the user's folder is untouched"
    );
    // A command that does not make one is told so after the build.
    ws.write_spec(&[(
        "native",
        "go",
        "provided.al2023",
        "    build: { command: \"true\" }\n",
    )]);
    let diags = ws.render("../out").unwrap_err();
    assert_eq!(
        diags[0].message,
        "lambda `native` uses `provided.al2023` but its code folder after its build has no `bootstrap`"
    );
}

#[test]
fn packages_are_byte_identical_and_follow_the_code() {
    let ws = Workspace::new();
    let code = ws.spec_dir().join("handler");
    copy_dir(&common::root().join("tests/fixtures/code/handler"), &code);
    ws.write_spec(&[("fn", "handler", "nodejs22.x", "")]);
    let zip = || ws.render("../out").unwrap()[Path::new("build/fn.zip")].clone();
    let first = zip();
    assert_eq!(first, zip(), "two renders, one package");
    // A new modification time or a stricter mode changes nothing that Lambda sees.
    let index = code.join("index.js");
    let text = std::fs::read(&index).unwrap();
    std::fs::write(&index, &text).unwrap();
    chmod(&index, 0o600);
    assert_eq!(sha256(&zip()), sha256(&first));
    // One byte of code changes the package, so `source_code_hash` changes and Terraform
    // redeploys.
    let mut changed = text.clone();
    changed[0] ^= 1;
    std::fs::write(&index, &changed).unwrap();
    assert_ne!(sha256(&zip()), sha256(&first));
    // And the Terraform module hashes the file it uploads.
    let files = ws.render("../out").unwrap();
    let module = String::from_utf8(files[Path::new("modules/lambda/main.tf")].clone()).unwrap();
    assert!(module.contains("source_code_hash = filebase64sha256(var.filename)"));
}

/// Whether pip runs as the packager will run it (`pip`, else `python3 -m pip`).
fn have_pip() -> bool {
    let pip = Command::new("pip")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    pip || common::optional_tool(
        "python3",
        &["-m", "pip", "--version"],
        "install pip (`apt-get install python3-pip`)",
    )
}

/// Renders the spec twice with separate caches (so both are real builds) and once more from a
/// damaged cache entry; returns the package, checked identical all three times.
fn build_twice(ws: &Workspace, id: &str) -> Vec<u8> {
    let zip_of = |out: &str, cache: &str| {
        let o = ws.render_cli(out, cache, None);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read(ws.spec_dir().join(out).join(format!("build/{id}.zip"))).unwrap()
    };
    let a = zip_of("../out-a", "cache-a");
    let b = zip_of("../out-b", "cache-b");
    assert!(a == b, "two builds of the same inputs differ");
    // A damaged cache entry is rebuilt, to the same bytes.
    let builds = ws.root.join("cache-a/builds");
    let entry = std::fs::read_dir(&builds).unwrap().next().unwrap().unwrap();
    std::fs::write(entry.path(), b"pipelinec-build-cache 1 junk").unwrap();
    assert!(zip_of("../out-c", "cache-a") == a);
    let o = ws.render_cli("../out-a", "cache-a", None);
    assert!(o.status.success());
    a
}

#[test]
fn python_dependencies_are_installed_for_lambda_reproducibly() {
    if !have_pip() {
        return;
    }
    let ws = Workspace::new();
    copy_dir(
        &common::root().join("tests/fixtures/build/python"),
        &ws.spec_dir().join("python"),
    );
    write(
        &ws.spec_dir().join("python/__pycache__/app.cpython-312.pyc"),
        "x",
    );
    ws.write_spec(&[("python_fn", "python", "python3.12", "")]);
    let before = listing(&ws.spec_dir());
    let zip = build_twice(&ws, "python_fn");
    let names = names(&zip);
    for expected in [
        "app.py",
        "requirements.txt",
        "six.py",
        "six-1.16.0.dist-info/METADATA",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    assert!(
        !names.iter().any(|n| n.ends_with(".pyc")),
        "no bytecode: {names:?}"
    );
    assert_eq!(
        listing(&ws.spec_dir()),
        before,
        "the user's folder is untouched"
    );
}

#[test]
fn node_dependencies_are_installed_from_the_lockfile_reproducibly() {
    if !common::optional_tool("npm", &["--version"], "install Node.js with npm") {
        return;
    }
    let ws = Workspace::new();
    let code = ws.spec_dir().join("node");
    copy_dir(&common::root().join("tests/fixtures/build/node"), &code);
    // A stale install in the folder is not copied: npm ci installs afresh.
    write(&code.join("node_modules/stale/index.js"), "x");
    ws.write_spec(&[("node_fn", "node", "nodejs22.x", "    architecture: arm64\n")]);
    let before = listing(&ws.spec_dir());
    let zip = build_twice(&ws, "node_fn");
    let names = names(&zip);
    for expected in [
        "index.js",
        "package.json",
        "package-lock.json",
        "node_modules/is-number/index.js",
        "node_modules/is-number/package.json",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    assert!(
        !names.iter().any(|n| n.contains("stale")),
        "stale node_modules: {names:?}"
    );
    assert_eq!(
        listing(&ws.spec_dir()),
        before,
        "the user's folder is untouched"
    );
}

#[test]
fn missing_pip_and_npm_are_diagnostics() {
    let ws = Workspace::new();
    copy_dir(
        &common::root().join("tests/fixtures/build/python"),
        &ws.spec_dir().join("python"),
    );
    copy_dir(
        &common::root().join("tests/fixtures/build/node"),
        &ws.spec_dir().join("node"),
    );
    ws.write_spec(&[
        ("python_fn", "python", "python3.12", ""),
        ("node_fn", "node", "nodejs22.x", ""),
    ]);
    // A PATH with nothing on it: no pip, no python3, no npm.
    let empty = ws.root.join("empty-path");
    std::fs::create_dir(&empty).unwrap();
    let o = ws.render_cli("../out", "cache", Some(&empty));
    assert_eq!(o.status.code(), Some(1));
    assert!(!ws.root.join("out").exists(), "nothing written");
    insta::assert_snapshot!("tools_missing", String::from_utf8_lossy(&o.stderr));
}
