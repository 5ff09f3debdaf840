//! The table rows built without per-gap strings: same order and dependency edges as the plain
//! definitions, and "changed cells" still match gaps by id across moves.

use std::collections::HashMap;

use crate::edit::display_order;
use crate::engine::analyze;
use crate::genplan::generate;
use crate::tui::reach::Reach;
use crate::tui::rows::{Cells, Columns, Row, Rows};

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
    assert!(!plain.is_empty(), "the generated plan has dependencies");
    for g in 0..plan.gaps.len() {
        let none = Vec::new();
        let want = forward.get(&g).unwrap_or(&none);
        assert_eq!(rows.depends_on(g), want.as_slice(), "depends_on of {g}");
        let want = plain.get(&g).unwrap_or(&none);
        assert_eq!(rows.dependents(g), want.as_slice(), "dependents of {g}");
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
    let mut new = Rows::default();
    new.lay_out(&moved, &analyze(&moved));
    let mut cells = Cells::default();
    cells.compare(&new, &old, Reach::ALL, &moved);
    let last = moved.gaps.len() - 1;
    assert_eq!(cells.get(last), Columns::ALL, "a new gap is all new");
    for (g, c) in cells.iter() {
        assert!(g == last || c != Columns::ALL, "gap {g} lost its match");
    }
    new.inherit(&mut old.clone(), Reach::ALL, &moved);
    for (g, gap) in moved.gaps.iter().enumerate() {
        assert_eq!(new.id(g), gap.id);
    }
}
