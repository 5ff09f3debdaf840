//! Settles each gap's fields by the precedence rules (own line > matrix > impact >
//! section for priority; own estimate > phase share), assigns unique kebab-case ids,
//! records the evidence in the log, and assembles the `Plan`.

use std::collections::HashSet;

use crate::plan::{Cost, EffortUnit, Estimate, Gap, Plan, Priority, Settings, Status};

use super::ImportOptions;
use super::collect::Outside;
use super::effort::est_text;
use super::gapbody::Draft;
use super::link::Matcher;
use super::log::{Found, GapLog, ImportLog};
use super::place::place;
use super::recog::Money;
use super::text::kebab;

/// One gap as read, with the priority of the section it sits in.
pub struct Read {
    pub draft: Draft,
    pub context_priority: Option<(Priority, Found)>,
    pub existing: bool,
}

pub fn link_and_finish(
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

    let super::place::Placed {
        phases,
        gap_phase,
        share,
        matrix,
        gap_costs,
        plan_costs,
    } = place(&reads, &outside, &matcher, &settings, log);
    let mut ids = HashSet::new();
    let mut gaps = Vec::with_capacity(n);
    let mut currency = None;
    for (gi, r) in reads.into_iter().enumerate() {
        let d = r.draft;
        let mut review = Vec::new();
        let mut fields: Vec<(&'static str, String, Option<Found>)> = Vec::new();
        // Priority precedence: the gap's own line > priority matrix > impact > section > Medium.
        let candidates = [
            &d.priority,
            &matrix[gi],
            &d.impact_priority,
            &r.context_priority,
        ];
        let chosen = candidates.iter().copied().flatten().next();
        let priority = match chosen {
            Some((p, f)) => {
                fields.push(("priority", p.name().into(), Some(f.clone())));
                for (q, f2) in candidates.iter().copied().flatten() {
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

pub fn to_cost(m: &Money, label: &str) -> Cost {
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
