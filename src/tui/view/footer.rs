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
    // (keys, label, pinned): help and quit stay visible at the right end at any width.
    let entries: Vec<(String, &str, bool)> = hints(app, mode)
        .into_iter()
        .filter_map(|(actions, label)| {
            let keys: Vec<String> = actions
                .iter()
                .map(|a| app.keymap.hint(mode, a))
                .filter(|k| !k.is_empty())
                .collect();
            if keys.is_empty() {
                return None;
            }
            let sep = if actions.len() == 2 && actions[0].priority().is_some() {
                "-"
            } else {
                "/"
            };
            let pinned = matches!(actions.as_slice(), [Action::ToggleHelp] | [Action::Quit]);
            Some((keys.join(sep), label, pinned))
        })
        .collect();
    let width = |k: &str, l: &str| (k.chars().count() + l.chars().count() + 3) as u16;
    let pinned_w: u16 = entries
        .iter()
        .filter(|e| e.2)
        .map(|(k, l, _)| width(k, l))
        .sum();
    let mut right = area.right().saturating_sub(pinned_w);
    if right <= area.x {
        right = area.right();
    }
    let mut draw = |x: u16, keys: &str, label: &str, end: u16| -> u16 {
        let n = put(buf, x, area.y, keys, end.saturating_sub(x), t.key);
        let m = put(
            buf,
            x + n,
            area.y,
            &format!(" {label}  "),
            end.saturating_sub(x + n),
            t.dim,
        );
        n + m
    };
    let mut x = area.x + 1;
    for (keys, label, _) in entries.iter().filter(|e| !e.2) {
        if x + width(keys, label) > right {
            break;
        }
        x += draw(x, keys, label, right);
    }
    if right < area.right() {
        let mut x = right;
        for (keys, label, _) in entries.iter().filter(|e| e.2) {
            x += draw(x, keys, label, area.right());
        }
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
