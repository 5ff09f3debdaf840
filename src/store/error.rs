//! Why a save failed, in words a user can act on: which path, which step, what the
//! system said, and what to do. On every one of these errors the original file is intact.

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::fingerprint::Fingerprint;

/// The step of a save that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// Reading the file as it is now, to compare with what was loaded.
    CheckingCurrent,
    /// Writing the `.bak` copy of the previous version.
    WritingBackup,
    /// Creating the temporary file beside the plan.
    CreatingTemp,
    /// Writing the new text into the temporary file.
    WritingTemp,
    /// Flushing to disk and renaming the temporary file over the plan.
    Replacing,
}

impl SaveStep {
    fn describe(self) -> &'static str {
        match self {
            SaveStep::CheckingCurrent => "reading the current file to check for outside changes",
            SaveStep::WritingBackup => "writing the backup copy",
            SaveStep::CreatingTemp => "creating a temporary file beside it",
            SaveStep::WritingTemp => "writing the new content",
            SaveStep::Replacing => "replacing the file with the new content",
        }
    }
}

/// What kind of failure, decided from the system error or from checks made before writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveFailure {
    /// The plan file itself has no write permission.
    ReadOnlyFile,
    /// The directory holding the plan has no write permission.
    ReadOnlyDir,
    /// The file system is mounted read-only.
    ReadOnlyFs,
    /// No space left on the device (or quota exceeded).
    DiskFull,
    /// The directory holding the plan no longer exists.
    DirGone,
    /// The system refused access for another reason.
    PermissionDenied,
    /// Anything else; the system's message is shown.
    Other,
}

/// A failed save. Nothing on disk changed except possibly the `.bak` copy.
#[derive(Debug)]
pub enum SaveError {
    /// The file on disk is no longer what was loaded: someone else changed, replaced or
    /// removed it. Nothing was written. Callers offer reload, save-as or explicit overwrite.
    ChangedOnDisk {
        path: PathBuf,
        loaded: Option<Fingerprint>,
        /// `None` when the file was deleted or moved away.
        now: Option<Fingerprint>,
    },
    /// The system refused a step of the save.
    Io {
        path: PathBuf,
        /// The path the failing operation was about (the plan, its directory or the `.bak`).
        target: PathBuf,
        step: SaveStep,
        failure: SaveFailure,
        source: io::Error,
    },
}

impl SaveError {
    /// The plan path the save was for.
    pub fn path(&self) -> &std::path::Path {
        match self {
            SaveError::ChangedOnDisk { path, .. } | SaveError::Io { path, .. } => path,
        }
    }

    /// True when the save was refused because the file changed since it was loaded.
    pub fn is_changed_on_disk(&self) -> bool {
        matches!(self, SaveError::ChangedOnDisk { .. })
    }

    /// The kind of system failure, if this was one.
    pub fn failure(&self) -> Option<SaveFailure> {
        match self {
            SaveError::Io { failure, .. } => Some(*failure),
            SaveError::ChangedOnDisk { .. } => None,
        }
    }
}

/// Sort an I/O error into a `SaveFailure`.
pub fn classify(err: &io::Error, step: SaveStep) -> SaveFailure {
    use io::ErrorKind as K;
    match err.kind() {
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge => SaveFailure::DiskFull,
        K::ReadOnlyFilesystem => SaveFailure::ReadOnlyFs,
        K::NotFound if step != SaveStep::CheckingCurrent => SaveFailure::DirGone,
        K::PermissionDenied => match step {
            SaveStep::CreatingTemp | SaveStep::WritingBackup => SaveFailure::ReadOnlyDir,
            _ => SaveFailure::PermissionDenied,
        },
        _ => SaveFailure::Other,
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::ChangedOnDisk { path, now, .. } => {
                let what = if now.is_some() {
                    "was changed on disk since it was loaded (another editor, git or gapdeck)"
                } else {
                    "was deleted or moved since it was loaded"
                };
                write!(
                    f,
                    "not saved: '{}' {what}; nothing was written — reload it, save under another \
                     name, or overwrite it explicitly",
                    path.display()
                )
            }
            SaveError::Io {
                path,
                target,
                step,
                failure,
                source,
            } => {
                let t = target.display();
                let (what, fix) = match failure {
                    SaveFailure::ReadOnlyFile => (
                        format!("the file '{t}' is read-only"),
                        "make it writable (chmod u+w) or save under another name",
                    ),
                    SaveFailure::ReadOnlyDir => (
                        format!("the directory '{t}' is not writable"),
                        "make the directory writable or save under another name",
                    ),
                    SaveFailure::ReadOnlyFs => (
                        format!("'{t}' is on a read-only file system"),
                        "save under another name on a writable disk",
                    ),
                    SaveFailure::DiskFull => (
                        format!("the disk holding '{t}' is full"),
                        "free some space or save under another name on another disk",
                    ),
                    SaveFailure::DirGone => (
                        format!("the directory '{t}' no longer exists"),
                        "save under another name, or recreate the directory",
                    ),
                    SaveFailure::PermissionDenied => (
                        format!("permission denied for '{t}'"),
                        "check the permissions or save under another name",
                    ),
                    SaveFailure::Other => (format!("'{t}': {source}"), "try saving elsewhere"),
                };
                write!(
                    f,
                    "could not save '{}': {what} (while {}; system said: {source}); the file on \
                     disk is unchanged — {fix}",
                    path.display(),
                    step.describe()
                )
            }
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Io { source, .. } => Some(source),
            SaveError::ChangedOnDisk { .. } => None,
        }
    }
}
