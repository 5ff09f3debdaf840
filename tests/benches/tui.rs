//! The TUI at 1k / 10k / 100k gaps: one key through `App::update` to a fully drawn 200×60
//! frame on ratatui's `TestBackend`, the way the run loop does it. Targets: an edit
//! (move a gap, tick an action) ≤ 4 / 16 / 60 ms; a cursor move ≤ 2 ms at any size.

use divan::{Bencher, black_box};
use gapdeck::tui::action::Action;
use gapdeck::tui::app::{App, DetailItem, Focus, MessageKind};
use gapdeck::tui::document::{Document, Origin};
use gapdeck::tui::keymap::Keymap;
use gapdeck::tui::theme::{ColorMode, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::fixtures::{SIZES, plan};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// An app on the generated plan of `n` gaps, sized 200×60, cursor on a gap in the middle
/// of the table, and a terminal that has drawn one frame already (as in the run loop).
fn setup(n: usize) -> (App, Terminal<TestBackend>) {
    let doc = Document::new(plan(n).clone(), Origin::Sample, Vec::new());
    let mut app = App::new(doc, Keymap::defaults(), Theme::defaults(ColorMode::Colors));
    let middle = app.rows.gap_row[n / 2];
    app.ui.cursor = middle;
    app.update(Action::Resize(WIDTH, HEIGHT));
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    draw(&app, &mut term);
    (app, term)
}

fn draw(app: &App, term: &mut Terminal<TestBackend>) {
    term.draw(|f| f.render_widget(app, f.area()))
        .expect("drawing to a TestBackend cannot fail");
}

/// One key and the frame after it; keys alternate so the plan stays the same size.
fn key_then_frame(
    bencher: Bencher,
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    keys: [Action; 2],
) {
    let mut k = 0;
    bencher.bench_local(|| {
        app.update(keys[k % 2].clone());
        k += 1;
        draw(app, term);
        black_box(term.backend().buffer().area)
    });
}

/// `K`/`J`: move the selected gap up, then back down (an edit: full recompute + redraw).
#[divan::bench(args = SIZES, sample_count = 30, max_time = 15)]
fn edit_move_gap(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup(n);
    key_then_frame(
        bencher,
        &mut app,
        &mut term,
        [Action::MoveGapUp, Action::MoveGapDown],
    );
    assert_edited(&app);
}

/// The keys really edited the plan (no refusal shown, something to undo).
fn assert_edited(app: &App) {
    let refused = app
        .ui
        .message
        .as_ref()
        .filter(|m| m.kind == MessageKind::Error);
    assert!(refused.is_none(), "the edit was refused: {refused:?}");
    assert!(app.doc.history.can_undo(), "the keys left nothing to undo");
}

/// Space in the checklist: tick the first action of the selected gap, then untick it.
#[divan::bench(args = SIZES, sample_count = 30, max_time = 15)]
fn edit_tick_action(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup(n);
    let g = app.selected_gap().expect("the cursor is on a gap");
    let first_action = app
        .detail_items(g)
        .position(|d| matches!(d, DetailItem::Action(_)))
        .expect("generated gaps have actions");
    app.ui.focus = Focus::Detail;
    app.ui.detail = first_action;
    key_then_frame(
        bencher,
        &mut app,
        &mut term,
        [Action::ToggleAction, Action::ToggleAction],
    );
    assert_edited(&app);
}

/// `j`/`k`: cursor down then up, no edit (only visible rows may be touched).
#[divan::bench(args = SIZES, sample_count = 50, max_time = 10)]
fn cursor_move(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup(n);
    key_then_frame(
        bencher,
        &mut app,
        &mut term,
        [Action::MoveDown, Action::MoveUp],
    );
}

/// The same app showing another view (`t` timeline, `c` costs), one frame drawn.
fn setup_view(n: usize, view: Action) -> (App, Terminal<TestBackend>) {
    let (mut app, mut term) = setup(n);
    app.update(view);
    draw(&app, &mut term);
    (app, term)
}

/// `j`/`k` in the timeline: its chart, dependency marks and team load strip are drawn for
/// the visible rows and columns only, so the cost must not grow with the plan.
#[divan::bench(args = SIZES, sample_count = 50, max_time = 10)]
fn timeline_cursor_move(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup_view(n, Action::ShowTimeline);
    key_then_frame(
        bencher,
        &mut app,
        &mut term,
        [Action::MoveDown, Action::MoveUp],
    );
}

/// `K`/`J` in the timeline: an edit, then the chart redrawn from the new schedule.
#[divan::bench(args = SIZES, sample_count = 30, max_time = 15)]
fn timeline_edit_move_gap(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup_view(n, Action::ShowTimeline);
    key_then_frame(
        bencher,
        &mut app,
        &mut term,
        [Action::MoveGapUp, Action::MoveGapDown],
    );
    assert_edited(&app);
}

/// `l`/`h` in the cost view: select the next month and back (its cost lines are listed).
#[divan::bench(args = SIZES, sample_count = 50, max_time = 10)]
fn costs_select_month(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup_view(n, Action::ShowCosts);
    key_then_frame(
        bencher,
        &mut app,
        &mut term,
        [Action::ScrollLater, Action::ScrollEarlier],
    );
}

/// `>`/`<`: send the selected gap to the next phase and back (the table regroups).
#[divan::bench(args = SIZES, sample_count = 30, max_time = 15)]
fn edit_send_to_next_phase(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup(n);
    key_then_frame(
        bencher,
        &mut app,
        &mut term,
        [Action::SendToNextPhase, Action::SendToPreviousPhase],
    );
    assert_edited(&app);
}

/// `2`/`3`: set the selected gap's priority to high, then medium.
#[divan::bench(args = SIZES, sample_count = 30, max_time = 15)]
fn edit_priority(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup(n);
    key_then_frame(
        bencher,
        &mut app,
        &mut term,
        [Action::PriorityHigh, Action::PriorityMedium],
    );
    assert_edited(&app);
}

/// `u` then `ctrl-r`: undo an edit and redo it.
#[divan::bench(args = SIZES, sample_count = 30, max_time = 15)]
fn edit_undo_redo(bencher: Bencher, n: usize) {
    let (mut app, mut term) = setup(n);
    app.update(Action::SendToNextPhase);
    key_then_frame(bencher, &mut app, &mut term, [Action::Undo, Action::Redo]);
    assert_edited(&app);
}
