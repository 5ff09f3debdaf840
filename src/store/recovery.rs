//! Recovery files: unsaved plan text kept in the state directory, one file per plan
//! (keyed by its canonical path), written after a quiet period and on a crash, and
//! offered back the next time that plan is opened.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where recovery files live. `GAPDECK_STATE_DIR` overrides the platform state directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// One recovery file found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryFile {
    /// The recovery file itself.
    pub path: PathBuf,
    /// The plan whose unsaved changes it holds (canonical path).
    pub plan: PathBuf,
    /// When it was written (RFC 3339 UTC).
    pub saved: String,
}

const MAGIC: &str = "// gapdeck recovery file: unsaved changes to the plan below";

impl RecoveryStore {
    /// `$GAPDECK_STATE_DIR/recovery`, else the platform state directory
    /// (`~/.local/state/gapdeck/recovery` on Linux, local data dir elsewhere).
    pub fn default_location() -> Option<Self> {
        let base = match std::env::var_os("GAPDECK_STATE_DIR") {
            Some(d) if !d.is_empty() => PathBuf::from(d),
            _ => {
                let dirs = directories::ProjectDirs::from("", "", "gapdeck")?;
                dirs.state_dir()
                    .unwrap_or_else(|| dirs.data_local_dir())
                    .to_path_buf()
            }
        };
        Some(RecoveryStore::at(base.join("recovery")))
    }

    /// A store in an explicit directory (tests, custom setups).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        RecoveryStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file path for a plan (whether or not it exists yet).
    pub fn file_for(&self, plan: &Path) -> PathBuf {
        let key = plan_key(plan);
        let stem: String = key
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(40)
            .collect();
        let hash = fnv1a(key.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{stem}-{hash:016x}.ron"))
    }

    /// Write (atomically) the unsaved text of `plan`; returns the recovery file's path.
    pub fn write(&self, plan: &Path, text: &str) -> io::Result<PathBuf> {
        create_private_dir(&self.dir)?;
        let path = self.file_for(plan);
        let key = plan_key(plan);
        let plan_json = serde_json::to_string(&key.to_string_lossy())
            .map_err(|e| io::Error::other(e.to_string()))?;
        let now = jiff::Timestamp::now();
        let mut f = atomic_write_file::AtomicWriteFile::open(&path)?;
        write!(f, "{MAGIC}\n// plan: {plan_json}\n// saved: {now}\n{text}")?;
        f.commit()?;
        Ok(path)
    }

    /// The recovery file for `plan`, if there is one.
    pub fn find(&self, plan: &Path) -> io::Result<Option<RecoveryFile>> {
        let path = self.file_for(plan);
        match fs::read_to_string(&path) {
            Ok(text) => Ok(parse_header(&path, &text)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The recovery file for `plan` if it holds something the plan file does not: an
    /// identical one (changes that were saved after all) is discarded and not offered.
    pub fn offer(&self, plan: &Path) -> io::Result<Option<RecoveryFile>> {
        let Some(found) = self.find(plan)? else {
            return Ok(None);
        };
        let unsaved = found.text()?;
        if fs::read_to_string(plan).is_ok_and(|on_disk| on_disk == unsaved) {
            self.discard(plan)?;
            return Ok(None);
        }
        Ok(Some(found))
    }

    /// Every recovery file in the store, newest first (unreadable files are skipped).
    pub fn list(&self) -> io::Result<Vec<RecoveryFile>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut found: Vec<RecoveryFile> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .filter_map(|p| {
                let text = fs::read_to_string(&p).ok()?;
                parse_header(&p, &text)
            })
            .collect();
        found.sort_by(|a, b| b.saved.cmp(&a.saved));
        Ok(found)
    }

    /// Remove the recovery file for `plan` (after a save, or when the user declines it).
    pub fn discard(&self, plan: &Path) -> io::Result<()> {
        match fs::remove_file(self.file_for(plan)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

impl RecoveryFile {
    /// The unsaved plan text (the file minus its three header lines).
    pub fn text(&self) -> io::Result<String> {
        let all = fs::read_to_string(&self.path)?;
        Ok(all.splitn(4, '\n').nth(3).unwrap_or_default().to_string())
    }
}

fn parse_header(path: &Path, text: &str) -> Option<RecoveryFile> {
    let mut lines = text.splitn(4, '\n');
    if lines.next()? != MAGIC {
        return None;
    }
    let plan: String = serde_json::from_str(lines.next()?.strip_prefix("// plan: ")?).ok()?;
    let saved = lines.next()?.strip_prefix("// saved: ")?.to_string();
    Some(RecoveryFile {
        path: path.to_path_buf(),
        plan: PathBuf::from(plan),
        saved,
    })
}

/// The canonical path of a plan, also when the file (but not its directory) is missing.
fn plan_key(plan: &Path) -> PathBuf {
    if let Ok(c) = fs::canonicalize(plan) {
        return c;
    }
    let abs = std::path::absolute(plan).unwrap_or_else(|_| plan.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => fs::canonicalize(dir).map_or(abs.clone(), |d| d.join(name)),
        _ => abs,
    }
}

/// FNV-1a: a tiny hash that never changes between builds, so a recovery file written by
/// one gapdeck is found by the next.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Decides when unsaved edits are written to the recovery file: once edits have been
/// quiet for `quiet` (a few seconds), so typing is never slowed and a killed terminal
/// loses at most that much. The clock is passed in.
#[derive(Clone, Debug)]
pub struct RecoveryTimer {
    quiet: Duration,
    last_edit: Option<Instant>,
}

impl RecoveryTimer {
    pub const DEFAULT_QUIET: Duration = Duration::from_secs(3);

    pub fn new(quiet: Duration) -> Self {
        RecoveryTimer {
            quiet,
            last_edit: None,
        }
    }

    /// Call after every edit that changes the plan.
    pub fn note_edit(&mut self, now: Instant) {
        self.last_edit = Some(now);
    }

    /// True when unwritten edits have been quiet long enough: write the recovery file,
    /// then call `written`.
    pub fn due(&self, now: Instant) -> bool {
        self.last_edit
            .is_some_and(|t| now.saturating_duration_since(t) >= self.quiet)
    }

    /// The recovery file now holds every edit (or the plan was saved): nothing pending.
    pub fn written(&mut self) {
        self.last_edit = None;
    }

    /// How long the event loop may sleep before the next write could be due.
    pub fn next_wake(&self, now: Instant) -> Option<Duration> {
        self.last_edit
            .map(|t| self.quiet.saturating_sub(now.saturating_duration_since(t)))
    }
}

impl Default for RecoveryTimer {
    fn default() -> Self {
        RecoveryTimer::new(RecoveryTimer::DEFAULT_QUIET)
    }
}

#[cfg(test)]
#[path = "recovery_tests.rs"]
mod tests;
