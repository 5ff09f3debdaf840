//! A fast, strict reader for the common plan-file syntax (what `plan::save` writes and what
//! people usually type), producing the same `raw::Plan` ron would. On anything unusual or
//! wrong it gives up (`None`) and `plan::load` falls back to ron, which also owns every
//! error message. ron alone reads ~80 MB/s; a 100,000-gap plan needs several times that.
//!
//! Soundness rule: whatever this accepts, ron accepts with the same meaning (tested by
//! property tests in `fast_tests`). When in doubt, return `None`.

use super::convert::action;
use super::decimal::Dec2;
use super::fast_lex::Reader;
use super::model::{MonthlyFrom, Priority, Status};
use super::raw;

/// The plan in `src`, or `None` when ron must decide (errors or rare syntax).
pub fn parse_fast(src: &str) -> Option<raw::Plan> {
    let mut p = Reader {
        s: src,
        b: src.as_bytes(),
        i: 0,
    };
    p.attributes()?;
    let plan = p.plan()?;
    p.ws();
    (p.i == p.b.len()).then_some(plan)
}

/// The index of `key` in `keys`, marked as seen; an unknown or repeated key is for ron
/// to report, so give up.
fn field_bit(keys: &[&str], key: &str, seen: &mut u32) -> Option<usize> {
    let bit = keys.iter().position(|k| *k == key)?;
    (*seen & (1 << bit) == 0).then(|| {
        *seen |= 1 << bit;
        bit
    })
}

impl Reader<'_> {
    fn plan(&mut self) -> Option<raw::Plan> {
        self.open_struct("Plan")?;
        let (mut title, mut start) = (None, None);
        let mut plan = raw::Plan {
            title: String::new(),
            start: String::new(),
            currency: "USD".into(),
            settings: None,
            holidays: Vec::new(),
            team: Vec::new(),
            phases: Vec::new(),
            gaps: Vec::new(),
            costs: Vec::new(),
        };
        const KEYS: &[&str] = &[
            "title", "start", "currency", "settings", "holidays", "team", "phases", "gaps", "costs",
        ];
        let mut seen = 0;
        self.fields(|p, key| {
            match field_bit(KEYS, key, &mut seen)? {
                0 => title = Some(p.string()?),
                1 => start = Some(p.string()?),
                2 => plan.currency = p.string()?,
                3 => plan.settings = Some(p.settings()?),
                4 => plan.holidays = p.list(Self::string)?,
                5 => plan.team = p.list(Self::member)?,
                6 => plan.phases = p.list(Self::phase)?,
                7 => plan.gaps = p.list(Self::gap)?,
                _ => plan.costs = p.list(Self::cost)?,
            }
            Some(())
        })?;
        plan.title = title?;
        plan.start = start?;
        Some(plan)
    }

    fn settings(&mut self) -> Option<raw::Settings> {
        self.open_struct("Settings")?;
        let mut s = raw::Settings {
            hours_per_day: None,
            hours_per_week: None,
            monthly_from: None,
        };
        const KEYS: &[&str] = &["hours_per_day", "hours_per_week", "monthly_from"];
        let mut seen = 0;
        self.fields(|p, key| {
            match field_bit(KEYS, key, &mut seen)? {
                0 => s.hours_per_day = Some(p.dec()?),
                1 => s.hours_per_week = Some(p.dec()?),
                _ => {
                    s.monthly_from = Some(match p.ident()? {
                        "Start" => MonthlyFrom::Start,
                        "Finish" => MonthlyFrom::Finish,
                        _ => return None,
                    })
                }
            }
            Some(())
        })?;
        Some(s)
    }

    fn member(&mut self) -> Option<raw::Member> {
        self.open_struct("Member")?;
        let (mut name, mut hours) = (None, Dec2::from_units(40));
        let mut seen = 0;
        self.fields(|p, key| {
            match field_bit(&["name", "hours_per_week"], key, &mut seen)? {
                0 => name = Some(p.string()?),
                _ => hours = p.dec()?,
            }
            Some(())
        })?;
        Some(raw::Member {
            name: name?,
            hours_per_week: hours,
        })
    }

    fn phase(&mut self) -> Option<raw::Phase> {
        self.open_struct("Phase")?;
        let mut id = None;
        let mut ph = raw::Phase {
            id: String::new(),
            name: None,
            goal: None,
            weeks: None,
            costs: Vec::new(),
        };
        const KEYS: &[&str] = &["id", "name", "goal", "weeks", "costs"];
        let mut seen = 0;
        self.fields(|p, key| {
            match field_bit(KEYS, key, &mut seen)? {
                0 => id = Some(p.string()?),
                1 => ph.name = Some(p.string()?),
                2 => ph.goal = Some(p.string()?),
                3 => {
                    p.eat(b'(')?;
                    let from = p.uint()?;
                    p.eat(b',')?;
                    let to = p.uint()?;
                    p.close_tuple()?;
                    ph.weeks = Some((from, to));
                }
                _ => ph.costs = p.list(Self::cost)?,
            }
            Some(())
        })?;
        ph.id = id?;
        Some(ph)
    }

    fn gap(&mut self) -> Option<raw::Gap> {
        self.open_struct("Gap")?;
        let (mut id, mut title) = (None, None);
        let mut g = raw::Gap {
            id: String::new(),
            title: String::new(),
            area: None,
            priority: None,
            status: None,
            phase: None,
            estimate: None,
            actions: Vec::new(),
            impact: None,
            notes: None,
            costs: Vec::new(),
            depends_on: Vec::new(),
            owner: None,
            progress: None,
        };
        let mut seen = 0;
        const KEYS: &[&str] = &[
            "id",
            "title",
            "area",
            "priority",
            "status",
            "phase",
            "estimate",
            "actions",
            "impact",
            "notes",
            "costs",
            "depends_on",
            "owner",
            "progress",
        ];
        self.fields(|p, key| {
            let bit = field_bit(KEYS, key, &mut seen)?;
            match bit {
                0 => id = Some(p.string()?),
                1 => title = Some(p.string()?),
                2 => g.area = Some(p.string()?),
                3 => {
                    let word = p.ident()?;
                    g.priority = Some(Priority::ALL.into_iter().find(|v| v.name() == word)?);
                }
                4 => {
                    let word = p.ident()?;
                    g.status = Some(Status::ALL.into_iter().find(|v| v.name() == word)?);
                }
                5 => g.phase = Some(p.string()?),
                6 => g.estimate = Some(p.estimate()?),
                7 => g.actions = p.list(|p| p.string().map(|s| raw::ActionLine(action(s))))?,
                8 => g.impact = Some(p.string()?),
                9 => g.notes = Some(p.string()?),
                10 => g.costs = p.list(Self::cost)?,
                11 => g.depends_on = p.list(Self::string)?,
                12 => g.owner = Some(p.string()?),
                _ => g.progress = Some(p.uint()?),
            }
            Some(())
        })?;
        g.id = id?;
        g.title = title?;
        Some(g)
    }

    fn estimate(&mut self) -> Option<raw::Estimate> {
        let unit = self.ident()?;
        self.eat(b'(')?;
        let lo = self.dec()?;
        self.eat(b',')?;
        let hi = self.dec()?;
        self.close_tuple()?;
        match unit {
            "Hours" => Some(raw::Estimate::Hours(lo, hi)),
            "Days" => Some(raw::Estimate::Days(lo, hi)),
            "Weeks" => Some(raw::Estimate::Weeks(lo, hi)),
            _ => None,
        }
    }

    fn cost(&mut self) -> Option<raw::Cost> {
        let kind = self.ident()?;
        self.eat(b'(')?;
        let lo = self.dec()?;
        self.eat(b',')?;
        let hi = self.dec()?;
        self.eat(b',')?;
        let label = self.string()?;
        self.close_tuple()?;
        match kind {
            "Monthly" => Some(raw::Cost::Monthly(lo, hi, label)),
            "Once" => Some(raw::Cost::Once(lo, hi, label)),
            _ => None,
        }
    }
}
