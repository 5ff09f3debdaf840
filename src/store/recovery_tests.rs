//! Tests of recovery files and the quiet-period timer.

use super::*;

fn setup() -> (tempfile::TempDir, RecoveryStore, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path().join("state").join("recovery"));
    let plan = dir.path().join("team plan.ron");
    fs::write(&plan, "Plan(title: \"saved\")").unwrap();
    (dir, store, plan)
}

#[test]
fn write_find_text_and_discard_round_trip() {
    let (_dir, store, plan) = setup();
    assert_eq!(store.find(&plan).unwrap(), None);
    let written = store.write(&plan, "Plan(title: \"unsaved\")\n").unwrap();
    assert!(written.starts_with(store.dir()));
    let found = store.find(&plan).unwrap().unwrap();
    assert_eq!(found.path, written);
    assert_eq!(found.plan, fs::canonicalize(&plan).unwrap());
    assert!(found.saved.starts_with("20"), "{}", found.saved);
    assert_eq!(found.text().unwrap(), "Plan(title: \"unsaved\")\n");
    store.discard(&plan).unwrap();
    assert_eq!(store.find(&plan).unwrap(), None);
    store.discard(&plan).unwrap(); // discarding twice is fine
}

#[test]
fn the_same_plan_by_another_path_finds_the_same_file() {
    let (dir, store, plan) = setup();
    store.write(&plan, "unsaved").unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let roundabout = sub.join("..").join("team plan.ron");
    assert_eq!(store.file_for(&roundabout), store.file_for(&plan));
    assert!(store.find(&roundabout).unwrap().is_some());
    // A different plan in the same directory has its own file.
    assert_ne!(
        store.file_for(&dir.path().join("other.ron")),
        store.file_for(&plan)
    );
}

#[test]
fn offer_skips_and_removes_a_recovery_equal_to_the_file() {
    let (_dir, store, plan) = setup();
    store.write(&plan, "Plan(title: \"saved\")").unwrap();
    assert_eq!(store.offer(&plan).unwrap(), None);
    assert_eq!(
        store.find(&plan).unwrap(),
        None,
        "identical recovery is discarded"
    );

    store.write(&plan, "Plan(title: \"newer\")").unwrap();
    let offered = store
        .offer(&plan)
        .unwrap()
        .expect("different text is offered");
    assert_eq!(offered.text().unwrap(), "Plan(title: \"newer\")");
}

#[test]
fn list_shows_every_plan_and_skips_foreign_files() {
    let (dir, store, plan) = setup();
    let other = dir.path().join("other.ron");
    store.write(&plan, "a").unwrap();
    store.write(&other, "b").unwrap();
    fs::write(store.dir().join("junk.ron"), "not a recovery file").unwrap();
    let mut plans: Vec<PathBuf> = store.list().unwrap().into_iter().map(|r| r.plan).collect();
    plans.sort();
    let mut want = vec![
        fs::canonicalize(&plan).unwrap(),
        fs::canonicalize(dir.path()).unwrap().join("other.ron"),
    ];
    want.sort();
    assert_eq!(plans, want);
    assert!(
        RecoveryStore::at(dir.path().join("none"))
            .list()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn odd_plan_paths_survive_the_header() {
    let (dir, store, _) = setup();
    let weird = dir.path().join("quote\"and\\slash.ron");
    store.write(&weird, "text\nwith lines\n").unwrap();
    let found = store.find(&weird).unwrap().unwrap();
    assert!(
        found.plan.ends_with("quote\"and\\slash.ron"),
        "{:?}",
        found.plan
    );
    assert_eq!(found.text().unwrap(), "text\nwith lines\n");
}

#[test]
fn timer_waits_for_a_quiet_period_after_the_last_edit() {
    let t0 = Instant::now();
    let s = Duration::from_secs;
    let mut timer = RecoveryTimer::new(s(3));
    assert!(!timer.due(t0 + s(100)), "nothing edited, nothing due");
    timer.note_edit(t0);
    assert!(!timer.due(t0 + s(2)));
    timer.note_edit(t0 + s(2)); // typing continues: the quiet period restarts
    assert!(!timer.due(t0 + s(4)));
    assert_eq!(timer.next_wake(t0 + s(4)), Some(s(1)));
    assert!(timer.due(t0 + s(5)));
    timer.written();
    assert!(!timer.due(t0 + s(60)));
    assert_eq!(timer.next_wake(t0 + s(60)), None);
}
