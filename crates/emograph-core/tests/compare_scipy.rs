// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The group comparison against scipy.stats, to 1e-9: Welch's t-test with its 95 % interval
//! and the Mann–Whitney U test on two generated survey waves, one planted change at one
//! touchpoint. The expected values come from `tests/golden/compare_scipy.py` (scipy 1.17.1),
//! which generates the same data with the same generator.

use emograph_core::analysis::{CompareParams, ScoreMatrix, Texts, Verdict, compare_groups};

/// xorshift64*, as the golden script implements it.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `centre ± half_width`, rounded to the half point a person would draw.
    fn score(&mut self, centre: f64, half_width: f64) -> f64 {
        let v = centre + (self.unit() * 2.0 - 1.0) * half_width;
        ((v * 2.0 + 0.5).floor() / 2.0).clamp(-5.0, 5.0)
    }
}

const CENTRES: [f64; 12] = [
    1.0, 0.5, -0.5, -1.0, -2.0, 0.0, 1.5, 2.0, 1.0, 0.5, -0.5, 1.0,
];
const PLANTED: usize = 4;

// touchpoint: (welch t, welch df, welch p, ci low, ci high, mann-whitney U, mann-whitney p)
#[rustfmt::skip]
const EXPECTED: [[f64; 7]; 12] = [
    [0.6961090582100055, 72.30442665627807, 0.48859218673433624, -0.3627202897165619, 0.7520060040022764, 767.0, 0.4766409346769276],
    [-1.2517735439041928, 68.84668972991575, 0.214888708117122, -0.7873909600378466, 0.1802481028949895, 579.5, 0.198075609044301],
    [-0.7307465617342243, 68.2202920628407, 0.46743629848233204, -0.7527750762272803, 0.3492036476558519, 636.0, 0.49589545507298116],
    [0.6757390755443669, 67.41223263903122, 0.5015179177541166, -0.35581301304915514, 0.7200987273348695, 759.0, 0.5300642221130305],
    [8.955376161229655, 72.99408909408778, 2.2592658623911603e-13, 1.906146038171996, 2.9974253903994326, 1274.0, 9.2497077103704e-10],
    [-1.2746435588855434, 69.50740840571125, 0.206680171817012, -0.925194920542449, 0.20376634911387764, 586.0, 0.22361660010590623],
    [-1.0986985583366649, 71.796249618508, 0.2755703680311281, -0.7840321078040902, 0.22688925066123278, 607.0, 0.3211293343663193],
    [0.8149331603912197, 70.52060313237963, 0.41785425932374237, -0.3281691825365224, 0.7817406111079511, 778.0, 0.40679280112256655],
    [-0.09726917021040771, 72.96317161286612, 0.9227793394902211, -0.6139908284135934, 0.5568479712707365, 691.5, 0.931690256751216],
    [0.6937836295399944, 71.2611734493159, 0.4900733255469914, -0.3580355202570391, 0.7401783773998962, 762.5, 0.50522337175185],
    [0.0863404222473495, 72.98685000463786, 0.9314322322904037, -0.5126430095880092, 0.5590715810165807, 717.0, 0.8598055484434401],
    [-1.1304274453203735, 72.99769097802323, 0.2619967126014793, -0.8437165350599951, 0.23300224934570957, 586.0, 0.22392194235311946],
];
#[rustfmt::skip]
const EXACT: [f64; 2] = [37.0, 0.022144522144522144];

fn waves() -> (ScoreMatrix, Texts) {
    let mut rng = Rng(0x005E_ED0F_5C1B);
    let mut matrix = ScoreMatrix::new(CENTRES.len());
    let mut groups = Texts::new();
    for _ in 0..40 {
        let row: Vec<f64> = CENTRES.iter().map(|&c| rng.score(c, 2.0)).collect();
        matrix.push_row(&row);
        groups.push("baseline 2026-11");
    }
    for _ in 0..35 {
        let row: Vec<f64> = CENTRES
            .iter()
            .enumerate()
            .map(|(t, &c)| rng.score(c + if t == PLANTED { 2.0 } else { 0.0 }, 2.0))
            .collect();
        matrix.push_row(&row);
        groups.push("after redesign 2027-03");
    }
    (matrix, groups)
}

fn assert_close(what: &str, got: Option<f64>, want: f64) {
    let got = got.unwrap_or(f64::NAN);
    let tolerance = 1e-9 * want.abs().max(1.0);
    assert!(
        (got - want).abs() <= tolerance,
        "{what}: {got} against scipy's {want}"
    );
}

#[test]
fn welch_and_mann_whitney_equal_scipy() {
    let (matrix, groups) = waves();
    let comparison = compare_groups(
        &matrix,
        &groups,
        "Baseline 2026-11",
        "after redesign 2027-03",
        &CompareParams::default(),
    );
    assert_eq!((comparison.from_cases, comparison.to_cases), (40, 35));
    for (t, want) in EXPECTED.iter().enumerate() {
        let c = &comparison.touchpoints[t];
        assert_close(&format!("t at {t}"), c.welch_t, want[0]);
        assert_close(&format!("df at {t}"), c.welch_df, want[1]);
        assert_close(&format!("p at {t}"), c.welch_p, want[2]);
        assert_close(&format!("ci low at {t}"), c.ci95.map(|ci| ci.0), want[3]);
        assert_close(&format!("ci high at {t}"), c.ci95.map(|ci| ci.1), want[4]);
        assert_close(&format!("U at {t}"), c.mann_whitney_u, want[5]);
        assert_close(&format!("U's p at {t}"), c.mann_whitney_p, want[6]);
    }
}

#[test]
fn the_planted_change_and_only_it_is_significant() {
    let (matrix, groups) = waves();
    for ordinal in [false, true] {
        let params = CompareParams {
            ordinal,
            ..CompareParams::default()
        };
        let comparison = compare_groups(
            &matrix,
            &groups,
            "baseline 2026-11",
            "after redesign 2027-03",
            &params,
        );
        assert_eq!(comparison.tested, 12);
        let significant: Vec<usize> = comparison
            .touchpoints
            .iter()
            .filter(|c| c.verdict.significant())
            .map(|c| c.touchpoint)
            .collect();
        assert_eq!(significant, vec![PLANTED], "ordinal: {ordinal}");
        assert_eq!(comparison.touchpoints[PLANTED].verdict, Verdict::Better);
    }
}

#[test]
fn the_exact_mann_whitney_test_equals_scipy_for_small_groups_without_ties() {
    let x = [0.31, 1.7, -0.4, 2.2, 0.9, 1.1];
    let y = [-1.3, 0.2, -0.7, 0.05, -2.1, 0.6, -0.15];
    let (u, p) = emograph_core::analysis::compare::mann_whitney(&x, &y).expect("a test");
    assert_close("U", Some(u), EXACT[0]);
    assert_close("p", Some(p), EXACT[1]);
}
