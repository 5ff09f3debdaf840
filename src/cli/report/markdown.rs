//! `report --format markdown`: the report as Markdown tables, for pasting into docs,
//! issues and pull requests.

use std::fmt::Write as _;

use super::fmt::{amount, clean, month, percent, range, slip};
use super::model::Report;

/// Escapes what would break a table cell (pipes, line breaks) or a terminal (control
/// characters).
fn cell(s: &str) -> String {
    clean(s).replace('|', "\\|")
}

fn table(out: &mut String, headers: &[&str], right: &[usize], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let rule: Vec<&str> = (0..headers.len())
        .map(|i| if right.contains(&i) { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
}

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let currency = cell(r.currency);
    let _ = writeln!(out, "# {}\n", cell(r.title));
    let _ = writeln!(out, "- Start: {}", r.start);
    let _ = writeln!(
        out,
        "- Finish: {} (best {}, worst {})",
        r.finish.planned, r.finish.best, r.finish.worst
    );
    let _ = writeln!(out, "- Readiness: {}", percent(r.readiness));
    let _ = writeln!(out, "- Run rate: {} {}/month", range(r.run_rate), currency);
    let _ = writeln!(out, "- One-off total: {} {}", range(r.one_off), currency);

    if !r.phases.is_empty() {
        out.push_str("\n## Phases\n\n");
        let rows: Vec<Vec<String>> = r
            .phases
            .iter()
            .map(|p| {
                let res = p.result;
                let dash = || "—".to_string();
                vec![
                    cell(&p.phase.id),
                    cell(&p.phase.name),
                    p.gaps.to_string(),
                    res.start.map_or_else(dash, |d| d.to_string()),
                    res.finish.map_or_else(dash, |b| b.planned.to_string()),
                    res.finish
                        .map_or_else(dash, |b| format!("{} – {}", b.best, b.worst)),
                    res.target
                        .map_or_else(dash, |t| format!("{} – {}", t.start, t.finish)),
                    slip(res.slip_days),
                    range(res.run_rate),
                ]
            })
            .collect();
        table(
            &mut out,
            &[
                "Phase",
                "Name",
                "Gaps",
                "Start",
                "Finish",
                "Best – worst",
                "Target",
                "Slip",
                "Run rate",
            ],
            &[2, 7, 8],
            &rows,
        );
    }

    out.push_str("\n## Gaps in schedule order\n\n");
    let rows: Vec<Vec<String>> = r
        .gaps
        .iter()
        .map(|g| {
            let t = g.timing;
            vec![
                g.rank.to_string(),
                format!("`{}`", cell(&g.gap.id)),
                cell(&g.gap.title),
                g.gap.priority.name().to_string(),
                g.gap.status.name().to_string(),
                format!("{}%", g.result.progress),
                cell(g.gap.phase.as_deref().unwrap_or("—")),
                t.planned.start.to_string(),
                t.planned.finish.to_string(),
                format!("{} – {}", t.best.finish, t.worst.finish),
            ]
        })
        .collect();
    if rows.is_empty() {
        out.push_str("_Nothing scheduled._\n");
    }
    let headers = [
        "#",
        "Id",
        "Title",
        "Priority",
        "Status",
        "Done",
        "Phase",
        "Start",
        "Finish",
        "Best – worst",
    ];
    if !rows.is_empty() {
        table(&mut out, &headers, &[0, 5], &rows);
    }
    if !r.dropped.is_empty() {
        let ids: Vec<String> = r
            .dropped
            .iter()
            .map(|g| format!("`{}`", cell(&g.id)))
            .collect();
        let _ = writeln!(out, "\nDropped (not scheduled): {}", ids.join(", "));
    }

    let _ = writeln!(out, "\n## Monthly costs ({currency})\n");
    let rows: Vec<Vec<String>> = r
        .months
        .iter()
        .map(|m| {
            vec![
                month(m),
                amount(m.total.low),
                amount(m.total.high),
                amount(m.cumulative.low),
                amount(m.cumulative.high),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Month", "Low", "High", "Cumulative low", "Cumulative high"],
        &[1, 2, 3, 4],
        &rows,
    );

    let _ = writeln!(out, "\n## Run rate ({currency}/month)\n");
    let mut rows: Vec<Vec<String>> = vec![vec![
        "**All gaps**".to_string(),
        amount(r.run_rate.low),
        amount(r.run_rate.high),
    ]];
    for p in &r.phases {
        rows.push(vec![
            format!("Phase {} — {}", cell(&p.phase.id), cell(&p.phase.name)),
            amount(p.result.run_rate.low),
            amount(p.result.run_rate.high),
        ]);
    }
    rows.push(vec![
        "Plan-level and unphased".to_string(),
        amount(r.unphased_run_rate.low),
        amount(r.unphased_run_rate.high),
    ]);
    for (area, rr) in r.by_area {
        let name = if area.is_empty() { "(no area)" } else { area };
        rows.push(vec![
            format!("Area {}", cell(name)),
            amount(rr.low),
            amount(rr.high),
        ]);
    }
    table(&mut out, &["Scope", "Low", "High"], &[1, 2], &rows);
    out
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn tables_have_consistent_columns_and_escaped_pipes() {
        let (plan, analysis) = sample::plan_and_analysis();
        let s = render(&Report::new(&plan, &analysis));
        assert!(s.starts_with("# Marketing platform: process gaps\n"));
        assert!(s.contains("alerting \\| paging"), "{s}");
        // Every table row has as many cells as its header.
        let mut expected = None;
        for line in s.lines() {
            if !line.starts_with('|') {
                expected = None;
                continue;
            }
            let n = line.replace("\\|", "").matches('|').count();
            match expected {
                None => expected = Some(n),
                Some(e) => assert_eq!(n, e, "{line}"),
            }
        }
    }

    #[test]
    fn shows_phase_slip_and_month_totals() {
        let (plan, analysis) = sample::plan_and_analysis();
        let s = render(&Report::new(&plan, &analysis));
        assert!(
            s.contains("| p1 | Critical infrastructure | 2 | 2026-01-05 | 2026-01-09 |"),
            "{s}"
        );
        assert!(s.contains("| -7d | 56–106 |"), "{s}");
        assert!(s.contains("| 2026-01 | 256 | 306 | 256 | 306 |"), "{s}");
        assert!(s.contains("| **All gaps** | 56 | 106 |"), "{s}");
    }
}
