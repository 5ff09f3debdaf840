//! Scripted action sequences through `App::update`: the plan, the selection, undo/redo,
//! the unsaved mark, and refused edits that keep the typed text.

use super::fixture::{app, selected_id, shown_ids};
use crate::plan::{Priority, Status};
use crate::tui::action::Action;
use crate::tui::app::{Focus, Overlay, Question};
use crate::tui::document::{Document, Origin, SaveState};
use crate::tui::mode::Mode;
use crate::tui::prompt::AfterSave;
use crate::tui::rows::Column;
use crate::tui::update::{Effect, Overwrite, SaveRequest};

fn run(app: &mut crate::tui::app::App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().map(|a| app.update(a.clone())).collect()
}

fn gap<'a>(app: &'a crate::tui::app::App, id: &str) -> &'a crate::plan::Gap {
    app.doc.plan.gaps.iter().find(|g| g.id == id).unwrap()
}

#[test]
fn reorder_follows_the_gap_across_phases_and_undoes() {
    let mut a = app();
    assert_eq!(selected_id(&a).as_deref(), Some("backups"));
    a.update(Action::MoveGapDown);
    assert_eq!(
        shown_ids(&a),
        ["secrets", "backups", "monitoring", "runbooks"]
    );
    assert_eq!(selected_id(&a).as_deref(), Some("backups"));
    a.update(Action::MoveGapDown);
    assert_eq!(
        shown_ids(&a),
        ["secrets", "backups", "monitoring", "runbooks"]
    );
    assert_eq!(
        gap(&a, "backups").phase.as_deref(),
        Some("p2"),
        "crossed into the next phase"
    );
    assert_eq!(a.doc.save_state(), SaveState::Unsaved);
    run(&mut a, &[Action::Undo, Action::Undo]);
    assert_eq!(
        shown_ids(&a),
        ["backups", "secrets", "monitoring", "runbooks"]
    );
    assert_eq!(gap(&a, "backups").phase.as_deref(), Some("p1"));
    assert_eq!(
        a.doc.save_state(),
        SaveState::Saved,
        "undoing everything is the saved state"
    );
    a.update(Action::Redo);
    assert_eq!(
        shown_ids(&a),
        ["secrets", "backups", "monitoring", "runbooks"]
    );
    assert_eq!(selected_id(&a).as_deref(), Some("backups"));
}

#[test]
fn send_to_next_phase_puts_the_gap_last_there() {
    let mut a = app();
    run(&mut a, &[Action::MoveDown, Action::SendToNextPhase]);
    assert_eq!(gap(&a, "secrets").phase.as_deref(), Some("p2"));
    assert_eq!(
        shown_ids(&a),
        ["backups", "monitoring", "runbooks", "secrets"]
    );
    assert_eq!(selected_id(&a).as_deref(), Some("secrets"));
    a.update(Action::SendToNextPhase);
    assert_eq!(
        gap(&a, "secrets").phase,
        None,
        "after the last phase comes unphased"
    );
    a.update(Action::SendToNextPhase);
    assert!(
        a.ui.message.as_ref().unwrap().text.contains("already"),
        "{:?}",
        a.ui.message
    );
}

#[test]
fn priority_status_and_progress_keys_edit_the_selected_gap() {
    let mut a = app();
    a.update(Action::PriorityLow);
    assert_eq!(gap(&a, "backups").priority, Priority::Low);
    assert!(
        a.changes.cells.get(0).has(Column::Priority),
        "the changed cell is marked"
    );
    a.update(Action::CycleStatus);
    assert_eq!(gap(&a, "backups").status, Status::Partial);
    run(
        &mut a,
        &[
            Action::PickStatus,
            Action::MoveDown,
            Action::MoveDown,
            Action::Confirm,
        ],
    );
    assert_eq!(gap(&a, "backups").status, Status::Blocked);
    a.update(Action::ProgressUp);
    let p = gap(&a, "backups").progress.unwrap();
    assert!(p > 0 && p.is_multiple_of(10), "{p}");
    for _ in 0..4 {
        a.update(Action::Undo);
    }
    assert_eq!(a.doc.plan, super::fixture::plan());
}

#[test]
fn phase_rows_refuse_gap_edits_with_a_reason() {
    let mut a = app();
    a.update(Action::First);
    assert_eq!(a.selected_gap(), None);
    a.update(Action::PriorityHigh);
    assert!(
        a.ui.message
            .as_ref()
            .unwrap()
            .text
            .contains("put the cursor on a gap")
    );
    assert_eq!(a.doc.save_state(), SaveState::Saved);
}

#[test]
fn detail_pane_ticks_actions_with_the_keyboard() {
    let mut a = app();
    run(&mut a, &[Action::OpenDetail, Action::Last]);
    assert_eq!(a.mode(), Mode::Detail);
    a.update(Action::ToggleAction);
    assert!(gap(&a, "backups").actions[2].done, "last action ticked");
    a.update(Action::MoveUp);
    a.update(Action::ToggleAction);
    assert!(gap(&a, "backups").actions[1].done);
    a.update(Action::First);
    a.update(Action::ToggleAction);
    assert!(a.ui.message.as_ref().unwrap().text.contains("checklist"));
    a.update(Action::CloseDetail);
    assert_eq!(a.ui.focus, Focus::Table);
}

#[test]
fn refused_field_edit_keeps_the_text_and_says_why() {
    let mut a = app();
    a.update(Action::OpenDetail);
    // Owner is the 7th field.
    for _ in 0..6 {
        a.update(Action::MoveDown);
    }
    a.update(Action::EditField);
    assert_eq!(a.mode(), Mode::Input);
    a.update(Action::Paste("nobody".into()));
    a.update(Action::Commit);
    let Overlay::Prompt(p) = &a.ui.overlay else {
        panic!("prompt closed on a bad value")
    };
    assert_eq!(p.text(), "nobody");
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains("unknown team member 'nobody'"),
        "{:?}",
        p.error
    );
    assert_eq!(gap(&a, "backups").owner, None);
    assert_eq!(a.doc.save_state(), SaveState::Saved);
    let backspace = ratatui_textarea::Input {
        key: ratatui_textarea::Key::Backspace,
        ..Default::default()
    };
    for _ in 0..6 {
        a.update(Action::Type(backspace.clone()));
    }
    a.update(Action::Paste("ops".into()));
    a.update(Action::Commit);
    assert!(matches!(a.ui.overlay, Overlay::None));
    assert_eq!(gap(&a, "backups").owner.as_deref(), Some("ops"));
}

#[test]
fn unparsable_estimate_is_refused_before_reaching_the_plan() {
    let mut a = app();
    a.update(Action::OpenDetail);
    for _ in 0..7 {
        a.update(Action::MoveDown);
    }
    a.update(Action::EditField);
    a.update(Action::Paste(" fortnights".into()));
    a.update(Action::Commit);
    let Overlay::Prompt(p) = &a.ui.overlay else {
        panic!("prompt closed")
    };
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains("unknown unit 'hours fortnights'"),
        "{:?}",
        p.error
    );
    a.update(Action::Cancel);
    assert_eq!(a.doc.plan, super::fixture::plan());
}

#[test]
fn delete_asks_then_removes_references_and_undo_restores_them() {
    let mut a = app();
    a.update(Action::DeleteGap);
    assert_eq!(a.mode(), Mode::Confirm);
    a.update(Action::Cancel);
    assert_eq!(a.doc.plan.gaps.len(), 4);
    run(&mut a, &[Action::DeleteGap, Action::Confirm]);
    assert_eq!(shown_ids(&a), ["secrets", "monitoring", "runbooks"]);
    assert!(gap(&a, "monitoring").depends_on.is_empty());
    assert_eq!(selected_id(&a).as_deref(), Some("secrets"));
    a.update(Action::Undo);
    assert_eq!(a.doc.plan, super::fixture::plan());
    assert_eq!(selected_id(&a).as_deref(), Some("backups"));
}

#[test]
fn add_duplicate_and_phase_edits() {
    let mut a = app();
    run(
        &mut a,
        &[
            Action::AddGap,
            Action::Paste("Log retention policy".into()),
            Action::Commit,
        ],
    );
    assert_eq!(
        shown_ids(&a),
        [
            "backups",
            "log-retention-policy",
            "secrets",
            "monitoring",
            "runbooks"
        ]
    );
    assert_eq!(selected_id(&a).as_deref(), Some("log-retention-policy"));
    assert_eq!(gap(&a, "log-retention-policy").phase.as_deref(), Some("p1"));
    a.update(Action::DuplicateGap);
    assert_eq!(
        selected_id(&a).as_deref(),
        Some("log-retention-policy-copy")
    );
    run(
        &mut a,
        &[
            Action::AddPhase,
            Action::Paste("Hardening".into()),
            Action::Commit,
        ],
    );
    assert_eq!(a.doc.plan.phases[1].name, "Hardening");
    run(
        &mut a,
        &[
            Action::RenamePhase,
            Action::Paste(" and backups".into()),
            Action::Commit,
        ],
    );
    assert_eq!(a.doc.plan.phases[0].name, "Foundation and backups");
    for _ in 0..4 {
        a.update(Action::Undo);
    }
    assert_eq!(a.doc.plan, super::fixture::plan());
}

#[test]
fn quit_with_unsaved_changes_asks_and_save_reports_back() {
    let mut a = app();
    assert_eq!(a.update(Action::Quit), Effect::Quit, "nothing to lose");
    a.update(Action::PriorityLow);
    assert_eq!(a.update(Action::Quit), Effect::None);
    assert!(matches!(
        a.ui.overlay,
        Overlay::Confirm(Question::QuitUnsaved)
    ));
    a.update(Action::Cancel);
    let e = a.update(Action::Save);
    assert_eq!(
        e,
        Effect::Save(SaveRequest::new("plan.ron".into(), AfterSave::Stay))
    );
    a.saved("plan.ron".into());
    assert_eq!(a.doc.save_state(), SaveState::Saved);
    assert_eq!(a.update(Action::Quit), Effect::Quit);
}

#[test]
fn the_sample_asks_where_to_save() {
    let doc = Document::new(super::fixture::plan(), Origin::Sample, vec![]);
    let mut a = crate::tui::app::App::new(doc, a_keymap(), a_theme());
    assert_eq!(a.update(Action::Save), Effect::None);
    let Overlay::Prompt(p) = &a.ui.overlay else {
        panic!("no save-as prompt")
    };
    assert_eq!(p.text(), "launch-readiness.ron");
    let e = a.update(Action::Commit);
    assert_eq!(
        e,
        Effect::Save(SaveRequest::new(
            "launch-readiness.ron".into(),
            AfterSave::Stay
        ))
    );
    a.save_conflict(
        SaveRequest::new("launch-readiness.ron".into(), AfterSave::Stay),
        "it exists.".into(),
    );
    assert_eq!(a.mode(), Mode::Confirm);
    let e = a.update(Action::Confirm);
    assert!(matches!(e, Effect::Save(r) if r.overwrite == Overwrite::Confirmed));
}

fn a_keymap() -> crate::tui::keymap::Keymap {
    crate::tui::keymap::Keymap::defaults()
}

fn a_theme() -> crate::tui::theme::Theme {
    crate::tui::theme::Theme::defaults(crate::tui::theme::ColorMode::NoColor)
}

#[test]
fn navigation_clamps_and_pages() {
    let mut a = app();
    a.update(Action::Last);
    assert_eq!(selected_id(&a).as_deref(), Some("runbooks"));
    a.update(Action::MoveDown);
    assert_eq!(selected_id(&a).as_deref(), Some("runbooks"));
    a.update(Action::PageUp);
    assert_eq!(a.ui.cursor, 0);
    a.update(Action::PageDown);
    assert_eq!(a.ui.cursor, a.rows.len() - 1);
}

#[test]
fn moving_a_gap_marks_the_dates_it_changed() {
    let mut a = app();
    a.update(Action::MoveGapDown);
    let changed: Vec<_> = a
        .changes
        .cells
        .iter()
        .filter(|(_, c)| c.has(Column::Dates))
        .collect();
    assert!(
        !changed.is_empty(),
        "a reorder with one person moves someone's dates"
    );
}
