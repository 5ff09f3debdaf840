//! The sample plans and the valid fixtures load without errors and survive a save round trip.

use std::path::Path;

use super::load::{load_file, parse};
use super::save::to_ron_string;

fn ron_files(dir: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn sample_plans_and_valid_fixtures_load_cleanly_and_round_trip() {
    let mut files = ron_files("plans");
    files.extend(ron_files("tests/fixtures/valid"));
    assert!(files.len() >= 2);
    for f in files {
        let loaded = load_file(&f).unwrap_or_else(|e| panic!("{e}"));
        let errors: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| format!("{}:{p}", f.display()))
            .collect();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        let text = to_ron_string(&loaded.plan);
        let again = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert_eq!(again.plan, loaded.plan, "{}", f.display());
        assert_eq!(to_ron_string(&again.plan), text);
    }
}

/// Rows of `tests/fixtures/invalid/EXPECTED.md`: (file, "line:col" or "-", fragment).
fn expected_rows() -> Vec<(String, String, String)> {
    let table = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/EXPECTED.md"),
    )
    .unwrap();
    table
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(".ron |"))
        .map(|l| {
            let cells: Vec<String> = l
                .replace("\\|", "\u{0}")
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().replace('\u{0}', "|"))
                .collect();
            (cells[0].clone(), cells[1].clone(), cells[2].clone())
        })
        .collect()
}

#[test]
fn every_invalid_fixture_gives_its_expected_error() {
    let rows = expected_rows();
    let files: Vec<String> = ron_files("tests/fixtures/invalid")
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let listed: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    assert_eq!(files, listed, "EXPECTED.md must list every fixture, sorted");
    for (file, at, fragment) in rows {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/invalid")
            .join(&file);
        let (pos, shown) = match load_file(&path) {
            Err(e) => (e.pos, e.headline()),
            Ok(loaded) => {
                let errors: Vec<_> = loaded.problems.iter().filter(|p| p.is_error()).collect();
                assert_eq!(errors.len(), 1, "{file}: {errors:#?}");
                (errors[0].pos, errors[0].to_string())
            }
        };
        let pos = pos.map_or("-".to_string(), |p| format!("{}:{}", p.line, p.col));
        assert_eq!(pos, at, "{file}: {shown}");
        assert!(
            shown.contains(&fragment),
            "{file}: '{shown}' lacks '{fragment}'"
        );
    }
}

#[test]
fn the_format_reference_example_is_a_sound_plan() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/README.md"))
            .unwrap();
    let start = readme.find("```ron\n").expect("an example") + "```ron\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let loaded = parse(&readme[start..end]).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let plan = loaded.plan;
    assert_eq!(plan.team[2].hours_per_week, super::Dec2::from_units(40));
    assert_eq!(plan.gaps[1].costs.len(), 3);
    assert_eq!(plan.phases[1].costs.len(), 1);
}
