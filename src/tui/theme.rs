//! Every style the TUI draws with, in one table. Defaults come from assets/theme.ron
//! (compiled in); views ask the theme by role and never write colour literals.
//! With NO_COLOR set, colours are dropped and only bold/reverse/underline remain.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::plan::{Priority, Status};

/// The default theme shipped with gapdeck.
pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.ron");

/// How one role is drawn, as written in a theme file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    bold: bool,
    dim: bool,
    italic: bool,
    underlined: bool,
    reversed: bool,
}

impl StyleSpec {
    fn to_style(&self, role: &str, origin: &str) -> Result<Style, String> {
        let color = |c: &Option<String>| -> Result<Option<Color>, String> {
            c.as_deref()
                .map(|s| {
                    Color::from_str(s).map_err(|_| {
                        format!(
                            "{origin}: {role}: unknown colour '{s}' — use a name like \
                             \"cyan\" or \"light-red\", an index \"42\", or \"#rrggbb\""
                        )
                    })
                })
                .transpose()
        };
        let mut style = Style::default();
        if let Some(c) = color(&self.fg)? {
            style = style.fg(c);
        }
        if let Some(c) = color(&self.bg)? {
            style = style.bg(c);
        }
        let flags = [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underlined, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ];
        for (on, m) in flags {
            if on {
                style = style.add_modifier(m);
            }
        }
        Ok(style)
    }
}

/// Colour handling requested by the environment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorMode {
    Colors,
    /// NO_COLOR is set: attributes only.
    NoColor,
}

impl ColorMode {
    /// Reads NO_COLOR (any non-empty value turns colours off, per no-color.org).
    pub fn from_env() -> ColorMode {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => ColorMode::NoColor,
            _ => ColorMode::Colors,
        }
    }
}

macro_rules! theme_roles {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Resolved styles by role.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Theme {
            $($(#[$doc])* pub $name: Style,)*
        }

        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields, default)]
        struct ThemeFile {
            $($name: Option<StyleSpec>,)*
        }

        impl Theme {
            /// Applies a theme file: roles it names are replaced, the rest kept.
            pub fn overlay(&mut self, text: &str, origin: &str) -> Result<(), String> {
                let file: ThemeFile = ron::Options::default()
                    .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                    .from_str(text)
                    .map_err(|e| {
                    format!(
                        "{origin}:{}:{}: {} — fix the entry or delete the file to use the defaults",
                        e.span.start.line, e.span.start.col, e.code
                    )
                })?;
                $(if let Some(spec) = &file.$name {
                    self.$name = spec.to_style(stringify!($name), origin)?;
                })*
                Ok(())
            }

            /// Drops every colour, keeping attributes (NO_COLOR).
            pub fn strip_colors(&mut self) {
                $(self.$name.fg = None; self.$name.bg = None;)*
            }
        }
    };
}

theme_roles! {
    /// Text with no particular role.
    base,
    /// The title bar.
    title,
    /// The "unsaved" mark in the title bar.
    dirty,
    /// Labels in the header ("Finish", "Run rate").
    label,
    /// Values in the header.
    value,
    /// Phase group rows in the table.
    phase,
    /// The selected row.
    selected,
    /// Cells changed by the last edit.
    changed,
    /// Column headings.
    heading,
    /// Secondary text (ids, empty cells).
    dim,
    /// Done part of progress bars.
    bar_done,
    /// Remaining part of progress bars.
    bar_todo,
    /// Late slips.
    late,
    priority_critical,
    priority_high,
    priority_medium,
    priority_low,
    status_done,
    status_active,
    status_blocked,
    status_open,
    status_dropped,
    /// Pane borders.
    border,
    /// The border of the focused pane.
    border_focus,
    /// Keys in the footer and help.
    key,
    /// Informational messages.
    info,
    /// Error messages and refused edits.
    error,
    /// Warnings in the problems pane.
    warning,
    /// Dialog boxes.
    dialog,
    /// A ticked checklist item.
    ticked,
    /// Timeline: the planned bar, work still to do.
    gantt_bar,
    /// Timeline: the done part of the planned bar.
    gantt_done,
    /// Timeline: the best–worst band around the planned bar.
    gantt_band,
    /// Timeline: phase target windows.
    gantt_target,
    /// Timeline: the "today" line.
    gantt_today,
    /// Timeline: gaps the selected gap waits for, or that wait for it.
    gantt_dep,
    /// Team load within capacity.
    load_ok,
    /// Team load over capacity.
    load_over,
    /// Cost chart: the low end of a month.
    cost_low,
    /// Cost chart: from the low to the high end of a month.
    cost_high,
    /// Cost chart: the run-rate line.
    run_rate,
    /// Characters matched by the finder or palette query.
    matched,
}

impl Theme {
    /// The built-in theme, with colours or without.
    pub fn defaults(mode: ColorMode) -> Theme {
        let mut t = Theme::default();
        // The asset is tested (`default_theme_parses`), so failure is a build defect.
        t.overlay(DEFAULT_THEME, "assets/theme.ron")
            .expect("built-in theme is valid");
        if mode == ColorMode::NoColor {
            t.strip_colors();
        }
        t
    }

    pub fn priority(&self, p: Priority) -> Style {
        match p {
            Priority::Critical => self.priority_critical,
            Priority::High => self.priority_high,
            Priority::Medium => self.priority_medium,
            Priority::Low => self.priority_low,
        }
    }

    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::Done => self.status_done,
            Status::InProgress | Status::Partial => self.status_active,
            Status::Blocked => self.status_blocked,
            Status::Missing => self.status_open,
            Status::Dropped => self.status_dropped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_parses_and_has_colours() {
        let t = Theme::defaults(ColorMode::Colors);
        assert!(t.selected.bg.is_some() || t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.priority_critical.fg.is_some());
    }

    #[test]
    fn no_color_keeps_attributes_only() {
        let t = Theme::defaults(ColorMode::NoColor);
        assert_eq!(t.priority_critical.fg, None);
        assert_eq!(t.selected.bg, None);
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn bad_colour_is_named() {
        let mut t = Theme::default();
        let err = t
            .overlay("(late: (fg: \"blurple\"))", "theme.ron")
            .unwrap_err();
        assert!(err.contains("'blurple'") && err.contains("late"), "{err}");
    }
}
