//! The help overlay, generated from the live keymap: every section, every action with
//! its keys and description.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::util::{centered, popup};
use crate::tui::app::App;
use crate::tui::keymap::Section;
use crate::tui::mode::Mode;

fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    let sections = std::iter::once((Section::Common, "Table and detail pane"))
        .chain(Mode::ALL.iter().map(|m| (Section::Only(*m), m.title())));
    for (section, title) in sections {
        let bindings = app.keymap.section(section);
        if bindings.iter().all(|b| b.keys.is_empty()) {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(title.to_string(), t.heading));
        for b in bindings.iter().filter(|b| !b.keys.is_empty()) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
            out.push(Line::from(vec![
                Span::styled(format!("  {:<24}", keys.join(", ")), t.key),
                Span::raw(b.action.describe()),
            ]));
        }
    }
    out
}

/// Number of lines in the help text (for scrolling).
pub fn help_line_count(app: &App) -> usize {
    lines(app).len()
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let close = app
        .keymap
        .hint(Mode::Help, &crate::tui::action::Action::ToggleHelp);
    let title = format!("Keys ({close} closes)");
    let box_area = centered(area, 64, area.height.saturating_sub(2).max(3));
    let inner = popup(box_area, &title, app.theme.border_focus, buf);
    let all = lines(app);
    let skip = app
        .ui
        .help_scroll
        .min(all.len().saturating_sub(usize::from(inner.height)));
    for (i, line) in all
        .into_iter()
        .skip(skip)
        .take(usize::from(inner.height))
        .enumerate()
    {
        line.render(
            Rect {
                y: inner.y + i as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}
