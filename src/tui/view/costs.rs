//! The cost view: monthly totals as bars (low solid, low–high shaded) with the run-rate
//! line and one-off months marked, the cumulative total, the selected month's cost lines
//! with the gaps they come from, and run-rate breakdowns per phase, area and label.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::util::put;
use crate::engine::{CostSource, MonthTotal, Range};
use crate::plan::{CostKind, Dec2};
use crate::tui::app::App;
use crate::tui::format::{compact, range_full};
use crate::tui::sanitize::sanitize;

/// Width of one month in the chart ("Mar 26" plus a gap).
const MONTH_W: u16 = 7;
/// Width of the value axis on the left.
const AXIS_W: u16 = 7;

pub fn month_name(m: &MonthTotal) -> String {
    jiff::civil::Date::new(m.year, m.month, 1)
        .map(|d| d.strftime("%b %Y").to_string())
        .unwrap_or_else(|_| format!("{}-{:02}", m.year, m.month))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width < 10 || area.height < 3 {
        return;
    }
    let t = &app.theme;
    let c = &app.doc.analysis.costs;
    let cur = &app.doc.plan.currency;
    let head = format!(
        "Run rate {}/month {cur} · one-off {} · {} months",
        range_full(c.run_rate),
        range_full(c.one_off),
        c.months.len()
    );
    put(buf, area.x, area.y, &head, area.width, t.value);
    if c.months.is_empty() {
        put(
            buf,
            area.x,
            area.y + 1,
            "No months to show: the plan has nothing scheduled",
            area.width,
            t.dim,
        );
        return;
    }
    let rest = area.height - 1;
    let chart_h = if rest >= 16 {
        rest / 2
    } else {
        rest.min(8) / 2 + 2
    }
    .min(rest);
    let chart = Rect::new(area.x, area.y + 1, area.width, chart_h);
    render_chart(app, chart, buf);
    let below = Rect::new(
        area.x,
        chart.bottom(),
        area.width,
        area.bottom() - chart.bottom(),
    );
    if below.height == 0 {
        return;
    }
    let (left, right) = if below.width >= 100 {
        let lw = below.width * 3 / 5;
        (
            Rect { width: lw, ..below },
            Rect {
                x: below.x + lw + 1,
                width: below.width - lw - 1,
                ..below
            },
        )
    } else {
        // Narrow: the month's lines on top, the breakdowns side by side under them.
        let wanted = app.views.month_detail.lines.len() as u16 + 1;
        let top = wanted.min(below.height / 2).max(below.height.min(1));
        (
            Rect {
                height: top,
                ..below
            },
            Rect {
                y: below.y + top,
                height: below.height - top,
                ..below
            },
        )
    };
    render_month(app, left, buf);
    render_breakdowns(app, right, buf);
}

/// Bars for the months on screen; the selected month is kept in view.
fn render_chart(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let c = &app.doc.analysis.costs;
    // rows: bars, then month names, then cumulative
    let bars_h = area.height.saturating_sub(2);
    let visible = usize::from(area.width.saturating_sub(AXIS_W) / MONTH_W).max(1);
    let sel = app.views.month.min(c.months.len() - 1);
    let first = (sel + 1).saturating_sub(visible);
    let shown = &c.months[first..(first + visible).min(c.months.len())];
    let max = shown
        .iter()
        .map(|m| m.total.high)
        .chain([c.run_rate.high])
        .max()
        .unwrap_or(Dec2::ZERO)
        .hundredths()
        .max(1);
    let level = |v: Dec2| -> u16 {
        let h = i64::from(bars_h);
        ((v.hundredths() * h + max - 1) / max).clamp(0, h) as u16
    };
    let rr = level(c.run_rate.high);
    let any = shown.iter().any(|m| m.total.high != Dec2::ZERO) || c.run_rate.high != Dec2::ZERO;
    if bars_h > 0 && rr < bars_h && any {
        put(
            buf,
            area.x,
            area.y,
            &compact(Dec2::from_hundredths(max)),
            AXIS_W - 1,
            t.label,
        );
    }
    if bars_h > 0 && rr > 0 {
        let y = area.y + bars_h - rr;
        for x in area.x + AXIS_W..area.right() {
            put(buf, x, y, "┄", 1, t.run_rate);
        }
        put(buf, area.x, y, "run", AXIS_W - 1, t.run_rate);
    }
    for (i, m) in shown.iter().enumerate() {
        let x = area.x + AXIS_W + i as u16 * MONTH_W;
        let (lo, hi) = (level(m.total.low), level(m.total.high));
        for r in 0..bars_h {
            let from_bottom = bars_h - r;
            let (ch, style) = if from_bottom <= lo {
                ("█", t.cost_low)
            } else if from_bottom <= hi {
                ("▒", t.cost_high)
            } else {
                continue;
            };
            for dx in 1..5 {
                put(buf, x + dx, area.y + r, ch, 1, style);
            }
        }
        let once = app
            .views
            .one_offs
            .get(first + i)
            .is_some_and(|r| r.high != Dec2::ZERO || r.low != Dec2::ZERO);
        let name = jiff::civil::Date::new(m.year, m.month, 1)
            .map(|d| d.strftime("%b %y").to_string())
            .unwrap_or_default();
        let label = if once { format!("{name}◆") } else { name };
        let style = if first + i == sel {
            t.selected
        } else {
            t.label
        };
        put(buf, x, area.y + bars_h, &label, MONTH_W, style);
        if area.height >= 2 {
            put(
                buf,
                x,
                area.y + bars_h + 1,
                &compact(m.cumulative.high),
                MONTH_W - 1,
                t.dim,
            );
        }
    }
    if area.height >= 2 {
        put(buf, area.x, area.y + bars_h + 1, "Σ", AXIS_W - 1, t.dim);
    }
}

fn source_name(app: &App, s: CostSource) -> String {
    let plan = &app.doc.plan;
    let name = match s {
        CostSource::Plan => "plan".to_string(),
        CostSource::Phase(p) => plan
            .phases
            .get(p)
            .map_or(String::new(), |p| format!("phase {}", p.name)),
        CostSource::Gap(g) => plan
            .gaps
            .get(g)
            .map_or(String::new(), |g| format!("{} — {}", g.id, g.title)),
    };
    sanitize(&name).into_owned()
}

/// The selected month: total, recurring and one-off parts, and its lines.
fn render_month(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let c = &app.doc.analysis.costs;
    let Some(m) = c.months.get(app.views.month) else {
        return;
    };
    let d = &app.views.month_detail;
    let title = format!("{} total {}", month_name(m), range_full(m.total));
    let n = put(buf, area.x, area.y, &title, area.width, t.heading);
    put(
        buf,
        area.x + n,
        area.y,
        &format!(
            "  (recurring {} + one-off {}, cumulative {})",
            range_full(d.recurring),
            range_full(d.one_off),
            range_full(m.cumulative)
        ),
        area.width.saturating_sub(n),
        t.dim,
    );
    for (i, &li) in d
        .lines
        .iter()
        .take(usize::from(area.height.saturating_sub(1)))
        .enumerate()
    {
        let Some(line) = c.lines.get(li) else {
            continue;
        };
        let y = area.y + 1 + i as u16;
        let kind = match line.kind {
            CostKind::Monthly => "monthly",
            CostKind::Once => "one-off",
        };
        let amount = format!("{:>13}", range_full(line.amount));
        let mut x = area.x;
        x += put(buf, x, y, &amount, area.width, t.value);
        x += put(
            buf,
            x,
            y,
            &format!(" {kind:<8}"),
            area.right().saturating_sub(x),
            t.dim,
        );
        x += put(
            buf,
            x,
            y,
            &sanitize(&line.label),
            24.min(area.right().saturating_sub(x)),
            t.base,
        );
        put(
            buf,
            x,
            y,
            &format!("  ← {}", source_name(app, line.source)),
            area.right().saturating_sub(x),
            t.dim,
        );
    }
    if d.lines.len() + 1 > usize::from(area.height) && area.height > 1 {
        let more = format!(
            "… {} more lines",
            d.lines.len() + 1 - usize::from(area.height)
        );
        put(buf, area.x, area.bottom() - 1, &more, area.width, t.dim);
    }
}

/// Run rate per phase, per area and per label, each low–high, stacked.
fn render_breakdowns(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    let c = &app.doc.analysis.costs;
    let plan = &app.doc.plan;
    let phases: Vec<(String, Range)> = plan
        .phases
        .iter()
        .zip(&app.doc.analysis.phases)
        .map(|(p, r)| (p.name.clone(), r.run_rate))
        .chain([("plan & unphased".to_string(), c.unphased_run_rate)])
        .collect();
    let area_rows: Vec<(String, Range)> = c
        .by_area
        .iter()
        .map(|(a, r)| {
            (
                if a.is_empty() {
                    "(no area)".into()
                } else {
                    a.clone()
                },
                *r,
            )
        })
        .collect();
    let tables = [
        ("Run rate by phase", &phases),
        ("by area", &area_rows),
        ("by label", &c.by_label),
    ];
    // Side by side when three columns of 25 cells fit, else stacked.
    let side = area.width >= 3 * 25;
    let col_w = if side { area.width / 3 } else { area.width };
    let mut y = area.y;
    for (i, (title, rows)) in tables.into_iter().enumerate() {
        let col = if side {
            y = area.y;
            Rect {
                x: area.x + i as u16 * col_w,
                width: col_w - 1,
                ..area
            }
        } else {
            area
        };
        if y >= col.bottom() {
            break;
        }
        put(buf, col.x, y, title, col.width, t.heading);
        y += 1;
        if rows.is_empty() && y < col.bottom() {
            put(buf, col.x + 1, y, "none", col.width, t.dim);
            y += 1;
        }
        for (name, r) in rows.iter() {
            if y >= col.bottom() {
                break;
            }
            row(buf, col, y, name, *r, t.base);
            y += 1;
        }
    }
}

fn row(buf: &mut Buffer, area: Rect, y: u16, name: &str, r: Range, style: Style) {
    let value = range_full(r);
    let vw = value.chars().count() as u16;
    let name_w = area.width.saturating_sub(vw + 1);
    put(
        buf,
        area.x + 1,
        y,
        &sanitize(name),
        name_w.saturating_sub(1),
        style,
    );
    put(buf, area.right().saturating_sub(vw), y, &value, vw, style);
}
