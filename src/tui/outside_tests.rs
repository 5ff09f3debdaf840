//! Tests for reload-on-outside-change and restore-from-recovery decisions.

use super::*;
use crate::tui::action::Action;
use crate::tui::app::MessageKind;
use crate::tui::document::Origin;

fn app() -> App {
    let loaded = plan::parse(crate::sample::DEFAULT).unwrap();
    App::new(
        Document::new(
            loaded.plan,
            Origin::File("plan.ron".into()),
            loaded.problems,
        ),
        crate::tui::keymap::Keymap::defaults(),
        crate::tui::theme::Theme::defaults(crate::tui::theme::ColorMode::NoColor),
    )
}

fn changed_doc(app: &App) -> Document {
    let mut plan = app.doc.plan.clone();
    plan.title = "changed elsewhere".into();
    Document::new(plan, app.doc.origin.clone(), Vec::new())
}

#[test]
fn an_outside_change_without_local_edits_reloads_and_keeps_the_selected_gap() {
    let mut app = app();
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    let id = app.doc.plan.gaps[app.selected_gap().unwrap()].id.clone();
    assert_eq!(app.outside_change(), Effect::Reload);
    assert!(matches!(app.ui.overlay, Overlay::None));
    let doc = changed_doc(&app);
    app.reloaded(doc);
    assert_eq!(app.doc.plan.title, "changed elsewhere");
    assert_eq!(app.doc.plan.gaps[app.selected_gap().unwrap()].id, id);
    assert_eq!(app.doc.save_state(), SaveState::Saved);
    let msg = app.ui.message.clone().unwrap();
    assert_eq!(msg.text, "reloaded: plan changed on disk");
}

#[test]
fn an_outside_change_with_local_edits_asks_and_reload_drops_them() {
    let mut app = app();
    app.update(Action::PriorityLow);
    assert_eq!(app.doc.save_state(), SaveState::Unsaved);
    assert_eq!(
        app.outside_change(),
        Effect::None,
        "never reloads over edits"
    );
    assert!(matches!(
        app.ui.overlay,
        Overlay::Confirm(Question::ReloadChanged)
    ));
    assert_eq!(app.update(Action::Confirm), Effect::Reload);
    let doc = changed_doc(&app);
    app.reloaded(doc);
    assert_eq!(app.doc.plan.title, "changed elsewhere");
    assert_eq!(app.doc.save_state(), SaveState::Saved);
}

#[test]
fn keep_mine_leaves_the_edits_and_the_plan_unsaved() {
    let mut app = app();
    app.update(Action::PriorityLow);
    let before = app.doc.plan.clone();
    app.outside_change();
    assert_eq!(app.update(Action::Cancel), Effect::None);
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert_eq!(app.doc.plan, before);
    assert_eq!(app.doc.save_state(), SaveState::Unsaved);
    assert!(
        app.ui
            .message
            .clone()
            .unwrap()
            .text
            .contains("kept your edits")
    );
}

#[test]
fn an_accepted_restore_makes_the_plan_dirty_with_the_recovered_content() {
    let mut app = app();
    let mut recovered = app.doc.plan.clone();
    recovered.title = "recovered title".into();
    let text = plan::to_ron_string(&recovered);
    app.offer_restore("2026-11-22T02:00:00Z".into(), text);
    assert!(matches!(
        app.ui.overlay,
        Overlay::Confirm(Question::Restore { .. })
    ));
    assert_eq!(app.update(Action::Confirm), Effect::None);
    assert_eq!(app.doc.plan.title, "recovered title");
    assert_eq!(app.doc.save_state(), SaveState::Unsaved);
    assert!(matches!(app.ui.overlay, Overlay::None));
}

#[test]
fn a_declined_restore_asks_to_discard_the_recovery_file_and_keeps_the_plan() {
    let mut app = app();
    let before = app.doc.plan.clone();
    app.offer_restore("then".into(), "Plan(title: \"x\")".into());
    assert_eq!(app.update(Action::Cancel), Effect::DiscardRecovery);
    assert_eq!(app.doc.plan, before);
    assert_eq!(app.doc.save_state(), SaveState::Saved);
}

#[test]
fn an_unparsable_recovery_file_is_reported_and_the_plan_kept() {
    let mut app = app();
    let before = app.doc.plan.clone();
    app.offer_restore("then".into(), "Plan(title: ".into());
    assert_eq!(app.update(Action::Confirm), Effect::None);
    assert_eq!(app.doc.plan, before);
    assert_eq!(app.ui.message.clone().unwrap().kind, MessageKind::Error);
}
