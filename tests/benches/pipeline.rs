//! The report pipeline at 1k / 10k / 100k gaps: the whole `report --format json` command
//! in-process (read, fingerprint, parse, validate, locate, analyze, render, write), then
//! each stage alone so a regression points at its stage; and the real binary, process start
//! included, with its peak memory.

use std::ffi::OsStr;
use std::io;
use std::path::Path;
use std::process::{Command as Process, Stdio};

use divan::{Bencher, black_box};
use gapdeck::cli::report::{Format, Report, ReportArgs, json};
use gapdeck::cli::{Command, dispatch};
use gapdeck::engine::analyze;
use gapdeck::plan::{parse, raw, validate};

use crate::fixtures::{SIZES, path, plan, text};
use crate::peak_memory;

/// Target: ≤ 15 ms / 60 ms / 600 ms (the binary; this is the same work minus process start).
#[divan::bench(args = SIZES, sample_count = 30, max_time = 20)]
fn report_json(bencher: Bencher, n: usize) {
    let command = Command::Report(ReportArgs {
        plan: path(n).clone(),
        format: Format::Json,
    });
    bencher.bench(|| {
        let exit = dispatch(&command, &mut io::sink(), &mut io::sink());
        black_box(exit.expect("the generated plan reports"))
    });
}

/// The issue's own measure: `gapdeck report PLAN --format json > /dev/null`, the release
/// binary as a child process. Target: ≤ 15 ms / 60 ms / 600 ms, peak RSS ≤ 150 MB at 100k.
#[divan::bench(args = SIZES, sample_count = 30, max_time = 30)]
fn report_binary(bencher: Bencher, n: usize) {
    let plan = path(n);
    let gapdeck = Path::new(env!("CARGO_BIN_EXE_gapdeck"));
    let args = [
        OsStr::new("report"),
        plan.as_os_str(),
        OsStr::new("--format"),
        OsStr::new("json"),
    ];
    bencher.bench(|| {
        let status = Process::new(gapdeck)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("start gapdeck");
        assert!(
            status.success(),
            "gapdeck report {} failed: {status}",
            plan.display()
        );
    });
    peak_memory::measure(n, gapdeck, &args);
}

/// ron → the raw serde structs only (no conversion, validation or positions).
#[divan::bench(args = SIZES, sample_count = 30, max_time = 10)]
fn ron_only(bencher: Bencher, n: usize) {
    let src = text(n);
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    bencher.bench(|| {
        let p: raw::Plan = options.from_str(src).expect("the generated plan parses");
        black_box(p)
    });
}

/// `plan::parse`: RON, conversion, validation and (when there are problems) positions.
#[divan::bench(args = SIZES, sample_count = 30, max_time = 10)]
fn parse_text(bencher: Bencher, n: usize) {
    let src = text(n);
    bencher.bench(|| black_box(parse(src).expect("the generated plan parses")));
}

#[divan::bench(args = SIZES, sample_count = 30, max_time = 10)]
fn validate_plan(bencher: Bencher, n: usize) {
    let p = plan(n);
    bencher.bench(|| black_box(validate(p)));
}

#[divan::bench(args = SIZES, sample_count = 30, max_time = 10)]
fn analyze_plan(bencher: Bencher, n: usize) {
    let p = plan(n);
    bencher.bench(|| black_box(analyze(p)));
}

/// The JSON formatter on a ready analysis.
#[divan::bench(args = SIZES, sample_count = 30, max_time = 10)]
fn render_json(bencher: Bencher, n: usize) {
    let p = plan(n);
    let a = analyze(p);
    bencher.bench(|| black_box(json::render(&Report::new(p, &a))));
}
