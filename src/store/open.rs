//! Opening a plan for editing: read it once, fingerprint exactly the bytes that were
//! parsed, so a later save can refuse if the file changed in between.

use std::path::Path;

use super::atomic::Expect;
use super::fingerprint::Fingerprint;
use crate::plan::load::read_limited;
use crate::plan::{LoadError, Loaded, parse_bytes};

/// A plan loaded from a file, with the fingerprint of the bytes it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedPlan {
    pub loaded: Loaded,
    pub fingerprint: Fingerprint,
}

impl OpenedPlan {
    /// What the next save of this plan must find on disk.
    pub fn expect(&self) -> Expect {
        Expect::Loaded(self.fingerprint)
    }
}

/// Like `plan::load_file`, plus the fingerprint for `store::save_plan(.., Expect::Loaded(fp))`.
pub fn open_plan(path: impl AsRef<Path>) -> Result<OpenedPlan, LoadError> {
    let path = path.as_ref();
    let named = |e: LoadError| LoadError {
        path: Some(path.to_path_buf()),
        ..e
    };
    let bytes = read_limited(path).map_err(named)?;
    let fingerprint = Fingerprint::of_bytes(&bytes);
    let loaded = parse_bytes(&bytes).map_err(named)?;
    Ok(OpenedPlan {
        loaded,
        fingerprint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::save_plan;

    const PLAN: &str = "Plan(title: \"t\", start: \"2026-01-05\")\n";

    #[test]
    fn open_edit_save_round_trip_and_outside_change_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, PLAN).unwrap();
        let mut opened = open_plan(&path).unwrap();
        assert_eq!(opened.fingerprint, Fingerprint::of_bytes(PLAN.as_bytes()));
        opened.loaded.plan.title = "mine".into();

        // Someone else edits the file between our load and our save.
        std::fs::write(&path, PLAN.replace("\"t\"", "\"theirs\"")).unwrap();
        let err = save_plan(&path, &opened.loaded.plan, opened.expect()).unwrap_err();
        assert!(err.is_changed_on_disk(), "{err}");
        assert!(std::fs::read_to_string(&path).unwrap().contains("theirs"));

        let fresh = open_plan(&path).unwrap();
        let saved = save_plan(&path, &opened.loaded.plan, fresh.expect()).unwrap();
        assert_eq!(open_plan(&path).unwrap().fingerprint, saved.fingerprint);
    }

    #[test]
    fn errors_name_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.ron");
        let err = open_plan(&path).unwrap_err();
        assert_eq!(err.path.as_deref(), Some(path.as_path()));
    }
}
