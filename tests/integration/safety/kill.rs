//! The SIGKILL loop: start the real `gapdeck set`/`tick`/`move` on a plan large enough
//! that a save takes real time, kill it at a random moment, and check that the plan
//! file still loads and is exactly the old or the new version, never a mix.
//! Some kills are timed, some fired by the save's own file events.
//! `GAPDECK_KILL_LOOPS=500` runs the long version; `GAPDECK_KILL_SEED` replays one.

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use gapdeck::plan::{Gap, load_file, parse_bytes};
use gapdeck::store::{Expect, backup_path, save_plan};

use super::run::{gapdeck, path_str, run, wait_or_kill};

/// Copies of the sample plan's gaps until the plan has `n` gaps (a few MB of RON).
fn big_plan(path: &Path, n: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut plan = load_file(root.join("plans/production-readiness.ron"))
        .expect("sample plan loads")
        .plan;
    let originals = plan.gaps.clone();
    plan.gaps = (0..n)
        .map(|i| {
            let mut g: Gap = originals[i % originals.len()].clone();
            g.id = format!("g{i}");
            g.depends_on.clear();
            if g.actions.is_empty() {
                g.actions.push(gapdeck::plan::Action {
                    done: false,
                    text: "First step".into(),
                });
            }
            g
        })
        .collect();
    save_plan(path, &plan, Expect::Overwrite).expect("big plan saves");
}

/// xorshift64*: deterministic, seedable, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One random edit command (arguments after the plan path go in place of `{}`).
fn random_edit(rng: &mut Rng, gaps: usize) -> Vec<String> {
    let gap = format!("g{}", rng.below(gaps as u64));
    let pick = |rng: &mut Rng, xs: &[&str]| xs[rng.below(xs.len() as u64) as usize].to_string();
    match rng.below(5) {
        0 => vec![
            "set".into(),
            "{}".into(),
            gap,
            "--status".into(),
            pick(rng, &["done", "missing", "in-progress", "blocked"]),
        ],
        1 => vec![
            "set".into(),
            "{}".into(),
            gap,
            "--priority".into(),
            pick(rng, &["critical", "high", "medium", "low"]),
        ],
        2 => vec!["tick".into(), "{}".into(), gap, "1".into()],
        3 => vec![
            "move".into(),
            "{}".into(),
            gap,
            pick(rng, &["--up", "--down"]),
        ],
        _ => vec![
            "set".into(),
            "{}".into(),
            gap,
            "--progress".into(),
            rng.below(101).to_string(),
        ],
    }
}

/// Kills the process in `pid` from the watcher thread the moment the `nth` write-side
/// event (create, modify, rename, remove) happens in `dir`: that is, inside its save.
struct KillOnEvent {
    _watcher: notify::RecommendedWatcher,
    pid: Arc<AtomicI32>,
}

impl KillOnEvent {
    fn arm(dir: &Path, nth: u32) -> Self {
        let pid = Arc::new(AtomicI32::new(0));
        let target = Arc::clone(&pid);
        let seen = AtomicU32::new(0);
        let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            let Ok(ev) = ev else { return };
            if matches!(ev.kind, notify::EventKind::Access(_)) {
                return;
            }
            let p = target.load(Ordering::SeqCst);
            if p > 0 && seen.fetch_add(1, Ordering::SeqCst) + 1 == nth {
                // SAFETY: plain kill(2) on the pid of a child we have not reaped yet.
                unsafe { libc::kill(p, libc::SIGKILL) };
            }
        })
        .unwrap();
        notify::Watcher::watch(&mut watcher, dir, notify::RecursiveMode::NonRecursive).unwrap();
        KillOnEvent {
            _watcher: watcher,
            pid,
        }
    }
}

/// When a run is killed: after a delay, or on the nth write-side file event of its save.
#[derive(Clone, Copy, Debug)]
enum When {
    After(Duration),
    OnSaveEvent(u32),
}

fn with_plan(args: &[String], plan: &Path) -> Vec<String> {
    args.iter()
        .map(|a| {
            if a == "{}" {
                path_str(plan).to_string()
            } else {
                a.clone()
            }
        })
        .collect()
}

/// What the command writes when it is not interrupted: run it on a copy of `old`.
fn expected_new(scratch: &Path, old: &[u8], args: &[String]) -> Vec<u8> {
    fs::write(scratch, old).unwrap();
    let args = with_plan(args, scratch);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let ran = run(&argv, Duration::from_secs(60));
    assert!(
        ran.status.success(),
        "`gapdeck {}` failed: {}",
        argv.join(" "),
        ran.stderr
    );
    fs::read(scratch).unwrap()
}

/// Files beside the plan other than the plan, its backup and its lock, split into
/// temporary files of a killed save (`.plan.ron.XXXXXX`) and anything else.
fn leftovers(dir: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name != "plan.ron" && name != "plan.ron.bak" && name != ".plan.ron.lock"
        })
        .partition(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            [".plan.ron.", ".plan.ron.bak."].iter().any(|pre| {
                name.strip_prefix(pre)
                    .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
            })
        })
}

#[test]
fn sigkill_at_any_moment_leaves_the_old_or_the_new_plan() {
    let loops: usize = std::env::var("GAPDECK_KILL_LOOPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let seed: u64 = std::env::var("GAPDECK_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    eprintln!("kill loop: {loops} kills, GAPDECK_KILL_SEED={seed}");
    let mut rng = Rng(seed);

    let dir = tempfile::tempdir().unwrap();
    let scratch_dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let scratch = scratch_dir.path().join("plan.ron");
    let gaps = 400;
    big_plan(&plan, gaps);

    // Calibrate: how long one uninterrupted edit takes (the slowest of three, as the
    // machine may be busy), so kills land across its whole run.
    let mut runtime = Duration::from_millis(5);
    for _ in 0..3 {
        let probe = random_edit(&mut rng, gaps);
        let t = Instant::now();
        expected_new(&scratch, &fs::read(&plan).unwrap(), &probe);
        runtime = runtime.max(t.elapsed());
    }
    eprintln!("one edit takes up to {runtime:?}");

    let (mut old_kept, mut new_kept, mut killed) = (0, 0, 0);
    for i in 0..loops {
        let old = fs::read(&plan).unwrap();
        let args = random_edit(&mut rng, gaps);
        // A quarter of the kills anywhere in the run, a quarter near its end, and half
        // triggered by the save's own file events, so many land mid-save.
        let when = match rng.below(4) {
            0 => When::After(runtime.mul_f64(rng.below(1300) as f64 / 1000.0)),
            1 => When::After(runtime.mul_f64(0.6 + rng.below(700) as f64 / 1000.0)),
            // An atomic save shows about four such events (backup linked and renamed, plan
            // linked and renamed); a writer that rewrote the file in place would show one
            // per write, which the later event numbers hit mid-file.
            2 => When::OnSaveEvent(1 + rng.below(4) as u32),
            _ => When::OnSaveEvent(1 + rng.below(12) as u32),
        };
        let trigger = match when {
            When::OnSaveEvent(n) => Some(KillOnEvent::arm(dir.path(), n)),
            When::After(_) => None,
        };
        let mut child = gapdeck()
            .args(with_plan(&args, &plan))
            .spawn()
            .expect("gapdeck starts");
        if let Some(t) = &trigger {
            t.pid.store(child.id() as i32, Ordering::SeqCst);
        }
        if let When::After(delay) = when {
            std::thread::sleep(delay);
            let _ = child.kill(); // SIGKILL on Unix: no destructors, no cleanup
        }
        let status =
            wait_or_kill(&mut child, Duration::from_secs(60)).expect("killed process is reaped");
        drop(trigger);
        if status.signal() == Some(libc::SIGKILL) {
            killed += 1;
        }

        let now = fs::read(&plan).unwrap();
        let what = format!("kill {i} ({when:?}) of `gapdeck {}`", args.join(" "));
        if let Err(e) = parse_bytes(&now) {
            panic!("{what}: the plan no longer loads: {e}");
        }
        if now == old {
            old_kept += 1;
        } else {
            let new = expected_new(&scratch, &old, &args);
            assert!(
                now == new,
                "{what}: the plan is neither the old nor the new version"
            );
            new_kept += 1;
        }
        let bak = backup_path(&plan);
        if bak.exists() {
            let b = fs::read(&bak).unwrap();
            assert!(
                parse_bytes(&b).is_ok(),
                "{what}: the backup no longer loads"
            );
        }
        let (_temps, strays) = leftovers(dir.path());
        assert!(strays.is_empty(), "{what}: left behind {strays:?}");
    }
    // A kill between naming the temporary file and renaming it (during its fsync) can
    // leave one behind; the next save removes those once they are clearly stale.
    let (temps, _) = leftovers(dir.path());
    let stale = std::time::SystemTime::now() - Duration::from_secs(3600);
    for t in &temps {
        let f = fs::File::options().write(true).open(t).unwrap();
        f.set_modified(stale).unwrap();
    }
    let args = vec![
        "set".into(),
        "{}".into(),
        "g0".into(),
        "--progress".into(),
        "37".into(),
    ];
    let argv = with_plan(&args, &plan);
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    assert!(run(&argv, Duration::from_secs(60)).status.success());
    let (left, _) = leftovers(dir.path());
    assert!(
        left.is_empty(),
        "stale temporary files survived a save: {left:?}"
    );
    eprintln!(
        "kill loop: {old_kept} kept the old version, {new_kept} the new one; \
         {killed} were killed, the rest finished first; {} stray temporary files swept",
        temps.len()
    );
    assert!(
        loops < 10 || killed >= loops / 5,
        "only {killed} of {loops} commands were killed before finishing: the loop tested little"
    );
}
