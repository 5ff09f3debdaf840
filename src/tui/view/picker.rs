//! The status picker: the six statuses with the highlighted choice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::util::{centered, popup, put};
use crate::plan::Status;
use crate::tui::app::App;
use crate::tui::fields::status_text;

pub fn render(app: &App, choice: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let inner = popup(
        centered(area, 22, Status::ALL.len() as u16 + 2),
        "Status",
        t.border_focus,
        buf,
    );
    for (i, s) in Status::ALL
        .iter()
        .enumerate()
        .take(usize::from(inner.height))
    {
        let y = inner.y + i as u16;
        let mut style = t.status(*s);
        if i == choice {
            style = style.patch(t.selected);
        }
        buf.set_style(
            Rect {
                y,
                height: 1,
                ..inner
            },
            if i == choice { t.selected } else { t.base },
        );
        put(
            buf,
            inner.x + 1,
            y,
            status_text(*s),
            inner.width.saturating_sub(1),
            style,
        );
    }
}
