//! Charts and reports for the people who were not in the room: PNG and SVG painted with
//! plotters from the same [`Scene`] the app paints, a self-contained HTML report, and CSV.

pub mod csv;
mod font_face;
mod layout;
mod outline;
mod paint;
mod png;
pub mod report;
pub(crate) mod report_redesign;
mod svg;
pub mod text;
mod view;

use std::path::Path;

pub use layout::{Layout, LegendSlot, Rect, XLabels, score_label};
pub use outline::text_as_paths;
pub use png::{render_png_with_theme, render_rgb};
pub use svg::{escape as escape_xml, render_svg_with_theme};
pub use view::view_mermaid;

use crate::chart::{Scene, Theme};

/// Refuse pictures beyond this many pixels: a typo in `--pixel-scale` must not eat all memory.
pub const MAX_PIXELS: u64 = 120_000_000;

/// The size of an exported chart: `width` × `height` points, drawn at `scale` pixels per point.
/// 1600 × 900 at scale 1 suits a slide; scale 2 doubles the pixels for print (300 dpi at about
/// 13.5 cm wide).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportSize {
    pub width: u32,
    pub height: u32,
    pub scale: f32,
}

impl Default for ExportSize {
    fn default() -> Self {
        Self {
            width: 1600,
            height: 900,
            scale: 1.0,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not draw the chart: {0}")]
    Draw(String),
    #[error("could not encode the image: {0}")]
    Encode(String),
    #[error("{width} × {height} pixels is too large to export; lower --pixel-scale or the size")]
    TooLarge { width: u32, height: u32 },
    #[error("cannot export to {0:?}: use a file name ending in .png or .svg")]
    UnknownFormat(String),
    #[error("could not write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// The chart as PNG bytes, in the normal light theme.
pub fn render_png(scene: &Scene, size: &ExportSize) -> Result<Vec<u8>, ExportError> {
    render_png_with_theme(scene, size, &Theme::light())
}

/// The chart as an SVG document, in the normal light theme.
pub fn render_svg(scene: &Scene, size: &ExportSize) -> Result<String, ExportError> {
    render_svg_with_theme(scene, size, &Theme::light())
}

/// Writes the chart to `path` as PNG or SVG by its extension, atomically: a failed export never
/// leaves a half-written file in place of an older one.
pub fn save_chart(path: &Path, scene: &Scene, size: &ExportSize) -> Result<(), ExportError> {
    save_chart_with_theme(path, scene, size, &Theme::light())
}

pub fn save_chart_with_theme(
    path: &Path,
    scene: &Scene,
    size: &ExportSize,
    theme: &Theme,
) -> Result<(), ExportError> {
    save_chart_with_text(path, scene, size, theme, false)
}

/// [`save_chart_with_theme`], with an SVG's text turned into glyph outlines when
/// `text_as_paths` (see [`text_as_paths`]): for viewers that ignore embedded fonts.
pub fn save_chart_with_text(
    path: &Path,
    scene: &Scene,
    size: &ExportSize,
    theme: &Theme,
    text_as_paths: bool,
) -> Result<(), ExportError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let bytes = match extension.as_str() {
        "png" => render_png_with_theme(scene, size, theme)?,
        "svg" if text_as_paths => {
            outline::text_as_paths(&svg::render_svg_without_font(scene, size, theme)?).into_bytes()
        }
        "svg" => render_svg_with_theme(scene, size, theme)?.into_bytes(),
        _ => return Err(ExportError::UnknownFormat(path.display().to_string())),
    };
    crate::io::write_atomic_bytes(path, &bytes).map_err(|source| ExportError::Write {
        path: path.display().to_string(),
        source,
    })
}
