//! `report --format csv`: one table of scheduled gaps in schedule order, RFC 4180 quoting
//! (lines end in `\n`).
//! Columns: rank, id, title, priority, status, progress (percent), phase, area, owner,
//! assignee, start, finish, finish_best, finish_worst (ISO dates), remaining_hours_low/high,
//! monthly_low/high, once_low/high (plain numbers, no thousands separators).

use super::model::Report;

const HEADER: [&str; 20] = [
    "rank",
    "id",
    "title",
    "priority",
    "status",
    "progress",
    "phase",
    "area",
    "owner",
    "assignee",
    "start",
    "finish",
    "finish_best",
    "finish_worst",
    "remaining_hours_low",
    "remaining_hours_high",
    "monthly_low",
    "monthly_high",
    "once_low",
    "once_high",
];

/// Quotes a field when it holds a comma, quote or line break (doubling inner quotes).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn render(r: &Report) -> String {
    let mut out = HEADER.join(",");
    out.push('\n');
    for g in &r.gaps {
        let t = g.timing;
        let res = g.result;
        let cells = [
            g.rank.to_string(),
            field(&g.gap.id),
            field(&g.gap.title),
            g.gap.priority.name().to_string(),
            g.gap.status.name().to_string(),
            res.progress.to_string(),
            field(g.gap.phase.as_deref().unwrap_or("")),
            field(g.gap.area.as_deref().unwrap_or("")),
            field(g.gap.owner.as_deref().unwrap_or("")),
            field(g.member.unwrap_or("")),
            t.planned.start.to_string(),
            t.planned.finish.to_string(),
            t.best.finish.to_string(),
            t.worst.finish.to_string(),
            res.remaining_hours.low.to_string(),
            res.remaining_hours.high.to_string(),
            res.monthly.low.to_string(),
            res.monthly.high.to_string(),
            res.once.low.to_string(),
            res.once.high.to_string(),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn one_row_per_scheduled_gap_with_quoting() {
        let (plan, analysis) = sample::plan_and_analysis();
        let s = render(&Report::new(&plan, &analysis));
        let lines: Vec<&str> = s.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3, "header + 2 scheduled gaps");
        assert!(lines[0].starts_with("rank,id,title,priority,status,progress,phase"));
        assert!(lines[1].starts_with(
            "1,dr-docs,\"Disaster recovery documentation, with a title long enough to be cut\","
        ));
        assert_eq!(
            lines[2],
            "2,monitoring,\"Production monitoring, alerting | paging\",Critical,Partial,25,p1,\
             Monitoring,ops,ops,2026-01-07,2026-01-09,2026-01-08,2026-01-13,6,12,56,106,200,200"
        );
    }

    #[test]
    fn quotes_are_doubled() {
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
