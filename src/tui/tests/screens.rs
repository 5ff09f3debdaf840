//! Whole screens drawn on a TestBackend after scripted actions, compared as text with
//! insta snapshots; plus a size sweep that must never panic.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::fixture::app;
use crate::tui::action::Action;
use crate::tui::app::App;

fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Action::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    term.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in a.top()..a.bottom() {
        let mut line = String::new();
        for x in a.left()..a.right() {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    text(&draw(app, w, h))
}

#[test]
fn main_screen_after_a_move() {
    let mut a = app();
    a.update(Action::MoveGapDown);
    insta::assert_snapshot!(screen(&mut a, 110, 20));
}

#[test]
fn main_screen_at_80x24() {
    let mut a = app();
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn detail_pane() {
    let mut a = app();
    a.update(Action::OpenDetail);
    a.update(Action::Last);
    insta::assert_snapshot!(screen(&mut a, 120, 30));
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut a = app();
    a.update(Action::ToggleHelp);
    let s = screen(&mut a, 80, 60);
    assert!(s.contains("move gap down"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn delete_confirmation() {
    let mut a = app();
    a.update(Action::DeleteGap);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn field_editor_with_a_refusal() {
    let mut a = app();
    a.update(Action::SetProgress);
    a.update(Action::Paste("140".into()));
    a.update(Action::Commit);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn tiny_terminal() {
    let mut a = app();
    insta::assert_snapshot!(screen(&mut a, 20, 5));
}

#[test]
fn hostile_text_is_drawn_as_placeholders() {
    let mut p = super::fixture::plan();
    p.gaps[0].title = "evil\x1b]0;pwned\x07\x1b[2J title".into();
    let mut a = super::fixture::app_with(p);
    let s = screen(&mut a, 160, 20);
    assert!(s.contains("evil␛]0;pwned␇␛[2J title"), "{s}");
    assert!(!s.contains('\x1b'));
}

#[test]
fn no_size_panics_in_any_mode() {
    let setups: [&[Action]; 6] = [
        &[],
        &[Action::OpenDetail, Action::Last],
        &[Action::ToggleHelp],
        &[Action::DeleteGap],
        &[Action::OpenDetail, Action::Last, Action::EditField],
        &[Action::PickStatus],
    ];
    for actions in setups {
        let mut a = app();
        for act in actions {
            a.update(act.clone());
        }
        let sizes = (0..=300u16)
            .step_by(23)
            .flat_map(|w| (0..=100u16).step_by(11).map(move |h| (w, h)));
        for (w, h) in sizes.chain([(1, 1), (0, 0), (1, 0), (0, 1), (2, 2), (300, 100)]) {
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            a.update(Action::Resize(w, h));
            term.draw(|f| f.render_widget(&a, f.area())).unwrap();
        }
    }
}

#[test]
fn header_shows_plan_numbers_and_changed_values() {
    let mut a = app();
    let s = screen(&mut a, 120, 20);
    assert!(s.contains("Finish"), "{s}");
    assert!(s.contains("Run rate"), "{s}");
    assert!(s.contains("USD/mo"), "{s}");
    assert!(s.contains("Foundation"), "{s}");
}

#[test]
fn built_in_sample_at_120x30() {
    let loaded = crate::plan::parse(crate::sample::DEFAULT).unwrap();
    let doc = crate::tui::document::Document::new(
        loaded.plan,
        crate::tui::document::Origin::Sample,
        loaded.problems,
    );
    let mut a = App::new(
        doc,
        crate::tui::keymap::Keymap::defaults(),
        crate::tui::theme::Theme::defaults(crate::tui::theme::ColorMode::NoColor),
    );
    insta::assert_snapshot!(screen(&mut a, 120, 30));
}

#[test]
fn a_plan_with_problems_opens_with_the_problems_pane() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/plans/minimal.ron"))
        .unwrap()
        .replacen("Gap(", "Gap(depends_on: [\"nope\"], ", 1);
    let loaded = crate::plan::parse(&text).unwrap();
    assert!(!loaded.problems.is_empty(), "the fixture has a problem");
    let doc = crate::tui::document::Document::new(
        loaded.plan,
        crate::tui::document::Origin::File("broken.ron".into()),
        loaded.problems,
    );
    let mut a = App::new(
        doc,
        crate::tui::keymap::Keymap::defaults(),
        crate::tui::theme::Theme::defaults(crate::tui::theme::ColorMode::NoColor),
    );
    let s = screen(&mut a, 100, 24);
    assert!(s.contains("broken.ron:"), "{s}");
    assert!(s.contains("'nope'"), "{s}");
    insta::assert_snapshot!(s);
    // Fixing it in the TUI clears the problem.
    a.update(Action::Confirm);
    a.update(Action::OpenDetail);
    for _ in 0..10 {
        a.update(Action::MoveDown);
    }
    a.update(Action::EditField);
    let backspace = ratatui_textarea::Input {
        key: ratatui_textarea::Key::Backspace,
        ..Default::default()
    };
    for _ in 0..10 {
        a.update(Action::Type(backspace.clone()));
    }
    a.update(Action::Commit);
    assert!(a.doc.problems.is_empty(), "{:?}", a.doc.problems);
}

#[test]
fn footer_and_help_follow_a_rebound_key() {
    let mut a = app();
    a.keymap
        .overlay(
            "(table: { move_down: [\"n\"], toggle_help: [\"h\"] })",
            "user.ron",
        )
        .unwrap();
    let s = screen(&mut a, 100, 20);
    let footer = s.lines().last().unwrap();
    assert!(footer.contains("n/k move"), "{footer}");
    let k = crate::tui::key::KeyChord::parse("h").unwrap();
    let act = a.keymap.action(crate::tui::mode::Mode::Table, k).unwrap();
    assert_eq!(act, Action::ToggleHelp);
    a.update(act);
    let s = screen(&mut a, 100, 150);
    let listed = s
        .lines()
        .any(|l| l.contains("│  n ") && l.contains(" down "));
    assert!(listed, "help lists the new key for down:\n{s}");
}
