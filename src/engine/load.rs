//! Team load: planned hours per member per plan week, and capacity per week.
//!
//! Plan week `w` is the seven calendar days from plan start + 7w. Capacity = working days
//! in that week (weekdays minus holidays) × hours_per_week / 5. Hours come from the ticks a
//! member is busy in the week, so a member is never loaded above capacity. Rows follow
//! `plan.team` (members with no hours have all-zero rows; the anonymous stand-in has none).
//! Weeks run to the planned finish, capped at `MAX_WEEKS` and at `MAX_CELLS` per table.

use crate::plan::{Dec2, Plan};

use super::TeamLoad;
use super::calendar::Calendar;
use super::crew::{Crew, TICKS_PER_DAY};
use super::schedule::{NONE, Planned};

/// At most about 100 years of weeks.
pub const MAX_WEEKS: usize = 5218;
/// At most this many member × week cells per table.
pub const MAX_CELLS: usize = 2_000_000;

/// Hundredths of an hour for `units` at `week_h100` per 5 `unit`s, rounded half-up.
fn share(units: u128, week_h100: i64, per_day: u128) -> Dec2 {
    let h = week_h100.max(0) as u128;
    // 64-bit arithmetic when it cannot overflow (always, for real plans): a 128-bit
    // division per member and week was a seventh of `analyze` at 10,000 gaps.
    if units < 1 << 20 && h < 1 << 40 && per_day < 1 << 20 {
        let (u, h, d) = (units as u64, h as u64, per_day as u64);
        return Dec2::from_hundredths(((2 * u * h + 5 * d) / (10 * d)) as i64);
    }
    let v = (2 * units * h + 5 * per_day) / (10 * per_day);
    Dec2::from_hundredths(v.min(i64::MAX as u128) as i64)
}

pub fn team_load(
    plan: &Plan,
    cal: &Calendar,
    crew: &Crew,
    planned: &Planned,
    finish: i64,
) -> TeamLoad {
    let members = plan.team.len();
    let needed = ((finish - cal.start).max(0) / 7 + 1) as usize;
    let weeks = needed.min(MAX_WEEKS).min(MAX_CELLS / members.max(1)).max(1);
    let bounds: Vec<u64> = (0..=weeks as i64)
        .map(|w| cal.working_day_at_or_after(cal.start + 7 * w))
        .collect();
    let capacity: Vec<Vec<Dec2>> = plan
        .team
        .iter()
        .map(|m| {
            let h = m.hours_per_week.hundredths();
            (0..weeks)
                .map(|w| share((bounds[w + 1] - bounds[w]) as u128, h, 1))
                .collect()
        })
        .collect();
    let mut busy: Vec<Vec<(u64, u64)>> = vec![Vec::new(); crew.slots.len()];
    for &g in &planned.seq {
        let g = g as usize;
        let (s, e) = (planned.times.start[g], planned.times.end[g]);
        if planned.slot[g] != NONE && e > s {
            busy[planned.slot[g] as usize].push((s, e));
        }
    }
    let mut hours = vec![vec![Dec2::ZERO; weeks]; members];
    for (slot, spans) in crew.slots.iter().zip(&busy) {
        let Some(m) = slot.member else { continue };
        let mut k = 0;
        for w in 0..weeks {
            let (ws, we) = (bounds[w] * TICKS_PER_DAY, bounds[w + 1] * TICKS_PER_DAY);
            let mut ticks = 0u128;
            while k < spans.len() && spans[k].1 <= ws {
                k += 1;
            }
            let mut j = k;
            while j < spans.len() && spans[j].0 < we {
                ticks += (spans[j].1.min(we) - spans[j].0.max(ws)) as u128;
                j += 1;
            }
            hours[m][w] = share(ticks, slot.week_h100, TICKS_PER_DAY as u128);
        }
    }
    TeamLoad { hours, capacity }
}
