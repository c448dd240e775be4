//! What else goes when something is deleted, written once for every editor (the GUI, the CLI,
//! a live-session server): a journey links everything by id, so deleting a thing must also
//! clear or drop whatever pointed at it, or the journey would no longer load.

use super::{ChangeKind, Journey};

impl Journey {
    /// Deletes the touchpoint with its scores and notes in every case, the flags raised there
    /// and the metrics' links to it. Returns false (and changes nothing) if there is no such
    /// touchpoint.
    pub fn delete_touchpoint(&mut self, touchpoint_id: &str) -> bool {
        let Some(index) = self.touchpoint_index(touchpoint_id) else {
            return false;
        };
        self.touchpoints.remove(index);
        for case in &mut self.cases {
            case.scores.remove(touchpoint_id);
            case.notes.remove(touchpoint_id);
        }
        for metric in &mut self.metrics {
            metric.touchpoints.retain(|t| t != touchpoint_id);
        }
        self.flags.retain(|f| f.touchpoint != touchpoint_id);
        self.forget_touchpoint_in_scenarios(touchpoint_id);
        self.forget_missing_flags_in_scenarios();
        true
    }

    /// A scenario's changes at a deleted touchpoint go with it; a drawn curve loses its point
    /// there, and goes too when none is left.
    fn forget_touchpoint_in_scenarios(&mut self, touchpoint_id: &str) {
        for scenario in &mut self.scenarios {
            scenario.changes.retain_mut(|change| {
                if change.touchpoint == touchpoint_id {
                    return false;
                }
                match &mut change.kind {
                    ChangeKind::Drawn { curve, .. } => {
                        curve.remove(touchpoint_id);
                        !curve.is_empty()
                    }
                    _ => true,
                }
            });
        }
    }

    /// A change made from a flag that is gone stays in its scenario (it is the team's plan, not
    /// the flag's), but no longer names the flag.
    fn forget_missing_flags_in_scenarios(&mut self) {
        let flags: std::collections::HashSet<&str> =
            self.flags.iter().map(|f| f.id.as_str()).collect();
        for scenario in &mut self.scenarios {
            for change in &mut scenario.changes {
                if change
                    .from_flag
                    .as_deref()
                    .is_some_and(|id| !flags.contains(id))
                {
                    change.from_flag = None;
                }
            }
        }
    }

    /// Deletes the scenario (nothing else points at a scenario). Returns false if there is no
    /// such scenario.
    pub fn delete_scenario(&mut self, scenario_id: &str) -> bool {
        let before = self.scenarios.len();
        self.scenarios.retain(|s| s.id != scenario_id);
        self.scenarios.len() != before
    }

    /// Deletes the owner, and clears the owner of every touchpoint, metric and flag that named
    /// them (the work stays, unowned, where the Owners view lists it). Returns false if there is
    /// no such owner.
    pub fn delete_owner(&mut self, owner_id: &str) -> bool {
        let before = self.owners.len();
        self.owners.retain(|o| o.id != owner_id);
        if self.owners.len() == before {
            return false;
        }
        let clear = |owner: &mut Option<String>| {
            if owner.as_deref() == Some(owner_id) {
                *owner = None;
            }
        };
        self.touchpoints
            .iter_mut()
            .for_each(|t| clear(&mut t.owner));
        self.metrics.iter_mut().for_each(|m| clear(&mut m.owner));
        self.flags.iter_mut().for_each(|f| clear(&mut f.owner));
        true
    }

    /// Deletes the metric and takes it off every flag that counted on it. Returns false if
    /// there is no such metric.
    pub fn delete_metric(&mut self, metric_id: &str) -> bool {
        let before = self.metrics.len();
        self.metrics.retain(|m| m.id != metric_id);
        if self.metrics.len() == before {
            return false;
        }
        for flag in &mut self.flags {
            flag.metrics.retain(|m| m != metric_id);
        }
        true
    }

    /// Deletes the case (nothing else points at a case). Returns false if there is no such case.
    pub fn delete_case(&mut self, case_id: &str) -> bool {
        let before = self.cases.len();
        self.cases.retain(|c| c.id != case_id);
        self.cases.len() != before
    }

    /// Deletes the flag; the scenario changes made from it stay, without the link. Returns
    /// false if there is no such flag.
    pub fn delete_flag(&mut self, flag_id: &str) -> bool {
        let before = self.flags.len();
        self.flags.retain(|f| f.id != flag_id);
        if self.flags.len() == before {
            return false;
        }
        self.forget_missing_flags_in_scenarios();
        true
    }

    /// Gives the touchpoint to the owner, with the flags there that nobody (or an owner who is
    /// gone) holds yet: whoever owns a moment owns the work agreed on it. Flags another owner
    /// already holds stay theirs. Returns false if there is no such touchpoint.
    pub fn assign_touchpoint(&mut self, touchpoint_id: &str, owner_id: &str) -> bool {
        let Some(index) = self.touchpoint_index(touchpoint_id) else {
            return false;
        };
        let unheld: Vec<bool> = self
            .flags
            .iter()
            .map(|f| f.owner.as_deref().is_none_or(|o| self.owner(o).is_none()))
            .collect();
        if let Some(touchpoint) = self.touchpoints.get_mut(index) {
            touchpoint.owner = Some(owner_id.to_owned());
        }
        for (flag, unheld) in self.flags.iter_mut().zip(unheld) {
            if unheld && flag.touchpoint == touchpoint_id {
                flag.owner = Some(owner_id.to_owned());
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Case, FlagKind, Journey, Metric, Owner, Touchpoint};

    fn journey() -> Journey {
        let mut journey = Journey {
            touchpoints: vec![
                Touchpoint::new("park", "Parking", "during"),
                Touchpoint::new("pay", "Pay", "during"),
            ],
            owners: vec![Owner {
                id: "ops".into(),
                name: "Ops".into(),
                role: String::new(),
                process: String::new(),
            }],
            ..Journey::default()
        };
        journey.touchpoints[0].owner = Some("ops".into());
        journey.metrics = vec![Metric {
            id: "wait".into(),
            name: "Wait".into(),
            unit: String::new(),
            current: None,
            target: None,
            better: Default::default(),
            level: Default::default(),
            sla: String::new(),
            owner: Some("ops".into()),
            touchpoints: vec!["park".into(), "pay".into()],
            history: Vec::new(),
        }];
        let mut case = Case::new("c1", "Noa");
        case.scores.insert("park".into(), -4.0);
        case.scores.insert("pay".into(), 1.0);
        case.notes.insert("park".into(), "full".into());
        journey.cases = vec![case];
        let mut flag = journey.new_flag("park", FlagKind::Negative, true).unwrap();
        flag.id = "f1".into();
        journey.flags = vec![flag];
        let mut other = journey.new_flag("pay", FlagKind::Positive, false).unwrap();
        other.id = "f2".into();
        journey.flags.push(other);
        assert!(journey.validate().is_empty(), "{:?}", journey.validate());
        journey
    }

    #[test]
    fn deleting_a_touchpoint_takes_its_scores_notes_flags_and_metric_links() {
        let mut j = journey();
        assert!(j.delete_touchpoint("park"));
        assert!(j.touchpoint("park").is_none());
        assert!(!j.cases[0].scores.contains_key("park"));
        assert!(!j.cases[0].notes.contains_key("park"));
        assert_eq!(j.cases[0].scores.get("pay"), Some(&1.0));
        assert_eq!(j.metrics[0].touchpoints, vec!["pay".to_owned()]);
        assert_eq!(j.flags.len(), 1);
        assert_eq!(j.flags[0].id, "f2");
        assert!(j.validate().is_empty());
        let before = j.clone();
        assert!(
            !j.delete_touchpoint("park"),
            "a second time: nothing to delete"
        );
        assert_eq!(j, before);
    }

    #[test]
    fn deleting_an_owner_clears_what_pointed_at_them() {
        let mut j = journey();
        assert!(j.flags[0].owner.is_some());
        assert!(j.delete_owner("ops"));
        assert!(j.owners.is_empty());
        assert!(j.touchpoints.iter().all(|t| t.owner.is_none()));
        assert!(j.metrics[0].owner.is_none());
        assert!(j.flags.iter().all(|f| f.owner.is_none()));
        assert_eq!(j.flags.len(), 2, "the work stays, unowned");
        assert!(j.validate().is_empty());
        assert!(!j.delete_owner("ops"));
    }

    #[test]
    fn deleting_a_metric_takes_it_off_the_flags() {
        let mut j = journey();
        assert!(j.flags[0].metrics.contains(&"wait".to_owned()));
        assert!(j.delete_metric("wait"));
        assert!(j.metrics.is_empty());
        assert!(j.flags.iter().all(|f| f.metrics.is_empty()));
        assert!(j.validate().is_empty());
        assert!(!j.delete_metric("wait"));
    }

    #[test]
    fn deleting_a_case_or_a_flag_takes_just_that() {
        let mut j = journey();
        assert!(j.delete_case("c1"));
        assert!(j.cases.is_empty());
        assert!(!j.delete_case("c1"));
        assert!(j.delete_flag("f1"));
        assert_eq!(j.flags.len(), 1);
        assert!(!j.delete_flag("f1"));
    }

    fn with_scenario(mut j: Journey) -> Journey {
        use crate::model::{Change, ChangeKind, Scenario};
        let drawn = ChangeKind::Drawn {
            pattern: None,
            curve: [("park".to_owned(), 1.0), ("pay".to_owned(), 2.0)].into(),
        };
        j.scenarios.push(Scenario {
            id: "s1".into(),
            name: "to-be".into(),
            changes: vec![
                Change::from_flag(&j.flags[0]),
                Change {
                    touchpoint: "pay".into(),
                    kind: ChangeKind::Amplify { by: 1.0 },
                    from_flag: Some("f1".into()),
                },
                Change {
                    touchpoint: "pay".into(),
                    kind: drawn,
                    from_flag: None,
                },
            ],
        });
        assert!(j.validate().is_empty(), "{:?}", j.validate());
        j
    }

    #[test]
    fn deleting_a_touchpoint_takes_its_scenario_changes_and_drawn_points() {
        use crate::model::ChangeKind;
        let mut j = with_scenario(journey());
        assert!(j.delete_touchpoint("park"));
        let changes = &j.scenarios[0].changes;
        assert_eq!(changes.len(), 2, "the change at park went: {changes:?}");
        assert_eq!(
            changes[0].from_flag, None,
            "f1 went with park, so the change at pay no longer names it"
        );
        let ChangeKind::Drawn { curve, .. } = &changes[1].kind else {
            panic!("{changes:?}")
        };
        assert_eq!(curve.keys().collect::<Vec<_>>(), ["pay"]);
        assert!(j.validate().is_empty(), "{:?}", j.validate());
    }

    #[test]
    fn deleting_a_flag_keeps_the_change_made_from_it_without_the_link() {
        let mut j = with_scenario(journey());
        assert!(j.delete_flag("f1"));
        let changes = &j.scenarios[0].changes;
        assert_eq!(changes.len(), 3);
        assert!(changes.iter().all(|c| c.from_flag.is_none()));
        assert!(j.validate().is_empty(), "{:?}", j.validate());
        assert!(j.delete_scenario("s1"));
        assert!(!j.delete_scenario("s1"));
        assert!(j.scenarios.is_empty());
    }

    #[test]
    fn assigning_a_touchpoint_brings_its_unheld_flags_along() {
        let mut j = journey();
        j.owners.push(Owner {
            id: "dana".into(),
            name: "Dana".into(),
            role: String::new(),
            process: String::new(),
        });
        // f1 at park is held by ops; f2 at pay by nobody.
        j.flags[1].owner = None;
        assert!(j.assign_touchpoint("pay", "dana"));
        assert_eq!(j.touchpoint("pay").unwrap().owner.as_deref(), Some("dana"));
        assert_eq!(j.flags[1].owner.as_deref(), Some("dana"));
        assert!(j.assign_touchpoint("park", "dana"));
        assert_eq!(
            j.flags[0].owner.as_deref(),
            Some("ops"),
            "a flag someone holds stays theirs"
        );
        assert!(!j.assign_touchpoint("nowhere", "dana"));
    }
}
