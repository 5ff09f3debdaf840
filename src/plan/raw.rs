//! The plan file's exact RON shape: serde structs that mirror `plans/README.md` field by
//! field. Nothing here is checked beyond types; `plan::convert` turns it into the domain `Plan`.
//!
//! The Rust struct names are the RON struct names (`Plan(`, `Member(`, `Phase(`, `Gap(`),
//! so ron rejects `Gapp(` and unknown fields by itself.

use serde::{Deserialize, Deserializer};

use super::convert::action;
use super::decimal::Dec2;
use super::model::{Action, MonthlyFrom, Priority, Status};

fn default_currency() -> String {
    "USD".to_string()
}

fn default_member_hours() -> Dec2 {
    Dec2::from_units(40)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub title: String,
    /// `"YYYY-MM-DD"`; parsed in `convert` so a bad date is a positioned problem.
    pub start: String,
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default)]
    pub settings: Option<Settings>,
    #[serde(default)]
    pub holidays: Vec<String>,
    #[serde(default)]
    pub team: Vec<Member>,
    #[serde(default)]
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub gaps: Vec<Gap>,
    #[serde(default)]
    pub costs: Vec<Cost>,
}

/// `settings: (hours_per_day: 8, hours_per_week: 40, monthly_from: Start)`, each optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default)]
    pub hours_per_day: Option<Dec2>,
    #[serde(default)]
    pub hours_per_week: Option<Dec2>,
    #[serde(default)]
    pub monthly_from: Option<MonthlyFrom>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    #[serde(default = "default_member_hours")]
    pub hours_per_week: Dec2,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub weeks: Option<(u32, u32)>,
    #[serde(default)]
    pub costs: Vec<Cost>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub phase: Option<String>,
    #[serde(default)]
    pub estimate: Option<Estimate>,
    /// `"[x] text"` done, `"[ ] text"` (or plain `"text"`) not done.
    #[serde(default)]
    pub actions: Vec<ActionLine>,
    #[serde(default)]
    pub impact: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub costs: Vec<Cost>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub progress: Option<u8>,
}

/// One checklist line, split into its box and text as it is read, so the list becomes
/// the plan's `Vec<Action>` without a second allocation.
#[derive(Debug)]
pub struct ActionLine(pub Action);

impl<'de> Deserialize<'de> for ActionLine {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| ActionLine(action(s)))
    }
}

/// `Hours(lo, hi)` | `Days(lo, hi)` | `Weeks(lo, hi)`.
#[derive(Debug, Deserialize)]
pub enum Estimate {
    Hours(Dec2, Dec2),
    Days(Dec2, Dec2),
    Weeks(Dec2, Dec2),
}

/// `Monthly(lo, hi, "label")` | `Once(lo, hi, "label")`.
#[derive(Debug, Deserialize)]
pub enum Cost {
    Monthly(Dec2, Dec2, String),
    Once(Dec2, Dec2, String),
}
