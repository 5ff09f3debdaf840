//! Tests of the plan watcher against real file-system notifications.

use std::fs;

use super::*;

/// Poll like the TUI loop does (every 50 ms) until something is reported or `limit` passes.
fn wait(w: &mut PlanWatcher, known: Option<Fingerprint>, limit: Duration) -> Option<DiskEvent> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(ev) = w.poll(Instant::now(), known) {
            return Some(ev);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

fn setup() -> (tempfile::TempDir, PathBuf, Fingerprint, PlanWatcher) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    fs::write(&plan, "v1").unwrap();
    let w = PlanWatcher::watch(&plan).unwrap();
    (dir, plan, Fingerprint::of_bytes(b"v1"), w)
}

#[test]
fn an_outside_write_is_reported_within_a_second() {
    let (_dir, plan, v1, mut w) = setup();
    assert_eq!(
        w.poll(Instant::now(), Some(v1)),
        None,
        "never blocks, nothing yet"
    );
    let t = Instant::now();
    fs::write(&plan, "v2").unwrap();
    let ev = wait(&mut w, Some(v1), Duration::from_secs(3));
    assert_eq!(ev, Some(DiskEvent::Changed(Fingerprint::of_bytes(b"v2"))));
    assert!(
        t.elapsed() < Duration::from_secs(1),
        "took {:?}",
        t.elapsed()
    );
}

#[test]
fn an_editor_style_rename_over_the_plan_is_reported() {
    let (dir, plan, v1, mut w) = setup();
    let tmp = dir.path().join(".plan.ron.swp");
    fs::write(&tmp, "from the editor").unwrap();
    fs::rename(&tmp, &plan).unwrap();
    let ev = wait(&mut w, Some(v1), Duration::from_secs(3));
    let want = Fingerprint::of_bytes(b"from the editor");
    assert_eq!(ev, Some(DiskEvent::Changed(want)));
}

#[test]
fn own_saves_and_other_files_are_not_reported() {
    let (dir, plan, _v1, mut w) = setup();
    // Our own atomic save: the caller already knows the new fingerprint.
    let saved = crate::store::write_atomic(&plan, b"mine", crate::store::Expect::Overwrite)
        .unwrap()
        .fingerprint;
    fs::write(dir.path().join("notes.txt"), "unrelated").unwrap();
    assert_eq!(wait(&mut w, Some(saved), Duration::from_millis(800)), None);
}

#[test]
fn deletion_is_reported_as_removed() {
    let (_dir, plan, v1, mut w) = setup();
    fs::remove_file(&plan).unwrap();
    assert_eq!(
        wait(&mut w, Some(v1), Duration::from_secs(3)),
        Some(DiskEvent::Removed)
    );
}

#[test]
fn debounce_waits_for_writes_to_settle() {
    let (_dir, plan, v1, mut w) = setup();
    fs::write(&plan, "half").unwrap();
    // Give the notification time to arrive, then poll "immediately after" it.
    std::thread::sleep(Duration::from_millis(100));
    let _ = w.poll(Instant::now(), Some(v1));
    let wake = w.next_wake(Instant::now()).expect("an event is pending");
    assert!(wake <= PlanWatcher::DEBOUNCE);
    fs::write(&plan, "whole").unwrap();
    let ev = wait(&mut w, Some(v1), Duration::from_secs(3));
    assert_eq!(
        ev,
        Some(DiskEvent::Changed(Fingerprint::of_bytes(b"whole")))
    );
}

#[test]
fn a_missing_directory_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let err = PlanWatcher::watch(&dir.path().join("nope").join("plan.ron")).unwrap_err();
    assert!(err.contains("nope"), "{err}");
}
