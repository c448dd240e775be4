//! The bytes of a text export as UTF-8: as they are, decoded from the encoding the user names
//! (`--encoding windows-1255`), or from UTF-16 when the file says so with its byte-order mark.
//!
//! Excel on Windows still saves "CSV" in the machine's code page. Guessing silently could turn
//! every "é" into a wrong letter without a word, so bytes that are not UTF-8 are refused with the
//! encoding they most likely are, and the option that reads them.

use std::borrow::Cow;
use std::path::Path;

use encoding_rs::Encoding;

use super::LoadError;

/// The file's text as UTF-8 bytes, without a byte-order mark.
pub(crate) fn to_utf8<'b>(
    bytes: &'b [u8],
    path: &Path,
    encoding: Option<&str>,
) -> Result<Cow<'b, [u8]>, LoadError> {
    let named = match encoding {
        Some(label) => Some(Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            LoadError::single(
                path,
                None,
                crate::tr!("encoding-unknown", label = format!("{label:?}")),
            )
        })?),
        None => None,
    };
    // A byte-order mark is the file's own word and overrides a guess (as browsers do).
    let (encoding, bom_length) = match Encoding::for_bom(bytes) {
        Some((found, length)) => (found, length),
        None => match named {
            Some(named) => (named, 0),
            None => {
                if let Some(wide @ ("utf-16le" | "utf-16be")) = likely_encoding(bytes) {
                    return Err(LoadError::single(
                        path,
                        None,
                        crate::tr!("encoding-utf16-without-mark", encoding = wide),
                    ));
                }
                super::utf8_or_located(bytes, path, &advice(bytes))?;
                return Ok(Cow::Borrowed(bytes));
            }
        },
    };
    let body = bytes.get(bom_length..).unwrap_or_default();
    if encoding == encoding_rs::UTF_8 {
        super::utf8_or_located(body, path, &crate::tr!("encoding-save-as-utf8"))?;
        return Ok(Cow::Borrowed(body));
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        return Err(LoadError::single(
            path,
            None,
            crate::tr!(
                "encoding-not-valid",
                encoding = encoding.name(),
                advice = advice(bytes)
            ),
        ));
    }
    Ok(Cow::Owned(text.into_owned().into_bytes()))
}

/// What to say about bytes that are not UTF-8: the encoding they most likely are.
fn advice(bytes: &[u8]) -> String {
    match likely_encoding(bytes) {
        Some(name) => crate::tr!("encoding-looks-like", encoding = name),
        None => crate::tr!("encoding-give-it"),
    }
}

/// A guess from the shape of the bytes, for the message only:
/// - many zero bytes at even or odd places: UTF-16 without its mark;
/// - letters made only of high bytes in 0xE0–0xFA, in runs (whole words): Hebrew, windows-1255;
/// - runs of high bytes across 0xC0–0xFF: Cyrillic, windows-1251;
/// - otherwise single accented letters inside Latin words: windows-1252.
pub(crate) fn likely_encoding(bytes: &[u8]) -> Option<&'static str> {
    let sample = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    if half > 0 && zeros_odd * 3 > half {
        return Some("utf-16le");
    }
    if half > 0 && zeros_even * 3 > half {
        return Some("utf-16be");
    }
    let high: Vec<(usize, u8)> = sample
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, b)| b >= 0x80)
        .collect();
    if high.is_empty() {
        return None;
    }
    let in_runs = high
        .windows(2)
        .filter(|pair| matches!(pair, [(a, _), (b, _)] if b - a == 1))
        .count();
    let runs = in_runs * 2 >= high.len();
    let hebrew_letters = high
        .iter()
        .all(|&(_, b)| (0xE0..=0xFA).contains(&b) || b < 0xC0);
    Some(match (runs, hebrew_letters) {
        (true, true) => "windows-1255",
        (true, false) => "windows-1251",
        (false, _) => "windows-1252",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], encoding: Option<&str>) -> Result<String, String> {
        to_utf8(bytes, Path::new("x.csv"), encoding)
            .map(|text| String::from_utf8(text.into_owned()).unwrap())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn named_encodings_and_byte_order_marks_are_decoded() {
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("case,Café\n1,3\n");
        assert_eq!(
            read(&latin, Some("windows-1252")).unwrap(),
            "case,Café\n1,3\n"
        );
        let (hebrew, _, _) = encoding_rs::WINDOWS_1255.encode("מקרה,חניה\n1,3\n");
        assert_eq!(read(&hebrew, Some("cp1255")).unwrap(), "מקרה,חניה\n1,3\n");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("a,b\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read(&utf16, None).unwrap(), "a,b\n");
        assert_eq!(read("\u{feff}a\n".as_bytes(), None).unwrap(), "a\n");
        assert!(
            read(b"a", Some("klingon"))
                .unwrap_err()
                .contains("unknown encoding")
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_name_their_likely_encoding() {
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("case,Café crème\n1,3\n");
        let message = read(&latin, None).unwrap_err();
        assert!(message.contains("--encoding windows-1252"), "{message}");
        assert!(message.starts_with("x.csv:1:"), "{message}");
        let (hebrew, _, _) = encoding_rs::WINDOWS_1255.encode("מקרה,חניה,קופה\n1,3,4\n");
        let message = read(&hebrew, None).unwrap_err();
        assert!(message.contains("--encoding windows-1255"), "{message}");
        let utf16: Vec<u8> = "case,a\n1,2\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(likely_encoding(&utf16), Some("utf-16le"));
    }
}
