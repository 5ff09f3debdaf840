//! Saving a plan: the stable RON text (`plan::save`) written through `store::atomic`
//! (temp file beside, fsync, rename, fsync dir, `.bak`, refusal on outside changes).

use std::path::Path;

use super::atomic::{Expect, Saved, write_atomic};
use super::error::SaveError;
use crate::plan::{Plan, to_ron_string};

/// Writes `plan` to `path` in the stable RON form, checking `expect` against the disk first.
pub fn save_plan(path: impl AsRef<Path>, plan: &Plan, expect: Expect) -> Result<Saved, SaveError> {
    write_atomic(path.as_ref(), to_ron_string(plan).as_bytes(), expect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Gap, load_file, parse};
    use crate::store::backup_path;

    fn plan(title: &str) -> Plan {
        let mut p = parse("Plan(title: \"t\", start: \"2026-01-05\")")
            .unwrap()
            .plan;
        p.title = title.into();
        p.gaps.push(Gap::new("a", "A"));
        p
    }

    #[test]
    fn saved_plans_load_back_and_keep_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let first = save_plan(&path, &plan("one"), Expect::NoFile).unwrap();
        assert_eq!(load_file(&path).unwrap().plan, plan("one"));
        let second = save_plan(&path, &plan("two"), Expect::Loaded(first.fingerprint)).unwrap();
        assert_eq!(second.backup, Some(backup_path(&path)));
        assert_eq!(load_file(&path).unwrap().plan.title, "two");
        assert_eq!(load_file(backup_path(&path)).unwrap().plan.title, "one");
        // A stale expectation is refused and the file is left alone.
        let err = save_plan(&path, &plan("three"), Expect::Loaded(first.fingerprint)).unwrap_err();
        assert!(err.is_changed_on_disk());
        assert_eq!(load_file(&path).unwrap().plan.title, "two");
    }
}
