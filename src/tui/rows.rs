//! The table's rows, built once per recompute: display order (grouped by phase) plus
//! every cell as ready-to-draw text, so drawing a frame only touches visible rows.

use std::collections::HashMap;

use super::format;
use super::sanitize::sanitize;
use crate::engine::{Analysis, Range, Span};
use crate::plan::{Plan, Priority, Status};

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
    /// Kept to match rows across an edit that moves gaps.
    pub id: String,
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

/// All rows plus lookups from gap index to row and to the gaps that depend on it.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// `gap_row[g]` is the row showing `plan.gaps[g]`.
    pub gap_row: Vec<usize>,
    /// Gap index → indices of gaps listing it in `depends_on` (only gaps that have some).
    pub dependents: HashMap<usize, Vec<usize>>,
    /// Row of each group's header: phase `p` at `p`, unphased last (when shown).
    pub group_rows: Vec<usize>,
}

impl Rows {
    pub fn build(plan: &Plan, analysis: &Analysis) -> Rows {
        let order = crate::edit::display_order(plan);
        let phase_index: HashMap<&str, usize> = plan
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let group_of = |g: usize| {
            plan.gaps[g]
                .phase
                .as_deref()
                .and_then(|p| phase_index.get(p).copied())
        };
        let mut rows = Vec::with_capacity(order.len() + plan.phases.len() + 1);
        let mut gap_row = vec![0; plan.gaps.len()];
        let mut next = 0;
        let mut group_rows = Vec::with_capacity(plan.phases.len() + 1);
        for p in 0..=plan.phases.len() {
            let group = if p < plan.phases.len() {
                Group::Phase(p)
            } else {
                Group::Unphased
            };
            let start = next;
            while next < order.len() && group_of(order[next]).unwrap_or(plan.phases.len()) == p {
                next += 1;
            }
            if group == Group::Unphased && start == next {
                break;
            }
            group_rows.push(rows.len());
            rows.push(Row::Phase(phase_row(plan, analysis, group, next - start)));
            for &g in &order[start..next] {
                gap_row[g] = rows.len();
                rows.push(Row::Gap(gap_row_of(plan, analysis, g, group)));
            }
        }
        let id_index: HashMap<&str, usize> = plan
            .gaps
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), i))
            .collect();
        let mut dependents: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, g) in plan.gaps.iter().enumerate() {
            for d in &g.depends_on {
                if let Some(&t) = id_index.get(d.as_str()) {
                    dependents.entry(t).or_default().push(i);
                }
            }
        }
        Rows {
            rows,
            gap_row,
            dependents,
            group_rows,
        }
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

    /// Per gap index, the columns that differ from `old` (matched by gap id; gaps that
    /// kept their index are matched without hashing, which is the common case).
    pub fn changes_since(&self, old: &Rows) -> HashMap<usize, Columns> {
        let old_at = |g: usize| match old.gap_row.get(g).and_then(|&r| old.rows.get(r)) {
            Some(Row::Gap(o)) => Some(o),
            _ => None,
        };
        let mut by_id: Option<HashMap<&str, &GapRow>> = None;
        let mut out = HashMap::new();
        for r in &self.rows {
            let Row::Gap(g) = r else { continue };
            let before = match old_at(g.gap) {
                Some(o) if o.id == g.id => Some(o),
                _ => by_id
                    .get_or_insert_with(|| {
                        old.rows
                            .iter()
                            .filter_map(|r| match r {
                                Row::Gap(o) => Some((o.id.as_str(), o)),
                                Row::Phase(_) => None,
                            })
                            .collect()
                    })
                    .get(g.id.as_str())
                    .copied(),
            };
            let cols = before.map_or(Columns::ALL, |o| g.diff(o));
            if !cols.is_empty() {
                out.insert(g.gap, cols);
            }
        }
        out
    }
}

fn phase_row(plan: &Plan, analysis: &Analysis, group: Group, gaps: usize) -> PhaseRow {
    let Group::Phase(p) = group else {
        return PhaseRow {
            group,
            name: "Unphased".into(),
            summary: "scheduled after the last phase".into(),
            late: Lateness::OnTime,
            gaps,
        };
    };
    let phase = &plan.phases[p];
    let result = analysis.phases.get(p);
    let mut parts = Vec::new();
    if let Some((a, b)) = phase.weeks {
        parts.push(format!("weeks {a}–{b}"));
    }
    if let Some(t) = result.and_then(|r| r.target) {
        parts.push(format!(
            "target {} → {}",
            format::short_date(t.start),
            format::short_date(t.finish)
        ));
    }
    if let Some(f) = result.and_then(|r| r.finish) {
        parts.push(format!("planned finish {}", format::short_date(f.planned)));
    }
    let slip_days = result.and_then(|r| r.slip_days).unwrap_or(0);
    if slip_days > 0 {
        parts.push(format!("late {}", format::slip(slip_days)));
    } else if result.and_then(|r| r.slip_days).is_some() {
        parts.push("on time".into());
    }
    let rate = result
        .map(|r| format::range_compact(r.run_rate))
        .unwrap_or_default();
    if !rate.is_empty() {
        parts.push(format!("{rate}/mo"));
    }
    PhaseRow {
        group,
        name: sanitize(&phase.name).into_owned(),
        summary: parts.join(" · "),
        late: if slip_days > 0 {
            Lateness::Late
        } else {
            Lateness::OnTime
        },
        gaps,
    }
}

fn gap_row_of(plan: &Plan, analysis: &Analysis, g: usize, group: Group) -> GapRow {
    let gap = &plan.gaps[g];
    let result = analysis.gaps.get(g);
    let timing = result.and_then(|r| r.timing.as_ref());
    let target_end = match group {
        Group::Phase(p) => analysis
            .phases
            .get(p)
            .and_then(|r| r.target)
            .map(|t| t.finish),
        Group::Unphased => None,
    };
    let slip_days = match (timing, target_end) {
        (Some(t), Some(end)) if gap.status != Status::Done && t.planned.finish > end => end
            .until(t.planned.finish)
            .map(|s| i64::from(s.get_days()))
            .unwrap_or(0),
        _ => 0,
    };
    GapRow {
        gap: g,
        group,
        id: gap.id.clone(),
        priority: gap.priority,
        status: gap.status,
        progress: result.map_or(0, |r| r.progress),
        remaining: result.map(|r| r.remaining_hours).unwrap_or_default(),
        monthly: result.map(|r| r.monthly).unwrap_or_default(),
        planned: timing.map(|t| t.planned),
        slip_days,
    }
}
