"""Score calibration: a monotone map from a raw score to the chance the candidate is right,
fitted by isotonic regression on held-out pseudo-letters at build time and stored as knots."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Calibrator:
    x: np.ndarray  # raw-score knots, increasing
    y: np.ndarray  # observed accuracy at each knot, non-decreasing, in 0..1

    def __call__(self, raw: np.ndarray | float) -> np.ndarray:
        return np.interp(raw, self.x, self.y)


def fit(raw: np.ndarray, correct: np.ndarray, tail: bool = False) -> Calibrator:
    """Isotonic map from raw score to accuracy.  With ``tail``, the lowest step (the scores
    below the first few right answers, where isotonic regression says a flat 0 from a handful
    of points) is replaced by a logistic fit on log(raw) over all the points, capped at the
    step above it, so a weak but clear winner keeps a small honest chance instead of 0."""
    from sklearn.isotonic import IsotonicRegression  # fitting only; matching reads stored knots

    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(raw, correct.astype(float))
    cal = Calibrator(np.asarray(iso.X_thresholds_, dtype=np.float64), np.asarray(iso.y_thresholds_, dtype=np.float64))
    return _logistic_tail(cal, raw, correct) if tail else cal


TAIL_FLOOR = 1e-4  # raw scores (probabilities) below this are treated as this


def fit_beta(raw: np.ndarray, correct: np.ndarray) -> Calibrator:
    """Beta calibration (Kull et al., 2017): a logistic regression on log(raw) and log(1 - raw),
    stored as knots on a grid.  Three parameters instead of one step per block: where the
    labelled pairs are thin (NOC winners at low and middle raw probabilities), isotonic steps
    fitted on a handful of pairs did not hold under cross-validation and this does better."""
    from sklearn.linear_model import LogisticRegression

    if correct.all() or not correct.any():
        return fit(raw, correct)

    def features(r: np.ndarray) -> np.ndarray:
        return np.c_[np.log(np.maximum(r, TAIL_FLOOR)), np.log(np.maximum(1 - r, TAIL_FLOOR))]

    lr = LogisticRegression().fit(features(np.asarray(raw, dtype=np.float64)), correct.astype(int))
    grid = np.unique(np.concatenate([np.geomspace(TAIL_FLOOR, 1, 60), np.linspace(0, 1, 41)]))
    return Calibrator(grid, np.maximum.accumulate(lr.predict_proba(features(grid))[:, 1]))


def _logistic_tail(cal: Calibrator, raw: np.ndarray, correct: np.ndarray) -> Calibrator:
    from sklearn.linear_model import LogisticRegression

    positive = np.flatnonzero(cal.y > 0)
    if len(positive) == 0 or correct.all() or not correct.any():
        return cal
    x0, y0 = cal.x[positive[0]], cal.y[positive[0]]
    lr = LogisticRegression().fit(np.log(np.maximum(raw, TAIL_FLOOR)).reshape(-1, 1), correct.astype(int))
    if lr.coef_[0, 0] <= 0:  # no rising trend to extrapolate
        return cal
    grid = np.geomspace(TAIL_FLOOR, x0, 16)[:-1]
    low = np.minimum(lr.predict_proba(np.log(grid).reshape(-1, 1))[:, 1], y0)
    keep = cal.x >= x0
    return Calibrator(np.concatenate([grid, cal.x[keep]]), np.concatenate([low, cal.y[keep]]))


def reliability(scores: np.ndarray, correct: np.ndarray, bins: int = 5) -> list[tuple[str, int, float, float]]:
    """(bin, count, mean score, observed accuracy) per score bin, for the eval tables."""
    edges = np.linspace(0, 1, bins + 1)
    rows = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (scores >= lo) & ((scores < hi) if hi < 1 else (scores <= hi))
        if inside.any():
            rows.append((f"{lo:.1f}-{hi:.1f}", int(inside.sum()), float(scores[inside].mean()),
                         float(correct[inside].mean())))
    return rows
