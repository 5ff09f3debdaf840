//! The timeline (Gantt) view: the table's rows with a bar per gap on a time axis —
//! planned span (done part shaded), best–worst band, phase target windows, today line,
//! late gaps flagged — then the selected gap's dependencies and the team load per week.
//! Only visible rows and columns are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::util::put;
use crate::plan::{Dec2, Status};
use crate::tui::app::App;
use crate::tui::rows::{GapRow, Group, Lateness, PhaseRow, Row};
use crate::tui::sanitize::sanitize;
use crate::tui::timeline::{Axis, Zoom};

const DONE: char = '█';
const TODO: char = '▓';
const BAND: char = '░';
const TARGET: char = '─';
const PHASE: char = '━';
const TODAY: char = '│';

/// The time grid: axis, first column, label width and the chart columns on screen.
struct Grid {
    axis: Axis,
    off: i64,
    lw: u16,
    cx: u16,
    cw: u16,
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
    render_deps(app, p.deps, buf);
    render_load(app, &grid, p.load, buf);
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

/// The dates of the row under the cursor in words: a phase's finish band and target,
/// or a gap's planned span with its best and worst finish.
fn dates_line(app: &App) -> Option<String> {
    let d = crate::tui::format::long_date;
    let a = &app.doc.analysis;
    match app.rows.rows.get(app.ui.cursor)? {
        Row::Phase(ph) => {
            let Group::Phase(p) = ph.group else {
                return Some("Unphased gaps: scheduled after the last phase".into());
            };
            let r = a.phases.get(p)?;
            let mut parts = vec![format!("{}:", ph.name)];
            if let Some(f) = r.finish {
                parts.push(format!(
                    "finish {} planned · {} best · {} worst",
                    d(f.planned),
                    d(f.best),
                    d(f.worst)
                ));
            }
            if let Some(t) = r.target {
                parts.push(format!("· target {} → {}", d(t.start), d(t.finish)));
            }
            if let Some(s) = r.slip_days.filter(|s| *s > 0) {
                parts.push(format!("· late {}", crate::tui::format::slip(s)));
            }
            Some(parts.join(" "))
        }
        Row::Gap(g) => {
            let t = a.gaps.get(g.gap)?.timing.as_ref()?;
            Some(format!(
                "{}: {} → {} planned · finish {} best · {} worst · {}% done",
                app.rows.id(g.gap),
                d(t.planned.start),
                d(t.planned.finish),
                d(t.best.finish),
                d(t.worst.finish),
                g.progress
            ))
        }
    }
}

fn render_deps(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    let area = if area.height >= 2 {
        let text = dates_line(app).unwrap_or_default();
        put(buf, area.x, area.y, &text, area.width, t.value);
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        }
    } else {
        area
    };
    let Some(g) = app.selected_gap() else {
        put(
            buf,
            area.x,
            area.y,
            "Put the cursor on a gap to see its dependencies",
            area.width,
            t.dim,
        );
        return;
    };
    let gap = &app.doc.plan.gaps[g];
    let id_of = |i: &usize| app.doc.plan.gaps[*i].id.clone();
    let waits: Vec<String> = gap.depends_on.clone();
    let by: Vec<String> = app.rows.dependents(g).iter().map(id_of).collect();
    let list = |v: &[String]| {
        if v.is_empty() {
            "nothing".to_string()
        } else {
            v.join(", ")
        }
    };
    let text = format!(
        "{}: ← waits for {} · → waited for by {}",
        gap.id,
        list(&waits),
        list(&by)
    );
    put(
        buf,
        area.x,
        area.y,
        &crate::tui::sanitize::sanitize(&text),
        area.width,
        t.gantt_dep,
    );
}

/// Planned and capacity hours of `member` over the plan weeks column `col` covers.
fn load_at(app: &App, axis: &Axis, member: usize, col: i64) -> (Dec2, Dec2) {
    let load = &app.doc.analysis.load;
    let weeks = match axis.zoom {
        Zoom::Days => {
            let w = col.div_euclid(7);
            w..w + 1
        }
        Zoom::Weeks => col..col + 1,
        Zoom::Months => {
            let first = |c: i64| {
                let d = crate::tui::timeline::days_between(axis.origin, axis.start(c));
                (d + 6).div_euclid(7)
            };
            first(col)..first(col + 1)
        }
    };
    let (mut h, mut cap) = (Dec2::ZERO, Dec2::ZERO);
    for w in weeks {
        let Ok(w) = usize::try_from(w) else { continue };
        h += load
            .hours
            .get(member)
            .and_then(|v| v.get(w))
            .copied()
            .unwrap_or(Dec2::ZERO);
        cap += load
            .capacity
            .get(member)
            .and_then(|v| v.get(w))
            .copied()
            .unwrap_or(Dec2::ZERO);
    }
    (h, cap)
}

fn render_load(app: &App, grid: &Grid, area: Rect, buf: &mut Buffer) {
    let Grid {
        axis,
        lw,
        cx,
        cw,
        off,
    } = grid;
    let (lw, cx, cw, off) = (*lw, *cx, *cw, *off);
    if area.height < 2 {
        return;
    }
    let t = &app.theme;
    put(
        buf,
        area.x,
        area.y,
        "Team load (planned ÷ capacity)",
        area.width,
        t.heading,
    );
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    for (m, member) in app
        .doc
        .plan
        .team
        .iter()
        .enumerate()
        .take(usize::from(area.height - 1))
    {
        let y = area.y + 1 + m as u16;
        let mut peak = 0i64;
        for c in 0..cw {
            let (h, cap) = load_at(app, axis, m, off + i64::from(c));
            let (h, cap) = (h.hundredths(), cap.hundredths());
            if h <= 0 {
                continue;
            }
            let pct = if cap > 0 { h * 100 / cap } else { 999 };
            peak = peak.max(pct);
            let (ch, style) = if pct > 100 {
                ('▲', t.load_over)
            } else {
                (
                    LEVELS[((pct * 8 - 1) / 100).clamp(0, 7) as usize],
                    t.load_ok,
                )
            };
            put(buf, cx + c, y, &ch.to_string(), 1, style);
        }
        let name = crate::tui::sanitize::sanitize(&member.name);
        let label = format!("{name} peak {peak}%");
        let style = if peak > 100 { t.load_over } else { t.base };
        put(buf, area.x, y, &label, lw, style);
    }
}
