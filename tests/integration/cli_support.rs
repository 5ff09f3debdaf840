//! Helpers for the CLI tests: the real binary, and plan files copied into temp dirs.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The `gapdeck` binary built by cargo for this test run.
pub fn gapdeck() -> Command {
    Command::cargo_bin("gapdeck").expect("binary builds")
}

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Copies a repository file into a fresh temp dir; returns the dir (keep it alive) and
/// the copy's path.
pub fn copy_of(rel: &str) -> (TempDir, PathBuf) {
    let src = repo(rel);
    let dir = TempDir::new().expect("temp dir");
    let dst = dir.path().join(src.file_name().expect("file name"));
    std::fs::copy(&src, &dst).expect("copy fixture");
    (dir, dst)
}

/// Writes `text` as `name` in a fresh temp dir.
pub fn write_temp(name: &str, text: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write plan");
    (dir, path)
}

/// Every `.ron` file directly in a repository folder, sorted.
pub fn ron_files(rel: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo(rel))
        .expect("fixture folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}
