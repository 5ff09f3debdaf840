//! `report --format json`: the stable contract for scripts. Explicit structs so a field
//! rename in the domain cannot silently change the output. Dates are ISO `YYYY-MM-DD`,
//! months `YYYY-MM`, amounts exact JSON numbers (at most two decimals) in the plan's
//! currency; a missing date is `null`. New keys may be added; existing ones keep meaning.

use std::io::{self, Write};

use serde::Serialize;

use super::fmt::month;
use super::model::Report;
use crate::engine::{Band, Range};
use crate::plan::Dec2;

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    currency: &'a str,
    start: String,
    finish: JsonBand,
    /// Priority-weighted percent done over non-dropped gaps.
    readiness: Dec2,
    run_rate: JsonRange,
    one_off: JsonRange,
    run_rate_by_phase: Vec<JsonScopeRate<'a>>,
    run_rate_by_area: Vec<JsonScopeRate<'a>>,
    /// Run rate of plan-level cost lines and unphased gaps.
    run_rate_unphased: JsonRange,
    phases: Vec<JsonPhase<'a>>,
    gaps: Vec<JsonGap<'a>>,
    dropped: Vec<JsonDropped<'a>>,
    months: Vec<JsonMonth>,
}

#[derive(Serialize)]
struct JsonBand {
    planned: String,
    best: String,
    worst: String,
}

#[derive(Serialize)]
struct JsonRange {
    low: Dec2,
    high: Dec2,
}

#[derive(Serialize)]
struct JsonScopeRate<'a> {
    /// Phase id, or area name ("" for gaps without an area).
    id: &'a str,
    low: Dec2,
    high: Dec2,
}

#[derive(Serialize)]
struct JsonPhase<'a> {
    id: &'a str,
    name: &'a str,
    gaps: usize,
    start: Option<String>,
    finish: Option<String>,
    finish_best: Option<String>,
    finish_worst: Option<String>,
    target_start: Option<String>,
    target_end: Option<String>,
    /// Planned finish minus target end in calendar days; positive means late.
    slip_days: Option<i64>,
    run_rate: JsonRange,
}

#[derive(Serialize)]
struct JsonGap<'a> {
    /// 1-based position in schedule order.
    rank: usize,
    id: &'a str,
    title: &'a str,
    priority: &'static str,
    status: &'static str,
    /// Percent done, 0–100.
    progress: u8,
    phase: Option<&'a str>,
    area: Option<&'a str>,
    owner: Option<&'a str>,
    /// Team member doing it in the planned schedule.
    assignee: Option<&'a str>,
    start: String,
    finish: String,
    start_best: String,
    finish_best: String,
    start_worst: String,
    finish_worst: String,
    remaining_hours: JsonRange,
    monthly: JsonRange,
    once: JsonRange,
    depends_on: &'a [String],
}

#[derive(Serialize)]
struct JsonDropped<'a> {
    id: &'a str,
    title: &'a str,
    priority: &'static str,
    phase: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonMonth {
    month: String,
    low: Dec2,
    high: Dec2,
    cumulative_low: Dec2,
    cumulative_high: Dec2,
}

fn band(b: Band) -> JsonBand {
    JsonBand {
        planned: b.planned.to_string(),
        best: b.best.to_string(),
        worst: b.worst.to_string(),
    }
}

fn range(r: Range) -> JsonRange {
    JsonRange {
        low: r.low,
        high: r.high,
    }
}

fn build<'a>(r: &'a Report<'a>) -> JsonReport<'a> {
    let phases = r
        .phases
        .iter()
        .map(|p| {
            let res = p.result;
            JsonPhase {
                id: &p.phase.id,
                name: &p.phase.name,
                gaps: p.gaps,
                start: res.start.map(|d| d.to_string()),
                finish: res.finish.map(|b| b.planned.to_string()),
                finish_best: res.finish.map(|b| b.best.to_string()),
                finish_worst: res.finish.map(|b| b.worst.to_string()),
                target_start: res.target.map(|t| t.start.to_string()),
                target_end: res.target.map(|t| t.finish.to_string()),
                slip_days: res.slip_days,
                run_rate: range(res.run_rate),
            }
        })
        .collect();
    let gaps = r
        .gaps
        .iter()
        .map(|g| {
            let t = g.timing;
            JsonGap {
                rank: g.rank,
                id: &g.gap.id,
                title: &g.gap.title,
                priority: g.gap.priority.name(),
                status: g.gap.status.name(),
                progress: g.result.progress,
                phase: g.gap.phase.as_deref(),
                area: g.gap.area.as_deref(),
                owner: g.gap.owner.as_deref(),
                assignee: g.member,
                start: t.planned.start.to_string(),
                finish: t.planned.finish.to_string(),
                start_best: t.best.start.to_string(),
                finish_best: t.best.finish.to_string(),
                start_worst: t.worst.start.to_string(),
                finish_worst: t.worst.finish.to_string(),
                remaining_hours: range(g.result.remaining_hours),
                monthly: range(g.result.monthly),
                once: range(g.result.once),
                depends_on: &g.gap.depends_on,
            }
        })
        .collect();
    JsonReport {
        title: r.title,
        currency: r.currency,
        start: r.start.to_string(),
        finish: band(r.finish),
        readiness: r.readiness,
        run_rate: range(r.run_rate),
        one_off: range(r.one_off),
        run_rate_by_phase: r
            .phases
            .iter()
            .map(|p| JsonScopeRate {
                id: &p.phase.id,
                low: p.result.run_rate.low,
                high: p.result.run_rate.high,
            })
            .collect(),
        run_rate_by_area: r
            .by_area
            .iter()
            .map(|(area, rr)| JsonScopeRate {
                id: area,
                low: rr.low,
                high: rr.high,
            })
            .collect(),
        run_rate_unphased: range(r.unphased_run_rate),
        phases,
        gaps,
        dropped: r
            .dropped
            .iter()
            .map(|g| JsonDropped {
                id: &g.id,
                title: &g.title,
                priority: g.priority.name(),
                phase: g.phase.as_deref(),
            })
            .collect(),
        months: r
            .months
            .iter()
            .map(|m| JsonMonth {
                month: month(m),
                low: m.total.low,
                high: m.total.high,
                cumulative_low: m.cumulative.low,
                cumulative_high: m.cumulative.high,
            })
            .collect(),
    }
}

/// Streams pretty-printed JSON with a trailing newline to `out` (no copy of the whole
/// document in memory; a closed pipe surfaces as an `io::Error` of kind `BrokenPipe`).
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &build(r)).map_err(|e| match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    })?;
    out.write_all(b"\n")
}

/// The JSON document as a string (see [`write`]).
pub fn render(r: &Report) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail, and serde_json only writes valid UTF-8.
    let _ = write(r, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;
    use serde_json::Value;

    fn report_json() -> Value {
        let (plan, analysis) = sample::plan_and_analysis();
        serde_json::from_str(&render(&Report::new(&plan, &analysis))).unwrap()
    }

    #[test]
    fn contract_keys_are_present() {
        let v = report_json();
        for key in [
            "gaps",
            "phases",
            "months",
            "run_rate",
            "one_off",
            "readiness",
            "finish",
        ] {
            assert!(v.get(key).is_some(), "missing key {key}");
        }
        let g = &v["gaps"][0];
        for key in [
            "id",
            "title",
            "priority",
            "status",
            "progress",
            "phase",
            "start",
            "finish",
            "finish_best",
            "finish_worst",
        ] {
            assert!(g.get(key).is_some(), "gap is missing {key}");
        }
        let p = &v["phases"][0];
        for key in ["id", "start", "finish", "target_end", "slip_days"] {
            assert!(p.get(key).is_some(), "phase is missing {key}");
        }
    }

    #[test]
    fn values_are_iso_dates_and_exact_numbers() {
        let v = report_json();
        assert_eq!(v["finish"]["worst"], "2026-01-13");
        assert_eq!(v["gaps"][1]["id"], "monitoring");
        assert_eq!(v["gaps"][1]["finish_best"], "2026-01-08");
        assert_eq!(v["gaps"][1]["priority"], "Critical");
        assert_eq!(v["gaps"][1]["progress"], 25);
        assert_eq!(v["phases"][0]["slip_days"], -7);
        assert_eq!(v["phases"][1]["start"], Value::Null);
        assert_eq!(v["phases"][1]["target_end"], "2026-02-13");
        assert_eq!(v["months"][0]["month"], "2026-01");
        assert_eq!(v["months"][0]["high"], 306);
        assert_eq!(v["run_rate"]["low"], 56);
        assert_eq!(v["readiness"], 37.5);
        assert_eq!(v["dropped"][0]["id"], "old-thing");
        // Dropped gaps are not in the schedule.
        assert_eq!(v["gaps"].as_array().unwrap().len(), 2);
    }
}
