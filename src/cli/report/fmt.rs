//! Shared value formatting for the human-readable formats (text, markdown):
//! amounts with thousands separators, low–high ranges, months, slips, and plan text made
//! safe for a terminal.

use std::borrow::Cow;

use crate::engine::{MonthTotal, Range};
use crate::plan::Dec2;

/// An amount with thousands separators: 1500 → "1,500", 26.5 → "26.50".
pub fn amount(v: Dec2) -> String {
    let plain = v.to_string();
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// "30–80", or a single amount when both ends agree.
pub fn range(r: Range) -> String {
    if r.low == r.high {
        amount(r.low)
    } else {
        format!("{}–{}", amount(r.low), amount(r.high))
    }
}

/// "2026-03"
pub fn month(m: &MonthTotal) -> String {
    format!("{:04}-{:02}", m.year, m.month)
}

/// Slip in days against a target: "+3d" late, "-2d" early, "on time", "—" without a target.
pub fn slip(days: Option<i64>) -> String {
    match days {
        None => "—".to_string(),
        Some(0) => "on time".to_string(),
        Some(d) if d > 0 => format!("+{d}d"),
        Some(d) => format!("{d}d"),
    }
}

/// "42.5%" from a percent with up to two decimals.
pub fn percent(v: Dec2) -> String {
    let s = v.to_string();
    let s = if s.contains('.') {
        s.trim_end_matches('0').to_string()
    } else {
        s
    };
    format!("{s}%")
}

/// Plan text for one table cell or line: line breaks and tabs become spaces, other
/// control characters (terminal escape sequences included) become visible `\u{…}` escapes.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_group_thousands() {
        assert_eq!(amount(Dec2::from_units(0)), "0");
        assert_eq!(amount(Dec2::from_units(999)), "999");
        assert_eq!(amount(Dec2::from_units(1500)), "1,500");
        assert_eq!(amount(Dec2::from_units(1_234_567)), "1,234,567");
        assert_eq!(amount(Dec2::from_hundredths(-123_450)), "-1,234.50");
    }

    #[test]
    fn ranges_collapse_when_equal() {
        let r = |l, h| Range {
            low: Dec2::from_units(l),
            high: Dec2::from_units(h),
        };
        assert_eq!(range(r(26, 26)), "26");
        assert_eq!(range(r(500, 1500)), "500–1,500");
    }

    #[test]
    fn slips_and_percents_read_naturally() {
        assert_eq!(slip(Some(3)), "+3d");
        assert_eq!(slip(Some(-2)), "-2d");
        assert_eq!(slip(Some(0)), "on time");
        assert_eq!(slip(None), "—");
        assert_eq!(percent(Dec2::from_hundredths(4250)), "42.5%");
        assert_eq!(percent(Dec2::from_units(100)), "100%");
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(clean("plain"), "plain");
        assert_eq!(clean("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(clean("two\nlines\u{7}"), "two lines\\u{7}");
    }
}
