//! What happens when gapdeck panics: the terminal is restored before the message is
//! printed, the unsaved plan goes to its recovery file, and the user is told where.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use super::recovery::RecoveryStore;

/// Install a panic hook that first calls `restore_terminal` (leave the alternate screen,
/// disable raw mode) and then prints the panic as usual, so the message is readable.
/// Call once, after entering the TUI.
pub fn install_panic_hook(restore_terminal: impl Fn() + Send + Sync + 'static) {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// Run `body` (the TUI loop) on `state`. If it panics, write `unsaved(state)` (the plan
/// text, or `None` when there are no unsaved edits) to the recovery file of the plan
/// `plan(state)` names at that moment (so a save-as during the session is followed),
/// print where it is, and continue the panic. The state survives the unwind because it
/// is borrowed from outside the closure.
pub fn run_protected<S, T>(
    state: &mut S,
    plan: impl Fn(&S) -> PathBuf,
    store: Option<&RecoveryStore>,
    unsaved: impl Fn(&S) -> Option<String>,
    body: impl FnOnce(&mut S) -> T,
) -> T {
    match panic::catch_unwind(AssertUnwindSafe(|| body(state))) {
        Ok(v) => v,
        Err(payload) => {
            let path = panic::catch_unwind(AssertUnwindSafe(|| plan(state)));
            let message = match path {
                Ok(path) => write_after_crash(state, &path, store, &unsaved),
                Err(_) => "gapdeck crashed and could not tell which plan was open; the last \
                           recovery file (if any) is still in place."
                    .to_string(),
            };
            eprintln!("{message}");
            panic::resume_unwind(payload)
        }
    }
}

/// Save what can be saved after a crash and say what happened, in one message.
fn write_after_crash<S>(
    state: &S,
    plan: &Path,
    store: Option<&RecoveryStore>,
    unsaved: &impl Fn(&S) -> Option<String>,
) -> String {
    let shown = plan.display();
    // Rendering the plan may itself hit the bug that crashed us; never panic twice.
    let text = match panic::catch_unwind(AssertUnwindSafe(|| unsaved(state))) {
        Ok(Some(t)) => t,
        Ok(None) => return format!("gapdeck crashed; '{shown}' had no unsaved changes."),
        Err(_) => {
            return format!(
                "gapdeck crashed and could not write its unsaved changes to '{shown}'; \
                 the last recovery file (if any) is still in place."
            );
        }
    };
    let Some(store) = store else {
        return format!(
            "gapdeck crashed and has no state directory for a recovery file; unsaved \
             changes to '{shown}' are lost."
        );
    };
    match store.write(plan, &text) {
        Ok(path) => format!(
            "gapdeck crashed. Unsaved changes to '{shown}' were written to '{}'. Run \
             `gapdeck {shown}` to restore them.",
            path.display()
        ),
        Err(e) => format!(
            "gapdeck crashed and could not write the recovery file in '{}': {e}",
            store.dir().display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_writes_the_unsaved_plan_and_keeps_panicking() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::at(dir.path().join("rec"));
        let plan = dir.path().join("plan.ron");
        let mut state = String::from("Plan(title: \"before\")");
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            run_protected(
                &mut state,
                |_| plan.clone(),
                Some(&store),
                |s| Some(s.clone()),
                |s| {
                    s.push_str(" // edited");
                    panic!("boom");
                },
            )
        }));
        assert!(result.is_err(), "the panic must continue after recovery");
        let found = store.find(&plan).unwrap().expect("recovery file written");
        assert_eq!(found.text().unwrap(), "Plan(title: \"before\") // edited");
    }

    #[test]
    fn message_says_where_and_survives_a_failing_serializer() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::at(dir.path().join("rec"));
        let plan = dir.path().join("plan.ron");
        let msg = write_after_crash(&(), &plan, Some(&store), &|_: &()| Some("x".into()));
        assert!(
            msg.contains(&store.file_for(&plan).display().to_string()),
            "{msg}"
        );
        assert!(msg.contains("to restore them"), "{msg}");

        let msg = write_after_crash(&(), &plan, Some(&store), &|_: &()| -> Option<String> {
            panic!("serializer bug")
        });
        assert!(msg.contains("could not write"), "{msg}");
        let msg = write_after_crash(&(), &plan, Some(&store), &|_: &()| None);
        assert!(msg.contains("no unsaved changes"), "{msg}");
    }

    #[test]
    fn no_panic_passes_the_result_through_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::at(dir.path().join("rec"));
        let plan = dir.path().join("plan.ron");
        let mut n = 1;
        let out = run_protected(&mut n, |_| plan.clone(), Some(&store), |_| None, |n| *n + 1);
        assert_eq!(out, 2);
        assert_eq!(store.find(&plan).unwrap(), None);
    }

    #[test]
    fn a_plan_saved_under_a_new_name_recovers_under_that_name() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::at(dir.path().join("rec"));
        let opened = dir.path().join("opened.ron");
        let renamed = dir.path().join("renamed.ron");
        // The state is (plan path, unsaved text); the body does a save-as, edits, then crashes.
        let mut state = (opened.clone(), String::new());
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            run_protected(
                &mut state,
                |s| s.0.clone(),
                Some(&store),
                |s| Some(s.1.clone()),
                |s| {
                    s.0 = renamed.clone();
                    s.1 = "Plan(title: \"after save-as\")".into();
                    panic!("boom");
                },
            )
        }));
        assert!(result.is_err());
        assert_eq!(
            store.find(&opened).unwrap(),
            None,
            "nothing under the old name"
        );
        let found = store
            .find(&renamed)
            .unwrap()
            .expect("recovery under the new name");
        assert_eq!(found.text().unwrap(), "Plan(title: \"after save-as\")");
    }
}
