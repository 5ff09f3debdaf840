//! Lock files beside a plan (`.PLAN.ron.lock`) so a second gapdeck on the same plan is
//! warned. The lock names pid, host and start time; a lock whose process is gone is stale
//! and taken over. A lock never blocks: the caller decides what to tell the user.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Who holds (or held) a lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockInfo {
    pub pid: u32,
    pub host: String,
    /// When that gapdeck opened the plan (RFC 3339 UTC).
    pub started: String,
}

impl LockInfo {
    /// This process, now.
    pub fn current() -> Self {
        LockInfo {
            pid: std::process::id(),
            host: host_name(),
            started: jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string()),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "gapdeck lock\npid={}\nhost={}\nstarted={}\n",
            self.pid, self.host, self.started
        )
    }

    fn parse(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        if lines.next()? != "gapdeck lock" {
            return None;
        }
        let (mut pid, mut host, mut started) = (None, None, None);
        for line in lines {
            match line.split_once('=') {
                Some(("pid", v)) => pid = v.parse().ok(),
                Some(("host", v)) => host = Some(v.to_string()),
                Some(("started", v)) => started = Some(v.to_string()),
                _ => {}
            }
        }
        Some(LockInfo {
            pid: pid?,
            host: host?,
            started: started?,
        })
    }

    /// Whether the holder is certainly gone: same host and no such process.
    /// A lock from another host is never judged stale (its pid means nothing here).
    pub fn is_stale(&self) -> bool {
        self.host == host_name() && !pid_alive(self.pid)
    }
}

impl std::fmt::Display for LockInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "gapdeck pid {} on {} since {}",
            self.pid, self.host, self.started
        )
    }
}

/// The outcome of trying to lock a plan.
#[derive(Debug)]
pub enum LockStatus {
    /// We hold the lock; it is removed when the `PlanLock` is dropped.
    Acquired(PlanLock),
    /// A previous gapdeck died holding the lock; we took it over.
    TookOverStale { lock: PlanLock, stale: LockInfo },
    /// Another live gapdeck (or one on another host) has the plan open. We hold nothing;
    /// warn the user that saves may clash (the outside-change check still protects them).
    HeldBy(LockInfo),
}

/// A held lock on one plan. Dropping it removes the lock file, if it is still ours.
#[derive(Debug)]
pub struct PlanLock {
    path: PathBuf,
    me: LockInfo,
}

/// `dir/PLAN.ron` → `dir/.PLAN.ron.lock`.
pub fn lock_path(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    plan.with_file_name(format!(".{name}.lock"))
}

/// Try to lock `plan`. Errors only when the lock file cannot be read or written at all
/// (e.g. a read-only directory); callers warn and carry on without a lock.
pub fn acquire(plan: &Path) -> io::Result<LockStatus> {
    let path = lock_path(plan);
    let me = LockInfo::current();
    // Two rounds: the second follows removing a stale lock (another process may win the race).
    for _ in 0..2 {
        match create_new(&path, &me) {
            Ok(()) => return Ok(LockStatus::Acquired(PlanLock { path, me })),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        match LockInfo::parse(&text) {
            Some(holder) if holder == me => return Ok(LockStatus::Acquired(PlanLock { path, me })),
            Some(holder) if !holder.is_stale() => return Ok(LockStatus::HeldBy(holder)),
            stale => {
                // Dead holder, or a half-written lock from a crash: replace it atomically.
                let stale = stale.unwrap_or(LockInfo {
                    pid: 0,
                    host: "unknown (unreadable lock file)".into(),
                    started: String::new(),
                });
                replace(&path, &me)?;
                return Ok(LockStatus::TookOverStale {
                    lock: PlanLock { path, me },
                    stale,
                });
            }
        }
    }
    Err(io::Error::other(format!(
        "lock file '{}' keeps changing; another gapdeck is starting on the same plan",
        path.display()
    )))
}

impl PlanLock {
    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Remove the lock now (same as dropping it).
    pub fn release(self) {}
}

impl Drop for PlanLock {
    fn drop(&mut self) {
        // Only remove a lock that is still ours (someone may have taken it over).
        if let Ok(text) = fs::read_to_string(&self.path)
            && LockInfo::parse(&text).as_ref() == Some(&self.me)
        {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn create_new(path: &Path, me: &LockInfo) -> io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(me.to_text().as_bytes())?;
    f.sync_all()
}

fn replace(path: &Path, me: &LockInfo) -> io::Result<()> {
    let mut f = atomic_write_file::AtomicWriteFile::open(path)?;
    f.write_all(me.to_text().as_bytes())?;
    f.commit()
}

/// The machine's host name ("unknown" if it cannot be read).
pub fn host_name() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its whole length; gethostname writes at most that.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
    }
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .unwrap_or_else(|_| "unknown".into())
}

/// Whether a process with this pid exists on this machine.
pub fn pid_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        if pid <= 0 {
            return false;
        }
        // SAFETY: signal 0 only checks that the process exists and may be signalled.
        let rc = unsafe { libc::kill(pid, 0) };
        rc == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        // No cheap check without more dependencies: assume alive, so we warn rather than steal.
        let _ = pid;
        true
    }
}

#[cfg(all(test, unix))]
#[path = "lock_tests.rs"]
mod tests;
