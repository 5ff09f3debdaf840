//! The `/` finder and `:` palette popups: the query, the ranked list (only the visible
//! window) with matched characters highlighted, and each entry's context or key.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::util::{centered, popup, put};
use crate::tui::app::App;
use crate::tui::finder::{FieldKind, Finder};
use crate::tui::palette::Palette;

/// How a text with matched characters is drawn: plain style, matched style, char indices.
struct Marks<'a> {
    base: Style,
    hl: Style,
    at: &'a [usize],
}

/// Writes `text` with the chars at `marks.at` (ascending) in `marks.hl`; returns the
/// cells used.
fn marked(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, marks: Marks) -> u16 {
    let Marks {
        base,
        hl,
        at: marks,
    } = marks;
    let mut used = 0u16;
    let mut next = marks.iter().peekable();
    let mut tmp = [0u8; 4];
    for (i, ch) in text.chars().enumerate() {
        let style = if next.peek() == Some(&&i) {
            next.next();
            hl
        } else {
            base
        };
        let n = put(
            buf,
            x + used,
            y,
            ch.encode_utf8(&mut tmp),
            max.saturating_sub(used),
            style,
        );
        if n == 0 && max.saturating_sub(used) == 0 {
            break;
        }
        used += n;
    }
    used
}

/// The list rows of a popup: first visible item so `selected` stays on screen.
fn window(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

fn query_line(app: &App, inner: Rect, prompt: &str, query: &str, status: &str, buf: &mut Buffer) {
    let t = &app.theme;
    let mut x = inner.x;
    x += put(buf, x, inner.y, prompt, inner.width, t.key);
    x += put(
        buf,
        x,
        inner.y,
        query,
        inner.right().saturating_sub(x),
        t.value,
    );
    x += put(buf, x, inner.y, "▏", inner.right().saturating_sub(x), t.key);
    let sw = status.chars().count() as u16;
    if inner.right() >= sw && x + sw < inner.right() {
        put(buf, inner.right() - sw, inner.y, status, sw, t.dim);
    }
}

/// A framed popup up to `max_width` wide and nearly full height, centred on `area`;
/// its inner area, or `None` when too small to hold a query line and a list.
fn list_popup(
    app: &App,
    area: Rect,
    max_width: u16,
    title: &str,
    buf: &mut Buffer,
) -> Option<Rect> {
    let box_area = centered(
        area,
        area.width.saturating_sub(4).min(max_width),
        area.height.saturating_sub(2),
    );
    let inner = popup(box_area, title, app.theme.border_focus, buf);
    (inner.height > 0 && inner.width >= 4).then_some(inner)
}

pub fn render_finder(app: &App, f: &Finder, area: Rect, buf: &mut Buffer) {
    let Some(inner) = list_popup(app, area, 110, "Find a gap (Enter jumps, Esc closes)", buf)
    else {
        return;
    };
    let t = &app.theme;
    let status = if f.total > f.hits.len() {
        format!("{} of {} gaps", f.hits.len(), f.total)
    } else {
        format!("{} gaps", f.total)
    };
    query_line(app, inner, "/", &f.query, &status, buf);
    let h = usize::from(inner.height - 1);
    let first = window(f.selected, h);
    let id_w = (inner.width / 5).clamp(6, 18);
    for (i, hit) in f.hits.iter().enumerate().skip(first).take(h) {
        let y = inner.y + 1 + (i - first) as u16;
        let e = &f.corpus.entries[hit.entry];
        let gap = app.doc.plan.gaps.get(e.gap);
        let mut x = inner.x;
        let id_marks: &[usize] = if e.kind == FieldKind::Id {
            &hit.matched
        } else {
            &[]
        };
        let id = gap.map_or("", |g| g.id.as_str());
        marked(
            buf,
            x,
            y,
            id,
            id_w - 1,
            Marks {
                base: t.dim,
                hl: t.matched,
                at: id_marks,
            },
        );
        x += id_w;
        if e.kind != FieldKind::Id && e.kind != FieldKind::Title {
            x += put(
                buf,
                x,
                y,
                &format!("{}: ", e.kind.label()),
                inner.right().saturating_sub(x),
                t.label,
            );
        }
        if e.kind != FieldKind::Id {
            x += marked(
                buf,
                x,
                y,
                &e.text,
                inner.right().saturating_sub(x),
                Marks {
                    base: t.base,
                    hl: t.matched,
                    at: &hit.matched,
                },
            );
        }
        if e.kind != FieldKind::Title {
            let title = gap.map_or(String::new(), |g| {
                format!("  — {}", crate::tui::sanitize::sanitize(&g.title))
            });
            put(buf, x, y, &title, inner.right().saturating_sub(x), t.dim);
        }
        if i == f.selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), t.selected);
        }
    }
}

pub fn render_palette(app: &App, p: &Palette, area: Rect, buf: &mut Buffer) {
    let Some(inner) = list_popup(app, area, 80, "Commands (Enter runs, Esc closes)", buf) else {
        return;
    };
    let t = &app.theme;
    query_line(
        app,
        inner,
        ":",
        &p.query,
        &format!("{} commands", p.shown.len()),
        buf,
    );
    let h = usize::from(inner.height - 1);
    let first = window(p.selected, h);
    let name_w = (inner.width / 2).min(26);
    for (i, (ci, marks)) in p.shown.iter().enumerate().skip(first).take(h) {
        let y = inner.y + 1 + (i - first) as u16;
        let c = &p.commands[*ci];
        marked(
            buf,
            inner.x,
            y,
            &c.name,
            name_w - 1,
            Marks {
                base: t.base,
                hl: t.matched,
                at: marks,
            },
        );
        let kw = c.key.chars().count() as u16;
        put(
            buf,
            inner.x + name_w,
            y,
            c.action.describe(),
            inner.width.saturating_sub(name_w + kw + 1),
            t.dim,
        );
        if kw > 0 && kw < inner.width {
            put(buf, inner.right() - kw, y, &c.key, kw, t.key);
        }
        if i == p.selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), t.selected);
        }
    }
}
