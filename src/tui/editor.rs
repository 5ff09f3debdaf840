//! Run-loop side of two terminal features: editing notes in the user's editor
//! ($VISUAL, $EDITOR, else vi) with the terminal suspended, and turning mouse events
//! into actions. The app only sees the request (an Effect) and the result.

use std::io::{self, stdout};
use std::path::PathBuf;
use std::process::Command;

use ratatui::crossterm::event::{
    EnableBracketedPaste, EnableMouseCapture, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::Rect;

use super::action::Action;
use super::terminal::{self, Term};

/// Click selects, the wheel moves the cursor; other mouse events are ignored.
pub fn mouse_action(m: MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
            column: m.column,
            row: m.row,
        }),
        MouseEventKind::ScrollDown => Some(Action::MoveDown),
        MouseEventKind::ScrollUp => Some(Action::MoveUp),
        _ => None,
    }
}

/// The editor command: $VISUAL, else $EDITOR, else vi; split on spaces ("code -w").
fn editor_command() -> (String, Vec<String>) {
    let raw = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    let mut words = raw.split_whitespace().map(String::from);
    let prog = words.next().unwrap_or_else(|| "vi".into());
    (prog, words.collect())
}

fn temp_path(id: &str) -> PathBuf {
    let safe: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    std::env::temp_dir().join(format!("gapdeck-{}-{safe}-notes.md", std::process::id()))
}

/// Writes `text` to a temp file, suspends the TUI, runs the editor on it and returns
/// what the file holds afterwards. The terminal is restored on every path.
pub fn edit_text(term: &mut Term, id: &str, text: &str) -> io::Result<String> {
    let path = temp_path(id);
    std::fs::write(&path, text)?;
    terminal::restore();
    let (prog, args) = editor_command();
    let status = Command::new(&prog).args(&args).arg(&path).status();
    let resumed = resume(term);
    let result = match status {
        Ok(s) if s.success() => std::fs::read_to_string(&path),
        Ok(s) => Err(io::Error::other(format!("'{prog}' exited with {s}"))),
        Err(e) => Err(io::Error::new(
            e.kind(),
            format!("cannot run '{prog}': {e}"),
        )),
    };
    let _ = std::fs::remove_file(&path);
    resumed?;
    result
}

/// Back into the full-screen UI after the editor; the next draw repaints everything.
fn resume(term: &mut Term) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture,
        Clear(ClearType::All)
    )?;
    let size = term.size()?;
    term.resize(Rect::new(0, 0, size.width, size.height))
}
