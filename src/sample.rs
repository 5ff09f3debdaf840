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
#[path = "sample_tests.rs"]
mod tests;
