//! Atomic, durable saves: the new text goes to a temporary file beside the plan, is fsynced,
//! renamed over the plan, and the directory fsynced (the `atomic-write-file` crate); the file
//! keeps its permissions. Before that, the previous version is kept as `PLAN.ron.bak`.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use crate::plan::{Plan, to_ron_string};

/// A save that did not happen. The original file is untouched; the plan is still in memory.
#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    /// The step that failed, e.g. "write the backup 'plan.ron.bak'".
    pub step: String,
    pub source: io::Error,
}

impl fmt::Display for SaveError {
    /// `cannot save 'path': could not <step>: <os error> — <fix>`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot save '{}': could not {}: {} — {}",
            self.path.display(),
            self.step,
            self.source,
            fix_for(&self.source)
        )
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

fn fix_for(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "the file or its folder is read-only; save to another path"
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full; free some space or save to another disk"
        }
        io::ErrorKind::NotFound => "the folder does not exist (any more); save to another path",
        _ => "the file on disk is unchanged; try again or save to another path",
    }
}

/// `plan.ron` → `plan.ron.bak`, beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `plan` to `path` in the stable RON form (see `plan::save`).
pub fn save_plan(path: impl AsRef<Path>, plan: &Plan) -> Result<(), SaveError> {
    save_text(path.as_ref(), &to_ron_string(plan))
}

/// Atomically replaces `path` with `text`, first copying the current file (if any) to
/// its backup path. Either the old or the new content is on disk after a crash, never a mix.
pub fn save_text(path: &Path, text: &str) -> Result<(), SaveError> {
    let fail = |step: String| {
        move |source: io::Error| SaveError {
            path: path.to_path_buf(),
            step,
            source,
        }
    };
    match std::fs::read(path) {
        Ok(old) => {
            let bak = backup_path(path);
            write_atomic(&bak, &old)
                .map_err(fail(format!("write the backup '{}'", bak.display())))?;
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(fail("read the current file to back it up".into())(e)),
    }
    write_atomic(path, text.as_bytes()).map_err(fail("write the new version".into()))
}

fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // Preserving mode is the crate's default on Unix.
    let mut file = AtomicWriteFile::options().open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Gap, Plan, load_file};
    use std::os::unix::fs::PermissionsExt;

    fn plan(title: &str) -> Plan {
        let mut p = crate::plan::parse("Plan(title: \"t\", start: \"2026-01-05\")")
            .unwrap()
            .plan;
        p.title = title.into();
        p.gaps.push(Gap::new("a", "A"));
        p
    }

    #[test]
    fn saves_keep_a_backup_and_the_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        save_plan(&path, &plan("one")).unwrap();
        assert!(
            !backup_path(&path).exists(),
            "nothing to back up on the first save"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        save_plan(&path, &plan("two")).unwrap();
        assert_eq!(load_file(&path).unwrap().plan.title, "two");
        assert_eq!(load_file(backup_path(&path)).unwrap().plan.title, "one");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(backup_path(&path), dir.path().join("plan.ron.bak"));
        // No temporary files are left beside the plan.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_failed_save_leaves_the_original_and_says_what_failed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        save_plan(&path, &plan("one")).unwrap();
        let before = std::fs::read(&path).unwrap();
        // A directory where the backup should go makes the save fail (even as root).
        std::fs::create_dir(backup_path(&path)).unwrap();
        let e = save_plan(&path, &plan("two")).unwrap_err();
        let shown = e.to_string();
        assert!(
            shown.starts_with(&format!("cannot save '{}'", path.display())),
            "{shown}"
        );
        assert!(shown.contains("write the backup"), "{shown}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("plan.ron");
        let e = save_plan(&path, &plan("x")).unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
    }
}
