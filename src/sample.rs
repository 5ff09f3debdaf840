//! The sample plans shipped inside the binary: the built-in default the TUI opens
//! and every plan under `plans/`, embedded at compile time.

/// File name of the built-in default plan.
pub const DEFAULT_NAME: &str = "process-gaps.ron";

/// Text of the built-in default plan (`plans/process-gaps.ron`).
pub const DEFAULT: &str = include_str!("../plans/process-gaps.ron");

const ALL: [(&str, &str); 4] = [
    (DEFAULT_NAME, DEFAULT),
    (
        "production-readiness.ron",
        include_str!("../plans/production-readiness.ron"),
    ),
    (
        "whats-missing.ron",
        include_str!("../plans/whats-missing.ron"),
    ),
    ("minimal.ron", include_str!("../plans/minimal.ron")),
];

/// Every shipped sample as `(file name, text)`, the default first.
pub fn all() -> &'static [(&'static str, &'static str)] {
    &ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_each_plan_file_once_with_the_default_first() {
        let names: Vec<&str> = all().iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "process-gaps.ron",
                "production-readiness.ron",
                "whats-missing.ron",
                "minimal.ron"
            ]
        );
        assert_eq!(all()[0].1, DEFAULT);
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/plans"))
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
                    .count()
            })
            .unwrap_or(0);
        assert_eq!(
            on_disk,
            all().len(),
            "a plans/*.ron file is not in sample::all()"
        );
    }

    #[test]
    fn samples_are_clean_text_without_mojibake() {
        // Sequences that appear when UTF-8 is decoded as Windows-1252 and re-encoded.
        let mojibake = ["â€", "Ã", "ðŸ", "âœ", "âŒ", "âš", "ğŸ", "\u{fffd}"];
        for (name, text) in all() {
            for bad in mojibake {
                assert!(!text.contains(bad), "{name} contains mojibake {bad:?}");
            }
            assert!(text.contains("#![enable(implicit_some)]"), "{name}");
        }
    }
}
