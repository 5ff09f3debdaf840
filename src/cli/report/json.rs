//! `report --format json`: the stable contract for scripts. Explicit structs (and, for
//! gaps, explicit keys in `json_gaps`) so a field rename in the domain cannot silently
//! change the output. Dates are ISO `YYYY-MM-DD`,
//! months `YYYY-MM`, amounts exact JSON numbers (at most two decimals) in the plan's
//! currency; a missing date is `null`. New keys may be added; existing ones keep meaning.
//!
//! Written straight to a buffered output as it is produced (gaps one at a time, dates through
//! a stack buffer): a 100,000-gap report is ~45 MB of JSON that is never held in memory.

use std::io::{self, Write};

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use super::fmt::month;
use super::json_gaps;
use super::model::Report;
use crate::engine::{Band, Range};
use crate::plan::Dec2;

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
pub(super) struct IsoDate(pub(super) Date);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match iso_digits(self.0) {
            // Only ASCII digits and dashes were written.
            Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            // jiff writes signed six-digit years outside 0–9999; rare, so let it.
            None => s.serialize_str(&self.0.to_string()),
        }
    }
}

/// `YYYY-MM-DD` as bytes, for years 0–9999 (the rest need jiff's signed form).
pub(super) fn iso_digits(d: Date) -> Option<[u8; 10]> {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        return None;
    }
    let digit = |v: i32| b'0' + (v % 10) as u8;
    let (y, m, day) = (i32::from(year), i32::from(d.month()), i32::from(d.day()));
    Some([
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
    ])
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

/// The document: top-level keys written here, each value by serde except `gaps`, which
/// `json_gaps` writes by hand (it is nearly all of the output at 100,000 gaps).
fn write_document<W: Write>(r: &Report, w: &mut W) -> io::Result<()> {
    fn value<W: Write, T: Serialize + ?Sized>(w: &mut W, key: &[u8], v: &T) -> io::Result<()> {
        w.write_all(key)?;
        serde_json::to_writer(&mut *w, v).map_err(io::Error::from)
    }
    let phases: Vec<JsonPhase> = r
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
    let by_phase: Vec<JsonScopeRate> = r
        .phases
        .iter()
        .map(|p| JsonScopeRate {
            id: &p.phase.id,
            low: p.result.run_rate.low,
            high: p.result.run_rate.high,
        })
        .collect();
    let by_area: Vec<JsonScopeRate> = r
        .by_area
        .iter()
        .map(|(area, rr)| JsonScopeRate {
            id: area,
            low: rr.low,
            high: rr.high,
        })
        .collect();
    value(w, b"{\"title\":", r.title)?;
    value(w, b",\"currency\":", r.currency)?;
    value(w, b",\"start\":", &IsoDate(r.start))?;
    value(w, b",\"finish\":", &band(r.finish))?;
    value(w, b",\"readiness\":", &r.readiness)?;
    value(w, b",\"run_rate\":", &range(r.run_rate))?;
    value(w, b",\"one_off\":", &range(r.one_off))?;
    value(w, b",\"run_rate_by_phase\":", &by_phase)?;
    value(w, b",\"run_rate_by_area\":", &by_area)?;
    value(w, b",\"run_rate_unphased\":", &range(r.unphased_run_rate))?;
    value(w, b",\"phases\":", &phases)?;
    w.write_all(b",\"gaps\":")?;
    json_gaps::write_gaps(w, &r.gaps)?;
    w.write_all(b",\"dropped\":[")?;
    for (i, g) in r.dropped.iter().enumerate() {
        let d = JsonDropped {
            id: &g.id,
            title: &g.title,
            priority: g.priority.name(),
            phase: g.phase.as_deref(),
        };
        value(w, if i == 0 { b"" } else { b"," }, &d)?;
    }
    w.write_all(b"]")?;
    let months: Vec<JsonMonth> = r
        .months
        .iter()
        .map(|m| JsonMonth {
            month: month(m),
            low: m.total.low,
            high: m.total.high,
            cumulative_low: m.cumulative.low,
            cumulative_high: m.cumulative.high,
        })
        .collect();
    value(w, b",\"months\":", &months)?;
    w.write_all(b"}")
}

/// Top-level keys every `report --format json` has (the contract; more may be added).
pub const CONTRACT_KEYS: [&str; 7] = [
    "gaps",
    "phases",
    "months",
    "run_rate",
    "one_off",
    "readiness",
    "finish",
];
/// Keys every entry of `gaps` has.
pub const GAP_KEYS: [&str; 10] = [
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
];
/// Keys every entry of `phases` has.
pub const PHASE_KEYS: [&str; 5] = ["id", "start", "finish", "target_end", "slip_days"];

/// Streams compact JSON (one line, for scripts: `jq .` pretty-prints it) with a trailing newline to `out` (no copy of the whole
/// document in memory; a closed pipe surfaces as an `io::Error` of kind `BrokenPipe`).
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    // serde_json makes many small writes: batch them before the (dynamic) writer.
    let mut buf = io::BufWriter::with_capacity(1 << 16, out);
    write_document(r, &mut buf)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// Compact JSON with a trailing newline.
pub fn render(r: &Report) -> String {
    let mut out = Vec::new();
    if let Err(e) = write(r, &mut out) {
        // Writing these plain structs to memory cannot fail; keep the output valid JSON anyway.
        return format!("{{\"error\": {:?}}}\n", e.to_string());
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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
        for key in CONTRACT_KEYS {
            assert!(v.get(key).is_some(), "missing key {key}");
        }
        let g = &v["gaps"][0];
        for key in GAP_KEYS {
            assert!(g.get(key).is_some(), "gap is missing {key}");
        }
        let p = &v["phases"][0];
        for key in PHASE_KEYS {
            assert!(p.get(key).is_some(), "phase is missing {key}");
        }
    }

    #[test]
    fn dates_read_as_jiff_writes_them() {
        use jiff::civil::date;
        for d in [
            date(2026, 1, 5),
            date(999, 12, 31),
            date(0, 2, 29),
            date(9999, 12, 31),
            date(-1, 3, 1),
            Date::MIN,
        ] {
            let json = serde_json::to_string(&IsoDate(d)).unwrap();
            assert_eq!(json, format!("\"{d}\""));
        }
    }

    #[test]
    fn streamed_output_is_the_rendered_text() {
        let (plan, analysis) = sample::plan_and_analysis();
        let report = Report::new(&plan, &analysis);
        let mut out = Vec::new();
        write(&report, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), render(&report));
        assert!(render(&report).ends_with("}\n"));
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
