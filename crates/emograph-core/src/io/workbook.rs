//! Workbooks (`.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods`: Microsoft Forms, Excel, LibreOffice)
//! read with `calamine` and handed to the CSV reader as CSV text, one line per sheet row, so every
//! option and every located message of the CSV reader holds for a sheet too, and a message's
//! line is the sheet's row number.
//!
//! A workbook is recognised by its first bytes (a zip archive or an OLE compound file), not its
//! name, so a workbook saved with a `.csv` name is read as one, never called "not UTF-8 text".

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader as _};

use super::LoadError;

/// True when `bytes` start like a workbook: a zip archive (xlsx, xlsb, ods) or an OLE compound
/// document (xls).
pub(crate) fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A workbook whose parts inflate to more than this is refused before it is opened: an `.xlsx`
/// of a few KB can declare gigabytes (a "zip bomb"), and calamine would inflate them into memory.
/// A sheet of a million survey answers inflates to a few hundred MB.
pub const MAX_INFLATED_BYTES: u64 = 1024 * 1024 * 1024;

/// The sheet names of a workbook, in order; empty when it cannot be read (the import then says
/// why).
pub(crate) fn sheet_names(bytes: &[u8]) -> Vec<String> {
    if check_inflated_size(bytes).is_err() {
        return Vec::new();
    }
    calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map(|w| w.sheet_names())
        .unwrap_or_default()
}

/// Refuses a zip archive whose central directory declares more than [`MAX_INFLATED_BYTES`] in
/// all (or one entry too big to say: a ZIP64 size). Read from the declarations, before anything is
/// inflated; an OLE `.xls` is not compressed and passes.
fn check_inflated_size(bytes: &[u8]) -> Result<(), String> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let u16_at = |at: usize| {
        bytes
            .get(at..at + 2)
            .and_then(|b| <[u8; 2]>::try_from(b).ok())
            .map(|b| u64::from(u16::from_le_bytes(b)))
    };
    let u32_at = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(|b| u64::from(u32::from_le_bytes(b)))
    };
    // The end-of-central-directory record: its signature in the last 64 KB + 22 bytes.
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let Some(end) = (search_from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06"))
    else {
        // No directory to trust: calamine will refuse the archive itself.
        return Ok(());
    };
    let entries = u16_at(end + 10).unwrap_or(0);
    let mut at = u32_at(end + 16).unwrap_or(0) as usize;
    let mut total: u64 = 0;
    for _ in 0..entries {
        if bytes.get(at..at + 4) != Some(b"PK\x01\x02") {
            break;
        }
        let (Some(size), Some(name), Some(extra), Some(comment)) = (
            u32_at(at + 24),
            u16_at(at + 28),
            u16_at(at + 30),
            u16_at(at + 32),
        ) else {
            break;
        };
        if size == u64::from(u32::MAX) {
            return Err(crate::tr!("workbook-part-beyond-4gb"));
        }
        total = total.saturating_add(size);
        if total > MAX_INFLATED_BYTES {
            break;
        }
        at += 46 + (name + extra + comment) as usize;
    }
    if total > MAX_INFLATED_BYTES {
        return Err(crate::tr!(
            "workbook-zip-bomb",
            mib = MAX_INFLATED_BYTES / (1024 * 1024)
        ));
    }
    Ok(())
}

/// One sheet of a workbook as CSV text (comma-separated, quoted where needed), row 1 first; the
/// sheet by name (ignoring case) or 1-based number, else the first.
pub(crate) fn sheet_as_csv(
    bytes: Vec<u8>,
    path: &Path,
    sheet: Option<&str>,
) -> Result<Vec<u8>, LoadError> {
    let fail = |message: String| LoadError::single(path, None, message);
    check_inflated_size(&bytes)
        .map_err(|reason| fail(crate::tr!("workbook-refused", reason = reason)))?;
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| fail(crate::tr!("workbook-cannot-read", error = e.to_string())))?;
    let names = workbook.sheet_names();
    let listed = || {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{} {n:?}", i + 1))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let name = match sheet {
        None => names.first().cloned(),
        Some(wanted) => {
            let wanted = wanted.trim();
            names
                .iter()
                .find(|n| n.to_lowercase() == wanted.to_lowercase())
                .or_else(|| {
                    wanted
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| i.checked_sub(1))
                        .and_then(|i| names.get(i))
                })
                .cloned()
        }
    };
    let Some(name) = name else {
        return Err(fail(match sheet {
            Some(wanted) => crate::tr!(
                "workbook-no-such-sheet",
                wanted = format!("{wanted:?}"),
                sheets = listed()
            ),
            None => crate::tr!("workbook-no-sheets"),
        }));
    };
    let range = workbook.worksheet_range(&name).map_err(|e| {
        fail(crate::tr!(
            "workbook-cannot-read-sheet",
            name = format!("{name:?}"),
            error = e.to_string()
        ))
    })?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let cannot_convert = |error: String| {
        fail(crate::tr!(
            "workbook-cannot-convert",
            name = format!("{name:?}"),
            error = error
        ))
    };
    let write_error = |e: csv::Error| cannot_convert(e.to_string());
    // Rows above the used range are empty lines, so line numbers stay the sheet's row numbers.
    for _ in 0..first_row {
        out.write_record([""]).map_err(write_error)?;
    }
    let padding = vec![String::new(); first_column as usize];
    for row in range.rows() {
        let cells = padding.iter().cloned().chain(row.iter().map(cell_text));
        out.write_record(cells).map_err(write_error)?;
    }
    out.into_inner().map_err(|e| cannot_convert(e.to_string()))
}

/// A cell as the text a CSV export would hold: numbers in full precision, dates as ISO dates,
/// line breaks as spaces (so one row stays one line).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            s.replace(['\r', '\n'], " ")
        }
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip archive of one stored entry whose central directory declares `declared` bytes.
    fn archive(declared: u32) -> Vec<u8> {
        let name = b"xl/worksheets/sheet1.xml";
        let mut out = Vec::new();
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&[0; 4]); // crc
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name);
        let directory = out.len() as u32;
        out.extend_from_slice(b"PK\x01\x02");
        out.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&[0; 4]); // crc
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
        out.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        out.extend_from_slice(name);
        let size = out.len() as u32 - directory;
        out.extend_from_slice(b"PK\x05\x06");
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&directory.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn a_workbook_declaring_gigabytes_is_refused_before_it_is_inflated() {
        let bomb = archive(3_000_000_000);
        assert!(looks_like_workbook(&bomb));
        let error = sheet_as_csv(bomb.clone(), Path::new("bomb.xlsx"), None).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("bomb.xlsx: "), "{message}");
        assert!(message.contains("zip bomb"), "{message}");
        assert!(sheet_names(&bomb).is_empty());
        let beyond = check_inflated_size(&archive(u32::MAX)).unwrap_err();
        assert!(beyond.contains("4 GB"), "{beyond}");
        // A small declaration passes this check (calamine then judges the archive itself).
        assert_eq!(check_inflated_size(&archive(1000)), Ok(()));
    }
}
