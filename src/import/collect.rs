//! Gathers what lives outside gap bodies: roadmap phases and their items, priority-matrix
//! lines, loose amounts (cost sections, resource lists), and stated totals.

use crate::plan::{CostKind, Dec2, Estimate, Priority};

use super::blocks::{Block, Kind};
use super::outline::{Head, Role, phase_of_head};
use super::recog::{Money, PhaseHead, estimate_of, money_of, percent_of, phase_head, priority_of};
use super::text::{label, strip_bullet, strip_markers};

/// A roadmap phase as read, with the lines it lists.
#[derive(Clone, Debug)]
pub struct PhaseDraft {
    pub head: PhaseHead,
    pub line: usize,
    pub goal: Option<String>,
    pub items: Vec<(usize, String)>,
    pub costs: Vec<(Money, usize)>,
}

/// A stated total found in the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stated {
    Cost { kind: CostKind, lo: Dec2, hi: Dec2 },
    Effort(Estimate),
    Readiness(u8),
}

#[derive(Clone, Debug, Default)]
pub struct Outside {
    pub phases: Vec<PhaseDraft>,
    /// (line, text, priority) from priority matrices and priority-labelled checklists.
    pub matrix: Vec<(usize, String, Priority)>,
    /// Amounts outside gaps: (money, line, index into `phases` when inside one).
    /// Amounts outside gaps and phases: (money, line, the heading they sit under).
    pub costs: Vec<(Money, usize, Option<String>)>,
    pub totals: Vec<(usize, String, Stated)>,
    /// Headings outside gaps that carry an estimate ("Environment Setup (30 min)").
    pub sized: Vec<(usize, String, Estimate)>,
}

/// Scans every block outside the gaps part. `in_gap[i]` marks gap-body blocks.
pub fn collect(blocks: &[Block], heads: &[Head], in_gap: &[bool]) -> Outside {
    let mut out = Outside::default();
    let mut head_at: Vec<Option<usize>> = vec![None; blocks.len()];
    for (hi, h) in heads.iter().enumerate() {
        head_at[h.block] = Some(hi);
    }
    let mut cur_head: Option<usize> = None;
    let mut phase: Option<usize> = None;
    let mut phase_level = 0u8;
    let mut sub_label_priority: Option<Priority> = None;
    let mut readiness_seen = false;
    for (i, b) in blocks.iter().enumerate() {
        if let Some(hi) = head_at[i] {
            let h = &heads[hi];
            cur_head = Some(hi);
            sub_label_priority = None;
            if phase.is_some() && (phase_level == 0 || h.level <= phase_level) {
                phase = None;
            }
            if let Some(ph) = phase_of_head(h) {
                out.phases.push(PhaseDraft {
                    head: ph,
                    line: h.line,
                    goal: None,
                    items: Vec::new(),
                    costs: Vec::new(),
                });
                phase = Some(out.phases.len() - 1);
                phase_level = h.level;
            } else if h.context != Role::Gaps && phase.is_none() {
                let (bare, parens) = super::text::split_parens(&strip_markers(&h.text));
                if let Some(e) = parens.iter().find_map(|p| estimate_of(p)) {
                    out.sized.push((h.line, super::text::clean_title(&bare), e));
                }
            }
            continue;
        }
        if in_gap[i] {
            continue;
        }
        let ctx = cur_head.map_or(Role::Neutral, |h| heads[h].context);
        if ctx == Role::Existing {
            continue;
        }
        let (text, _) = strip_bullet(&b.text);
        let text = strip_markers(text);
        let ends_label = text.ends_with(':');
        // Totals and readiness are read anywhere outside code.
        if b.kind != Kind::Code {
            read_totals(&mut out, b, &text, &mut readiness_seen);
        }
        // "Week 3-4:" labels start phases in roadmaps without phase headings.
        if ctx == Role::Roadmap
            && ends_label
            && (phase.is_none() || phase_level == 0)
            && let Some(ph) = phase_head(&text)
        {
            out.phases.push(PhaseDraft {
                head: ph,
                line: b.line,
                goal: None,
                items: Vec::new(),
                costs: Vec::new(),
            });
            phase = Some(out.phases.len() - 1);
            phase_level = 0;
            continue;
        }
        if let Some(p) = phase {
            read_phase_line(&mut out.phases[p], b, &text, ends_label);
            for m in money_of(&b.text)
                .into_iter()
                .filter(|_| b.kind != Kind::Code)
            {
                out.phases[p].costs.push((m, b.line));
            }
            continue;
        }
        if ctx == Role::Matrix {
            if ends_label || b.kind == Kind::Para {
                if let Some(p) = priority_of(&b.text) {
                    sub_label_priority = Some(p);
                }
                continue;
            }
            let p = sub_label_priority.or_else(|| head_priority(heads, cur_head));
            if let Some(p) = p
                && matches!(b.kind, Kind::Item { .. } | Kind::Code)
                && !text.is_empty()
            {
                out.matrix.push((b.line, text.clone(), p));
            }
            continue;
        }
        if b.kind != Kind::Code && !b.text.to_lowercase().contains("total") {
            for m in money_of(&b.text) {
                let category = cur_head.map(|h| strip_markers(&heads[h].text));
                out.costs.push((m, b.line, category));
            }
        }
    }
    out
}

fn head_priority(heads: &[Head], mut h: Option<usize>) -> Option<Priority> {
    while let Some(i) = h {
        if let Some(p) = priority_of(&heads[i].text) {
            return Some(p);
        }
        h = heads[i].parent;
    }
    None
}

fn read_phase_line(p: &mut PhaseDraft, b: &Block, text: &str, ends_label: bool) {
    if let Some((lab, val)) = label(&b.text)
        && !val.is_empty()
        && matches!(b.kind, Kind::Para)
    {
        let goal_like = ["goal", "objective", "outcome", "focus", "deliverable"];
        if goal_like.iter().any(|g| lab.contains(g)) && (p.goal.is_none() || lab.contains("goal")) {
            p.goal = Some(strip_markers(&val));
        }
        return;
    }
    if ends_label || text.is_empty() {
        return;
    }
    if matches!(b.kind, Kind::Item { .. } | Kind::Code) {
        p.items.push((b.line, text.to_string()));
    }
}

fn read_totals(out: &mut Outside, b: &Block, text: &str, readiness_seen: &mut bool) {
    let lower = text.to_lowercase();
    if lower.contains("total") {
        for m in money_of(text) {
            out.totals.push((
                b.line,
                text.to_string(),
                Stated::Cost {
                    kind: m.kind,
                    lo: m.lo,
                    hi: m.hi,
                },
            ));
        }
    }
    if let Some((lab, val)) = label(text) {
        let timey = [
            "total",
            "effort",
            "development time",
            "estimated time",
            "time to",
            "duration",
        ];
        let not_work = [
            "response",
            "objective",
            "resolution",
            "recovery",
            "review",
            "load",
        ];
        if timey.iter().any(|t| lab.contains(t))
            && !not_work.iter().any(|t| lab.contains(t))
            && !val.starts_with(['<', '>'])
            && money_of(&val).is_empty()
            && let Some(e) = estimate_of(&val)
        {
            out.totals
                .push((b.line, text.to_string(), Stated::Effort(e)));
        }
    }
    if !*readiness_seen && let Some(p) = percent_of(text) {
        let status_label = label(text).is_some_and(|(l, _)| {
            ["status", "readiness", "progress", "ready", "completion"]
                .iter()
                .any(|w| l.contains(w))
        });
        if status_label || lower.contains("ready") || lower.contains("readiness") {
            out.totals
                .push((b.line, text.to_string(), Stated::Readiness(p)));
            *readiness_seen = true;
        }
    }
}
