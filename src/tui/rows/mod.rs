//! The table's rows, rebuilt after every edit: display order (grouped by phase) plus each
//! gap's derived numbers, so drawing a frame only touches visible rows. Types and lookups
//! here; building in [`build`] (or [`in_place`]), dependency links in [`links`], "what changed"
//! in [`changes`].

mod build;
mod changes;
mod in_place;
mod links;

use crate::engine::{Range, Span};
use crate::plan::{Priority, Status};

pub use changes::Cells;
pub use links::{Links, Shift};

/// Which group a phase row heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Phase(usize),
    Unphased,
}

/// One line of the table.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Phase(PhaseRow),
    Gap(GapRow),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PhaseRow {
    pub group: Group,
    /// "Phase 1 — Foundation" (sanitised).
    pub name: String,
    /// "weeks 1–4 · target Jan 05 → Feb 01 · slip +3d"
    pub summary: String,
    pub late: Lateness,
    pub gaps: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lateness {
    OnTime,
    Late,
}

/// Columns whose text can change; used for the "changed by the last edit" marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Priority = 0,
    Title,
    Area,
    Status,
    Progress,
    Remaining,
    Monthly,
    Dates,
    Slip,
}

/// A set of columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Columns(u16);

impl Columns {
    pub fn has(self, c: Column) -> bool {
        self.0 & (1 << c as u16) != 0
    }
    pub fn with(self, c: Column) -> Columns {
        Columns(self.0 | (1 << c as u16))
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub const ALL: Columns = Columns(0x1ff);
}

/// One gap's derived numbers; text is formatted when the row is drawn (visible rows only).
#[derive(Clone, Debug, PartialEq)]
pub struct GapRow {
    /// Index into `plan.gaps`.
    pub gap: usize,
    pub group: Group,
    pub priority: Priority,
    pub status: Status,
    pub progress: u8,
    pub remaining: Range,
    pub monthly: Range,
    /// Planned start and finish; `None` when the gap is not scheduled (dropped).
    pub planned: Option<Span>,
    /// Days past the phase's target end (0 when on time or without a target).
    pub slip_days: i64,
}

impl GapRow {
    pub fn late(&self) -> Lateness {
        if self.slip_days > 0 {
            Lateness::Late
        } else {
            Lateness::OnTime
        }
    }

    /// Columns whose value differs from `old` (the same gap before an edit).
    pub fn diff(&self, old: &GapRow) -> Columns {
        let mut c = Columns::default();
        let checks = [
            (self.priority != old.priority, Column::Priority),
            (self.status != old.status, Column::Status),
            (self.progress != old.progress, Column::Progress),
            (self.remaining != old.remaining, Column::Remaining),
            (self.monthly != old.monthly, Column::Monthly),
            (self.planned != old.planned, Column::Dates),
            (self.slip_days != old.slip_days, Column::Slip),
        ];
        for (changed, col) in checks {
            if changed {
                c = c.with(col);
            }
        }
        c
    }
}

/// All rows plus lookups from gap index to row, and the dependency links between gaps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// `gap_row[g]` is the row showing `plan.gaps[g]`.
    pub gap_row: Vec<usize>,
    /// Row of each group's header: phase `p` at `p`, unphased last (when shown).
    pub group_rows: Vec<usize>,
    /// A filter or sort made these rows (then they are rebuilt, never updated in place).
    pub filtered: bool,
    /// Resolved `depends_on` in both directions (kept across edits that leave them alone).
    pub links: Links,
    /// `ids[g]` is the id of `plan.gaps[g]` when the rows were built; kept to match rows
    /// across an edit that moves gaps (see [`changes`]).
    ids: Vec<String>,
}

impl Rows {
    /// Id of gap `g` as of this build.
    pub fn id(&self, g: usize) -> &str {
        self.ids.get(g).map_or("", String::as_str)
    }

    /// Indices of the known gaps gap `g` depends on, in its `depends_on` order.
    pub fn depends_on(&self, g: usize) -> &[usize] {
        self.links.depends_on(g)
    }

    /// Indices of the gaps listing gap `g` in their `depends_on`, in plan order.
    pub fn dependents(&self, g: usize) -> &[usize] {
        self.links.dependents(g)
    }

    /// The group a row belongs to.
    pub fn group_at(&self, row: usize) -> Option<Group> {
        match self.rows.get(row)? {
            Row::Phase(p) => Some(p.group),
            Row::Gap(g) => Some(g.group),
        }
    }

    /// The header row of a group.
    pub fn header(&self, group: Group) -> Option<&PhaseRow> {
        let i = match group {
            Group::Phase(p) => p,
            Group::Unphased => self.group_rows.len().checked_sub(1)?,
        };
        match self.rows.get(*self.group_rows.get(i)?)? {
            Row::Phase(p) if p.group == group => Some(p),
            _ => None,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}
