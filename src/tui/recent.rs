//! The recently opened plans, newest first, kept in gapdeck's state directory
//! (`$XDG_STATE_HOME/gapdeck/recent.ron` on Linux) so `gapdeck` alone reopens the last one.

use std::path::{Path, PathBuf};

/// How many plans are remembered.
const KEEP: usize = 20;

/// The file holding the list, when the platform has a state (or local data) directory.
pub fn list_file() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "gapdeck")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("recent.ron"))
}

/// Reads the list; a missing or unreadable file is an empty list (it is only a convenience).
pub fn load(file: &Path) -> Vec<PathBuf> {
    std::fs::read_to_string(file)
        .ok()
        .and_then(|t| ron::from_str::<Vec<PathBuf>>(&t).ok())
        .unwrap_or_default()
}

/// The newest entry that still exists on disk.
pub fn most_recent(file: &Path) -> Option<PathBuf> {
    load(file).into_iter().find(|p| p.is_file())
}

/// Puts `plan` (made absolute) first in the list and writes it back.
pub fn remember(file: &Path, plan: &Path) -> std::io::Result<()> {
    let plan = std::path::absolute(plan)?;
    let mut list = load(file);
    list.retain(|p| *p != plan);
    list.insert(0, plan);
    list.truncate(KEEP);
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = ron::ser::to_string_pretty(&list, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    std::fs::write(file, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_skips_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("state/recent.ron");
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        std::fs::write(&a, "x").unwrap();
        std::fs::write(&b, "x").unwrap();
        assert_eq!(most_recent(&list), None);
        remember(&list, &a).unwrap();
        remember(&list, &b).unwrap();
        remember(&list, &a).unwrap();
        assert_eq!(load(&list), vec![a.clone(), b.clone()]);
        std::fs::remove_file(&a).unwrap();
        assert_eq!(most_recent(&list), Some(b));
    }
}
