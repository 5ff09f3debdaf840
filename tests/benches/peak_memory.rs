//! Peak memory (RSS) of a `gapdeck` run, measured through a small probe process.
//!
//! Why a probe: on Linux a child started by `vfork`/`posix_spawn` inherits its parent's
//! high-water RSS at `exec`, so once the bench process holds the 100k fixtures every child
//! it starts would report the bench's size, not its own. The bench therefore re-runs its own
//! binary in probe mode ([`run_probe_if_asked`], first thing in `main`, before divan or any
//! fixture): that fresh, small process starts `gapdeck`, waits, and prints the child's
//! `ru_maxrss`. This is what `/usr/bin/time -f %M` reports, with nothing to install.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;

/// Set (to anything) in the probe's environment; its arguments are the program to measure.
const PROBE: &str = "GAPDECK_BENCH_PEAK_RSS_PROBE";

/// (gaps, MiB) per measured size, printed by [`print`] once divan's table is done.
static PEAKS: Mutex<Vec<(usize, f64)>> = Mutex::new(Vec::new());

/// In probe mode: runs the program named by the arguments (output discarded), prints its
/// peak RSS in kilobytes, and exits with its status. Otherwise returns at once.
pub fn run_probe_if_asked() {
    if std::env::var_os(PROBE).is_none() {
        return;
    }
    let mut args = std::env::args_os().skip(1);
    let program = args.next().expect("probe: the program to measure");
    let status = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("probe: start the program");
    println!("{}", children_max_rss_kb());
    std::process::exit(status.code().unwrap_or(1));
}

#[cfg(unix)]
fn children_max_rss_kb() -> i64 {
    use nix::sys::resource::{UsageWho, getrusage};
    // Linux reports ru_maxrss in kilobytes; the probe has had exactly one child.
    getrusage(UsageWho::RUSAGE_CHILDREN).map_or(0, |u| u.max_rss())
}

#[cfg(not(unix))]
fn children_max_rss_kb() -> i64 {
    0
}

/// Measures one run of `program args` for size `n` through the probe and records it.
pub fn measure(n: usize, program: &Path, args: &[&std::ffi::OsStr]) {
    if cfg!(not(unix)) {
        return;
    }
    let exe = std::env::current_exe().expect("the bench binary's own path");
    let out = Command::new(exe)
        .env(PROBE, "1")
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .expect("start the peak-memory probe");
    assert!(out.status.success(), "probe run failed: {}", out.status);
    let kb: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("the probe prints its child's peak RSS in KB");
    PEAKS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((n, kb / 1024.0));
}

/// Prints the recorded peaks, if any bench measured one.
pub fn print() {
    let peaks = PEAKS.lock().unwrap_or_else(|e| e.into_inner());
    if peaks.is_empty() {
        return;
    }
    println!("\nreport_binary peak RSS (target at 100,000 gaps: ≤ 150 MB = 143 MiB)");
    for (n, mb) in peaks.iter() {
        println!("  {n:>7} gaps  {mb:>6.1} MiB");
    }
}
