//! `report --format text`: aligned tables for a terminal, at most 120 columns wide.
//! When every date of the plan falls in one year, tables show dates as month-day and
//! say the year once; otherwise they show full ISO dates.

use std::borrow::Cow;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::fmt::{amount, clean, month, percent, range, slip};
use super::model::Report;
use super::table::{Align, Table};
use crate::plan::{Priority, Status};

/// Width every line of the text report fits in.
pub const WIDTH: usize = 120;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let dates = DateStyle::for_report(r);
    header(r, &mut out);
    phases(r, dates, &mut out);
    gaps(r, dates, &mut out);
    months(r, &mut out);
    run_rate(r, &mut out);
    out
}

fn header(r: &Report, out: &mut String) {
    let _ = writeln!(out, "{}", clean(r.title));
    let _ = writeln!(
        out,
        "Start {} · finish {} (best {}, worst {}) · readiness {}",
        r.start,
        r.finish.planned,
        r.finish.best,
        r.finish.worst,
        percent(r.readiness)
    );
}

/// How table cells show dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateStyle {
    /// "03-15": every date of the report is in this year.
    MonthDay(i16),
    /// "2026-03-15"
    Full,
}

impl DateStyle {
    fn for_report(r: &Report) -> Self {
        let year = r.start.year();
        let targets = r.phases.iter().filter_map(|p| p.result.target);
        let same_year = r.finish.worst.year() == year
            && r.finish.best.year() == year
            && targets
                .into_iter()
                .all(|t| t.start.year() == year && t.finish.year() == year);
        if same_year {
            DateStyle::MonthDay(year)
        } else {
            DateStyle::Full
        }
    }

    fn show(self, d: Date) -> String {
        match self {
            DateStyle::MonthDay(_) => format!("{:02}-{:02}", d.month(), d.day()),
            DateStyle::Full => d.to_string(),
        }
    }

    /// " (dates in 2026)" when the year is left out of the cells.
    fn note(self) -> String {
        match self {
            DateStyle::MonthDay(y) => format!(" (dates in {y})"),
            DateStyle::Full => String::new(),
        }
    }
}

fn phases(r: &Report, dates: DateStyle, out: &mut String) {
    if r.phases.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nPhases{}", dates.note());
    let mut t = Table::new(&[
        ("ID", Align::Left),
        ("NAME", Align::Left),
        ("GAPS", Align::Right),
        ("PLANNED", Align::Left),
        ("TARGET", Align::Left),
        ("SLIP", Align::Right),
    ])
    .flex(1);
    for p in &r.phases {
        let planned = match (p.result.start, p.result.finish) {
            (Some(s), Some(f)) => window(dates, s, f.planned),
            _ => "—".to_string(),
        };
        let target = p
            .result
            .target
            .map_or("—".to_string(), |t| window(dates, t.start, t.finish));
        t.row(vec![
            clean(&p.phase.id).into_owned(),
            clean(&p.phase.name).into_owned(),
            p.gaps.to_string(),
            planned,
            target,
            slip(p.result.slip_days),
        ]);
    }
    t.render(WIDTH, out);
}

fn gaps(r: &Report, dates: DateStyle, out: &mut String) {
    let _ = writeln!(out, "\nGaps in schedule order{}", dates.note());
    if r.gaps.is_empty() {
        out.push_str("(nothing scheduled)\n");
    }
    let mut t = Table::new(&[
        ("ID", Align::Left),
        ("TITLE", Align::Left),
        ("PRI", Align::Left),
        ("STATUS", Align::Left),
        ("DONE", Align::Right),
        ("PHASE", Align::Left),
        ("START", Align::Left),
        ("FINISH", Align::Left),
        ("BEST–WORST", Align::Left),
    ])
    .flex(1);
    for g in &r.gaps {
        let tm = g.timing;
        t.row(vec![
            super::table::truncate(&clean(&g.gap.id), 24),
            clean(&g.gap.title).into_owned(),
            short_priority(g.gap.priority).to_string(),
            short_status(g.gap.status).to_string(),
            format!("{}%", g.result.progress),
            super::table::truncate(&clean(g.gap.phase.as_deref().unwrap_or("—")), 16),
            dates.show(tm.planned.start),
            dates.show(tm.planned.finish),
            format!(
                "{}–{}",
                dates.show(tm.best.finish),
                dates.show(tm.worst.finish)
            ),
        ]);
    }
    if !r.gaps.is_empty() {
        t.render(WIDTH, out);
    }
    if !r.dropped.is_empty() {
        let ids: Vec<Cow<str>> = r.dropped.iter().map(|g| clean(&g.id)).collect();
        let _ = writeln!(out, "Dropped (not scheduled): {}", ids.join(", "));
    }
}

fn months(r: &Report, out: &mut String) {
    let _ = writeln!(out, "\nMonthly costs ({})", clean(r.currency));
    if r.months.is_empty() {
        out.push_str("(no months)\n");
        return;
    }
    let mut t = Table::new(&[
        ("MONTH", Align::Left),
        ("LOW", Align::Right),
        ("HIGH", Align::Right),
        ("CUMULATIVE LOW", Align::Right),
        ("CUMULATIVE HIGH", Align::Right),
    ]);
    for m in r.months {
        t.row(vec![
            month(m),
            amount(m.total.low),
            amount(m.total.high),
            amount(m.cumulative.low),
            amount(m.cumulative.high),
        ]);
    }
    t.render(WIDTH, out);
}

fn run_rate(r: &Report, out: &mut String) {
    let _ = writeln!(
        out,
        "\nRun rate {} {}/month once every gap is in place · one-off total {} {}",
        range(r.run_rate),
        clean(r.currency),
        range(r.one_off),
        clean(r.currency)
    );
    let mut t = Table::new(&[
        ("BY PHASE", Align::Left),
        ("LOW", Align::Right),
        ("HIGH", Align::Right),
    ])
    .flex(0);
    for p in &r.phases {
        let rr = p.result.run_rate;
        t.row(vec![
            format!("{} {}", clean(&p.phase.id), clean(&p.phase.name)),
            amount(rr.low),
            amount(rr.high),
        ]);
    }
    t.row(vec![
        "(plan-level and unphased)".to_string(),
        amount(r.unphased_run_rate.low),
        amount(r.unphased_run_rate.high),
    ]);
    t.render(WIDTH, out);
    if !r.by_area.is_empty() {
        let mut t = Table::new(&[
            ("BY AREA", Align::Left),
            ("LOW", Align::Right),
            ("HIGH", Align::Right),
        ])
        .flex(0);
        for (area, rr) in r.by_area {
            let name = if area.is_empty() { "(no area)" } else { area };
            t.row(vec![
                clean(name).into_owned(),
                amount(rr.low),
                amount(rr.high),
            ]);
        }
        out.push('\n');
        t.render(WIDTH, out);
    }
}

fn window(dates: DateStyle, from: Date, to: Date) -> String {
    format!("{} → {}", dates.show(from), dates.show(to))
}

fn short_priority(p: Priority) -> &'static str {
    match p {
        Priority::Critical => "Crit",
        Priority::High => "High",
        Priority::Medium => "Med",
        Priority::Low => "Low",
    }
}

fn short_status(s: Status) -> &'static str {
    match s {
        Status::InProgress => "InProg",
        other => other.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn every_line_fits_and_sections_are_present() {
        let (plan, analysis) = sample::plan_and_analysis();
        let s = render(&Report::new(&plan, &analysis));
        for line in s.lines() {
            assert!(line.chars().count() <= WIDTH, "too wide: {line:?}");
        }
        for heading in ["Phases", "Gaps in schedule order", "Monthly costs (USD)"] {
            assert!(s.contains(heading), "missing {heading}");
        }
        assert!(s.contains("readiness 37.5%"), "{s}");
    }

    #[test]
    fn gap_rows_show_planned_window_and_band() {
        let (plan, analysis) = sample::plan_and_analysis();
        let s = render(&Report::new(&plan, &analysis));
        let row = s.lines().find(|l| l.starts_with("monitoring")).unwrap();
        assert!(row.contains("01-07  01-09   01-08–01-13"), "{row}");
        assert!(s.contains("Gaps in schedule order (dates in 2026)"), "{s}");
        assert!(row.contains("Partial"), "{row}");
        assert!(s.contains("Dropped (not scheduled): old-thing"));
    }

    #[test]
    fn months_and_run_rate_use_engine_totals() {
        let (plan, analysis) = sample::plan_and_analysis();
        let s = render(&Report::new(&plan, &analysis));
        assert!(
            s.contains("2026-01  256   306             256              306"),
            "{s}"
        );
        assert!(s.contains("Run rate 56–106 USD/month"), "{s}");
        assert!(s.contains("one-off total 200 USD"), "{s}");
    }

    #[test]
    fn full_dates_when_the_plan_crosses_a_year() {
        let (plan, mut analysis) = sample::plan_and_analysis();
        analysis.finish.worst = jiff::civil::date(2027, 1, 4);
        let s = render(&Report::new(&plan, &analysis));
        let row = s.lines().find(|l| l.starts_with("monitoring")).unwrap();
        assert!(
            row.contains("2026-01-07  2026-01-09  2026-01-08–2026-01-13"),
            "{row}"
        );
        assert!(s.contains("Gaps in schedule order\n"), "{s}");
        for line in s.lines() {
            assert!(line.chars().count() <= WIDTH, "too wide: {line:?}");
        }
    }

    #[test]
    fn escape_sequences_in_plan_text_are_shown_not_run() {
        let (mut plan, analysis) = sample::plan_and_analysis();
        plan.title = "Evil \u{1b}[2J".into();
        plan.gaps[0].title = "two\nlines \u{1b}]0;x\u{7}".into();
        let s = render(&Report::new(&plan, &analysis));
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        assert!(s.starts_with("Evil \\u{1b}[2J\n"), "{s}");
    }
}
