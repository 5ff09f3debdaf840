//! Recognisers for the report genre's phrases: priorities, statuses, effort estimates,
//! money amounts, percentages and phase headings. Each works on one line of plain text.

use crate::plan::{Dec2, EffortUnit, Estimate, Priority, Status};

pub use super::money::{Money, money_of};

use super::search::contains_any;
use super::text::markers;

/// Priority from words, phrases, then colour markers (the rule documented in `mod.rs`).
pub fn priority_of(text: &str) -> Option<Priority> {
    let lower = text.to_lowercase();
    for w in lower.split(|c: char| !c.is_alphanumeric()) {
        let p = match w {
            "critical" | "blocker" | "urgent" | "showstopper" | "p0" | "highest" => {
                Priority::Critical
            }
            "high" | "important" | "major" | "p1" => Priority::High,
            "medium" | "moderate" | "med" | "p2" | "normal" => Priority::Medium,
            "low" | "lowest" | "minor" | "optional" | "trivial" | "p3" | "p4" => Priority::Low,
            _ => continue,
        };
        return Some(p);
    }
    const PHRASES: &[(&str, Priority)] = &[
        ("must fix", Priority::Critical),
        ("must have", Priority::Critical),
        ("must-have", Priority::Critical),
        ("should fix", Priority::High),
        ("should have", Priority::High),
        ("should-have", Priority::High),
        ("could have", Priority::Low),
        ("nice to have", Priority::Low),
        ("nice-to-have", Priority::Low),
        ("after launch", Priority::Low),
    ];
    if let Some((_, p)) = PHRASES.iter().find(|(ph, _)| contains_any(&lower, &[ph])) {
        return Some(*p);
    }
    markers(text).into_iter().find_map(|m| match m {
        '🔴' | '🔥' | '🚨' => Some(Priority::Critical),
        '🟠' | '🟡' => Some(Priority::High),
        '🟢' | '🔵' | '⚪' => Some(Priority::Low),
        _ => None,
    })
}

/// Status from words first (partial beats missing: "exists, but others missing"),
/// then markers.
pub fn status_of(text: &str) -> Option<Status> {
    // " text " lowercased without emphasis marks.
    let mut l = String::with_capacity(text.len() + 2);
    l.push(' ');
    if text.is_ascii() {
        l.extend(
            text.bytes()
                .filter(|b| !matches!(b, b'*' | b'_'))
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        l.extend(
            text.to_lowercase()
                .chars()
                .filter(|c| !matches!(c, '*' | '_')),
        );
    }
    l.push(' ');
    let any = |ws: &[&str]| contains_any(&l, ws);
    if any(&["partial"]) {
        return Some(Status::Partial);
    }
    if any(&["blocked", "waiting on", "waiting for"]) {
        return Some(Status::Blocked);
    }
    if any(&[
        "dropped",
        "won't fix",
        "wont fix",
        "out of scope",
        "descoped",
        "cancelled",
    ]) {
        return Some(Status::Dropped);
    }
    const STRONG_MISSING: &[&str] = &[
        "not implemented",
        "not configured",
        "not started",
        "not set up",
        "not done",
        "not provisioned",
        "not present",
        "not available",
        "not in place",
    ];
    if any(STRONG_MISSING) {
        return Some(Status::Missing);
    }
    if any(&[
        "in progress",
        "in-progress",
        " wip ",
        "ongoing",
        "underway",
        "started",
    ]) {
        return Some(Status::InProgress);
    }
    const PARTIAL: &[&str] = &[
        "basic",
        "incomplete",
        "exists",
        " exist ",
        "only",
        "limited",
        "some ",
        "manual",
        "assumption",
        "focused",
        "needs improvement",
        "needs work",
        "outdated",
        "ad hoc",
        "ad-hoc",
        "draft",
        "minimal",
        "in place but",
        "half",
    ];
    if any(PARTIAL) {
        return Some(Status::Partial);
    }
    if any(&[
        " missing", " none", "absent", " no ", "lacking", " todo", " to do", "not ",
    ]) {
        return Some(Status::Missing);
    }
    if any(&[
        "done",
        "complete",
        "implemented",
        "ready",
        "in place",
        "configured",
        "resolved",
        "fixed",
        "enterprise grade",
        "production grade",
    ]) {
        return Some(Status::Done);
    }
    markers(text).into_iter().find_map(|m| match m {
        '✅' | '✔' | '✓' => Some(Status::Done),
        '❌' | '✗' | '✘' | '🔴' => Some(Status::Missing),
        '⚠' | '🟡' | '🟠' => Some(Status::Partial),
        '🚧' | '🔄' | '⏳' => Some(Status::InProgress),
        '⛔' | '🚫' => Some(Status::Blocked),
        _ => None,
    })
}

/// A number at `s[i..]`: digits with optional thousands commas and decimals.
pub(super) fn number_at(s: &str, i: usize) -> Option<(Dec2, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    let thousands = |j: usize| {
        j > i
            && b.len() >= j + 4
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
    };
    while j < b.len() && (b[j].is_ascii_digit() || (b[j] == b',' && thousands(j))) {
        j += 1;
    }
    if j < b.len() && b[j] == b'.' && b.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    if j == i {
        return None;
    }
    let raw = &s[i..j];
    let v = Dec2::parse(raw).or_else(|| {
        // "1.234" hours: round to hundredths rather than refuse.
        let f: f64 = raw.replace(',', "").parse().ok()?;
        Dec2::from_f64((f * 100.0).round() / 100.0)
    })?;
    Some((v, j))
}

pub(super) fn skip_ws(s: &str, mut i: usize) -> usize {
    while s[i..].starts_with(char::is_whitespace) {
        i += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    i
}

/// "-", "–", "—" or "to" between the ends of a range.
pub(super) fn range_sep(s: &str, i: usize) -> Option<usize> {
    let j = skip_ws(s, i);
    for sep in ["-", "–", "—", "to "] {
        if s[j..].starts_with(sep) {
            return Some(skip_ws(s, j + sep.len()));
        }
    }
    None
}

/// The first effort estimate in `text` ("(30 min)", "2-3 hours", "~40 hours", "1-2 weeks").
pub fn estimate_of(text: &str) -> Option<Estimate> {
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next()?;
        let prev_ok = i == 0 || !text[..i].ends_with(|p: char| p.is_alphanumeric() || p == '$');
        if c.is_ascii_digit()
            && prev_ok
            && let Some(e) = estimate_at(text, i)
        {
            return Some(e);
        }
        i += c.len_utf8();
    }
    None
}

fn estimate_at(s: &str, i: usize) -> Option<Estimate> {
    let (lo, mut j) = number_at(s, i)?;
    let mut hi = lo;
    if let Some(k) = range_sep(s, j)
        && let Some((h, k2)) = number_at(s, k)
    {
        hi = h;
        j = k2;
    }
    let mut k = skip_ws(s, j);
    let rest = s[k..].to_lowercase();
    let mut word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    for filler in [
        "business",
        "working",
        "person",
        "man",
        "dev",
        "engineer",
        "engineering",
    ] {
        if word == filler {
            k += word.len();
            let after = s[k..].trim_start_matches(['-', ' ']);
            word = after
                .to_lowercase()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
        }
    }
    let (unit, scale_num, scale_den) = match word.as_str() {
        "min" | "mins" | "minute" | "minutes" => (EffortUnit::Hours, 1, 60),
        "h" | "hr" | "hrs" | "hour" | "hours" => (EffortUnit::Hours, 1, 1),
        "d" | "day" | "days" => (EffortUnit::Days, 1, 1),
        "w" | "wk" | "wks" | "week" | "weeks" => (EffortUnit::Weeks, 1, 1),
        "month" | "months" => (EffortUnit::Weeks, 4, 1),
        _ => return None,
    };
    let conv = |v: Dec2| Dec2::from_hundredths(v.hundredths() * scale_num / scale_den);
    let (lo, hi) = (conv(lo), conv(hi));
    if hi < lo || hi == Dec2::ZERO {
        return None;
    }
    Some(Estimate { unit, lo, hi })
}

/// The first percentage in `text` ("85%").
pub fn percent_of(text: &str) -> Option<u8> {
    let i = text.find('%')?;
    let digits: String = text[..i]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let v: u32 = digits.chars().rev().collect::<String>().parse().ok()?;
    u8::try_from(v).ok().filter(|v| *v <= 100)
}

/// A phase heading: "Phase 1: Critical Infrastructure (Weeks 1-2)", "Week 3-4:",
/// "Sprint 2 - Hardening", "Phase 1: Foundation (2-3 hours)".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseHead {
    pub name: String,
    pub weeks: Option<(u32, u32)>,
    /// A stated duration that is not a week window ("2-3 hours").
    pub duration: Option<Estimate>,
}

pub fn phase_head(text: &str) -> Option<PhaseHead> {
    let t = super::text::strip_markers(text);
    let t = t.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let lower = t.to_lowercase();
    // Only a phase word, "week" or "month" can start one (most headings stop here).
    if ![
        "phase",
        "stage",
        "sprint",
        "milestone",
        "wave",
        "step",
        "week",
        "month",
    ]
    .iter()
    .any(|k| lower.starts_with(k))
    {
        return None;
    }
    let (paren_free, parens) = super::text::split_parens(t.trim_end_matches(':'));
    let kw = ["phase", "stage", "sprint", "milestone", "wave", "step"]
        .into_iter()
        .find(|k| {
            lower.starts_with(k)
                && t[k.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
        });
    let mut weeks = parens.iter().find_map(|p| week_window(p));
    let duration = parens.iter().find_map(|p| estimate_of(p));
    if let Some(k) = kw {
        let rest = paren_free[k.len()..].trim_start();
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        let name = rest
            .trim_start_matches([':', '.', '-', '–', '—', ' '])
            .trim()
            .to_string();
        if weeks.is_none() {
            weeks = week_window(&name);
        }
        let name = if name.is_empty() {
            paren_free.clone()
        } else {
            name
        };
        return Some(PhaseHead {
            name,
            weeks,
            duration,
        });
    }
    // "Week 3-4:" / "Weeks 1–2 — Hardening" / "Month 2"
    let w = week_window(&paren_free)?;
    if !(lower.starts_with("week") || lower.starts_with("month")) {
        return None;
    }
    let after = paren_free
        .split_once([':', '—', '–'])
        .map(|(_, n)| n.trim().to_string())
        .filter(|n| !n.is_empty());
    Some(PhaseHead {
        name: after.unwrap_or_else(|| paren_free.trim().to_string()),
        weeks: Some(w),
        duration,
    })
}

/// "Weeks 1-2", "Week 3", "Month 2" → inclusive week window.
pub fn week_window(s: &str) -> Option<(u32, u32)> {
    let lower = s.to_lowercase();
    let (word, monthly) = if let Some(p) = lower.find("week") {
        (p, false)
    } else {
        (lower.find("month")?, true)
    };
    let rest = &lower[word..];
    let rest = rest
        .trim_start_matches(|c: char| c.is_alphabetic())
        .trim_start();
    let (a, j) = number_at(rest, 0)?;
    let mut b = a;
    if let Some(k) = range_sep(rest, j)
        && let Some((v, _)) = number_at(rest, k)
    {
        b = v;
    }
    let (a, b) = (a.hundredths() / 100, b.hundredths() / 100);
    let (a, b) = (u32::try_from(a).ok()?, u32::try_from(b).ok()?);
    if a == 0 || b < a || b > 520 {
        return None;
    }
    if monthly {
        Some(((a - 1) * 4 + 1, b * 4))
    } else {
        Some((a, b))
    }
}

#[cfg(test)]
#[path = "recog_tests.rs"]
mod tests;
