//! Mojibake repair: undoes UTF-8 text that was decoded through a legacy single-byte code
//! page (Windows-1252, Windows-1254, Mac Roman, …) and saved again as UTF-8.
//!
//! Method: a run of non-ASCII characters is mapped back to the bytes it came from in each
//! candidate code page (tables built with `encoding_rs`); the run is replaced when those
//! bytes hold whole, plausible UTF-8 sequences. Bytes the code page could not carry (0x81,
//! 0x8D, 0x8F, 0x90, 0x9D in Windows-1252; the Mac Roman 0xF0 apple) often vanished on the
//! way: a sequence missing one such byte is completed when exactly one completion is a
//! likely character (❌, ⚠, ”, …); otherwise the broken remainder is dropped, never kept.

use std::collections::HashMap;
use std::sync::OnceLock;

use encoding_rs::{Encoding, MACINTOSH, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1254};

/// One legacy code page: how each of its non-ASCII characters maps back to a byte.
struct CodePage {
    name: &'static str,
    to_byte: HashMap<char, u8>,
    /// Bytes with no character of their own in this code page (often lost in transit).
    lost: Vec<u8>,
}

fn code_pages() -> &'static [CodePage] {
    static PAGES: OnceLock<Vec<CodePage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let list: [&'static Encoding; 5] = [
            WINDOWS_1252,
            WINDOWS_1254,
            MACINTOSH,
            WINDOWS_1250,
            WINDOWS_1251,
        ];
        list.iter().map(|enc| build_page(enc)).collect()
    })
}

fn build_page(enc: &'static Encoding) -> CodePage {
    let mut to_byte = HashMap::new();
    let mut lost = Vec::new();
    for b in 0x80u8..=0xFF {
        let one = [b];
        let (text, _) = enc.decode_without_bom_handling(&one);
        let Some(c) = text.chars().next() else {
            lost.push(b);
            continue;
        };
        if c == '\u{FFFD}' || ('\u{80}'..='\u{9F}').contains(&c) {
            lost.push(b);
        }
        if c != '\u{FFFD}' {
            to_byte.insert(c, b);
        }
    }
    // Mac Roman's 0xF0 is the Apple logo (private use), which most tools drop.
    if enc == MACINTOSH {
        lost.push(0xF0);
    }
    CodePage {
        name: enc.name(),
        to_byte,
        lost,
    }
}

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
    if text.is_ascii() {
        return None;
    }
    let mut current = text.to_string();
    let mut used: Vec<&'static str> = Vec::new();
    for pass in 0..3 {
        // Text mangled twice went through the same code page twice; later passes may
        // only undo pages the first pass found (else "—é" would turn into Mac Roman "ю").
        let first: Vec<&'static str> = used.clone();
        let allowed = (pass > 0).then_some(first.as_slice());
        match repair_once(&current, &mut used, allowed, known) {
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
        let fix = best_repair(&chars[a..b], allowed, &[]);
        if let Some((page, _, true)) = &fix
            && !strong.contains(page)
        {
            strong.push(page);
        }
        fixes.push(fix.map(|(p, t, _)| (p, t)));
    }
    for (k, &(a, b)) in runs.iter().enumerate() {
        if fixes[k].is_none() && !strong.is_empty() {
            fixes[k] = best_repair(&chars[a..b], allowed, &strong).map(|(p, t, _)| (p, t));
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

/// Pieces of a run once mapped to bytes: a byte of a known character, or a character the
/// code page cannot produce (kept as it is and never joined into a sequence).
#[derive(Clone, Copy)]
enum Unit {
    Byte(u8, char),
    Foreign(char),
}

fn repair_run(
    run: &[char],
    page: &CodePage,
    weak_ok: bool,
    later: bool,
) -> Option<(u32, String, bool)> {
    let units: Vec<Unit> = run
        .iter()
        .map(|c| match page.to_byte.get(c) {
            Some(b) => Unit::Byte(*b, *c),
            None => Unit::Foreign(*c),
        })
        .collect();
    let byte_at = |k: usize| match units.get(k) {
        Some(Unit::Byte(b, _)) => Some(*b),
        _ => None,
    };
    let mut out = String::new();
    let mut valid = 0u32;
    let mut dropped = 0u32;
    let mut strong_drop = false;
    let mut long = false;
    let (mut decoded, mut cjk) = (0u32, 0u32);
    let mut i = 0;
    while i < units.len() {
        let (b, c) = match units[i] {
            Unit::Foreign(c) => {
                out.push(c);
                i += 1;
                continue;
            }
            Unit::Byte(b, c) => (b, c),
        };
        let need = seq_len(b);
        if need >= 2 {
            let mut have = 1;
            while have < need && byte_at(i + have).is_some_and(is_cont) {
                have += 1;
            }
            let bytes: Vec<u8> = (i..i + have).filter_map(byte_at).collect();
            if have == need
                && let Some(ch) = decode_one(&bytes).filter(|ch| plausible(*ch))
            {
                out.push(ch);
                valid += need as u32;
                long |= need >= 3;
                decoded += 1;
                cjk += u32::from(is_cjk(ch));
                i += need;
                continue;
            }
            if have >= 2 && have < need {
                if let Some((ch, used)) = complete_with_space(&units, i + have, &bytes, need) {
                    long = true;
                    out.push(ch);
                    valid += need as u32;
                    i += have + used;
                    continue;
                }
                if let Some(ch) = complete_lost(&bytes, need, &page.lost) {
                    long = true;
                    out.push(ch);
                    valid += have as u32;
                } else {
                    dropped += have as u32;
                    // "ðŸ" plus more: an emoji prefix, never real text.
                    strong_drop |= need == 4 && (have >= 3 || bytes[..2] == [0xF0, 0x9F]);
                }
                i += have;
                continue;
            }
        } else if b == 0x9F && page.lost.contains(&0xF0) && !later {
            // Mac Roman: an emoji whose 0xF0 lead byte vanished ("üöÄ" for 🚀).
            let tail: Vec<u8> = (i..i + 3).filter_map(byte_at).collect();
            if tail.len() == 3
                && tail.iter().all(|t| is_cont(*t))
                && let Some(ch) = decode_one(&[0xF0, tail[0], tail[1], tail[2]])
                && likeliness(ch) >= 3
            {
                out.push(ch);
                valid += 3;
                long = true;
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    if valid == 0 && !strong_drop {
        return None;
    }
    // Two-byte letters alone are weak evidence; only the Latin pages, where "Ã©" for "é"
    // is the classic, may be undone on that alone.
    if !long && !weak_ok {
        return None;
    }
    // One lone CJK character is more likely real text ("é——" is E9 97 97 in
    // Windows-1252); after a first repair, CJK results are never a second layer.
    if cjk > 0 && (later || (decoded == 1 && valid as usize == 3 && dropped == 0)) {
        return None;
    }
    Some((valid * 2 + dropped, out, long))
}

/// Completes a sequence whose next byte, 0xA0, became a plain space: returns the
/// character and how many units (the space and any further continuation bytes) it took.
fn complete_with_space(
    units: &[Unit],
    at: usize,
    bytes: &[u8],
    need: usize,
) -> Option<(char, usize)> {
    if !matches!(units.get(at), Some(Unit::Foreign(' '))) {
        return None;
    }
    let mut trial = bytes.to_vec();
    trial.push(0xA0);
    let mut used = 1;
    while trial.len() < need {
        match units.get(at + used) {
            Some(Unit::Byte(b, _)) if is_cont(*b) => trial.push(*b),
            _ => return None,
        }
        used += 1;
    }
    decode_one(&trial)
        .filter(|c| likeliness(*c) >= 3)
        .map(|c| (c, used))
}

/// Completes a sequence that lost one byte the code page cannot carry, when exactly one
/// completion is the most likely character.
fn complete_lost(bytes: &[u8], need: usize, lost: &[u8]) -> Option<char> {
    if bytes.len() + 1 != need {
        return None;
    }
    let mut best: Option<(u8, char)> = None;
    let mut tie = false;
    for &x in lost.iter().filter(|x| is_cont(**x)) {
        for pos in 1..=bytes.len() {
            let mut trial = bytes.to_vec();
            trial.insert(pos, x);
            let Some(ch) = decode_one(&trial) else {
                continue;
            };
            let score = likeliness(ch);
            if score == 0 {
                continue;
            }
            match best {
                Some((s, prev)) if s == score && prev != ch => tie = true,
                Some((s, _)) if s >= score => {}
                _ => {
                    best = Some((score, ch));
                    tie = false;
                }
            }
        }
    }
    if tie { None } else { best.map(|(_, c)| c) }
}

/// How likely a character is to appear in a report: 0 = never accept as a completion.
fn likeliness(c: char) -> u8 {
    const MARKERS: &[char] = &[
        '✅', '❌', '⚠', '✔', '✓', '✗', '✘', '⭐', '🔴', '🟡', '🟢', '🟠', '🔵', '🚀', '🎯', '📊',
        '📋', '🔥', '💡', '🛠', '🏗', '🔒', '🧪', '📈', '📝', '⏱', '💰', '🔄', '🏆', '🗄', '🏛',
        '\u{FE0F}', '”', '“', '’', '‘', '–', '—', '•', '…', '├', '└', '│', '─', '→',
    ];
    let u = c as u32;
    if MARKERS.contains(&c) {
        5
    } else if (0x2190..=0x2BFF).contains(&u) || (0x1F000..=0x1FAFF).contains(&u) {
        3
    } else if (0x2010..=0x2027).contains(&u) || (0x2030..=0x205E).contains(&u) {
        2
    } else if c.is_alphanumeric() {
        1
    } else {
        0
    }
}

/// Whether a decoded character is believable text rather than an accident of the bytes.
fn plausible(c: char) -> bool {
    let u = c as u32;
    if u < 0x800 {
        // Two-byte results are weak evidence: only letters a report would really hold.
        return (0xA0..=0x24F).contains(&u)
            || (0x370..=0x3FF).contains(&u)
            || (0x400..=0x482).contains(&u)
            || (0x48A..=0x4FF).contains(&u)
            || (0x5D0..=0x5EA).contains(&u)
            || (0x620..=0x64A).contains(&u);
    }
    !((0xE000..=0xF8FF).contains(&u)
        || (0xFFF0..=0xFFFF).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn seq_len(b: u8) -> usize {
    match b {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

fn is_cont(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

fn decode_one(bytes: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(bytes).ok()?;
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

#[cfg(test)]
#[path = "mojibake_tests.rs"]
mod tests;
