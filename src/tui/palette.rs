//! The `:` command palette: fuzzy search over every bindable action by its snake_case
//! name and description, each shown with its key from the live keymap; Enter runs it.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui_textarea::Input;

use super::action::Action;
use super::keymap::Keymap;
use super::mode::Mode;
use super::query::{self, Changed};

/// One action the palette offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub action: Action,
    /// "move_down"
    pub name: String,
    /// The first key bound to it where the palette was opened ("" when unbound).
    pub key: String,
}

#[derive(Clone, Debug)]
pub struct Palette {
    pub query: String,
    pub commands: Vec<Command>,
    /// Indices into `commands`, best match first, with the matched chars of the name.
    pub shown: Vec<(usize, Vec<usize>)>,
    pub selected: usize,
}

/// Actions that only answer a dialog or a text field: running them from the palette
/// would do nothing.
fn dialog_only(a: &Action) -> bool {
    matches!(
        a,
        Action::Confirm | Action::Cancel | Action::Commit | Action::NewLine | Action::OpenPalette
    )
}

impl Palette {
    /// The palette for actions run in `mode` (keys are looked up there).
    pub fn new(mode: Mode, keymap: &Keymap) -> Palette {
        let commands = Action::BINDABLE
            .iter()
            .filter(|a| !dialog_only(a))
            .map(|a| Command {
                action: a.clone(),
                name: a.name(),
                key: keymap.hint(mode, a),
            })
            .collect();
        let mut p = Palette {
            query: String::new(),
            commands,
            shown: Vec::new(),
            selected: 0,
        };
        p.search();
        p
    }

    pub fn input(&mut self, input: Input) {
        if query::edit(&mut self.query, &input) == Changed::Yes {
            self.search();
        }
    }

    pub fn paste(&mut self, text: &str) {
        query::paste(&mut self.query, text);
        self.search();
    }

    pub fn step(&mut self, delta: isize) {
        self.selected = query::step(self.selected, delta, self.shown.len());
    }

    pub fn chosen(&self) -> Option<Action> {
        let (i, _) = self.shown.get(self.selected)?;
        Some(self.commands[*i].action.clone())
    }

    /// Ranks by the name ("zoom_in"), or the description ("zoom in (days)") when that
    /// scores higher; highlights are shown on the name only when it matched.
    fn search(&mut self) {
        self.selected = 0;
        let q = self.query.trim();
        if q.is_empty() {
            self.shown = (0..self.commands.len()).map(|i| (i, Vec::new())).collect();
            return;
        }
        let m = SkimMatcherV2::default().smart_case();
        let mut scored: Vec<(i64, usize, Vec<usize>)> = Vec::new();
        for (i, c) in self.commands.iter().enumerate() {
            let by_name = m.fuzzy_indices(&c.name, q);
            let by_desc = m.fuzzy_match(c.action.describe(), q);
            let (score, marks) = match (by_name, by_desc) {
                (Some((s, idx)), Some(d)) if s >= d => (s, idx),
                (Some((s, idx)), None) => (s, idx),
                (_, Some(d)) => (d, Vec::new()),
                (None, None) => continue,
            };
            scored.push((score, i, marks));
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.shown = scored.into_iter().map(|(_, i, m)| (i, m)).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_actions_by_name_or_description_with_their_keys() {
        let mut p = Palette::new(Mode::Table, &Keymap::defaults());
        assert!(p.commands.iter().any(|c| c.action == Action::ShowCosts));
        assert!(!p.commands.iter().any(|c| c.action == Action::Confirm));
        p.paste("timeline");
        assert_eq!(p.chosen(), Some(Action::ShowTimeline));
        let c = &p.commands[p.shown[0].0];
        assert_eq!(c.key, "f3");
        p.query.clear();
        p.paste("undo");
        assert_eq!(p.chosen(), Some(Action::Undo));
        p.query.clear();
        p.paste("qqqqzz");
        assert_eq!(p.chosen(), None);
    }
}
