//! The text input: what is being typed for (the purpose decides how it is committed),
//! a ratatui-textarea editor (cursor, editing keys, paste), and the last refusal.

use ratatui_textarea::{Input, TextArea};

use super::fields::{Field, Lines};

/// What to do after a save finishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterSave {
    Stay,
    Quit,
}

/// What the typed text is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A field of gap `gap`.
    Field { gap: usize, field: Field },
    /// The text of one checklist action.
    ActionText { gap: usize, action: usize },
    /// A new checklist action appended to the gap.
    NewAction { gap: usize },
    /// The title of a new gap inserted at rank `at` in `phase`.
    NewGap { at: usize, phase: Option<String> },
    /// The name of a new phase inserted at position `at`.
    NewPhase { at: usize },
    /// A new name for phase `at`.
    RenamePhase { at: usize },
    /// A path to save the plan to.
    SaveAs { then: AfterSave },
}

impl Purpose {
    pub fn lines(&self) -> Lines {
        match self {
            Purpose::Field { field, .. } => field.lines(),
            _ => Lines::Single,
        }
    }

    pub fn title(&self) -> String {
        match self {
            Purpose::Field { field, .. } => field.label().to_string(),
            Purpose::ActionText { action, .. } => format!("Action {}", action + 1),
            Purpose::NewAction { .. } => "New action".into(),
            Purpose::NewGap { .. } => "Title of the new gap".into(),
            Purpose::NewPhase { .. } => "Name of the new phase".into(),
            Purpose::RenamePhase { .. } => "New phase name".into(),
            Purpose::SaveAs { .. } => "Save plan as (path)".into(),
        }
    }

    pub fn hint(&self) -> &'static str {
        match self {
            Purpose::Field { field, .. } => field.hint(),
            Purpose::ActionText { .. } | Purpose::NewAction { .. } => "what to do, in a few words",
            Purpose::NewGap { .. } => "a short title; edit the rest in the detail pane",
            Purpose::NewPhase { .. } | Purpose::RenamePhase { .. } => {
                "e.g. \"Phase 4 — Hardening\""
            }
            Purpose::SaveAs { .. } => "a file path, e.g. plans/my-plan.ron",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Prompt {
    pub purpose: Purpose,
    pub editor: TextArea<'static>,
    /// Why the last commit was refused; the text stays for the user to fix.
    pub error: Option<String>,
}

impl Prompt {
    pub fn new(purpose: Purpose, text: &str) -> Prompt {
        let lines: Vec<String> = match purpose.lines() {
            Lines::Multi => text.lines().map(str::to_string).collect(),
            Lines::Single => vec![text.replace(['\n', '\r'], " ")],
        };
        let mut editor = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        if matches!(purpose, Purpose::SaveAs { .. }) {
            // A suggested path: typing replaces it, an arrow key keeps it for editing.
            editor.select_all();
        } else {
            editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
            editor.move_cursor(ratatui_textarea::CursorMove::End);
        }
        Prompt {
            purpose,
            editor,
            error: None,
        }
    }

    /// The text as typed (lines joined with newlines).
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn input(&mut self, input: Input) {
        if self.purpose.lines() == Lines::Single && input.key == ratatui_textarea::Key::Enter {
            return;
        }
        self.editor.input(input);
    }

    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        match self.purpose.lines() {
            Lines::Single => {
                self.editor.insert_str(text.replace('\n', " "));
            }
            Lines::Multi => {
                self.editor.insert_str(text);
            }
        }
    }

    pub fn new_line(&mut self) {
        if self.purpose.lines() == Lines::Multi {
            self.editor.insert_newline();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_textarea::Key;

    fn key(c: char) -> Input {
        Input {
            key: Key::Char(c),
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    #[test]
    fn typing_replaces_a_suggested_path_but_an_arrow_keeps_it() {
        let save_as = || Purpose::SaveAs {
            then: AfterSave::Stay,
        };
        let mut p = Prompt::new(save_as(), "suggested.ron");
        p.input(key('x'));
        assert_eq!(p.text(), "x");

        let mut p = Prompt::new(save_as(), "suggested.ron");
        p.input(Input {
            key: Key::End,
            ..key(' ')
        });
        p.input(key('2'));
        assert_eq!(p.text(), "suggested.ron2");
    }
}
