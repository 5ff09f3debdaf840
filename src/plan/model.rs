//! The domain plan: what a validated plan file means, independent of its RON shape.
//! Everything downstream (engine, edits, CLI, TUI) works on these types.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::decimal::Dec2;

/// A whole plan: team, phases and gaps in rank order, plus plan-level settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub title: String,
    /// First day of week 1 (any weekday; scheduling starts on the first working day from here).
    pub start: Date,
    /// ISO currency code shown next to amounts; amounts themselves are plain decimals.
    pub currency: String,
    pub settings: Settings,
    /// Days nobody works (on top of weekends).
    pub holidays: Vec<Date>,
    pub team: Vec<Member>,
    pub phases: Vec<Phase>,
    /// Gaps in rank order: the position in this list *is* the priority order.
    pub gaps: Vec<Gap>,
    /// Cost lines not tied to one gap or phase (they start with the plan).
    pub costs: Vec<Cost>,
}

/// Plan-wide rules for turning effort and costs into dates and months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Hours in one estimated "day" of effort (default 8).
    pub hours_per_day: Dec2,
    /// Hours in one estimated "week" of effort (default 40).
    pub hours_per_week: Dec2,
    /// Month a gap's `Monthly` cost starts recurring from.
    pub monthly_from: MonthlyFrom,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            hours_per_day: Dec2::from_units(8),
            hours_per_week: Dec2::from_units(40),
            monthly_from: MonthlyFrom::Start,
        }
    }
}

/// Whether recurring costs begin in the month their gap starts or the month it finishes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MonthlyFrom {
    #[default]
    Start,
    Finish,
}

/// One person (or role) on the team and the hours they give the plan each week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    /// Spread evenly over Monday–Friday.
    pub hours_per_week: Dec2,
}

/// A group of gaps with a target window in plan weeks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phase {
    pub id: String,
    pub name: String,
    pub goal: Option<String>,
    /// Target window as inclusive plan weeks (week 1 starts on `Plan::start`).
    pub weeks: Option<(u32, u32)>,
    /// Cost lines tied to the phase as a whole; they start when the phase starts.
    pub costs: Vec<Cost>,
}

/// One missing capability: the unit of triage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub id: String,
    pub title: String,
    pub area: Option<String>,
    pub priority: Priority,
    pub status: Status,
    /// Id of the phase it belongs to; `None` means unphased (scheduled after the last phase).
    pub phase: Option<String>,
    pub estimate: Option<Estimate>,
    pub actions: Vec<Action>,
    pub impact: Option<String>,
    pub notes: Option<String>,
    pub costs: Vec<Cost>,
    pub depends_on: Vec<String>,
    /// Team member name who must do it; `None` means whoever is free first.
    pub owner: Option<String>,
    /// Explicit percent done (0–100); when `None` it is derived from the actions.
    pub progress: Option<u8>,
}

impl Gap {
    /// A gap with just an id and title and every other field at its default.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Gap {
            id: id.into(),
            title: title.into(),
            area: None,
            priority: Priority::Medium,
            status: Status::Missing,
            phase: None,
            estimate: None,
            actions: Vec::new(),
            impact: None,
            notes: None,
            costs: Vec::new(),
            depends_on: Vec::new(),
            owner: None,
            progress: None,
        }
    }
}

/// One checklist item of a gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub done: bool,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    Critical,
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::Critical,
        Priority::High,
        Priority::Medium,
        Priority::Low,
    ];

    /// Weight in the readiness percentage: Critical 8, High 4, Medium 2, Low 1.
    pub fn weight(self) -> u64 {
        match self {
            Priority::Critical => 8,
            Priority::High => 4,
            Priority::Medium => 2,
            Priority::Low => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Priority::Critical => "Critical",
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Missing,
    Partial,
    InProgress,
    Blocked,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Missing,
        Status::Partial,
        Status::InProgress,
        Status::Blocked,
        Status::Done,
        Status::Dropped,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Missing => "Missing",
            Status::Partial => "Partial",
            Status::InProgress => "InProgress",
            Status::Blocked => "Blocked",
            Status::Done => "Done",
            Status::Dropped => "Dropped",
        }
    }
}

/// Effort as a low–high range in one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub unit: EffortUnit,
    pub lo: Dec2,
    pub hi: Dec2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EffortUnit {
    Hours,
    Days,
    Weeks,
}

/// A cost line: recurring per month, or paid once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cost {
    pub kind: CostKind,
    pub lo: Dec2,
    pub hi: Dec2,
    pub label: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CostKind {
    Monthly,
    Once,
}
