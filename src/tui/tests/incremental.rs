//! The incremental refresh gives exactly what a rebuild from scratch gives: random key
//! sequences (edits, moves across phases, undo/redo, deletes, filters and sorts) on generated
//! plans, with and without a duplicated id; after every key the rows, links and ids equal a
//! full build, and the changed cells equal a gap-by-id comparison with the rows before
//! (when ids are unique: with a duplicated id, "by id" is ambiguous and the incremental
//! path keeps each gap matched to itself).

use proptest::prelude::*;

use super::fixture::app_with;
use crate::genplan::generate;
use crate::tui::action::Action;
use crate::tui::app::{App, DetailItem, Focus, Overlay};
use crate::tui::reach::Reach;
use crate::tui::rows::{Cells, Rows};

fn press(app: &mut App, key: u8, pick: usize) {
    let action = match key {
        0 => Action::MoveGapUp,
        1 => Action::MoveGapDown,
        2 => return tick(app, pick),
        3 => Action::PriorityHigh,
        4 => Action::CycleStatus,
        5 => Action::SendToNextPhase,
        6 => Action::SendToPreviousPhase,
        7 => Action::Undo,
        8 => Action::Redo,
        9 => Action::MoveDown,
        10 => Action::MoveUp,
        11 => {
            app.update(Action::DeleteGap);
            Action::Confirm
        }
        12 => Action::DuplicateGap,
        13 => Action::FilterStatus,
        14 => Action::CycleSort,
        15 => Action::ClearFilters,
        16 => Action::ProgressUp,
        17 => Action::PageDown,
        _ => Action::PageUp,
    };
    app.update(action);
    app.ui.overlay = Overlay::None;
}

/// Space on action `pick` (modulo their number) of the selected gap, in the detail pane.
fn tick(app: &mut App, pick: usize) {
    let Some(g) = app.selected_gap() else { return };
    let actions: Vec<usize> = app
        .detail_items(g)
        .enumerate()
        .filter(|(_, d)| matches!(d, DetailItem::Action(_)))
        .map(|(i, _)| i)
        .collect();
    if actions.is_empty() {
        return;
    }
    app.ui.focus = Focus::Detail;
    app.ui.detail = actions[pick % actions.len()];
    app.update(Action::ToggleAction);
    app.ui.focus = Focus::Table;
}

fn from_scratch(app: &App) -> Rows {
    let (plan, analysis) = (&app.doc.plan, &app.doc.analysis);
    let mut rows = Rows::build(plan, analysis);
    app.views.filter.apply(&mut rows, plan, analysis);
    rows
}

fn run(gaps: usize, seed: u64, duplicate: bool, keys: &[(u8, usize)]) {
    let mut plan = generate(gaps, seed);
    if duplicate {
        plan.gaps[7].id = plan.gaps[2].id.clone();
    }
    let mut app = app_with(plan);
    app.ui.overlay = Overlay::None;
    for (step, &(key, pick)) in keys.iter().enumerate() {
        let (plan, filter, rows) = (
            app.doc.plan.clone(),
            app.views.filter.clone(),
            app.rows.clone(),
        );
        press(&mut app, key, pick);
        let scratch = from_scratch(&app);
        assert!(
            app.rows == scratch,
            "step {step} (key {key}): rows differ from a full build"
        );
        let changed = app.doc.plan != plan || app.views.filter != filter;
        if changed && !duplicate {
            let mut by_id = Cells::default();
            by_id.compare(&app.rows, &rows, Reach::ALL, &app.doc.plan);
            assert_eq!(app.changes.cells, by_id, "step {step} (key {key}): cells");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn incremental_refresh_equals_a_full_rebuild(
        seed in 0u64..1000,
        duplicate in any::<bool>(),
        keys in proptest::collection::vec((0u8..19, 0usize..8), 1..40),
    ) {
        run(40, seed, duplicate, &keys);
    }
}

#[test]
fn moves_ticks_and_undo_take_the_incremental_paths_and_match() {
    // A fixed walk that surely moves gaps (in and across phases) and ticks actions.
    let keys: Vec<(u8, usize)> = [9, 9, 0, 0, 1, 2, 2, 7, 7, 8, 5, 0, 6, 13, 0, 2, 14, 1, 15]
        .iter()
        .map(|&k| (k, 1))
        .collect();
    run(30, 11, false, &keys);
    run(30, 11, true, &keys);
}

#[test]
fn moving_past_the_table_neighbour_is_the_shared_move() {
    use crate::edit::{Direction, apply, move_within_phase};
    let mut plan = generate(30, 5);
    plan.gaps[3].phase = None;
    plan.gaps[9].phase = Some("no-such-phase".into());
    let rows = app_with(plan.clone()).rows.len();
    for row in 0..rows {
        for (action, dir) in [
            (Action::MoveGapUp, Direction::Up),
            (Action::MoveGapDown, Direction::Down),
        ] {
            let mut app = app_with(plan.clone());
            app.ui.overlay = Overlay::None;
            app.ui.cursor = row;
            let Some(g) = app.selected_gap() else {
                continue;
            };
            let mut want = plan.clone();
            // A refused move (say, into an unknown phase) leaves the plan as it was.
            let _ = move_within_phase(&plan, g, dir).map(|e| apply(&mut want, e));
            app.update(action);
            assert!(app.doc.plan == want, "row {row} {dir:?}");
        }
    }
}
