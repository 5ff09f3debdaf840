//! Saves on a full disk and a read-only file system: a precise error naming the path, and
//! the original plan intact. Uses a tiny tmpfs, so it needs root (CI runs as root);
//! elsewhere it says so and skips.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use gapdeck::store::{Expect, Fingerprint, SaveFailure, write_atomic};

/// A tmpfs of `size` mounted on a fresh temporary directory, unmounted on drop.
struct TinyFs {
    dir: tempfile::TempDir,
}

impl TinyFs {
    fn mount(size: &str) -> Option<TinyFs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root)");
            return None;
        }
        Some(TinyFs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, opts: &str) -> bool {
        Command::new("mount")
            .args(["-o", &format!("remount,{opts}")])
            .arg(self.path())
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for TinyFs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn plan_on(fs_: &TinyFs, content: &[u8]) -> (PathBuf, Fingerprint) {
    let plan = fs_.path().join("plan.ron");
    fs::write(&plan, content).unwrap();
    (plan, Fingerprint::of_bytes(content))
}

#[test]
fn a_full_disk_fails_the_save_with_a_clear_error_and_keeps_the_original() {
    let Some(tiny) = TinyFs::mount("64k") else {
        return;
    };
    let old = b"Plan(title: \"the only copy\")\n";
    let (plan, fp) = plan_on(&tiny, old);
    let huge = vec![b'x'; 512 * 1024];
    let err = write_atomic(&plan, &huge, Expect::Loaded(fp)).unwrap_err();
    assert_eq!(err.failure(), Some(SaveFailure::DiskFull), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("full") && msg.contains("plan.ron"), "{msg}");
    assert!(msg.contains("unchanged"), "{msg}");
    assert_eq!(fs::read(&plan).unwrap(), old);
    // No temporary file is left to eat the remaining space.
    let names: Vec<String> = fs::read_dir(tiny.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "plan.ron" && n != "plan.ron.bak")
        .collect();
    assert!(names.is_empty(), "left behind: {names:?}");
    // Once space is freed, the same in-memory edits save fine.
    assert!(tiny.remount("size=2m"));
    write_atomic(&plan, &huge, Expect::Loaded(fp)).unwrap();
    assert_eq!(fs::read(&plan).unwrap(), huge);
}

#[test]
fn a_read_only_file_system_fails_the_save_and_names_it() {
    let Some(tiny) = TinyFs::mount("1m") else {
        return;
    };
    let (plan, fp) = plan_on(&tiny, b"old");
    assert!(tiny.remount("ro"));
    let err = write_atomic(&plan, b"new", Expect::Loaded(fp)).unwrap_err();
    tiny.remount("rw");
    assert_eq!(err.failure(), Some(SaveFailure::ReadOnlyFs), "{err}");
    assert!(err.to_string().contains("read-only file system"), "{err}");
    assert_eq!(fs::read(&plan).unwrap(), b"old");
}
