//! Reads one gap: its heading (title, trailing "(30 min)" / "(Priority: High)") and body
//! (labelled lines, action lists, ✅/❌ lines, notes, amounts) into a `Draft`.

use crate::plan::{Action, Estimate, Priority, Status};

use super::blocks::{Block, Kind};
use super::log::Found;
use super::recog::{Money, estimate_of, money_of, priority_of, status_of};
use super::search::contains_any;
use super::text::{clean_title, label, markers, split_parens, strip_bullet, strip_markers};

/// A gap as read from the report, before linking and ids.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    pub title: String,
    pub line: usize,
    pub area: Option<String>,
    /// Priority stated by the gap itself ("**Priority:** High", "(Priority: Medium)").
    pub priority: Option<(Priority, Found)>,
    /// Priority implied by an "Impact: HIGH" line.
    pub impact_priority: Option<(Priority, Found)>,
    pub status: Option<(Status, Found)>,
    pub estimate: Option<(Estimate, Found)>,
    pub actions: Vec<Action>,
    pub impact: Option<String>,
    pub notes: Vec<String>,
    pub costs: Vec<(Money, usize)>,
    /// Lines left out, with why (for the log).
    pub skipped: Vec<(usize, String)>,
}

#[derive(Clone, PartialEq)]
enum Mode {
    Actions,
    /// A list under a label that is not about actions ("Files to create:").
    Listing(String, Vec<String>),
}

const ACTION_LABELS: &[&str] = &[
    "what's needed",
    "what is needed",
    "needed",
    "action",
    "recommend",
    "missing",
    "todo",
    "to do",
    "task",
    "step",
    "fix",
    "solution",
    "remediation",
    "requirement",
    "deliverable",
    "next",
];

fn found(what: impl Into<String>, from: impl Into<String>, line: usize) -> Found {
    Found {
        what: what.into(),
        from: from.into(),
        line,
    }
}

/// Reads the gap at heading `head` with body `body`.
pub fn read_gap(head: &Block, body: &[Block]) -> Draft {
    let mut d = Draft {
        line: head.line,
        ..Draft::default()
    };
    let (bare, parens) = split_parens(&strip_markers(&head.text));
    let mut kept = Vec::new();
    for p in parens {
        let lower = p.to_lowercase();
        if let Some(e) = estimate_of(&p) {
            d.estimate = Some((e, found(&p, "heading", head.line)));
        } else if let Some(pr) = priority_of(&p)
            .filter(|_| lower.contains("priority") || p.split_whitespace().count() == 1)
        {
            d.priority = Some((pr, found(&p, "heading", head.line)));
        } else if is_annotation(&p) {
            if d.status.is_none()
                && let Some(s) = status_of(&p)
            {
                d.status = Some((s, found(&p, "heading", head.line)));
            }
        } else {
            kept.push(format!("({p})"));
        }
    }
    d.title = clean_title(&format!("{bare} {}", kept.join(" ")));
    let head_marks = marker_text(&head.text);
    if d.priority.is_none()
        && head_marks.starts_with(['🔴', '🟠', '🟡', '🟢', '🔵', '🔥'])
        && let Some(p) = priority_of(&head_marks)
    {
        d.priority = Some((p, found(head_marks.clone(), "heading marker", head.line)));
    } else if d.status.is_none()
        && let Some(s) = status_of(&head_marks)
    {
        d.status = Some((s, found(head.text.clone(), "heading marker", head.line)));
    }
    let has_action_label = body.iter().any(|b| {
        label(&b.text).is_some_and(|(l, v)| v.is_empty() && contains_any(&l, ACTION_LABELS))
    });
    let mut mode = Mode::Actions;
    let mut state_lines: Vec<String> = Vec::new();
    let mut first_para = true;
    for b in body {
        match b.kind {
            Kind::Para | Kind::Heading(_) => {
                finish_listing(&mut mode, &mut d.notes);
                read_para(&mut d, b, &mut mode, first_para);
                first_para = false;
            }
            Kind::Item { checked, .. } => {
                let (t, chk) = strip_bullet(&b.text);
                if let Mode::Listing(_, items) = &mut mode {
                    items.push(strip_markers(t));
                    continue;
                }
                let m = markers(t);
                let done = checked.or(chk).unwrap_or(m.first() == Some(&'✅'));
                push_action(&mut d, t, done);
                d.costs.extend(money_of(t).into_iter().map(|m| (m, b.line)));
            }
            Kind::Code => {
                let (t, chk) = strip_bullet(&b.text);
                if let Mode::Listing(_, items) = &mut mode {
                    items.push(strip_markers(t));
                    continue;
                }
                let m = markers(t);
                if let Some(done) = chk {
                    push_action(&mut d, t, done);
                } else if m.first() == Some(&'✅') && t.starts_with('✅') {
                    push_action(&mut d, t, true);
                } else if t.starts_with(['❌', '✗']) {
                    if has_action_label {
                        state_lines.push(strip_markers(t));
                    } else {
                        push_action(&mut d, t, false);
                    }
                } else {
                    d.skipped
                        .push((b.line, format!("code line '{}'", short(&b.text))));
                }
            }
            Kind::TableRow | Kind::TableHead => {
                d.costs
                    .extend(money_of(&b.text).into_iter().map(|m| (m, b.line)));
                d.notes.push(b.text.clone());
            }
        }
    }
    finish_listing(&mut mode, &mut d.notes);
    if !state_lines.is_empty() {
        d.notes
            .insert(0, format!("Current state: {}", state_lines.join("; ")));
    }
    d
}

fn read_para(d: &mut Draft, b: &Block, mode: &mut Mode, first: bool) {
    let line = b.line;
    let Some((lab, val)) = label(&b.text) else {
        let t = strip_markers(&b.text);
        if first
            && d.status
                .as_ref()
                .is_none_or(|(_, f)| f.from == "heading marker")
            && b.text.split_whitespace().count() <= 8
            && let Some(s) = status_of(&b.text)
        {
            d.status = Some((s, found(&t, "status line", line)));
        } else if !t.is_empty() {
            d.notes.push(t);
        }
        d.costs
            .extend(money_of(&b.text).into_iter().map(|m| (m, line)));
        return;
    };
    let is = |ws: &[&str]| contains_any(&lab, ws);
    let clean_val = strip_markers(&val);
    if is(&["cost", "price", "pricing", "budget", "spend"]) {
        if money_of(&val).is_empty() && !clean_val.is_empty() {
            d.notes.push(format!("{lab}: {clean_val}"));
        }
    } else if is(&["status", "current", "state"]) {
        if let Some(s) = status_of(&val) {
            d.status = Some((s, found(&clean_val, format!("'{lab}' line"), line)));
            if clean_val.split_whitespace().count() > 1 {
                d.notes.push(format!("Report status: {clean_val}"));
            }
        } else {
            d.notes.push(format!("Report status: {clean_val}"));
        }
    } else if is(&["priority", "severity", "urgency"]) {
        if let Some(p) = priority_of(&val) {
            d.priority = Some((p, found(&clean_val, format!("'{lab}' line"), line)));
        }
    } else if is(&["impact", "risk"]) {
        if let Some(p) = priority_of(val.split(['-', '–', '—', ':']).next().unwrap_or("")) {
            d.impact_priority = Some((p, found(&clean_val, format!("'{lab}' line"), line)));
        }
        if !clean_val.is_empty() {
            d.impact = Some(clean_val);
        }
    } else if is(&["effort", "estimate", "time", "duration", "eta", "hours"]) {
        match estimate_of(&val) {
            Some(e) => d.estimate = Some((e, found(&clean_val, format!("'{lab}' line"), line))),
            None => d.notes.push(format!("{lab}: {clean_val}")),
        }
    } else if is(&["area", "category", "component", "domain"]) {
        d.area = Some(clean_val);
    } else if val.is_empty() {
        *mode = if contains_any(&lab, ACTION_LABELS) {
            Mode::Actions
        } else {
            Mode::Listing(
                strip_markers(&b.text).trim_end_matches(':').to_string(),
                Vec::new(),
            )
        };
    } else if is(&["recommend", "action", "fix", "solution"]) {
        push_action(d, &val, false);
    } else {
        d.notes.push(strip_markers(&b.text));
    }
    d.costs
        .extend(money_of(&val).into_iter().map(|m| (m, line)));
}

fn finish_listing(mode: &mut Mode, notes: &mut Vec<String>) {
    if let Mode::Listing(lab, items) = std::mem::replace(mode, Mode::Actions)
        && !items.is_empty()
    {
        notes.push(format!("{lab}: {}", items.join(", ")));
    }
}

fn push_action(d: &mut Draft, text: &str, done: bool) {
    let clean = strip_markers(text);
    let t = clean.trim_matches(|c: char| c == '*' || c.is_whitespace());
    if !t.is_empty() {
        let text = if t.len() == clean.len() {
            clean
        } else {
            t.to_string()
        };
        d.actions.push(Action { done, text });
    }
}

/// "(COMPLETE)", "(STRONG)": a one-word shouted annotation, not part of the title.
fn is_annotation(p: &str) -> bool {
    !p.contains(' ')
        && p.chars().any(char::is_alphabetic)
        && !p.chars().any(char::is_lowercase)
        && p.chars().count() > 3
}

/// Only the marker characters of `s`, as text (for status from heading markers).
fn marker_text(s: &str) -> String {
    markers(s).into_iter().collect()
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(50).collect();
    if s.chars().count() > 50 {
        t.push('…');
    }
    t
}

#[cfg(test)]
#[path = "gapbody_tests.rs"]
mod tests;
