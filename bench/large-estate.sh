#!/usr/bin/env bash
# How the render's Terraform scales with the number of components (docs/large-estates.md).
#
# usage: bench/large-estate.sh [--shape SHAPE] [--monitoring WHAT] [--keep DIR] COPIES...
#
# For each COPIES, a spec of that many copies of the IoT pipeline (`bigspec iot COPIES`: a
# stream, a Firehose stream, a Lambda function, a data lake, a Glue catalog and an Athena
# workgroup each, so 6 x COPIES components) is checked and rendered by the release build, then
# terraform inits, validates and plans it (`plan -refresh=false` against moto's server on
# 127.0.0.1 with test credentials: the data sources ask STS, nothing else leaves the machine).
# Each step runs under `/usr/bin/time`; a line per step is printed:
#
#   shape  copies  components  step  seconds  peak_MiB
#
# SHAPE is how the root calls the kinds' modules:
#   per-component  what `pipelinec render` writes: one module block per component (default)
#   per-kind       one module block per kind, `for_each` over a map of the components'
#                  settings (bench/per-kind.py rewrites the render; a prototype, not a feature)
#
# WHAT is what the spec's `monitoring` keeps on: `both` (the default: the dashboard and the
# default alarms), `dashboard`, `alarms` or `none`, to tell their share from the components'.
#
# Needs: cargo, terraform with /opt/tf-plugins (offline init), python3 with moto[server].
# Run the sizes one after another on a quiet machine: terraform uses every core and GiBs.
set -euo pipefail
cd "$(dirname "$0")/.."

shape=per-component
keep=""
monitoring=both
while [ $# -gt 0 ]; do
  case "$1" in
    --shape) shape="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --monitoring) monitoring="$2"; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--shape per-component|per-kind] [--keep DIR] COPIES..." >&2; exit 2; }
case "$shape" in per-component|per-kind) ;; *) echo "unknown shape: $shape" >&2; exit 2 ;; esac

cargo build --release --quiet --bin pipelinec --example bigspec
pipelinec="$PWD/target/release/pipelinec"
bigspec="$PWD/target/release/examples/bigspec"

export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_CLI_CONFIG_FILE=/dev/null
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_EC2_METADATA_DISABLED=true
# Anything not sent to loopback fails instead of reaching the internet.
export HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1

work=$(mktemp -d)
moto_pid=""
cleanup() {
  [ -z "$moto_pid" ] || kill "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 tests/support/moto_server.py "$port" >/dev/null 2>&1 &
moto_pid=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

# step NAME COMMAND...: runs COMMAND, prints its wall time and peak memory.
step() {
  local name="$1"; shift
  local times="$work/time"
  if ! /usr/bin/time -f '%e %M' -o "$times" "$@" >"$work/out" 2>&1; then
    echo "$name failed:" >&2
    tail -30 "$work/out" >&2
    exit 1
  fi
  read -r secs kib <"$times"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$copies" "$((copies * 6))" "$name" "$secs" "$((kib / 1024))"
}

# The provider pointed at moto, as tests/terraform.rs does, in an override file.
override() {
  local endpoints=""
  for s in athena cloudwatch firehose glue iam kinesis kms lambda logs s3 scheduler sns sqs sts; do
    endpoints+="    $s = \"http://127.0.0.1:$port\""$'\n'
  done
  cat >"$1/bench_override.tf" <<EOF
provider "aws" {
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  s3_use_path_style           = true

  endpoints {
$endpoints  }
}
EOF
}

label=$shape
case "$monitoring" in
  both) ;;
  dashboard|alarms|none) label="$shape,monitoring=$monitoring" ;;
  *) echo "unknown monitoring: $monitoring" >&2; exit 2 ;;
esac
printf 'shape\tcopies\tcomponents\tstep\tseconds\tpeak_MiB\n'
for copies in "$@"; do
  dir="$work/$copies"
  mkdir -p "$dir/code"
  cp -r tests/fixtures/valid/code/handler "$dir/code/handler"
  "$bigspec" iot "$copies" >"$dir/spec.yaml"
  case "$monitoring" in
    dashboard) printf 'monitoring:\n  alarms: false\n' >>"$dir/spec.yaml" ;;
    alarms) printf 'monitoring:\n  dashboard: false\n' >>"$dir/spec.yaml" ;;
    none) printf 'monitoring:\n  dashboard: false\n  alarms: false\n' >>"$dir/spec.yaml" ;;
  esac
  step "pipelinec validate" "$pipelinec" validate "$dir/spec.yaml"
  step "pipelinec render" "$pipelinec" render "$dir/spec.yaml" -o "$dir/out"
  if [ "$shape" = per-kind ]; then
    python3 bench/per-kind.py "$dir/out"
  fi
  override "$dir/out"
  step "terraform init" terraform -chdir="$dir/out" init -backend=false -input=false -no-color -plugin-dir=/opt/tf-plugins
  step "terraform validate" terraform -chdir="$dir/out" validate -no-color
  step "terraform plan" terraform -chdir="$dir/out" plan -refresh=false -input=false -no-color -lock=false -out=plan.bin
  if [ -n "$keep" ]; then
    mkdir -p "$keep"
    rm -rf "${keep:?}/$shape-$copies"
    mv "$dir/out" "$keep/$shape-$copies"
    rm -rf "$keep/$shape-$copies/.terraform"
  fi
  rm -rf "$dir"
done
