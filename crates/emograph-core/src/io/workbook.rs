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

/// One sheet of a workbook as CSV text (comma-separated, quoted where needed), row 1 first; the
/// sheet by name (ignoring case) or 1-based number, else the first.
pub(crate) fn sheet_as_csv(
    bytes: Vec<u8>,
    path: &Path,
    sheet: Option<&str>,
) -> Result<Vec<u8>, LoadError> {
    let fail = |message: String| LoadError::single(path, None, message);
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        fail(format!(
            "cannot read the workbook ({e}); if it is damaged, open it in a spreadsheet and save it \
             again, or export the sheet as CSV UTF-8"
        ))
    })?;
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
            Some(wanted) => format!("no sheet {wanted:?}; the sheets are: {}", listed()),
            None => "the workbook has no sheets".to_owned(),
        }));
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| fail(format!("cannot read sheet {name:?}: {e}")))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let write_error = |e: csv::Error| fail(format!("cannot convert sheet {name:?}: {e}"));
    // Rows above the used range are empty lines, so line numbers stay the sheet's row numbers.
    for _ in 0..first_row {
        out.write_record([""]).map_err(write_error)?;
    }
    let padding = vec![String::new(); first_column as usize];
    for row in range.rows() {
        let cells = padding.iter().cloned().chain(row.iter().map(cell_text));
        out.write_record(cells).map_err(write_error)?;
    }
    out.into_inner()
        .map_err(|e| fail(format!("cannot convert sheet {name:?}: {e}")))
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
