//! Tests of plan lock files: acquire, second instance warned, stale takeover, release.

use super::*;

fn plan_in(dir: &tempfile::TempDir) -> PathBuf {
    let p = dir.path().join("plan.ron");
    fs::write(&p, "Plan()").unwrap();
    p
}

fn write_lock(plan: &Path, info: &LockInfo) {
    fs::write(lock_path(plan), info.to_text()).unwrap();
}

/// A pid that certainly belonged to a process that has exited and been reaped.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn acquire_writes_pid_host_and_time_and_drop_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    let LockStatus::Acquired(lock) = acquire(&plan).unwrap() else {
        panic!("a fresh plan must lock");
    };
    assert_eq!(lock.path(), dir.path().join(".plan.ron.lock"));
    let info = LockInfo::parse(&fs::read_to_string(lock.path()).unwrap()).unwrap();
    assert_eq!(info.pid, std::process::id());
    assert_eq!(info.host, host_name());
    assert!(info.started.starts_with("20"), "{}", info.started);
    let path = lock.path().to_path_buf();
    lock.release();
    assert!(!path.exists());
}

#[test]
fn a_live_holder_is_reported_and_its_lock_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    // pid 1 is alive on every Unix machine; this stands for "another gapdeck".
    let other = LockInfo {
        pid: 1,
        host: host_name(),
        started: "2026-01-01T00:00:00Z".into(),
    };
    write_lock(&plan, &other);
    match acquire(&plan).unwrap() {
        LockStatus::HeldBy(info) => {
            assert_eq!(info, other);
            assert!(info.to_string().contains("pid 1"), "{info}");
        }
        s => panic!("expected HeldBy, got {s:?}"),
    }
    assert_eq!(
        LockInfo::parse(&fs::read_to_string(lock_path(&plan)).unwrap()),
        Some(other)
    );
}

#[test]
fn a_dead_holder_is_stale_and_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    let dead = LockInfo {
        pid: dead_pid(),
        host: host_name(),
        started: "2026-01-01T00:00:00Z".into(),
    };
    assert!(dead.is_stale());
    write_lock(&plan, &dead);
    match acquire(&plan).unwrap() {
        LockStatus::TookOverStale { lock, stale } => {
            assert_eq!(stale, dead);
            let now = LockInfo::parse(&fs::read_to_string(lock.path()).unwrap()).unwrap();
            assert_eq!(now.pid, std::process::id());
        }
        s => panic!("expected TookOverStale, got {s:?}"),
    }
}

#[test]
fn another_host_is_never_stale_and_garbage_is() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    let remote = LockInfo {
        pid: dead_pid(),
        host: "some-other-laptop".into(),
        started: "2026-01-01T00:00:00Z".into(),
    };
    assert!(!remote.is_stale());
    write_lock(&plan, &remote);
    assert!(matches!(acquire(&plan).unwrap(), LockStatus::HeldBy(_)));

    fs::write(lock_path(&plan), "\0\0half-writ").unwrap();
    assert!(matches!(
        acquire(&plan).unwrap(),
        LockStatus::TookOverStale { .. }
    ));
}

#[test]
fn dropping_a_lock_that_was_taken_over_leaves_the_new_owner_alone() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    let LockStatus::Acquired(lock) = acquire(&plan).unwrap() else {
        panic!("a fresh plan must lock");
    };
    let newer = LockInfo {
        pid: 1,
        host: host_name(),
        started: "2030-01-01T00:00:00Z".into(),
    };
    write_lock(&plan, &newer);
    drop(lock);
    assert!(lock_path(&plan).exists());
}

#[test]
fn pid_checks() {
    assert!(pid_alive(std::process::id()));
    assert!(!pid_alive(dead_pid()));
    assert!(!pid_alive(0));
    assert!(!pid_alive(u32::MAX));
}
