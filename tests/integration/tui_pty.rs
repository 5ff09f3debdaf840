//! End-to-end: the real `gapdeck` binary in a pseudo-terminal (portable-pty), its screen
//! read with a terminal emulator (vt100). Opens a copy of a sample plan, moves a gap,
//! sets a priority, ticks an action, saves and quits; checks the screen and the file.

use gapdeck::plan::{Priority, load_file};

use super::pty_support::Session;

#[test]
fn triage_a_copy_of_the_sample_then_save_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.ron");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/process-gaps.ron");
    std::fs::copy(sample, &plan_path).unwrap();
    let before = load_file(&plan_path).unwrap().plan;
    let order = gapdeck::edit::display_order(&before);
    let first = before.gaps[order[0]].clone();
    let second = before.gaps[order[1]].clone();
    assert!(!first.actions.is_empty() && first.priority != Priority::Low);

    let mut s = Session::start(&plan_path, dir.path());
    s.wait_for(&first.title);
    s.assert_no_colours();

    s.keys("J");
    s.wait_for(&format!("moved '{}' down", first.id));
    s.keys("4");
    let screen = s.wait_for(&format!("priority Low of '{}'", first.id));
    let row = screen
        .lines()
        .find(|l| l.contains(&first.title))
        .unwrap_or_default()
        .to_string();
    assert!(
        row.starts_with("Low "),
        "the row shows the new priority: {row:?}"
    );
    let second_at = screen.find(&second.title).unwrap();
    let first_at = screen.find(&first.title).unwrap();
    assert!(
        second_at < first_at,
        "the moved gap is drawn below its neighbour:\n{screen}"
    );
    assert!(
        screen.contains("unsaved"),
        "title bar marks unsaved changes"
    );

    // Detail pane, last item = last action, tick it.
    s.keys("\r");
    s.wait_for("Checklist");
    s.keys("G ");
    let n = first.actions.len();
    let was_done = first.actions[n - 1].done;
    let word = if was_done { "unticked" } else { "ticked" };
    s.wait_for(&format!("{word} action {n} of '{}'", first.id));

    s.keys("\x13"); // ctrl-s
    s.wait_for("saved ");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let after = load_file(&plan_path).unwrap().plan;
    let gap = after.gaps.iter().find(|g| g.id == first.id).unwrap();
    assert_eq!(gap.priority, Priority::Low);
    assert_eq!(
        gap.actions[n - 1].done,
        !was_done,
        "the ticked action is saved"
    );
    let order = gapdeck::edit::display_order(&after);
    assert_eq!(after.gaps[order[0]].id, second.id, "the move is saved");
    assert_eq!(after.gaps[order[1]].id, first.id);
    assert!(
        dir.path().join("plan.ron.bak").exists(),
        "the previous version was kept"
    );
}

#[test]
fn first_use_opens_the_sample_saves_where_asked_and_reopens_it_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(None, dir.path());
    s.wait_for("built-in sample");
    s.keys("2");
    s.wait_for("unsaved");
    s.keys("\x13"); // ctrl-s on the sample asks where to save
    s.wait_for("Save plan as");
    // Clear the suggested name, type ours (the editor's ctrl-a/ctrl-k are not needed:
    // backspace over the suggestion).
    s.keys(&"\x7f".repeat(60));
    s.keys("mine.ron\r");
    s.wait_for("saved mine.ron");
    s.keys("q");
    assert!(s.wait_exit().success());
    let saved = dir.path().join("mine.ron");
    let plan = load_file(&saved).unwrap().plan;
    assert_eq!(
        plan.title,
        load_file(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/plans/process-gaps.ron"
        ))
        .unwrap()
        .plan
        .title
    );

    // Next start without an argument opens the most recent plan.
    let mut s = Session::start_with(None, dir.path());
    s.wait_for("mine.ron");
    let screen = s.contents();
    assert!(!screen.contains("built-in sample"), "{screen}");
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_plan_changed_on_disk_while_open_is_reloaded_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.ron");
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/minimal.ron");
    std::fs::copy(minimal, &plan_path).unwrap();
    let mut s = Session::start(&plan_path, dir.path());
    s.wait_for("Automated database backups");
    // Another editor rewrites the file (write to a temporary file, rename over).
    let text = std::fs::read_to_string(&plan_path)
        .unwrap()
        .replace("Automated database backups", "Backups edited elsewhere");
    let tmp = dir.path().join("plan.ron.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &plan_path).unwrap();
    s.wait_for("reloaded: plan changed on disk");
    s.wait_for("Backups edited elsewhere");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(
        !dir.path().join(".plan.ron.lock").exists(),
        "lock released on quit"
    );
}

#[test]
fn a_recovery_file_is_offered_when_the_plan_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.ron");
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/minimal.ron");
    std::fs::copy(minimal, &plan_path).unwrap();
    let recovered = std::fs::read_to_string(&plan_path)
        .unwrap()
        .replace("Automated database backups", "Recovered title");
    let store = gapdeck::store::recovery::RecoveryStore::at(dir.path().join("state/recovery"));
    store.write(&plan_path, &recovered).unwrap();
    let mut s = Session::start(&plan_path, dir.path());
    s.wait_for("Restore unsaved changes from");
    s.keys("y");
    s.wait_for("Recovered title");
}
