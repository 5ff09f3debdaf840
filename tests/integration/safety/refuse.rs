//! The real `gapdeck set` on a plan it may not write: exit 2, a message naming the path
//! and what failed, and the file byte-identical afterwards.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use super::run::{path_str, run};

fn copy_minimal(dir: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = dir.join("plan.ron");
    fs::copy(root.join("plans/minimal.ron"), &plan).unwrap();
    plan
}

fn set_done(plan: &Path) -> super::run::Ran {
    run(
        &["set", path_str(plan), "backups", "--status", "done"],
        Duration::from_secs(30),
    )
}

#[test]
fn a_read_only_plan_is_not_written_and_the_error_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_minimal(dir.path());
    let before = fs::read(&plan).unwrap();
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o444)).unwrap();
    let ran = set_done(&plan);
    assert_eq!(ran.status.code(), Some(2), "stderr: {}", ran.stderr);
    assert!(ran.stderr.contains("read-only"), "{}", ran.stderr);
    assert!(ran.stderr.contains(path_str(&plan)), "{}", ran.stderr);
    assert_eq!(fs::read(&plan).unwrap(), before);
}

#[test]
fn a_read_only_directory_is_named_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("locked");
    fs::create_dir(&sub).unwrap();
    let plan = copy_minimal(&sub);
    let before = fs::read(&plan).unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o555)).unwrap();
    let ran = set_done(&plan);
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(ran.status.code(), Some(2), "stderr: {}", ran.stderr);
    assert!(ran.stderr.contains("not writable"), "{}", ran.stderr);
    assert!(ran.stderr.contains(path_str(&sub)), "{}", ran.stderr);
    assert_eq!(fs::read(&plan).unwrap(), before);
    let names: Vec<_> = fs::read_dir(&sub)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["plan.ron"], "no backup or temp file appears");
}
