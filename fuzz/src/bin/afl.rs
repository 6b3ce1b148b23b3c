//! AFL++ entry point: `cargo afl build --release` then `cargo afl fuzz` (see fuzz/README.md).
//! Every property of the target is an assertion, so a violation is a crash AFL++ keeps.

#[path = "../target.rs"]
mod target;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let target = target::Target::new(&root);
    afl::fuzz!(|data: &[u8]| {
        target.run(data);
    });
}
