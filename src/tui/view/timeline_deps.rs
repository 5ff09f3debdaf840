//! The two lines under the timeline chart: the dates of the row under the cursor in words,
//! and the selected gap's dependencies both ways.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::util::put;
use crate::tui::app::App;
use crate::tui::rows::{Group, Row};

/// The dates of the row under the cursor in words: a phase's finish band and target,
/// or a gap's planned span with its best and worst finish.
fn dates_line(app: &App) -> Option<String> {
    let d = crate::tui::format::long_date;
    let a = &app.doc.analysis;
    match app.rows.rows.get(app.ui.cursor)? {
        Row::Phase(ph) => {
            let Group::Phase(p) = ph.group else {
                return Some("Unphased gaps: scheduled after the last phase".into());
            };
            let r = a.phases.get(p)?;
            let mut parts = vec![format!("{}:", ph.name)];
            if let Some(f) = r.finish {
                parts.push(format!(
                    "finish {} planned · {} best · {} worst",
                    d(f.planned),
                    d(f.best),
                    d(f.worst)
                ));
            }
            if let Some(t) = r.target {
                parts.push(format!("· target {} → {}", d(t.start), d(t.finish)));
            }
            if let Some(s) = r.slip_days.filter(|s| *s > 0) {
                parts.push(format!("· late {}", crate::tui::format::slip(s)));
            }
            Some(parts.join(" "))
        }
        Row::Gap(g) => {
            let t = a.gaps.get(g.gap)?.timing.as_ref()?;
            Some(format!(
                "{}: {} → {} planned · finish {} best · {} worst · {}% done",
                app.rows.id(g.gap),
                d(t.planned.start),
                d(t.planned.finish),
                d(t.best.finish),
                d(t.worst.finish),
                g.progress
            ))
        }
    }
}

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    let area = if area.height >= 2 {
        let text = dates_line(app).unwrap_or_default();
        put(buf, area.x, area.y, &text, area.width, t.value);
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        }
    } else {
        area
    };
    let Some(g) = app.selected_gap() else {
        put(
            buf,
            area.x,
            area.y,
            "Put the cursor on a gap to see its dependencies",
            area.width,
            t.dim,
        );
        return;
    };
    let gap = &app.doc.plan.gaps[g];
    let id_of = |i: &usize| app.doc.plan.gaps[*i].id.clone();
    let waits: Vec<String> = gap.depends_on.clone();
    let by: Vec<String> = app.rows.dependents(g).iter().map(id_of).collect();
    let list = |v: &[String]| {
        if v.is_empty() {
            "nothing".to_string()
        } else {
            v.join(", ")
        }
    };
    let text = format!(
        "{}: ← waits for {} · → waited for by {}",
        gap.id,
        list(&waits),
        list(&by)
    );
    put(
        buf,
        area.x,
        area.y,
        &crate::tui::sanitize::sanitize(&text),
        area.width,
        t.gantt_dep,
    );
}
