// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Journey files: the bundled samples load and validate, saving is lossless and byte-stable,
//! a failed save never damages the file on disk, and version problems get messages about versions.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use emograph::io::{self as jio, LoadError};
use emograph::model::{
    Action, Anchor, Better, Case, Flag, FlagKind, Journey, Metric, MetricLevel, Office, Owner,
    Phase, Scale, SourceScale, Status, Touchpoint,
};
use proptest::prelude::*;
use proptest::sample::Index;

fn bundled_journeys() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        panic!("{} is missing", dir.display());
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Journey {
    match jio::load_journey(path) {
        Ok(journey) => journey,
        Err(e) => panic!("{e}"),
    }
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("no temp dir: {e}"),
    }
}

fn read(path: &Path) -> Vec<u8> {
    match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}

#[test]
fn every_bundled_journey_loads_validates_and_is_rich_enough_to_demonstrate_the_features() {
    let files = bundled_journeys();
    let names: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    for expected in [
        "bank-complaint-he.ron",
        "cable-tv-subscription.ron",
        "cinema-evening.ron",
        "product-return.ron",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }
    let mut with_time_axis = 0;
    for file in &files {
        let journey = load(file);
        let name = file.display();
        assert!(
            journey.validate().is_empty(),
            "{name}: {:?}",
            journey.validate()
        );
        let phase_ids: Vec<&str> = journey.phases.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(phase_ids, ["before", "during", "after"], "{name}");
        assert!((6..=9).contains(&journey.touchpoints.len()), "{name}");
        assert!(
            journey.cases.len() >= 14,
            "{name}: {} cases",
            journey.cases.len()
        );
        assert!((3..=5).contains(&journey.owners.len()), "{name}");
        assert!((4..=6).contains(&journey.metrics.len()), "{name}");
        assert!((2..=4).contains(&journey.flags.len()), "{name}");
        // Every touchpoint is used by some case, every case has notes, some cases skip touchpoints.
        for tp in &journey.touchpoints {
            assert!(
                journey.cases.iter().any(|c| c.scores.contains_key(&tp.id)),
                "{name}: nobody scored {}",
                tp.id
            );
            assert!(
                !tp.channel.is_empty() && !tp.process.is_empty(),
                "{name}: {}",
                tp.id
            );
            assert!(tp.owner.is_some(), "{name}: {} has no owner", tp.id);
        }
        assert!(
            journey
                .cases
                .iter()
                .all(|c| !c.notes.is_empty() && !c.source.is_empty())
        );
        assert!(
            journey
                .cases
                .iter()
                .any(|c| c.scores.len() < journey.touchpoints.len())
        );
        let segments: std::collections::BTreeSet<&str> =
            journey.cases.iter().map(|c| c.segment.as_str()).collect();
        assert!(segments.len() >= 3, "{name}: segments {segments:?}");
        // Scores in half steps, as a workshop would mark them.
        for case in &journey.cases {
            for score in case.scores.values() {
                assert_eq!(
                    (score * 2.0).fract(),
                    0.0,
                    "{name}: {} has {score}",
                    case.id
                );
            }
        }
        let levels: std::collections::BTreeSet<&str> =
            journey.metrics.iter().map(|m| m.level.label()).collect();
        assert!(levels.len() >= 3, "{name}: metric levels {levels:?}");
        assert!(journey.flags.iter().any(|f| f.kind == FlagKind::Negative));
        assert!(journey.flags.iter().any(|f| f.kind == FlagKind::Positive));
        if journey.touchpoints.iter().all(|t| t.time_offset.is_some())
            && !journey.time_unit.is_empty()
        {
            with_time_axis += 1;
        }
        let is_hebrew = file.ends_with("bank-complaint-he.ron");
        assert_eq!(journey.is_rtl(), is_hebrew, "{name}");
    }
    assert!(with_time_axis >= 1, "no bundled journey has a time axis");
}

#[test]
fn bundled_journeys_are_stored_exactly_as_emograph_writes_them() {
    // Opening and saving a sample without changes must not produce a diff.
    for file in bundled_journeys() {
        let journey = load(&file);
        let Ok(written) = jio::to_ron_string(&journey) else {
            panic!("{}: cannot serialise", file.display());
        };
        let on_disk = String::from_utf8_lossy(&read(&file)).into_owned();
        assert!(
            written == on_disk,
            "{} is not in canonical form",
            file.display()
        );
    }
}

#[test]
fn load_save_load_gives_an_equal_journey_and_saving_twice_gives_identical_bytes() {
    let dir = temp_dir();
    for file in bundled_journeys() {
        let journey = load(&file);
        let Some(name) = file.file_name() else {
            panic!("no file name");
        };
        let copy = dir.path().join(name);
        assert!(jio::save_journey(&copy, &journey).is_ok());
        let reloaded = load(&copy);
        assert_eq!(reloaded, journey, "{}", file.display());
        let first = read(&copy);
        // Saving again over the same path and to a fresh one gives the same bytes.
        assert!(jio::save_journey(&copy, &reloaded).is_ok());
        assert_eq!(read(&copy), first);
        let other = dir.path().join("other.ron");
        assert!(jio::save_journey(&other, &reloaded).is_ok());
        assert_eq!(read(&other), first);
    }
}

#[test]
fn a_save_that_fails_midway_leaves_the_previous_file_byte_identical() {
    let dir = temp_dir();
    let path = dir.path().join("journey.ron");
    // The largest sample: version 2 files are compact, and the write must outgrow the buffer.
    let Some(sample) = bundled_journeys()
        .into_iter()
        .max_by_key(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
    else {
        panic!("no bundled journey");
    };
    let journey = load(&sample);
    assert!(jio::save_journey(&path, &journey).is_ok());
    let before = read(&path);

    // The new version is different and large enough to pass the write buffer before failing.
    let mut changed = journey.clone();
    changed.title = "A new title that never reaches the disk".to_owned();
    let Ok(text) = jio::to_ron_string(&changed) else {
        panic!("cannot serialise");
    };
    let half = &text.as_bytes()[..text.len() / 2];
    assert!(
        half.len() > 8 * 1024,
        "make the test journey bigger than the write buffer"
    );
    let result = jio::write_atomic(&path, |w| {
        w.write_all(half)?;
        w.flush()?;
        Err(io::Error::other("disk full"))
    });
    let Err(error) = result else {
        panic!("the failing save reported success");
    };
    assert_eq!(error.to_string(), "disk full");
    assert_eq!(read(&path), before, "the old file was damaged");
    assert_eq!(load(&path), journey);

    // No half-written temporary file is left next to it.
    let Ok(entries) = std::fs::read_dir(dir.path()) else {
        panic!("cannot list the temp dir");
    };
    let left: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["journey.ron"]);
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = temp_dir();
    let path = dir.path().join("no-such-folder").join("journey.ron");
    assert!(jio::save_journey(&path, &Journey::default()).is_err());
    assert!(!path.exists());
}

fn parse_error(text: &str) -> LoadError {
    match jio::parse_journey(text, Path::new("test.ron")) {
        Ok(_) => panic!("parsed:\n{text}"),
        Err(e) => e,
    }
}

#[test]
fn a_file_from_a_future_version_gets_a_message_naming_both_versions() {
    let text = "(\n    version: 99,\n    title: \"From the future\",\n    holograms: [],\n)\n";
    let error = parse_error(text);
    let [diagnostic] = error.diagnostics.as_slice() else {
        panic!("expected one message: {error}");
    };
    assert_eq!(diagnostic.position, Some((2, 14)));
    assert!(
        diagnostic.message.contains("version 99"),
        "{}",
        diagnostic.message
    );
    assert!(
        diagnostic.message.contains("up to 2"),
        "{}",
        diagnostic.message
    );
    // Not a complaint about the field it does not know yet.
    assert!(!diagnostic.message.contains("holograms"));
}

#[test]
fn a_future_file_that_happens_to_parse_is_still_refused() {
    // Nothing in it is new, but a newer emograph may mean something else by the same fields.
    let error = parse_error("(version: 3, title: \"Looks familiar\")");
    assert!(error.to_string().contains("format version 3"), "{error}");
}

#[test]
fn thousands_of_problems_are_listed_up_to_a_hundred_located_then_counted() {
    let mut text = String::from(
        "(\n    version: 1,\n    title: \"Wrong scale\",\n    touchpoints: [(id: \"t\", name: \"T\", phase: \"before\")],\n    cases: [\n",
    );
    for i in 0..5000 {
        text.push_str(&format!(
            "        (id: \"c{i}\", scores: {{\"t\": 9.0}}),\n"
        ));
    }
    text.push_str("    ],\n)\n");
    let error = parse_error(&text);
    assert_eq!(error.diagnostics.len(), 101);
    for (i, diagnostic) in error.diagnostics.iter().take(100).enumerate() {
        // Case i sits on line 6 + i; its score after `        (id: "cI", scores: {"t": `.
        let col = format!("        (id: \"c{i}\", scores: {{\"t\": ")
            .chars()
            .count()
            + 1;
        assert_eq!(diagnostic.position, Some((6 + i, col)), "{diagnostic}");
        assert!(diagnostic.message.contains("score 9"), "{diagnostic}");
    }
    let Some(last) = error.diagnostics.last() else {
        panic!("no diagnostics");
    };
    assert_eq!(last.position, None);
    assert!(last.message.contains("4900 more problems"), "{last}");
}

#[test]
fn a_file_without_a_version_says_so() {
    let error = parse_error("(\n    title: \"No version\",\n)\n");
    let [diagnostic] = error.diagnostics.as_slice() else {
        panic!("expected one message: {error}");
    };
    assert!(
        diagnostic.message.contains("missing `version: 2,`"),
        "{}",
        diagnostic.message
    );
    assert_eq!(diagnostic.position, Some((1, 1)));
}

#[test]
fn an_unknown_older_version_is_named() {
    let error = parse_error("(version: 0, title: \"Old\")");
    assert!(error.to_string().contains("format version 0"), "{error}");
}

// ---- Round trip of arbitrary valid journeys ----

/// Text that is hard on a serialiser: Hebrew, combining marks, emoji, bidi controls, quotes,
/// backslashes, newlines and RON's own punctuation.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "\\",
        "\n",
        "\r\n",
        "\t",
        "'",
        // Control characters and bidi controls are refused on load (tests/hostile_exports.rs).
        "\u{FEFF}",
        "👩‍👩‍👧",
        "e\u{301}",
        "ﬁ",
        "𝕏",
        "}",
        ")",
        "]",
        "//",
        "/*",
        "*/",
        "r#\"",
        "#",
        "\\u{41}",
        "שלום",
        "ערב בקולנוע",
        " ",
        "NaN",
        "None",
        "Some(",
        "𐤀",
    ]);
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        "[א-ת ]{0,12}",
        "\\PC{0,12}",
        prop::collection::vec(pieces, 0..6).prop_map(|v| v.concat()),
    ]
}

/// Finite numbers of every magnitude: time offsets and metric values are free-form.
fn finite() -> impl Strategy<Value = f64> {
    use prop::num::f64 as f;
    prop_oneof![
        f::POSITIVE | f::NEGATIVE | f::NORMAL | f::SUBNORMAL | f::ZERO,
        (-1000i32..1000).prop_map(|n| f64::from(n) / 4.0),
    ]
}

/// A score on the canonical scale: usually in half steps, sometimes any real in range.
fn score() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (-10i32..=10).prop_map(|k| f64::from(k) / 2.0),
        1 => -5.0f64..=5.0,
    ]
}

type TouchpointParts = (
    String,
    Index,
    String,
    bool,
    Option<f64>,
    String,
    Option<Index>,
);
type MetricParts = (
    (String, String, Option<f64>, Option<f64>, bool),
    (Index, String, Option<Index>, Vec<Index>),
);
type CaseParts = (
    String,
    String,
    String,
    String,
    Vec<(Index, f64)>,
    Vec<(Index, String)>,
);
type FlagParts = (
    (Index, bool, String, Option<Index>, Vec<Index>),
    (Index, String, Option<(u32, u32, u32)>, Index, bool),
);

#[derive(Debug, Clone)]
struct Parts {
    title: String,
    description: String,
    time_unit: String,
    anchors: Vec<(f64, String)>,
    source: Option<(i32, i32)>,
    phases: Vec<String>,
    touchpoints: Vec<TouchpointParts>,
    owners: Vec<(String, String, String)>,
    metrics: Vec<MetricParts>,
    cases: Vec<CaseParts>,
    flags: Vec<FlagParts>,
}

fn parts() -> impl Strategy<Value = Parts> {
    use prop::collection::vec;
    use prop::option::of;
    let touchpoint = (
        nasty_text(),
        any::<Index>(),
        nasty_text(),
        any::<bool>(),
        of(finite()),
        nasty_text(),
        of(any::<Index>()),
    );
    let metric = (
        (
            nasty_text(),
            nasty_text(),
            of(finite()),
            of(finite()),
            any::<bool>(),
        ),
        (
            any::<Index>(),
            nasty_text(),
            of(any::<Index>()),
            vec(any::<Index>(), 0..3),
        ),
    );
    let case = (
        nasty_text(),
        nasty_text(),
        nasty_text(),
        nasty_text(),
        vec((any::<Index>(), score()), 0..10),
        vec((any::<Index>(), nasty_text()), 0..3),
    );
    let flag = (
        (
            any::<Index>(),
            any::<bool>(),
            nasty_text(),
            of(any::<Index>()),
            vec(any::<Index>(), 0..3),
        ),
        (
            any::<Index>(),
            nasty_text(),
            of((1990u32..2100, 1u32..=12, 1u32..=28)),
            any::<Index>(),
            any::<bool>(),
        ),
    );
    (
        (nasty_text(), nasty_text(), nasty_text()),
        vec((score(), nasty_text()), 0..4),
        of((-100i32..100, 1i32..50)),
        vec(nasty_text(), 1..4),
        vec(touchpoint, 1..9),
        vec((nasty_text(), nasty_text(), nasty_text()), 0..4),
        vec(metric, 0..4),
        vec(case, 0..8),
        vec(flag, 0..4),
    )
        .prop_map(
            |(
                (title, description, time_unit),
                anchors,
                source,
                phases,
                touchpoints,
                owners,
                metrics,
                cases,
                flags,
            )| Parts {
                title,
                description,
                time_unit,
                anchors,
                source,
                phases,
                touchpoints,
                owners,
                metrics,
                cases,
                flags,
            },
        )
}

/// Ids made unique by a numeric prefix, with arbitrary text after it.
fn unique_id(i: usize, text: &str) -> String {
    format!("{i}:{text}")
}

fn pick<'a>(ids: &'a [String], index: &Index) -> Option<&'a String> {
    (!ids.is_empty()).then(|| &ids[index.index(ids.len())])
}

/// Builds a journey whose every reference points at something that exists.
fn build(p: Parts) -> Journey {
    let phases: Vec<Phase> = p
        .phases
        .iter()
        .enumerate()
        .map(|(i, name)| Phase::new(&unique_id(i, name), name))
        .collect();
    let phase_ids: Vec<String> = phases.iter().map(|ph| ph.id.clone()).collect();
    let owners: Vec<Owner> = p
        .owners
        .iter()
        .enumerate()
        .map(|(i, (name, role, process))| Owner {
            id: unique_id(i, name),
            name: format!("N{name}"),
            role: role.clone(),
            process: process.clone(),
        })
        .collect();
    let owner_ids: Vec<String> = owners.iter().map(|o| o.id.clone()).collect();
    let owner_ref = |index: &Option<Index>| {
        index
            .as_ref()
            .and_then(|index| pick(&owner_ids, index))
            .cloned()
    };
    let touchpoints: Vec<Touchpoint> = p
        .touchpoints
        .iter()
        .enumerate()
        .map(
            |(i, (name, phase, channel, back, time_offset, process, owner))| Touchpoint {
                id: unique_id(i, name),
                name: format!("T{name}"),
                phase: pick(&phase_ids, phase).cloned().unwrap_or_default(),
                channel: channel.clone(),
                office: if *back { Office::Back } else { Office::Front },
                time_offset: *time_offset,
                process: process.clone(),
                owner: owner_ref(owner),
            },
        )
        .collect();
    let tp_ids: Vec<String> = touchpoints.iter().map(|t| t.id.clone()).collect();
    let metrics: Vec<Metric> = p
        .metrics
        .iter()
        .enumerate()
        .map(
            |(i, ((name, unit, current, target, lower), (level, sla, owner, tps)))| Metric {
                id: unique_id(i, name),
                name: format!("M{name}"),
                unit: unit.clone(),
                current: *current,
                target: *target,
                better: if *lower {
                    Better::Lower
                } else {
                    Better::Higher
                },
                level: MetricLevel::ALL[level.index(MetricLevel::ALL.len())],
                sla: sla.clone(),
                owner: owner_ref(owner),
                touchpoints: tps
                    .iter()
                    .filter_map(|t| pick(&tp_ids, t).cloned())
                    .collect(),
                history: Vec::new(),
            },
        )
        .collect();
    let metric_ids: Vec<String> = metrics.iter().map(|m| m.id.clone()).collect();
    let cases: Vec<Case> = p
        .cases
        .iter()
        .enumerate()
        .map(|(i, (id, label, segment, source, scores, notes))| Case {
            id: unique_id(i, id),
            label: label.clone(),
            segment: segment.clone(),
            source: source.clone(),
            wave: segment.clone(),
            outcome: None,
            scores: scores
                .iter()
                .filter_map(|(t, s)| pick(&tp_ids, t).map(|t| (t.clone(), *s)))
                .collect::<BTreeMap<_, _>>(),
            notes: notes
                .iter()
                .filter_map(|(t, n)| pick(&tp_ids, t).map(|t| (t.clone(), n.clone())))
                .collect(),
        })
        .collect();
    let flags: Vec<Flag> = p
        .flags
        .iter()
        .enumerate()
        .map(
            |(
                i,
                ((tp, positive, note, owner, ms), (action, action_text, due, status, detected)),
            )| Flag {
                id: unique_id(i, note),
                touchpoint: pick(&tp_ids, tp).cloned().unwrap_or_default(),
                kind: if *positive {
                    FlagKind::Positive
                } else {
                    FlagKind::Negative
                },
                note: note.clone(),
                owner: owner_ref(owner),
                metrics: ms
                    .iter()
                    .filter_map(|m| pick(&metric_ids, m).cloned())
                    .collect(),
                action: Action::ALL[action.index(Action::ALL.len())],
                action_text: action_text.clone(),
                due: due.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
                status: Status::ALL[status.index(Status::ALL.len())],
                detected: *detected,
            },
        )
        .collect();
    Journey {
        title: format!("T{}", p.title),
        description: p.description,
        scale: Scale {
            anchors: p
                .anchors
                .iter()
                .map(|(v, label)| Anchor::new(*v, label))
                .collect(),
            source: p.source.map(|(min, span)| SourceScale {
                min: f64::from(min),
                max: f64::from(min + span),
            }),
            ..Scale::default()
        },
        phases,
        time_unit: p.time_unit,
        touchpoints,
        owners,
        metrics,
        cases,
        flags,
        ..Journey::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_journey_survives_to_ron_and_back(parts in parts()) {
        let journey = build(parts);
        prop_assert!(journey.validate().is_empty(), "generator made an invalid journey: {:?}", journey.validate());
        let text = match jio::to_ron_string(&journey) {
            Ok(text) => text,
            Err(e) => return Err(TestCaseError::fail(format!("cannot serialise: {e}"))),
        };
        let parsed = jio::from_ron_str(&text);
        prop_assert!(parsed.is_ok(), "{}\n--- text ---\n{}", parsed.err().map(|e| e.to_string()).unwrap_or_default(), text);
        let parsed = parsed.unwrap_or_default();
        prop_assert_eq!(&parsed, &journey);
        // And the text is stable: writing the parsed journey gives the same bytes.
        prop_assert_eq!(jio::to_ron_string(&parsed).ok(), Some(text));
    }
}

// ---- Damaged files never panic and always point inside the file ----

/// The Hebrew sample, the richest in multi-byte text.
fn hebrew_sample() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/bank-complaint-he.ron");
    String::from_utf8_lossy(&read(&path)).into_owned()
}

#[derive(Debug, Clone)]
enum Damage {
    Truncate(Index),
    Delete(Index, usize),
    Insert(Index, char),
}

fn damage() -> impl Strategy<Value = Damage> {
    let nasty = prop::sample::select(vec![
        ',', '(', ')', '[', ']', '{', '}', '"', '\\', ':', 'x', '9', '\n', '/', '*', 'ש', '#',
    ]);
    prop_oneof![
        any::<Index>().prop_map(Damage::Truncate),
        (any::<Index>(), 1usize..40).prop_map(|(at, n)| Damage::Delete(at, n)),
        (any::<Index>(), nasty).prop_map(|(at, c)| Damage::Insert(at, c)),
    ]
}

fn apply(text: &str, damages: &[Damage]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for d in damages {
        match d {
            Damage::Truncate(at) => chars.truncate(at.index(chars.len() + 1)),
            Damage::Delete(at, n) => {
                let start = at.index(chars.len() + 1);
                let end = (start + n).min(chars.len());
                chars.drain(start..end);
            }
            Damage::Insert(at, c) => chars.insert(at.index(chars.len() + 1), *c),
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_journey_gets_messages_inside_the_file_and_never_a_panic(
        damages in prop::collection::vec(damage(), 1..4)
    ) {
        let text = apply(&hebrew_sample(), &damages);
        if let Err(error) = jio::from_ron_str(&text) {
            let lines = text.split('\n').collect::<Vec<_>>();
            prop_assert!(!error.diagnostics.is_empty());
            for diagnostic in &error.diagnostics {
                prop_assert!(!diagnostic.message.is_empty());
                if let Some((line, col)) = diagnostic.position {
                    prop_assert!(line >= 1 && line <= lines.len(), "{diagnostic}");
                    let width = lines.get(line - 1).map_or(0, |l| l.chars().count());
                    prop_assert!(col >= 1 && col <= width + 1, "{diagnostic} (line has {width} chars)");
                }
            }
        }
    }
}
