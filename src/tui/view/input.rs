//! The text input box: what is being edited, the editor itself, the accepted form,
//! and the reason the last attempt was refused.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::util::{centered, popup, put};
use crate::tui::app::App;
use crate::tui::fields::Lines;
use crate::tui::prompt::Prompt;

pub fn render(app: &App, prompt: &Prompt, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let text_h: u16 = match prompt.purpose.lines() {
        Lines::Single => 1,
        Lines::Multi => 8,
    };
    let h = text_h + 2 + 2 + u16::from(prompt.error.is_some());
    let box_area = centered(area, area.width.saturating_sub(4).clamp(20, 90), h);
    let inner = popup(box_area, &prompt.purpose.title(), t.border_focus, buf);
    if inner.is_empty() {
        return;
    }
    let editor_h = text_h.min(inner.height);
    (&prompt.editor).render(
        Rect {
            height: editor_h,
            ..inner
        },
        buf,
    );
    let mut y = inner.y + editor_h + 1;
    if let Some(err) = &prompt.error
        && y < inner.bottom()
    {
        put(buf, inner.x, y, err, inner.width, t.error);
        y += 1;
    }
    if y < inner.bottom() {
        put(buf, inner.x, y, prompt.purpose.hint(), inner.width, t.dim);
    }
}
