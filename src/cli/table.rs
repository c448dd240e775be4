//! Plain-text tables for the terminal, shared by every verb's `--format table`, and
//! [`terminal_text`], the one escape for user text printed to a terminal.

use std::borrow::Cow;

use crate::model::show_controls;

/// User text as a terminal may show it: control characters (C0, DEL, C1: ESC sequences that
/// retitle the window or move the cursor, a carriage return that overwrites the line) and
/// bidi controls (which reorder the rest of the line in terminals that apply bidi) are written
/// as visible `\u{1b}` escapes instead; tabs and line breaks become spaces, so a cell stays on
/// its row. Everything else, Hebrew included, is printed as it is.
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    if !text.contains(['\t', '\n']) {
        return show_controls(text);
    }
    Cow::Owned(show_controls(&text.replace(['\t', '\n'], " ")).into_owned())
}

/// How many terminal columns `text` takes: Hebrew points and other combining marks none, wide
/// (CJK) letters two, everything else one. Counting bytes would pad a Hebrew header by twice
/// its letters, counting characters would pad pointed Hebrew too little.
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Rows of cells as aligned columns (widths in terminal columns, [`display_width`]), two
/// spaces apart, after `indent` spaces. The first column is left-aligned; the others too, unless `numbers_right`, which
/// right-aligns them so figures line up on their last digit. Trailing spaces are trimmed.
/// Every cell passes through [`terminal_text`].
pub fn aligned(rows: &[Vec<String>], indent: usize, numbers_right: bool) -> String {
    let rows: Vec<Vec<Cow<'_, str>>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| terminal_text(cell)).collect())
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| display_width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = " ".repeat(indent);
        for (c, (cell, &width)) in row.iter().zip(&widths).enumerate() {
            let pad = width.saturating_sub(display_width(cell));
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
    use super::{aligned, display_width, terminal_text};

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
    fn hebrew_columns_line_up_by_letters_not_bytes_and_points_take_no_room() {
        let table = aligned(
            &rows(&[&["נקודת מגע", "n"], &["חניה", "12"], &["שָׁלוֹם", "3"]]),
            0,
            true,
        );
        assert_eq!(table, "נקודת מגע   n\nחניה       12\nשָׁלוֹם        3\n");
        assert_eq!(display_width("שָׁלוֹם"), 4);
    }

    #[test]
    fn left_aligned_and_indented() {
        let table = aligned(&rows(&[&["a", "bb"], &["ccc", "d"]]), 2, false);
        assert_eq!(table, "  a    bb\n  ccc  d\n");
    }

    #[test]
    fn escape_sequences_and_bidi_controls_are_shown_not_obeyed() {
        assert_eq!(
            terminal_text("\u{1b}]0;pwned\u{7}Ann\u{202e} 5\r"),
            "\\u{1b}]0;pwned\\u{7}Ann\\u{202e} 5\\u{d}"
        );
        assert_eq!(terminal_text("a\tb\nc"), "a b c");
        assert_eq!(terminal_text("שלום (3)"), "שלום (3)");
        let table = aligned(&rows(&[&["\u{1b}[2J", "1"]]), 0, true);
        assert!(!table.contains('\u{1b}'), "{table:?}");
    }
}
