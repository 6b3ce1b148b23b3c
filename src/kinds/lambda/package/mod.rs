//! Lambda packages, made the way a careful developer makes them by hand: only what belongs in
//! a function, dependencies installed for Lambda's platform, checked against AWS's size
//! quotas, and byte-identical for the same inputs.
//!
//! Two entry points. [`check`] is what `validate` runs on every save, so it stays cheap: it
//! resolves the code folder, walks it (names and sizes, no contents), and checks what a build
//! would need; only a folder over 50 MB is compressed, to measure it. [`package`] is what
//! `render` runs: the same, then the build in a temporary copy of the folder (the user's folder
//! is never written), then the zip and its quotas again.
//!
//! One file per concern: [`location`] (the folder stays inside the spec's), [`rules`] (what is
//! left out, as gitignore rules), [`walk`] and [`read`] (reading without following symlinks
//! out or opening special files), [`preset`] (which build), [`command`] (running it),
//! [`cache`], [`archive`] (the deterministic zip) and [`limits`].

mod archive;
mod cache;
mod command;
mod limits;
mod location;
mod preset;
mod problem;
mod read;
mod rules;
mod walk;

use std::path::{Path, PathBuf};

use crate::kinds::lambda::Lambda;

pub use limits::{MAX_UNZIPPED, MAX_ZIPPED};
pub use problem::{At, Problem};
pub use rules::{BUILT_IN, IGNORE_FILE, MANIFEST};

use location::CodeDir;
use preset::Plan;
use rules::Rules;
use walk::Tree;

/// One lambda to package.
#[derive(Debug, Clone, Copy)]
pub struct Function<'a> {
    pub id: &'a str,
    pub lambda: &'a Lambda,
    /// The spec file's folder: `code` resolves against it and must stay inside it.
    pub base_dir: &'a Path,
}

/// Render-time settings.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where built packages are cached; `None` builds every time.
    pub cache_dir: Option<PathBuf>,
}

impl Options {
    /// The cache folder the environment names (see [`cache`]).
    pub fn from_env() -> Options {
        Options {
            cache_dir: cache::default_dir(),
        }
    }
}

/// A finished package.
#[derive(Debug, Clone)]
pub struct Package {
    pub zip: Vec<u8>,
    /// Total size of its files, as Lambda counts "unzipped".
    pub unzipped: u64,
}

/// The checks `validate` runs: everything that needs no build and no render folder.
pub fn check(f: &Function) -> Vec<Problem> {
    let code = match location::resolve(f) {
        Ok(c) => c,
        Err(p) => return vec![p],
    };
    let (plan, tree) = match survey(f, &code) {
        Ok(x) => x,
        Err(p) => return p,
    };
    let mut out = preset::requirements(f, &plan, &tree);
    let size = tree.size();
    if let Some(p) = limits::unzipped(f.id, size, false) {
        out.push(p);
    } else if size > MAX_ZIPPED {
        match read_all(&tree, &place(f)).and_then(|files| zip(&files).map_err(|p| vec![p])) {
            Ok(z) => out.extend(limits::zipped(f.id, z.len() as u64)),
            Err(p) => out.extend(p),
        }
    }
    out
}

/// Builds and zips one lambda for a render into `out_dir`.
pub fn package(f: &Function, out_dir: &Path, options: &Options) -> Result<Package, Vec<Problem>> {
    let code = location::resolve(f).map_err(|p| vec![p])?;
    if let Some(p) = location::contains_output(f, &code, out_dir) {
        return Err(vec![p]);
    }
    let (plan, tree) = survey(f, &code)?;
    let mut problems = preset::requirements(f, &plan, &tree);
    problems.extend(limits::unzipped(f.id, tree.size(), false));
    if !problems.is_empty() {
        return Err(problems);
    }
    let files = read_all(&tree, &place(f))?;
    let package = if plan.builds() {
        build(f, &plan, &files, options)?
    } else {
        Package {
            zip: zip(&files).map_err(|p| vec![p])?,
            unzipped: tree.size(),
        }
    };
    match limits::zipped(f.id, package.zip.len() as u64) {
        Some(p) => Err(vec![p]),
        None => Ok(package),
    }
}

fn place(f: &Function) -> String {
    format!("the code folder of lambda `{}`", f.id)
}

/// The plan and the files it starts from.
fn survey(f: &Function, code: &CodeDir) -> Result<(Plan, Tree), Vec<Problem>> {
    let place = place(f);
    let plan = Plan::choose(f, &code.root, &place).map_err(|p| vec![p])?;
    let user = read_ignore_file(&code.root, &place).map_err(|p| vec![p])?;
    let rules = Rules::new(&code.root, plan.exclusions(), user.as_deref()).map_err(|p| vec![p])?;
    let tree = walk::walk(&code.root, &rules, &place)?;
    Ok((plan, tree))
}

/// The folder's `.pipelinecignore`, read like any other file in it (a symlink out is refused).
fn read_ignore_file(root: &Path, place: &str) -> Result<Option<String>, Problem> {
    match walk::resolve(root, Path::new(IGNORE_FILE), place)? {
        Some(walk::Resolved::File(e)) => read::read_regular(&e.real, 1024 * 1024, e.id)
            .map(|b| Some(String::from_utf8_lossy(&b).into_owned()))
            .map_err(|e| unreadable(Path::new(IGNORE_FILE), place, &e)),
        _ => Ok(None),
    }
}

fn unreadable(rel: &Path, place: &str, e: &std::io::Error) -> Problem {
    Problem::new(
        "unreadable-code",
        format!("cannot read `{}` in {place}: {e}", problem::shown(rel)),
        "cannot be read",
        "make the file readable, or list it in `.pipelinecignore`",
    )
}

/// A file's zip entry name, mode and bytes.
struct File {
    name: String,
    executable: bool,
    bytes: Vec<u8>,
}

fn read_all(tree: &Tree, place: &str) -> Result<Vec<File>, Vec<Problem>> {
    let mut out = Vec::with_capacity(tree.files.len());
    let mut problems = Vec::new();
    let mut total = 0u64;
    for (name, e) in &tree.files {
        match read::read_regular(&e.real, MAX_UNZIPPED.saturating_sub(total), e.id) {
            Ok(bytes) => {
                total += bytes.len() as u64;
                out.push(File {
                    name: name.clone(),
                    executable: e.executable,
                    bytes,
                });
            }
            Err(err) => problems.push(unreadable(Path::new(name), place, &err)),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn zip(files: &[File]) -> Result<Vec<u8>, Problem> {
    let mut a = archive::Archive::new();
    for f in files {
        a.add(&f.name, f.executable, &f.bytes).map_err(zip_failed)?;
    }
    a.finish().map_err(zip_failed)
}

fn zip_failed(e: std::io::Error) -> Problem {
    Problem::new(
        "package-failed",
        format!("cannot zip the package: {e}"),
        "cannot be zipped",
        "this is a bug in pipelinec; please report it",
    )
}

/// Runs the plan's build in a temporary copy of `files` and zips the result, or takes the zip
/// from the cache.
fn build(
    f: &Function,
    plan: &Plan,
    files: &[File],
    options: &Options,
) -> Result<Package, Vec<Problem>> {
    let mut key = cache::Key::new();
    key.add(plan.name());
    key.add(f.lambda.runtime.as_str());
    key.add(&format!("{:?}", f.lambda.architecture));
    if let Plan::Command(c) = plan {
        key.add(c);
    }
    for file in files {
        key.add(&file.name);
        key.add(if file.executable { "755" } else { "644" });
        key.add(&cache::sha256_hex(&file.bytes));
    }
    let key = key.finish();
    if let Some(dir) = &options.cache_dir
        && let Some(zip) = cache::get(dir, &key)
        && let Ok(unzipped) = archive::unzipped_size(&zip)
    {
        return Ok(Package { zip, unzipped });
    }

    let io = |e: std::io::Error| {
        vec![Problem::new(
            "build-failed",
            format!("cannot prepare the build of lambda `{}`: {e}", f.id),
            "cannot be built",
            "pipelinec builds in a temporary folder (`TMPDIR`); check that it is writable",
        )]
    };
    // Removed when dropped, on every path out of here.
    let tmp = tempfile::Builder::new()
        .prefix("pipelinec-build-")
        .tempdir()
        .map_err(io)?;
    let copy = std::fs::canonicalize(tmp.path()).map_err(io)?;
    for file in files {
        let path = copy.join(&file.name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, &file.bytes).map_err(io)?;
        #[cfg(unix)]
        if file.executable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).map_err(io)?;
        }
    }
    command::run(f, plan, &copy).map_err(|p| vec![p])?;

    // What the build left, minus the built-in rules (caches, VCS folders, secrets): the
    // `.pipelinecignore` already chose what was copied in.
    let place = format!("the build of lambda `{}`", f.id);
    let rules = Rules::new(&copy, &[], None).map_err(|p| vec![p])?;
    let tree = walk::walk(&copy, &rules, &place)?;
    let mut problems = Vec::new();
    if let Plan::Command(_) = plan {
        problems.extend(preset::bootstrap(f, &tree, " after its build"));
    }
    problems.extend(limits::unzipped(f.id, tree.size(), true));
    if !problems.is_empty() {
        return Err(problems);
    }
    let built = read_all(&tree, &place)?;
    let zip = zip(&built).map_err(|p| vec![p])?;
    if let Some(dir) = &options.cache_dir {
        cache::put(dir, &key, &zip);
    }
    Ok(Package {
        zip,
        unzipped: tree.size(),
    })
}
