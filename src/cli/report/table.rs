//! A plain-text table: columns sized to their widest cell, one flexible column shrunk
//! (with "…") so the whole table fits a width. Widths count characters.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

pub struct Table {
    headers: Vec<&'static str>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
    /// Index of the column that gives up width when the table is too wide.
    flex: Option<usize>,
}

const GAP: &str = "  ";

impl Table {
    pub fn new(columns: &[(&'static str, Align)]) -> Self {
        Table {
            headers: columns.iter().map(|c| c.0).collect(),
            align: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
            flex: None,
        }
    }

    pub fn flex(mut self, column: usize) -> Self {
        self.flex = Some(column);
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.headers.len());
        self.rows.push(cells);
    }

    /// Renders header and rows, each line at most `width` characters when a flexible
    /// column can absorb the excess (never narrower than its header or 8).
    pub fn render(&self, width: usize, out: &mut String) {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        if let Some(f) = self.flex {
            let total: usize = widths.iter().sum::<usize>() + GAP.len() * n.saturating_sub(1);
            if total > width {
                let floor = self.headers[f].chars().count().max(8);
                widths[f] = widths[f].saturating_sub(total - width).max(floor);
            }
        }
        let headers: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        self.line(&headers, &widths, out);
        for row in &self.rows {
            self.line(row, &widths, out);
        }
    }

    fn line(&self, cells: &[String], widths: &[usize], out: &mut String) {
        let mut line = String::new();
        for (i, (cell, &w)) in cells.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str(GAP);
            }
            let cell = truncate(cell, w);
            let pad = w - cell.chars().count();
            match self.align[i] {
                Align::Left => {
                    line.push_str(&cell);
                    line.extend(std::iter::repeat_n(' ', pad));
                }
                Align::Right => {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(&cell);
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// Cuts `s` to `w` characters, ending in "…" when something was cut.
pub fn truncate(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        return s.to_string();
    }
    let mut t: String = s.chars().take(w.saturating_sub(1)).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns_and_right_aligns_numbers() {
        let mut t = Table::new(&[("ID", Align::Left), ("COST", Align::Right)]);
        t.row(vec!["a".into(), "5".into()]);
        t.row(vec!["long-id".into(), "1,500".into()]);
        let mut s = String::new();
        t.render(100, &mut s);
        assert_eq!(s, "ID        COST\na            5\nlong-id  1,500\n");
    }

    #[test]
    fn flexible_column_shrinks_to_fit() {
        let mut t = Table::new(&[("TITLE", Align::Left), ("N", Align::Right)]).flex(0);
        t.row(vec!["a very long title indeed".into(), "1".into()]);
        let mut s = String::new();
        t.render(15, &mut s);
        for line in s.lines() {
            assert!(line.chars().count() <= 15, "{line:?}");
        }
        assert!(s.contains("a very long…"));
    }
}
