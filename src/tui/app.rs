//! The TUI's state: the document being edited (domain side) and the UI state around it
//! (cursor, focus, overlays, messages, highlights). Drawing reads it by shared reference;
//! only `update` (update.rs) changes it.

use super::document::Document;
use super::fields::Field;
use super::keymap::Keymap;
use super::mode::Mode;
use super::prompt::Prompt;
use super::rows::{Cells, Group, Row, Rows};
use super::summary::{Summary, SummaryChanges};
use super::theme::Theme;

/// Which pane has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Table,
    Detail,
}

/// The main view: the gap table, the timeline (Gantt) or the cost view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Table,
    Timeline,
    Costs,
}

/// A modal layer drawn over the main view; at most one at a time.
#[derive(Clone, Debug, Default)]
pub enum Overlay {
    #[default]
    None,
    Help,
    Problems,
    Prompt(Box<Prompt>),
    Confirm(Question),
    /// Choosing a status for gap `gap`; `choice` indexes `Status::ALL`.
    StatusPicker {
        gap: usize,
        choice: usize,
    },
    /// The `/` fuzzy finder (finder.rs).
    Finder(Box<super::finder::Finder>),
    /// The `:` command palette (palette.rs).
    Palette(Box<super::palette::Palette>),
}

/// A yes/no question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    DeleteGap {
        gap: usize,
    },
    QuitUnsaved,
    /// The plan changed on disk while there are local edits: reload or keep mine.
    ReloadChanged,
    /// A recovery file from `saved` holds unsaved changes: restore or discard it.
    Restore {
        saved: String,
        text: String,
    },
    /// The save target is not what was loaded (changed on disk, or a new path exists).
    Overwrite {
        path: std::path::PathBuf,
        then: super::prompt::AfterSave,
        reason: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

/// A one-line message in the status bar until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub kind: MessageKind,
    pub text: String,
}

/// An item of the detail pane the cursor can sit on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailItem {
    Field(Field),
    Action(usize),
}

/// What changed with the last edit, for highlighting.
#[derive(Clone, Debug, Default)]
pub struct Changes {
    pub cells: Cells,
    pub header: SummaryChanges,
}

/// UI state: nothing here is saved to the plan.
#[derive(Clone, Debug)]
pub struct Ui {
    /// Row of the table under the cursor.
    pub cursor: usize,
    /// First table row drawn (kept so the cursor stays visible).
    pub scroll: usize,
    /// Terminal size from the last resize.
    pub size: (u16, u16),
    pub focus: Focus,
    pub view: View,
    pub overlay: Overlay,
    /// Index into the detail items of the selected gap.
    pub detail: usize,
    pub help_scroll: usize,
    pub problem: usize,
    pub message: Option<Message>,
}

pub struct App {
    pub doc: Document,
    pub rows: Rows,
    pub summary: Summary,
    pub changes: Changes,
    pub ui: Ui,
    pub keymap: Keymap,
    pub theme: Theme,
    /// State of the timeline and cost views (views.rs).
    pub views: super::views::ViewState,
    /// The rows before the last refresh, kept so the next one reuses their allocations.
    pub(crate) spare_rows: Rows,
}

impl App {
    pub fn new(mut doc: Document, keymap: Keymap, theme: Theme) -> App {
        doc.take_reach();
        let rows = Rows::build(&doc.plan, &doc.analysis);
        let summary = Summary::build(&doc.plan, &doc.analysis);
        let views = super::views::ViewState::new(&doc.plan, &doc.analysis);
        let overlay = if doc.problems.is_empty() {
            Overlay::None
        } else {
            Overlay::Problems
        };
        let cursor = rows
            .rows
            .iter()
            .position(|r| matches!(r, Row::Gap(_)))
            .unwrap_or(0);
        App {
            doc,
            rows,
            summary,
            changes: Changes::default(),
            ui: Ui {
                cursor,
                scroll: 0,
                size: (80, 24),
                focus: Focus::Table,
                view: View::Table,
                overlay,
                detail: 0,
                help_scroll: 0,
                problem: 0,
                message: None,
            },
            keymap,
            theme,
            views,
            spare_rows: Rows::default(),
        }
    }

    /// The live key-binding set, derived from what is open.
    pub fn mode(&self) -> Mode {
        match &self.ui.overlay {
            Overlay::Prompt(_) => Mode::Input,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::StatusPicker { .. } => Mode::Picker,
            Overlay::Help => Mode::Help,
            Overlay::Problems => Mode::Problems,
            Overlay::Finder(_) => Mode::Finder,
            Overlay::Palette(_) => Mode::Palette,
            Overlay::None => match (self.ui.focus, self.ui.view) {
                (Focus::Table, View::Table) => Mode::Table,
                (Focus::Table, View::Timeline) => Mode::Timeline,
                (Focus::Table, View::Costs) => Mode::Costs,
                (Focus::Detail, _) => Mode::Detail,
            },
        }
    }

    /// Index in `plan.gaps` of the gap under the cursor, if the cursor is on a gap.
    pub fn selected_gap(&self) -> Option<usize> {
        match self.rows.rows.get(self.ui.cursor) {
            Some(Row::Gap(g)) => Some(g.gap),
            _ => None,
        }
    }

    /// The phase group the cursor is in.
    pub fn current_group(&self) -> Option<Group> {
        self.rows.group_at(self.ui.cursor)
    }

    /// The detail items of gap `g`: fields, then its checklist.
    pub fn detail_items(&self, g: usize) -> impl Iterator<Item = DetailItem> + '_ {
        let actions = self.doc.plan.gaps.get(g).map_or(0, |g| g.actions.len());
        Field::ALL
            .into_iter()
            .map(DetailItem::Field)
            .chain((0..actions).map(DetailItem::Action))
    }

    pub fn detail_len(&self, g: usize) -> usize {
        Field::ALL.len() + self.doc.plan.gaps.get(g).map_or(0, |g| g.actions.len())
    }

    pub fn detail_item(&self) -> Option<DetailItem> {
        let g = self.selected_gap()?;
        self.detail_items(g).nth(self.ui.detail)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.ui.message = Some(Message {
            kind: MessageKind::Info,
            text: text.into(),
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.ui.message = Some(Message {
            kind: MessageKind::Error,
            text: text.into(),
        });
    }
}
