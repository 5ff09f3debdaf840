//! Bench inputs built once per process: generated plans (as `Plan`, RON text and a file on
//! disk) at the sizes the issue names, and a 1 MB Markdown report.

use std::path::PathBuf;
use std::sync::OnceLock;

use gapdeck::plan::{Plan, to_ron_string};

/// Gap counts every size-dependent bench runs at.
pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
/// Seed of every generated plan (the same one `--example genplan` uses by default).
pub const SEED: u64 = 1;

struct Fixture {
    plan: Plan,
    text: String,
    path: PathBuf,
}

fn fixture(n: usize) -> &'static Fixture {
    static CELLS: [OnceLock<Fixture>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let at = SIZES
        .iter()
        .position(|&s| s == n)
        .unwrap_or_else(|| panic!("no fixture of {n} gaps; sizes are {SIZES:?}"));
    CELLS[at].get_or_init(|| {
        let plan = gapdeck::genplan::generate(n, SEED);
        let text = to_ron_string(&plan);
        let dir = std::env::temp_dir().join(format!("gapdeck-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the bench temp dir");
        let path = dir.join(format!("plan-{n}.ron"));
        std::fs::write(&path, &text).expect("write the bench plan file");
        Fixture { plan, text, path }
    })
}

/// The generated plan of `n` gaps.
pub fn plan(n: usize) -> &'static Plan {
    &fixture(n).plan
}

/// Its RON text as `to_ron_string` writes it.
pub fn text(n: usize) -> &'static str {
    &fixture(n).text
}

/// The same text written to a file in a per-process temp dir.
pub fn path(n: usize) -> &'static PathBuf {
    &fixture(n).path
}

/// A Markdown gap analysis of at least `bytes` bytes: the production-readiness seed's
/// preamble, its gap sections repeated with fresh numbers and titles, then its closing
/// parts (priority matrix, quick fixes, roadmap, estimate).
pub fn markdown_report(bytes: usize) -> Vec<u8> {
    let seed = include_str!("../fixtures/seeds/production-readiness.md");
    let first = seed.find("\n### 1.").map_or(0, |i| i + 1);
    let rest = seed[first..]
        .find("\n## ")
        .map_or(seed.len(), |i| first + i + 1);
    let (head, gaps, tail) = (&seed[..first], &seed[first..rest], &seed[rest..]);
    // One section per `### ` heading: (title without its number, body).
    let mut sections: Vec<(&str, String)> = Vec::new();
    for line in gaps.split_inclusive('\n') {
        match line.strip_prefix("### ") {
            Some(h) => {
                let title = h
                    .trim_end()
                    .split_once(". ")
                    .map_or(h.trim_end(), |(_, t)| t);
                sections.push((title, String::new()));
            }
            None => {
                if let Some((_, body)) = sections.last_mut() {
                    body.push_str(line);
                }
            }
        }
    }
    assert!(!sections.is_empty(), "the seed has numbered gap sections");
    let mut out = String::with_capacity(bytes + tail.len() + 4096);
    out.push_str(head);
    let mut n = 0;
    while out.len() + tail.len() < bytes {
        let (title, body) = &sections[n % sections.len()];
        n += 1;
        let batch = n.div_ceil(sections.len());
        out.push_str(&format!("### {n}. {title} (batch {batch})\n{body}"));
    }
    out.push_str(tail);
    out.into_bytes()
}
