// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A journey file is data only: ids and titles that look like paths stay text and never steer
//! where emograph reads or writes. And a save that cannot happen says so and changes nothing.

use std::path::Path;
use std::process::Command;

use emograph::analysis::Analysis;
use emograph::analysis::Dataset;
use emograph::chart::Theme;
use emograph::chart::{ChartOptions, ViewSpec};
use emograph::export::{self, ExportSize};
use emograph::io::{load_journey, save_journey};
use emograph::model::{Case, Journey, Owner, Touchpoint};

const HOSTILE: [&str; 4] = [
    "../../etc/passwd",
    "/etc/shadow",
    "..\\..\\windows\\system32",
    "~/.ssh/id_rsa",
];

/// Every id and free text of the journey is a path to somewhere it must not go.
fn hostile_journey(escape_dir: &Path) -> Journey {
    let escape = escape_dir.join("escaped.txt").display().to_string();
    let mut journey = Journey {
        title: escape.clone(),
        description: HOSTILE.join(" "),
        time_unit: "../min".to_owned(),
        owners: vec![Owner {
            id: escape.clone(),
            name: HOSTILE[1].to_owned(),
            role: String::new(),
            process: String::new(),
        }],
        ..Journey::default()
    };
    for (i, id) in HOSTILE.iter().enumerate() {
        let mut touchpoint = Touchpoint::new(id, &escape, "during");
        touchpoint.owner = (i == 0).then(|| escape.clone());
        journey.touchpoints.push(touchpoint);
    }
    for (i, id) in HOSTILE.iter().chain([&escape.as_str()]).enumerate() {
        let mut case = Case::new(id, &escape);
        case.segment = HOSTILE[i % HOSTILE.len()].to_owned();
        for (t, touchpoint) in HOSTILE.iter().enumerate() {
            case.scores
                .insert((*touchpoint).to_owned(), ((i * 3 + t) % 11) as f64 - 5.0);
        }
        case.notes.insert(HOSTILE[0].to_owned(), escape.clone());
        journey.cases.push(case);
    }
    journey
}

/// Every file under `dir`, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn ids_and_titles_that_look_like_paths_round_trip_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let escape_dir = dir.path().join("outside");
    std::fs::create_dir(&escape_dir).unwrap();
    let journey = hostile_journey(&escape_dir);
    assert!(journey.validate().is_empty(), "{:?}", journey.validate());

    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let file = work.join("journey.ron");
    save_journey(&file, &journey).unwrap();
    assert_eq!(
        load_journey(&file).unwrap(),
        journey,
        "every path-like text reads back verbatim"
    );
    assert_eq!(files_under(&work), ["journey.ron"]);
    assert!(
        files_under(&escape_dir).is_empty(),
        "nothing was written where the ids point"
    );
}

#[test]
fn exports_and_the_report_go_only_where_the_user_said() {
    let dir = tempfile::tempdir().unwrap();
    let escape_dir = dir.path().join("outside");
    std::fs::create_dir(&escape_dir).unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let journey_file = work.join("journey.ron");
    save_journey(&journey_file, &hostile_journey(&escape_dir)).unwrap();

    let emograph = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
            .args(args)
            .current_dir(&work)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let journey_arg = journey_file.to_str().unwrap();
    emograph(&["export", journey_arg, "-o", "chart.svg"]);
    emograph(&[
        "export",
        journey_arg,
        "-o",
        "cases.png",
        "--view",
        "cases",
        "--width",
        "400",
        "--height",
        "300",
    ]);
    emograph(&[
        "export",
        journey_arg,
        "-o",
        "case.svg",
        "--view",
        "case:../../etc/passwd",
    ]);
    emograph(&["report", journey_arg, "-o", "report.html"]);

    assert_eq!(
        files_under(&work),
        [
            "case.svg",
            "cases.png",
            "chart.svg",
            "journey.ron",
            "report.html"
        ]
    );
    assert!(
        files_under(&escape_dir).is_empty(),
        "nothing was written where the ids point"
    );
    // The hostile texts appear in the outputs as (escaped) text, nothing more.
    let svg = std::fs::read_to_string(work.join("case.svg")).unwrap();
    assert!(
        roxmltree::Document::parse(&svg).is_ok(),
        "the SVG is still well-formed XML"
    );
}

#[test]
fn a_save_that_cannot_happen_says_why_and_leaves_everything_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let journey = hostile_journey(dir.path());
    let dataset = Dataset::from_journey(journey.clone());
    let analysis = Analysis::compute(dataset.clone(), &Default::default());
    let scene = emograph::chart::view_scene(
        &dataset.journey,
        Some(&analysis),
        &ViewSpec::Overall,
        &ChartOptions::default(),
        &Theme::light(),
    )
    .unwrap();
    let size = ExportSize {
        width: 400,
        height: 300,
        scale: 1.0,
    };

    let a_folder = dir.path().join("a-folder.ron");
    std::fs::create_dir(&a_folder).unwrap();
    // The chart goes to the same name with `.svg`: a folder too.
    std::fs::create_dir(a_folder.with_extension("svg")).unwrap();
    let destinations = [
        dir.path().join("no/such/folder/journey.ron"),
        a_folder.clone(),
        // A read-only file system (we may run as root, so permissions would not stop us).
        Path::new("/proc/emograph-test/journey.ron").to_path_buf(),
    ];
    for destination in &destinations {
        let error = save_journey(destination, &journey).expect_err("cannot save there");
        assert!(!error.to_string().is_empty());
        let chart = destination.with_extension("svg");
        let error = export::save_chart(&chart, &scene, &size).expect_err("cannot export there");
        assert!(error.to_string().contains("could not write"), "{error}");
    }
    // The folder that was in the way is untouched, and no temporary file was left behind.
    assert!(a_folder.is_dir());
    assert!(
        files_under(dir.path()).is_empty(),
        "{:?}",
        files_under(dir.path())
    );

    // The CLI says so and fails; the journey it read stays as it was.
    let source = dir.path().join("source.ron");
    save_journey(&source, &journey).unwrap();
    let before = std::fs::read(&source).unwrap();
    for verb in [&["export"][..], &["report"][..]] {
        let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
            .args(verb)
            .args([
                source.to_str().unwrap(),
                "-o",
                "/proc/emograph-test/out.svg",
            ])
            .output()
            .unwrap();
        assert!(!output.status.success(), "{verb:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("could not write"), "{verb:?}: {stderr}");
    }
    assert_eq!(std::fs::read(&source).unwrap(), before);
}
