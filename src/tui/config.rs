//! User configuration: key bindings (keymap.ron), theme colours (theme.ron) and the
//! light/dark choice (config.ron) in the user's config directory. Defaults are compiled
//! in from assets/; a user file overrides only what it names; a bad file is reported
//! with path:line:col and the defaults are kept for the rest — never silently.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::keymap::{DEFAULT_KEYMAP, Keymap};
use super::theme::{ColorMode, DEFAULT_THEME, Theme};

/// The light theme, applied over the default one.
pub const LIGHT_THEME: &str = include_str!("../../assets/theme-light.ron");
/// The default settings file.
pub const DEFAULT_SETTINGS: &str = include_str!("../../assets/config.ron");

/// Where the user's files go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    pub dir: PathBuf,
    pub keymap: PathBuf,
    pub theme: PathBuf,
    pub settings: PathBuf,
}

impl Paths {
    pub fn in_dir(dir: &Path) -> Paths {
        Paths {
            dir: dir.to_path_buf(),
            keymap: dir.join("keymap.ron"),
            theme: dir.join("theme.ron"),
            settings: dir.join("config.ron"),
        }
    }

    /// The platform's config directory for gapdeck (`$XDG_CONFIG_HOME/gapdeck` on Linux).
    pub fn default_location() -> Option<Paths> {
        let dirs = directories::ProjectDirs::from("", "", "gapdeck")?;
        Some(Paths::in_dir(dirs.config_dir()))
    }
}

/// Key bindings and theme to run with, plus what was wrong with the user's files.
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// One message per bad file: "path:line:col: what — fix".
    pub problems: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Settings {
    theme: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: "dark".into(),
        }
    }
}

/// Reads the user's files from `paths` (none when `None`); missing files are fine.
pub fn load(paths: Option<&Paths>, color: ColorMode) -> Config {
    let mut problems = Vec::new();
    let mut read = |path: Option<&PathBuf>| -> Option<(String, String)> {
        let path = path?;
        match std::fs::read_to_string(path) {
            Ok(text) => Some((text, path.display().to_string())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                problems.push(format!(
                    "{}: cannot read: {e} — fix its permissions or remove it; using the defaults",
                    path.display()
                ));
                None
            }
        }
    };
    let keymap_file = read(paths.map(|p| &p.keymap));
    let theme_file = read(paths.map(|p| &p.theme));
    let settings_file = read(paths.map(|p| &p.settings));

    let mut keymap = Keymap::defaults();
    if let Some((text, origin)) = keymap_file
        && let Err(e) = keymap.overlay(&text, &origin)
    {
        problems.push(locate(e, &origin, &text));
    }
    let settings = match settings_file {
        None => Settings::default(),
        Some((text, origin)) => parse_settings(&text, &origin).unwrap_or_else(|e| {
            problems.push(e);
            Settings::default()
        }),
    };
    let mut theme = Theme::defaults(ColorMode::Colors);
    if settings.theme == "light" {
        // Tested (`light_theme_parses`): failure would be a build defect.
        let _ = theme.overlay(LIGHT_THEME, "assets/theme-light.ron");
    }
    if let Some((text, origin)) = theme_file {
        let mut user = theme.clone();
        match user.overlay(&text, &origin) {
            Ok(()) => theme = user,
            Err(e) => problems.push(locate(e, &origin, &text)),
        }
    }
    if color == ColorMode::NoColor {
        theme.strip_colors();
    }
    Config {
        keymap,
        theme,
        problems,
    }
}

fn parse_settings(text: &str, origin: &str) -> Result<Settings, String> {
    let s: Settings = ron::from_str(text).map_err(|e| {
        format!(
            "{origin}:{}:{}: {} — fix the entry or delete the file to use the defaults",
            e.span.start.line, e.span.start.col, e.code
        )
    })?;
    match s.theme.as_str() {
        "dark" | "light" => Ok(s),
        other => Err(locate(
            format!("{origin}: unknown theme '{other}' — use \"dark\" or \"light\""),
            origin,
            text,
        )),
    }
}

/// Adds `line:col` after the file name when a message has none, by finding the first
/// quoted value ('x') that appears in the file text as "x".
fn locate(msg: String, origin: &str, text: &str) -> String {
    let Some(rest) = msg.strip_prefix(origin) else {
        return msg;
    };
    if rest.starts_with(':') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return msg;
    }
    let value = msg
        .split('\'')
        .skip(1)
        .step_by(2)
        .find_map(|v| text.find(&format!("\"{v}\"")));
    let Some(offset) = value else { return msg };
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{origin}:{line}:{col}{rest}")
}

/// The default files for `gapdeck config --print-defaults`, as (file name, text).
pub fn defaults() -> [(&'static str, &'static str); 4] {
    [
        ("keymap.ron", DEFAULT_KEYMAP),
        ("theme.ron", DEFAULT_THEME),
        ("theme-light.ron", LIGHT_THEME),
        ("config.ron", DEFAULT_SETTINGS),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::key::KeyChord;
    use crate::tui::mode::Mode;

    fn dir_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Paths) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let paths = Paths::in_dir(dir.path());
        (dir, paths)
    }

    fn key(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    #[test]
    fn no_files_means_the_defaults_and_no_problems() {
        let (_d, paths) = dir_with(&[]);
        let c = load(Some(&paths), ColorMode::Colors);
        assert!(c.problems.is_empty());
        assert_eq!(c.theme, Theme::defaults(ColorMode::Colors));
        assert_eq!(
            c.keymap.action(Mode::Table, key("j")),
            Some(Action::MoveDown)
        );
    }

    #[test]
    fn partial_files_override_only_what_they_name() {
        let (_d, paths) = dir_with(&[
            ("keymap.ron", "(timeline: { zoom_in: [\"i\"] })"),
            ("theme.ron", "(late: (fg: \"magenta\"))"),
            ("config.ron", "(theme: \"light\")"),
        ]);
        let c = load(Some(&paths), ColorMode::Colors);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(
            c.keymap.action(Mode::Timeline, key("i")),
            Some(Action::ZoomIn)
        );
        assert_eq!(c.keymap.action(Mode::Timeline, key("z")), None);
        assert_eq!(
            c.keymap.action(Mode::Table, key("j")),
            Some(Action::MoveDown)
        );
        let dark = Theme::defaults(ColorMode::Colors);
        assert_eq!(c.theme.late.fg, Some(ratatui::style::Color::Magenta));
        assert_ne!(c.theme.phase, dark.phase, "light theme applied");
        assert_eq!(
            c.theme.error, dark.error,
            "untouched roles keep the default"
        );
    }

    #[test]
    fn bad_files_are_reported_with_position_and_defaults_kept() {
        let (_d, paths) = dir_with(&[
            ("keymap.ron", "(\n  table: { quit: [\"hyper-q\"] },\n)"),
            ("theme.ron", "(\n  late: (fg: \"blurple\"),\n)"),
            ("config.ron", "(theme: dusk)"),
        ]);
        let c = load(Some(&paths), ColorMode::NoColor);
        assert_eq!(c.problems.len(), 3, "{:?}", c.problems);
        let k = paths.keymap.display().to_string();
        let t = paths.theme.display().to_string();
        let s = paths.settings.display().to_string();
        assert!(
            c.problems[0].starts_with(&format!("{k}:2:19")),
            "{}",
            c.problems[0]
        );
        assert!(c.problems[0].contains("'hyper-q'"), "{}", c.problems[0]);
        assert!(
            c.problems[1].starts_with(&format!("{s}:1:")),
            "{}",
            c.problems[1]
        );
        assert!(
            c.problems[2].starts_with(&format!("{t}:2:14")),
            "{}",
            c.problems[2]
        );
        assert!(c.problems[2].contains("'blurple'"), "{}", c.problems[2]);
        assert_eq!(c.keymap.action(Mode::Table, key("q")), Some(Action::Quit));
        assert_eq!(c.theme, Theme::defaults(ColorMode::NoColor));
    }

    #[test]
    fn light_theme_parses() {
        let mut t = Theme::defaults(ColorMode::Colors);
        t.overlay(LIGHT_THEME, "theme-light.ron").unwrap();
        assert!(parse_settings(DEFAULT_SETTINGS, "config.ron").is_ok());
        assert!(parse_settings("(theme: \"light\")", "config.ron").is_ok());
    }
}
