//! The problems pane: what was wrong in the plan file when it was loaded, each with its
//! file position, so the user can find and fix it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::util::{centered, popup, put};
use crate::plan::Severity;
use crate::tui::app::App;
use crate::tui::sanitize::sanitize;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let problems = &app.doc.problems;
    let h = (problems.len() as u16).saturating_add(4).min(area.height);
    let title = format!(
        "Problems ({}) — enter goes to the gap; positions are in the file as loaded",
        problems.len()
    );
    let inner = popup(
        centered(area, area.width.saturating_sub(4), h),
        &title,
        t.border_focus,
        buf,
    );
    if inner.is_empty() {
        return;
    }
    if problems.is_empty() {
        put(
            buf,
            inner.x + 1,
            inner.y,
            "No problems: the plan is valid.",
            inner.width,
            t.info,
        );
        return;
    }
    let file = app
        .doc
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "sample".into());
    let body = usize::from(inner.height);
    let skip = app.ui.problem.saturating_sub(body.saturating_sub(1));
    for (i, p) in problems.iter().enumerate().skip(skip).take(body) {
        let y = inner.y + (i - skip) as u16;
        let style = match p.severity {
            Severity::Error => t.error,
            Severity::Warning => t.warning,
        };
        let sep = if p.pos.is_some() { ":" } else { ": " };
        let line = sanitize(&format!("{file}{sep}{p}")).into_owned();
        put(
            buf,
            inner.x + 1,
            y,
            &line,
            inner.width.saturating_sub(1),
            style,
        );
        if i == app.ui.problem {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                t.selected,
            );
        }
    }
}
