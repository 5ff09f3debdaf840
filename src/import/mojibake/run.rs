//! Undoing one run of mojibake through one code page: characters back to bytes, bytes
//! back to UTF-8 sequences, with lost bytes completed when only one completion is likely.

use super::pages::CodePage;

/// Pieces of a run once mapped to bytes: a byte of a known character, or a character the
/// code page cannot produce (kept as it is and never joined into a sequence).
#[derive(Clone, Copy)]
enum Unit {
    Byte(u8, char),
    Foreign(char),
}

/// Undoes one run of non-ASCII characters through `page`: the score (2 a byte of a
/// whole plausible sequence, 1 a dropped broken byte), the new text, and whether a 3- or
/// 4-byte sequence was found. `weak_ok`: two-byte evidence alone is enough; `later`: a
/// second layer is being undone.
pub fn repair_run(
    run: &[char],
    page: &CodePage,
    weak_ok: bool,
    later: bool,
) -> Option<(u32, String, bool)> {
    let units: Vec<Unit> = run
        .iter()
        .map(|&c| match page.byte_of(c) {
            Some(b) => Unit::Byte(b, c),
            None => Unit::Foreign(c),
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
