//! The one-line query both fuzzy lists (finder, palette) edit as the user types, and the
//! cursor step over their result lists.

use ratatui_textarea::{Input, Key};

/// Applies a typed character or Backspace to `query`; `Changed::No` for any other key.
pub fn edit(query: &mut String, input: &Input) -> Changed {
    match input {
        Input {
            key: Key::Char(c),
            ctrl: false,
            alt: false,
            ..
        } => query.push(*c),
        Input {
            key: Key::Backspace,
            ..
        } => {
            query.pop();
        }
        _ => return Changed::No,
    }
    Changed::Yes
}

/// Appends the first line of pasted text (queries are one line).
pub fn paste(query: &mut String, text: &str) {
    query.push_str(text.lines().next().unwrap_or_default().trim_end());
}

/// `selected` moved by `delta`, kept within a list of `len` entries.
pub fn step(selected: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return selected;
    }
    let i = (selected as isize).saturating_add(delta);
    i.clamp(0, len as isize - 1) as usize
}

/// Whether a key changed the query (and so the list must be searched again).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    Yes,
    No,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key) -> Input {
        Input {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    #[test]
    fn typing_backspace_paste_and_step() {
        let mut q = String::new();
        assert_eq!(edit(&mut q, &key(Key::Char('a'))), Changed::Yes);
        assert_eq!(edit(&mut q, &key(Key::Char('b'))), Changed::Yes);
        assert_eq!(edit(&mut q, &key(Key::Backspace)), Changed::Yes);
        assert_eq!(edit(&mut q, &key(Key::Left)), Changed::No);
        paste(&mut q, "cd  \nignored");
        assert_eq!(q, "acd");
        assert_eq!(step(0, -1, 5), 0);
        assert_eq!(step(3, 4, 5), 4);
        assert_eq!(step(2, 1, 0), 2);
    }
}
