//! The timeline and cost views, the finder and the palette: snapshots at two terminal
//! sizes and scripted actions checking what each one selects or runs.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::fixture::{app, selected_id};
use crate::tui::action::Action;
use crate::tui::app::{App, View};
use crate::tui::mode::Mode;

fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Action::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        app.update(Action::Type(key.into()));
    }
}

fn timeline_app() -> App {
    let mut a = app();
    a.set_today(jiff::civil::date(2026, 1, 14));
    a.update(Action::ShowTimeline);
    a
}

#[test]
fn tab_cycles_the_views_and_selection_is_shared() {
    let mut a = app();
    a.update(Action::MoveDown);
    let before = selected_id(&a);
    a.update(Action::NextView);
    assert_eq!(a.ui.view, View::Timeline);
    assert_eq!(a.mode(), Mode::Timeline);
    assert_eq!(selected_id(&a), before);
    a.update(Action::MoveDown);
    let moved = selected_id(&a);
    assert_ne!(moved, before);
    a.update(Action::NextView);
    assert_eq!(a.mode(), Mode::Costs);
    a.update(Action::PreviousView);
    a.update(Action::PreviousView);
    assert_eq!(a.ui.view, View::Table);
    assert_eq!(selected_id(&a), moved);
}

#[test]
fn timeline_at_80x24() {
    let mut a = timeline_app();
    a.update(Action::Last);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn timeline_at_160x48() {
    let mut a = timeline_app();
    insta::assert_snapshot!(screen(&mut a, 160, 48));
}

#[test]
fn timeline_zoomed_in_and_scrolled() {
    let mut a = timeline_app();
    a.update(Action::ZoomIn);
    a.update(Action::ScrollLater);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("days"), "{s}");
    a.update(Action::ZoomOut);
    a.update(Action::ZoomOut);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("months") && s.contains("Jan '26"), "{s}");
}

#[test]
fn timeline_lists_what_the_selected_gap_waits_for() {
    let mut a = timeline_app();
    let row = a.rows.gap_row[2]; // monitoring depends on backups
    a.ui.cursor = row;
    let s = screen(&mut a, 100, 30);
    assert!(
        s.contains("monitoring: ← waits for backups · → waited for by nothing"),
        "{s}"
    );
    assert!(s.contains("← Automated database backups"), "{s}");
}

#[test]
fn costs_at_80x24() {
    let mut a = app();
    a.update(Action::ShowCosts);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn costs_at_160x48_with_a_later_month() {
    let mut a = app();
    a.update(Action::ShowCosts);
    a.update(Action::Last);
    insta::assert_snapshot!(screen(&mut a, 160, 48));
}

#[test]
fn selecting_a_month_lists_its_lines_and_total() {
    let mut a = app();
    a.update(Action::ShowCosts);
    a.update(Action::Last);
    let months = a.doc.analysis.costs.months.clone();
    let last = months.last().unwrap();
    assert_eq!(a.views.month, months.len() - 1);
    assert_eq!(a.views.month_detail.total(), last.total);
    let s = screen(&mut a, 120, 30);
    let total = crate::tui::format::range_full(last.total);
    assert!(s.contains(&format!("total {total}")), "{s}");
    assert!(
        s.contains("Datadog") && s.contains("monitoring — Uptime"),
        "{s}"
    );
    a.update(Action::First);
    assert_eq!(a.views.month, 0);
}

#[test]
fn finder_jumps_to_the_gap_that_mentions_a_restore() {
    let mut a = app();
    a.update(Action::OpenFinder);
    assert_eq!(a.mode(), Mode::Finder);
    typed(&mut a, "restore");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("action: Test a restore"), "{s}");
    a.update(Action::Confirm);
    assert_eq!(a.mode(), Mode::Table);
    assert_eq!(selected_id(&a).as_deref(), Some("backups"));
}

#[test]
fn finder_at_80x24() {
    let mut a = app();
    a.update(Action::OpenFinder);
    typed(&mut a, "mon");
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn palette_runs_the_chosen_action() {
    let mut a = app();
    a.update(Action::OpenPalette);
    assert_eq!(a.mode(), Mode::Palette);
    typed(&mut a, "show_costs");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("show_costs") && s.contains("f4"), "{s}");
    a.update(Action::Confirm);
    assert_eq!(a.ui.view, View::Costs);
    a.update(Action::OpenPalette);
    typed(&mut a, "priority_low");
    a.update(Action::Confirm);
    assert_eq!(a.doc.plan.gaps[0].priority, crate::plan::Priority::Low);
}

#[test]
fn palette_at_160x48() {
    let mut a = app();
    a.update(Action::OpenPalette);
    typed(&mut a, "zoom");
    insta::assert_snapshot!(screen(&mut a, 160, 48));
}

#[test]
fn views_never_panic_at_any_size() {
    for view in [Action::ShowTimeline, Action::ShowCosts] {
        let mut a = timeline_app();
        a.update(view);
        for (w, h) in [
            (1, 1),
            (2, 3),
            (10, 5),
            (30, 8),
            (40, 12),
            (79, 23),
            (200, 60),
        ] {
            screen(&mut a, w, h);
        }
        a.update(Action::OpenFinder);
        screen(&mut a, 3, 3);
        screen(&mut a, 20, 6);
    }
}

#[test]
fn filters_hide_gaps_and_edits_still_reach_the_real_gap() {
    let mut a = app();
    a.update(Action::FilterPriority); // Critical
    assert_eq!(super::fixture::shown_ids(&a), ["backups"]);
    let s = screen(&mut a, 100, 20);
    assert!(s.contains("filter: priority=Critical"), "{s}");
    // the cursor is on the phase row; go to the gap and edit it
    a.update(Action::First);
    a.update(Action::MoveDown);
    assert_eq!(selected_id(&a).as_deref(), Some("backups"));
    a.update(Action::CycleStatus);
    assert_eq!(a.doc.plan.gaps[0].status, crate::plan::Status::Partial);
    a.update(Action::PriorityLow);
    assert_eq!(a.doc.plan.gaps[0].priority, crate::plan::Priority::Low);
    assert!(
        super::fixture::shown_ids(&a).is_empty(),
        "no longer matches"
    );
    a.update(Action::Undo);
    assert_eq!(super::fixture::shown_ids(&a), ["backups"]);
    a.update(Action::FilterPriority); // High
    assert_eq!(super::fixture::shown_ids(&a), ["secrets"]);
    a.update(Action::ClearFilters);
    assert_eq!(super::fixture::shown_ids(&a).len(), 4);
}

#[test]
fn sort_by_monthly_cost_reorders_within_phases_only() {
    let mut plan = super::fixture::plan();
    plan.gaps[3].priority = crate::plan::Priority::Critical; // runbooks
    let mut a = super::fixture::app_with(plan);
    a.update(Action::FilterArea); // "Data": backups only
    assert_eq!(super::fixture::shown_ids(&a), ["backups"]);
    a.update(Action::ClearFilters);
    a.update(Action::CycleSort); // priority
    assert_eq!(
        super::fixture::shown_ids(&a),
        ["backups", "secrets", "runbooks", "monitoring"]
    );
    a.update(Action::CycleSort); // planned finish
    a.update(Action::CycleSort); // monthly cost
    assert_eq!(
        a.views.filter.sort,
        crate::tui::filter::SortMode::MonthlyCost
    );
    assert_eq!(
        super::fixture::shown_ids(&a),
        ["backups", "secrets", "monitoring", "runbooks"]
    );
    // editing the selected gap while sorted edits that gap
    let row = a.rows.gap_row[3];
    a.ui.cursor = row;
    a.update(Action::PriorityHigh);
    assert_eq!(a.doc.plan.gaps[3].priority, crate::plan::Priority::High);
    // each row still names its real gap index, and gap_row points back at it
    for (g, &row) in a.rows.gap_row.iter().enumerate() {
        match &a.rows.rows[row] {
            crate::tui::rows::Row::Gap(r) => assert_eq!(r.gap, g),
            crate::tui::rows::Row::Phase(_) => panic!("gap {g} hidden without a filter"),
        }
    }
    a.update(Action::CycleSort);
    assert!(!a.views.filter.is_active());
}

#[test]
fn notes_go_out_as_an_effect_and_come_back_as_an_undoable_edit() {
    let mut a = app();
    let effect = a.update(Action::EditNotesExternally);
    let crate::tui::update::Effect::EditNotes(req) = effect else {
        panic!("expected an editor request, got {effect:?}");
    };
    assert_eq!(req.id, "backups");
    assert_eq!(req.text, "Keep 30 days.\nEncrypt at rest.");
    a.notes_edited(&req.id, "Keep 90 days.\n".into());
    assert_eq!(a.doc.plan.gaps[0].notes.as_deref(), Some("Keep 90 days."));
    a.notes_edited(&req.id, "Keep 90 days.".into());
    assert!(a.ui.message.as_ref().unwrap().text.contains("unchanged"));
    a.update(Action::Undo);
    assert_eq!(
        a.doc.plan.gaps[0].notes.as_deref(),
        Some("Keep 30 days.\nEncrypt at rest.")
    );
}

#[test]
fn a_click_selects_the_row_under_it_and_the_wheel_moves() {
    let mut a = app();
    screen(&mut a, 100, 30);
    let table = crate::tui::view::regions(&a, ratatui::layout::Rect::new(0, 0, 100, 30)).table;
    let row = a.rows.gap_row[3]; // runbooks
    a.update(Action::Click {
        column: 10,
        row: table.y + 1 + row as u16,
    });
    assert_eq!(selected_id(&a).as_deref(), Some("runbooks"));
    a.update(Action::Click { column: 10, row: 0 }); // title bar: nothing happens
    assert_eq!(selected_id(&a).as_deref(), Some("runbooks"));
    a.update(Action::ShowTimeline);
    a.update(Action::Click {
        column: 5,
        row: table.y + 1 + a.rows.gap_row[0] as u16,
    });
    assert_eq!(selected_id(&a).as_deref(), Some("backups"));
}

#[test]
fn timeline_states_a_phase_worst_finish_in_words() {
    let mut a = timeline_app();
    a.ui.cursor = a.rows.group_rows[1]; // phase 2
    let s = screen(&mut a, 120, 30);
    let f = a.doc.analysis.phases[1].finish.unwrap();
    let want = format!("Operations: finish {} planned", f.planned);
    assert!(s.contains(&want), "{s}");
    assert!(s.contains(&format!("{} worst", f.worst)), "{s}");
}
