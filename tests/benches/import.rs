//! Markdown import of a 1 MB report (target ≤ 100 ms), built by repeating the
//! production-readiness seed's gap sections.

use divan::{Bencher, black_box};
use gapdeck::import::{ImportOptions, import_markdown};

use crate::fixtures::markdown_report;

#[divan::bench(sample_count = 30, max_time = 10)]
fn import_1mb(bencher: Bencher) {
    let md = markdown_report(1 << 20);
    let opts = ImportOptions::new(jiff::civil::date(2026, 1, 5));
    bencher.bench(|| black_box(import_markdown(&md, &opts).expect("the report imports")));
}
