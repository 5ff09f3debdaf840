//! Flattens Markdown into positioned lines with pulldown-cmark: headings, paragraph lines,
//! list items, table rows and code-block lines, each with its 1-based source line.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::text::squash;

/// What kind of Markdown line a [`Block`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Heading(u8),
    Para,
    /// A list item's own text; `depth` 1 is a top-level list. `checked` from `- [x]`.
    Item {
        depth: u8,
        checked: Option<bool>,
    },
    Code,
    /// A table's header row (cells joined by " | ").
    TableHead,
    TableRow,
}

/// One logical line of the document with inline markup removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    pub text: String,
    pub line: usize,
}

/// Parses `text` into blocks in document order.
pub fn parse(text: &str) -> Vec<Block> {
    let starts = line_starts(text);
    let line_of = |off: usize| starts.partition_point(|s| *s <= off).max(1);
    let opts = Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out: Vec<Block> = Vec::new();
    let mut cur: Option<Block> = None;
    let mut depth: u8 = 0;
    let mut in_code = false;
    let mut cell = 0usize;
    for (ev, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut cur, &mut out);
                cur = Some(block(Kind::Heading(level as u8), line_of(range.start)));
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Item) => flush(&mut cur, &mut out),
            Event::Start(Tag::Paragraph) if !in_item(&cur) => flush(&mut cur, &mut out),
            Event::End(TagEnd::Paragraph) => flush(&mut cur, &mut out),
            Event::Start(Tag::List(_)) => {
                flush(&mut cur, &mut out);
                depth = depth.saturating_add(1);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut cur, &mut out);
                depth = depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => {
                flush(&mut cur, &mut out);
                let kind = Kind::Item {
                    depth: depth.max(1),
                    checked: None,
                };
                cur = Some(block(kind, line_of(range.start)));
            }
            Event::TaskListMarker(done) => {
                if let Some(Block {
                    kind: Kind::Item { checked, .. },
                    ..
                }) = &mut cur
                {
                    *checked = Some(done);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                flush(&mut cur, &mut out);
                in_code = matches!(kind, CodeBlockKind::Fenced(_) | CodeBlockKind::Indented);
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                flush(&mut cur, &mut out);
                let kind = if matches!(ev, Event::Start(Tag::TableHead)) {
                    Kind::TableHead
                } else {
                    Kind::TableRow
                };
                cur = Some(block(kind, line_of(range.start)));
                cell = 0;
            }
            Event::Start(Tag::TableCell) => {
                if let Some(b) = &mut cur {
                    if cell > 0 {
                        b.text.push_str(" | ");
                    }
                    cell += 1;
                }
            }
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                flush(&mut cur, &mut out)
            }
            Event::Text(t) if in_code => {
                let first = line_of(range.start);
                for (k, l) in t.lines().enumerate() {
                    let l = l.trim();
                    if !l.is_empty() {
                        out.push(Block {
                            kind: Kind::Code,
                            text: l.to_string(),
                            line: first + k,
                        });
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                let b = cur.get_or_insert_with(|| block(Kind::Para, line_of(range.start)));
                b.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => match &mut cur {
                Some(Block {
                    kind: Kind::Item { .. },
                    text,
                    ..
                }) => text.push('\n'),
                _ => flush(&mut cur, &mut out),
            },
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Ends the current block. An item's later lines join its text, except a line that
/// starts with a label ("Total: $520/month" lazily continuing a list): it becomes a
/// paragraph of its own.
fn flush(cur: &mut Option<Block>, out: &mut Vec<Block>) {
    let Some(mut b) = cur.take() else {
        return;
    };
    if !b.text.contains('\n') {
        b.text = squash(b.text);
        if !b.text.is_empty() || matches!(b.kind, Kind::Heading(_)) {
            out.push(b);
        }
        return;
    }
    let mut pieces = b.text.split('\n').enumerate();
    let mut first = Block {
        text: pieces
            .next()
            .map(|(_, t)| t.to_string())
            .unwrap_or_default(),
        kind: b.kind,
        line: b.line,
    };
    let mut rest: Vec<Block> = Vec::new();
    for (k, piece) in pieces {
        let labelled = super::text::label(piece).is_some_and(|(_, v)| !v.is_empty());
        if labelled {
            rest.push(Block {
                kind: Kind::Para,
                text: piece.to_string(),
                line: b.line + k,
            });
        } else {
            let target = rest.last_mut().unwrap_or(&mut first);
            target.text.push(' ');
            target.text.push_str(piece);
        }
    }
    for mut blk in std::iter::once(first).chain(rest) {
        blk.text = squash(blk.text);
        if !blk.text.is_empty() || matches!(blk.kind, Kind::Heading(_)) {
            out.push(blk);
        }
    }
}

fn in_item(cur: &Option<Block>) -> bool {
    matches!(
        cur,
        Some(Block {
            kind: Kind::Item { .. },
            ..
        })
    )
}

fn block(kind: Kind, line: usize) -> Block {
    Block {
        kind,
        text: String::new(),
        line,
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(
        text.bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i + 1),
    );
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_with_line_numbers() {
        let md = "# Title\n\n**Status:** Partial\n**What's needed:**\n- one\n- [x] two\n  - nested\n\n```bash\n✅ ok\n❌ no\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let b = parse(md);
        let got: Vec<(Kind, &str, usize)> = b
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.line))
            .collect();
        assert_eq!(got[0], (Kind::Heading(1), "Title", 1));
        assert_eq!(got[1], (Kind::Para, "Status: Partial", 3));
        assert_eq!(got[2], (Kind::Para, "What's needed:", 4));
        let item = |d, c| Kind::Item {
            depth: d,
            checked: c,
        };
        assert_eq!(got[3], (item(1, None), "one", 5));
        assert_eq!(got[4], (item(1, Some(true)), "two", 6));
        assert_eq!(got[5], (item(2, None), "nested", 7));
        assert_eq!(got[6], (Kind::Code, "✅ ok", 10));
        assert_eq!(got[7], (Kind::Code, "❌ no", 11));
        assert_eq!(got[8], (Kind::TableHead, "a | b", 13));
        assert_eq!(got[9], (Kind::TableRow, "1 | 2", 15));
    }
}
