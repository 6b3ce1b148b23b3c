//! Embeds every file under `templates/` in the binary, so `pipelinec` runs from anywhere.
use std::path::Path;

fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, root, out);
        } else {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(format!(
                "    ({rel:?}, include_str!({:?})),\n",
                p.canonicalize().unwrap().to_string_lossy()
            ));
        }
    }
}

fn embed(folder: &str, name: &str, doc: &str) {
    let root = Path::new(folder);
    println!("cargo:rerun-if-changed={folder}");
    let mut entries = Vec::new();
    walk(root, root, &mut entries);
    let code = format!(
        "/// {doc}: (path under `{folder}/`, contents).\npub static {}: &[(&str, &str)] = &[\n{}];\n",
        name.to_uppercase(),
        entries.concat()
    );
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join(format!("{name}.rs"));
    std::fs::write(out, code).unwrap();
}

fn main() {
    embed("templates", "templates", "Every template file");
    // The example specs double as `pipelinec init` templates.
    embed("specs", "specs", "Every example spec and its code");
}
