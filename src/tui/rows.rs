//! The table's rows, built once per recompute: display order (grouped by phase) plus
//! every cell as ready-to-draw text, so drawing a frame only touches visible rows.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// A small, fast hasher for the per-edit maps (keys are ids and indices, not attacker input).
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A `HashMap` using [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// All rows plus lookups from gap index to row and to the gaps that depend on it.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// `gap_row[g]` is the row showing `plan.gaps[g]`.
    pub gap_row: Vec<usize>,
    /// Gap index → indices of gaps listing it in `depends_on` (only gaps that have some).
    pub dependents: FastMap<usize, Vec<usize>>,
    /// Gap index → indices of the known gaps it depends on (only gaps that have some).
    pub depends_on: FastMap<usize, Vec<usize>>,
    /// Row of each group's header: phase `p` at `p`, unphased last (when shown).
    pub group_rows: Vec<usize>,
    /// `ids[g]` is the id of `plan.gaps[g]` when the rows were built; kept to match rows
    /// across an edit that moves gaps. Carried over between builds (see [`Rows::adopt_ids`]).
    ids: Vec<String>,
}

impl Rows {
    /// Rows of `plan`, ids included.
    pub fn build(plan: &Plan, analysis: &Analysis) -> Rows {
        let mut rows = Rows::build_numbers(plan, analysis);
        rows.adopt_ids(Vec::new(), plan);
        rows
    }

    /// Rows without their ids (cheap: no per-gap allocation); call [`Rows::adopt_ids`]
    /// before the rows are diffed against a later build.
    pub fn build_numbers(plan: &Plan, analysis: &Analysis) -> Rows {
        let mut phase_index: FastMap<&str, usize> = FastMap::default();
        for (i, p) in plan.phases.iter().enumerate() {
            phase_index.insert(p.id.as_str(), i);
        }
        let unphased = plan.phases.len();
        // Group of each gap (consecutive gaps usually share a phase: skip the lookup then).
        let mut last: Option<(&str, usize)> = None;
        let groups: Vec<usize> = plan
            .gaps
            .iter()
            .map(|g| match g.phase.as_deref() {
                None => unphased,
                Some(p) => match last {
                    Some((name, i)) if name == p => i,
                    _ => {
                        let i = phase_index.get(p).copied().unwrap_or(unphased);
                        last = Some((p, i));
                        i
                    }
                },
            })
            .collect();
        // Display order: by group, then plan order (a counting sort; same as
        // `edit::display_order`).
        let mut starts = vec![0usize; unphased + 2];
        for &grp in &groups {
            starts[grp + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut order = vec![0usize; groups.len()];
        for (g, &grp) in groups.iter().enumerate() {
            order[fill[grp]] = g;
            fill[grp] += 1;
        }
        let mut rows = Vec::with_capacity(order.len() + plan.phases.len() + 1);
        let mut gap_row = vec![0; plan.gaps.len()];
        let mut group_rows = Vec::with_capacity(plan.phases.len() + 1);
        for p in 0..=unphased {
            let group = if p < unphased {
                Group::Phase(p)
            } else {
                Group::Unphased
            };
            let (start, end) = (starts[p], starts[p + 1]);
            if group == Group::Unphased && start == end {
                break;
            }
            group_rows.push(rows.len());
            rows.push(Row::Phase(phase_row(plan, analysis, group, end - start)));
            for &g in &order[start..end] {
                gap_row[g] = rows.len();
                rows.push(Row::Gap(gap_row_of(plan, analysis, g, group)));
            }
        }
        let mut id_index: FastMap<&str, usize> = FastMap::default();
        id_index.reserve(plan.gaps.len());
        for (i, g) in plan.gaps.iter().enumerate() {
            id_index.insert(g.id.as_str(), i);
        }
        let mut dependents: FastMap<usize, Vec<usize>> = FastMap::default();
        let mut depends_on: FastMap<usize, Vec<usize>> = FastMap::default();
        for (i, g) in plan.gaps.iter().enumerate() {
            for d in &g.depends_on {
                if let Some(&t) = id_index.get(d.as_str()) {
                    dependents.entry(t).or_default().push(i);
                    depends_on.entry(i).or_default().push(t);
                }
            }
        }
        Rows {
            rows,
            gap_row,
            dependents,
            depends_on,
            group_rows,
            ids: Vec::new(),
        }
    }

    /// Takes `ids` (usually the previous build's) and brings them in line with `plan`,
    /// cloning only the ids that differ at their index.
    pub fn adopt_ids(&mut self, mut ids: Vec<String>, plan: &Plan) {
        ids.truncate(plan.gaps.len());
        for (have, gap) in ids.iter_mut().zip(&plan.gaps) {
            if *have != gap.id {
                have.clone_from(&gap.id);
            }
        }
        let known = ids.len();
        ids.extend(plan.gaps[known..].iter().map(|g| g.id.clone()));
        self.ids = ids;
    }

    /// Hands the ids over to the next build (leaves this one without them).
    pub fn take_ids(&mut self) -> Vec<String> {
        std::mem::take(&mut self.ids)
    }

    /// Id of gap `g` as of this build.
    pub fn id(&self, g: usize) -> &str {
        self.ids.get(g).map_or("", String::as_str)
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
    /// kept their index are matched without hashing, which is the common case). `plan` is
    /// the plan these rows were built from; `old` must still hold its ids.
    pub fn changes_since(&self, old: &Rows, plan: &Plan) -> HashMap<usize, Columns> {
        let old_at = |g: usize| match old.gap_row.get(g).and_then(|&r| old.rows.get(r)) {
            Some(Row::Gap(o)) => Some(o),
            _ => None,
        };
        let mut by_id: Option<FastMap<&str, &GapRow>> = None;
        let mut out = HashMap::new();
        for r in &self.rows {
            let Row::Gap(g) = r else { continue };
            let id = plan.gaps.get(g.gap).map_or("", |x| x.id.as_str());
            let before = match old_at(g.gap) {
                Some(o) if old.id(g.gap) == id => Some(o),
                _ => by_id
                    .get_or_insert_with(|| {
                        let mut m = FastMap::default();
                        for r in &old.rows {
                            if let Row::Gap(o) = r {
                                m.insert(old.id(o.gap), o);
                            }
                        }
                        m
                    })
                    .get(id)
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
        priority: gap.priority,
        status: gap.status,
        progress: result.map_or(0, |r| r.progress),
        remaining: result.map(|r| r.remaining_hours).unwrap_or_default(),
        monthly: result.map(|r| r.monthly).unwrap_or_default(),
        planned: timing.map(|t| t.planned),
        slip_days,
    }
}
