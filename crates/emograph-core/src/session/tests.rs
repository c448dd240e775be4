//! The session core's promises: every edit applies and undoes, every bad edit is refused without
//! a trace, deletions cascade, an edit log replays to the same journey, and an edit of one case
//! copies one case.

use std::sync::Arc;

use super::*;
use crate::model::{
    Case, Change, ChangeKind, Flag, FlagKind, Journey, Metric, Owner, Phase, Scale, Scenario,
    Touchpoint,
};

fn owner(id: &str, name: &str) -> Owner {
    Owner {
        id: id.into(),
        name: name.into(),
        role: String::new(),
        process: String::new(),
    }
}

fn metric(id: &str, name: &str, touchpoints: &[&str]) -> Metric {
    Metric {
        id: id.into(),
        name: name.into(),
        unit: "min".into(),
        current: Some(14.0),
        target: Some(5.0),
        better: Default::default(),
        level: Default::default(),
        sla: String::new(),
        owner: Some("ops".into()),
        touchpoints: touchpoints.iter().map(|t| (*t).to_owned()).collect(),
        history: Vec::new(),
    }
}

/// A small sound journey: two touchpoints, an owner, a metric, two cases, a flag.
fn journey() -> Journey {
    let mut journey = Journey {
        title: "Cinema".into(),
        ..Journey::default()
    };
    journey.touchpoints = vec![
        Touchpoint::new("park", "Parking", "during"),
        Touchpoint::new("pay", "Pay", "during"),
    ];
    journey.owners = vec![owner("ops", "Ops")];
    journey.touchpoints[0].owner = Some("ops".into());
    journey.metrics = vec![metric("wait", "Wait", &["park"])];
    for (id, score) in [("c1", -4.0), ("c2", 2.0)] {
        let mut case = Case::new(id, id);
        case.scores.insert("park".into(), score);
        case.notes.insert("park".into(), "full".into());
        journey.cases.push(case);
    }
    let mut flag = journey.new_flag("park", FlagKind::Negative, true).unwrap();
    flag.id = "f1".into();
    journey.flags = vec![flag];
    assert!(journey.validate().is_empty(), "{:?}", journey.validate());
    journey
}

fn flag(journey: &Journey) -> Flag {
    journey.flags[0].clone()
}

/// One edit of every kind, each valid on the journey the ones before it leave.
fn every_edit(j: &Journey) -> Vec<Edit> {
    let mut renamed = j.touchpoints[1].clone();
    renamed.name = "Pay at the till".into();
    renamed.owner = Some("ops".into());
    let mut updated_owner = j.owners[0].clone();
    updated_owner.role = "Site manager".into();
    let mut updated_metric = j.metrics[0].clone();
    updated_metric.current = Some(9.0);
    let mut updated_flag = flag(j);
    updated_flag.due = Some("2027-01-31".into());
    let mut new_flag = flag(j);
    new_flag.id = "f2".into();
    new_flag.kind = FlagKind::Positive;
    new_flag.touchpoint = "pay".into();
    vec![
        Edit::SetTitle {
            title: "A cinema evening".into(),
        },
        Edit::SetDescription {
            description: "Friday night".into(),
        },
        Edit::AddPhase {
            phase: Phase::new("home", "At home"),
        },
        Edit::RenamePhase {
            phase_id: "home".into(),
            name: "Back home".into(),
        },
        Edit::AddTouchpoint {
            touchpoint: Touchpoint::new("ticket", "Buy a ticket", "before"),
            before: Some("park".into()),
        },
        Edit::UpdateTouchpoint {
            touchpoint: renamed,
        },
        Edit::MoveTouchpoint {
            touchpoint_id: "pay".into(),
            before: Some("park".into()),
        },
        Edit::AddCase {
            case: Case::new("c3", "Student"),
        },
        Edit::SetCaseLabel {
            case_id: "c3".into(),
            label: "A student".into(),
        },
        Edit::SetCaseSegment {
            case_id: "c3".into(),
            segment: "students".into(),
        },
        Edit::SetCaseSource {
            case_id: "c3".into(),
            source: "Noa".into(),
        },
        Edit::SetScore {
            case_id: "c3".into(),
            touchpoint_id: "ticket".into(),
            score: Some(-2.5),
        },
        Edit::SetScore {
            case_id: "c1".into(),
            touchpoint_id: "park".into(),
            score: None,
        },
        Edit::SetNote {
            case_id: "c3".into(),
            touchpoint_id: "ticket".into(),
            note: "the app crashed".into(),
        },
        Edit::AddOwner {
            owner: owner("dana", "Dana"),
        },
        Edit::UpdateOwner {
            owner: updated_owner,
        },
        Edit::AssignTouchpoint {
            touchpoint_id: "ticket".into(),
            owner_id: "dana".into(),
        },
        Edit::AddMetric {
            metric: metric("queue", "Queue", &["pay", "ticket"]),
        },
        Edit::UpdateMetric {
            metric: updated_metric,
        },
        Edit::AddFlag { flag: new_flag },
        Edit::UpdateFlag { flag: updated_flag },
        Edit::AddScenario {
            scenario: scenario(Vec::new()),
        },
        Edit::AddChangeFromFlag {
            scenario_id: "s1".into(),
            flag_id: "f2".into(),
        },
        Edit::UpdateScenario {
            scenario: scenario(vec![Change {
                touchpoint: "pay".into(),
                kind: ChangeKind::ShortenResponse { factor: 0.25 },
                from_flag: Some("f2".into()),
            }]),
        },
        Edit::DeleteFlag {
            flag_id: "f2".into(),
        },
        Edit::DeleteMetric {
            metric_id: "queue".into(),
        },
        Edit::DeleteOwner {
            owner_id: "dana".into(),
        },
        Edit::DeleteCase {
            case_id: "c2".into(),
        },
        Edit::DeleteTouchpoint {
            touchpoint_id: "park".into(),
        },
        Edit::DeleteScenario {
            scenario_id: "s1".into(),
        },
    ]
}

fn scenario(changes: Vec<Change>) -> Scenario {
    Scenario {
        id: "s1".into(),
        name: "to-be 2027".into(),
        changes,
    }
}

#[test]
fn a_flag_becomes_a_scenario_change_in_one_undoable_edit() {
    let mut doc = Document::new(journey(), None);
    doc.apply(Edit::AddScenario {
        scenario: scenario(Vec::new()),
    })
    .unwrap();
    let before = doc.journey().clone();
    let applied = doc
        .apply(Edit::AddChangeFromFlag {
            scenario_id: "s1".into(),
            flag_id: "f1".into(),
        })
        .unwrap();
    assert_eq!(applied.label, "Scenario to-be 2027: prevent at Parking");
    let flag = doc.journey().flags[0].clone();
    assert_eq!(
        doc.journey().scenarios[0].changes,
        [Change {
            touchpoint: flag.touchpoint.clone(),
            kind: ChangeKind::Prevent,
            from_flag: Some("f1".into()),
        }]
    );
    assert_eq!(
        doc.apply(Edit::AddChangeFromFlag {
            scenario_id: "s1".into(),
            flag_id: "f1".into(),
        }),
        Err(EditError::AlreadyInScenario),
        "the same flag twice would count its effect twice"
    );
    doc.undo();
    assert_eq!(*doc.journey(), before);
}

#[test]
fn scenario_edits_out_of_range_or_naming_nothing_are_refused() {
    let mut doc = Document::new(journey(), None);
    let bad = |kind: ChangeKind, touchpoint: &str, flag: Option<&str>| Edit::AddScenario {
        scenario: scenario(vec![Change {
            touchpoint: touchpoint.into(),
            kind,
            from_flag: flag.map(str::to_owned),
        }]),
    };
    let before = doc.journey().clone();
    for (edit, why) in [
        (
            bad(ChangeKind::ShortenResponse { factor: 1.5 }, "pay", None),
            "not between 0 and 1",
        ),
        (
            bad(
                ChangeKind::ShortenResponse { factor: f64::NAN },
                "pay",
                None,
            ),
            "not between 0 and 1",
        ),
        (
            bad(ChangeKind::Amplify { by: -1.0 }, "pay", None),
            "above 0",
        ),
        (
            bad(
                ChangeKind::Drawn {
                    pattern: None,
                    curve: [("pay".to_owned(), 7.0)].into(),
                },
                "pay",
                None,
            ),
            "outside the scale",
        ),
        (bad(ChangeKind::Prevent, "nowhere", None), "no touchpoint"),
        (bad(ChangeKind::Prevent, "pay", Some("f9")), "no flag"),
        (
            Edit::AddChangeFromFlag {
                scenario_id: "s9".into(),
                flag_id: "f1".into(),
            },
            "no scenario",
        ),
    ] {
        let error = doc.apply(edit.clone()).expect_err("refused");
        assert!(error.to_string().contains(why), "{edit:?}: {error}");
        assert_eq!(*doc.journey(), before);
    }
}

#[test]
fn every_edit_applies_keeps_the_journey_sound_and_undoes() {
    let original = journey();
    let mut doc = Document::new(original.clone(), None);
    let mut states = vec![original.clone()];
    for edit in every_edit(&original) {
        let before = doc.journey().clone();
        let applied = doc
            .apply(edit.clone())
            .unwrap_or_else(|e| panic!("{edit:?} was refused: {e}"));
        assert_ne!(*doc.journey(), before, "{edit:?} changed nothing");
        assert_eq!(applied.revision, doc.revision());
        assert!(
            doc.journey().validate().is_empty(),
            "{edit:?} left {:?}",
            doc.journey().validate()
        );
        states.push(doc.journey().clone());
    }
    for expected in states.iter().rev().skip(1) {
        assert!(doc.undo().is_some());
        assert_eq!(doc.journey(), expected);
    }
    assert!(!doc.is_dirty());
    while doc.redo().is_some() {}
    assert_eq!(doc.journey(), states.last().unwrap());
}

#[test]
fn bad_edits_are_refused_and_change_nothing() {
    let j = journey();
    let long = "x".repeat(crate::model::limits::MAX_TEXT_CHARS + 1);
    let mut orphan_flag = flag(&j);
    orphan_flag.id = "f9".into();
    orphan_flag.owner = Some("nobody".into());
    let mut bad_due = flag(&j);
    bad_due.due = Some("31.12.2026".into());
    let mut unnamed_owner = j.owners[0].clone();
    unnamed_owner.name = " ".into();
    let mut nan_metric = j.metrics[0].clone();
    nan_metric.target = Some(f64::NAN);
    let mut off_scale_case = Case::new("c9", "");
    off_scale_case.scores.insert("park".into(), 7.0);
    let mut unknown_phase = j.touchpoints[0].clone();
    unknown_phase.phase = "later".into();
    let score = |case_id: &str, touchpoint_id: &str, score: f64| Edit::SetScore {
        case_id: case_id.into(),
        touchpoint_id: touchpoint_id.into(),
        score: Some(score),
    };
    let refused: Vec<(Edit, &str)> = vec![
        (score("c1", "park", 5.5), "off the scale"),
        (score("c1", "park", f64::NAN), "must be a number"),
        (score("c1", "park", f64::INFINITY), "must be a number"),
        (score("nobody", "park", 1.0), "no case “nobody”"),
        (score("c1", "gone", 1.0), "no touchpoint “gone”"),
        (
            Edit::AddTouchpoint {
                touchpoint: Touchpoint::new("park", "Again", "during"),
                before: None,
            },
            "already a touchpoint with the id “park”",
        ),
        (
            Edit::AddTouchpoint {
                touchpoint: Touchpoint::new("new", "  ", "during"),
                before: None,
            },
            "needs a name",
        ),
        (
            Edit::AddTouchpoint {
                touchpoint: Touchpoint::new("new", "New", "during"),
                before: Some("gone".into()),
            },
            "no touchpoint “gone”",
        ),
        (
            Edit::UpdateTouchpoint {
                touchpoint: unknown_phase,
            },
            "no phase “later”",
        ),
        (
            Edit::MoveTouchpoint {
                touchpoint_id: "park".into(),
                before: Some("park".into()),
            },
            "before itself",
        ),
        (
            Edit::AddCase {
                case: Case::new("c1", "Twin"),
            },
            "already a case",
        ),
        (
            Edit::AddCase {
                case: Case::new(" ", "No id"),
            },
            "needs an id",
        ),
        (
            Edit::AddCase {
                case: off_scale_case,
            },
            "off the scale",
        ),
        (
            Edit::SetTitle {
                title: long.clone(),
            },
            "longer than",
        ),
        (
            Edit::SetNote {
                case_id: "c1".into(),
                touchpoint_id: "park".into(),
                note: long,
            },
            "longer than",
        ),
        (
            Edit::UpdateOwner {
                owner: unnamed_owner,
            },
            "an owner needs a name",
        ),
        (
            Edit::DeleteOwner {
                owner_id: "nobody".into(),
            },
            "no owner",
        ),
        (
            Edit::AssignTouchpoint {
                touchpoint_id: "pay".into(),
                owner_id: "nobody".into(),
            },
            "no owner",
        ),
        (
            Edit::UpdateMetric { metric: nan_metric },
            "must be a number",
        ),
        (
            Edit::DeleteMetric {
                metric_id: "gone".into(),
            },
            "no metric",
        ),
        (Edit::AddFlag { flag: orphan_flag }, "no owner “nobody”"),
        (Edit::UpdateFlag { flag: bad_due }, "not a date"),
        (
            Edit::DeleteFlag {
                flag_id: "gone".into(),
            },
            "no flag",
        ),
        (
            Edit::RenamePhase {
                phase_id: "gone".into(),
                name: "x".into(),
            },
            "no phase",
        ),
        (
            Edit::AddPhase {
                phase: Phase::new("during", "Again"),
            },
            "already a phase",
        ),
    ];
    let mut doc = Document::new(j.clone(), None);
    // A history to keep intact, and an open gesture a refused edit must not end.
    doc.apply_in_gesture("title", Edit::SetTitle { title: "C".into() })
        .unwrap();
    let (journey_before, revision, history) =
        (doc.journey().clone(), doc.revision(), doc.history().0.len());
    for (edit, said) in refused {
        let error = doc.apply(edit.clone()).expect_err(&format!("{edit:?}"));
        let message = error.to_string();
        assert!(message.contains(said), "{edit:?}: {message}");
        assert!(
            !message.contains("Edit") && !message.contains("_id"),
            "{message}"
        );
        assert_eq!(
            *doc.journey(),
            journey_before,
            "{edit:?} changed the journey"
        );
        assert_eq!(doc.revision(), revision, "{edit:?} changed the revision");
        assert_eq!(doc.history().0.len(), history);
    }
    // The gesture is still open: the next keystroke joins it.
    doc.apply_in_gesture("title", Edit::SetTitle { title: "Ci".into() })
        .unwrap();
    assert_eq!(doc.history().0.len(), history);
}

#[test]
fn an_empty_title_or_touchpoint_name_is_allowed_while_editing() {
    // A field that refused the keystroke emptying it would fight a user retyping it; saving
    // refuses instead (see `save_problems`).
    let j = journey();
    let mut doc = Document::new(j.clone(), None);
    doc.apply(Edit::SetTitle {
        title: String::new(),
    })
    .unwrap();
    let mut unnamed = j.touchpoints[1].clone();
    unnamed.name = String::new();
    doc.apply(Edit::UpdateTouchpoint {
        touchpoint: unnamed,
    })
    .unwrap();
    assert_eq!(
        save_problems(doc.journey()),
        vec![
            "The journey: the title is empty".to_owned(),
            "Touchpoint 2 (no name yet): the touchpoint's name is empty".to_owned(),
        ]
    );
}

#[test]
fn deletions_cascade_through_apply_in_one_undo_step() {
    let j = journey();
    let mut doc = Document::new(j.clone(), None);
    doc.apply(Edit::DeleteTouchpoint {
        touchpoint_id: "park".into(),
    })
    .unwrap();
    let after = doc.journey();
    assert!(
        after
            .cases
            .iter()
            .all(|c| c.scores.is_empty() && c.notes.is_empty())
    );
    assert!(after.flags.is_empty());
    assert!(after.metrics[0].touchpoints.is_empty());
    assert!(after.validate().is_empty());
    doc.undo();
    assert_eq!(*doc.journey(), j);

    doc.apply(Edit::DeleteOwner {
        owner_id: "ops".into(),
    })
    .unwrap();
    let after = doc.journey();
    assert!(after.touchpoints.iter().all(|t| t.owner.is_none()));
    assert!(after.metrics.iter().all(|m| m.owner.is_none()));
    assert!(after.flags.iter().all(|f| f.owner.is_none()));
    doc.undo();
    doc.apply(Edit::DeleteMetric {
        metric_id: "wait".into(),
    })
    .unwrap();
    assert!(doc.journey().flags.iter().all(|f| f.metrics.is_empty()));
    assert!(doc.journey().validate().is_empty());
    assert_eq!(doc.history().0.len(), 1);
}

#[test]
fn an_edit_log_replays_to_the_same_journey_through_json_and_ron() {
    let original = journey();
    let log = every_edit(&original);
    let mut doc = Document::new(original.clone(), None);
    for edit in log.clone() {
        doc.apply(edit).unwrap();
    }
    let json = serde_json::to_string(&log).unwrap();
    let ron_text = ron::to_string(&log).unwrap();
    for (format, replayed_log) in [
        ("json", serde_json::from_str::<Vec<Edit>>(&json).unwrap()),
        ("ron", ron::from_str::<Vec<Edit>>(&ron_text).unwrap()),
    ] {
        assert_eq!(replayed_log, log, "{format} round trip");
        let mut copy = Document::new(original.clone(), None);
        for edit in replayed_log {
            copy.apply(edit).unwrap();
        }
        assert_eq!(copy.journey(), doc.journey(), "{format} replay");
    }
}

#[test]
fn an_edit_of_one_case_copies_that_case_alone() {
    let mut j = journey();
    j.cases = (0..1000)
        .map(|i| {
            let mut case = Case::new(&format!("c{i}"), "");
            case.scores.insert("park".into(), 1.0);
            case
        })
        .collect();
    let mut doc = Document::new(j, None);
    let score = |case_id: &str, value: f64| Edit::SetScore {
        case_id: case_id.into(),
        touchpoint_id: "park".into(),
        score: Some(value),
    };
    doc.apply(score("c7", 2.0)).unwrap();
    doc.apply(score("c500", 3.0)).unwrap();
    doc.apply(Edit::SetCaseLabel {
        case_id: "c9".into(),
        label: "Nine".into(),
    })
    .unwrap();
    let steps = doc.undo_steps();
    let (older, newer) = (&steps[1], &steps[2]);
    let differing: Vec<usize> = (0..1000)
        .filter(|&i| !Arc::ptr_eq(&older[i], &newer[i]))
        .collect();
    assert_eq!(
        differing,
        vec![500],
        "only the case the step changed is copied"
    );
    // And undo restores exactly, shared cases and all.
    doc.undo();
    doc.undo();
    assert_eq!(doc.journey().cases[500].scores["park"], 1.0);
    assert_eq!(doc.journey().cases[7].scores["park"], 2.0);
}

#[test]
fn scores_on_a_survey_scale_follow_the_journey_scale() {
    let mut j = journey();
    j.scale = Scale {
        min: -5.0,
        max: 5.0,
        ..Scale::default()
    };
    let mut doc = Document::new(j, None);
    for (score, ok) in [(5.0, true), (-5.0, true), (5.01, false), (-5.5, false)] {
        let result = doc.apply(Edit::SetScore {
            case_id: "c1".into(),
            touchpoint_id: "pay".into(),
            score: Some(score),
        });
        assert_eq!(result.is_ok(), ok, "{score}: {result:?}");
    }
}

/// A refusal in Hebrew says what was wrong in Hebrew, with the id or number it is about; the
/// same refusal in English reads as before.
#[test]
fn refusals_are_said_in_hebrew() {
    use crate::i18n::{Lang, with_language};
    let j = journey();
    let mut doc = Document::new(j.clone(), None);
    let long = "x".repeat(crate::model::limits::MAX_TEXT_CHARS + 1);
    let cases: Vec<(Edit, &str, &[&str])> = vec![
        (
            Edit::SetScore {
                case_id: "c1".into(),
                touchpoint_id: "park".into(),
                score: Some(7.5),
            },
            "the score 7.5 is off the scale: scores run from -5 to 5",
            &["הציון", "מחוץ לסולם", "7.5", "-5"],
        ),
        (
            Edit::DeleteOwner {
                owner_id: "nobody".into(),
            },
            "there is no owner “nobody” in this journey (was it deleted?)",
            &["אין במסע הזה אחראי", "nobody"],
        ),
        (
            Edit::AddTouchpoint {
                touchpoint: Touchpoint::new("park", "Again", "during"),
                before: None,
            },
            "there is already a touchpoint with the id “park”",
            &["כבר יש נקודת מגע עם המזהה", "park"],
        ),
        (
            Edit::SetTitle { title: long },
            "the title is longer than 10000 characters",
            &["אורך הכותרת", "10000"],
        ),
        (
            Edit::AddPhase {
                phase: Phase::new("new", " "),
            },
            "a phase needs a name",
            &["צריך לתת שם לשלב"],
        ),
        (
            Edit::UpdateScenario {
                scenario: Scenario {
                    id: "s".into(),
                    name: "S".into(),
                    changes: Vec::new(),
                },
            },
            "there is no scenario “s” in this journey (was it deleted?)",
            &["אין במסע הזה תרחיש", "“s”"],
        ),
    ];
    for (edit, english, hebrew) in cases {
        let error = doc.apply(edit.clone()).expect_err(&format!("{edit:?}"));
        assert_eq!(error.to_string(), english);
        let said =
            with_language(Lang::Hebrew, || error.to_string()).replace(['\u{2068}', '\u{2069}'], "");
        for word in hebrew {
            assert!(said.contains(word), "{said} lacks {word}");
        }
        let latin: Vec<&str> = said
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1 && !matches!(*w, "nobody" | "park"))
            .collect();
        assert!(latin.is_empty(), "English in {said}: {latin:?}");
    }
}
