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
}

impl Mode {
    pub const ALL: [Mode; 7] = [
        Mode::Table,
        Mode::Detail,
        Mode::Input,
        Mode::Confirm,
        Mode::Picker,
        Mode::Help,
        Mode::Problems,
    ];

    /// Whether the `common` bindings (save, undo, help, …) apply in this mode.
    pub fn uses_common(self) -> bool {
        matches!(self, Mode::Table | Mode::Detail)
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
        }
    }
}
