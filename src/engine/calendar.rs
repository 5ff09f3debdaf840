//! Working-day calendar: civil dates as integer day numbers, Monday–Friday working days
//! minus holidays, and the mapping between working-day indices and dates.
//!
//! Working day 0 is the first Monday–Friday non-holiday on or after the plan start.
//! Everything is integer arithmetic on "epoch days" (days since 1970-01-01) so that
//! 100,000 gaps cost no date-library calls until the final conversion.

use jiff::civil::Date;

/// Working-day indices are clamped here (about 38,000 years), far past `Date::MAX`,
/// so absurd efforts saturate instead of overflowing.
const MAX_WORKING_DAY: u64 = 10_000_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn epoch_day(d: Date) -> i64 {
    let (y, m, dd) = (d.year() as i64, d.month() as i64, d.day() as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1–12, day) of an epoch day.
pub fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Epoch days of `Date::MIN` (-9999-01-01) and `Date::MAX` (9999-12-31).
const MIN_DAY: i64 = -4_371_587;
const MAX_DAY: i64 = 2_932_896;

/// The date of an epoch day, clamped to the range `jiff` can represent.
pub fn date_of(z: i64) -> Date {
    let z = z.clamp(MIN_DAY, MAX_DAY);
    let (y, m, d) = civil(z);
    Date::new(y as i16, m as i8, d as i8).unwrap_or(Date::MAX)
}

/// Counts months from the month of a base date.
#[derive(Clone, Copy, Debug)]
pub struct Months {
    year: i64,
    month: i64,
}

impl Months {
    pub fn from(base: Date) -> Self {
        Months {
            year: base.year() as i64,
            month: base.month() as i64,
        }
    }

    /// Months between the base month and the month of `d`.
    pub fn index(&self, d: Date) -> i64 {
        (d.year() as i64 - self.year) * 12 + (d.month() as i64 - self.month)
    }
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Dates of working days, from a table built by walking the calendar once (cheap per
/// day) when the range is modest, else computed on demand.
pub struct Dates<'a> {
    cal: &'a Calendar,
    table: Vec<Date>,
}

impl Dates<'_> {
    /// Date of working day `k`.
    pub fn get(&self, k: u64) -> Date {
        match usize::try_from(k).ok().and_then(|i| self.table.get(i)) {
            Some(d) => *d,
            None => date_of(self.cal.day(k)),
        }
    }
}

/// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
pub fn weekday(z: i64) -> i64 {
    (z + 3).rem_euclid(7)
}

/// The working-day calendar of one plan.
#[derive(Clone, Debug)]
pub struct Calendar {
    /// Epoch day of the plan start.
    pub start: i64,
    /// Epoch day of the Monday of the week holding working day 0's weekday.
    monday: i64,
    /// Weekday (0 = Monday) of the first weekday on or after the plan start.
    first: i64,
    /// Weekday indices (weekdays counted from the first one, holidays included) of the
    /// holidays that fall on a weekday on or after the start: sorted, deduplicated.
    holidays: Vec<i64>,
    /// `holidays[i] - i`: non-decreasing, so a binary search finds how many holidays
    /// precede the k-th working day.
    shifted: Vec<i64>,
    /// The same holidays as sorted epoch days.
    holiday_days: Vec<i64>,
}

impl Calendar {
    pub fn new(start: Date, holidays: &[Date]) -> Self {
        let s = epoch_day(start);
        let dow = weekday(s);
        let first_day = if dow >= 5 { s + 7 - dow } else { s };
        let first = weekday(first_day);
        let monday = first_day - first;
        let mut cal = Calendar {
            start: s,
            monday,
            first,
            holidays: Vec::new(),
            shifted: Vec::new(),
            holiday_days: Vec::new(),
        };
        let mut days: Vec<i64> = holidays
            .iter()
            .map(|d| epoch_day(*d))
            .filter(|&z| z >= first_day && weekday(z) < 5)
            .collect();
        days.sort_unstable();
        days.dedup();
        let hs: Vec<i64> = days.iter().map(|&z| cal.weekday_index(z)).collect();
        cal.holiday_days = days;
        cal.shifted = hs.iter().enumerate().map(|(i, h)| h - i as i64).collect();
        cal.holidays = hs;
        cal
    }

    /// Index among weekdays (holidays counted) of the first weekday on or after `z`.
    fn weekday_index(&self, z: i64) -> i64 {
        let off = (z - self.monday).max(self.first);
        (off / 7) * 5 + (off % 7).min(5) - self.first
    }

    /// Epoch day of working day `k`.
    pub fn day(&self, k: u64) -> i64 {
        let k = k.min(MAX_WORKING_DAY) as i64;
        let skipped = self.shifted.partition_point(|&a| a <= k) as i64;
        let t = self.first + k + skipped;
        self.monday + (t / 5) * 7 + t % 5
    }

    /// Dates of working days `0..=last` (a table when `last < budget`).
    pub fn dates(&self, last: u64, budget: u64) -> Dates<'_> {
        let mut table = Vec::new();
        if last < budget {
            table.reserve_exact(last as usize + 1);
            let mut z = self.day(0);
            let (mut y, mut m, mut d) = civil(z);
            let mut wd = weekday(z);
            let mut h = self.holiday_days.partition_point(|&x| x <= z);
            for _ in 0..=last {
                table.push(if y > 9999 {
                    Date::MAX
                } else {
                    Date::new(y as i16, m as i8, d as i8).unwrap_or(Date::MAX)
                });
                loop {
                    z += 1;
                    d += 1;
                    if d > days_in_month(y, m) {
                        d = 1;
                        m += 1;
                        if m > 12 {
                            m = 1;
                            y += 1;
                        }
                    }
                    wd = if wd == 6 { 0 } else { wd + 1 };
                    if wd >= 5 {
                        continue;
                    }
                    if self.holiday_days.get(h) == Some(&z) {
                        h += 1;
                        continue;
                    }
                    break;
                }
            }
        }
        Dates { cal: self, table }
    }

    /// Index of the first working day on or after epoch day `z` (0 before the start).
    pub fn working_day_at_or_after(&self, z: i64) -> u64 {
        let wi = self.weekday_index(z);
        let before = self.holidays.partition_point(|&h| h < wi) as i64;
        (wi - before).max(0) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(epoch_day(Date::MIN), MIN_DAY);
        assert_eq!(epoch_day(Date::MAX), MAX_DAY);
        assert_eq!(epoch_day(date(1970, 1, 1)), 0);
        assert_eq!(epoch_day(date(2026, 1, 5)), 20458);
        for z in [-800_000, -1, 0, 59, 60, 20458, 2_000_000] {
            let (y, m, d) = civil(z);
            assert_eq!(epoch_day(date(y as i16, m as i8, d as i8)), z);
        }
        assert_eq!(weekday(epoch_day(date(2026, 1, 5))), 0, "a Monday");
        assert_eq!(date_of(i64::MAX), Date::MAX);
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Start on Saturday 2026-01-03: working day 0 is Monday 5th.
        let cal = Calendar::new(date(2026, 1, 3), &[date(2026, 1, 7), date(2026, 1, 10)]);
        let d = |k| date_of(cal.day(k));
        assert_eq!(d(0), date(2026, 1, 5));
        assert_eq!(d(1), date(2026, 1, 6));
        assert_eq!(d(2), date(2026, 1, 8), "Wednesday 7th is a holiday");
        assert_eq!(d(3), date(2026, 1, 9));
        assert_eq!(d(4), date(2026, 1, 12), "weekend skipped");
        let at = |y, m, dd| cal.working_day_at_or_after(epoch_day(date(y, m, dd)));
        assert_eq!(at(2026, 1, 1), 0);
        assert_eq!(at(2026, 1, 7), 2);
        assert_eq!(at(2026, 1, 10), 4);
        assert_eq!(at(2026, 1, 12), 4);
        assert_eq!(at(2026, 1, 19), 9);
    }

    #[test]
    fn month_offsets_cross_years() {
        let months = Months::from(date(2026, 11, 30));
        assert_eq!(months.index(date(2027, 2, 1)), 3);
        assert_eq!(months.index(date(2026, 11, 1)), 0);
    }

    #[test]
    fn date_table_matches_direct_computation() {
        let hol = [
            date(2027, 12, 31),
            date(2028, 2, 29),
            date(2028, 2, 28),
            date(2026, 1, 1),
        ];
        let cal = Calendar::new(date(2026, 1, 1), &hol);
        let table = cal.dates(2000, 5000);
        let direct = cal.dates(2000, 0);
        for k in 0..2100 {
            assert_eq!(table.get(k), direct.get(k), "working day {k}");
            assert_eq!(table.get(k), date_of(cal.day(k)));
        }
        assert_eq!(
            table.get(0),
            date(2026, 1, 2),
            "New Year's Day is a holiday"
        );
    }
}
