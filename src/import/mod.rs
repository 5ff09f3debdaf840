//! Import of Markdown gap-analysis reports into plans (with mojibake repair).
//! Pure: bytes in, `Plan` plus an `ImportLog` out; the CLI does all file I/O.
//!
//! Priority rule (also printed in every log): words first, in the order they appear —
//! "critical", "blocker", "urgent", "P0" → Critical; "high", "important", "major", "P1" →
//! High; "medium", "moderate", "P2" → Medium; "low", "minor", "optional", "P3" → Low. Then
//! phrases: "must fix/have" → Critical, "should fix/have" → High, "nice to have", "could
//! have", "after launch" → Low. Then colour markers: 🔴 🔥 → Critical, 🟠 🟡 → High, 🟢 🔵 →
//! Low. Which statement wins for a gap: its own "Priority:" line (or "(Priority: X)" in
//! its heading) > a priority-matrix / checklist line naming it (highest bucket) > its
//! "Impact:" line > the section heading it sits under > Medium (flagged for review).
//!
//! Status: "partial" > blocked > dropped > "not implemented/configured/started" > in
//! progress > partial words ("basic", "exists", "only", "incomplete") > "missing", "no" >
//! done words > markers (✅ Done, ❌ Missing, ⚠️ Partial).
//!
//! Gaps are the leaf headings under a gaps part ("Gaps", "What's missing", "Critical
//! issues", "Recommendations", …); numbered headings anywhere when there is no such part.
//! Phase items, matrix lines and cost labels are linked to gaps by rarity-weighted word
//! overlap (see `link`).

mod assemble;
pub mod blocks;
mod collect;
mod context;
mod decode;
mod effort;
mod finish;
mod gapbody;
mod itemgaps;
mod link;
pub mod log;
pub mod mojibake;
mod money;
mod outline;
mod place;
pub mod recog;
mod search;
pub mod text;
mod totals;
mod words;

use jiff::civil::Date;

use crate::plan::Plan;

pub use decode::{ImportError, MAX_INPUT, MAX_LINE};
pub use log::ImportLog;

/// The rule above, one line, for the log.
pub const PRIORITY_RULE: &str = "own 'Priority:' line > priority matrix > 'Impact:' > section heading > Medium; \
critical/blocker/P0/must fix/🔴 = Critical, high/important/should fix/🟡 = High, medium/P2 = Medium, \
low/minor/nice to have/🟢 = Low";

/// Whether "what we have" parts become gaps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Existing {
    #[default]
    Skip,
    /// Import them as Done gaps.
    AsDoneGaps,
}

impl Existing {
    pub fn imports(self) -> bool {
        self == Existing::AsDoneGaps
    }
}

/// Settings for one import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// First day of week 1 of the plan (the clock is an input).
    pub start: Date,
    pub existing: Existing,
}

impl ImportOptions {
    pub fn new(start: Date) -> Self {
        ImportOptions {
            start,
            existing: Existing::Skip,
        }
    }
}

/// The imported plan and what the importer did.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    pub log: ImportLog,
}

/// Imports a Markdown gap-analysis report.
pub fn import_markdown(input: &[u8], opts: &ImportOptions) -> Result<Imported, ImportError> {
    let mut log = ImportLog::default();
    let text = decode::decode(input, &mut log.source)?;
    match assemble::build(&text, opts, &mut log) {
        Some((plan, _)) => Ok(Imported { plan, log }),
        None => {
            let headings = blocks::parse(&text)
                .iter()
                .filter(|b| matches!(b.kind, blocks::Kind::Heading(_)))
                .count();
            Err(ImportError::NoGaps { headings })
        }
    }
}
