//! The rows of a wide file (one row per case) into the dense matrix.
//!
//! A large file is read in chunks over every core, straight into the matrix: the chunks are cut
//! right after a line end, and only in a file without a single quote character, where every line
//! end ends a record (a quoted field may hold a line end, so a file with quotes is read by one
//! thread, as the csv crate's quoting rules require). Each chunk's rows go to their own stretch
//! of the final matrix, sized by the chunk's line count; the stretches are closed up afterwards,
//! so no second copy of the scores is ever made. The result — matrix, ids, messages and their
//! order — is the sequential one to the bit: the chunked reader runs the same code per record
//! and merges the problems in file order, stopping where the sequential reader would.

use std::sync::Mutex;

use super::layout::Layout;
use super::stream::{Piece, Pieces};
use super::{CsvOptions, MAX_DIAGNOSTICS, Records, Source, by_column, headers, text_of};
use crate::analysis::parallel::thread_count;
use crate::analysis::{Dataset, ScoreMatrix, Texts};
use crate::io::{Diagnostic, LoadError};
use crate::model::{Journey, Touchpoint, limits};

/// Bytes left after the rows read ahead below which one thread reads the rest: below a
/// megabyte, starting threads costs about what splitting saves.
const PARALLEL_BYTES: usize = 1 << 20;

/// Chunks per thread: a thread slowed by another process on a shared machine takes fewer.
const CHUNKS_PER_THREAD: usize = 4;

/// One problem of a row, with the index (among its reader's records) of the record it is in,
/// so problems of chunks merge exactly where the sequential reader would have stopped.
struct Problem {
    record: usize,
    column: usize,
    diagnostic: Diagnostic,
}

/// Reads records into cases: the per-record work, the same for the sequential reader and
/// every chunk.
struct RowReader<'r, 'b> {
    source: &'r Source<'b>,
    layout: &'r Layout,
    headers: &'r [String],
    options: &'r CsvOptions,
    /// Ids made from the row number when there is no id column; a chunk leaves them empty
    /// (it does not know how many cases come before it) and the merge numbers them.
    number_cases: bool,
    /// The scores of the last record read.
    scores: Vec<f64>,
    case_ids: Texts,
    segments: Texts,
    waves: Texts,
    outcomes: Vec<Option<f64>>,
    case_offsets: Vec<usize>,
    problems: Vec<Problem>,
    /// Records read, blank ones included.
    records: usize,
}

impl<'r, 'b> RowReader<'r, 'b> {
    fn new(
        source: &'r Source<'b>,
        layout: &'r Layout,
        headers: &'r [String],
        options: &'r CsvOptions,
        number_cases: bool,
    ) -> Self {
        Self {
            source,
            layout,
            headers,
            options,
            number_cases,
            scores: vec![f64::NAN; layout.touchpoint_columns.len()],
            case_ids: Texts::new(),
            segments: Texts::new(),
            waves: Texts::new(),
            outcomes: Vec::new(),
            case_offsets: Vec::new(),
            problems: Vec::new(),
            records: 0,
        }
    }

    fn reserve(&mut self, cases: usize) {
        self.case_offsets.reserve(cases);
        if self.options.outcome.is_some() && self.layout.outcome_column.is_some() {
            self.outcomes.reserve(cases);
        }
    }

    /// A problem of the record at `offset` (its line counted here: linear in the file, so once
    /// per bad row, not per bad cell — see `line`).
    fn problem(&mut self, line: usize, column: usize, message: String) {
        self.problems.push(Problem {
            record: self.records,
            column,
            diagnostic: self.source.diagnostic(Some(line), column, message),
        });
    }

    /// Reads the record that starts at byte `offset` of the file. True when it became a case
    /// (its scores are then in `self.scores`); false for a blank or broken row. `line_at` gives
    /// the line of a byte offset, for a message (a piece of a streamed file knows its own).
    fn read(
        &mut self,
        record: &csv::ByteRecord,
        offset: usize,
        line_at: &dyn Fn(usize) -> usize,
    ) -> bool {
        let accepted = self.read_record(record, offset, line_at);
        self.records += 1;
        accepted
    }

    fn read_record(
        &mut self,
        record: &csv::ByteRecord,
        offset: usize,
        line_at: &dyn Fn(usize) -> usize,
    ) -> bool {
        let source = self.source;
        let layout = self.layout;
        let mut line = None;
        let mut line_of = || *line.get_or_insert_with(|| line_at(offset));
        if record.len() != self.headers.len() {
            // A blank line between rows is harmless; anything else is a broken row.
            if record.iter().all(|c| c.trim_ascii().is_empty()) {
                return false;
            }
            self.problem(
                line_of(),
                record.len().min(self.headers.len()),
                crate::tr!(
                    "import-row-fields",
                    fields = record.len(),
                    header = self.headers.len()
                ),
            );
            return false;
        }
        let mut scores = std::mem::take(&mut self.scores);
        for ((slot, &column), name) in scores
            .iter_mut()
            .zip(&layout.touchpoint_columns)
            .zip(&layout.touchpoint_names)
        {
            let cell = record.get(column).unwrap_or_default();
            match source.score(cell) {
                Ok(score) => *slot = score,
                Err(reason) => {
                    let (name, value) = (format!("{name:?}"), format!("{:?}", text_of(cell)));
                    let message = if layout.default_touchpoints {
                        crate::tr!(
                            "import-bad-score-every-column",
                            touchpoint = name,
                            reason = reason,
                            value = value
                        )
                    } else {
                        crate::tr!(
                            "import-bad-score",
                            touchpoint = name,
                            reason = reason,
                            value = value
                        )
                    };
                    self.problem(line_of(), column, message);
                    *slot = f64::NAN;
                }
            }
        }
        self.scores = scores;
        let text_at = |column: Option<usize>| {
            column.map(|c| text_of(record.get(c).unwrap_or_default()).trim().to_owned())
        };
        let case_id = match text_at(layout.case_column) {
            Some(id) => id,
            None if self.number_cases => (self.case_ids.len() + 1).to_string(),
            None => String::new(),
        };
        if layout.case_column.is_some() || self.number_cases {
            if case_id.is_empty() {
                self.problem(
                    line_of(),
                    layout.case_column.unwrap_or(0),
                    crate::tr!("import-case-id-empty"),
                );
            } else if case_id.chars().count() > limits::MAX_ID_CHARS {
                self.problem(
                    line_of(),
                    layout.case_column.unwrap_or(0),
                    crate::tr!("import-case-id-too-long", max = limits::MAX_ID_CHARS),
                );
            }
        }
        let segment = text_at(layout.segment_column).unwrap_or_default();
        let wave = match (layout.wave_column, layout.wave_date_column) {
            (Some(column), _) => text_at(Some(column)).unwrap_or_default(),
            (None, Some(column)) => {
                let text = text_at(Some(column)).unwrap_or_default();
                match headers::year_month(&text) {
                    Some(month) => month,
                    None if text.is_empty() => String::new(),
                    None => {
                        self.problem(
                            line_of(),
                            column,
                            crate::tr!("import-not-a-date", value = format!("{text:?}")),
                        );
                        String::new()
                    }
                }
            }
            (None, None) => self.options.wave.clone().unwrap_or_default(),
        };
        if let (Some(spec), Some(column)) = (&self.options.outcome, layout.outcome_column) {
            let text = text_at(Some(column)).unwrap_or_default();
            match spec.read(&text, source.decimal_comma) {
                Ok(value) => self.outcomes.push(value),
                Err(reason) => {
                    let message = crate::tr!(
                        "import-reason-value",
                        reason = reason,
                        value = format!("{text:?}")
                    );
                    self.problem(line_of(), column, message);
                    self.outcomes.push(None);
                }
            }
        }
        self.case_offsets.push(offset);
        self.case_ids.push(&case_id);
        self.segments.push(&segment);
        self.waves.push(&wave);
        true
    }

    /// The "stopped after …" line the sequential reader ends a long list of problems with.
    fn stopped(&self, problems: &[Problem]) -> Diagnostic {
        let mut by_columns = vec![0usize; self.headers.len() + 1];
        for problem in problems {
            if let Some(n) = by_columns.get_mut(problem.column) {
                *n += 1;
            }
        }
        let message = match by_column(&by_columns, self.headers) {
            Some(columns) => crate::tr!(
                "import-stopped-by-column",
                n = MAX_DIAGNOSTICS,
                columns = columns
            ),
            None => crate::tr!("import-stopped", n = MAX_DIAGNOSTICS),
        };
        self.source.diagnostic(None, 0, message)
    }
}

/// The rows of a wide file (one row per case) into the dense matrix.
pub(super) fn read_wide(
    source: &Source<'_>,
    layout: &Layout,
    headers: &[String],
    records: &mut Records<'_>,
    options: &CsvOptions,
    mut more: Option<&mut Pieces>,
) -> Result<Dataset, LoadError> {
    let bytes = source.bytes;
    let path = source.path;
    let csv_error = |e: csv::Error| {
        let position = e.position().map(|p| (source.line(p.byte() as usize), 1));
        LoadError::single(
            path,
            position,
            crate::tr!("import-cannot-read-csv", error = e.to_string()),
        )
    };
    let width = layout.touchpoint_columns.len();
    let mut matrix = ScoreMatrix::new(width);
    let mut reader = RowReader::new(source, layout, headers, options, true);
    let mut record = csv::ByteRecord::new();
    let mut stopped = None;
    let mut tried_chunks = false;
    loop {
        if !tried_chunks && records.ahead.len() == 0 {
            tried_chunks = true;
            let start = records.reader.position().byte() as usize;
            if let Some(rest) = bytes.get(start..)
                && let Some(outcome) = read_in_chunks(&reader, &mut matrix, rest, start, None)
            {
                stopped = merge(&mut reader, outcome);
                break;
            }
        }
        if !records.next(&mut record).map_err(csv_error)? {
            break;
        }
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        if reader.read(&record, offset, &|at| source.line(at)) {
            // Refuse before the matrix grows past what analysis can hold, not after.
            let cases = reader.case_ids.len();
            if cases.saturating_mul(width) > limits::MAX_SCORE_CELLS {
                return Err(LoadError::single(
                    path,
                    Some((source.line(offset), 1)),
                    crate::tr!(
                        "import-too-many-cases",
                        width = width,
                        cases = cases - 1,
                        max = limits::MAX_SCORE_CELLS
                    ),
                ));
            }
            matrix.push_row(&reader.scores);
            if cases > limits::MAX_CASES {
                reader.problem(
                    source.line(offset),
                    0,
                    crate::tr!("import-more-cases", max = limits::MAX_CASES),
                );
            }
        }
        if reader.problems.len() >= MAX_DIAGNOSTICS {
            stopped = Some(reader.stopped(&reader.problems));
            break;
        }
    }
    // The rest of a streamed file, piece by piece, each read over every core and dropped,
    // while a thread of its own reads the next piece from the file.
    if let Some(pieces) = more.as_deref_mut() {
        matrix.reserve_rows(pieces.cases_left(bytes.len(), reader.case_ids.len()));
        let read_on = read_pieces(pieces, |piece| {
            let lines = Some(piece.lines_before);
            match read_in_chunks(&reader, &mut matrix, &piece.bytes, piece.base, lines) {
                Some(outcome) => {
                    stopped = merge(&mut reader, outcome);
                    Some(stopped.is_none())
                }
                None => None,
            }
        });
        if !read_on {
            return Err(pieces.fall_back(path));
        }
        let mut values = std::mem::take(&mut matrix).into_values();
        values.shrink_to_fit();
        matrix = ScoreMatrix::from_rows(width, values);
    }
    let mut diagnostics: Vec<Diagnostic> = std::mem::take(&mut reader.problems)
        .into_iter()
        .map(|p| p.diagnostic)
        .chain(stopped)
        .collect();
    let RowReader {
        case_ids,
        segments,
        waves,
        outcomes,
        case_offsets,
        ..
    } = reader;
    if diagnostics.is_empty() && layout.case_column.is_some() {
        // Checked once at the end, by sorting hashes: no copy of 100 000 strings.
        for row in case_ids.repeated() {
            let (Some(case_id), Some(&offset)) = (case_ids.get(row), case_offsets.get(row)) else {
                continue;
            };
            {
                // Past a streamed file's head only the whole file can say the line.
                if offset >= bytes.len()
                    && let Some(pieces) = more.as_deref_mut()
                {
                    return Err(pieces.fall_back(path));
                }
                let case_id = format!("{case_id:?}");
                let message = if diagnostics.is_empty() {
                    crate::tr!("import-duplicate-id-long", id = case_id)
                } else {
                    crate::tr!("import-duplicate-id", id = case_id)
                };
                diagnostics.push(source.diagnostic(
                    Some(source.line(offset)),
                    layout.case_column.unwrap_or(0),
                    message,
                ));
                if diagnostics.len() >= MAX_DIAGNOSTICS {
                    break;
                }
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(LoadError { diagnostics });
    }
    drop(case_offsets);

    let journey = Journey {
        touchpoints: layout
            .touchpoint_ids
            .iter()
            .zip(&layout.touchpoint_names)
            .map(|(id, name)| Touchpoint::new(id, name, "during"))
            .collect(),
        ..Journey::default()
    };
    Ok(Dataset {
        journey,
        case_ids,
        segments,
        waves,
        outcomes,
        matrix,
    })
}

/// Reads `rest` (the file from byte `start` on) in chunks over every core into `matrix`, or
/// returns `None` without reading when that is not safe or not worth it: quotes in the rest,
/// a file that might exceed the limits (the sequential reader refuses at the exact row), a
/// small rest, one core. `done` is the reader of the rows before `start`. `piece` is `Some`
/// for a piece of a streamed file: the line ends before it (its messages' lines are counted
/// from there, the file's head being all [`Source`] holds), and any size of piece is read.
fn read_in_chunks<'r, 'b>(
    done: &RowReader<'r, 'b>,
    matrix: &mut ScoreMatrix,
    rest: &[u8],
    start: usize,
    piece: Option<usize>,
) -> Option<Vec<RowReader<'r, 'b>>> {
    let threads = thread_count();
    if !done.source.chunks_allowed
        || threads < 2
        || (piece.is_none() && rest.len() < PARALLEL_BYTES)
        || rest.contains(&b'"')
    {
        return None;
    }
    let width = matrix.touchpoints();
    let lines = rest.iter().filter(|&&b| b == b'\n').count();
    // At most one record per line end, plus one unterminated last line.
    let most_cases = done.case_ids.len() + lines + 1;
    if most_cases > limits::MAX_CASES || most_cases.saturating_mul(width) > limits::MAX_SCORE_CELLS
    {
        return None;
    }
    let chunks = split_at_line_ends(rest, chunk_count());
    // A byte-order mark opening a chunk would be dropped by a fresh reader; keep it as the
    // sequential reader does (as data) by not splitting such a file.
    if chunks.iter().any(|c| c.starts_with(b"\xEF\xBB\xBF")) {
        return None;
    }
    let mut values = std::mem::take(matrix).into_values();
    let already = values.len();
    let line_ends: Vec<usize> = chunks
        .iter()
        .map(|c| c.iter().filter(|&&b| b == b'\n').count())
        .collect();
    let stretches: Vec<usize> = line_ends.iter().map(|n| (n + 1) * width).collect();
    values.reserve_exact(stretches.iter().sum());
    values.resize(already + stretches.iter().sum::<usize>(), f64::NAN);

    let mut jobs = Vec::with_capacity(chunks.len());
    let mut tail = values.get_mut(already..).unwrap_or_default();
    let mut base = start;
    let mut lines_before = piece;
    for (index, ((chunk, &size), &ends)) in
        chunks.iter().zip(&stretches).zip(&line_ends).enumerate()
    {
        let (stretch, after) = tail.split_at_mut(size.min(tail.len()));
        tail = after;
        jobs.push((index, *chunk, base, lines_before, stretch));
        base += chunk.len();
        lines_before = lines_before.map(|n| n + ends);
    }
    let queue = Mutex::new(jobs.into_iter());
    let source = done.source;
    let (layout, headers, options) = (done.layout, done.headers, done.options);
    let delimiter = source.delimiter;
    let mut finished: Vec<(usize, Option<(RowReader<'r, 'b>, usize)>)> = Vec::new();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let queue = &queue;
                // The problems a chunk finds are said in the language of whoever asked.
                scope.spawn(crate::i18n::in_this_language(move || {
                    let mut out = Vec::new();
                    loop {
                        let job = queue.lock().ok().and_then(|mut q| q.next());
                        let Some((index, chunk, base, lines_before, stretch)) = job else {
                            break;
                        };
                        let mut reader = RowReader::new(source, layout, headers, options, false);
                        let line_at = |at: usize| match lines_before {
                            Some(before) => before + super::line_of(chunk, at - base),
                            None => source.line(at),
                        };
                        let read =
                            read_chunk(&mut reader, chunk, base, stretch, delimiter, &line_at);
                        out.push((index, read.map(|rows| (reader, rows))));
                    }
                    out
                }))
            })
            .collect();
        for worker in workers {
            match worker.join() {
                Ok(out) => finished.extend(out),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    finished.sort_by_key(|(index, _)| *index);
    let read: Option<Vec<(RowReader<'r, 'b>, usize)>> =
        finished.into_iter().map(|(_, read)| read).collect();
    let Some(read) = read.filter(|r| r.len() == chunks.len()) else {
        // A chunk the csv crate could not read: the sequential reader says where.
        values.truncate(already);
        *matrix = ScoreMatrix::from_rows(width, values);
        return None;
    };
    // Close up the stretches: each chunk's rows follow the previous chunk's.
    let mut filled = already;
    let mut from = already;
    for ((_, rows), &size) in read.iter().zip(&stretches) {
        let used = rows * width;
        values.copy_within(from..from + used, filled);
        filled += used;
        from += size;
    }
    values.truncate(filled);
    if piece.is_none() {
        values.shrink_to_fit();
    }
    *matrix = ScoreMatrix::from_rows(width, values);
    #[cfg(test)]
    CHUNKED_READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Some(read.into_iter().map(|(reader, _)| reader).collect())
}

/// Reads one chunk's records, its cases' scores into `stretch`; the number of cases, or `None`
/// when the csv crate refused a record. Stops, as the sequential reader does, once the chunk
/// alone has enough problems.
fn read_chunk(
    reader: &mut RowReader<'_, '_>,
    chunk: &[u8],
    base: usize,
    stretch: &mut [f64],
    delimiter: u8,
    line_at: &dyn Fn(usize) -> usize,
) -> Option<usize> {
    let width = reader.scores.len();
    reader.reserve(stretch.len() / width.max(1));
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(chunk);
    let mut record = csv::ByteRecord::new();
    let mut rows = 0usize;
    while csv.read_byte_record(&mut record).ok()? {
        let offset = base + record.position().map_or(0, |p| p.byte() as usize);
        if reader.read(&record, offset, line_at) {
            let slot = stretch.get_mut(rows * width..(rows + 1) * width)?;
            slot.copy_from_slice(&reader.scores);
            rows += 1;
        }
        if reader.problems.len() >= MAX_DIAGNOSTICS {
            break;
        }
    }
    Some(rows)
}

/// Hands each piece of the file after its head to `read`, in order, while a thread of its own
/// reads the next one from the file (reading was a tenth of a million cases' time, spent while
/// both cores waited). `read` says whether to go on (`Some(false)`: the problems are enough)
/// or that the piece could not be read in chunks (`None`). False when the file must be read
/// whole instead: a piece `read` declined, or one the file could not give.
fn read_pieces(pieces: &mut Pieces, mut read: impl FnMut(&Piece) -> Option<bool>) -> bool {
    std::thread::scope(|scope| {
        // One piece waiting while one is read and the next is being read from the file.
        let (full, ready) = std::sync::mpsc::sync_channel::<Piece>(1);
        let (spare, spares) = std::sync::mpsc::channel::<Piece>();
        let reader = scope.spawn(move || {
            loop {
                if let Ok(piece) = spares.try_recv() {
                    pieces.recycle(piece);
                }
                match pieces.next() {
                    Ok(Some(piece)) => {
                        if full.send(piece).is_err() {
                            return true; // the reading stopped early: nothing more wanted
                        }
                    }
                    Ok(None) => return true,
                    Err(_) => return false,
                }
            }
        });
        let mut whole = true;
        for piece in &ready {
            match read(&piece) {
                Some(true) => {}
                Some(false) => break,
                None => {
                    whole = false;
                    break;
                }
            }
            // The buffer goes back to the reader; gone with it if it has stopped.
            let _ = spare.send(piece);
        }
        drop(ready);
        let file_read = reader.join().unwrap_or(false);
        whole && file_read
    })
}

/// Appends the chunks' cases and problems to `reader`, in file order; the "stopped after …"
/// line where the sequential reader would have stopped, if it would have.
fn merge<'r, 'b>(
    reader: &mut RowReader<'r, 'b>,
    chunks: Vec<RowReader<'r, 'b>>,
) -> Option<Diagnostic> {
    let mut stop = false;
    for chunk in chunks {
        if !stop {
            let mut problems = chunk.problems.into_iter().peekable();
            while let Some(problem) = problems.next() {
                let record = problem.record;
                reader.problems.push(problem);
                // The sequential reader checks after each whole record.
                let record_done = problems.peek().is_none_or(|next| next.record != record);
                if record_done && reader.problems.len() >= MAX_DIAGNOSTICS {
                    stop = true;
                    break;
                }
            }
        }
        if reader.layout.case_column.is_some() {
            reader.case_ids.append(&chunk.case_ids);
        } else {
            let first = reader.case_ids.len();
            reader
                .case_ids
                .extend((first + 1..=first + chunk.case_offsets.len()).map(|n| n.to_string()));
        }
        reader.segments.append(&chunk.segments);
        reader.waves.append(&chunk.waves);
        reader.outcomes.extend(chunk.outcomes);
        reader.case_offsets.extend(chunk.case_offsets);
    }
    stop.then(|| reader.stopped(&reader.problems))
}

/// How many chunks the rest of a large file is cut into.
pub(super) fn chunk_count() -> usize {
    thread_count() * CHUNKS_PER_THREAD
}

/// Files read in chunks so far: lets a test see that it compared the chunked reader, not the
/// sequential one twice.
#[cfg(test)]
pub(super) static CHUNKED_READS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

/// `pieces` slices of `bytes` that together are `bytes`, each but the last ending right after
/// a line end (fewer when the lines are long).
pub(super) fn split_at_line_ends(bytes: &[u8], pieces: usize) -> Vec<&[u8]> {
    let target = bytes.len().div_ceil(pieces.max(1)).max(1);
    let mut out = Vec::with_capacity(pieces);
    let mut rest = bytes;
    while !rest.is_empty() {
        let cut = match rest
            .get(target..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
        {
            Some(at) => target + at + 1,
            None => rest.len(),
        };
        let (piece, after) = rest.split_at(cut.min(rest.len()));
        out.push(piece);
        rest = after;
    }
    out
}
