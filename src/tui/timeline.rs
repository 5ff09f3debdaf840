//! The timeline's time axis: which column a date falls in at each zoom level (days,
//! weeks or calendar months, counted from the plan start) and back.

use jiff::civil::Date;

use crate::engine::Span;

/// How much time one timeline column covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    Days,
    Weeks,
    Months,
}

impl Zoom {
    /// One level closer (more detail), stopping at days.
    pub fn closer(self) -> Zoom {
        match self {
            Zoom::Months => Zoom::Weeks,
            _ => Zoom::Days,
        }
    }

    /// One level wider (less detail), stopping at months.
    pub fn wider(self) -> Zoom {
        match self {
            Zoom::Days => Zoom::Weeks,
            _ => Zoom::Months,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Zoom::Days => "days",
            Zoom::Weeks => "weeks",
            Zoom::Months => "months",
        }
    }
}

/// Maps dates to columns: column 0 holds the plan start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Axis {
    pub origin: Date,
    pub zoom: Zoom,
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

fn month_number(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month()) - 1
}

impl Axis {
    /// The column `d` falls in.
    pub fn col(&self, d: Date) -> i64 {
        match self.zoom {
            Zoom::Days => days_between(self.origin, d),
            Zoom::Weeks => days_between(self.origin, d).div_euclid(7),
            Zoom::Months => month_number(d) - month_number(self.origin),
        }
    }

    /// The first day of column `col`.
    pub fn start(&self, col: i64) -> Date {
        let add = |days: i64| {
            self.origin
                .checked_add(jiff::Span::new().days(days))
                .unwrap_or(self.origin)
        };
        match self.zoom {
            Zoom::Days => add(col),
            Zoom::Weeks => add(col * 7),
            Zoom::Months => {
                let m = month_number(self.origin) + col;
                let (y, mo) = (m.div_euclid(12), m.rem_euclid(12) + 1);
                i16::try_from(y)
                    .ok()
                    .and_then(|y| Date::new(y, mo as i8, 1).ok())
                    .unwrap_or(self.origin)
            }
        }
    }

    /// First and last column a span touches.
    pub fn cols(&self, s: Span) -> (i64, i64) {
        (self.col(s.start), self.col(s.finish))
    }

    /// A label for the column, or `None` where no label starts (keeps labels sparse:
    /// Mondays at day zoom, each month's first week, each quarter's first month).
    pub fn label(&self, col: i64) -> Option<String> {
        let d = self.start(col);
        match self.zoom {
            Zoom::Days => (d.weekday() == jiff::civil::Weekday::Monday)
                .then(|| d.strftime("%b %d").to_string()),
            Zoom::Weeks => {
                let prev = self.start(col - 1);
                (prev.month() != d.month() || col == 0).then(|| d.strftime("%b %d").to_string())
            }
            Zoom::Months => Some(d.strftime("%b '%y").to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn columns_round_trip_at_each_zoom() {
        let origin = date(2026, 1, 5);
        for zoom in [Zoom::Days, Zoom::Weeks, Zoom::Months] {
            let a = Axis { origin, zoom };
            for col in [-3i64, 0, 1, 7, 30] {
                assert_eq!(a.col(a.start(col)), col, "{zoom:?} {col}");
            }
        }
        let w = Axis {
            origin,
            zoom: Zoom::Weeks,
        };
        assert_eq!(w.col(date(2026, 1, 11)), 0);
        assert_eq!(w.col(date(2026, 1, 12)), 1);
        let m = Axis {
            origin,
            zoom: Zoom::Months,
        };
        assert_eq!(m.col(date(2026, 3, 31)), 2);
        assert_eq!(m.start(2), date(2026, 3, 1));
        assert_eq!(Zoom::Weeks.wider().wider(), Zoom::Months);
        assert_eq!(Zoom::Weeks.closer().closer(), Zoom::Days);
    }
}
