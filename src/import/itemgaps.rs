//! Gaps written as list items or table rows rather than headings: a "## Critical" or
//! "## Recommendations" part whose bullets ("**Backups**: none yet (2-3 days, $50/month)")
//! or table rows ("| Backups | Critical | Missing | 2 days | $50/mo |") are the gaps.

use crate::plan::Action;

use super::blocks::{Block, Kind};
use super::gapbody::Draft;
use super::log::Found;
use super::recog::{estimate_of, money_of, priority_of, status_of};
use super::text::{clean_title, markers, split_parens, strip_bullet, strip_markers};

/// Reads the gaps listed directly in `body` (the blocks under a group heading).
pub fn item_gaps(body: &[Block]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    let mut header: Option<Vec<String>> = None;
    for b in body {
        match b.kind {
            Kind::Item { depth: 1, checked } => out.push(from_line(&b.text, b.line, checked)),
            Kind::Item { checked, .. } => {
                if let Some(d) = out.last_mut() {
                    let (t, chk) = strip_bullet(&b.text);
                    let done = checked.or(chk).unwrap_or(markers(t).first() == Some(&'✅'));
                    let t = strip_markers(t);
                    if !t.is_empty() {
                        d.actions.push(Action { done, text: t });
                    }
                }
            }
            Kind::TableHead => {
                header = Some(cells(&b.text).iter().map(|c| c.to_lowercase()).collect());
            }
            Kind::TableRow => {
                if let Some(h) = &header
                    && let Some(d) = from_row(h, &cells(&b.text), b.line)
                {
                    out.push(d);
                }
            }
            _ => {}
        }
    }
    out.retain(|d| !d.title.is_empty());
    out
}

fn cells(row: &str) -> Vec<String> {
    row.split(" | ").map(|c| c.trim().to_string()).collect()
}

fn found(what: &str, from: &str, line: usize) -> Found {
    Found {
        what: what.to_string(),
        from: from.to_string(),
        line,
    }
}

/// One bullet: title before ": " / " - " / " — ", description after; markers, a
/// checkbox, trailing "(…)" and amounts give the other fields.
fn from_line(text: &str, line: usize, checked: Option<bool>) -> Draft {
    let (t, chk) = strip_bullet(text);
    let mut d = Draft {
        line,
        ..Draft::default()
    };
    let ms: String = markers(t).into_iter().collect();
    if let Some(p) = priority_of(&ms) {
        d.priority = Some((p, found(&ms, "item marker", line)));
    }
    if checked.or(chk) == Some(true) {
        d.status = Some((crate::plan::Status::Done, found("[x]", "checkbox", line)));
    } else if checked.or(chk) == Some(false) && ms.is_empty() {
        d.status = Some((crate::plan::Status::Missing, found("[ ]", "checkbox", line)));
    } else if let Some(s) = status_of(&ms).filter(|_| !ms.starts_with(['🔴', '🟡', '🟢', '🟠']))
    {
        d.status = Some((s, found(&ms, "item marker", line)));
    }
    let plain = strip_markers(t);
    let cut = [": ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| plain.find(sep).map(|i| (i, sep.len())))
        .min();
    let (head, rest) = match cut {
        Some((i, n)) => (&plain[..i], plain[i + n..].trim()),
        None => (plain.as_str(), ""),
    };
    let (bare, parens) = split_parens(head);
    for p in &parens {
        read_hint(&mut d, p, line);
    }
    d.title = clean_title(&bare);
    if !rest.is_empty() {
        let (desc, parens) = split_parens(rest);
        for p in &parens {
            read_hint(&mut d, p, line);
        }
        if d.estimate.is_none()
            && let Some(e) = estimate_of(rest)
        {
            d.estimate = Some((e, found(rest, "item text", line)));
        }
        if !desc.is_empty() {
            d.notes.push(desc);
        }
    }
    // The words around an amount in a bullet describe the gap, not the cost line.
    for mut m in money_of(&plain) {
        m.label.clear();
        d.costs.push((m, line));
    }
    d
}

/// A trailing "(2-3 days)", "(Critical)", "(Priority: High)", "(Missing)".
fn read_hint(d: &mut Draft, p: &str, line: usize) {
    if let Some(e) = estimate_of(p) {
        d.estimate.get_or_insert((e, found(p, "item text", line)));
    } else if let Some(pr) = priority_of(p).filter(|_| p.split_whitespace().count() <= 3) {
        d.priority.get_or_insert((pr, found(p, "item text", line)));
    } else if let Some(s) = status_of(p).filter(|_| p.split_whitespace().count() <= 3) {
        d.status.get_or_insert((s, found(p, "item text", line)));
    }
}

/// One table row, its columns named by the header.
fn from_row(header: &[String], row: &[String], line: usize) -> Option<Draft> {
    let col = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.iter().any(|n| h.contains(n)))
    };
    let title_col = col(&[
        "gap",
        "item",
        "issue",
        "title",
        "requirement",
        "capability",
        "component",
        "missing",
        "finding",
        "task",
        "name",
        "area",
    ])
    .or_else(|| {
        header
            .iter()
            .position(|h| h != "#" && h != "no." && h != "id")
    })?;
    let title = clean_title(row.get(title_col)?);
    if title.is_empty()
        || title
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ':')
    {
        return None;
    }
    let mut d = Draft {
        title,
        line,
        ..Draft::default()
    };
    for (i, h) in header.iter().enumerate() {
        let Some(v) = row.get(i).filter(|v| !v.is_empty()) else {
            continue;
        };
        if i == title_col {
            continue;
        }
        let is = |ws: &[&str]| ws.iter().any(|w| h.contains(w));
        let src = format!("'{h}' column");
        if is(&["priority", "severity", "urgency"]) {
            if let Some(p) = priority_of(v) {
                d.priority = Some((p, found(v, &src, line)));
            }
        } else if is(&["impact", "risk"]) {
            if let Some(p) = priority_of(v) {
                d.impact_priority = Some((p, found(v, &src, line)));
            }
            d.impact = Some(strip_markers(v));
        } else if is(&["status", "state", "current"]) {
            if let Some(s) = status_of(v) {
                d.status = Some((s, found(v, &src, line)));
            }
        } else if is(&["cost", "price", "budget", "spend"]) {
            d.costs.extend(money_of(v).into_iter().map(|m| (m, line)));
        } else if is(&["effort", "estimate", "time", "duration", "hours", "days"]) {
            if let Some(e) = estimate_of(v) {
                d.estimate = Some((e, found(v, &src, line)));
            }
        } else if is(&[
            "action",
            "recommend",
            "fix",
            "next step",
            "solution",
            "needed",
            "todo",
        ]) {
            d.actions.push(Action {
                done: false,
                text: strip_markers(v),
            });
        } else if is(&["area", "category", "domain"]) {
            d.area = Some(strip_markers(v));
        } else {
            d.notes.push(format!("{h}: {}", strip_markers(v)));
        }
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::blocks::parse;
    use crate::plan::{Dec2, Priority, Status};

    #[test]
    fn bullets_become_gaps() {
        let b = parse(
            "- 🔴 **Backups**: no automated backups (2-3 days) $50/month\n  - [x] pick tool\n- Monitoring (High) - nothing in place\n- [x] SSO\n",
        );
        let g = item_gaps(&b);
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].title, "Backups");
        assert_eq!(g[0].priority.as_ref().unwrap().0, Priority::Critical);
        assert_eq!(g[0].estimate.as_ref().unwrap().0.hi, Dec2::from_units(3));
        assert_eq!(g[0].costs[0].0.lo, Dec2::from_units(50));
        assert_eq!(g[0].actions.len(), 1);
        assert_eq!(g[1].title, "Monitoring");
        assert_eq!(g[1].priority.as_ref().unwrap().0, Priority::High);
        assert_eq!(g[2].status.as_ref().unwrap().0, Status::Done);
    }

    #[test]
    fn table_rows_become_gaps() {
        let b = parse(
            "| # | Gap | Priority | Status | Effort | Cost | Recommendation |\n|---|---|---|---|---|---|---|\n| 1 | Backups | Critical | Missing | 2-3 days | $50/month | Nightly snapshots |\n| 2 | SSO | Low | Partial | 1 week | | Use the IdP |\n",
        );
        let g = item_gaps(&b);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].title, "Backups");
        assert_eq!(g[0].priority.as_ref().unwrap().0, Priority::Critical);
        assert_eq!(g[0].status.as_ref().unwrap().0, Status::Missing);
        assert_eq!(g[0].costs.len(), 1);
        assert_eq!(g[0].actions[0].text, "Nightly snapshots");
        assert_eq!(g[1].status.as_ref().unwrap().0, Status::Partial);
    }
}
