//! Atomic, durable replacement of a plan file: refuse if it changed since it was loaded,
//! keep the previous version as `PLAN.ron.bak`, write a temporary file beside the plan,
//! fsync it, rename it over the plan, fsync the directory, keep the file's permissions.
//! A crash or a kill at any moment leaves either the old or the new file, never a mix.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use atomic_write_file::AtomicWriteFile;

use super::error::{SaveError, SaveFailure, SaveStep, classify};
use super::fingerprint::Fingerprint;

/// What the caller believes is on disk right now; a save is refused when it is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The content that was loaded: refuse if the file changed or vanished since.
    Loaded(Fingerprint),
    /// No file at all (a new plan, or save-as to a fresh name): refuse if one appeared.
    NoFile,
    /// Whatever is there: the user confirmed overwriting it.
    Overwrite,
}

/// A successful save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Fingerprint of what is now on disk: the `Expect::Loaded` for the next save.
    pub fingerprint: Fingerprint,
    /// Where the previous version was kept, when there was one and it differed.
    pub backup: Option<PathBuf>,
}

/// `PLAN.ron` → `PLAN.ron.bak`, beside it.
pub fn backup_path(plan: &Path) -> PathBuf {
    let mut name = plan.file_name().map(OsString::from).unwrap_or_default();
    name.push(".bak");
    plan.with_file_name(name)
}

/// Replace the file at `path` with `bytes`, atomically and durably, after checking `expect`.
/// A symlinked plan stays a symlink: its target is what gets replaced.
pub fn write_atomic(path: &Path, bytes: &[u8], expect: Expect) -> Result<Saved, SaveError> {
    let target = resolve_symlink(path);
    let dir = parent_dir(&target);
    let io_err = |target: &Path, step: SaveStep, source: io::Error| SaveError::Io {
        path: path.to_path_buf(),
        target: target.to_path_buf(),
        failure: classify(&source, step),
        step,
        source,
    };
    let refuse = |target: &Path, step: SaveStep, failure: SaveFailure| SaveError::Io {
        path: path.to_path_buf(),
        target: target.to_path_buf(),
        step,
        failure,
        source: io::Error::from(match failure {
            SaveFailure::DirGone => io::ErrorKind::NotFound,
            _ => io::ErrorKind::PermissionDenied,
        }),
    };

    if !dir.is_dir() {
        return Err(refuse(&dir, SaveStep::CreatingTemp, SaveFailure::DirGone));
    }
    let current = match fs::read(&target) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(&target, SaveStep::CheckingCurrent, e)),
    };
    let now = current.as_deref().map(Fingerprint::of_bytes);
    let expected_ok = match expect {
        Expect::Loaded(fp) => now == Some(fp),
        Expect::NoFile => now.is_none(),
        Expect::Overwrite => true,
    };
    if !expected_ok {
        return Err(SaveError::ChangedOnDisk {
            path: path.to_path_buf(),
            loaded: match expect {
                Expect::Loaded(fp) => Some(fp),
                _ => None,
            },
            now,
        });
    }
    let new_fp = Fingerprint::of_bytes(bytes);
    if current.as_deref() == Some(bytes) {
        // Nothing to do: saving an unchanged plan must not touch the file or its backup.
        return Ok(Saved {
            fingerprint: new_fp,
            backup: None,
        });
    }

    // Checks the kernel would skip for root, but a user marking a file read-only means it.
    let perms = fs::metadata(&target).ok().map(|m| m.permissions());
    if perms.as_ref().is_some_and(|p| p.readonly()) {
        return Err(refuse(
            &target,
            SaveStep::Replacing,
            SaveFailure::ReadOnlyFile,
        ));
    }
    if fs::metadata(&dir).is_ok_and(|m| m.permissions().readonly()) {
        return Err(refuse(
            &dir,
            SaveStep::CreatingTemp,
            SaveFailure::ReadOnlyDir,
        ));
    }

    let backup = match &current {
        Some(old) => {
            let bak = backup_path(&target);
            write_file(&bak, old, perms.as_ref()).map_err(|(step, e)| {
                let t = if step == SaveStep::CreatingTemp {
                    &dir
                } else {
                    &bak
                };
                io_err(t, SaveStep::WritingBackup, e)
            })?;
            Some(bak)
        }
        None => None,
    };
    write_file(&target, bytes, None).map_err(|(step, e)| {
        let t = if step == SaveStep::CreatingTemp {
            &dir
        } else {
            &target
        };
        io_err(t, step, e)
    })?;
    sweep_stale_temps(&target, STALE_TEMP_AGE);
    Ok(Saved {
        fingerprint: new_fp,
        backup,
    })
}

/// One atomic write (temp file, fsync, rename, fsync directory). `mode` overrides the
/// permissions the new file gets; by default an existing file's are kept.
fn write_file(
    path: &Path,
    bytes: &[u8],
    mode: Option<&fs::Permissions>,
) -> Result<(), (SaveStep, io::Error)> {
    let mut file = AtomicWriteFile::options()
        .open(path)
        .map_err(|e| (SaveStep::CreatingTemp, e))?;
    if let Some(perms) = mode {
        file.as_file()
            .set_permissions(perms.clone())
            .map_err(|e| (SaveStep::WritingTemp, e))?;
    }
    file.write_all(bytes)
        .map_err(|e| (SaveStep::WritingTemp, e))?;
    file.commit().map_err(|e| (SaveStep::Replacing, e))
}

/// Temporary files older than this are leftovers of a killed save, never a save in progress.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// Remove leftovers of saves that were killed between naming their temporary file and
/// renaming it (`.PLAN.ron.XXXXXX` and `.PLAN.ron.bak.XXXXXX`, six letters or digits),
/// once they are older than `min_age`. Best effort: failures are ignored.
pub fn sweep_stale_temps(plan: &Path, min_age: Duration) {
    let Some(name) = plan.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let prefixes = [format!(".{name}."), format!(".{name}.bak.")];
    let Ok(entries) = fs::read_dir(parent_dir(plan)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let is_temp = prefixes.iter().any(|p| {
            n.strip_prefix(p.as_str()).is_some_and(|rest| {
                rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric())
            })
        });
        let old_enough = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= min_age);
        if is_temp && old_enough {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(all(test, unix))]
#[path = "atomic_tests.rs"]
mod tests;
