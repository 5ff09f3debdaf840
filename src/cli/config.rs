//! `gapdeck config`: prints the default configuration files (to start a user file from)
//! or where gapdeck looks for them. The loading itself lives in tui/config.rs.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::exit::{CliError, Exit};
use crate::tui::config::{self, Paths};

const EXAMPLES: &str = "\
Examples:
  gapdeck config --path                          where keymap.ron, theme.ron, config.ron go
  gapdeck config --print-defaults=keymap > \"$(gapdeck config --path --dir)/keymap.ron\"
  gapdeck config --print-defaults                every default file, one after another

A user file overrides only what it names; delete an entry to get its default back.";

#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct ConfigArgs {
    /// Write the default file(s) to stdout: keymap, theme, light (the light theme),
    /// settings, or all (the default).
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "all")]
    pub print_defaults: Option<Which>,
    /// Show where gapdeck reads its configuration files.
    #[arg(long)]
    pub path: bool,
    /// With --path: print only the directory.
    #[arg(long, requires = "path")]
    pub dir: bool,
}

/// Which default file to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Which {
    All,
    Keymap,
    Theme,
    Light,
    Settings,
}

pub fn run(a: &ConfigArgs, out: &mut dyn Write, _err: &mut dyn Write) -> Result<Exit, CliError> {
    if a.path {
        let Some(p) = Paths::default_location() else {
            return Err(CliError::io("this system has no configuration directory")
                .with_fix("set HOME (or XDG_CONFIG_HOME) and try again"));
        };
        if a.dir {
            writeln!(out, "{}", p.dir.display())?;
        } else {
            writeln!(out, "config directory: {}", p.dir.display())?;
            writeln!(out, "key bindings:     {}", p.keymap.display())?;
            writeln!(out, "theme colours:    {}", p.theme.display())?;
            writeln!(out, "settings:         {}", p.settings.display())?;
        }
        return Ok(Exit::Ok);
    }
    let Some(which) = a.print_defaults else {
        return Err(CliError::usage("nothing to do")
            .with_fix("use `gapdeck config --print-defaults` or `gapdeck config --path`"));
    };
    let files = config::defaults();
    let pick = |name: &str| match which {
        Which::All => true,
        Which::Keymap => name == "keymap.ron",
        Which::Theme => name == "theme.ron",
        Which::Light => name == "theme-light.ron",
        Which::Settings => name == "config.ron",
    };
    for (name, text) in files.iter().filter(|(n, _)| pick(n)) {
        if which == Which::All {
            let target = if *name == "theme-light.ron" {
                "built in; choose it with theme: \"light\" in config.ron".to_string()
            } else {
                format!("save as {name} in `gapdeck config --path --dir`")
            };
            writeln!(out, "// ===== {name} ({target}) =====")?;
        }
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            writeln!(out)?;
        }
    }
    Ok(Exit::Ok)
}
