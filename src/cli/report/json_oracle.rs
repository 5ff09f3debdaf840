//! The JSON report as first written (serde structs for every level), kept as the oracle
//! the hand-written gap writer in `json_gaps` must match byte for byte.
#![allow(dead_code)]

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use super::fmt::month;
use super::model::{GapRow, Report};
use crate::engine::{Band, Range};
use crate::plan::Dec2;

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    currency: &'a str,
    start: IsoDate,
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
    gaps: Gaps<'a>,
    dropped: Vec<JsonDropped<'a>>,
    months: Vec<JsonMonth>,
}

#[derive(Serialize)]
struct JsonBand {
    planned: IsoDate,
    best: IsoDate,
    worst: IsoDate,
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
    start: Option<IsoDate>,
    finish: Option<IsoDate>,
    finish_best: Option<IsoDate>,
    finish_worst: Option<IsoDate>,
    target_start: Option<IsoDate>,
    target_end: Option<IsoDate>,
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
    start: IsoDate,
    finish: IsoDate,
    start_best: IsoDate,
    finish_best: IsoDate,
    start_worst: IsoDate,
    finish_worst: IsoDate,
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

/// A date serialized as `YYYY-MM-DD` without allocating (same text as `Date`'s Display).
struct IsoDate(Date);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let year = d.year();
        if !(0..=9999).contains(&year) {
            // jiff writes signed six-digit years outside 0–9999; rare, so let it.
            return s.serialize_str(&d.to_string());
        }
        let digit = |v: i32| b'0' + (v % 10) as u8;
        let (y, m, day) = (i32::from(year), i32::from(d.month()), i32::from(d.day()));
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(day / 10),
            digit(day),
        ];
        // Only ASCII digits and dashes were written.
        s.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
    }
}

/// Scheduled gaps, serialized one at a time as the output is written.
struct Gaps<'a>(&'a [GapRow<'a>]);

impl Serialize for Gaps<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(gap))
    }
}

fn band(b: Band) -> JsonBand {
    JsonBand {
        planned: IsoDate(b.planned),
        best: IsoDate(b.best),
        worst: IsoDate(b.worst),
    }
}

fn range(r: Range) -> JsonRange {
    JsonRange {
        low: r.low,
        high: r.high,
    }
}

fn gap<'a>(g: &'a GapRow<'a>) -> JsonGap<'a> {
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
        start: IsoDate(t.planned.start),
        finish: IsoDate(t.planned.finish),
        start_best: IsoDate(t.best.start),
        finish_best: IsoDate(t.best.finish),
        start_worst: IsoDate(t.worst.start),
        finish_worst: IsoDate(t.worst.finish),
        remaining_hours: range(g.result.remaining_hours),
        monthly: range(g.result.monthly),
        once: range(g.result.once),
        depends_on: &g.gap.depends_on,
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
                start: res.start.map(IsoDate),
                finish: res.finish.map(|b| IsoDate(b.planned)),
                finish_best: res.finish.map(|b| IsoDate(b.best)),
                finish_worst: res.finish.map(|b| IsoDate(b.worst)),
                target_start: res.target.map(|t| IsoDate(t.start)),
                target_end: res.target.map(|t| IsoDate(t.finish)),
                slip_days: res.slip_days,
                run_rate: range(res.run_rate),
            }
        })
        .collect();
    JsonReport {
        title: r.title,
        currency: r.currency,
        start: IsoDate(r.start),
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
        gaps: Gaps(&r.gaps),
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

/// The whole document as the serde structs write it (compact, trailing newline).
pub fn render(r: &Report) -> String {
    let mut out = serde_json::to_string(&build(r)).unwrap();
    out.push('\n');
    out
}
