//! Right to left: the process drawn from the right edge to the left, as a Hebrew or Arabic
//! reader expects a sequence to run.
//!
//! The Scene is reflected in data coordinates, about the middle of its x range, after the
//! chart built it: the GUI paints the reflected Scene and the Export dialog writes it, so what
//! is on screen is what is exported.

use crate::chart::Scene;

/// `x` reflected about the middle of the Scene's x range.
pub fn mirrored(scene: &Scene, x: f64) -> f64 {
    let (lo, hi) = scene.x_range;
    lo + hi - x
}

/// Reflects every x in the Scene: ticks, phase bands, quartile bands, curves and markers.
pub fn mirror_x(scene: &mut Scene) {
    let (lo, hi) = scene.x_range;
    let flip = |x: f64| lo + hi - x;
    for tick in &mut scene.x_ticks {
        tick.x = flip(tick.x);
    }
    for phase in &mut scene.phases {
        let (a, b) = (flip(phase.x_max), flip(phase.x_min));
        phase.x_min = a;
        phase.x_max = b;
    }
    for band in &mut scene.bands {
        for point in band.lower.iter_mut().chain(band.upper.iter_mut()) {
            point[0] = flip(point[0]);
        }
    }
    for curve in &mut scene.curves {
        for point in &mut curve.points {
            point.x = flip(point.x);
        }
    }
    for marker in &mut scene.markers {
        marker.x = flip(marker.x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{PhaseBand, Rgba, XTick};

    #[test]
    fn the_first_touchpoint_moves_to_the_right_end() {
        let mut scene = Scene {
            x_range: (-0.5, 2.5),
            x_ticks: (0..3)
                .map(|i| XTick {
                    x: f64::from(i),
                    label: format!("t{i}"),
                    touchpoint: i as usize,
                })
                .collect(),
            phases: vec![PhaseBand {
                x_min: -0.5,
                x_max: 0.5,
                label: "before".into(),
                shade: Rgba::rgb(0, 0, 0),
            }],
            ..Scene::default()
        };
        mirror_x(&mut scene);
        let xs: Vec<f64> = scene.x_ticks.iter().map(|t| t.x).collect();
        assert_eq!(xs, vec![2.0, 1.0, 0.0]);
        assert_eq!((scene.phases[0].x_min, scene.phases[0].x_max), (1.5, 2.5));
    }
}
