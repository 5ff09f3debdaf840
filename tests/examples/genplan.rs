//! Writes a deterministic synthetic plan of N gaps as RON on stdout, for benchmarks and
//! end-to-end timing: `cargo run --release --example genplan -- 100000 [SEED] > big.ron`.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [n] => n.parse().ok().map(|n| (n, 1)),
        [n, seed] => n.parse().ok().zip(seed.parse().ok()),
        _ => None,
    };
    let Some((n, seed)) = parsed else {
        eprintln!("usage: genplan N [SEED]   (N gaps, SEED defaults to 1; RON on stdout)");
        return ExitCode::from(2);
    };
    let plan = gapdeck::genplan::generate(n, seed);
    let text = gapdeck::plan::to_ron_string(&plan);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        eprintln!("genplan: cannot write the plan to stdout: {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
