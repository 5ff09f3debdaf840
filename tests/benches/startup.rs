//! Cold start to the first frame on the built-in sample plan (target ≤ 30 ms):
//! - `first_frame_in_process`: parse the embedded sample, analyze, build the app, draw one
//!   200×60 frame on a `TestBackend` (what the binary does before its first `draw`).
//! - `first_frame_binary`: the real `gapdeck` binary started in a pseudo-terminal with an
//!   empty home (so it opens the sample), timed until the plan's title reaches the
//!   terminal; process start, terminal setup and the first write included.

use std::io::Read;
use std::sync::mpsc;
use std::time::Duration;

use divan::{Bencher, black_box};
use gapdeck::plan::parse;
use gapdeck::sample::DEFAULT;
use gapdeck::tui::action::Action;
use gapdeck::tui::app::App;
use gapdeck::tui::document::{Document, Origin};
use gapdeck::tui::keymap::Keymap;
use gapdeck::tui::theme::{ColorMode, Theme};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Text of the sample's first frame that the binary bench waits for.
const TITLE: &str = "process gaps";

#[divan::bench(sample_count = 100, max_time = 5)]
fn first_frame_in_process() -> u16 {
    let loaded = parse(DEFAULT).expect("the sample plan parses");
    let doc = Document::new(loaded.plan, Origin::Sample, loaded.problems);
    let mut app = App::new(doc, Keymap::defaults(), Theme::defaults(ColorMode::Colors));
    app.update(Action::Resize(200, 60));
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    term.draw(|f| f.render_widget(&app, f.area()))
        .expect("drawing to a TestBackend cannot fail");
    black_box(term.backend().buffer().area.width)
}

/// A started gapdeck whose output has shown the first frame; dropping it kills the process.
struct Running(Box<dyn portable_pty::Child + Send + Sync>);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[divan::bench(sample_count = 30, max_time = 20)]
fn first_frame_binary(bencher: Bencher) {
    let home = tempfile::tempdir().expect("temp home");
    bencher
        .with_inputs(|| {
            let pty = native_pty_system()
                .openpty(PtySize {
                    rows: 60,
                    cols: 200,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("open a pseudo-terminal");
            let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gapdeck"));
            let h = home.path();
            cmd.cwd(h);
            cmd.env("TERM", "xterm-256color");
            cmd.env("HOME", h);
            cmd.env("XDG_STATE_HOME", h.join("state"));
            cmd.env("XDG_CONFIG_HOME", h.join("config"));
            cmd.env("XDG_DATA_HOME", h.join("data"));
            (pty, cmd)
        })
        .bench_local_values(|(pty, cmd)| {
            let child = pty.slave.spawn_command(cmd).expect("start gapdeck");
            let running = Running(child);
            let mut reader = pty.master.try_clone_reader().expect("pty reader");
            // A reader thread, so a binary that never draws fails the bench instead of hanging.
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                let mut seen = Vec::new();
                let mut buf = [0u8; 16 * 1024];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    seen.extend_from_slice(&buf[..n]);
                    if seen.windows(TITLE.len()).any(|w| w == TITLE.as_bytes()) {
                        let _ = tx.send(());
                        break;
                    }
                }
            });
            rx.recv_timeout(Duration::from_secs(10))
                .expect("gapdeck showed the sample's title within 10 s");
            (running, pty)
        });
}
