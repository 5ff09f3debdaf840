//! Notice outside changes to an open plan (another editor, `git pull`, the CLI). Watches
//! the plan's directory, so editors that save by renaming a temporary file are seen;
//! events are debounced and reported only when the content really differs from what the
//! caller holds. The TUI loop polls without blocking.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use super::fingerprint::Fingerprint;

/// Something happened to the plan file on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskEvent {
    /// It now holds different content (this fingerprint) from what the caller has.
    Changed(Fingerprint),
    /// It was deleted or moved away.
    Removed,
    /// Watching stopped working or the file could not be read; the message says why.
    Failed(String),
}

/// A watcher for one plan file.
pub struct PlanWatcher {
    _watcher: notify::RecommendedWatcher,
    rx: Receiver<Result<Instant, String>>,
    plan: PathBuf,
    debounce: Duration,
    last_event: Option<Instant>,
    disconnected: bool,
}

impl std::fmt::Debug for PlanWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlanWatcher")
            .field("plan", &self.plan)
            .finish_non_exhaustive()
    }
}

impl PlanWatcher {
    /// Quiet time after the last event before the file is looked at: long enough for an
    /// editor's write-then-rename, short enough to report within a second.
    pub const DEBOUNCE: Duration = Duration::from_millis(250);

    /// Start watching the directory of `plan` (symlinks resolved). Fails when the directory
    /// does not exist or the system refuses a watch (then the save-time check still holds).
    pub fn watch(plan: &Path) -> Result<Self, String> {
        let plan = resolve(plan);
        let dir = plan
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = plan
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let msg = match res {
                // Reads (including our own fingerprinting) are not changes.
                Ok(ev) if matches!(ev.kind, EventKind::Access(_)) => return,
                Ok(ev) if ev.paths.iter().any(|p| p.file_name() == Some(&name)) => {
                    Ok(Instant::now())
                }
                Ok(_) => return,
                Err(e) => Err(e.to_string()),
            };
            let _ = tx.send(msg);
        })
        .map_err(|e| format!("cannot watch '{}': {e}", dir.display()))?;
        watcher
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch '{}': {e}", dir.display()))?;
        Ok(PlanWatcher {
            _watcher: watcher,
            rx,
            plan,
            debounce: Self::DEBOUNCE,
            last_event: None,
            disconnected: false,
        })
    }

    /// The file being watched (symlinks resolved).
    pub fn plan(&self) -> &Path {
        &self.plan
    }

    /// Non-blocking: drain pending notifications and, once they have been quiet for the
    /// debounce time, compare the file with `known` (the fingerprint of what the caller
    /// loaded or last saved; `None` if it has no file yet). Own saves, touches and
    /// rewrites with the same content report nothing.
    pub fn poll(&mut self, now: Instant, known: Option<Fingerprint>) -> Option<DiskEvent> {
        loop {
            match self.rx.try_recv() {
                Ok(Ok(at)) => self.last_event = Some(at),
                Ok(Err(msg)) => return Some(DiskEvent::Failed(msg)),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if self.disconnected {
                        break;
                    }
                    self.disconnected = true;
                    return Some(DiskEvent::Failed(format!(
                        "stopped watching '{}' for outside changes",
                        self.plan.display()
                    )));
                }
            }
        }
        let last = self.last_event?;
        if now.saturating_duration_since(last) < self.debounce {
            return None;
        }
        self.last_event = None;
        match Fingerprint::of_file(&self.plan) {
            Ok(Some(fp)) if Some(fp) != known => Some(DiskEvent::Changed(fp)),
            Ok(Some(_)) => None,
            Ok(None) if known.is_some() => Some(DiskEvent::Removed),
            Ok(None) => None,
            Err(e) => Some(DiskEvent::Failed(format!(
                "cannot read '{}' after it changed: {e}",
                self.plan.display()
            ))),
        }
    }

    /// How long the event loop may block before the next `poll` could report something.
    pub fn next_wake(&self, now: Instant) -> Option<Duration> {
        self.last_event.map(|t| {
            self.debounce
                .saturating_sub(now.saturating_duration_since(t))
        })
    }
}

fn resolve(plan: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(plan) {
        return c;
    }
    let abs = std::path::absolute(plan).unwrap_or_else(|_| plan.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(d), Some(n)) => std::fs::canonicalize(d).map_or(abs.clone(), |d| d.join(n)),
        _ => abs,
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod tests;
