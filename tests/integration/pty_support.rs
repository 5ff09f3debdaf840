//! The pseudo-terminal harness of the TUI end-to-end tests: the real `gapdeck` binary in
//! a portable-pty terminal, its screen read back with the vt100 emulator.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running gapdeck in a pseudo-terminal.
pub struct Session {
    size: (u16, u16),
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    /// gapdeck on `plan` in a 30×120 terminal.
    pub fn start(plan: &Path, home: &Path) -> Session {
        Session::start_with(Some(plan), home)
    }

    /// gapdeck on `plan` (or with no argument) in a 30×120 terminal.
    pub fn start_with(plan: Option<&Path>, home: &Path) -> Session {
        Session::start_sized(plan, home, (30, 120))
    }

    /// gapdeck in a terminal of `size` = (rows, cols), with HOME, the XDG folders and
    /// GAPDECK_STATE_DIR inside `home`, and NO_COLOR set.
    pub fn start_sized(plan: Option<&Path>, home: &Path, size: (u16, u16)) -> Session {
        let (rows, cols) = size;
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gapdeck"));
        if let Some(plan) = plan {
            cmd.arg(plan);
        }
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("GAPDECK_STATE_DIR", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("NO_COLOR", "1");
        let child = pty.slave.spawn_command(cmd).expect("start gapdeck");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero size");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
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
        Session {
            size,
            screen,
            writer,
            child,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.contents();
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

    /// NO_COLOR is set by `start`: every cell must use the terminal's own colours.
    pub fn assert_no_colours(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = self.size;
        for row in 0..rows {
            for col in 0..cols {
                let cell = screen.cell(row, col).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "fg at {row},{col}");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "bg at {row},{col}");
            }
        }
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st;
            }
            assert!(
                Instant::now() < deadline,
                "gapdeck did not quit; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
