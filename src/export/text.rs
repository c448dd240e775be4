//! Text for the painters: the embedded font, measuring, wrapping and right-to-left order.

use std::sync::Once;

use plotters::style::{FontDesc, FontFamily, FontStyle};
use unicode_bidi::{BidiInfo, Direction};

use crate::model::is_rtl_char;

/// The family the embedded font is registered under. It doubles as the SVG `font-family`, so a
/// viewer without Liberation Sans falls back to the metric-compatible Arial.
pub const FAMILY: &str = "Liberation Sans, Arial, Helvetica, sans-serif";

/// plotters (ab_glyph) scales a font so that ascent − descent equals the requested size; one em
/// of Liberation Sans is 2048 / (1854 + 434) of that.
pub const EM_PER_SIZE: f64 = 2048.0 / 2288.0;

/// Registers the embedded fonts with plotters once per process.
pub fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are the ones shipped in the binary; if they were not a font, every text
        // would fail to draw and the export would report it, so the result can be ignored here.
        let _ =
            plotters::style::register_font(FAMILY, FontStyle::Normal, crate::assets::SANS_REGULAR);
        let _ = plotters::style::register_font(FAMILY, FontStyle::Bold, crate::assets::SANS_BOLD);
    });
}

/// The plotters font for text one em of `em_px` pixels tall.
pub fn font(em_px: f64, bold: bool) -> FontDesc<'static> {
    register_fonts();
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FAMILY), em_px / EM_PER_SIZE, style)
}

/// Width in pixels of `text` set one em of `em_px` tall.
pub fn text_width(text: &str, em_px: f64, bold: bool) -> f64 {
    measure(em_px, bold)(text)
}

/// [`text_width`] with the font looked up once, for measuring many candidates.
fn measure(em_px: f64, bold: bool) -> impl Fn(&str) -> f64 {
    let font = font(em_px, bold);
    move |text| {
        font.box_size(text)
            .map_or(text.chars().count() as f64 * em_px * 0.55, |(w, _)| {
                f64::from(w)
            })
    }
}

/// Breaks `text` at spaces into lines no wider than `max_width`; `None` if a single word is
/// wider than that.
pub fn wrap(text: &str, em_px: f64, bold: bool, max_width: f64) -> Option<Vec<String>> {
    let width = measure(em_px, bold);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if width(word) > max_width {
            return None;
        }
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate) <= max_width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

/// Shortens `text` with an ellipsis until it fits in `max_width`.
pub fn truncate(text: &str, em_px: f64, bold: bool, max_width: f64) -> String {
    let width = measure(em_px, bold);
    if width(text) <= max_width {
        return text.to_owned();
    }
    // Longest prefix first, one character shorter each time (kerning can make a shorter text
    // wider, so the first fit from the end is kept rather than searched for).
    text.char_indices()
        .rev()
        .map(|(end, _)| format!("{}…", text[..end].trim_end()))
        .find(|candidate| width(candidate) <= max_width)
        .unwrap_or_else(|| "…".to_owned())
}

/// True when a label's own first strong character is right-to-left (the Unicode rule for a
/// paragraph's direction): such a label is laid out right to left.
pub fn is_rtl_text(text: &str) -> bool {
    text.chars().any(is_rtl_char) && unicode_bidi::get_base_direction(text) == Direction::Rtl
}

/// `text` in visual (left-to-right display) order, for a painter that draws glyphs in the order
/// given: runs at right-to-left levels are reversed with their brackets mirrored, and combining
/// marks (Hebrew points) stay after their base letter.
pub fn visual_order(text: &str) -> String {
    if !text.chars().any(is_rtl_char) {
        return text.to_owned();
    }
    let info = BidiInfo::new(text, None);
    let mut out = String::with_capacity(text.len());
    for paragraph in &info.paragraphs {
        let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let Some(slice) = text.get(run.clone()) else {
                continue;
            };
            if levels.get(run.start).is_some_and(|level| level.is_rtl()) {
                for cluster in clusters(slice).into_iter().rev() {
                    let mut chars = cluster.chars();
                    if let Some(base) = chars.next() {
                        out.push(mirror(base));
                    }
                    out.extend(chars);
                }
            } else {
                out.push_str(slice);
            }
        }
    }
    // A paragraph separator (a newline) is not part of any line's runs; labels are one line.
    out.retain(|c| c != '\n' && c != '\r');
    out
}

/// A base character with the combining marks after it.
fn clusters(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > start && !is_combining(c) {
            if let Some(cluster) = text.get(start..i) {
                out.push(cluster);
            }
            start = i;
        }
    }
    if let Some(cluster) = text.get(start..)
        && !cluster.is_empty()
    {
        out.push(cluster);
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670)
}

/// The mirrored glyph a right-to-left run shows for a paired punctuation mark.
/// A bracket as it shows in right-to-left text (its mirror image).
pub fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_is_unchanged() {
        assert_eq!(visual_order("Call centre (IVR)"), "Call centre (IVR)");
    }

    #[test]
    fn hebrew_is_reversed_with_brackets_mirrored_and_numbers_kept() {
        // "שיחה (מוקד) 24" in logical order; displayed right to left.
        let visual = visual_order("שיחה (מוקד) 24");
        assert_eq!(visual, "24 (דקומ) הח\u{5d9}ש");
    }

    #[test]
    fn points_stay_after_their_letter() {
        // בָּ: bet with dagesh and qamats, then a plain lamed.
        let visual = visual_order("ב\u{5bc}\u{5b8}ל");
        assert_eq!(visual, "לב\u{5bc}\u{5b8}");
    }

    #[test]
    fn direction_follows_the_first_strong_character() {
        assert!(is_rtl_text("3 ימים"));
        assert!(!is_rtl_text("SMS מהבנק"));
        assert!(!is_rtl_text("Website"));
    }

    #[test]
    fn wrap_breaks_at_spaces_and_refuses_long_words() {
        let lines = wrap("angry and frustrated", 13.0, false, 80.0).unwrap_or_default();
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "angry and frustrated");
        assert!(wrap("Supercalifragilistic", 13.0, false, 20.0).is_none());
    }
}
