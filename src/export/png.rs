//! PNG: the Scene painted on a bitmap, smoothed by drawing at twice the size and scaling down.

use image::ImageEncoder as _;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use plotters::prelude::*;

use super::layout::{Layout, pixel_size};
use super::paint::Painter;
use super::{ExportError, ExportSize, MAX_PIXELS};
use crate::chart::{Scene, Theme};

/// Encoded PNG of `scene` at `size` (pixels = points × scale).
pub fn render_png_with_theme(
    scene: &Scene,
    size: &ExportSize,
    theme: &Theme,
) -> Result<Vec<u8>, ExportError> {
    let (rgb, width, height) = render_rgb(scene, size, theme)?;
    let mut out = Vec::with_capacity(rgb.len() / 8);
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
        .write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    Ok(out)
}

/// The raw RGB pixels of `scene` at `size`, row-major, with their width and height.
///
/// plotters fills shapes without anti-aliasing, so below 2× the picture is drawn at twice the
/// size and each 2 × 2 block averaged: smooth edges for the cost of four times the pixels.
pub fn render_rgb(
    scene: &Scene,
    size: &ExportSize,
    theme: &Theme,
) -> Result<(Vec<u8>, u32, u32), ExportError> {
    // Checked before anything is laid out or allocated.
    let (width, height) = pixel_size(size);
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ExportError::TooLarge { width, height });
    }
    let supersample: u32 = if size.scale < 2.0 { 2 } else { 1 };
    let inner_size = ExportSize {
        scale: size.scale * supersample as f32,
        ..*size
    };
    let inner = Layout::new(scene, &inner_size, theme);
    let (inner_width, inner_height) = (inner.width_px, inner.height_px);
    let mut buffer = vec![0u8; inner_width as usize * inner_height as usize * 3];
    {
        let backend = BitMapBackend::with_buffer(&mut buffer, (inner_width, inner_height));
        let area = backend.into_drawing_area();
        Painter {
            area: &area,
            scene,
            layout: &inner,
            theme,
            visual_bidi: true,
        }
        .paint()?;
        area.present()
            .map_err(|e| ExportError::Draw(format!("{e:?}")))?;
    }
    if supersample == 1 {
        return Ok((buffer, inner_width, inner_height));
    }
    let (width, height) = (inner_width / 2, inner_height / 2);
    Ok((
        downsample_half(&buffer, inner_width, width, height),
        width,
        height,
    ))
}

/// Averages each 2 × 2 block of an RGB image `inner_width` pixels wide.
fn downsample_half(buffer: &[u8], inner_width: u32, width: u32, height: u32) -> Vec<u8> {
    let stride = inner_width as usize * 3;
    let out_stride = width as usize * 3;
    let mut out = vec![0u8; out_stride * height as usize];
    for (out_row, rows) in out
        .chunks_exact_mut(out_stride)
        .zip(buffer.chunks_exact(2 * stride))
    {
        let (top, bottom) = rows.split_at(stride);
        for ((pixel, top), bottom) in out_row
            .chunks_exact_mut(3)
            .zip(top.chunks_exact(6))
            .zip(bottom.chunks_exact(6))
        {
            for channel in 0..3 {
                let sum = u16::from(top[channel])
                    + u16::from(top[channel + 3])
                    + u16::from(bottom[channel])
                    + u16::from(bottom[channel + 3]);
                pixel[channel] = ((sum + 2) / 4) as u8;
            }
        }
    }
    out
}
