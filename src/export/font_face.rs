//! The bundled font as CSS `@font-face` rules with `data:` URLs, so the HTML report (its text
//! and its inline SVG charts, which name "Liberation Sans") looks the same on a machine that
//! has no Liberation Sans: the layout measured every label with this very font, and a wider
//! fallback made legend entries collide and badge text run out of its box.
//!
//! The whole font is embedded, regular and bold (about 1.1 MB of base64 per report). A subset
//! would be smaller, but the subsetters at hand (`subsetter`) drop the `cmap` table, which a
//! browser needs to map characters to glyphs; charts for viewers that ignore `@font-face`
//! (librsvg) are what `--text-as-paths` is for.

use std::sync::OnceLock;

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    let digit = |v: u32| char::from(BASE64.get((v & 63) as usize).copied().unwrap_or(b'A'));
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(digit(n >> 18));
        out.push(digit(n >> 12));
        out.push(if chunk.len() > 1 { digit(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { digit(n) } else { '=' });
    }
    out
}

/// `@font-face` rules for "Liberation Sans", regular and bold, built once per process.
pub fn font_face_css() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        [
            ("normal", crate::assets::SANS_REGULAR),
            ("bold", crate::assets::SANS_BOLD),
        ]
        .iter()
        .map(|(weight, bytes)| {
            format!(
                "@font-face {{ font-family: \"Liberation Sans\"; font-weight: {weight}; \
                 font-style: normal; src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}\n",
                base64(bytes)
            )
        })
        .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
    }

    #[test]
    fn both_weights_are_embedded() {
        let css = font_face_css();
        assert_eq!(css.matches("@font-face").count(), 2);
        assert!(css.contains("font-weight: bold"));
        assert!(css.len() > crate::assets::SANS_REGULAR.len() * 4 / 3 * 2);
    }
}
