//! Unit tests of edit operations: each edit changes what it says, and its inverse undoes it.

use super::*;
use crate::plan::{Action, Dec2, Member, Phase, Plan, Settings, Status};

fn plan() -> Plan {
    let phase = |id: &str| Phase {
        id: id.into(),
        name: format!("Phase {id}"),
        goal: None,
        weeks: None,
        costs: vec![],
    };
    let gap = |id: &str, ph: Option<&str>| {
        let mut g = Gap::new(id, format!("Gap {id}"));
        g.phase = ph.map(str::to_string);
        g
    };
    let mut a = gap("a", Some("p1"));
    a.actions = vec![Action {
        done: false,
        text: "write runbook".into(),
    }];
    Plan {
        title: "t".into(),
        start: jiff::civil::date(2026, 1, 5),
        currency: "USD".into(),
        settings: Settings::default(),
        holidays: vec![],
        team: vec![Member {
            name: "ops".into(),
            hours_per_week: Dec2::from_units(10),
        }],
        phases: vec![phase("p1"), phase("p2")],
        // display order: a, b (p1), c, d (p2), e (unphased)
        gaps: vec![
            gap("c", Some("p2")),
            a,
            gap("b", Some("p1")),
            gap("e", None),
            gap("d", Some("p2")),
        ],
        costs: vec![],
    }
}

fn ids(p: &Plan) -> Vec<&str> {
    display_order(p)
        .into_iter()
        .map(|i| p.gaps[i].id.as_str())
        .collect()
}

fn idx(p: &Plan, id: &str) -> usize {
    p.gaps.iter().position(|g| g.id == id).unwrap()
}

#[test]
fn set_returns_inverse_that_restores() {
    let mut p = plan();
    let before = p.clone();
    let inv = apply(
        &mut p,
        Edit::Set {
            gap: 0,
            field: GapField::Status(Status::Done),
        },
    )
    .unwrap();
    assert_eq!(p.gaps[0].status, Status::Done);
    apply(&mut p, inv).unwrap();
    assert_eq!(p, before);
}

#[test]
fn unknown_phase_is_refused_with_known_list() {
    let mut p = plan();
    let err = apply(
        &mut p,
        Edit::Set {
            gap: 0,
            field: GapField::Phase(Some("p9".into())),
        },
    )
    .unwrap_err();
    assert_eq!(err.message, "unknown phase 'p9'");
    assert_eq!(err.fix.as_deref(), Some("known phases: p1, p2"));
    assert_eq!(p, plan());
}

#[test]
fn toggle_action_flips_and_bad_index_names_range() {
    let mut p = plan();
    let a = idx(&p, "a");
    apply(&mut p, Edit::ToggleAction { gap: a, action: 0 }).unwrap();
    assert!(p.gaps[a].actions[0].done);
    let err = apply(&mut p, Edit::ToggleAction { gap: a, action: 3 }).unwrap_err();
    assert_eq!(err.fix.as_deref(), Some("actions are numbered 1 to 1"));
}

#[test]
fn move_up_within_phase_and_across_boundary() {
    let mut p = plan();
    assert_eq!(ids(&p), ["a", "b", "c", "d", "e"]);
    let e = move_within_phase(&p, idx(&p, "b"), Direction::Up).unwrap();
    apply(&mut p, e).unwrap();
    assert_eq!(ids(&p), ["b", "a", "c", "d", "e"]);
    // c is first of p2: moving up joins p1 at its end.
    let e = move_within_phase(&p, idx(&p, "c"), Direction::Up).unwrap();
    let inv = apply(&mut p, e).unwrap();
    assert_eq!(ids(&p), ["b", "a", "c", "d", "e"]);
    assert_eq!(p.gaps[idx(&p, "c")].phase.as_deref(), Some("p1"));
    apply(&mut p, inv).unwrap();
    assert_eq!(p.gaps[idx(&p, "c")].phase.as_deref(), Some("p2"));
}

#[test]
fn move_down_into_unphased_and_at_end_is_refused() {
    let mut p = plan();
    let e = move_within_phase(&p, idx(&p, "d"), Direction::Down).unwrap();
    apply(&mut p, e).unwrap();
    assert_eq!(p.gaps[idx(&p, "d")].phase, None);
    assert_eq!(ids(&p), ["a", "b", "c", "d", "e"]);
    let e = move_within_phase(&p, idx(&p, "d"), Direction::Down).unwrap();
    apply(&mut p, e).unwrap();
    assert_eq!(ids(&p), ["a", "b", "c", "e", "d"]);
    let err = move_within_phase(&p, idx(&p, "d"), Direction::Down).unwrap_err();
    assert_eq!(err.message, "'d' is already last");
}

#[test]
fn send_to_next_phase_places_last_in_group() {
    let mut p = plan();
    let e = send_to_phase(&p, idx(&p, "a"), Direction::Down).unwrap();
    apply(&mut p, e).unwrap();
    assert_eq!(ids(&p), ["b", "c", "d", "a", "e"]);
    // Into the unphased group: after its last gap.
    let e = send_to_phase(&p, idx(&p, "d"), Direction::Down).unwrap();
    apply(&mut p, e).unwrap();
    assert_eq!(ids(&p), ["b", "c", "a", "e", "d"]);
    assert_eq!(p.gaps[idx(&p, "d")].phase, None);
}

#[test]
fn rename_id_updates_dependencies_and_undoes() {
    let mut p = plan();
    let b = idx(&p, "b");
    p.gaps[b].depends_on = vec!["a".into()];
    let a = idx(&p, "a");
    let inv = apply(
        &mut p,
        Edit::Set {
            gap: a,
            field: GapField::Id("alpha".into()),
        },
    )
    .unwrap();
    assert_eq!(p.gaps[b].depends_on, ["alpha"]);
    apply(&mut p, inv).unwrap();
    assert_eq!(p.gaps[b].depends_on, ["a"]);
}

#[test]
fn failed_batch_rolls_back() {
    let mut p = plan();
    let before = p.clone();
    let err = apply(
        &mut p,
        Edit::Batch(vec![
            Edit::Set {
                gap: 0,
                field: GapField::Progress(Some(50)),
            },
            Edit::Set {
                gap: 0,
                field: GapField::Owner(Some("nobody".into())),
            },
        ]),
    )
    .unwrap_err();
    assert!(err.message.contains("nobody"));
    assert_eq!(p, before);
}

#[test]
fn remove_then_undo_restores_position() {
    let mut p = plan();
    let before = p.clone();
    let inv = apply(&mut p, Edit::RemoveGap { at: 2 }).unwrap();
    assert_eq!(p.gaps.len(), 4);
    apply(&mut p, inv).unwrap();
    assert_eq!(p, before);
}

#[test]
fn grouped_matches_group_of_for_every_gap_with_odd_phases() {
    let mut p = plan();
    // A second phase reusing id "p1" (its gaps belong to the first), and an unknown phase.
    p.phases.push(Phase {
        id: "p1".into(),
        name: "again".into(),
        goal: None,
        weeks: None,
        costs: vec![],
    });
    let mut x = Gap::new("x", "unknown phase");
    x.phase = Some("nope".into());
    p.gaps.insert(2, x);
    let Grouped { order, starts } = grouped(&p);
    assert_eq!(
        starts,
        vec![0, 2, 4, 4, 6],
        "p1: a b, p2: c d, 2nd p1: none, rest: x e"
    );
    assert_eq!(ids(&p), ["a", "b", "c", "d", "x", "e"]);
    let mut groups = Groups::new(&p);
    for (k, &g) in order.iter().enumerate() {
        let group = group_of(&p, g);
        assert_eq!(groups.of(&p.gaps[g]), group, "{}", p.gaps[g].id);
        assert!((starts[group]..starts[group + 1]).contains(&k));
    }
}
