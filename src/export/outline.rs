//! SVG text turned into glyph outlines (`--text-as-paths`), for viewers that ignore embedded
//! fonts (librsvg, many converters) on machines without Liberation Sans: the chart then looks
//! exactly as laid out, with no font lookup at all.
//!
//! Each `<text>` element the SVG painter wrote becomes one `<path>` drawn from the bundled
//! font's outlines with the same position, anchor, size, weight, fill, opacity and rotation;
//! its words stay in an `aria-label`, so screen readers still read the chart.

use std::fmt::Write as _;
use std::sync::OnceLock;

use ttf_parser::{Face, GlyphId, OutlineBuilder};

use super::svg::escape;
use super::text::{paintable, visual_order};

/// The bundled regular and bold faces, parsed once.
fn faces() -> &'static (Option<Face<'static>>, Option<Face<'static>>) {
    static FACES: OnceLock<(Option<Face<'static>>, Option<Face<'static>>)> = OnceLock::new();
    FACES.get_or_init(|| {
        (
            Face::parse(crate::assets::SANS_REGULAR, 0).ok(),
            Face::parse(crate::assets::SANS_BOLD, 0).ok(),
        )
    })
}

/// Writes path commands in SVG user units: font units scaled by `scale` from `origin`, the
/// y axis flipped (fonts draw upwards).
struct PathWriter<'a> {
    d: &'a mut String,
    origin: (f64, f64),
    scale: f64,
}

impl PathWriter<'_> {
    fn point(&mut self, x: f32, y: f32) {
        let px = self.origin.0 + f64::from(x) * self.scale;
        let py = self.origin.1 - f64::from(y) * self.scale;
        let _ = write!(self.d, "{px:.2} {py:.2}");
    }
}

impl OutlineBuilder for PathWriter<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.d.push('M');
        self.point(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.d.push('L');
        self.point(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.d.push('Q');
        self.point(x1, y1);
        self.d.push(' ');
        self.point(x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.d.push('C');
        self.point(x1, y1);
        self.d.push(' ');
        self.point(x2, y2);
        self.d.push(' ');
        self.point(x, y);
    }
    fn close(&mut self) {
        self.d.push('Z');
    }
}

/// The outline of `text` (already in display order) set one em of `em` units tall, its
/// baseline starting at `(x, baseline)`, and its advance width.
fn outline(face: &Face<'_>, text: &str, (x, baseline): (f64, f64), em: f64) -> (String, f64) {
    let scale = em / f64::from(face.units_per_em());
    let mut d = String::new();
    let mut pen = 0.0;
    let mut previous: Option<GlyphId> = None;
    for c in text.chars() {
        let Some(glyph) = face.glyph_index(c) else {
            continue;
        };
        if let Some(left) = previous {
            pen += kerning(face, left, glyph) * scale;
        }
        let mut writer = PathWriter {
            d: &mut d,
            origin: (x + pen, baseline),
            scale,
        };
        face.outline_glyph(glyph, &mut writer);
        pen += f64::from(face.glyph_hor_advance(glyph).unwrap_or(0)) * scale;
        previous = Some(glyph);
    }
    (d, pen)
}

/// The `kern` table's adjustment between two glyphs, in font units (as ab_glyph applies it
/// when the layout measures text).
fn kerning(face: &Face<'_>, left: GlyphId, right: GlyphId) -> f64 {
    face.tables()
        .kern
        .and_then(|kern| {
            kern.subtables
                .into_iter()
                .filter(|s| s.horizontal && !s.variable)
                .find_map(|s| s.glyphs_kerning(left, right))
        })
        .map_or(0.0, f64::from)
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag.get(start..)?.find('"')?;
    tag.get(start..start + len)
}

/// XML text content back to characters (plotters writes the five predefined entities).
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// One `<text …>content` (tag without its `>`) as a `<path …/>`, or `None` when the tag lacks
/// a position or size (then the text is kept as text).
fn text_to_path(tag: &str, content: &str) -> Option<String> {
    let number = |name: &str| attribute(tag, name).and_then(|v| v.parse::<f64>().ok());
    let (x, y, em) = (number("x")?, number("y")?, number("font-size")?);
    let dy = number("dy").unwrap_or(0.0);
    let bold = attribute(tag, "font-weight") == Some("bold");
    let (regular, bold_face) = faces();
    let face = if bold { bold_face } else { regular }.as_ref()?;
    let logical = unescape(content);
    let shown = visual_order(&paintable(&logical));
    let rtl = tag.contains(" direction=\"rtl\"");
    // The SVG painter flips the anchor of right-to-left text (where "start" is the right end);
    // outlines are laid out left to right, so the anchor is flipped back.
    let anchor = match (attribute(tag, "text-anchor"), rtl) {
        (Some("start"), false) | (Some("end"), true) => 0.0,
        (Some("end"), false) | (Some("start"), true) => 1.0,
        _ => 0.5,
    };
    let (_, width) = outline(face, &shown, (0.0, 0.0), em);
    let (d, _) = outline(face, &shown, (x - width * anchor, y + dy), em);
    let mut path = format!("<path d=\"{d}\"");
    for name in ["fill", "opacity", "transform"] {
        if let Some(value) = attribute(tag, name) {
            let _ = write!(path, " {name}=\"{value}\"");
        }
    }
    let _ = write!(path, " role=\"img\" aria-label=\"{}\"/>", escape(&logical));
    Some(path)
}

/// `svg` with every `<text>` element replaced by the glyph outlines it shows.
pub fn text_as_paths(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() * 4);
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        out.push_str(rest.get(..start).unwrap_or_default());
        let element = rest.get(start..).unwrap_or_default();
        let (Some(tag_end), Some(close)) = (element.find('>'), element.find("</text>")) else {
            break;
        };
        let tag = element.get(..tag_end).unwrap_or_default();
        let content = element.get(tag_end + 1..close).unwrap_or_default();
        match text_to_path(tag, content) {
            Some(path) => out.push_str(&path),
            None => out.push_str(element.get(..close + "</text>".len()).unwrap_or_default()),
        }
        rest = element.get(close + "</text>".len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_element_becomes_a_path_with_its_words_kept_for_screen_readers() {
        let svg = "<svg><text x=\"100\" y=\"50\" dy=\"7\" text-anchor=\"end\" font-size=\"13\" \
                   fill=\"#1E1E1E\" font-weight=\"bold\">A &amp; B</text></svg>";
        let out = text_as_paths(svg);
        assert!(!out.contains("<text"), "{out}");
        assert!(out.contains("<path d=\"M"), "{out}");
        assert!(out.contains("aria-label=\"A &amp; B\""), "{out}");
        assert!(out.contains("fill=\"#1E1E1E\""), "{out}");
        // Anchored at its end: every point lies left of x = 100.
        let d = attribute(&out, "d").unwrap_or_default();
        let xs: Vec<f64> = d
            .split(|c: char| c.is_ascii_alphabetic())
            .filter_map(|p| p.split_whitespace().next()?.parse().ok())
            .collect();
        assert!(!xs.is_empty() && xs.iter().all(|&x| x <= 100.5), "{xs:?}");
    }
}
