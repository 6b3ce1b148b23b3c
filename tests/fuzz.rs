//! The fuzz target on stable Rust, in `cargo test`: every saved crash and regression input
//! under `fuzz/regressions/`, every seed in raw and structured mode, then seeded random inputs
//! for a fixed budget (`PIPELINEC_FUZZ_SECONDS`, default 20; `PIPELINEC_FUZZ_SEED` to vary
//! the stream). The coverage-guided run of the same target is AFL++ (`fuzz/README.md`).
//!
//! Each input must finish within [`TIME_LIMIT`] and allocate at most [`MEMORY_LIMIT`] at once
//! (a counting allocator measures the peak); a panic, abort-worthy recursion, slow or greedy
//! input fails the test and leaves the input in the target directory to replay.

#[path = "../fuzz/src/target.rs"]
mod target;

mod common;
use common::Rng;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use target::{Outcome, Target};

const TIME_LIMIT: Duration = Duration::from_secs(10);
const MEMORY_LIMIT: usize = 512 << 20;

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Tests in this binary run one at a time, so the peak belongs to one input.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Runs one input with every limit; the outcome, or why it failed (the input saved).
fn run(target: &Target, data: &[u8], what: &str) -> Outcome {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| target.run(data)));
    let elapsed = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    let failure = match &result {
        Err(e) => Some(
            e.downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into()),
        ),
        Ok(_) if elapsed > TIME_LIMIT => Some(format!("took {elapsed:?}")),
        Ok(_) if peak > MEMORY_LIMIT => Some(format!("allocated {} MB at once", peak >> 20)),
        Ok(_) => None,
    };
    if let Some(why) = failure {
        let dump = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failure.bin");
        std::fs::write(&dump, data).unwrap();
        panic!(
            "{what}: {why}\ninput saved in {} (replay: copy it to fuzz/regressions/)",
            dump.display()
        );
    }
    result.unwrap()
}

#[test]
fn saved_inputs_and_seeds_pass_every_property() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let target = Target::new(&common::root());
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    let saved = common::root().join("fuzz/regressions");
    let mut paths: Vec<_> = std::fs::read_dir(&saved)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths {
        inputs.push((p.display().to_string(), std::fs::read(&p).unwrap()));
    }
    for (i, seed) in target.seeds.iter().enumerate() {
        let mut raw = vec![0u8];
        raw.extend(seed.text.as_bytes());
        inputs.push((format!("{} (raw)", seed.path.display()), raw));
        // Structured mode, this seed, its text as is.
        let n = target.seeds.len();
        let pick = if n > 256 {
            vec![(i >> 8) as u8, i as u8]
        } else {
            vec![i as u8]
        };
        let mut data = vec![1u8];
        data.extend(pick);
        data.push(3);
        inputs.push((format!("{} (structured)", seed.path.display()), data));
    }
    let mut rendered = 0;
    for (what, data) in &inputs {
        let outcome = run(&target, data, what);
        eprintln!("{what}: {outcome:?}");
        if outcome == Outcome::Rendered {
            rendered += 1;
        }
    }
    // The valid seeds (examples and valid fixtures) render, in both modes.
    assert!(rendered >= 8, "only {rendered} inputs rendered");
}

#[test]
fn random_inputs_pass_every_property() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let target = Target::new(&common::root());
    let budget = std::env::var("PIPELINEC_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let seed = std::env::var("PIPELINEC_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15u64);
    let mut rng = Rng(seed);
    let start = Instant::now();
    let (mut runs, mut outcomes) = (0u64, [0u64; 3]);
    while start.elapsed() < Duration::from_secs(budget) {
        let len = (rng.next() % 96) as usize;
        let mut data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        // Mostly structured mode: raw bytes rarely make a spec.
        if let Some(first) = data.first_mut()
            && *first % 8 == 0
            && !rng.next().is_multiple_of(4)
        {
            *first |= 1;
        }
        let outcome = run(
            &target,
            &data,
            &format!("random input {runs} of seed {seed}"),
        );
        outcomes[outcome as usize] += 1;
        runs += 1;
    }
    eprintln!(
        "fuzz: {runs} inputs in {:?}: {} invalid, {} rendered, {} checked (code elsewhere)",
        start.elapsed(),
        outcomes[0],
        outcomes[1],
        outcomes[2]
    );
    assert!(runs >= 100, "only {runs} inputs in {budget} s");
    assert!(outcomes[1] > 0, "no random input rendered: {outcomes:?}");
}
