// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! File → Import CSV… previews a survey export before importing it: the layout recognised (a
//! Qualtrics export's three header rows), the problems located by column, and how the scale
//! and the not-applicable value change what is read; Import then brings the whole file in.
#![cfg(feature = "gui")]

mod common;

use std::time::Duration;

use common::{click, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use emograph::app::EmographApp;

const SIZE: [f32; 2] = [1400.0, 950.0];

/// A Qualtrics-like export: ids, question text and ImportId rows, three ratings on 1–5 and a
/// segment; one Food answer is "N/A" (line 8 of the file).
fn qualtrics_csv() -> (String, Vec<f64>) {
    let mut text = String::from(
        "StartDate,EndDate,ResponseId,Q1_1,Q1_2,Q1_3,Q2\n\
         Start Date,End Date,Response ID,How satisfied were you with... - Wifi,\
         How satisfied were you with... - Food,How satisfied were you with... - Seat,Segment\n\
         {\"ImportId\":\"startDate\"},{\"ImportId\":\"endDate\"},{\"ImportId\":\"_recordId\"},\
         {\"ImportId\":\"QID1_1\"},{\"ImportId\":\"QID1_2\"},{\"ImportId\":\"QID1_3\"},\
         {\"ImportId\":\"QID2\"}\n",
    );
    let mut wifi = Vec::new();
    for i in 0..12 {
        let w = 1 + i % 5;
        let food = if i == 4 {
            "N/A".to_owned()
        } else {
            (1 + (i * 3) % 5).to_string()
        };
        let seat = 5 - i % 5;
        let segment = if i % 2 == 0 { "business" } else { "economy" };
        text.push_str(&format!(
            "2026-03-{:02} 10:00:00,2026-03-{:02} 10:05:00,R_{i:03},{w},{food},{seat},{segment}\n",
            1 + i,
            1 + i
        ));
        wifi.push(f64::from(w));
    }
    (text, wifi)
}

/// Steps the app (the preview is read on a thread) until a label contains `text`.
fn wait_for(harness: &mut Harness<'_, EmographApp>, text: &str) {
    for _ in 0..500 {
        harness.step();
        if harness.query_all_by_label_contains(text).count() > 0 {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let shown: Vec<String> = harness
        .query_all_by_label_contains("")
        .filter_map(|n| {
            n.accesskit_node()
                .label()
                .or_else(|| n.accesskit_node().value())
        })
        .collect();
    panic!("no label contains {text:?}; shown: {shown:#?}");
}

#[test]
fn the_import_dialog_previews_a_qualtrics_export_and_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("qualtrics.csv");
    let (text, wifi) = qualtrics_csv();
    std::fs::write(&csv, text).unwrap();
    let mut harness = common::app_harness(dir.path(), None, SIZE);
    harness.run();

    click(&mut harness, "File");
    click(&mut harness, "Import CSV…");
    type_into(&mut harness, "File:", &csv.display().to_string());
    wait_for(
        &mut harness,
        "Recognised: a Qualtrics export, 3 header rows",
    );
    wait_for(
        &mut harness,
        "3 touchpoints; case \"Response ID\"; segment \"Segment\"",
    );
    // The one bad answer, with its column, count and place.
    wait_for(
        &mut harness,
        "Column 5 \"Food\": 1 problem; first at line 8, column 5",
    );

    type_into(&mut harness, "Not applicable:", "N/A");
    wait_for(&mut harness, "No problems in the file: 12 cases read.");
    wait_for(&mut harness, "Scale: the scores are read as they are");
    type_into(&mut harness, "Scale:", "1..5");
    wait_for(
        &mut harness,
        "Scale 1..5 mapped onto −5..+5 (bottom box 1, top box 5)",
    );
    if let Ok(dir) = std::env::var("EMOGRAPH_PREVIEW_PNG") {
        let image = harness.render().expect("a software renderer");
        image
            .save(std::path::Path::new(&dir).join("import_preview.png"))
            .unwrap();
    }

    click(&mut harness, "Import");
    assert!(
        harness.query_by_label("Import a CSV of cases").is_none(),
        "the dialog closes on import"
    );
    let journey = harness.state().journey().clone();
    let names: Vec<&str> = journey
        .touchpoints
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["Wifi", "Food", "Seat"]);
    assert_eq!(journey.cases.len(), 12);
    let wifi_id = &journey.touchpoints[0].id;
    let read: Vec<f64> = journey
        .cases
        .iter()
        .filter_map(|c| c.scores.get(wifi_id).copied())
        .collect();
    let mean = read.iter().sum::<f64>() / read.len() as f64;
    // 1..5 onto −5..+5: answer a → (a − 3) × 2.5.
    let expected = wifi.iter().map(|a| (a - 3.0) * 2.5).sum::<f64>() / wifi.len() as f64;
    assert!((mean - expected).abs() < 1e-12, "{mean} vs {expected}");
    let food = &journey.touchpoints[1].id;
    assert_eq!(
        journey.cases[4].scores.get(food),
        None,
        "N/A is not applicable"
    );
    assert_eq!(journey.cases[0].segment, "business");
}

/// What the import dialog in `lang` shows for a file whose columns are
/// `case,Booking,Parking,Queue`.
struct Shown {
    /// The x of each column's name in the preview, in the file's order.
    columns: Vec<f32>,
    /// Every label's text.
    texts: Vec<String>,
    /// The centres of the form's first label ("Scale:") and of its field, and of the Import
    /// button.
    scale_label: egui::Pos2,
    scale_field: egui::Pos2,
    import: egui::Pos2,
}

fn preview_columns_x(
    lang: emograph::i18n::Lang,
    menu: [&str; 2],
    [file, scale, import]: [&str; 3],
) -> Shown {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("evening.csv");
    std::fs::write(
        &csv,
        "case,Booking,Parking,Queue\nDana,2,-1,-4\nNoam,1,-2,-5\n",
    )
    .unwrap();
    let mut harness = common::app_harness(dir.path(), None, SIZE);
    harness.state_mut().lang = lang;
    harness.run();
    click(&mut harness, menu[0]);
    click(&mut harness, menu[1]);
    type_into(&mut harness, file, &csv.display().to_string());
    wait_for(&mut harness, "Parking");
    if let Ok(dir) = std::env::var("EMOGRAPH_PREVIEW_PNG") {
        let image = harness.render().expect("a software renderer");
        let shot = format!("import_preview_{}.png", lang.code());
        image.save(std::path::Path::new(&dir).join(shot)).unwrap();
    }
    let texts = common::label_texts(&harness);
    let xs = ["case", "Booking", "Parking", "Queue"]
        .into_iter()
        .map(|name| {
            // The column's name heads it; the same word may be said lower down too (the case
            // column's role is "case").
            harness
                .query_all_by_value(name)
                .map(|n| n.rect())
                .min_by(|a, b| a.top().total_cmp(&b.top()))
                .unwrap()
                .center()
                .x
        })
        .collect();
    let field = |label: &str| {
        harness
            .query_all_by_label(label)
            .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
            .unwrap()
            .rect()
            .center()
    };
    Shown {
        columns: xs,
        texts,
        scale_label: harness
            .query_all_by_value(scale)
            .next()
            .unwrap()
            .rect()
            .center(),
        scale_field: field(scale),
        import: harness
            .query_all_by_label(import)
            .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
            .unwrap()
            .rect()
            .center(),
    }
}

#[test]
fn a_hebrew_interface_lays_the_import_dialog_out_from_the_right_in_its_words() {
    let english = preview_columns_x(
        emograph::i18n::Lang::English,
        ["File", "Import CSV…"],
        ["File:", "Scale:", "Import"],
    );
    assert!(
        english.columns.windows(2).all(|w| w[0] < w[1]),
        "the first column leftmost: {:?}",
        english.columns
    );
    assert!(english.scale_label.x < english.scale_field.x);
    assert!(english.import.x < SIZE[0] / 2.0);

    let hebrew = preview_columns_x(
        emograph::i18n::Lang::Hebrew,
        ["קובץ", "ייבוא CSV…"],
        ["קובץ:", "סולם:", "ייבוא"],
    );
    let columns = &hebrew.columns;
    assert!(
        columns.windows(2).all(|w| w[0] > w[1]),
        "the first column rightmost: {columns:?}"
    );
    assert!(
        columns[0] > SIZE[0] / 2.0,
        "the table against the dialog's right edge: {columns:?}"
    );
    // The form reads from the right too: a label, then its field to its left; the buttons on
    // the right.
    assert!(
        hebrew.scale_label.x > hebrew.scale_field.x,
        "{:?} {:?}",
        hebrew.scale_label,
        hebrew.scale_field
    );
    assert!(hebrew.scale_label.x > SIZE[0] / 2.0);
    assert!(hebrew.import.x > SIZE[0] / 2.0, "{:?}", hebrew.import);
    // What the reader recognised, in Hebrew too.
    let recognised =
        "זוהה: קובץ CSV, שורת כותרת אחת, שורות רחבות (מקרה בכל שורה), שדות מופרדים בפסיקים";
    assert!(
        hebrew.texts.iter().any(|t| t.starts_with(recognised)),
        "{recognised:?} in {:#?}",
        hebrew.texts
    );
}
