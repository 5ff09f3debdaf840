//! `gapdeck config`: the printed defaults are the files gapdeck runs with (a user can
//! start from them), and `--path` names the config directory from the environment.

use predicates::str::contains;

use super::cli_support::gapdeck;

#[test]
fn printed_keymap_is_a_valid_keymap_file() {
    let out = gapdeck()
        .args(["config", "--print-defaults=keymap"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("open_finder: [\"/\"]"), "{text}");
    let mut k = gapdeck::tui::keymap::Keymap::default();
    k.overlay(&text, "printed").expect("printed keymap parses");
}

#[test]
fn all_defaults_come_with_file_headers() {
    gapdeck()
        .args(["config", "--print-defaults"])
        .assert()
        .success()
        .stdout(contains("// ===== keymap.ron"))
        .stdout(contains("// ===== theme.ron"))
        .stdout(contains("gantt_today"))
        .stdout(contains("theme: \"dark\""));
}

#[test]
fn path_follows_the_config_home() {
    let dir = tempfile::tempdir().expect("temp dir");
    gapdeck()
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", dir.path())
        .env("HOME", dir.path())
        .assert()
        .success()
        .stdout(contains(
            dir.path()
                .join("gapdeck")
                .join("keymap.ron")
                .display()
                .to_string(),
        ));
}

#[test]
fn config_without_a_request_is_a_usage_error() {
    gapdeck()
        .arg("config")
        .assert()
        .code(2)
        .stderr(contains("--print-defaults"));
}
