//! Committing the text input: parse the typed text for its purpose, build the edit,
//! apply it; a refusal keeps the input open with the reason.

use std::collections::HashSet;

use super::app::{App, Overlay};
use super::commands::{non_empty, slug, unique};
use super::prompt::Purpose;
use super::update::Effect;
use crate::edit::{Edit, GapField};
use crate::plan::{Action as Todo, Gap, Phase};

impl App {
    /// Validates and applies the text input; on refusal the input stays open with the reason.
    pub(crate) fn commit_prompt(&mut self) -> Effect {
        let Overlay::Prompt(prompt) = &self.ui.overlay else {
            return Effect::None;
        };
        let purpose = prompt.purpose.clone();
        let text = prompt.text();
        let t = text.trim().to_string();
        let result: Result<Option<(Edit, String, Option<String>)>, String> = match &purpose {
            Purpose::Field { gap, field } => field.parse(&text).map(|f| {
                let id = self.gap_id(*gap);
                let focus = match &f {
                    GapField::Id(new) => new.clone(),
                    _ => id.clone(),
                };
                Some((
                    Edit::Set {
                        gap: *gap,
                        field: f,
                    },
                    format!("{} of '{id}'", field.label()),
                    Some(focus),
                ))
            }),
            Purpose::ActionText { gap, action } => non_empty(&t, "an action").map(|t| {
                let mut actions = self.doc.plan.gaps[*gap].actions.clone();
                actions[*action].text = t;
                let id = self.gap_id(*gap);
                Some((
                    Edit::Set {
                        gap: *gap,
                        field: GapField::Actions(actions),
                    },
                    format!("action {} of '{id}'", action + 1),
                    Some(id),
                ))
            }),
            Purpose::NewAction { gap } => non_empty(&t, "an action").map(|t| {
                let mut actions = self.doc.plan.gaps[*gap].actions.clone();
                actions.push(Todo {
                    done: false,
                    text: t,
                });
                let id = self.gap_id(*gap);
                Some((
                    Edit::Set {
                        gap: *gap,
                        field: GapField::Actions(actions),
                    },
                    format!("added an action to '{id}'"),
                    Some(id),
                ))
            }),
            Purpose::NewGap { at, phase } => non_empty(&t, "a title").map(|t| {
                let taken: HashSet<&str> =
                    self.doc.plan.gaps.iter().map(|g| g.id.as_str()).collect();
                let id = unique(&slug(&t), &taken);
                let mut gap = Gap::new(id.clone(), t);
                gap.phase = phase.clone();
                Some((
                    Edit::InsertGap {
                        at: *at,
                        gap: Box::new(gap),
                    },
                    format!("added gap '{id}'"),
                    Some(id),
                ))
            }),
            Purpose::NewPhase { at } => non_empty(&t, "a name").map(|t| {
                let taken: HashSet<&str> =
                    self.doc.plan.phases.iter().map(|p| p.id.as_str()).collect();
                let id = unique(&format!("p{}", self.doc.plan.phases.len() + 1), &taken);
                let phase = Phase {
                    id: id.clone(),
                    name: t,
                    goal: None,
                    weeks: None,
                    costs: vec![],
                };
                Some((
                    Edit::InsertPhase {
                        at: *at,
                        phase: Box::new(phase),
                    },
                    format!("added phase '{id}'"),
                    None,
                ))
            }),
            Purpose::RenamePhase { at } => non_empty(&t, "a name").map(|t| {
                Some((
                    Edit::RenamePhase { at: *at, name: t },
                    format!("renamed phase {}", at + 1),
                    None,
                ))
            }),
            Purpose::SaveAs { then } => {
                if t.is_empty() {
                    Err("type a path to save to, e.g. plans/my-plan.ron".into())
                } else {
                    self.ui.overlay = Overlay::None;
                    return Effect::Save(super::update::SaveRequest::new(t.into(), *then));
                }
            }
        };
        let refusal = match result {
            Ok(Some((edit, label, focus))) => {
                let before = self.ui.cursor;
                if self.commit_edit(edit, label, focus) {
                    self.ui.overlay = Overlay::None;
                    if matches!(purpose, Purpose::NewPhase { .. }) {
                        self.ui.cursor = before;
                    }
                    return Effect::None;
                }
                self.ui.message.take().map(|m| m.text)
            }
            Ok(None) => None,
            Err(e) => Some(e),
        };
        if let Overlay::Prompt(prompt) = &mut self.ui.overlay {
            prompt.error = refusal;
        }
        Effect::None
    }
}
