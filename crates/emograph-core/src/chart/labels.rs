//! Where the badges beside markers go, so that on a crowded graph they neither cover each other
//! nor the markers they explain. Both painters measure their text and ask here, so the screen
//! and the exported chart place them alike. Units are the painter's own (points or pixels),
//! with y growing downwards as on screen.

/// An axis-aligned box: `[left, top, right, bottom]`.
pub type Box2 = [f64; 4];

/// A badge that wants to sit beside a marker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// The marker's centre.
    pub anchor: [f64; 2],
    /// The badge's width and height, frame included.
    pub size: [f64; 2],
    /// How far from the anchor the badge's nearest corner stays (the marker's radius and a bit).
    pub gap: f64,
}

fn overlaps(a: &Box2, b: &Box2) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn inside(a: &Box2, bounds: &Box2) -> bool {
    a[0] >= bounds[0] && a[1] >= bounds[1] && a[2] <= bounds[2] && a[3] <= bounds[3]
}

/// Places the badges in the order given (put the most important first: they get the best
/// places). Each tries, nearest first, the four corners beside its marker, then above and below
/// it, then the same further out; it takes the first place inside `bounds` that covers no badge
/// placed before it and no `obstacle` (the markers). Returns each badge's top-left corner, or
/// `None` for a badge that fits nowhere: it is left out rather than drawn over another; the
/// marker's tooltip and the critical-points list still say what it would have said.
pub fn place_labels(
    requests: &[LabelRequest],
    bounds: Box2,
    obstacles: &[Box2],
) -> Vec<Option<[f64; 2]>> {
    let mut placed: Vec<Box2> = Vec::with_capacity(requests.len());
    requests
        .iter()
        .map(|request| {
            let [x, y] = request.anchor;
            let [w, h] = request.size;
            let g = request.gap;
            let spot = candidates(x, y, w, h, g)
                .map(|[left, top]| [left, top, left + w, top + h])
                .find(|b| {
                    inside(b, &bounds)
                        && !placed.iter().any(|p| overlaps(b, p))
                        && !obstacles.iter().any(|o| overlaps(b, o))
                })?;
            placed.push(spot);
            Some([spot[0], spot[1]])
        })
        .collect()
}

/// A thin line from a marker to its badge, for a badge that had to move away from it (so the
/// reader still sees which marker it explains): from the marker's edge to the badge's nearest
/// point. `None` when the badge sits right beside its marker.
pub fn leader(request: &LabelRequest, top_left: [f64; 2]) -> Option<[[f64; 2]; 2]> {
    let [x, y] = request.anchor;
    let [left, top] = top_left;
    let near = [
        x.clamp(left, left + request.size[0]),
        y.clamp(top, top + request.size[1]),
    ];
    let (dx, dy) = (near[0] - x, near[1] - y);
    let distance = dx.hypot(dy);
    let reach = request.gap;
    (distance > request.gap * 1.5)
        .then(|| [[x + dx / distance * reach, y + dy / distance * reach], near])
}

/// Top-left corners to try for a `w`×`h` badge near `(x, y)`, best first.
fn candidates(x: f64, y: f64, w: f64, h: f64, g: f64) -> impl Iterator<Item = [f64; 2]> {
    (0..4).flat_map(move |ring| {
        // Each ring moves one badge height further out, up or down.
        let d = f64::from(ring) * (h + g * 0.5);
        [
            [x + g, y - g - h - d],             // up right
            [x + g, y + g + d],                 // down right
            [x - g - w, y - g - h - d],         // up left
            [x - g - w, y + g + d],             // down left
            [x - w / 2.0, y - g * 1.5 - h - d], // above
            [x - w / 2.0, y + g * 1.5 + d],     // below
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Box2 = [0.0, 0.0, 800.0, 600.0];

    fn request(x: f64, y: f64) -> LabelRequest {
        LabelRequest {
            anchor: [x, y],
            size: [160.0, 20.0],
            gap: 8.0,
        }
    }

    fn boxes(requests: &[LabelRequest], places: &[Option<[f64; 2]>]) -> Vec<Box2> {
        requests
            .iter()
            .zip(places)
            .filter_map(|(r, p)| p.map(|[l, t]| [l, t, l + r.size[0], t + r.size[1]]))
            .collect()
    }

    #[test]
    fn a_lone_badge_sits_up_right_of_its_marker() {
        let places = place_labels(&[request(400.0, 300.0)], BOUNDS, &[]);
        assert_eq!(places, [Some([408.0, 272.0])]);
    }

    #[test]
    fn badges_of_neighbouring_markers_do_not_overlap() {
        // Five markers close together, as on a crowded overall view.
        let requests: Vec<LabelRequest> = (0..5)
            .map(|i| request(300.0 + f64::from(i) * 30.0, 300.0 + f64::from(i % 2) * 15.0))
            .collect();
        let places = place_labels(&requests, BOUNDS, &[]);
        assert!(places.iter().all(Option::is_some), "{places:?}");
        let placed = boxes(&requests, &places);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlaps(a, b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn badges_stay_inside_and_off_the_markers() {
        // At the right and top edges: the badge goes left and down instead.
        let corner = request(790.0, 5.0);
        let marker = [782.0, -3.0, 798.0, 13.0];
        let places = place_labels(&[corner], BOUNDS, &[marker]);
        let b = boxes(&[corner], &places)[0];
        assert!(inside(&b, &BOUNDS), "{b:?}");
        assert!(!overlaps(&b, &marker), "{b:?}");
        assert!(b[2] <= 790.0 && b[1] >= 5.0, "{b:?}");
    }

    #[test]
    fn a_badge_moved_away_gets_a_leader_line_and_a_near_one_none() {
        let r = request(400.0, 300.0);
        assert_eq!(leader(&r, [408.0, 272.0]), None);
        let [from, to] = leader(&r, [408.0, 200.0]).expect("a leader");
        assert_eq!(to, [408.0, 220.0]);
        // It starts at the marker's edge, not its centre.
        let start = (from[0] - 400.0).hypot(from[1] - 300.0);
        assert!((start - 8.0).abs() < 1e-9, "{from:?}");
    }

    #[test]
    fn a_badge_that_fits_nowhere_is_left_out() {
        let tiny = [0.0, 0.0, 100.0, 30.0];
        let places = place_labels(&[request(50.0, 15.0), request(60.0, 15.0)], tiny, &[]);
        assert_eq!(places, [None, None]);
        // The first of two that compete keeps its place.
        let requests = [request(300.0, 300.0), request(300.0, 300.0)];
        let places = place_labels(&requests, [250.0, 250.0, 480.0, 340.0], &[]);
        assert!(places[0].is_some());
        let placed = boxes(&requests, &places);
        assert!(placed.len() < 2 || !overlaps(&placed[0], &placed[1]));
    }
}
