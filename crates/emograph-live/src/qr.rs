//! The QR code of the participants' URL, as modules (for the GUI to paint large) and as text
//! for a terminal.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code's modules, row by row, `true` for dark; without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl QrMatrix {
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark.get(y * self.width + x) == Some(&true)
    }
}

/// The QR code of `text` (medium error correction: a projector's glare costs some modules);
/// `None` only for a text too long for any QR code.
pub fn qr_matrix(text: &str) -> Option<QrMatrix> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some(QrMatrix { width, dark })
}

/// The QR code in Unicode half blocks, two rows of modules per line, with a quiet zone of two
/// modules. The *light* modules are drawn (as a terminal draws text: light on dark), so on the
/// usual dark terminal the code shows dark on light, as scanners expect.
pub fn qr_terminal(text: &str) -> Option<String> {
    const QUIET: usize = 2;
    let matrix = qr_matrix(text)?;
    let size = matrix.width + 2 * QUIET;
    let light = |x: usize, y: usize| {
        let inside = |v: usize| (QUIET..QUIET + matrix.width).contains(&v);
        !(inside(x) && inside(y) && matrix.is_dark(x - QUIET, y - QUIET))
    };
    let mut out = String::new();
    for y in (0..size).step_by(2) {
        for x in 0..size {
            let top = light(x, y);
            let bottom = y + 1 < size && light(x, y + 1);
            out.push(match (top, bottom) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn the_terminal_code_has_the_matrix_size_and_its_finder_patterns() {
        let url = "http://192.168.1.20:8765/j/ABCD2345";
        let matrix = qr_matrix(url).unwrap();
        // Every QR code has a dark 7×7 finder pattern in its top-left corner.
        assert!((0..7).all(|i| matrix.is_dark(i, 0) && matrix.is_dark(0, i)));
        assert!(!matrix.is_dark(1, 1));
        let text = qr_terminal(url).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), (matrix.width + 4).div_ceil(2));
        assert!(lines.iter().all(|l| l.chars().count() == matrix.width + 4));
    }
}
