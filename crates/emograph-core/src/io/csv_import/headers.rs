//! How many rows of a survey export are header, and the column names they make.
//!
//! - **Qualtrics** exports three rows: the column ids (`Q5_1`, `StartDate`), the question text
//!   (`How satisfied were you with… - Online boarding`), and `{"ImportId":"QID5_1"}` (the legacy
//!   format has only the first two). A column is named by its question text, the part after the
//!   last ` - ` for a matrix item; its id still matches options.
//! - **SurveyMonkey** exports two: the question (blank where the question goes on over more
//!   columns), then the answer label (`Response` for a one-column question). A column is named
//!   by its answer label, or by its question where the label is only `Response`.
//! - Otherwise the header rows are the leading rows before the first row that looks like data
//!   (scores where the data has them): usually one, sometimes none.

use super::cells::text_of;
use super::labels::LabelMap;

/// The export a header was recognised as, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Export {
    Qualtrics,
    SurveyMonkey,
    Plain,
}

impl Export {
    /// The export in words, in the language in force ("a Qualtrics export").
    pub(super) fn describe(self) -> String {
        match self {
            Self::Qualtrics => crate::tr!("import-export-qualtrics"),
            Self::SurveyMonkey => crate::tr!("import-export-surveymonkey"),
            Self::Plain => crate::tr!("import-export-plain"),
        }
    }
}

/// The number of header rows among the first `rows` (data rows follow), by the rules above.
pub(super) fn count_header_rows(
    rows: &[csv::ByteRecord],
    decimal_comma: bool,
    labels: &[LabelMap],
) -> usize {
    if let Some(import_ids) = rows.iter().take(3).position(|row| {
        row.iter()
            .any(|cell| cell.trim_ascii().starts_with(b"{\"ImportId\""))
    }) {
        return import_ids + 1;
    }
    let score_like = |row: &csv::ByteRecord| {
        row.iter()
            .filter(|cell| {
                let text = text_of(cell);
                let text = text.trim();
                !text.is_empty()
                    && (is_number(text, decimal_comma)
                        || labels.iter().any(|map| map.score(text).is_some()))
            })
            .count()
    };
    let counts: Vec<usize> = rows.iter().map(score_like).collect();
    let most = counts.iter().copied().max().unwrap_or(0);
    if most == 0 {
        // Nothing looks like a score: a header if there is more than one row of text.
        return usize::from(rows.len() > 1);
    }
    counts.iter().position(|&n| n * 2 >= most).unwrap_or(0)
}

fn is_number(text: &str, decimal_comma: bool) -> bool {
    text.parse::<f64>().is_ok()
        || (decimal_comma
            && !text.contains('.')
            && text.replacen(',', ".", 1).parse::<f64>().is_ok())
}

/// Column names (what touchpoints are called) and the other names each column answers to in
/// options, from the header rows; and the export they were recognised as.
pub(super) fn column_names(
    header_rows: &[csv::ByteRecord],
    width: usize,
) -> (Vec<String>, Vec<Vec<String>>, Export) {
    let texts: Vec<Vec<String>> = header_rows
        .iter()
        .map(|row| {
            (0..width)
                .map(|c| text_of(row.get(c).unwrap_or_default()).trim().to_owned())
                .collect()
        })
        .collect();
    let cell = |r: usize, c: usize| {
        texts
            .get(r)
            .and_then(|row| row.get(c))
            .map_or("", String::as_str)
    };
    let qualtrics = texts.len() >= 2
        && texts.len() <= 3
        && (texts.len() == 3 && (0..width).any(|c| cell(2, c).starts_with("{\"ImportId\""))
            || (0..width).any(|c| cell(0, c) == "ResponseId" || cell(0, c) == "ResponseID"));
    let export = if qualtrics {
        Export::Qualtrics
    } else if texts.len() == 2 {
        Export::SurveyMonkey
    } else {
        Export::Plain
    };
    let mut names = Vec::with_capacity(width);
    let mut aliases = Vec::with_capacity(width);
    let mut question = String::new();
    for c in 0..width {
        let (name, others) = match export {
            Export::Qualtrics => {
                let (id, text) = (cell(0, c), cell(1, c));
                let item = text
                    .rsplit_once(" - ")
                    .map_or(text, |(_, item)| item.trim());
                let name = if item.is_empty() { id } else { item };
                (name.to_owned(), vec![id.to_owned(), text.to_owned()])
            }
            Export::SurveyMonkey => {
                if !cell(0, c).is_empty() {
                    cell(0, c).clone_into(&mut question);
                }
                let answer = cell(1, c);
                let generic = answer.is_empty()
                    || answer.eq_ignore_ascii_case("response")
                    || answer.eq_ignore_ascii_case("open-ended response");
                if generic {
                    (question.clone(), vec![answer.to_owned()])
                } else {
                    (
                        answer.to_owned(),
                        vec![question.clone(), format!("{question} - {answer}")],
                    )
                }
            }
            Export::Plain => {
                let last = (0..texts.len())
                    .rev()
                    .map(|r| cell(r, c))
                    .find(|t| !t.is_empty());
                let others = (0..texts.len()).map(|r| cell(r, c).to_owned()).collect();
                (last.unwrap_or("").to_owned(), others)
            }
        };
        names.push(name);
        aliases.push(others.into_iter().filter(|a| !a.is_empty()).collect());
    }
    (names, aliases, export)
}

/// Columns survey tools add that are never touchpoints (times, ids, progress, locations),
/// compared lower case without spaces, `_` or `-`.
pub(super) fn is_survey_metadata(name: &str) -> bool {
    const METADATA: &[&str] = &[
        "timestamp",
        "startdate",
        "enddate",
        "status",
        "ipaddress",
        "progress",
        "duration(inseconds)",
        "finished",
        "recordeddate",
        "responseid",
        "recipientlastname",
        "recipientfirstname",
        "recipientemail",
        "externalreference",
        "externaldatareference",
        "locationlatitude",
        "locationlongitude",
        "distributionchannel",
        "userlanguage",
        "respondentid",
        "collectorid",
        "emailaddress",
        "firstname",
        "lastname",
        "customdata1",
        "starttime",
        "completiontime",
        "email",
        "name",
        "lastmodifiedtime",
        "submittedat",
        "networkid",
    ];
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    METADATA.contains(&key.as_str())
}

/// The year and month (`2026-11`) of a date or timestamp as survey tools write them: ISO
/// (`2026-11-03 10:22:01`, `2026-11-03T10:22`), or month first with slashes as Google Forms and
/// SurveyMonkey do (`11/3/2026 10:22:01`).
pub(super) fn year_month(text: &str) -> Option<String> {
    let date = text.trim().split([' ', 'T']).next()?;
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let number = |s: &&str| s.parse::<u32>().ok();
    let (year, month) = match parts.as_slice() {
        [y, m, _] if y.len() == 4 => (number(y)?, number(m)?),
        [m, _, y] if y.len() == 4 && date.contains('/') => (number(y)?, number(m)?),
        [d, m, y] if y.len() == 4 => {
            let _ = number(d)?;
            (number(y)?, number(m)?)
        }
        _ => return None,
    };
    (1..=12)
        .contains(&month)
        .then(|| format!("{year:04}-{month:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<csv::ByteRecord> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .byte_records()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn qualtrics_surveymonkey_and_plain_headers_are_counted_and_named() {
        let qualtrics = rows(
            "ResponseId,Q1_1,Q1_2\nResponse ID,How was it? - Wifi,How was it? - Food\n\
             {\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1_1\"},{\"ImportId\":\"QID1_2\"}\n\
             R_1,4,5\n",
        );
        assert_eq!(count_header_rows(&qualtrics, false, &[]), 3);
        let (names, aliases, export) = column_names(&qualtrics[..3], 3);
        assert_eq!(export, Export::Qualtrics);
        assert_eq!(names, ["Response ID", "Wifi", "Food"]);
        assert!(aliases[1].contains(&"Q1_1".to_owned()));

        let monkey = rows(
            "Respondent ID,How satisfied were you with…,,Overall\n,Wifi,Food,Response\n7,4,5,3\n8,1,2,3\n",
        );
        assert_eq!(count_header_rows(&monkey, false, &[]), 2);
        let (names, aliases, export) = column_names(&monkey[..2], 4);
        assert_eq!(export, Export::SurveyMonkey);
        assert_eq!(names, ["Respondent ID", "Wifi", "Food", "Overall"]);
        assert!(aliases[2].contains(&"How satisfied were you with…".to_owned()));

        assert_eq!(count_header_rows(&rows("a,b\n1,2\n"), false, &[]), 1);
        assert_eq!(count_header_rows(&rows("1,2\n3,4\n"), false, &[]), 0);
        let labels = super::super::labels::presets();
        let text = rows("Timestamp,Wifi\n2026-11-03,Very satisfied\n2026-11-04,Neutral\n");
        assert_eq!(count_header_rows(&text, false, &labels), 1);
    }

    #[test]
    fn metadata_columns_and_dates_are_recognised() {
        assert!(is_survey_metadata("Duration (in seconds)"));
        assert!(is_survey_metadata("IP Address"));
        assert!(is_survey_metadata("Timestamp"));
        assert!(!is_survey_metadata("Online boarding"));
        assert_eq!(
            year_month("2026-11-03 10:22:01").as_deref(),
            Some("2026-11")
        );
        assert_eq!(year_month("11/3/2026 10:22:01").as_deref(), Some("2026-11"));
        assert_eq!(year_month("03.11.2026").as_deref(), Some("2026-11"));
        assert_eq!(year_month("yesterday"), None);
        assert_eq!(year_month("2026-13-01"), None);
    }
}
