//! Word tokens for fuzzy matching: lowercased, lightly stemmed content words of a line,
//! stop words removed.

/// Words that say nothing about which gap is meant.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "for"
            | "to"
            | "of"
            | "in"
            | "on"
            | "with"
            | "all"
            | "up"
            | "set"
            | "add"
            | "create"
            | "implement"
            | "setup"
            | "configure"
            | "document"
            | "enhance"
            | "enhanced"
            | "is"
            | "are"
            | "be"
            | "by"
            | "from"
            | "at"
            | "as"
            | "it"
            | "this"
            | "that"
            | "into"
            | "via"
            | "new"
            | "our"
            | "per"
            | "each"
            | "make"
            | "use"
            | "using"
            | "basic"
            | "proper"
            | "properly"
            | "test"
            | "tested"
    )
}

/// Lowercased, lightly stemmed content words of `s`, stop words removed.
pub fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_token(s, |t| out.push(t.to_string()));
    out
}

/// Calls `f` with each token of `s`, in order, without allocating one string per token.
pub fn each_token(s: &str, mut f: impl FnMut(&str)) {
    let mut stemmed = String::new();
    each_word(s, |w| {
        if let Some(t) = token_of(w, &mut stemmed) {
            f(t);
        }
    });
}

/// The token a lowercased word stands for (stemmed into `buf`), or `None` for a stop word.
pub fn token_of<'b>(w: &str, buf: &'b mut String) -> Option<&'b str> {
    if is_stop(w) {
        return None;
    }
    stem_into(w, buf);
    (!buf.is_empty() && !is_stop(buf)).then_some(buf.as_str())
}

/// Calls `f` with each non-empty lowercased word of `s`, before stemming.
pub fn each_word(s: &str, mut f: impl FnMut(&str)) {
    let mut word = |w: &str| {
        if !w.is_empty() {
            f(w);
        }
    };
    if s.is_ascii() {
        // The same words as below, split by bytes.
        let lower = s.to_ascii_lowercase();
        let mut start = 0;
        for (i, b) in lower.bytes().enumerate() {
            if !b.is_ascii_alphanumeric() {
                word(&lower[start..i]);
                start = i + 1;
            }
        }
        word(&lower[start..]);
    } else {
        let lower = s.to_lowercase();
        for w in lower.split(|c: char| !c.is_alphanumeric()) {
            word(w);
        }
    }
}

/// Writes the stem of `w` into `out`: "configuration" → "configur", "logging" → "log".
fn stem_into(w: &str, out: &mut String) {
    out.clear();
    if w.len() <= 3 {
        out.push_str(w);
        return;
    }
    // Every suffix below ends in one of these letters.
    if !w.ends_with(['s', 'n', 't', 'g', 'r', 'd', 'e']) {
        out.push_str(w);
        return;
    }
    if let Some(r) = w.strip_suffix("ies") {
        out.push_str(r);
        out.push('y');
        return;
    }
    for suf in [
        "ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ed", "es", "s", "e",
    ] {
        if let Some(r) = w.strip_suffix(suf)
            && r.len() >= 3
            && !(suf == "s" && r.ends_with('s'))
        {
            let b = r.as_bytes();
            // "logg" → "log", "planning" → "plan" (ASCII only: a byte pair inside a
            // multi-byte letter is not a doubled consonant).
            let doubled = b.len() >= 4
                && b[b.len() - 1].is_ascii()
                && b[b.len() - 1] == b[b.len() - 2]
                && !r.ends_with("ss");
            out.push_str(if doubled { &r[..r.len() - 1] } else { r });
            return;
        }
    }
    out.push_str(w);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_drops_stop_words() {
        assert_eq!(tokens("Logging & Monitoring"), vec!["log", "monitor"]);
        assert_eq!(
            tokens("configured configuration"),
            vec!["configur", "configur"]
        );
        assert_eq!(tokens("The planning of backups"), vec!["plan", "backup"]);
        assert_eq!(tokens("Policies: set up"), vec!["policy"]);
        // ASCII and non-ASCII lines split alike.
        assert_eq!(
            tokens("CI/CD--pipeline é"),
            vec!["ci", "cd", "pipelin", "é"]
        );
        assert_eq!(tokens("CI/CD--pipeline"), vec!["ci", "cd", "pipelin"]);
    }

    #[test]
    fn multi_byte_endings_never_split_a_letter() {
        // '₂' is E2 82 82: its last two bytes are equal but are not a doubled consonant.
        assert_eq!(tokens("abc₂s"), vec!["abc₂"]);
        assert_eq!(tokens("Ёжиков ёё"), vec!["ёжиков", "ёё"]);
    }
}
