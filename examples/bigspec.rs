//! Writes a large spec to stdout, for measuring pipelinec on big input (see README,
//! "Limits and hostile input"):
//!
//! ```sh
//! cargo run --release --example bigspec -- pipelines 40000 > tests/fixtures/valid/big.yaml
//! ```
//!
//! KIND is `pipelines N` (N stream → firehose → lake chains, about N × 250 bytes), `components
//! N`, `inputs N` (one Lambda with N stream inputs), `iot N` (N copies of the IoT pipeline, 6N
//! components), `string N` (a valid spec with an N-byte
//! value), `string-refused N` (the same value also where Glue refuses it), or one of the shapes
//! that pass AWS's default account quotas: `firehoses N` (one stream read by N Firehose streams),
//! `workgroups N` (N Athena workgroups), `crawlers N` / `catalogs N` (N Glue catalogs with or
//! without a crawler), `lakes N` (N data lakes). Specs with a
//! Lambda expect to sit in `tests/fixtures/valid/`, holding `tests/fixtures/valid/code/handler`.

#[path = "../tests/common/big.rs"]
mod big;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: bigspec pipelines|components|inputs|iot|string|string-refused|firehoses|workgroups|crawlers|catalogs|lakes N";
    let [kind, n] = args.as_slice() else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a number");
    let spec = match kind.as_str() {
        "pipelines" => big::pipelines(n),
        "components" => big::components(n),
        "inputs" => big::inputs(n),
        "iot" => big::iot_copies(n, "code/handler"),
        "string" => big::string(n, false),
        "string-refused" => big::string(n, true),
        other => big::quota(other, n).unwrap_or_else(|| {
            eprintln!("{usage}");
            std::process::exit(2);
        }),
    };
    print!("{spec}");
}
