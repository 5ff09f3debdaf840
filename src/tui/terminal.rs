//! Entering and leaving the full-screen terminal: raw mode, alternate screen, bracketed
//! paste, mouse capture. Leaving happens on every exit path: normal return, error (guard drop) and panic.

use std::io::{self, Stdout, stdout};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct Guard {
    pub term: Term,
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
        let _ = self.term.show_cursor();
    }
}

/// Switches to the full-screen UI and makes panics restore the terminal before printing.
pub fn enter() -> io::Result<Guard> {
    crate::store::crash::install_panic_hook(restore);
    enable_raw_mode()?;
    // Clearing through crossterm, not `Terminal::clear`, which asks the terminal for the
    // cursor position and would stall on terminals that do not answer.
    let setup = execute!(
        stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture,
        Clear(ClearType::All)
    );
    if let Err(e) = setup {
        restore();
        return Err(e);
    }
    let term = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok(Guard { term })
}

/// Back to the normal screen; safe to call more than once.
pub fn restore() {
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen
    );
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), ratatui::crossterm::cursor::Show);
}
