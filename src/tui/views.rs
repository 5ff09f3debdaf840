//! State and key handling of the timeline and cost views, the finder and the palette:
//! which view is shown, the timeline's zoom and scroll, the selected month, and "today"
//! (an input from the run loop, so tests pass a fixed date).

use std::sync::Arc;

use jiff::civil::Date;

use super::action::Action;
use super::app::{App, Overlay, View};
use super::costs::MonthDetail;
use super::filter::{Filter, SortMode, cycle};
use super::finder::{Corpus, Finder};
use super::mode::Mode;
use super::palette::Palette;
use super::timeline::{Axis, Zoom};
use super::update::{Effect, NotesRequest};
use crate::engine::Analysis;
use crate::plan::{Plan, Priority, Status};

/// Columns the timeline moves per scroll step.
const SCROLL_STEP: i64 = 4;

/// View state that is derived from the plan or belongs to the timeline/cost views.
#[derive(Clone, Debug)]
pub struct ViewState {
    /// The date drawn as "today" on the timeline.
    pub today: Date,
    /// Plan start: column 0 of the timeline.
    pub origin: Date,
    pub zoom: Zoom,
    /// First timeline column drawn.
    pub offset: i64,
    /// Selected month in the cost view (index into `CostSummary::months`).
    pub month: usize,
    /// What the selected month is made of, cached per recompute and month change.
    pub month_detail: MonthDetail,
    /// One-off amounts per month (same index as `CostSummary::months`).
    pub one_offs: Vec<crate::engine::Range>,
    /// The finder's search text, built on first use after each recompute.
    pub corpus: Option<Arc<Corpus>>,
    /// Which gaps the table and timeline show, and in what order.
    pub filter: Filter,
}

impl ViewState {
    pub fn new(plan: &Plan, analysis: &Analysis) -> ViewState {
        let mut v = ViewState {
            today: plan.start,
            origin: plan.start,
            zoom: Zoom::Weeks,
            offset: 0,
            month: 0,
            month_detail: MonthDetail::default(),
            one_offs: Vec::new(),
            corpus: None,
            filter: Filter::default(),
        };
        v.after_recompute(plan, analysis);
        // Start at the most detailed zoom that still shows the whole plan (worst finish
        // and every phase target) in about a screen's width of columns.
        let last_target = analysis
            .phases
            .iter()
            .filter_map(|p| p.target.map(|t| t.finish))
            .max();
        let end = last_target.map_or(analysis.finish.worst, |t| t.max(analysis.finish.worst));
        let days = super::timeline::days_between(plan.start, end);
        v.zoom = match days {
            ..=120 => Zoom::Days,
            121..=700 => Zoom::Weeks,
            _ => Zoom::Months,
        };
        v
    }

    /// Refreshes what is derived from the plan; called after every recompute.
    pub fn after_recompute(&mut self, plan: &Plan, analysis: &Analysis) {
        self.origin = plan.start;
        self.corpus = None;
        self.month = self
            .month
            .min(analysis.costs.months.len().saturating_sub(1));
        self.month_detail = MonthDetail::build(&analysis.costs, self.month);
        self.one_offs = super::costs::one_offs_by_month(&analysis.costs);
    }

    pub fn axis(&self) -> Axis {
        Axis {
            origin: self.origin,
            zoom: self.zoom,
        }
    }
}

/// Sorted distinct values.
fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = values.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Where an action goes after the views had a look at it.
pub enum Routed {
    /// Handled here; this is the effect.
    Done(Effect),
    /// Not a views action: the table/detail handling takes it.
    Main(Action),
}

impl App {
    /// Sets the date drawn as "today" (the run loop passes the clock; tests a fixed date).
    pub fn set_today(&mut self, today: Date) {
        self.views.today = today;
    }

    pub(crate) fn update_views(&mut self, action: Action) -> Routed {
        match self.mode() {
            Mode::Finder => return Routed::Done(self.update_finder(action)),
            Mode::Palette => return Routed::Done(self.update_palette(action)),
            _ => {}
        }
        let mode = self.mode();
        match (action, mode) {
            (Action::NextView, _) => self.switch_view(1),
            (Action::PreviousView, _) => self.switch_view(-1),
            (Action::ShowTable, _) => self.show_view(View::Table),
            (Action::ShowTimeline, _) => self.show_view(View::Timeline),
            (Action::ShowCosts, _) => self.show_view(View::Costs),
            (Action::OpenFinder, _) => self.open_finder(),
            (Action::OpenPalette, _) => {
                self.ui.overlay = Overlay::Palette(Box::new(Palette::new(mode, &self.keymap)));
            }
            (Action::ScrollEarlier | Action::MoveUp, Mode::Costs) => self.select_month(-1),
            (Action::ScrollLater | Action::MoveDown, Mode::Costs) => self.select_month(1),
            (Action::Click { column, row }, _) => self.click(column, row),
            (Action::EditNotesExternally, _) => {
                let Some(g) = self.gap_or_complain() else {
                    return Routed::Done(Effect::None);
                };
                let gap = &self.doc.plan.gaps[g];
                return Routed::Done(Effect::EditNotes(NotesRequest {
                    id: gap.id.clone(),
                    text: gap.notes.clone().unwrap_or_default(),
                }));
            }
            (Action::First, Mode::Costs) => self.select_month(isize::MIN / 2),
            (Action::Last, Mode::Costs) => self.select_month(isize::MAX / 2),
            (Action::ScrollEarlier, _) => self.views.offset -= SCROLL_STEP,
            (Action::ScrollLater, _) => self.views.offset += SCROLL_STEP,
            (Action::ZoomIn, _) => self.zoom(self.views.zoom.closer()),
            (Action::ZoomOut, _) => self.zoom(self.views.zoom.wider()),
            (Action::ScrollToToday, _) => {
                self.views.offset = self.views.axis().col(self.views.today) - SCROLL_STEP;
            }
            (Action::FilterPriority, _) => {
                let f = &mut self.views.filter;
                f.priority = cycle(&f.priority, &Priority::ALL);
                self.refilter();
            }
            (Action::FilterStatus, _) => {
                let f = &mut self.views.filter;
                f.status = cycle(&f.status, &Status::ALL);
                self.refilter();
            }
            (Action::FilterPhase, _) => {
                let ids: Vec<String> = self.doc.plan.phases.iter().map(|p| p.id.clone()).collect();
                self.views.filter.phase = cycle(&self.views.filter.phase, &ids);
                self.refilter();
            }
            (Action::FilterArea, _) => {
                let values = distinct(self.doc.plan.gaps.iter().filter_map(|g| g.area.clone()));
                self.views.filter.area = cycle(&self.views.filter.area, &values);
                self.refilter();
            }
            (Action::FilterOwner, _) => {
                let values = distinct(self.doc.plan.gaps.iter().filter_map(|g| g.owner.clone()));
                self.views.filter.owner = cycle(&self.views.filter.owner, &values);
                self.refilter();
            }
            (Action::CycleSort, _) => {
                self.views.filter.sort = self.views.filter.sort.next();
                self.refilter();
            }
            (Action::ClearFilters, _) => {
                self.views.filter = Filter::default();
                self.refilter();
            }
            (other, _) => return Routed::Main(other),
        }
        Routed::Done(Effect::None)
    }

    /// Rebuilds the rows under the current filter, keeping the selected gap if shown.
    fn refilter(&mut self) {
        let focus = self
            .selected_gap()
            .map(|g| self.doc.plan.gaps[g].id.clone());
        self.refresh(focus.as_deref());
        self.keep_cursor_visible();
        let f = &self.views.filter;
        let shown = self
            .rows
            .rows
            .iter()
            .filter(|r| matches!(r, super::rows::Row::Gap(_)))
            .count();
        if f.is_active() {
            let text = format!(
                "showing {shown} of {} gaps: {}",
                self.doc.plan.gaps.len(),
                f.describe()
            );
            self.info(text);
        } else {
            self.info(format!(
                "showing all {shown} gaps in rank order ({})",
                SortMode::Rank.name()
            ));
        }
    }

    fn switch_view(&mut self, delta: isize) {
        const ORDER: [View; 3] = [View::Table, View::Timeline, View::Costs];
        let i = ORDER.iter().position(|v| *v == self.ui.view).unwrap_or(0) as isize;
        let next = (i + delta).rem_euclid(ORDER.len() as isize) as usize;
        self.show_view(ORDER[next]);
    }

    fn show_view(&mut self, view: View) {
        self.ui.view = view;
        self.keep_cursor_visible();
    }

    fn zoom(&mut self, to: Zoom) {
        // Keep the first visible date in place across zoom levels.
        let first = self.views.axis().start(self.views.offset);
        self.views.zoom = to;
        self.views.offset = self.views.axis().col(first);
    }

    fn select_month(&mut self, delta: isize) {
        let n = self.doc.analysis.costs.months.len();
        if n == 0 {
            return;
        }
        let m = (self.views.month as isize).saturating_add(delta);
        self.views.month = m.clamp(0, n as isize - 1) as usize;
        self.views.month_detail = MonthDetail::build(&self.doc.analysis.costs, self.views.month);
    }

    fn open_finder(&mut self) {
        let corpus = match &self.views.corpus {
            Some(c) => Arc::clone(c),
            None => {
                let c = Arc::new(Corpus::build(&self.doc.plan, &self.rows));
                self.views.corpus = Some(Arc::clone(&c));
                c
            }
        };
        self.ui.overlay = Overlay::Finder(Box::new(Finder::new(corpus)));
    }

    fn update_finder(&mut self, action: Action) -> Effect {
        let Overlay::Finder(f) = &mut self.ui.overlay else {
            return Effect::None;
        };
        match action {
            Action::Type(input) => f.input(input),
            Action::Paste(text) => f.paste(&text),
            Action::MoveDown => f.step(1),
            Action::MoveUp => f.step(-1),
            Action::PageDown => f.step(10),
            Action::PageUp => f.step(-10),
            Action::Cancel => self.ui.overlay = Overlay::None,
            Action::Confirm => {
                let chosen = f.chosen();
                self.ui.overlay = Overlay::None;
                if let Some(g) = chosen {
                    self.jump_to_gap(g);
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn update_palette(&mut self, action: Action) -> Effect {
        let Overlay::Palette(p) = &mut self.ui.overlay else {
            return Effect::None;
        };
        match action {
            Action::Type(input) => p.input(input),
            Action::Paste(text) => p.paste(&text),
            Action::MoveDown => p.step(1),
            Action::MoveUp => p.step(-1),
            Action::Cancel => self.ui.overlay = Overlay::None,
            Action::Confirm => {
                let chosen = p.chosen();
                self.ui.overlay = Overlay::None;
                if let Some(a) = chosen {
                    return self.update(a);
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// A left click: on a table or timeline row, selects it.
    fn click(&mut self, column: u16, row: u16) {
        let (w, h) = self.ui.size;
        let r = super::view::regions(self, ratatui::layout::Rect::new(0, 0, w, h));
        let body = r.table;
        let inside = column >= body.x && column < body.right() && row > body.y;
        if !inside || self.ui.view == View::Costs || row > body.y + self.page() as u16 {
            return;
        }
        let target = self.ui.scroll + usize::from(row - body.y - 1);
        if target < self.rows.len() {
            self.ui.cursor = target;
            self.ui.focus = super::app::Focus::Table;
            self.keep_cursor_visible();
        }
    }

    /// The run loop reports the editor's result: a change becomes one undoable edit.
    pub fn notes_edited(&mut self, id: &str, text: String) {
        // Once per editor session, so a scan is fine (no id map kept per edit).
        let Some(g) = self.doc.plan.gaps.iter().position(|gap| gap.id == id) else {
            self.error(format!(
                "gap '{id}' is gone; the edited notes were not applied"
            ));
            return;
        };
        let old = self.doc.plan.gaps[g].notes.clone().unwrap_or_default();
        let new = text.trim_end().to_string();
        if new == old.trim_end() {
            self.info(format!("notes of '{id}' unchanged"));
            return;
        }
        let notes = (!new.is_empty()).then_some(new);
        self.commit_edit(
            crate::edit::Edit::Set {
                gap: g,
                field: crate::edit::GapField::Notes(notes),
            },
            format!("notes of '{id}' (from the editor)"),
            Some(id.to_string()),
        );
    }

    /// The run loop reports that the editor could not be run; nothing changed.
    pub fn notes_edit_failed(&mut self, e: &std::io::Error) {
        self.error(format!(
            "notes not edited: {e} — set $EDITOR (e.g. EDITOR=nano) or edit them with e in the detail pane"
        ));
    }

    /// Puts the cursor on gap `g` (an index into `plan.gaps`), showing a view that has it.
    pub fn jump_to_gap(&mut self, g: usize) {
        let Some(&row) = self.rows.gap_row.get(g) else {
            return;
        };
        if self.ui.view == View::Costs {
            self.ui.view = View::Table;
        }
        self.ui.cursor = row;
        self.keep_cursor_visible();
    }
}
