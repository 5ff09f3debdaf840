//! Running the real `gapdeck` binary with a time limit, so a hang fails the test
//! instead of stalling the suite.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What one run of the binary did.
pub struct Ran {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

pub fn gapdeck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gapdeck"));
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("NO_COLOR", "1");
    cmd
}

/// Run `gapdeck ARGS…` to completion, killing it (and failing) after `limit`.
/// Output is drained while it runs, so a chatty child never blocks on a full pipe.
pub fn run(args: &[&str], limit: Duration) -> Ran {
    let start = Instant::now();
    let mut child = gapdeck().args(args).spawn().expect("gapdeck starts");
    let out = drain(child.stdout.take().expect("piped"));
    let err = drain(child.stderr.take().expect("piped"));
    let status = wait_or_kill(&mut child, limit)
        .unwrap_or_else(|| panic!("`gapdeck {}` hung for more than {limit:?}", args.join(" ")));
    Ran {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
        elapsed: start.elapsed(),
    }
}

fn drain(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut raw = Vec::new();
        let _ = r.read_to_end(&mut raw);
        String::from_utf8_lossy(&raw).into_owned()
    })
}

/// Wait for `child`; `None` (after killing it) if it is still running after `limit`.
pub fn wait_or_kill(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for gapdeck") {
            return Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}
