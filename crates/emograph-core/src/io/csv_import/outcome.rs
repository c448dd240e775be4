//! The outcome column of a survey (overall satisfaction, an NPS answer, "would recommend") and
//! which of its values are favourable: `--outcome Satisfaction=satisfied`, `--outcome
//! "Overall>=4"`, or a yes/no column alone (`--outcome Recommend`).

use std::str::FromStr;

use crate::model::{Outcome, OutcomeRule};

/// How to read the outcome column.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeSpec {
    /// The column's header (matched ignoring case).
    pub column: String,
    pub rule: OutcomeRule,
}

impl FromStr for OutcomeSpec {
    type Err = String;

    /// `COLUMN=VALUE|VALUE…` (the favourable values of a category), `COLUMN>=N` (a number, N and
    /// above favourable) or `COLUMN` alone (1/0, true/false, yes/no).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let named = |column: &str| -> Result<String, String> {
            let column = column.trim();
            if column.is_empty() {
                Err(crate::tr!(
                    "import-outcome-no-column",
                    text = format!("{text:?}")
                ))
            } else {
                Ok(column.to_owned())
            }
        };
        if let Some((column, at_least)) = text.split_once(">=") {
            let at_least: f64 = at_least
                .trim()
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| {
                    crate::tr!("import-outcome-threshold", text = format!("{text:?}"))
                })?;
            return Ok(Self {
                column: named(column)?,
                rule: OutcomeRule::AtLeast(at_least),
            });
        }
        if let Some((column, values)) = text.split_once('=') {
            let values: Vec<String> = values
                .split('|')
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect();
            if values.is_empty() {
                return Err(crate::tr!(
                    "import-outcome-values",
                    text = format!("{text:?}")
                ));
            }
            return Ok(Self {
                column: named(column)?,
                rule: OutcomeRule::Values(values),
            });
        }
        Ok(Self {
            column: named(text)?,
            rule: OutcomeRule::YesNo,
        })
    }
}

impl OutcomeSpec {
    /// What the journey records about its outcome.
    pub fn to_outcome(&self) -> Outcome {
        Outcome {
            name: self.column.clone(),
            rule: self.rule.clone(),
        }
    }

    /// The value kept for one cell: 1 or 0 for a category or yes/no, the number for `>=`;
    /// `None` for an empty cell (no answer). Anything else is an error saying what was expected.
    pub fn read(&self, cell: &str, decimal_comma: bool) -> Result<Option<f64>, String> {
        let cell = cell.trim();
        if cell.is_empty() {
            return Ok(None);
        }
        match &self.rule {
            OutcomeRule::Values(favourable) => Ok(Some(
                if favourable
                    .iter()
                    .any(|v| v.to_lowercase() == cell.to_lowercase())
                {
                    1.0
                } else {
                    0.0
                },
            )),
            OutcomeRule::AtLeast(_) => {
                let number = if decimal_comma {
                    cell.replace(',', ".")
                } else {
                    cell.to_owned()
                };
                number
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Some)
                    .ok_or_else(|| crate::tr!("import-outcome-not-a-number"))
            }
            OutcomeRule::YesNo => match cell.to_lowercase().as_str() {
                "1" | "true" | "yes" | "y" => Ok(Some(1.0)),
                "0" | "false" | "no" | "n" => Ok(Some(0.0)),
                _ => Err(crate::tr!(
                    "import-outcome-not-yes-no",
                    column = self.column.as_str(),
                    cell = cell
                )),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_spellings_parse_and_read_cells() {
        let category: OutcomeSpec = "Satisfaction=satisfied|Very satisfied".parse().unwrap();
        assert_eq!(category.column, "Satisfaction");
        assert_eq!(category.read("SATISFIED", false), Ok(Some(1.0)));
        assert_eq!(
            category.read("Neutral or Dissatisfied", false),
            Ok(Some(0.0))
        );
        assert_eq!(category.read(" ", false), Ok(None));
        let number: OutcomeSpec = "Overall >= 4".parse().unwrap();
        assert_eq!(number.rule, OutcomeRule::AtLeast(4.0));
        assert_eq!(number.read("3,5", true), Ok(Some(3.5)));
        assert!(number.read("good", false).is_err());
        let yes_no: OutcomeSpec = "Recommend".parse().unwrap();
        assert_eq!(yes_no.read("Yes", false), Ok(Some(1.0)));
        assert!(
            yes_no
                .read("maybe", false)
                .unwrap_err()
                .contains("Recommend=maybe")
        );
        assert!("=x".parse::<OutcomeSpec>().is_err());
        assert!("A>=many".parse::<OutcomeSpec>().is_err());
        assert!("A=".parse::<OutcomeSpec>().is_err());
    }
}
