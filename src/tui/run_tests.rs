//! Tests for the run loop's file side: saves that must ask, load errors.

use super::*;
use crate::tui::app::{Overlay, Question};

fn app_for(path: &Path) -> (App, Disk) {
    let (doc, known) = open(Some(path.to_path_buf()), None).unwrap();
    let app = App::new(
        doc,
        crate::tui::keymap::Keymap::defaults(),
        crate::tui::theme::Theme::defaults(ColorMode::NoColor),
    );
    (
        app,
        Disk {
            known,
            recent: None,
            watcher: None,
            lock: None,
        },
    )
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let (_dir, path) = crate::tui::tests::fixture::minimal_copy();
    let (mut app, mut disk) = app_for(&path);
    app.update(Action::PriorityLow);
    std::fs::write(&path, "// someone else's edit\n").unwrap();
    let Effect::Save(req) = app.update(Action::Save) else {
        panic!("no save")
    };
    assert_eq!(save(&mut app, &mut disk, req), AfterSave::Stay);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "// someone else's edit\n"
    );
    let Overlay::Confirm(Question::Overwrite { reason, .. }) = &app.ui.overlay else {
        panic!("no overwrite question: {:?}", app.ui.overlay)
    };
    assert!(reason.contains("changed on disk"), "{reason}");
    let Effect::Save(req) = app.update(Action::Confirm) else {
        panic!("no save")
    };
    save(&mut app, &mut disk, req);
    let saved = plan::load_file(&path).unwrap().plan;
    assert_eq!(saved.gaps[0].priority, crate::plan::Priority::Low);
    assert_eq!(
        app.doc.save_state(),
        super::super::document::SaveState::Saved
    );
    // The next save expects what was just written, so it goes through without asking.
    app.update(Action::PriorityHigh);
    let Effect::Save(req) = app.update(Action::Save) else {
        panic!("no save")
    };
    save(&mut app, &mut disk, req);
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert_eq!(
        plan::load_file(&path).unwrap().plan.gaps[0].priority,
        crate::plan::Priority::High
    );
}

#[test]
fn save_as_onto_an_existing_file_asks_first() {
    let (dir, path) = crate::tui::tests::fixture::minimal_copy();
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "keep me").unwrap();
    let (mut app, mut disk) = app_for(&path);
    let req = SaveRequest::new(other.clone(), AfterSave::Stay);
    save(&mut app, &mut disk, req);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "keep me");
    assert!(matches!(
        app.ui.overlay,
        Overlay::Confirm(Question::Overwrite { .. })
    ));
    app.update(Action::Cancel);
    assert_eq!(
        app.doc.path(),
        Some(&path),
        "still editing the original file"
    );
}

#[test]
fn an_unparsable_file_is_a_load_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, "Plan(title: ").unwrap();
    let Err(TuiError::Load(e)) = open(Some(path.clone()), None) else {
        panic!("opened")
    };
    assert!(e.to_string().contains("bad.ron"), "{e}");
}

#[test]
fn save_as_moves_the_lock_and_the_watch_to_the_new_file() {
    let (dir, path) = crate::tui::tests::fixture::minimal_copy();
    let other = dir.path().join("other.ron");
    let (mut app, mut disk) = app_for(&path);
    disk.lock = crate::tui::session::lock_plan(&mut app, &path);
    assert!(store::lock::lock_path(&path).exists());
    save(
        &mut app,
        &mut disk,
        SaveRequest::new(other.clone(), AfterSave::Stay),
    );
    assert!(!store::lock::lock_path(&path).exists(), "old lock released");
    assert!(store::lock::lock_path(&other).exists(), "new file locked");
    let watched = disk.watcher.as_ref().expect("new file watched").plan();
    assert_eq!(watched, std::fs::canonicalize(&other).unwrap());
}
