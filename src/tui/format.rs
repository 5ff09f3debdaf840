//! Short text forms of numbers, ranges and dates for table cells and the header.

use jiff::civil::Date;

use crate::engine::Range;
use crate::plan::Dec2;

/// "1,500" or "26.50": full amount with thousands separators.
pub fn amount(d: Dec2) -> String {
    let s = d.to_string();
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut out = String::with_capacity(int.len() + 4);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    format!("{sign}{out}{frac}")
}

/// Compact amount for narrow cells: "950", "1.5k", "12k", "2.3M".
pub fn compact(d: Dec2) -> String {
    let h = d.hundredths();
    let units = h / 100;
    let abs = units.unsigned_abs();
    let sign = if h < 0 { "-" } else { "" };
    if abs < 1_000 {
        if h % 100 == 0 {
            format!("{sign}{abs}")
        } else {
            d.to_string()
        }
    } else if abs < 1_000_000 {
        scaled(sign, abs, 1_000, "k")
    } else {
        scaled(sign, abs, 1_000_000, "M")
    }
}

fn scaled(sign: &str, abs: u64, unit: u64, suffix: &str) -> String {
    let tenths = abs * 10 / unit;
    if tenths < 100 && !tenths.is_multiple_of(10) {
        format!("{sign}{}.{}{suffix}", tenths / 10, tenths % 10)
    } else {
        format!("{sign}{}{suffix}", abs / unit)
    }
}

/// "500–1.5k", or one value when both ends agree; "" for a zero range.
pub fn range_compact(r: Range) -> String {
    if r.low == Dec2::ZERO && r.high == Dec2::ZERO {
        String::new()
    } else if r.low == r.high {
        compact(r.low)
    } else {
        format!("{}–{}", compact(r.low), compact(r.high))
    }
}

/// "1,200–3,400" with full amounts.
pub fn range_full(r: Range) -> String {
    if r.low == r.high {
        amount(r.low)
    } else {
        format!("{}–{}", amount(r.low), amount(r.high))
    }
}

/// Remaining effort in whole hours (rounded half up): "12–20h", "" when none is left.
pub fn hours(r: Range) -> String {
    let whole = |d: Dec2| Dec2::from_units((d.hundredths() + 50).div_euclid(100));
    let s = range_compact(Range {
        low: whole(r.low),
        high: whole(r.high),
    });
    if s.is_empty() { s } else { format!("{s}h") }
}

/// "17.6" from 17.60 (rounded half up to one decimal, trailing ".0" dropped).
pub fn one_decimal(d: Dec2) -> String {
    let tenths = (d.hundredths() + 5).div_euclid(10);
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths.div_euclid(10), tenths.rem_euclid(10))
    }
}

/// "Mar 02" for table cells.
pub fn short_date(d: Date) -> String {
    d.strftime("%b %d").to_string()
}

/// "2026-03-02" for the header and detail pane.
pub fn long_date(d: Date) -> String {
    d.to_string()
}

/// "+3d", "-2d", "" for on time.
pub fn slip(days: i64) -> String {
    match days {
        0 => String::new(),
        d if d > 0 => format!("+{d}d"),
        d => format!("{d}d"),
    }
}

/// A bar of `width` cells for `percent` (0–100) using full and light blocks.
pub fn bar(percent: u8, width: usize) -> String {
    let filled = (usize::from(percent.min(100)) * width + 50) / 100;
    let mut s = String::with_capacity(width * 3);
    s.extend(std::iter::repeat_n('█', filled));
    s.extend(std::iter::repeat_n('░', width - filled));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec2 {
        Dec2::parse(s).unwrap()
    }

    #[test]
    fn amounts_and_compact_forms() {
        assert_eq!(amount(d("1500")), "1,500");
        assert_eq!(amount(d("1234567.5")), "1,234,567.50");
        assert_eq!(amount(d("-999")), "-999");
        assert_eq!(compact(d("950")), "950");
        assert_eq!(compact(d("1500")), "1.5k");
        assert_eq!(compact(d("12000")), "12k");
        assert_eq!(compact(d("2300000")), "2.3M");
        let r = Range {
            low: d("500"),
            high: d("1500"),
        };
        assert_eq!(range_compact(r), "500–1.5k");
        assert_eq!(hours(Range::default()), "");
        assert_eq!(
            hours(Range {
                low: d("5.36"),
                high: d("10.72")
            }),
            "5–11h"
        );
    }

    #[test]
    fn bars_and_slips() {
        assert_eq!(bar(50, 4), "██░░");
        assert_eq!(bar(100, 3), "███");
        assert_eq!(bar(0, 2), "░░");
        assert_eq!(slip(3), "+3d");
        assert_eq!(one_decimal(d("17.60")), "17.6");
        assert_eq!(one_decimal(d("100")), "100");
        assert_eq!(slip(0), "");
        assert_eq!(short_date(jiff::civil::date(2026, 3, 2)), "Mar 02");
    }
}
