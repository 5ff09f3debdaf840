//! Input modes: which set of key bindings is live. Derived from the app state, never stored.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The gap table has the focus.
    Table,
    /// The detail pane of one gap has the focus.
    Detail,
    /// A text field is being edited.
    Input,
    /// A yes/no question is open.
    Confirm,
    /// A list to pick one value from (status).
    Picker,
    /// The key help overlay.
    Help,
    /// The problems pane has the focus.
    Problems,
    /// The timeline (Gantt) view has the focus.
    Timeline,
    /// The cost view has the focus.
    Costs,
    /// The `/` fuzzy finder is open (unbound keys are typed into its query).
    Finder,
    /// The `:` command palette is open (unbound keys are typed into its query).
    Palette,
}

impl Mode {
    pub const ALL: [Mode; 11] = [
        Mode::Table,
        Mode::Detail,
        Mode::Input,
        Mode::Confirm,
        Mode::Picker,
        Mode::Help,
        Mode::Problems,
        Mode::Timeline,
        Mode::Costs,
        Mode::Finder,
        Mode::Palette,
    ];

    /// Whether unbound keys are typed into a text field in this mode.
    pub fn types_text(self) -> bool {
        matches!(self, Mode::Input | Mode::Finder | Mode::Palette)
    }

    /// Whether the `common` bindings (save, undo, help, …) apply in this mode.
    pub fn uses_common(self) -> bool {
        matches!(
            self,
            Mode::Table | Mode::Detail | Mode::Timeline | Mode::Costs
        )
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Table => "Table",
            Mode::Detail => "Detail pane",
            Mode::Input => "Text input",
            Mode::Confirm => "Questions",
            Mode::Picker => "Pick a value",
            Mode::Help => "Help",
            Mode::Problems => "Problems pane",
            Mode::Timeline => "Timeline view",
            Mode::Costs => "Cost view",
            Mode::Finder => "Finder (/)",
            Mode::Palette => "Command palette (:)",
        }
    }
}
