//! A million gaps (64 MB of RON) through `gapdeck check`: it must work or fail clearly,
//! and its peak memory must stay proportional to the file (measured with wait4).
//! Long: `cargo test --test integration -- --ignored million`.

use std::fs;
use std::io::{BufWriter, Write};
use std::time::{Duration, Instant};

use super::run::{gapdeck, path_str};

#[test]
#[ignore = "long (tens of seconds in a debug build); run with --ignored"]
fn a_million_gaps_check_within_time_and_memory_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("million.ron");
    let mut f = BufWriter::new(fs::File::create(&path).unwrap());
    writeln!(
        f,
        "Plan(title: \"million\", start: \"2026-01-05\", team: [Member(name: \"dev\", \
         hours_per_week: 40)], gaps: ["
    )
    .unwrap();
    for i in 0..1_000_000 {
        writeln!(
            f,
            "Gap(id: \"g{i}\", title: \"Gap {i}\", estimate: Hours(1, 2)),"
        )
        .unwrap();
    }
    writeln!(f, "])").unwrap();
    f.into_inner().unwrap().sync_all().unwrap();
    let size = fs::metadata(&path).unwrap().len();

    let start = Instant::now();
    // wait4 reaps it (std's Child cannot report peak memory), so std never waits on it.
    #[allow(clippy::zombie_processes)]
    let child = gapdeck()
        .args(["check", path_str(&path)])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to overwrite.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into the two locals above.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid, "wait4 failed");
    let elapsed = start.elapsed();
    let peak = usage.ru_maxrss as u64 * 1024; // kilobytes on Linux
    eprintln!(
        "million gaps: {} MB file, exit {}, {elapsed:?}, peak memory {} MB",
        size >> 20,
        libc::WEXITSTATUS(status),
        peak >> 20
    );
    assert!(
        libc::WIFEXITED(status),
        "gapdeck check was killed by a signal"
    );
    assert!(matches!(libc::WEXITSTATUS(status), 0..=2));
    assert!(elapsed < Duration::from_secs(180), "took {elapsed:?}");
    assert!(
        peak < 16 * size,
        "peak memory {peak} for a {size}-byte file"
    );
}
