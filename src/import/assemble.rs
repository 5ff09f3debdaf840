//! Reads the report's gaps: heading gaps (via `gapbody`), bullet and table-row gaps (via
//! `itemgaps`), optionally the "what we have" parts as Done gaps; then hands them with
//! everything outside the gaps (`collect`) to `finish`.

use crate::plan::Plan;

use super::ImportOptions;
use super::blocks::Block;
use super::collect::collect;
use super::context::{Around, text_title};
use super::finish::{Read, link_and_finish};
use super::gapbody::read_gap;
use super::link::Matcher;
use super::log::{Found, ImportLog, Skip};
use super::outline::{GapUse, Head, Role, gap_uses, outline};
use super::recog::priority_of;
use super::text::{clean_title, strip_markers};

/// Builds the plan from repaired report text, or `None` when no gap was found.
pub fn build(text: &str, opts: &ImportOptions, log: &mut ImportLog) -> Option<(Plan, usize)> {
    let blocks = super::blocks::parse(text);
    let heads = outline(&blocks);
    let uses = gap_uses(&heads);
    let mut in_gap = vec![false; blocks.len()];
    let mut reads: Vec<Read> = Vec::new();
    let mut around = Around::new(&heads);
    for (hi, h) in heads.iter().enumerate() {
        let existing = h.context == Role::Existing && !h.has_children && h.role != Role::Title;
        let is_gap = uses[hi] == Some(GapUse::Gap);
        if !(is_gap || existing) {
            continue;
        }
        let end = body_end(&heads, hi, &blocks);
        for m in in_gap.iter_mut().take(end).skip(h.block) {
            *m = is_gap;
        }
        if existing && !opts.existing.imports() {
            log.skipped.push(Skip {
                line: h.line,
                what: format!("'{}'", clean_title(&h.text)),
                why: "lists what already exists (import it with --with-existing)".into(),
            });
            continue;
        }
        let mut draft = read_gap(&blocks[h.block], &blocks[h.block + 1..end]);
        if draft.area.is_none() {
            draft.area = around.area(hi, &draft.title);
        }
        for (line, what) in draft.skipped.drain(..) {
            log.skipped.push(Skip {
                line,
                what,
                why: format!("inside gap '{}', not an action", draft.title),
            });
        }
        reads.push(Read {
            context_priority: around.priority(hi),
            draft,
            existing,
        });
    }
    read_item_gaps(&blocks, &uses, &mut around, &mut in_gap, &mut reads, log);
    if reads.is_empty() {
        // No gaps part at all: a readiness checklist's open items are the gaps.
        read_checklist_gaps(&blocks, &heads, &mut around, &mut in_gap, &mut reads, log);
    }
    if reads.is_empty() {
        return None;
    }
    let outside = collect(&blocks, &heads, &in_gap);
    let plan = link_and_finish(reads, outside, text_title(&heads), opts, log);
    Some((plan, heads.len()))
}

/// Groups in the gaps part with no gap headings under them list their gaps as bullets or
/// table rows. Ones that restate a heading gap are skipped (and logged), not duplicated.
fn read_item_gaps(
    blocks: &[Block],
    uses: &[Option<GapUse>],
    around: &mut Around,
    in_gap: &mut [bool],
    reads: &mut Vec<Read>,
    log: &mut ImportLog,
) {
    let heads = around.heads();
    let mut has_gap_below = vec![false; heads.len()];
    for (hi, h) in heads.iter().enumerate() {
        if uses[hi] == Some(GapUse::Gap) {
            let mut p = h.parent;
            while let Some(i) = p {
                if has_gap_below[i] {
                    break;
                }
                has_gap_below[i] = true;
                p = heads[i].parent;
            }
        }
    }
    let heading_docs: Vec<(String, String)> = reads
        .iter()
        .map(|r| (r.draft.title.clone(), String::new()))
        .collect();
    let known = Matcher::new(&heading_docs);
    let mut found: Vec<Read> = Vec::new();
    for (hi, h) in heads.iter().enumerate() {
        if uses[hi] != Some(GapUse::Group) || has_gap_below[hi] || h.context != Role::Gaps {
            continue;
        }
        let end = heads
            .get(hi + 1)
            .map_or(blocks.len(), |next| next.block)
            .min(h.end);
        let body = &blocks[h.block + 1..end];
        for mut draft in super::itemgaps::item_gaps(body) {
            if !heading_docs.is_empty() && known.find(&draft.title, 0.6).is_some() {
                log.skipped.push(Skip {
                    line: draft.line,
                    what: format!("'{}'", draft.title),
                    why: "restates a gap already read from a heading".into(),
                });
                continue;
            }
            if draft.area.is_none() {
                draft.area = around.area(hi, &draft.title);
            }
            let mut ctx = around.priority(hi);
            if let Some(p) = priority_of(&h.text) {
                ctx = Some((
                    p,
                    Found {
                        what: strip_markers(&h.text),
                        from: "section heading".into(),
                        line: h.line,
                    },
                ));
            }
            found.push(Read {
                draft,
                context_priority: ctx,
                existing: false,
            });
        }
        for m in in_gap.iter_mut().take(end).skip(h.block + 1) {
            *m = true;
        }
    }
    reads.extend(found);
}

fn read_checklist_gaps(
    blocks: &[Block],
    heads: &[Head],
    around: &mut Around,
    in_gap: &mut [bool],
    reads: &mut Vec<Read>,
    log: &mut ImportLog,
) {
    for (hi, h) in heads.iter().enumerate() {
        if h.context != Role::Matrix {
            continue;
        }
        let end = heads
            .get(hi + 1)
            .map_or(blocks.len(), |next| next.block)
            .min(h.end);
        for mut draft in super::itemgaps::item_gaps(&blocks[h.block + 1..end]) {
            draft.area = around.area(hi, &draft.title);
            log.skipped.push(Skip {
                line: draft.line,
                what: format!("'{}'", draft.title),
                why: "no gaps part found: checklist item imported as a gap".into(),
            });
            let ctx = priority_of(&h.text)
                .map(|p| {
                    let what = strip_markers(&h.text);
                    (
                        p,
                        Found {
                            what,
                            from: "checklist heading".into(),
                            line: h.line,
                        },
                    )
                })
                .or_else(|| around.priority(hi));
            reads.push(Read {
                draft,
                context_priority: ctx,
                existing: false,
            });
        }
        for m in in_gap.iter_mut().take(end).skip(h.block + 1) {
            *m = true;
        }
    }
}

fn body_end(heads: &[Head], hi: usize, blocks: &[Block]) -> usize {
    heads[hi].end.min(blocks.len())
}
