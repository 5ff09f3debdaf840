//! `Dec2`: an exact decimal with two places, used for money and effort quantities.
//! Stored as integer hundredths so totals never drift the way binary floats do.

use std::fmt;
use std::ops::{Add, AddAssign, Mul, Sub};

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A decimal number with exactly two fractional digits (hundredths).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec2(i64);

/// The largest magnitude a `Dec2` may hold in a plan file (one trillion units);
/// anything bigger is rejected as absurd before it can overflow a total.
pub const DEC2_MAX_UNITS: i64 = 1_000_000_000_000;

impl Dec2 {
    pub const ZERO: Dec2 = Dec2(0);

    /// From integer hundredths (`Dec2::from_hundredths(2650)` is 26.50).
    pub const fn from_hundredths(h: i64) -> Self {
        Dec2(h)
    }

    /// From whole units (`Dec2::from_units(26)` is 26.00).
    pub const fn from_units(u: i64) -> Self {
        Dec2(u * 100)
    }

    pub const fn hundredths(self) -> i64 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Converts a float with at most two decimals; `None` for NaN, infinities,
    /// more than two decimals, or magnitudes above [`DEC2_MAX_UNITS`].
    pub fn from_f64(v: f64) -> Option<Self> {
        if !v.is_finite() || v.abs() > DEC2_MAX_UNITS as f64 {
            return None;
        }
        // Rust prints the shortest text that reads back as `v`, so "123456789.37" stays
        // exact where `v * 100.0` would pick up binary noise.
        Dec2::parse(&v.to_string())
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Parses "26", "26.5", "1,500", "-3.25" (commas as thousands separators).
    pub fn parse(s: &str) -> Option<Self> {
        let t: String = s
            .trim()
            .chars()
            .filter(|c| *c != ',' && *c != '_')
            .collect();
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, t),
        };
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t.as_str(), ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if frac.len() > 2 || int.len() > 13 {
            return None;
        }
        let units: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let mut cents: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        if frac.len() == 1 {
            cents *= 10;
        }
        let v = units.checked_mul(100)?.checked_add(cents)?;
        if units > DEC2_MAX_UNITS {
            return None;
        }
        Some(Dec2(if neg { -v } else { v }))
    }

    /// The midpoint of `lo` and `hi`, rounded down to a hundredth.
    pub fn midpoint(lo: Dec2, hi: Dec2) -> Dec2 {
        Dec2((lo.0 + hi.0).div_euclid(2))
    }
}

impl fmt::Display for Dec2 {
    /// Whole values print without decimals ("26"), others with two ("26.50").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        if a.is_multiple_of(100) {
            write!(f, "{sign}{}", a / 100)
        } else {
            write!(f, "{sign}{}.{:02}", a / 100, a % 100)
        }
    }
}

impl Add for Dec2 {
    type Output = Dec2;
    fn add(self, rhs: Dec2) -> Dec2 {
        Dec2(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Dec2 {
    fn add_assign(&mut self, rhs: Dec2) {
        self.0 = self.0.saturating_add(rhs.0);
    }
}

impl Sub for Dec2 {
    type Output = Dec2;
    fn sub(self, rhs: Dec2) -> Dec2 {
        Dec2(self.0.saturating_sub(rhs.0))
    }
}

impl Mul<i64> for Dec2 {
    type Output = Dec2;
    fn mul(self, rhs: i64) -> Dec2 {
        Dec2(self.0.saturating_mul(rhs))
    }
}

impl std::iter::Sum for Dec2 {
    fn sum<I: Iterator<Item = Dec2>>(iter: I) -> Dec2 {
        iter.fold(Dec2::ZERO, |a, b| a + b)
    }
}

impl Serialize for Dec2 {
    /// Whole values serialize as integers (`26`), others as the shortest float (`26.5`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Dec2 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Dec2Visitor)
    }
}

struct Dec2Visitor;

impl<'de> Visitor<'de> for Dec2Visitor {
    type Value = Dec2;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number with at most two decimals, e.g. 26 or 26.5")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dec2, E> {
        if v.abs() > DEC2_MAX_UNITS {
            return Err(E::custom(format!(
                "{v} is too large (the limit is {DEC2_MAX_UNITS})"
            )));
        }
        Ok(Dec2::from_units(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dec2, E> {
        let v = i64::try_from(v).map_err(|_| E::custom(format!("{v} is too large")))?;
        self.visit_i64(v)
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Dec2, E> {
        let v = i64::try_from(v).map_err(|_| E::custom(format!("{v} is too large")))?;
        self.visit_i64(v)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Dec2, E> {
        let v = i64::try_from(v).map_err(|_| E::custom(format!("{v} is too large")))?;
        self.visit_i64(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Dec2, E> {
        if v.is_finite() && v.abs() > DEC2_MAX_UNITS as f64 {
            return Err(E::custom(format!(
                "{v:e} is too large (the limit is {DEC2_MAX_UNITS})"
            )));
        }
        Dec2::from_f64(v).ok_or_else(|| {
            E::custom(format!(
                "{v} is not a usable amount: write a finite number with at most two decimals"
            ))
        })
    }

    fn visit_f32<E: de::Error>(self, v: f32) -> Result<Dec2, E> {
        self.visit_f64(v as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays() {
        assert_eq!(Dec2::parse("1,500").unwrap(), Dec2::from_units(1500));
        assert_eq!(Dec2::parse("26.5").unwrap(), Dec2::from_hundredths(2650));
        assert_eq!(Dec2::parse("0.05").unwrap().to_string(), "0.05");
        assert_eq!(Dec2::from_hundredths(-250).to_string(), "-2.50");
        assert_eq!(Dec2::from_units(7).to_string(), "7");
        assert!(Dec2::parse("1.234").is_none());
        assert!(Dec2::parse("abc").is_none());
        assert!(Dec2::parse("").is_none());
    }

    #[test]
    fn floats_with_more_than_two_decimals_are_refused() {
        assert_eq!(Dec2::from_f64(0.1).unwrap(), Dec2::from_hundredths(10));
        assert!(Dec2::from_f64(0.125).is_none());
        assert!(Dec2::from_f64(f64::NAN).is_none());
        assert!(Dec2::from_f64(1e30).is_none());
        assert_eq!(
            Dec2::from_f64(999_999_999_999.99).unwrap(),
            Dec2::from_hundredths(99_999_999_999_999)
        );
        assert_eq!(Dec2::from_f64(-0.5).unwrap(), Dec2::from_hundredths(-50));
    }

    #[test]
    fn sums_are_exact() {
        let tenth = Dec2::from_f64(0.1).unwrap();
        let total: Dec2 = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(total, Dec2::from_units(1));
    }
}
