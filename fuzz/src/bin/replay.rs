//! Runs the target on input files (AFL++ crashes, hangs, queue entries) without
//! instrumentation, printing what each decodes to and its outcome: `cargo run --release --bin
//! replay -- FILE...` (with `--print` to show the decoded spec).

#[path = "../target.rs"]
mod target;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let target = target::Target::new(&root);
    let mut print = false;
    for arg in std::env::args().skip(1) {
        if arg == "--print" {
            print = true;
            continue;
        }
        let data = std::fs::read(&arg).expect("readable input");
        let file = target.spec(&data);
        if print {
            println!("--- {arg} as {}:\n{}", file.path.display(), file.text);
        }
        let start = std::time::Instant::now();
        let outcome = target.run_file(&file);
        println!("{arg}: {outcome:?} in {:?}", start.elapsed());
    }
}
