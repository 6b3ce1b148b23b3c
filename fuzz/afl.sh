#!/usr/bin/env bash
# The long, coverage-guided run of the fuzz target with AFL++ (see fuzz/README.md):
#   bash fuzz/afl.sh [TOTAL_EXECS] [OUT_DIR] [JOBS]
# builds the instrumented target, seeds it with every spec and fixture of the repository (raw
# mode) and every seed index (structured mode) plus fuzz/regressions/, and runs JOBS AFL++
# instances (main + secondaries) until TOTAL_EXECS executions in all. Crashes and hangs land in
# OUT_DIR/*/crashes and OUT_DIR/*/hangs; replay one with
#   cargo run --release --manifest-path fuzz/Cargo.toml --bin replay -- --print FILE
set -euo pipefail
cd "$(dirname "$0")"
execs=${1:-1000000}
out=${2:-/tmp/pipelinec-afl}
jobs=${3:-$(nproc)}
# Its own target folder: AFL++ instrumentation flags would otherwise rebuild the main release.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo afl build --release --bin afl
seeds=$(mktemp -d)
i=0
for f in ../specs/*.yaml ../tests/fixtures/*/*.yaml; do
  printf '\0' > "$seeds/raw-$i"; cat "$f" >> "$seeds/raw-$i"; i=$((i + 1))
done
for s in $(seq 0 $((i - 1))); do printf "\\x01\\x$(printf %02x "$s")\\x03" > "$seeds/seed-$s"; done
cp regressions/* "$seeds/"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
# The instrumented pipelinec has more edges than AFL++'s default map holds.
export AFL_MAP_SIZE=${AFL_MAP_SIZE:-1000000}
per=$((execs / jobs))
pids=()
for j in $(seq 1 "$jobs"); do
  role=-S; [ "$j" = 1 ] && role=-M
  cargo afl fuzz -i "$seeds" -o "$out" $role "f$j" -x yaml.dict -t 5000 -m 1024 -E "$per" \
    "$CARGO_TARGET_DIR/release/afl" > "$out.f$j.log" 2>&1 &
  pids+=($!)
done
wait "${pids[@]}"
cargo afl whatsup -s "$out" || true
found=$(find "$out" -path '*/crashes/id:*' -o -path '*/hangs/id:*' | wc -l)
echo "crashes and hangs: $found"
[ "$found" = 0 ]
