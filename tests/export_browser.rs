#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Exported SVGs and the report in a real headless Chromium on a machine without Liberation
//! Sans or Arial (a fontconfig that knows only the DejaVu fonts, as many Linux desktops have),
//! as a client opens them: the embedded cut-down font must load (Chrome refuses a malformed
//! font), and every label must be as wide as the layout measured it with the bundled font.
//! Without the embedded font Chromium draws DejaVu Sans, about a tenth wider: legend entries
//! collided. (With no fonts at all Chromium's renderer crashes on opening any page.)
//!
//! Skips without chromium and chromedriver unless `EMOGRAPH_REQUIRE_BROWSER=1`.

mod browser_common;

use std::path::Path;
use std::process::Command;

use browser_common::{browser_or_skip, open};
use fantoccini::Client;

/// Waits for every `@font-face` to load, then answers each face's weight and status and each
/// `<text>`'s content, em size, weight and width as laid out.
const MEASURE: &str = "
    const done = arguments[arguments.length - 1];
    Promise.allSettled([...document.fonts].map(f => f.load())).then(() => done({
        fonts: [...document.fonts].map(f => [f.weight, f.status]),
        texts: [...document.querySelectorAll('text')].map(t => [
            t.textContent,
            Number(t.getAttribute('font-size')),
            t.getAttribute('font-weight') === 'bold',
            t.getComputedTextLength(),
        ]),
    }));";

/// Runs `emograph ARGS`, which must succeed.
fn emograph(args: &[&str]) {
    let run = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(args)
        .output()
        .expect("emograph runs");
    assert!(run.status.success(), "{run:?}");
}

/// Opens `file` and checks its fonts and the width of every label against the layout's.
async fn check_widths(client: &Client, file: &Path, what: &str) {
    client
        .goto(&format!("file://{}", file.display()))
        .await
        .unwrap();
    let measured = client.execute_async(MEASURE, vec![]).await.unwrap();
    let fonts: Vec<(String, String)> = serde_json::from_value(measured["fonts"].clone()).unwrap();
    assert_eq!(
        fonts,
        [
            ("normal".to_owned(), "loaded".to_owned()),
            ("bold".to_owned(), "loaded".to_owned())
        ],
        "{what}: the embedded regular and bold faces"
    );
    let texts: Vec<(String, f64, bool, f64)> =
        serde_json::from_value(measured["texts"].clone()).unwrap();
    assert!(texts.len() > 20, "{what}: {} labels", texts.len());
    let mut hebrew = 0;
    let mut wrong = Vec::new();
    for (text, em, bold, width) in &texts {
        let text = text.trim();
        let expected = emograph::export::text::text_width(text, *em, *bold);
        // The layout's widths are whole pixels, cut down from the font's; Chromium rounds each
        // glyph's advance to a 64th of a pixel.
        if !(expected - 0.3..=expected + 1.1).contains(width) {
            wrong.push(format!(
                "{text:?} at {em} px: {width} px in Chromium, {expected} in the layout"
            ));
        }
        hebrew += usize::from(text.chars().any(|c| ('\u{5D0}'..='\u{5EA}').contains(&c)));
    }
    assert!(
        wrong.is_empty(),
        "{what}, {} of {} labels:\n{}",
        wrong.len(),
        texts.len(),
        wrong.join("\n")
    );
    assert!(hebrew > 5, "{what}: only {hebrew} Hebrew labels");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_font_installed_chromium_sets_every_label_at_the_measured_width() {
    let scratch = tempfile::tempdir().unwrap();
    // Debian's fonts-dejavu-core, which fontconfig itself depends on, with the slight hinting
    // Debian's fontconfig sets (10-hinting-slight.conf): full hinting would snap each glyph's
    // advance to whole pixels, a pixel off here and there for any font.
    let dejavu = Path::new("/usr/share/fonts/truetype/dejavu");
    let fonts = scratch.path().join("fonts.conf");
    std::fs::write(
        &fonts,
        format!(
            "<?xml version=\"1.0\"?><fontconfig><dir>{}</dir><cachedir>{}</cachedir>\
             <match target=\"font\"><edit name=\"hintstyle\" mode=\"assign\">\
             <const>hintslight</const></edit></match></fontconfig>",
            dejavu.display(),
            scratch.path().join("cache").display()
        ),
    )
    .unwrap();
    let Some(driver) = browser_or_skip(
        "without_the_font_installed_chromium_sets_every_label_at_the_measured_width",
        &[("FONTCONFIG_FILE", &fonts)],
    ) else {
        return;
    };
    assert!(
        dejavu.is_dir(),
        "no {dejavu:?}: fonts-dejavu-core is not installed"
    );
    let journey = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/bank-complaint-he.ron");
    let journey = journey.to_str().unwrap();
    let svg = scratch.path().join("chart.svg");
    emograph(&["export", journey, "-o", svg.to_str().unwrap()]);
    let report = scratch.path().join("report.html");
    emograph(&["report", journey, "-o", report.to_str().unwrap()]);

    let client = open(&driver, 1280, 800).await;
    check_widths(&client, &svg, "the SVG").await;
    check_widths(&client, &report, "the report").await;
    client.close().await.unwrap();
}
