//! The table rows built without per-gap strings: same order and dependency edges as the plain
//! definitions, and "changed cells" still match gaps by id across moves.

use std::collections::HashMap;

use crate::edit::display_order;
use crate::engine::analyze;
use crate::genplan::generate;
use crate::tui::rows::{Columns, Row, Rows};

fn shown(rows: &Rows) -> Vec<usize> {
    rows.rows
        .iter()
        .filter_map(|r| match r {
            Row::Gap(g) => Some(g.gap),
            Row::Phase(_) => None,
        })
        .collect()
}

#[test]
fn order_and_dependents_match_the_plain_definitions() {
    let mut plan = generate(400, 7);
    plan.gaps[5].phase = Some("no-such-phase".into());
    plan.gaps[6].phase = None;
    let rows = Rows::build(&plan, &analyze(&plan));
    assert_eq!(shown(&rows), display_order(&plan));
    for (g, &r) in rows.gap_row.iter().enumerate() {
        assert!(
            matches!(&rows.rows[r], Row::Gap(x) if x.gap == g),
            "gap {g}"
        );
        assert_eq!(rows.id(g), plan.gaps[g].id);
    }
    let mut plain: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut forward: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, g) in plan.gaps.iter().enumerate() {
        for d in &g.depends_on {
            if let Some(t) = plan.gaps.iter().position(|x| &x.id == d) {
                plain.entry(t).or_default().push(i);
                forward.entry(i).or_default().push(t);
            }
        }
    }
    assert_eq!(rows.depends_on.len(), forward.len());
    for (g, ts) in &forward {
        assert_eq!(rows.depends_on.get(g), Some(ts), "depends_on of {g}");
    }
    assert!(!plain.is_empty(), "the generated plan has dependencies");
    assert_eq!(rows.dependents.len(), plain.len());
    for (t, ds) in &plain {
        assert_eq!(rows.dependents.get(t), Some(ds), "dependents of {t}");
    }
}

#[test]
fn changes_match_moved_gaps_by_id_and_ids_follow_the_plan() {
    let plan = generate(300, 3);
    let old = Rows::build(&plan, &analyze(&plan));
    let mut moved = plan.clone();
    moved.gaps.swap(10, 11);
    let extra = moved.gaps[0].clone();
    moved.gaps.push(crate::plan::Gap {
        id: "brand-new".into(),
        ..extra
    });
    let mut new = Rows::build_numbers(&moved, &analyze(&moved));
    let cells = new.changes_since(&old, &moved);
    let last = moved.gaps.len() - 1;
    assert_eq!(
        cells.get(&last),
        Some(&Columns::ALL),
        "a new gap is all new"
    );
    for (g, c) in &cells {
        assert!(*g == last || *c != Columns::ALL, "gap {g} lost its match");
    }
    let mut ids = old.clone();
    new.adopt_ids(ids.take_ids(), &moved);
    for (g, gap) in moved.gaps.iter().enumerate() {
        assert_eq!(new.id(g), gap.id);
    }
}
