//! Files built into the binary, so nothing depends on the fonts a machine happens to have.

/// Liberation Sans (SIL Open Font License 1.1, see `assets/fonts/LICENSE-LiberationSans.txt`):
/// metric-compatible with Arial and covers Latin and Hebrew.
pub const SANS_REGULAR: &[u8] = include_bytes!("../assets/fonts/LiberationSans-Regular.ttf");
pub const SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/LiberationSans-Bold.ttf");
