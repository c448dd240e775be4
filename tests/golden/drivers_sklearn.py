"""Expected values for tests/drivers_sklearn.rs, computed by scikit-learn.

Generates the same survey as the Rust test (the same xorshift64* generator): 400 cases, five
touchpoints answered 1..5 (0 = not applicable), an outcome driven by touchpoint 3 ("Boarding")
and weakly by touchpoint 1; then scikit-learn's roc_auc_score per touchpoint over the cases that
answered it, and for the case's mean, worst, last and peak-end score. Prints the Rust constants.
Rerun after changing the data: python3 drivers_sklearn.py (scikit-learn >= 1.0, numpy).
"""
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

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


CASES = 400
TOUCHPOINTS = 5
PLANTED = 2


def survey():
    rng = Rng(0xD21_7E55)
    rows = []
    for _ in range(CASES):
        answers = []
        for t in range(TOUCHPOINTS):
            if rng.unit() < 0.08:
                answers.append(0)
            else:
                answers.append(1 + int(rng.unit() * 5))
        planted = answers[PLANTED] if answers[PLANTED] else 3
        weak = answers[0] if answers[0] else 3
        favourable = planted * 1.0 + weak * 0.3 + rng.unit() * 2.5 > 4.6
        rows.append((answers, favourable))
    return rows


def canonical(answer):
    return -5.0 + (answer - 1) * 2.5


rows = survey()
print("// per touchpoint, then mean, worst, last, peak_end")
print("const EXPECTED: [f64; 9] = [")
for t in range(TOUCHPOINTS):
    pairs = [(a[t], f) for a, f in rows if a[t]]
    print(f"    {roc_auc_score([f for _, f in pairs], [x for x, _ in pairs])!r},")
summaries = {"mean": [], "worst": [], "last": [], "peak_end": []}
for a, f in rows:
    scored = [canonical(x) for x in a if x]
    if not scored:
        continue
    worst, last = min(scored), scored[-1]
    for name, value in [("mean", sum(scored) / len(scored)), ("worst", worst), ("last", last),
                        ("peak_end", (worst + last) / 2.0)]:
        summaries[name].append((value, f))
for name in ["mean", "worst", "last", "peak_end"]:
    pairs = summaries[name]
    print(f"    {roc_auc_score([f for _, f in pairs], [x for x, _ in pairs])!r}, // {name}")
print("];")


def regression(rows):
    """emograph's regression summary done by scikit-learn: cases that scored something, folds by
    row (row mod 5), a missing score filled with the training fold's touchpoint mean, an L2
    logistic regression with C = 1 / 1e-3 (emograph's ridge on the weights, intercept free),
    AUC and correlation of the held-out probabilities."""
    x = np.array([[canonical(v) if v else np.nan for v in a] for a, _ in rows])
    y = np.array([f for _, f in rows])
    keep = ~np.all(np.isnan(x), axis=1)
    x, y = x[keep], y[keep]
    held_out = np.zeros(len(y))
    for fold in range(5):
        train = np.arange(len(y)) % 5 != fold
        filled = np.where(np.isnan(x), np.nanmean(x[train], axis=0), x)
        model = LogisticRegression(C=1000.0, tol=1e-12, max_iter=100000)
        model.fit(filled[train], y[train])
        held_out[~train] = model.predict_proba(filled[~train])[:, 1]
    return roc_auc_score(y, held_out), float(np.corrcoef(held_out, y.astype(float))[0, 1])


auc, corr = regression(rows)
print(f"const EXPECTED_REGRESSION_AUC: f64 = {auc!r};")
print(f"const EXPECTED_REGRESSION_CORRELATION: f64 = {corr!r};")
