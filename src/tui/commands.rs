//! Plan edits triggered from the TUI. Each builds an `Edit` (often with the shared
//! helpers in `edit::moves`), applies it through the document (undo recorded, analysis
//! recomputed), refreshes the cached rows and says what happened.

use std::collections::HashSet;

use super::app::{App, DetailItem, Overlay, Question};
use super::prompt::Purpose;
use super::rows::{Group, Row};
use crate::edit::{self, Direction, Edit, GapField};
use crate::plan::{Priority, Status};

impl App {
    /// Applies `edit`, focusing gap `focus` afterwards; shows the refusal when refused.
    pub(crate) fn commit_edit(&mut self, edit: Edit, label: String, focus: Option<String>) -> bool {
        self.commit_edit_then(edit, label, focus.clone(), focus)
    }

    /// Like `commit_edit`, but undo/redo return to `undo_focus` while the cursor now goes
    /// to `focus` (a deleted gap's neighbour, say).
    pub(crate) fn commit_edit_then(
        &mut self,
        edit: Edit,
        label: String,
        undo_focus: Option<String>,
        focus: Option<String>,
    ) -> bool {
        match self.doc.apply(edit, label.clone(), undo_focus) {
            Ok(()) => {
                self.refresh(focus.as_deref());
                self.keep_cursor_visible();
                self.info(label);
                true
            }
            Err(e) => {
                self.error(e.to_string());
                false
            }
        }
    }

    pub(crate) fn gap_id(&self, g: usize) -> String {
        self.doc.plan.gaps[g].id.clone()
    }

    pub(crate) fn move_gap(&mut self, dir: Direction) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        let id = self.gap_id(g);
        // Unfiltered, the table is the display order: its neighbour row saves sorting every gap.
        let edit = if self.views.filter.is_active() {
            edit::move_within_phase(&self.doc.plan, g, dir)
        } else {
            let cursor = self.rows.gap_row[g];
            let gap_at = |r: &Row| match r {
                Row::Gap(n) => Some(n.gap),
                Row::Phase(_) => None,
            };
            let neighbour = match dir {
                Direction::Up => self.rows.rows[..cursor].iter().rev().find_map(gap_at),
                Direction::Down => self.rows.rows[cursor + 1..].iter().find_map(gap_at),
            };
            edit::move_past(&self.doc.plan, g, neighbour, dir)
        };
        match edit {
            Ok(e) => {
                let word = if dir == Direction::Up { "up" } else { "down" };
                self.commit_edit(e, format!("moved '{id}' {word}"), Some(id));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    pub(crate) fn send_gap(&mut self, dir: Direction) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        let id = self.gap_id(g);
        match edit::send_to_phase(&self.doc.plan, g, dir) {
            Ok(e) => {
                let word = if dir == Direction::Up {
                    "previous"
                } else {
                    "next"
                };
                self.commit_edit(e, format!("sent '{id}' to the {word} phase"), Some(id));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn set_field(&mut self, g: usize, field: GapField, what: &str) -> bool {
        let id = self.gap_id(g);
        self.commit_edit(
            Edit::Set { gap: g, field },
            format!("{what} of '{id}'"),
            Some(id),
        )
    }

    pub(crate) fn set_priority(&mut self, p: Priority) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        self.set_field(g, GapField::Priority(p), &format!("priority {}", p.name()));
    }

    pub(crate) fn set_status(&mut self, g: usize, s: Status) {
        self.set_field(g, GapField::Status(s), &format!("status {}", s.name()));
    }

    pub(crate) fn cycle_status(&mut self) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        let cur = self.doc.plan.gaps[g].status;
        let i = Status::ALL.iter().position(|s| *s == cur).unwrap_or(0);
        self.set_status(g, Status::ALL[(i + 1) % Status::ALL.len()]);
    }

    pub(crate) fn step_progress(&mut self, delta: i16) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        let now = self.doc.analysis.gaps.get(g).map_or(0, |r| r.progress);
        let next = ((i16::from(now) + delta) / 10 * 10).clamp(0, 100) as u8;
        self.set_field(
            g,
            GapField::Progress(Some(next)),
            &format!("progress {next}%"),
        );
    }

    pub(crate) fn toggle_focused_action(&mut self) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        match self.detail_item() {
            Some(DetailItem::Action(a)) => {
                let id = self.gap_id(g);
                let done = self.doc.plan.gaps[g].actions[a].done;
                let word = if done { "unticked" } else { "ticked" };
                self.commit_edit(
                    Edit::ToggleAction { gap: g, action: a },
                    format!("{word} action {} of '{id}'", a + 1),
                    Some(id),
                );
            }
            _ => self.error("move the cursor to an action in the checklist to tick it"),
        }
    }

    pub(crate) fn open_new_action(&mut self) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        self.open_prompt(Purpose::NewAction { gap: g }, "");
    }

    pub(crate) fn delete_focused_action(&mut self) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        let Some(DetailItem::Action(a)) = self.detail_item() else {
            self.error("move the cursor to an action in the checklist to delete it");
            return;
        };
        let mut actions = self.doc.plan.gaps[g].actions.clone();
        actions.remove(a);
        self.set_field(
            g,
            GapField::Actions(actions),
            &format!("deleted action {}", a + 1),
        );
    }

    pub(crate) fn open_new_gap(&mut self) {
        let (at, phase) = match (self.selected_gap(), self.current_group()) {
            (Some(g), _) => (g + 1, self.doc.plan.gaps[g].phase.clone()),
            (None, Some(Group::Phase(p))) => {
                let first = self
                    .rows
                    .rows
                    .get(self.ui.cursor + 1)
                    .and_then(|r| match r {
                        Row::Gap(g) => Some(g.gap),
                        Row::Phase(_) => None,
                    });
                let at = first.unwrap_or(self.doc.plan.gaps.len());
                (at, Some(self.doc.plan.phases[p].id.clone()))
            }
            _ => (self.doc.plan.gaps.len(), None),
        };
        self.open_prompt(Purpose::NewGap { at, phase }, "");
    }

    pub(crate) fn duplicate_gap(&mut self) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        let mut copy = self.doc.plan.gaps[g].clone();
        let taken: HashSet<&str> = self.doc.plan.gaps.iter().map(|g| g.id.as_str()).collect();
        copy.id = unique(&format!("{}-copy", copy.id), &taken);
        copy.title = format!("{} (copy)", copy.title);
        let id = copy.id.clone();
        let from = self.gap_id(g);
        self.commit_edit(
            Edit::InsertGap {
                at: g + 1,
                gap: Box::new(copy),
            },
            format!("duplicated '{from}' as '{id}'"),
            Some(id),
        );
    }

    pub(crate) fn ask_delete_gap(&mut self) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        self.ui.overlay = Overlay::Confirm(Question::DeleteGap { gap: g });
    }

    /// Removes gap `g` and every reference to it in one undoable step.
    pub(crate) fn delete_gap(&mut self, g: usize) {
        let id = self.gap_id(g);
        let mut steps: Vec<Edit> = self
            .doc
            .plan
            .gaps
            .iter()
            .enumerate()
            .filter(|(_, o)| o.depends_on.contains(&id))
            .map(|(i, o)| Edit::Set {
                gap: i,
                field: GapField::DependsOn(
                    o.depends_on.iter().filter(|d| **d != id).cloned().collect(),
                ),
            })
            .collect();
        steps.push(Edit::RemoveGap { at: g });
        let next = self
            .rows
            .rows
            .get(self.ui.cursor + 1)
            .and_then(|r| match r {
                Row::Gap(n) => Some(self.rows.id(n.gap).to_owned()),
                Row::Phase(_) => None,
            });
        self.commit_edit_then(
            Edit::Batch(steps),
            format!("deleted '{id}' (u undoes)"),
            Some(id),
            next,
        );
    }

    pub(crate) fn open_new_phase(&mut self) {
        let at = match self.current_group() {
            Some(Group::Phase(p)) => p + 1,
            _ => self.doc.plan.phases.len(),
        };
        self.open_prompt(Purpose::NewPhase { at }, "");
    }

    pub(crate) fn open_rename_phase(&mut self) {
        match self.current_group() {
            Some(Group::Phase(p)) => {
                let name = self.doc.plan.phases[p].name.clone();
                self.open_prompt(Purpose::RenamePhase { at: p }, &name);
            }
            _ => self.error("put the cursor in a phase to rename it (unphased gaps have none)"),
        }
    }

    pub(crate) fn undo(&mut self) {
        match self.doc.undo() {
            Ok(Some(step)) => {
                self.refresh(step.focus.as_deref());
                self.keep_cursor_visible();
                self.info(format!("undid: {}", step.label));
            }
            Ok(None) => self.error("nothing to undo"),
            Err(e) => self.error(format!("could not undo: {e}")),
        }
    }

    pub(crate) fn redo(&mut self) {
        match self.doc.redo() {
            Ok(Some(step)) => {
                self.refresh(step.focus.as_deref());
                self.keep_cursor_visible();
                self.info(format!("redid: {}", step.label));
            }
            Ok(None) => self.error("nothing to redo"),
            Err(e) => self.error(format!("could not redo: {e}")),
        }
    }
}

pub(crate) fn non_empty(t: &str, what: &str) -> Result<String, String> {
    if t.is_empty() {
        Err(format!("type {what} first (esc cancels)"))
    } else {
        Ok(t.to_string())
    }
}

/// `base`, or `base-2`, `base-3`… whichever is free.
pub(crate) fn unique(base: &str, taken: &HashSet<&str>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken.contains(c.as_str()))
        .unwrap_or_else(|| base.to_string())
}

/// An id from a title: lower-case words joined by '-', at most 5 words.
pub(crate) fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let s = s.split_whitespace().take(5).collect::<Vec<_>>().join("-");
    if s.is_empty() { "gap".into() } else { s }
}
