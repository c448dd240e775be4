// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Exported charts and reports, checked as a reader gets them: decoded PNG pixels, SVG parsed
//! as XML, the report as one HTML file.

use std::collections::BTreeMap;
use std::process::Command;

use emograph::analysis::{Analysis, AnalysisSettings, Dataset};
use emograph::chart::{self, ChartOptions, Theme, ViewSpec, view_scene};
use emograph::export::{self, ExportSize, Layout, render_png, render_svg};
use emograph::model::{Case, Flag, FlagKind, Journey, Metric, Owner, Phase, Touchpoint};

/// A small journey: four touchpoints in three phases, an owner with a metric and a flag, and
/// cases in two clear shapes (a deep drop at "Queue", or a steady climb).
fn journey(rtl: bool) -> Journey {
    let names: [&str; 4] = if rtl {
        ["הזמנה באתר", "תור בקופה", "הסרט", "הדרך הביתה"]
    } else {
        [
            "Booking online",
            "Queue at the till",
            "The film",
            "Way home",
        ]
    };
    let mut journey = Journey {
        title: if rtl {
            "ערב בקולנוע".into()
        } else {
            "A cinema evening".into()
        },
        description: "Cases told in a workshop <with> \"quotes\" & ampersands.".into(),
        phases: vec![
            Phase::new("before", if rtl { "לפני" } else { "Before" }),
            Phase::new("during", if rtl { "במהלך" } else { "During" }),
            Phase::new("after", if rtl { "אחרי" } else { "After" }),
        ],
        ..Journey::default()
    };
    for (i, (name, phase)) in names
        .iter()
        .zip(["before", "during", "during", "after"])
        .enumerate()
    {
        let mut touchpoint = Touchpoint::new(&format!("t{i}"), name, phase);
        touchpoint.channel = "on site".into();
        if i == 1 {
            touchpoint.owner = Some("dana".into());
        }
        journey.touchpoints.push(touchpoint);
    }
    journey.owners.push(Owner {
        id: "dana".into(),
        name: "Dana Levi".into(),
        role: "Front of house".into(),
        process: "Ticketing".into(),
    });
    journey.metrics.push(Metric {
        id: "wait".into(),
        name: "Queue wait".into(),
        unit: "min".into(),
        current: Some(12.0),
        target: Some(5.0),
        better: emograph::model::Better::Lower,
        level: emograph::model::MetricLevel::Operational,
        sla: "under 5 minutes".into(),
        owner: Some("dana".into()),
        touchpoints: vec!["t1".into()],
        history: Vec::new(),
    });
    journey.flags.push(Flag {
        id: "f1".into(),
        touchpoint: "t1".into(),
        kind: FlagKind::Negative,
        note: "Queue too long".into(),
        owner: Some("dana".into()),
        metrics: vec!["wait".into()],
        action: emograph::model::Action::Prevent,
        action_text: "Open a second till on Fridays".into(),
        due: Some("2026-12-01".into()),
        status: emograph::model::Status::Open,
        detected: true,
    });
    journey.flags.push(Flag {
        id: "f2".into(),
        touchpoint: "t3".into(),
        kind: FlagKind::Negative,
        note: "Nobody owns the car park".into(),
        owner: None,
        metrics: vec![],
        action: emograph::model::Action::ShortenResponse,
        action_text: String::new(),
        due: None,
        status: emograph::model::Status::Open,
        detected: false,
    });
    let shapes = [[1.0, -4.0, 3.0, -1.0], [0.0, 1.0, 2.0, 3.0]];
    for i in 0..12 {
        let shape = shapes[i % 2];
        let mut case = Case::new(&format!("c{i}"), "");
        for (t, &score) in shape.iter().enumerate() {
            let jitter = (i / 2) as f64 * 0.1;
            case.scores.insert(format!("t{t}"), score + jitter);
        }
        case.segment = if i % 3 == 0 {
            "gold".into()
        } else {
            "regular".into()
        };
        journey.cases.push(case);
    }
    journey
}

fn analysis(dataset: &Dataset) -> Analysis {
    let settings = AnalysisSettings {
        k: Some(2),
        ..AnalysisSettings::default()
    };
    Analysis::compute(dataset.clone(), &settings)
}

fn decode(png: &[u8]) -> image::RgbImage {
    image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .expect("the export is a PNG")
        .to_rgb8()
}

/// True if a pixel within `radius` of `(x, y)` is within `tolerance` of `color` per channel.
fn color_near(
    img: &image::RgbImage,
    (x, y): (f64, f64),
    radius: i64,
    color: [u8; 3],
    tolerance: i16,
) -> bool {
    (-radius..=radius).any(|dy| {
        (-radius..=radius).any(|dx| {
            let (px, py) = (x.round() as i64 + dx, y.round() as i64 + dy);
            if px < 0 || py < 0 || px >= i64::from(img.width()) || py >= i64::from(img.height()) {
                return false;
            }
            let pixel = img.get_pixel(px as u32, py as u32).0;
            pixel
                .iter()
                .zip(color)
                .all(|(&p, c)| (i16::from(p) - i16::from(c)).abs() <= tolerance)
        })
    })
}

#[test]
fn png_has_the_asked_size_and_the_curve_where_the_data_puts_it() {
    let journey = journey(false);
    let theme = Theme::light();
    let scene = chart::cases_scene(&journey, &[1], None, &theme);
    let size = ExportSize {
        width: 800,
        height: 450,
        scale: 1.0,
    };
    let img = decode(&render_png(&scene, &size).expect("renders"));
    assert_eq!((img.width(), img.height()), (800, 450));

    let curve = &scene.curves[0];
    let [r, g, b, _] = curve.color.0;
    let layout = Layout::new(&scene, &size, &theme);
    for point in &curve.points {
        let at = layout.to_pixel(&scene, point.x, point.y);
        assert!(
            color_near(&img, at, 3, [r, g, b], 40),
            "no curve colour at {at:?} for {point:?}"
        );
    }
    // Halfway between two points the line itself is there too …
    let (a, b2) = (&curve.points[1], &curve.points[2]);
    let mid = layout.to_pixel(&scene, (a.x + b2.x) / 2.0, (a.y + b2.y) / 2.0);
    assert!(
        color_near(&img, mid, 2, [r, g, b], 40),
        "no line at {mid:?}"
    );
    // … and far from it (top-left of the plot, where no data is) it is not.
    let empty = layout.to_pixel(&scene, scene.x_range.0 + 0.1, 4.8);
    assert!(!color_near(&img, empty, 3, [r, g, b], 40));
}

#[test]
fn png_is_not_blank_and_scale_two_doubles_the_pixels() {
    let journey = journey(false);
    let dataset = Dataset::from_journey(journey);
    let analysis = analysis(&dataset);
    let theme = Theme::light();
    let scene = view_scene(
        &dataset.journey,
        Some(&analysis),
        &ViewSpec::Patterns,
        &ChartOptions::default(),
        &theme,
    )
    .expect("patterns view");
    let img = decode(
        &render_png(
            &scene,
            &ExportSize {
                width: 640,
                height: 360,
                scale: 2.0,
            },
        )
        .expect("renders"),
    );
    assert_eq!((img.width(), img.height()), (1280, 720));
    let mut colours = std::collections::HashSet::new();
    for pixel in img.pixels() {
        colours.insert(pixel.0);
    }
    assert!(
        colours.len() > 50,
        "only {} colours: the chart looks blank",
        colours.len()
    );
    // Each pattern's colour shows up.
    for curve in scene.curves.iter().skip(1) {
        let [r, g, b, _] = curve.color.0;
        let found = img.pixels().any(|p| {
            p.0.iter()
                .zip([r, g, b])
                .all(|(&x, c)| (i16::from(x) - i16::from(c)).abs() <= 8)
        });
        assert!(found, "{} is not drawn", curve.label);
    }
}

fn svg_texts(svg: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "text" || n.tag_name().name() == "title")
        .map(|n| {
            let text: String = n
                .descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect();
            let attrs = n
                .attributes()
                .map(|a| (a.name().to_owned(), a.value().to_owned()))
                .collect();
            (text.trim().to_owned(), attrs)
        })
        .collect()
}

#[test]
fn svg_keeps_titles_and_touchpoint_names_as_text() {
    let journey = journey(false);
    let scene = chart::cases_scene(&journey, &[0, 1], None, &Theme::light());
    let svg = render_svg(&scene, &ExportSize::default()).expect("renders");
    let texts = svg_texts(&svg);
    let has = |s: &str| texts.iter().any(|(t, _)| t == s);
    assert!(has("A cinema evening"), "{texts:?}");
    for touchpoint in &journey.touchpoints {
        // A long name may wrap onto two lines: every word must be there as text.
        for word in touchpoint.name.split_whitespace() {
            assert!(
                texts
                    .iter()
                    .any(|(t, _)| t.split_whitespace().any(|w| w == word)),
                "{word} missing"
            );
        }
    }
    assert!(has("WOW") && has("neutral"));
}

#[test]
fn hebrew_svg_text_stays_in_logical_order_and_is_marked_right_to_left() {
    let journey = journey(true);
    let scene = chart::cases_scene(&journey, &[0], None, &Theme::light());
    let svg = render_svg(&scene, &ExportSize::default()).expect("renders");
    let texts = svg_texts(&svg);
    let title = texts
        .iter()
        .find(|(t, a)| t == "ערב בקולנוע" && a.contains_key("x"))
        .expect("title as text");
    assert_eq!(title.1.get("direction").map(String::as_str), Some("rtl"));
    for touchpoint in &journey.touchpoints {
        assert!(
            texts.iter().any(|(t, _)| t == &touchpoint.name),
            "{} missing",
            touchpoint.name
        );
    }
}

#[test]
fn hebrew_png_draws_the_chart() {
    let journey = journey(true);
    let scene = chart::cases_scene(&journey, &[0], None, &Theme::light());
    let img = decode(
        &render_png(
            &scene,
            &ExportSize {
                width: 900,
                height: 500,
                scale: 1.0,
            },
        )
        .expect("renders"),
    );
    assert_eq!((img.width(), img.height()), (900, 500));
    // The title is right-aligned for a right-to-left journey: dark text pixels near the right
    // edge of the title line, none at the far left of it.
    let layout = Layout::new(
        &scene,
        &ExportSize {
            width: 900,
            height: 500,
            scale: 1.0,
        },
        &Theme::light(),
    );
    let y = layout.title_y.round() as u32;
    let dark = |x0: u32, x1: u32| {
        (x0..x1).any(|x| (y.saturating_sub(6)..y + 6).any(|y| img.get_pixel(x, y).0[0] < 100))
    };
    assert!(dark(700, 890));
    assert!(!dark(5, 300));
}

#[test]
fn save_chart_picks_the_format_by_extension_and_refuses_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journey = journey(false);
    let scene = chart::cases_scene(&journey, &[0], None, &Theme::light());
    let size = ExportSize {
        width: 400,
        height: 300,
        scale: 1.0,
    };
    let png = dir.path().join("chart.PNG");
    export::save_chart(&png, &scene, &size).expect("png");
    assert!(
        std::fs::read(&png)
            .expect("written")
            .starts_with(b"\x89PNG")
    );
    let svg = dir.path().join("chart.svg");
    export::save_chart(&svg, &scene, &size).expect("svg");
    assert!(
        std::fs::read_to_string(&svg)
            .expect("written")
            .contains("<svg")
    );
    let other = dir.path().join("chart.gif");
    assert!(export::save_chart(&other, &scene, &size).is_err());
    assert!(!other.exists());
}

fn report(rtl: bool) -> String {
    let dataset = Dataset::from_journey(journey(rtl));
    let analysis = analysis(&dataset);
    export::report::render_report(&analysis).expect("report")
}

#[test]
fn report_is_one_self_contained_file_with_every_section() {
    let html = report(false);
    for id in export::report::SECTIONS {
        assert!(
            html.contains(&format!("<section id=\"{id}\"")),
            "section {id} missing"
        );
    }
    let lower = html.to_lowercase();
    for forbidden in [
        "<link",
        "<script",
        "src=\"http",
        "href=\"http",
        "url(http",
        "@import",
        "<img",
    ] {
        assert!(
            !lower.contains(forbidden),
            "the report references something outside: {forbidden}"
        );
    }
    // Charts are inline SVG that parse as XML, with the journey's text.
    let charts: Vec<&str> = html.split("<svg").skip(1).collect();
    assert!(
        charts.len() >= 4,
        "overall, patterns and one per pattern: got {}",
        charts.len()
    );
    for chart in &charts {
        let end = chart.find("</svg>").expect("closed");
        let svg = format!("<svg{}</svg>", &chart[..end]);
        roxmltree::Document::parse(&svg).expect("inline SVG is XML");
    }
    // The owner, their metric against target, the agreed action, the unowned flag.
    for expected in [
        "Dana Levi",
        "Queue wait",
        "under 5 minutes",
        "Open a second till on Fridays",
        "Nobody owns the car park",
        "Pattern 1 · 50%",
    ] {
        assert!(html.contains(expected), "{expected} missing");
    }
    assert!(
        html.contains("✗ no"),
        "12 min against a 5 min target is not on track"
    );
    // User text is escaped.
    assert!(html.contains("&lt;with&gt; &quot;quotes&quot; &amp; ampersands"));
    assert!(!html.contains("<with>"));
}

#[test]
fn report_of_a_hebrew_journey_is_right_to_left() {
    let html = report(true);
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"));
    assert!(html.contains("תור בקופה"));
    assert!(report(false).contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn cli_exports_charts_and_writes_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("cinema.ron");
    emograph::io::save_journey(&file, &journey(false)).expect("saved");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_emograph"))
            .args(args)
            .output()
            .expect("runs")
    };
    let png = dir.path().join("out.png");
    let out = run(&[
        "export",
        file.to_str().unwrap_or_default(),
        "-o",
        png.to_str().unwrap_or_default(),
        "--view",
        "pattern:1",
        "--width",
        "600",
        "--height",
        "400",
        "--pixel-scale",
        "2",
        "--k",
        "2",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let img = decode(&std::fs::read(&png).expect("written"));
    assert_eq!((img.width(), img.height()), (1200, 800));

    let missing = run(&[
        "export",
        file.to_str().unwrap_or_default(),
        "-o",
        png.to_str().unwrap_or_default(),
        "--view",
        "pattern:9",
        "--k",
        "2",
    ]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no pattern 9"));

    let csv = dir.path().join("stats.csv");
    let out = run(&[
        "export",
        file.to_str().unwrap_or_default(),
        "-o",
        csv.to_str().unwrap_or_default(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&csv).expect("written");
    assert!(text.starts_with("touchpoint_id,touchpoint,phase,n,mean"));
    assert_eq!(text.lines().count(), 5);

    let html = dir.path().join("report.html");
    let out = run(&[
        "report",
        file.to_str().unwrap_or_default(),
        "-o",
        html.to_str().unwrap_or_default(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&html)
            .expect("written")
            .contains("<section id=\"owners\"")
    );
}

/// The white framed boxes of the badges in an exported SVG, as `[left, top, right, bottom]`.
fn svg_badge_boxes(svg: &str) -> Vec<[f64; 4]> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    let number = |n: roxmltree::Node<'_, '_>, name: &str| -> f64 {
        n.attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    doc.descendants()
        .filter(|n| n.tag_name().name() == "rect" && n.attribute("fill") == Some("#FFFFFF"))
        .filter(|n| number(*n, "opacity") > 0.5 && number(*n, "opacity") < 1.0)
        .map(|n| {
            let (x, y) = (number(n, "x"), number(n, "y"));
            [x, y, x + number(n, "width"), y + number(n, "height")]
        })
        .collect()
}

#[test]
fn badges_on_a_crowded_chart_do_not_cover_each_other() {
    let journey = journey(false);
    let mut scene = chart::cases_scene(&journey, &[0, 1], None, &Theme::light());
    // Eight critical points a third of a touchpoint apart, each with an owner's badge, as on an
    // overall view where every touchpoint turned out critical.
    scene.markers = (0..8)
        .map(|i| chart::Marker {
            x: 0.2 + f64::from(i) * 0.35,
            y: if i % 2 == 0 { 1.5 } else { -1.0 },
            kind: chart::MarkerKind::Critical {
                rank: i as usize + 1,
                positive: i % 2 == 0,
            },
            touchpoint: (i / 2) as usize,
            badge: Some(chart::Badge {
                owner: format!("Owner {i}"),
                metric: Some(chart::MetricBadge {
                    now: "12 min".into(),
                    target: Some("5 min".into()),
                    target_word: "target".into(),
                    name: "Queue wait at the till".into(),
                }),
            }),
            tooltip: String::new(),
        })
        .collect();
    for size in [
        ExportSize::default(),
        ExportSize {
            width: 900,
            height: 500,
            scale: 1.0,
        },
    ] {
        let svg = render_svg(&scene, &size).expect("renders");
        let boxes = svg_badge_boxes(&svg);
        assert!(
            boxes.len() >= 5,
            "most badges find room at {}×{}: {boxes:?}",
            size.width,
            size.height
        );
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a[0] >= 0.0 && a[2] <= f64::from(size.width) && a[3] <= f64::from(size.height),
                "{a:?} leaves the chart"
            );
            for b in &boxes[i + 1..] {
                let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assert!(!overlap, "{a:?} covers {b:?}");
            }
        }
        // However little room, a badge loses the metric's name or the word "target" first,
        // never a digit: "12 min → target 5 min" or "12 → 5 min", whole.
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let badges: Vec<String> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "text")
            .map(|n| n.descendants().filter_map(|t| t.text()).collect::<String>())
            .filter(|t| t.starts_with("Owner") || t.contains(" → "))
            .collect();
        assert!(!badges.is_empty(), "badges are drawn as text");
        for badge in &badges {
            assert!(
                badge.contains("12 min → target 5 min") || badge.contains("12 → 5 min"),
                "{badge:?} at {}×{} cut a number",
                size.width,
                size.height
            );
        }
    }
}

/// Comparing segments: the chart draws one mean curve per segment over the overall mean, the
/// CSV holds each segment's statistics, and the report has a Segments section with its table.
#[test]
fn segments_are_compared_in_the_chart_the_csv_and_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("cinema.ron");
    let journey = journey(false);
    emograph::io::save_journey(&file, &journey).expect("saved");
    // The test journey: every third case is "gold" (4 of 12), the rest "regular" (8).
    let run = |out: &std::path::Path| {
        let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
            .args([
                "export",
                file.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .args(["--view", "segments"])
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read_to_string(out).unwrap_or_default()
    };

    let svg = run(&dir.path().join("segments.svg"));
    let texts: Vec<String> = svg_texts(&svg).into_iter().map(|(t, _)| t).collect();
    for label in [
        "regular · 8 cases",
        "gold · 4 cases",
        "Overall mean",
        "2 segments compared · 12 cases",
    ] {
        assert!(texts.iter().any(|t| t == label), "{label} in {texts:?}");
    }
    // The largest segment comes first in the legend.
    let position = |label: &str| texts.iter().position(|t| t == label).unwrap();
    assert!(position("regular · 8 cases") < position("gold · 4 cases"));

    let csv = run(&dir.path().join("segments.csv"));
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("segment,cases,touchpoint_id,touchpoint,n,mean"));
    assert_eq!(rows.len(), 1 + 2 * journey.touchpoints.len());
    // Gold cases are 0, 3, 6 and 9: shapes 0 and 1 alternate, so two of each; at the queue
    // (t1) their scores are −4 + 0, 1 + 0.1, −4 + 0.3, 1 + 0.4: mean −1.3.
    let gold_queue = rows
        .iter()
        .find(|r| r.starts_with("gold,4,t1,"))
        .expect("a gold row for the queue");
    assert!(gold_queue.contains(",4,-1.3,"), "{gold_queue}");

    let report_path = dir.path().join("report.html");
    let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(["report", file.to_str().unwrap(), "-o"])
        .arg(&report_path)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let html = std::fs::read_to_string(&report_path).unwrap();
    let section = html
        .split("<section id=\"segments\">")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("a segments section");
    assert!(section.contains("<figure class=\"chart\""));
    assert!(section.contains("<tr><td>gold</td><td>4</td>"), "{section}");
    assert!(html.contains("<a href=\"#segments\">Segments</a>"));
}

fn cinema_sample() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/cinema-evening.ron")
}

fn run_emograph(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Found in issue #14: `emograph export` drew the overall view without the turning points
/// and the team's flags the app shows, and without their legend entries.
#[test]
fn cli_overall_svg_marks_turning_points_and_flags_and_names_them_in_the_legend() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = cinema_sample();
    let svg_of = |extra: &[&str]| {
        let svg = dir.path().join("overall.svg");
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "export".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            svg.as_os_str(),
        ];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        run_emograph(&args);
        let text = std::fs::read_to_string(&svg).expect("written");
        svg_texts(&text)
            .into_iter()
            .map(|(text, _)| text)
            .collect::<Vec<_>>()
    };
    let texts = svg_of(&[]);
    for entry in ["flag", "peak", "critical point (negative)"] {
        assert!(
            texts.iter().any(|t| t == entry),
            "legend entry {entry:?} in {texts:?}"
        );
    }
    let bare = svg_of(&["--no-markers"]);
    for entry in ["flag", "peak", "critical point (negative)"] {
        assert!(!bare.iter().any(|t| t == entry), "--no-markers: {bare:?}");
    }
}

/// `--view pattern:N` is the pattern N of `emograph patterns` (numbered from 1): its subtitle
/// names it with the share the patterns verb gives it, and its Mermaid diagram names it too.
#[test]
fn cli_pattern_views_are_numbered_as_emograph_patterns_numbers_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = cinema_sample();
    let out = run_emograph(&[
        "patterns".as_ref(),
        file.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let patterns: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("the patterns as JSON");
    let list = patterns["patterns"].as_array().expect("a list");
    assert!(list.len() >= 2, "{patterns}");
    for pattern in list {
        let id = pattern["id"].as_u64().expect("an id");
        let share = pattern["share"].as_f64().expect("a share");
        let view = format!("pattern:{id}");
        let svg = dir.path().join(format!("pattern{id}.svg"));
        run_emograph(&[
            "export".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            svg.as_os_str(),
            "--view".as_ref(),
            view.as_ref(),
        ]);
        let texts = svg_texts(&std::fs::read_to_string(&svg).expect("written"));
        let subtitle = format!("Pattern {id} · {:.0}%", share * 100.0);
        assert!(
            texts.iter().any(|(t, _)| t.starts_with(&subtitle)),
            "{subtitle:?} in {texts:?}"
        );
        let mmd = dir.path().join(format!("pattern{id}.mmd"));
        run_emograph(&[
            "export".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            mmd.as_os_str(),
            "--view".as_ref(),
            view.as_ref(),
        ]);
        let diagram = std::fs::read_to_string(&mmd).expect("written");
        assert!(diagram.contains(&format!(": Pattern {id}\n")), "{diagram}");
    }
}

/// The report's charts are the views `emograph export` and the app draw: its overall chart
/// marks the team's flag and the turning points and names them in its legend.
#[test]
fn the_reports_overall_chart_has_the_markers_of_the_overall_view() {
    let html = report(false);
    let overall = html
        .split("<section id=\"overall\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the overall section");
    let dataset = Dataset::from_journey(journey(false));
    let analysis = analysis(&dataset);
    let scene = view_scene(
        &dataset.journey,
        Some(&analysis),
        &ViewSpec::Overall,
        &ChartOptions::default(),
        &Theme::light(),
    )
    .expect("the overall view");
    assert!(
        scene
            .markers
            .iter()
            .any(|m| matches!(m.kind, chart::MarkerKind::Flag { .. })),
        "the test journey has a flag on the chart"
    );
    for entry in scene.legend.iter().filter(|e| e.symbol.is_some()) {
        assert!(
            overall.contains(&format!(">{}</text>", entry.label)),
            "legend entry {:?} in the report's overall chart",
            entry.label
        );
    }
}
