//! Reliability tests against the real file system and the real binary: full disks,
//! read-only mounts, SIGKILL during saves, hostile plan files.

#[cfg(unix)]
mod disk;
mod hostile;
#[cfg(unix)]
mod huge;
#[cfg(unix)]
mod kill;
#[cfg(unix)]
mod refuse;
mod run;
