//! The layout of a multi-line field that holds right-to-left text (the journey's Description).
//!
//! epaint 0.37 shapes a whole paragraph of Hebrew as one right-to-left run, which puts its glyphs
//! in display order (the end of the paragraph leftmost), and only then wraps those glyphs into
//! rows from the left: a wrapped paragraph came out last row first, the last sentence on top.
//! Here a paragraph is broken into rows in reading order before epaint sees it, at spaces,
//! measured with the field's own font. Each chosen space becomes a line break in the layout's copy
//! of the text: one character for one, byte for byte, so the field's cursor and selection still
//! map one to one onto what the user typed, and every row is shaped on its own, in order.
//! A paragraph that starts right to left is aligned to the right, as the reader expects.

use egui::text::LayoutJob;
use egui::{Align, Color32, FontId, TextFormat};

use crate::model::is_rtl_char;

/// Whether the first letter of `text` is a right-to-left one (a Hebrew description).
pub fn starts_rtl(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(is_rtl_char)
}

/// The layout job for `text` in a field `wrap_width` wide: the text with the row breaks of its
/// right-to-left paragraphs made explicit. Text without right-to-left letters is laid out as
/// egui would, so an English description is untouched.
pub fn job(
    text: &str,
    font: FontId,
    color: Color32,
    wrap_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> LayoutJob {
    let shown = if text.chars().any(is_rtl_char) {
        break_rows(text, wrap_width, measure)
    } else {
        text.to_owned()
    };
    let mut job = LayoutJob::single_section(
        shown,
        TextFormat {
            font_id: font,
            color,
            ..Default::default()
        },
    );
    job.wrap.max_width = wrap_width;
    // Kept while typing, as egui's own field does: a space that vanished would feel wrong.
    job.keep_trailing_whitespace = true;
    if starts_rtl(text) {
        job.halign = Align::RIGHT;
    }
    job
}

/// The galley of `text` in a field `wrap_width` wide, measured and laid out with `fonts`: what
/// the Description field's layouter draws.
pub fn galley(
    fonts: &mut egui::epaint::text::FontsView<'_>,
    text: &str,
    font: &FontId,
    color: Color32,
    wrap_width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut measure = |s: &str| {
        fonts
            .layout_no_wrap(s.to_owned(), font.clone(), color)
            .size()
            .x
    };
    let job = job(text, font.clone(), color, wrap_width, &mut measure);
    fonts.layout_job(job)
}

/// `text` with the spaces where its right-to-left paragraphs wrap turned into line breaks.
/// Greedy, in reading order: a word goes on the row while the row still fits. A single word
/// wider than the field is left to epaint, which breaks it where it must.
pub(crate) fn break_rows(
    text: &str,
    wrap_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> String {
    let space = measure(" ");
    let mut out = String::with_capacity(text.len());
    for (p, paragraph) in text.split('\n').enumerate() {
        if p > 0 {
            out.push('\n');
        }
        if !paragraph.chars().any(is_rtl_char) {
            out.push_str(paragraph);
            continue;
        }
        let mut row = 0.0_f32;
        for (w, word) in paragraph.split(' ').enumerate() {
            let width = if word.is_empty() { 0.0 } else { measure(word) };
            if w > 0 {
                if row > 0.0 && row + space + width > wrap_width {
                    out.push('\n');
                    row = width;
                } else {
                    out.push(' ');
                    row += space + width;
                }
            } else {
                row = width;
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter a fixed 10 points wide, a space 5: the rows are easy to count by hand.
    fn fixed(s: &str) -> f32 {
        s.chars().map(|c| if c == ' ' { 5.0 } else { 10.0 }).sum()
    }

    #[test]
    fn hebrew_rows_break_in_reading_order_one_character_for_one() {
        let text = "אחת שתיים שלוש ארבע חמש";
        let shown = break_rows(text, 100.0, &mut fixed);
        assert_eq!(shown, "אחת שתיים\nשלוש ארבע\nחמש");
        assert_eq!(shown.chars().count(), text.chars().count());
        assert_eq!(shown.len(), text.len());
    }

    #[test]
    fn english_and_typed_line_breaks_are_kept() {
        let mut measure = fixed;
        let english = job(
            "one two three four",
            FontId::default(),
            Color32::WHITE,
            50.0,
            &mut measure,
        );
        assert_eq!(english.text, "one two three four");
        assert_eq!(english.halign, Align::LEFT);
        let mixed = break_rows("Intro line\nאחת שתיים שלוש", 100.0, &mut fixed);
        assert_eq!(mixed, "Intro line\nאחת שתיים\nשלוש");
    }

    #[test]
    fn a_word_wider_than_the_field_stays_whole_on_its_own_row() {
        let shown = break_rows("א בבבבבבבבבבבב ג", 60.0, &mut fixed);
        assert_eq!(shown, "א\nבבבבבבבבבבבב\nג");
    }

    #[test]
    fn a_hebrew_description_is_aligned_right() {
        let mut measure = fixed;
        let j = job(
            "שלום לכם",
            FontId::default(),
            Color32::WHITE,
            200.0,
            &mut measure,
        );
        assert_eq!(j.halign, Align::RIGHT);
        assert!(starts_rtl("  (1) שלום"));
        assert!(!starts_rtl("Hello שלום"));
    }

    /// With the app's real fonts, the first row of a wrapped Hebrew paragraph holds its first
    /// words: what a reader sees on top of the field.
    #[test]
    fn with_real_fonts_the_first_row_starts_the_paragraph() {
        let ctx = egui::Context::default();
        crate::app::run::install_fonts(&ctx);
        let mut output = ctx.run_ui(Default::default(), |_| {});
        output.textures_delta.clear();
        let text = "הלקוח מגיע לקולנוע. החניה מלאה והוא מאחר. בסוף הסרט הוא מרוצה מאוד.";
        let font = FontId::proportional(14.0);
        let galley = ctx.fonts_mut(|fonts| galley(fonts, text, &font, Color32::WHITE, 150.0));
        assert!(galley.rows.len() >= 3, "{} rows", galley.rows.len());
        let first: String = galley.rows[0].row.glyphs.iter().map(|g| g.chr).collect();
        let last: String = galley
            .rows
            .last()
            .unwrap()
            .row
            .glyphs
            .iter()
            .map(|g| g.chr)
            .collect();
        assert!(
            first.contains('ל') && first.contains('ק'),
            "first row {first:?}"
        );
        assert!(
            last.contains('מ') && last.contains('ד'),
            "last row {last:?} should end the paragraph (מאוד)"
        );
        assert!(!first.contains('ד'), "the last word came first: {first:?}");
    }
}
