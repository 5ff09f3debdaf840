//! The title bar (plan, file, unsaved mark) and the two-line header with the plan's
//! finish band, run rate, one-off total, readiness and the cursor's phase.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::util::put;
use crate::tui::app::App;
use crate::tui::document::{Origin, SaveState};
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
    put(buf, x, area.y, &text, area.right().saturating_sub(x), t.title);
}

pub fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    let s = &app.summary;
    let c = &app.changes.header;
    let pick = |changed: Changed| if changed == Changed::Changed { t.changed } else { t.value };
    let items: [(&str, String, Style); 4] = [
        ("Finish ", format!("{} ({})", s.finish, s.band), pick(c.finish)),
        ("Run rate ", s.run_rate.clone(), pick(c.run_rate)),
        ("One-off ", s.one_off.clone(), pick(c.one_off)),
        ("Ready ", s.readiness.clone(), pick(c.readiness)),
    ];
    let mut x = area.x + 1;
    for (label, value, style) in items {
        let room = area.right().saturating_sub(x);
        x += put(buf, x, area.y, label, room, t.label);
        let room = area.right().saturating_sub(x);
        x += put(buf, x, area.y, &value, room, style);
        let room = area.right().saturating_sub(x);
        x += put(buf, x, area.y, "  ", room, t.base);
    }
    if area.height < 2 {
        return;
    }
    let y = area.y + 1;
    let phase = app.current_group().and_then(|g| app.rows.header(g));
    let x = area.x + 1;
    let used = put(buf, x, y, "Phase ", area.width.saturating_sub(1), t.label);
    if let Some(p) = phase {
        let room = area.right().saturating_sub(x + used);
        let n = put(buf, x + used, y, &p.name, room, t.phase);
        let room = area.right().saturating_sub(x + used + n);
        put(buf, x + used + n, y, &format!("  {}", p.summary), room, t.base);
    }
}
