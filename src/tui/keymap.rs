//! Mode × key → Action. Defaults come from assets/keymap.ron (compiled in); a user file
//! in the same format can override the actions it names. Help and footer hints read
//! the live bindings from here, so they cannot drift from what the keys do.

use std::collections::HashMap;
use std::fmt;

use ratatui::crossterm::event::KeyEvent;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

use super::action::Action;
use super::key::KeyChord;
use super::mode::Mode;

/// The default bindings shipped with gapdeck.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.ron");

/// Where a binding lives: shared by the main modes, or one mode only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Common,
    Only(Mode),
}

/// One action with the keys that trigger it, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<KeyChord>,
}

#[derive(Clone, Debug, Default)]
pub struct Keymap {
    sections: Vec<(Section, Vec<Binding>)>,
    lookup: HashMap<(Section, KeyChord), Action>,
}

/// `action: ["key", …]` entries in file order.
#[derive(Default)]
struct Entries(Vec<(Action, Vec<String>)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of action: [\"key\", …]")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Entries, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<Action, Vec<String>>()? {
                    out.push((k, v));
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct KeymapFile {
    common: Entries,
    table: Entries,
    detail: Entries,
    input: Entries,
    confirm: Entries,
    picker: Entries,
    help: Entries,
    problems: Entries,
    timeline: Entries,
    costs: Entries,
    finder: Entries,
    palette: Entries,
}

impl KeymapFile {
    fn into_sections(self) -> Vec<(Section, Entries)> {
        vec![
            (Section::Common, self.common),
            (Section::Only(Mode::Table), self.table),
            (Section::Only(Mode::Detail), self.detail),
            (Section::Only(Mode::Input), self.input),
            (Section::Only(Mode::Confirm), self.confirm),
            (Section::Only(Mode::Picker), self.picker),
            (Section::Only(Mode::Help), self.help),
            (Section::Only(Mode::Problems), self.problems),
            (Section::Only(Mode::Timeline), self.timeline),
            (Section::Only(Mode::Costs), self.costs),
            (Section::Only(Mode::Finder), self.finder),
            (Section::Only(Mode::Palette), self.palette),
        ]
    }
}

impl Keymap {
    /// The built-in bindings.
    pub fn defaults() -> Keymap {
        let mut k = Keymap::default();
        // The asset is tested (`defaults_parse`), so failure here is a build defect.
        k.overlay(DEFAULT_KEYMAP, "assets/keymap.ron")
            .expect("built-in keymap is valid");
        k
    }

    /// Applies a keymap file on top of this one: each action it names gets exactly the
    /// keys it lists (in that section); keys it takes are removed from other actions
    /// there. `origin` names the file in error messages.
    pub fn overlay(&mut self, text: &str, origin: &str) -> Result<(), String> {
        let file: KeymapFile = ron::from_str(text).map_err(|e| {
            format!(
                "{origin}:{}:{}: {} — fix the entry or delete the file to use the defaults",
                e.span.start.line, e.span.start.col, e.code
            )
        })?;
        for (section, entries) in file.into_sections() {
            for (action, keys) in entries.0 {
                let mut chords = Vec::with_capacity(keys.len());
                for k in &keys {
                    chords.push(KeyChord::parse(k).map_err(|e| {
                        format!(
                            "{origin}: {} binding of '{}': {e}",
                            section_name(section),
                            action.name()
                        )
                    })?);
                }
                self.bind(section, action, chords);
            }
        }
        Ok(())
    }

    fn bind(&mut self, section: Section, action: Action, keys: Vec<KeyChord>) {
        let idx = match self.sections.iter().position(|(s, _)| *s == section) {
            Some(i) => i,
            None => {
                self.sections.push((section, Vec::new()));
                self.sections.len() - 1
            }
        };
        let list = &mut self.sections[idx].1;
        for b in list.iter_mut() {
            b.keys.retain(|k| !keys.contains(k));
        }
        for k in &keys {
            self.lookup.insert((section, *k), action.clone());
        }
        match list.iter_mut().find(|b| b.action == action) {
            Some(b) => {
                for k in &b.keys {
                    self.lookup.remove(&(section, *k));
                }
                for k in &keys {
                    self.lookup.insert((section, *k), action.clone());
                }
                b.keys = keys;
            }
            None => list.push(Binding { action, keys }),
        }
    }

    /// The action bound to `key` in `mode` (mode bindings win over common ones).
    pub fn action(&self, mode: Mode, key: KeyChord) -> Option<Action> {
        if let Some(a) = self.lookup.get(&(Section::Only(mode), key)) {
            return Some(a.clone());
        }
        if mode.uses_common() {
            return self.lookup.get(&(Section::Common, key)).cloned();
        }
        None
    }

    /// Turns a terminal key into an action; in text input, unbound keys are typed.
    pub fn resolve(&self, mode: Mode, key: KeyEvent) -> Option<Action> {
        let bound = self.action(mode, KeyChord::from(key));
        match (bound, mode) {
            (Some(a), _) => Some(a),
            (None, m) if m.types_text() => Some(Action::Type(key.into())),
            (None, _) => None,
        }
    }

    /// Keys that trigger `action` in `mode`, mode-specific first.
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<KeyChord> {
        let mut out = Vec::new();
        let mut sections = vec![Section::Only(mode)];
        if mode.uses_common() {
            sections.push(Section::Common);
        }
        for s in sections {
            if let Some((_, list)) = self.sections.iter().find(|(x, _)| *x == s) {
                for b in list.iter().filter(|b| &b.action == action) {
                    out.extend(b.keys.iter().copied());
                }
            }
        }
        out
    }

    /// The first key of `action` in `mode`, as text ("j"), or "" when unbound.
    pub fn hint(&self, mode: Mode, action: &Action) -> String {
        self.keys_for(mode, action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    /// Bindings of one section, in file order (for the help screen).
    pub fn section(&self, section: Section) -> &[Binding] {
        self.sections
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, b)| b.as_slice())
            .unwrap_or(&[])
    }
}

fn section_name(s: Section) -> &'static str {
    match s {
        Section::Common => "common",
        Section::Only(Mode::Table) => "table",
        Section::Only(Mode::Detail) => "detail",
        Section::Only(Mode::Input) => "input",
        Section::Only(Mode::Confirm) => "confirm",
        Section::Only(Mode::Picker) => "picker",
        Section::Only(Mode::Help) => "help",
        Section::Only(Mode::Problems) => "problems",
        Section::Only(Mode::Timeline) => "timeline",
        Section::Only(Mode::Costs) => "costs",
        Section::Only(Mode::Finder) => "finder",
        Section::Only(Mode::Palette) => "palette",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn key(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    #[test]
    fn defaults_parse_and_cover_the_basics() {
        let k = Keymap::defaults();
        assert_eq!(k.action(Mode::Table, key("j")), Some(Action::MoveDown));
        assert_eq!(k.action(Mode::Table, key("J")), Some(Action::MoveGapDown));
        assert_eq!(
            k.action(Mode::Table, key("shift-up")),
            Some(Action::MoveGapUp)
        );
        assert_eq!(
            k.action(Mode::Table, key("1")),
            Some(Action::PriorityCritical)
        );
        assert_eq!(k.action(Mode::Detail, key("ctrl-s")), Some(Action::Save));
        assert_eq!(k.action(Mode::Table, key("?")), Some(Action::ToggleHelp));
        assert_eq!(k.action(Mode::Input, key("enter")), Some(Action::Commit));
        // common bindings do not leak into text input: 'q' is typed, not quit
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(matches!(k.resolve(Mode::Input, q), Some(Action::Type(_))));
    }

    #[test]
    fn user_file_overrides_only_what_it_names() {
        let mut k = Keymap::defaults();
        k.overlay("(table: { move_down: [\"n\"] })", "user.ron")
            .unwrap();
        assert_eq!(k.action(Mode::Table, key("n")), Some(Action::MoveDown));
        assert_eq!(k.action(Mode::Table, key("j")), None);
        assert_eq!(k.action(Mode::Table, key("k")), Some(Action::MoveUp));
        assert_eq!(k.hint(Mode::Table, &Action::MoveDown), "n");
    }

    #[test]
    fn bad_files_name_the_position_and_the_value() {
        let mut k = Keymap::defaults();
        let err = k
            .overlay("(table: { fly_away: [\"x\"] })", "user.ron")
            .unwrap_err();
        assert!(err.starts_with("user.ron:1:"), "{err}");
        let err = k
            .overlay("(table: { quit: [\"hyper-q\"] })", "user.ron")
            .unwrap_err();
        assert!(err.contains("'hyper-q'") && err.contains("table"), "{err}");
    }
}
