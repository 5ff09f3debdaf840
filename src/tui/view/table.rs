//! The gap table: a heading row, then only the visible window of cached rows — phase
//! headers and gaps — with the cursor row and the cells changed by the last edit marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::util::{put, width};
use crate::plan::Priority;
use crate::tui::app::App;
use crate::tui::fields::status_text;
use crate::tui::format;
use crate::tui::rows::{Column, Columns, GapRow, Lateness, PhaseRow, Row};
use crate::tui::sanitize::sanitize;

/// A drawn column: which one, its width, and whether it is right-aligned.
#[derive(Clone, Copy)]
struct Col {
    kind: Column,
    width: u16,
    align: Align,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

const MIN_TITLE: u16 = 18;

/// Columns that fit in `total` cells: the title takes what is left; optional columns are
/// dropped in order of usefulness until the title keeps its minimum.
fn layout(total: u16) -> Vec<Col> {
    use Align::*;
    let all = [
        Col {
            kind: Column::Priority,
            width: 4,
            align: Left,
        },
        Col {
            kind: Column::Title,
            width: 0,
            align: Left,
        },
        Col {
            kind: Column::Area,
            width: 12,
            align: Left,
        },
        Col {
            kind: Column::Status,
            width: 11,
            align: Left,
        },
        Col {
            kind: Column::Progress,
            width: 9,
            align: Left,
        },
        Col {
            kind: Column::Remaining,
            width: 7,
            align: Right,
        },
        Col {
            kind: Column::Monthly,
            width: 8,
            align: Right,
        },
        Col {
            kind: Column::Dates,
            width: 13,
            align: Left,
        },
        Col {
            kind: Column::Slip,
            width: 5,
            align: Right,
        },
    ];
    let drop_order = [
        Column::Area,
        Column::Slip,
        Column::Remaining,
        Column::Monthly,
        Column::Dates,
        Column::Progress,
        Column::Status,
        Column::Priority,
    ];
    let mut cols: Vec<Col> = all.to_vec();
    let fixed = |cols: &[Col]| cols.iter().map(|c| c.width + 1).sum::<u16>();
    for d in drop_order {
        if fixed(&cols) + MIN_TITLE <= total {
            break;
        }
        cols.retain(|c| c.kind != d);
    }
    let title = total.saturating_sub(fixed(&cols)).max(1);
    for c in &mut cols {
        if c.kind == Column::Title {
            c.width = title;
        }
    }
    cols
}

fn heading(kind: Column) -> &'static str {
    match kind {
        Column::Priority => "Pri",
        Column::Title => "Gap",
        Column::Area => "Area",
        Column::Status => "Status",
        Column::Progress => "Progress",
        Column::Remaining => "Left",
        Column::Monthly => "Monthly",
        Column::Dates => "Start→Finish",
        Column::Slip => "Slip",
    }
}

fn priority_short(p: Priority) -> &'static str {
    match p {
        Priority::Critical => "Crit",
        Priority::High => "High",
        Priority::Medium => "Med",
        Priority::Low => "Low",
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let cols = layout(area.width);
    let t = &app.theme;
    let mut x = area.x;
    for c in &cols {
        cell(buf, x, area.y, c, heading(c.kind), t.heading);
        x = x.saturating_add(c.width + 1);
    }
    let body = usize::from(area.height - 1);
    if body == 0 || app.rows.is_empty() {
        if app.rows.is_empty() && body > 0 {
            put(
                buf,
                area.x + 1,
                area.y + 1,
                "No phases or gaps yet — press a to add a gap",
                area.width - 1,
                t.dim,
            );
        }
        return;
    }
    let cursor = app.ui.cursor.min(app.rows.len() - 1);
    // Keep the cursor visible even if the size changed since the last update.
    let scroll = app.ui.scroll.clamp(cursor.saturating_sub(body - 1), cursor);
    let end = (scroll + body).min(app.rows.len());
    for (i, row) in app.rows.rows[scroll..end].iter().enumerate() {
        let y = area.y + 1 + i as u16;
        let line = Rect {
            x: area.x,
            y,
            width: area.width,
            height: 1,
        };
        match row {
            Row::Phase(p) => phase_line(app, p, line, buf),
            Row::Gap(g) => gap_line(app, g, &cols, line, buf),
        }
        if scroll + i == cursor {
            buf.set_style(line, t.selected);
        }
    }
}

fn phase_line(app: &App, p: &PhaseRow, line: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let name = format!("▾ {} ({})", p.name, p.gaps);
    let n = put(buf, line.x, line.y, &name, line.width, t.phase);
    let style = if p.late == Lateness::Late {
        t.late
    } else {
        t.dim
    };
    let x = line.x + n;
    put(
        buf,
        x,
        line.y,
        &format!("  {}", p.summary),
        line.right().saturating_sub(x),
        style,
    );
}

fn gap_line(app: &App, g: &GapRow, cols: &[Col], line: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let gap = &app.doc.plan.gaps[g.gap];
    let changed = app.changes.cells.get(g.gap);
    let mut x = line.x;
    for c in cols {
        let (text, mut style): (String, Style) = match c.kind {
            Column::Priority => (priority_short(g.priority).into(), t.priority(g.priority)),
            Column::Title => (sanitize(&gap.title).into_owned(), t.base),
            Column::Area => (
                gap.area
                    .as_deref()
                    .map(|a| sanitize(a).into_owned())
                    .unwrap_or_default(),
                t.dim,
            ),
            Column::Status => (status_text(g.status).into(), t.status(g.status)),
            Column::Progress => {
                progress_cell(app, g, changed, x, c.width, line, buf);
                x = x.saturating_add(c.width + 1);
                continue;
            }
            Column::Remaining => (format::hours(g.remaining), t.base),
            Column::Monthly => (format::range_compact(g.monthly), t.base),
            Column::Dates => match g.planned {
                Some(p) => (
                    format!(
                        "{}→{}",
                        format::short_date(p.start),
                        format::short_date(p.finish)
                    ),
                    t.base,
                ),
                None => (String::new(), t.base),
            },
            Column::Slip => match g.late() {
                Lateness::Late => (format::slip(g.slip_days), t.late),
                Lateness::OnTime => (String::new(), t.base),
            },
        };
        if changed.has(c.kind) {
            style = style.patch(t.changed);
        }
        cell(buf, x, line.y, c, &text, style);
        x = x.saturating_add(c.width + 1);
    }
}

/// A bar plus the percent, the bar split into done and remaining styles.
fn progress_cell(
    app: &App,
    g: &GapRow,
    changed: Columns,
    x: u16,
    width: u16,
    line: Rect,
    buf: &mut Buffer,
) {
    let t = &app.theme;
    let bar_w = usize::from(width.saturating_sub(5));
    let done = (usize::from(g.progress) * bar_w + 50) / 100;
    let bar = format::bar(g.progress, bar_w);
    let split = bar.char_indices().nth(done).map_or(bar.len(), |(i, _)| i);
    if x < line.right() {
        let room = (line.right() - x).min(width);
        let n = put(buf, x, line.y, &bar[..split], room, t.bar_done);
        put(
            buf,
            x + n,
            line.y,
            &bar[split..],
            room.saturating_sub(n),
            t.bar_todo,
        );
    }
    let pct = format!("{:>4}%", g.progress);
    let px = x.saturating_add(bar_w as u16);
    let style = if changed.has(Column::Progress) {
        t.changed
    } else {
        t.base
    };
    put(
        buf,
        px,
        line.y,
        &pct,
        line.right().saturating_sub(px).min(5),
        style,
    );
}

fn cell(buf: &mut Buffer, x: u16, y: u16, c: &Col, text: &str, style: Style) {
    let right = buf.area.right();
    if x >= right {
        return;
    }
    let room = c.width.min(right - x);
    let w = width(text) as u16;
    let x = match c.align {
        Align::Right if w < room => x + room - w,
        _ => x,
    };
    put(buf, x, y, text, room, style);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_and_degrade() {
        for w in [0u16, 1, 20, 40, 80, 120, 300] {
            let cols = layout(w);
            assert!(cols.iter().any(|c| c.kind == Column::Title));
            if w >= 40 {
                let used: u16 = cols.iter().map(|c| c.width + 1).sum();
                assert!(used <= w + 1, "width {w}: used {used}");
            }
        }
        assert!(layout(200).iter().any(|c| c.kind == Column::Area));
        assert!(!layout(60).iter().any(|c| c.kind == Column::Area));
    }
}
