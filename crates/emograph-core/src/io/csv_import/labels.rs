//! Text answers and the scores they stand for: a map the user gives (`--labels
//! "Very dissatisfied=1,…,Very satisfied=5"`) or one of the wordings survey tools use by default
//! (Google Forms, Typeform and Microsoft Forms export the words, not the numbers).
//!
//! Labels are matched trimmed and ignoring case, with inner runs of spaces as one space, so
//! "very  Satisfied " is "Very satisfied".

use std::collections::HashMap;
use std::str::FromStr;

/// Text answers → the score each stands for on the source scale (1 … 5 for a 5-point wording).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelMap {
    /// A name for messages: `"5-point satisfaction"` (in the language in force when the map was
    /// made), or `"--labels"` for the user's map.
    pub name: String,
    scores: HashMap<String, f64>,
}

impl LabelMap {
    fn new(name: String, pairs: &[(&str, f64)]) -> Self {
        Self {
            name,
            scores: pairs
                .iter()
                .map(|&(label, v)| (normalise(label), v))
                .collect(),
        }
    }

    /// The score of a text answer, if it is one of the map's labels.
    pub fn score(&self, text: &str) -> Option<f64> {
        self.scores.get(&normalise(text)).copied()
    }

    /// The lowest and highest score of the map: the source scale when none is given.
    pub fn range(&self) -> Option<(f64, f64)> {
        let min = self.scores.values().copied().reduce(f64::min)?;
        let max = self.scores.values().copied().reduce(f64::max)?;
        (min < max).then_some((min, max))
    }

    pub fn len(&self) -> usize {
        self.scores.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }
}

impl FromStr for LabelMap {
    type Err = String;

    /// `"Very dissatisfied=1, Dissatisfied=2, …"`: label=score pairs separated by commas (or by
    /// semicolons, when a label holds a comma).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let separator = if text.contains(';') { ';' } else { ',' };
        let mut scores = HashMap::new();
        for pair in text
            .split(separator)
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let Some((label, score)) = pair.rsplit_once('=') else {
                return Err(crate::tr!(
                    "import-labels-not-pair",
                    pair = format!("{pair:?}")
                ));
            };
            let score: f64 = score
                .trim()
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| {
                    crate::tr!("import-labels-score-nan", label = format!("{label:?}"))
                })?;
            let key = normalise(label);
            if key.is_empty() {
                return Err(crate::tr!(
                    "import-labels-empty",
                    pair = format!("{pair:?}")
                ));
            }
            if scores.insert(key, score).is_some() {
                return Err(crate::tr!(
                    "import-labels-twice",
                    label = format!("{:?}", label.trim())
                ));
            }
        }
        let map = Self {
            name: "--labels".to_owned(),
            scores,
        };
        if map.range().is_none() {
            return Err(crate::tr!("import-labels-two"));
        }
        Ok(map)
    }
}

/// Trimmed, lower case, inner whitespace runs as one space.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The wordings recognised without `--labels`, tried in this order: the first that holds every
/// text answer seen wins (so a 5-point file is not read as 7-point).
pub fn presets() -> Vec<LabelMap> {
    vec![
        LabelMap::new(
            crate::tr!("import-wording-satisfaction-5"),
            &[
                ("Very dissatisfied", 1.0),
                ("Dissatisfied", 2.0),
                ("Somewhat dissatisfied", 2.0),
                ("Neutral", 3.0),
                ("Neither satisfied nor dissatisfied", 3.0),
                ("Satisfied", 4.0),
                ("Somewhat satisfied", 4.0),
                ("Very satisfied", 5.0),
            ],
        ),
        LabelMap::new(
            crate::tr!("import-wording-agreement-5"),
            &[
                ("Strongly disagree", 1.0),
                ("Disagree", 2.0),
                ("Neither agree nor disagree", 3.0),
                ("Neutral", 3.0),
                ("Agree", 4.0),
                ("Strongly agree", 5.0),
            ],
        ),
        LabelMap::new(
            crate::tr!("import-wording-quality-5"),
            &[
                ("Very poor", 1.0),
                ("Poor", 2.0),
                ("Fair", 3.0),
                ("Good", 4.0),
                ("Excellent", 5.0),
            ],
        ),
        LabelMap::new(
            crate::tr!("import-wording-satisfaction-7"),
            &[
                ("Extremely dissatisfied", 1.0),
                ("Very dissatisfied", 2.0),
                ("Moderately dissatisfied", 2.0),
                ("Somewhat dissatisfied", 3.0),
                ("Slightly dissatisfied", 3.0),
                ("Neither satisfied nor dissatisfied", 4.0),
                ("Neutral", 4.0),
                ("Somewhat satisfied", 5.0),
                ("Slightly satisfied", 5.0),
                ("Very satisfied", 6.0),
                ("Moderately satisfied", 6.0),
                ("Extremely satisfied", 7.0),
            ],
        ),
        LabelMap::new(
            crate::tr!("import-wording-agreement-7"),
            &[
                ("Strongly disagree", 1.0),
                ("Disagree", 2.0),
                ("Somewhat disagree", 3.0),
                ("Neither agree nor disagree", 4.0),
                ("Somewhat agree", 5.0),
                ("Agree", 6.0),
                ("Strongly agree", 7.0),
            ],
        ),
        LabelMap::new(
            crate::tr!("import-wording-satisfaction-5-hebrew"),
            &[
                ("מאוד לא מרוצה", 1.0),
                ("לא מרוצה", 2.0),
                ("ניטרלי", 3.0),
                ("מרוצה", 4.0),
                ("מאוד מרוצה", 5.0),
            ],
        ),
        LabelMap::new(
            crate::tr!("import-wording-agreement-5-hebrew"),
            &[
                ("מאוד לא מסכים", 1.0),
                ("לא מסכים", 2.0),
                ("ניטרלי", 3.0),
                ("מסכים", 4.0),
                ("מאוד מסכים", 5.0),
            ],
        ),
    ]
}

/// The first preset holding every one of `answers` (text cells seen in touchpoint columns).
pub fn preset_for<'a>(answers: impl Iterator<Item = &'a str> + Clone) -> Option<LabelMap> {
    presets()
        .into_iter()
        .find(|preset| answers.clone().all(|a| preset.score(a).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_map_parses_and_matches_ignoring_case_and_spaces() {
        let map: LabelMap =
            "Very dissatisfied=1, Dissatisfied=2,Neutral=3,Satisfied=4,Very satisfied=5"
                .parse()
                .unwrap();
        assert_eq!(map.score("  very   SATISFIED "), Some(5.0));
        assert_eq!(map.score("dissatisfied"), Some(2.0));
        assert_eq!(map.score("meh"), None);
        assert_eq!(map.range(), Some((1.0, 5.0)));
        assert!("a=1;b=x".parse::<LabelMap>().is_err());
        assert!("a=1,A=2".parse::<LabelMap>().is_err());
        assert!("only=1".parse::<LabelMap>().is_err());
        let with_commas: LabelMap = "Good, really=2; Bad, really=1".parse().unwrap();
        assert_eq!(with_commas.score("good, really"), Some(2.0));
    }

    #[test]
    fn the_narrowest_preset_holding_every_answer_is_chosen() {
        let five = preset_for(["Very satisfied", "neutral", "Dissatisfied"].into_iter()).unwrap();
        assert_eq!(five.name, "5-point satisfaction");
        assert_eq!(five.score("Dissatisfied"), Some(2.0));
        let seven = preset_for(["Extremely satisfied", "Very dissatisfied"].into_iter()).unwrap();
        assert_eq!(seven.name, "7-point satisfaction");
        assert_eq!(seven.score("Very dissatisfied"), Some(2.0));
        let agree = preset_for(["Somewhat agree", "Strongly disagree"].into_iter()).unwrap();
        assert_eq!(agree.range(), Some((1.0, 7.0)));
        let hebrew = preset_for(["מאוד מרוצה", "לא מרוצה"].into_iter()).unwrap();
        assert_eq!(hebrew.score("לא מרוצה"), Some(2.0));
        assert!(preset_for(["Brilliant"].into_iter()).is_none());
    }
}
