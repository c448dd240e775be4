//! What a participant's phone may know of the journey: exactly what the page shows. Notes,
//! other cases, owners, metrics, flags, channels and processes stay with the facilitator.

use serde::Serialize;

use emograph_core::model::Journey;

/// The journey as `GET /j/{code}/journey` serves it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicJourney {
    pub title: String,
    /// `"ltr"` or `"rtl"`: the page lays a Hebrew or Arabic journey out right to left.
    pub direction: &'static str,
    /// `"he"` for a journey in Hebrew (the page's own words are then Hebrew), else `"en"`.
    pub language: &'static str,
    /// The phases that have touchpoints, in the order of their first touchpoint.
    pub phases: Vec<PublicPhase>,
    /// In process order.
    pub touchpoints: Vec<PublicTouchpoint>,
    pub scale: PublicScale,
    /// The segments a participant may pick from (empty: no picker).
    pub segments: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicPhase {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicTouchpoint {
    pub id: String,
    pub name: String,
    pub phase: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicScale {
    pub min: f64,
    pub max: f64,
    /// What a drag snaps to.
    pub step: f64,
    pub anchors: Vec<PublicAnchor>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicAnchor {
    pub value: f64,
    pub label: String,
}

/// A drag on the page snaps to half points, as the GUI's does.
pub const SCORE_STEP: f64 = 0.5;

impl PublicJourney {
    /// `segments`: the facilitator's list; `None` offers the segments the journey's cases use.
    pub fn of(journey: &Journey, segments: Option<&[String]>) -> Self {
        let mut phases: Vec<PublicPhase> = Vec::new();
        for touchpoint in &journey.touchpoints {
            if phases.iter().any(|p| p.id == touchpoint.phase) {
                continue;
            }
            let name = journey
                .phase(&touchpoint.phase)
                .map_or_else(|| touchpoint.phase.clone(), |p| p.name.clone());
            phases.push(PublicPhase {
                id: touchpoint.phase.clone(),
                name,
            });
        }
        let segments = match segments {
            Some(list) => list
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .fold(Vec::new(), push_new),
            None => {
                let mut used: Vec<String> = journey
                    .cases
                    .iter()
                    .map(|c| c.segment.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                used.sort();
                used.dedup();
                used
            }
        };
        let hebrew = journey
            .title
            .chars()
            .chain(journey.touchpoints.iter().flat_map(|t| t.name.chars()))
            .any(|c| ('\u{0590}'..='\u{05FF}').contains(&c));
        Self {
            title: journey.title.clone(),
            direction: if journey.is_rtl() { "rtl" } else { "ltr" },
            language: if hebrew && journey.is_rtl() {
                "he"
            } else {
                "en"
            },
            phases,
            touchpoints: journey
                .touchpoints
                .iter()
                .map(|t| PublicTouchpoint {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    phase: t.phase.clone(),
                })
                .collect(),
            scale: PublicScale {
                min: journey.scale.min,
                max: journey.scale.max,
                step: SCORE_STEP,
                anchors: journey
                    .scale
                    .anchors
                    .iter()
                    .map(|a| PublicAnchor {
                        value: a.value,
                        label: a.label.clone(),
                    })
                    .collect(),
            },
            segments,
        }
    }
}

fn push_new(mut list: Vec<String>, item: String) -> Vec<String> {
    if !list.contains(&item) {
        list.push(item);
    }
    list
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use emograph_core::model::{Case, Metric, Owner, Touchpoint};

    #[test]
    fn only_what_the_page_shows_is_public() {
        let mut journey = Journey {
            title: "Cinema".into(),
            ..Journey::default()
        };
        let mut tp = Touchpoint::new("film", "Film", "during");
        tp.process = "SECRET-PROCESS".into();
        tp.channel = "SECRET-CHANNEL".into();
        tp.owner = Some("o1".into());
        journey.touchpoints.push(tp);
        journey.owners.push(Owner {
            id: "o1".into(),
            name: "SECRET-OWNER".into(),
            role: String::new(),
            process: String::new(),
        });
        journey.metrics.push(Metric {
            id: "m".into(),
            name: "SECRET-METRIC".into(),
            unit: String::new(),
            current: None,
            target: None,
            better: Default::default(),
            level: Default::default(),
            sla: String::new(),
            owner: None,
            touchpoints: vec![],
            history: Vec::new(),
        });
        let mut case = Case::new("c1", "SECRET-CASE");
        case.segment = "gold".into();
        case.notes.insert("film".into(), "SECRET-NOTE".into());
        journey.cases.push(case);
        let public = PublicJourney::of(&journey, None);
        let json = serde_json::to_string(&public).unwrap();
        assert!(!json.contains("SECRET"), "{json}");
        assert_eq!(public.segments, ["gold"]);
        assert_eq!(public.phases.len(), 1, "only phases with touchpoints");
        assert_eq!(public.direction, "ltr");
        let chosen = PublicJourney::of(&journey, Some(&["a".into(), " a ".into(), "".into()]));
        assert_eq!(chosen.segments, ["a"]);
    }
}
