//! The import log: per gap where it came from and what was recognised, phases and their
//! links, where loose costs went, what was skipped and why, and the totals cross-check.

use std::fmt;

/// One recognised value and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The report's own words.
    pub what: String,
    /// Which rule or part of the report it came from ("'status' line", "priority matrix").
    pub from: String,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapLog {
    pub id: String,
    pub title: String,
    pub line: usize,
    /// Each recognised field: (field name, value as imported, evidence).
    pub fields: Vec<(&'static str, String, Option<Found>)>,
    pub actions: usize,
    pub done: usize,
    /// Things the reader should look at (conflicts, defaults).
    pub review: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseLog {
    pub id: String,
    pub name: String,
    pub line: usize,
    pub window: String,
    pub items: usize,
    /// Items that named no gap: (line, text).
    pub unmatched: Vec<(usize, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    pub line: usize,
    pub what: String,
    pub why: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Agrees,
    Disagrees,
    CannotCheck,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalCheck {
    pub line: usize,
    pub what: &'static str,
    pub stated: String,
    pub computed: String,
    pub verdict: Verdict,
}

/// Everything the importer wants a person to know about what it did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportLog {
    /// Encoding and repair notes.
    pub source: Vec<String>,
    pub gaps: Vec<GapLog>,
    pub phases: Vec<PhaseLog>,
    /// Where costs found outside gap bodies went.
    pub costs: Vec<String>,
    pub skipped: Vec<Skip>,
    pub totals: Vec<TotalCheck>,
}

impl ImportLog {
    pub fn disagreements(&self) -> impl Iterator<Item = &TotalCheck> {
        self.totals
            .iter()
            .filter(|t| t.verdict == Verdict::Disagrees)
    }
}

impl fmt::Display for ImportLog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "import: {} gaps, {} phases",
            self.gaps.len(),
            self.phases.len()
        )?;
        for s in &self.source {
            writeln!(f, "source: {s}")?;
        }
        writeln!(f, "priority rule: {}", super::PRIORITY_RULE)?;
        for g in &self.gaps {
            writeln!(f, "\nline {}: gap '{}' — {}", g.line, g.id, g.title)?;
            for (name, value, ev) in &g.fields {
                match ev {
                    Some(e) => writeln!(
                        f,
                        "    {name}: {value}  (from {} \"{}\", line {})",
                        e.from, e.what, e.line
                    )?,
                    None => writeln!(f, "    {name}: {value}")?,
                }
            }
            writeln!(f, "    actions: {} ({} done)", g.actions, g.done)?;
            for r in &g.review {
                writeln!(f, "    review: {r}")?;
            }
        }
        for p in &self.phases {
            writeln!(
                f,
                "\nline {}: phase '{}' — {} ({}; {} items)",
                p.line, p.id, p.name, p.window, p.items
            )?;
            for (line, t) in &p.unmatched {
                writeln!(f, "    line {line}: item names no gap: \"{t}\"")?;
            }
        }
        if !self.costs.is_empty() {
            writeln!(f)?;
        }
        for c in &self.costs {
            writeln!(f, "cost: {c}")?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "\nskipped:")?;
        }
        for s in &self.skipped {
            writeln!(f, "    line {}: {} — {}", s.line, s.what, s.why)?;
        }
        writeln!(f, "\ntotals cross-check:")?;
        if self.totals.is_empty() {
            writeln!(f, "    the report states no totals")?;
        }
        for t in &self.totals {
            let v = match t.verdict {
                Verdict::Agrees => "agrees",
                Verdict::Disagrees => "DISAGREES",
                Verdict::CannotCheck => "cannot check",
            };
            writeln!(
                f,
                "    line {}: {}: report says {}; imported plan gives {} — {v}",
                t.line, t.what, t.stated, t.computed
            )?;
        }
        Ok(())
    }
}
