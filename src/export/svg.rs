//! SVG: the Scene painted as vector shapes with text kept as text, so a designer can edit it.

use plotters::prelude::*;

use super::font_face::UsedChars;
use super::layout::Layout;
use super::paint::Painter;
use super::text::{EM_PER_SIZE, is_rtl_text};
use super::{ExportError, ExportSize};
use crate::chart::{Scene, Theme};
use crate::model::is_bidi_control;

/// plotters' SVG backend writes `font-size` as the font size over this factor.
const PLOTTERS_SVG_FONT_FACTOR: f64 = 1.24;

/// The SVG document of `scene`, `size.width` × `size.height` user units (shown at `scale`×),
/// standalone: it carries the subset of the bundled font its text uses as `@font-face` rules,
/// so a browser on a machine without Liberation Sans draws every label at the width the layout
/// measured.
pub fn render_svg_with_theme(
    scene: &Scene,
    size: &ExportSize,
    theme: &Theme,
) -> Result<String, ExportError> {
    let svg = render_svg_without_font(scene, size, theme)?;
    Ok(embed_font(&svg))
}

/// `svg` with a `<style>` holding the `@font-face` rules for the characters of its `<text>`
/// elements, per weight, after the title and description.
fn embed_font(svg: &str) -> String {
    let css = super::font_face::font_face_css(&UsedChars::of_svg(svg));
    if css.is_empty() {
        return svg.to_owned();
    }
    let at = svg
        .find("</desc>")
        .map(|i| i + "</desc>".len())
        .or_else(|| svg.find('>').map(|i| i + 1))
        .unwrap_or(0);
    let mut out = String::with_capacity(svg.len() + css.len() + 32);
    out.push_str(&svg[..at]);
    out.push_str("\n<style>\n");
    out.push_str(&css);
    out.push_str("</style>");
    out.push_str(&svg[at..]);
    out
}

/// The SVG document of `scene` with no font in it: for the report, which embeds the font once
/// for all its charts, and for `--text-as-paths`, which needs none.
pub(super) fn render_svg_without_font(
    scene: &Scene,
    size: &ExportSize,
    theme: &Theme,
) -> Result<String, ExportError> {
    let unit_size = ExportSize {
        scale: 1.0,
        ..*size
    };
    let layout = Layout::new(scene, &unit_size, theme);
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (layout.width_px, layout.height_px));
        let area = backend.into_drawing_area();
        Painter {
            area: &area,
            scene,
            layout: &layout,
            theme,
            visual_bidi: false,
        }
        .paint()?;
        area.present()
            .map_err(|e| ExportError::Draw(format!("{e:?}")))?;
    }
    Ok(finish(&svg, scene, size, &layout))
}

/// Adjusts plotters' output so the SVG matches the PNG and reads right in every language:
/// - font sizes and baselines as the bitmap painter sets them (plotters' SVG backend uses
///   other conventions for both);
/// - text whose own direction is right-to-left gets `direction="rtl"` (its anchor flipped, as
///   "start" then means the right end), so viewers order mixed Hebrew and numbers correctly;
/// - a `<title>` and `<desc>` for screen readers and file browsers, and the output scale.
fn finish(svg: &str, scene: &Scene, size: &ExportSize, layout: &Layout) -> String {
    let mut out = String::with_capacity(svg.len() + 1024);
    let mut rest = svg;
    // The root element: scale its displayed size and add the title.
    if let Some(end) = rest.find('>') {
        let (root, after) = rest.split_at(end + 1);
        let shown_width = (f64::from(layout.width_px) * f64::from(size.scale)).round();
        let shown_height = (f64::from(layout.height_px) * f64::from(size.scale)).round();
        let root = root
            .replacen(
                &format!("width=\"{}\"", layout.width_px),
                &format!("width=\"{shown_width}\""),
                1,
            )
            .replacen(
                &format!("height=\"{}\"", layout.height_px),
                &format!("height=\"{shown_height}\""),
                1,
            );
        // Text direction is set per label below; the chart itself is laid out left to right even
        // when it sits inline in a right-to-left page, whose direction it would otherwise inherit.
        out.push_str(&root.replacen("<svg ", "<svg direction=\"ltr\" ", 1));
        out.push_str("\n<title>");
        out.push_str(&escape(&scene.title));
        out.push_str("</title>\n<desc>");
        out.push_str(&escape(&scene.subtitle));
        out.push_str("</desc>");
        rest = after;
    }
    while let Some(start) = rest.find("<text ") {
        out.push_str(&rest[..start]);
        let after_start = &rest[start..];
        let Some(tag_end) = after_start.find('>') else {
            break;
        };
        let Some(close) = after_start.find("</text>") else {
            break;
        };
        let tag = &after_start[..tag_end];
        let content = &after_start[tag_end + 1..close];
        out.push_str(&rewrite_text_tag(tag, content.trim()));
        out.push('>');
        out.push_str(content.trim());
        out.push_str("</text>");
        rest = &after_start[close + "</text>".len()..];
    }
    out.push_str(rest);
    out
}

fn rewrite_text_tag(tag: &str, content: &str) -> String {
    let mut tag = tag.to_owned();
    if let Some(size) = attribute(&tag, "font-size").and_then(|v| v.parse::<f64>().ok()) {
        let font_size = size * PLOTTERS_SVG_FONT_FACTOR;
        let em = font_size * EM_PER_SIZE;
        tag = replace_attribute(&tag, "font-size", &format!("{em:.2}"));
        // The bitmap painter puts the baseline half the font size below the anchor.
        tag = replace_attribute(&tag, "dy", &format!("{:.2}", font_size / 2.0));
    }
    if is_rtl_text(content) {
        let anchor = match attribute(&tag, "text-anchor") {
            Some("start") => "end",
            Some("end") => "start",
            _ => "middle",
        };
        tag = replace_attribute(&tag, "text-anchor", anchor);
        tag.push_str(" direction=\"rtl\" unicode-bidi=\"embed\"");
    }
    tag
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    tag.get(start..start + len)
}

fn replace_attribute(tag: &str, name: &str, value: &str) -> String {
    match attribute(tag, name) {
        Some(old) => tag.replacen(
            &format!(" {name}=\"{old}\""),
            &format!(" {name}=\"{value}\""),
            1,
        ),
        None => format!("{tag} {name}=\"{value}\""),
    }
}

/// The one escape for user text in SVG and HTML, content and attributes alike (the report's
/// `esc` is this function): markup characters as entities; characters XML 1.0 forbids (C0 but
/// tab, LF and CR; U+FFFE, U+FFFF), which make the whole file unreadable to rsvg and a parser
/// error in browsers, and the other control characters (DEL, C1) as U+FFFD, which browsers draw
/// from a fallback font; bidi controls dropped, since an override left open in a name reverses
/// the rest of its line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c if is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}
