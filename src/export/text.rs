//! Text for the painters: the embedded font, measuring, wrapping and right-to-left order.

use std::borrow::Cow;
use std::sync::{Once, OnceLock};

use plotters::style::{FontDesc, FontFamily, FontStyle};
use unicode_bidi::{BidiInfo, Direction};

use crate::model::{is_bidi_control, is_rtl_char};

/// What a painter draws for a character the bundled font has no glyph for (an emoji, a CJK
/// letter) and for a control character: a white square (U+25A1), the sign readers know for "a
/// character this font cannot show". Liberation Sans has no U+FFFD; unlike its own `.notdef`
/// box, this square is a real glyph, so it measures and draws alike in the PNG, in the SVG and
/// on machines whose fonts would otherwise draw an emoji at a width the layout never measured.
pub const MISSING: char = '\u{25A1}';

/// The bundled regular font's character map, parsed once, to tell which characters it draws.
fn font_face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(crate::assets::SANS_REGULAR, 0).ok())
        .as_ref()
}

/// True when the bundled font has a glyph for `c`.
pub fn has_glyph(c: char) -> bool {
    font_face().is_none_or(|face| face.glyph_index(c).is_some())
}

/// Characters that have no ink and must not get any: zero-width space, joiners and
/// non-joiners, word joiner and invisible operators, the BOM, soft hyphen, variation selectors.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Emoji skin-tone modifiers: part of the emoji before them, never a character of their own.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

/// `text` as both painters draw and measure it, so the PNG, the SVG and the layout agree:
/// - bidi controls are dropped: the painters order right-to-left text themselves, and an
///   override left open in a name would reverse the rest of a label ("(−4.5)" → "(5.4−)");
///   the journey checker refuses them, this also covers CSV and Mermaid input;
/// - invisible characters (zero-width joiners and spaces, variation selectors) are dropped, so
///   they stay invisible instead of drawing as a box or a visible mark;
/// - control characters (never valid in SVG) and characters the bundled font lacks become
///   [`MISSING`]; an emoji sequence joined by ZWJ or carrying a skin tone is one [`MISSING`];
/// - tabs and line breaks are spaces (labels are one line).
pub fn paintable(text: &str) -> Cow<'_, str> {
    let plain =
        |c: char| !c.is_control() && !is_bidi_control(c) && !is_invisible(c) && has_glyph(c);
    if text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // After a missing character, a ZWJ or modifier continues the same (missing) emoji.
    let mut in_missing = false;
    let mut joined = false;
    for c in text.chars() {
        if c == '\t' || c == '\n' || c == '\r' {
            out.push(' ');
            in_missing = false;
        } else if c == '\u{200D}' {
            joined = in_missing;
        } else if is_bidi_control(c) || is_invisible(c) {
        } else if c.is_control() || !has_glyph(c) {
            if !(joined || in_missing && is_emoji_modifier(c)) {
                out.push(MISSING);
            }
            in_missing = true;
            joined = false;
        } else {
            out.push(c);
            in_missing = false;
            joined = false;
        }
    }
    Cow::Owned(out)
}

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

/// [`text_width`] with the font looked up once, for measuring many candidates. Measures the
/// [`paintable`] text, which is what gets drawn.
pub(super) fn measure(em_px: f64, bold: bool) -> impl Fn(&str) -> f64 {
    let font = font(em_px, bold);
    move |text| {
        let text = paintable(text);
        font.box_size(&text)
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
///
/// The longest fitting prefix is found by binary search over the character boundaries: a
/// prefix is never narrower than a shorter one except by a kerning pair's sliver, so this finds
/// the same cut as trying every prefix from the end, with log₂(n) measurements instead of n
/// (ten 10 000-character names took 38 s per SVG that way). The result is always one measured
/// to fit.
pub fn truncate(text: &str, em_px: f64, bold: bool, max_width: f64) -> String {
    let width = measure(em_px, bold);
    if width(text) <= max_width {
        return text.to_owned();
    }
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let candidate = |k: usize| {
        let end = ends.get(k).copied().unwrap_or(text.len());
        format!("{}…", text.get(..end).unwrap_or_default().trim_end())
    };
    // Invariant: the first `low` characters plus "…" fit (0 characters: "…" alone, the
    // fallback), the first `high` do not (all of `text` did not fit without the ellipsis).
    let (mut low, mut high) = (0, ends.len());
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if width(&candidate(mid)) <= max_width {
            low = mid;
        } else {
            high = mid;
        }
    }
    if low == 0 {
        return "…".to_owned();
    }
    candidate(low)
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
    fn truncation_keeps_the_longest_prefix_that_fits() {
        let text = "Arrival and parking at the multiplex garage";
        let cut = truncate(text, 13.0, false, 120.0);
        assert!(cut.ends_with('…') && cut.len() > 4, "{cut}");
        assert!(text_width(&cut, 13.0, false) <= 120.0);
        // One character more would not fit: the same cut as trying every prefix.
        let kept = cut.trim_end_matches('…').chars().count();
        let longer: String = text.chars().take(kept + 1).collect();
        assert!(text_width(&format!("{}…", longer.trim_end()), 13.0, false) > 120.0);
        assert_eq!(truncate("Short", 13.0, false, 120.0), "Short");
        assert_eq!(truncate("Wide", 13.0, false, 1.0), "…");
    }

    #[test]
    fn paintable_text_has_no_controls_no_invisible_marks_and_no_missing_glyphs() {
        assert_eq!(paintable("Call centre"), "Call centre");
        assert_eq!(paintable("Ann\u{202E} · Wait"), "Ann · Wait");
        assert_eq!(paintable("A\u{1}B\tC"), "A\u{25A1}B C");
        assert_eq!(paintable("zero\u{200B}width\u{FEFF}"), "zerowidth");
        // A family emoji (three people joined by ZWJ) and a thumbs-up with a skin tone: one
        // replacement each.
        assert_eq!(paintable("Fun 👩\u{200D}👩\u{200D}👧!"), "Fun \u{25A1}!");
        assert_eq!(paintable("👍\u{1F3FD}👍"), "\u{25A1}\u{25A1}");
        assert!(has_glyph(MISSING) && has_glyph('ש') && has_glyph('…'));
        assert!(!has_glyph('👍'));
    }

    #[test]
    fn wrap_breaks_at_spaces_and_refuses_long_words() {
        let lines = wrap("angry and frustrated", 13.0, false, 80.0).unwrap_or_default();
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "angry and frustrated");
        assert!(wrap("Supercalifragilistic", 13.0, false, 20.0).is_none());
    }
}
