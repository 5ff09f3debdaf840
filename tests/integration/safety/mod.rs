//! Reliability tests against the real file system and the real binary: full disks,
//! read-only mounts, SIGKILL during saves, hostile plan files.

mod disk;
mod hostile;
mod run;
