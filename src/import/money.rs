//! Money amounts in report text: "$500-1,500/month", "~$50/month", "($26/month)",
//! "$1.2k/mo", "$300 one-time", "€40 per month", "$1,200/year" (÷ 12), with the words
//! before each amount as its label.

use crate::plan::{CostKind, Dec2};

use super::recog::{number_at, range_sep, skip_ws};

/// One money amount found in a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Money {
    pub kind: CostKind,
    pub lo: Dec2,
    pub hi: Dec2,
    /// Text before the amount (cleaned), usually what is paid for.
    pub label: String,
    /// How the period was read, for the log ("per month", "per year ÷ 12", "no period").
    pub period: &'static str,
    /// Currency symbol seen.
    pub currency: &'static str,
}

/// Every amount in `text`: "$500-1,500/month", "~$50/month", "$1.2k/mo", "$300 one-time".
pub fn money_of(text: &str) -> Vec<Money> {
    let mut out = Vec::new();
    // Most lines hold no currency sign: '$', or the lead byte of '€' (E2) or '£' (C2).
    if !text.bytes().any(|b| matches!(b, b'$' | 0xE2 | 0xC2)) {
        return out;
    }
    let mut seg_start = 0;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let cur = match c {
            '$' => "USD",
            '€' => "EUR",
            '£' => "GBP",
            _ => {
                i += c.len_utf8();
                continue;
            }
        };
        let start = i;
        i += c.len_utf8();
        let Some((lo, j)) = number_at(text, i).map(|(v, j)| scaled(text, v, j)) else {
            continue;
        };
        let (mut hi, mut end) = (lo, j);
        if let Some(k) = range_sep(text, j) {
            let k = if text[k..].starts_with(['$', '€', '£']) {
                k + text[k..].chars().next().map_or(1, char::len_utf8)
            } else {
                k
            };
            if let Some((h, k2)) = number_at(text, k).map(|(v, k2)| scaled(text, v, k2)) {
                // "$1-2k": the suffix on the high end applies to both.
                if h > lo {
                    hi = h;
                    end = k2;
                }
            }
        }
        let (kind, period, after) = period_at(text, end);
        let (lo, hi) = if period == "per year ÷ 12" {
            (div12(lo), div12(hi))
        } else {
            (lo, hi)
        };
        out.push(Money {
            kind,
            lo,
            hi,
            label: clean_label(&text[seg_start..start]),
            period,
            currency: cur,
        });
        i = after;
        seg_start = after;
    }
    out
}

fn div12(v: Dec2) -> Dec2 {
    Dec2::from_hundredths(v.hundredths() / 12)
}

/// Applies a "k" / "K" / "M" suffix after a number.
fn scaled(s: &str, v: Dec2, j: usize) -> (Dec2, usize) {
    match s.as_bytes().get(j) {
        Some(b'k') | Some(b'K') if !s[j + 1..].starts_with(char::is_alphabetic) => {
            (v * 1000, j + 1)
        }
        Some(b'M') if !s[j + 1..].starts_with(char::is_alphabetic) => (v * 1_000_000, j + 1),
        _ => (v, j),
    }
}

fn period_at(s: &str, j: usize) -> (CostKind, &'static str, usize) {
    let k = skip_ws(s, j);
    let rest = s[k..].to_lowercase();
    let rest = rest.trim_start_matches(['(', '/', ' ']);
    let skipped = s[k..].len() - rest.len();
    const MONTHLY: &[&str] = &[
        "month",
        "mo",
        "mth",
        "per month",
        "a month",
        "monthly",
        "pm",
        "user/month",
        "user/mo",
    ];
    const YEARLY: &[&str] = &[
        "year", "yr", "per year", "a year", "annually", "annual", "yearly",
    ];
    const ONCE: &[&str] = &[
        "one-time", "one time", "once", "one-off", "upfront", "setup",
    ];
    let word_end = |w: &str| {
        rest.starts_with(w)
            && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric() && w.len() <= 3)
    };
    let end = k + skipped;
    if let Some(w) = MONTHLY
        .iter()
        .filter(|w| word_end(w))
        .max_by_key(|w| w.len())
    {
        return (CostKind::Monthly, "per month", end + w.len());
    }
    if let Some(w) = YEARLY.iter().find(|w| word_end(w)) {
        return (CostKind::Monthly, "per year ÷ 12", end + w.len());
    }
    if let Some(w) = ONCE.iter().find(|w| word_end(w)) {
        return (CostKind::Once, "one-time", end + w.len());
    }
    (CostKind::Once, "no period (taken as one-time)", j)
}

fn clean_label(s: &str) -> String {
    let junk =
        |c: char| c.is_whitespace() || "(),;:-–—~≈*_|".contains(c) || super::text::is_marker(c);
    let s = s
        .rsplit(':')
        .map(|p| p.trim_matches(junk))
        .find(|p| !p.is_empty())
        .unwrap_or("");
    let s = s
        .strip_suffix(" at")
        .or(s.strip_suffix(" for"))
        .unwrap_or(s);
    let mut s = s.trim().to_string();
    if s.matches('(').count() > s.matches(')').count() {
        s.push(')');
    }
    s
}
