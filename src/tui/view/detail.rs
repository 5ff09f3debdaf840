//! The detail pane of the selected gap: its fields (one line each), what depends on it,
//! its schedule and cost numbers, and its checklist; the focused item is highlighted
//! and, for long text, shown in full underneath.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::util::{popup, put};
use crate::tui::app::{App, DetailItem, Focus};
use crate::tui::fields::{Field, Lines};
use crate::tui::format;
use crate::tui::sanitize::sanitize;

const LABEL: u16 = 12;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let Some(g) = app.selected_gap() else { return };
    let t = &app.theme;
    let gap = &app.doc.plan.gaps[g];
    let border = if app.ui.focus == Focus::Detail {
        t.border_focus
    } else {
        t.border
    };
    let inner = popup(
        area,
        &sanitize(&format!("{} · {}", gap.id, gap.title)),
        border,
        buf,
    );
    if inner.is_empty() {
        return;
    }
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    for (i, item) in app.detail_items(g).enumerate() {
        let line = match item {
            DetailItem::Field(f) => {
                let mut value = field_value(f, &f.text(gap));
                if f == Field::Phase
                    && let Some(ph) = app
                        .doc
                        .plan
                        .phases
                        .iter()
                        .find(|p| Some(&p.id) == gap.phase.as_ref())
                {
                    value = format!("{value} — {}", sanitize(&ph.name));
                }
                let style = if value.is_empty() { t.dim } else { t.base };
                let value = if value.is_empty() {
                    "—".to_string()
                } else {
                    value
                };
                Line::from(vec![
                    Span::styled(
                        format!("{:<w$}", f.label(), w = usize::from(LABEL)),
                        t.label,
                    ),
                    Span::styled(value, style),
                ])
            }
            DetailItem::Action(a) => {
                let act = &gap.actions[a];
                let (mark, style) = if act.done {
                    ("[x] ", t.ticked)
                } else {
                    ("[ ] ", t.base)
                };
                Line::from(vec![
                    Span::styled(mark, style),
                    Span::styled(sanitize(&act.text).into_owned(), style),
                ])
            }
        };
        if item == DetailItem::Field(Field::Notes) {
            lines.push((Some(i), line));
            lines.extend(derived_lines(app, g).into_iter().map(|l| (None, l)));
            let done = gap.actions.iter().filter(|a| a.done).count();
            lines.push((
                None,
                Line::styled(format!("Checklist {done}/{}", gap.actions.len()), t.heading),
            ));
            continue;
        }
        lines.push((Some(i), line));
    }
    // Long text of the focused field, in full, when there is room.
    let full = match app.detail_item() {
        Some(DetailItem::Field(f))
            if f.lines() == Lines::Multi && app.ui.focus == Focus::Detail =>
        {
            let text = f.text(gap);
            (!text.is_empty()).then_some(text)
        }
        _ => None,
    };
    let list_h = match &full {
        Some(_) if inner.height >= 14 => inner.height - 6,
        _ => inner.height,
    };
    let focus_line = lines
        .iter()
        .position(|(i, _)| *i == Some(app.ui.detail))
        .unwrap_or(0);
    let h = usize::from(list_h);
    let skip = focus_line.saturating_sub(h.saturating_sub(1));
    for (row, (item, line)) in lines.iter().skip(skip).take(h).enumerate() {
        let y = inner.y + row as u16;
        let r = Rect {
            y,
            height: 1,
            ..inner
        };
        line.clone().render(r, buf);
        if *item == Some(app.ui.detail) && app.ui.focus == Focus::Detail {
            buf.set_style(r, t.selected);
        }
    }
    if let Some(text) = full
        && list_h < inner.height
    {
        let r = Rect {
            y: inner.y + list_h,
            height: inner.height - list_h,
            ..inner
        };
        put(
            buf,
            r.x,
            r.y,
            &"─".repeat(usize::from(r.width)),
            r.width,
            t.border,
        );
        let body: Vec<Line> = text
            .lines()
            .map(|l| Line::raw(sanitize(l).into_owned()))
            .collect();
        Paragraph::new(body).wrap(Wrap { trim: false }).render(
            Rect {
                y: r.y + 1,
                height: r.height - 1,
                ..r
            },
            buf,
        );
    }
}

/// One-line form of a field value (multi-line values joined with " ⏎ ").
fn field_value(f: Field, text: &str) -> String {
    match f.lines() {
        Lines::Multi => text
            .lines()
            .map(|l| sanitize(l).into_owned())
            .collect::<Vec<_>>()
            .join(" ⏎ "),
        Lines::Single => sanitize(text).into_owned(),
    }
}

/// Read-only numbers from the analysis and the reverse dependencies.
fn derived_lines(app: &App, g: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    let label = |s: &str| Span::styled(format!("{s:<w$}", w = usize::from(LABEL)), t.label);
    let deps: Vec<String> = app
        .rows
        .dependents(g)
        .iter()
        .map(|&d| sanitize(&app.doc.plan.gaps[d].id).into_owned())
        .collect();
    let deps = if deps.is_empty() {
        "—".to_string()
    } else {
        deps.join(", ")
    };
    out.push(Line::from(vec![
        label("Needed by"),
        Span::styled(deps, t.dim),
    ]));
    if let Some(r) = app.doc.analysis.gaps.get(g) {
        if let Some(tm) = &r.timing {
            let when = format!(
                "{} → {} (best {}, worst {})",
                format::long_date(tm.planned.start),
                format::long_date(tm.planned.finish),
                format::short_date(tm.best.finish),
                format::short_date(tm.worst.finish)
            );
            out.push(Line::from(vec![
                label("Planned"),
                Span::styled(when, t.value),
            ]));
            if let Some(m) = tm.member.and_then(|m| app.doc.plan.team.get(m)) {
                out.push(Line::from(vec![
                    label("Done by"),
                    Span::raw(sanitize(&m.name).into_owned()),
                ]));
            }
        }
        let money = format!(
            "{}/mo · once {} · {}% done · {} left",
            or_dash(format::range_compact(r.monthly)),
            or_dash(format::range_compact(r.once)),
            r.progress,
            or_dash(format::hours(r.remaining_hours))
        );
        out.push(Line::from(vec![label("Totals"), Span::raw(money)]));
    }
    out
}

fn or_dash(s: String) -> String {
    if s.is_empty() { "0".into() } else { s }
}
