//! End-to-end for the views: the real binary in a pseudo-terminal finds a gap with `/`,
//! switches to the timeline and the cost view, and the month totals on screen match
//! `gapdeck report --format json` for the same plan.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gapdeck::engine::Range;
use gapdeck::plan::Dec2;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::cli_support::gapdeck;

const ROWS: u16 = 40;
const COLS: u16 = 140;

struct Tui {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Tui {
    fn start(plan: &Path, home: &Path) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gapdeck"));
        cmd.arg(plan);
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("NO_COLOR", "1");
        let child = pty.slave.spawn_command(cmd).expect("start gapdeck");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero size");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(ROWS), nz(COLS), 0)));
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Tui {
            screen,
            writer,
            child,
        }
    }

    fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen.lock().unwrap().screen().contents();
            if s.contains(what) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "screen never showed {what:?}; it shows:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// The month totals `gapdeck report --format json` gives: ("Jan 2026", low–high).
fn report_months(plan: &Path) -> Vec<(String, Range)> {
    let out = gapdeck()
        .args(["report", "--format", "json"])
        .arg(plan)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("report is JSON");
    let dec = |x: &serde_json::Value| Dec2::parse(&x.to_string()).expect("amount");
    v["months"]
        .as_array()
        .expect("months")
        .iter()
        .map(|m| {
            let ym = m["month"].as_str().expect("YYYY-MM");
            let d = jiff::civil::Date::strptime("%Y-%m-%d", format!("{ym}-01")).expect("month");
            let name = d.strftime("%b %Y").to_string();
            let range = Range {
                low: dec(&m["low"]),
                high: dec(&m["high"]),
            };
            (name, range)
        })
        .collect()
}

#[test]
fn find_a_gap_then_timeline_and_costs_agree_with_report() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.ron");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/process-gaps.ron");
    std::fs::copy(sample, &plan_path).unwrap();
    let plan = gapdeck::plan::load_file(&plan_path).unwrap().plan;
    let target = plan
        .gaps
        .iter()
        .find(|g| g.title.to_lowercase().contains("monitor"))
        .expect("the sample has a monitoring gap")
        .clone();
    let months = report_months(&plan_path);
    assert!(months.len() >= 2, "{months:?}");

    let mut t = Tui::start(&plan_path, dir.path());
    t.wait_for(&target.title);

    t.keys("/");
    t.wait_for("Find a gap");
    t.keys("monitor");
    t.wait_for("/monitor");
    t.keys("\r");
    t.wait_for(&format!("Phase {}", {
        let p = target.phase.as_deref().unwrap();
        plan.phases.iter().find(|x| x.id == p).unwrap().name.clone()
    }));

    t.keys("t");
    let s = t.wait_for("Gap · days");
    assert!(s.contains("Team load"), "{s}");
    assert!(
        s.contains(&format!("{}: ← waits for", target.id)),
        "the found gap is selected in the timeline:\n{s}"
    );

    t.keys("c");
    for (i, (name, range)) in months.iter().enumerate() {
        let total = gapdeck::tui::format::range_full(*range);
        t.wait_for(&format!("{name} total {total}"));
        if i + 1 < months.len() {
            t.keys("l");
        }
    }
    t.keys("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(st) = t.child.try_wait().unwrap() {
            assert!(st.success(), "exit status {st:?}");
            break;
        }
        assert!(Instant::now() < deadline, "gapdeck did not quit");
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn a_bad_config_file_is_shown_with_its_position_and_defaults_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.ron");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/minimal.ron");
    std::fs::copy(sample, &plan_path).unwrap();
    let conf = dir.path().join("config").join("gapdeck");
    std::fs::create_dir_all(&conf).unwrap();
    std::fs::write(
        conf.join("keymap.ron"),
        "(\n  table: { fly_away: [\"x\"] },\n)",
    )
    .unwrap();
    let mut t = Tui::start(&plan_path, dir.path());
    let s = t.wait_for("keymap.ron:2:");
    assert!(s.contains("fly_away"), "{s}");
    t.keys("t"); // the default bindings still apply
    t.wait_for("Gap · ");
    t.keys("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    while t.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "gapdeck did not quit");
        std::thread::sleep(Duration::from_millis(30));
    }
}
