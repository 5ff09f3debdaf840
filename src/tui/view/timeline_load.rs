//! The team load strip under the timeline: planned hours against capacity per member,
//! one cell per on-screen chart column, overloads flagged.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::timeline::Grid;
use super::util::put;
use crate::plan::Dec2;
use crate::tui::app::App;
use crate::tui::timeline::{Axis, Zoom};

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
        let at = |table: &[Vec<Dec2>]| {
            table
                .get(member)
                .and_then(|v| v.get(w))
                .copied()
                .unwrap_or(Dec2::ZERO)
        };
        h += at(&load.hours);
        cap += at(&load.capacity);
    }
    (h, cap)
}

pub(super) fn render(app: &App, grid: &Grid, area: Rect, buf: &mut Buffer) {
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
