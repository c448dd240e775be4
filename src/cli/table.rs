//! Plain-text tables for the terminal, shared by every verb's `--format table`.

/// Rows of cells as aligned columns (widths in characters), two spaces apart, after `indent`
/// spaces. The first column is left-aligned; the others too, unless `numbers_right`, which
/// right-aligns them so figures line up on their last digit. Trailing spaces are trimmed.
pub fn aligned(rows: &[Vec<String>], indent: usize, numbers_right: bool) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = " ".repeat(indent);
        for (c, (cell, &width)) in row.iter().zip(&widths).enumerate() {
            let pad = width.saturating_sub(cell.chars().count());
            if c > 0 {
                line.push_str("  ");
            }
            if c == 0 || !numbers_right {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            } else {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::aligned;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect()
    }

    #[test]
    fn numbers_line_up_on_their_last_digit() {
        let table = aligned(
            &rows(&[&["touchpoint", "n"], &["Parking", "12"], &["Film", "3"]]),
            0,
            true,
        );
        assert_eq!(table, "touchpoint   n\nParking     12\nFilm         3\n");
    }

    #[test]
    fn left_aligned_and_indented() {
        let table = aligned(&rows(&[&["a", "bb"], &["ccc", "d"]]), 2, false);
        assert_eq!(table, "  a    bb\n  ccc  d\n");
    }
}
