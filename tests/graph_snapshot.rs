#![cfg(feature = "gui")]
//! Guards the look of the emotion graph: a small scene rendered through the software renderer
//! and compared with the committed image (`UPDATE_SNAPSHOTS=true cargo test` refreshes it).

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

#[test]
fn emotion_graph_looks_right() {
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
