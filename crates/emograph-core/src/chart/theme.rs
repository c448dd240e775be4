//! Colours and sizes of a graph, for the screen, the projector and print.

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    pub const fn with_alpha(self, alpha: u8) -> Self {
        let [r, g, b, _] = self.0;
        Self([r, g, b, alpha])
    }

    /// `#rrggbb` for SVG and HTML.
    pub fn hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    pub fn alpha_f32(self) -> f32 {
        f32::from(self.0[3]) / 255.0
    }
}

/// Colour-blind-safe palette (Okabe & Ito 2008, without the yellow that vanishes on white,
/// plus three darker tones), so curves stay apart for everyone in the room.
pub const PALETTE: [Rgba; 10] = [
    Rgba::rgb(0, 114, 178),   // blue
    Rgba::rgb(213, 94, 0),    // vermillion
    Rgba::rgb(0, 158, 115),   // bluish green
    Rgba::rgb(204, 121, 167), // reddish purple
    Rgba::rgb(230, 159, 0),   // orange
    Rgba::rgb(86, 180, 233),  // sky blue
    Rgba::rgb(90, 90, 90),    // grey
    Rgba::rgb(136, 34, 85),   // wine
    Rgba::rgb(68, 119, 51),   // olive green
    Rgba::rgb(51, 34, 136),   // indigo
];

/// How a graph looks. The painters take sizes in points and scale them to their surface.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub background: Rgba,
    pub text: Rgba,
    pub weak_text: Rgba,
    pub grid: Rgba,
    pub zero_line: Rgba,
    /// Tint of the area above neutral (the customer is pleased).
    pub positive_tint: Rgba,
    /// Tint of the area below neutral (the customer is unhappy).
    pub negative_tint: Rgba,
    /// Alternating shades of the phase bands.
    pub phase_shades: [Rgba; 2],
    pub band_fill: Rgba,
    pub mean_line: Rgba,
    pub peak: Rgba,
    pub trough: Rgba,
    pub critical: Rgba,
    pub font_size: f32,
    pub title_size: f32,
    pub line_width: f32,
    pub marker_radius: f32,
}

impl Theme {
    /// The normal screen and export look.
    pub fn light() -> Self {
        Self {
            background: Rgba::rgb(255, 255, 255),
            text: Rgba::rgb(30, 30, 30),
            weak_text: Rgba::rgb(100, 100, 100),
            grid: Rgba::rgb(225, 225, 225),
            zero_line: Rgba::rgb(60, 60, 60),
            positive_tint: Rgba([0, 158, 115, 20]),
            negative_tint: Rgba([213, 94, 0, 20]),
            phase_shades: [Rgba([0, 0, 0, 10]), Rgba([0, 0, 0, 0])],
            band_fill: Rgba([0, 114, 178, 45]),
            mean_line: Rgba::rgb(20, 20, 20),
            peak: Rgba::rgb(0, 130, 90),
            trough: Rgba::rgb(200, 60, 0),
            critical: Rgba::rgb(200, 0, 40),
            font_size: 13.0,
            title_size: 18.0,
            line_width: 2.0,
            marker_radius: 4.0,
        }
    }

    /// The projector look: bigger text, thicker lines, stronger contrast, readable from the back.
    pub fn presenter() -> Self {
        Self {
            background: Rgba::rgb(255, 255, 255),
            text: Rgba::rgb(0, 0, 0),
            weak_text: Rgba::rgb(40, 40, 40),
            grid: Rgba::rgb(200, 200, 200),
            zero_line: Rgba::rgb(0, 0, 0),
            positive_tint: Rgba([0, 158, 115, 32]),
            negative_tint: Rgba([213, 94, 0, 32]),
            phase_shades: [Rgba([0, 0, 0, 16]), Rgba([0, 0, 0, 0])],
            font_size: 22.0,
            title_size: 30.0,
            line_width: 4.0,
            marker_radius: 7.0,
            ..Self::light()
        }
    }

    /// The colour of the `i`-th curve.
    pub fn curve_color(&self, i: usize) -> Rgba {
        PALETTE[i % PALETTE.len()]
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::light()
    }
}
