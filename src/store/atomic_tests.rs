//! Tests of atomic saves: backups, change refusal, permissions, symlinks, refusals.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use super::*;

fn setup(content: &str) -> (tempfile::TempDir, PathBuf, Fingerprint) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, content).unwrap();
    let fp = Fingerprint::of_bytes(content.as_bytes());
    (dir, path, fp)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn replaces_content_keeps_backup_and_leaves_no_temp_files() {
    let (dir, path, fp) = setup("old");
    let saved = write_atomic(&path, b"new", Expect::Loaded(fp)).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    assert_eq!(saved.fingerprint, Fingerprint::of_bytes(b"new"));
    assert_eq!(saved.backup, Some(dir.path().join("plan.ron.bak")));
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.ron.bak")).unwrap(),
        "old"
    );
    assert_eq!(names(dir.path()), ["plan.ron", "plan.ron.bak"]);

    // The returned fingerprint is what the next save expects.
    write_atomic(&path, b"newer", Expect::Loaded(saved.fingerprint)).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.ron.bak")).unwrap(),
        "new"
    );
}

#[test]
fn refuses_when_changed_on_disk_and_writes_nothing() {
    let (dir, path, fp) = setup("loaded");
    fs::write(&path, "someone else's edit").unwrap();
    let err = write_atomic(&path, b"mine", Expect::Loaded(fp)).unwrap_err();
    assert!(err.is_changed_on_disk(), "{err}");
    assert!(err.to_string().contains("plan.ron"), "{err}");
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "someone else's edit");
    assert_eq!(names(dir.path()), ["plan.ron"]);

    // Explicit overwrite goes through and backs up the outside edit.
    write_atomic(&path, b"mine", Expect::Overwrite).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
    let bak = fs::read_to_string(dir.path().join("plan.ron.bak")).unwrap();
    assert_eq!(bak, "someone else's edit");
}

#[test]
fn refuses_when_deleted_or_when_a_new_name_is_taken() {
    let (_dir, path, fp) = setup("loaded");
    fs::remove_file(&path).unwrap();
    let err = write_atomic(&path, b"mine", Expect::Loaded(fp)).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { now: None, .. }));
    assert!(err.to_string().contains("deleted or moved"), "{err}");
    assert!(!path.exists());

    write_atomic(&path, b"first", Expect::NoFile).unwrap();
    let err = write_atomic(&path, b"second", Expect::NoFile).unwrap_err();
    assert!(err.is_changed_on_disk());
    assert_eq!(fs::read_to_string(&path).unwrap(), "first");
}

#[test]
fn keeps_permissions_of_plan_and_gives_them_to_the_backup() {
    let (dir, path, fp) = setup("old");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"new", Expect::Loaded(fp)).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o640);
    assert_eq!(mode(&dir.path().join("plan.ron.bak")), 0o640);
}

#[test]
fn read_only_file_is_refused_and_left_intact() {
    let (_dir, path, fp) = setup("old");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let err = write_atomic(&path, b"new", Expect::Loaded(fp)).unwrap_err();
    assert_eq!(err.failure(), Some(SaveFailure::ReadOnlyFile));
    let msg = err.to_string();
    assert!(
        msg.contains("read-only") && msg.contains("plan.ron"),
        "{msg}"
    );
    assert!(msg.contains("unchanged"), "{msg}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
}

#[test]
fn read_only_directory_is_refused_and_left_intact() {
    let (dir, path, fp) = setup("old");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let err = write_atomic(&path, b"new", Expect::Loaded(fp)).unwrap_err();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(err.failure(), Some(SaveFailure::ReadOnlyDir));
    let msg = err.to_string();
    let dir_name = dir.path().display().to_string();
    assert!(
        msg.contains(&dir_name) && msg.contains("not writable"),
        "{msg}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(names(dir.path()), ["plan.ron"]);
}

#[test]
fn vanished_directory_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    let path = gone.join("plan.ron");
    let err = write_atomic(&path, b"new", Expect::Overwrite).unwrap_err();
    assert_eq!(err.failure(), Some(SaveFailure::DirGone));
    assert!(err.to_string().contains("no longer exists"), "{err}");
    assert!(
        err.to_string().contains(&gone.display().to_string()),
        "{err}"
    );
}

#[test]
fn symlinked_plan_stays_a_symlink() {
    let (dir, real, fp) = setup("old");
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    write_atomic(&link, b"new", Expect::Loaded(fp)).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), "new");
}

#[test]
fn saving_identical_content_touches_nothing() {
    let (dir, path, fp) = setup("same");
    let saved = write_atomic(&path, b"same", Expect::Loaded(fp)).unwrap();
    assert_eq!(saved.backup, None);
    assert_eq!(names(dir.path()), ["plan.ron"]);
}

#[test]
fn classify_sorts_system_errors() {
    use std::io::{Error, ErrorKind};
    let full = Error::from(ErrorKind::StorageFull);
    assert_eq!(
        classify(&full, SaveStep::WritingTemp),
        SaveFailure::DiskFull
    );
    let rofs = Error::from(ErrorKind::ReadOnlyFilesystem);
    assert_eq!(
        classify(&rofs, SaveStep::CreatingTemp),
        SaveFailure::ReadOnlyFs
    );
    let denied = Error::from(ErrorKind::PermissionDenied);
    assert_eq!(
        classify(&denied, SaveStep::CreatingTemp),
        SaveFailure::ReadOnlyDir
    );
}

#[test]
fn a_save_sweeps_stale_temp_files_of_killed_saves_only() {
    let (dir, path, fp) = setup("old");
    let stale = dir.path().join(".plan.ron.Ab3xY9");
    let stale_bak = dir.path().join(".plan.ron.bak.Zz0000");
    let fresh = dir.path().join(".plan.ron.Qq1234");
    let lookalike = dir.path().join(".plan.ron.notes");
    for p in [&stale, &stale_bak, &fresh, &lookalike] {
        fs::write(p, "partial").unwrap();
    }
    let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for p in [&stale, &stale_bak, &lookalike] {
        fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    write_atomic(&path, b"new", Expect::Loaded(fp)).unwrap();
    assert!(
        !stale.exists() && !stale_bak.exists(),
        "stale leftovers are removed"
    );
    assert!(
        fresh.exists(),
        "a temp file that may belong to a save in progress stays"
    );
    assert!(
        lookalike.exists(),
        "only the exact temp-name pattern is touched"
    );
}
