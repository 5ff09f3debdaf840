//! Drawing: `impl Widget for &App` splits the screen into regions and hands each to its
//! own module. Nothing here changes state or does work proportional to the plan size.

mod badge;
mod confirm;
mod costs;
mod detail;
mod finder;
mod footer;
mod header;
mod help;
mod input;
mod picker;
mod problems;
mod table;
mod timeline;
mod timeline_deps;
mod timeline_load;
mod util;

pub use help::help_line_count;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::{App, Focus, Overlay, View};

/// Where each region goes at a given terminal size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Regions {
    pub title: Rect,
    pub header: Rect,
    pub table: Rect,
    pub detail: Rect,
    pub message: Rect,
    pub footer: Rect,
}

/// Splits `area`: title bar, header, table (+ detail pane), message line, footer. Rows
/// are given up from the least useful first as the terminal shrinks.
pub fn regions(app: &App, area: Rect) -> Regions {
    let mut r = Regions::default();
    let mut rest = area;
    let take_top = |rest: &mut Rect, h: u16| {
        let h = h.min(rest.height);
        let top = Rect { height: h, ..*rest };
        rest.y += h;
        rest.height -= h;
        top
    };
    let take_bottom = |rest: &mut Rect, h: u16| {
        let h = h.min(rest.height);
        rest.height -= h;
        Rect {
            y: rest.y + rest.height,
            height: h,
            ..*rest
        }
    };
    if area.height >= 3 {
        r.title = take_top(&mut rest, 1);
    }
    if area.height >= 12 {
        let h = header::header_height(app, area.width).min(if area.height >= 16 { 4 } else { 2 });
        r.header = take_top(&mut rest, h);
    }
    if area.height >= 4 {
        r.footer = take_bottom(&mut rest, 1);
    }
    if area.height >= 12 {
        r.message = take_bottom(&mut rest, 1);
    } else {
        r.message = r.footer;
    }
    match app.ui.focus {
        Focus::Table => r.table = rest,
        Focus::Detail if rest.width >= 110 => {
            let dw = (rest.width * 2 / 5).max(44);
            r.table = Rect {
                width: rest.width - dw,
                ..rest
            };
            r.detail = Rect {
                x: rest.x + rest.width - dw,
                width: dw,
                ..rest
            };
        }
        Focus::Detail if rest.height >= 20 => {
            let th = rest.height * 2 / 5;
            r.table = Rect { height: th, ..rest };
            r.detail = Rect {
                y: rest.y + th,
                height: rest.height - th,
                ..rest
            };
        }
        Focus::Detail => r.detail = rest,
    }
    r
}

/// Number of gap/phase rows the table can show at the app's last known size.
pub fn table_body_height(app: &App) -> usize {
    let (w, h) = app.ui.size;
    let r = regions(app, Rect::new(0, 0, w, h));
    match app.ui.view {
        View::Timeline => timeline::body_height(app, r.table),
        _ => usize::from(r.table.height.saturating_sub(1)),
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.theme.base);
        let r = regions(self, area);
        header::render_title(self, r.title, buf);
        badge::render(self, r.title, buf);
        header::render_header(self, r.header, buf);
        match self.ui.view {
            View::Table => table::render(self, r.table, buf),
            View::Timeline => timeline::render(self, r.table, buf),
            View::Costs => costs::render(self, r.table, buf),
        }
        detail::render(self, r.detail, buf);
        footer::render_message(self, r.message, buf);
        if r.message != r.footer || self.ui.message.is_none() {
            footer::render_hints(self, r.footer, buf);
        }
        match &self.ui.overlay {
            Overlay::None => {}
            Overlay::Help => help::render(self, area, buf),
            Overlay::Problems => problems::render(self, area, buf),
            Overlay::Prompt(p) => input::render(self, p, area, buf),
            Overlay::Confirm(q) => confirm::render(self, q, area, buf),
            Overlay::StatusPicker { choice, .. } => picker::render(self, *choice, area, buf),
            Overlay::Finder(f) => finder::render_finder(self, f, area, buf),
            Overlay::Palette(p) => finder::render_palette(self, p, area, buf),
        }
    }
}
