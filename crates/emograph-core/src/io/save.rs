//! Saving a journey: never a file the reader would refuse, never a damaged file.
//!
//! The writer applies the reader's own checks first ([`Journey::validate`], and the size limit
//! [`MAX_FILE_BYTES`] after serialising) and refuses before anything on disk changes, so a save,
//! an import or a recovery copy can never leave behind a journey that `check` and `open` refuse.

use std::path::{Path, PathBuf};

use std::io::Write;

use super::atomic::{WriteError, replace_file};
use super::journey_file::{MAX_FILE_BYTES, write_journey};
use super::journey_v2::{CaseOut, write_v2};
use crate::analysis::Dataset;
use crate::model::{Journey, Problem};

/// What a successful save did besides saving.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// Temporary files that interrupted saves of the same file had left, now removed: worth
    /// telling the user, who may have wondered where the disk space went.
    pub removed_stale: Vec<PathBuf>,
}

/// Why a journey was not saved; in every case the file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}", describe_problems(problems))]
    Invalid { problems: Vec<Problem> },
    #[error(
        "{}",
        crate::tr!("save-too-large", mib = mib_rounded_up(*bytes), limit = limit / MIB)
    )]
    TooLarge { bytes: u64, limit: u64 },
    #[error("{}", crate::tr!("save-read-only", path = path.display().to_string()))]
    ReadOnly { path: PathBuf },
    #[error("{}", super::atomic::could_not_write(path, source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

const MIB: u64 = 1024 * 1024;

/// Problems named in a save error; the rest are counted (the editor shows them all).
const MAX_PROBLEMS_SHOWN: usize = 3;

/// Rounded up, so a journey one byte over the limit never reads "256 MiB, more than 256 MiB".
pub(crate) fn mib_rounded_up(bytes: u64) -> u64 {
    bytes.div_ceil(MIB)
}

fn describe_problems(problems: &[Problem]) -> String {
    let mut shown: Vec<String> = problems
        .iter()
        .take(MAX_PROBLEMS_SHOWN)
        .map(ToString::to_string)
        .collect();
    if problems.len() > MAX_PROBLEMS_SHOWN {
        shown.push(crate::tr!(
            "save-and-more",
            n = problems.len() - MAX_PROBLEMS_SHOWN
        ));
    }
    crate::tr!(
        "save-invalid",
        n = problems.len(),
        problems = shown.join("; ")
    )
}

/// Saves atomically (temporary file in the same folder, fsync, rename, fsync of the folder):
/// the old file is replaced only once the new one is complete on disk, and only with a journey
/// the reader accepts. Temporary files left by interrupted saves of `path` are removed and
/// listed in [`Saved`].
pub fn save_journey(path: &Path, journey: &Journey) -> Result<Saved, SaveError> {
    save_journey_within(path, journey, MAX_FILE_BYTES)
}

/// [`save_journey`] with the size limit as a parameter, so the refusal can be tested without
/// writing hundreds of megabytes.
fn save_journey_within(path: &Path, journey: &Journey, limit: u64) -> Result<Saved, SaveError> {
    let problems = journey.validate();
    if !problems.is_empty() {
        return Err(SaveError::Invalid { problems });
    }
    write_within(path, limit, |out| write_journey(out, journey))
}

/// Saves the cases of a dataset (read from a CSV) as a journey, straight from its matrix: an
/// import of a million rows never holds them as [`Case`](crate::model::Case)s or the file as
/// one string. Checked as [`save_journey`] checks; when something is wrong the journey is built
/// the long way, so the problems are the ones a save of it would name.
pub fn save_dataset(path: &Path, dataset: &Dataset, source: &str) -> Result<Saved, SaveError> {
    if !dataset_is_sound(dataset, source) {
        return save_journey(path, &super::dataset_to_journey(dataset, source));
    }
    let journey = &dataset.journey;
    let cases = dataset
        .case_ids
        .iter()
        .enumerate()
        .map(|(row, id)| CaseOut {
            id,
            label: "",
            segment: dataset.segments.get(row).unwrap_or_default(),
            source,
            wave: dataset.waves.get(row).unwrap_or_default(),
            outcome: dataset.outcomes.get(row).copied().flatten(),
            scores: dataset
                .matrix
                .row(row)
                .iter()
                .map(|&v| (!v.is_nan()).then_some(v)),
            notes: None,
        });
    write_within(path, MAX_FILE_BYTES, |out| write_v2(out, journey, cases))
}

/// Whether the journey [`save_dataset`] writes would pass [`Journey::validate`]: the journey
/// alone, each case's text, every score on the scale, ids unique, the counts within limits.
fn dataset_is_sound(dataset: &Dataset, source: &str) -> bool {
    use crate::model::{Case, limits};
    let journey = &dataset.journey;
    let cases = dataset.case_ids.len();
    if !journey.cases.is_empty()
        || dataset.matrix.cases() != cases
        || dataset.matrix.touchpoints() != journey.touchpoints.len()
        || cases > limits::MAX_CASES
        || cases.saturating_mul(journey.touchpoints.len()) > limits::MAX_SCORE_CELLS
        || !journey.validate().is_empty()
    {
        return false;
    }
    let scale = &journey.scale;
    let mut case = Case::new("", "");
    case.source = source.to_owned();
    for (row, id) in dataset.case_ids.iter().enumerate() {
        if !dataset
            .matrix
            .row(row)
            .iter()
            .all(|&v| v.is_nan() || scale.contains(v))
        {
            return false;
        }
        id.clone_into(&mut case.id);
        dataset
            .segments
            .get(row)
            .unwrap_or_default()
            .clone_into(&mut case.segment);
        dataset
            .waves
            .get(row)
            .unwrap_or_default()
            .clone_into(&mut case.wave);
        if !journey.validate_case(row, &case).is_empty() {
            return false;
        }
    }
    dataset.case_ids.repeated().is_empty()
}

/// Writes through `write` atomically, refusing (with the file unchanged) when the text would be
/// larger than `limit`: past the limit the bytes are only counted, so the message can say how
/// large the journey would have been.
fn write_within(
    path: &Path,
    limit: u64,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<Saved, SaveError> {
    let mut total = 0u64;
    let result = replace_file(path, |w| {
        let mut counted = Limited {
            inner: w,
            limit,
            written: &mut total,
        };
        write(&mut counted)?;
        if *counted.written > limit {
            return Err(std::io::Error::other("over the size limit"));
        }
        Ok(())
    });
    if total > limit {
        return Err(SaveError::TooLarge {
            bytes: total,
            limit,
        });
    }
    match result {
        Ok(written) => Ok(Saved {
            removed_stale: written.removed_stale,
        }),
        Err(WriteError::ReadOnly { path }) => Err(SaveError::ReadOnly { path }),
        Err(WriteError::Io { path, source }) => Err(SaveError::Io { path, source }),
    }
}

/// Passes bytes on while the total stays within `limit`, then only counts them.
struct Limited<'w> {
    inner: &'w mut dyn Write,
    limit: u64,
    written: &'w mut u64,
}

impl Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        *self.written += buf.len() as u64;
        if *self.written <= self.limit {
            self.inner.write_all(buf)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::to_ron_string;
    use crate::model::{Case, Touchpoint};

    fn journey(cases: usize) -> Journey {
        let mut journey = Journey {
            title: "Cinema".to_owned(),
            touchpoints: vec![Touchpoint::new("film", "Film", "during")],
            ..Journey::default()
        };
        for i in 0..cases {
            let mut case = Case::new(&format!("c{i}"), "");
            case.scores.insert("film".to_owned(), 2.5);
            journey.cases.push(case);
        }
        journey
    }

    #[test]
    fn a_journey_over_the_size_limit_is_refused_and_the_old_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.ron");
        save_journey(&path, &journey(1)).unwrap();
        let before = std::fs::read(&path).unwrap();
        let big = journey(2_000);
        let size = to_ron_string(&big).unwrap().len() as u64;
        let error = save_journey_within(&path, &big, size - 1).unwrap_err();
        assert!(
            matches!(error, SaveError::TooLarge { bytes, limit } if bytes == size && limit == size - 1)
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // Exactly at the limit is allowed: the reader accepts files of `limit` bytes.
        save_journey_within(&path, &big, size).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), size);
    }

    #[test]
    fn the_size_message_rounds_up_and_names_the_limit() {
        let error = SaveError::TooLarge {
            bytes: 256 * MIB + 1,
            limit: 256 * MIB,
        };
        let message = error.to_string();
        assert!(
            message.contains("would be 257 MiB, more than the 256 MiB"),
            "{message}"
        );
    }

    #[test]
    fn a_refused_save_is_explained_in_hebrew() {
        use crate::i18n::{Lang, with_language};
        let problem = |n: usize| Problem {
            path: crate::model::ProblemPath::default(),
            message: format!("p{n}"),
        };
        let invalid = |n: usize| SaveError::Invalid {
            problems: (0..n).map(problem).collect(),
        };
        let (two, seven, large, read_only) = with_language(Lang::Hebrew, || {
            let text = |e: SaveError| crate::io::without_marks(&e.to_string());
            (
                text(invalid(2)),
                text(invalid(7)),
                text(SaveError::TooLarge {
                    bytes: 256 * MIB + 1,
                    limit: 256 * MIB,
                }),
                text(SaveError::ReadOnly {
                    path: PathBuf::from("/w/j.ron"),
                }),
            )
        });
        assert!(two.starts_with("למסע יש שתי בעיות"), "{two}");
        assert!(two.contains("תקנו אותן קודם: : p0; : p1"), "{two}");
        assert!(seven.contains("7 בעיות"), "{seven}");
        assert!(seven.ends_with("; : p2; … ועוד 4"), "{seven}");
        assert!(large.contains("257 MiB"), "{large}");
        assert!(large.contains("256 MiB") && large.contains("הסירו מקרים"));
        assert!(read_only.contains("/w/j.ron") && read_only.contains("לקריאה בלבד"));
        for message in [&two, &seven, &large, &read_only] {
            let left = crate::io::english_words(message, &["/w/j.ron", "p0", "p1", "p2"]);
            assert!(left.is_empty(), "{left:?} in {message}");
        }
    }

    #[test]
    fn an_invalid_journey_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.ron");
        let mut bad = journey(1);
        if let Some(case) = bad.cases.first_mut() {
            case.scores.insert("film".to_owned(), 9.0);
            case.scores.insert("nowhere".to_owned(), 1.0);
        }
        let error = save_journey(&path, &bad).unwrap_err();
        let SaveError::Invalid { problems } = &error else {
            panic!("expected Invalid, got {error:?}");
        };
        assert_eq!(problems.len(), 2);
        let message = error.to_string();
        assert!(message.contains("has 2 problems"), "{message}");
        assert!(message.contains("cases[0].scores"), "{message}");
        assert!(!path.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
