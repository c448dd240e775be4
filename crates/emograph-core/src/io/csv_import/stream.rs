//! A large CSV file read a piece at a time, so its text is never held whole beside its scores.
//!
//! A million cases × 30 touchpoints is a 133 MiB file and a 229 MiB matrix: read whole, the
//! file was more than a third of `stats`' peak memory. Here the file's head (the first piece)
//! goes through the usual reader, which finds the header rows, the layout and the wording as
//! for any file; every later piece is read by the chunked reader of `wide.rs`, into the same
//! matrix, and dropped. Each piece ends right after a line end, so it is whole records and whole
//! UTF-8 characters.
//!
//! Only the plainest large files are streamed: UTF-8 without a byte-order mark, no encoding
//! asked for, a wide layout, no quote character anywhere (a quoted field may hold a line end).
//! Anything else — and anything that turns up in a later piece that the chunked reader declines
//! (quotes, a row the csv crate refuses, more cases than the limits, a duplicate id, bytes that
//! are not UTF-8) — falls back to reading the whole file the usual way, which gives the usual
//! result and messages, located by file, line and column.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use super::{CsvOptions, LoadError, MAX_CSV_BYTES, parse_text};
use crate::analysis::Dataset;

/// Bytes per piece (the last one of a file may be smaller; a piece grows to its first line
/// end). Small in the core's own tests, so a test file of a few hundred kilobytes is streamed.
#[cfg(not(test))]
const PIECE_BYTES: usize = 4 << 20;
#[cfg(test)]
const PIECE_BYTES: usize = 64 << 10;

/// Files smaller than this are read whole: two pieces and more only.
const STREAM_BYTES: u64 = 2 * PIECE_BYTES as u64;

/// The file's pieces in order, each whole lines of UTF-8.
pub(super) struct Pieces {
    file: File,
    /// Bytes read after the last line end of the previous piece.
    carry: Vec<u8>,
    /// Where the next piece starts in the file, and the line ends before it.
    next_base: usize,
    lines_before: usize,
    read: u64,
    /// The file's size when it was opened, to size the matrix once.
    size: u64,
    /// The buffer of a piece read before, reused: a fresh buffer of megabytes per piece cost the
    /// kernel's zeroing of its pages every time.
    spare: Vec<u8>,
    finished: bool,
    /// Set when a piece could not be read as streamed: the caller reads the whole file instead.
    fell_back: bool,
}

/// A piece could not be read as streamed: the file is read whole instead.
pub(super) struct FellBack;

/// One piece: its bytes, where it starts in the file and how many line ends come before it.
pub(super) struct Piece {
    pub bytes: Vec<u8>,
    pub base: usize,
    pub lines_before: usize,
}

impl Pieces {
    /// The next piece; `Ok(None)` after the last; `Err` (and a fall back) for a piece that is
    /// not UTF-8, a read that fails, or a file grown past the limit while it was read.
    pub fn next(&mut self) -> Result<Option<Piece>, FellBack> {
        if self.finished {
            return Ok(None);
        }
        let mut bytes = std::mem::take(&mut self.spare);
        bytes.clear();
        bytes.append(&mut self.carry);
        let cut = loop {
            let before = bytes.len();
            let wanted = PIECE_BYTES.saturating_sub(before).max(PIECE_BYTES / 4);
            let result = (&mut self.file).take(wanted as u64).read_to_end(&mut bytes);
            let Ok(read) = result else {
                return Err(self.fall_back_now());
            };
            self.read += read as u64;
            if self.read > MAX_CSV_BYTES {
                return Err(self.fall_back_now());
            }
            if read == 0 {
                self.finished = true;
                break bytes.len();
            }
            if let Some(last) = bytes.iter().rposition(|&b| b == b'\n')
                && bytes.len() >= PIECE_BYTES
            {
                break last + 1;
            }
        };
        self.carry
            .extend_from_slice(bytes.get(cut..).unwrap_or_default());
        bytes.truncate(cut);
        if bytes.is_empty() {
            return Ok(None);
        }
        if std::str::from_utf8(&bytes).is_err() {
            return Err(self.fall_back_now());
        }
        let piece = Piece {
            base: self.next_base,
            lines_before: self.lines_before,
            bytes,
        };
        self.next_base += piece.bytes.len();
        self.lines_before += piece.bytes.iter().filter(|&&b| b == b'\n').count();
        Ok(Some(piece))
    }

    /// Hands a piece's buffer back for the next piece.
    pub fn recycle(&mut self, piece: Piece) {
        self.spare = piece.bytes;
    }

    /// The cases the rest of the file holds, estimated from the head's bytes per case: what
    /// the matrix reserves once.
    pub fn cases_left(&self, head_bytes: usize, head_cases: usize) -> usize {
        let per_case = head_bytes.checked_div(head_cases).unwrap_or(0).max(1);
        let left = self.size.saturating_sub(head_bytes as u64) as usize;
        // A little over, so a file whose later rows are longer rarely grows the matrix.
        (left / per_case).saturating_add(left / per_case / 50)
    }

    /// Gives up streaming; the error returned is never shown (the whole file is read instead).
    pub fn fall_back(&mut self, path: &Path) -> LoadError {
        self.fell_back = true;
        LoadError::single(path, None, "read whole")
    }

    fn fall_back_now(&mut self) -> FellBack {
        self.fell_back = true;
        FellBack
    }
}

/// [`load_csv`](super::load_csv) of a large plain file, a piece at a time; `None` when the file
/// is better read whole (see the module docs).
pub(super) fn load(path: &Path, options: &CsvOptions) -> Option<Result<Dataset, LoadError>> {
    if options.encoding.is_some() || path.as_os_str() == "-" {
        return None;
    }
    let file = File::open(path).ok()?;
    let size = file.metadata().ok().filter(|m| m.is_file())?.len();
    if !(STREAM_BYTES..=MAX_CSV_BYTES).contains(&size) {
        return None;
    }
    let mut pieces = Pieces {
        file,
        carry: Vec::new(),
        next_base: 0,
        lines_before: 0,
        read: 0,
        size,
        spare: Vec::new(),
        finished: false,
        fell_back: false,
    };
    let head = pieces.next().ok()??;
    let plain = !head.bytes.starts_with(b"\xEF\xBB\xBF")
        && !head.bytes.contains(&b'"')
        && !crate::io::workbook::looks_like_workbook(&head.bytes)
        && crate::io::text_encoding::to_utf8(&head.bytes, path, None)
            .is_ok_and(|text| matches!(text, std::borrow::Cow::Borrowed(_)));
    if !plain {
        return None;
    }
    let tab_preferred = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    let read = parse_text(&head.bytes, path, options, tab_preferred, Some(&mut pieces));
    #[cfg(test)]
    STREAMED.with(|streamed| streamed.set(!pieces.fell_back));
    (!pieces.fell_back).then_some(read)
}

#[cfg(test)]
thread_local! {
    /// Whether this thread's last large file was read piece by piece to the end (not whole,
    /// after a fall back): lets a test see which way it went.
    pub(super) static STREAMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}
