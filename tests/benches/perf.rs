//! gapdeck's benchmarks (issue 7), one divan binary so `cargo bench` runs them all.
//! Targets and the latest medians are in README.md § Performance.
//!
//! - [`pipeline`]: `report --format json` on generated 1k/10k/100k files, as the real binary
//!   (with its peak memory) and in-process, and its parts (RON parse, full load, validate,
//!   analyze, JSON render).
//! - [`peak_memory`]: peak RSS of the real binary, through a small probe process.
//! - [`import`]: `import::import_markdown` on a 1 MB report built from a seed.
//! - [`tui`]: one key (edit or cursor move) through `App::update` to a drawn 200×60 frame.
//! - [`startup`]: cold start to the first frame on the sample, in-process and the real
//!   binary in a pseudo-terminal.
//! - [`finder`]: the `/` fuzzy finder, one typed character at 1k / 10k / 100k gaps.
//!
//! Divan's allocation profiler is on, so every bench also reports allocations.

mod finder;
mod fixtures;
mod import;
mod peak_memory;
mod pipeline;
mod startup;
mod tui;

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    // Must come first: the probe has to stay a small process (see peak_memory).
    peak_memory::run_probe_if_asked();
    divan::main();
    peak_memory::print();
}
