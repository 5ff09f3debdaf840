//! Plan-level numbers for the header, formatted once per recompute.

use super::format;
use crate::engine::Analysis;
use crate::plan::Plan;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Planned finish ("2026-05-29").
    pub finish: String,
    /// "May 01 – Jul 10" (best – worst)
    pub band: String,
    /// "1,200–3,400 USD/mo"
    pub run_rate: String,
    /// "5,000 USD"
    pub one_off: String,
    /// "42%"
    pub readiness: String,
}

/// Which header values differ from before the last edit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SummaryChanges {
    pub finish: Changed,
    pub run_rate: Changed,
    pub one_off: Changed,
    pub readiness: Changed,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Changed {
    #[default]
    Same,
    Changed,
}

impl Changed {
    fn of(a: &str, b: &str) -> Changed {
        if a == b {
            Changed::Same
        } else {
            Changed::Changed
        }
    }
}

impl Summary {
    pub fn build(plan: &Plan, a: &Analysis) -> Summary {
        let cur = &plan.currency;
        Summary {
            finish: format::long_date(a.finish.planned),
            band: format!(
                "{} – {}",
                format::short_date(a.finish.best),
                format::short_date(a.finish.worst)
            ),
            run_rate: format!("{} {cur}/mo", format::range_full(a.costs.run_rate)),
            one_off: format!("{} {cur}", format::range_full(a.costs.one_off)),
            readiness: format!("{}%", format::one_decimal(a.readiness)),
        }
    }

    pub fn changes_since(&self, old: &Summary) -> SummaryChanges {
        SummaryChanges {
            finish: Changed::of(
                &(self.finish.clone() + &self.band),
                &(old.finish.clone() + &old.band),
            ),
            run_rate: Changed::of(&self.run_rate, &old.run_rate),
            one_off: Changed::of(&self.one_off, &old.one_off),
            readiness: Changed::of(&self.readiness, &old.readiness),
        }
    }
}
