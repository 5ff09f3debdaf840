//! Small text helpers for report lines: markers (emoji and symbols), whitespace, numbering,
//! labels ("**Status:** Partial"), title cleaning and ids.

/// True for emoji and pictographic symbols used as markers (✅ ❌ ⚠️ 🔴 🚀 …).
pub fn is_marker(c: char) -> bool {
    let u = c as u32;
    // Arrows and maths (U+2190–U+22FF) are words in titles ("A → B"), not markers.
    (0x2300..=0x2BFF).contains(&u)
        || (0x1F000..=0x1FAFF).contains(&u)
        || (0xFE00..=0xFE0F).contains(&u)
        || u == 0x200D
        || u == 0x20E3
        || c == '✓'
        || c == '✗'
}

/// Text with markers removed and whitespace collapsed.
pub fn strip_markers(s: &str) -> String {
    if s.is_ascii() {
        // No markers in ASCII: most lines only need their whitespace checked.
        return squash(s.to_string());
    }
    squash_without(s, is_marker)
}

/// Whitespace runs collapsed to one space and the ends trimmed, like
/// `split_whitespace().join(" ")`, reusing `s` when it already is.
pub fn squash(s: String) -> String {
    let b = s.as_bytes();
    // Clean: no space at either end, no control byte (ASCII whitespace other than ' ' is
    // one), no two spaces in a row, no non-ASCII whitespace. Folds, so they vectorise.
    let clean = b.first().is_some_and(|c| *c != b' ')
        && b.last().is_some_and(|c| *c != b' ')
        && !b.iter().fold(false, |bad, c| bad | (*c < 0x20))
        && !b
            .iter()
            .zip(&b[1..])
            .fold(false, |bad, (x, y)| bad | (*x == b' ' && *y == b' '))
        && (s.is_ascii() || !s.chars().any(|c| !c.is_ascii() && c.is_whitespace()));
    if clean {
        s
    } else {
        squash_without(&s, |_| false)
    }
}

/// One pass: characters where `drop` holds are removed, then whitespace is collapsed as
/// in [`squash`] (markers and whitespace never overlap, so the order cannot matter).
fn squash_without(s: &str, drop: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() {
            gap = true;
        } else if !drop(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out
}

/// The markers in `s`, in order.
pub fn markers(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| is_marker(*c) && !matches!(*c as u32, 0xFE00..=0xFE0F | 0x200D))
        .collect()
}

/// Splits "Status: Partial" into ("status", "Partial"); the label is at most 6 words.
pub fn label(s: &str) -> Option<(String, String)> {
    let (l, v) = s.split_once(':')?;
    let l = strip_markers(l);
    let l = l.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    if l.is_empty() || l.split_whitespace().count() > 6 {
        return None;
    }
    if l.chars().all(|c| c.is_ascii_digit()) || super::search::contains_any(l, &["http"]) {
        return None;
    }
    let v = v.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    Some((l.to_lowercase(), v.to_string()))
}

/// Removes list/checkbox/tree decoration from a line: "- [ ] x", "├── x", "1. x", "* x".
/// Returns the text and the checkbox state if there was one.
pub fn strip_bullet(s: &str) -> (&str, Option<bool>) {
    let mut t = s.trim_start_matches(['├', '└', '│', '─', '┬', '┴', '┼', '|', ' ']);
    t = t.trim();
    if let Some(rest) = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
    {
        t = rest.trim_start();
    } else {
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && digits < 4 {
            let rest = &t[digits..];
            if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
                t = r.trim_start();
            }
        }
    }
    let mut checked = None;
    for (pat, v) in [("[ ]", false), ("[x]", true), ("[X]", true)] {
        if let Some(r) = t.strip_prefix(pat) {
            checked = Some(v);
            t = r.trim_start();
            break;
        }
    }
    (t, checked)
}

/// Strips leading numbering ("1.", "1.1", "#1", "Gap 1:", "1)") and returns whether
/// there was any.
pub fn strip_numbering(s: &str) -> (String, bool) {
    let mut t = s.trim();
    let lower = t.to_lowercase();
    for word in ["gap", "item", "issue", "finding"] {
        if lower.starts_with(word) {
            let rest = t[word.len()..].trim_start().trim_start_matches('#');
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                t = rest;
                break;
            }
        }
    }
    let t2 = t.trim_start_matches('#');
    let n = t2
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .count();
    if n == 0 || !t2.starts_with(|c: char| c.is_ascii_digit()) {
        return (t.to_string(), false);
    }
    let num = &t2[..n];
    let rest = &t2[n..];
    let punct = rest.starts_with([')', ':', '-', '–', '—']);
    if !(punct || num.contains('.') || num.len() <= 2) {
        return (t.to_string(), false);
    }
    let rest = rest.trim_start_matches([')', ':', '-', '–', '—']);
    if rest.starts_with(char::is_whitespace) || rest.is_empty() {
        (rest.trim().to_string(), true)
    } else {
        (t.to_string(), false)
    }
}

/// Splits off trailing parentheticals: "Rate limiting (30 min)" → ("Rate limiting", ["30 min"]).
pub fn split_parens(s: &str) -> (String, Vec<String>) {
    let mut t = s.trim().to_string();
    let mut parens = Vec::new();
    while t.ends_with(')') || t.ends_with(']') {
        let (open, close) = if t.ends_with(')') {
            ('(', ')')
        } else {
            ('[', ']')
        };
        let Some(start) = t.rfind(open) else { break };
        if start == 0 {
            break;
        }
        let inner = t[start + 1..t.len() - close.len_utf8()].trim().to_string();
        parens.insert(0, inner);
        t = t[..start].trim_end().to_string();
    }
    (t, parens)
}

/// A clean title: markers, numbering and emphasis removed, whitespace collapsed.
pub fn clean_title(s: &str) -> String {
    let t = strip_markers(s);
    let t = t.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let (t, _) = strip_numbering(t);
    let t = strip_markers(&t);
    t.trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace())
        .to_string()
}

/// Stable kebab-case id from a title ("CI/CD Pipeline" → "ci-cd-pipeline"), at most 40 chars.
pub fn kebab(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.len() > 40 {
        let cut = out[..40].rfind('-').unwrap_or(40);
        out.truncate(cut);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_titles_and_numbering() {
        assert_eq!(
            clean_title("1. ❌ Environment Variables Complete Setup"),
            "Environment Variables Complete Setup"
        );
        assert_eq!(clean_title("**1. Disaster Recovery**"), "Disaster Recovery");
        assert_eq!(clean_title("1.1 Backups"), "Backups");
        assert_eq!(clean_title("Gap 3: Secrets"), "Secrets");
        assert_eq!(clean_title("🚀 CI/CD"), "CI/CD");
        assert_eq!(strip_numbering("2024 plans").0, "2024 plans");
        assert_eq!(
            split_parens("Environment Setup (30 min)"),
            ("Environment Setup".to_string(), vec!["30 min".to_string()])
        );
    }

    #[test]
    fn labels_bullets_tokens_ids() {
        assert_eq!(
            label("**Status:** Partial"),
            Some(("status".into(), "Partial".into()))
        );
        assert_eq!(label("a very long sentence that keeps going on: x"), None);
        assert_eq!(strip_bullet("- [ ] Do it"), ("Do it", Some(false)));
        assert_eq!(strip_bullet("├── Redis"), ("Redis", None));
        assert_eq!(strip_bullet("3. **x**"), ("**x**", None));
        assert_eq!(kebab("CI/CD Pipeline"), "ci-cd-pipeline");
        assert_eq!(kebab("SSL/TLS Certificates"), "ssl-tls-certificates");
        assert_eq!(kebab("🚀"), "");
        for (raw, want) in [
            (" a  b ", "a b"),
            ("a\tb\n", "a b"),
            ("a\u{a0}b", "a b"),
            ("a b", "a b"),
            ("", ""),
            (" ", ""),
        ] {
            assert_eq!(squash(raw.to_string()), want, "{raw:?}");
        }
    }
}
