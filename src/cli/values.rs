//! Parsers for option values (`--status`, `--priority`, `--progress`): case-insensitive,
//! and on a bad value the message lists every valid one.

use crate::plan::{Priority, Status};

/// Lower-cases and drops separators so "in-progress", "In_Progress" and "inprogress" agree.
fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parses a status name, ignoring case and `-`/`_`.
pub fn parse_status(s: &str) -> Result<Status, String> {
    let n = normalize(s);
    Status::ALL
        .into_iter()
        .find(|st| normalize(st.name()) == n)
        .ok_or_else(|| {
            let names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
            format!("unknown status '{s}' — valid values: {}", names.join(", "))
        })
}

/// Parses a priority name, ignoring case.
pub fn parse_priority(s: &str) -> Result<Priority, String> {
    let n = normalize(s);
    Priority::ALL
        .into_iter()
        .find(|p| normalize(p.name()) == n)
        .ok_or_else(|| {
            let names: Vec<&str> = Priority::ALL.iter().map(|p| p.name()).collect();
            format!(
                "unknown priority '{s}' — valid values: {}",
                names.join(", ")
            )
        })
}

/// A `--progress` value: an explicit percent, or `auto` (derive it from the actions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressArg {
    Percent(u8),
    Auto,
}

impl ProgressArg {
    /// The value stored in `Gap::progress`.
    pub fn as_field(self) -> Option<u8> {
        match self {
            ProgressArg::Percent(p) => Some(p),
            ProgressArg::Auto => None,
        }
    }
}

/// Parses `--progress`: a whole percent 0–100 (a trailing `%` is fine) or `auto`.
pub fn parse_progress(s: &str) -> Result<ProgressArg, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("auto") {
        return Ok(ProgressArg::Auto);
    }
    let digits = t.strip_suffix('%').unwrap_or(t);
    match digits.parse::<u32>() {
        Ok(p) if p <= 100 => Ok(ProgressArg::Percent(p as u8)),
        _ => Err(format!(
            "'{s}' is not a progress value — give a whole percent from 0 to 100, or 'auto'"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_is_case_insensitive_and_lists_values_on_error() {
        assert_eq!(parse_status("done"), Ok(Status::Done));
        assert_eq!(parse_status("in-progress"), Ok(Status::InProgress));
        assert_eq!(parse_status("INPROGRESS"), Ok(Status::InProgress));
        let err = parse_status("finished").unwrap_err();
        assert_eq!(
            err,
            "unknown status 'finished' — valid values: Missing, Partial, InProgress, \
             Blocked, Done, Dropped"
        );
    }

    #[test]
    fn priority_is_case_insensitive() {
        assert_eq!(parse_priority("CRITICAL"), Ok(Priority::Critical));
        assert_eq!(parse_priority("low"), Ok(Priority::Low));
        assert!(
            parse_priority("urgent")
                .unwrap_err()
                .contains("Critical, High, Medium, Low")
        );
    }

    #[test]
    fn progress_accepts_percent_or_auto() {
        assert_eq!(parse_progress("40"), Ok(ProgressArg::Percent(40)));
        assert_eq!(parse_progress("100%"), Ok(ProgressArg::Percent(100)));
        assert_eq!(parse_progress("Auto"), Ok(ProgressArg::Auto));
        assert!(parse_progress("101").is_err());
        assert!(parse_progress("-5").is_err());
        assert!(parse_progress("half").is_err());
    }
}
