//! Applying an `Edit`: validate against the plan, change it, hand back the inverse.

use super::{Edit, EditError, GapField};
use crate::plan::problem::unknown_fix;
use crate::plan::{Gap, Plan};

/// Applies `edit` to `plan` and returns the edit that undoes it.
/// On error the plan is left exactly as it was.
pub fn apply(plan: &mut Plan, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Set { gap, field } => {
            check_gap(plan, gap)?;
            check_field(plan, gap, &field)?;
            let old = swap_field(&mut plan.gaps[gap], field);
            if let GapField::Id(old_id) = &old {
                // Keep dependencies pointing at the renamed gap.
                let new_id = plan.gaps[gap].id.clone();
                for d in plan.gaps.iter_mut().flat_map(|g| g.depends_on.iter_mut()) {
                    if d == old_id {
                        d.clone_from(&new_id);
                    }
                }
            }
            Ok(Edit::Set { gap, field: old })
        }
        Edit::ToggleAction { gap, action } => {
            check_gap(plan, gap)?;
            let g = &mut plan.gaps[gap];
            let n = g.actions.len();
            let a = g.actions.get_mut(action).ok_or_else(|| {
                EditError::new(format!("gap '{}' has no action {}", g.id, action + 1)).with_fix(
                    if n == 0 {
                        "this gap has no actions yet".to_string()
                    } else {
                        format!("actions are numbered 1 to {n}")
                    },
                )
            })?;
            a.done = !a.done;
            Ok(Edit::ToggleAction { gap, action })
        }
        Edit::Move { from, to } => {
            check_gap(plan, from)?;
            check_gap(plan, to)?;
            if from != to {
                let g = plan.gaps.remove(from);
                plan.gaps.insert(to, g);
            }
            Ok(Edit::Move { from: to, to: from })
        }
        Edit::InsertGap { at, gap } => {
            if at > plan.gaps.len() {
                return Err(EditError::new(format!("position {at} is past the end")));
            }
            if plan.gaps.iter().any(|g| g.id == gap.id) {
                return Err(
                    EditError::new(format!("a gap with id '{}' already exists", gap.id))
                        .with_fix("choose another id"),
                );
            }
            plan.gaps.insert(at, *gap);
            Ok(Edit::RemoveGap { at })
        }
        Edit::RemoveGap { at } => {
            check_gap(plan, at)?;
            let gap = plan.gaps.remove(at);
            Ok(Edit::InsertGap {
                at,
                gap: Box::new(gap),
            })
        }
        Edit::InsertPhase { at, phase } => {
            if at > plan.phases.len() {
                return Err(EditError::new(format!("position {at} is past the end")));
            }
            if plan.phases.iter().any(|p| p.id == phase.id) {
                return Err(EditError::new(format!(
                    "a phase with id '{}' already exists",
                    phase.id
                ))
                .with_fix("choose another id"));
            }
            plan.phases.insert(at, *phase);
            Ok(Edit::RemovePhase { at })
        }
        Edit::RemovePhase { at } => {
            let phase = plan
                .phases
                .get(at)
                .ok_or_else(|| EditError::new(format!("there is no phase {}", at + 1)))?;
            if let Some(g) = plan
                .gaps
                .iter()
                .find(|g| g.phase.as_deref() == Some(&phase.id))
            {
                return Err(EditError::new(format!(
                    "phase '{}' still holds gap '{}'",
                    phase.id, g.id
                ))
                .with_fix("move its gaps to another phase first"));
            }
            let phase = plan.phases.remove(at);
            Ok(Edit::InsertPhase {
                at,
                phase: Box::new(phase),
            })
        }
        Edit::RenamePhase { at, name } => {
            if name.trim().is_empty() {
                return Err(EditError::new("a phase name cannot be empty"));
            }
            let phase = plan
                .phases
                .get_mut(at)
                .ok_or_else(|| EditError::new(format!("there is no phase {}", at + 1)))?;
            let old = std::mem::replace(&mut phase.name, name);
            Ok(Edit::RenamePhase { at, name: old })
        }
        Edit::Batch(edits) => {
            let mut undo = Vec::with_capacity(edits.len());
            for e in edits {
                match apply(plan, e) {
                    Ok(inv) => undo.push(inv),
                    Err(err) => {
                        // Roll back what was applied so the plan is unchanged on error.
                        for inv in undo.into_iter().rev() {
                            let _ = apply(plan, inv);
                        }
                        return Err(err);
                    }
                }
            }
            undo.reverse();
            Ok(Edit::Batch(undo))
        }
    }
}

fn check_gap(plan: &Plan, gap: usize) -> Result<(), EditError> {
    if gap < plan.gaps.len() {
        Ok(())
    } else {
        Err(EditError::new(format!(
            "there is no gap at position {} (the plan has {})",
            gap + 1,
            plan.gaps.len()
        )))
    }
}

/// Refuses values that would make the plan invalid (unknown references, bad ranges).
fn check_field(plan: &Plan, gap: usize, field: &GapField) -> Result<(), EditError> {
    let this = &plan.gaps[gap];
    match field {
        GapField::Title(t) if t.trim().is_empty() => {
            Err(EditError::new("a title cannot be empty").with_fix("type a short title"))
        }
        GapField::Id(id) => {
            if id.is_empty() || !id.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)) {
                return Err(EditError::new(format!("'{id}' is not a usable id"))
                    .with_fix("use letters, digits, '-', '_' or '.'"));
            }
            if plan
                .gaps
                .iter()
                .enumerate()
                .any(|(i, g)| i != gap && g.id == *id)
            {
                return Err(EditError::new(format!(
                    "a gap with id '{id}' already exists"
                )));
            }
            Ok(())
        }
        GapField::Phase(Some(p)) if !plan.phases.iter().any(|ph| ph.id == *p) => Err(
            EditError::new(format!("unknown phase '{p}'")).with_fix(unknown_fix(
                "phase",
                p,
                plan.phases.iter().map(|p| p.id.as_str()),
            )),
        ),
        GapField::Owner(Some(o)) if !plan.team.iter().any(|m| m.name == *o) => Err(EditError::new(
            format!("unknown team member '{o}'"),
        )
        .with_fix(unknown_fix(
            "member",
            o,
            plan.team.iter().map(|m| m.name.as_str()),
        ))),
        GapField::Progress(Some(p)) if *p > 100 => {
            Err(EditError::new(format!("progress {p} is over 100"))
                .with_fix("give a percent from 0 to 100"))
        }
        GapField::Estimate(Some(e)) if e.lo > e.hi || e.lo.is_negative() => Err(EditError::new(
            format!("estimate {}–{} is not a range", e.lo, e.hi),
        )
        .with_fix("write the low end first, both at least 0")),
        GapField::DependsOn(deps) => {
            for d in deps {
                if *d == this.id {
                    return Err(EditError::new(format!("'{d}' cannot depend on itself")));
                }
                if !plan.gaps.iter().any(|g| g.id == *d) {
                    return Err(EditError::new(format!("unknown gap '{d}'")).with_fix(
                        unknown_fix("gap", d, plan.gaps.iter().map(|g| g.id.as_str())),
                    ));
                }
            }
            Ok(())
        }
        GapField::Costs(costs) => {
            for c in costs {
                if c.lo > c.hi || c.lo.is_negative() {
                    return Err(EditError::new(format!(
                        "cost '{}' {}–{} is not a range",
                        c.label, c.lo, c.hi
                    ))
                    .with_fix("write the low end first, both at least 0"));
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Puts `field` into the gap and returns the previous value of that field.
fn swap_field(g: &mut Gap, field: GapField) -> GapField {
    use std::mem::replace;
    match field {
        GapField::Title(v) => GapField::Title(replace(&mut g.title, v)),
        GapField::Area(v) => GapField::Area(replace(&mut g.area, v)),
        GapField::Priority(v) => GapField::Priority(replace(&mut g.priority, v)),
        GapField::Status(v) => GapField::Status(replace(&mut g.status, v)),
        GapField::Phase(v) => GapField::Phase(replace(&mut g.phase, v)),
        GapField::Estimate(v) => GapField::Estimate(replace(&mut g.estimate, v)),
        GapField::Owner(v) => GapField::Owner(replace(&mut g.owner, v)),
        GapField::Progress(v) => GapField::Progress(replace(&mut g.progress, v)),
        GapField::Impact(v) => GapField::Impact(replace(&mut g.impact, v)),
        GapField::Notes(v) => GapField::Notes(replace(&mut g.notes, v)),
        GapField::DependsOn(v) => GapField::DependsOn(replace(&mut g.depends_on, v)),
        GapField::Costs(v) => GapField::Costs(replace(&mut g.costs, v)),
        GapField::Actions(v) => GapField::Actions(replace(&mut g.actions, v)),
        GapField::Id(v) => GapField::Id(replace(&mut g.id, v)),
    }
}
