//! Small drawing helpers shared by the views: centred popups and clipped text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

/// A rectangle of at most `w`×`h` centred in `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `area`, draws a bordered box titled `title` and returns the inside.
pub fn popup(area: Rect, title: &str, border: Style, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .title(format!(" {title} "));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Writes `text` at (x, y), clipped to `max` cells; returns the cells used.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, style: Style) -> u16 {
    let a = buf.area;
    if max == 0 || y < a.top() || y >= a.bottom() || x < a.left() || x >= a.right() {
        return 0;
    }
    let (end, _) = buf.set_stringn(x, y, text, usize::from(max), style);
    end - x
}

/// Display width of `s` in cells.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}
