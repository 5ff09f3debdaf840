//! Carrying rows across an edit: which cells changed (each gap matched to itself before
//! the edit), and the ids and links the new rows inherit. What the edit could have touched
//! ([`Reach`]) decides how: same index, one shifted range, or by id.

use rustc_hash::FxHashMap;

use super::{Columns, GapRow, Links, Row, Rows};
use crate::plan::Plan;
use crate::tui::reach::{Gaps, Reach};

/// Per gap index, the columns whose value changed with the last edit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cells(Vec<Columns>);

impl Cells {
    /// Changed columns of gap `g` (none when it did not change).
    pub fn get(&self, g: usize) -> Columns {
        self.0.get(g).copied().unwrap_or_default()
    }

    /// Gaps with changed columns, in index order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Columns)> + '_ {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(g, &c)| (g, c))
    }

    /// Empties the set for a plan of `gaps` gaps.
    pub fn reset(&mut self, gaps: usize) {
        self.0.clear();
        self.0.resize(gaps, Columns::default());
    }

    /// Records the changed columns of gap `g`.
    pub fn set(&mut self, g: usize, cols: Columns) {
        if let Some(c) = self.0.get_mut(g) {
            *c = cols;
        }
    }

    /// Compares `new` (rows of `plan`) with `old` (rows before an edit of reach `reach`),
    /// reusing this set's allocation. A gap without a match is all new.
    pub fn compare(&mut self, new: &Rows, old: &Rows, reach: Reach, plan: &Plan) {
        self.reset(plan.gaps.len());
        let old_at = |g: usize| match old.gap_row.get(g).and_then(|&r| old.rows.get(r)) {
            Some(Row::Gap(o)) => Some(o),
            _ => None,
        };
        let mut by_id: Option<FxHashMap<&str, &GapRow>> = None;
        for r in &new.rows {
            let Row::Gap(g) = r else { continue };
            let before = match reach.gaps {
                Gaps::Same => old_at(g.gap),
                Gaps::Moved(shift) => old_at(shift.old_index(g.gap)),
                Gaps::Any => {
                    let id = plan.gaps.get(g.gap).map_or("", |x| x.id.as_str());
                    match old_at(g.gap) {
                        Some(o) if old.id(g.gap) == id => Some(o),
                        _ => by_id
                            .get_or_insert_with(|| ids_of_rows(old))
                            .get(id)
                            .copied(),
                    }
                }
            };
            if let Some(c) = self.0.get_mut(g.gap) {
                *c = before.map_or(Columns::ALL, |o| g.diff(o));
            }
        }
    }
}

/// Each old gap row by its id (a later row wins for a duplicated id).
fn ids_of_rows(old: &Rows) -> FxHashMap<&str, &GapRow> {
    let mut m = FxHashMap::default();
    for r in &old.rows {
        if let Row::Gap(o) = r {
            m.insert(old.id(o.gap), o);
        }
    }
    m
}

impl Rows {
    /// How to carry these rows (from before an edit of reach `reach`) over to `plan`: a
    /// move in a plan with duplicated ids, or rows out of step with the plan, go by id.
    pub fn reach_to(&self, reach: Reach, plan: &Plan) -> Reach {
        let in_step = self.ids.len() == plan.gaps.len();
        match reach.gaps {
            Gaps::Same if in_step => reach,
            Gaps::Moved(shift) if in_step && self.links.can_move(shift) => reach,
            _ => Reach::ALL,
        }
    }

    /// Takes the ids and links of `old` (the rows before the edit; `reach` from
    /// [`Rows::reach_to`]) and brings them in line with `plan`.
    pub fn inherit(&mut self, old: &mut Rows, reach: Reach, plan: &Plan) {
        self.ids = std::mem::take(&mut old.ids);
        self.links = std::mem::take(&mut old.links);
        self.carry(reach, plan);
    }

    /// Brings this build's ids and links (from before an edit of reach `reach`) in line
    /// with `plan`.
    pub fn carry(&mut self, reach: Reach, plan: &Plan) {
        match reach.gaps {
            Gaps::Same => {}
            Gaps::Moved(shift) => {
                let id = self.ids.remove(shift.from);
                self.ids.insert(shift.to, id);
                self.links.apply_move(shift);
            }
            Gaps::Any => {
                let ids = std::mem::take(&mut self.ids);
                self.adopt_ids(ids, plan);
                self.links = Links::build(plan);
            }
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
}
