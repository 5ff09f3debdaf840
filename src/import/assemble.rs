//! Puts a plan together: reads every gap, links phase items, matrix lines and loose costs
//! to gaps, settles each field by the precedence rules, assigns ids, and logs the evidence.

use std::collections::{HashMap, HashSet};

use crate::plan::{
    Cost, CostKind, Dec2, EffortUnit, Estimate, Gap, Phase, Plan, Priority, Settings, Status,
};

use super::ImportOptions;
use super::blocks::Block;
use super::collect::{Outside, collect};
use super::gapbody::{Draft, read_gap};
use super::link::Matcher;
use super::log::{Found, GapLog, ImportLog, PhaseLog, Skip};
use super::outline::{GapUse, Head, Role, gap_uses, outline};
use super::recog::{Money, priority_of};
use super::text::{clean_title, kebab, split_parens, strip_markers};

/// Minimum match score for a phase item or matrix line to name a gap.
const LINK: f64 = 0.25;
/// Minimum match score for a cost label to attach to a gap.
const COST_LINK: f64 = 0.3;

struct Read {
    draft: Draft,
    context_priority: Option<(Priority, Found)>,
    existing: bool,
}

/// Builds the plan from repaired report text, or `None` when no gap was found.
pub fn build(text: &str, opts: &ImportOptions, log: &mut ImportLog) -> Option<(Plan, usize)> {
    let blocks = super::blocks::parse(text);
    let heads = outline(&blocks);
    let uses = gap_uses(&heads);
    let mut in_gap = vec![false; blocks.len()];
    let mut reads: Vec<Read> = Vec::new();
    for (hi, h) in heads.iter().enumerate() {
        let existing = h.context == Role::Existing && !h.has_children && h.role != Role::Title;
        let is_gap = uses[hi] == Some(GapUse::Gap);
        if !(is_gap || existing) {
            continue;
        }
        let end = body_end(&heads, hi, &blocks);
        for m in in_gap.iter_mut().take(end).skip(h.block) {
            *m = is_gap;
        }
        if existing && !opts.existing.imports() {
            log.skipped.push(Skip {
                line: h.line,
                what: format!("'{}'", clean_title(&h.text)),
                why: "lists what already exists (import it with --with-existing)".into(),
            });
            continue;
        }
        let mut draft = read_gap(&blocks[h.block], &blocks[h.block + 1..end]);
        if draft.area.is_none() {
            draft.area = area_of(&heads, hi, &draft.title);
        }
        for (line, what) in draft.skipped.drain(..) {
            log.skipped.push(Skip {
                line,
                what,
                why: format!("inside gap '{}', not an action", draft.title),
            });
        }
        reads.push(Read {
            context_priority: context_priority(&heads, hi),
            draft,
            existing,
        });
    }
    read_item_gaps(&blocks, &heads, &uses, &mut in_gap, &mut reads, log);
    if reads.is_empty() {
        return None;
    }
    let outside = collect(&blocks, &heads, &in_gap);
    let plan = link_and_finish(reads, outside, text_title(&heads), opts, log);
    Some((plan, heads.len()))
}

/// Groups in the gaps part with no gap headings under them list their gaps as bullets or
/// table rows. Ones that restate a heading gap are skipped (and logged), not duplicated.
fn read_item_gaps(
    blocks: &[Block],
    heads: &[Head],
    uses: &[Option<GapUse>],
    in_gap: &mut [bool],
    reads: &mut Vec<Read>,
    log: &mut ImportLog,
) {
    let mut has_gap_below = vec![false; heads.len()];
    for (hi, h) in heads.iter().enumerate() {
        if uses[hi] == Some(GapUse::Gap) {
            let mut p = h.parent;
            while let Some(i) = p {
                if has_gap_below[i] {
                    break;
                }
                has_gap_below[i] = true;
                p = heads[i].parent;
            }
        }
    }
    let heading_docs: Vec<(String, String)> = reads
        .iter()
        .map(|r| (r.draft.title.clone(), String::new()))
        .collect();
    let known = Matcher::new(&heading_docs);
    let mut found: Vec<Read> = Vec::new();
    for (hi, h) in heads.iter().enumerate() {
        if uses[hi] != Some(GapUse::Group) || has_gap_below[hi] || h.context != Role::Gaps {
            continue;
        }
        let end = heads
            .get(hi + 1)
            .map_or(blocks.len(), |next| next.block)
            .min(h.end);
        let body = &blocks[h.block + 1..end];
        for mut draft in super::itemgaps::item_gaps(body) {
            if !heading_docs.is_empty() && known.find(&draft.title, 0.6).is_some() {
                log.skipped.push(Skip {
                    line: draft.line,
                    what: format!("'{}'", draft.title),
                    why: "restates a gap already read from a heading".into(),
                });
                continue;
            }
            if draft.area.is_none() {
                draft.area = area_of(heads, hi, &draft.title);
            }
            let mut ctx = context_priority(heads, hi);
            if let Some(p) = priority_of(&h.text) {
                ctx = Some((
                    p,
                    Found {
                        what: strip_markers(&h.text),
                        from: "section heading".into(),
                        line: h.line,
                    },
                ));
            }
            found.push(Read {
                draft,
                context_priority: ctx,
                existing: false,
            });
        }
        for m in in_gap.iter_mut().take(end).skip(h.block + 1) {
            *m = true;
        }
    }
    reads.extend(found);
}

fn body_end(heads: &[Head], hi: usize, blocks: &[Block]) -> usize {
    heads[hi].end.min(blocks.len())
}

fn text_title(heads: &[Head]) -> String {
    heads
        .iter()
        .find(|h| h.role == Role::Title)
        .map(|h| clean_title(&h.text))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Imported plan".to_string())
}

fn context_priority(heads: &[Head], hi: usize) -> Option<(Priority, Found)> {
    let mut cur = heads[hi].parent;
    while let Some(i) = cur {
        if let Some(p) = priority_of(&heads[i].text) {
            let f = Found {
                what: strip_markers(&heads[i].text),
                from: "section heading".into(),
                line: heads[i].line,
            };
            return Some((p, f));
        }
        cur = heads[i].parent;
    }
    None
}

/// Area: the nearest enclosing group that names a topic rather than a priority, else a
/// topic word in the title.
fn area_of(heads: &[Head], hi: usize, title: &str) -> Option<String> {
    let mut cur = heads[hi].parent;
    while let Some(i) = cur {
        let h = &heads[i];
        let (bare, _) = split_parens(&strip_markers(&h.text));
        if h.role != Role::Title
            && priority_of(&bare).is_none()
            && h.parent.is_some_and(|p| heads[p].context == Role::Gaps)
        {
            let t = clean_title(&bare);
            let t = t
                .trim_end_matches(" Issues")
                .trim_end_matches(" Gaps")
                .to_string();
            if !t.is_empty() {
                return Some(t);
            }
        }
        cur = h.parent;
    }
    const TOPICS: &[(&[&str], &str)] = &[
        (
            &[
                "secur",
                "auth",
                "secret",
                "cors",
                "ddos",
                "ssl",
                "tls",
                "vulnerab",
                "rbac",
                "permission",
            ],
            "Security",
        ),
        (
            &["privacy", "gdpr", "complian", "legal", "polic"],
            "Compliance",
        ),
        (
            &[
                "monitor", "logging", "observab", "alert", "tracing", "error",
            ],
            "Observability",
        ),
        (
            &["disaster", "recovery", "backup", "failover"],
            "Reliability",
        ),
        (&["database", "migration", "redis", "cache", "data"], "Data"),
        (&["test", "qa", "quality"], "Testing"),
        (
            &["document", "docs", "runbook", "knowledge"],
            "Documentation",
        ),
        (
            &[
                "deploy",
                "ci/cd",
                "pipeline",
                "docker",
                "infrastructure",
                "environment",
                "load balanc",
                "cdn",
                "rate limit",
            ],
            "Infrastructure",
        ),
        (
            &["performance", "scal", "load", "capacity", "optimi"],
            "Performance",
        ),
        (&["cost", "analytics", "business"], "Business"),
    ];
    let l = title.to_lowercase();
    TOPICS
        .iter()
        .find(|(ws, _)| ws.iter().any(|w| l.contains(w)))
        .map(|(_, a)| a.to_string())
}

fn link_and_finish(
    reads: Vec<Read>,
    outside: Outside,
    title: String,
    opts: &ImportOptions,
    log: &mut ImportLog,
) -> Plan {
    let docs: Vec<(String, String)> = reads
        .iter()
        .map(|r| {
            let body: Vec<&str> = r
                .draft
                .actions
                .iter()
                .map(|a| a.text.as_str())
                .chain(r.draft.notes.iter().map(String::as_str))
                .collect();
            (r.draft.title.clone(), body.join(" ; "))
        })
        .collect();
    let matcher = Matcher::new(&docs);
    let n = reads.len();
    let settings = Settings::default();

    // Phases, and each gap's first phase.
    let mut phases: Vec<Phase> = Vec::new();
    let mut gap_phase: Vec<Option<(usize, Found)>> = vec![None; n];
    let mut share: Vec<Option<(Dec2, Dec2, Vec<String>)>> = vec![None; n];
    let mut prev_end = 0u32;
    for (pi, p) in outside.phases.iter().enumerate() {
        let id = format!("p{}", pi + 1);
        let weeks = p.head.weeks.or_else(|| {
            // "Sprint 2 (2 weeks)": a length, so it follows the phase before it.
            let d = p.head.duration.filter(|d| d.unit == EffortUnit::Weeks)?;
            let len = u32::try_from((d.hi.hundredths() + 99) / 100).ok()?.max(1);
            Some((prev_end + 1, prev_end + len))
        });
        if let Some((_, end)) = weeks {
            prev_end = prev_end.max(end);
        }
        let mut unmatched = Vec::new();
        // A stated effort in hours or days is shared by the items; a length in weeks
        // ("Sprint 1 (2 weeks)") is calendar time, not effort.
        let per_item = p
            .head
            .duration
            .filter(|d| !p.items.is_empty() && d.unit != EffortUnit::Weeks)
            .map(|d| {
                let k = p.items.len() as i64;
                let (lo, hi) = (
                    hours(d.lo, d.unit, &settings),
                    hours(d.hi, d.unit, &settings),
                );
                (
                    Dec2::from_hundredths(lo.hundredths() / k),
                    Dec2::from_hundredths(hi.hundredths() / k),
                )
            });
        for (line, item) in &p.items {
            match matcher.find(item, LINK) {
                Some(g) => {
                    if gap_phase[g].is_none() {
                        gap_phase[g] = Some((
                            pi,
                            Found {
                                what: item.clone(),
                                from: format!("phase {id} item"),
                                line: *line,
                            },
                        ));
                    }
                    if let Some((lo, hi)) = per_item {
                        let s = share[g].get_or_insert((Dec2::ZERO, Dec2::ZERO, Vec::new()));
                        s.0 += lo;
                        s.1 += hi;
                        s.2.push(id.clone());
                    }
                }
                None => unmatched.push((*line, item.clone())),
            }
        }
        let window = match (weeks, p.head.duration) {
            (Some((a, b)), Some(_)) if p.head.weeks.is_none() => {
                format!("weeks {a}-{b}, placed after the phase before it")
            }
            (Some((a, b)), _) => format!("weeks {a}-{b}"),
            (None, Some(d)) => format!(
                "no week window; stated duration {}-{} {}",
                d.lo,
                d.hi,
                unit_name(d.unit)
            ),
            (None, None) => "no week window".to_string(),
        };
        log.phases.push(PhaseLog {
            id: id.clone(),
            name: p.head.name.clone(),
            line: p.line,
            window,
            items: p.items.len(),
            unmatched,
        });
        phases.push(Phase {
            id,
            name: p.head.name.clone(),
            goal: p.goal.clone(),
            weeks,
            costs: Vec::new(),
        });
    }

    // Priority matrix lines: the highest bucket naming a gap wins.
    let mut matrix: Vec<Option<(Priority, Found)>> = vec![None; n];
    for (line, text, p) in &outside.matrix {
        if let Some(g) = matcher.find(text, LINK)
            && matrix[g].as_ref().is_none_or(|(q, _)| p < q)
        {
            matrix[g] = Some((
                *p,
                Found {
                    what: text.clone(),
                    from: "priority matrix".into(),
                    line: *line,
                },
            ));
        }
    }

    // Loose costs: a gap they name, else their phase, else the plan.
    let mut gap_costs: Vec<Vec<(Money, usize)>> = vec![Vec::new(); n];
    let mut plan_costs = Vec::new();
    let loose = outside.costs.iter().map(|(m, l, p)| (m, *l, *p)).chain(
        outside
            .phases
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| p.costs.iter().map(move |(m, l)| (m, *l, Some(pi)))),
    );
    let mut by_amount: HashMap<(CostKind, Dec2, Dec2), usize> = HashMap::new();
    for (g, r) in reads.iter().enumerate() {
        for (c, _) in &r.draft.costs {
            by_amount.entry((c.kind, c.lo, c.hi)).or_insert(g);
        }
    }
    for (m, line, phase) in loose {
        let label = if m.label.is_empty() {
            format!("cost on line {line}")
        } else {
            m.label.clone()
        };
        if let Some(g) = matcher.find(&label, COST_LINK) {
            let same = |c: &(Money, usize)| (c.0.kind, c.0.lo, c.0.hi) == (m.kind, m.lo, m.hi);
            if reads[g]
                .draft
                .costs
                .iter()
                .chain(gap_costs[g].iter())
                .any(same)
            {
                log.costs.push(format!(
                    "line {line}: '{label}' restates a cost of gap '{}': not added again",
                    reads[g].draft.title
                ));
                continue;
            }
            log.costs.push(format!(
                "line {line}: '{label}' attached to gap '{}' (it names it)",
                reads[g].draft.title
            ));
            gap_costs[g].push((m.clone(), line));
        } else if let Some(&g) = by_amount.get(&(m.kind, m.lo, m.hi)) {
            log.costs.push(format!(
                "line {line}: '{label}' has the same amount as a cost of gap '{}': taken as the same line",
                reads[g].draft.title
            ));
        } else if let Some(pi) = phase {
            log.costs.push(format!(
                "line {line}: '{label}' kept as a phase {} cost line",
                phases[pi].id
            ));
            phases[pi].costs.push(to_cost(m, &label));
        } else {
            log.costs.push(format!(
                "line {line}: '{label}' names no gap: kept as a plan-level cost line"
            ));
            plan_costs.push(to_cost(m, &label));
        }
    }

    let mut ids = HashSet::new();
    let mut gaps = Vec::with_capacity(n);
    let mut currency = None;
    for (gi, r) in reads.into_iter().enumerate() {
        let d = r.draft;
        let mut review = Vec::new();
        let mut fields: Vec<(&'static str, String, Option<Found>)> = Vec::new();
        // Priority precedence: the gap's own line > priority matrix > impact > section > Medium.
        let candidates = [
            d.priority.clone(),
            matrix[gi].clone(),
            d.impact_priority.clone(),
            r.context_priority.clone(),
        ];
        let chosen = candidates.iter().flatten().next().cloned();
        let priority = match &chosen {
            Some((p, f)) => {
                fields.push(("priority", p.name().into(), Some(f.clone())));
                for (q, f2) in candidates.iter().flatten() {
                    if q != p && f2.from != "section heading" {
                        review.push(format!(
                            "priority: {} says {} (line {}); {} was used",
                            f2.from,
                            q.name(),
                            f2.line,
                            p.name()
                        ));
                    }
                }
                *p
            }
            None => {
                review.push("no priority found: defaulted to Medium".into());
                fields.push(("priority", "Medium".into(), None));
                Priority::Medium
            }
        };
        if let Some(a) = &d.area {
            fields.push(("area", a.clone(), None));
        }
        let status = if r.existing {
            Status::Done
        } else if let Some((s, f)) = &d.status {
            fields.push(("status", s.name().into(), Some(f.clone())));
            *s
        } else {
            review.push("no status found: defaulted to Missing".into());
            Status::Missing
        };
        let estimate = match (&d.estimate, &share[gi]) {
            (Some((e, f)), _) => {
                fields.push(("estimate", est_text(e), Some(f.clone())));
                Some(*e)
            }
            (None, Some((lo, hi, from))) => {
                let e = Estimate {
                    unit: EffortUnit::Hours,
                    lo: *lo,
                    hi: *hi,
                };
                fields.push(("estimate", est_text(&e), None));
                review.push(format!(
                    "estimate is this gap's share of the time stated for phase {}",
                    from.join(", ")
                ));
                Some(e)
            }
            (None, None) => None,
        };
        let phase = gap_phase[gi].as_ref().map(|(pi, f)| {
            fields.push(("phase", phases[*pi].id.clone(), Some(f.clone())));
            phases[*pi].id.clone()
        });
        let mut costs = Vec::new();
        for (m, line) in d.costs.iter().chain(gap_costs[gi].iter()) {
            currency.get_or_insert(m.currency);
            let label = if m.label.is_empty() {
                d.title.clone()
            } else {
                m.label.clone()
            };
            let c = to_cost(m, &label);
            fields.push((
                "cost",
                format!(
                    "{} {}-{} '{}' ({})",
                    kind_name(&c),
                    c.lo,
                    c.hi,
                    c.label,
                    m.period
                ),
                Some(Found {
                    what: c.label.clone(),
                    from: "amount".into(),
                    line: *line,
                }),
            ));
            costs.push(c);
        }
        let mut id = kebab(&d.title);
        if id.is_empty() {
            id = "gap".into();
        }
        let id = unique(&mut ids, id);
        let done = d.actions.iter().filter(|a| a.done).count();
        log.gaps.push(GapLog {
            id: id.clone(),
            title: d.title.clone(),
            line: d.line,
            fields,
            actions: d.actions.len(),
            done,
            review,
        });
        let notes = (!d.notes.is_empty()).then(|| d.notes.join("\n"));
        gaps.push(Gap {
            id,
            title: d.title,
            area: d.area,
            priority,
            status,
            phase,
            estimate,
            actions: d.actions,
            impact: d.impact,
            notes,
            costs,
            depends_on: Vec::new(),
            owner: None,
            progress: None,
        });
    }
    for (line, title, e) in &outside.sized {
        if let Some(g) = matcher.find(title, 0.5) {
            let note = format!("Report sizes '{title}' at {} (line {line}).", est_text(e));
            let gap = &mut gaps[g];
            gap.notes = Some(match gap.notes.take() {
                Some(n) => format!("{n}\n{note}"),
                None => note,
            });
        }
    }
    Plan {
        title,
        start: opts.start,
        currency: currency.unwrap_or("USD").to_string(),
        settings,
        holidays: Vec::new(),
        team: Vec::new(),
        phases,
        gaps,
        costs: plan_costs,
    }
    .with_totals(outside.totals, log)
}

trait WithTotals {
    fn with_totals(
        self,
        totals: Vec<(usize, String, super::collect::Stated)>,
        log: &mut ImportLog,
    ) -> Plan;
}

impl WithTotals for Plan {
    fn with_totals(
        self,
        totals: Vec<(usize, String, super::collect::Stated)>,
        log: &mut ImportLog,
    ) -> Plan {
        log.totals = super::totals::check(&self, &totals);
        self
    }
}

fn unique(ids: &mut HashSet<String>, base: String) -> String {
    let mut id = base.clone();
    let mut k = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{k}");
        k += 1;
    }
    id
}

fn to_cost(m: &Money, label: &str) -> Cost {
    Cost {
        kind: m.kind,
        lo: m.lo,
        hi: m.hi,
        label: label.to_string(),
    }
}

fn kind_name(c: &Cost) -> &'static str {
    match c.kind {
        crate::plan::CostKind::Monthly => "monthly",
        crate::plan::CostKind::Once => "one-time",
    }
}

pub fn hours(v: Dec2, unit: EffortUnit, s: &Settings) -> Dec2 {
    match unit {
        EffortUnit::Hours => v,
        EffortUnit::Days => {
            Dec2::from_hundredths(v.hundredths() * s.hours_per_day.hundredths() / 100)
        }
        EffortUnit::Weeks => {
            Dec2::from_hundredths(v.hundredths() * s.hours_per_week.hundredths() / 100)
        }
    }
}

pub fn unit_name(u: EffortUnit) -> &'static str {
    match u {
        EffortUnit::Hours => "hours",
        EffortUnit::Days => "days",
        EffortUnit::Weeks => "weeks",
    }
}

pub fn est_text(e: &Estimate) -> String {
    if e.lo == e.hi {
        format!("{} {}", e.lo, unit_name(e.unit))
    } else {
        format!("{}-{} {}", e.lo, e.hi, unit_name(e.unit))
    }
}
