//! The owner view: what a process owner opens before a redesign meeting. Their touchpoints, the
//! critical points there, their metrics against target and their actions; plus what nobody
//! owns yet. Pure, so the GUI, the CLI and the report show the same thing.

use super::critical::{CriticalPoint, CriticalReport};
use crate::model::{Flag, Journey, Metric, Owner, Status};

/// One owner's part of the journey.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerEntry<'a> {
    pub owner: &'a Owner,
    /// Indices (journey order) of the touchpoints whose `owner` is this owner.
    pub touchpoints: Vec<usize>,
    /// Critical points (any scope) at those touchpoints, in report order (overall first, by rank).
    pub critical: Vec<&'a CriticalPoint>,
    /// Metrics this owner owns, or that measure one of their touchpoints; journey order.
    pub metrics: Vec<&'a Metric>,
    /// Flags this owner was given, or that nobody was given at one of their touchpoints;
    /// open first, then in progress, then done; earlier due dates first.
    pub flags: Vec<&'a Flag>,
}

/// What nobody owns: each needs someone to decide about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unowned<'a> {
    /// Indices of touchpoints without an owner (or naming an owner that does not exist).
    pub touchpoints: Vec<usize>,
    /// Critical points at those touchpoints, in report order.
    pub critical: Vec<&'a CriticalPoint>,
    /// Flags without an owner at touchpoints without an owner.
    pub flags: Vec<&'a Flag>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OwnerView<'a> {
    /// In the journey's owner order.
    pub owners: Vec<OwnerEntry<'a>>,
    pub unowned: Unowned<'a>,
}

/// The owner view of `journey` with the critical points of `report` (computed on the same
/// journey's touchpoints). With `owner_id`, only that owner is listed (none if it is unknown);
/// the unowned part is always complete.
pub fn owner_view<'a>(
    journey: &'a Journey,
    report: &'a CriticalReport,
    owner_id: Option<&str>,
) -> OwnerView<'a> {
    // The owner of each touchpoint, if that owner exists.
    let owner_of: Vec<Option<&str>> = journey
        .touchpoints
        .iter()
        .map(|t| t.owner.as_deref().filter(|id| journey.owner(id).is_some()))
        .collect();
    let touchpoint_owner = |touchpoint_id: &str| {
        journey
            .touchpoint_index(touchpoint_id)
            .and_then(|i| owner_of.get(i).copied().flatten())
    };
    fn known<'a>(journey: &Journey, id: &'a Option<String>) -> Option<&'a str> {
        id.as_deref().filter(|id| journey.owner(id).is_some())
    }
    let known_owner = |id| known(journey, id);

    let owners = journey
        .owners
        .iter()
        .filter(|owner| owner_id.is_none_or(|id| id == owner.id))
        .map(|owner| {
            let id = owner.id.as_str();
            let touchpoints: Vec<usize> = owner_of
                .iter()
                .enumerate()
                .filter(|(_, o)| **o == Some(id))
                .map(|(i, _)| i)
                .collect();
            let critical = report
                .points
                .iter()
                .filter(|p| touchpoints.contains(&p.touchpoint))
                .collect();
            let metrics = journey
                .metrics
                .iter()
                .filter(|m| {
                    m.owner.as_deref() == Some(id)
                        || m.touchpoints
                            .iter()
                            .any(|t| touchpoint_owner(t) == Some(id))
                })
                .collect();
            let mut flags: Vec<&Flag> = journey
                .flags
                .iter()
                .filter(|f| match known_owner(&f.owner) {
                    Some(flag_owner) => flag_owner == id,
                    None => touchpoint_owner(&f.touchpoint) == Some(id),
                })
                .collect();
            sort_flags(&mut flags);
            OwnerEntry {
                owner,
                touchpoints,
                critical,
                metrics,
                flags,
            }
        })
        .collect();

    let touchpoints: Vec<usize> = owner_of
        .iter()
        .enumerate()
        .filter(|(_, o)| o.is_none())
        .map(|(i, _)| i)
        .collect();
    let critical = report
        .points
        .iter()
        .filter(|p| touchpoints.contains(&p.touchpoint))
        .collect();
    let mut flags: Vec<&Flag> = journey
        .flags
        .iter()
        .filter(|f| known_owner(&f.owner).is_none() && touchpoint_owner(&f.touchpoint).is_none())
        .collect();
    sort_flags(&mut flags);
    OwnerView {
        owners,
        unowned: Unowned {
            touchpoints,
            critical,
            flags,
        },
    }
}

/// Open first, then in progress, then done; within a status, earlier due dates first (ISO dates
/// sort as text), undated last. Stable, so equal flags keep the journey's order.
fn sort_flags(flags: &mut [&Flag]) {
    let status_order = |s: Status| Status::ALL.iter().position(|&x| x == s).unwrap_or(0);
    flags.sort_by(|a, b| {
        status_order(a.status)
            .cmp(&status_order(b.status))
            .then_with(|| match (&a.due, &b.due) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::critical::{Scope, ScoreParts};
    use crate::model::{FlagKind, Touchpoint};

    fn flag(
        id: &str,
        touchpoint: &str,
        owner: Option<&str>,
        status: Status,
        due: Option<&str>,
    ) -> Flag {
        Flag {
            id: id.to_owned(),
            touchpoint: touchpoint.to_owned(),
            kind: FlagKind::Negative,
            note: String::new(),
            owner: owner.map(str::to_owned),
            metrics: Vec::new(),
            action: Default::default(),
            action_text: String::new(),
            due: due.map(str::to_owned),
            status,
            detected: true,
        }
    }

    fn point(touchpoint: usize) -> CriticalPoint {
        CriticalPoint {
            scope: Scope::Overall,
            touchpoint,
            kind: FlagKind::Negative,
            turning: Vec::new(),
            value: -3.0,
            depth: 3.0,
            delta: -4.0,
            share_of_cases: 0.5,
            score: 0.7,
            rank: 1,
            parts: ScoreParts::default(),
        }
    }

    fn journey() -> Journey {
        let mut journey = Journey::default();
        for (id, owner) in [
            ("call", Some("ana")),
            ("visit", Some("ben")),
            ("bill", None),
            ("sms", Some("gone")),
        ] {
            let mut t = Touchpoint::new(id, id, "during");
            t.owner = owner.map(str::to_owned);
            journey.touchpoints.push(t);
        }
        for id in ["ana", "ben"] {
            journey.owners.push(Owner {
                id: id.to_owned(),
                name: id.to_uppercase(),
                role: String::new(),
                process: String::new(),
            });
        }
        journey.metrics.push(Metric {
            id: "wait".to_owned(),
            name: "Wait".to_owned(),
            unit: "min".to_owned(),
            current: Some(12.0),
            target: Some(5.0),
            better: crate::model::Better::Lower,
            level: Default::default(),
            sla: String::new(),
            owner: Some("ben".to_owned()),
            touchpoints: vec!["call".to_owned()],
            history: Vec::new(),
        });
        journey.flags = vec![
            flag("f1", "call", Some("ana"), Status::Done, None),
            flag("f2", "call", None, Status::Open, Some("2026-12-01")),
            flag("f3", "call", Some("ana"), Status::Open, Some("2026-11-01")),
            flag("f4", "bill", None, Status::Open, None),
            flag("f5", "visit", Some("ana"), Status::InProgress, None),
        ];
        journey
    }

    #[test]
    fn an_owner_sees_their_touchpoints_points_metrics_and_open_actions_first() {
        let journey = journey();
        let report = CriticalReport {
            points: vec![point(0), point(1), point(2), point(3)],
            prone: Vec::new(),
        };
        let view = owner_view(&journey, &report, None);
        let ana = &view.owners[0];
        assert_eq!(ana.touchpoints, vec![0]);
        assert_eq!(ana.critical.len(), 1);
        assert_eq!(ana.critical[0].touchpoint, 0);
        // Ben owns the metric, but it measures Ana's touchpoint: both see it.
        assert_eq!(ana.metrics.len(), 1);
        assert_eq!(view.owners[1].metrics.len(), 1);
        let ids: Vec<&str> = ana.flags.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["f3", "f2", "f5", "f1"]);
        // "sms" names an owner that does not exist: it is unowned, like "bill".
        assert_eq!(view.unowned.touchpoints, vec![2, 3]);
        let unowned_points: Vec<usize> =
            view.unowned.critical.iter().map(|p| p.touchpoint).collect();
        assert_eq!(unowned_points, vec![2, 3]);
        let unowned_flags: Vec<&str> = view.unowned.flags.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(unowned_flags, vec!["f4"]);
    }

    #[test]
    fn filtering_by_owner_keeps_only_that_owner() {
        let journey = journey();
        let report = CriticalReport::default();
        let view = owner_view(&journey, &report, Some("ben"));
        assert_eq!(view.owners.len(), 1);
        assert_eq!(view.owners[0].owner.id, "ben");
        assert_eq!(view.owners[0].touchpoints, vec![1]);
        assert!(
            owner_view(&journey, &report, Some("nobody"))
                .owners
                .is_empty()
        );
    }
}
