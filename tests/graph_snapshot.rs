// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "gui")]
//! Guards the look of the emotion graph: a small scene rendered through the software renderer
//! and compared with the committed image (`UPDATE_SNAPSHOTS=true cargo test` refreshes it).

use std::io::Write as _;

use egui_kittest::Harness;
use emograph::app::{graph, install_fonts};
use emograph::chart::{Theme, cases_scene};
use emograph::model::{Case, Journey, Touchpoint};

fn journey() -> Journey {
    let mut j = Journey {
        title: "Snapshot journey".into(),
        ..Journey::default()
    };
    for (id, name, phase) in [
        ("choose", "Choosing", "before"),
        ("park", "Parking", "during"),
        ("film", "The film", "during"),
        ("home", "Way home", "after"),
    ] {
        j.touchpoints.push(Touchpoint::new(id, name, phase));
    }
    for (id, scores) in [("a", [2.0, -4.0, 4.5, 1.0]), ("b", [1.0, -1.5, 3.0, -2.5])] {
        let mut case = Case::new(id, &format!("Case {id}"));
        for (tp, score) in j.touchpoints.iter().zip(scores) {
            case.scores.insert(tp.id.clone(), score);
        }
        j.cases.push(case);
    }
    j
}

/// Where the Vulkan loader looks for drivers (ICD manifests), as the loader's docs list them.
const ICD_DIRS: [&str; 4] = [
    "/usr/share/vulkan/icd.d",
    "/usr/local/share/vulkan/icd.d",
    "/etc/vulkan/icd.d",
    "/usr/lib/x86_64-linux-gnu/vulkan/icd.d",
];

/// Why the snapshot cannot be rendered here, if it cannot: no Vulkan driver (on a fresh machine
/// Mesa's software one, lavapipe, comes with `apt-get install mesa-vulkan-drivers`). Without one,
/// kittest's wgpu renderer panics instead of drawing.
fn no_renderer() -> Option<String> {
    if std::env::var_os("VK_ICD_FILENAMES").is_some()
        || std::env::var_os("VK_DRIVER_FILES").is_some()
    {
        return None;
    }
    let found = ICD_DIRS.iter().any(|dir| {
        std::fs::read_dir(dir).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "json"))
        })
    });
    (!found).then(|| {
        format!(
            "no Vulkan driver found (looked in {}); install one with `apt-get install mesa-vulkan-drivers`",
            ICD_DIRS.join(", ")
        )
    })
}

#[test]
fn emotion_graph_looks_right() {
    if let Some(why) = no_renderer() {
        // CI installs Mesa and sets this, so there a missing renderer fails instead of skipping.
        assert!(
            std::env::var_os("EMOGRAPH_REQUIRE_RENDERER").is_none(),
            "the snapshot test must run here, but {why}"
        );
        // Straight to stderr, past the test harness's capture, so the skip shows in `cargo test`.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED emotion_graph_looks_right (snapshot of the graph): {why}"
        );
        return;
    }
    // The software renderer here is Mesa's Vulkan (lavapipe): pick it unless told otherwise.
    if std::env::var_os("WGPU_BACKEND").is_none() {
        // SAFETY: set before any other thread of this test binary reads the environment.
        unsafe { std::env::set_var("WGPU_BACKEND", "vulkan") };
    }
    let journey = journey();
    let theme = Theme::light();
    let scene = cases_scene(&journey, &[0, 1], Some(0), &theme);
    let mut harness = Harness::builder()
        .with_size([640.0, 400.0])
        .with_context_setup(install_fonts)
        .build_ui(move |ui| {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| graph::graph_ui(ui, &scene, &theme, None, None));
        });
    harness.run();
    harness.snapshot("emotion_graph");
}
