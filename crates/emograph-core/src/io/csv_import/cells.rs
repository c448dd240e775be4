//! What one cell or the first lines of a CSV say: a score (fast and general number syntax, the
//! scale mapping, "not applicable"), the delimiter and whether there is a header.

/// Why a cell is not a score. Kept as a kind, not words: the reader decides what to say (a cell
/// that is no number may still be a text answer of the wording), and says it in the language in
/// force only when it reports the cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum CellError {
    NotANumber,
    NotUtf8,
    NotFinite,
    /// Outside the scale given (`MIN..MAX` as given, reversed or not).
    OutsideScale {
        min: f64,
        max: f64,
    },
    /// Outside −5 … +5, no scale given.
    OutsideCanonical,
}

impl CellError {
    /// The reason in words (a number that is no number of the scale says how to give one).
    pub(super) fn message(self) -> String {
        match self {
            Self::NotANumber => crate::tr!("import-cell-not-a-number"),
            Self::NotUtf8 => crate::tr!("import-cell-not-utf8"),
            Self::NotFinite => crate::tr!("import-cell-not-finite"),
            Self::OutsideScale { min, max } => crate::tr!(
                "import-cell-outside-scale",
                min = min.to_string(),
                max = max.to_string()
            ),
            Self::OutsideCanonical => crate::tr!(
                "import-cell-outside",
                min = CANONICAL.0.to_string(),
                max = CANONICAL.1.to_string()
            ),
        }
    }
}

/// The scale scores are kept on.
const CANONICAL: (f64, f64) = (-5.0, 5.0);

/// A score from one cell: `NaN` for "not experienced", else the value on −5 … +5.
pub(super) fn parse_score(
    cell: &[u8],
    na: &[&[u8]],
    scale: Option<(f64, f64)>,
    decimal_comma: bool,
) -> Result<f64, CellError> {
    let cell = cell.trim_ascii();
    if cell.is_empty() || na.contains(&cell) {
        return Ok(f64::NAN);
    }
    let value = match parse_plain_decimal(cell) {
        Some(v) => v,
        None => parse_number_text(cell, decimal_comma)?,
    };
    let (canonical_min, canonical_max) = CANONICAL;
    match scale {
        Some((min, max)) => {
            // A reversed scale (5..1) runs from its MIN down to its MAX.
            if value < min.min(max) || value > max.max(min) {
                return Err(CellError::OutsideScale { min, max });
            }
            Ok(canonical_min + (value - min) / (max - min) * (canonical_max - canonical_min))
        }
        None if (canonical_min..=canonical_max).contains(&value) => Ok(value),
        None => Err(CellError::OutsideCanonical),
    }
}

/// The general number syntax (exponents, `inf` refused, a decimal comma where allowed).
fn parse_number_text(cell: &[u8], decimal_comma: bool) -> Result<f64, CellError> {
    let text = std::str::from_utf8(cell).map_err(|_| CellError::NotUtf8)?;
    let value = match text.parse::<f64>() {
        Ok(v) => v,
        // "3,5" in a semicolon- or tab-separated European export.
        Err(_) if decimal_comma && text.matches(',').count() == 1 && !text.contains('.') => text
            .replace(',', ".")
            .parse::<f64>()
            .map_err(|_| CellError::NotANumber)?,
        Err(_) => return Err(CellError::NotANumber),
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err(CellError::NotFinite)
    }
}

/// Fast path for the cells surveys are made of (`4`, `-1.5`, `+0.25`): at most 15 digits, so
/// the digits are an exact integer and one division by an exact power of ten gives the
/// correctly rounded value, the same bits as `str::parse`. Anything else returns `None`.
fn parse_plain_decimal(cell: &[u8]) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, digits) = match cell.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, cell),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0usize;
    let mut fraction_digits = None;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
                if let Some(f) = fraction_digits.as_mut() {
                    *f += 1;
                }
            }
            b'.' if fraction_digits.is_none() => fraction_digits = Some(0usize),
            _ => return None,
        }
        if count > 15 {
            return None;
        }
    }
    if count == 0 {
        return None;
    }
    let power = POWERS.get(fraction_digits.unwrap_or(0)).copied()?;
    let magnitude = mantissa as f64 / power;
    Some(if negative { -magnitude } else { magnitude })
}

pub(super) fn text_of(cell: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(cell)
}

/// The candidate delimiter that occurs most often in the first line outside quotes
/// (`,` wins ties, tab first for a `.tsv`).
pub(super) fn detect_delimiter(bytes: &[u8], tab_preferred: bool) -> u8 {
    let candidates: &[u8] = if tab_preferred { b"\t,;|" } else { b",;\t|" };
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for &b in bytes {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && (b == b'\n' || b == b'\r') {
            break;
        } else if !quoted
            && let Some(i) = candidates.iter().position(|&c| c == b)
            && let Some(count) = counts.get_mut(i)
        {
            *count += 1;
        }
    }
    let mut best = 0;
    for (i, &count) in counts.iter().enumerate() {
        if count > counts.get(best).copied().unwrap_or(0) {
            best = i;
        }
    }
    candidates.get(best).copied().unwrap_or(b',')
}

#[cfg(test)]
mod number_tests {
    use super::parse_plain_decimal;

    #[test]
    fn the_fast_path_gives_the_same_bits_as_str_parse() {
        let mut cases: Vec<String> = [
            "0",
            "-0",
            "5",
            "+3",
            "-4.5",
            "0.1",
            "0.3",
            "-2.25",
            "4.999999",
            ".5",
            "5.",
            "123456789.012345",
            "0.00000000000001",
        ]
        .map(String::from)
        .to_vec();
        for i in -500..=500 {
            cases.push(format!("{:.1}", f64::from(i) / 100.0));
            cases.push(format!("{:.3}", f64::from(i) / 7.0));
        }
        for text in &cases {
            let want: f64 = text.parse().unwrap();
            let got = parse_plain_decimal(text.as_bytes()).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "{text}");
        }
        for text in ["", "-", ".", "1e3", "1.2.3", "x", "1234567890123456", "nan"] {
            assert_eq!(parse_plain_decimal(text.as_bytes()), None, "{text}");
        }
    }
}
