//! The timeline (Gantt) view: the table's rows with a bar per gap on a time axis —
//! planned span (done part shaded), best–worst band, phase target windows, today line,
//! late gaps flagged; below it the selected row's dates and dependencies
//! ([`super::timeline_deps`]) and the team load per week ([`super::timeline_load`]).
//! Only visible rows and columns are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::util::put;
use crate::plan::Status;
use crate::tui::app::App;
use crate::tui::rows::{GapRow, Group, Lateness, PhaseRow, Row};
use crate::tui::sanitize::sanitize;
use crate::tui::timeline::Axis;

const DONE: char = '█';
const TODO: char = '▓';
const BAND: char = '░';
const TARGET: char = '─';
const PHASE: char = '━';
const TODAY: char = '│';

/// The time grid: axis, first column, label width and the chart columns on screen.
pub(super) struct Grid {
    pub(super) axis: Axis,
    pub(super) off: i64,
    pub(super) lw: u16,
    pub(super) cx: u16,
    pub(super) cw: u16,
}

impl Grid {
    /// Draws `ch` in every on-screen column of `cols.0..=cols.1`.
    fn fill(&self, cols: (i64, i64), y: u16, ch: char, style: Style, buf: &mut Buffer) {
        let lo = (cols.0 - self.off).max(0);
        let hi = (cols.1 - self.off).min(i64::from(self.cw) - 1);
        let s = ch.to_string();
        for c in lo..=hi {
            put(buf, self.cx + c as u16, y, &s, 1, style);
        }
    }

    fn today_x(&self, app: &App) -> Option<u16> {
        let c = self.axis.col(app.views.today) - self.off;
        (0..i64::from(self.cw))
            .contains(&c)
            .then(|| self.cx + c as u16)
    }
}

/// Screen split of the timeline area.
struct Parts {
    label_w: u16,
    chart: Rect,
    deps: Rect,
    load: Rect,
}

fn parts(app: &App, area: Rect) -> Parts {
    let members = app.doc.plan.team.len() as u16;
    let load_h = if area.height >= 14 && members > 0 {
        (members + 1).min(area.height / 4)
    } else {
        0
    };
    let deps_h = if area.height >= 12 {
        2
    } else {
        u16::from(area.height >= 8)
    };
    let chart_h = area.height - load_h - deps_h;
    let label_w = (area.width / 3).clamp(area.width.min(8), 30);
    Parts {
        label_w,
        chart: Rect {
            height: chart_h,
            ..area
        },
        deps: Rect {
            y: area.y + chart_h,
            height: deps_h,
            ..area
        },
        load: Rect {
            y: area.y + chart_h + deps_h,
            height: load_h,
            ..area
        },
    }
}

/// Number of gap/phase rows the timeline shows in `area`.
pub fn body_height(app: &App, area: Rect) -> usize {
    usize::from(parts(app, area).chart.height.saturating_sub(1))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width < 4 || area.height < 2 {
        return;
    }
    let p = parts(app, area);
    let cx = area.x + p.label_w + 1;
    let grid = Grid {
        axis: app.views.axis(),
        off: app.views.offset,
        lw: p.label_w,
        cx,
        cw: area.right().saturating_sub(cx),
    };
    render_scale(app, &grid, p.chart, buf);
    render_rows(app, &grid, p.chart, buf);
    super::timeline_deps::render(app, p.deps, buf);
    super::timeline_load::render(app, &grid, p.load, buf);
}

fn render_scale(app: &App, grid: &Grid, chart: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Grid {
        axis, lw, cx, cw, ..
    } = grid;
    let (lw, cx, cw) = (*lw, *cx, *cw);
    let title = format!("Gap · {} · z/Z zoom", axis.zoom.name());
    put(buf, chart.x, chart.y, &title, lw, t.heading);
    let mut free = cx;
    for c in 0..cw {
        let x = cx + c;
        if x < free {
            continue;
        }
        if let Some(label) = axis.label(app.views.offset + i64::from(c)) {
            let n = put(buf, x, chart.y, &label, cx + cw - x, t.label);
            free = x + n + 1;
        }
    }
    if let Some(x) = grid.today_x(app) {
        if buf[(x, chart.y)].symbol() == " " {
            put(buf, x, chart.y, "▼", 1, t.gantt_today);
        } else {
            buf[(x, chart.y)].set_style(t.gantt_today);
        }
    }
}

fn render_rows(app: &App, grid: &Grid, chart: Rect, buf: &mut Buffer) {
    let lw = grid.lw;
    let body = usize::from(chart.height.saturating_sub(1));
    if body == 0 || app.rows.is_empty() {
        return;
    }
    let t = &app.theme;
    let cursor = app.ui.cursor.min(app.rows.len() - 1);
    let scroll = app.ui.scroll.clamp(cursor.saturating_sub(body - 1), cursor);
    let end = (scroll + body).min(app.rows.len());
    let selected = app.selected_gap();
    let waits_for: &[usize] = selected.map_or(&[], |g| app.rows.depends_on(g));
    let waited_by: &[usize] = selected.map_or(&[], |g| app.rows.dependents(g));
    let today = grid.today_x(app);
    for (i, row) in app.rows.rows[scroll..end].iter().enumerate() {
        let y = chart.y + 1 + i as u16;
        match row {
            Row::Phase(ph) => phase_line(app, grid, ph, y, buf),
            Row::Gap(g) => {
                let mark = if waits_for.contains(&g.gap) {
                    "← "
                } else if waited_by.contains(&g.gap) {
                    "→ "
                } else {
                    "  "
                };
                let style = if mark.trim().is_empty() {
                    t.base
                } else {
                    t.gantt_dep
                };
                gap_line(app, grid, g, y, buf);
                let n = put(buf, chart.x, y, mark, lw, style);
                let flag = if g.late() == Lateness::Late { "!" } else { "" };
                let m = put(buf, chart.x + n, y, flag, lw - n, t.late);
                let title = sanitize(&app.doc.plan.gaps[g.gap].title);
                put(buf, chart.x + n + m, y, &title, lw - n - m, style);
            }
        }
        if let Some(x) = today
            && buf[(x, y)].symbol() == " "
        {
            put(buf, x, y, &TODAY.to_string(), 1, t.gantt_today);
        }
        if scroll + i == cursor {
            buf.set_style(Rect::new(chart.x, y, chart.width, 1), t.selected);
        }
    }
}

fn phase_line(app: &App, grid: &Grid, ph: &PhaseRow, y: u16, buf: &mut Buffer) {
    let t = &app.theme;
    let (axis, lw, x) = (&grid.axis, grid.lw, grid.cx - grid.lw - 1);
    let late = if ph.late == Lateness::Late {
        " !late"
    } else {
        ""
    };
    let n = put(buf, x, y, &ph.name, lw, t.phase);
    put(buf, x + n, y, late, lw - n, t.late);
    let Group::Phase(p) = ph.group else { return };
    let Some(r) = app.doc.analysis.phases.get(p) else {
        return;
    };
    if let Some(target) = r.target {
        grid.fill(axis.cols(target), y, TARGET, t.gantt_target, buf);
    }
    if let (Some(start), Some(finish)) = (r.start, r.finish) {
        let worst = (axis.col(finish.planned) + 1, axis.col(finish.worst));
        grid.fill(worst, y, BAND, t.gantt_band, buf);
        let planned = (axis.col(start), axis.col(finish.planned));
        let style = if ph.late == Lateness::Late {
            t.late
        } else {
            t.phase
        };
        grid.fill(planned, y, PHASE, style, buf);
    }
}

fn gap_line(app: &App, grid: &Grid, g: &GapRow, y: u16, buf: &mut Buffer) {
    let t = &app.theme;
    let axis = &grid.axis;
    let Some(timing) = app
        .doc
        .analysis
        .gaps
        .get(g.gap)
        .and_then(|r| r.timing.as_ref())
    else {
        return;
    };
    let band = (
        axis.col(timing.best.start.min(timing.planned.start)),
        axis.col(timing.worst.finish.max(timing.planned.finish)),
    );
    grid.fill(band, y, BAND, t.gantt_band, buf);
    let (ps, pf) = axis.cols(timing.planned);
    let n = pf - ps + 1;
    let done = if g.status == Status::Done {
        n
    } else {
        (i64::from(g.progress) * n + 50) / 100
    };
    let todo = if g.late() == Lateness::Late {
        t.late
    } else {
        t.gantt_bar
    };
    grid.fill((ps + done, pf), y, TODO, todo, buf);
    grid.fill((ps, ps + done - 1), y, DONE, t.gantt_done, buf);
}
