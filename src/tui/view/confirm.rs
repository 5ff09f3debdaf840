//! The yes/no dialog (delete a gap, quit with unsaved changes), keys from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::util::{centered, popup, put};
use crate::tui::action::Action;
use crate::tui::app::{App, Question};
use crate::tui::mode::Mode;
use crate::tui::sanitize::sanitize;

pub fn render(app: &App, q: &Question, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let key = |a: &Action| app.keymap.hint(Mode::Confirm, a);
    let (title, text, answers) = match q {
        Question::DeleteGap { gap } => {
            let g = &app.doc.plan.gaps[*gap];
            (
                "Delete gap",
                format!("Delete '{}' — {}?", g.id, g.title),
                format!(
                    "{} delete   {} keep   (undo brings it back)",
                    key(&Action::Confirm),
                    key(&Action::Cancel)
                ),
            )
        }
        Question::Overwrite { reason, .. } => (
            "Replace the file?",
            format!("{reason} Replace it with this plan?"),
            format!(
                "{} replace   {} cancel (ctrl-w saves elsewhere)",
                key(&Action::Confirm),
                key(&Action::Cancel)
            ),
        ),
        Question::ReloadChanged => (
            "Plan changed on disk",
            "The plan file changed on disk and you have unsaved edits.".to_string(),
            format!(
                "{} reload (drop my edits)   {} keep mine",
                key(&Action::Confirm),
                key(&Action::Cancel)
            ),
        ),
        Question::Restore { saved, .. } => (
            "Unsaved changes found",
            format!("Restore unsaved changes from {saved}?"),
            format!(
                "{} restore   {} discard them",
                key(&Action::Confirm),
                key(&Action::Cancel)
            ),
        ),
        Question::QuitUnsaved => (
            "Unsaved changes",
            "Quit and lose the unsaved changes?".to_string(),
            format!(
                "{} quit without saving   {} save and quit   {} stay",
                key(&Action::Confirm),
                key(&Action::Save),
                key(&Action::Cancel)
            ),
        ),
    };
    let text = sanitize(&text);
    let w = (text.chars().count().max(answers.chars().count()) + 4).min(200) as u16;
    let inner = popup(
        centered(area, w.min(area.width.saturating_sub(2)), 5),
        title,
        t.border_focus,
        buf,
    );
    if inner.height >= 1 {
        put(
            buf,
            inner.x + 1,
            inner.y,
            &text,
            inner.width.saturating_sub(1),
            t.dialog,
        );
    }
    if inner.height >= 3 {
        put(
            buf,
            inner.x + 1,
            inner.y + 2,
            &answers,
            inner.width.saturating_sub(1),
            t.key,
        );
    }
}
