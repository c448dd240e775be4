//! Right-to-left text on screen. epaint 0.37 shapes each run of one font in one direction,
//! guessed from the run's first letters (harfrust's `guess_segment_properties`), and does not
//! reorder runs: pure Hebrew comes out right, but a label that mixes a Hebrew name with English
//! words or numbers does not ("#1 − <name> · overall" shows "llarevo", "84" can show "48").
//! Here such a text is split by the Unicode bidi algorithm into its runs, in display order, one
//! layout section each, so that the shaper sees one direction per section. Text without
//! right-to-left letters is passed through untouched (the common case costs one scan).

use std::borrow::Cow;
use std::sync::Arc;

use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};
use egui::{Align, FontSelection, RichText, WidgetText};
use unicode_bidi::BidiInfo;

use crate::export::text::mirror;
use crate::model::is_rtl_char;

/// Whether `text` needs reordering before egui lays it out.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_rtl_char)
}

/// First-strong isolate … pop: wraps a name inside a composed label, so that a name ending in
/// Latin letters ("סקר ב-SMS") does not pull the English around it into its own run.
pub const ISOLATE: (char, char) = ('\u{2068}', '\u{2069}');

/// `name` between [`ISOLATE`] marks; the marks are taken out again when the text is laid out.
pub fn isolate(name: &str) -> String {
    format!("{}{name}{}", ISOLATE.0, ISOLATE.1)
}

fn is_isolate_mark(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

fn without_isolates(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_isolate_mark) {
        Cow::Owned(text.chars().filter(|&c| !is_isolate_mark(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// A text for any widget (label, button, selectable label, tooltip) that shows right-to-left
/// letters in reading order within the widget's style.
pub fn text(ui: &egui::Ui, text: impl Into<RichText>) -> WidgetText {
    let rich: RichText = text.into();
    if !has_rtl(rich.text()) && !rich.text().chars().any(is_isolate_mark) {
        return rich.into();
    }
    let content = rich.text().to_owned();
    let (job, _) = laid_out(ui, rich, &content);
    WidgetText::LayoutJob(Arc::new(job))
}

/// `content` laid out run by run in `rich`'s style, and that style's format.
fn laid_out(ui: &egui::Ui, rich: RichText, content: &str) -> (LayoutJob, TextFormat) {
    let laid =
        WidgetText::from(rich).into_layout_job(ui.style(), FontSelection::Default, Align::Center);
    let format = laid
        .sections
        .first()
        .map_or_else(TextFormat::default, |s| s.format.clone());
    let mut job = job(content, format.clone());
    job.wrap = laid.wrap.clone();
    job.halign = laid.halign;
    (job, format)
}

/// A wrapping label's text with its rows broken in reading order. The runs of a line are put
/// in display order before epaint wraps them, and epaint fills rows from the left: a Hebrew
/// sentence too long for its panel came out with its end on the first row and its start on the
/// last. Broken here first, at spaces, each row is put in order on its own (see [`job`]).
fn rows_in_reading_order(ui: &egui::Ui, rich: &RichText) -> Option<String> {
    let text = rich.text();
    if !has_rtl(text) || ui.wrap_mode() != egui::TextWrapMode::Wrap {
        return None;
    }
    let width = ui.available_width();
    let (_, format) = laid_out(ui, rich.clone(), "");
    let mut measure = |s: &str| {
        ui.fonts_mut(|f| {
            f.layout_no_wrap(
                without_isolates(s).into_owned(),
                format.font_id.clone(),
                format.color,
            )
        })
        .size()
        .x
    };
    if measure(text) <= width {
        return None;
    }
    Some(crate::app::rtl_wrap::break_rows(text, width, &mut measure))
}

/// A button whose text may mix directions ("ייבוא CSV…", "מצב מציג (F5)"): drawn run by run
/// (one run shaped right to left whole turns "F5" into "5F" and "Ctrl+S" into "S+lrtC"), and
/// named for a screen reader — and the tests that find it — by its text as written.
pub fn button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let response = ui.button(self::text(ui, text));
    named(response, text)
}

/// A menu item with its shortcut beside it: the item's words in reading order, the keys as
/// typed ("Ctrl+S", "F5" — a run of their own, left to right in any language), and one name
/// for both ("שמירה Ctrl+S"), as egui names an item with its shortcut.
pub fn menu_button(ui: &mut egui::Ui, text: &str, keys: &str, enabled: bool) -> egui::Response {
    let button = egui::Button::new(self::text(ui, text)).shortcut_text(self::text(ui, keys));
    let response = ui.add_enabled(enabled, button);
    named(response, &format!("{text} {keys}"))
}

/// A label whose text may mix directions: drawn run by run like [`text`], and read out by a
/// screen reader (and found by the tests) as it is written, not in the order of its runs on
/// screen ("חזור תוך 84 שעות" rather than its runs right to left).
pub fn label(ui: &mut egui::Ui, text: impl Into<RichText>) -> egui::Response {
    let rich: RichText = text.into();
    let logical = rich.text().to_owned();
    let shown = match rows_in_reading_order(ui, &rich) {
        Some(rows) => WidgetText::LayoutJob(Arc::new(laid_out(ui, rich, &rows).0)),
        None => self::text(ui, rich),
    };
    let response = ui.label(shown);
    as_written(response, &logical)
}

/// A selectable row (a list's entry: a critical point, a pattern, a case) laid out like
/// [`text`] and named as written.
pub fn selectable(ui: &mut egui::Ui, selected: bool, text: impl Into<RichText>) -> egui::Response {
    let rich: RichText = text.into();
    let logical = rich.text().to_owned();
    let response = ui.selectable_label(selected, self::text(ui, rich));
    as_written(response, &logical)
}

/// A checkbox with its words laid out like [`text`] and named as written.
pub fn checkbox(
    ui: &mut egui::Ui,
    checked: &mut bool,
    text: impl Into<RichText>,
) -> egui::Response {
    let rich: RichText = text.into();
    let logical = rich.text().to_owned();
    let response = ui.checkbox(checked, self::text(ui, rich));
    as_written(response, &logical)
}

/// A label added some other way (`egui::Label::new(bidi::text(…)).truncate()`) read out as
/// `logical`, its text as written, like [`label`].
pub fn label_as_written(response: egui::Response, logical: &str) -> egui::Response {
    as_written(response, logical)
}

/// Any widget whose text was laid out by [`text`] (a selectable row, a checkbox, a link) named
/// by `logical`, its text as written. Only the name changes: the widget keeps its role and its
/// state (selected, checked) as it gave them.
pub fn as_written(response: egui::Response, logical: &str) -> egui::Response {
    if has_rtl(logical) || logical.chars().any(is_isolate_mark) {
        let name = without_isolates(logical);
        response.ctx.accesskit_node_builder(response.id, |node| {
            // egui names a label by its value, every other widget by its label.
            if node.role() == egui::accesskit::Role::Label {
                node.set_value(name.as_ref());
            } else {
                node.set_label(name.as_ref());
            }
        });
    }
    response
}

/// `response` named by `logical`, the text as it reads: a text laid out run by run holds its
/// runs in display order, which a screen reader would read out of order.
fn named(response: egui::Response, logical: &str) -> egui::Response {
    if has_rtl(logical) || logical.chars().any(is_isolate_mark) {
        let name = without_isolates(logical).into_owned();
        let enabled = response.enabled();
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Button, enabled, &name)
        });
    }
    response
}

/// A layout job for a painter (the graph's labels and badges), in display order.
pub fn job(text: &str, format: TextFormat) -> LayoutJob {
    let mut job = LayoutJob::default();
    // Paragraph separators other than the line break (a stray U+2029 or `\r` in a name) would
    // start a new bidi paragraph that nothing lays out: within one line they are spaces.
    let separator = |c: char| matches!(c, '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}');
    for (i, line) in text.split('\n').enumerate() {
        let line = if line.contains(separator) {
            Cow::Owned(line.replace(separator, " "))
        } else {
            Cow::Borrowed(line)
        };
        let mut pieces = display_pieces(&line);
        if i > 0
            && let Some(first) = pieces.first_mut()
        {
            *first = Cow::Owned(format!("\n{first}"));
        }
        for piece in pieces {
            // Pushed, not `append`ed: `append` merges sections of one format, and each run
            // must be shaped on its own.
            let start = job.text.len();
            job.text.push_str(&piece);
            job.sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
                format: format.clone(),
            });
        }
    }
    job
}

/// `text` cut at its logical end, with "…", so that it fits `max_width` in `format`'s font: the
/// start of a name stays, in either direction. (egui's own truncation cuts the *visual* end,
/// which for right-to-left text is the start.) Left-to-right text is returned whole: egui's
/// truncation serves it.
pub fn fit<'t>(
    ctx: &egui::Context,
    text: &'t str,
    format: &TextFormat,
    max_width: f32,
) -> Cow<'t, str> {
    if !has_rtl(text) {
        return Cow::Borrowed(text);
    }
    let width = |s: &str| {
        ctx.fonts_mut(|f| f.layout_job(job(s, format.clone())))
            .size()
            .x
    };
    if width(text) <= max_width {
        return Cow::Borrowed(text);
    }
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    // The longest prefix that fits with its ellipsis, found by bisection.
    let (mut low, mut high) = (0, ends.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        let candidate = format!("{}…", text[..ends[mid - 1]].trim_end());
        if width(&candidate) <= max_width {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let kept = if low == 0 {
        ""
    } else {
        text[..ends[low - 1]].trim_end()
    };
    Cow::Owned(format!("{kept}…"))
}

/// The bidi runs of one line, left to right as they are displayed. A run that holds
/// right-to-left letters stays in logical order: the shaper reverses it. A right-to-left run
/// without such letters (spaces and punctuation between two Hebrew runs) would be shaped left
/// to right, so it is reversed here, brackets mirrored.
fn display_pieces(line: &str) -> Vec<Cow<'_, str>> {
    if !has_rtl(line) {
        return vec![without_isolates(line)];
    }
    let info = BidiInfo::new(line, None);
    let Some(paragraph) = info.paragraphs.first() else {
        return vec![Cow::Borrowed(line)];
    };
    let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
    runs.into_iter()
        .filter_map(|run| {
            let slice = line.get(run.clone())?;
            let rtl = levels.get(run.start).is_some_and(|level| level.is_rtl());
            let piece = if rtl && !has_rtl(slice) {
                Cow::Owned(slice.chars().rev().map(mirror).collect())
            } else {
                Cow::Borrowed(slice)
            };
            let piece = match piece {
                Cow::Borrowed(slice) => without_isolates(slice),
                Cow::Owned(owned) => Cow::Owned(without_isolates(&owned).into_owned()),
            };
            (!piece.is_empty()).then_some(piece)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(line: &str) -> Vec<String> {
        display_pieces(line)
            .into_iter()
            .map(Cow::into_owned)
            .collect()
    }

    #[test]
    fn latin_text_is_one_piece_as_it_is() {
        assert_eq!(pieces("#1 − Queue · overall"), ["#1 − Queue · overall"]);
    }

    #[test]
    fn a_hebrew_name_in_an_english_label_keeps_the_english_readable() {
        // The first strong letter is Hebrew: a right-to-left line, as a browser shows it.
        let shown = pieces("#1 − גילוי חיוב · overall");
        // Left to right on screen: "overall", the Hebrew (the shaper reverses it), then "#1".
        assert_eq!(shown.first().map(String::as_str), Some("overall"));
        assert!(shown.iter().any(|p| p.contains("גילוי חיוב")), "{shown:?}");
        assert_eq!(shown.last().map(String::as_str), Some("#1"));
        // Nothing lost or added.
        let mut letters: Vec<char> = shown.concat().chars().collect();
        let mut expected: Vec<char> = "#1 − גילוי חיוב · overall".chars().collect();
        letters.sort_unstable();
        expected.sort_unstable();
        assert_eq!(letters, expected);
    }

    #[test]
    fn numbers_inside_hebrew_stay_numbers() {
        let shown = pieces("חזור אליך תוך 84 שעות");
        assert!(shown.iter().any(|p| p == "84"), "{shown:?}");
        // "שעות" (hours) stands left of the number, "חזור" right of it.
        let at = |s: &str| shown.iter().position(|p| p.contains(s)).unwrap();
        assert!(at("שעות") < at("84") && at("84") < at("חזור"), "{shown:?}");
    }

    /// Lays `text` out with the app's fonts and returns each character's x on screen.
    fn xs(text: &str) -> Vec<(char, f32)> {
        let ctx = egui::Context::default();
        crate::app::install_fonts(&ctx);
        let mut out = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let format = TextFormat::simple(egui::FontId::proportional(14.0), egui::Color32::BLACK);
            let galley = ui.fonts_mut(|f| f.layout_job(job(text, format)));
            for row in &galley.rows {
                for glyph in &row.glyphs {
                    out.push((glyph.chr, glyph.pos.x));
                }
            }
        });
        output.textures_delta.clear();
        out
    }

    fn x_of(xs: &[(char, f32)], c: char) -> f32 {
        xs.iter().find(|(g, _)| *g == c).map(|(_, x)| *x).unwrap()
    }

    /// Every character that `add` paints in one frame, with its x on screen.
    fn painted(add: impl Fn(&mut egui::Ui)) -> Vec<(char, f32)> {
        fn walk(shape: &egui::Shape, out: &mut Vec<(char, f32)>) {
            match shape {
                egui::Shape::Text(text) => {
                    for row in &text.galley.rows {
                        for glyph in &row.glyphs {
                            out.push((glyph.chr, text.pos.x + row.pos.x + glyph.pos.x));
                        }
                    }
                }
                egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
                _ => {}
            }
        }
        let ctx = egui::Context::default();
        crate::app::install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| add(ui));
        output.textures_delta.clear();
        let mut out = Vec::new();
        for clipped in &output.shapes {
            walk(&clipped.shape, &mut out);
        }
        out
    }

    /// Whether the characters of `word` stand left to right in `shown`.
    fn reads_left_to_right(shown: &[(char, f32)], word: &str) -> bool {
        let at: Vec<f32> = word.chars().map(|c| x_of(shown, c)).collect();
        at.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn a_shortcut_in_a_hebrew_button_or_menu_item_reads_as_it_is_typed() {
        // "Presenter mode (F5)" on the bar: "(F5)", not "(5F)", left of the Hebrew.
        let shown = painted(|ui| {
            button(ui, "מצב מציג (F5)");
        });
        assert!(reads_left_to_right(&shown, "F5"), "{shown:?}");
        assert!(x_of(&shown, '5') < x_of(&shown, 'מ'), "{shown:?}");
        // "Import CSV…" and "Keys: Ctrl+Shift+N new case": the Latin words whole.
        let shown = painted(|ui| {
            button(ui, "ייבוא CSV…");
        });
        assert!(reads_left_to_right(&shown, "CSV"), "{shown:?}");
        let shown = painted(|ui| {
            button(ui, "מקשים: Ctrl+Shift+N מקרה חדש");
        });
        assert!(reads_left_to_right(&shown, "CtrlShifN"), "{shown:?}");
        // A menu item's keys beside its words: "Ctrl+S", "F5".
        for keys in ["Ctrl+S", "F5"] {
            let shown = painted(|ui| {
                menu_button(ui, "שמירה", keys, true);
            });
            let letters: String = keys.chars().filter(|c| *c != '+').collect();
            assert!(reads_left_to_right(&shown, &letters), "{keys}: {shown:?}");
        }
    }

    #[test]
    fn a_negative_number_in_a_hebrew_sentence_keeps_its_sign_before_it() {
        // "The score −7.5 is off the scale" in the file-problems dialog of a Hebrew window, the
        // number isolated as the Hebrew catalogues put it: its minus stays left of its digits.
        // Without the marks the minus joins the Hebrew and is drawn after them ("7.5-").
        for number in ["-7.5", "−2"] {
            let line = format!(
                "51:29: הציון \u{2068}{number}\u{2069} בנקודת המגע \u{2068}\"delivery\"\u{2069} \
                 נמצא מחוץ לסולם"
            );
            for width in [1000.0, 120.0] {
                let shown = painted(|ui| {
                    ui.set_max_width(width);
                    crate::i18n::with_language(crate::i18n::Lang::Hebrew, || {
                        crate::app::panels::side::column(ui, |ui| {
                            egui::ScrollArea::vertical().show(ui, |ui| {
                                label(
                                    ui,
                                    egui::RichText::new(line.as_str())
                                        .color(ui.visuals().error_fg_color),
                                );
                            });
                        });
                    });
                });
                assert!(
                    reads_left_to_right(&shown, number),
                    "{number} in {width}: {shown:?}"
                );
            }
        }
    }

    #[test]
    fn a_mixed_button_is_named_as_it_is_written() {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        crate::app::install_fonts(&ctx);
        let mut ids = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ids = vec![
                button(ui, "מצב מציג (F5)").id,
                menu_button(ui, "ייבוא CSV…", "Ctrl+I", true).id,
            ];
        });
        output.textures_delta.clear();
        let update = output
            .platform_output
            .accesskit_update
            .expect("an accesskit update");
        let name = |id: egui::Id| {
            update
                .nodes
                .iter()
                .find(|(node, _)| *node == id.accesskit_id())
                .and_then(|(_, node)| node.label().map(str::to_owned))
        };
        assert_eq!(name(ids[0]).as_deref(), Some("מצב מציג (F5)"));
        assert_eq!(name(ids[1]).as_deref(), Some("ייבוא CSV… Ctrl+I"));
    }

    /// A label, a selectable row and a checkbox whose Hebrew holds a number or a Latin name
    /// are read out as written, not by their runs in screen order; each keeps its role and
    /// state.
    #[test]
    fn mixed_labels_rows_and_checkboxes_are_named_as_they_are_written() {
        use egui::accesskit::{Role, Toggled};
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        crate::app::install_fonts(&ctx);
        let shown = "חזור אליך תוך 84 שעות";
        let row = format!("#1 − {} · כללי", isolate("Queue"));
        let mut ids = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let mut checked = true;
            ids = vec![
                label(ui, shown).id,
                selectable(ui, true, row.as_str()).id,
                checkbox(ui, &mut checked, "נמדד ב-SMS").id,
                label(ui, "Plain English 84").id,
            ];
        });
        output.textures_delta.clear();
        let update = output
            .platform_output
            .accesskit_update
            .expect("an accesskit update");
        let node = |id: egui::Id| {
            update
                .nodes
                .iter()
                .find(|(node, _)| *node == id.accesskit_id())
                .map(|(_, node)| node.clone())
                .unwrap()
        };
        let label_node = node(ids[0]);
        assert_eq!(label_node.role(), Role::Label);
        assert_eq!(label_node.value(), Some(shown));
        let row_node = node(ids[1]);
        assert_eq!(row_node.label(), Some("#1 − Queue · כללי"));
        assert_eq!(row_node.toggled(), Some(Toggled::True), "still selected");
        let box_node = node(ids[2]);
        assert_eq!(box_node.role(), Role::CheckBox);
        assert_eq!(box_node.label(), Some("נמדד ב-SMS"));
        assert_eq!(box_node.toggled(), Some(Toggled::True), "still checked");
        assert_eq!(node(ids[3]).value(), Some("Plain English 84"));
    }

    /// A Hebrew sentence too long for its panel starts on the first row, as it is read.
    #[test]
    fn a_wrapped_hebrew_label_starts_on_its_first_row() {
        fn rows(shape: &egui::Shape, out: &mut Vec<(char, f32)>) {
            match shape {
                egui::Shape::Text(text) => {
                    for row in &text.galley.rows {
                        for glyph in &row.glyphs {
                            out.push((glyph.chr, text.pos.y + row.pos.y));
                        }
                    }
                }
                egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| rows(s, out)),
                _ => {}
            }
        }
        // Each word's first letter is in no other word: גדול first, קשת last.
        let sentence = "גדול זמן כלב פרח 12 צבע קשת";
        let ctx = egui::Context::default();
        crate::app::install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.set_max_width(90.0);
            label(ui, sentence);
        });
        output.textures_delta.clear();
        let mut shown = Vec::new();
        for clipped in &output.shapes {
            rows(&clipped.shape, &mut shown);
        }
        let y = |c: char| {
            shown
                .iter()
                .find(|(g, _)| *g == c)
                .map(|(_, y)| *y)
                .unwrap()
        };
        assert!(y('ק') > y('ג'), "the first word above the last: {shown:?}");
        assert!(y('פ') >= y('ג') && y('פ') <= y('ק'), "{shown:?}");
        // Nothing lost.
        let letters: String = shown
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            sentence
                .chars()
                .filter(|c| !c.is_whitespace())
                .all(|c| letters.contains(c)),
            "{letters}"
        );
    }

    #[test]
    fn on_screen_numbers_read_left_to_right_and_hebrew_right_to_left() {
        // "Call you back within 84 hours": חזור (call back) rightmost, 84 as eighty-four.
        let shown = xs("חזור תוך 84 שעות");
        assert!(x_of(&shown, '8') < x_of(&shown, '4'), "{shown:?}");
        assert!(x_of(&shown, 'ח') > x_of(&shown, '8'), "{shown:?}");
        assert!(x_of(&shown, 'ש') < x_of(&shown, '8'), "{shown:?}");
        // Within a word, the first letter is rightmost: ח then ז then ו then ר.
        assert!(x_of(&shown, 'ח') > x_of(&shown, 'ז'), "{shown:?}");
        // English keeps its letters in order beside a Hebrew name.
        let shown = xs("#1 − חיוב · overall");
        assert!(x_of(&shown, 'o') < x_of(&shown, 'v'), "{shown:?}");
        assert!(x_of(&shown, 'v') < x_of(&shown, 'e'), "{shown:?}");
    }

    #[test]
    fn an_isolated_name_keeps_its_latin_tail_inside_it() {
        let label = format!("#1 − {} · pattern 1", isolate("סקר ב-SMS"));
        let shown = pieces(&label);
        // Without the isolate, "SMS · pattern 1" would be one run at the far left.
        assert!(
            shown.iter().all(|p| !p.contains("SMS · pattern")),
            "{shown:?}"
        );
        assert!(
            shown.concat().chars().all(|c| !is_isolate_mark(c)),
            "{shown:?}"
        );
        // The English around it decides: a left-to-right line, the name read within it.
        let at = |s: &str| shown.iter().position(|p| p.contains(s)).unwrap();
        assert!(at("#1") < at("SMS") && at("SMS") < at("סקר"), "{shown:?}");
        assert!(at("סקר") < at("pattern 1"), "{shown:?}");
    }

    #[test]
    fn a_stray_paragraph_separator_loses_no_text() {
        for text in ["שלום\rworld", "שלום\u{2029}world", "שלום\u{85}world"] {
            let laid = job(text, TextFormat::default());
            assert!(laid.text.contains("world"), "{:?}", laid.text);
            assert!(laid.text.contains("שלום"), "{:?}", laid.text);
        }
    }

    #[test]
    fn pure_hebrew_is_one_piece_in_logical_order() {
        assert_eq!(pieces("שיחה עם נציג השירות"), ["שיחה עם נציג השירות"]);
    }
}
