//! Mojibake repair: undoes UTF-8 text that was decoded through a legacy single-byte code
//! page (Windows-1252, Windows-1254, Mac Roman, …) and saved again as UTF-8.
//!
//! Method: a run of non-ASCII characters is mapped back to the bytes it came from in each
//! candidate code page (tables built with `encoding_rs`); the run is replaced when those
//! bytes hold whole, plausible UTF-8 sequences. Bytes the code page could not carry (0x81,
//! 0x8D, 0x8F, 0x90, 0x9D in Windows-1252; the Mac Roman 0xF0 apple) often vanished on the
//! way: a sequence missing one such byte is completed when exactly one completion is a
//! likely character (❌, ⚠, ”, …); otherwise the broken remainder is dropped, never kept.

mod pages;
mod run;

use std::collections::HashMap;

#[cfg(test)]
use encoding_rs::{Encoding, MACINTOSH, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1254};

use pages::{any_page_shows, code_pages};
use run::repair_run;

/// What one repair pass did, for the import log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repair {
    pub text: String,
    /// Code page names that were undone (each at most once, in first-use order).
    pub code_pages: Vec<&'static str>,
}

/// Repairs every mojibake run in `text` (repeatedly, for text mangled twice).
/// Returns `None` when nothing needed repair.
pub fn repair(text: &str) -> Option<Repair> {
    repair_with(text, &[])
}

/// Like [`repair`], also undoing two-byte-only runs ("√©") with `known` code pages,
/// ones already found elsewhere in the same document.
pub fn repair_with(text: &str, known: &[&'static str]) -> Option<Repair> {
    repair_remembering(text, known, &mut Memo::default())
}

/// The key of a remembered run repair: the run, the pages allowed, the weak-ok pages.
type RunKey = (String, Option<Vec<&'static str>>, Vec<&'static str>);

/// Repairs of runs already worked out in one document: reports repeat the same few
/// markers on every heading, so each distinct run is undone through the pages once.
#[derive(Default)]
pub struct Memo {
    runs: HashMap<RunKey, Option<(&'static str, String, bool)>>,
}

impl Memo {
    /// [`best_repair`], remembered.
    fn best(
        &mut self,
        run: &[char],
        allowed: Option<&[&'static str]>,
        weak_ok: &[&'static str],
    ) -> Option<(&'static str, String, bool)> {
        let key = (
            run.iter().collect(),
            allowed.map(<[_]>::to_vec),
            weak_ok.to_vec(),
        );
        self.runs
            .entry(key)
            .or_insert_with(|| best_repair(run, allowed, weak_ok))
            .clone()
    }
}

/// [`repair_with`] sharing `memo` with the document's other lines.
pub fn repair_remembering(text: &str, known: &[&'static str], memo: &mut Memo) -> Option<Repair> {
    if text.is_ascii() || !text.chars().any(any_page_shows) {
        return None;
    }
    let mut current = text.to_string();
    let mut used: Vec<&'static str> = Vec::new();
    for pass in 0..3 {
        // A pass finds nothing to undo when no character could come from a code page.
        if pass > 0 && !current.chars().any(any_page_shows) {
            break;
        }
        // Text mangled twice went through the same code page twice; later passes may
        // only undo pages the first pass found (else "—é" would turn into Mac Roman "ю").
        let first: Vec<&'static str> = used.clone();
        let allowed = (pass > 0).then_some(first.as_slice());
        match repair_once(&current, &mut used, allowed, known, memo) {
            Some(next) => current = next,
            None => break,
        }
    }
    if used.is_empty() {
        None
    } else {
        Some(Repair {
            text: current,
            code_pages: used,
        })
    }
}

/// True when `text` still shows signs of mojibake: a repairable run, a replacement
/// character, or a C1 control character.
pub fn has_mojibake(text: &str) -> bool {
    text.chars()
        .any(|c| c == '\u{FFFD}' || ('\u{80}'..='\u{9F}').contains(&c))
        || repair(text).is_some()
}

fn repair_once(
    text: &str,
    used: &mut Vec<&'static str>,
    allowed: Option<&[&'static str]>,
    known: &[&'static str],
    memo: &mut Memo,
) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() {
            i += 1;
            continue;
        }
        let start = i;
        // A lone space between two non-ASCII characters may be a 0xA0 byte that a tool
        // turned into a plain space ("âš ï¸"), so it stays inside the run.
        while i < chars.len()
            && (!chars[i].is_ascii()
                || (chars[i] == ' ' && chars.get(i + 1).is_some_and(|c| !c.is_ascii())))
        {
            i += 1;
        }
        runs.push((start, i));
    }
    // First runs with strong evidence (a 3- or 4-byte sequence) name the line's code
    // pages; then two-byte-only runs ("√©" for "é") may be undone with those pages too.
    let mut fixes: Vec<Option<(&'static str, String)>> = Vec::with_capacity(runs.len());
    // What the rest of the document showed counts for the first layer only.
    let mut strong: Vec<&'static str> = if allowed.is_none() {
        known.to_vec()
    } else {
        Vec::new()
    };
    for &(a, b) in &runs {
        let fix = if chars[a..b].iter().any(|c| any_page_shows(*c)) {
            memo.best(&chars[a..b], allowed, &[])
        } else {
            None
        };
        if let Some((page, _, true)) = &fix
            && !strong.contains(page)
        {
            strong.push(page);
        }
        fixes.push(fix.map(|(p, t, _)| (p, t)));
    }
    for (k, &(a, b)) in runs.iter().enumerate() {
        if fixes[k].is_none()
            && !strong.is_empty()
            && chars[a..b].iter().any(|c| any_page_shows(*c))
        {
            fixes[k] = memo
                .best(&chars[a..b], allowed, &strong)
                .map(|(p, t, _)| (p, t));
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut at = 0;
    for (k, &(a, b)) in runs.iter().enumerate() {
        out.extend(&chars[at..a]);
        match &fixes[k] {
            Some((page, fixed)) => {
                if !used.contains(page) {
                    used.push(page);
                }
                out.push_str(fixed);
                changed = true;
            }
            None => out.extend(&chars[a..b]),
        }
        at = b;
    }
    out.extend(&chars[at..]);
    changed.then_some(out)
}

/// The highest-scoring repair of one run over the code pages (earlier pages win ties),
/// with whether it rested on a 3- or 4-byte sequence. `weak_ok` lists pages besides the
/// Latin ones that may be undone on two-byte evidence alone.
fn best_repair(
    run: &[char],
    allowed: Option<&[&'static str]>,
    weak_ok: &[&'static str],
) -> Option<(&'static str, String, bool)> {
    let mut best: Option<(u32, &'static str, String, bool)> = None;
    for page in code_pages()
        .iter()
        .filter(|p| allowed.is_none_or(|a| a.contains(&p.name)))
    {
        let weak =
            matches!(page.name, "windows-1252" | "windows-1254") || weak_ok.contains(&page.name);
        if let Some((score, text, long)) = repair_run(run, page, weak, allowed.is_some())
            && best.as_ref().is_none_or(|(s, ..)| score > *s)
        {
            best = Some((score, page.name, text, long));
        }
    }
    best.map(|(_, name, text, long)| (name, text, long))
}

#[cfg(test)]
#[path = "mojibake_tests.rs"]
mod tests;
