//! A view as a Mermaid journey diagram: what `emograph export --view V -o x.mmd`, the Export
//! dialog's Mermaid format and "Copy as Mermaid" all write, from the same [`ViewSpec`] the chart
//! is drawn from.

use crate::analysis::Analysis;
use crate::chart::{ChartOptions, ViewError, ViewSpec};
use crate::io::mermaid::{MermaidSource, to_mermaid};
use crate::model::Journey;

/// The view as a Mermaid `journey` diagram. Mermaid holds one score per task, so a view of
/// many curves is written as the one curve a reader of the diagram can take in: the mean of the
/// cases analysed for overall, patterns and segments (no actor: nobody gave those scores), the
/// pattern's mean for `pattern:N` (its actor "Pattern N"), one case's own scores for `case:ID`,
/// and for `cases` the cases the chart draws, each task scored with their mean and naming them.
pub fn view_mermaid(
    journey: &Journey,
    analysis: Option<&Analysis>,
    view: &ViewSpec,
    options: &ChartOptions,
) -> Result<String, ViewError> {
    let analysed = || analysis.ok_or_else(|| ViewError::NotAnalysed(view.clone()));
    match view {
        ViewSpec::Overall | ViewSpec::Patterns | ViewSpec::Segments | ViewSpec::Waves => {
            let means: Vec<f64> = analysed()?
                .stats
                .iter()
                .map(|s| s.mean.unwrap_or(f64::NAN))
                .collect();
            let source = MermaidSource::Curve {
                actor: "",
                scores: &means,
            };
            Ok(to_mermaid(journey, source))
        }
        &ViewSpec::Pattern(number) => {
            let a = analysed()?;
            let pattern = a.pattern(number).ok_or(ViewError::NoPattern {
                number,
                count: a.patterns.patterns.len(),
            })?;
            let actor = format!("Pattern {}", pattern.id);
            let source = MermaidSource::Curve {
                actor: &actor,
                scores: &pattern.mean,
            };
            Ok(to_mermaid(journey, source))
        }
        ViewSpec::Case(case_id) => {
            if let Some(index) = journey.cases.iter().position(|c| &c.id == case_id) {
                return Ok(to_mermaid(journey, MermaidSource::Case(index)));
            }
            // A case read straight from a CSV: its row of the matrix, named by its id.
            let row = analysis.and_then(|a| {
                let row = a.dataset.case_ids.iter().position(|id| id == case_id)?;
                Some(a.dataset.matrix.row(row).to_vec())
            });
            let scores = row.ok_or_else(|| ViewError::NoCase(case_id.clone()))?;
            let source = MermaidSource::Curve {
                actor: case_id,
                scores: &scores,
            };
            Ok(to_mermaid(journey, source))
        }
        ViewSpec::Cases => {
            if journey.cases.is_empty() && analysis.is_some_and(|a| a.dataset.matrix.cases() > 0) {
                return Err(ViewError::CasesOfCsv);
            }
            let Some(visible) = &options.cases.visible else {
                return Ok(to_mermaid(journey, MermaidSource::AllCases));
            };
            // Only the cases on the chart: the others are hidden from it, so from the diagram.
            let mut shown = journey.clone_without_cases();
            shown.cases = visible
                .iter()
                .filter_map(|&i| journey.cases.get(i).cloned())
                .collect();
            Ok(to_mermaid(&shown, MermaidSource::AllCases))
        }
    }
}
