"""Expected values for crates/emograph-core/tests/compare_scipy.rs, computed by scipy.

Generates the same data as the Rust test (the same xorshift64* generator and rounding), runs
scipy.stats.ttest_ind(equal_var=False) with its confidence interval and mannwhitneyu, and prints
the Rust constants. Rerun after changing the data: python3 compare_scipy.py (scipy >= 1.11).
"""
import math
from scipy import stats

M = (1 << 64) - 1


class Rng:
    def __init__(self, seed):
        self.s = seed

    def unit(self):
        s = self.s
        s ^= s >> 12
        s ^= (s << 25) & M
        s ^= s >> 27
        self.s = s
        return (((s * 0x2545F4914F6CDD1D) & M) >> 11) / float(1 << 53)


def score(rng, centre, half_width):
    v = centre + (rng.unit() * 2.0 - 1.0) * half_width
    v = math.floor(v * 2.0 + 0.5) / 2.0
    return min(5.0, max(-5.0, v))


TOUCHPOINTS = 12
CENTRES = [1.0, 0.5, -0.5, -1.0, -2.0, 0.0, 1.5, 2.0, 1.0, 0.5, -0.5, 1.0]
PLANTED = 4
rng = Rng(0x005E_ED0F_5C1B)
before = [[score(rng, c, 2.0) for c in CENTRES] for _ in range(40)]
after = [[score(rng, c + (2.0 if t == PLANTED else 0.0), 2.0) for t, c in enumerate(CENTRES)] for _ in range(35)]

print("// touchpoint: (welch t, welch df, welch p, ci low, ci high, mann-whitney U, mann-whitney p)")
print(f"const EXPECTED: [[f64; 7]; {TOUCHPOINTS}] = [")
for t in range(TOUCHPOINTS):
    a = [row[t] for row in before]
    b = [row[t] for row in after]
    w = stats.ttest_ind(b, a, equal_var=False)
    ci = w.confidence_interval(0.95)
    u = stats.mannwhitneyu(b, a)
    vals = [w.statistic, w.df, w.pvalue, ci.low, ci.high, u.statistic, u.pvalue]
    print("    [" + ", ".join(repr(float(v)) for v in vals) + "],")
print("];")

x = [0.31, 1.7, -0.4, 2.2, 0.9, 1.1]
y = [-1.3, 0.2, -0.7, 0.05, -2.1, 0.6, -0.15]
u = stats.mannwhitneyu(x, y)
print(f"const EXACT: [f64; 2] = [{float(u.statistic)!r}, {float(u.pvalue)!r}];")
