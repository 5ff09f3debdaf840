//! The right end of the title bar: which view is shown and the active filters and sort,
//! so a filtered table is never mistaken for the whole plan.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::util::{put, width};
use crate::tui::app::{App, View};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let view = match app.ui.view {
        View::Table => "",
        View::Timeline => "timeline",
        View::Costs => "costs",
    };
    let filter = &app.views.filter;
    let mut parts = Vec::new();
    if !view.is_empty() {
        parts.push(view.to_string());
    }
    if filter.is_active() {
        parts.push(format!("filter: {}", filter.describe()));
    }
    let text = if parts.is_empty() {
        String::new()
    } else {
        format!(" {} ", parts.join(" │ "))
    };
    if text.is_empty() {
        return;
    }
    let w = width(&text) as u16;
    // Leave the left half for the plan name and file.
    let w = w.min(area.width / 2);
    let style = if filter.is_active() {
        app.theme.dirty
    } else {
        app.theme.title
    };
    put(buf, area.right() - w, area.y, &text, w, style);
}
