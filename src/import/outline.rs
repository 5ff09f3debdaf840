//! The report's outline: which headings are gap containers, priority groups, gaps,
//! "what we have" parts, roadmaps/phases, priority matrices and other parts.

use std::sync::OnceLock;

use super::blocks::{Block, Kind};
use super::recog::{PhaseHead, phase_head, priority_of};
use super::search::{WordSet, contains_any};
use super::text::{markers, split_parens, strip_markers, strip_numbering};

/// What a heading's part of the document is about, judged from its own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Title,
    Gaps,
    Existing,
    Roadmap,
    Matrix,
    Other,
    Neutral,
}

/// One heading with its place in the outline.
#[derive(Clone, Debug)]
pub struct Head {
    pub block: usize,
    pub level: u8,
    pub text: String,
    pub line: usize,
    pub parent: Option<usize>,
    /// Block index where this heading's section ends (exclusive).
    pub end: usize,
    pub role: Role,
    /// The role in force here: own role, else the nearest ancestor's non-neutral role.
    pub context: Role,
    pub numbered: bool,
    pub has_children: bool,
}

/// How a heading inside the gaps part is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GapUse {
    Gap,
    Group,
}

/// Words of a "what we have" part.
const EXISTING: &[&str] = &[
    "what we have",
    "strength",
    "what's working",
    "what is working",
    "working well",
    "already",
    "what exists",
    "existing",
    "current capabilit",
    "achievement",
    "what's done",
    "completed",
];
/// Words of a roadmap or phase plan.
const ROADMAP: &[&str] = &[
    "roadmap",
    "implementation order",
    "implementation plan",
    "action plan",
    "timeline",
    "schedule",
    "phases",
    "what to do",
    "next step",
    "next action",
    "quick start",
    "milestones",
    "rollout",
];
/// Words of a priority matrix or checklist.
const MATRIX: &[&str] = &[
    "priority matrix",
    "prioriti",
    "priority order",
    "priorities",
    "checklist",
    "triage",
];
/// Words of a gaps part.
const GAPS: &[&str] = &[
    "gap",
    "missing",
    "recommendation",
    "issue",
    "improvement",
    "needs",
    "to do",
    "todo",
    "to-do",
    "weakness",
    "concern",
    "deficienc",
    "shortcoming",
    "problem",
    "finding",
    "what's needed",
    "required",
    "blocker",
    "critical",
    "high priority",
    "must fix",
    "should fix",
    "nice to have",
    "action item",
    "remediation",
    "open item",
    "outstanding",
    "backlog",
    "technical debt",
    "pending",
];
/// Words of other parts (metrics, summaries, costs).
const OTHER: &[&str] = &[
    "metric",
    "kpi",
    "summary",
    "insight",
    "advantage",
    "benefit",
    "appendix",
    "overview",
    "conclusion",
    "estimate",
    "result",
    "purpose",
    "introduction",
    "background",
    "cost",
    "budget",
    "resource",
];

pub fn role_of(text: &str) -> Role {
    // The first four lists in one pass over the heading; they are tried in this order.
    static FIRST: OnceLock<WordSet> = OnceLock::new();
    let first = FIRST.get_or_init(|| WordSet::new(&[EXISTING, ROADMAP, MATRIX, GAPS].concat()));
    let l = strip_markers(text).to_lowercase().replace('’', "'");
    let found = first.found_in(&l);
    let mut at = 0;
    let mut has = |ws: &[&str]| {
        let bits = ((1u64 << ws.len()) - 1) << at;
        at += ws.len();
        found & bits != 0
    };
    if has(EXISTING) {
        return Role::Existing;
    }
    if has(ROADMAP) {
        return Role::Roadmap;
    }
    if has(MATRIX) {
        return Role::Matrix;
    }
    if has(GAPS) || markers(text).iter().any(|m| matches!(m, '❌' | '🔴' | '⚠')) {
        return Role::Gaps;
    }
    if markers(text).first() == Some(&'✅') {
        return Role::Existing;
    }
    if contains_any(&l, OTHER) {
        return Role::Other;
    }
    Role::Neutral
}

/// Builds the heading outline of `blocks`.
pub fn outline(blocks: &[Block]) -> Vec<Head> {
    let mut heads: Vec<Head> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut seen_h1 = false;
    for (i, b) in blocks.iter().enumerate() {
        let Kind::Heading(level) = b.kind else {
            continue;
        };
        while let Some(&top) = stack.last() {
            if heads[top].level >= level {
                heads[top].end = i;
                stack.pop();
            } else {
                break;
            }
        }
        let parent = stack.last().copied();
        let role = if level == 1 && !seen_h1 && heads.is_empty() {
            Role::Title
        } else if phase_head(&b.text).is_some() {
            Role::Roadmap
        } else {
            role_of(&b.text)
        };
        seen_h1 |= level == 1;
        let inherited = parent.map_or(Role::Neutral, |p| heads[p].context);
        // A part keeps its meaning for everything under it ("🔴 MUST FIX" inside a
        // priority matrix is a matrix bucket, not a gaps part).
        let context = match (role, inherited) {
            (Role::Title, _) => Role::Neutral,
            (r, Role::Neutral) => r,
            (_, inh) => inh,
        };
        let (_, numbered) = strip_numbering(&strip_markers(&b.text).replace('*', ""));
        if let Some(p) = parent {
            heads[p].has_children = true;
        }
        stack.push(heads.len());
        heads.push(Head {
            block: i,
            level,
            text: b.text.clone(),
            line: b.line,
            parent,
            end: blocks.len(),
            role,
            context,
            numbered,
            has_children: false,
        });
    }
    heads
}

/// Decides, for every heading in a gaps context, whether it is a gap or a group.
/// Falls back to numbered leaf headings in neutral parts when no gaps part exists.
pub fn gap_uses(heads: &[Head]) -> Vec<Option<GapUse>> {
    let any_container = heads.iter().any(|h| h.role == Role::Gaps);
    heads
        .iter()
        .enumerate()
        .map(|(idx, h)| {
            let in_gaps =
                h.context == Role::Gaps && h.parent.is_some_and(|p| in_gaps_part(heads, p));
            let fallback = !any_container && h.numbered && h.context == Role::Neutral;
            if !(in_gaps || fallback) {
                return (h.role == Role::Gaps).then_some(GapUse::Group);
            }
            if is_body_heading(h) && h.parent.is_some_and(|p| !uses_gap_children(heads, p)) {
                return None;
            }
            if uses_gap_children(heads, idx) || (!h.numbered && is_group_label(&h.text)) {
                Some(GapUse::Group)
            } else {
                Some(GapUse::Gap)
            }
        })
        .collect()
}

/// True when heading `i` has a child heading that is a gap or group, not just a part of
/// a gap's body ("#### Required Actions").
fn uses_gap_children(heads: &[Head], i: usize) -> bool {
    heads[i].has_children
        && heads
            .iter()
            .skip(i + 1)
            .take_while(|h| h.level > heads[i].level)
            .any(|h| h.parent == Some(i) && !is_body_heading(h))
}

/// A sub-heading that belongs to a gap's body: "Required actions", "Status", "Impact".
pub fn is_body_heading(h: &Head) -> bool {
    const WORDS: &[&str] = &[
        "what's needed",
        "what is needed",
        "required",
        "action",
        "recommend",
        "status",
        "current state",
        "impact",
        "effort",
        "estimate",
        "cost",
        "notes",
        "details",
        "description",
        "steps",
        "solution",
        "why",
        "context",
        "acceptance",
        "tasks",
    ];
    let l = strip_markers(&h.text).to_lowercase().replace('’', "'");
    !h.numbered && l.split_whitespace().count() <= 4 && contains_any(&l, WORDS)
}

fn in_gaps_part(heads: &[Head], i: usize) -> bool {
    heads[i].context == Role::Gaps
}

/// "CRITICAL PRIORITY (Fix Within 2 Weeks)", "🟡 High": a label for a group, not a gap.
pub fn is_group_label(text: &str) -> bool {
    let (t, _) = split_parens(&strip_markers(text));
    priority_of(&t).is_some() || role_of(&t) == Role::Gaps
}

/// The phase heading at `head`, when it is one and not inside the gaps part.
pub fn phase_of_head(h: &Head) -> Option<PhaseHead> {
    if h.context == Role::Gaps || h.context == Role::Existing {
        return None;
    }
    phase_head(&h.text).or_else(|| {
        if h.context != Role::Roadmap || h.role == Role::Roadmap && h.parent.is_none() {
            return None;
        }
        let (bare, parens) = split_parens(&strip_markers(&h.text));
        let weeks = parens.iter().find_map(|p| super::recog::week_window(p))?;
        let name = super::text::clean_title(&bare);
        (!name.is_empty()).then_some(PhaseHead {
            name,
            weeks: Some(weeks),
            duration: None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::blocks::parse;

    #[test]
    fn classifies_parts_and_gaps() {
        let md = "# Report\n## ✅ What We Have\n### CI\n## ❌ Gaps Identified\n### 🔥 CRITICAL PRIORITY\n#### 1. Disaster Recovery\n#### 2. Secrets\n### 🟡 HIGH PRIORITY\n#### 3. API Docs\n## Roadmap\n### Phase 1: Infra (Weeks 1-2)\n";
        let blocks = parse(md);
        let heads = outline(&blocks);
        let uses = gap_uses(&heads);
        let gaps: Vec<&str> = heads
            .iter()
            .zip(&uses)
            .filter(|(_, u)| **u == Some(GapUse::Gap))
            .map(|(h, _)| h.text.as_str())
            .collect();
        assert_eq!(
            gaps,
            vec!["1. Disaster Recovery", "2. Secrets", "3. API Docs"]
        );
        assert_eq!(heads[1].role, Role::Existing);
        assert_eq!(heads[2].context, Role::Existing);
        let phases: Vec<_> = heads.iter().filter_map(phase_of_head).collect();
        assert_eq!(phases.len(), 1);
        assert_eq!(phases[0].weeks, Some((1, 2)));
    }

    #[test]
    fn numbered_category_with_sub_gaps() {
        let md = "# R\n## Gaps\n## 3. Security & Compliance Issues\n### 3.1 Secrets rotation\n### 3.2 Audit logs\n";
        let heads = outline(&parse(md));
        let uses = gap_uses(&heads);
        assert_eq!(uses[2], Some(GapUse::Group));
        assert_eq!(uses[3], Some(GapUse::Gap));
        assert_eq!(uses[4], Some(GapUse::Gap));
    }

    #[test]
    fn numbered_headings_without_a_gaps_part() {
        let md = "# Review\n## 1. Backups\ntext\n## 2. Monitoring\n## Summary\n";
        let heads = outline(&parse(md));
        let uses = gap_uses(&heads);
        assert_eq!(uses[1], Some(GapUse::Gap));
        assert_eq!(uses[2], Some(GapUse::Gap));
        assert_eq!(uses[3], None);
    }
}
