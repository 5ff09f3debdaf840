//! The title bar (plan, file, unsaved mark) and the two-line header with the plan's
//! finish band, run rate, one-off total, readiness and the cursor's phase.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::util::put;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::document::{Origin, SaveState};
use crate::tui::mode::Mode;
use crate::tui::sanitize::sanitize;
use crate::tui::summary::Changed;

pub fn render_title(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    buf.set_style(area, t.title);
    let file = match &app.doc.origin {
        Origin::File(p) => sanitize(&p.display().to_string()).into_owned(),
        Origin::Sample => "built-in sample (ctrl-s saves a copy)".into(),
    };
    let text = format!(" gapdeck │ {} │ {file} ", sanitize(&app.doc.plan.title));
    let mut x = area.x;
    if app.doc.save_state() == SaveState::Unsaved {
        x += put(buf, x, area.y, "● unsaved ", area.width, t.dirty);
    }
    x += put(
        buf,
        x,
        area.y,
        &text,
        area.right().saturating_sub(x),
        t.title,
    );
    let errors = app.doc.problems.iter().filter(|p| p.is_error()).count();
    let warnings = app.doc.problems.len() - errors;
    if errors + warnings > 0 {
        let key = app.keymap.hint(Mode::Table, &Action::ToggleProblems);
        let plural = |n: usize, w: &str| {
            if n == 1 {
                format!("1 {w}")
            } else {
                format!("{n} {w}s")
            }
        };
        let note = format!(
            " ⚠ {}, {} ({key}) ",
            plural(errors, "error"),
            plural(warnings, "warning")
        );
        let style = if errors > 0 { t.error } else { t.warning };
        put(buf, x, area.y, &note, area.right().saturating_sub(x), style);
    }
}

/// The header's value items as (label, value, style), in display order.
fn items(app: &App) -> [(&'static str, String, Style); 4] {
    let t = &app.theme;
    let s = &app.summary;
    let c = &app.changes.header;
    let pick = |changed: Changed| {
        if changed == Changed::Changed {
            t.changed
        } else {
            t.value
        }
    };
    [
        (
            "Finish ",
            format!("{} ({})", s.finish, s.band),
            pick(c.finish),
        ),
        ("Run rate ", s.run_rate.clone(), pick(c.run_rate)),
        ("One-off ", s.one_off.clone(), pick(c.one_off)),
        ("Ready ", s.readiness.clone(), pick(c.readiness)),
    ]
}

/// Line (0-based) and column of each item when flowed into `width`, items never split.
fn flow(app: &App, width: u16) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    let (mut line, mut x) = (0u16, 1u16);
    for (label, value, _) in items(app) {
        let w = (width_of(label) + width_of(&value)) as u16;
        if x > 1 && x + w > width {
            line += 1;
            x = 1;
        }
        out.push((line, x));
        x = x.saturating_add(w + 3);
    }
    out
}

fn width_of(s: &str) -> usize {
    super::util::width(s)
}

/// Lines the header needs at `width`: the flowed values plus the phase line.
pub fn header_height(app: &App, width: u16) -> u16 {
    flow(app, width).last().map_or(0, |(l, _)| l + 1) + 1
}

pub fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    let places = flow(app, area.width);
    for ((label, value, style), (line, x)) in items(app).into_iter().zip(places) {
        if line + 1 >= area.height {
            break;
        }
        let (x, y) = (area.x + x, area.y + line);
        let n = put(buf, x, y, label, area.right().saturating_sub(x), t.label);
        put(
            buf,
            x + n,
            y,
            &value,
            area.right().saturating_sub(x + n),
            style,
        );
    }
    let y = area.bottom() - 1;
    let phase = app.current_group().and_then(|g| app.rows.header(g));
    let x = area.x + 1;
    let used = put(buf, x, y, "Phase ", area.width.saturating_sub(1), t.label);
    if let Some(p) = phase {
        let room = area.right().saturating_sub(x + used);
        let n = put(buf, x + used, y, &p.name, room, t.phase);
        let room = area.right().saturating_sub(x + used + n);
        put(
            buf,
            x + used + n,
            y,
            &format!("  {}", p.summary),
            room,
            t.base,
        );
    }
}
