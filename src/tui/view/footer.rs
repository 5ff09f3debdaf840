//! The message line and the footer of key hints for the current mode, read from the
//! live keymap so they always match what the keys do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::util::put;
use crate::tui::action::Action;
use crate::tui::app::{App, MessageKind, Overlay};
use crate::tui::fields::Lines;
use crate::tui::mode::Mode;
use crate::tui::sanitize::sanitize;

/// The few actions worth a hint in each mode; pairs share one hint ("j/k move").
fn hints(app: &App, mode: Mode) -> Vec<(Vec<Action>, &'static str)> {
    use Action::*;
    match mode {
        Mode::Table => vec![
            (vec![MoveDown, MoveUp], "move"),
            (vec![MoveGapDown, MoveGapUp], "reorder"),
            (vec![SendToPreviousPhase, SendToNextPhase], "phase"),
            (vec![PriorityCritical, PriorityLow], "priority"),
            (vec![CycleStatus], "status"),
            (vec![OpenDetail], "details"),
            (vec![Undo], "undo"),
            (vec![Save], "save"),
            (vec![ToggleHelp], "help"),
            (vec![Quit], "quit"),
        ],
        Mode::Detail => vec![
            (vec![MoveDown, MoveUp], "move"),
            (vec![EditField], "edit"),
            (vec![ToggleAction], "tick"),
            (vec![AddActionItem], "add action"),
            (vec![CloseDetail], "back"),
            (vec![Undo], "undo"),
            (vec![Save], "save"),
            (vec![ToggleHelp], "help"),
        ],
        Mode::Input => {
            let multi =
                matches!(&app.ui.overlay, Overlay::Prompt(p) if p.purpose.lines() == Lines::Multi);
            let mut v = vec![(vec![Commit], "accept"), (vec![Cancel], "cancel")];
            if multi {
                v.push((vec![NewLine], "new line"));
            }
            v
        }
        Mode::Confirm => {
            let mut v = vec![(vec![Confirm], "yes"), (vec![Cancel], "no")];
            if matches!(
                app.ui.overlay,
                Overlay::Confirm(crate::tui::app::Question::QuitUnsaved)
            ) {
                v.push((vec![Save], "save and quit"));
            }
            v
        }
        Mode::Picker => vec![
            (vec![MoveDown, MoveUp], "choose"),
            (vec![Confirm], "set"),
            (vec![Cancel], "cancel"),
        ],
        Mode::Help => vec![
            (vec![MoveDown, MoveUp], "scroll"),
            (vec![ToggleHelp], "close"),
        ],
        Mode::Timeline => vec![
            (vec![MoveDown, MoveUp], "move"),
            (vec![ScrollEarlier, ScrollLater], "scroll"),
            (vec![ZoomIn, ZoomOut], "zoom"),
            (vec![ScrollToToday], "today"),
            (vec![NextView], "view"),
            (vec![OpenFinder], "find"),
            (vec![OpenPalette], "commands"),
            (vec![ToggleHelp], "help"),
            (vec![Quit], "quit"),
        ],
        Mode::Costs => vec![
            (vec![ScrollEarlier, ScrollLater], "month"),
            (vec![NextView], "view"),
            (vec![OpenFinder], "find"),
            (vec![OpenPalette], "commands"),
            (vec![ToggleHelp], "help"),
            (vec![Quit], "quit"),
        ],
        Mode::Finder => vec![
            (vec![MoveDown, MoveUp], "choose"),
            (vec![Confirm], "jump"),
            (vec![Cancel], "close"),
        ],
        Mode::Palette => vec![
            (vec![MoveDown, MoveUp], "choose"),
            (vec![Confirm], "run"),
            (vec![Cancel], "close"),
        ],
        Mode::Problems => vec![
            (vec![MoveDown, MoveUp], "move"),
            (vec![Confirm], "go to gap"),
            (vec![ToggleProblems], "close"),
        ],
    }
}

pub fn render_hints(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    let mode = app.mode();
    let mut x = area.x + 1;
    for (actions, label) in hints(app, mode) {
        let keys: Vec<String> = actions
            .iter()
            .map(|a| app.keymap.hint(mode, a))
            .filter(|k| !k.is_empty())
            .collect();
        if keys.is_empty() {
            continue;
        }
        let keys = keys.join(if actions.len() == 2 && actions[0].priority().is_some() {
            "-"
        } else {
            "/"
        });
        let need = (keys.chars().count() + label.len() + 3) as u16;
        if x + need > area.right() {
            break;
        }
        x += put(buf, x, area.y, &keys, need, t.key);
        x += put(
            buf,
            x,
            area.y,
            &format!(" {label}   "),
            area.right() - x,
            t.dim,
        );
    }
}

pub fn render_message(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(m) = &app.ui.message else { return };
    if area.is_empty() {
        return;
    }
    let style = match m.kind {
        MessageKind::Info => app.theme.info,
        MessageKind::Error => app.theme.error,
    };
    buf.set_style(area, app.theme.base);
    put(
        buf,
        area.x + 1,
        area.y,
        &sanitize(&m.text),
        area.width.saturating_sub(1),
        style,
    );
}
